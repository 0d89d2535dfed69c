import type { QueryClient, QueryKey } from '@tanstack/react-query';

import type { Event } from '@/api/generated';

import { monthOf, yearOf } from './months';
import { inRange, listsBefore, type EventRange } from './order';
import { ledgerQueries } from './shards';
import { adjustTotals, type PeriodTotals } from './sums';

/** The filter of a totals or rows query: the last part of its key. */
function rangeOf(key: QueryKey): EventRange {
  return key[key.length - 1] as EventRange;
}

/** The rows without `before` and with `after` where the server would list it. */
function changed(
  events: readonly Event[],
  before: Event | undefined,
  after: Event | undefined,
): Event[] {
  const next = before
    ? events.filter((event) => event.id !== before.id)
    : [...events];
  if (after) {
    const at = next.findIndex((event) => listsBefore(after, event));
    next.splice(at === -1 ? next.length : at, 0, after);
  }
  return next;
}

function changeMonth(
  client: QueryClient,
  iso: string,
  before: Event | undefined,
  after: Event | undefined,
) {
  const { queryKey } = ledgerQueries.month(monthOf(iso));
  client.setQueryData(
    queryKey,
    (events) => events && changed(events, before, after),
  );
}

/** Sums and rows being gathered right now start over from the changed months. */
function resumAnyRunning(client: QueryClient) {
  for (const queryKey of [ledgerQueries.totals(), ledgerQueries.rows()]) {
    void client.invalidateQueries({
      queryKey,
      predicate: (query) => query.state.fetchStatus === 'fetching',
    });
  }
}

/**
 * Shows a change of one event in the index: `before` leaves the month it
 * was in, `after` goes into its month where the server would list it, the
 * rows of every filter follow, and every cached sum moves by the
 * difference. Only those months change; no view fetches anything again.
 */
export function applyToIndex(
  client: QueryClient,
  before: Event | undefined,
  after: Event | undefined,
): void {
  if (before) changeMonth(client, before.notification_date, before, undefined);
  if (after) {
    changeMonth(client, after.notification_date, undefined, after);
    const year = yearOf(after.notification_date);
    client.setQueriesData<number[]>(
      { queryKey: ledgerQueries.yearsKey() },
      (years) =>
        years &&
        (years.includes(year) ? years : [...years, year].sort((a, b) => b - a)),
    );
  }
  for (const [key, rows] of client.getQueriesData<readonly Event[]>({
    queryKey: ledgerQueries.rows(),
  })) {
    if (!rows) continue;
    const range = rangeOf(key);
    const leaving = before && inRange(before, range) ? before : undefined;
    const arriving = after && inRange(after, range) ? after : undefined;
    if (leaving || arriving) {
      client.setQueryData(key, changed(rows, leaving, arriving));
    }
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
    queryKey: ledgerQueries.monthsKey(),
  })) {
    if (events?.some((event) => event.object_id === objectId)) {
      client.setQueryData<Event[]>(
        key,
        events.filter((event) => event.object_id !== objectId),
      );
    }
  }
  for (const queryKey of [ledgerQueries.totals(), ledgerQueries.rows()]) {
    void client.invalidateQueries({ queryKey });
  }
}
