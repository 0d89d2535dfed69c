import type { AmountMode, ColumnMap, ColumnRole } from './columns';
import type { Layout } from './layouts';
import type { RowStatus } from './rows';
import type { Delimiter, Encoding } from './dialect';
import type { DateFormat, Decimal } from './values';

/** What the import's fields hold: columns by number as text, '' for none. */
export type ImportFormInput = Record<ColumnRole, string> & {
  encoding: Encoding;
  delimiter: Delimiter;
  amounts: AmountMode;
  /** '' until the file's dates have been looked at. */
  dateFormat: DateFormat | '';
  decimal: Decimal | '';
  /** One property for the whole file, or each row's from a column. */
  target: 'one' | 'column';
  objectId: string;
  skipProblems: boolean;
  skipInLedger: boolean;
  skipRepeated: boolean;
};

const ROLES: readonly ColumnRole[] = [
  'date',
  'description',
  'amount',
  'income',
  'expense',
  'property',
];

const columnText = (column: number | null) =>
  column === null ? '' : String(column);

/** The fields for a file read with `layout`. */
export function importFormValues(
  file: { encoding: Encoding; delimiter: Delimiter },
  layout: Layout,
  objectId: number | undefined,
): ImportFormInput {
  const columns = Object.fromEntries(
    ROLES.map((role) => [role, columnText(layout.columns[role])]),
  ) as Record<ColumnRole, string>;
  return {
    ...columns,
    encoding: file.encoding,
    delimiter: file.delimiter,
    amounts: layout.amounts,
    dateFormat: layout.dateFormat ?? '',
    decimal: layout.decimal ?? '',
    target:
      layout.columns.property !== null && objectId === undefined
        ? 'column'
        : 'one',
    objectId: objectId === undefined ? '' : String(objectId),
    skipProblems: false,
    skipInLedger: true,
    skipRepeated: true,
  };
}

/** The layout the fields say, to read the file with and to remember. */
export function layoutOfForm(values: ImportFormInput): Layout {
  const column = (role: ColumnRole) =>
    values[role] === '' ? null : Number(values[role]);
  const columns = Object.fromEntries(
    ROLES.map((role) => [role, column(role)]),
  ) as ColumnMap;
  if (values.target === 'one') columns.property = null;
  return {
    columns,
    amounts: values.amounts,
    dateFormat: values.dateFormat || null,
    decimal: values.decimal || null,
  };
}

/** Whether rows of a status are sent, by the skip choices. */
export function sendsStatus(values: ImportFormInput, status: RowStatus) {
  switch (status) {
    case 'ready':
      return true;
    case 'in-ledger':
      return !values.skipInLedger;
    case 'repeated':
      return !values.skipRepeated;
    case 'problem':
      return false;
  }
}
