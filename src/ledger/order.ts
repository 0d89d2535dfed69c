import type { Event, ListEventsData } from '@/api/generated';
import { isTemporary } from '@/lib/temporary-id';

/** What every view of the ledger filters by: the list's own filters. */
export type EventRange = Omit<
  NonNullable<ListEventsData['query']>,
  'cursor' | 'limit'
>;

/**
 * A row not yet saved has a temporary id; the server will give it the next
 * id, the highest, so it lists first among the events of its day.
 */
function rank(id: number): number {
  return isTemporary(id) ? Number.MAX_SAFE_INTEGER + id : id;
}

/** Whether `a` lists before `b`: newest date first, then highest id. */
export function listsBefore(a: Event, b: Event): boolean {
  return (
    a.notification_date > b.notification_date ||
    (a.notification_date === b.notification_date && rank(a.id) > rank(b.id))
  );
}

/** Whether an event is among those a filter lists. */
export function inRange(event: Event, range: EventRange): boolean {
  return (
    (range.object_id === undefined || event.object_id === range.object_id) &&
    (range.date_from === undefined ||
      event.notification_date >= range.date_from) &&
    (range.date_to === undefined || event.notification_date <= range.date_to)
  );
}
