/**
 * `regiosim batch` and `regiosim merge` end to end, on two small fixture scenarios: identical
 * files whatever the worker count or sharding, runs reproducible alone, exact summaries,
 * streaming over blocks of months, progress, and bad input.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantileSorted } from 'simple-statistics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalizeBatch, statsCells, SUMMARY_MEASURES } from '../../src/batch/finalize.js';
import { JournalIndex, scanJournal } from '../../src/batch/journal.js';
import { planFromManifest, readManifest } from '../../src/batch/manifest.js';
import { deriveSeed } from '../../src/core/seeds.js';
import { OUTCOME_NAMES, TIMESERIES_COLUMNS } from '../../src/core/results.js';
import { formatNumber } from '../../src/formats/text.js';
import { ensureBuilt } from '../setup/build.js';
import { cli, COALITION, dataFiles, listFiles, NONE, readCsvRows, removeDir, sameData, stableManifest, tempDir } from './helpers.js';

let cwd: string;
beforeAll(() => {
  ensureBuilt();
  cwd = tempDir('batch');
});
afterAll(() => removeDir(cwd));

const RUNS = '6';
const DATA_FILES = ['events-counts.csv', 'municipalities.csv', 'points.csv', 'runs.csv', 'spells.csv', 'timeseries-summary.csv'];

async function ok(...argv: string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await cli(cwd, ...argv);
  if (r.code !== 0) throw new Error(`regiosim ${argv.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return r;
}

describe('statistics of timeseries-summary.csv', () => {
  it('gives n, mean, sd and R type-7 percentiles', () => {
    expect(statsCells(new Float64Array([10, 1, 4, 3, 2]))).toBe('5,4,3.535533906,1.1,2,3,4,9.4');
    expect(statsCells(new Float64Array([7]))).toBe('1,7,NaN,7,7,7,7,7');
    expect(statsCells(new Float64Array([]))).toBe('0,NaN,NaN,NaN,NaN,NaN,NaN,NaN');
  });
});

describe('regiosim batch', () => {
  it('writes the same files with 1 and 2 workers, and with any sharding once merged', async () => {
    await ok('batch', COALITION, NONE, '--runs', RUNS, '--workers', '1', '--out', 'w1', '--quiet', '--no-analyze');
    await ok('batch', COALITION, NONE, '--runs', RUNS, '--workers', '2', '--out', 'w2', '--quiet', '--no-analyze');
    expect(dataFiles(join(cwd, 'w1'))).toEqual(DATA_FILES);
    expect(listFiles(join(cwd, 'w1'))).toEqual([...DATA_FILES, 'manifest.json'].sort());
    expect(sameData(join(cwd, 'w1'), join(cwd, 'w2')).differing).toEqual([]);
    expect(stableManifest(join(cwd, 'w2'))).toEqual(stableManifest(join(cwd, 'w1')));

    for (const n of [2, 3]) {
      const dirs: string[] = [];
      for (let i = 0; i < n; i++) {
        await ok('batch', COALITION, NONE, '--runs', RUNS, '--workers', '2', '--shard', `${i}/${n}`, '--out', `s${n}-${i}`, '--quiet');
        dirs.push(`s${n}-${i}`);
        // A shard keeps its journal for the merge.
        expect(existsSync(join(cwd, `s${n}-${i}`, 'journal', 'runs.ndjson'))).toBe(true);
      }
      // The order of the shard directories does not matter either.
      const merged = await ok('merge', ...dirs.reverse(), '--out', `m${n}`, '--no-analyze');
      expect(merged.stdout).toBe(`Merged ${n} shards of batch tiny-coalition+tiny-none: 12 runs.\nWrote m${n}/\n`);
      expect(sameData(join(cwd, 'w1'), join(cwd, `m${n}`)).differing).toEqual([]);
      expect(stableManifest(join(cwd, `m${n}`))).toEqual(stableManifest(join(cwd, 'w1')));
    }
  });

  it('numbers runs by point and replication, seeds them by replication only, in run order', () => {
    const rows = readCsvRows(join(cwd, 'w1', 'runs.csv'));
    expect(rows[0]!.slice(0, 5)).toEqual(['run', 'scenario', 'point', 'replication', 'seed']);
    expect(rows[0]!.slice(5)).toEqual(OUTCOME_NAMES);
    expect(rows.slice(1).map((r) => r.slice(0, 5).join(','))).toEqual(
      Array.from({ length: 12 }, (_, run) => {
        const point = Math.floor(run / 6);
        const rep = run % 6;
        return [run, point === 0 ? 'tiny-coalition' : 'tiny-none', point, rep, deriveSeed(1, rep)].join(',');
      }),
    );
    expect(readFileSync(join(cwd, 'w1', 'points.csv'), 'utf8')).toBe('point,scenario\n0,tiny-coalition\n1,tiny-none\n');
    const m = JSON.parse(readFileSync(join(cwd, 'w1', 'manifest.json'), 'utf8')) as Record<string, any>;
    expect(m.status).toBe('complete');
    expect(m.counts).toEqual({ scenarios: 2, points: 2, replications: 6, planned: 12, done: 12 });
    expect(m.scenarios.map((s: { name: string; sha256: string }) => s.name)).toEqual(['tiny-coalition', 'tiny-none']);
    expect(m.scenarios[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.experiment.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.node).toBe(process.version);
    // The journal of a whole batch is removed once its files are written.
    expect(existsSync(join(cwd, 'w1', 'journal'))).toBe(false);
  });

  it('summarises every measure but the month counter for every point and month', () => {
    const rows = readCsvRows(join(cwd, 'w1', 'timeseries-summary.csv'));
    expect(rows[0]).toEqual(['scenario', 'point', 'date', 'measure', 'n', 'mean', 'sd', 'p2_5', 'p25', 'p50', 'p75', 'p97_5']);
    expect(rows.length - 1).toBe(2 * 60 * (TIMESERIES_COLUMNS.length - 1));
    expect(rows[1]!.slice(0, 5)).toEqual(['tiny-coalition', '0', '2013-01', TIMESERIES_COLUMNS[1], '6']);
    expect(new Set(rows.slice(1).map((r) => r[3]))).toEqual(new Set(SUMMARY_MEASURES.map((m) => m.name)));
  });

  it('computes the summary exactly from the per-run series (--keep-timeseries), also over small blocks of months', async () => {
    await ok('batch', COALITION, '--runs', '5', '--keep-timeseries', '--shard', '0/1', '--out', 'kt', '--quiet');
    const dir = join(cwd, 'kt');
    const runs = readCsvRows(join(dir, 'timeseries-runs.csv'));
    expect(runs[0]).toEqual(['run', 'scenario', 'point', 'replication', 'date', ...TIMESERIES_COLUMNS]);
    expect(runs.length - 1).toBe(5 * 60);
    const summary = readCsvRows(join(dir, 'timeseries-summary.csv'));
    const col = (name: string): number => runs[0]!.indexOf(name);
    let checked = 0;
    for (const row of summary.slice(1)) {
      const [, , date, measure] = row;
      if (!['2013-01', '2015-06', '2017-12'].includes(date!)) continue;
      const values = runs
        .slice(1)
        .filter((r) => r[4] === date)
        .map((r) => Number(r[col(measure!)]))
        .filter((v) => !Number.isNaN(v));
      const sorted = [...values].sort((a, b) => a - b);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      // The per-run file holds rounded values, so compare with a tolerance of 10 significant digits.
      expect(Number(row[4])).toBe(values.length);
      if (values.length === 0) continue;
      const close = (cell: string, x: number): void => expect(Math.abs(Number(cell) - x)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)));
      close(row[5]!, mean);
      for (const [k, q] of [0.025, 0.25, 0.5, 0.75, 0.975].entries()) close(row[7 + k]!, quantileSorted(sorted, q));
      checked += 1;
    }
    expect(checked).toBe(3 * SUMMARY_MEASURES.length);

    // The same files when the summary is computed one month at a time (flat memory path).
    const manifest = readManifest(dir, 'test');
    const plan = planFromManifest(manifest, dir);
    const index = new JournalIndex(5);
    scanJournal(dir, index, 0, { verify: true, repair: false });
    const again = join(cwd, 'kt-blocks');
    mkdirSync(again);
    await finalizeBatch(plan, index, again, { shard: null, keepTimeseries: true, summaryBudgetBytes: 1 });
    expect(sameData(dir, again).differing).toEqual([]);
  });

  it('records every run so that `regiosim run` reproduces it alone', async () => {
    const exp = join(cwd, 'grid.yaml');
    writeFileSync(exp, `scenarios: [${COALITION}]\nreplications: 2\nseed: 99\nvariations:\n  grid:\n    altruism: [0.2, 0.7]\n`);
    await ok('batch', '--experiment', exp, '--out', 'grid', '--quiet', '--no-analyze');
    expect(readFileSync(join(cwd, 'grid', 'points.csv'), 'utf8')).toBe('point,scenario,param_altruism\n0,tiny-coalition,0.2\n1,tiny-coalition,0.7\n');
    const rows = readCsvRows(join(cwd, 'grid', 'runs.csv'));
    expect(rows[0]!.slice(0, 6)).toEqual(['run', 'scenario', 'point', 'replication', 'seed', 'param_altruism']);
    const row = rows[4]!; // run 3: point 1, replication 1
    expect(row.slice(0, 6)).toEqual(['3', 'tiny-coalition', '1', '1', String(deriveSeed(99, 1)), '0.7']);
    await ok('run', COALITION, '--seed', row[4]!, '--set', `altruism=${row[5]}`, '--out', 'single');
    const summary = JSON.parse(readFileSync(join(cwd, 'single', 'summary.json'), 'utf8')) as { outcomes: Record<string, number | null> };
    expect(OUTCOME_NAMES.map((n) => formatNumber(summary.outcomes[n] ?? NaN))).toEqual(row.slice(6));
    // And its monthly series: the per-run rows of a --keep-timeseries batch equal timeseries.csv.
    await ok('batch', COALITION, '--runs', '2', '--seed', '99', '--set', 'altruism=0.7', '--keep-timeseries', '--out', 'grid-kt', '--quiet', '--no-analyze');
    const perRun = readFileSync(join(cwd, 'grid-kt', 'timeseries-runs.csv'), 'utf8').trimEnd().split('\n');
    const own = readFileSync(join(cwd, 'single', 'timeseries.csv'), 'utf8').trimEnd().split('\n');
    expect(perRun.filter((l) => l.startsWith('1,')).map((l) => l.split(',').slice(4).join(','))).toEqual(own.slice(1));
  });

  it('analyses the batch when done unless --no-analyze', async () => {
    const r = await ok('batch', COALITION, NONE, '--runs', '4', '--out', 'an');
    expect(r.stdout).toMatch(/^Batch tiny-coalition\+tiny-none: 8 runs \(2 scenarios × 2 points × 4 replications\); 8 run now, in [\d.]+ s with \d workers\.\nWrote an\/ \(with the analysis/);
    for (const f of ['summary.csv', 'comparison.csv', 'summary.md']) expect(existsSync(join(cwd, 'an', f))).toBe(true);
  });

  it('shows plain progress lines on stderr when not on a terminal, nothing with --quiet, nothing on stdout', async () => {
    const loud = await ok('batch', COALITION, '--runs', '3', '--out', 'p1', '--no-analyze');
    expect(loud.stderr).toMatch(/^batch tiny-coalition: 3 runs\n(batch tiny-coalition: \d\/3 runs .*\n)*batch tiny-coalition: 3\/3 runs \(100\.0%\), [\d.]+ runs\/s, done\n$/);
    expect(loud.stdout).not.toMatch(/runs\/s/);
    const quiet = await ok('batch', COALITION, '--runs', '3', '--out', 'p2', '--no-analyze', '--quiet');
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe('');
  });

  it('replaces a finished result, refuses an unfinished one and a folder that is not a result', async () => {
    await ok('batch', COALITION, '--runs', '2', '--out', 'p1', '--no-analyze', '--quiet');
    expect(readCsvRows(join(cwd, 'p1', 'runs.csv'))).toHaveLength(3);
    mkdirSync(join(cwd, 'mine'));
    writeFileSync(join(cwd, 'mine', 'notes.txt'), 'keep me');
    const r = await cli(cwd, 'batch', COALITION, '--runs', '2', '--out', 'mine');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: expected an empty directory, a new one, or a previous regiosim result to replace, found .*mine: a directory with other files \(notes\.txt\)/);
    expect(listFiles(join(cwd, 'mine'))).toEqual(['notes.txt']);
  });
});

describe('bad input: exit 2, one message with every problem, nothing written', () => {
  async function fails(argv: string[], out: string): Promise<string> {
    const before = listFiles(cwd);
    const r = await cli(cwd, ...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(cwd, out))).toBe(false);
    expect(listFiles(cwd)).toEqual(before);
    return r.stderr;
  }

  it('command-line options', async () => {
    const err = await fails(['batch', COALITION, 'no-such-scenario', '--runs', '0', '--workers', '0', '--seed', '-3', '--shard', '3/2', '--set', 'nope=1', '--out', 'bad'], 'bad');
    expect(err).toMatch(/^regiosim: \d+ problems in the command line:\n/);
    expect(err).toContain('  - --workers: expected a whole number between 1 and 256, found "0"');
    expect(err).toContain('  - --shard: expected i/n with whole numbers 0 <= i < n (for example 0/4 for the first of four shards), found "3/2"');
    expect(err).toContain('  - --runs: expected a whole number between 1 and 1000000, found "0"');
    expect(err).toContain('  - --seed: expected a whole number between 0 and 4294967295, found "-3"');
    expect(err).toMatch(/ {2}- scenarios\[0\] .*tiny-coalition\.yaml: --set nope: expected the name of a model parameter/);
    expect(err).toMatch(/ {2}- scenarios\[1\] no-such-scenario: no-such-scenario: expected a scenario file or a built-in scenario/);
  });

  it('a batch without scenarios or runs', async () => {
    const err = await fails(['batch', '--out', 'bad'], 'bad');
    expect(err).toContain('scenario: expected one or more scenarios (files or built-in names), --experiment FILE or --resume DIR, found nothing');
    expect(err).toContain('--runs: expected the number of replications per scenario, a whole number of at least 1, found nothing');
  });

  it('a broken experiment file', async () => {
    const exp = join(cwd, 'broken.yaml');
    writeFileSync(exp, `scenarios: [${COALITION}]\nreplications: 2\nvariations:\n  lhs:\n    samples: 3\n    seed: 1\n    parameters:\n      altruism: { min: 0.9, max: 0.1 }\n      nope: { min: 0, max: 1 }\n`);
    const err = await fails(['batch', '--experiment', exp, '--out', 'bad'], 'bad');
    expect(err).toMatch(/^regiosim: 2 problems in .*broken\.yaml:\n/);
    expect(err).toContain('variations.lhs.parameters.altruism.min (line 8): expected a number not above max (0.1), found 0.9');
    expect(err).toContain('variations.lhs.parameters.nope (line 9): expected the name of a model parameter');
    // Combinations the model forbids are found before any run, too.
    writeFileSync(exp, `scenarios: [${COALITION}]\nreplications: 2\nvariations:\n  points:\n    - { taskDurationMin: 30 }\n`);
    const err2 = await fails(['batch', '--experiment', exp, '--out', 'bad'], 'bad');
    expect(err2).toMatch(/scenario tiny-coalition, point 0: parameters\.taskDurationMax.*expected at least taskDurationMin \(30\), found 24/);
    rmSync(exp);
  });

  it('--resume of something that is not a batch, or with other settings', async () => {
    mkdirSync(join(cwd, 'empty'), { recursive: true });
    const err = await fails(['batch', '--resume', 'empty'], 'bad');
    expect(err).toContain('--resume: expected the output directory of a regiosim batch (with its manifest.json), found a directory without manifest.json');
    const err2 = await fails(['batch', COALITION, '--resume', 'w1', '--runs', '3'], 'bad');
    expect(err2).toContain("scenario: expected nothing with --resume (the batch's settings come from w1/manifest.json)");
    expect(err2).toContain('--runs: expected nothing with --resume');
  });

  it('--resume when a scenario file changed since the batch started', async () => {
    const copy = join(cwd, 'changing.yaml');
    writeFileSync(copy, readFileSync(COALITION, 'utf8'));
    await ok('batch', copy, '--runs', '2', '--shard', '0/1', '--out', 'changing', '--quiet');
    writeFileSync(copy, readFileSync(COALITION, 'utf8').replace('taskRatePerMunicipality: 0.3', 'taskRatePerMunicipality: 0.4'));
    const r = await cli(cwd, 'batch', '--resume', 'changing');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^regiosim: 1 problem in .*changing:\n {2}- scenario tiny-coalition \(.*changing\.yaml\): expected the file as it was when the batch started \(sha256 [0-9a-f]{12}…\), found a changed file \(sha256 [0-9a-f]{12}…\); start a new batch instead\n$/);
  });

  it('merging different experiments, overlapping shards or an incomplete set', async () => {
    await ok('batch', COALITION, NONE, '--runs', RUNS, '--seed', '2', '--shard', '1/2', '--out', 'other-1', '--quiet');
    const different = await fails(['merge', 's2-0', 'other-1', '--out', 'bad'], 'bad');
    expect(different).toMatch(/ - other-1: expected a shard of experiment tiny-coalition\+tiny-none \(hash [0-9a-f]{12}…, like s2-0\), found experiment tiny-coalition\+tiny-none \(hash [0-9a-f]{12}…\)/);

    const overlapping = await fails(['merge', 's2-0', 's2-1', 's3-0', '--out', 'bad'], 'bad');
    expect(overlapping).toMatch(/s3-0: expected shards that do not overlap, found runs also in s2-0, s2-1: 0, 3, 6, 9\n/);

    const incomplete = await fails(['merge', 's3-0', 's3-2', '--out', 'bad'], 'bad');
    expect(incomplete).toContain('DIR...: expected shards that together hold all 12 runs (missing shard 1/3), found 8 runs; missing runs 1, 4, 7, 10');

    const whole = await fails(['merge', 'w1', '--out', 'bad'], 'bad');
    expect(whole).toContain('w1: expected a shard output with its journal/ (written by `regiosim batch --shard i/n`), found a whole batch, not a shard');
  });
});
