import { hashKey, queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

import { todayIso } from '@/utils/calendar-date';

import { inRange, type EventRange } from './order';
import { eventsOfRange, ledgerQueries } from './shards';
import { adjustTotals, emptyPeriodTotals, type PeriodTotals } from './sums';

// How many rows each running sum has gathered, by filter, for progress bars.
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
 * Totals of every event of a filter, summed from the index: the months it
 * needs come in parallel, and those already there are not fetched again.
 * A change to one event adjusts these in place (./changes.ts), so they
 * stay exact without summing again.
 */
export const totalsQuery = (filters: EventRange) =>
  queryOptions({
    queryKey: [...ledgerQueries.totals(), filters] as const,
    queryFn: async ({ client, signal }): Promise<PeriodTotals> => {
      const key = hashKey([filters]);
      let rows = 0;
      try {
        const events = await eventsOfRange(
          client,
          filters,
          todayIso(),
          signal,
          (_month, shard) => {
            rows += shard.filter((event) => inRange(event, filters)).length;
            reportProgress(key, rows);
          },
        );
        return adjustTotals(emptyPeriodTotals(todayIso()), events, 1);
      } finally {
        progress.delete(key);
      }
    },
    // Summed from the cache: offline too, for the months the index holds.
    networkMode: 'always',
  });

/**
 * Totals of every event matching the filter. A filter no longer shown
 * stops waiting for its months (which still land in the index).
 */
export function useEventTotals(filters: EventRange) {
  return useQuery(totalsQuery(filters));
}

/**
 * How many rows the sum for the filter has gathered so far. Only what
 * shows the progress subscribes to it: it changes with every month.
 */
export function useTotalsProgress(filters: EventRange): number {
  const key = hashKey([filters]);
  return useSyncExternalStore(
    subscribeToProgress,
    () => progress.get(key) ?? 0,
  );
}
