/**
 * A short, stable hash of a text (FNV-1a, 32 bits, as hex): to recognise
 * the same text again without keeping it. Not for secrets.
 */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
