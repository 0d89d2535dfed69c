/**
 * A channel to this app's other tabs in this browser, or null where there
 * are none: a browser without BroadcastChannel, or the build prerendering
 * pages in Node (where an open channel would keep the build from exiting).
 */
export function tabChannel(name: string): BroadcastChannel | null {
  return typeof window === 'undefined' ||
    typeof BroadcastChannel === 'undefined'
    ? null
    : new BroadcastChannel(name);
}
