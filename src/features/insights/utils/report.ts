import type { Event, PropertyObject } from '@/api/generated';
import { monthOf, type Month } from '@/ledger/months';
import type { Money } from '@/ledger/sums';
import { addMonths } from '@/utils/calendar-date';
import { toCsv, type CsvCell, type CsvDelimiter } from '@/utils/csv';

/**
 * A profit-and-loss report: per property, what came in and went out over a
 * period (received and paid, up to `asOf`) apart from what is planned after
 * it, net per m², each month on demand, and the same period a year before
 * as far as the same day.
 */

const none = (): Money => ({ income: 0, expense: 0, net: 0 });

function add(money: Money, event: Event) {
  money.income += event.income;
  money.expense += event.expense;
  money.net += event.income - event.expense;
}

export type ReportLine = {
  /** Up to `asOf`: received and paid. */
  done: Money;
  /** After `asOf`: planned. */
  planned: Money;
  /** The same period a year before, up to the same day a year before. */
  yearBefore: Money;
};

export type ReportRow = ReportLine & {
  id: number;
  name: string;
  area: number;
  /** Net (received and paid) per square metre; null without an area. */
  donePerArea: number | null;
  /** Every event's month, received and planned together. */
  months: ReadonlyMap<Month, Money>;
};

export type ProfitReport = {
  rows: ReportRow[];
  total: ReportLine & { donePerArea: number | null };
};

/** The same dates a year before (29 February becomes the 28th). */
export const yearBefore = (iso: string) => addMonths(iso, -12);

/** The change from `before` to `now`, in per cent; null from zero. */
export function changeShare(now: number, before: number): number | null {
  return before === 0 ? null : ((now - before) / Math.abs(before)) * 100;
}

/**
 * The report of `events` (the period's) and `earlier` (the same period a
 * year before) for every property, those without events included, in
 * name order.
 */
export function profitReport(
  objects: readonly PropertyObject[],
  events: readonly Event[],
  earlier: readonly Event[],
  asOf: string,
): ProfitReport {
  const rows = new Map<number, ReportRow>(
    objects.map((object) => [
      object.id,
      {
        id: object.id,
        name: object.name,
        area: object.area,
        done: none(),
        planned: none(),
        yearBefore: none(),
        donePerArea: null,
        months: new Map(),
      },
    ]),
  );
  const total: ProfitReport['total'] = {
    done: none(),
    planned: none(),
    yearBefore: none(),
    donePerArea: null,
  };
  for (const event of events) {
    const row = rows.get(event.object_id);
    if (!row) continue;
    const when = event.notification_date > asOf ? 'planned' : 'done';
    add(row[when], event);
    add(total[when], event);
    const month = monthOf(event.notification_date);
    const months = row.months as Map<Month, Money>;
    const figures = months.get(month) ?? none();
    add(figures, event);
    months.set(month, figures);
  }
  const sameDayBefore = yearBefore(asOf);
  for (const event of earlier) {
    const row = rows.get(event.object_id);
    if (!row || event.notification_date > sameDayBefore) continue;
    add(row.yearBefore, event);
    add(total.yearBefore, event);
  }
  let area = 0;
  for (const row of rows.values()) {
    if (row.area > 0) {
      row.donePerArea = row.done.net / row.area;
      area += row.area;
    }
  }
  total.donePerArea = area > 0 ? total.done.net / area : null;
  return {
    rows: [...rows.values()].sort((a, b) => a.name.localeCompare(b.name)),
    total,
  };
}

/** The report's columns' titles, in the UI language. */
export type ReportCsvHeaders = Record<
  | 'property'
  | 'income'
  | 'expense'
  | 'net'
  | 'perArea'
  | 'plannedIncome'
  | 'plannedExpense'
  | 'incomeBefore'
  | 'expenseBefore'
  | 'netBefore'
  | 'netChange'
  | 'netChangeShare'
  | 'total',
  string
>;

/**
 * The report as a spreadsheet: a row per property and the total, whole
 * amounts (net per m² and per cents rounded, a per cent from zero left
 * empty), every column whatever the screen shows; the year before and the
 * change only when the period has one to compare with.
 */
export function reportToCsv(
  report: ProfitReport,
  {
    headers,
    delimiter,
    comparable,
  }: {
    headers: ReportCsvHeaders;
    delimiter: CsvDelimiter;
    comparable: boolean;
  },
): string {
  const rounded = (value: number | null) =>
    value === null ? '' : Math.round(value);
  const line = (
    name: string,
    row: ReportLine & { donePerArea: number | null },
  ): CsvCell[] => [
    name,
    row.done.income,
    row.done.expense,
    row.done.net,
    rounded(row.donePerArea),
    row.planned.income,
    row.planned.expense,
    ...(comparable
      ? [
          row.yearBefore.income,
          row.yearBefore.expense,
          row.yearBefore.net,
          row.done.net - row.yearBefore.net,
          rounded(changeShare(row.done.net, row.yearBefore.net)),
        ]
      : []),
  ];
  const titles = [
    headers.property,
    headers.income,
    headers.expense,
    headers.net,
    headers.perArea,
    headers.plannedIncome,
    headers.plannedExpense,
    ...(comparable
      ? [
          headers.incomeBefore,
          headers.expenseBefore,
          headers.netBefore,
          headers.netChange,
          headers.netChangeShare,
        ]
      : []),
  ];
  return toCsv(
    [
      titles,
      ...report.rows.map((row) => line(row.name, row)),
      line(headers.total, report.total),
    ],
    delimiter,
  );
}
