const configured: unknown = import.meta.env.VITE_API_BASE_URL;

/**
 * The API's absolute base URL without a trailing slash. The client and the
 * mock backend both read it, so they can never disagree on where the API is.
 */
export const apiBaseUrl: string = new URL(
  typeof configured === 'string' && configured !== '' ? configured : '/api',
  globalThis.location?.origin ?? 'http://localhost',
).href.replace(/\/+$/, '');
