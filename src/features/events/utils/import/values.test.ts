import { describe, expect, it } from 'vitest';

import {
  dateFormatsOf,
  decimalOf,
  localeDecimal,
  looksLikeDate,
  looksLikeMoney,
  parseDate,
  parseMoney,
  preferredDateFormats,
  wholeUnits,
} from './values';

describe('parseDate', () => {
  it('reads day-first dates, with or without a time after them', () => {
    expect(parseDate('12.03.2025', 'dmy')).toBe('2025-03-12');
    expect(parseDate('12.03.2025 14:33', 'dmy')).toBe('2025-03-12');
    expect(parseDate('12.03.2025 14:33:07', 'dmy')).toBe('2025-03-12');
    expect(parseDate('  1.3.2025 ', 'dmy')).toBe('2025-03-01');
    expect(parseDate('12-03-2025', 'dmy')).toBe('2025-03-12');
  });

  it('reads month-first and ISO dates', () => {
    expect(parseDate('03/14/2025', 'mdy')).toBe('2025-03-14');
    expect(parseDate('2025-03-04', 'ymd')).toBe('2025-03-04');
    expect(parseDate('2025-03-04T10:15:00Z', 'ymd')).toBe('2025-03-04');
    expect(parseDate('2025-03-04 10:15:00+03:00', 'ymd')).toBe('2025-03-04');
  });

  it('reads the same ambiguous text differently in each order', () => {
    expect(parseDate('03/04/2025', 'dmy')).toBe('2025-04-03');
    expect(parseDate('03/04/2025', 'mdy')).toBe('2025-03-04');
    expect(parseDate('03/04/2025', 'ymd')).toBeNull();
  });

  it('takes two-digit years 00–69 as 2000s and 70–99 as 1900s', () => {
    expect(parseDate('05.03.25', 'dmy')).toBe('2025-03-05');
    expect(parseDate('01.01.69', 'dmy')).toBe('2069-01-01');
    expect(parseDate('01.01.70', 'dmy')).toBe('1970-01-01');
    expect(parseDate('12/31/99', 'mdy')).toBe('1999-12-31');
    // Three digits are no year at all.
    expect(parseDate('05.03.202', 'dmy')).toBeNull();
  });

  it('refuses dates the calendar does not have', () => {
    expect(parseDate('31.02.2025', 'dmy')).toBeNull();
    expect(parseDate('29.02.2025', 'dmy')).toBeNull();
    expect(parseDate('29.02.2024', 'dmy')).toBe('2024-02-29');
    expect(parseDate('31.04.2025', 'dmy')).toBeNull();
    expect(parseDate('00.03.2025', 'dmy')).toBeNull();
    // Month 14 in day-first order.
    expect(parseDate('03/14/2025', 'dmy')).toBeNull();
  });

  it('refuses what is not a date', () => {
    expect(parseDate('', 'dmy')).toBeNull();
    expect(parseDate('Итого', 'dmy')).toBeNull();
    expect(parseDate('12.03-2025', 'dmy')).toBeNull();
    expect(parseDate('12 000,00', 'dmy')).toBeNull();
    // A day-first reading of a year-first date, and the other way round.
    expect(parseDate('2025-03-04', 'dmy')).toBeNull();
    expect(parseDate('04-03-2025', 'ymd')).toBeNull();
  });
});

describe('preferredDateFormats', () => {
  it("puts the locale's own order first", () => {
    expect(preferredDateFormats('ru')).toEqual(['dmy', 'mdy', 'ymd']);
    expect(preferredDateFormats('en-US')).toEqual(['mdy', 'dmy', 'ymd']);
    expect(preferredDateFormats('en-GB')).toEqual(['dmy', 'mdy', 'ymd']);
  });
});

