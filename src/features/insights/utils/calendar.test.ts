import { describe, expect, it } from 'vitest';

import {
  addMonths,
  clampDate,
  firstDayOfWeek,
  monthWeeks,
  moveByKey,
  weekOf,
} from './calendar';

describe('weeks of a month', () => {
  it('starts weeks on Monday with blanks for the neighbouring months', () => {
    // 1 March 2026 is a Sunday.
    const weeks = monthWeeks('2026-03', 1);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      '2026-03-01',
    ]);
    expect(weeks[5]).toEqual([
      '2026-03-30',
      '2026-03-31',
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('starts weeks on Sunday where the locale does', () => {
    const weeks = monthWeeks('2026-03', 7);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toBe('2026-03-01');
    // February of a common year that starts on the first day fills 4 rows.
    expect(monthWeeks('2026-02', 7)).toHaveLength(4);
    expect(monthWeeks('2024-02', 1).flat().filter(Boolean)).toHaveLength(29);
  });

  it('knows where weeks start in a locale', () => {
    expect(firstDayOfWeek('ru')).toBe(1);
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect(firstDayOfWeek('en')).toBe(7);
  });
});

describe('moving in the grid', () => {
  it('moves by day and week with the arrows, across months', () => {
    expect(moveByKey('2026-03-31', 'ArrowRight', 1)).toBe('2026-04-01');
    expect(moveByKey('2026-03-01', 'ArrowLeft', 1)).toBe('2026-02-28');
    expect(moveByKey('2026-03-02', 'ArrowUp', 1)).toBe('2026-02-23');
    expect(moveByKey('2026-12-28', 'ArrowDown', 1)).toBe('2027-01-04');
  });

  it('goes to the start and end of the week with Home and End', () => {
    // Wednesday 4 March 2026.
    expect(moveByKey('2026-03-04', 'Home', 1)).toBe('2026-03-02');
    expect(moveByKey('2026-03-04', 'End', 1)).toBe('2026-03-08');
    expect(moveByKey('2026-03-04', 'Home', 7)).toBe('2026-03-01');
    expect(moveByKey('2026-03-04', 'End', 7)).toBe('2026-03-07');
    expect(weekOf('2026-03-01', 1)[0]).toBe('2026-02-23');
  });

  it('moves by month with Page Up and Page Down, keeping the day where it exists', () => {
    expect(moveByKey('2026-03-31', 'PageUp', 1)).toBe('2026-02-28');
    expect(moveByKey('2026-01-15', 'PageUp', 1)).toBe('2025-12-15');
    expect(moveByKey('2026-12-31', 'PageDown', 1)).toBe('2027-01-31');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('ignores other keys and keeps dates in range', () => {
    expect(moveByKey('2026-03-04', 'Enter', 1)).toBeNull();
    const range = { from: '2026-02-10', to: '2026-04-11' };
    expect(clampDate('2026-02-01', range)).toBe('2026-02-10');
    expect(clampDate('2026-05-01', range)).toBe('2026-04-11');
    expect(clampDate('2026-03-01', range)).toBe('2026-03-01');
  });
});
