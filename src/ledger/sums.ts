import type { Event } from '@/api/generated';

/** Money in and out over some span, in whole units of the user's currency. */
export type Money = { income: number; expense: number; net: number };

export type Totals = Money & { count: number };

/**
 * Sums for a period: the whole of it, each object's share, each month's,
 * and the share dated after `asOf` (today when summed): planned, not yet
 * received or paid.
 */
export type PeriodTotals = {
  all: Totals;
  planned: Totals;
  asOf: string;
  byObject: ReadonlyMap<number, Totals>;
  /** Keyed by calendar month, `YYYY-MM`; months without events are absent. */
  byMonth: ReadonlyMap<string, Totals>;
};

export const zeroTotals: Totals = { income: 0, expense: 0, net: 0, count: 0 };

export function emptyPeriodTotals(asOf: string): PeriodTotals {
  return {
    all: zeroTotals,
    planned: zeroTotals,
    asOf,
    byObject: new Map(),
    byMonth: new Map(),
  };
}

function shift(totals: Totals, event: Event, sign: 1 | -1): Totals {
  return {
    income: totals.income + sign * event.income,
    expense: totals.expense + sign * event.expense,
    net: totals.net + sign * (event.income - event.expense),
    count: totals.count + sign,
  };
}

/**
 * Totals with events added (1) or taken away (-1), without mutating them:
 * page by page while summing a period, or what one change will do to them,
 * shown before the server confirms it.
 */
export function adjustTotals(
  totals: PeriodTotals,
  events: readonly Event[],
  sign: 1 | -1,
): PeriodTotals {
  let { all, planned } = totals;
  const byObject = new Map(totals.byObject);
  const byMonth = new Map(totals.byMonth);
  for (const event of events) {
    all = shift(all, event, sign);
    if (event.notification_date > totals.asOf) {
      planned = shift(planned, event, sign);
    }
    const object = event.object_id;
    byObject.set(
      object,
      shift(byObject.get(object) ?? zeroTotals, event, sign),
    );
    const month = event.notification_date.slice(0, 7);
    byMonth.set(month, shift(byMonth.get(month) ?? zeroTotals, event, sign));
  }
  return { all, planned, asOf: totals.asOf, byObject, byMonth };
}
