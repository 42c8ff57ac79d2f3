/**
 * Builds the compiled CLI (dist/) for tests that run the real `bin/regiosim.js` or the batch's
 * worker threads (which always run the compiled dist/src/batch/worker.js).
 *
 * Use as a vitest globalSetup (`globalSetup: ['tests/setup/build.ts']`: builds once per test run
 * and tells the workers through REGIOSIM_TEST_BUILT), or call `ensureBuilt()` in a `beforeAll`
 * (builds once per test file unless the global setup already did).
 *
 * The build is skipped when dist/ is known to be up to date: after each build this file records
 * a hash of every input of the build (src/, bench/, the tsconfigs, package.json, the TypeScript
 * version) and a hash of every file under dist/ in node_modules/.cache/regiosim/. It skips only
 * when both hashes still match, so dist/ is byte for byte what tsc wrote from exactly these
 * sources: an edited source, a deleted or hand-edited dist/ file, or a `npm run build` in
 * between all rebuild. The rebuild is incremental (tsc --incremental, its build info next to the
 * stamp) when dist/ is still what the last test build left, and from scratch otherwise.
 *
 * Type errors do not stop the build here: tsc still emits, and type checking is the job of
 * `npm run typecheck`. The build fails only when tsc wrote no output or the CLI entry is missing.
 */
import { spawnSync } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'regiosim.js');
const DIST = join(ROOT, 'dist');
const ENTRY = join(DIST, 'src', 'cli', 'main.js');
const CACHE = join(ROOT, 'node_modules', '.cache', 'regiosim');
const STAMP = join(CACHE, 'test-build.json');
const BUILD_INFO = join(CACHE, 'test-build.tsbuildinfo');
/** What tsc -p tsconfig.build.json reads, besides node_modules' type declarations. */
const INPUT_DIRS = ['src', 'bench'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', join('node_modules', 'typescript', 'package.json')];

interface Stamp {
  inputs: string;
  outputs: string;
  buildInfo: string;
}

let built = false;

/** Feeds every file under `dir` (sorted, with its path relative to ROOT) into `h`. */
function hashTree(h: Hash, dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(h, p);
    else hashFile(h, p);
  }
}

function hashFile(h: Hash, path: string): void {
  h.update(path.slice(ROOT.length)).update('\0');
  h.update(existsSync(path) ? readFileSync(path) : '(missing)').update('\0');
}

function inputsHash(): string {
  const h = createHash('sha256');
  for (const d of INPUT_DIRS) hashTree(h, join(ROOT, d));
  for (const f of INPUT_FILES) hashFile(h, join(ROOT, f));
  return h.digest('hex');
}

function outputsHash(): string {
  const h = createHash('sha256');
  hashTree(h, DIST);
  return h.digest('hex');
}

function buildInfoHash(): string {
  const h = createHash('sha256');
  hashFile(h, BUILD_INFO);
  return h.digest('hex');
}

function readStamp(): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** True when dist/ holds exactly what the last test build compiled from the current sources. */
export function distUpToDate(): boolean {
  const stamp = readStamp();
  return stamp !== undefined && existsSync(ENTRY) && stamp.inputs === inputsHash() && stamp.outputs === outputsHash();
}

export function ensureBuilt(): void {
  if (built || process.env['REGIOSIM_TEST_BUILT'] === '1') return;
  const inputs = inputsHash();
  const outputs = outputsHash();
  const stamp = readStamp();
  if (stamp && existsSync(ENTRY) && stamp.inputs === inputs && stamp.outputs === outputs) {
    built = true;
    return;
  }
  // Incremental only from the state tsc's build info describes: dist/ and the build info as the
  // last test build left them. Anything else (no stamp, dist/ changed or removed) starts afresh.
  if (!stamp || stamp.outputs !== outputs || stamp.buildInfo !== buildInfoHash()) rmSync(BUILD_INFO, { force: true });
  rmSync(STAMP, { force: true }); // a build that stops halfway leaves no stamp behind
  mkdirSync(CACHE, { recursive: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', BUILD_INFO], { cwd: ROOT, encoding: 'utf8' });
  // tsc exits 0 when clean and 2 when it found type errors but still wrote its output.
  if ((r.status !== 0 && r.status !== 2) || !existsSync(ENTRY)) {
    throw new Error(`npm run build did not produce ${ENTRY} (tsc exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  writeFileSync(STAMP, JSON.stringify({ inputs, outputs: outputsHash(), buildInfo: buildInfoHash() } satisfies Stamp) + '\n');
  built = true;
}

/**
 * vitest globalSetup entry: builds once, and gives the whole run one temporary folder. Every
 * temporary directory a test makes (through os.tmpdir(), in the test workers and in the
 * processes they start) lands in it, and the teardown removes it, so a test run leaves nothing
 * behind even when a test fails halfway.
 */
export default function setup(): () => void {
  ensureBuilt();
  process.env['REGIOSIM_TEST_BUILT'] = '1';
  const root = mkdtempSync(join(tmpdir(), 'regiosim-tests-'));
  process.env['TMPDIR'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
