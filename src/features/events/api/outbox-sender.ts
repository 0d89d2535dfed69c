import { onlineManager, type QueryClient } from '@tanstack/react-query';

import { getToken, subscribeToSession } from '@/api/auth-session';
import { forWantOfNetwork, toApiError } from '@/api/errors';
import {
  createEvent,
  deleteEvent,
  getEvent,
  updateEvent,
  type Event,
  type EventCreate,
} from '@/api/generated';
import { checkForConflict, EditConflict } from '@/lib/edit-conflicts';
import type { PendingDelete } from '@/lib/pending-deletes';
import {
  entryPatch,
  entryResult,
  loadStored,
  markSending,
  outboxEntries,
  queueWrite,
  removeEntry,
  replaceEntry,
  stillStored,
  stored,
  subscribeToOutbox,
  type Conflict,
  type OutboxEntry,
} from '@/lib/outbox';
import { isTemporary, temporaryId } from '@/lib/temporary-id';
import { tellOtherTabs } from '@/ledger/tabs';

import {
  applyEventChange,
  cachedEvents,
  sameEntryIds,
  settleEventChange,
} from './ledger-cache';
import { findSaved } from './use-create-event';

/**
 * Sends the outbox (lib/outbox) when the connection is back: one entry at
 * a time, in the order they were made, each exactly once.
 *
 * - A create records, before its first request, which events of the same
 *   identity the ledger held; when its answer is lost (or the page goes
 *   mid-request), the event it made is looked for among the others before
 *   anything is sent again.
 * - An edit reads the event first, like an edit online: a field changed
 *   elsewhere is a conflict. A delete reads it too, so an event changed
 *   elsewhere is not deleted unseen.
 * - What the server refuses waits for the owner's choice (`keepMine`,
 *   `letGo`): changed or deleted elsewhere, its property gone.
 * - A lost connection, a timeout or a server error leaves it waiting: the
 *   next try is when the browser is back online, or in RETRY_MS.
 *
 * On a remembered device every tab of the owner sees the same stored
 * outbox: one tab sends at a time (a Web Lock), and an entry no longer
 * stored was sent by another.
 */

const RETRY_MS = 15_000;
const LOCK = 'smartcomm.outbox';

/** The body of a create: the event without its temporary id. */
function bodyOf({ id: _id, ...body }: Event): EventCreate {
  return body;
}

/** The screens and other tabs take in what the server now has. */
function landed(
  client: QueryClient,
  entry: OutboxEntry,
  saved: Event | undefined,
) {
  removeEntry(entry.key);
  applyEventChange(client, entryResult(entry), saved);
  const before = entry.kind === 'create' ? undefined : entry.before;
  tellOtherTabs({ kind: 'event', before, after: saved });
  if (entry.kind === 'create' && saved) {
    // Later entries about the event made meanwhile now name its real id.
    for (const later of outboxEntries()) {
      if (later.kind !== 'create' && later.before.id === entry.draft.id) {
        replaceEntry({
          ...later,
          before: { ...later.before, id: saved.id },
          ...(later.kind === 'update' && {
            after: { ...later.after, id: saved.id },
          }),
        });
      }
    }
  }
  void settleEventChange(client);
}

function conflictOf(error: unknown): Conflict {
  const apiError = toApiError(error);
  if (apiError.status === 404) return { reason: 'deleted' };
  if (apiError.fieldErrors.some(({ field }) => field === 'object_id')) {
    return { reason: 'property-gone' };
  }
  return {
    reason: 'refused',
    detail: apiError.problem?.detail ?? apiError.problem?.title ?? null,
  };
}

/** Whether trying again later can help: no connection, the server's trouble. */
function worthWaiting(error: unknown): boolean {
  const apiError = toApiError(error);
  return (
    apiError.kind !== 'http' ||
    apiError.isServerError ||
    apiError.status === 401 ||
    apiError.status === 429
  );
}

