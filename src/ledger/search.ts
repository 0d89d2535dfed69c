import type { Event } from '@/api/generated';

/**
 * Search over the index: a text as a search compares it, with no case and
 * no accents (é as e, ё as е), Cyrillic and Latin alike. Each event's
 * folded description is made once, as its month arrives (./shards.ts),
 * so a keystroke over a hundred thousand events only compares.
 */
const MARKS = /\p{M}/gu;

export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** A typed search as it is compared: trimmed and folded. */
export function foldQuery(query: string): string {
  return fold(query.trim());
}

const folded = new WeakMap<Event, string>();

/** The event's description, folded; made once per event. */
export function searchKey(event: Event): string {
  let key = folded.get(event);
  if (key === undefined) {
    key = fold(event.description);
    folded.set(event, key);
  }
  return key;
}

/**
 * Where the folded `query` is in `text`, as a range of the original, to
 * mark it; null when it is not there. Folded one character at a time, so
 * each folded character knows where it came from.
 */
export function matchIn(
  text: string,
  query: string,
): { start: number; end: number } | null {
  if (!query) return null;
  let chars = '';
  const origin: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = fold(char);
    chars += piece;
    origin.push(...Array<number>(piece.length).fill(at));
    at += char.length;
  }
  origin.push(at);
  const found = chars.indexOf(query);
  if (found === -1) return null;
  return {
    start: origin[found] ?? 0,
    end: origin[found + query.length] ?? at,
  };
}
