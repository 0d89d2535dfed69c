import { describe, expect, it } from 'vitest';

import {
  createReaderCore,
  type FileSummary,
  type OpenOptions,
} from './reader-core';
import { checkRows, nameKey, type ImportRow } from './rows';
import { localeDecimal, preferredDateFormats } from './values';

// Whole files, as banks and spreadsheets write them, read end to end: bytes
// in, transactions out. The bytes are built by hand below.

const CP1251: Record<string, number> = {
  ё: 0xb8,
  Ё: 0xa8,
  '№': 0xb9,
  '\u00a0': 0xa0,
  '–': 0x96,
};

function windows1251(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(Array.from(text), (char) => {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const byte = CP1251[char];
    if (byte === undefined) throw new Error(`No windows-1251 byte for ${char}`);
    return byte;
  });
}

function utf16(
  text: string,
  order: 'le' | 'be',
  bom: boolean,
): Uint8Array<ArrayBuffer> {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i += 1) {
    const unit = units.charCodeAt(i);
    const [low, high] = [unit & 0xff, unit >> 8];
    bytes[2 * i] = order === 'le' ? low : high;
    bytes[2 * i + 1] = order === 'le' ? high : low;
  }
  return bytes;
}

const utf8 = (text: string, bom = false) =>
  new Uint8Array([
    ...(bom ? [0xef, 0xbb, 0xbf] : []),
    ...new TextEncoder().encode(text),
  ]);

const lines = (...records: string[]) => records.join('\r\n');

const locale = (tag: string) => ({
  dateFormats: preferredDateFormats(tag),
  decimal: localeDecimal(tag),
});

/** Opens the bytes and reads them as the reader guessed, in `tag`'s locale. */
async function importFile(
  bytes: Uint8Array<ArrayBuffer>,
  tag = 'ru',
  options: OpenOptions = {},
) {
  const reader = createReaderCore();
  const summary = await reader.open(new Blob([bytes]), options);
  const result = reader.read(
    { ...summary.guess, dateFormat: null, decimal: null },
    locale(tag),
  );
  return { reader, summary, ...result };
}

/** What a row says, without the fields a test does not look at. */
const brief = ({
  date,
  description,
  income,
  expense,
  problems,
}: ImportRow) => ({
  date,
  description,
  income,
  expense,
  problems,
});

const NBSP = '\u00a0';

describe('a Russian bank statement in windows-1251', () => {
  const text = lines(
    'Выписка по счёту № 40817810099910004312',
    'Период: 01.03.2025 – 31.03.2025',
    'Владелец: Иванова Алёна Сергеевна',
    'Дата операции;Категория;Описание;Сумма;Объект',
    `01.03.2025;Поступления;Перевод от Петрова П.;+65${NBSP}000,00;Квартира на Ленина`,
    '14.03.2025 14:33;ЖКХ;"Оплата ЖКУ; лицевой счёт № 1234',
    'за февраль";-12 000,00;Квартира на Ленина',
    `28.03.2025;Ремонт;Сантехник, замена смесителя;-4${NBSP}500,50;Дом на Звёздной`,
    `Итого;;;48${NBSP}499,50;`,
    '',
  );

  it('is found to be windows-1251 with ";", its header under the preamble', async () => {
    const { summary } = await importFile(windows1251(text));
    expect(summary).toEqual<FileSummary>({
      encoding: 'windows-1251',
      delimiter: ';',
      header: 4,
      headers: ['Дата операции', 'Категория', 'Описание', 'Сумма', 'Объект'],
      sample: [
        [
          '01.03.2025',
          'Поступления',
          'Перевод от Петрова П.',
          `+65${NBSP}000,00`,
          'Квартира на Ленина',
        ],
        [
          '14.03.2025 14:33',
          'ЖКХ',
          'Оплата ЖКУ; лицевой счёт № 1234\r\nза февраль',
          '-12 000,00',
          'Квартира на Ленина',
        ],
        [
          '28.03.2025',
          'Ремонт',
          'Сантехник, замена смесителя',
          `-4${NBSP}500,50`,
          'Дом на Звёздной',
        ],
      ],
      guess: {
        columns: {
          date: 0,
          description: 2,
          amount: 3,
          income: null,
          expense: null,
          property: 4,
        },
        amounts: 'signed',
      },
    });
  });

  it('reads its transactions, and its "Итого" footer as a row without a date', async () => {
    const { rows, dateFormat, dateFormats, decimal } = await importFile(
      windows1251(text),
    );
    expect({ dateFormat, dateFormats, decimal }).toEqual({
      dateFormat: 'dmy',
      dateFormats: ['dmy'],
      decimal: 'comma',
    });
    expect(rows).toEqual<ImportRow[]>([
      {
        record: 5,
        date: '2025-03-01',
        description: 'Перевод от Петрова П.',
        income: 65000,
        expense: 0,
        property: 'Квартира на Ленина',
        problems: [],
        rounded: false,
      },
      {
        record: 6,
        date: '2025-03-14',
        description: 'Оплата ЖКУ; лицевой счёт № 1234 за февраль',
        income: 0,
        expense: 12000,
        property: 'Квартира на Ленина',
        problems: [],
        rounded: false,
      },
      {
        record: 7,
        date: '2025-03-28',
        description: 'Сантехник, замена смесителя',
        income: 0,
        expense: 4501,
        property: 'Дом на Звёздной',
        problems: [],
        rounded: true,
      },
      {
        record: 8,
        date: null,
        description: '',
        income: 48500,
        expense: 0,
        property: '',
        problems: ['date'],
        rounded: true,
      },
    ]);
  });

  it('becomes events of the owner’s properties, the footer left out', async () => {
    const { rows } = await importFile(windows1251(text));
    const checked = checkRows(
      rows,
      {
        kind: 'column',
        byName: new Map([
          [nameKey('Квартира на Ленина'), 7],
          [nameKey('Дом на Звездной'), 8],
        ]),
        chosen: new Map(),
      },
      [],
    );
    expect(checked.map((row) => row.status)).toEqual([
      'ready',
      'ready',
      'ready',
      'problem',
    ]);
    expect(checked[3]?.problems).toEqual(['date', 'property']);
    expect(checked[2]?.body).toStrictEqual({
      object_id: 8,
      notification_date: '2025-03-28',
      income: 0,
      expense: 4501,
      description: 'Сантехник, замена смесителя',
    });
  });

  it('reads as mojibake, with no header, when the owner says it is UTF-8', async () => {
    const { summary } = await importFile(windows1251(text), 'ru', {
      encoding: 'utf-8',
    });
    expect(summary.encoding).toBe('utf-8');
    expect(summary.header).toBeNull();
    expect(summary.sample[0]?.[0]).toMatch(/^\ufffd+ /);
  });
});

