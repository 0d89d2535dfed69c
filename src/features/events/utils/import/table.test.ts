import { describe, expect, it } from 'vitest';

import { findDelimiter, findHeader, readTable } from './table';

const lines = (...records: string[]) => records.join('\r\n');

const bankStatement = lines(
  'Выписка по счёту № 40817810099910004312',
  'Период: 01.03.2025 – 31.03.2025',
  'Валюта счёта: RUB',
  'Дата операции;Категория;Описание;Сумма;Объект',
  '01.03.2025;Поступления;Перевод от Петрова П.;+65 000,00;Квартира на Ленина',
  '14.03.2025 14:33;ЖКХ;"Оплата ЖКУ; лицевой счёт 1234',
  'за февраль";-12 000,00;Квартира на Ленина',
  '28.03.2025;Ремонт;Сантехник;-4 500,50;Дом на Звёздной',
  'Итого;;;48 499,50;',
  '',
);

const englishExport = lines(
  'Date,Description,Amount,Property',
  '03/14/2025,"Rent, March ""Unit 4B""","1,234.50",Maple Street',
  '03/02/2025,Plumber,(45.00),Maple Street',
  '03/28/2025,"Paint, brushes",-120.75,Oak Avenue',
);

describe('findDelimiter', () => {
  it('finds ";" under a preamble, though the amounts hold commas', () => {
    expect(findDelimiter(bankStatement)).toBe(';');
  });

  it('finds "," in a file whose quoted fields hold commas', () => {
    expect(findDelimiter(englishExport)).toBe(',');
  });

  it('finds a tab and a pipe', () => {
    expect(
      findDelimiter(
        lines('Дата\tОписание\tСумма', '02.03.2025\tАренда, март\t45000,00'),
      ),
    ).toBe('\t');
    expect(
      findDelimiter(lines('Date|Memo|Amount', '2025-03-04|Fee, bank|-5.00')),
    ).toBe('|');
  });
});

describe('findHeader', () => {
  it('finds the header below a bank preamble', () => {
    const { records } = readTable(bankStatement);
    expect(findHeader(records)).toBe(3);
  });

  it('finds a header of unknown words over a record of values', () => {
    const records = [
      [''],
      ['Когда', 'Что', 'Сколько'],
      ['05.03.2025', 'Аренда', '45 000'],
    ];
    expect(findHeader(records)).toBe(1);
  });

  it('finds none when the data starts on the first line', () => {
    const records = [
      ['05.03.2025', 'Аренда', '45 000'],
      ['07.03.2025', 'Ремонт', '-3 500'],
    ];
    expect(findHeader(records)).toBeNull();
  });

  it('takes no data record for the header, though its cells hold words of one', () => {
    // "Пополнение" names income, "Квартира" a property.
    const records = [
      ['05.03.2025', 'Пополнение счёта', 'Квартира 5', '45000'],
      ['07.03.2025', 'Ремонт крана', 'Квартира 5', '-3500'],
    ];
    expect(findHeader(records)).toBeNull();
  });

  it('finds none for text over text, or an empty file', () => {
    expect(
      findHeader([
        ['Когда', 'Что'],
        ['вчера', 'Аренда'],
      ]),
    ).toBeNull();
    expect(findHeader([])).toBeNull();
    expect(findHeader([[''], ['  ']])).toBeNull();
  });
});

describe('readTable', () => {
  it('parses a bank statement: preamble, header, quoted field with ";" and a line break', () => {
    const table = readTable(bankStatement);
    expect(table.delimiter).toBe(';');
    expect(table.header).toBe(3);
    expect(table.headers).toEqual([
      'Дата операции',
      'Категория',
      'Описание',
      'Сумма',
      'Объект',
    ]);
    expect(table.records[5]).toEqual([
      '14.03.2025 14:33',
      'ЖКХ',
      'Оплата ЖКУ; лицевой счёт 1234\r\nза февраль',
      '-12 000,00',
      'Квартира на Ленина',
    ]);
    expect(table.records[7]).toEqual(['Итого', '', '', '48 499,50', '']);
    expect(table.brokenQuotes.size).toBe(0);
  });

  it('parses quoted fields with commas and "" escapes', () => {
    const table = readTable(englishExport);
    expect(table.delimiter).toBe(',');
    expect(table.header).toBe(0);
    expect(table.records[1]).toEqual([
      '03/14/2025',
      'Rent, March "Unit 4B"',
      '1,234.50',
      'Maple Street',
    ]);
  });

  it('names untitled columns by their number, also past the header', () => {
    const table = readTable(
      lines(
        'Дата; Описание ;;Сумма',
        '05.03.2025;Аренда;кв. 5;45 000;RUB',
        '07.03.2025;Ремонт;кв. 5;-3 500;RUB',
      ),
    );
    expect(table.headers).toEqual(['Дата', 'Описание', '3', 'Сумма', '5']);
  });

  it('numbers the columns of a file without a header', () => {
    const table = readTable(
      lines('05.03.2025;Аренда;45 000', '07.03.2025;Ремонт;-3 500'),
    );
    expect(table.header).toBeNull();
    expect(table.headers).toEqual(['1', '2', '3']);
    expect(table.records).toHaveLength(2);
  });

  it('marks the record whose quote never closes', () => {
    const table = readTable(
      lines(
        'Дата;Описание;Сумма',
        '05.03.2025;Аренда;45 000',
        '07.03.2025;"Ремонт;-3 500',
        '08.03.2025;Вода;-700',
      ),
    );
    expect([...table.brokenQuotes]).toEqual([2]);
    // Its field ran on to the end of the file.
    expect(table.records).toHaveLength(3);
  });

  it('uses the delimiter it is given', () => {
    const table = readTable(lines('a,b;c,d', '1,2;3,4'), ';');
    expect(table.delimiter).toBe(';');
    expect(table.records).toEqual([
      ['a,b', 'c,d'],
      ['1,2', '3,4'],
    ]);
  });
});
