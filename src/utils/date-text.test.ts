import { describe, expect, it } from 'vitest';

import { datePattern, formatDateText, parseDateText } from './date-text';

describe('dates typed in a field', () => {
  it('reads YYYY-MM-DD in any locale', () => {
    expect(parseDateText('2025-03-01', 'ru')).toBe('2025-03-01');
    expect(parseDateText('2025-3-1', 'en-US')).toBe('2025-03-01');
  });

  it('reads the locale’s own day and month order', () => {
    expect(parseDateText('01.03.2025', 'ru')).toBe('2025-03-01');
    expect(parseDateText('1.3.2025', 'ru')).toBe('2025-03-01');
    expect(parseDateText('03/01/2025', 'en-US')).toBe('2025-03-01');
    expect(parseDateText('01/03/2025', 'en-GB')).toBe('2025-03-01');
  });

  it('refuses dates that do not exist and incomplete ones', () => {
    expect(parseDateText('29.02.2025', 'ru')).toBeNull();
    expect(parseDateText('29.02.2024', 'ru')).toBe('2024-02-29');
    expect(parseDateText('31.04.2025', 'ru')).toBeNull();
    expect(parseDateText('2025-13-01', 'ru')).toBeNull();
    expect(parseDateText('01.03.25', 'ru')).toBeNull();
    expect(parseDateText('01.03', 'ru')).toBeNull();
    expect(parseDateText('yesterday', 'en')).toBeNull();
  });

  it('writes a date the locale’s numeric way, and says how', () => {
    expect(formatDateText('2025-03-01', 'ru')).toBe('01.03.2025');
    expect(formatDateText('2025-03-01', 'en-US')).toBe('03/01/2025');
    const words = { day: 'DD', month: 'MM', year: 'YYYY' };
    expect(datePattern('ru', words)).toBe('DD.MM.YYYY');
    expect(datePattern('en-US', words)).toBe('MM/DD/YYYY');
  });
});

describe('dates of the years 1 to 99', () => {
  it.each([
    ['0026-03-01', 'ru', '01.03.0026'],
    ['0001-01-01', 'en-US', '01/01/0001'],
    ['0099-12-31', 'ru', '31.12.0099'],
  ])('write %s in %s as %s, which reads back the same', (iso, locale, text) => {
    expect(formatDateText(iso, locale)).toBe(text);
    expect(parseDateText(text, locale)).toBe(iso);
  });
});
