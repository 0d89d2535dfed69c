import type { Event } from '@/api/generated';

/** The API's order of events: newest `notification_date` first, then `id`. */
export function newestFirst(
  a: Pick<Event, 'notification_date' | 'id'>,
  b: Pick<Event, 'notification_date' | 'id'>,
): number {
  return a.notification_date === b.notification_date
    ? b.id - a.id
    : a.notification_date < b.notification_date
      ? 1
      : -1;
}
