import { useSyncExternalStore } from 'react';

import { toApiError } from '@/api/errors';
import {
  getSessionOwner,
  getToken,
  subscribeToSession,
} from '@/api/auth-session';
import { runBatch } from '@/utils/batch';

/**
 * The one undo model for every delete: a confirmed delete is hidden from
 * every screen at once and sent only when its Undo window closes; Undo puts
 * the very same record back (same id), because nothing was sent. A delete
 * still waiting is sent as the page goes away (`keepalive`) and before an
 * own sign-out; one whose session ended under it (elsewhere, or expired) is
 * sent once the same owner has signed in again in this tab, and dropped if
 * someone else signs in.
 */

/** How long Undo is offered after any delete, in ms. */
export const UNDO_WINDOW_MS = 8_000;

/**
 * DELETEs in flight at once before a sign-out: a batch of hundreds would
 * otherwise start every request's timeout at once while the browser queues
 * them six at a time.
 */
const SEND_ALL_CONCURRENCY = 6;

type DeleteKind = 'event' | 'object';
export type DeleteTarget = `${DeleteKind}:${number}`;

export function deleteTarget(kind: DeleteKind, id: number): DeleteTarget {
  return `${kind}:${id}`;
}

export type PendingDelete = {
  /** Sends the DELETE; `keepalive` when the page is going away. */
  send: (keepalive: boolean) => Promise<unknown>;
  /**
   * Puts the record back on screen (after Undo, or when the server refused)
   * where leaving pending deletes out of a list is not enough.
   */
  restore?: () => void;
  /** Once the server has deleted it (or it was gone already). */
  deleted?: () => void;
};

type Entry = PendingDelete & {
  owner: number | null;
  /** The session ended under it: it waits for its owner to sign in again. */
  orphaned: boolean;
  sending: boolean;
};

let pending: ReadonlyMap<DeleteTarget, Entry> = new Map();
const listeners = new Set<() => void>();

function setPending(next: ReadonlyMap<DeleteTarget, Entry>) {
  const wasEmpty = pending.size === 0;
  pending = next;
  if (wasEmpty && next.size > 0) watchPageExit();
  if (!wasEmpty && next.size === 0) unwatchPageExit();
  for (const listener of listeners) listener();
}

function without(target: DeleteTarget) {
  const next = new Map(pending);
  next.delete(target);
  return next;
}

/** Hides the record and starts waiting; the caller offers Undo. */
export function holdDelete(target: DeleteTarget, entry: PendingDelete): void {
  setPending(
    new Map(pending).set(target, {
      ...entry,
      owner: getSessionOwner(),
      orphaned: false,
      sending: false,
    }),
  );
}

/** Undo: nothing was sent, so the same record simply shows again. */
export function undoDelete(target: DeleteTarget): void {
  const entry = pending.get(target);
  if (!entry || entry.sending) return;
  setPending(without(target));
  entry.restore?.();
}

/**
 * The Undo window closed: sends the DELETE. Resolves true once deleted (a
 * record already gone counts), false when it was undone or already sent;
 * rejects when the server refused, with the record shown again.
 */
export async function sendDelete(target: DeleteTarget): Promise<boolean> {
  const entry = pending.get(target);
  if (!entry || entry.sending || entry.orphaned) return false;
  entry.sending = true;
  try {
    await entry.send(false);
  } catch (error) {
    if (toApiError(error).status !== 404) {
      // The session ended meanwhile (a 401): it waits for its owner.
      if (getToken() === null) {
        entry.sending = false;
        entry.orphaned = true;
        return false;
      }
      setPending(without(target));
      entry.restore?.();
      throw error;
    }
  }
  setPending(without(target));
  entry.deleted?.();
  return true;
}

/**
 * Before an own sign-out: everything confirmed is sent, not dropped. The
 * screens are about to go, so nothing on them is updated.
 */
export async function sendAllDeletes(): Promise<void> {
  const entries = [...pending.values()].filter((entry) => !entry.sending);
  setPending(new Map());
  await runBatch(entries, (entry) => entry.send(false), {
    concurrency: SEND_ALL_CONCURRENCY,
  });
}

/** Whether the record is hidden, waiting out its Undo window or being sent. */
export function isDeletePending(target: DeleteTarget): boolean {
  return pending.has(target);
}

/**
 * Records waiting out their Undo window are still on the server: every
 * answer leaves them out, so one that arrives meanwhile does not bring a
 * deleted record back.
 */
export function withoutPendingDeletes<T extends { id: number }>(
  kind: DeleteKind,
  records: T[],
  among: ReadonlyMap<DeleteTarget, unknown> = pending,
): T[] {
  return among.size === 0
    ? records
    : records.filter((record) => !among.has(deleteTarget(kind, record.id)));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every delete still waiting (and so hidden), for screens to leave out. */
export function usePendingDeletes(): ReadonlyMap<DeleteTarget, unknown> {
  return useSyncExternalStore(
    subscribe,
    () => pending,
    () => pending,
  );
}

subscribeToSession(() => {
  if (getToken() === null) {
    for (const entry of pending.values()) entry.orphaned = true;
    return;
  }
  const owner = getSessionOwner();
  if (owner === null) return;
  const others = [...pending].filter(([, entry]) => entry.owner !== owner);
  if (others.length > 0) {
    const next = new Map(pending);
    for (const [target] of others) next.delete(target);
    setPending(next);
  }
  for (const [target, entry] of pending) {
    if (!entry.orphaned) continue;
    entry.orphaned = false;
    sendDelete(target).catch(() => {
      // Refused: the record is simply shown again.
    });
  }
});

// Leaving the page inside an Undo window: the browser asks first, and if
// the user goes anyway the deletes are sent as the page goes away
// (`keepalive` lets them outlive it), so what they confirmed still happens.
function onBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
}

function onPageHide() {
  for (const entry of pending.values()) {
    if (entry.sending || entry.orphaned) continue;
    entry.send(true).catch(() => {
      // Nothing is left to tell; the record is simply still there next time.
    });
  }
}

function watchPageExit() {
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('pagehide', onPageHide);
}

function unwatchPageExit() {
  window.removeEventListener('beforeunload', onBeforeUnload);
  window.removeEventListener('pagehide', onPageHide);
}
