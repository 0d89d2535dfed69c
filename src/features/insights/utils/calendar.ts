import { addDays, dateOfIso, isoOfDate, utcDate } from '@/utils/calendar-date';

/** ISO weekday, 1 (Monday) to 7 (Sunday). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

type WeekInfo = { firstDay: Weekday };
type LocaleWithWeekInfo = Intl.Locale & {
  getWeekInfo?: () => WeekInfo;
  weekInfo?: WeekInfo;
};

/** The day a locale's weeks start on; Monday (ISO 8601) when the browser cannot tell. */
export function firstDayOfWeek(locale: string): Weekday {
  try {
    const info = new Intl.Locale(locale).maximize() as LocaleWithWeekInfo;
    return (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

function isoWeekday(iso: string): Weekday {
  return (((dateOfIso(iso).getUTCDay() + 6) % 7) + 1) as Weekday;
}

function daysInMonth(month: string): number {
  const [year = NaN, number = NaN] = month.split('-').map(Number);
  return utcDate(year, number, 0).getUTCDate();
}

/**
 * The weeks of a month (YYYY-MM) as rows of seven dates, starting on
 * `firstDay`; days of the neighbouring months are null.
 */
export function monthWeeks(
  month: string,
  firstDay: Weekday,
): (string | null)[][] {
  const first = `${month}-01`;
  const lead = (isoWeekday(first) - firstDay + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 0; day < daysInMonth(month); day++) {
    cells.push(addDays(first, day));
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) {
    weeks.push(cells.slice(start, start + 7));
  }
  return weeks;
}

/** The same day of the month `months` away, or the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [year = NaN, month = NaN, day = NaN] = iso.split('-').map(Number);
  const target = isoOfDate(utcDate(year, month - 1 + months, 1)).slice(0, 7);
  const clamped = Math.min(day, daysInMonth(target));
  return `${target}-${String(clamped).padStart(2, '0')}`;
}

/** The seven dates of the week of `iso` that starts on `firstDay`. */
export function weekOf(iso: string, firstDay: Weekday): string[] {
  const start = addDays(iso, -((isoWeekday(iso) - firstDay + 7) % 7));
  return Array.from({ length: 7 }, (_, day) => addDays(start, day));
}

/**
 * Where a key moves the focus in a month grid (the keys of the WAI-ARIA
 * date grid); null for other keys.
 */
export function moveByKey(
  iso: string,
  key: string,
  firstDay: Weekday,
): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(iso, -1);
    case 'ArrowRight':
      return addDays(iso, 1);
    case 'ArrowUp':
      return addDays(iso, -7);
    case 'ArrowDown':
      return addDays(iso, 7);
    case 'Home':
      return weekOf(iso, firstDay)[0] ?? iso;
    case 'End':
      return weekOf(iso, firstDay)[6] ?? iso;
    case 'PageUp':
      return addMonths(iso, -1);
    case 'PageDown':
      return addMonths(iso, 1);
    default:
      return null;
  }
}

/** A date kept within an inclusive range. */
export function clampDate(
  iso: string,
  range: { from: string; to: string },
): string {
  if (iso < range.from) return range.from;
  return iso > range.to ? range.to : iso;
}
