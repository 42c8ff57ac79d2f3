/**
 * The one typed reader of manifest.json (a run's or a batch's), checked against the schemas of
 * src/formats/manifest.ts: every command that reads a manifest (resume, merge, analyze, chart,
 * report) gets the same typed object, or a UserError naming what is wrong.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { BATCH_FORMAT, BATCH_MANIFEST_KIND, batchManifestSchema, runManifestSchema, type BatchManifest, type RunManifest } from '../formats/manifest.js';
import { UserError, type Problem } from './errors.js';
import { formatPath, zodIssuesToProblems } from './zod-problems.js';

export const MANIFEST = 'manifest.json';

export type ManifestResult<T> = { ok: true; manifest: T } | { ok: false; problems: Problem[] };

function check<T>(schema: z.ZodType<T>, data: unknown, label: string): ManifestResult<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, manifest: parsed.data };
  return { ok: false, problems: zodIssuesToProblems(parsed.error.issues, data, schema).map((p) => ({ path: `${label}: ${formatPath(p.path) || '(top level)'}`, expected: p.expected, found: p.found })) };
}

/** Checks parsed JSON as a batch manifest (kind, format, then every field). */
export function parseBatchManifest(data: unknown, label = MANIFEST): ManifestResult<BatchManifest> {
  const kind = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['kind'] : undefined;
  if (kind !== BATCH_MANIFEST_KIND) return { ok: false, problems: [{ path: label, expected: `the manifest of a regiosim batch (kind "${BATCH_MANIFEST_KIND}")`, found: `kind ${JSON.stringify(kind ?? null)}` }] };
  const format = (data as Record<string, unknown>)['format'];
  if (format !== BATCH_FORMAT) return { ok: false, problems: [{ path: `${label}: format`, expected: `batch format ${BATCH_FORMAT}`, found: String(format) }] };
  return check(batchManifestSchema, data, label);
}

/** Checks parsed JSON as the manifest of one run. */
export function parseRunManifest(data: unknown, label = MANIFEST): ManifestResult<RunManifest> {
  return check(runManifestSchema, data, label);
}

/** The parsed JSON of `<dir>/manifest.json`, or a problem saying why there is none. */
export function readManifestJson(dir: string, option: string): { ok: true; data: unknown } | { ok: false; problem: Problem } {
  const path = join(dir, MANIFEST);
  try {
    if (existsSync(path) && !statSync(path).isFile()) return { ok: false, problem: { path: option, expected: 'the output directory of a regiosim batch (with its manifest.json)', found: 'a manifest.json that is not a file' } };
    return { ok: true, data: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const found =
      code === 'ENOENT' ? (existsSync(dir) ? 'a directory without manifest.json' : 'no such directory')
      : code === 'ENOTDIR' ? 'a file, not a directory'
      : code !== undefined ? `a manifest.json that cannot be read (${code})`
      : `a manifest.json that is not valid JSON (${(err as Error).message})`;
    return { ok: false, problem: { path: option, expected: 'the output directory of a regiosim batch (with its manifest.json)', found } };
  }
}

/** Reads a batch manifest; a UserError (about `dir`) when there is none or it is not a valid one. */
export function readBatchManifest(dir: string, option: string): BatchManifest {
  const json = readManifestJson(dir, option);
  if (!json.ok) throw new UserError(dir, [json.problem]);
  const parsed = parseBatchManifest(json.data, `${option} (${MANIFEST})`);
  if (!parsed.ok) throw new UserError(dir, parsed.problems);
  return parsed.manifest;
}

/** SHA-256 (hex) of a file, read in blocks (result files can be large). */
export function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Provenance checked: every file a manifest lists (`files`: name → SHA-256) must be in `dir`
 * with the bytes it had when it was written. A file changed since (edited in a spreadsheet,
 * replaced, cut short) is a problem; so is a name that points outside the directory.
 */
export function checksumProblems(dir: string, files: Readonly<Record<string, string>> | undefined, label = MANIFEST): Problem[] {
  if (!files) return [];
  const problems: Problem[] = [];
  for (const [name, want] of Object.entries(files)) {
    const at = `${label} files.${name}`;
    if (name === '' || name === '.' || name === '..' || /[\\/]/.test(name)) {
      problems.push({ path: at, expected: 'the name of a file in the directory', found: `${JSON.stringify(name)} (an edited or damaged manifest)` });
      continue;
    }
    let got: string;
    try {
      got = fileSha256(join(dir, name));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ path: at, expected: `${name} as the result was written (sha256 ${want.slice(0, 12)}…)`, found: code === 'ENOENT' ? 'no such file' : `a file that cannot be read (${code ?? 'error'})` });
      continue;
    }
    if (got !== want) {
      problems.push({ path: at, expected: `${name} as the result was written (sha256 ${want.slice(0, 12)}…)`, found: `a file changed since (sha256 ${got.slice(0, 12)}…); run the command that wrote it again` });
    }
  }
  return problems;
}
