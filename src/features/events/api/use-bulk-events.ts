import { onlineManager, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';

import { useTranslation } from '@/lib/i18n';
import { forWantOfNetwork, toApiError } from '@/api/errors';
import {
  getEvent,
  updateEvent,
  type Event,
  type EventUpdate,
} from '@/api/generated';
import { useDeleteWithUndo } from '@/hooks/use-delete-with-undo';
import { deleteTarget, isDeletePending } from '@/lib/pending-deletes';
import { queueWrite } from '@/lib/outbox';
import { runBatch } from '@/utils/batch';
import { tellOtherTabs } from '@/ledger/tabs';

import { bulkPatch, type BulkEdit } from '../utils/bulk-edit';
import {
  applyEventChange,
  holdListFetches,
  settleEventChange,
} from './ledger-cache';
import { eventDelete } from './outbox-sender';
import { outcomeUnknown } from './use-create-event';
import type { BatchProgress } from './use-create-events';

/**
 * Requests of one bulk action in flight at once. The budget is a 500-row
 * edit at 100 ms a request in 10 s: 500 / 8 × 100 ms ≈ 6.3 s of waiting,
 * leaving room for the page's own work on each answer (with 6, measured
 * 10.7 s). The deployment speaks HTTP/2, one connection carrying them all;
 * over HTTP/1.1 a browser opens six to a host, and two wait their turn for
 * one answer's time, well inside the client's timeout.
 */
export const BULK_CONCURRENCY = 8;

/** What became of a bulk edit, event by event. */
export type BulkOutcome = {
  /** As the server saved them. */
  saved: Event[];
  /** Already so: nothing was sent for them. */
  unchanged: Event[];
  /**
   * The events as they were given, and why not. Retry with the rows as
   * they are shown then: each change is computed again from the event as
   * this hook was first given it, so a shift whose answer was lost lands
   * on the same date, never twice. A 404 means it was deleted elsewhere;
   * its row has gone.
   */
  failed: { event: Event; error: unknown }[];
};

/** `shown`: the row as it was on screen; `edited`: as it is shown now. */
type Change = { shown: Event; patch: EventUpdate; edited: Event };

/** Whether the server's event already has every field of the patch. */
function hasPatch(event: Event, patch: EventUpdate): boolean {
  return (Object.keys(patch) as (keyof EventUpdate)[]).every((field) =>
    Object.is(event[field], patch[field]),
  );
}

/** While a batch runs, leaving the page asks first. */
export function askBeforeLeaving(): () => void {
  const ask = (leaving: BeforeUnloadEvent) => leaving.preventDefault();
  window.addEventListener('beforeunload', ask);
  return () => window.removeEventListener('beforeunload', ask);
}

/**
 * Makes one change to many events: one PATCH per event that changes,
 * BULK_CONCURRENCY at a time, with progress. Every row changes on screen
 * (and in every sum) at once, takes the server's answer as it comes, and
 * goes back if refused.
 *
 * No conflict read, unlike a single edit: the owner sets these fields for
 * the whole selection, and one request per event keeps a batch of hundreds
 * inside its budget. A PATCH carries absolute values only (see bulkPatch),
 * so sending it again is harmless: a retry after a timeout cannot change
 * anything twice. An answer that did not arrive (timeout, lost connection)
 * is settled with one GET, so what the server saved counts as saved and
 * the screen shows the event as it is.
 *
 * An event not saved keeps, while the hook lives, what it was when first
 * given: a retry computes its change from that, not from the row as shown
 * then, which a refresh may show moved already by a PATCH whose answer and
 * check were both lost. So a relative change (a shift) is never made twice.
 *
 * A call while another runs sends nothing (null): a double-click is one
 * batch.
 */
export function useEditEvents() {
  const queryClient = useQueryClient();
  const running = useRef(false);
  const given = useRef(new Map<number, Event>());
  const [progress, setProgress] = useState<BatchProgress | null>(null);

  const send = async ({ shown, patch, edited }: Change): Promise<Event> => {
    // Offline, or the connection gone so the server cannot be asked: it
    // waits in the outbox.
    const queue = () => {
      given.current.delete(shown.id);
      queueWrite({ kind: 'update', before: shown, after: edited });
      return edited;
    };
    if (!onlineManager.isOnline()) return queue();
    let saved: Event;
    try {
      const { data } = await updateEvent({
        path: { id: shown.id },
        body: patch,
      });
      saved = data.data;
    } catch (error) {
      let now: Event | undefined = shown;
      if (toApiError(error).status === 404) {
        now = undefined;
      } else if (outcomeUnknown(error)) {
        let lostConnection = false;
        now = await getEvent({ path: { id: shown.id } }).then(
          ({ data }) => data.data,
          (lookError: unknown) => {
            lostConnection = forWantOfNetwork(lookError);
            return shown;
          },
        );
        if (lostConnection) return queue();
      }
      if (!now || !hasPatch(now, patch)) {
        applyEventChange(queryClient, edited, now);
        throw error;
      }
      saved = now;
    }
    given.current.delete(shown.id);
    applyEventChange(queryClient, edited, saved);
    tellOtherTabs({ kind: 'event', before: shown, after: saved });
    return saved;
  };

  const editAll = async (
    events: readonly Event[],
    edit: BulkEdit,
  ): Promise<BulkOutcome | null> => {
    if (running.current) return null;
    running.current = true;
    const stopAsking = askBeforeLeaving();
    const outcome: BulkOutcome = { saved: [], unchanged: [], failed: [] };
    try {
      await holdListFetches(queryClient);
      const seen = new Set<number>();
      const changes: Change[] = [];
      for (const shown of events) {
        if (seen.has(shown.id)) continue;
        seen.add(shown.id);
        const from = given.current.get(shown.id) ?? shown;
        const patch = bulkPatch(from, edit);
        if (!patch) {
          given.current.delete(shown.id);
          outcome.unchanged.push(shown);
          continue;
        }
        given.current.set(shown.id, from);
        const edited: Event = { ...shown, ...patch };
        applyEventChange(queryClient, shown, edited);
        changes.push({ shown, patch, edited });
      }
      const results = await runBatch(changes, send, {
        concurrency: BULK_CONCURRENCY,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      changes.forEach(({ shown }, index) => {
        const result = results[index];
        if (result?.ok) outcome.saved.push(result.value);
        else outcome.failed.push({ event: shown, error: result?.error });
      });
    } finally {
      running.current = false;
      stopAsking();
      setProgress(null);
      // Once for the batch: the sums are exact already, lists load afresh.
      void settleEventChange(queryClient);
    }
    return outcome;
  };

  return { editAll, progress };
}

/**
 * Deletes a selection with one Undo: every event leaves the screen and its
 * sums at once, one toast offers Undo for the whole set, and the DELETEs
 * go BULK_CONCURRENCY at a time when the toast does (or as the page goes,
 * or before a sign-out: lib/pending-deletes, as a single delete). A 404
 * counts as deleted; any the server refuses come back, and a toast says
 * how many and why. Events already waiting to be deleted (a second click)
 * are left out.
 */
export function useDeleteEventsWithUndo(): (
  events: readonly Event[],
) => Promise<void> {
  const queryClient = useQueryClient();
  const { t } = useTranslation('events');
  const deleteWithUndo = useDeleteWithUndo();
  return async (events) => {
    await holdListFetches(queryClient);
    // Chosen after the wait, then held at once: of two clicks, the second
    // finds every event held already.
    const seen = new Set<number>();
    const chosen = events.filter((event) => {
      if (seen.has(event.id)) return false;
      seen.add(event.id);
      return !isDeletePending(deleteTarget('event', event.id));
    });
    if (chosen.length === 0) return;
    deleteWithUndo({
      entries: chosen.map((event) => {
        applyEventChange(queryClient, event, undefined);
        return {
          target: deleteTarget('event', event.id),
          ...eventDelete(queryClient, event),
        };
      }),
      done: t('bulk.deleted', { count: chosen.length }),
      failed: (count, total) => t('bulk.deleteFailed', { count, total }),
      concurrency: BULK_CONCURRENCY,
      settled: () => void settleEventChange(queryClient),
    });
  };
}
