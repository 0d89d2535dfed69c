import { useSyncExternalStore } from 'react';

import {
  getRememberedOwner,
  getSessionOwner,
  getToken,
  subscribeToSession,
} from '@/api/auth-session';
import type { Event, EventUpdate } from '@/api/generated';
import { listsBefore } from '@/ledger/order';

import { database, done, OUTBOX, ownersRecords } from './device-store';

/**
 * The outbox: the owner's creates, edits and deletes of events that could
 * not be sent (offline, or the connection lost on the way), in the order
 * they were made, until the server has each one. Every screen and sum
 * shows them (marked as not sent yet): what the server lists is read
 * through `withOutbox`. The sender (features/events/api/outbox-sender.ts)
 * sends them one at a time when the connection is back.
 *
 * On a device the owner asked to remember them, the outbox is kept in
 * IndexedDB under their id too, so a reload or a browser restart loses
 * nothing; otherwise it lives in this tab only (Web Storage holds no
 * amounts), and leaving the page asks first. Every end of the session
 * wipes the stored copy; an own sign-out names what would be lost first.
 */

/** Why the server did not take an entry, for the owner to choose what next. */
export type Conflict =
  /** The event was changed elsewhere since the owner saw it. */
  | { reason: 'changed'; current: Event }
  /** The event was deleted elsewhere. */
  | { reason: 'deleted' }
  /** Its property was deleted. */
  | { reason: 'property-gone' }
  /** Refused for another reason, in the server's words if it gave any. */
  | { reason: 'refused'; detail: string | null };

type Made = {
  /** Its place in the order of sending; unique on the device. */
  key: number;
  owner: number | null;
  conflict?: Conflict;
  /**
   * Held by a batch this page is sending itself (`holdBatch`): neither
   * shown nor sent from here while it runs. A page that goes mid-batch
   * leaves it to the next one, which sends what was not made.
   */
  batch?: number;
};

export type OutboxEntry = Made &
  (
    | {
        kind: 'create';
        /** The event as it will be made, with a temporary id. */
        draft: Event;
        /**
         * Set before the first request: events of the same identity the
         * owner's ledger held then. A create whose answer was lost is
         * looked for among the others before it is sent again.
         */
        known?: number[];
      }
    | {
        kind: 'update';
        /** The event as the owner saw it; `after`, as they left it. */
        before: Event;
        after: Event;
        /** The owner chose their version over one changed elsewhere. */
        settled?: boolean;
      }
    | { kind: 'delete'; before: Event; settled?: boolean }
  );

/** What the owner asked for an entry, without its bookkeeping. */
export type OutboxWrite =
  | { kind: 'create'; draft: Event; known?: number[] }
  | { kind: 'update'; before: Event; after: Event }
  | { kind: 'delete'; before: Event };

let entries: readonly OutboxEntry[] = [];
/** What screens and the sender see: the entries no running batch holds. */
let visible: readonly OutboxEntry[] = [];
/** The batches this page is sending now. */
const running = new Set<number>();
/** The entry being sent: never merged with, never sent twice at once. */
let sendingKey: number | null = null;
let lastKey = 0;
const listeners = new Set<() => void>();

/** The event an entry is about, as the screens know it. */
export function entryId(entry: OutboxEntry): number {
  return entry.kind === 'create' ? entry.draft.id : entry.before.id;
}

/** The event as the entry leaves it, if it leaves one. */
export function entryResult(entry: OutboxEntry): Event | undefined {
  if (entry.kind === 'create') return entry.draft;
  return entry.kind === 'update' ? entry.after : undefined;
}

/** The fields an edit changes: the body of its PATCH. */
export function entryPatch(before: Event, after: Event): EventUpdate {
  const patch: EventUpdate = {};
  for (const field of [
    'object_id',
    'notification_date',
    'income',
    'expense',
    'description',
  ] as const) {
    if (!Object.is(before[field], after[field])) {
      Object.assign(patch, { [field]: after[field] });
    }
  }
  return patch;
}

// ---- The stored copy (a remembered device only) ----

let writing: Promise<void> = Promise.resolve();

function store(change: (outbox: IDBObjectStore, owner: number) => void) {
  const owner = getRememberedOwner();
  if (owner === null || typeof indexedDB === 'undefined') return;
  writing = writing
    .then(async () => {
      const db = await database();
      const transaction = db.transaction(OUTBOX, 'readwrite');
      change(transaction.objectStore(OUTBOX), owner);
      await done(transaction);
    })
    .catch(() => {
      // Storage refused: the entry still waits in this tab.
    });
}

function storeEntry(entry: OutboxEntry) {
  store((outbox, owner) => outbox.put({ ...entry, owner }));
}

/** Every write to the stored copy asked for so far, done. */
export function stored(): Promise<void> {
  return writing;
}

