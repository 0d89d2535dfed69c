import type { QueryClient } from '@tanstack/react-query';

import type { Event } from '@/api/generated';
import { getSessionOwner } from '@/api/auth-session';
import { tabChannel } from '@/utils/tab-channel';

import { applyToIndex, dropObjectEvents } from './changes';

/**
 * What the server confirmed in one tab, told to the other tabs of this
 * browser so their index shows it at once: an event saved or deleted (as
 * it was and as it is now), or a property deleted with its events. Only
 * the same owner's tabs take it in.
 */
type Change =
  | { kind: 'event'; before?: Event | undefined; after?: Event | undefined }
  | { kind: 'object-deleted'; id: number };
type Message = Change & { owner: number | null };

const CHANNEL = 'smartcomm.ledger';
const channel = tabChannel(CHANNEL);

export function tellOtherTabs(change: Change): void {
  const owner = getSessionOwner();
  if (owner !== null) channel?.postMessage({ ...change, owner });
}

/**
 * Takes in what other tabs confirmed; `changed` hears of each (for caches
 * outside the index). Returns the way to stop.
 */
export function listenToOtherTabs(
  client: QueryClient,
  changed: () => void,
): () => void {
  const onMessage = ({ data }: MessageEvent<Message>) => {
    if (data.owner === null || data.owner !== getSessionOwner()) return;
    if (data.kind === 'event') applyToIndex(client, data.before, data.after);
    else dropObjectEvents(client, data.id);
    changed();
  };
  channel?.addEventListener('message', onMessage);
  return () => channel?.removeEventListener('message', onMessage);
}
