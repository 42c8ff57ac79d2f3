/** The installed entry point (bin/regiosim.js → dist/): exit codes and streams of a real process. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../setup/build.js';
import { listFiles, removeDir, tempDir } from './helpers.js';

let cwd: string;
beforeAll(() => {
  ensureBuilt();
  cwd = tempDir('bin');
});
afterAll(() => removeDir(cwd));

function regiosim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/regiosim.js', () => {
  it('--version exits 0', () => {
    const r = regiosim('--version');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('a user error exits 2 with the problems on stderr and no stack trace', () => {
    const r = regiosim('run', 'basiscoalitie', '--set', 'nope=1');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^regiosim: 1 problem in .*basiscoalitie\.yaml:\n {2}- --set nope: expected the name of a model parameter/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(listFiles(cwd)).toEqual([]);
  });

  it('an unknown option exits 2', () => {
    const r = regiosim('validate', 'basiscoalitie', '--strict-mode');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('regiosim: 1 problem in the command line:\n  - --strict-mode: expected an option of regiosim validate <files...> (see --help), found an unknown option\nRun `regiosim validate --help` for usage.\n');
  });

  it('a reader that closes the pipe early (| head) ends it quietly with exit code 0', () => {
    // The reader closes its end at once, long before node has started: every write fails with EPIPE.
    for (const args of [['regions', 'netherlands'], ['params', '--format', 'csv']]) {
      const r = spawnSync('bash', ['-c', 'node "$@" | (exec 0<&-); exit "${PIPESTATUS[0]}"', 'bash', BIN, ...args], { cwd, encoding: 'utf8' });
      expect([r.status, r.stderr]).toEqual([0, '']);
    }
  });

  it('a run exits 0 and writes its files', () => {
    const r = regiosim('run', 'rivierenland-none', '--seed', '5');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(listFiles(cwd)).toEqual(['events.jsonl', 'manifest.json', 'story.md', 'summary.json', 'timeseries.csv', 'trust.csv'].map((f) => `output/rivierenland-none/seed-5/${f}`));
  });
});
