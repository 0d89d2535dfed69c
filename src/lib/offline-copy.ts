import {
  hashKey,
  onlineManager,
  useQueryClient,
  type Query,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

import {
  getRememberedOwner,
  getToken,
  subscribeToSession,
} from '@/api/auth-session';
import { toApiError } from '@/api/errors';
import { useOnline } from '@/hooks/use-online';
import { ledgerQueries } from '@/ledger/shards';
import { todayIso } from '@/utils/calendar-date';

import {
  database,
  done,
  ownersRecords,
  READS as STORE,
  wipeDevice,
} from './device-store';

/**
 * What a remembered device keeps of the owner's reads, to show them offline
 * after a reload or a browser restart: the profile, the dictionaries, the
 * properties and the ledger's index (each month, and the years that hold
 * events). It is kept in IndexedDB, each record under its owner's id, only
 * while the owner is signed in on a device they asked to remember them;
 * every session's end (signing out, here or in another tab, or a 401)
 * wipes all of it. Each read is written as it changes, one record per
 * month, so an edit rewrites one month rather than the history.
 *
 * It is read back only when the server cannot be reached: when the
 * browser goes offline, or a kept read fails for want of a network. Online
 * the app starts from the server as before.
 */

type Kept = {
  owner: number;
  hash: string;
  queryKey: QueryKey;
  data: unknown;
  updatedAt: number;
};

/** The API's reads a page needs to show anything (their generated ids). */
const KEPT_OPERATIONS = new Set([
  'getProfile',
  'listLanguages',
  'listCurrencies',
  'listCountries',
  'listObjects',
]);

function isYears(queryKey: QueryKey): boolean {
  return hashKey(queryKey.slice(0, 2)) === hashKey(ledgerQueries.yearsKey());
}

export function isKept(queryKey: QueryKey): boolean {
  const [first, second] = queryKey;
  if (first === 'ledger') return second === 'month' || isYears(queryKey);
  return (
    typeof first === 'object' &&
    first !== null &&
    '_id' in first &&
    KEPT_OPERATIONS.has(String(first._id)) &&
    !('_infinite' in first)
  );
}

// The years are one record whatever day found them: the next day offline
// reads them under its own key.
function recordHash(queryKey: QueryKey): string {
  return hashKey(isYears(queryKey) ? ledgerQueries.yearsKey() : queryKey);
}

/** How much is written at once: a month's clone is short, many are not. */
const WRITE_SLICE_MS = 8;

/**
 * Keeps `client`'s reads for offline use while the session is a remembered
 * one, and puts them back when the server cannot be reached. Returns the
 * function that stops it.
 */
export function keepOfflineCopy(client: QueryClient): () => void {
  if (typeof indexedDB === 'undefined') return () => undefined;
  const cache = client.getQueryCache();
  const queued = new Map<string, Query>();
  let writing = false;
  let keptFor: number | null = null;

  const write = async () => {
    writing = true;
    try {
      while (queued.size > 0) {
        const owner = getRememberedOwner();
        if (owner === null) return queued.clear();
        const db = await database();
        const transaction = db.transaction(STORE, 'readwrite');
        const store = transaction.objectStore(STORE);
        const until = performance.now() + WRITE_SLICE_MS;
        for (const [hash, query] of queued) {
          queued.delete(hash);
          const { data, dataUpdatedAt } = query.state;
          if (data === undefined) continue;
          store.put({
            owner,
            hash,
            queryKey: query.queryKey,
            data,
            updatedAt: dataUpdatedAt,
          } satisfies Kept);
          if (performance.now() > until) break;
        }
        await done(transaction);
        // The page's own work goes between slices.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } catch {
      // Storage full or refused: the copy is a convenience, the app goes on.
      queued.clear();
    } finally {
      writing = false;
    }
  };
  const queue = (query: Query) => {
    queued.set(recordHash(query.queryKey), query);
    if (!writing) void write();
  };

  // Put back once per time offline: what the cache lacks, as it was.
  let restoring: Promise<void> | undefined;
  let putting = false;
  const restore = () => {
    const owner = getRememberedOwner();
    if (owner === null) return;
    restoring ??= ownersRecords<Kept>(STORE, owner)
      .then((records) => {
        if (getRememberedOwner() !== owner) return;
        // The browser says offline and the server did not answer: reads
        // wait for the connection rather than fail, and show what is kept.
        if (!navigator.onLine) onlineManager.setOnline(false);
        let restored = false;
        putting = true;
        for (const record of records) {
          const queryKey = isYears(record.queryKey)
            ? ledgerQueries.years(todayIso()).queryKey
            : record.queryKey;
          if (client.getQueryData(queryKey) !== undefined) continue;
          client.setQueryData(queryKey, record.data, {
            updatedAt: record.updatedAt,
          });
          restored = true;
        }
        putting = false;
        if (!restored) return;
        // What waited for the server (sums of the index), read again: one
        // still without data starts afresh, as a refetch would join the
        // wait it is in.
        const waiting = (query: Query) => !isKept(query.queryKey);
        void client.resetQueries({
          predicate: (query) =>
            waiting(query) && query.state.data === undefined,
        });
        void client.invalidateQueries({
          predicate: (query) =>
            waiting(query) && query.state.data !== undefined,
        });
      })
      .catch(() => undefined);
  };

  const unsubscribeCache = cache.subscribe((event) => {
    if (event.type !== 'updated') return;
    const query = event.query as Query;
    if (!isKept(query.queryKey)) return;
    const { action } = event;
    if (action.type === 'success') {
      if (keptFor !== null && !putting) queue(query);
    } else if (
      (action.type === 'failed' || action.type === 'error') &&
      toApiError(action.error).kind === 'network'
    ) {
      restore();
    }
  });
  const unsubscribeSession = subscribeToSession(() => {
    if (getToken() === null) {
      keptFor = null;
      queued.clear();
      void wipeDevice().catch(() => undefined);
      return;
    }
    const owner = getRememberedOwner();
    if (owner === keptFor) return;
    keptFor = owner;
    // A session now known to be remembered: what it has read so far too.
    if (owner !== null) {
      for (const query of cache.getAll()) {
        if (isKept(query.queryKey) && query.state.data !== undefined) {
          queue(query);
        }
      }
    }
  });
  keptFor = getRememberedOwner();
  // Left by a session that ended while no page of the app was open.
  if (getToken() === null) void wipeDevice().catch(() => undefined);
  const unsubscribeOnline = onlineManager.subscribe((online) => {
    if (online) restoring = undefined;
    else restore();
  });
  return () => {
    unsubscribeCache();
    unsubscribeSession();
    unsubscribeOnline();
  };
}

/**
 * When what is shown was last heard from the server: the oldest answer the
 * cache holds of the kept reads, for "as of 14:32" while offline. Null when
 * nothing is held.
 */
export function shownAsOf(client: QueryClient): number | null {
  let oldest: number | null = null;
  for (const query of client.getQueryCache().getAll()) {
    const { data, dataUpdatedAt } = query.state;
    if (data === undefined || !isKept(query.queryKey)) continue;
    if (oldest === null || dataUpdatedAt < oldest) oldest = dataUpdatedAt;
  }
  return oldest;
}

/** `shownAsOf` while offline, kept up to date; null online. */
export function useShownAsOf(): number | null {
  const client = useQueryClient();
  const online = useOnline();
  return useSyncExternalStore(
    (listener) =>
      online ? () => undefined : client.getQueryCache().subscribe(listener),
    () => (online ? null : shownAsOf(client)),
  );
}