/** Sends one entry; false when it must wait for a better moment. */
async function sendEntry(
  client: QueryClient,
  entry: OutboxEntry,
): Promise<boolean> {
  try {
    if (entry.kind === 'create') {
      const body = bodyOf(entry.draft);
      if (entry.known) {
        const saved = await findSaved(body, new Set(entry.known));
        if (saved) return (landed(client, entry, saved), true);
      } else {
        replaceEntry({ ...entry, known: sameEntryIds(client, [body])[0] });
        await stored();
      }
      const { data } = await createEvent({ body });
      landed(client, entry, data.data);
      return true;
    }
    const { before } = entry;
    if (!entry.settled) {
      let current: Event;
      try {
        ({
          data: { data: current },
        } = await getEvent({ path: { id: before.id } }));
      } catch (error) {
        // Deleted elsewhere: a delete has nothing left to do.
        if (entry.kind === 'delete' && toApiError(error).status === 404) {
          return (landed(client, entry, undefined), true);
        }
        throw error;
      }
      const patch =
        entry.kind === 'update' ? entryPatch(before, entry.after) : before;
      try {
        checkForConflict(before, current, patch);
      } catch (conflict) {
        if (!(conflict instanceof EditConflict)) throw conflict;
        replaceEntry({ ...entry, conflict: { reason: 'changed', current } });
        return true;
      }
    }
    if (entry.kind === 'update') {
      const { data } = await updateEvent({
        path: { id: before.id },
        body: entryPatch(before, entry.after),
      });
      landed(client, entry, data.data);
      return true;
    }
    try {
      await deleteEvent({ path: { id: before.id } });
    } catch (error) {
      if (toApiError(error).status !== 404) throw error;
    }
    landed(client, entry, undefined);
    return true;
  } catch (error) {
    if (worthWaiting(error)) return false;
    replaceEntry({ ...entry, conflict: conflictOf(error) });
    return true;
  }
}

let sending: Promise<void> | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;

async function sendAll(client: QueryClient) {
  const added = await loadStored();
  showEntries(client, added);
  // Each entry once a run; one changed meanwhile (a conflict settled) is
  // a new one.
  const tried = new WeakSet<OutboxEntry>();
  for (;;) {
    if (!onlineManager.isOnline() || getToken() === null) return;
    const entry = outboxEntries().find(
      (waiting) => !waiting.conflict && !tried.has(waiting),
    );
    if (!entry) return;
    tried.add(entry);
    // On a remembered device, another tab may have sent it meanwhile.
    if (!(await stillStored(entry.key))) {
      removeEntry(entry.key);
      continue;
    }
    markSending(entry.key);
    try {
      if (!(await sendEntry(client, entry))) {
        retry = setTimeout(() => void sendOutbox(client), RETRY_MS);
        return;
      }
    } finally {
      markSending(null);
    }
  }
}

/**
 * Sends what waits (one run at a time; a call during a run joins it).
 * Resolves once nothing more can be sent now.
 */
export function sendOutbox(client: QueryClient): Promise<void> {
  clearTimeout(retry);
  sending ??= (async () => {
    try {
      const locks =
        typeof navigator === 'undefined' ? undefined : navigator.locks;
      if (locks) await locks.request(LOCK, () => sendAll(client));
      else await sendAll(client);
    } catch {
      // Storage refused: what waits is tried again next time.
    } finally {
      sending = undefined;
    }
  })();
  return sending;
}

/** Entries taken in from the stored copy, shown wherever their rows are. */
function showEntries(client: QueryClient, entries: readonly OutboxEntry[]) {
  if (entries.length === 0) return;
  const shownNow = new Map(
    cachedEvents(client).map((event) => [event.id, event]),
  );
  for (const entry of entries) {
    const id = entry.kind === 'create' ? entry.draft.id : entry.before.id;
    applyEventChange(client, shownNow.get(id), entryResult(entry));
  }
}

