import type { PropertyObject } from '@/api/generated';
import type { Money } from '@/ledger/sums';

type Flow = Money;

/** One calendar month (`YYYY-MM`) of a cash-flow series. */
export type MonthFlow = Flow & { month: string };

export type PropertyFlow = Flow & {
  id: number;
  name: string;
  area: number;
  /** Net per square metre, or null when the area is not positive. */
  netPerArea: number | null;
};

const noFlow: Flow = { income: 0, expense: 0, net: 0 };

function nextMonth(month: string): string {
  const [year = NaN, index = NaN] = month.split('-').map(Number);
  return index === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${String(year).padStart(4, '0')}-${String(index + 1).padStart(2, '0')}`;
}

/**
 * Every month of a period, months without events included as zeros. An
 * open end of the period ends at the first or last month that has money.
 */
export function monthlyFlow(
  byMonth: ReadonlyMap<string, Flow>,
  range: { from?: string; to?: string },
): MonthFlow[] {
  const active = [...byMonth]
    .filter(([, flow]) => flow.income !== 0 || flow.expense !== 0)
    .map(([month]) => month)
    .sort();
  const first = range.from?.slice(0, 7) ?? active[0];
  const last = range.to?.slice(0, 7) ?? active.at(-1);
  if (first === undefined || last === undefined) return [];
  const series: MonthFlow[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    const { income, expense, net } = byMonth.get(month) ?? noFlow;
    series.push({ month, income, expense, net });
  }
  return series;
}

/**
 * Each property's flow for the period, properties without events included,
 * the best net first.
 */
export function propertyFlows(
  objects: readonly PropertyObject[],
  byObject: ReadonlyMap<number, Flow>,
): PropertyFlow[] {
  return objects
    .map(({ id, name, area }) => {
      const { income, expense, net } = byObject.get(id) ?? noFlow;
      return {
        id,
        name,
        area,
        income,
        expense,
        net,
        netPerArea: area > 0 ? net / area : null,
      };
    })
    .sort((a, b) => b.net - a.net || a.name.localeCompare(b.name));
}
