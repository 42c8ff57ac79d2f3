/**
 * Writing output files so that they are byte-stable and never half-written.
 *
 * - Numbers go through {@link formatNumber}: rounded to 10 significant digits, then `String(x)`,
 *   so the last-bit differences of floating point across platforms do not show in the files.
 * - CSV per RFC 4180 (fields with a comma, quote or line break are quoted, quotes doubled), with
 *   `\n` line endings, a header row, empty cells for null and `NaN` for undefined statistics
 *   (docs/formats.md).
 * - Files are written to a temporary name and renamed into place; a directory of results is
 *   filled under a temporary sibling name and renamed into place only when complete.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { toCsv, toJson, type CsvCell } from '../formats/text.js';

let counter = 0;
/** A name next to `path` that no other writer in this or another process uses. */
function siblingTemp(path: string, tag: string): string {
  counter += 1;
  return `${path}.${tag}-${process.pid}-${counter}`;
}

/** Writes a file under a temporary name and renames it into place (creating the directory). */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = siblingTemp(path, 'tmp');
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly CsvCell[]>): void {
  writeFileAtomically(path, toCsv(header, rows));
}

export function writeJson(path: string, value: unknown): void {
  writeFileAtomically(path, toJson(value));
}

/** Thrown when `finalDir` exists but is not something we may replace. */
export class OutputDirError extends Error {
  override readonly name = 'OutputDirError';
  constructor(
    readonly dir: string,
    readonly found: string,
  ) {
    super(`cannot write results to ${dir}: it is ${found}`);
  }
}

/**
 * What a directory we may replace looks like: empty, or holding a previous result (a
 * `manifest.json` naming regiosim). Anything else (`--out .` by mistake) is refused, so a typo
 * never deletes a user's files.
 */
function replaceable(dir: string): string | null {
  const st = statSync(dir);
  if (!st.isDirectory()) return 'a file, not a directory';
  const entries = readdirSync(dir);
  if (entries.length === 0) return null;
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    try {
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
      if (typeof m === 'object' && m !== null && 'regiosim_version' in m) return null;
    } catch {
      // not our manifest
    }
  }
  return `a directory with other files (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}) that is not a regiosim result`;
}

/**
 * Throws {@link OutputDirError} when `dir` exists and is neither empty nor a previous regiosim
 * result. Commands call it before a long computation, so a bad --out fails at once.
 */
export function assertReplaceable(dir: string): void {
  if (!existsSync(dir)) return;
  const why = replaceable(dir);
  if (why !== null) throw new OutputDirError(dir, why);
}

/**
 * Fills a directory atomically: `fill` writes into a fresh sibling `<finalDir>.tmp-<pid>-<n>`,
 * which is renamed to `finalDir` once `fill` has finished. An existing result in `finalDir` is
 * replaced only then; if `fill` throws, the temporary directory is removed and `finalDir` is
 * left as it was.
 *
 * Throws {@link OutputDirError} (before writing anything) when `finalDir` exists and is neither
 * empty nor a previous regiosim result.
 */
export async function writeDirAtomically(finalDir: string, fill: (dir: string) => void | Promise<void>): Promise<void> {
  assertReplaceable(finalDir);
  mkdirSync(dirname(finalDir), { recursive: true });
  const tmp = siblingTemp(finalDir, 'tmp');
  mkdirSync(tmp);
  try {
    await fill(tmp);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  if (existsSync(finalDir)) {
    const old = siblingTemp(finalDir, 'old');
    renameSync(finalDir, old);
    try {
      renameSync(tmp, finalDir);
    } catch (err) {
      renameSync(old, finalDir);
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(tmp, finalDir);
  }
}

/** Whether `name` is one of our temporary siblings (for cleanup tools and tests). */
export function isTempName(name: string): boolean {
  return /\.(tmp|old)-\d+-\d+$/.test(basename(name));
}
