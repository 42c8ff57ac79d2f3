/**
 * Builds the compiled CLI (dist/) for tests that run the real `bin/regiosim.js`.
 *
 * Use as a vitest globalSetup (`globalSetup: ['tests/setup/build.ts']`: builds once per test run
 * and tells the workers through REGIOSIM_TEST_BUILT), or call `ensureBuilt()` in a `beforeAll`
 * (builds once per test file unless the global setup already did).
 *
 * Type errors do not stop the build here: tsc still emits, and type checking is the job of
 * `npm run typecheck`. The build fails only when the CLI entry point was not written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'regiosim.js');
const ENTRY = join(ROOT, 'dist', 'src', 'cli', 'main.js');

let built = false;

export function ensureBuilt(): void {
  if (built || process.env['REGIOSIM_TEST_BUILT'] === '1') return;
  const startedAt = Date.now();
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(ENTRY) || statSync(ENTRY).mtimeMs < startedAt - 2000) {
    throw new Error(`npm run build did not produce ${ENTRY}:\n${r.stdout}\n${r.stderr}`);
  }
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
