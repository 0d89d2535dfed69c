/**
 * The address's params of how the ledger's rows are viewed (./row-view.ts):
 * on their own so the router can read them without the rest.
 */
export const VIEW_PARAMS = ['q', 'type', 'sort'] as const;

/**
 * Whether going from one address to the other changes only how the rows
 * are viewed: then nothing needs loading, the index has the rows.
 */
export function onlyViewChanged(current: URL, next: URL): boolean {
  const rest = (url: URL) => {
    const params = new URLSearchParams(url.search);
    for (const name of VIEW_PARAMS) params.delete(name);
    params.sort();
    return `${url.pathname}?${params.toString()}`;
  };
  return current.search !== next.search && rest(current) === rest(next);
}
