import type { QueryClient, QueryKey } from '@tanstack/react-query';

import type { Event } from '@/api/generated';
import { applyToIndex, dropObjectEvents } from '@/ledger/changes';
import { inRange } from '@/ledger/order';
import { tellOtherTabs } from '@/ledger/tabs';

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
