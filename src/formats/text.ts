/**
 * How regiosim writes values into files for programs (CSV, JSON, JSON Lines), so that files are
 * byte-stable and read the same everywhere: numbers rounded to 10 significant digits and then
 * written with `String(x)` (the last-bit differences of floating point across platforms do not
 * show), CSV per RFC 4180 with `\n` line endings, empty cells for null and `NaN` for undefined
 * statistics; JSON with two-space indentation, NaN and infinities as null.
 *
 * Pure: no Node imports. Writing files is src/io/write.ts; text for people is src/i18n/format.ts.
 */

/** Significant digits kept in output files. */
export const SIGNIFICANT_DIGITS = 10;

/** Rounds to {@link SIGNIFICANT_DIGITS} significant digits (NaN and infinities unchanged, -0 becomes 0). */
export function roundNumber(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  return Number(x.toPrecision(SIGNIFICANT_DIGITS));
}

/** A number as written in every output file: rounded, then `String(x)`; null and undefined give an empty string. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined) return '';
  return String(roundNumber(x));
}

export type CsvCell = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Text a spreadsheet would read as a formula (Excel, LibreOffice, Google Sheets): a cell that
 * starts with =, +, -, @, a tab or a carriage return (OWASP, "CSV injection").
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe for spreadsheets, as OWASP recommends: a single quote in front of text
 * that starts like a formula, so that `=HYPERLINK(...)` in a municipality's name is shown, not
 * run. Numbers are never text cells (a negative number stays a number). regiosim's own readers
 * take the quote off again ({@link unneutralise}).
 */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text of a cell as it was before {@link neutralise}: a quote before a formula start is removed. */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One CSV field: numbers through formatNumber, text neutralised for spreadsheets and quoted when needed (RFC 4180). */
export function csvField(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const text = neutralise(v);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',') + '\n';
}

/** A whole CSV file: header row plus one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const parts = [csvLine(header)];
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`CSV row has ${row.length} cells, header has ${header.length}`);
    }
    parts.push(csvLine(row));
  }
  return parts.join('');
}

/** JSON with 2-space indentation and a final newline; numbers rounded as in CSV, NaN and infinities written as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, jsonReplacer, 2) + '\n';
}

/** One line of a JSON Lines file (numbers rounded, no newline inside). */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value, jsonReplacer) + '\n';
}

function jsonReplacer(_key: string, v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? roundNumber(v) : null;
  return v;
}
