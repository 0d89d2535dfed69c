import {
  onlineManager,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';

import { forWantOfNetwork, toApiError } from '@/api/errors';
import {
  getEvent,
  updateEvent,
  type Event,
  type EventUpdate,
} from '@/api/generated';
import { checkForConflict, conflictCurrent } from '@/lib/edit-conflicts';
import { queueWrite } from '@/lib/outbox';
import { tellOtherTabs } from '@/ledger/tabs';

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
  /** The owner has just settled a conflict: `event` is as it is now. */
  settled?: boolean;
};

/** As the server saved it, or (null) waiting in the outbox. */
type Updated = Event | null;

/**
 * Edits an event: the row changes (and moves, if its date did) at once and
 * changes back if the server refuses. The event is read first: when
 * someone else changed a field of this edit meanwhile, it throws an
 * EditConflict and the row shows the event as it is now. Offline, or when
 * the connection goes on the way, the edit waits in the outbox (sending it
 * again is harmless: the read before it finds it made).
 */
export function useUpdateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      event,
      patch,
      settled,
    }: UpdateEventInput): Promise<Updated> => {
      if (!onlineManager.isOnline()) return null;
      try {
        if (!settled) {
          const { data } = await getEvent({ path: { id: event.id } });
          checkForConflict(event, data.data, patch);
        }
        const { data } = await updateEvent({
          path: { id: event.id },
          body: patch,
        });
        return data.data;
      } catch (error) {
        // No connection: nothing is lost by sending it again later.
        if (forWantOfNetwork(error)) return null;
        throw error;
      }
    },
    onMutate: async ({ event, patch }) => {
      await holdListFetches(queryClient);
      const edited: Event = { ...event, ...patch };
      applyEventChange(queryClient, event, edited);
      return { edited };
    },
    onSuccess: (saved, { event }, context) => {
      if (!saved) {
        queueWrite({ kind: 'update', before: event, after: context.edited });
        return;
      }
      applyEventChange(queryClient, context.edited, saved);
      tellOtherTabs({ kind: 'event', before: event, after: saved });
    },
    onError: (error, { event }, context) => {
      if (!context) return;
      // Deleted elsewhere: the row goes rather than coming back; changed
      // elsewhere: it shows the event as it is now.
      const gone = toApiError(error).status === 404;
      const now = conflictCurrent<Event>(error) ?? event;
      applyEventChange(queryClient, context.edited, gone ? undefined : now);
    },
    // Not awaited: the write is done; totals catch up on their own.
    onSettled: () => {
      void settleEventChange(queryClient);
    },
  });
}
