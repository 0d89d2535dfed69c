import { describe, expect, it } from 'vitest';

import { MAX_AMOUNT, parseAmount } from './amount';

const value = (text: string) => {
  const parsed = parseAmount(text);
  return parsed.ok ? parsed.value : parsed.problem;
};

describe('amounts as people type them', () => {
  it('reads plain and grouped whole numbers in any locale', () => {
    expect(value('12000')).toBe(12000);
    expect(value('12 000')).toBe(12000);
    // The no-break and narrow no-break spaces locales group with.
    expect(value('12\u00a0000')).toBe(12000);
    expect(value('1\u202f234\u202f567')).toBe(1234567);
    expect(value('12,000')).toBe(12000);
    expect(value('12.000')).toBe(12000);
    expect(value("1'234'567")).toBe(1234567);
    expect(value('  7 ')).toBe(7);
    expect(value('007')).toBe(7);
  });

  it('takes an empty field as zero', () => {
    expect(value('')).toBe(0);
    expect(value('   ')).toBe(0);
  });

  it('lets a currency sign or code and a zero fraction through', () => {
    expect(value('12 000 ₽')).toBe(12000);
    expect(value('$12,000')).toBe(12000);
    expect(value('RUB 500')).toBe(500);
    expect(value('12 000 руб.')).toBe(12000);
    expect(value('12 000,00')).toBe(12000);
    expect(value('12,000.00')).toBe(12000);
    expect(value('1.234,0')).toBe(1234);
  });

  it('refuses fractions, signs and what is not a number', () => {
    expect(value('12,5')).toBe('fraction');
    expect(value('12.50')).toBe('fraction');
    expect(value('1.234,56')).toBe('fraction');
    expect(value('-300')).toBe('negative');
    expect(value('−300')).toBe('negative');
    expect(value('abc')).toBe('invalid');
    expect(value('1e5')).toBe('invalid');
    expect(value('12,00,000')).toBe('invalid');
    expect(value('1,234.567')).toBe('invalid');
    expect(value('12.')).toBe('invalid');
  });

  it('stops at the contract’s maximum', () => {
    expect(value('999 999 999 999')).toBe(MAX_AMOUNT);
    expect(value('1 000 000 000 000')).toBe('too-large');
    expect(value('99999999999999999999')).toBe('too-large');
  });
});
