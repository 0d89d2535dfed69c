import type { EventCreate } from '@/api/generated';

/**
 * What makes two events the same entry: property, date, amounts and
 * description. A create whose answer was lost is looked for by it, and an
 * import skips the rows the ledger already holds by it.
 */
export const entryIdentity = (event: EventCreate) =>
  [
    event.object_id,
    event.notification_date,
    event.income,
    event.expense,
    event.description,
  ].join('\u0000');
