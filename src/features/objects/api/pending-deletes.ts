import { useSyncExternalStore } from 'react';

import { deleteObject } from '@/api/generated';
import { subscribeToSession } from '@/lib/auth-session';

/**
 * Objects deleted by the user whose Undo window is still open: hidden from
 * every screen, still on the server until the window closes.
 */
let hidden: ReadonlySet<number> = new Set();
const listeners = new Set<() => void>();

function setHidden(next: ReadonlySet<number>) {
  const wasEmpty = hidden.size === 0;
  hidden = next;
  if (wasEmpty && next.size > 0) watchPageExit();
  if (!wasEmpty && next.size === 0) unwatchPageExit();
  for (const listener of listeners) listener();
}

export function hideObject(id: number): void {
  if (!hidden.has(id)) setHidden(new Set(hidden).add(id));
}

export function unhideObject(id: number): void {
  if (!hidden.has(id)) return;
  const next = new Set(hidden);
  next.delete(id);
  setHidden(next);
}

export function isHidden(id: number): boolean {
  return hidden.has(id);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePendingObjectDeletes(): ReadonlySet<number> {
  return useSyncExternalStore(
    subscribe,
    () => hidden,
    () => hidden,
  );
}

// Leaving the page inside the Undo window: the browser asks first, and if
// the user goes anyway the deletes are sent as the page goes away
// (`keepalive` lets them outlive it), so what they asked for still happens.
function onBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
}

function onPageHide() {
  for (const id of hidden) {
    deleteObject({ path: { id }, keepalive: true }).catch(() => {
      // Nothing is left to tell; the object is simply still there next time.
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

// Signing out inside the window cancels the deletes: they were not sent,
// and the objects are there at the next sign-in.
subscribeToSession(() => {
  if (hidden.size > 0) setHidden(new Set());
});
