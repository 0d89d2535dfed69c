import { dateOfIso } from '@/utils/calendar-date';

// Intl formatters are costly to build and screens format thousands of
// values: each distinct set of options is built once.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(
  locale: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Sets up Intl's locale data soon, each kind in a task of its own: the
 * first formatter a page builds costs ~15 ms (four times that on a slow phone),
 * better spent while the page waits for its data than inside its first
 * render. Returns how to call it off.
 */
export function warmUpFormats(locale: string): () => void {
  const steps = [
    () => formatNumber(0, locale),
    () => formatDate('2000-01-01', locale),
  ];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    timer = setTimeout(() => {
      step();
      next();
    });
  };
  next();
  return () => clearTimeout(timer);
}

/** A currency as the dictionary gives it: its ISO code and its symbol. */
export type Currency = { code: string; symbol?: string | undefined };

type Separators = { group: string; decimal: string };

/**
 * The separators of the locale's plain numbers. Its amounts use the same:
 * CLDR gives some regional locales (English in Germany) amounts grouped
 * the US way beside numbers grouped the German way.
 */
function separatorsOf(locale: string): Separators {
  const parts = numberFormat(locale, {}).formatToParts(1234567.5);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

/** A symbol that is a word (Br, сўм) keeps a space from the digits. */
const WORDY = /\p{L}{2,}/u;

/**
 * The parts of a formatted amount with the currency written as the
 * dictionary's symbol (when it has one): placed where the locale places it,
 * spaced as a word would be when it is one; and the plain numbers'
 * separators.
 */
function withSymbol(
  parts: Intl.NumberFormatPart[],
  symbol: string | undefined,
  separators: Separators,
): string {
  const spaced = symbol !== undefined && WORDY.test(symbol);
  return parts
    .map((part, index) => {
      if (part.type === 'group') return separators.group;
      if (part.type === 'decimal') return separators.decimal;
      if (part.type !== 'currency' || !symbol) return part.value;
      const before = parts[index - 1];
      const after = parts[index + 1];
      if (spaced && after && after.type !== 'literal') return `${symbol}\u00a0`;
      if (spaced && before && !['literal', 'minusSign'].includes(before.type)) {
        return `\u00a0${symbol}`;
      }
      return symbol;
    })
    .join('');
}

/**
 * A whole amount in the user's currency and locale; never converted. The
 * currency is written with the dictionary's symbol (₽, ₸, Br), else with
 * the locale's narrow one. `compact` shortens it for a chart's axis
 * ("1,2 млн ₽", "$120K").
 */
export function formatMoney(
  amount: number,
  currency: Currency | undefined,
  locale: string,
  compact = false,
): string {
  const format = numberFormat(locale, {
    ...(currency
      ? {
          style: 'currency',
          currency: currency.code,
          currencyDisplay: 'narrowSymbol',
        }
      : {}),
    ...(compact
      ? {
          notation: 'compact',
          maximumFractionDigits: 1,
          minimumFractionDigits: 0,
        }
      : { maximumFractionDigits: 0, minimumFractionDigits: 0 }),
  });
  return withSymbol(
    format.formatToParts(amount),
    currency?.symbol,
    separatorsOf(locale),
  );
}

/** "+1 200 ₽", "−300 ₽", "0 ₽": a net amount with its sign spelled out. */
export function signedMoney(
  value: number,
  money: (value: number) => string,
): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${money(Math.abs(value))}`;
}

export function formatNumber(
  value: number,
  locale: string,
  fractionDigits = 1,
): string {
  return numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(
    value,
  );
}

const dateStyles = {
  date: { dateStyle: 'medium' },
  month: { month: 'long', year: 'numeric' },
  shortMonth: { month: 'short' },
  withWeekday: { weekday: 'short', day: 'numeric', month: 'short' },
  weekday: { weekday: 'short' },
  full: { dateStyle: 'full' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A calendar date (YYYY-MM-DD) or month (YYYY-MM) in the user's locale,
 * without time-zone shifts: "26 Nov 2026", "November 2026", "Nov".
 */
export function formatDate(
  iso: string,
  locale: string,
  style: keyof typeof dateStyles = 'date',
): string {
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...dateStyles[style],
      timeZone: 'UTC',
    });
    dateFormats.set(key, format);
  }
  // A month (YYYY-MM) is shown by its first day.
  return format.format(dateOfIso(iso.length === 7 ? `${iso}-01` : iso));
}

/**
 * A moment of the owner's day, to say how old what is shown is: "14:32"
 * today, "2 Dec, 14:32" another day (in the device's time zone).
 */
export function formatMoment(
  time: number,
  locale: string,
  now: number = Date.now(),
): string {
  const sameDay =
    new Date(time).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(time);
}

/** Country name in the UI language, from its ISO code; the API's name otherwise. */
export function regionName(
  code: string,
  fallback: string,
  language: string,
): string {
  try {
    return (
      new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? fallback
    );
  } catch {
    return fallback;
  }
}

// Names stand alone in a list, so they start with a capital in any language.
function asLabel(name: string, language: string): string {
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** A currency's name in the UI language, from its ISO 4217 code. */
export function currencyName(
  code: string,
  fallback: string,
  language: string,
): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'currency' }).of(
      code,
    );
    return name && name !== code ? asLabel(name, language) : fallback;
  } catch {
    return fallback;
  }
}

/** A language's name in that language itself ("Русский", "English"). */
export function languageEndonym(code: string, fallback: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name && name !== code ? asLabel(name, code) : fallback;
  } catch {
    return fallback;
  }
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** A day relative to today in words: "today", "tomorrow", "in 5 days", "3 days ago". */
export function formatRelativeDays(days: number, locale: string): string {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format.format(days, 'day');
}
