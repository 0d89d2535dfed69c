import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';

import { useTranslation } from '@/lib/i18n';
import type { Event, EventCreate } from '@/api/generated';
import { useErrorText } from '@/components/errors/use-error-text';
import { showToast } from '@/components/ui/toaster';
import { holdBatch, type HeldBatch } from '@/lib/outbox';
import { deleteTarget, holdDelete, sendDelete } from '@/lib/pending-deletes';
import { temporaryId } from '@/lib/temporary-id';
import { runBatch } from '@/utils/batch';

import {
  applyEventChange,
  holdListFetches,
  sameEntryIds,
  settleEventChange,
} from './ledger-cache';
import { entryIdentity } from '../utils/identity';
import { eventDelete } from './outbox-sender';
import { useCreateEvent, type CreatedEvent } from './use-create-event';

/** Requests of one batch in flight at once. */
export const BATCH_CONCURRENCY = 4;

/** One entry of a batch: made (or found made), or why not. */
export type BatchEntry = { body: EventCreate } & (
  { ok: true; created: CreatedEvent } | { ok: false; error: unknown }
);

export type BatchProgress = { done: number; total: number };

type CreateAllOptions = {
  /** When it aborts, entries not started yet are not sent. */
  signal?: AbortSignal;
  /**
   * The entries wait in the outbox (lib/outbox, `holdBatch`) while they
   * are sent, so a page that goes mid-batch leaves the rest to the next
   * one, exactly once: for a repeat, whose entries are the owner's
   * input. An import keeps its file instead, and goes on from it.
   */
  hold?: boolean;
};

/** Each body's key: its identity, and which of the equal ones it is. */
function entryKeys(bodies: readonly EventCreate[]): string[] {
  const seen = new Map<string, number>();
  return bodies.map((body) => {
    const identity = entryIdentity(body);
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return `${identity}\u0000${occurrence}`;
  });
}

/**
 * Creates a list of events, BATCH_CONCURRENCY at a time, each through
 * useCreateEvent (shown at once, reconciled before it is sent again when
 * its outcome was unknown). What it made is remembered while the hook
 * lives: sending the same list again (a retry, or going on after a stop)
 * sends only the entries not made yet; equal bodies are as many entries
 * as they are listed. When `signal` aborts, entries not started yet are
 * not sent (they fail with the abort's reason). A call while another runs
 * sends nothing (null).
 */
export function useCreateEvents() {
  const queryClient = useQueryClient();
  const { mutateAsync } = useCreateEvent();
  const made = useRef(new Map<string, CreatedEvent>());
  const inFlight = useRef(new Map<string, EventCreate>());
  const running = useRef(false);
  const [progress, setProgress] = useState<BatchProgress | null>(null);

  const createAll = async (
    bodies: readonly EventCreate[],
    { signal, hold = false }: CreateAllOptions = {},
  ): Promise<BatchEntry[] | null> => {
    if (running.current) return null;
    running.current = true;
    const keys = entryKeys(bodies);
    const errors = new Map<string, unknown>();
    let held: HeldBatch | undefined;
    try {
      const toSend = keys.flatMap((key, index) => {
        const body = bodies[index];
        return body && !made.current.has(key)
          ? [{ key, body, draftId: temporaryId() }]
          : [];
      });
      if (hold) {
        const known = sameEntryIds(
          queryClient,
          toSend.map(({ body }) => body),
        );
        held = holdBatch(
          toSend.map(({ body, draftId }, index) => ({
            draft: { ...body, id: draftId },
            known: known[index] ?? [],
          })),
        );
      }
      const outcomes = await runBatch(
        toSend,
        async ({ key, body, draftId }) => {
          signal?.throwIfAborted();
          inFlight.current.set(key, body);
          try {
            const created = await mutateAsync(body, draftId);
            // Known at once: a page left mid-batch knows what it made.
            made.current.set(key, created);
            return created;
          } finally {
            inFlight.current.delete(key);
            held?.release(draftId);
          }
        },
        {
          concurrency: BATCH_CONCURRENCY,
          onProgress: (done, total) => setProgress({ done, total }),
        },
      );
      toSend.forEach(({ key }, index) => {
        const outcome = outcomes[index];
        if (outcome && !outcome.ok) errors.set(key, outcome.error);
      });
    } finally {
      held?.end();
      running.current = false;
      setProgress(null);
    }
    return bodies.map((body, index): BatchEntry => {
      const key = keys[index] ?? '';
      const created = made.current.get(key);
      return created
        ? { body, ok: true, created }
        : { body, ok: false, error: errors.get(key) };
    });
  };

  /** Every event this hook has made so far, a running batch's included. */
  const madeSoFar = () => [...made.current.values()].map(({ event }) => event);
  /** The bodies sent and not answered yet: saved or not, nobody knows. */
  const inFlightNow = () => [...inFlight.current.values()];

  return { createAll, progress, madeSoFar, inFlightNow };
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
      holdDelete(target, eventDelete(queryClient, event));
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
