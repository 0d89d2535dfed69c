import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';

import {
  DEFAULT_VIEW,
  parseRowView,
  viewRows,
  withRowView,
  type RowView,
} from './row-view';
import { onlyViewChanged } from './view-params';

const event = (
  id: number,
  notification_date: string,
  income: number,
  expense: number,
  description: string,
  object_id = 1,
): Event => ({
  id,
  notification_date,
  income,
  expense,
  description,
  object_id,
});

// Newest first, as the index keeps them.
const ROWS = [
  event(5, '2026-05-01', 0, 300, 'Ремонт крыши', 2),
  event(4, '2026-04-01', 1000, 0, 'Аренда за апрель'),
  event(3, '2026-03-15', 0, 120, 'Électricité, Café'),
  event(2, '2026-03-01', 1000, 0, 'Rent for March', 2),
  event(1, '2026-02-01', 900, 0, 'Ёлка и аренда'),
];
const names = new Map([
  [1, 'Квартира'],
  [2, 'Дача'],
]);
const view = (patch: Partial<RowView>) =>
  viewRows(
    ROWS,
    { ...DEFAULT_VIEW, ...patch },
    (id) => names.get(id) ?? '',
    'ru',
  );
const ids = (rows: readonly Event[]) => rows.map((row) => row.id);

describe('the rows of a view', () => {
  it('searches descriptions without case or accents, Cyrillic and Latin', () => {
    expect(ids(view({ query: 'АРЕНДА' }).rows)).toEqual([4, 1]);
    expect(ids(view({ query: 'ёлка' }).rows)).toEqual([1]);
    expect(ids(view({ query: 'елка' }).rows)).toEqual([1]);
    expect(ids(view({ query: 'electricite cafe' }).rows)).toEqual([]);
    expect(ids(view({ query: 'cafe' }).rows)).toEqual([3]);
    expect(ids(view({ query: 'rent' }).rows)).toEqual([2]);
  });

  it('shows income only or expenses only', () => {
    expect(ids(view({ kind: 'income' }).rows)).toEqual([4, 2, 1]);
    expect(ids(view({ kind: 'expense' }).rows)).toEqual([5, 3]);
  });

  it('sorts by date, property, income or expense, keeping equal rows newest first', () => {
    expect(
      ids(view({ sort: { key: 'date', descending: false } }).rows),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(
      ids(view({ sort: { key: 'income', descending: true } }).rows),
    ).toEqual([4, 2, 1, 5, 3]);
    expect(
      ids(view({ sort: { key: 'expense', descending: true } }).rows),
    ).toEqual([5, 3, 4, 2, 1]);
    // Дача before Квартира.
    expect(
      ids(view({ sort: { key: 'object', descending: false } }).rows),
    ).toEqual([5, 2, 4, 3, 1]);
  });

  it('runs the balance in date order over the viewed rows, whatever the sort', () => {
    const balances = (viewed: ReturnType<typeof view>) =>
      Object.fromEntries(
        viewed.rows.map((row, index) => [row.id, viewed.balance[index]]),
      );
    const byDate = { 1: 900, 2: 1900, 3: 1780, 4: 2780, 5: 2480 };
    expect(balances(view({}))).toEqual(byDate);
    for (const key of ['date', 'object', 'income', 'expense'] as const) {
      expect(balances(view({ sort: { key, descending: false } })), key).toEqual(
        byDate,
      );
    }
    expect(balances(view({ kind: 'income' }))).toEqual({
      1: 900,
      2: 1900,
      4: 2900,
    });
  });

  it('knows a change of the view alone, which loads nothing', () => {
    const at = (path: string) => new URL(path, 'https://app.example');
    expect(
      onlyViewChanged(at('/events?period=all'), at('/events?period=all&q=x')),
    ).toBe(true);
    expect(
      onlyViewChanged(at('/events?q=x&sort=-income'), at('/events?sort=date')),
    ).toBe(true);
    expect(
      onlyViewChanged(at('/events?q=x'), at('/events?q=x&period=last-year')),
    ).toBe(false);
    expect(onlyViewChanged(at('/events?q=x'), at('/objects?q=x'))).toBe(false);
    expect(onlyViewChanged(at('/events'), at('/events'))).toBe(false);
  });

  it('is kept in the address, defaults left out', () => {
    const params = withRowView(new URLSearchParams('period=last-year'), {
      query: 'аренда',
      kind: 'expense',
      sort: { key: 'income', descending: true },
    });
    expect(params.toString()).toBe(
      'period=last-year&q=%D0%B0%D1%80%D0%B5%D0%BD%D0%B4%D0%B0&type=expense&sort=-income',
    );
    expect(parseRowView(params)).toEqual({
      query: 'аренда',
      kind: 'expense',
      sort: { key: 'income', descending: true },
    });
    expect(withRowView(params, DEFAULT_VIEW).toString()).toBe(
      'period=last-year',
    );
    expect(parseRowView(new URLSearchParams('sort=nonsense&type=x'))).toEqual(
      DEFAULT_VIEW,
    );
  });
});
