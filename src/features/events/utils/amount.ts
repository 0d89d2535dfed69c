/** The contract's largest amount (zAmount): whole units, 12 digits. */
export const MAX_AMOUNT = 999_999_999_999;

export type AmountProblem = 'invalid' | 'fraction' | 'negative' | 'too-large';

export type ParsedAmount =
  { ok: true; value: number } | { ok: false; problem: AmountProblem };

const GROUPED = /^\d{1,3}(?:([.,'’])\d{3})(?:\1\d{3})*$/;

/** Digits of a whole number written plainly or with one kind of grouping. */
function wholeDigits(text: string): string | null {
  if (/^\d+$/.test(text)) return text;
  return GROUPED.test(text) ? text.replace(/\D/g, '') : null;
}

/**
 * Reads a whole amount as people type it in any locale: "12000", "12 000",
 * "12,000", "12.000", "12 000 ₽", "12 000,00". Separators followed by three
 * digits group thousands; one or two digits after the last one are a
 * fraction, allowed only when zero. Empty means 0.
 */
export function parseAmount(input: string): ParsedAmount {
  // Any space: locales group with no-break and narrow no-break spaces.
  const compact = input.replace(/\s+/gu, '');
  if (compact === '') return { ok: true, value: 0 };
  if (!/\d/.test(compact)) return { ok: false, problem: 'invalid' };
  // A currency sign or code typed or pasted along with the number.
  const text = compact
    .replace(/\p{Sc}/gu, '')
    .replace(/^\p{L}+\.?|\p{L}+\.?$/gu, '')
    .replace(/^\+/, '');
  if (/^[-−–]/.test(text)) return { ok: false, problem: 'negative' };
  if (!/^\d[\d.,'’]*$/.test(text)) return { ok: false, problem: 'invalid' };

  let digits = wholeDigits(text);
  if (digits === null) {
    const fraction = /^(.*\d)([.,])(\d{1,2})$/.exec(text);
    const whole = fraction?.[1];
    if (!fraction || whole === undefined || whole.includes(fraction[2] ?? '')) {
      return { ok: false, problem: 'invalid' };
    }
    digits = wholeDigits(whole);
    if (digits === null) return { ok: false, problem: 'invalid' };
    if (/[1-9]/.test(fraction[3] ?? '')) {
      return { ok: false, problem: 'fraction' };
    }
  }
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length > String(MAX_AMOUNT).length) {
    return { ok: false, problem: 'too-large' };
  }
  const value = Number(significant);
  return value > MAX_AMOUNT
    ? { ok: false, problem: 'too-large' }
    : { ok: true, value };
}
