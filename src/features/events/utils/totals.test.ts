import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';

import { addEvents, emptyPeriodTotals } from './totals';

const event = (
  id: number,
  object_id: number,
  income: number,
  expense: number,
): Event => ({
  id,
  object_id,
  income,
  expense,
  notification_date: '2026-01-15',
  description: '',
});

describe('period totals', () => {
  it('sums income, expense and net, overall and per object, page by page', () => {
    const first = addEvents(emptyPeriodTotals, [
      event(1, 1, 1000, 0),
      event(2, 2, 0, 300),
    ]);
    const second = addEvents(first, [event(3, 1, 0, 250), event(4, 1, 40, 0)]);
    expect(second.all).toEqual({
      income: 1040,
      expense: 550,
      net: 490,
      count: 4,
    });
    expect(second.byObject.get(1)).toEqual({
      income: 1040,
      expense: 250,
      net: 790,
      count: 3,
    });
    expect(second.byObject.get(2)).toEqual({
      income: 0,
      expense: 300,
      net: -300,
      count: 1,
    });
  });

  it('leaves earlier totals untouched', () => {
    const first = addEvents(emptyPeriodTotals, [event(1, 1, 10, 0)]);
    addEvents(first, [event(2, 1, 5, 0)]);
    expect(first.all.income).toBe(10);
    expect(first.byObject.get(1)?.count).toBe(1);
  });
});
