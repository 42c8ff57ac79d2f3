/**
 * One V8 layout (hidden class) for every municipality and for every arrangement's props, across
 * runs of different scenarios and seeds, so that the hot loops reading them stay monomorphic
 * (issue 14: object spread gave each run's objects a layout of their own and the optimised code
 * was thrown away again and again). tests/core/layout-check.mjs asks V8 itself with %HaveSameMap,
 * which needs `--allow-natives-syntax`, so it runs in a child process against dist/ (built by the
 * global setup). The same script fails on the commit before the fix (1dd4d68):
 * `node --allow-natives-syntax tests/core/layout-check.mjs <worktree of 1dd4d68>`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../setup/build.js';

describe('object layouts', () => {
  it('municipalities of two worlds and the props of all their arrangements share one map each', () => {
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', join(ROOT, 'tests', 'core', 'layout-check.mjs'), ROOT], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('municipalities: 14 objects, 0 with a map other than the first\'s\narrangement props: 17 objects, 0 with a map other than the first\'s\n');
    expect(r.status).toBe(0);
  });
});
