import { queryOptions } from '@tanstack/react-query';

import { eventsOfRange } from '@/ledger/shards';

import { dueWindow } from '../utils/upcoming';

export const insightQueries = {
  all: () => ['insights'] as const,
  /**
   * Every event dated within 30 days either side of `today`, read from the
   * ledger's index (two or three months, shared with every other view). It
   * is read again whenever the dashboard mounts, which costs no request
   * for months the index holds: an event added, edited or deleted on
   * another page is there when the owner comes back.
   */
  upcoming: (today: string) =>
    queryOptions({
      queryKey: [...insightQueries.all(), 'upcoming', today] as const,
      queryFn: ({ client, signal }) => {
        const { from, to } = dueWindow(today);
        return eventsOfRange(
          client,
          { date_from: from, date_to: to },
          today,
          signal,
        );
      },
      staleTime: 30_000,
      refetchOnMount: 'always',
      // Read from the index, which says itself what waits for the network.
      networkMode: 'always',
    }),
};
