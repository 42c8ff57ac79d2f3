/**
 * `regiosim calibrate` and `regiosim robustness` through the CLI: bad input (exit 2, every
 * problem at once, nothing written) and small real runs through the batch machinery (worker
 * threads need the compiled dist/): acceptance as the targets say, an ensemble the other command
 * takes, shards that merge into the same result, and tables that agree with each other.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnsemble } from '../../../src/analysis/ensemble.js';
import { parseCsv } from '../../../src/formats/csv.js';
import { ensureBuilt, ROOT } from '../../setup/build.js';
import { removeDir, runCli, tempDir } from '../helpers.js';

const TINY = join(ROOT, 'tests', 'batch', 'fixtures', 'tiny-coalition.yaml');
const TINY_NONE = join(ROOT, 'tests', 'batch', 'fixtures', 'tiny-none.yaml');

const TARGETS = `name: tiny
scenarios: [${JSON.stringify(TINY)}]
samples: 8
replications: 2
seed: 5
parameters:
  secretaryTurnoverPerYear: {min: 0.05, max: 0.6}
  altruism: {}
targets:
  - id: turnover
    measure: secretary_turnover_rate
    min: 0.1
    max: 0.35
    source: a band that some sets miss
  - id: tasks
    measure: tasks_arrived
    min: 0
    source: always met
`;

const dirs: string[] = [];
const temp = (p: string): string => {
  const d = tempDir(p);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach(removeDir));

function csv(path: string): { header: string[]; rows: string[][] } {
  return parseCsv(readFileSync(path, 'utf8'));
}

describe('regiosim calibrate and robustness: bad input exits 2 and writes nothing', () => {
  it('a targets file with mistakes: every problem, with its line', async () => {
    const cwd = temp('cal-bad');
    writeFileSync(join(cwd, 't.yaml'), TARGETS.replace('measure: secretary_turnover_rate', 'measure: turnover').replace('samples: 8', 'samples: 0').replace('altruism: {}', 'altruism: {min: -1}'));
    const r = await runCli(['calibrate', 't.yaml', '--out', 'o'], cwd);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^regiosim: 3 problems in t\.yaml:\n/);
    expect(r.err).toMatch(/samples \(line 3\): expected/);
    expect(r.err).toMatch(/parameters\.altruism\.min \(line 8\): expected a value within the declared bounds 0 to 1/);
    expect(r.err).toMatch(/targets\[0\]\.measure \(line 11\): expected a run measure/);
    expect(readdirSync(cwd)).toEqual(['t.yaml']);
  });

  it('robustness: --lhs without --params, an unknown outcome, a missing ensemble: all at once', async () => {
    const cwd = temp('rob-bad');
    const r = await runCli(['robustness', TINY_NONE, TINY, '--lhs', '5', '--outcome', 'completion', '--replications', '1'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--replications: expected a whole number of paired runs per world from 2 to 1000, found "?1"?/);
    expect(r.err).toMatch(/--params: expected with --lhs, the parameters to vary, found nothing/);
    expect(r.err).toMatch(/--outcome completion: expected a run measure/);
    const g = await runCli(['robustness', TINY_NONE, TINY, '--lhs', '5', '--params', 'altruism', '--range', 'altruism=0:2', '--range', 'spillover=0:1'], cwd);
    expect(g.code).toBe(2);
    expect(g.err).toMatch(/--range spillover: expected a parameter listed in --params \(altruism\)/);
    expect(g.err).toMatch(/--range altruism: expected a value within the declared bounds 0 to 1/);
    const e = await runCli(['robustness', TINY_NONE, TINY, '--ensemble', 'nope.yaml'], cwd);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/nope\.yaml: --ensemble: expected a readable file \(YAML\): an ensemble file \(regiosim calibrate writes one\), found no such file/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('regiosim calibrate and robustness through the batch machinery', () => {
  beforeAll(() => ensureBuilt());

  it('calibrates: accepts exactly the sets that meet every target, writes the ensemble, and shards merge to the same result', async () => {
    const cwd = temp('cal');
    writeFileSync(join(cwd, 't.yaml'), TARGETS);
    const r = await runCli(['calibrate', 't.yaml', '--out', 'c', '--workers', '2', '--quiet'], cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const dir = join(cwd, 'c');
    const targets = csv(join(dir, 'calibration-targets.csv'));
    expect(targets.header).toEqual(['set', 'target', 'measure', 'scenario', 'statistic', 'value', 'min', 'max', 'within']);
    expect(targets.rows).toHaveLength(8 * 2);
    // within is what the band says of the value
    for (const row of targets.rows) {
      const v = Number(row[5]);
      const lo = row[6] === '' ? -Infinity : Number(row[6]);
      const hi = row[7] === '' ? Infinity : Number(row[7]);
      expect(row[8]).toBe(String(v >= lo && v <= hi));
    }
    const accepted = [...new Set(targets.rows.map((x) => x[0]))].filter((s) => targets.rows.filter((x) => x[0] === s).every((x) => x[8] === 'true'));
    const manifest = JSON.parse(readFileSync(join(dir, 'calibration.json'), 'utf8')) as { accepted: number; tried: number; acceptance_rate: number; targets: { id: string; met: number }[] };
    expect(manifest.tried).toBe(8);
    expect(manifest.accepted).toBe(accepted.length);
    expect(manifest.acceptance_rate).toBe(accepted.length / 8);
    expect(manifest.targets.map((x) => x.id)).toEqual(['turnover', 'tasks']);
    expect(manifest.targets[1]!.met).toBe(8);
    // the band on turnover bites: some sets miss it (secretaryTurnoverPerYear runs from 0.05 to 0.6)
    expect(manifest.targets[0]!.met).toBeGreaterThan(0);
    expect(manifest.targets[0]!.met).toBeLessThan(8);
    expect(r.out).toContain(`Calibration tiny: ${accepted.length} of 8 parameter sets meet every target`);
    const points = csv(join(dir, 'calibration-points.csv'));
    const e = loadEnsemble(join(dir, 'ensemble.yaml'), cwd);
    expect(e.points).toHaveLength(accepted.length);
    expect(points.header).toEqual(['set', 'accepted', 'targets_met', 'param_altruism', 'param_secretaryTurnoverPerYear']);
    expect(e.points).toEqual(points.rows.filter((x) => x[1] === 'true').map((x) => ({ altruism: Number(x[3]), secretaryTurnoverPerYear: Number(x[4]) })));
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain(`**${accepted.length} of 8 sets were accepted`);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<h1>Calibration <code>tiny</code></h1>');

    // the same calibration in two shards, merged by the call without --shard
    for (const s of ['0/2', '1/2']) {
      const part = await runCli(['calibrate', 't.yaml', '--out', 's', '--shard', s, '--workers', '1', '--quiet'], cwd);
      expect(part.code).toBe(0);
      expect(part.out).toContain(`Shard ${s} of the calibration is done`);
    }
    expect(existsSync(join(cwd, 's', 'ensemble.yaml'))).toBe(false);
    const merged = await runCli(['calibrate', 't.yaml', '--out', 's', '--quiet'], cwd);
    expect(merged.code).toBe(0);
    for (const f of ['calibration-targets.csv', 'calibration-points.csv', 'ensemble.yaml']) {
      expect(readFileSync(join(cwd, 's', f), 'utf8').replace(/--out s\b.*\n/, '')).toBe(readFileSync(join(dir, f), 'utf8').replace(/--out c\b.*\n/, ''));
    }

    // robustness over that ensemble
    const ens = accepted.length >= 2 ? join(dir, 'ensemble.yaml') : null;
    const args = ['robustness', TINY_NONE, TINY, ...(ens ? ['--ensemble', ens] : ['--lhs', '4', '--params', 'altruism']), '--replications', '2', '--outcome', 'completion_rate', '--outcome', 'exits', '--out', 'r', '--workers', '2', '--quiet'];
    const rob = await runCli(args, cwd);
    expect(rob.err).toBe('');
    expect(rob.code).toBe(0);
    const worlds = csv(join(cwd, 'r', 'worlds.csv'));
    const nWorlds = ens ? accepted.length : 4;
    expect(worlds.rows).toHaveLength(nWorlds * 2);
    const table = csv(join(cwd, 'r', 'robustness.csv'));
    expect(table.rows.map((x) => `${x[0]}:${x[2]}`)).toEqual(['tiny-coalition:completion_rate', 'tiny-coalition:exits']);
    // share_better is the share of worlds.csv rows marked better
    const completion = worlds.rows.filter((x) => x[3] === 'completion_rate');
    const col = table.header.indexOf('share_better');
    expect(Number(table.rows[0]![col])).toBeCloseTo(completion.filter((x) => x[8] === 'true').length / completion.filter((x) => x[5] !== '').length, 9);
    expect(rob.out).toContain(`Robustness of tiny-coalition against tiny-none in ${nWorlds} plausible worlds, 2 paired runs each (parameter uncertainty)`);
    expect(readFileSync(join(cwd, 'r', 'summary.md'), 'utf8')).toContain('These figures show **parameter uncertainty**, not seed noise.');
    // docking on the same batch: the model column is runs.csv's mean, and the baseline differs from it
    const dk = await runCli(['docking', join('r', 'batch')], cwd);
    expect(dk.err).toBe('');
    expect(dk.code).toBe(0);
    expect(dk.out).toMatch(/^Docking: the static baseline on the same tasks as the batch, differences from tiny-none:\n/);
    const dock = csv(join(cwd, 'r', 'batch', 'docking.csv'));
    const runs = csv(join(cwd, 'r', 'batch', 'runs.csv'));
    const ci = runs.header.indexOf('completion_rate');
    const first0 = dock.rows.find((x) => x[1] === '0' && x[2] === 'completion_rate')!;
    const mine = runs.rows.filter((x) => x[2] === '0').map((x) => Number(x[ci]));
    expect(Number(first0[4])).toBeCloseTo(mine.reduce((a, b) => a + b, 0) / mine.length, 8);
    expect(dock.rows.some((x) => x[4] !== x[5])).toBe(true);
    expect(csv(join(cwd, 'r', 'batch', 'docking-comparison.csv')).rows).toHaveLength(nWorlds * 3);
    const first = readFileSync(join(cwd, 'r', 'robustness.csv'), 'utf8');
    const again = await runCli(args, cwd);
    expect(again.code).toBe(0);
    expect(readFileSync(join(cwd, 'r', 'robustness.csv'), 'utf8')).toBe(first);
  }, 600_000);
});
