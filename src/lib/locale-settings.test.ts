import { describe, expect, it } from 'vitest';

import { formatMoney } from './format';
import { formattingLocale } from './locale-settings';

describe('formattingLocale', () => {
  it('writes amounts and dates in the profile language the UI speaks', () => {
    expect(formattingLocale('ru')).toBe('ru');
    expect(formattingLocale('en')).toBe('en');
    expect(formattingLocale('en-GB')).toBe('en-GB');
  });

  it('falls back with the UI for a language it does not speak', () => {
    expect(formattingLocale('kk')).toBe('en');
  });

  it('keeps to the language of a tag Intl cannot read', () => {
    expect(formattingLocale('ru-!!')).toBe('ru');
    expect(formattingLocale('en-US ')).toBe('en');
    expect(() =>
      formatMoney(1200, { code: 'RUB' }, formattingLocale('ru-!!')),
    ).not.toThrow();
  });
});
