import { describe, expect, it } from 'vitest';

import { guessColumns, headerSignature, roleOfHeader } from './columns';

describe('roleOfHeader', () => {
  it.each([
    ['Дата', 'date'],
    ['Дата операции', 'date'],
    ['ДАТА ПРОВОДКИ', 'date'],
    ['Date', 'date'],
    ['Posted Date', 'date'],
    ['Booking date', 'date'],
    ['Приход', 'income'],
    ['Сумма зачисления', 'income'],
    ['Поступление', 'income'],
    ['Кредит', 'income'],
    ['Paid in', 'income'],
    ['Money In', 'income'],
    ['Deposit', 'income'],
    ['Расход', 'expense'],
    ['Сумма списания', 'expense'],
    ['Дебет', 'expense'],
    ['Paid out', 'expense'],
    ['Withdrawal', 'expense'],
    ['Объект', 'property'],
    ['Квартира', 'property'],
    ['Property', 'property'],
    ['Сумма', 'amount'],
    ['Сумма операции', 'amount'],
    ['Сумма в валюте счёта', 'amount'],
    ['Amount', 'amount'],
    ['Описание', 'description'],
    ['Назначение платежа', 'description'],
    ['Контрагент', 'description'],
    ['Description', 'description'],
    ['Payee', 'description'],
    ['Memo', 'description'],
  ] as const)('reads "%s" as %s', (title, role) => {
    expect(roleOfHeader(title)).toBe(role);
  });

  it('matches words only at their start: "update" is not a date', () => {
    expect(roleOfHeader('update')).toBeNull();
    expect(roleOfHeader('Last update')).toBeNull();
    expect(roleOfHeader('Mandate')).toBeNull();
  });

  it('names no role for other titles, blank ones and long text', () => {
    expect(roleOfHeader('Категория')).toBeNull();
    expect(roleOfHeader('Остаток')).toBeNull();
    expect(roleOfHeader('Balance')).toBeNull();
    expect(roleOfHeader('Валюта')).toBeNull();
    expect(roleOfHeader('')).toBeNull();
    expect(roleOfHeader('   ')).toBeNull();
    // A preamble line that happens to hold a role's word.
    const long = `Дата ${'формирования выписки '.repeat(3)}`;
    expect(long.length).toBeGreaterThan(60);
    expect(roleOfHeader(long)).toBeNull();
  });
});

describe('guessColumns', () => {
  it('takes the roles from the titles: separate income and expense are "split"', () => {
    const headers = ['Дата', 'Описание', 'Приход', 'Расход', 'Объект'];
    expect(guessColumns(headers, [])).toEqual({
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

  it('takes one signed amount column, and the first of two with one role', () => {
    const headers = [
      'Дата операции',
      'Дата платежа',
      'Категория',
      'Сумма операции',
      'Сумма платежа',
      'Описание',
    ];
    expect(guessColumns(headers, [])).toEqual({
      columns: {
        date: 0,
        description: 5,
        amount: 3,
        income: null,
        expense: null,
        property: null,
      },
      amounts: 'signed',
    });
  });

  it('guesses from the cells when there is no header', () => {
    const rows = [
      ['RUB', '05.03.2025', '45000,00', 'Аренда квартиры за март'],
      ['RUB', '07.03.2025', '-3500,00', 'Ремонт крана'],
      ['RUB', '18.03.2025', '-850,50', 'Вода'],
    ];
    expect(guessColumns(['1', '2', '3', '4'], rows)).toEqual({
      columns: {
        date: 1,
        description: 3,
        amount: 2,
        income: null,
        expense: null,
        property: null,
      },
      amounts: 'signed',
    });
  });

  it('takes no column of property names for the amounts', () => {
    const rows = [
      ['05.03.2025', 'Квартира 5', 'Аренда за март', '45000'],
      ['07.03.2025', 'Квартира 12', 'Ремонт', '-3500'],
    ];
    const { columns } = guessColumns(['1', '2', '3', '4'], rows);
    expect(columns.date).toBe(0);
    expect(columns.amount).toBe(3);
  });

  it('guesses the columns the titles do not name', () => {
    const headers = ['Когда', 'Что', 'Сколько'];
    const rows = [
      ['05.03.2025', 'Аренда', '45 000'],
      ['07.03.2025', 'Ремонт', '-3 500'],
      // A footer: four dates in five are enough.
      ['Итого', '', '41 500'],
      ['08.03.2025', 'Вода', '-700'],
      ['09.03.2025', 'Свет', '-1 200'],
    ];
    expect(guessColumns(headers, rows).columns).toEqual({
      date: 0,
      description: 1,
      amount: 2,
      income: null,
      expense: null,
      property: null,
    });
  });

  it('guesses no date from a column with too few dates', () => {
    const rows = [
      ['05.03.2025', 'Аренда'],
      ['скоро', 'Ремонт'],
      ['позже', 'Вода'],
    ];
    expect(guessColumns(['A', 'B'], rows).columns.date).toBeNull();
  });

  it('guesses no amount column beside named income and expense', () => {
    const headers = ['Дата', 'Приход', 'Расход', 'Остаток'];
    const rows = [['05.03.2025', '45 000', '', '145 000']];
    const { columns, amounts } = guessColumns(headers, rows);
    expect(amounts).toBe('split');
    expect(columns.amount).toBeNull();
  });
});

describe('headerSignature', () => {
  const titles = ['Дата операции', 'Описание', 'Сумма', 'Объект'];

  it('is the same for the same titles in any case', () => {
    expect(
      headerSignature(['ДАТА ОПЕРАЦИИ', 'описание', 'СУММА', 'объект']),
    ).toBe(headerSignature(titles));
    expect(headerSignature(['Счёт', 'Date'])).toBe(
      headerSignature(['счет', 'DATE']),
    );
  });

  it('differs for other titles, another order and another split', () => {
    const signature = headerSignature(titles);
    expect(
      headerSignature(['Дата операции', 'Комментарий', 'Сумма', 'Объект']),
    ).not.toBe(signature);
    expect(
      headerSignature(['Описание', 'Дата операции', 'Сумма', 'Объект']),
    ).not.toBe(signature);
    expect(headerSignature(['ab', 'c'])).not.toBe(headerSignature(['a', 'bc']));
    expect(headerSignature([...titles, ''])).not.toBe(signature);
  });

  it('keeps the count of columns and a hash, not the titles', () => {
    const signature = headerSignature(titles);
    expect(signature).toMatch(/^4:[0-9a-f]+$/);
    expect(signature).not.toContain('Дата');
  });
});
