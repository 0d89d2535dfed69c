const FALLBACK = '/';

/**
 * The page to return to after signing in: only a path inside this app, so
 * that a crafted link cannot send the user to another site.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//')) return FALLBACK;
  if (value.includes('\\')) return FALLBACK;
  const base = 'http://app.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== base) return FALLBACK;
  if (url.pathname === '/login' || url.pathname === '/register')
    return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function loginPathFor(returnTo: string): string {
  const safe = safeReturnTo(returnTo);
  return safe === FALLBACK
    ? '/login'
    : `/login?returnTo=${encodeURIComponent(safe)}`;
}
