import { describe, expect, it } from 'vitest';

import type { Event, PropertyObject } from '@/api/generated';

import { changeShare, profitReport, yearBefore } from './report';

const object = (id: number, name: string, area: number) =>
  ({ id, name, area }) as PropertyObject;
let nextId = 1;
const event = (
  object_id: number,
  notification_date: string,
  income: number,
  expense = 0,
): Event => ({
  id: nextId++,
  object_id,
  notification_date,
  income,
  expense,
  description: '',
});

describe('profitReport', () => {
  const objects = [
    object(2, 'Studio', 25),
    object(1, 'Flat', 50),
    object(3, 'Garage', 0),
  ];

  it('keeps received and paid apart from what is planned after today, per property and in total', () => {
    const report = profitReport(
      objects,
      [
        event(1, '2026-01-10', 65000),
        event(1, '2026-02-15', 0, 4500),
        event(1, '2026-07-10', 65000), // planned
        event(2, '2026-06-15', 30000), // today counts as received
      ],
      [],
      '2026-06-15',
    );
    const flat = report.rows.find((row) => row.id === 1);
    expect(flat?.done).toEqual({ income: 65000, expense: 4500, net: 60500 });
    expect(flat?.planned).toEqual({ income: 65000, expense: 0, net: 65000 });
    expect(flat?.donePerArea).toBe(1210);
    expect([...(flat?.months ?? [])]).toEqual([
      ['2026-01', { income: 65000, expense: 0, net: 65000 }],
      ['2026-02', { income: 0, expense: 4500, net: -4500 }],
      ['2026-07', { income: 65000, expense: 0, net: 65000 }],
    ]);
    expect(report.total.done).toEqual({
      income: 95000,
      expense: 4500,
      net: 90500,
    });
    expect(report.total.planned.net).toBe(65000);
    // Net per m² of the whole portfolio: the garage has no area.
    expect(report.total.donePerArea).toBeCloseTo(90500 / 75);
  });

  it('lists every property by name, those without events as zeros', () => {
    const report = profitReport(objects, [], [], '2026-06-15');
    expect(report.rows.map((row) => row.name)).toEqual([
      'Flat',
      'Garage',
      'Studio',
    ]);
    expect(report.rows[1]?.done).toEqual({ income: 0, expense: 0, net: 0 });
    expect(report.rows[1]?.donePerArea).toBeNull();
  });

  it('compares with the year before as far as the same day', () => {
    const report = profitReport(
      objects,
      [event(1, '2026-03-01', 1000)],
      [
        event(1, '2025-03-01', 800),
        event(1, '2025-06-15', 100), // the same day a year before: in
        event(1, '2025-06-16', 5000), // later that year: not yet comparable
      ],
      '2026-06-15',
    );
    expect(report.rows[0]?.yearBefore).toEqual({
      income: 900,
      expense: 0,
      net: 900,
    });
    expect(report.total.yearBefore.net).toBe(900);
  });
});

describe('changeShare and yearBefore', () => {
  it('gives the change in per cent, none from zero, and signs from a loss', () => {
    expect(changeShare(1200, 1000)).toBe(20);
    expect(changeShare(500, -1000)).toBe(150);
    expect(changeShare(10, 0)).toBeNull();
  });

  it('moves a date a year back, 29 February to the 28th', () => {
    expect(yearBefore('2026-06-15')).toBe('2025-06-15');
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
  });
});
