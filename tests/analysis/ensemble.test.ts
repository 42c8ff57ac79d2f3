/**
 * Ensemble files and calibration targets files: what they accept, every problem at once with its
 * line, and a written ensemble read back unchanged.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensembleYaml, lhsPoints, loadEnsemble, resolveRanges } from '../../src/analysis/ensemble.js';
import { calibrationExperiment, loadCalibration } from '../../src/analysis/calibrate.js';
import { PARAMS } from '../../src/core/params.js';
import { UserError } from '../../src/io/errors.js';
import { tempDir } from './fixtures.js';

const dirs: string[] = [];
function file(name: string, text: string): string {
  const dir = tempDir('regiosim-ensemble-');
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (err) {
    if (err instanceof UserError) return err.problems.map((p) => `${p.path}: ${p.expected} | ${p.found}`);
    throw err;
  }
  throw new Error('no UserError');
}

describe('resolveRanges', () => {
  it('takes the declared bounds for {} and keeps registry order', () => {
    const r = resolveRanges({ exitThreshold: {}, altruism: { min: 0.2 } }, 'parameters');
    expect(r.problems).toEqual([]);
    expect(r.ranges).toEqual([
      { name: 'altruism', min: 0.2, max: PARAMS.altruism.max, integer: false },
      { name: 'exitThreshold', min: PARAMS.exitThreshold.min, max: PARAMS.exitThreshold.max, integer: false },
    ]);
  });
  it('names unknown parameters, values outside the bounds and empty ranges', () => {
    const r = resolveRanges({ altruisme: {}, altruism: { min: 2 }, trustDrift: { min: 0.1, max: 0.05 } }, 'parameters');
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(['parameters.altruisme', 'parameters.altruism.min', 'parameters.trustDrift.min']);
    expect(JSON.stringify(r.problems[0])).toContain('altruism');
  });
  it('draws a Latin hypercube inside the ranges', () => {
    const { ranges } = resolveRanges({ altruism: {}, leadershipAttempts: {} }, 'p');
    const pts = lhsPoints(ranges, 20, 'test');
    expect(pts).toHaveLength(20);
    for (const p of pts) {
      expect(p.altruism).toBeGreaterThanOrEqual(0);
      expect(p.altruism).toBeLessThanOrEqual(1);
      expect(Number.isInteger(p.leadershipAttempts)).toBe(true);
    }
    expect(lhsPoints(ranges, 20, 'test')).toEqual(pts);
  });
});

describe('ensemble files', () => {
  it('round-trips what ensembleYaml writes', () => {
    const { ranges } = resolveRanges({ altruism: {}, exitThreshold: { min: -0.5, max: 0.5 } }, 'r');
    const points = [{ altruism: 0.25, exitThreshold: -0.125 }, { altruism: 0.75, exitThreshold: 0.375 }];
    const text = ensembleYaml({ name: 'test', title: 'Test', description: 'two points', ranges, points, provenance: { tried: 10, accepted: 2 } }, ['a comment']);
    expect(text.startsWith('# a comment\nkind: regiosim-ensemble\n')).toBe(true);
    const e = loadEnsemble(file('e.yaml', text), '/');
    expect(e.points).toEqual(points);
    expect(e.ranges).toEqual(ranges);
    expect(e.provenance).toEqual({ tried: 10, accepted: 2 });
  });
  it('reports every problem with its line', () => {
    const text = ['kind: regiosim-ensemble', 'name: t', 'ranges:', '  altruism: {}', 'points:', '  - {altruism: 2}', '  - {altruism: 0.5, trustDrift: 0.01}', '  - {}', 'extra: 1', ''].join('\n');
    const found = problems(() => loadEnsemble(file('bad.yaml', text), '/'));
    expect(found).toHaveLength(4);
    expect(found.some((p) => p.startsWith('extra (line 9)'))).toBe(true);
    expect(found.some((p) => p.startsWith('points[0].altruism (line 6)'))).toBe(true);
    expect(found.some((p) => p.startsWith('points[1].trustDrift (line 7)'))).toBe(true);
    expect(found.some((p) => p.startsWith('points[2] (line 8)') && p.includes('no altruism'))).toBe(true);
  });
});

describe('calibration targets files', () => {
  const good = [
    'name: t', 'scenarios: [wgr-plus-abolished]', 'samples: 5', 'replications: 2', 'seed: 3',
    'parameters:', '  altruism: {}', '  secretaryTurnoverPerYear: {min: 0.1, max: 0.4}',
    'targets:', '  - {id: turnover, measure: secretary_turnover_rate, min: 0.17, max: 0.25, source: seed 002}',
    '  - {id: loss, measure: net_negative_share, statistic: median, max: 0.5, source: argued}', '',
  ].join('\n');
  it('reads the file and builds the experiment: every scenario at every point of the prior', () => {
    const c = loadCalibration(file('c.yaml', good), '/');
    expect(c.targets.map((t) => [t.id, t.scenario, t.statistic, t.min, t.max])).toEqual([
      ['turnover', 'wgr-plus-abolished', 'mean', 0.17, 0.25],
      ['loss', 'wgr-plus-abolished', 'median', -Infinity, 0.5],
    ]);
    const spec = calibrationExperiment(c);
    expect(spec.points).toHaveLength(5);
    expect(spec.replications).toBe(2);
    expect(spec.masterSeed).toBe(3);
    for (const p of spec.points) {
      expect(Object.keys(p)).toEqual(['altruism', 'secretaryTurnoverPerYear']);
      expect(p.secretaryTurnoverPerYear).toBeGreaterThanOrEqual(0.1);
      expect(p.secretaryTurnoverPerYear).toBeLessThanOrEqual(0.4);
    }
  });
  it('reports every problem at once', () => {
    const bad = good
      .replace('measure: secretary_turnover_rate', 'measure: secretary_turnover')
      .replace('statistic: median, max: 0.5', 'statistic: mode, min: 0.6, max: 0.5')
      .replace('altruism: {}', 'altruism: {max: 3}');
    const found = problems(() => loadCalibration(file('c.yaml', bad), '/'));
    expect(found.some((p) => p.startsWith('targets[0].measure') && p.includes('secretary_turnover_rate'))).toBe(true);
    expect(found.some((p) => p.startsWith('targets[1].statistic'))).toBe(true);
    expect(found.some((p) => p.startsWith('parameters.altruism.max'))).toBe(true);
  });
  it('refuses a target of a scenario the file does not run, and one without a band', () => {
    const bad = good.replace('max: 0.5, source: argued}', 'source: argued, scenario: basiscoalitie}');
    const found = problems(() => loadCalibration(file('c.yaml', bad), '/'));
    expect(found.some((p) => p.startsWith('targets[1].scenario'))).toBe(true);
    expect(found.some((p) => p.startsWith('targets[1] ') && p.includes('min, max or both'))).toBe(true);
  });
});

describe('the built-in ensemble', () => {
  it('is what calibration against the built-in targets accepted: same prior, same targets, points inside the prior', async () => {
    const { ROOT } = await import('../setup/build.js');
    const c = loadCalibration(join(ROOT, 'scenarios', 'calibration', 'haaglanden.yaml'), '/');
    const e = loadEnsemble(join(ROOT, 'scenarios', 'ensembles', 'haaglanden.yaml'), '/');
    expect(e.ranges).toEqual(c.ranges);
    const p = e.provenance as { tried: number; accepted: number; targets: { id: string; min: number | null; max: number | null }[]; replications: number; seed: number };
    expect(p.tried).toBe(c.samples);
    expect(p.accepted).toBe(e.points.length);
    expect(p.replications).toBe(c.replications);
    expect(p.seed).toBe(c.seed);
    expect(p.targets.map((t) => [t.id, t.min, t.max])).toEqual(c.targets.map((t) => [t.id, Number.isFinite(t.min) ? t.min : null, Number.isFinite(t.max) ? t.max : null]));
    // every accepted set is one of the prior's sample
    const prior = calibrationExperiment(c).points.map((x) => JSON.stringify(x));
    for (const point of e.points) expect(prior).toContain(JSON.stringify(Object.fromEntries(c.ranges.map((r) => [r.name, point[r.name]]))));
  });
});

describe('evaluateCalibration', () => {
  it('reads each target in its own scenario, sets numbered scenario-major, and accepts only what meets every target', async () => {
    const { evaluateCalibration } = await import('../../src/analysis/calibrate.js');
    // two scenarios × 3 sets × 2 replications; target a on scenario 0, target b on scenario 1
    const lines = ['run,scenario,point,replication,seed,exits,completion_rate'];
    const exits = [[1, 3], [5, 7], [2, 2]]; // scenario 0, per set: mean 2, 6, 2
    const completion = [[0.9, 0.7], [0.2, 0.4], [0.1, 0.3]]; // scenario 1, per set: median 0.8, 0.3, 0.2
    for (let s = 0; s < 2; s++) for (let set = 0; set < 3; set++) for (let r = 0; r < 2; r++) {
      const point = s * 3 + set;
      lines.push([point * 2 + r, s === 0 ? 'a' : 'b', point, r, 10 + r, s === 0 ? exits[set]![r] : 99, s === 1 ? completion[set]![r] : 0].join(','));
    }
    const path = file('runs.csv', lines.join('\n') + '\n');
    const targets = [
      { id: 'a', measure: 'exits', scenario: 'a', statistic: 'mean' as const, min: 0, max: 4, source: 's' },
      { id: 'b', measure: 'completion_rate', scenario: 'b', statistic: 'median' as const, min: 0.25, max: Infinity, source: 's' },
    ];
    const ev = evaluateCalibration(path, targets, [0, 1], 3);
    expect(ev.values).toEqual([[2, 0.8], [6, expect.closeTo(0.3, 12)], [2, 0.2]]);
    expect(ev.within).toEqual([[true, true], [false, true], [true, false]]);
    expect(ev.accepted).toEqual([0]);
    expect(ev.met).toEqual([2, 2]);
  });
});
