/**
 * A small, strict CSV reader for the project's own output files (docs/formats.md) and for files
 * people edit by hand in a spreadsheet: RFC 4180 quoting (fields in double quotes may hold commas,
 * line breaks and doubled quotes), LF or CRLF line ends, an optional UTF-8 byte-order mark, and a
 * final line break or not. Every record must have as many fields as the header; a blank line at
 * the end is ignored, a blank line elsewhere is an error (it is a record with one empty field).
 *
 * Problems are reported as {@link CsvError} with the file, the line and what was wrong, so
 * commands can pass them on as user-input errors.
 *
 * Pure: no Node imports (src/io/csv.ts reads files).
 */

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}, line ${line}: ${detail}`);
    this.name = 'CsvError';
  }
}

/** A parsed CSV file: the header and the records, each with the line on which it starts. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
  /** 1-based line number on which each record starts (the header is line 1). */
  lines: number[];
}

/**
 * Split CSV text into records of fields. Quoted fields may contain commas, line breaks and `""`
 * (a literal quote). Throws {@link CsvError} on an unterminated quote or text after a closing quote.
 *
 * @param text - file contents
 * @param file - name used in error messages
 * @returns records and the line on which each starts
 */
export function parseCsvRecords(text: string, file = 'input'): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  if (i >= n) return { records, lines };
  for (;;) {
    // start of a record
    const record: string[] = [];
    const startLine = line;
    for (;;) {
      // start of a field
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) throw new CsvError(file, quoteLine, 'a quoted field is not closed (missing ")');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          throw new CsvError(file, line, `unexpected text after a closing quote: ${JSON.stringify(text.slice(i, i + 10))}`);
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text[j]!;
          if (c === ',' || c === '\n' || (c === '\r' && text[j + 1] === '\n')) break;
          if (c === '"') throw new CsvError(file, line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
          j++;
        }
        field = text.slice(i, j);
        i = j;
      }
      record.push(field);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    records.push(record);
    lines.push(startLine);
    if (i >= n) break;
    // line end
    i += text[i] === '\r' ? 2 : 1;
    line++;
    if (i >= n) break;
  }
  // blank lines at the end of the file are not records
  while (records.length > 0 && records[records.length - 1]!.length === 1 && records[records.length - 1]![0] === '') {
    records.pop();
    lines.pop();
  }
  return { records, lines };
}

/**
 * Parse CSV text with a header row into a {@link CsvTable}. Every record must have as many fields
 * as the header, and header names must be unique and non-empty.
 */
export function parseCsv(text: string, file = 'input'): CsvTable {
  const { records, lines } = parseCsvRecords(text, file);
  if (records.length === 0) throw new CsvError(file, 1, 'the file is empty (expected a header row)');
  const header = records[0]!;
  const seen = new Set<string>();
  header.forEach((h, k) => {
    if (h === '') throw new CsvError(file, 1, `column ${k + 1} of the header has no name`);
    if (seen.has(h)) throw new CsvError(file, 1, `column name ${JSON.stringify(h)} appears twice in the header`);
    seen.add(h);
  });
  const rows = records.slice(1);
  const rowLines = lines.slice(1);
  rows.forEach((r, k) => {
    if (r.length !== header.length) {
      throw new CsvError(file, rowLines[k]!, `${r.length} field(s), but the header has ${header.length}`);
    }
  });
  return { file, header, rows, lines: rowLines };
}


/**
 * Index of a column, or -1. Use {@link missingColumns} first to report all absent columns at once.
 */
export function columnIndex(table: CsvTable, name: string): number {
  return table.header.indexOf(name);
}

/** The names in `required` that the table's header lacks, in the order given. */
export function missingColumns(table: CsvTable, required: readonly string[]): string[] {
  return required.filter((name) => !table.header.includes(name));
}

/**
 * A numeric cell as the project writes it (docs/formats.md): empty → null, `NaN` → NaN,
 * `Inf`/`Infinity` (either sign, any case) → ±Infinity, otherwise a decimal number. Returns
 * undefined when the text is not a number.
 */
export function parseNumberCell(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (t === 'NaN' || t === 'nan' || t === 'NA') return NaN;
  const inf = /^([+-]?)(inf|infinity)$/i.exec(t);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}
