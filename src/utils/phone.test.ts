import { describe, expect, it } from 'vitest';

import { checkPhone, formatByMask, phoneText, readPhone } from './phone';

const RU = '(###) ###-##-##';
const GB = '#### ######';
const DE = '### ########';
const US = '(###) ###-####';

describe('phone masks', () => {
  it('lays typed digits along the mask, stopping where they end', () => {
    expect(formatByMask('916123', RU)).toBe('(916) 123');
    expect(formatByMask('9161234567', RU)).toBe('(916) 123-45-67');
    expect(formatByMask('', RU)).toBe('');
  });
});

describe('reading a typed number', () => {
  it.each([
    ['9161234567', 'RU', RU, '+79161234567', '(916) 123-45-67'],
    // A trunk prefix is not part of the number.
    ['8 916 123-45-67', 'RU', RU, '+79161234567', '8 (916) 123-45-67'],
    ['07700 900123', 'GB', GB, '+447700900123', '07700 900123'],
    ['030 12345678', 'DE', DE, '+493012345678', '030 12345678'],
    ['2025550143', 'US', US, '+12025550143', '(202) 555-0143'],
  ])('%s in %s is %s, shown as %s', (typed, country, mask, e164, text) => {
    expect(readPhone(typed, country, mask)).toEqual({
      e164,
      text,
      country: undefined,
    });
  });

  it('takes a typed or pasted +code as the number’s own country', () => {
    const reading = readPhone('+7 916 123-45-67', 'DE', DE);
    expect(reading.e164).toBe('+79161234567');
    expect(reading.country).toBe('RU');
  });

  it('keeps nothing for nothing', () => {
    expect(readPhone('', 'RU', RU)).toEqual({
      e164: '',
      text: '',
      country: undefined,
    });
  });

  it('shows a stored number the way it would be typed', () => {
    expect(phoneText('+79161234567', 'RU', RU)).toBe('(916) 123-45-67');
    expect(phoneText('+493012345678', 'DE', DE)).toBe('030 12345678');
    expect(phoneText('', 'RU', RU)).toBe('');
  });
});

describe('checking a number against its country', () => {
  it.each([
    ['+79161234567', 'RU', 'valid'],
    // Ten digits in Berlin, eleven for a German mobile: both whole.
    ['+493012345678', 'DE', 'valid'],
    ['+4915112345678', 'DE', 'valid'],
    ['+447400123456', 'GB', 'valid'],
    ['+7916123456', 'RU', 'incomplete'],
    ['+440770090012', 'GB', 'incomplete'],
    // The same calling code, another country.
    ['+77012345678', 'RU', 'other-country'],
    ['+79161234567', 'DE', 'other-country'],
  ])('%s for %s is %s', (e164, country, verdict) => {
    expect(checkPhone(e164, country)).toBe(verdict);
  });
});
