/**
 * Schemas of the output files: for every CSV file its columns, in order, with type, unit and
 * meaning. The writer takes its header from the schema, every reader checks and decodes with
 * it, and the codebook (docs/formats.md) is generated from it, so a column is declared once.
 *
 * A schema has fixed columns and, where a file's columns depend on the batch or the model,
 * groups: `param_<name>` for the parameters a batch varies, or one column per measure of the
 * measure registry (src/core/measures.ts).
 *
 * Pure: no Node imports.
 */
import type { Level, MeasureSpec } from '../core/measures.js';
import { UNITS } from '../core/measures.js';
import { parseNumberCell, type CsvTable } from './csv.js';
import { csvField, unneutralise, type CsvCell } from './text.js';

export type ColumnType = 'text' | 'int' | 'number' | 'bool' | 'date';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  /** Whether the cell may be empty (read as null). */
  readonly nullable: boolean;
  /** One line for the codebook. */
  readonly meaning: string;
  readonly unit?: string;
}

/** Columns that depend on the file: parameter columns, or one column per measure of a level. */
export type Group =
  | { readonly kind: 'params'; readonly meaning: string }
  | { readonly kind: 'measures'; readonly level: Level; readonly measures: readonly MeasureSpec[]; readonly meaning: string };

export interface CsvSchema<C extends readonly Column[] = readonly Column[]> {
  readonly file: string;
  /** What one row is. */
  readonly row: string;
  /** How the rows are ordered. */
  readonly order?: string;
  readonly columns: C;
  /** Groups of columns after the fixed ones, in order. */
  readonly groups?: readonly Group[];
}

type TypeOf<T extends ColumnType> = T extends 'text' | 'date' ? string : T extends 'bool' ? boolean : number;
type CellOf<C extends Column> = C['nullable'] extends true ? TypeOf<C['type']> | null : TypeOf<C['type']>;
/** The decoded row of a schema's fixed columns. */
export type RowOf<S extends CsvSchema> = { -readonly [C in S['columns'][number] as C['name']]: CellOf<C> };
/** The parameter columns of a row (`param_<name>`), as numbers (null for an empty cell). */
export type ParamCells = { [key: `param_${string}`]: number | null };

interface ColumnOptions {
  nullable?: boolean;
  unit?: string;
}

function col<const N extends string, const T extends ColumnType, const O extends ColumnOptions>(
  type: T,
  name: N,
  meaning: string,
  o?: O,
): { name: N; type: T; nullable: O extends { nullable: true } ? true : false; meaning: string; unit?: string } {
  return { name, type, nullable: (o?.nullable ?? false) as O extends { nullable: true } ? true : false, meaning, ...(o?.unit ? { unit: o.unit } : {}) };
}

export const column = {
  text: <const N extends string, const O extends ColumnOptions = {}>(name: N, meaning: string, o?: O) => col('text', name, meaning, o),
  int: <const N extends string, const O extends ColumnOptions = {}>(name: N, meaning: string, o?: O) => col('int', name, meaning, o),
  number: <const N extends string, const O extends ColumnOptions = {}>(name: N, meaning: string, o?: O) => col('number', name, meaning, o),
  bool: <const N extends string, const O extends ColumnOptions = {}>(name: N, meaning: string, o?: O) => col('bool', name, meaning, o),
  date: <const N extends string, const O extends ColumnOptions = {}>(name: N, meaning: string, o?: O) => col('date', name, meaning, o),
};

export const PARAM_PREFIX = 'param_';

/** Names of a group's columns (params: the given parameter names with their prefix). */
export function groupColumns(g: Group, params: readonly string[] = []): string[] {
  return g.kind === 'params' ? params.map((p) => `${PARAM_PREFIX}${p}`) : g.measures.map((m) => m.id);
}

/** The header of a file: fixed columns, then each group's columns. */
export function header(schema: CsvSchema, params: readonly string[] = []): string[] {
  return [...schema.columns.map((c) => c.name), ...(schema.groups ?? []).flatMap((g) => groupColumns(g, params))];
}

/** The header line of a file. */
export function headerLine(schema: CsvSchema, params: readonly string[] = []): string {
  return header(schema, params).map(csvField).join(',') + '\n';
}

/** One CSV line from cells in header order. */
export function line(cells: readonly CsvCell[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i === 0 ? '' : ',') + csvField(cells[i]);
  return out + '\n';
}

/** The cells of a row object in the order of the schema's fixed columns. */
export function fixedCells(schema: CsvSchema, row: Readonly<Record<string, CsvCell>>): CsvCell[] {
  return schema.columns.map((c) => row[c.name]);
}

/** A whole file from row objects (fixed columns only, or with group values looked up by column name). */
export function toCsvText(schema: CsvSchema, rows: Iterable<Readonly<Record<string, CsvCell>>>, params: readonly string[] = []): string {
  const names = header(schema, params);
  const parts = [headerLine(schema, params)];
  for (const row of rows) parts.push(line(names.map((n) => row[n])));
  return parts.join('');
}

/** One problem in a file read back: where (file, line, column), what was expected, what was found. */
export interface CellProblem {
  path: string;
  expected: string;
  found: string;
}

