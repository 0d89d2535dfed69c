import { useTranslation } from '@/lib/i18n';
import type { PropertyObject } from '@/api/generated';
import { ConfirmDialog } from '@/components/ui/dialog';

import { useDeleteObject } from '../api/delete-object';

type DeletePropertyDialogProps = {
  /** The property to confirm; the dialog is closed without one. */
  property: PropertyObject | null;
  /** How many events go with it, when known. */
  eventCount: number | undefined;
  onClose: () => void;
  /** Right after the user confirmed: the property is hidden, Undo is offered. */
  onHidden?: () => void;
  /** Once the server has deleted it (and its events). */
  onDeleted?: (property: PropertyObject) => void;
};

/**
 * Asks before deleting, then hides the property and offers Undo; DELETE is
 * sent only when the Undo window closes.
 */
export function DeletePropertyDialog({
  property,
  eventCount,
  onClose,
  onHidden,
  onDeleted,
}: DeletePropertyDialogProps) {
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
      open={property !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={property ? t('delete.title', { name: property.name }) : ''}
      description={
        <>
          {events} {t('delete.undoHint')}
        </>
      }
      confirmLabel={t('delete.confirm')}
      onConfirm={() => {
        if (property) confirm(property);
      }}
    />
  );
}
