import 'fake-indexeddb/auto';

import { onlineManager, QueryClient } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { endSession, setSessionOwner, startSession } from '@/api/auth-session';
import { ApiError } from '@/api/errors';
import type { UserResponse } from '@/api/generated';
import {
  getProfileOptions,
  listEventsInfiniteOptions,
} from '@/api/generated/@tanstack/react-query.gen';
import { eventsOfRange, ledgerQueries } from '@/ledger/shards';
import { TEST_TODAY } from '@/testing/clock';

import { wipeDevice } from './device-store';
import { keepOfflineCopy, shownAsOf } from './offline-copy';

const profileKey = getProfileOptions().queryKey;
const profile: UserResponse = {
  data: {
    id: 7,
    login: 'olga',
    name: 'Olga',
    surname: 'Ivanova',
    birthDate: '1980-04-20',
    phone: '+79161234567',
    email: 'olga@example.com',
    countryId: 1,
    languageId: 1,
    currencyId: 1,
  },
};
const june = ledgerQueries.month('2026-06').queryKey;
const juneEvents = [
  {
    id: 1,
    notification_date: '2026-06-03',
    income: 65_000,
    expense: 0,
    description: 'Rent',
    object_id: 3,
  },
];

/** What the database holds, read the way the browser's tools would. */
function storedRecords(): Promise<{ owner: number; data: unknown }[]> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('smartcomm-offline');
    opening.onsuccess = () => {
      const db = opening.result;
      const asked = db.transaction('reads').objectStore('reads').getAll();
      asked.onsuccess = () => {
        db.close();
        resolve(asked.result as { owner: number; data: unknown }[]);
      };
      asked.onerror = () => reject(asked.error ?? new Error('IndexedDB'));
    };
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB'));
  });
}

const stops: (() => void)[] = [];
/** A query client as a page of the app has it: a new one per page load. */
function page(): QueryClient {
  for (const stop of stops.splice(0)) stop();
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false } },
  });
  stops.push(keepOfflineCopy(client));
  return client;
}

/** A reload's first read of the profile, which the network does not carry. */
function readProfileWithoutNetwork(client: QueryClient) {
  return client
    .fetchQuery({
      queryKey: profileKey,
      queryFn: () => Promise.reject(new ApiError({ kind: 'network' })),
    })
    .catch(() => undefined);
}

function signIn({ remember, owner }: { remember: boolean; owner: number }) {
  startSession(`token-${owner}`, remember);
  setSessionOwner(owner);
}

beforeEach(async () => {
  await wipeDevice();
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  onlineManager.setOnline(true);
  setSessionOwner(null);
});

describe('the offline copy', () => {
  it('keeps what a remembered session read, and puts it back, as old as it was, when the server cannot be reached', async () => {
    const before = page();
    signIn({ remember: true, owner: 7 });
    before.setQueryData(profileKey, profile, { updatedAt: 1_000 });
    before.setQueryData(june, juneEvents, { updatedAt: 2_000 });
    await waitFor(async () => expect(await storedRecords()).toHaveLength(2));
    expect(await storedRecords()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ owner: 7, data: profile }),
        expect.objectContaining({ owner: 7, data: juneEvents }),
      ]),
    );

    // A reload with no network: the profile's read fails, and what was
    // kept is there instead, dated when it was heard.
    const after = page();
    expect(after.getQueryData(june)).toBeUndefined();
    await readProfileWithoutNetwork(after);
    await waitFor(() => expect(after.getQueryData(june)).toEqual(juneEvents));
    expect(after.getQueryData(profileKey)).toEqual(profile);
    expect(after.getQueryState(june)?.dataUpdatedAt).toBe(2_000);
    expect(shownAsOf(after)).toBe(1_000);
  });

  it('keeps what was read before the session was known to be remembered', async () => {
    const client = page();
    startSession('token-7', true);
    client.setQueryData(june, juneEvents);
    expect(await storedRecords()).toEqual([]);
    setSessionOwner(7);
    await waitFor(async () =>
      expect(await storedRecords()).toEqual([
        expect.objectContaining({ owner: 7, data: juneEvents }),
      ]),
    );
  });

  it('keeps nothing of a session the device was not asked to remember, nor a list of the server’s pages', async () => {
    const forgotten = page();
    signIn({ remember: false, owner: 7 });
    forgotten.setQueryData(june, juneEvents);
    endSession('signed-out');

    const remembered = page();
    signIn({ remember: true, owner: 8 });
    remembered.setQueryData(listEventsInfiniteOptions({ query: {} }).queryKey, {
      pages: [],
      pageParams: [],
    });
    remembered.setQueryData(profileKey, profile);
    await waitFor(async () =>
      expect(await storedRecords()).toEqual([
        expect.objectContaining({ owner: 8, data: profile }),
      ]),
    );
  });

  it('wipes everything when the session ends, however it ends', async () => {
    for (const reason of ['signed-out', 'expired'] as const) {
      const client = page();
      signIn({ remember: true, owner: 7 });
      client.setQueryData(june, juneEvents);
      await waitFor(async () => expect(await storedRecords()).toHaveLength(1));
      endSession(reason);
      setSessionOwner(null); // the signed-in pages leave
      await waitFor(async () => expect(await storedRecords()).toEqual([]));
    }
  });

  it('gives one owner nothing another owner left', async () => {
    const first = page();
    signIn({ remember: true, owner: 8 });
    first.setQueryData(june, juneEvents);
    await waitFor(async () => expect(await storedRecords()).toHaveLength(1));
    // Left behind as if the wipe never ran (the browser closed first).
    const next = page();
    startSession('token-7', true);
    setSessionOwner(7);
    next.setQueryData(profileKey, profile);
    await waitFor(async () => expect(await storedRecords()).toHaveLength(2));

    const reloaded = page();
    await readProfileWithoutNetwork(reloaded);
    await waitFor(() =>
      expect(reloaded.getQueryData(profileKey)).toEqual(profile),
    );
    expect(reloaded.getQueryData(june)).toBeUndefined();
  });

  it('reads the years that hold events on another day, and every month held, with the browser offline', async () => {
    const before = page();
    signIn({ remember: true, owner: 7 });
    before.setQueryData(ledgerQueries.years('2026-06-01').queryKey, [2026]);
    before.setQueryData(june, juneEvents);
    await waitFor(async () => expect(await storedRecords()).toHaveLength(2));

    const after = page();
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      await readProfileWithoutNetwork(after);
      await waitFor(() => expect(onlineManager.isOnline()).toBe(false));
      // Offline, the index's reads take what is held, however old, and
      // ask the server nothing.
      const events = await eventsOfRange(
        after,
        { date_from: '2026-06-01', date_to: '2026-06-30' },
        TEST_TODAY,
        new AbortController().signal,
      );
      expect(events).toEqual(juneEvents);
      expect(
        after.getQueryData(ledgerQueries.years(TEST_TODAY).queryKey),
      ).toEqual([2026]);
    } finally {
      onLine.mockRestore();
    }
  });
});
