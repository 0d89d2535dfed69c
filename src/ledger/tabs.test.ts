import { waitFor } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import type { Event } from '@/api/generated';
import { setSessionOwner, startSession } from '@/api/auth-session';
import { createQueryClient } from '@/lib/query-client';
import { signInAs } from '@/mocks/node';

import { ledgerQueries } from './shards';
import { listenToOtherTabs, tellOtherTabs } from './tabs';

const EVENT: Event = {
  id: 9001,
  object_id: 1,
  notification_date: '2026-03-05',
  income: 1000,
  expense: 0,
  description: 'Saved in another tab',
};

/** Another tab of this browser, on the same channel. */
const otherTab = new BroadcastChannel('smartcomm.ledger');
afterEach(() => setSessionOwner(null));
afterAll(() => otherTab.close());

function signedIn() {
  startSession(signInAs('admin'), false);
  setSessionOwner(1);
  const client = createQueryClient();
  client.setQueryData(ledgerQueries.month('2026-03').queryKey, []);
  const changed = vi.fn();
  const stop = listenToOtherTabs(client, changed);
  const march = () =>
    client.getQueryData(ledgerQueries.month('2026-03').queryKey);
  return { changed, stop, march };
}

describe('changes confirmed in another tab', () => {
  it('show in this tab’s index at once', async () => {
    const { changed, stop, march } = signedIn();
    otherTab.postMessage({ kind: 'event', after: EVENT, owner: 1 });
    await waitFor(() => expect(march()).toEqual([EVENT]));
    expect(changed).toHaveBeenCalledOnce();
    otherTab.postMessage({ kind: 'object-deleted', id: 1, owner: 1 });
    await waitFor(() => expect(march()).toEqual([]));
    stop();
  });

  it('of another owner are not taken in', async () => {
    const { changed, stop, march } = signedIn();
    otherTab.postMessage({ kind: 'event', after: EVENT, owner: 2 });
    // The next message of this owner arrives after it: the first was seen.
    otherTab.postMessage({ kind: 'object-deleted', id: 99, owner: 1 });
    await waitFor(() => expect(changed).toHaveBeenCalledOnce());
    expect(march()).toEqual([]);
    stop();
  });

  it('are told to the other tabs with the owner', async () => {
    setSessionOwner(1);
    const heard = new Promise<unknown>((resolve) =>
      otherTab.addEventListener('message', (event) => resolve(event.data), {
        once: true,
      }),
    );
    tellOtherTabs({ kind: 'event', before: EVENT });
    expect(await heard).toEqual({ kind: 'event', before: EVENT, owner: 1 });
  });
});
