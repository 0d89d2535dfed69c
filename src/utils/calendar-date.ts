/**
 * Calendar dates (YYYY-MM-DD, years 1 to 9999) as UTC midnights, for date
 * arithmetic and Intl formatting without time-zone shifts. `Date.UTC` reads
 * the years 0–99 as 1900–1999; these never do.
 */

/** UTC midnight of a date; a `month` (0-based) or `day` out of range rolls over. */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
}

/** UTC midnight of a YYYY-MM-DD date. */
export function dateOfIso(iso: string): Date {
  const [year = NaN, month = NaN, day = NaN] = iso.split('-').map(Number);
  return utcDate(year, month - 1, day);
}

/** The YYYY-MM-DD of a UTC midnight. */
export function isoOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today's date in the user's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

const utcDay = (iso: string) => dateOfIso(iso).getTime();

/** A calendar date (YYYY-MM-DD) `days` later (earlier when negative). */
export function addDays(iso: string, days: number): string {
  return isoOfDate(new Date(utcDay(iso) + days * DAY_MS));
}

/** Whole days from `from` to `to`: 1 for tomorrow, −1 for yesterday. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/**
 * A calendar date `months` later (earlier when negative), on the same day
 * of the month, or on the month's last day when it is shorter: 31 January
 * plus one month is 28 or 29 February.
 */
export function addMonths(iso: string, months: number): string {
  const [year = NaN, month = NaN, day = NaN] = iso.split('-').map(Number);
  const target = month - 1 + months;
  // Day 0 of the month after the target is the target's last day.
  const lastDay = utcDate(year, target + 1, 0).getUTCDate();
  return isoOfDate(utcDate(year, target, Math.min(day, lastDay)));
}
