import { addMonths } from '@/utils/calendar-date';

/** How an entry repeats: every `months` months (1 monthly, 3 quarterly, 12 yearly). */
export type RepeatRule = {
  months: number;
  /** How many entries in all, the first included; or the last date one may fall on. */
  end: { count: number } | { until: string };
};

/** The most entries one repeat makes: ten years of months. */
export const MAX_REPEATS = 120;

/**
 * The dates of an entry and its repeats, the first included: each `months`
 * after the first, on the first's day of the month, or on the last day of
 * a shorter month (the 31st falls on the 30th, or on the 28th or 29th in
 * February, and on the 31st again where the month has one). At most
 * MAX_REPEATS; none after `until`.
 */
export function repeatDates(first: string, rule: RepeatRule): string[] {
  const dates: string[] = [];
  const { end } = rule;
  for (let index = 0; dates.length < MAX_REPEATS; index += 1) {
    if ('count' in end && index >= end.count) break;
    const date = addMonths(first, index * rule.months);
    if ('until' in end && date > end.until) break;
    dates.push(date);
  }
  return dates;
}
