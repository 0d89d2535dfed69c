import { describe, expect, it } from 'vitest';

import {
  changedFields,
  checkForConflict,
  conflictCurrent,
  EditConflict,
  withoutFields,
} from './edit-conflicts';

const start = { id: 7, income: 12_000, expense: 0, description: 'Rent' };
const FIELDS = ['income', 'expense', 'description'] as const;

function conflictOf(current: typeof start, patch: Partial<typeof start>) {
  try {
    checkForConflict(start, current, patch);
  } catch (error) {
    if (error instanceof EditConflict) return error.fields;
    throw error;
  }
  return [];
}

describe('an edit made while the record may change elsewhere', () => {
  it('sends only the fields that differ from where the form started', () => {
    expect(changedFields(start, { ...start, income: 15_000 }, FIELDS)).toEqual({
      income: 15_000,
    });
    expect(changedFields(start, start, FIELDS)).toEqual({});
  });

  it('conflicts only on a field both changed, to different values', () => {
    const mine = { income: 15_000 };
    expect(conflictOf(start, mine)).toEqual([]);
    expect(conflictOf({ ...start, description: 'Rent, May' }, mine)).toEqual(
      [],
    );
    expect(conflictOf({ ...start, income: 15_000 }, mine)).toEqual([]);
    expect(conflictOf({ ...start, income: 14_000 }, mine)).toEqual(['income']);
    expect(
      conflictOf(
        { ...start, income: 14_000, description: 'Late' },
        { income: 15_000, description: 'Rent, May' },
      ),
    ).toEqual(['income', 'description']);
  });

  it('says the record as it is now, and keeps the rest of an edit when theirs wins', () => {
    const current = { ...start, income: 14_000 };
    let caught: unknown;
    try {
      checkForConflict(start, current, { income: 15_000 });
    } catch (error) {
      caught = error;
    }
    expect(conflictCurrent(caught)).toEqual(current);
    expect(conflictCurrent(new Error('other'))).toBeUndefined();
    expect(
      withoutFields({ income: 15_000, description: 'Rent, May' }, ['income']),
    ).toEqual({ description: 'Rent, May' });
  });
});
