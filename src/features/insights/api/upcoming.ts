import { queryOptions } from '@tanstack/react-query';

import { listEvents, type Event } from '@/api/generated';
import { walkPages } from '@/api/pagination';

import { dueWindow } from '../utils/upcoming';
import { withoutPendingDeletes } from '@/lib/pending-deletes';

const PAGE_SIZE = 200;

export const insightQueries = {
  all: () => ['insights'] as const,
  /**
   * Every event dated within 30 days either side of `today`. Event writes
   * invalidate only the events feature's keys, so this refetches whenever
   * the dashboard mounts (the cached list shows meanwhile): an event added,
   * edited or deleted on another page is there when the owner comes back.
   * Within one visit the app's 30 s staleTime applies.
   */
  upcoming: (today: string) =>
    queryOptions({
      queryKey: [...insightQueries.all(), 'upcoming', today] as const,
      queryFn: async ({ signal }) => {
        const events: Event[] = [];
        const { from, to } = dueWindow(today);
        await walkPages(
          async (cursor) => {
            const { data } = await listEvents({
              query: { date_from: from, date_to: to, limit: PAGE_SIZE, cursor },
              signal,
            });
            return data;
          },
          (rows) => events.push(...withoutPendingDeletes('event', rows)),
        );
        return events;
      },
      staleTime: 30_000,
      refetchOnMount: 'always',
    }),
};
