/** Number of digits a national phone mask holds (one `#` per digit). */
export function maskDigitCount(mask: string): number {
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

/** The national digits of an E.164 number for a calling code, if it has it. */
export function nationalDigits(e164: string, phoneCode: string): string {
  return e164.startsWith(phoneCode) ? e164.slice(phoneCode.length) : '';
}

export function onlyDigits(value: string): string {
  return value.replace(/\D/g, '');
}
