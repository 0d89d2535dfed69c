import { useMutation, useQueryClient } from '@tanstack/react-query';

import { toApiError } from '@/api/errors';
import { updateEvent, type Event, type EventUpdate } from '@/api/generated';

import {
  applyEventChange,
  holdListFetches,
  settleEventChange,
} from './ledger-cache';

export type UpdateEventInput = {
  /** The event as shown when editing began. */
  event: Event;
  /** Only the fields that changed. */
  patch: EventUpdate;
};

/**
 * Edits an event: the row changes (and moves, if its date did) at once and
 * changes back if the server refuses.
 */
export function useUpdateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ event, patch }: UpdateEventInput) => {
      const { data } = await updateEvent({
        path: { id: event.id },
        body: patch,
      });
      return data.data;
    },
    onMutate: async ({ event, patch }) => {
      await holdListFetches(queryClient);
      const edited: Event = { ...event, ...patch };
      applyEventChange(queryClient, event, edited);
      return { edited };
    },
    onSuccess: (saved, _input, context) => {
      applyEventChange(queryClient, context.edited, saved);
    },
    onError: (error, { event }, context) => {
      if (!context) return;
      // Deleted elsewhere: the row goes rather than coming back.
      const gone = toApiError(error).status === 404;
      applyEventChange(queryClient, context.edited, gone ? undefined : event);
    },
    // Not awaited: the write is done; totals catch up on their own.
    onSettled: () => {
      void settleEventChange(queryClient);
    },
  });
}
