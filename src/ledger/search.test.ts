import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';

import { fold, foldQuery, matchIn, searchKey } from './search';

describe('search over the index', () => {
  it('folds case and accents away, Cyrillic and Latin', () => {
    expect(fold('Électricité, Café')).toBe('electricite, cafe');
    expect(fold('Ёлка и АРЕНДА')).toBe('елка и аренда');
    expect(foldQuery('  Rent ')).toBe('rent');
  });

  it('marks the match in the original text', () => {
    expect(matchIn('Électricité, Café', foldQuery('cafe'))).toEqual({
      start: 13,
      end: 17,
    });
    expect(matchIn('Ёлка и аренда', foldQuery('АРЕНДА'))).toEqual({
      start: 7,
      end: 13,
    });
    // A decomposed "é" (e and a combining accent) is two characters.
    expect(matchIn('Cafe\u0301 bar', foldQuery('café'))).toEqual({
      start: 0,
      end: 5,
    });
    expect(matchIn('Rent', foldQuery('tax'))).toBeNull();
    expect(matchIn('Rent', '')).toBeNull();
  });

  it("folds an event's description for the search", () => {
    const event: Event = {
      id: 1,
      object_id: 1,
      notification_date: '2026-01-01',
      income: 0,
      expense: 10,
      description: 'Ремонт Крыши',
    };
    expect(searchKey(event)).toBe('ремонт крыши');
  });
});
