import type { QueryClient } from '@tanstack/react-query';

import { totalsQuery } from '@/ledger/totals';
import { todayIso } from '@/utils/calendar-date';

import {
  parseLedgerSearch,
  toEventFilters,
  type FilterScope,
} from '../utils/filters';
import { eventQueries, type EventFilters } from './queries';

/** The list query that the address asks for on a page of this scope. */
function filtersFromSearch(
  searchParams: URLSearchParams,
  scope: FilterScope,
): EventFilters {
  const { filter } = parseLedgerSearch(searchParams, scope);
  return toEventFilters(filter, todayIso(), scope.fixedObjectId);
}

/**
 * Starts loading the first page of the ledger that the address asks for,
 * from a route loader, without waiting for it.
 */
export function prefetchLedger(
  queryClient: QueryClient,
  searchParams: URLSearchParams,
  scope: FilterScope = {},
): void {
  void queryClient.prefetchInfiniteQuery(
    eventQueries.list(filtersFromSearch(searchParams, scope)),
  );
}

/** Starts summing the period that the address asks for, without waiting. */
export function prefetchTotals(
  queryClient: QueryClient,
  searchParams: URLSearchParams,
  scope: FilterScope = {},
): void {
  void queryClient.prefetchQuery(
    totalsQuery(filtersFromSearch(searchParams, scope)),
  );
}
