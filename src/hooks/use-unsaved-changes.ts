import { useEffect, useEffectEvent } from 'react';
import { useBlocker, type Blocker } from 'react-router';

import {
  getLastSessionEnd,
  getToken,
  subscribeToSession,
} from '@/api/auth-session';
import { keepDraft } from '@/lib/drafts';

/** A form's values, kept under `key` when the session ends under it. */
export type DraftOf = { key: string; values: () => unknown };

/**
 * Holds in-app navigation while a form has unsaved changes (the caller asks
 * with <UnsavedChangesDialog>) and asks the browser to confirm a reload or
 * close of the tab. When the session ends, nothing is held: the private page
 * goes at once; if it ended under the form (in another tab, or expired),
 * what was typed is kept as `draft` in memory for the same user's next
 * sign-in (lib/drafts).
 */
export function useUnsavedChanges(dirty: boolean, draft?: DraftOf): Blocker {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      getToken() !== null &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  );
  // Kept when the session ended under the form (elsewhere, or expired),
  // not when the user signed out here.
  const keep = useEffectEvent(() => {
    if (!dirty || !draft || getToken()) return;
    if (getLastSessionEnd() !== 'signed-out') {
      keepDraft(draft.key, draft.values());
    }
  });
  useEffect(() => subscribeToSession(keep), []);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  return blocker;
}
