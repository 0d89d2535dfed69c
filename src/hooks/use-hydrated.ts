import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/**
 * False while React takes over a page prerendered at build time (hydration
 * renders as the build did), true from the render after it and in every
 * page React rendered itself.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
