/**
 * `regiosim sensitivity`: bad input (in-process CLI, exit 2, nothing written) and one small real
 * Morris screening through the batch machinery (worker threads need the compiled dist/).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARAM_NAMES } from '../../../src/core/params.js';
import { parseCsv } from '../../../src/formats/csv.js';
import { ensureBuilt, ROOT } from '../../setup/build.js';
import { runCli, tempDir } from '../helpers.js';

const TINY = join(ROOT, 'tests', 'batch', 'fixtures', 'tiny-coalition.yaml');

describe('regiosim sensitivity: bad input exits 2 and writes nothing', () => {
  it('unknown parameters, too few trajectories, ranges outside the bounds, no method: all at once', async () => {
    const cwd = tempDir('sens');
    const r = await runCli(['sensitivity', TINY, '--params', 'altruism,luck', '--n', '1', '--range', 'altruism=0:2'], cwd);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'regiosim: 4 problems in the command line:\n' +
        '  - --method: expected one of morris, sobol, found nothing\n' +
        '  - --range altruism: expected a range within the declared bounds 0 to 1 (weight), found 0:2\n' +
        `  - --params luck: expected the name of a model parameter (${PARAM_NAMES.length} of them: see \`regiosim params\`), found an unknown parameter "luck"\n` +
        '  - --n: expected at least 2 Morris trajectories (sigma needs two; 10 or more is usual), found 1\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a Sobol design with too few base samples', async () => {
    const cwd = tempDir('sens');
    const r = await runCli(['sensitivity', TINY, '--method', 'sobol', '--params', 'altruism', '--n', '1'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toBe('regiosim: 1 problem in the command line:\n  - --n: expected a base sample size of at least 2 (intervals need two rows; 64 or more is usual), found 1\n');
  });

  it('an unknown scenario is reported by the scenario loader', async () => {
    const cwd = tempDir('sens');
    const r = await runCli(['sensitivity', 'no-such-scenario', '--method', 'morris', '--params', 'altruism'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^regiosim: 1 problem in no-such-scenario:\n {2}- no-such-scenario: expected a scenario file or a built-in scenario \(/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('regiosim sensitivity through the batch machinery', () => {
  beforeAll(() => ensureBuilt());

  it('runs a small Morris screening, writes sensitivity.csv and the experiment, and reuses a finished batch', async () => {
    const cwd = tempDir('sens-run');
    const args = ['sensitivity', TINY, '--method', 'morris', '--params', 'altruism,trustDrift', '--n', '2', '--replications', '2', '--workers', '2', '--out', 'm', '--quiet', '--outcome', 'cooperation_stability', '--outcome', 'exits'];
    const r = await runCli(args, cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Morris screening of 2 parameters on tiny-coalition: 6 design points × 2 replications\.\ncooperation_stability \(share of pairs\), effect of moving each parameter across its range:\n {3}1\. /);
    const dir = join(cwd, 'm');
    const runs = parseCsv(readFileSync(join(dir, 'runs.csv'), 'utf8'));
    expect(runs.rows).toHaveLength(6 * 2);
    expect(runs.header.slice(0, 7)).toEqual(['run', 'scenario', 'point', 'replication', 'seed', 'param_altruism', 'param_trustDrift']);
    const sens = parseCsv(readFileSync(join(dir, 'sensitivity.csv'), 'utf8'));
    expect(sens.rows.map((x) => `${x[0]}:${x[1]}:${x[2]}`)).toEqual([
      'morris:cooperation_stability:altruism', 'morris:cooperation_stability:trustDrift', 'morris:exits:altruism', 'morris:exits:trustDrift',
    ]);
    for (const row of sens.rows) for (const v of row.slice(3, 6)) expect(Number.isFinite(Number(v))).toBe(true);
    expect(existsSync(join(dir, 'experiment.yaml'))).toBe(true);
    const first = readFileSync(join(dir, 'sensitivity.csv'), 'utf8');

    // Same command again: the batch is complete, so only the indices are recomputed (identically).
    const again = await runCli(args.filter((a) => a !== '--quiet'), cwd);
    expect(again.code).toBe(0);
    expect(again.err).toBe("regiosim: m/ already holds this design's 12 runs; computing the indices only.\n");
    expect(readFileSync(join(dir, 'sensitivity.csv'), 'utf8')).toBe(first);

    // The experiment file reproduces the batch with `regiosim batch --experiment`.
    const b = await runCli(['batch', '--experiment', join(dir, 'experiment.yaml'), '--out', 'again', '--workers', '1', '--quiet', '--no-analyze'], cwd);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    expect(readFileSync(join(cwd, 'again', 'runs.csv'), 'utf8')).toBe(readFileSync(join(dir, 'runs.csv'), 'utf8'));
  });
});
