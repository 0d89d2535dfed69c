import { http } from 'msw';
import { onTestFinished } from 'vitest';

import { mockApiBase } from '@/mocks/api-base';
import { server } from '@/mocks/node';

/**
 * Every request the mock backend receives from now until the test ends,
 * as copies whose body is still there to read.
 */
export function recordMockRequests(): Request[] {
  const requests: Request[] = [];
  const listener = ({ request }: { request: Request }) => {
    requests.push(request.clone());
  };
  server.events.on('request:start', listener);
  onTestFinished(() => {
    server.events.removeListener('request:start', listener);
  });
  return requests;
}

/**
 * Lets every task queued so far run (React Query hands its updates to the
 * screen in a task of their own); not a wait for time to pass.
 */
export const nextTask = () =>
  new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Holds back the ledger's index (its years probe never answers), so the
 * ledger shows its first page by cursor, as before the index is in.
 */
export function holdIndexProbes() {
  server.use(
    http.get(`${mockApiBase}/events`, ({ request }) =>
      new URL(request.url).searchParams.get('limit') === '1'
        ? new Promise<never>(() => undefined)
        : undefined,
    ),
  );
}
