import type { Encoding } from './dialect';

/**
 * A file's bytes as text: UTF-8 with or without a BOM (what Excel and most
 * apps write), UTF-16 (Excel's "Unicode text"), or windows-1251 (what
 * Russian banks and 1C export); the owner may say otherwise.
 */

// Bytes looked at to tell UTF-16 without a BOM: ASCII text in it has a
// zero in every other byte.
const SNIFFED_BYTES = 4096;

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const length = Math.min(bytes.length, SNIFFED_BYTES) & ~1;
  if (length < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  const half = length / 2;
  if (odd > half * 0.3 && even < half * 0.05) return 'utf-16le';
  if (even > half * 0.3 && odd < half * 0.05) return 'utf-16be';
  return null;
}

/** The encoding the bytes are most likely in. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  const utf16 = utf16Order(bytes);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // Not UTF-8: a single-byte code page, Cyrillic by far the likeliest.
    return 'windows-1251';
  }
}

/** The bytes as text in `encoding`, without a BOM. */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding): string {
  // TextDecoder drops a BOM of its own encoding.
  return new TextDecoder(encoding).decode(bytes);
}
