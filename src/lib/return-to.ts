const FALLBACK = '/';
const AUTH_PAGES = new Set(['/login', '/register']);

/**
 * The page to return to after signing in: only a path inside this app, so
 * that a crafted link cannot send the user to another site. The value is
 * resolved the way the browser would resolve it (dot segments, encoded dots,
 * backslashes, tabs), and the path is built from that result, never from the
 * raw string; a path that would itself read as another host is refused.
 */
export function safeReturnTo(
  value: string | null | undefined,
  origin: string = window.location.origin,
): string {
  if (!value?.startsWith('/')) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== origin || url.pathname.startsWith('//')) return FALLBACK;
  if (AUTH_PAGES.has(url.pathname)) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return new URL(path, origin).origin === origin ? path : FALLBACK;
}

export function loginPathFor(returnTo: string): string {
  const safe = safeReturnTo(returnTo);
  return safe === FALLBACK
    ? '/login'
    : `/login?returnTo=${encodeURIComponent(safe)}`;
}
