import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

import {
  adjustTotals,
  emptyPeriodTotals,
  type PeriodTotals,
} from '../utils/totals';
import { eventQueries, walkEvents, type EventFilters } from './queries';

// How many rows each running walk has summed, by filter, for progress bars.
const progress = new Map<string, number>();
const progressListeners = new Set<() => void>();

function reportProgress(key: string, rows: number) {
  progress.set(key, rows);
  for (const listener of progressListeners) listener();
}

function subscribeToProgress(listener: () => void) {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

/**
 * Walks every page of a filter and sums it. The API has no aggregation, so
 * this is the only exact way; only sums are kept, never the rows.
 */
async function sumAllPages(
  filters: EventFilters,
  signal: AbortSignal,
): Promise<PeriodTotals> {
  const key = JSON.stringify(filters);
  let totals = emptyPeriodTotals;
  try {
    await walkEvents(filters, signal, (events) => {
      totals = adjustTotals(totals, events, 1);
      reportProgress(key, totals.all.count);
    });
    return totals;
  } finally {
    progress.delete(key);
  }
}

export const totalsQuery = (filters: EventFilters) =>
  queryOptions({
    queryKey: [...eventQueries.totals(), filters] as const,
    queryFn: ({ signal }) => sumAllPages(filters, signal),
  });

/**
 * Totals of every event matching the filter. A filter no longer shown
 * cancels its walk (the request signal is consumed).
 */
export function useEventTotals(filters: EventFilters) {
  return useQuery(totalsQuery(filters));
}

/**
 * How many rows the walk for the filter has summed so far. Only what shows
 * the progress subscribes to it: it changes with every page.
 */
export function useTotalsProgress(filters: EventFilters): number {
  const key = JSON.stringify(filters);
  return useSyncExternalStore(
    subscribeToProgress,
    () => progress.get(key) ?? 0,
  );
}
