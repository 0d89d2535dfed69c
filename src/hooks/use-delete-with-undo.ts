import { useTranslation } from '@/lib/i18n';
import { useErrorText } from '@/components/errors/use-error-text';
import { showToast } from '@/components/ui/toaster';
import { runBatch } from '@/utils/batch';
import {
  holdDelete,
  sendDelete,
  undoDelete,
  UNDO_WINDOW_MS,
  type DeleteTarget,
  type PendingDelete,
} from '@/lib/pending-deletes';

export type DeleteWithUndo = PendingDelete & {
  target: DeleteTarget;
  /** The toast's words: what was deleted, and what failed. */
  done: string;
  failed: string;
};

/** Several records deleted together: one toast, one Undo for all of them. */
export type DeleteAllWithUndo = {
  entries: readonly (PendingDelete & { target: DeleteTarget })[];
  /** The toast's words: what was deleted. */
  done: string;
  /** The words when `count` of `total` could not be deleted (and are back). */
  failed: (count: number, total: number) => string;
  /** DELETEs in flight at once when the window closes. */
  concurrency: number;
  /** Once every DELETE sent has been answered (not after Undo). */
  settled?: () => void;
};

function asList(input: DeleteWithUndo | DeleteAllWithUndo): DeleteAllWithUndo {
  if ('entries' in input) return input;
  const { done, failed, ...entry } = input;
  return { entries: [entry], done, failed: () => failed, concurrency: 1 };
}

/**
 * Every delete goes this way (lib/pending-deletes): the records are hidden
 * at once, a toast offers Undo for the window, and the DELETEs are sent
 * when the toast goes, `concurrency` at a time; a refusal brings the record
 * back and says why. One record or a set of them: a set has one toast and
 * one Undo, and one error toast for whatever the server refused.
 */
export function useDeleteWithUndo(): (
  input: DeleteWithUndo | DeleteAllWithUndo,
) => void {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (input) => {
    const { entries, done, failed, concurrency, settled } = asList(input);
    const targets = entries.map(({ target, ...entry }) => {
      holdDelete(target, entry);
      return target;
    });
    const sendAll = async () => {
      const outcomes = await runBatch(targets, sendDelete, { concurrency });
      settled?.();
      const refused = outcomes.flatMap((outcome) =>
        outcome.ok ? [] : [outcome.error],
      );
      if (refused.length === 0) return;
      showToast({
        tone: 'error',
        title: failed(refused.length, targets.length),
        description: errorText(refused[0]),
      });
    };
    showToast({
      title: done,
      duration: UNDO_WINDOW_MS,
      action: {
        label: t('actions.undo'),
        onClick: () => targets.forEach(undoDelete),
      },
      onExpire: () => void sendAll(),
    });
  };
}
