import { describe, expect, it } from 'vitest';

import { formatMoney } from './format';
import { formattingLocale } from './locale-settings';

describe('formattingLocale', () => {
  it('writes amounts and dates in the profile language the UI speaks', () => {
    expect(formattingLocale('ru')).toBe('ru');
    expect(formattingLocale('en')).toBe('en');
    expect(formattingLocale('en-GB')).toBe('en-GB');
  });

  it('writes them the way the language is written in the country', () => {
    expect(formattingLocale('en', 'DE')).toBe('en-DE');
    expect(formattingLocale('ru', 'KZ')).toBe('ru-KZ');
    expect(formattingLocale('en', 'US')).toBe('en-US');
    expect(formatMoney(1234567, { code: 'EUR' }, 'en-DE')).toBe('€1.234.567');
    // No English data for Belarus: day first, as everywhere but the US.
    expect(formattingLocale('en', 'BY')).toBe('en-001');
    expect(formattingLocale('ru', 'DE')).toBe('ru');
    expect(formattingLocale('kk', 'KZ')).toBe('en-001');
    expect(formattingLocale('en', 'Q!')).toBe('en');
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
