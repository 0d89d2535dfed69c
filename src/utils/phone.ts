import {
  AsYouType,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/min';

/** E.164 holds at most 15 digits. */
const MAX_DIGITS = 15;

/** Number of digits a national phone mask holds (one `#` per digit). */
function maskDigitCount(mask: string): number {
  return [...mask].filter((char) => char === '#').length;
}

/** The digits typed so far, laid out along the country's mask. */
export function formatByMask(digits: string, mask: string): string {
  let out = '';
  let next = 0;
  for (const char of mask) {
    if (next >= digits.length) break;
    if (char === '#') out += digits[next++];
    else out += char;
  }
  return out;
}

export type PhoneReading = {
  /** The number in E.164 as far as it goes; '' when nothing was typed. */
  e164: string;
  /** What the field shows for it. */
  text: string;
  /** The country of an international number (+code) typed or pasted. */
  country: string | undefined;
};

/**
 * What was typed in a phone field, read for `country` (ISO 3166 alpha-2)
 * with libphonenumber's rules: a trunk prefix (8 in Russia, 0 in Britain
 * and Germany) is not part of the number, a typed or pasted `+code` names
 * its own country, and lengths are the country's own. Shown along the
 * country's `mask` while it is plain national digits, as the mask hint says.
 */
export function readPhone(
  typed: string,
  country: string,
  mask: string,
): PhoneReading {
  const international = typed.trimStart().startsWith('+');
  const digits = typed.replace(/\D/g, '').slice(0, MAX_DIGITS);
  if (!digits)
    return { e164: '', text: international ? '+' : '', country: undefined };
  const reader = new AsYouType(country as CountryCode);
  const formatted = reader.input(international ? `+${digits}` : digits);
  const plain =
    !international &&
    reader.getNumber()?.nationalNumber === digits &&
    digits.length <= maskDigitCount(mask);
  return {
    e164: reader.getNumberValue() ?? `+${digits}`,
    text: plain ? formatByMask(digits, mask) : formatted,
    country: international ? reader.getCountry() : undefined,
  };
}

/**
 * What the field shows for a stored E.164 number of `country`: a whole
 * number of another country with its +code; a number of the mask's length,
 * or one not whole yet, as if typed; any other as the country writes it.
 */
export function phoneText(e164: string, country: string, mask: string): string {
  const number = e164 ? parsePhoneNumberFromString(e164) : undefined;
  if (!number) return e164;
  const whole = number.isValid();
  if (whole && number.country !== country) return number.formatInternational();
  const national = number.nationalNumber;
  return whole && national.length !== maskDigitCount(mask)
    ? number.formatNational()
    : readPhone(national, country, mask).text;
}

/**
 * The national digits of a number of the country with `fromCode`, as a
 * number of `country`: what was typed stays when the country changes.
 */
export function phoneOfCountry(
  e164: string,
  fromCode: string,
  country: string,
  mask: string,
): string {
  const digits = e164.replace(/\D/g, '');
  const code = fromCode.replace(/\D/g, '');
  const national = digits.startsWith(code) ? digits.slice(code.length) : digits;
  return readPhone(national, country, mask).e164;
}

/**
 * How an E.164 number stands against the chosen country: 'valid' only when
 * it is a whole, possible number of that very country.
 */
export function checkPhone(
  e164: string,
  country: string,
): 'valid' | 'incomplete' | 'other-country' {
  const number = parsePhoneNumberFromString(e164);
  if (!number?.isValid()) return 'incomplete';
  return number.country === country ? 'valid' : 'other-country';
}
