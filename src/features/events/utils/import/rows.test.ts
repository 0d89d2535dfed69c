import { describe, expect, it } from 'vitest';

import type { EventCreate } from '@/api/generated';

import { NO_COLUMNS, type ColumnMap } from './columns';
import {
  checkRows,
  nameHash,
  nameKey,
  readRows,
  type ImportRow,
  type PropertyChoice,
  type ReadSettings,
} from './rows';
import { readTable } from './table';
import { localeDecimal, preferredDateFormats } from './values';

const lines = (...records: string[]) => records.join('\r\n');

const locale = (tag: string) => ({
  dateFormats: preferredDateFormats(tag),
  decimal: localeDecimal(tag),
});
const ru = locale('ru');
const en = locale('en-US');

const settings = (
  columns: Partial<ColumnMap>,
  more: Partial<ReadSettings> = {},
): ReadSettings => ({
  columns: { ...NO_COLUMNS, ...columns },
  amounts: 'signed',
  dateFormat: null,
  decimal: null,
  ...more,
});
const signed = settings({ date: 0, description: 1, amount: 2 });

/** Rows of a "Дата;Описание;Сумма" file with these records below its header. */
const read = (records: string[], how: ReadSettings = signed, where = ru) =>
  readRows(readTable(lines('Дата;Описание;Сумма', ...records)), how, where);

const money = ({ income, expense, rounded, problems }: ImportRow) => ({
  income,
  expense,
  rounded,
  problems,
});

describe('readRows: amounts', () => {
  it('rounds half away from zero and says so', () => {
    const { rows } = read([
      '05.03.2025;Половина;12,50',
      '06.03.2025;Минус половина;-12,50',
      '07.03.2025;Меньше половины;0,49',
      '08.03.2025;Целое;1 000,00',
    ]);
    expect(rows.map(money)).toEqual([
      { income: 13, expense: 0, rounded: true, problems: [] },
      { income: 0, expense: 13, rounded: true, problems: [] },
      // Rounded to nothing: neither income nor expense.
      { income: 0, expense: 0, rounded: true, problems: ['amount'] },
      { income: 1000, expense: 0, rounded: false, problems: [] },
    ]);
  });

  it('refuses an empty amount and one that is not a number', () => {
    const { rows } = read([
      '05.03.2025;Пусто;',
      '06.03.2025;Словами;двенадцать',
      '07.03.2025;Ноль;0,00',
    ]);
    expect(rows.map(money)).toEqual([
      { income: 0, expense: 0, rounded: false, problems: ['amount'] },
      { income: 0, expense: 0, rounded: false, problems: ['amount'] },
      { income: 0, expense: 0, rounded: false, problems: ['amount'] },
    ]);
  });

  it('refuses amounts above 999 999 999 999', () => {
    const { rows } = read([
      '05.03.2025;Предел;999 999 999 999',
      '06.03.2025;Больше;1 000 000 000 000',
      '07.03.2025;Расход больше;-1 000 000 000 000',
    ]);
    expect(rows.map(money)).toEqual([
      { income: 999_999_999_999, expense: 0, rounded: false, problems: [] },
      {
        income: 1_000_000_000_000,
        expense: 0,
        rounded: false,
        problems: ['too-large'],
      },
      {
        income: 0,
        expense: 1_000_000_000_000,
        rounded: false,
        problems: ['too-large'],
      },
    ]);
  });

  it('reads separate income and expense columns, a minus in the expense being an expense', () => {
    const table = readTable(
      lines(
        'Дата;Описание;Приход;Расход',
        '05.03.2025;Аренда;45 000,00;',
        '06.03.2025;Ремонт;;-3 200,00',
        '07.03.2025;Налог;;1 500,50',
        '08.03.2025;Ничего;;',
        '09.03.2025;Ошибка;;много',
        '10.03.2025;Слишком;1 000 000 000 000;',
      ),
    );
    const split = settings(
      { date: 0, description: 1, income: 2, expense: 3 },
      { amounts: 'split' },
    );
    expect(readRows(table, split, ru).rows.map(money)).toEqual([
      { income: 45000, expense: 0, rounded: false, problems: [] },
      { income: 0, expense: 3200, rounded: false, problems: [] },
      { income: 0, expense: 1501, rounded: true, problems: [] },
      { income: 0, expense: 0, rounded: false, problems: ['amount'] },
      { income: 0, expense: 0, rounded: false, problems: ['amount'] },
      {
        income: 1_000_000_000_000,
        expense: 0,
        rounded: false,
        problems: ['too-large'],
      },
    ]);
  });

  it('takes the decimal the amounts show, else the one it is told, else the locale’s', () => {
    const evidence = read(['05.03.2025;Аренда;1 234,50'], signed, en);
    expect(evidence.decimal).toBe('comma');
    expect(evidence.rows[0]?.income).toBe(1235);

    // "1,234" says nothing: the locale decides.
    expect(read(['05.03.2025;Аренда;1,234'], signed, en).rows[0]?.income).toBe(
      1234,
    );
    const russian = read(['05.03.2025;Аренда;1,234'], signed, ru);
    expect(russian.decimal).toBe('comma');
    expect(russian.rows[0]).toMatchObject({ income: 1, rounded: true });

    const told = read(
      ['05.03.2025;Аренда;1,234'],
      { ...signed, decimal: 'point' },
      ru,
    );
    expect(told.decimal).toBe('point');
    expect(told.rows[0]?.income).toBe(1234);
  });
});

