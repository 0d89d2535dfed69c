import { useRef, useState } from 'react';

import type { Event, EventCreate } from '@/api/generated';

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

/** The entries of an outcome that were made. */
export const madeEvents = (outcome: ImportOutcome): Event[] =>
  outcome.entries.flatMap((entry) => (entry.ok ? [entry.created.event] : []));

/**
 * Sends an import's rows: one batch (useCreateEvents: bounded, reconciled,
 * never two of one row), which Cancel stops and going offline pauses;
 * sending the same rows again goes on with those not made yet. Leaving the
 * page asks first while it runs. Undo takes back all this import made.
 */
export function useImportEvents() {
  const { createAll, progress } = useCreateEvents();
  const removeEvents = useRemoveEvents();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const stopper = useRef<AbortController | null>(null);

  const send = async (bodies: readonly EventCreate[]) => {
    const controller = new AbortController();
    stopper.current = controller;
    const pause = () => controller.abort('offline' satisfies ImportStop);
    window.addEventListener('offline', pause);
    // Offline already: nothing is sent, and Resume waits for the owner.
    if (!navigator.onLine) pause();
    const stopAsking = askBeforeLeaving();
    try {
      const entries = await createAll(bodies, controller.signal);
      if (entries) {
        const { aborted } = controller.signal;
        setOutcome({
          entries,
          stopped: aborted ? (controller.signal.reason as ImportStop) : null,
        });
      }
    } finally {
      stopAsking();
      window.removeEventListener('offline', pause);
      stopper.current = null;
    }
  };

  const cancel = () => stopper.current?.abort('cancelled' satisfies ImportStop);

  const undo = async () => {
    if (!outcome) return;
    const made = madeEvents(outcome);
    setOutcome(null);
    await removeEvents(made);
  };

  return { send, cancel, undo, progress, outcome };
}