describe('Excel "CSV UTF-8" with a BOM, income and expense apart', () => {
  const text = lines(
    'Дата;Описание;Приход;Расход;Объект',
    '03.03.2025;Аренда за март;45 000;;Квартира на Ленина',
    '15.03.2025;Ремонт крана;;-3 200;Квартира на Ленина',
    '20.03.2025;Налог на имущество;;1 500,00;Дом на Звёздной',
    '31.03.2025;Залог за апрель;20 000,00;;Дом на Звёздной',
    '',
  );

  it('has its BOM dropped and its columns named by the header', async () => {
    const { summary } = await importFile(utf8(text, true));
    expect(summary.encoding).toBe('utf-8');
    expect(summary.delimiter).toBe(';');
    expect(summary.header).toBe(1);
    // No BOM stuck to the first title.
    expect(summary.headers[0]).toBe('Дата');
    expect(summary.guess).toEqual({
      columns: {
        date: 0,
        description: 1,
        amount: null,
        income: 2,
        expense: 3,
        property: 4,
      },
      amounts: 'split',
    });
  });

  it('reads a minus in the expense column as an expense', async () => {
    const { rows, decimal } = await importFile(utf8(text, true));
    expect(decimal).toBe('comma');
    expect(rows.map(brief)).toEqual([
      {
        date: '2025-03-03',
        description: 'Аренда за март',
        income: 45000,
        expense: 0,
        problems: [],
      },
      {
        date: '2025-03-15',
        description: 'Ремонт крана',
        income: 0,
        expense: 3200,
        problems: [],
      },
      {
        date: '2025-03-20',
        description: 'Налог на имущество',
        income: 0,
        expense: 1500,
        problems: [],
      },
      {
        date: '2025-03-31',
        description: 'Залог за апрель',
        income: 20000,
        expense: 0,
        problems: [],
      },
    ]);
    expect(rows.map((row) => row.property)).toEqual([
      'Квартира на Ленина',
      'Квартира на Ленина',
      'Дом на Звёздной',
      'Дом на Звёздной',
    ]);
  });
});

// Excel's "Unicode text": UTF-16 LE with a BOM, tabs, fields unquoted.
const unicodeText = lines(
  'Дата\tОписание\tСумма\tОбъект',
  '02.03.2025\tАренда, март\t45000\tКвартира 12',
  '17.03.2025\tВода\t-850,5\tКвартира 12',
  '25.03.2025\tЭлектричество\t-1 234,00\tКвартира 12',
  '',
);
const unicodeRows = [
  {
    date: '2025-03-02',
    description: 'Аренда, март',
    income: 45000,
    expense: 0,
    problems: [],
  },
  {
    date: '2025-03-17',
    description: 'Вода',
    income: 0,
    expense: 851,
    problems: [],
  },
  {
    date: '2025-03-25',
    description: 'Электричество',
    income: 0,
    expense: 1234,
    problems: [],
  },
];

