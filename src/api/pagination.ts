import { ApiError } from './errors';

type CursorPage<T> = {
  data: T[];
  pagination: { next_cursor: string | null };
};

/**
 * Fetches the pages of a cursor-paged list in order, handing each to
 * `onPage` as it arrives, until the last or until `onPage` says it has
 * enough (`true`). A cursor the server has already given would loop
 * forever, so it ends the walk as a response that breaks the contract.
 */
export async function walkPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  onPage: (rows: T[]) => boolean | void,
): Promise<void> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    if (onPage(page.data) === true) return;
    const next = page.pagination.next_cursor;
    if (!next) return;
    if (seen.has(next)) throw new ApiError({ kind: 'unexpected' });
    seen.add(next);
    cursor = next;
  }
}
