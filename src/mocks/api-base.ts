const configured: unknown = import.meta.env.VITE_API_BASE_URL;

/**
 * Where the handlers answer. Relative (`/api`) when the API shares the
 * page's origin, as by default, so one set of handlers serves the browser,
 * Vitest (resolved against jsdom's origin) and the Node HTTP server (resolved
 * against whatever origin it is reached at, e.g. behind nginx).
 */
export const mockApiBase = (
  typeof configured === 'string' && configured !== '' ? configured : '/api'
).replace(/\/+$/, '');
