import type { Event } from '@/api/generated';
import { toCsv, type CsvCell, type CsvDelimiter } from '@/utils/csv';

import type { EventFilters } from '../api/queries';

/** The columns' titles, in the UI language. */
export type EventCsvHeaders = {
  date: string;
  object: string;
  description: string;
  income: string;
  expense: string;
};

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