describe('dateFormatsOf', () => {
  const ambiguous = ['03/04/2025', '05/06/2025', '', '11/12/2025'];

  it('returns both orders for a file whose every day is 12 or less, the locale deciding which comes first', () => {
    expect(dateFormatsOf(ambiguous, preferredDateFormats('ru'))).toEqual([
      'dmy',
      'mdy',
    ]);
    expect(dateFormatsOf(ambiguous, preferredDateFormats('en-US'))).toEqual([
      'mdy',
      'dmy',
    ]);
  });

  it('returns the one order that reads a day above 12, whatever the locale', () => {
    const cells = ['03/04/2025', '03/14/2025', '03/28/2025'];
    expect(dateFormatsOf(cells, preferredDateFormats('ru'))).toEqual(['mdy']);
    const russian = ['03.04.2025', '14.03.2025'];
    expect(dateFormatsOf(russian, preferredDateFormats('en-US'))).toEqual([
      'dmy',
    ]);
  });

  it('keeps the order that reads the most cells when a few are not dates', () => {
    const cells = ['14.03.2025', '28.03.2025', 'Итого', '01.04.2025'];
    expect(dateFormatsOf(cells, preferredDateFormats('ru'))).toEqual(['dmy']);
  });

  it('finds ISO dates', () => {
    expect(
      dateFormatsOf(['2025-03-04', '2025-03-05'], preferredDateFormats('ru')),
    ).toEqual(['ymd']);
  });

  it('returns nothing for a column without dates', () => {
    expect(dateFormatsOf(['Аренда', '', '  '], ['dmy', 'mdy'])).toEqual([]);
    expect(dateFormatsOf([], ['dmy', 'mdy'])).toEqual([]);
  });
});

describe('looksLikeDate', () => {
  it('tells dates in any order from other text', () => {
    expect(looksLikeDate('12.03.2025 14:33')).toBe(true);
    expect(looksLikeDate('03/14/2025')).toBe(true);
    expect(looksLikeDate('2025-03-04')).toBe(true);
    expect(looksLikeDate('31.02.2025')).toBe(false);
    expect(looksLikeDate('-12 000,00')).toBe(false);
    expect(looksLikeDate('Дата операции')).toBe(false);
  });
});

describe('parseMoney', () => {
  it('reads Russian bank amounts with a sign and any space as grouping', () => {
    expect(parseMoney('-12 000,00', 'comma')).toBe(-12000);
    expect(parseMoney('+65 000,00', 'comma')).toBe(65000);
    expect(parseMoney('+65\u00a0000,00', 'comma')).toBe(65000);
    expect(parseMoney('1\u202f234\u202f567,89', 'comma')).toBe(1234567.89);
    expect(parseMoney('−4 500,50', 'comma')).toBe(-4500.5);
    expect(parseMoney('1.234,50', 'comma')).toBe(1234.5);
  });

  it('reads a currency beside the number and a minus behind it', () => {
    expect(parseMoney('12 000,00 ₽', 'comma')).toBe(12000);
    expect(parseMoney('12 000 руб.', 'comma')).toBe(12000);
    expect(parseMoney('RUB 500', 'comma')).toBe(500);
    expect(parseMoney('500 р.', 'comma')).toBe(500);
    expect(parseMoney('1 234,50 USD', 'comma')).toBe(1234.5);
    expect(parseMoney('500-', 'comma')).toBe(-500);
  });

  it('reads no amount in a word with a number: a property or a flat', () => {
    expect(parseMoney('Квартира 5', 'comma')).toBeNull();
    expect(parseMoney('Офис 12', 'comma')).toBeNull();
    expect(parseMoney('Unit 4B', 'point')).toBeNull();
    expect(parseMoney('5 рублей', 'comma')).toBeNull();
    expect(looksLikeMoney('Квартира 5')).toBe(false);
  });

  it('reads English amounts, brackets as a minus', () => {
    expect(parseMoney('1,234.50', 'point')).toBe(1234.5);
    expect(parseMoney('(45.00)', 'point')).toBe(-45);
    expect(parseMoney('($1,000.00)', 'point')).toBe(-1000);
    expect(parseMoney('$1,500.00', 'point')).toBe(1500);
    expect(parseMoney('-$89.99', 'point')).toBe(-89.99);
    expect(parseMoney('$-5', 'point')).toBe(-5);
    expect(parseMoney("1'234.50", 'point')).toBe(1234.5);
  });

  it('reads "1,234" by the decimal it is given', () => {
    expect(parseMoney('1,234', 'point')).toBe(1234);
    expect(parseMoney('1,234', 'comma')).toBe(1.234);
  });

  it('returns null for an empty cell and what holds no number', () => {
    expect(parseMoney('', 'comma')).toBeNull();
    expect(parseMoney('   ', 'comma')).toBeNull();
    expect(parseMoney('Итого', 'comma')).toBeNull();
    expect(parseMoney('—', 'comma')).toBeNull();
    expect(parseMoney('12,', 'comma')).toBeNull();
    // Two decimal separators.
    expect(parseMoney('1,2,3', 'comma')).toBeNull();
    expect(parseMoney('1.2.3', 'point')).toBeNull();
  });
});