describe('readRows: dates', () => {
  it('reads dates with a time and two-digit years, and refuses dates the calendar lacks', () => {
    const { rows, dateFormat, dateFormats } = read([
      '14.03.2025 14:33;Со временем;100',
      '05.03.25;Короткий год;100',
      '31.02.2025;Нет такого дня;100',
      ';Без даты;100',
    ]);
    expect(dateFormat).toBe('dmy');
    expect(dateFormats).toEqual(['dmy']);
    expect(rows.map(({ date, problems }) => ({ date, problems }))).toEqual([
      { date: '2025-03-14', problems: [] },
      { date: '2025-03-05', problems: [] },
      { date: null, problems: ['date'] },
      { date: null, problems: ['date'] },
    ]);
  });

  it('reads an ambiguous file in the locale’s order unless told otherwise', () => {
    const records = ['03/04/2025;Аренда;100', '05/06/2025;Вода;-10'];
    const russian = read(records, signed, ru);
    expect(russian.dateFormats).toEqual(['dmy', 'mdy']);
    expect(russian.dateFormat).toBe('dmy');
    expect(russian.rows.map((row) => row.date)).toEqual([
      '2025-04-03',
      '2025-06-05',
    ]);

    const american = read(records, signed, en);
    expect(american.dateFormats).toEqual(['mdy', 'dmy']);
    expect(american.rows.map((row) => row.date)).toEqual([
      '2025-03-04',
      '2025-05-06',
    ]);

    const told = read(records, { ...signed, dateFormat: 'mdy' }, ru);
    expect(told.dateFormat).toBe('mdy');
    expect(told.dateFormats).toEqual(['dmy', 'mdy']);
    expect(told.rows[0]?.date).toBe('2025-03-04');
  });

  it('gives every row a date problem when no column is the date', () => {
    const result = read(
      ['05.03.2025;Аренда;100'],
      settings({ description: 1, amount: 2 }),
    );
    expect(result.dateFormat).toBeNull();
    expect(result.dateFormats).toEqual([]);
    expect(result.rows[0]?.problems).toEqual(['date']);
  });
});

describe('readRows: records and text', () => {
  it('numbers records as the file does, skipping the preamble, the header and blank records', () => {
    const table = readTable(
      lines(
        'Выписка по счёту № 40817810099910004312',
        'Период: 01.03.2025 – 31.03.2025',
        'Дата;Описание;Сумма;Объект',
        '05.03.2025;"Оплата ЖКУ,',
        'за  февраль";-4 500,00; Квартира на Ленина ',
        '',
        '06.03.2025;Аренда;45 000,00;Дом на Звёздной',
        '07.03.2025;"Ремонт;-100;Дом на Звёздной',
      ),
    );
    const { rows } = readRows(
      table,
      settings({ date: 0, description: 1, amount: 2, property: 3 }),
      ru,
    );
    expect(rows.map((row) => row.record)).toEqual([4, 6, 7]);
    expect(rows[0]).toEqual({
      record: 4,
      date: '2025-03-05',
      description: 'Оплата ЖКУ, за февраль',
      income: 0,
      expense: 4500,
      property: 'Квартира на Ленина',
      problems: [],
      rounded: false,
    });
    expect(rows[1]?.property).toBe('Дом на Звёздной');
    // The quote that never closes swallowed the rest of the file.
    expect(rows[2]?.problems).toEqual(['quotes', 'amount']);
  });

  it('refuses a description over 1000 characters, counted after spaces are collapsed', () => {
    const { rows } = read([
      `05.03.2025;${'а'.repeat(1000)};100`,
      `06.03.2025;${'б'.repeat(1001)};100`,
      `07.03.2025;${'в'.repeat(600)}      ${'г'.repeat(399)};100`,
    ]);
    expect(rows.map((row) => row.problems)).toEqual([
      [],
      ['description-long'],
      [],
    ]);
    expect(rows[2]?.description).toHaveLength(1000);
    expect(rows[1]?.description).toHaveLength(1001);
  });
});

const row = (fields: Partial<ImportRow> = {}): ImportRow => ({
  record: 2,
  date: '2025-03-05',
  description: 'Аренда за март',
  income: 45000,
  expense: 0,
  property: 'Квартира на Ленина',
  problems: [],
  rounded: false,
  ...fields,
});

