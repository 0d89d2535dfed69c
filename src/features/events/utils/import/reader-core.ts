import { guessColumns, type AmountMode, type ColumnMap } from './columns';
import { decodeBytes, detectEncoding } from './decode';
import type { Delimiter, Encoding } from './dialect';
import { readRows, type ReadRows, type ReadSettings } from './rows';
import { readTable, type ImportTable } from './table';
import type { DateFormat, Decimal } from './values';

/**
 * Reading a statement: decoded, parsed and read, with the parsed table
 * kept between readings, so a change of a setting reads it again without
 * parsing. Runs in the worker (./import.worker.ts; ./reader.ts).
 */

export type OpenOptions = { encoding?: Encoding; delimiter?: Delimiter };

/** What the file turned out to be, and the guess of how to read it. */
export type FileSummary = {
  encoding: Encoding;
  delimiter: Delimiter;
  /** The header's record number (1-based), null without one. */
  header: number | null;
  headers: string[];
  /** The first data records, to show under the column choices. */
  sample: string[][];
  guess: { columns: ColumnMap; amounts: AmountMode };
};

export type LocaleReading = {
  dateFormats: readonly DateFormat[];
  decimal: Decimal;
};

const SAMPLE_RECORDS = 3;
const GUESS_RECORDS = 50;

/** The reader's work, wherever it runs. */
export function createReaderCore() {
  let table: ImportTable | null = null;
  return {
    async open(file: Blob, options: OpenOptions): Promise<FileSummary> {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const encoding = options.encoding ?? detectEncoding(bytes);
      table = readTable(decodeBytes(bytes, encoding), options.delimiter);
      const data = table.records
        .slice(table.header === null ? 0 : table.header + 1)
        .filter((record) => record.some((cell) => cell.trim() !== ''));
      return {
        encoding,
        delimiter: table.delimiter,
        header: table.header === null ? null : table.header + 1,
        headers: table.headers,
        sample: data.slice(0, SAMPLE_RECORDS),
        guess: guessColumns(table.headers, data.slice(0, GUESS_RECORDS)),
      };
    },
    read(settings: ReadSettings, locale: LocaleReading): ReadRows {
      if (!table) throw new Error('No file is open');
      return readRows(table, settings, locale);
    },
  };
}

export type ReaderRequest =
  | { id: number; kind: 'open'; file: Blob; options: OpenOptions }
  | { id: number; kind: 'read'; settings: ReadSettings; locale: LocaleReading };

export type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

export type ReaderAnswer =
  | { id: number; ok: true; value: FileSummary | ReadRows }
  | { id: number; ok: false; message: string };
