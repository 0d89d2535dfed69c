import { ApiError } from './errors';

type CursorPage<T> = {
  data: T[];
  pagination: { next_cursor: string | null };
};

/**
 * Fetches every page of a cursor-paged list in order, handing each to
 * `onPage` as it arrives. A cursor the server has already given would loop
 * forever, so it ends the walk as a response that breaks the contract.
 */
export async function walkPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  onPage: (rows: T[]) => void,
): Promise<void> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    onPage(page.data);
    const next = page.pagination.next_cursor;
    if (!next) return;
    if (seen.has(next)) throw new ApiError({ kind: 'unexpected' });
    seen.add(next);
    cursor = next;
  }
}
