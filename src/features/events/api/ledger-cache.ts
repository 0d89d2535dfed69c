import type { QueryClient, QueryKey } from '@tanstack/react-query';

import type { Event, EventCreate } from '@/api/generated';
import { isTemporary } from '@/lib/temporary-id';
import { applyToIndex, dropObjectEvents } from '@/ledger/changes';
import { inRange } from '@/ledger/order';
import { ledgerQueries } from '@/ledger/shards';
import { tellOtherTabs } from '@/ledger/tabs';

import { entryIdentity } from '../utils/identity';
import {
  withEvent,
  withoutEvent,
  type EventPages,
} from '../utils/ledger-pages';
import { eventQueries, type EventFilters } from './queries';

/** The filter of a list query: the last part of its key. */
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
 * Shows a change in every cached list and in the index (with every sum it
 * touches): `before` leaves (by id), `after` arrives where the server
 * would list it.
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
    if (after && inRange(after, filtersOf(key))) {
      next = withEvent(next, after);
    }
    if (next !== data) queryClient.setQueryData<EventPages>(key, next);
  }
  applyToIndex(queryClient, before, after);
}

/**
 * Every event the cache holds, in lists and in the index's months (an
 * event may be in both): what the screens show now.
 */
export function cachedEvents(queryClient: QueryClient): Event[] {
  const events: Event[] = [];
  for (const [, data] of queryClient.getQueriesData<EventPages>({
    queryKey: eventQueries.lists(),
  })) {
    for (const page of data?.pages ?? []) events.push(...page.data);
  }
  for (const [, month] of queryClient.getQueriesData<Event[]>({
    queryKey: ledgerQueries.monthsKey(),
  })) {
    events.push(...(month ?? []));
  }
  return events;
}

/**
 * For each body, the ids of saved events the cache holds that are the
 * same entry: one pass over the cache however many bodies (a repeat).
 */
export function sameEntryIds(
  queryClient: QueryClient,
  bodies: readonly EventCreate[],
): number[][] {
  const wanted = new Map<string, Set<number>>(
    bodies.map((body) => [entryIdentity(body), new Set()]),
  );
  for (const event of cachedEvents(queryClient)) {
    if (isTemporary(event.id)) continue;
    wanted.get(entryIdentity(event))?.add(event.id);
  }
  return bodies.map((body) => [...(wanted.get(entryIdentity(body)) ?? [])]);
}

/**
 * A deleted property's events leave the index and every list (the server
 * deleted them with it); the lists load afresh when next shown.
 */
export async function forgetObjectEvents(
  queryClient: QueryClient,
  objectId: number,
) {
  dropObjectEvents(queryClient, objectId);
  tellOtherTabs({ kind: 'object-deleted', id: objectId });
  await queryClient.invalidateQueries({ queryKey: eventQueries.lists() });
}

/**
 * After a write: lists keep their updated rows and are loaded afresh the
 * next time they are opened. The index and its sums are already exact.
 */
export async function settleEventChange(queryClient: QueryClient) {
  await queryClient.invalidateQueries({
    queryKey: eventQueries.lists(),
    refetchType: 'none',
  });
}
