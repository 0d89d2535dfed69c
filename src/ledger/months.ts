import { dateOfIso, isoOfDate, utcDate } from '@/utils/calendar-date';

/**
 * The ledger is cached in calendar months (`YYYY-MM`): the unit every view
 * shares, fetched in parallel and changed one at a time.
 */
export type Month = string;

const pad = (value: number, width: number) =>
  String(value).padStart(width, '0');

export function monthOf(iso: string): Month {
  return iso.slice(0, 7);
}

function monthFrom(year: number, index: number): Month {
  const date = utcDate(year, index, 1);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}`;
}

/** The first and last day of a month. */
export function monthDays(month: Month): { from: string; to: string } {
  const first = dateOfIso(`${month}-01`);
  const last = utcDate(first.getUTCFullYear(), first.getUTCMonth() + 1, 0);
  return { from: `${month}-01`, to: isoOfDate(last) };
}

/** The twelve months of a year, newest first. */
export function monthsOfYear(year: number): Month[] {
  return Array.from({ length: 12 }, (_, index) => monthFrom(year, 11 - index));
}

/**
 * The months a date range needs, newest first, among the years that hold
 * events (`years`): an open end reaches as far as the history does.
 */
export function monthsOfRange(
  range: { from?: string | undefined; to?: string | undefined },
  years: readonly number[],
): Month[] {
  const first = range.from && monthOf(range.from);
  const last = range.to && monthOf(range.to);
  return [...years]
    .sort((a, b) => b - a)
    .flatMap(monthsOfYear)
    .filter((month) => (!first || month >= first) && (!last || month <= last));
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The last day of a year, and the first, as dates the API takes. */
export function yearDays(year: number): { from: string; to: string } {
  return { from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` };
}