const EXPECTED: Record<ColumnType, [string, string]> = {
  text: ['text', 'text'],
  int: ['a whole number', 'a whole number or an empty cell'],
  number: ['a number (or NaN)', 'a number, NaN or an empty cell'],
  bool: ['true or false', 'true, false or an empty cell'],
  date: ['a month written YYYY-MM', 'a month written YYYY-MM or an empty cell'],
};

/** Decodes one cell; `undefined` when it does not fit the type. */
export function decodeCell(type: ColumnType, nullable: boolean, text: string): string | number | boolean | null | undefined {
  if (type === 'text') return nullable && text === '' ? null : unneutralise(text);
  if (text.trim() === '') return nullable ? null : undefined;
  if (type === 'date') return /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? text : undefined;
  if (type === 'bool') {
    const v = text.trim().toLowerCase();
    return v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined;
  }
  const v = parseNumberCell(text);
  if (typeof v !== 'number') return undefined;
  if (type === 'int' && !Number.isInteger(v)) return undefined;
  return v;
}

export interface Decoded<R> {
  rows: R[];
  /** The file's header as it was. */
  header: string[];
  /** Group columns present in the file, per group (in file order). */
  groups: string[][];
  /** The line each row starts on. */
  lines: number[];
}

/** At most this many cell problems are listed per file; the rest are counted. */
export const MAX_CELL_PROBLEMS = 20;

function describe(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
}

/**
 * Checks a parsed table against a schema and decodes its cells. Missing fixed columns are one
 * problem for the file; a cell that does not fit its column's type is a problem naming the line
 * and column (at most {@link MAX_CELL_PROBLEMS} listed). Group columns are optional: those
 * present are decoded (as numbers; parameter and measure columns are numeric).
 *
 * @returns the decoded rows, or undefined when the header lacks a fixed column
 */
export function decodeTable<S extends CsvSchema>(schema: S, table: CsvTable, problems: CellProblem[], required: readonly string[] = schema.columns.map((c) => c.name)): Decoded<RowOf<S> & Record<string, unknown>> | undefined {
  const missing = required.filter((name) => !table.header.includes(name));
  if (missing.length > 0) {
    problems.push({
      path: `${table.file}, header`,
      expected: `the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (docs/formats.md)`,
      found: `a header with ${table.header.join(', ')}`,
    });
    return undefined;
  }
  const known = new Map(schema.columns.map((c) => [c.name, c] as const));
  const groups = (schema.groups ?? []).map((g) =>
    g.kind === 'params' ? table.header.filter((h) => h.startsWith(PARAM_PREFIX)) : g.measures.map((m) => m.id).filter((id) => table.header.includes(id)),
  );
  const grouped = new Set(groups.flat());
  const readers: Array<{ k: number; name: string; type: ColumnType; nullable: boolean }> = [];
  table.header.forEach((name, k) => {
    const c = known.get(name);
    if (c) readers.push({ k, name, type: c.type, nullable: c.nullable });
    else if (grouped.has(name)) readers.push({ k, name, type: 'number', nullable: true });
  });
  let count = 0;
  const rows: Array<RowOf<S> & Record<string, unknown>> = [];
  table.rows.forEach((cells, i) => {
    const row: Record<string, unknown> = {};
    for (const r of readers) {
      const text = cells[r.k]!;
      const v = decodeCell(r.type, r.nullable, text);
      if (v === undefined) {
        count += 1;
        if (count <= MAX_CELL_PROBLEMS) problems.push({ path: `${table.file}, line ${table.lines[i]}, column ${r.name}`, expected: EXPECTED[r.type][r.nullable ? 1 : 0], found: describe(text) });
        row[r.name] = r.type === 'text' ? text : null;
      } else row[r.name] = v;
    }
    rows.push(row as RowOf<S> & Record<string, unknown>);
  });
  if (count > MAX_CELL_PROBLEMS) problems.push({ path: table.file, expected: 'cells of the types docs/formats.md gives', found: `${count - MAX_CELL_PROBLEMS} more bad cells not listed` });
  return { rows, header: table.header, groups, lines: table.lines };
}

/** The codebook entry of a schema, as Markdown: what a row is, then one line per column. */
export function codebookMarkdown(schema: CsvSchema): string {
  const lines = [`### \`${schema.file}\``, '', `One row per ${schema.row}.${schema.order ? ` ${schema.order}` : ''}`, '', '| column | type | unit | meaning |', '|---|---|---|---|'];
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  for (const c of schema.columns) lines.push(`| \`${c.name}\` | ${c.type}${c.nullable ? ' (may be empty)' : ''} | ${cell(c.unit ?? '')} | ${cell(c.meaning)} |`);
  for (const g of schema.groups ?? []) {
    if (g.kind === 'params') {
      lines.push(`| \`param_<name>\` | number | the parameter's | ${cell(g.meaning)} |`);
      continue;
    }
    for (const m of g.measures) lines.push(`| \`${m.id}\` | number | ${cell(UNITS[m.unit].text.en)} | ${cell(m.definition.en)} |`);
  }
  return lines.join('\n') + '\n';
}
