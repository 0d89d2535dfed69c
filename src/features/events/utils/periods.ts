import { isoOfDate, utcDate } from '@/utils/calendar-date';

/** The date ranges owners ask about most, relative to today. */
export const PERIOD_PRESETS = [
  'all',
  'this-month',
  'last-month',
  'this-quarter',
  'this-year',
  'last-year',
] as const;

export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Inclusive calendar dates (YYYY-MM-DD); a missing end is open. */
export type DateRange = { from?: string; to?: string };

/** `month` is 0-based and may run over into the next or previous year. */
function isoDate(year: number, month: number, day: number): string {
  return isoOfDate(utcDate(year, month, day));
}

/** First to last day of `months` whole months starting at `month`. */
function months(year: number, month: number, count: number): DateRange {
  return {
    from: isoDate(year, month, 1),
    // Day 0 of the month after the span is its last day, leap years included.
    to: isoDate(year, month + count, 0),
  };
}

/** The dates a preset covers on `today` (YYYY-MM-DD, the user's own day). */
export function presetRange(preset: PeriodPreset, today: string): DateRange {
  const [year = NaN, month1 = NaN] = today.split('-').map(Number);
  const month = month1 - 1;
  switch (preset) {
    case 'all':
      return {};
    case 'this-month':
      return months(year, month, 1);
    case 'last-month':
      return months(year, month - 1, 1);
    case 'this-quarter':
      return months(year, month - (month % 3), 3);
    case 'this-year':
      return months(year, 0, 12);
    case 'last-year':
      return months(year - 1, 0, 12);
  }
}

/** Whether a calendar date lies in a range (both ends inclusive). */
export function inRange(date: string, range: DateRange): boolean {
  return (
    (range.from === undefined || date >= range.from) &&
    (range.to === undefined || date <= range.to)
  );
}
