import { useTranslation } from 'react-i18next';

import type { PropertyObject } from '@/api/generated';
import { ConfirmDialog } from '@/components/ui/dialog';

import { useDeleteObject } from '../api/delete-object';

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
    remove(
      target,
      {
        done: t('delete.done', { name }),
        failed: t('delete.failed', { name }),
      },
      onDeleted,
    );
    onHidden?.();
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
