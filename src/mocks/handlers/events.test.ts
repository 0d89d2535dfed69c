import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';
import {
  zEventListResponse,
  zEventResponse,
  zValidationProblem,
} from '@/api/generated/zod.gen';
import { newestFirst } from '@/testing/events';

import { mockDb, resetMockBackend, signInAs } from '../node';
import { callApi } from '../test-client';
import { decodeCursor, encodeCursor } from './events';

type Filters = Record<string, string | number>;

function userId(login: string): number {
  const user = mockDb().findUserByLogin(login);
  if (!user) throw new Error(`no user ${login}`);
  return user.id;
}

/** Every event of a user, in list order, straight from the store. */
function expectedEvents(login: string): Event[] {
  const ownerId = userId(login);
  const objects = new Set(
    mockDb()
      .listObjects(ownerId)
      .map((o) => o.id),
  );
  return mockDb()
    .snapshot()
    .events.filter((event) => objects.has(event.object_id))
    .sort(newestFirst);
}

async function page(token: string, query: Filters) {
  const answer = await callApi('GET', '/events', { token, query });
  expect(answer.status, answer.text).toBe(200);
  return zEventListResponse.parse(answer.body);
}

/** Walks the list to its end; `between` runs after each page. */
async function walk(
  token: string,
  filters: Filters,
  between?: (pageIndex: number) => void,
): Promise<Event[]> {
  const rows: Event[] = [];
  let cursor: string | null = null;
  for (let index = 0; index < 1000; index += 1) {
    const query: Filters = cursor === null ? filters : { ...filters, cursor };
    const { pagination, data } = await page(token, query);
    rows.push(...data);
    cursor = pagination.next_cursor;
    if (cursor === null) return rows;
    between?.(index);
  }
  throw new Error('the list never ended');
}

/** Newest date first, then the higher id. */
function inListOrder(events: readonly Event[]): boolean {
  return events.every((event, index) => {
    const next = events[index + 1];
    return (
      !next ||
      event.notification_date > next.notification_date ||
      (event.notification_date === next.notification_date && event.id > next.id)
    );
  });
}

function ids(events: readonly Event[]): number[] {
  return events.map((event) => event.id);
}

