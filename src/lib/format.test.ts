import { describe, expect, it } from 'vitest';

import {
  currencyName,
  formatDate,
  formatMoney,
  formatNumber,
  languageEndonym,
  signedMoney,
  regionName,
} from './format';

// Russian groups digits and separates the symbol with a no-break space
// (U+00A0 in the ICU that Node ships); spelled out so a plain space fails.
const NBSP = '\u00a0';

describe('formatMoney', () => {
  // The dictionary's currencies (src/mocks/seed.ts) and their symbols.
  const RUB = { code: 'RUB', symbol: '₽' };
  const USD = { code: 'USD', symbol: '$' };
  const EUR = { code: 'EUR', symbol: '€' };
  const KZT = { code: 'KZT', symbol: '₸' };
  const BYN = { code: 'BYN', symbol: 'Br' };
  const UZS = { code: 'UZS', symbol: 'сўм' };

  it.each([
    ['ru', RUB, `1${NBSP}234${NBSP}567${NBSP}₽`],
    ['ru', USD, `1${NBSP}234${NBSP}567${NBSP}$`],
    ['ru', KZT, `1${NBSP}234${NBSP}567${NBSP}₸`],
    ['ru', BYN, `1${NBSP}234${NBSP}567${NBSP}Br`],
    ['ru', UZS, `1${NBSP}234${NBSP}567${NBSP}сўм`],
    ['en', RUB, '₽1,234,567'],
    ['en', USD, '$1,234,567'],
    ['en', EUR, '€1,234,567'],
    ['en', KZT, '₸1,234,567'],
    ['en', BYN, `Br${NBSP}1,234,567`],
    ['en', UZS, `сўм${NBSP}1,234,567`],
  ])('writes 1234567 in %s with %o as %j', (locale, currency, expected) => {
    expect(formatMoney(1_234_567, currency, locale)).toBe(expected);
  });

  it("writes the locale's narrow symbol when the dictionary gives none", () => {
    expect(formatMoney(1_500, { code: 'RUB' }, 'en')).toBe('₽1,500');
    expect(formatMoney(1_500, { code: 'GBP' }, 'ru')).toBe(
      `1${NBSP}500${NBSP}£`,
    );
  });

  it('never shows a fractional part for whole units', () => {
    expect(formatMoney(0, USD, 'en')).toBe('$0');
    expect(formatMoney(999.6, USD, 'en')).toBe('$1,000');
    expect(formatMoney(-1500, RUB, 'ru')).toBe(`-1${NBSP}500${NBSP}₽`);
    expect(formatMoney(-1500, EUR, 'en')).toBe('-€1,500');
    expect(formatMoney(-1500, BYN, 'en')).toBe(`-Br${NBSP}1,500`);
  });

  it('re-labels the same amount when only the currency changes', () => {
    const amount = 250_000;
    expect(formatMoney(amount, RUB, 'ru')).toBe(`250${NBSP}000${NBSP}₽`);
    expect(formatMoney(amount, USD, 'ru')).toBe(`250${NBSP}000${NBSP}$`);
  });

  it('writes a plain grouped number while the currency is not known yet', () => {
    expect(formatMoney(1_234_567, undefined, 'ru')).toBe(
      `1${NBSP}234${NBSP}567`,
    );
    expect(formatMoney(1_234_567, undefined, 'en')).toBe('1,234,567');
  });

  it('shortens large amounts for chart axes, keeping the symbol', () => {
    expect(formatMoney(1_250_000, RUB, 'ru', true)).toBe(
      `1,3${NBSP}млн${NBSP}₽`,
    );
    expect(formatMoney(120_000, USD, 'en', true)).toBe('$120K');
    expect(formatMoney(-4_000, EUR, 'en', true)).toBe('-€4K');
    expect(formatMoney(120_000, RUB, 'en', true)).toBe('₽120K');
    expect(formatMoney(0, RUB, 'ru', true)).toBe(`0${NBSP}₽`);
  });
});

describe('signedMoney', () => {
  it('spells the sign out, with a true minus, and none for zero', () => {
    const rub = (value: number) =>
      formatMoney(value, { code: 'RUB', symbol: '₽' }, 'ru');
    expect(signedMoney(1_200, rub)).toBe(`+1${NBSP}200${NBSP}₽`);
    expect(signedMoney(-300, rub)).toBe(`−300${NBSP}₽`);
    expect(signedMoney(0, rub)).toBe(`0${NBSP}₽`);
  });
});

describe('formatNumber', () => {
  it('rounds to one decimal by default, in the locale', () => {
    expect(formatNumber(12_345.67, 'ru')).toBe(`12${NBSP}345,7`);
    expect(formatNumber(12_345.67, 'en')).toBe('12,345.7');
    expect(formatNumber(12_345.67, 'en', 0)).toBe('12,346');
  });
});

describe('formatDate', () => {
  it('writes a calendar date in the locale', () => {
    expect(formatDate('2024-12-31', 'ru')).toBe('31 дек. 2024 г.');
    expect(formatDate('2024-12-31', 'en')).toBe('Dec 31, 2024');
  });

  it('writes a month, long or short, in the locale', () => {
    expect(formatDate('2026-01', 'en', 'month')).toBe('January 2026');
    expect(formatDate('2026-01', 'ru', 'month')).toBe('январь 2026 г.');
    expect(formatDate('2025-12', 'en', 'shortMonth')).toBe('Dec');
    expect(formatDate('2025-12', 'ru', 'shortMonth')).toBe('дек.');
  });

  it('does not shift the day whatever the time zone', () => {
    expect(formatDate('2024-01-01', 'en')).toBe('Jan 1, 2024');
    expect(formatDate('2024-02-29', 'ru')).toBe('29 февр. 2024 г.');
  });

  it('keeps a year under 100 as it is, not one of the 1900s', () => {
    expect(formatDate('0026-03-01', 'en')).toBe('Mar 1, 26');
    expect(formatDate('0026-03-01', 'ru')).toBe('1 мар. 26 г.');
  });
});

describe('dictionary names', () => {
  it('names countries in the UI language by their code', () => {
    expect(regionName('KZ', 'Казахстан', 'en')).toBe('Kazakhstan');
    expect(regionName('US', 'США', 'ru')).toBe('Соединенные Штаты');
  });

  it('keeps the API name when the code is unknown', () => {
    expect(regionName('not a code', 'Атлантида', 'en')).toBe('Атлантида');
  });

  it('names currencies in the UI language by their code, as a label', () => {
    expect(currencyName('KZT', 'Тенге', 'en')).toBe('Kazakhstani Tenge');
    expect(currencyName('USD', 'Доллар', 'ru')).toBe('Доллар США');
    expect(currencyName('RUB', 'Рубль', 'ru')).toBe('Российский рубль');
    expect(currencyName('???', 'Тенге', 'en')).toBe('Тенге');
  });

  it('names languages in themselves', () => {
    expect(languageEndonym('ru', 'Russian')).toBe('Русский');
    expect(languageEndonym('en', 'Английский')).toBe('English');
    expect(languageEndonym('kk', 'Kazakh')).toBe('Қазақ тілі');
    expect(languageEndonym('zz', 'Zed')).toBe('Zed');
  });
});
