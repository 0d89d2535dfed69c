import { useEffect } from 'react';

/** Text as a CSS string: quotes and backslashes escaped, line breaks as spaces. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]+/g, ' ')}"`;
}

/**
 * Heads every printed page after the first: the owner's name on the left,
 * the period on the right. The `@page` margin boxes in `index.css` read
 * them from custom properties of the root (Chromium draws margin boxes;
 * Firefox and Safari do not). The first page carries both in its own flow.
 */
export function usePrintHeading(
  slot: 'owner' | 'period',
  text: string | undefined,
) {
  useEffect(() => {
    if (!text) return;
    const { style } = document.documentElement;
    const name = `--print-${slot}`;
    style.setProperty(name, cssString(text));
    return () => {
      style.removeProperty(name);
    };
  }, [slot, text]);
}
