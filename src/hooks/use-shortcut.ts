import { useEffect, useEffectEvent } from 'react';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.closest(
        'input, textarea, select, [role="dialog"], [role="alertdialog"]',
      ) !== null)
  );
}

/**
 * Runs `action` when a single letter `key` is pressed on the page, never
 * while the user types in a field or works in a dialog, and never with a
 * modifier (so browser and screen-reader keys keep working). Announce the
 * key on the control with aria-keyshortcuts and in its title.
 */
export function useShortcut(key: string, action: () => void, enabled = true) {
  const run = useEffectEvent(action);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        // The key's place, not its letter: N is N on a Russian layout too.
        event.code !== `Key${key.toUpperCase()}` ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        event.shiftKey ||
        event.repeat ||
        event.defaultPrevented ||
        isTyping(event.target)
      ) {
        return;
      }
      event.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [key, enabled]);
}