describe('Excel "Unicode text": UTF-16 LE with a BOM, tab-delimited', () => {
  it('is read with its tabs and its comma decimals', async () => {
    const { summary, rows } = await importFile(utf16(unicodeText, 'le', true));
    expect(summary.encoding).toBe('utf-16le');
    expect(summary.delimiter).toBe('\t');
    expect(summary.headers).toEqual(['Дата', 'Описание', 'Сумма', 'Объект']);
    expect(rows.map(brief)).toEqual(unicodeRows);
    expect(rows[1]?.rounded).toBe(true);
  });
});

describe('UTF-16 without a BOM', () => {
  it('is told by the zero bytes of its ASCII, little-endian', async () => {
    const { summary, rows } = await importFile(utf16(unicodeText, 'le', false));
    expect(summary.encoding).toBe('utf-16le');
    expect(summary.headers[0]).toBe('Дата');
    expect(rows.map(brief)).toEqual(unicodeRows);
  });

  it('and big-endian', async () => {
    const { summary, rows } = await importFile(utf16(unicodeText, 'be', false));
    expect(summary.encoding).toBe('utf-16be');
    expect(rows.map(brief)).toEqual(unicodeRows);
  });
});

describe('an English export: ",", MM/DD/YYYY, brackets for negatives', () => {
  const text = lines(
    'Date,Description,Amount,Property',
    '03/14/2025,"Rent, March ""Unit 4B""","1,234.50",Maple Street',
    '03/02/2025,Plumber,(45.00),Maple Street',
    '03/28/2025,"Paint, brushes",-120.75,Oak Avenue',
    '04/01/2025,Deposit returned,"(1,000.00)",Oak Avenue',
    '',
  );
  const expected = [
    {
      date: '2025-03-14',
      description: 'Rent, March "Unit 4B"',
      income: 1235,
      expense: 0,
      problems: [],
    },
    {
      date: '2025-03-02',
      description: 'Plumber',
      income: 0,
      expense: 45,
      problems: [],
    },
    {
      date: '2025-03-28',
      description: 'Paint, brushes',
      income: 0,
      expense: 121,
      problems: [],
    },
    {
      date: '2025-04-01',
      description: 'Deposit returned',
      income: 0,
      expense: 1000,
      problems: [],
    },
  ];

  it('is read month first and point decimal, in English', async () => {
    const { summary, rows, dateFormats, decimal } = await importFile(
      utf8(text),
      'en-US',
    );
    expect(summary.delimiter).toBe(',');
    expect(summary.guess.columns).toEqual({
      date: 0,
      description: 1,
      amount: 2,
      income: null,
      expense: null,
      property: 3,
    });
    expect(dateFormats).toEqual(['mdy']);
    expect(decimal).toBe('point');
    expect(rows.map(brief)).toEqual(expected);
  });

  it('is read the same in a Russian locale: the file’s evidence wins', async () => {
    const { rows, dateFormats, decimal } = await importFile(utf8(text), 'ru');
    // 03/14 and 03/28 have no 14th or 28th month.
    expect(dateFormats).toEqual(['mdy']);
    expect(decimal).toBe('point');
    expect(rows.map(brief)).toEqual(expected);
  });
});

describe('ISO dates, "," and a "$" sign', () => {
  it('is read year first', async () => {
    const text = lines(
      'Date,Payee,Amount',
      '2025-03-04,Hardware store,-$89.99',
      '2025-03-05,Tenant rent,"$1,500.00"',
      '2025-03-31,Bank fee,$-5',
      '',
    );
    const { summary, rows, dateFormats } = await importFile(utf8(text), 'ru');
    expect(summary.guess.columns).toMatchObject({
      date: 0,
      description: 1,
      amount: 2,
    });
    expect(dateFormats).toEqual(['ymd']);
    expect(rows.map(brief)).toEqual([
      {
        date: '2025-03-04',
        description: 'Hardware store',
        income: 0,
        expense: 90,
        problems: [],
      },
      {
        date: '2025-03-05',
        description: 'Tenant rent',
        income: 1500,
        expense: 0,
        problems: [],
      },
      {
        date: '2025-03-31',
        description: 'Bank fee',
        income: 0,
        expense: 5,
        problems: [],
      },
    ]);
  });
});

