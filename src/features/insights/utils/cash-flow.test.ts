import { describe, expect, it } from 'vitest';

import type { Money as Flow } from '@/ledger/sums';

import { monthlyFlow, propertyFlows } from './cash-flow';

const flow = (income: number, expense: number): Flow => ({
  income,
  expense,
  net: income - expense,
});

describe('monthly cash flow', () => {
  it('gives every month of the period, empty ones as zeros', () => {
    const series = monthlyFlow(
      new Map([
        ['2026-01', flow(100, 40)],
        ['2026-03', flow(0, 70)],
      ]),
      { from: '2026-01-01', to: '2026-04-30' },
    );
    expect(series).toEqual([
      { month: '2026-01', income: 100, expense: 40, net: 60 },
      { month: '2026-02', income: 0, expense: 0, net: 0 },
      { month: '2026-03', income: 0, expense: 70, net: -70 },
      { month: '2026-04', income: 0, expense: 0, net: 0 },
    ]);
  });

  it('runs across a year boundary', () => {
    const series = monthlyFlow(new Map([['2026-01', flow(5, 0)]]), {
      from: '2025-11-15',
      to: '2026-02-01',
    });
    expect(series.map((month) => month.month)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('ends an open period at the first and last months with money', () => {
    const byMonth = new Map([
      ['2024-12', flow(0, 0)],
      ['2025-02', flow(10, 0)],
      ['2025-04', flow(0, 3)],
      ['2025-07', flow(0, 0)],
    ]);
    expect(monthlyFlow(byMonth, {}).map((month) => month.month)).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
    ]);
    expect(
      monthlyFlow(byMonth, { to: '2025-05-31' }).map((month) => month.month),
    ).toEqual(['2025-02', '2025-03', '2025-04', '2025-05']);
  });

  it('is empty when an open period has no money at all', () => {
    expect(monthlyFlow(new Map(), {})).toEqual([]);
  });
});

describe('flow per property', () => {
  it('includes every property, ranks by net and divides by the area', () => {
    const flows = propertyFlows(
      [
        { id: 1, name: 'Garage', area: 20, address: '' },
        { id: 2, name: 'Flat', area: 50, address: '' },
        { id: 3, name: 'Attic', area: 0, address: '' },
      ],
      new Map([
        [1, flow(100, 300)],
        [2, flow(5_000, 1_000)],
      ]),
    );
    expect(
      flows.map(({ name, net, netPerArea }) => [name, net, netPerArea]),
    ).toEqual([
      ['Flat', 4_000, 80],
      ['Attic', 0, null],
      ['Garage', -200, -10],
    ]);
  });
});
