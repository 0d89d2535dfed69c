import type { Event } from '@/api/generated';

export type Totals = {
  income: number;
  expense: number;
  net: number;
  count: number;
};

/** Sums for a period: the whole of it and each object's share. */
export type PeriodTotals = {
  all: Totals;
  byObject: ReadonlyMap<number, Totals>;
};

export const zeroTotals: Totals = { income: 0, expense: 0, net: 0, count: 0 };

function add(totals: Totals, event: Event): Totals {
  return {
    income: totals.income + event.income,
    expense: totals.expense + event.expense,
    net: totals.net + event.income - event.expense,
    count: totals.count + 1,
  };
}

/** Adds a page of events to running period totals, without mutating them. */
export function addEvents(
  totals: PeriodTotals,
  events: readonly Event[],
): PeriodTotals {
  let all = totals.all;
  const byObject = new Map(totals.byObject);
  for (const event of events) {
    all = add(all, event);
    byObject.set(
      event.object_id,
      add(byObject.get(event.object_id) ?? zeroTotals, event),
    );
  }
  return { all, byObject };
}

export const emptyPeriodTotals: PeriodTotals = {
  all: zeroTotals,
  byObject: new Map(),
};
