import { useQueryClient } from '@tanstack/react-query';

import { useTranslation } from '@/lib/i18n';
import type { Event } from '@/api/generated';
import { useDeleteWithUndo } from '@/hooks/use-delete-with-undo';
import { deleteTarget } from '@/lib/pending-deletes';

import {
  applyEventChange,
  holdListFetches,
  settleEventChange,
} from './ledger-cache';
import { eventDelete } from './outbox-sender';

/**
 * Deletes an event with Undo: the row and its share of the totals go at
 * once (pages that load meanwhile leave it out), Undo puts the same event
 * back, and the DELETE is sent when the Undo window closes (offline, it
 * waits in the outbox).
 */
export function useDeleteEvent(): (event: Event) => Promise<void> {
  const queryClient = useQueryClient();
  const { t } = useTranslation('events');
  const deleteWithUndo = useDeleteWithUndo();
  return async (event) => {
    await holdListFetches(queryClient);
    applyEventChange(queryClient, event, undefined);
    const { deleted, ...held } = eventDelete(queryClient, event);
    deleteWithUndo({
      target: deleteTarget('event', event.id),
      done: t('toasts.deleted'),
      failed: t('toasts.deleteFailed'),
      ...held,
      deleted: () => {
        deleted?.();
        void settleEventChange(queryClient);
      },
    });
  };
}
