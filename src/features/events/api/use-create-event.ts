import {
  onlineManager,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { forWantOfNetwork, toApiError } from '@/api/errors';
import { createEvent, type Event, type EventCreate } from '@/api/generated';
import { queueWrite } from '@/lib/outbox';
import { temporaryId } from '@/lib/temporary-id';
import { tellOtherTabs } from '@/ledger/tabs';

import { eventQueries, walkEvents } from './queries';
import {
  applyEventChange,
  holdListFetches,
  sameEntryIds,
  settleEventChange,
} from './ledger-cache';
import { entryIdentity } from '../utils/identity';
import type { EventPages } from '../utils/ledger-pages';

export type CreatedEvent = {
  event: Event;
  /**
   * True when the server's answer was lost and the event it had saved was
   * found afterwards instead of being sent again.
   */
  found: boolean;
  /**
   * True when it waits in the outbox (lib/outbox) for the connection:
   * `event` is shown with its temporary id until it is sent.
   */
  queued: boolean;
};

/** Waits in the outbox; `known`, when a request may have reached the server. */
type Queued = { queued: true; known?: number[] };

/**
 * Creates whose outcome is unknown (timeout, lost connection, an answer
 * that cannot be read): the server may have saved them. Kept with the ids
 * of the events known when the first attempt was made.
 */
const unsettled = new Map<string, ReadonlySet<number>>();

/** A timeout, a lost connection or an unreadable answer: saved or not? */
export function outcomeUnknown(error: unknown): boolean {
  const { kind } = toApiError(error);
  return kind === 'timeout' || kind === 'network' || kind === 'unexpected';
}

function knownEventIds(queryClient: QueryClient): Set<number> {
  const ids = new Set<number>();
  for (const [, data] of queryClient.getQueriesData<EventPages>({
    queryKey: eventQueries.lists(),
  })) {
    for (const page of data?.pages ?? []) {
      for (const event of page.data) ids.add(event.id);
    }
  }
  return ids;
}

/** The event the attempt made, if the server has one nobody knew before. */
export async function findSaved(
  body: EventCreate,
  known: ReadonlySet<number>,
): Promise<Event | undefined> {
  const same: Event[] = [];
  await walkEvents(
    {
      object_id: body.object_id,
      date_from: body.notification_date,
      date_to: body.notification_date,
    },
    AbortSignal.timeout(15_000),
    (events) => {
      for (const event of events) {
        if (
          !known.has(event.id) &&
          entryIdentity(event) === entryIdentity(body)
        ) {
          same.push(event);
        }
      }
    },
  );
  return same.sort((a, b) => b.id - a.id)[0];
}

/**
 * Adds an event. It shows at once where the server will list it (with a
 * temporary id), takes the server's row on success and goes away again on
 * failure. An attempt whose outcome is unknown is reconciled before
 * anything is sent again: the event it would have made is looked for, and
 * adopted if the server has it, so one click never makes two events.
 * Offline, or when the connection goes and the server cannot even be
 * asked, it waits in the outbox (and stays on screen, marked) until it can
 * be sent.
 */
export function useCreateEvent() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (draft: Event): Promise<CreatedEvent | Queued> => {
      const { id: _id, ...body } = draft;
      if (!onlineManager.isOnline()) return { queued: true };
      const key = entryIdentity(body);
      const known = unsettled.get(key) ?? knownEventIds(queryClient);
      if (unsettled.has(key)) {
        const saved = await findSaved(body, known);
        if (saved) {
          unsettled.delete(key);
          return { event: saved, found: true, queued: false };
        }
      }
      try {
        const { data } = await createEvent({ body });
        unsettled.delete(key);
        return { event: data.data, found: false, queued: false };
      } catch (error) {
        if (!outcomeUnknown(error)) throw error;
        unsettled.set(key, known);
        let saved: Event | undefined;
        try {
          saved = await findSaved(body, known);
        } catch (lookError) {
          if (!forWantOfNetwork(lookError)) throw error;
          // No connection to ask with either: it waits in the outbox,
          // which looks for it again before sending anything.
          unsettled.delete(key);
          return { queued: true, known: sameEntryIds(queryClient, [body])[0] };
        }
        if (!saved) throw error;
        unsettled.delete(key);
        return { event: saved, found: true, queued: false };
      }
    },
    onMutate: async (draft) => {
      await holdListFetches(queryClient);
      applyEventChange(queryClient, undefined, draft);
    },
    onSuccess: (created, draft) => {
      if (!('event' in created)) {
        queueWrite({ kind: 'create', draft, known: created.known });
        return;
      }
      applyEventChange(queryClient, draft, created.event);
      tellOtherTabs({ kind: 'event', after: created.event });
    },
    onError: (_error, draft) => {
      applyEventChange(queryClient, draft, undefined);
    },
    // Not awaited: the write is done; totals catch up on their own.
    onSettled: () => {
      void settleEventChange(queryClient);
    },
  });
  const { mutateAsync } = mutation;
  return {
    isPending: mutation.isPending,
    /**
     * Adds `body` (shown meanwhile with `draftId`, or a new temporary id):
     * as the server saved it, or as it waits to be sent.
     */
    mutateAsync: useCallback(
      async (
        body: EventCreate,
        draftId = temporaryId(),
      ): Promise<CreatedEvent> => {
        const draft: Event = { ...body, id: draftId };
        const created = await mutateAsync(draft);
        return 'event' in created
          ? created
          : { event: draft, found: false, queued: true };
      },
      [mutateAsync],
    ),
  };
}
