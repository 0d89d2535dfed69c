import type { Event, EventUpdate } from '@/api/generated';
import { changedFields } from '@/lib/edit-conflicts';
import { addDays, addMonths } from '@/utils/calendar-date';

/** One change made to every event of a selection. */
export type BulkEdit =
  /** To another property. */
  | { kind: 'move'; objectId: number }
  /**
   * Each date moved by `by` days or months (earlier when negative); a month
   * without the day gets its last day, as addMonths clamps: 31 January
   * plus one month is 28 February.
   */
  | { kind: 'shift'; by: number; unit: 'days' | 'months' }
  /** Every event on one date. */
  | { kind: 'set-date'; date: string }
  | { kind: 'set-description'; description: string }
  /** One side of the money, the other kept: "the rent from May on is 65,000". */
  | { kind: 'set-amount'; field: 'income' | 'expense'; amount: number };

const EDITABLE = [
  'notification_date',
  'income',
  'expense',
  'description',
  'object_id',
] as const satisfies readonly (keyof EventUpdate)[];

/** The fields the edit asks for, changed or not. */
function wanted(event: Event, edit: BulkEdit): EventUpdate {
  switch (edit.kind) {
    case 'move':
      return { object_id: edit.objectId };
    case 'shift':
      return {
        notification_date:
          edit.unit === 'days'
            ? addDays(event.notification_date, edit.by)
            : addMonths(event.notification_date, edit.by),
      };
    case 'set-date':
      return { notification_date: edit.date };
    case 'set-description':
      return { description: edit.description };
    case 'set-amount':
      return { [edit.field]: edit.amount };
  }
}

/**
 * The PATCH body that makes `event` what the edit asks: only the fields
 * that change, with absolute values (a shift is the new date, computed from
 * `event`), so sending it twice is the same as once. Null when the event
 * already is so, and nothing need be sent.
 */
export function bulkPatch(event: Event, edit: BulkEdit): EventUpdate | null {
  const values = { ...event, ...wanted(event, edit) };
  const patch = changedFields(event, values, EDITABLE);
  return Object.keys(patch).length === 0 ? null : patch;
}

/** What a selection holds, for the confirmation of a delete. */
export type SelectionSums = { count: number; income: number; expense: number };

/** How many events, and their income and expense; each id counted once. */
export function sumSelection(events: readonly Event[]): SelectionSums {
  const seen = new Set<number>();
  const sums: SelectionSums = { count: 0, income: 0, expense: 0 };
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    sums.count += 1;
    sums.income += event.income;
    sums.expense += event.expense;
  }
  return sums;
}
