import { useCallback } from 'react';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
} from '@tanstack/react-query';

import { ApiError } from '@/api/errors';
import {
  getEvent,
  listEvents,
  type Event,
  type ListEventsData,
} from '@/api/generated';
import { walkPages } from '@/api/pagination';
import { useOutbox } from '@/lib/outbox';
import { withoutPendingDeletes } from '@/lib/pending-deletes';

import { withOutboxPages, type EventPages } from '../utils/ledger-pages';

export type EventFilters = Omit<
  NonNullable<ListEventsData['query']>,
  'cursor' | 'limit'
>;

export const EVENTS_PAGE_SIZE = 200;

/**
 * The page after one whose next cursor the server had already given: it
 * would load the same pages forever, so it is an answer that cannot be read,
 * shown with Retry, never the end of the list.
 */
const REPEATED_CURSOR = { repeated: true } as const;
type PageParam = string | null | typeof REPEATED_CURSOR;

export const eventQueries = {
  all: () => ['events'] as const,
  lists: () => [...eventQueries.all(), 'list'] as const,
  /** One event as the server has it now, for an address that opens it. */
  detail: (id: number) =>
    queryOptions({
      queryKey: [...eventQueries.all(), 'detail', id] as const,
      queryFn: async ({ signal }) =>
        (await getEvent({ path: { id }, signal })).data.data,
      // Read afresh each time the address opens it (nothing kept after),
      // never changed under the dialog while it is open.
      staleTime: Infinity,
      gcTime: 0,
    }),
  list: (filters: EventFilters) =>
    infiniteQueryOptions({
      queryKey: [...eventQueries.lists(), filters] as const,
      queryFn: async ({ pageParam, signal }) => {
        if (typeof pageParam === 'object' && pageParam !== null) {
          throw new ApiError({ kind: 'unexpected' });
        }
        const { data } = await listEvents({
          query: {
            ...filters,
            limit: EVENTS_PAGE_SIZE,
            cursor: pageParam ?? undefined,
          },
          signal,
        });
        return { ...data, data: withoutPendingDeletes('event', data.data) };
      },
      initialPageParam: null as PageParam,
      getNextPageParam: (
        lastPage,
        _pages,
        _lastCursor,
        cursors,
      ): PageParam | undefined => {
        const next = lastPage.pagination.next_cursor;
        if (!next) return undefined;
        return cursors.includes(next) ? REPEATED_CURSOR : next;
      },
    }),
};

/** Fetches every event of a filter, handing over each page as it arrives. */
export function walkEvents(
  filters: EventFilters,
  signal: AbortSignal,
  onPage: (events: Event[]) => void,
): Promise<void> {
  return walkPages(
    async (cursor) => {
      const { data } = await listEvents({
        query: { ...filters, limit: EVENTS_PAGE_SIZE, cursor },
        signal,
      });
      return data;
    },
    (events) => onPage(withoutPendingDeletes('event', events)),
  );
}

/**
 * The events of a filter, page by page, with what waits in the outbox
 * (lib/outbox) as it will leave them. While another filter's first page
 * loads, the previous filter's rows stay (whole, never mixed with the new
 * ones); the request for a filter no longer shown is cancelled.
 */
export function useEvents(filters: EventFilters) {
  const outbox = useOutbox();
  const withUnsent = useCallback(
    (data: EventPages) => withOutboxPages(data, filters, outbox),
    [filters, outbox],
  );
  return useInfiniteQuery({
    ...eventQueries.list(filters),
    placeholderData: keepPreviousData,
    // Only while anything waits: a select is shared structurally with the
    // last result, which a ledger of many rows pays for on every change.
    select: outbox.length > 0 ? withUnsent : undefined,
  });
}
