import { dateOrder, isoFrom } from '@/utils/date-text';

/**
 * The cells of a statement as values: dates in the three orders files use,
 * and amounts with either decimal separator, any grouping, a sign in front,
 * behind or as brackets, and a currency beside them.
 */

/** The order of a date's parts: 31.12.2025, 12/31/2025, 2025-12-31. */
export type DateFormat = 'dmy' | 'mdy' | 'ymd';
export const DATE_FORMATS: readonly DateFormat[] = ['dmy', 'mdy', 'ymd'];

/** What separates whole units from the fraction: 1 234,50 or 1,234.50. */
export type Decimal = 'comma' | 'point';
export const DECIMALS: readonly Decimal[] = ['comma', 'point'];

// Three numbers with one separator, and perhaps a time after them.
const DATE =
  /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:[T\s,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A year written with two digits: 00–69 are 2000s, 70–99 the 1900s. */
function fullYear(year: string): string {
  if (year.length === 4) return year;
  if (year.length !== 2) return '';
  return String((Number(year) < 70 ? 2000 : 1900) + Number(year));
}

/** The cell's date as YYYY-MM-DD when read in `format`; null otherwise. */
export function parseDate(text: string, format: DateFormat): string | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, first = '', , second = '', third = ''] = match;
  if (format === 'ymd') {
    return first.length === 4 ? isoFrom(first, second, third) : null;
  }
  if (first.length > 2) return null;
  const year = fullYear(third);
  return format === 'dmy'
    ? isoFrom(year, second, first)
    : isoFrom(year, first, second);
}

/** The orders a locale would read first: its own, then the others. */
export function preferredDateFormats(locale: string): DateFormat[] {
  const [first] = dateOrder(locale);
  const own: DateFormat = first === 'month' ? 'mdy' : 'dmy';
  return [own, ...DATE_FORMATS.filter((format) => format !== own)];
}

/**
 * The orders that read the most of `cells` (empty cells aside), best
 * first by the locale's preference. More than one means the file can be
 * read two ways (03/04/2025) and the owner should say which.
 */
export function dateFormatsOf(
  cells: readonly string[],
  preferred: readonly DateFormat[],
): DateFormat[] {
  const counts = new Map<DateFormat, number>();
  for (const cell of cells) {
    if (!cell.trim()) continue;
    for (const format of preferred) {
      if (parseDate(cell, format)) {
        counts.set(format, (counts.get(format) ?? 0) + 1);
      }
    }
  }
  const most = Math.max(0, ...counts.values());
  return most === 0
    ? []
    : preferred.filter((format) => counts.get(format) === most);
}

/** True for a cell that is a date in some order. */
export function looksLikeDate(text: string): boolean {
  return DATE_FORMATS.some((format) => parseDate(text, format) !== null);
}

type Money = { negative: boolean; digits: string };

/** The cell without spaces, currency and sign: what is left is the number. */
function moneyParts(text: string): Money | null {
  let rest = text.trim();
  if (!rest) return null;
  let negative = false;
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1);
  }
  rest = rest
    // Any space groups thousands, the no-break ones included; so may '.
    .replace(/[\s'’]+/gu, '')
    .replace(/\p{Sc}/gu, '')
    // A currency's code or short name (RUB, руб., р.), not a word:
    // "Квартира 5" is no amount.
    .replace(/^\p{L}{1,3}\.?(?!\p{L})|(?<!\p{L})\p{L}{1,3}\.?$/gu, '');
  const sign = /^[-−–+]|[-−–]$/.exec(rest);
  if (sign) {
    negative ||= sign[0] !== '+';
    rest = sign.index === 0 ? rest.slice(1) : rest.slice(0, -1);
  }
  return /^\d[\d.,]*$/.test(rest) && /\d$/.test(rest)
    ? { negative, digits: rest }
    : null;
}

/**
 * The decimal separator the amounts say they use: the last separator of
 * a cell with both, or one with one or two digits after it. "1,234" alone
 * says nothing; nor does a file of whole numbers, which takes `fallback`.
 */
export function decimalOf(
  cells: readonly string[],
  fallback: Decimal,
): Decimal {
  let comma = 0;
  let point = 0;
  const vote = (separator: string) => {
    if (separator === ',') comma += 1;
    else point += 1;
  };
  for (const cell of cells) {
    const digits = moneyParts(cell)?.digits ?? '';
    const separators = digits.replace(/\d/g, '');
    const last = separators.at(-1);
    if (last === undefined) continue;
    if (separators.includes(',') && separators.includes('.')) vote(last);
    else if (separators.length > 1) vote(last === ',' ? '.' : ',');
    else if (digits.length - digits.indexOf(last) - 1 !== 3) vote(last);
  }
  if (comma === point) return fallback;
  return comma > point ? 'comma' : 'point';
}

/** A locale's decimal separator. */
export function localeDecimal(locale: string): Decimal {
  const decimal = new Intl.NumberFormat(locale)
    .formatToParts(1.5)
    .find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? 'comma' : 'point';
}

/**
 * The cell's amount, signed and as written (fractions kept); null when it
 * holds no number. An empty cell is null too.
 */
export function parseMoney(text: string, decimal: Decimal): number | null {
  const money = moneyParts(text);
  if (!money) return null;
  const [group, point] = decimal === 'comma' ? ['.', ','] : [',', '.'];
  const plain = money.digits.replaceAll(group, '').replace(point, '.');
  if (!/^\d+(\.\d+)?$/.test(plain)) return null;
  const value = Number(plain);
  return money.negative ? -value : value;
}

/** True for a cell that is an amount with either separator. */
export function looksLikeMoney(text: string): boolean {
  return DECIMALS.some((decimal) => parseMoney(text, decimal) !== null);
}

/**
 * Whole units, as the API keeps them: a fraction is rounded half away from
 * zero (12,50 is 13; −12,50 is −13). x.5 is exact in binary, so the
 * rounding is never off by a float's error.
 */
export function wholeUnits(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
