import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { deleteEvent, type Event, type EventCreate } from '@/api/generated';
import { useErrorText } from '@/components/errors/use-error-text';
import { showToast } from '@/components/ui/toaster';
import { deleteTarget, holdDelete, sendDelete } from '@/lib/pending-deletes';
import { runBatch } from '@/utils/batch';
import { tellOtherTabs } from '@/ledger/tabs';

import {
  applyEventChange,
  holdListFetches,
  settleEventChange,
} from './ledger-cache';
import {
  entryIdentity,
  useCreateEvent,
  type CreatedEvent,
} from './use-create-event';

/** Requests of one batch in flight at once. */
export const BATCH_CONCURRENCY = 4;

/** One entry of a batch: made (or found made), or why not. */
export type BatchEntry = { body: EventCreate } & (
  { ok: true; created: CreatedEvent } | { ok: false; error: unknown }
);

export type BatchProgress = { done: number; total: number };

/**
 * Creates a list of events, BATCH_CONCURRENCY at a time, each through
 * useCreateEvent (shown at once, reconciled before it is sent again when
 * its outcome was unknown). What it made is remembered while the hook
 * lives: sending the same list again (a retry) sends only the entries
 * not made yet. A call while another runs sends nothing (null).
 */
export function useCreateEvents() {
  const { mutateAsync } = useCreateEvent();
  const made = useRef(new Map<string, CreatedEvent>());
  const running = useRef(false);
  const [progress, setProgress] = useState<BatchProgress | null>(null);

  const createAll = async (
    bodies: readonly EventCreate[],
  ): Promise<BatchEntry[] | null> => {
    if (running.current) return null;
    running.current = true;
    const errors = new Map<string, unknown>();
    try {
      // Once each: a body listed twice is one entry.
      const seen = new Set<string>();
      const toSend = bodies.filter((body) => {
        const key = entryIdentity(body);
        if (made.current.has(key) || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const outcomes = await runBatch(toSend, (body) => mutateAsync(body), {
        concurrency: BATCH_CONCURRENCY,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      toSend.forEach((body, index) => {
        const outcome = outcomes[index];
        if (!outcome) return;
        if (outcome.ok) made.current.set(entryIdentity(body), outcome.value);
        else errors.set(entryIdentity(body), outcome.error);
      });
    } finally {
      running.current = false;
      setProgress(null);
    }
    return bodies.map((body): BatchEntry => {
      const key = entryIdentity(body);
      const created = made.current.get(key);
      return created
        ? { body, ok: true, created }
        : { body, ok: false, error: errors.get(key) };
    });
  };

  return { createAll, progress };
}

/**
 * Takes back events just made (the Undo of a batch): they leave every
 * screen and sum at once, and are deleted BATCH_CONCURRENCY at a time
 * through the one delete model (lib/pending-deletes), so a reload or a
 * sign-out meanwhile still sends them. Any the server refuses come back,
 * and a toast says so.
 */
export function useRemoveEvents(): (events: readonly Event[]) => Promise<void> {
  const queryClient = useQueryClient();
  const { t } = useTranslation('events');
  const errorText = useErrorText();
  return async (events) => {
    await holdListFetches(queryClient);
    const targets = events.map((event) => {
      const target = deleteTarget('event', event.id);
      applyEventChange(queryClient, event, undefined);
      holdDelete(target, {
        send: (keepalive) => deleteEvent({ path: { id: event.id }, keepalive }),
        restore: () => applyEventChange(queryClient, undefined, event),
        deleted: () => tellOtherTabs({ kind: 'event', before: event }),
      });
      return target;
    });
    const outcomes = await runBatch(targets, sendDelete, {
      concurrency: BATCH_CONCURRENCY,
    });
    void settleEventChange(queryClient);
    const failed = outcomes.flatMap((outcome) =>
      outcome.ok ? [] : [outcome.error],
    );
    showToast(
      failed.length === 0
        ? { title: t('toasts.removedMany', { count: events.length }) }
        : {
            tone: 'error',
            title: t('toasts.removeManyFailed', {
              failed: failed.length,
              total: events.length,
            }),
            description: errorText(failed[0]),
          },
    );
  };
}
