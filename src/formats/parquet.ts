/**
 * The Parquet copies of a batch's per-run tables (`regiosim batch --parquet`): runs.parquet and,
 * with --keep-timeseries, timeseries-runs.parquet. Each has the columns of its CSV file, in the
 * same order, typed from the CSV schema (src/formats/files.ts), so a column is still declared
 * once: whole numbers as INT64, numbers as DOUBLE, text and months as UTF-8 strings, true/false
 * as BOOLEAN. Values are those of the CSV: numbers rounded to 10 significant digits, NaN kept
 * as NaN (not null), an empty CSV cell as null, and text without the CSV's quote against
 * spreadsheet formulas.
 *
 * Pure: no Node imports. The file is written by src/io/parquet.ts.
 */
import { RUNS_CSV, TIMESERIES_RUNS_CSV } from './files.js';
import { header, type ColumnType, type CsvSchema } from './schema.js';
import { roundNumber } from './text.js';

/** The per-run tables that --parquet also writes as Parquet. */
export const PARQUET_TABLES = [RUNS_CSV, TIMESERIES_RUNS_CSV] as const;

/** The Parquet file of a CSV schema: `runs.csv` → `runs.parquet`. */
export function parquetFile(schema: CsvSchema): string {
  return schema.file.replace(/\.csv$/, '.parquet');
}

export type ParquetType = 'INT64' | 'DOUBLE' | 'STRING' | 'BOOLEAN';

export interface ParquetColumn {
  name: string;
  type: ParquetType;
  nullable: boolean;
}

const TYPES: Record<ColumnType, ParquetType> = { int: 'INT64', number: 'DOUBLE', text: 'STRING', date: 'STRING', bool: 'BOOLEAN' };

/** The columns of a schema's Parquet file: fixed columns typed by the schema, group columns (parameters, measures) as nullable DOUBLE. */
export function parquetColumns(schema: CsvSchema, params: readonly string[] = []): ParquetColumn[] {
  const fixed = schema.columns.map((c) => ({ name: c.name, type: TYPES[c.type], nullable: c.nullable }));
  const grouped = header(schema, params).slice(fixed.length).map((name) => ({ name, type: 'DOUBLE' as const, nullable: true }));
  return [...fixed, ...grouped];
}

/** A cell as Parquet stores it: numbers rounded as in the CSV (NaN stays NaN), whole numbers as bigint, undefined as null. */
export function parquetValue(type: ParquetType, v: string | number | boolean | null | undefined): string | number | bigint | boolean | null {
  if (v === null || v === undefined) return null;
  if (type === 'DOUBLE') return roundNumber(Number(v));
  if (type === 'INT64') return BigInt(roundNumber(Number(v)));
  return v;
}

/** For the codebook and the batch manifest. */
export const PARQUET_MEANING =
  'With `--parquet`, runs.csv and (with --keep-timeseries) timeseries-runs.csv are also written as runs.parquet and timeseries-runs.parquet: the same rows, columns and order, typed (int as INT64, number as DOUBLE, text and month as UTF-8 string, bool as BOOLEAN; parameter and measure columns DOUBLE), Snappy-compressed, in row groups of 16,384 rows. Numbers are the CSV\'s (10 significant digits), NaN stays NaN (not null), an empty cell is null, and text has no quote against spreadsheet formulas. pandas (`read_parquet`), R (`arrow::read_parquet`) and DuckDB (`SELECT * FROM \'runs.parquet\'`) read them.';
