import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';

import {
  entryPatch,
  outboxEntries,
  queueWrite,
  replaceEntry,
  withOutbox,
} from './outbox';

const rent: Event = {
  id: 11,
  object_id: 3,
  notification_date: '2026-06-10',
  income: 50_000,
  expense: 0,
  description: 'Rent',
};
const tax: Event = {
  ...rent,
  id: 12,
  notification_date: '2026-06-05',
  income: 0,
  expense: 3_000,
  description: 'Tax',
};
const draft: Event = {
  ...rent,
  id: -5,
  notification_date: '2026-06-14',
  income: 0,
  expense: 1_250,
  description: 'Plumber',
};

const everything = () => true;
const kinds = () => outboxEntries().map((entry) => entry.kind);

describe('the outbox', () => {
  it('folds a write into the entry waiting for the same event', () => {
    queueWrite({ kind: 'create', draft });
    queueWrite({
      kind: 'update',
      before: draft,
      after: { ...draft, expense: 1_300 },
    });
    expect(kinds()).toEqual(['create']);
    expect(outboxEntries()[0]).toMatchObject({ draft: { expense: 1_300 } });

    // A delete of an event not made yet leaves nothing to send.
    queueWrite({ kind: 'delete', before: { ...draft, expense: 1_300 } });
    expect(kinds()).toEqual([]);

    // Edits add up; an edit back to how it was leaves nothing.
    queueWrite({
      kind: 'update',
      before: rent,
      after: { ...rent, income: 55_000 },
    });
    queueWrite({
      kind: 'update',
      before: { ...rent, income: 55_000 },
      after: { ...rent, income: 55_000, description: 'Rent, June' },
    });
    expect(outboxEntries()).toMatchObject([{ kind: 'update', before: rent }]);
    const [edit] = outboxEntries();
    if (edit?.kind !== 'update') throw new Error('an edit expected');
    expect(entryPatch(edit.before, edit.after)).toEqual({
      income: 55_000,
      description: 'Rent, June',
    });
    queueWrite({ kind: 'update', before: edit.after, after: rent });
    expect(kinds()).toEqual([]);

    // A delete after an edit deletes the event as the server had it.
    queueWrite({
      kind: 'update',
      before: tax,
      after: { ...tax, expense: 3_500 },
    });
    queueWrite({ kind: 'delete', before: { ...tax, expense: 3_500 } });
    expect(outboxEntries()).toMatchObject([{ kind: 'delete', before: tax }]);
  });

  it('shows what the server listed as the outbox will leave it, in the server order, however often it is applied', () => {
    queueWrite({ kind: 'create', draft });
    queueWrite({
      kind: 'update',
      before: rent,
      after: { ...rent, notification_date: '2026-06-01' },
    });
    queueWrite({ kind: 'delete', before: tax });
    const listed = [rent, tax];

    const shown = withOutbox(listed, everything);
    expect(
      shown.map(({ id, notification_date }) => [id, notification_date]),
    ).toEqual([
      [-5, '2026-06-14'],
      [11, '2026-06-01'],
    ]);
    expect(withOutbox(shown, everything)).toEqual(shown);
    // Only where the list holds it: a month, a property.
    expect(
      withOutbox(listed, (event) => event.notification_date >= '2026-06-10'),
    ).toEqual([draft]);
  });

  it('an edit of an event waiting for the owner’s choice is shown once, as last left', () => {
    queueWrite({
      kind: 'update',
      before: rent,
      after: { ...rent, income: 55_000 },
    });
    const [waiting] = outboxEntries();
    if (!waiting) throw new Error('an entry expected');
    replaceEntry({ ...waiting, conflict: { reason: 'deleted' } });
    queueWrite({
      kind: 'update',
      before: { ...rent, income: 55_000 },
      after: { ...rent, income: 60_000 },
    });

    expect(kinds()).toEqual(['update', 'update']);
    expect(withOutbox([rent], everything)).toEqual([
      { ...rent, income: 60_000 },
    ]);
  });
});
