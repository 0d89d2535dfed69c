import { describe, expect, it } from 'vitest';

import {
  addDays,
  addMonths,
  dateOfIso,
  daysBetween,
  isoOfDate,
  utcDate,
} from './calendar-date';

describe('calendar dates', () => {
  it.each([
    '0001-01-01',
    '0026-03-01',
    '0099-12-31',
    '0100-02-28',
    '2026-06-15',
  ])('reads and writes %s as the same day', (iso) => {
    expect(isoOfDate(dateOfIso(iso))).toBe(iso);
  });

  it('never reads a year under 100 as one of the 1900s', () => {
    expect(dateOfIso('0026-03-01').getUTCFullYear()).toBe(26);
    expect(utcDate(99, 11, 31).getUTCFullYear()).toBe(99);
  });

  it('rolls a month or day out of range over, leap years included', () => {
    expect(isoOfDate(utcDate(2026, 12, 1))).toBe('2027-01-01');
    expect(isoOfDate(utcDate(2024, 2, 0))).toBe('2024-02-29');
    expect(isoOfDate(utcDate(24, 2, 0))).toBe('0024-02-29');
    expect(isoOfDate(utcDate(2026, 0, 0))).toBe('2025-12-31');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-15', 30)).toBe('2026-01-14');
    expect(addDays('2026-01-10', -30)).toBe('2025-12-11');
  });

  it('counts whole days between dates, signed', () => {
    expect(daysBetween('2025-03-30', '2025-03-31')).toBe(1);
    expect(daysBetween('2025-03-31', '2025-03-30')).toBe(-1);
    expect(daysBetween('2025-12-31', '2026-01-30')).toBe(30);
    expect(daysBetween('2025-06-01', '2025-06-01')).toBe(0);
  });

  it('adds months on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-10', -13)).toBe('2024-12-10');
  });
});
