import type { QueryClient, QueryKey } from '@tanstack/react-query';

import type { Event } from '@/api/generated';

import { monthOf, yearOf } from './months';
import { inRange, listsBefore, type EventRange } from './order';
import { ledgerQueries } from './shards';
import { adjustTotals, type PeriodTotals } from './sums';

/** The filter of a totals query: the last part of its key. */
function rangeOf(key: QueryKey): EventRange {
  return key[key.length - 1] as EventRange;
}

function changeMonth(
  client: QueryClient,
  iso: string,
  change: (events: Event[]) => Event[],
) {
  const { queryKey } = ledgerQueries.month(monthOf(iso));
  if (client.getQueryData(queryKey) !== undefined) {
    client.setQueryData(queryKey, (events) => events && change(events));
  }
}

/** Sums that are being gathered right now start over from the changed months. */
function resumAnyRunning(client: QueryClient) {
  void client.invalidateQueries({
    queryKey: ledgerQueries.totals(),
    predicate: (query) => query.state.fetchStatus === 'fetching',
  });
}

/**
 * Shows a change of one event in the index: `before` leaves the month it
 * was in, `after` goes into its month where the server would list it, and
 * every cached sum moves by the difference. Only those months change; no
 * view fetches anything again.
 */
export function applyToIndex(
  client: QueryClient,
  before: Event | undefined,
  after: Event | undefined,
): void {
  if (before) {
    changeMonth(client, before.notification_date, (events) =>
      events.filter((event) => event.id !== before.id),
    );
  }
  if (after) {
    changeMonth(client, after.notification_date, (events) => {
      const at = events.findIndex((event) => listsBefore(after, event));
      const next = [...events];
      next.splice(at === -1 ? next.length : at, 0, after);
      return next;
    });
    const year = yearOf(after.notification_date);
    client.setQueriesData<number[]>(
      { queryKey: ledgerQueries.yearsKey() },
      (years) =>
        years &&
        (years.includes(year) ? years : [...years, year].sort((a, b) => b - a)),
    );
  }
  for (const [key, totals] of client.getQueriesData<PeriodTotals>({
    queryKey: ledgerQueries.totals(),
  })) {
    if (!totals) continue;
    const range = rangeOf(key);
    let next = totals;
    if (before && inRange(before, range))
      next = adjustTotals(next, [before], -1);
    if (after && inRange(after, range)) next = adjustTotals(next, [after], 1);
    if (next !== totals) client.setQueryData<PeriodTotals>(key, next);
  }
  resumAnyRunning(client);
}

/**
 * A deleted property's events leave the index with it (the server deletes
 * them too), and every sum is gathered again from the months already there.
 */
export function dropObjectEvents(client: QueryClient, objectId: number) {
  for (const [key, events] of client.getQueriesData<Event[]>({
    queryKey: [...ledgerQueries.all(), 'month'],
  })) {
    if (events?.some((event) => event.object_id === objectId)) {
      client.setQueryData<Event[]>(
        key,
        events.filter((event) => event.object_id !== objectId),
      );
    }
  }
  void client.invalidateQueries({ queryKey: ledgerQueries.totals() });
}
