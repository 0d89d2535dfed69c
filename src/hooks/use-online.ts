import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/**
 * Whether the app is online as its reads see it: React Query pauses them on
 * the browser's offline event and resumes them on its online event. Not
 * `navigator.onLine` as such, which is false on a machine whose only network
 * is loopback although a same-origin API answers there.
 */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => onlineManager.subscribe(listener),
    () => onlineManager.isOnline(),
    () => true,
  );
}
