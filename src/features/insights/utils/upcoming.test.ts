import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';

import { dueWindow, eventAmounts, groupByDate, splitDue } from './upcoming';

const event = (
  id: number,
  notification_date: string,
  income = 0,
  expense = 0,
): Event => ({
  id,
  object_id: 1,
  income,
  expense,
  notification_date,
  description: '',
});

describe('the due window', () => {
  it('looks 30 days back and ahead', () => {
    expect(dueWindow('2026-01-10')).toEqual({
      from: '2025-12-11',
      to: '2026-02-09',
    });
  });
});

describe('splitting at today', () => {
  const today = '2026-01-10';

  it('puts today and later in upcoming, soonest first, and earlier in overdue, newest first', () => {
    const events = [
      event(1, '2026-01-12'),
      event(2, '2026-01-09'),
      event(3, '2026-01-10'),
      event(4, '2025-12-20'),
      event(5, '2026-01-12'),
      event(6, '2026-01-09'),
      event(7, '2026-02-09'),
    ];
    const { overdue, upcoming } = splitDue(events, today);
    expect(upcoming.map((e) => e.id)).toEqual([3, 1, 5, 7]);
    expect(overdue.map((e) => e.id)).toEqual([6, 2, 4]);
  });

  it('leaves out what lies outside the 30 days either side', () => {
    const { overdue, upcoming } = splitDue(
      [
        event(1, '2025-12-10'),
        event(2, '2025-12-11'),
        event(3, '2026-02-09'),
        event(4, '2026-02-10'),
      ],
      today,
    );
    expect(overdue.map((e) => e.id)).toEqual([2]);
    expect(upcoming.map((e) => e.id)).toEqual([3]);
  });

  it('does not reorder the events it was given', () => {
    const events = [event(1, '2026-01-12'), event(2, '2026-01-11')];
    splitDue(events, today);
    expect(events.map((e) => e.id)).toEqual([1, 2]);
  });
});

describe('grouping by date', () => {
  it('keeps the order and gathers events of one date', () => {
    const groups = groupByDate([
      event(1, '2026-01-10'),
      event(2, '2026-01-10'),
      event(3, '2026-01-12'),
    ]);
    expect(groups).toEqual([
      {
        date: '2026-01-10',
        events: [event(1, '2026-01-10'), event(2, '2026-01-10')],
      },
      { date: '2026-01-12', events: [event(3, '2026-01-12')] },
    ]);
    expect(groupByDate([])).toEqual([]);
  });
});

describe('amounts of an event', () => {
  it('lists income as positive and expense as negative, income first', () => {
    expect(eventAmounts(event(1, '2026-01-10', 5000, 0))).toEqual([
      { kind: 'income', value: 5000 },
    ]);
    expect(eventAmounts(event(1, '2026-01-10', 0, 700))).toEqual([
      { kind: 'expense', value: -700 },
    ]);
    expect(eventAmounts(event(1, '2026-01-10', 5000, 700))).toEqual([
      { kind: 'income', value: 5000 },
      { kind: 'expense', value: -700 },
    ]);
    expect(eventAmounts(event(1, '2026-01-10'))).toEqual([]);
  });
});