describe('looksLikeMoney', () => {
  it('is true for an amount in either notation and false for text', () => {
    expect(looksLikeMoney('-12 000,00')).toBe(true);
    expect(looksLikeMoney('(45.00)')).toBe(true);
    expect(looksLikeMoney('1,234,567')).toBe(true);
    expect(looksLikeMoney('Аренда')).toBe(false);
    expect(looksLikeMoney('')).toBe(false);
  });
});

describe('decimalOf', () => {
  it('takes the last separator of a cell that has both', () => {
    expect(decimalOf(['1,234.50'], 'comma')).toBe('point');
    expect(decimalOf(['1.234,50'], 'point')).toBe('comma');
    expect(decimalOf(['1 234,50', '+65 000,00'], 'point')).toBe('comma');
  });

  it('takes a separator with one or two digits after it as the decimal', () => {
    expect(decimalOf(['12,5'], 'point')).toBe('comma');
    expect(decimalOf(['(45.00)'], 'comma')).toBe('point');
  });

  it('learns nothing from "1,234" alone: the fallback decides', () => {
    expect(decimalOf(['1,234'], 'comma')).toBe('comma');
    expect(decimalOf(['1,234'], 'point')).toBe('point');
    expect(decimalOf(['1.234'], 'comma')).toBe('comma');
    expect(decimalOf(['1.234'], 'point')).toBe('point');
  });

  it('reads a separator repeated in one cell as grouping', () => {
    expect(decimalOf(['1,234,567'], 'comma')).toBe('point');
    expect(decimalOf(['1.234.567'], 'point')).toBe('comma');
  });

  it('falls back for whole numbers, text and a tie', () => {
    expect(decimalOf(['12 000', '-500', ''], 'comma')).toBe('comma');
    expect(decimalOf(['12 000', '-500'], 'point')).toBe('point');
    expect(decimalOf(['Итого', '—'], 'point')).toBe('point');
    expect(decimalOf(['1,50', '1.50'], 'comma')).toBe('comma');
    expect(decimalOf(['1,50', '1.50'], 'point')).toBe('point');
  });

  it('goes with the majority of the cells', () => {
    expect(decimalOf(['1,50', '2,75', '3.25'], 'point')).toBe('comma');
  });
});

describe('localeDecimal', () => {
  it("is the locale's own separator", () => {
    expect(localeDecimal('ru')).toBe('comma');
    expect(localeDecimal('de-DE')).toBe('comma');
    expect(localeDecimal('en-US')).toBe('point');
  });
});

describe('wholeUnits', () => {
  it('rounds half away from zero', () => {
    expect(wholeUnits(12.5)).toBe(13);
    expect(wholeUnits(-12.5)).toBe(-13);
    expect(wholeUnits(2.5)).toBe(3);
    expect(wholeUnits(-2.5)).toBe(-3);
    expect(wholeUnits(0.49)).toBe(0);
    expect(wholeUnits(1234.49)).toBe(1234);
    expect(wholeUnits(-4500.5)).toBe(-4501);
    expect(wholeUnits(7)).toBe(7);
  });
});
