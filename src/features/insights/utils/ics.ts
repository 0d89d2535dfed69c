import type { Event } from '@/api/generated';
import { signedMoney } from '@/lib/format';
import { addDays } from '@/utils/calendar-date';

import { eventAmounts, type AmountKind } from './upcoming';

/** One all-day entry of an iCalendar (RFC 5545) file. */
export type CalendarEntry = {
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  description: string;
  location?: string;
};

const MAX_LINE_OCTETS = 75;

// Calendar apps remind of an all-day event relative to its start, local
// midnight: 15 hours before is 09:00 the day before, in working hours and
// early enough to make a payment (or chase one) by the date.
const REMINDER_TRIGGER = '-PT15H';

/** TEXT value escaping (RFC 5545 §3.3.11); control characters are not allowed. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * A content line folded so that no physical line exceeds 75 octets of
 * UTF-8 (RFC 5545 §3.1), counting the leading space of each continuation,
 * and never inside a character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let size = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const length = utf8Length(char.codePointAt(0) ?? 0);
    if (size + length > limit) {
      parts.push(part);
      part = '';
      size = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    part += char;
    size += length;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

function utcStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}

/** An iCalendar file of all-day entries, each with a reminder. */
export function buildCalendar(
  entries: readonly CalendarEntry[],
  now: Date,
): string {
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//SmartComm//Upcoming payments//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const entry of entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${entry.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(entry.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(entry.date, 1))}`,
      `SUMMARY:${escapeText(entry.summary)}`,
      `DESCRIPTION:${escapeText(entry.description)}`,
      ...(entry.location ? [`LOCATION:${escapeText(entry.location)}`] : []),
      // A reminder, not a meeting: the day stays free in the calendar.
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(entry.summary)}`,
      `TRIGGER:${REMINDER_TRIGGER}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

export type UpcomingCalendarOptions = {
  now: Date;
  /** The property of an event; undefined when it is not known. */
  object: (id: number) => { name: string; address: string } | undefined;
  /** An amount in the user's currency and locale, unsigned. */
  money: (value: number) => string;
  labels: Record<AmountKind, string> & { unknownObject: string };
};

/**
 * The upcoming events as a calendar: "Property — description, +amount" as
 * the title, the amounts with their kind in the notes, the address as the
 * place. UIDs are stable, so importing again updates rather than doubles.
 */
export function upcomingCalendar(
  events: readonly Event[],
  { now, object, money, labels }: UpcomingCalendarOptions,
): string {
  const entries = events.map((event): CalendarEntry => {
    const property = object(event.object_id);
    const name = property?.name ?? labels.unknownObject;
    const amounts = eventAmounts(event).map((amount) => ({
      kind: amount.kind,
      text: signedMoney(amount.value, money),
    }));
    const title = event.description ? `${name} — ${event.description}` : name;
    return {
      uid: `event-${event.id}@smartcomm`,
      date: event.notification_date,
      summary: amounts.length
        ? `${title}, ${amounts.map((amount) => amount.text).join(' / ')}`
        : title,
      description: [
        event.description,
        ...amounts.map((amount) => `${labels[amount.kind]}: ${amount.text}`),
      ]
        .filter(Boolean)
        .join('\n'),
      location: property?.address,
    };
  });
  return buildCalendar(entries, now);
}