/**
 * Whether an entry is still in the stored copy: on a remembered device
 * another tab of the owner may have sent it meanwhile. True where nothing
 * is stored (the entry is this tab's alone).
 */
export async function stillStored(key: number): Promise<boolean> {
  const owner = getRememberedOwner();
  if (owner === null || typeof indexedDB === 'undefined') return true;
  await writing;
  const records = await ownersRecords<OutboxEntry>(OUTBOX, owner);
  return records.some((record) => record.key === key);
}

/**
 * Takes in what the stored copy holds for the signed-in owner (after a
 * reload, or what another tab left); returns the entries new to this tab.
 */
export async function loadStored(): Promise<OutboxEntry[]> {
  const owner = getRememberedOwner();
  if (owner === null || typeof indexedDB === 'undefined') return [];
  await writing;
  const records = await ownersRecords<OutboxEntry>(OUTBOX, owner);
  if (getRememberedOwner() !== owner) return [];
  const mine = new Set(entries.map((entry) => entry.key));
  const added = records.filter((record) => !mine.has(record.key));
  if (added.length > 0) {
    lastKey = Math.max(lastKey, ...added.map((entry) => entry.key));
    setEntries([...entries, ...added].sort((a, b) => a.key - b.key));
  }
  return added;
}

// ---- The entries ----

function setEntries(next: readonly OutboxEntry[]) {
  const wasEmpty = entries.length === 0;
  entries = next;
  visible = next.filter(
    (entry) => entry.batch === undefined || !running.has(entry.batch),
  );
  if (wasEmpty !== (next.length === 0)) watchPageExit(next.length > 0);
  for (const listener of listeners) listener();
}

function nextKey(): number {
  lastKey = Math.max(lastKey + 1, Date.now());
  return lastKey;
}

/**
 * Queues a write, folded into the entry already waiting for the same event
 * when there is one: an edit of an event not made yet changes what will be
 * made, a delete of it leaves nothing to send, edits add up, and a delete
 * after an edit deletes the event as the server had it.
 */
export function queueWrite(write: OutboxWrite): void {
  const id = write.kind === 'create' ? write.draft.id : write.before.id;
  const waiting = entries.find(
    (entry) =>
      entryId(entry) === id && entry.key !== sendingKey && !entry.conflict,
  );
  if (!waiting) {
    const entry = { ...write, key: nextKey(), owner: getSessionOwner() };
    setEntries([...entries, entry]);
    storeEntry(entry);
    return;
  }
  let merged: OutboxEntry | undefined;
  if (write.kind === 'create' && waiting.kind === 'create') {
    // A batch's entry that could not be sent: it waits like any other.
    merged = {
      ...waiting,
      batch: undefined,
      known: write.known ?? waiting.known,
    };
  } else if (write.kind === 'update' && waiting.kind === 'create') {
    merged = { ...waiting, draft: write.after };
  } else if (write.kind === 'update' && waiting.kind === 'update') {
    merged = { ...waiting, after: write.after };
    if (Object.keys(entryPatch(merged.before, merged.after)).length === 0) {
      merged = undefined;
    }
  } else if (write.kind === 'delete' && waiting.kind === 'update') {
    merged = {
      key: waiting.key,
      owner: waiting.owner,
      kind: 'delete',
      before: waiting.before,
    };
  }
  if (merged) replaceEntry(merged);
  else removeEntry(waiting.key);
}

/** Puts a changed entry (same key) in place of the old one. */
export function replaceEntry(entry: OutboxEntry): void {
  setEntries(entries.map((old) => (old.key === entry.key ? entry : old)));
  storeEntry(entry);
}

/** The server has it, or the owner let it go. */
export function removeEntry(key: number): void {
  setEntries(entries.filter((entry) => entry.key !== key));
  store((outbox, owner) => outbox.delete([owner, key]));
}

/** The entries of a batch this page sends itself, while it runs. */
export type HeldBatch = {
  /** The entry with this draft was sent, or failed and is the batch's to say. */
  release: (draftId: number) => void;
  /** The batch is over: whatever it still holds is its own to report. */
  end: () => void;
};

/**
 * Holds the creates of a batch (a repeat) in the outbox while this page
 * sends them itself, each with the ids of the events of its identity the
 * ledger held before: on a remembered device they are stored at once, so
 * a page that goes mid-batch leaves the next page exactly what was not
 * made — looked for first, since one may have been on its way.
 */
