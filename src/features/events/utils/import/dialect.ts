/**
 * How a statement file is written: the encodings it is read in and the
 * delimiters its fields are split on. Kept apart from the parser, so the
 * dialog's choices load without it.
 */

export const ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1251',
  'windows-1252',
] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const DELIMITERS = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
