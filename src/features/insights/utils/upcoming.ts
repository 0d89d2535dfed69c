import type { Event } from '@/api/generated';
import { addDays } from '@/utils/calendar-date';

/** How far the dashboard looks ahead, and back for recently due events. */
export const WINDOW_DAYS = 30;

/** The dates the dashboard fetches: WINDOW_DAYS either side of today. */
export function dueWindow(today: string): { from: string; to: string } {
  return {
    from: addDays(today, -WINDOW_DAYS),
    to: addDays(today, WINDOW_DAYS),
  };
}

export type DueEvents = {
  /** Dated in the last WINDOW_DAYS before today, newest first. */
  overdue: Event[];
  /** Dated today to WINDOW_DAYS ahead, soonest first. */
  upcoming: Event[];
};

/**
 * Events of the window split at today (which counts as upcoming). The API
 * has no "paid" status, so "overdue" only means the date has passed.
 */
export function splitDue(events: readonly Event[], today: string): DueEvents {
  const { from, to } = dueWindow(today);
  const overdue: Event[] = [];
  const upcoming: Event[] = [];
  for (const event of events) {
    const date = event.notification_date;
    if (date < from || date > to) continue;
    (date < today ? overdue : upcoming).push(event);
  }
  overdue.sort(
    (a, b) =>
      b.notification_date.localeCompare(a.notification_date) || b.id - a.id,
  );
  upcoming.sort(
    (a, b) =>
      a.notification_date.localeCompare(b.notification_date) || a.id - b.id,
  );
  return { overdue, upcoming };
}

export type DayGroup = { date: string; events: Event[] };

/** Consecutive events of one date together, in the order given. */
export function groupByDate(events: readonly Event[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const event of events) {
    const last = groups.at(-1);
    if (last?.date === event.notification_date) last.events.push(event);
    else groups.push({ date: event.notification_date, events: [event] });
  }
  return groups;
}

export type AmountKind = 'income' | 'expense';

export type SignedAmount = {
  kind: AmountKind;
  /** Positive for income, negative for expense. */
  value: number;
};

/** What an event brings in and costs, income first; zero parts left out. */
export function eventAmounts(event: Event): SignedAmount[] {
  const amounts: SignedAmount[] = [];
  if (event.income > 0) amounts.push({ kind: 'income', value: event.income });
  if (event.expense > 0) {
    amounts.push({ kind: 'expense', value: -event.expense });
  }
  return amounts;
}
