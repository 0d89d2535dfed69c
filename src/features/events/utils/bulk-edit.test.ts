import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';

import { bulkPatch, sumSelection } from './bulk-edit';

const rent: Event = {
  id: 7,
  notification_date: '2026-01-31',
  income: 60_000,
  expense: 0,
  description: 'Rent',
  object_id: 3,
};

describe('bulkPatch', () => {
  it('moves to another property, and sends nothing for one already there', () => {
    expect(bulkPatch(rent, { kind: 'move', objectId: 4 })).toEqual({
      object_id: 4,
    });
    expect(bulkPatch(rent, { kind: 'move', objectId: 3 })).toBeNull();
  });

  it('shifts by days, across months and years, either way', () => {
    const shift = (by: number) =>
      bulkPatch(rent, { kind: 'shift', by, unit: 'days' });
    expect(shift(1)).toEqual({ notification_date: '2026-02-01' });
    expect(shift(-31)).toEqual({ notification_date: '2025-12-31' });
    expect(shift(0)).toBeNull();
  });

  it('shifts by months onto the last day of a shorter month', () => {
    const shift = (event: Event, by: number) =>
      bulkPatch(event, { kind: 'shift', by, unit: 'months' });
    expect(shift(rent, 1)).toEqual({ notification_date: '2026-02-28' });
    expect(shift(rent, 3)).toEqual({ notification_date: '2026-04-30' });
    expect(shift(rent, -11)).toEqual({ notification_date: '2025-02-28' });
    expect(shift({ ...rent, notification_date: '2027-12-31' }, 2)).toEqual({
      notification_date: '2028-02-29',
    });
    expect(shift({ ...rent, notification_date: '2026-05-15' }, -1)).toEqual({
      notification_date: '2026-04-15',
    });
    expect(shift(rent, 0)).toBeNull();
  });

  it('sets one date, the description, or one side of the money only', () => {
    expect(bulkPatch(rent, { kind: 'set-date', date: '2026-05-01' })).toEqual({
      notification_date: '2026-05-01',
    });
    expect(
      bulkPatch(rent, { kind: 'set-date', date: '2026-01-31' }),
    ).toBeNull();
    expect(
      bulkPatch(rent, { kind: 'set-description', description: 'Rent, May' }),
    ).toEqual({ description: 'Rent, May' });
    expect(
      bulkPatch(rent, { kind: 'set-description', description: 'Rent' }),
    ).toBeNull();
    expect(
      bulkPatch(rent, { kind: 'set-amount', field: 'income', amount: 65_000 }),
    ).toEqual({ income: 65_000 });
    expect(
      bulkPatch(rent, { kind: 'set-amount', field: 'expense', amount: 1_200 }),
    ).toEqual({ expense: 1_200 });
    expect(
      bulkPatch(rent, { kind: 'set-amount', field: 'income', amount: 60_000 }),
    ).toBeNull();
    expect(
      bulkPatch(rent, { kind: 'set-amount', field: 'expense', amount: 0 }),
    ).toBeNull();
  });
});

describe('sumSelection', () => {
  it('counts and sums each event once', () => {
    const repair: Event = { ...rent, id: 8, income: 0, expense: 4_500 };
    expect(sumSelection([rent, repair, rent])).toEqual({
      count: 2,
      income: 60_000,
      expense: 4_500,
    });
    expect(sumSelection([])).toEqual({ count: 0, income: 0, expense: 0 });
  });
});