describe('GET /events', () => {
  it('walks all of admin’s events, newest first, without gaps or repeats', async () => {
    const token = signInAs('admin');
    const expected = expectedEvents('admin');
    expect(expected.length).toBeGreaterThan(2_900);

    const rows = await walk(token, { limit: 200 });
    expect(new Set(ids(rows)).size).toBe(rows.length);
    expect(inListOrder(rows)).toBe(true);
    expect(ids(rows)).toEqual(ids(expected));
    expect(rows).toEqual(expected);
  });

  it('gives 50 rows by default and the limit asked for', async () => {
    const token = signInAs('admin');
    const first = await page(token, {});
    expect(first.pagination.limit).toBe(50);
    expect(first.data).toHaveLength(50);
    const small = await page(token, { limit: 7 });
    expect(small.pagination.limit).toBe(7);
    expect(ids(small.data)).toEqual(ids(first.data.slice(0, 7)));
  });

  it('ends with next_cursor null, also when the last page is full', async () => {
    const token = signInAs('admin');
    const ownerId = userId('admin');
    const [object] = mockDb().listObjects(ownerId);
    if (!object) throw new Error('admin has no objects');
    // Pad the ledger to whole pages, so the last page is a full one.
    while (mockDb().countEvents(ownerId) % 100 !== 0) {
      mockDb().createEvent(ownerId, {
        notification_date: '2001-01-01',
        income: 1,
        expense: 0,
        description: 'padding',
        object_id: object.id,
      });
    }
    const pages: number[] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const query: Filters =
        cursor === null ? { limit: 100 } : { limit: 100, cursor };
      const { pagination, data } = await page(token, query);
      pages.push(data.length);
      cursors.push(pagination.next_cursor);
      cursor = pagination.next_cursor;
    } while (cursor !== null && pages.length < 100);
    expect(pages.every((length) => length === 100)).toBe(true);
    expect(pages.length * 100).toBe(mockDb().countEvents(ownerId));
    expect(cursors.at(-1)).toBeNull();
  });

  it('keeps its place when events are added and removed mid-walk', async () => {
    const token = signInAs('admin');
    const before = expectedEvents('admin');
    const ownerId = userId('admin');
    const [object] = mockDb().listObjects(ownerId);
    if (!object) throw new Error('admin has no objects');
    const added: Event[] = [];
    const removed: number[] = [];

    const rows = await walk(token, { limit: 100 }, (index) => {
      if (index !== 2) return;
      // After three pages: one event among those already seen, one among
      // those still to come, one on the date of the cursor row, and one of
      // the rows still to come deleted.
      const seenUpTo = before[299];
      const ahead = before[1_500];
      if (!seenUpTo || !ahead) throw new Error('too few events');
      for (const date of [
        before[10]?.notification_date ?? '',
        ahead.notification_date,
        seenUpTo.notification_date,
      ]) {
        const event = mockDb().createEvent(ownerId, {
          notification_date: date,
          income: 100,
          expense: 0,
          description: 'mid-walk',
          object_id: object.id,
        });
        if (event) added.push(event);
      }
      const victim = before[2_000];
      if (victim && mockDb().deleteEvent(ownerId, victim.id)) {
        removed.push(victim.id);
      }
    });

    expect(new Set(ids(rows)).size).toBe(rows.length);
    const [behind, upcoming, onCursorDate] = added;
    const expected = ids(before).filter((id) => !removed.includes(id));
    // Rows listed before the cursor are not revisited; the one still ahead
    // is met once, in its place.
    expect(ids(rows).filter((id) => id !== upcoming?.id)).toEqual(expected);
    expect(ids(rows)).toContain(upcoming?.id);
    expect(ids(rows)).not.toContain(behind?.id);
    expect(ids(rows)).not.toContain(onCursorDate?.id);
    expect(inListOrder(rows)).toBe(true);
  });

  it('filters by period, both ends inclusive', async () => {
    const token = signInAs('admin');
    const all = expectedEvents('admin');
    const dateTo = all[400]?.notification_date ?? '';
    const dateFrom = all[900]?.notification_date ?? '';
    const expected = all.filter(
      (event) =>
        event.notification_date >= dateFrom &&
        event.notification_date <= dateTo,
    );
    const rows = await walk(token, {
      limit: 60,
      date_from: dateFrom,
      date_to: dateTo,
    });
    expect(ids(rows)).toEqual(ids(expected));
    expect(rows[0]?.notification_date).toBe(dateTo);
    expect(rows.at(-1)?.notification_date).toBe(dateFrom);

    const oneDay = await walk(token, { date_from: dateTo, date_to: dateTo });
    expect(oneDay.length).toBeGreaterThan(0);
    expect(oneDay.every((e) => e.notification_date === dateTo)).toBe(true);

    const onlyFrom = await walk(token, { limit: 200, date_from: dateTo });
    expect(ids(onlyFrom)).toEqual(
      ids(all.filter((event) => event.notification_date >= dateTo)),
    );
  });

  it('filters by object, alone and with a period', async () => {
    const token = signInAs('admin');
    const all = expectedEvents('admin');
    for (const object of mockDb().listObjects(userId('admin'))) {
      const rows = await walk(token, { limit: 200, object_id: object.id });
      expect(ids(rows)).toEqual(
        ids(all.filter((event) => event.object_id === object.id)),
      );
    }
    const [object] = mockDb().listObjects(userId('admin'));
    const rows = await walk(token, {
      object_id: object?.id ?? 0,
      date_from: '2024-01-01',
      date_to: '2024-03-31',
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every(
        (event) =>
          event.object_id === object?.id &&
          event.notification_date >= '2024-01-01' &&
          event.notification_date <= '2024-03-31',
      ),
    ).toBe(true);
  });

  it('rejects a bad cursor, limit or period with 422 naming the field', async () => {
    const token = signInAs('admin');
    const cases: [Filters, string][] = [
      [{ cursor: 'not a cursor' }, 'cursor'],
      [{ cursor: btoa('{"id":1}') }, 'cursor'],
      [
        { cursor: encodeCursor({ notification_date: '2024-13-01', id: 1 }) },
        'cursor',
      ],
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ object_id: 'one' }, 'object_id'],
      [{ date_from: '15.06.2024' }, 'date_from'],
      [{ date_from: '2024-06-02', date_to: '2024-06-01' }, 'date_to'],
    ];
    for (const [query, field] of cases) {
      const answer = await callApi('GET', '/events', { token, query });
      expect(answer.status, JSON.stringify(query)).toBe(422);
      const problem = zValidationProblem.parse(answer.body);
      expect(problem.errors.map((e) => e.field)).toEqual([field]);
    }
  });

  it('round-trips its cursors and refuses foreign ones', () => {
    const key = { notification_date: '2024-06-15', id: 1234 };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
    expect(decodeCursor(`${cursor}!`)).toBeUndefined();
    expect(decodeCursor(encodeCursor({ ...key, id: 0 }))).toBeUndefined();
  });

  it('lists a page of a 3,000-event ledger in well under 5 ms', () => {
    const db = mockDb();
    const ownerId = userId('admin');
    const keys = expectedEvents('admin').filter((_, i) => i % 97 === 0);
    const started = performance.now();
    for (const after of keys) {
      db.listEvents(ownerId, { limit: 50, after });
      db.listEvents(ownerId, { limit: 200, after, dateFrom: '2024-01-01' });
    }
    const perPage = (performance.now() - started) / (keys.length * 2);
    expect(perPage).toBeLessThan(5);
  });
});

