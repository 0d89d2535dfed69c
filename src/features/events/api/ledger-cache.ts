import type { QueryClient, QueryKey } from '@tanstack/react-query';

import type { Event } from '@/api/generated';

import {
  matchesFilters,
  withEvent,
  withoutEvent,
  type EventPages,
} from '../utils/ledger-pages';
import { adjustTotals, type PeriodTotals } from '../utils/totals';
import { eventQueries, type EventFilters } from './queries';

/** The filter of a list or totals query: the last part of its key. */
function filtersOf(key: QueryKey): EventFilters {
  return key[key.length - 1] as EventFilters;
}

/**
 * Stops page loads of lists that show rows: a page that lands after an
 * optimistic change would carry the rows from before it. Lists still on
 * their first load are left alone; they have nothing to change yet.
 */
export async function holdListFetches(queryClient: QueryClient) {
  await queryClient.cancelQueries({
    queryKey: eventQueries.lists(),
    predicate: (query) => query.state.data !== undefined,
  });
}

/**
 * Shows a change in every cached list and total it touches: `before`
 * leaves (by id), `after` arrives where the server would list it.
 */
export function applyEventChange(
  queryClient: QueryClient,
  before: Event | undefined,
  after: Event | undefined,
) {
  const lists = queryClient.getQueriesData<EventPages>({
    queryKey: eventQueries.lists(),
  });
  for (const [key, data] of lists) {
    if (!data) continue;
    let next = before ? withoutEvent(data, before.id) : data;
    if (after && matchesFilters(after, filtersOf(key))) {
      next = withEvent(next, after);
    }
    if (next !== data) queryClient.setQueryData<EventPages>(key, next);
  }
  const totals = queryClient.getQueriesData<PeriodTotals>({
    queryKey: eventQueries.totals(),
  });
  for (const [key, data] of totals) {
    if (!data) continue;
    const filters = filtersOf(key);
    let next = data;
    if (before && matchesFilters(before, filters)) {
      next = adjustTotals(next, [before], -1);
    }
    if (after && matchesFilters(after, filters)) {
      next = adjustTotals(next, [after], 1);
    }
    if (next !== data) queryClient.setQueryData<PeriodTotals>(key, next);
  }
}

/**
 * After a write: totals are summed again for exactness; lists keep their
 * updated rows and are loaded afresh the next time they are opened.
 */
export async function settleEventChange(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: eventQueries.totals() }),
    queryClient.invalidateQueries({
      queryKey: eventQueries.lists(),
      refetchType: 'none',
    }),
  ]);
}
