import Papa from 'papaparse';

import { roleOfHeader } from './columns';
import { DELIMITERS, type Delimiter } from './dialect';
import { looksLikeDate, looksLikeMoney } from './values';

/**
 * A statement's text as a table: its delimiter found, parsed by
 * papaparse (quotes, delimiters and line breaks inside quoted fields),
 * and its header row told apart from a bank's preamble above it.
 */

export type ImportTable = {
  delimiter: Delimiter;
  /** Every record of the file, as parsed. */
  records: string[][];
  /** The index of the header record; null when the file has none. */
  header: number | null;
  /** The columns' titles (from the header, or "1", "2"… without one). */
  headers: string[];
  /** Records whose quotes do not close: their fields ran on. */
  brokenQuotes: ReadonlySet<number>;
};

// Enough records to tell a delimiter and a header from a preamble.
const SNIFFED_RECORDS = 60;
const HEADER_SEARCH = 30;

const isBlank = (record: readonly string[]) =>
  record.every((cell) => cell.trim() === '');

/** How many fields most non-blank records have, and how many have it. */
function commonWidth(records: readonly string[][]) {
  const counts = new Map<number, number>();
  for (const record of records) {
    if (isBlank(record)) continue;
    counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
  }
  let width = 0;
  let count = 0;
  for (const [length, seen] of counts) {
    if (seen > count || (seen === count && length > width)) {
      width = length;
      count = seen;
    }
  }
  return { width, count };
}

/**
 * The delimiter under which the most of the first records agree on a
 * width of two or more fields (a preamble of a few odd lines is outvoted).
 */
export function findDelimiter(text: string): Delimiter {
  let best: Delimiter = DELIMITERS[0];
  let bestCount = -1;
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(text, {
      delimiter,
      preview: SNIFFED_RECORDS,
    });
    const { width, count } = commonWidth(data);
    const score = width > 1 ? count : 0;
    if (score > bestCount) {
      best = delimiter;
      bestCount = score;
    }
  }
  return best;
}

/**
 * The header: the first record (among the first 30) that names two of
 * the columns in words we know and holds no date (a data record's
 * description and property may hold such words); else a first record of
 * text only over a record with a date or an amount; else none.
 */
export function findHeader(records: readonly string[][]): number | null {
  const firstRecords = records.slice(0, HEADER_SEARCH);
  const named = firstRecords.findIndex(
    (record) =>
      !record.some(looksLikeDate) &&
      record.filter((cell) => roleOfHeader(cell) !== null).length >= 2,
  );
  if (named !== -1) return named;
  const first = firstRecords.findIndex((record) => !isBlank(record));
  const next = records.slice(first + 1).find((record) => !isBlank(record));
  const cells = (records[first] ?? []).filter((cell) => cell.trim());
  const isValue = (cell: string) => looksLikeDate(cell) || looksLikeMoney(cell);
  const titled =
    cells.length >= 2 && !cells.some(isValue) && next?.some(isValue) === true;
  return titled ? first : null;
}

/** The file's table under the given or the found delimiter. */
export function readTable(text: string, delimiter?: Delimiter): ImportTable {
  const chosen = delimiter ?? findDelimiter(text);
  const { data, errors } = Papa.parse<string[]>(text, { delimiter: chosen });
  const records = data;
  const header = findHeader(records);
  const { width } = commonWidth(records);
  const titles = header === null ? [] : (records[header] ?? []);
  const headers = Array.from(
    { length: Math.max(width, titles.length) },
    (_, index) => {
      const title = titles[index]?.trim() ?? '';
      return title === '' ? String(index + 1) : title;
    },
  );
  const brokenQuotes = new Set(
    errors.flatMap((error) =>
      error.type === 'Quotes' && error.row !== undefined ? [error.row] : [],
    ),
  );
  return { delimiter: chosen, records, header, headers, brokenQuotes };
}
