/**
 * Crash safety for real: the compiled CLI is killed with SIGKILL while it runs, twice, and the
 * batch is resumed; the finished files equal those of an uninterrupted batch byte for byte.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../setup/build.js';
import { bin, COALITION, NONE, removeDir, sameData, stableManifest, tempDir } from './helpers.js';

let cwd: string;
beforeAll(() => {
  ensureBuilt();
  cwd = tempDir('resume');
});
afterAll(() => removeDir(cwd));

const BATCH = ['batch', COALITION, NONE, '--runs', '60', '--workers', '2', '--quiet', '--no-analyze'];

function journalLines(dir: string): number {
  const path = join(dir, 'journal', 'runs.ndjson');
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8').split('\n').length - 1;
}

/** Starts `regiosim ...argv`, waits until the journal holds at least `after` more runs, then kills it with SIGKILL. */
async function killMidway(dir: string, argv: string[], after: number): Promise<void> {
  const start = journalLines(dir);
  const child = spawn(process.execPath, [BIN, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let finished = false;
  void exited.then(() => (finished = true));
  while (!finished && journalLines(dir) < start + after) await new Promise((r) => setTimeout(r, 5));
  if (finished) throw new Error(`the batch ended before it could be killed:\n${stderr}`);
  child.kill('SIGKILL');
  await exited;
}

describe('kill -9 and --resume', () => {
  it('loses at most the runs in flight and resumes to the same files as an uninterrupted batch', async () => {
    const whole = bin(cwd, ...BATCH, '--out', 'whole');
    expect(whole.code).toBe(0);

    const dir = join(cwd, 'killed');
    await killMidway(dir, [...BATCH, '--out', 'killed'], 10);
    const afterFirst = journalLines(dir);
    expect(afterFirst).toBeGreaterThanOrEqual(10);
    expect(afterFirst).toBeLessThan(120);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { status: string; counts: { planned: number } };
    expect(manifest.status).toBe('running');
    expect(manifest.counts.planned).toBe(120);
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);

    // Starting the same batch again over it is refused: it says how to continue.
    const again = bin(cwd, ...BATCH, '--out', 'killed');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--out .*killed: expected an empty directory or a finished result to replace, found an unfinished batch: continue it with `regiosim batch --resume .*killed`, or remove the directory/);

    // A crash mid-write as well: a series block without its line, then a torn line.
    appendFileSync(join(dir, 'journal', 'series.bin'), Buffer.alloc(1234, 7));
    appendFileSync(join(dir, 'journal', 'runs.ndjson'), '{"run":119,"o":"0.25,0.5');

    // Resume, and kill it once more.
    await killMidway(dir, ['batch', '--resume', 'killed', '--workers', '2', '--quiet', '--no-analyze'], 10);
    const afterSecond = journalLines(dir);
    expect(afterSecond).toBeGreaterThanOrEqual(afterFirst + 10);

    const resumed = bin(cwd, 'batch', '--resume', 'killed', '--workers', '1', '--no-analyze');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`: 120 runs \\(.*\\); ${120 - afterSecond} run now, ${afterSecond} from before, in `));
    expect(sameData(join(cwd, 'whole'), dir).differing).toEqual([]);
    expect(stableManifest(dir)).toEqual(stableManifest(join(cwd, 'whole')));
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { resumed: string[]; status: string };
    expect(m.resumed).toHaveLength(2);
    expect(m.status).toBe('complete');

    // Resuming a finished batch does nothing.
    const done = bin(cwd, 'batch', '--resume', 'killed');
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(/is already complete \(120 runs\); nothing to do/);
  });
});
