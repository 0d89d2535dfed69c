import { describe, expect, it } from 'vitest';

import { MAX_REPEATS, repeatDates } from './repeat';

describe('repeatDates', () => {
  it('repeats monthly on the same day, month ends clamped and restored', () => {
    expect(repeatDates('2025-01-31', { months: 1, end: { count: 5 } })).toEqual(
      ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31'],
    );
    expect(repeatDates('2024-01-30', { months: 1, end: { count: 3 } })).toEqual(
      ['2024-01-30', '2024-02-29', '2024-03-30'],
    );
  });

  it('repeats quarterly, yearly and every N months across years', () => {
    expect(repeatDates('2025-11-30', { months: 3, end: { count: 4 } })).toEqual(
      ['2025-11-30', '2026-02-28', '2026-05-30', '2026-08-30'],
    );
    expect(
      repeatDates('2024-02-29', { months: 12, end: { count: 5 } }),
    ).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
    expect(repeatDates('2025-10-05', { months: 2, end: { count: 3 } })).toEqual(
      ['2025-10-05', '2025-12-05', '2026-02-05'],
    );
  });

  it('stops at the until date, which may itself be one of the dates', () => {
    expect(
      repeatDates('2026-01-10', { months: 1, end: { until: '2026-04-10' } }),
    ).toEqual(['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10']);
    expect(
      repeatDates('2026-01-10', { months: 1, end: { until: '2026-04-09' } }),
    ).toHaveLength(3);
    expect(
      repeatDates('2026-01-10', { months: 1, end: { until: '2025-12-31' } }),
    ).toEqual([]);
  });

  it('makes at most ten years of months, however far the end', () => {
    const dates = repeatDates('2026-01-01', {
      months: 1,
      end: { until: '2099-12-31' },
    });
    expect(dates).toHaveLength(MAX_REPEATS);
    expect(dates.at(-1)).toBe('2035-12-01');
    expect(
      repeatDates('2026-01-01', { months: 1, end: { count: 500 } }),
    ).toHaveLength(MAX_REPEATS);
  });
});
