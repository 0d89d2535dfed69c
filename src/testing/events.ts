import { http } from 'msw';

import type { Event } from '@/api/generated';
import { mockApiBase } from '@/mocks/api-base';
import { server } from '@/mocks/node';

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

/**
 * Holds back the ledger's index (its years probe never answers), so the
 * ledger shows its first page by cursor, as before the index is in.
 */
export function holdIndexProbes() {
  server.use(
    http.get(`${mockApiBase}/events`, ({ request }) =>
      new URL(request.url).searchParams.get('limit') === '1'
        ? new Promise<never>(() => undefined)
        : undefined,
    ),
  );
}
