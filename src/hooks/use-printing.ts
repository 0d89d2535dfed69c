import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed: true before the browser lays it out
 * for paper (`beforeprint`, or the print media query turning on, as print
 * emulation does), rendered at once so that what only paper shows is there.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Not every environment has media queries (Vitest's DOM has none).
    const media =
      typeof window.matchMedia === 'function'
        ? window.matchMedia('print')
        : undefined;
    const set = (value: boolean) => flushSync(() => setPrinting(value));
    const start = () => set(true);
    const end = () => set(false);
    const onMedia = (event: MediaQueryListEvent) => set(event.matches);
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    media?.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
      media?.removeEventListener('change', onMedia);
    };
  }, []);
  return printing;
}
