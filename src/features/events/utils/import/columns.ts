import { fold } from '@/ledger/search';
import { hashText } from '@/utils/hash';

import { looksLikeDate, looksLikeMoney } from './values';

/**
 * Which column holds what: guessed from the header's words in Russian and
 * English (a bank's "Дата операции", "Сумма списания", "Paid out"), or
 * from the cells when the file has no header.
 */

export type ColumnRole =
  'date' | 'description' | 'amount' | 'income' | 'expense' | 'property';

/** A column index for each role; null where the file has none. */
export type ColumnMap = Record<ColumnRole, number | null>;

/** One signed amount column, or income and expense apart. */
export type AmountMode = 'signed' | 'split';

export const NO_COLUMNS: ColumnMap = {
  date: null,
  description: null,
  amount: null,
  income: null,
  expense: null,
  property: null,
};

// Word beginnings, folded; checked in this order, so "Сумма списания" is
// an expense before it is an amount.
const ROLE_WORDS: readonly [ColumnRole, readonly string[]][] = [
  ['date', ['дата', 'date', 'день', 'day', 'posted', 'booking']],
  [
    'income',
    [
      'приход',
      'поступлен',
      'зачислен',
      'пополнен',
      'доход',
      'кредит',
      'credit',
      'income',
      'deposit',
      'paid in',
      'money in',
      'inflow',
      'receipt',
    ],
  ],
  [
    'expense',
    [
      'расход',
      'списан',
      'дебет',
      'debit',
      'expense',
      'withdraw',
      'paid out',
      'money out',
      'outflow',
      'spent',
    ],
  ],
  [
    'property',
    [
      'объект',
      'недвижим',
      'квартир',
      'помещен',
      'адрес',
      'property',
      'object',
      'unit',
      'building',
      'apartment',
      'flat',
      'address',
    ],
  ],
  ['amount', ['сумма', 'amount', 'sum', 'value', 'total', 'итог']],
  [
    'description',
    [
      'описан',
      'назначен',
      'комментар',
      'примечан',
      'основан',
      'контрагент',
      'получател',
      'наименован',
      'description',
      'memo',
      'detail',
      'narrative',
      'payee',
      'reference',
      'comment',
      'note',
      'purpose',
      'particulars',
      'text',
    ],
  ],
];

const WORDS = ROLE_WORDS.map(
  ([role, words]) =>
    [
      role,
      // At the start of a word: "update" is not a date.
      new RegExp(`(?:^|[^\\p{L}])(?:${words.join('|')})`, 'u'),
    ] as const,
);

/** The role a header's words name, if any. */
export function roleOfHeader(title: string): ColumnRole | null {
  const text = fold(title.trim());
  if (!text || text.length > 60) return null;
  return WORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

// A column is of a kind when this share of its cells are.
const MOSTLY = 0.8;

function mostly(cells: readonly string[], test: (cell: string) => boolean) {
  const filled = cells.filter((cell) => cell.trim());
  return (
    filled.length > 0 && filled.filter(test).length >= filled.length * MOSTLY
  );
}

/**
 * The columns' roles: by the header's words, the first column for each
 * role; a role no title names is guessed from the cells (dates, then
 * amounts, then the longest text as the description).
 */
export function guessColumns(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): { columns: ColumnMap; amounts: AmountMode } {
  const columns: ColumnMap = { ...NO_COLUMNS };
  const taken = new Set<number>();
  const take = (role: ColumnRole, index: number) => {
    columns[role] = index;
    taken.add(index);
  };
  headers.forEach((title, index) => {
    const role = roleOfHeader(title);
    if (role && columns[role] === null) take(role, index);
  });
  const cellsOf = (index: number) => rows.map((row) => row[index] ?? '');
  const free = headers.map((_, index) => index).filter((i) => !taken.has(i));
  const pick = (test: (cell: string) => boolean) =>
    free.find((index) => !taken.has(index) && mostly(cellsOf(index), test));
  // Income and expense apart, or one of them named with no amount column
  // ("Сумма списания" alone): the other is left for the owner to choose.
  const named = [columns.income, columns.expense].filter((c) => c !== null);
  const split =
    named.length === 2 || (named.length === 1 && columns.amount === null);
  if (columns.date === null) {
    const date = pick(looksLikeDate);
    if (date !== undefined) take('date', date);
  }
  if (!split && columns.amount === null) {
    const amount = pick(looksLikeMoney);
    if (amount !== undefined) take('amount', amount);
  }
  if (columns.description === null) {
    const length = (index: number) =>
      cellsOf(index).reduce((sum, cell) => sum + cell.trim().length, 0);
    const text = free
      .filter((index) => !taken.has(index))
      .sort((a, b) => length(b) - length(a))[0];
    if (text !== undefined && length(text) > 0) take('description', text);
  }
  return { columns, amounts: split ? 'split' : 'signed' };
}

/**
 * What identifies a layout of columns, so that the next file with the
 * same header is read the same way: a hash of its folded titles (the
 * titles themselves are not kept).
 */
export function headerSignature(headers: readonly string[]): string {
  return `${headers.length}:${hashText(fold(headers.join('\u0001')))}`;
}
