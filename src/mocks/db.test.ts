import { describe, expect, it } from 'vitest';

import { createDb, restoreDb, serializeDb } from './db';
import { DB_VERSION } from './records';

const today = '2025-06-15';

describe('the store', () => {
  it('survives a round trip through JSON, changes included', () => {
    const db = createDb({ today });
    const object = db.createObject(1, { name: 'Loft', area: 40, address: 'X' });
    const event = db.createEvent(1, {
      notification_date: '2030-01-01',
      income: 1,
      expense: 0,
      description: 'after restore',
      object_id: object.id,
    });
    const token = db.createSession(1);
    const restored = restoreDb(serializeDb(db));
    expect(restored?.snapshot()).toEqual(db.snapshot());
    expect(restored?.userIdForToken(token)).toBe(1);
    expect(restored?.listEvents(1, { limit: 1 }).rows).toEqual([event]);
    expect(
      restored?.createObject(1, { name: 'Y', area: 1, address: 'Z' }).id,
    ).toBe(object.id + 1);
  });

  it('refuses text that is not a snapshot of this version', () => {
    const json = serializeDb(createDb({ today }));
    expect(restoreDb('not json')).toBeNull();
    expect(restoreDb('{}')).toBeNull();
    expect(
      restoreDb(json.replace(`"version":${DB_VERSION}`, '"version":0')),
    ).toBeNull();
    expect(
      restoreDb(json.replace('"income":', '"income":"x","i":')),
    ).toBeNull();
  });

  it('tells subscribers about every change', () => {
    const db = createDb({ today });
    let changes = 0;
    const unsubscribe = db.subscribe(() => (changes += 1));
    db.createSession(1);
    db.updateUser(1, { name: 'Лёша' });
    unsubscribe();
    db.createSession(1);
    expect(changes).toBe(2);
  });

  it('starts independent stores from one cached seed', () => {
    const a = createDb({ today });
    const b = createDb({ today });
    a.updateUser(1, { name: 'Changed' });
    a.deleteObject(1, 1);
    expect(b.getUser(1)?.name).toBe('Алексей');
    expect(b.getObject(1, 1)).toBeDefined();
    expect(createDb({ today }).snapshot()).toEqual(b.snapshot());
  });
});
