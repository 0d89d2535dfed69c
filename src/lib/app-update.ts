import { useSyncExternalStore } from 'react';

/** Reloads into the new release once it is installed and waiting. */
let reloadIntoUpdate: (() => void) | null = null;
const listeners = new Set<() => void>();

/**
 * Registers the service worker of the production build (vite.config.ts,
 * `installable`): from then on the app opens offline. When a new release
 * has been installed beside the running one, `useAppUpdate` offers it; the
 * running page goes on with its own files until the owner reloads.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  const update = registerSW({
    onNeedRefresh: () => {
      // The new worker takes over, and the page reloads under it.
      reloadIntoUpdate = () => void update();
      for (const listener of listeners) listener();
    },
  });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** A way to reload into a new release, once one is waiting; else null. */
export function useAppUpdate(): (() => void) | null {
  return useSyncExternalStore(
    subscribe,
    () => reloadIntoUpdate,
    () => null,
  );
}