const lenina: EventCreate = {
  object_id: 7,
  notification_date: '2025-03-05',
  income: 45000,
  expense: 0,
  description: 'Аренда за март',
};

const one = (objectId: number | null): PropertyChoice => ({
  kind: 'one',
  objectId,
});

const byColumn = (chosen: [string, number][] = []): PropertyChoice => ({
  kind: 'column',
  byName: new Map([
    [nameKey('Квартира на Ленина'), 7],
    [nameKey('Дом на Звёздной'), 8],
    [nameKey('Café Lumière'), 9],
  ]),
  chosen: new Map(chosen.map(([name, id]) => [nameHash(name), id])),
});

describe('checkRows', () => {
  it('sends exactly the five fields of an event', () => {
    const [checked] = checkRows([row({ rounded: true })], one(7), []);
    expect(checked?.status).toBe('ready');
    expect(checked?.body).toStrictEqual(lenina);
    expect(Object.keys(checked?.body ?? {}).sort()).toEqual([
      'description',
      'expense',
      'income',
      'notification_date',
      'object_id',
    ]);
  });

  it('finds the property by name without case, accents or spaces around it', () => {
    const checked = checkRows(
      [
        row({ property: '  КВАРТИРА НА ЛЕНИНА ' }),
        row({ property: 'дом на звездной', record: 3 }),
        row({ property: 'CAFE LUMIERE', record: 4 }),
      ],
      byColumn(),
      [],
    );
    expect(checked.map((r) => [r.status, r.body?.object_id])).toEqual([
      ['ready', 7],
      ['ready', 8],
      ['ready', 9],
    ]);
  });

  it('gives an unknown name the property problem unless the owner chose one for it', () => {
    const rows = [row({ property: 'Склад' }), row({ property: '', record: 3 })];
    const unknown = checkRows(rows, byColumn(), []);
    expect(unknown.map((r) => [r.status, r.problems, r.body])).toEqual([
      ['problem', ['property'], null],
      ['problem', ['property'], null],
    ]);

    const chosen = checkRows(rows, byColumn([['склад', 11]]), []);
    expect(chosen.map((r) => [r.status, r.body?.object_id])).toEqual([
      ['ready', 11],
      ['problem', undefined],
    ]);
  });

  it('gives the property problem when one property is still to be chosen', () => {
    const [checked] = checkRows([row()], one(null), []);
    expect(checked).toMatchObject({
      status: 'problem',
      problems: ['property'],
      body: null,
    });
  });

  it('keeps the problems of the reading, and sends nothing for them', () => {
    const [checked] = checkRows(
      [row({ date: null, problems: ['date'], property: 'Склад' })],
      byColumn(),
      [],
    );
    expect(checked).toMatchObject({
      status: 'problem',
      problems: ['date', 'property'],
      body: null,
    });
  });

  it('marks a row the ledger holds as in-ledger, and the second equal row of the file as repeated', () => {
    const checked = checkRows(
      [
        row(),
        row({ record: 3, description: 'Вода', income: 0, expense: 700 }),
        row({ record: 4, description: 'Вода', income: 0, expense: 700 }),
        row({ record: 5, description: 'Вода', income: 0, expense: 700 }),
        // The same, but for another property: another entry.
        row({ record: 6, property: 'Дом на Звёздной' }),
      ],
      byColumn(),
      [lenina],
    );
    expect(checked.map((r) => r.status)).toEqual([
      'in-ledger',
      'ready',
      'repeated',
      'repeated',
      'ready',
    ]);
    // What is in the ledger or repeated is still what would be sent.
    expect(checked[0]?.body).toStrictEqual(lenina);
  });

  it('adds nothing when a file with two equal rows is imported again', () => {
    const rows = [row(), row({ record: 3 })];
    const first = checkRows(rows, one(7), []);
    expect(first.map((r) => r.status)).toEqual(['ready', 'repeated']);

    const ledger = first.flatMap((r) => (r.body ? [r.body] : []));
    expect(ledger).toHaveLength(2);
    const again = checkRows(rows, one(7), ledger);
    expect(again.map((r) => r.status)).toEqual(['in-ledger', 'in-ledger']);

    // Only one of them was imported: the other is still offered.
    const half = checkRows(rows, one(7), [lenina]);
    expect(half.map((r) => r.status)).toEqual(['in-ledger', 'repeated']);
  });

  it('tells entries apart by date, amount and description', () => {
    const checked = checkRows(
      [
        row({ date: '2025-03-06' }),
        row({ income: 45001 }),
        row({ description: 'Аренда за апрель' }),
        row({ income: 0, expense: 45000 }),
      ],
      one(7),
      [lenina],
    );
    expect(checked.map((r) => r.status)).toEqual([
      'ready',
      'ready',
      'ready',
      'ready',
    ]);
  });
});
