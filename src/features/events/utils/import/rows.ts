import type { EventCreate } from '@/api/generated';
import { fold } from '@/ledger/search';
import { hashText } from '@/utils/hash';

import { MAX_AMOUNT } from '../amount';
import { entryIdentity } from '../identity';
import type { AmountMode, ColumnMap } from './columns';
import type { ImportTable } from './table';
import {
  dateFormatsOf,
  decimalOf,
  parseDate,
  parseMoney,
  wholeUnits,
  type DateFormat,
  type Decimal,
} from './values';

/**
 * A statement's records read as transactions (in the worker: pure and
 * fast over ten thousand rows), then matched to the owner's properties and
 * ledger (on the page: the properties and the index live there).
 */

export const DESCRIPTION_MAX = 1000;

/** How the owner (or the guess) says the file is to be read. */
export type ReadSettings = {
  columns: ColumnMap;
  amounts: AmountMode;
  /** Null: the order that reads the most dates, the locale's first. */
  dateFormat: DateFormat | null;
  /** Null: the separator the amounts show, else the locale's. */
  decimal: Decimal | null;
};

export type RowProblem =
  'date' | 'amount' | 'too-large' | 'description-long' | 'quotes' | 'property';

/** A record of the file as a transaction, or what keeps it from being one. */
export type ImportRow = {
  /** The record's number in the file, the header's counted. */
  record: number;
  date: string | null;
  description: string;
  income: number;
  expense: number;
  /** The property column's text; '' without one. */
  property: string;
  problems: RowProblem[];
  /** An amount had a fraction, rounded to whole units. */
  rounded: boolean;
};

export type ReadRows = {
  rows: ImportRow[];
  dateFormat: DateFormat | null;
  /** More than one: the dates read as well in each order. */
  dateFormats: DateFormat[];
  decimal: Decimal;
};

type Amount = { value: number; rounded: boolean } | 'empty' | 'invalid';

function amountOf(cell: string, decimal: Decimal): Amount {
  if (!cell.trim()) return 'empty';
  const value = parseMoney(cell, decimal);
  if (value === null) return 'invalid';
  const whole = wholeUnits(value);
  return { value: whole, rounded: whole !== value };
}

/** Every data record of `table` (blank ones left out) read by `settings`. */
export function readRows(
  table: ImportTable,
  settings: ReadSettings,
  locale: { dateFormats: readonly DateFormat[]; decimal: Decimal },
): ReadRows {
  const { columns } = settings;
  const first = table.header === null ? 0 : table.header + 1;
  const records = table.records
    .map((cells, index) => ({ cells, index }))
    .slice(first)
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  const cellsOf = (column: number | null) =>
    column === null ? [] : records.map(({ cells }) => cells[column] ?? '');

  const dateFormats = dateFormatsOf(cellsOf(columns.date), locale.dateFormats);
  const dateFormat = settings.dateFormat ?? dateFormats[0] ?? null;
  const moneyColumns =
    settings.amounts === 'signed'
      ? [columns.amount]
      : [columns.income, columns.expense];
  const decimal =
    settings.decimal ??
    decimalOf(moneyColumns.flatMap(cellsOf), locale.decimal);

  const rows = records.map(({ cells, index }): ImportRow => {
    const cell = (column: number | null) =>
      column === null ? '' : (cells[column] ?? '');
    const problems: RowProblem[] = [];
    if (table.brokenQuotes.has(index)) problems.push('quotes');
    const date = dateFormat ? parseDate(cell(columns.date), dateFormat) : null;
    if (!date) problems.push('date');

    let income = 0;
    let expense = 0;
    let rounded = false;
    const amounts =
      settings.amounts === 'signed'
        ? [amountOf(cell(columns.amount), decimal)]
        : [
            amountOf(cell(columns.income), decimal),
            amountOf(cell(columns.expense), decimal),
          ];
    if (amounts.includes('invalid')) problems.push('amount');
    else {
      const [first, second] = amounts.map((amount) =>
        typeof amount === 'object' ? amount : { value: 0, rounded: false },
      );
      rounded = amounts.some(
        (amount) => typeof amount === 'object' && amount.rounded,
      );
      if (settings.amounts === 'signed') {
        const value = first?.value ?? 0;
        income = Math.max(value, 0);
        expense = Math.max(-value, 0);
      } else {
        // Some banks write what went out with a minus; it is an expense.
        income = Math.abs(first?.value ?? 0);
        expense = Math.abs(second?.value ?? 0);
      }
      if (income === 0 && expense === 0) problems.push('amount');
      else if (income > MAX_AMOUNT || expense > MAX_AMOUNT) {
        problems.push('too-large');
      }
    }

    const description = cell(columns.description).replace(/\s+/gu, ' ').trim();
    if (description.length > DESCRIPTION_MAX) {
      problems.push('description-long');
    }
    return {
      record: index + 1,
      date,
      description,
      income,
      expense,
      property: cell(columns.property).trim(),
      problems,
      rounded,
    };
  });
  return { rows, dateFormat, dateFormats, decimal };
}

/** Whose property a row is: one for the whole file, or by the row's name. */
export type PropertyChoice =
  | { kind: 'one'; objectId: number | null }
  | {
      kind: 'column';
      /** The owner's properties by folded name. */
      byName: ReadonlyMap<string, number>;
      /**
       * What the owner chose for names that are none of them, by nameHash:
       * as a layout remembers them for the next file.
       */
      chosen: ReadonlyMap<string, number>;
    };

/** A property's name as names are compared: trimmed, no case or accents. */
export const nameKey = (name: string) => fold(name.trim());

/** A name as kept in storage: its key's hash, never the name. */
export const nameHash = (name: string) => hashText(nameKey(name));

export type RowStatus = 'ready' | 'in-ledger' | 'repeated' | 'problem';

export type CheckedRow = ImportRow & {
  status: RowStatus;
  /** What would be sent; null for a row with problems. */
  body: EventCreate | null;
};

/**
 * Each row's property and its standing against the ledger: a row the
 * ledger already holds is "in-ledger" (counted, so that a file with two
 * equal rows imported twice adds nothing the second time); a second equal
 * row of the file that the ledger does not hold is "repeated".
 */
export function checkRows(
  rows: readonly ImportRow[],
  property: PropertyChoice,
  existing: readonly EventCreate[],
): CheckedRow[] {
  const inLedger = new Map<string, number>();
  for (const event of existing) {
    const key = entryIdentity(event);
    inLedger.set(key, (inLedger.get(key) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return rows.map((row): CheckedRow => {
    const objectId =
      property.kind === 'one'
        ? property.objectId
        : (property.byName.get(nameKey(row.property)) ??
          property.chosen.get(nameHash(row.property)) ??
          null);
    const problems =
      objectId === null ? [...row.problems, 'property' as const] : row.problems;
    if (problems.length > 0 || objectId === null || row.date === null) {
      return { ...row, problems, status: 'problem', body: null };
    }
    const body: EventCreate = {
      object_id: objectId,
      notification_date: row.date,
      income: row.income,
      expense: row.expense,
      description: row.description,
    };
    const key = entryIdentity(body);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const status: RowStatus =
      occurrence <= (inLedger.get(key) ?? 0)
        ? 'in-ledger'
        : occurrence > 1
          ? 'repeated'
          : 'ready';
    return { ...row, status, body };
  });
}
