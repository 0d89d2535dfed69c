import {
  keepPreviousData,
  queryOptions,
  useQuery,
} from '@tanstack/react-query';

import type { Event } from '@/api/generated';
import { todayIso } from '@/utils/calendar-date';

import type { EventRange } from './order';
import { eventsOfRange, ledgerQueries } from './shards';

/**
 * Every row of a filter from the index, newest first: the table's rows
 * once its months are in (they are the ones the totals read, so no row is
 * fetched twice), kept up to date by each change (./changes.ts).
 */
export const rowsQuery = (filters: EventRange) =>
  queryOptions({
    queryKey: [...ledgerQueries.rows(), filters] as const,
    queryFn: ({ client, signal }): Promise<readonly Event[]> =>
      eventsOfRange(client, filters, todayIso(), signal),
    // Read from the cache: offline too, what the index holds is there (a
    // month it lacks waits for the connection by itself).
    networkMode: 'always',
  });

/** The rows of a filter; while they come, those of the filter before. */
export function useLedgerRows(filters: EventRange) {
  return useQuery({ ...rowsQuery(filters), placeholderData: keepPreviousData });
}
