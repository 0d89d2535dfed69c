import 'fake-indexeddb/auto';

import { onlineManager, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';

import { testQueryClient } from '@/testing/query-client';
import { setSessionOwner, startSession } from '@/api/auth-session';
import type { Event, EventCreate } from '@/api/generated';
import { wipeDevice } from '@/lib/device-store';
import { clearOutbox, loadStored, outboxEntries } from '@/lib/outbox';
import { totalsQuery } from '@/ledger/totals';
import { addFault, mockDb, signInAs } from '@/mocks/node';
import { recordMockRequests } from '@/testing/mock-requests';

import { entryIdentity } from '../utils/identity';
import { applyEventChange } from './ledger-cache';
import {
  eventDelete,
  keepMine,
  keepOutbox,
  letGo,
  sendOutbox,
} from './outbox-sender';
import { useCreateEvent } from './use-create-event';
import { useCreateEvents } from './use-create-events';
import { useUpdateEvent } from './use-update-event';

const YEAR = { date_from: '2026-01-01', date_to: '2026-12-31' };

function adminId(): number {
  const admin = mockDb().findUserByLogin('admin');
  if (!admin) throw new Error('no admin in the mock database');
  return admin.id;
}

/** admin's events of 2026 as the server has them now. */
const stored = () =>
  mockDb().listEvents(adminId(), {
    limit: 100_000,
    dateFrom: YEAR.date_from,
    dateTo: YEAR.date_to,
  }).rows;

const storedLike = (body: EventCreate) =>
  stored().filter((event) => entryIdentity(event) === entryIdentity(body));

/** Event writes the mock received, as "METHOD path". */
function eventWrites(requests: Request[]): string[] {
  return requests
    .filter((request) => request.method !== 'GET')
    .map((request) => `${request.method} ${new URL(request.url).pathname}`)
    .map((line) => line.replace(/^(\w+) .*?(\/events.*)$/, '$1 $2'));
}

afterEach(async () => {
  onlineManager.setOnline(true);
  clearOutbox();
  await wipeDevice();
});

/**
 * The hooks, signed in as admin (remembered or not), over a query client
 * whose index holds 2026 and its totals, with the outbox's sender on.
 */
async function renderOutbox({ remember = false } = {}) {
  startSession(signInAs('admin'), remember);
  setSessionOwner(adminId());
  onTestFinished(() => setSessionOwner(null));
  const client = testQueryClient();
  onTestFinished(keepOutbox(client));
  await client.fetchQuery(totalsQuery(YEAR));
  const { result } = renderHook(
    () => ({
      create: useCreateEvent(),
      update: useUpdateEvent(),
      batch: useCreateEvents(),
    }),
    {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      ),
    },
  );
  const shownCount = () =>
    client.getQueryData(totalsQuery(YEAR).queryKey)?.all.count;
  return { client, result, shownCount };
}

const body: EventCreate = {
  object_id: 0,
  notification_date: '2026-06-14',
  income: 0,
  expense: 1_250,
  description: 'Plumber, offline',
};

function someEvents(): [Event, Event] {
  const [first, second] = stored();
  if (!first || !second) throw new Error('admin has no events in 2026');
  return [first, second];
}

