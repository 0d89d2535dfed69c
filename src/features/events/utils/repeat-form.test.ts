import { describe, expect, it } from 'vitest';

import { MAX_REPEATS } from './repeat';
import {
  NO_REPEAT,
  readRepeat,
  repeatFormDates,
  type RepeatFormInput,
} from './repeat-form';

const iso = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : null;
const monthly: RepeatFormInput = { ...NO_REPEAT, every: '1' };

describe('readRepeat', () => {
  it('reads no repeat, a count and an end date', () => {
    expect(readRepeat(NO_REPEAT, '2026-01-31', iso)).toEqual({
      ok: true,
      rule: null,
    });
    expect(readRepeat(monthly, '2026-01-31', iso)).toEqual({
      ok: true,
      rule: { months: 1, end: { count: 12 } },
    });
    expect(
      readRepeat(
        {
          ...monthly,
          every: 'n',
          months: ' 5 ',
          end: 'until',
          until: '2027-01-01',
        },
        '2026-01-31',
        iso,
      ),
    ).toEqual({ ok: true, rule: { months: 5, end: { until: '2027-01-01' } } });
  });

  it('names the field of each problem', () => {
    const problems = (
      input: Partial<RepeatFormInput>,
      first = '2026-01-31',
    ) => {
      const reading = readRepeat({ ...monthly, ...input }, first, iso);
      return reading.ok ? [] : reading.problems;
    };
    for (const count of ['1', String(MAX_REPEATS + 1), '2.5', '', '-3']) {
      expect(problems({ count })).toEqual([{ field: 'count', kind: 'count' }]);
    }
    expect(problems({ count: String(MAX_REPEATS) })).toEqual([]);
    for (const months of ['0', '13', 'x']) {
      expect(problems({ every: 'n', months })).toEqual([
        { field: 'months', kind: 'months' },
      ]);
    }
    expect(problems({ end: 'until', until: '' })).toEqual([
      { field: 'until', kind: 'until-required' },
    ]);
    expect(problems({ end: 'until', until: '31/02' })).toEqual([
      { field: 'until', kind: 'until-invalid' },
    ]);
    expect(problems({ end: 'until', until: '2026-01-31' })).toEqual([
      { field: 'until', kind: 'until-early', first: '2026-01-31' },
    ]);
    expect(problems({ end: 'until', until: '2026-02-27' })).toEqual([
      { field: 'until', kind: 'until-soon', next: '2026-02-28' },
    ]);
    expect(problems({ end: 'until', until: '2036-01-31' })).toEqual([
      { field: 'until', kind: 'until-far', last: '2035-12-31' },
    ]);
    // The 120th date itself, and the day before the 121st, are allowed.
    expect(problems({ end: 'until', until: '2035-12-31' })).toEqual([]);
    expect(problems({ end: 'until', until: '2036-01-30' })).toEqual([]);
  });

  it('checks the end only as a date while the first date is not one', () => {
    expect(
      readRepeat({ ...monthly, end: 'until', until: '2020-01-01' }, null, iso),
    ).toEqual({ ok: true, rule: { months: 1, end: { until: '2020-01-01' } } });
    expect(repeatFormDates(monthly, null, iso)).toBeNull();
  });

  it('gives the dates of a right repeat, none of a wrong one', () => {
    expect(
      repeatFormDates({ ...monthly, count: '3' }, '2026-01-31', iso),
    ).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(
      repeatFormDates({ ...monthly, count: '1' }, '2026-01-31', iso),
    ).toBeNull();
    expect(repeatFormDates(NO_REPEAT, '2026-01-31', iso)).toBeNull();
  });
});
