// Builds dist/ with `tsc -p tsconfig.build.json`, and skips the work when dist/ is known to be
// up to date. `npm run build` runs this file; the tests' global setup (tests/setup/build.ts)
// calls ensureDist() from it, so a build by either serves the other.
//
// After each build it records, in node_modules/.cache/regiosim/build.json, a hash of every
// input of the build (src/, bench/, the tsconfigs, package.json, the TypeScript version) and a
// hash of every file under dist/. It skips only when both still match, so dist/ is byte for
// byte what tsc wrote from exactly these sources: an edited source, a deleted or hand-edited
// dist/ file, or a plain `tsc` in between all rebuild. The rebuild is incremental (tsc
// --incremental, its build info next to the record) when dist/ and the build info are still
// what the last build left, and from scratch otherwise.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const ENTRY = join(DIST, 'src', 'cli', 'main.js');
const CACHE = join(ROOT, 'node_modules', '.cache', 'regiosim');
const RECORD = join(CACHE, 'build.json');
const BUILD_INFO = join(CACHE, 'build.tsbuildinfo');
/** What tsc -p tsconfig.build.json compiles, and what decides how it compiles it. */
const INPUT_DIRS = ['src', 'bench'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', join('node_modules', 'typescript', 'package.json')];

/** Feeds every file under `dir` (sorted, with its path relative to ROOT) into `h`. */
function hashTree(h, dir) {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(h, p);
    else hashFile(h, p);
  }
}

function hashFile(h, path) {
  h.update(path.slice(ROOT.length)).update('\0');
  h.update(existsSync(path) ? readFileSync(path) : '(missing)').update('\0');
}

function inputsHash() {
  const h = createHash('sha256');
  for (const d of INPUT_DIRS) hashTree(h, join(ROOT, d));
  for (const f of INPUT_FILES) hashFile(h, join(ROOT, f));
  return h.digest('hex');
}

function outputsHash() {
  const h = createHash('sha256');
  hashTree(h, DIST);
  return h.digest('hex');
}

function buildInfoHash() {
  const h = createHash('sha256');
  hashFile(h, BUILD_INFO);
  return h.digest('hex');
}

function readRecord() {
  try {
    return JSON.parse(readFileSync(RECORD, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * True when dist/ holds exactly what the last build compiled from the current sources (with or
 * without type errors; `clean` in the record says which).
 */
export function distUpToDate() {
  const r = readRecord();
  return r !== undefined && existsSync(ENTRY) && r.inputs === inputsHash() && r.outputs === outputsHash();
}

/**
 * Makes dist/ current. Returns what happened: 'up to date' (nothing to do), or 'built' with
 * tsc's exit status (0 clean, 2 type errors but every file written) and its output.
 *
 * - `allowTypeErrors`: a dist/ built from sources with type errors counts as up to date (the
 *   tests: type checking is `npm run typecheck`'s job). Without it, such a dist/ is rebuilt so
 *   that tsc reports the errors again and the build fails again.
 * Throws when tsc wrote no output (exit 1, or no CLI entry point).
 */
export function ensureDist({ allowTypeErrors = false } = {}) {
  const inputs = inputsHash();
  const outputs = outputsHash();
  const record = readRecord();
  const current = record !== undefined && existsSync(ENTRY) && record.inputs === inputs && record.outputs === outputs;
  if (current && (record.clean || allowTypeErrors)) return { state: 'up to date', status: 0, output: '' };
  // Incremental only from the state tsc's build info describes: dist/ and the build info as the
  // last build left them. Anything else (no record, dist/ changed or removed) starts afresh.
  if (record === undefined || record.outputs !== outputs || record.buildInfo !== buildInfoHash()) rmSync(BUILD_INFO, { force: true });
  rmSync(RECORD, { force: true }); // a build that stops halfway leaves no record behind
  mkdirSync(CACHE, { recursive: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', BUILD_INFO], { cwd: ROOT, encoding: 'utf8' });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  // tsc exits 0 when clean and 2 when it found type errors but still wrote its output.
  if ((r.status !== 0 && r.status !== 2) || !existsSync(ENTRY)) {
    throw new Error(`tsc -p tsconfig.build.json did not produce ${ENTRY} (exit ${r.status}):\n${output}`);
  }
  writeFileSync(RECORD, JSON.stringify({ inputs, outputs: outputsHash(), buildInfo: buildInfoHash(), clean: r.status === 0 }) + '\n');
  return { state: 'built', status: r.status, output };
}

// `node scripts/build.mjs` (npm run build): fails, with tsc's messages, on type errors.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = ensureDist();
  process.stdout.write(result.output);
  if (result.state === 'up to date') process.stdout.write('dist/ is up to date\n');
  process.exitCode = result.status;
}
