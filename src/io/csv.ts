/** Reading CSV files from disk (parsing is src/formats/csv.ts). */
import { readFileSync, statSync } from 'node:fs';
import { CsvError, parseCsv, type CsvTable } from '../formats/csv.js';

/**
 * Read and parse a CSV file (UTF-8) with a header row. What is not a readable file (a directory,
 * a device, a file too large to hold as text, one that cannot be read) is a {@link CsvError}
 * naming the file, like a malformed one, so that every reader reports it as a problem.
 */
export function readCsv(path: string, displayName = path): CsvTable {
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CsvError(displayName, 1, 'a directory, not a CSV file');
    if (!st.isFile()) throw new CsvError(displayName, 1, 'a device, pipe or socket, not a CSV file');
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof CsvError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_STRING_TOO_LONG') throw new CsvError(displayName, 1, 'a file too large to read as text');
    throw new CsvError(displayName, 1, `a file that cannot be read (${code ?? (err as Error).message})`);
  }
  return parseCsv(text, displayName);
}