describe('privacy between users', () => {
  function olgaRows() {
    const ownerId = userId('olga');
    return {
      objects: mockDb().listObjects(ownerId),
      events: expectedEvents('olga'),
    };
  }

  it('never shows olga’s objects or events to admin', async () => {
    const token = signInAs('admin');
    const olga = olgaRows();
    expect(olga.objects).toHaveLength(2);
    expect(olga.events.length).toBeGreaterThan(80);
    const foreignObjects = new Set(olga.objects.map((o) => o.id));
    const foreignEvents = new Set(ids(olga.events));

    const rows = await walk(token, { limit: 200 });
    expect(rows.some((e) => foreignEvents.has(e.id))).toBe(false);
    expect(rows.some((e) => foreignObjects.has(e.object_id))).toBe(false);

    const objects = await callApi('GET', '/objects', { token });
    expect(JSON.stringify(objects.body)).not.toMatch(/Немиге|Ratomka/);

    const filtered = await page(token, { object_id: olga.objects[0]?.id ?? 0 });
    expect(filtered).toEqual({
      pagination: { limit: 50, next_cursor: null },
      data: [],
    });
  });

  it('answers 404 for olga’s ids and 422 for events on her objects', async () => {
    const token = signInAs('admin');
    const olga = olgaRows();
    const [event] = olga.events;
    const [object] = olga.objects;
    if (!event || !object) throw new Error('olga has no data');
    const before = JSON.stringify(mockDb().snapshot());

    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const body = method === 'PATCH' ? { income: 1 } : undefined;
      const onEvent = await callApi(method, `/events/${event.id}`, {
        token,
        body,
      });
      expect(onEvent.status).toBe(404);
      const objectBody = method === 'PATCH' ? { name: 'Mine' } : undefined;
      const onObject = await callApi(method, `/objects/${object.id}`, {
        token,
        body: objectBody,
      });
      expect(onObject.status).toBe(404);
    }
    const create = await callApi('POST', '/events', {
      token,
      body: {
        notification_date: '2025-01-01',
        income: 1,
        expense: 0,
        description: '',
        object_id: object.id,
      },
    });
    expect(create.status).toBe(422);
    const problem = zValidationProblem.parse(create.body);
    expect(problem.errors.map((error) => error.field)).toEqual(['object_id']);
    expect(JSON.stringify(mockDb().snapshot())).toBe(before);
  });

  it('shows olga only her own events', async () => {
    const token = signInAs('olga');
    const rows = await walk(token, { limit: 200 });
    expect(ids(rows)).toEqual(ids(expectedEvents('olga')));
  });
});

describe('event writes', () => {
  it('creates, edits, moves and deletes an event', async () => {
    const token = signInAs('admin');
    const [a, b] = mockDb().listObjects(userId('admin'));
    if (!a || !b) throw new Error('admin needs two objects');
    const created = await callApi('POST', '/events', {
      token,
      body: {
        notification_date: '2030-01-31',
        income: 0,
        expense: 12_345,
        description: 'Новый бойлер / new boiler',
        object_id: a.id,
      },
    });
    expect(created.status).toBe(201);
    const event = zEventResponse.parse(created.body).data;
    expect((await page(token, { limit: 1 })).data[0]).toEqual(event);

    const moved = await callApi('PATCH', `/events/${event.id}`, {
      token,
      body: { object_id: b.id, notification_date: '2000-01-01' },
    });
    expect(zEventResponse.parse(moved.body).data).toEqual({
      ...event,
      object_id: b.id,
      notification_date: '2000-01-01',
    });
    const inB = await walk(token, { limit: 200, object_id: b.id });
    expect(inB.at(-1)?.id).toBe(event.id);
    const inA = await walk(token, { limit: 200, object_id: a.id });
    expect(ids(inA)).not.toContain(event.id);

    expect(
      (await callApi('DELETE', `/events/${event.id}`, { token })).status,
    ).toBe(204);
    expect(
      (await callApi('GET', `/events/${event.id}`, { token })).status,
    ).toBe(404);
  });

  it('deletes an object’s events with the object', async () => {
    const token = signInAs('admin');
    const [object] = mockDb().listObjects(userId('admin'));
    if (!object) throw new Error('admin has no objects');
    const own = expectedEvents('admin').filter(
      (e) => e.object_id === object.id,
    );
    expect(own.length).toBeGreaterThan(0);
    const answer = await callApi('DELETE', `/objects/${object.id}`, { token });
    expect(answer.status).toBe(204);
    const rows = await walk(token, { limit: 200 });
    expect(rows.some((e) => e.object_id === object.id)).toBe(false);
    for (const event of own.slice(0, 3)) {
      const gone = await callApi('GET', `/events/${event.id}`, { token });
      expect(gone.status).toBe(404);
    }
  });

  it('starts every test from the same seed', () => {
    const today = '2025-06-15';
    const first = JSON.stringify(resetMockBackend({ today }).snapshot());
    mockDb().createObject(1, { name: 'x', area: 1, address: 'y' });
    const second = JSON.stringify(resetMockBackend({ today }).snapshot());
    expect(second).toBe(first);
  });
});