/** The owner's choice for a conflict: their version after all. */
export function keepMine(
  client: QueryClient,
  entry: OutboxEntry,
  objectId?: number,
): void {
  const { conflict } = entry;
  const shown = entryResult(entry);
  if (conflict?.reason === 'deleted' && entry.kind === 'update') {
    // Deleted elsewhere: made again, as the owner left it.
    removeEntry(entry.key);
    const draft = { ...entry.after, id: temporaryId() };
    queueWrite({ kind: 'create', draft });
    applyEventChange(client, shown, draft);
  } else if (conflict?.reason === 'changed' && entry.kind !== 'create') {
    const { current } = conflict;
    if (entry.kind === 'update') {
      const after = { ...current, ...entryPatch(entry.before, entry.after) };
      replaceEntry({
        ...entry,
        before: current,
        after,
        settled: true,
        conflict: undefined,
      });
      applyEventChange(client, shown, after);
    } else {
      replaceEntry({
        ...entry,
        before: current,
        settled: true,
        conflict: undefined,
      });
    }
  } else if (conflict?.reason === 'property-gone' && objectId !== undefined) {
    if (entry.kind === 'create') {
      const draft = { ...entry.draft, object_id: objectId };
      replaceEntry({ ...entry, draft, conflict: undefined });
      applyEventChange(client, shown, draft);
    } else if (entry.kind === 'update') {
      const after = { ...entry.after, object_id: objectId };
      replaceEntry({ ...entry, after, conflict: undefined });
      applyEventChange(client, shown, after);
    }
  } else {
    // Refused for another reason: sent again as it is.
    replaceEntry({ ...entry, conflict: undefined });
  }
  void sendOutbox(client);
}

/**
 * The owner's other choice: the change is let go, and the event shows as
 * the server has it (as it is now when changed or deleted elsewhere).
 */
export function letGo(client: QueryClient, entry: OutboxEntry): void {
  removeEntry(entry.key);
  const { conflict } = entry;
  const back =
    conflict?.reason === 'changed'
      ? conflict.current
      : conflict?.reason === 'deleted' || entry.kind === 'create'
        ? undefined
        : entry.before;
  applyEventChange(client, entryResult(entry), back);
  void settleEventChange(client);
}

/**
 * The delete of an event as lib/pending-deletes holds it: the DELETE, or
 * its place in the outbox offline (or when the connection goes on the way:
 * sending it again later is harmless); an event still waiting to be made
 * is simply not made. The other tabs hear of it once the server has.
 */
export function eventDelete(client: QueryClient, event: Event): PendingDelete {
  let queued = false;
  return {
    send: async (keepalive) => {
      queued = isTemporary(event.id) || !onlineManager.isOnline();
      if (!queued) {
        try {
          await deleteEvent({ path: { id: event.id }, keepalive });
        } catch (error) {
          if (!forWantOfNetwork(error)) throw error;
          queued = true;
        }
      }
      if (queued) queueWrite({ kind: 'delete', before: event });
    },
    restore: () => applyEventChange(client, undefined, event),
    deleted: () => {
      if (!queued) tellOtherTabs({ kind: 'event', before: event });
    },
  };
}

/**
 * Sends the outbox whenever it can: at start, once the browser is back
 * online, when the owner signs in (again), and when something is queued
 * while online. Returns the way to stop.
 */
export function keepOutbox(client: QueryClient): () => void {
  const send = () => {
    if (getToken() !== null && onlineManager.isOnline())
      void sendOutbox(client);
  };
  const unsubscribeOnline = onlineManager.subscribe(send);
  const unsubscribeSession = subscribeToSession(send);
  // Queued online (the connection went on the way): tried at once, then
  // every RETRY_MS.
  const unsubscribeOutbox = subscribeToOutbox(send);
  // After a reload offline: what the stored copy holds, shown at once.
  void loadStored()
    .then((added) => showEntries(client, added))
    .then(send)
    .catch(() => undefined);
  return () => {
    clearTimeout(retry);
    unsubscribeOnline();
    unsubscribeSession();
    unsubscribeOutbox();
  };
}
