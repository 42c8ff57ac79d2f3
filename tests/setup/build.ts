/**
 * Builds the compiled CLI (dist/) for tests that run the real `bin/regiosim.js` or the batch's
 * worker threads (which always run the compiled dist/src/batch/worker.js).
 *
 * Use as a vitest globalSetup (`globalSetup: ['tests/setup/build.ts']`: builds once per test run
 * and tells the workers through REGIOSIM_TEST_BUILT), or call `ensureBuilt()` in a `beforeAll`
 * (builds once per test file unless the global setup already did).
 *
 * The build is scripts/build.mjs, the same as `npm run build`: it skips tsc when dist/ is byte
 * for byte what tsc last wrote from the current sources, and rebuilds (incrementally when it
 * can) otherwise, so a test never runs against a stale dist/.
 *
 * Type errors do not stop the build here: tsc still emits, and type checking is the job of
 * `npm run typecheck`. The build fails only when tsc wrote no output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDist } from '../../scripts/build.mjs';

export { distUpToDate } from '../../scripts/build.mjs';
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'regiosim.js');

let built = false;

export function ensureBuilt(): void {
  if (built || process.env['REGIOSIM_TEST_BUILT'] === '1') return;
  ensureDist({ allowTypeErrors: true });
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
