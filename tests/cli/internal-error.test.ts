import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listFiles, removeDir, runCli, tempDir } from './helpers.js';

// A bug in the model: the CLI must say so, show the stack and exit 1 (not 2), writing nothing.
vi.mock('../../src/core/run.js', () => ({
  runSimulation: () => {
    throw new TypeError('cannot read properties of undefined (reading "trust")');
  },
}));

let cwd: string;
beforeAll(() => {
  cwd = tempDir('bug');
});
afterAll(() => removeDir(cwd));

describe('an internal error', () => {
  it('prints the stack trace and exits 1', async () => {
    const r = await runCli(['run', 'basiscoalitie'], cwd);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^regiosim: internal error \(this is a bug; please report it with the command line and scenario\):\nTypeError: cannot read properties of undefined \(reading "trust"\)\n\s+at /);
    expect(listFiles(cwd)).toEqual([]);
  });
});
