/**
 * Crash safety for real: the compiled CLI is killed with SIGKILL while it runs (during its runs,
 * while it writes its files, during the analysis), and the batch is resumed; the finished folder
 * equals that of an uninterrupted batch file for file and byte for byte, and nothing a killed
 * process left behind remains.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPid } from '../helpers/places.js';
import { BIN, ensureBuilt } from '../setup/build.js';
import { bin, COALITION, listFiles, NONE, removeDir, sameData, stableManifest, tempDir } from './helpers.js';

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

    // What a process killed while writing leaves: temporaries of its result files, its manifest
    // and its journal.
    const dead = deadPid();
    for (const f of [`runs.csv.tmp-${dead}-4`, `spells.csv.tmp-${dead}`, `manifest.json.tmp-${dead}-7`]) writeFileSync(join(dir, f), '');
    writeFileSync(join(dir, 'journal', `runs.ndjson.tmp-${dead}`), '{"run":');

    const resumed = bin(cwd, 'batch', '--resume', 'killed', '--workers', '1', '--no-analyze');
    expect(resumed.code).toBe(0);
    expect(listFiles(dir)).toEqual(listFiles(join(cwd, 'whole')));
    expect(resumed.stdout).toMatch(new RegExp(`: 120 runs \\(.*\\); ${120 - afterSecond} run now, ${afterSecond} from before, in `));
    expect(sameData(join(cwd, 'whole'), dir).differing).toEqual([]);
    expect(stableManifest(dir)).toEqual(stableManifest(join(cwd, 'whole')));
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { resumed: string[]; status: string };
    expect(m.resumed).toHaveLength(2);
    expect(m.status).toBe('complete');

    // Resuming a finished batch does nothing but tidy: a journal half removed, temporaries.
    mkdirSync(join(dir, 'journal'));
    writeFileSync(join(dir, 'journal', 'series.bin'), Buffer.alloc(100));
    writeFileSync(join(dir, `points.csv.tmp-${dead}-9`), 'point');
    const done = bin(cwd, 'batch', '--resume', 'killed');
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(/is already complete \(120 runs\); nothing to do/);
    expect(listFiles(dir)).toEqual(listFiles(join(cwd, 'whole')));
  });

  it('killed while writing its files or analysing, resumes to the same folder as an uninterrupted batch, analysis included', async () => {
    const ARGS = ['batch', COALITION, NONE, '--runs', '40', '--workers', '2', '--quiet', '--keep-timeseries'];
    mkdirSync(join(cwd, 'a'));
    mkdirSync(join(cwd, 'b'));
    // The same directory name in both places: summary.md names the batch by it.
    expect(bin(join(cwd, 'a'), ...ARGS, '--out', 'batch').code).toBe(0);
    const whole = join(cwd, 'a', 'batch');
    expect(readdirSync(whole)).toContain('summary.md');

    /** Starts the batch and kills it as soon as `when` holds of its directory; false when it finished first. */
    const killWhen = async (argv: string[], dir: string, when: (entries: string[]) => boolean): Promise<boolean> => {
      const child = spawn(process.execPath, [BIN, ...argv], { cwd: join(cwd, 'b'), stdio: 'ignore' });
      let exited = false;
      const done = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
      while (!exited) {
        const entries = existsSync(dir) ? readdirSync(dir) : [];
        if (when(entries)) {
          child.kill('SIGKILL');
          await done;
          return true;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
      return false;
    };
    const dir = join(cwd, 'b', 'batch');
    const moments: [string, (entries: string[]) => boolean][] = [
      ['while the result files are written', (e) => e.some((f) => /\.csv\.tmp-\d+-\d+$/.test(f))],
      ['during the analysis', (e) => e.includes('timeseries-summary.csv') && !e.includes('summary.md')],
    ];
    let killed = 0;
    for (const [, when] of moments) {
      removeDir(dir);
      if (await killWhen([...ARGS, '--out', 'batch'], dir, when)) killed += 1;
      const resumed = bin(join(cwd, 'b'), 'batch', '--resume', 'batch', '--quiet');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(listFiles(dir)).toEqual(listFiles(whole));
      expect(sameData(whole, dir).differing).toEqual([]);
      expect(stableManifest(dir)).toEqual(stableManifest(whole));
    }
    // At least one of the two moments is caught on any machine (both, usually).
    expect(killed).toBeGreaterThan(0);
    if (process.env['REGIOSIM_DEBUG_KILLS']) process.stderr.write(`killed at ${killed} of ${moments.length} moments\n`);
  });
});
