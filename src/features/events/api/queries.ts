import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { listEvents, type ListEventsData } from '@/api/generated';

export type EventFilters = Omit<
  NonNullable<ListEventsData['query']>,
  'cursor' | 'limit'
>;

export const EVENTS_PAGE_SIZE = 200;

export const eventQueries = {
  all: () => ['events'] as const,
  list: (filters: EventFilters) =>
    infiniteQueryOptions({
      queryKey: [...eventQueries.all(), 'list', filters] as const,
      queryFn: async ({ pageParam, signal }) => {
        const { data } = await listEvents({
          query: {
            ...filters,
            limit: EVENTS_PAGE_SIZE,
            cursor: pageParam ?? undefined,
          },
          signal,
        });
        return data;
      },
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage, _pages, lastCursor) => {
        const next = lastPage.pagination.next_cursor;
        // A server that repeats a cursor would otherwise load the same page forever.
        return next && next !== lastCursor ? next : undefined;
      },
    }),
};

export function useEvents(filters: EventFilters) {
  return useInfiniteQuery(eventQueries.list(filters));
}
