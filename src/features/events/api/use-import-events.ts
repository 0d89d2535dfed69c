import { useRef, useState } from 'react';

import type { Event, EventCreate } from '@/api/generated';
import { hashText } from '@/utils/hash';

import { entryIdentity } from '../utils/identity';
import { keepRun } from '../utils/import/runs';
import { askBeforeLeaving } from './use-bulk-events';
import {
  useCreateEvents,
  useRemoveEvents,
  type BatchEntry,
} from './use-create-events';

/** Why an import stopped before every row was sent. */
export type ImportStop = 'cancelled' | 'offline';

export type ImportOutcome = {
  entries: BatchEntry[];
  /** Set when the run was stopped: its unsent rows failed with this. */
  stopped: ImportStop | null;
};

/**
 * Whose import of which file (utils/import/runs.ts), what it made before
 * the page was last left, and the highest id the ledger held over the
 * file's dates when this run began.
 */
export type ImportRun = {
  owner: number;
  file: string;
  before: readonly Event[];
  floor: number;
};

/** The entries of an outcome that were made. */
export const madeEvents = (outcome: ImportOutcome): Event[] =>
  outcome.entries.flatMap((entry) => (entry.ok ? [entry.created.event] : []));

/**
 * Sends an import's rows: one batch (useCreateEvents: bounded, reconciled,
 * never two of one row), which Stop stops and going offline pauses;
 * sending the same rows again goes on with those not made yet. Leaving the
 * page asks first while it runs, and what it made is kept for this tab
 * when the page goes (or the run ends short), so that choosing the file
 * again after a reload carries on and its Undo takes back all of it.
 */
export function useImportEvents() {
  const { createAll, progress, madeSoFar, inFlightNow } = useCreateEvents();
  const removeEvents = useRemoveEvents();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const stopper = useRef<AbortController | null>(null);

  const send = async (bodies: readonly EventCreate[], run: ImportRun) => {
    const controller = new AbortController();
    stopper.current = controller;
    const pause = () => controller.abort('offline' satisfies ImportStop);
    const keep = () =>
      keepRun(run.owner, run.file, {
        made: [...run.before, ...madeSoFar()].map((event) => event.id),
        unsure: inFlightNow().map((body) => hashText(entryIdentity(body))),
        floor: run.floor,
      });
    window.addEventListener('offline', pause);
    window.addEventListener('pagehide', keep);
    // Offline already: nothing is sent, and Resume waits for the owner.
    if (!navigator.onLine) pause();
    const stopAsking = askBeforeLeaving();
    try {
      const entries = await createAll(bodies, { signal: controller.signal });
      if (entries) {
        const { aborted } = controller.signal;
        setOutcome({
          entries,
          stopped: aborted ? (controller.signal.reason as ImportStop) : null,
        });
        // Done: nothing to carry on with after a reload.
        if (entries.every((entry) => entry.ok)) {
          keepRun(run.owner, run.file, null);
        } else keep();
      }
    } finally {
      stopAsking();
      window.removeEventListener('pagehide', keep);
      window.removeEventListener('offline', pause);
      stopper.current = null;
    }
  };

  const cancel = () => stopper.current?.abort('cancelled' satisfies ImportStop);

  /** Takes back what this import made, before a reload too. */
  const undo = async (run: ImportRun) => {
    const made = new Map(
      [...run.before, ...(outcome ? madeEvents(outcome) : [])].map((event) => [
        event.id,
        event,
      ]),
    );
    setOutcome(null);
    keepRun(run.owner, run.file, null);
    await removeEvents([...made.values()]);
  };

  return { send, cancel, undo, progress, outcome };
}
