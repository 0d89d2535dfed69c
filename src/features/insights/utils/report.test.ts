import { describe, expect, it } from 'vitest';

import type { Event, PropertyObject } from '@/api/generated';
import { parseCsv } from '@/testing/parse-csv';
import { csvDelimiter } from '@/utils/csv';

import {
  changeShare,
  profitReport,
  reportToCsv,
  yearBefore,
  type ReportCsvHeaders,
} from './report';

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

describe('reportToCsv', () => {
  const ru: ReportCsvHeaders = {
    property: 'Объект',
    income: 'Доход',
    expense: 'Расход',
    net: 'Прибыль',
    perArea: 'Прибыль на м²',
    plannedIncome: 'Плановый доход',
    plannedExpense: 'Плановый расход',
    incomeBefore: 'Доход годом раньше',
    expenseBefore: 'Расход годом раньше',
    netBefore: 'Прибыль годом раньше',
    netChange: 'Изменение прибыли',
    netChangeShare: 'Изменение прибыли, %',
    total: 'Все объекты',
  };
  // Names a spreadsheet would run or split, beside a plain one.
  const report = profitReport(
    [
      object(1, 'Квартира; центр', 40),
      object(2, '=HYPERLINK("http://evil.example")', 0),
      object(3, '-Гараж', 18),
    ],
    [
      event(1, '2026-02-10', 60000, 7000),
      event(1, '2026-08-10', 60000), // planned
      event(2, '2026-03-01', 1000),
      event(3, '2026-04-01', 0, 2500),
    ],
    [
      event(1, '2025-02-10', 50000, 10000),
      event(3, '2025-05-01', 3000),
      event(3, '2025-07-01', 9000), // after the same day a year before
    ],
    '2026-06-15',
  );

  it('writes the figures under localized headers, with a BOM, `;` for Russian and no cell a spreadsheet would run', () => {
    const delimiter = csvDelimiter('ru');
    expect(delimiter).toBe(';');
    const text = reportToCsv(report, {
      headers: ru,
      delimiter,
      comparable: true,
    });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text, ';')).toEqual([
      Object.values(ru).slice(0, -1),
      // Rows in name order, as on screen.
      [
        "'-Гараж",
        '0',
        '2500',
        '-2500',
        '-139', // −2500 / 18 m², rounded
        '0',
        '0',
        '3000',
        '0',
        '3000',
        '-5500',
        '-183',
      ],
      [
        `'=HYPERLINK("http://evil.example")`,
        '1000',
        '0',
        '1000',
        '',
        '0',
        '0',
        '0',
        '0',
        '0',
        '1000',
        '', // no per cent from zero
      ],
      [
        'Квартира; центр',
        '60000',
        '7000',
        '53000',
        '1325',
        '60000',
        '0',
        '50000',
        '10000',
        '40000',
        '13000',
        '33', // 32.5 % rounded half up
      ],
      [
        'Все объекты',
        '61000',
        '9500',
        '51500',
        '888', // 51500 / 58 m²
        '60000',
        '0',
        '53000',
        '10000',
        '43000',
        '8500',
        '20',
      ],
    ]);
    // The name with the delimiter is quoted, numbers are plain.
    expect(text).toContain('\r\n"Квартира; центр";60000;7000;53000;1325;');
  });

  it('separates with `,` in English and leaves out the year before when there is none to compare with', () => {
    const delimiter = csvDelimiter('en-US');
    const text = reportToCsv(report, {
      headers: { ...ru, property: 'Property', total: 'All properties' },
      delimiter,
      comparable: false,
    });
    const records = parseCsv(text, ',');
    expect(records[0]).toEqual([
      'Property',
      'Доход',
      'Расход',
      'Прибыль',
      'Прибыль на м²',
      'Плановый доход',
      'Плановый расход',
    ]);
    expect(records.at(-1)).toEqual([
      'All properties',
      '61000',
      '9500',
      '51500',
      '888',
      '60000',
      '0',
    ]);
    expect(records.every((record) => record.length === 7)).toBe(true);
  });
});
