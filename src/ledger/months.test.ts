import { describe, expect, it } from 'vitest';

import { monthDays, monthsOfRange, monthsOfYear } from './months';

describe('months of the ledger', () => {
  it('knows the last day of every month, leap years too', () => {
    expect(monthDays('2024-02')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(monthDays('2025-02').to).toBe('2025-02-28');
    expect(monthDays('2025-12').to).toBe('2025-12-31');
    expect(monthDays('0026-04')).toEqual({
      from: '0026-04-01',
      to: '0026-04-30',
    });
  });

  it('plans only the months of years that hold events, newest first', () => {
    expect(monthsOfYear(2025)).toHaveLength(12);
    expect(monthsOfYear(2025)[0]).toBe('2025-12');
    // A typo in year 26 costs its twelve months, not the 2,000 years between.
    const all = monthsOfRange({}, [26, 2025, 2026]);
    expect(all).toHaveLength(36);
    expect(all[0]).toBe('2026-12');
    expect(all.at(-1)).toBe('0026-01');
  });

  it('cuts a range to the months it touches', () => {
    expect(
      monthsOfRange(
        { from: '2025-11-15', to: '2026-02-03' },
        [2024, 2025, 2026],
      ),
    ).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(monthsOfRange({ to: '2024-01-31' }, [2024, 2025])).toEqual([
      '2024-01',
    ]);
    expect(monthsOfRange({ from: '2027-01-01' }, [2025, 2026])).toEqual([]);
  });
});
