import { apiBaseUrl } from '@/api/base-url';

export type ApiCall = {
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  query?: Record<string, string | number>;
};

export type ApiAnswer = {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when empty. */
  body: unknown;
  text: string;
};

/** Plain fetch against the API, for the mock backend's own tests. */
export async function callApi(
  method: string,
  path: string,
  { token, body, rawBody, query }: ApiCall = {},
): Promise<ApiAnswer> {
  const url = new URL(`${apiBaseUrl}${path}`);
  for (const [name, value] of Object.entries(query ?? {})) {
    url.searchParams.set(name, String(value));
  }
  const headers = new Headers();
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  const payload =
    rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(url, { method, headers, body: payload });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return {
    status: response.status,
    headers: response.headers,
    body: parsed,
    text,
  };
}
