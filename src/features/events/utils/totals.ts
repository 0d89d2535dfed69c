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

function shift(totals: Totals, event: Event, sign: 1 | -1): Totals {
  return {
    income: totals.income + sign * event.income,
    expense: totals.expense + sign * event.expense,
    net: totals.net + sign * (event.income - event.expense),
    count: totals.count + sign,
  };
}

/**
 * Totals with one event added (1) or taken away (-1): what a change will do
 * to them, shown before the server confirms it.
 */
export function adjustTotals(
  totals: PeriodTotals,
  event: Event,
  sign: 1 | -1,
): PeriodTotals {
  const byObject = new Map(totals.byObject);
  byObject.set(
    event.object_id,
    shift(byObject.get(event.object_id) ?? zeroTotals, event, sign),
  );
  return { all: shift(totals.all, event, sign), byObject };
}
