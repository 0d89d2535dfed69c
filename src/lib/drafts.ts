import { useSyncExternalStore } from 'react';

import {
  getSessionOwner,
  getToken,
  subscribeToSession,
} from '@/api/auth-session';

/**
 * What a form held when the session ended under it (signed out in another
 * tab, or expired): kept in this tab's memory only, never in storage, and
 * offered back only to the same user once they have signed in again (the
 * session's owner); signing in as someone else drops the drafts.
 */
type Draft = { owner: number; values: unknown };

const drafts = new Map<string, Draft>();
const listeners = new Set<() => void>();

const notify = () => {
  for (const listener of listeners) listener();
};

subscribeToSession(() => {
  const owner = getSessionOwner();
  if (owner === null) return;
  for (const [key, draft] of drafts) {
    if (draft.owner !== owner) drafts.delete(key);
  }
});

/** Keeps what a form holds, for its owner's next session in this tab. */
export function keepDraft(key: string, values: unknown): void {
  const owner = getSessionOwner();
  if (owner === null) return;
  drafts.set(key, { owner, values });
  notify();
}

/** Forgets a draft once it has been used or dismissed. */
export function dropDraft(key: string): void {
  if (drafts.delete(key)) notify();
}

function ownDraft(key: string): unknown {
  // Not to the form it was just kept from, on its way out.
  if (!getToken()) return undefined;
  const draft = drafts.get(key);
  return draft?.owner === getSessionOwner() ? draft.values : undefined;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const unsubscribe = subscribeToSession(listener);
  return () => {
    listeners.delete(listener);
    unsubscribe();
  };
}

/** The draft kept under `key` for the user signed in now, if any. */
export function useDraft<T>(key: string): T | undefined {
  return useSyncExternalStore(
    subscribe,
    () => ownDraft(key) as T | undefined,
    () => undefined,
  );
}