describe('the outbox', () => {
  it('keeps an add, an edit and a delete made offline, shows them, and sends each once, in order, when back online', async () => {
    const { client, result, shownCount } = await renderOutbox();
    const [edited, deleted] = someEvents();
    const add = { ...body, object_id: edited.object_id };
    const before = shownCount() ?? 0;
    const requests = recordMockRequests();
    onlineManager.setOnline(false);

    const created = await result.current.create.mutateAsync(add);
    // The sums count the new event already.
    expect(shownCount()).toBe(before + 1);
    const saved = await result.current.update.mutateAsync({
      event: edited,
      patch: { description: 'Edited offline' },
    });
    // As useDeleteEvent does once the Undo window has closed.
    applyEventChange(client, deleted, undefined);
    await eventDelete(client, deleted).send(false);

    expect(created).toMatchObject({ queued: true, found: false });
    expect(saved).toBeNull();
    expect(requests).toEqual([]);
    expect(outboxEntries().map((entry) => entry.kind)).toEqual([
      'create',
      'update',
      'delete',
    ]);
    expect(shownCount()).toBe(before);

    onlineManager.setOnline(true);
    await waitFor(() => expect(outboxEntries()).toEqual([]));
    expect(eventWrites(requests)).toEqual([
      'POST /events',
      `PATCH /events/${edited.id}`,
      `DELETE /events/${deleted.id}`,
    ]);
    expect(storedLike(add)).toHaveLength(1);
    expect(stored().find((event) => event.id === edited.id)?.description).toBe(
      'Edited offline',
    );
    expect(stored().some((event) => event.id === deleted.id)).toBe(false);
    // The sums are the server's: one more, one fewer.
    expect(shownCount()).toBe(before);
    expect(client.getQueryData(totalsQuery(YEAR).queryKey)?.all.expense).toBe(
      stored().reduce((sum, event) => sum + event.expense, 0),
    );
  });

  it('finds the event a create made when its answer was lost, and never makes it twice', async () => {
    const { client, result } = await renderOutbox();
    const [event] = someEvents();
    const add = { ...body, object_id: event.object_id };
    addFault({
      method: 'POST',
      path: '/events',
      kind: 'answer-lost',
      times: 1,
    });
    // …and the connection with it: nobody can look.
    addFault({ method: 'GET', path: '/events', kind: 'network', times: 1 });

    const created = await result.current.create.mutateAsync(add);

    expect(created.queued).toBe(true);
    expect(storedLike(add)).toHaveLength(1);
    await sendOutbox(client);
    await waitFor(() => expect(outboxEntries()).toEqual([]));
    expect(storedLike(add)).toHaveLength(1);
  });

  it('an edit of an event changed elsewhere waits for the owner, who keeps theirs or takes the other', async () => {
    const { client, result } = await renderOutbox();
    const [first, second] = someEvents();
    onlineManager.setOnline(false);
    await result.current.update.mutateAsync({
      event: first,
      patch: { expense: 111 },
    });
    await result.current.update.mutateAsync({
      event: second,
      patch: { expense: 222 },
    });
    mockDb().updateEvent(adminId(), first.id, { expense: 999 });
    mockDb().updateEvent(adminId(), second.id, { expense: 888 });

    onlineManager.setOnline(true);
    await waitFor(() =>
      expect(outboxEntries().map((entry) => entry.conflict?.reason)).toEqual([
        'changed',
        'changed',
      ]),
    );
    // Nothing is sent over a change made elsewhere until the owner chooses.
    expect(stored().find((event) => event.id === first.id)?.expense).toBe(999);

    const [mine, theirs] = outboxEntries();
    if (!mine || !theirs) throw new Error('two conflicts expected');
    keepMine(client, mine);
    letGo(client, theirs);
    await waitFor(() => expect(outboxEntries()).toEqual([]));
    expect(stored().find((event) => event.id === first.id)?.expense).toBe(111);
    expect(stored().find((event) => event.id === second.id)?.expense).toBe(888);
  });

  it('an edit of an event deleted elsewhere can be added again; an add to a deleted property moved to another', async () => {
    const { client, result } = await renderOutbox();
    const [gone] = someEvents();
    const property = mockDb().createObject(adminId(), {
      name: 'Garage, sold',
      area: 18,
      address: 'Lenina 1',
    });
    const other = gone.object_id;
    onlineManager.setOnline(false);
    await result.current.update.mutateAsync({
      event: gone,
      patch: { description: 'Still mine' },
    });
    const add = { ...body, object_id: property.id };
    await result.current.create.mutateAsync(add);
    mockDb().deleteEvent(adminId(), gone.id);
    mockDb().deleteObject(adminId(), property.id);

    onlineManager.setOnline(true);
    await waitFor(() =>
      expect(outboxEntries().map((entry) => entry.conflict?.reason)).toEqual([
        'deleted',
        'property-gone',
      ]),
    );
    const [again, moved] = outboxEntries();
    if (!again || !moved) throw new Error('two conflicts expected');
    keepMine(client, again);
    keepMine(client, moved, other);
    await waitFor(() => expect(outboxEntries()).toEqual([]));
    expect(
      stored().filter((event) => event.description === 'Still mine'),
    ).toHaveLength(1);
    expect(storedLike({ ...add, object_id: other })).toHaveLength(1);
  });

  it('on a remembered device, what waits outlives the page and is sent by the next one', async () => {
    const { client, result } = await renderOutbox({ remember: true });
    const [event] = someEvents();
    const add = { ...body, object_id: event.object_id };
    onlineManager.setOnline(false);
    await result.current.create.mutateAsync(add);
    await waitFor(async () => {
      expect(await storedOutbox()).toHaveLength(1);
    });

    // The page goes; the next one starts with an empty outbox in memory.
    clearOutbox();
    expect(await loadStored()).toHaveLength(1);
    onlineManager.setOnline(true);
    await sendOutbox(client);
    await waitFor(() => expect(outboxEntries()).toEqual([]));
    expect(storedLike(add)).toHaveLength(1);
    expect(await storedOutbox()).toEqual([]);
  });

  it('a repeat cut short by a reload leaves the next page what was not made, which makes each once', async () => {
    const { result } = await renderOutbox({ remember: true });
    const [event] = someEvents();
    const repeat = ['2026-07-01', '2026-08-01', '2026-09-01'].map(
      (notification_date) => ({
        ...body,
        object_id: event.object_id,
        notification_date,
      }),
    );
    // The first is saved but its answer lost, and the look for it hangs;
    // the second never answers; the third is made. Then the page goes.
    addFault({
      method: 'POST',
      path: '/events',
      kind: 'answer-lost',
      times: 1,
    });
    addFault({ method: 'GET', path: '/events', kind: 'hang', times: 1 });
    addFault({ method: 'POST', path: '/events', kind: 'hang', times: 1 });
    void result.current.batch.createAll(repeat, { hold: true });
    await waitFor(() =>
      expect(repeat.flatMap((entry) => storedLike(entry))).toHaveLength(2),
    );
    await waitFor(async () => expect(await storedOutbox()).toHaveLength(2));
    // Nothing of it is shown as waiting while this page sends it.
    expect(outboxEntries()).toEqual([]);

    // The next page starts with nothing in memory, and takes in (and
    // sends) what the first left in the device's outbox.
    clearOutbox();
    await loadStored();
    await waitFor(() => expect(outboxEntries()).toEqual([]));
    for (const entry of repeat) expect(storedLike(entry)).toHaveLength(1);
    expect(await storedOutbox()).toEqual([]);
  });

  it('keeps nothing on a device not remembered', async () => {
    const { result } = await renderOutbox();
    const [event] = someEvents();
    onlineManager.setOnline(false);
    await result.current.create.mutateAsync({
      ...body,
      object_id: event.object_id,
    });
    expect(outboxEntries()).toHaveLength(1);
    expect(await storedOutbox()).toEqual([]);
  });
});

/** What the device's outbox store holds, read the way the browser's tools would. */
function storedOutbox(): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('smartcomm-offline');
    opening.onsuccess = () => {
      const db = opening.result;
      if (!db.objectStoreNames.contains('outbox')) {
        db.close();
        return resolve([]);
      }
      const asked = db.transaction('outbox').objectStore('outbox').getAll();
      asked.onsuccess = () => {
        db.close();
        resolve(asked.result as unknown[]);
      };
      asked.onerror = () => reject(asked.error ?? new Error('IndexedDB'));
    };
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB'));
  });
}
