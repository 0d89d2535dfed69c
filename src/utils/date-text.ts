import { dateOfIso, utcDate } from '@/utils/calendar-date';

export type DatePart = 'day' | 'month' | 'year';

/** How a locale writes a numeric date: its parts in order and the text between them. */
type NumericDate = {
  format: Intl.DateTimeFormat;
  order: DatePart[];
  /** Text before each part and after the last one ("", ".", ".", ""). */
  literals: string[];
};

const numericDates = new Map<string, NumericDate>();

function isDatePart(type: string): type is DatePart {
  return type === 'day' || type === 'month' || type === 'year';
}

function numericDate(locale: string): NumericDate {
  let found = numericDates.get(locale);
  if (found) return found;
  const format = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  });
  const order: DatePart[] = [];
  const literals = [''];
  for (const part of format.formatToParts(utcDate(2025, 10, 22))) {
    if (isDatePart(part.type)) {
      order.push(part.type);
      literals.push('');
    } else {
      literals[literals.length - 1] += part.value;
    }
  }
  found = { format, order, literals };
  numericDates.set(locale, found);
  return found;
}

/**
 * YYYY-MM-DD of a year, month and day as written (one or two digits for the
 * month and day, four for the year); null when it is not a real date.
 */
export function isoFrom(
  year: string,
  month: string,
  day: string,
): string | null {
  if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month)) return null;
  if (!/^\d{1,2}$/.test(day)) return null;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = utcDate(y, m - 1, d);
  // Day 31 of a 30-day month, or 29 February of a common year, rolls over.
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1) {
    return null;
  }
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The order a locale writes a numeric date's parts in. */
export function dateOrder(locale: string): readonly DatePart[] {
  return numericDate(locale).order;
}

/**
 * A calendar date typed as YYYY-MM-DD or in the locale's own numeric order
 * (26.11.2026 in Russian, 11/26/2026 in US English), as YYYY-MM-DD; null
 * when it is not a real date. The year has four digits.
 */
export function parseDateText(text: string, locale: string): string | null {
  const groups = text.trim().split(/\D+/).filter(Boolean);
  const [first, second, third] = groups;
  if (groups.length !== 3 || !first || !second || !third) return null;
  if (first.length === 4) return isoFrom(first, second, third);
  const { order } = numericDate(locale);
  if (order[2] !== 'year') return null;
  const value = { [order[0] ?? 'day']: first, [order[1] ?? 'month']: second };
  return isoFrom(third, value.month ?? '', value.day ?? '');
}

/**
 * A YYYY-MM-DD date written the locale's numeric way, for a date field; the
 * year always has four digits, so that what is shown reads back the same.
 */
export function formatDateText(iso: string, locale: string): string {
  return numericDate(locale)
    .format.formatToParts(dateOfIso(iso))
    .map(({ type, value }) =>
      type === 'year' ? value.padStart(4, '0') : value,
    )
    .join('');
}

/** The locale's numeric date pattern with the given words for its parts. */
export function datePattern(
  locale: string,
  words: Record<DatePart, string>,
): string {
  const { order, literals } = numericDate(locale);
  return order.reduce(
    (pattern, part, index) =>
      pattern + words[part] + (literals[index + 1] ?? ''),
    literals[0] ?? '',
  );
}
