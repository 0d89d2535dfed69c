import { describe, expect, it } from 'vitest';

import { areaInputValue, parseArea } from './area';

describe('parseArea', () => {
  it.each([
    ['28,5', 28.5],
    ['28.5', 28.5],
    [' 54 ', 54],
    ['1 000 000', 1_000_000],
    ['1\u00a0250,75', 1250.75],
    ['0,5', 0.5],
    [',5', 0.5],
    ['12,', 12],
  ])('reads %j as %d', (text, area) => {
    expect(parseArea(text)).toBe(area);
  });

  it.each(['', 'abc', '1,000.5', '1.2.3', '-5', '5 m²', '1e3'])(
    'refuses %j',
    (text) => {
      expect(parseArea(text)).toBeNull();
    },
  );
});

describe('areaInputValue', () => {
  it('writes the decimal mark of the locale, without grouping', () => {
    expect(areaInputValue(1250.75, 'ru-RU')).toBe('1250,75');
    expect(areaInputValue(1250.75, 'en')).toBe('1250.75');
    expect(areaInputValue(54, 'ru')).toBe('54');
  });
});
