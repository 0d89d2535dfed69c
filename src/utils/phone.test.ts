import { describe, expect, it } from 'vitest';

import { formatByMask, maskDigitCount, nationalDigits } from './phone';

describe('phone masks', () => {
  it('counts the digits of a mask', () => {
    expect(maskDigitCount('(###) ###-##-##')).toBe(10);
  });

  it('lays typed digits along the mask, stopping where they end', () => {
    expect(formatByMask('916123', '(###) ###-##-##')).toBe('(916) 123');
    expect(formatByMask('9161234567', '(###) ###-##-##')).toBe(
      '(916) 123-45-67',
    );
    expect(formatByMask('', '(###) ###-##-##')).toBe('');
  });

  it('takes the national digits of an E.164 number', () => {
    expect(nationalDigits('+79161234567', '+7')).toBe('9161234567');
    expect(nationalDigits('+4915112345678', '+7')).toBe('');
  });
});
