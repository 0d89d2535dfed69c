import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';
import { formatMoney } from '@/lib/format';

import {
  buildCalendar,
  escapeText,
  foldLine,
  upcomingCalendar,
  type CalendarEntry,
} from './ics';

const octets = (text: string) => new TextEncoder().encode(text).length;
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const physicalLines = (text: string) => text.split('\r\n');

/** Property values of an unfolded calendar, by name, in order. */
function values(ics: string, name: string): string[] {
  return unfold(ics)
    .split('\r\n')
    .filter(
      (line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`),
    )
    .map((line) => line.slice(line.indexOf(':') + 1));
}

const NOW = new Date('2026-01-10T08:05:09.123Z');

describe('text escaping', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('one\ntwo\r\nthree\rfour')).toBe(
      'one\\ntwo\\nthree\\nfour',
    );
    // The backslash of an escape is not escaped again.
    expect(escapeText('\\n')).toBe('\\\\n');
  });

  it('drops control characters, which TEXT may not hold, but keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });

  it('leaves colons, quotes and other text alone', () => {
    expect(escapeText('Rent: "March" — аренда 🏠')).toBe(
      'Rent: "March" — аренда 🏠',
    );
  });
});

describe('line folding', () => {
  const samples = {
    ascii: `SUMMARY:${'x'.repeat(300)}`,
    cyrillic: `SUMMARY:${'Квартира на Ленина, аренда за март '.repeat(8)}`,
    emoji: `DESCRIPTION:${'🏠 дом 👨‍👩‍👧 семья ✅ '.repeat(10)}`,
    mixed: `SUMMARY:a${'é'.repeat(40)}${'€'.repeat(40)}${'𝄞'.repeat(40)}`,
  };

  it.each(Object.entries(samples))(
    'keeps every physical line within 75 octets and unfolds to the same text (%s)',
    (_name, line) => {
      const folded = foldLine(line);
      const lines = physicalLines(folded);
      expect(lines.length).toBeGreaterThan(1);
      for (const physical of lines) {
        expect(octets(physical)).toBeLessThanOrEqual(75);
        // No character is cut: each piece is valid text on its own.
        expect(physical).not.toMatch(/[\uD800-\uDFFF]/u);
        expect(physical).not.toContain('\uFFFD');
      }
      lines.slice(1).forEach((physical) => expect(physical[0]).toBe(' '));
      expect(unfold(folded)).toBe(line);
    },
  );

  it('fills lines up to the limit rather than folding early', () => {
    const lines = physicalLines(foldLine('x'.repeat(75 + 74 + 10)));
    expect(lines.map(octets)).toEqual([75, 75, 11]);
  });

  it('moves a character that would straddle the limit to the next line', () => {
    // 74 ASCII octets, then "ж" (2 octets) does not fit in the first line.
    const lines = physicalLines(foldLine(`${'x'.repeat(74)}ж`));
    expect(lines).toEqual(['x'.repeat(74), ' ж']);
  });

  it('does not fold a short line', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
  });
});

const entry = (overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: 'event-7@smartcomm',
  date: '2026-01-31',
  summary: 'Flat 1 — Rent, +45,000 ₽',
  description: 'Rent\nIncome: +45,000 ₽',
  ...overrides,
});

describe('the calendar', () => {
  it('has the header of a published Gregorian calendar and CRLF line ends', () => {
    const ics = buildCalendar([entry()], NOW);
    const lines = physicalLines(ics);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//SmartComm//Upcoming payments//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('makes one all-day event per entry, with a reminder at 9:00 the day before', () => {
    const ics = buildCalendar(
      [entry(), entry({ uid: 'event-8@smartcomm', date: '2026-12-31' })],
      NOW,
    );
    expect(unfold(ics)).toContain(
      [
        'BEGIN:VEVENT',
        'UID:event-7@smartcomm',
        'DTSTAMP:20260110T080509Z',
        'DTSTART;VALUE=DATE:20260131',
        'DTEND;VALUE=DATE:20260201',
        'SUMMARY:Flat 1 — Rent\\, +45\\,000 ₽',
        'DESCRIPTION:Rent\\nIncome: +45\\,000 ₽',
        'TRANSP:TRANSPARENT',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'DESCRIPTION:Flat 1 — Rent\\, +45\\,000 ₽',
        'TRIGGER:-PT15H',
        'END:VALARM',
        'END:VEVENT',
      ].join('\r\n'),
    );
    expect(values(ics, 'UID')).toEqual([
      'event-7@smartcomm',
      'event-8@smartcomm',
    ]);
    // The day after the last of the year is in the next year.
    expect(values(ics, 'DTEND')).toEqual(['20260201', '20270101']);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.match(/END:VEVENT/g)).toHaveLength(2);
  });

  it('folds long Cyrillic and emoji text within 75 octets a line', () => {
    const summary = `Квартира на Ленина 🏠 — ${'оплата коммунальных услуг, '.repeat(5)}`;
    const ics = buildCalendar(
      [entry({ summary, location: 'ул. Ленина; д. 5' })],
      NOW,
    );
    for (const line of physicalLines(ics)) {
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
    expect(values(ics, 'SUMMARY')).toEqual([escapeText(summary)]);
    expect(values(ics, 'LOCATION')).toEqual(['ул. Ленина\\; д. 5']);
  });

  it('is a valid empty calendar without entries', () => {
    expect(buildCalendar([], NOW)).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SmartComm//Upcoming payments//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
    );
  });
});

describe('the upcoming events as a calendar', () => {
  const events: Event[] = [
    {
      id: 12,
      object_id: 1,
      notification_date: '2026-01-15',
      income: 45000,
      expense: 0,
      description: 'Аренда за январь',
    },
    {
      id: 13,
      object_id: 2,
      notification_date: '2026-01-20',
      income: 1000,
      expense: 2500,
      description: '',
    },
    {
      id: 14,
      object_id: 99,
      notification_date: '2026-01-21',
      income: 0,
      expense: 0,
      description: 'Осмотр',
    },
  ];
  const objects = new Map([
    [1, { name: 'Квартира на Ленина', address: 'ул. Ленина, 5' }],
    [2, { name: 'Гараж', address: 'ГСК «Север»' }],
  ]);
  const money = (value: number) =>
    formatMoney(value, { code: 'RUB', symbol: '₽' }, 'ru');

  it('titles each event with its property, description and signed amounts in the locale', () => {
    const ics = upcomingCalendar(events, {
      now: NOW,
      object: (id) => objects.get(id),
      money,
      labels: {
        income: 'Доход',
        expense: 'Расход',
        unknownObject: 'Удалённый объект',
      },
    });
    const rub = (value: number) =>
      formatMoney(value, { code: 'RUB', symbol: '₽' }, 'ru');
    expect(values(ics, 'UID')).toEqual([
      'event-12@smartcomm',
      'event-13@smartcomm',
      'event-14@smartcomm',
    ]);
    expect(values(ics, 'DTSTART')).toEqual([
      '20260115',
      '20260120',
      '20260121',
    ]);
    expect(values(ics, 'SUMMARY')).toEqual([
      escapeText(`Квартира на Ленина — Аренда за январь, +${rub(45000)}`),
      escapeText(`Гараж, +${rub(1000)} / −${rub(2500)}`),
      'Удалённый объект — Осмотр',
    ]);
    expect(values(ics, 'DESCRIPTION').filter((_, i) => i % 2 === 0)).toEqual([
      escapeText(`Аренда за январь\nДоход: +${rub(45000)}`),
      escapeText(`Доход: +${rub(1000)}\nРасход: −${rub(2500)}`),
      'Осмотр',
    ]);
    expect(values(ics, 'LOCATION')).toEqual(['ул. Ленина\\, 5', 'ГСК «Север»']);
    for (const line of physicalLines(ics)) {
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
  });
});
