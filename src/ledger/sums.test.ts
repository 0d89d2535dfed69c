import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';

import { adjustTotals, emptyPeriodTotals } from './sums';

const event = (
  id: number,
  object_id: number,
  income: number,
  expense: number,
  notification_date = '2026-01-15',
): Event => ({
  id,
  object_id,
  income,
  expense,
  notification_date,
  description: '',
});

describe('period totals', () => {
  it('keeps apart what is dated after today: planned, not yet received or paid', () => {
    const totals = adjustTotals(
      emptyPeriodTotals('2026-06-15'),
      [
        event(1, 1, 1000, 0, '2026-06-15'),
        event(2, 1, 700, 0, '2026-06-16'),
        event(3, 2, 0, 300, '2026-09-01'),
      ],
      1,
    );
    expect(totals.all).toEqual({
      income: 1700,
      expense: 300,
      net: 1400,
      count: 3,
    });
    expect(totals.planned).toEqual({
      income: 700,
      expense: 300,
      net: 400,
      count: 2,
    });
    const undone = adjustTotals(
      totals,
      [event(3, 2, 0, 300, '2026-09-01')],
      -1,
    );
    expect(undone.planned).toEqual({
      income: 700,
      expense: 0,
      net: 700,
      count: 1,
    });
  });

  it('sums income, expense and net, overall and per object, page by page', () => {
    const first = adjustTotals(
      emptyPeriodTotals('2026-06-15'),
      [event(1, 1, 1000, 0), event(2, 2, 0, 300)],
      1,
    );
    const second = adjustTotals(
      first,
      [event(3, 1, 0, 250), event(4, 1, 40, 0)],
      1,
    );
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

  it('sums each calendar month apart, across a year boundary', () => {
    const totals = adjustTotals(
      emptyPeriodTotals('2026-06-15'),
      [
        event(1, 1, 500, 0, '2025-12-31'),
        event(2, 2, 0, 200, '2026-01-01'),
        event(3, 1, 100, 50, '2026-01-31'),
      ],
      1,
    );
    expect([...totals.byMonth.keys()].sort()).toEqual(['2025-12', '2026-01']);
    expect(totals.byMonth.get('2025-12')).toEqual({
      income: 500,
      expense: 0,
      net: 500,
      count: 1,
    });
    expect(totals.byMonth.get('2026-01')).toEqual({
      income: 100,
      expense: 250,
      net: -150,
      count: 2,
    });
  });

  it('takes an event away from the period, its object and its month', () => {
    const removed = event(2, 2, 0, 200, '2026-02-10');
    const totals = adjustTotals(
      adjustTotals(
        emptyPeriodTotals('2026-06-15'),
        [event(1, 1, 500, 0), removed],
        1,
      ),
      [removed],
      -1,
    );
    expect(totals.all).toEqual({ income: 500, expense: 0, net: 500, count: 1 });
    expect(totals.byObject.get(2)?.count).toBe(0);
    expect(totals.byMonth.get('2026-02')).toEqual({
      income: 0,
      expense: 0,
      net: 0,
      count: 0,
    });
  });

  it('leaves earlier totals untouched', () => {
    const first = adjustTotals(
      emptyPeriodTotals('2026-06-15'),
      [event(1, 1, 10, 0)],
      1,
    );
    adjustTotals(first, [event(2, 1, 5, 0)], 1);
    expect(first.all.income).toBe(10);
    expect(first.byObject.get(1)?.count).toBe(1);
    expect(first.byMonth.get('2026-01')?.count).toBe(1);
  });
});