describe('a file whose every day is 12 or less', () => {
  const text = lines(
    'Дата;Описание;Сумма',
    '03/04/2025;Аренда;30000',
    '05/06/2025;Вода;-700',
    '11/12/2025;Свет;-1200',
    '',
  );

  it('is read in the locale’s order, the other offered', async () => {
    const russian = await importFile(utf8(text), 'ru');
    expect(russian.dateFormats).toEqual(['dmy', 'mdy']);
    expect(russian.dateFormat).toBe('dmy');
    expect(russian.rows.map((row) => row.date)).toEqual([
      '2025-04-03',
      '2025-06-05',
      '2025-12-11',
    ]);

    const american = await importFile(utf8(text), 'en-US');
    expect(american.dateFormats).toEqual(['mdy', 'dmy']);
    expect(american.dateFormat).toBe('mdy');
    expect(american.rows.map((row) => row.date)).toEqual([
      '2025-03-04',
      '2025-05-06',
      '2025-11-12',
    ]);
  });

  it('is read again in the order the owner picks, from the same open file', async () => {
    const { reader, summary } = await importFile(utf8(text), 'ru');
    const again = reader.read(
      { ...summary.guess, dateFormat: 'mdy', decimal: null },
      locale('ru'),
    );
    expect(again.dateFormat).toBe('mdy');
    expect(again.rows.map((row) => row.date)).toEqual([
      '2025-03-04',
      '2025-05-06',
      '2025-11-12',
    ]);
  });
});

describe('a file without a header', () => {
  it('has its columns guessed from the cells and its first line read as data', async () => {
    const text = lines(
      '05.03.2025;Аренда за март;45000,00',
      '07.03.2025;Ремонт крана;-3500,00',
      '18.03.2025;Вода;-850,50',
      '',
    );
    const { summary, rows } = await importFile(utf8(text), 'ru');
    expect(summary.header).toBeNull();
    expect(summary.headers).toEqual(['1', '2', '3']);
    expect(summary.sample[0]).toEqual([
      '05.03.2025',
      'Аренда за март',
      '45000,00',
    ]);
    expect(summary.guess).toEqual({
      columns: {
        date: 0,
        description: 1,
        amount: 2,
        income: null,
        expense: null,
        property: null,
      },
      amounts: 'signed',
    });
    expect(rows.map((row) => row.record)).toEqual([1, 2, 3]);
    expect(rows.map(brief)).toEqual([
      {
        date: '2025-03-05',
        description: 'Аренда за март',
        income: 45000,
        expense: 0,
        problems: [],
      },
      {
        date: '2025-03-07',
        description: 'Ремонт крана',
        income: 0,
        expense: 3500,
        problems: [],
      },
      {
        date: '2025-03-18',
        description: 'Вода',
        income: 0,
        expense: 851,
        problems: [],
      },
    ]);
  });

  it('keeps its first line when that line holds words a header could', async () => {
    const text = lines(
      '05.03.2025;Пополнение счёта;Квартира 5;45000',
      '07.03.2025;Ремонт крана;Квартира 5;-3500',
      '',
    );
    const { summary, rows } = await importFile(utf8(text), 'ru');
    expect(summary.header).toBeNull();
    expect(summary.headers).toEqual(['1', '2', '3', '4']);
    expect(rows.map(brief)).toEqual([
      {
        date: '2025-03-05',
        description: 'Пополнение счёта',
        income: 45000,
        expense: 0,
        problems: [],
      },
      {
        date: '2025-03-07',
        description: 'Ремонт крана',
        income: 0,
        expense: 3500,
        problems: [],
      },
    ]);
  });
});

describe('the reader', () => {
  it('refuses to read before a file is open', () => {
    expect(() =>
      createReaderCore().read(
        {
          columns: {
            date: 0,
            description: 1,
            amount: 2,
            income: null,
            expense: null,
            property: null,
          },
          amounts: 'signed',
          dateFormat: null,
          decimal: null,
        },
        locale('ru'),
      ),
    ).toThrow('No file is open');
  });

  it('uses the delimiter it is told', async () => {
    const text = lines('Дата;Описание;Сумма', '05.03.2025;Аренда;45000');
    const { summary } = await importFile(utf8(text), 'ru', { delimiter: ',' });
    expect(summary.delimiter).toBe(',');
    expect(summary.header).toBeNull();
    expect(summary.sample).toEqual([
      ['Дата;Описание;Сумма'],
      ['05.03.2025;Аренда;45000'],
    ]);
  });

  it('reads the file opened last', async () => {
    const reader = createReaderCore();
    await reader.open(new Blob([utf8('Дата;Сумма\r\n05.03.2025;100')]), {});
    const summary = await reader.open(
      new Blob([utf8('Date,Amount\r\n2025-03-06,200')]),
      {},
    );
    const { rows } = reader.read(
      { ...summary.guess, dateFormat: null, decimal: null },
      locale('ru'),
    );
    expect(rows.map(brief)).toEqual([
      {
        date: '2025-03-06',
        description: '',
        income: 200,
        expense: 0,
        problems: [],
      },
    ]);
  });
});
