import { useTranslation } from '@/lib/i18n';
import type { Event } from '@/api/generated';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useFormat } from '@/lib/locale-settings';

import { useDeleteEvent } from '../api/use-delete-event';

/**
 * Asks before deleting `event` (its date, property and amount named); a
 * confirmed delete hides it at once and is sent when its Undo has passed.
 */
export function DeleteEventConfirm({
  event,
  objectName,
  onClose,
}: {
  event: Event | null;
  objectName: (id: number) => string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const signed = format.signedMoney;
  const remove = useDeleteEvent();
  return (
    <ConfirmDialog
      open={event !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('delete.title')}
      description={
        event &&
        t('delete.body', {
          date: format.date(event.notification_date),
          object: objectName(event.object_id) ?? '',
          amount: signed(event.income - event.expense),
        })
      }
      confirmLabel={t('common:actions.delete')}
      confirmRemovesOpener
      onConfirm={() => {
        if (!event) return;
        onClose();
        void remove(event);
      }}
    />
  );
}
