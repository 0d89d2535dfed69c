import { useMutation, useQueryClient } from '@tanstack/react-query';

import { toApiError } from '@/api/errors';
import { deleteEvent, type Event } from '@/api/generated';

import {
  applyEventChange,
  holdListFetches,
  settleEventChange,
} from './ledger-cache';

/** Deletes an event: the row goes at once and comes back if the server refuses. */
export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (event: Event) => {
      try {
        await deleteEvent({ path: { id: event.id } });
      } catch (error) {
        // Deleted elsewhere already: what the user wanted has happened.
        if (toApiError(error).status !== 404) throw error;
      }
    },
    onMutate: async (event) => {
      await holdListFetches(queryClient);
      applyEventChange(queryClient, event, undefined);
    },
    onError: (_error, event) => {
      applyEventChange(queryClient, undefined, event);
    },
    // Not awaited: the write is done; totals catch up on their own.
    onSettled: () => {
      void settleEventChange(queryClient);
    },
  });
}
