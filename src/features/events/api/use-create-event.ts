import { useMutation, useQueryClient } from '@tanstack/react-query';

import { createEvent, type Event, type EventCreate } from '@/api/generated';

import {
  applyEventChange,
  holdListFetches,
  settleEventChange,
} from './ledger-cache';

let lastDraftId = 0;

/**
 * Adds an event. It shows at once where the server will list it (with a
 * temporary negative id), takes the server's row on success and goes away
 * again on failure.
 */
export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: EventCreate) => {
      const { data } = await createEvent({ body });
      return data.data;
    },
    onMutate: async (body) => {
      await holdListFetches(queryClient);
      const draft: Event = { ...body, id: (lastDraftId -= 1) };
      applyEventChange(queryClient, undefined, draft);
      return { draft };
    },
    onSuccess: (event, _body, context) => {
      applyEventChange(queryClient, context.draft, event);
    },
    onError: (_error, _body, context) => {
      if (context) applyEventChange(queryClient, context.draft, undefined);
    },
    // Not awaited: the write is done; totals catch up on their own.
    onSettled: () => {
      void settleEventChange(queryClient);
    },
  });
}
