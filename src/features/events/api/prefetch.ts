import type { QueryClient } from '@tanstack/react-query';

import { todayIso } from '@/lib/format';

import { parseLedgerSearch, toEventFilters } from '../utils/filters';
import { eventQueries } from './queries';

/**
 * Starts loading the first page of the ledger that the address asks for,
 * from a route loader, without waiting for it.
 */
export function prefetchLedger(
  queryClient: QueryClient,
  searchParams: URLSearchParams,
  fixedObjectId?: number,
): void {
  const { filter } = parseLedgerSearch(searchParams);
  const filters = toEventFilters(
    fixedObjectId === undefined ? filter : { period: filter.period },
    todayIso(),
    fixedObjectId,
  );
  void queryClient.prefetchInfiniteQuery(eventQueries.list(filters));
}
