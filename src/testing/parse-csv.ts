/**
 * A strict RFC 4180 reader: CRLF between records, quoted fields with `""`
 * for a quote; anything else (a bare quote, a lone LF) is an error. Checks
 * the text begins with a BOM and returns the records without it.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('no BOM');
  const records: string[][] = [];
  let record: string[] = [];
  let i = 1;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (
        i < text.length &&
        text[i] !== delimiter &&
        text[i] !== '\r' &&
        text[i] !== '\n'
      ) {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === delimiter) {
      i += 1;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    if (i === text.length) {
      records.push(record);
      return records;
    }
    throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
}
