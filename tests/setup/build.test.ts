/**
 * The test build (scripts/build.mjs through tests/setup/build.ts) is skipped only while dist/ is
 * exactly what tsc wrote from the current sources: a changed input or a changed dist/ makes it
 * stale again. The global setup has just built, so dist/ starts up to date.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distUpToDate, ROOT } from './build.js';

function whileThere(path: string, check: () => void): void {
  writeFileSync(path, 'probe\n');
  try {
    check();
  } finally {
    rmSync(path, { force: true });
  }
}

describe('the test build', () => {
  it('counts dist/ as up to date right after the global setup built it', () => {
    expect(distUpToDate()).toBe(true);
  });

  it('counts dist/ as stale while a file under dist/ differs from what tsc wrote', () => {
    whileThere(join(ROOT, 'dist', `.probe-${process.pid}`), () => expect(distUpToDate()).toBe(false));
    expect(distUpToDate()).toBe(true);
  });

  it('counts dist/ as stale while an input of the build differs from what it was built from', () => {
    whileThere(join(ROOT, 'bench', `.probe-${process.pid}`), () => expect(distUpToDate()).toBe(false));
    expect(distUpToDate()).toBe(true);
  });
});
