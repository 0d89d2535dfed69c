import { describe, expect, it } from 'vitest';

import {
  parseLedgerSearch,
  toEventFilters,
  withLedgerSearch,
  type LedgerFilter,
} from './filters';

const parse = (search: string) =>
  parseLedgerSearch(new URLSearchParams(search));

describe('ledger filters in the address', () => {
  it('means this year and every property when empty', () => {
    expect(parse('')).toEqual({
      filter: { period: { preset: 'this-year' } },
      problems: [],
    });
  });

  it('reads a preset and a property', () => {
    expect(parse('period=last-year&object_id=3')).toEqual({
      filter: { period: { preset: 'last-year' }, objectId: 3 },
      problems: [],
    });
  });

  it('reads custom dates, one end or both', () => {
    expect(parse('date_from=2025-03-01&date_to=2025-03-31').filter).toEqual({
      period: { preset: 'custom', from: '2025-03-01', to: '2025-03-31' },
    });
    expect(parse('date_to=2025-03-31').filter.period).toEqual({
      preset: 'custom',
      from: undefined,
      to: '2025-03-31',
    });
  });

  it('reports what it cannot use and applies the rest', () => {
    expect(parse('period=fortnight&object_id=2')).toEqual({
      filter: { period: { preset: 'this-year' }, objectId: 2 },
      problems: [{ kind: 'period', value: 'fortnight' }],
    });
    expect(parse('object_id=abc').problems).toEqual([
      { kind: 'object_id', value: 'abc' },
    ]);
    expect(parse('object_id=0').problems).toEqual([
      { kind: 'object_id', value: '0' },
    ]);
    expect(parse('object_id=1.5').filter.objectId).toBeUndefined();
  });

  it('takes real calendar dates only', () => {
    const { filter, problems } = parse(
      'date_from=2025-02-29&date_to=2025-04-31',
    );
    expect(problems).toEqual([
      { kind: 'date_from', value: '2025-02-29' },
      { kind: 'date_to', value: '2025-04-31' },
    ]);
    expect(filter.period).toEqual({
      preset: 'custom',
      from: undefined,
      to: undefined,
    });
    expect(parse('date_from=2024-02-29').problems).toEqual([]);
    expect(parse('date_from=26.11.2026').problems).toHaveLength(1);
  });

  it('refuses a range that ends before it starts', () => {
    expect(parse('date_from=2025-05-01&date_to=2025-04-30')).toEqual({
      filter: { period: { preset: 'custom', from: undefined, to: undefined } },
      problems: [{ kind: 'range', from: '2025-05-01', to: '2025-04-30' }],
    });
  });

  it('writes a choice back, keeping the page’s other params', () => {
    const write = (filter: LedgerFilter, current = '') =>
      withLedgerSearch(new URLSearchParams(current), filter).toString();
    expect(
      write(
        { period: { preset: 'this-month' }, objectId: 4 },
        'tab=x&period=all',
      ),
    ).toBe('tab=x&period=this-month&object_id=4');
    expect(
      write(
        { period: { preset: 'custom', from: '2025-01-01', to: '2025-01-31' } },
        'object_id=2',
      ),
    ).toBe('date_from=2025-01-01&date_to=2025-01-31');
    expect(write({ period: { preset: 'this-year' } }, 'period=last-year')).toBe(
      '',
    );
  });

  it('reads the one default period, this year, and leaves it out of the address', () => {
    const scope = { objectFilter: false } as const;
    expect(
      parseLedgerSearch(new URLSearchParams('object_id=3'), scope),
    ).toEqual({ filter: { period: { preset: 'this-year' } }, problems: [] });
    expect(
      parseLedgerSearch(new URLSearchParams('period=all'), scope).filter,
    ).toEqual({ period: { preset: 'all' } });
    const write = (preset: 'all' | 'this-year') =>
      withLedgerSearch(new URLSearchParams('period=last-year'), {
        period: { preset },
      }).toString();
    expect(write('this-year')).toBe('');
    expect(write('all')).toBe('period=all');
  });

  it('round-trips every choice through the address', () => {
    const choices: LedgerFilter[] = [
      { period: { preset: 'all' } },
      { period: { preset: 'this-quarter' }, objectId: 9 },
      { period: { preset: 'custom', from: '2024-02-29', to: undefined } },
    ];
    for (const choice of choices) {
      const search = withLedgerSearch(new URLSearchParams(), choice);
      expect(parseLedgerSearch(search).filter).toEqual(choice);
    }
  });

  it('turns a choice into the list query, a fixed property winning', () => {
    const filter: LedgerFilter = {
      period: { preset: 'last-year' },
      objectId: 2,
    };
    expect(toEventFilters(filter, '2026-11-26')).toEqual({
      date_from: '2025-01-01',
      date_to: '2025-12-31',
      object_id: 2,
    });
    expect(toEventFilters(filter, '2026-11-26', 7).object_id).toBe(7);
    expect(toEventFilters({ period: { preset: 'all' } }, '2026-11-26')).toEqual(
      {},
    );
  });
});
