/** Reading CSV files from disk (parsing is src/formats/csv.ts). */
import { readFileSync } from 'node:fs';
import { parseCsv, type CsvTable } from '../formats/csv.js';

/** Read and parse a CSV file (UTF-8) with a header row. */
export function readCsv(path: string, displayName = path): CsvTable {
  return parseCsv(readFileSync(path, 'utf8'), displayName);
}
