import { useTranslation } from 'react-i18next';

import { useErrorText } from '@/components/errors/use-error-text';
import { showToast } from '@/components/ui/toaster';
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

/**
 * Every delete goes this way (lib/pending-deletes): the record is hidden at
 * once, a toast offers Undo for the window, and the DELETE is sent when the
 * toast goes; a refusal brings the record back and says why.
 */
export function useDeleteWithUndo(): (input: DeleteWithUndo) => void {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return ({ target, done, failed, ...entry }) => {
    holdDelete(target, entry);
    showToast({
      title: done,
      duration: UNDO_WINDOW_MS,
      action: { label: t('actions.undo'), onClick: () => undoDelete(target) },
      onExpire: () => {
        sendDelete(target).catch((error: unknown) =>
          showToast({
            tone: 'error',
            title: failed,
            description: errorText(error),
          }),
        );
      },
    });
  };
}
