import type { Event } from '@/api/generated';

import type { EventFilters } from '../api/queries';

export type CsvCell = string | number;
export type CsvDelimiter = ',' | ';';

/** The columns' titles, in the UI language. */
export type EventCsvHeaders = {
  date: string;
  object: string;
  description: string;
  income: string;
  expense: string;
};

// Excel reads a file as UTF-8 (Cyrillic and all) only when it starts so.
const BOM = '\uFEFF';
const CRLF = '\r\n';
// What a spreadsheet may run as a formula (OWASP's CSV injection list).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The field separator Excel expects in a locale: where numbers are written
 * with a decimal comma (ru, de, fr…) it splits on `;`, elsewhere on `,`.
 */
export function csvDelimiter(locale: string): CsvDelimiter {
  const decimal = new Intl.NumberFormat(locale)
    .formatToParts(1.5)
    .find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

function encodeCell(cell: CsvCell, delimiter: CsvDelimiter): string {
  // Numbers are written as they are: `-5` stays a number, not a formula.
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return text.includes(delimiter) || /["\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * RFC 4180 text (CRLF line ends, quoted where needed) with a BOM; text
 * cells that a spreadsheet would run as a formula start with `'`.
 */
export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  delimiter: CsvDelimiter,
): string {
  let text = BOM;
  for (const row of rows) {
    text += row.map((cell) => encodeCell(cell, delimiter)).join(delimiter);
    text += CRLF;
  }
  return text;
}

/** Events as a spreadsheet: ISO dates, whole amounts, the property's name. */
export function eventsToCsv(
  events: readonly Event[],
  {
    headers,
    objectName,
    delimiter,
  }: {
    headers: EventCsvHeaders;
    objectName: (id: number) => string;
    delimiter: CsvDelimiter;
  },
): string {
  const rows: CsvCell[][] = [
    [
      headers.date,
      headers.object,
      headers.description,
      headers.income,
      headers.expense,
    ],
  ];
  for (const event of events) {
    rows.push([
      event.notification_date,
      objectName(event.object_id),
      event.description,
      event.income,
      event.expense,
    ]);
  }
  return toCsv(rows, delimiter);
}

const SLUG_LENGTH = 40;

/** Letters and digits of any script joined by `-`: nothing a file system or a shell minds. */
function slug(name: string): string {
  const text = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+/u, '');
  return Array.from(text).slice(0, SLUG_LENGTH).join('').replace(/-+$/, '');
}

/**
 * `smartcomm-events-2026-01-01–2026-12-31.csv`, `…-all-time.csv`, with the
 * property's name when the export is of one property.
 */
export function exportFileName(
  filters: EventFilters,
  object?: { id: number; name: string },
): string {
  const { date_from: from, date_to: to } = filters;
  const period =
    from && to
      ? `${from}–${to}`
      : from
        ? `from-${from}`
        : to
          ? `until-${to}`
          : 'all-time';
  const parts = ['smartcomm-events'];
  if (object) parts.push(slug(object.name) || `property-${object.id}`);
  parts.push(period);
  return `${parts.join('-')}.csv`;
}
