/**
 * Spreadsheet files the way Excel opens them: RFC 4180 text with a BOM, the
 * delimiter of the locale, and no cell a spreadsheet would run.
 */

export type CsvCell = string | number;
export type CsvDelimiter = ',' | ';';

// Excel reads a file as UTF-8 (Cyrillic and all) only when it starts so.
const BOM = '\uFEFF';
const CRLF = '\r\n';
// What a spreadsheet may run as a formula (OWASP's CSV injection list).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The field separator Excel expects in a locale: where numbers are written
 * with a decimal comma (ru, de, fr…) it splits on `;`, elsewhere on `,`.
 */
export function csvDelimiter(locale: string): CsvDelimiter {
  const decimal = new Intl.NumberFormat(locale)
    .formatToParts(1.5)
    .find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

function encodeCell(cell: CsvCell, delimiter: CsvDelimiter): string {
  // Numbers are written as they are: `-5` stays a number, not a formula.
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return text.includes(delimiter) || /["\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * RFC 4180 text (CRLF line ends, quoted where needed) with a BOM; text
 * cells that a spreadsheet would run as a formula start with `'`.
 */
export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  delimiter: CsvDelimiter,
): string {
  let text = BOM;
  for (const row of rows) {
    text += row.map((cell) => encodeCell(cell, delimiter)).join(delimiter);
    text += CRLF;
  }
  return text;
}
