import { endSession, getToken } from '@/api/auth-session';

import { apiBaseUrl } from './base-url';
import { fromFetchFailure, fromHttpResponse, isAbort } from './errors';
import { client } from './generated/client.gen';

/** A request that has not answered by then is given up with a clear message. */
export const REQUEST_TIMEOUT_MS = 15_000;

client.setConfig({
  baseUrl: apiBaseUrl,
  throwOnError: true,
  auth: () => getToken() ?? undefined,
  // The client always passes a Request; a timeout joins the caller's signal.
  // Answers hold private data, so the browser's cache never keeps them.
  fetch: (input) => {
    const request = input as Request;
    return globalThis.fetch(request, {
      cache: 'no-store',
      signal: AbortSignal.any([
        request.signal,
        AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ]),
    });
  },
});

client.interceptors.error.use((error, response, request) => {
  if (!response) return isAbort(error) ? error : fromFetchFailure(error);
  // A 401 on a request that carried a token means the session is over;
  // endSession acts once however many requests fail together.
  if (response.status === 401 && request.headers.has('Authorization')) {
    endSession('expired');
  }
  return fromHttpResponse(error, response);
});

export { client };
