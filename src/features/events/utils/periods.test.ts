import { describe, expect, it } from 'vitest';

import { inRange, presetRange } from './periods';

describe('period presets', () => {
  it('covers the whole of this month and of last month', () => {
    expect(presetRange('this-month', '2026-11-26')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(presetRange('last-month', '2026-11-26')).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
  });

  it('reaches back into last year in January', () => {
    expect(presetRange('last-month', '2027-01-01')).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(presetRange('this-month', '2026-12-31')).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });

  it('ends February on the 29th in leap years only', () => {
    expect(presetRange('this-month', '2024-02-10').to).toBe('2024-02-29');
    expect(presetRange('last-month', '2024-03-31')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(presetRange('this-month', '2026-02-01').to).toBe('2026-02-28');
    // Centuries are leap years only when divisible by 400.
    expect(presetRange('this-month', '2100-02-15').to).toBe('2100-02-28');
    expect(presetRange('this-month', '2000-02-15').to).toBe('2000-02-29');
  });

  it('finds the quarter on its first and last days', () => {
    expect(presetRange('this-quarter', '2026-01-01')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(presetRange('this-quarter', '2026-03-31')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(presetRange('this-quarter', '2026-04-01')).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(presetRange('this-quarter', '2026-09-30')).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(presetRange('this-quarter', '2026-11-26')).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
  });

  it('covers calendar years, this and last', () => {
    expect(presetRange('this-year', '2026-01-01')).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(presetRange('last-year', '2026-12-31')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('leaves all time open at both ends', () => {
    expect(presetRange('all', '2026-11-26')).toEqual({});
  });

  it('includes both ends of a range', () => {
    const range = { from: '2026-01-01', to: '2026-01-31' };
    expect(inRange('2026-01-01', range)).toBe(true);
    expect(inRange('2026-01-31', range)).toBe(true);
    expect(inRange('2025-12-31', range)).toBe(false);
    expect(inRange('2026-02-01', range)).toBe(false);
    expect(inRange('1990-05-05', {})).toBe(true);
  });
});
