import { useTranslation } from 'react-i18next';

import type { PropertyObject } from '@/api/generated';
import { ConfirmDialog } from '@/components/ui/dialog';
import { showToast } from '@/components/ui/toaster';

import { UNDO_WINDOW_MS, useDeleteObject } from '../api/delete-object';

type DeleteObjectDialogProps = {
  /** The object to confirm; the dialog is closed without one. */
  object: PropertyObject | null;
  /** How many events go with it, when known. */
  eventCount: number | undefined;
  onClose: () => void;
  /** Right after the user confirmed: the object is hidden, Undo is offered. */
  onHidden?: () => void;
  /** Once the server has deleted it (and its events). */
  onDeleted?: (object: PropertyObject) => void;
};

/**
 * Asks before deleting, then hides the object and offers Undo; DELETE is
 * sent only when the Undo window closes.
 */
export function DeleteObjectDialog({
  object,
  eventCount,
  onClose,
  onHidden,
  onDeleted,
}: DeleteObjectDialogProps) {
  const { t } = useTranslation(['objects', 'common']);
  const remove = useDeleteObject();

  const confirm = (target: PropertyObject) => {
    const name = target.name;
    remove.hide(target.id);
    onHidden?.();
    showToast({
      title: t('delete.done', { name }),
      duration: UNDO_WINDOW_MS,
      action: {
        label: t('common:actions.undo'),
        onClick: () => remove.undo(target.id),
      },
      onExpire: () => {
        remove.commit(target.id).then(
          (sent) => {
            if (sent) onDeleted?.(target);
          },
          () =>
            showToast({ title: t('delete.failed', { name }), tone: 'error' }),
        );
      },
    });
  };

  const events =
    eventCount === undefined
      ? t('delete.bodyUnknown')
      : eventCount === 0
        ? t('delete.bodyNone')
        : t('delete.body', { count: eventCount });

  return (
    <ConfirmDialog
      open={object !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={object ? t('delete.title', { name: object.name }) : ''}
      description={
        <>
          {events} {t('delete.undoHint')}
        </>
      }
      confirmLabel={t('delete.confirm')}
      onConfirm={() => {
        if (object) confirm(object);
      }}
    />
  );
}