export function holdBatch(
  writes: readonly { draft: Event; known: number[] }[],
): HeldBatch {
  const batch = nextKey();
  running.add(batch);
  const owner = getSessionOwner();
  const held = writes.map(({ draft, known }): OutboxEntry => ({
    kind: 'create',
    draft,
    known,
    key: nextKey(),
    owner,
    batch,
  }));
  setEntries([...entries, ...held]);
  store((outbox, storeOwner) => {
    for (const entry of held) outbox.put({ ...entry, owner: storeOwner });
  });
  const release = (draftId: number) => {
    const entry = entries.find(
      (one) =>
        one.batch === batch &&
        one.kind === 'create' &&
        one.draft.id === draftId,
    );
    if (entry) removeEntry(entry.key);
  };
  return {
    release,
    end: () => {
      running.delete(batch);
      const left = entries.filter((entry) => entry.batch === batch);
      if (left.length === 0) return;
      setEntries(entries.filter((entry) => entry.batch !== batch));
      store((outbox, storeOwner) => {
        for (const entry of left) outbox.delete([storeOwner, entry.key]);
      });
    },
  };
}

/** Marks the entry in flight (or none): it is not merged with meanwhile. */
export function markSending(key: number | null): void {
  sendingKey = key;
}

/**
 * Every entry when the session ends on purpose: the owner was told what
 * would be lost. The stored copy goes with the rest of the device's.
 */
export function clearOutbox(): void {
  running.clear();
  setEntries([]);
}

/** What waits to be sent from here (not what a running batch holds). */
export function outboxEntries(): readonly OutboxEntry[] {
  return visible;
}

/** Hears of every change of the entries; returns the way to stop. */
export function subscribeToOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The entries, kept up to date, for screens. */
export function useOutbox(): readonly OutboxEntry[] {
  return useSyncExternalStore(
    subscribeToOutbox,
    () => visible,
    () => visible,
  );
}

// ---- What the screens show ----

type Overlay = { touched: ReadonlySet<number>; shown: readonly Event[] };
const overlays = new WeakMap<readonly OutboxEntry[], Overlay>();

/** The events the outbox changes (by id), and as it will leave them. */
export function overlayOf(among: readonly OutboxEntry[] = visible): Overlay {
  let overlay = overlays.get(among);
  if (!overlay) {
    // The last entry about an event says how it is left (an edit of one
    // waiting for the owner's choice is an entry of its own).
    const byId = new Map<number, Event | undefined>();
    for (const entry of among) byId.set(entryId(entry), entryResult(entry));
    const shown = [...byId.values()].flatMap((event) => event ?? []);
    overlay = { touched: new Set(byId.keys()), shown };
    overlays.set(among, overlay);
  }
  return overlay;
}

/**
 * Events as the server listed them, with what the outbox will do to them:
 * the ones it changes or deletes as it leaves them, and what it will make,
 * where `belongs` says they are listed, in the server's order. Idempotent:
 * a list that shows the outbox already is left as it is.
 */
export function withOutbox(
  events: readonly Event[],
  belongs: (event: Event) => boolean,
  among: readonly OutboxEntry[] = visible,
): Event[] {
  if (among.length === 0) return events as Event[];
  const { touched, shown } = overlayOf(among);
  const next = events.filter((event) => !touched.has(event.id));
  for (const event of shown) {
    if (!belongs(event)) continue;
    const at = next.findIndex((row) => listsBefore(event, row));
    next.splice(at === -1 ? next.length : at, 0, event);
  }
  return next;
}

/** What each event shown waits for: to be sent, or the owner's choice. */
export type OutboxMark = 'waiting' | 'conflict';

const marks = new WeakMap<readonly OutboxEntry[], Map<number, OutboxMark>>();

export function useOutboxMarks(): ReadonlyMap<number, OutboxMark> {
  const among = useOutbox();
  let byId = marks.get(among);
  if (!byId) {
    byId = new Map();
    for (const entry of among) {
      const shown = entryResult(entry);
      if (shown) byId.set(shown.id, entry.conflict ? 'conflict' : 'waiting');
    }
    marks.set(among, byId);
  }
  return byId;
}

// ---- The session ----

subscribeToSession(() => {
  // Every end of the session wipes the stored copy with the rest of the
  // device's (lib/offline-copy); an expired session's entries wait in this
  // tab for their owner to sign in again.
  if (getToken() === null) return;
  const owner = getSessionOwner();
  if (owner === null) return;
  const mine = entries.filter(
    (entry) => entry.owner === owner || entry.owner === null,
  );
  if (mine.length !== entries.length) setEntries(mine);
  // Made before the owner was known, or kept through an expired session.
  for (const entry of mine) {
    if (entry.owner === null) replaceEntry({ ...entry, owner });
    else storeEntry(entry);
  }
});

// Entries this tab alone holds are lost with it: leaving asks first.
function onBeforeUnload(event: BeforeUnloadEvent) {
  if (getRememberedOwner() === null) event.preventDefault();
}

function watchPageExit(watch: boolean) {
  if (typeof window === 'undefined') return;
  if (watch) window.addEventListener('beforeunload', onBeforeUnload);
  else window.removeEventListener('beforeunload', onBeforeUnload);
}
