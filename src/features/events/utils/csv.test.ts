import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';
import { parseCsv } from '@/testing/parse-csv';
import { csvDelimiter, toCsv } from '@/utils/csv';

import { eventsToCsv, exportFileName, type EventCsvHeaders } from './csv';

const headers: EventCsvHeaders = {
  date: 'Date',
  object: 'Property',
  description: 'Description',
  income: 'Income',
  expense: 'Expense',
};

const event = (overrides: Partial<Event>): Event => ({
  id: 1,
  object_id: 1,
  notification_date: '2026-01-15',
  income: 0,
  expense: 0,
  description: '',
  ...overrides,
});

describe('CSV export', () => {
  it('starts with a BOM and ends each record with CRLF', () => {
    const text = toCsv(
      [
        ['a', 'b'],
        ['c', 1],
      ],
      ',',
    );
    expect(text).toBe('\uFEFFa,b\r\nc,1\r\n');
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
  });

  it('quotes the delimiter, quotes and line breaks, and nothing else', () => {
    const cells = [
      'plain',
      'a,b',
      'a;b',
      'say "hi"',
      'two\nlines',
      'cr\ronly',
      'crlf\r\nend',
    ];
    expect(toCsv([cells], ',')).toBe(
      '\uFEFFplain,"a,b",a;b,"say ""hi""","two\nlines","cr\ronly","crlf\r\nend"\r\n',
    );
    expect(toCsv([cells], ';')).toBe(
      '\uFEFFplain;a,b;"a;b";"say ""hi""";"two\nlines";"cr\ronly";"crlf\r\nend"\r\n',
    );
    for (const delimiter of [',', ';'] as const) {
      expect(parseCsv(toCsv([cells], delimiter), delimiter)).toEqual([cells]);
    }
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])(
    'neutralises a text cell starting with %j',
    (start) => {
      const formula = `${start}HYPERLINK("http://evil.example","click")`;
      const [record] = parseCsv(toCsv([[formula, 'ok']], ','), ',');
      expect(record).toEqual([`'${formula}`, 'ok']);
    },
  );

  it('leaves number cells as numbers, even negative ones', () => {
    expect(toCsv([[-5, 0, 1234567, '-5']], ';')).toBe(
      "\uFEFF-5;0;1234567;'-5\r\n",
    );
  });

  it('writes events with ISO dates, plain whole amounts and property names', () => {
    const text = eventsToCsv(
      [
        event({
          id: 7,
          object_id: 2,
          notification_date: '2025-12-31',
          income: 1234567,
          description: 'Rent; "December"\npaid =late',
        }),
        event({ id: 8, object_id: 9, expense: 300, description: '-fee' }),
      ],
      {
        headers,
        objectName: (id) => (id === 2 ? 'Flat, Main St' : 'Deleted property'),
        delimiter: ';',
      },
    );
    expect(parseCsv(text, ';')).toEqual([
      ['Date', 'Property', 'Description', 'Income', 'Expense'],
      [
        '2025-12-31',
        'Flat, Main St',
        'Rent; "December"\npaid =late',
        '1234567',
        '0',
      ],
      ['2026-01-15', 'Deleted property', "'-fee", '0', '300'],
    ]);
    expect(text).toContain(';1234567;0\r\n');
  });

  it('keeps Cyrillic, emoji, combining marks and right-to-left text intact', () => {
    const texts = [
      'Квартира на Профсоюзной',
      'Ремонт 🛠️ крыши 👨‍👩‍👧',
      'e\u0301te\u0301',
      'שכר דירה',
      'إيجار شهري',
    ];
    const text = eventsToCsv(
      texts.map((description, id) => event({ id, description })),
      {
        headers: {
          date: 'Дата',
          object: 'Объект',
          description: 'Описание',
          income: 'Доход',
          expense: 'Расход',
        },
        objectName: () => 'Дом',
        delimiter: ';',
      },
    );
    const records = parseCsv(text, ';');
    expect(records[0]).toEqual([
      'Дата',
      'Объект',
      'Описание',
      'Доход',
      'Расход',
    ]);
    expect(records.slice(1).map((record) => record[2])).toEqual(texts);
    const bytes = new TextEncoder().encode(text);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      text,
    );
  });

  it('writes a header alone when there are no events', () => {
    const text = eventsToCsv([], {
      headers,
      objectName: () => '',
      delimiter: ',',
    });
    expect(text).toBe('\uFEFFDate,Property,Description,Income,Expense\r\n');
  });

  it('separates with what Excel expects in the locale', () => {
    expect(csvDelimiter('ru')).toBe(';');
    expect(csvDelimiter('de-DE')).toBe(';');
    expect(csvDelimiter('en')).toBe(',');
    expect(csvDelimiter('en-GB')).toBe(',');
    expect(csvDelimiter('ja')).toBe(',');
  });
});

describe('export file name', () => {
  it('names the period, or all time', () => {
    expect(
      exportFileName({ date_from: '2026-01-01', date_to: '2026-12-31' }),
    ).toBe('smartcomm-events-2026-01-01–2026-12-31.csv');
    expect(exportFileName({})).toBe('smartcomm-events-all-time.csv');
    expect(exportFileName({ date_from: '2026-01-01' })).toBe(
      'smartcomm-events-from-2026-01-01.csv',
    );
    expect(exportFileName({ date_to: '2026-12-31' })).toBe(
      'smartcomm-events-until-2026-12-31.csv',
    );
  });

  it('adds the property’s name with safe characters only', () => {
    expect(
      exportFileName(
        { object_id: 3, date_from: '2025-12-01', date_to: '2026-01-31' },
        { id: 3, name: 'Квартира на Профсоюзной, 12/3' },
      ),
    ).toBe(
      'smartcomm-events-квартира-на-профсоюзной-12-3-2025-12-01–2026-01-31.csv',
    );
    expect(
      exportFileName(
        {},
        { id: 4, name: '../../etc/passwd\u202Egpj.exe <script>' },
      ),
    ).toBe('smartcomm-events-etc-passwd-gpj-exe-script-all-time.csv');
    expect(exportFileName({}, { id: 5, name: '🏠 !!!' })).toBe(
      'smartcomm-events-property-5-all-time.csv',
    );
    const long = exportFileName({}, { id: 6, name: 'Дом '.repeat(30) });
    expect(long).toMatch(/^smartcomm-events-(дом-){9}дом-all-time\.csv$/);
  });
});
