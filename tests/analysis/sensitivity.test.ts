/**
 * The sensitivity path design → experiment → runner → indices, with a test double for the batch
 * runner that evaluates known functions instead of the model (the real batch path is exercised
 * by tests/cli/commands/sensitivity.test.ts). Exact values: for a linear function the Morris
 * effects are exact; the Sobol indices of the Ishigami function are analytic (Ishigami & Homma
 * 1990; Saltelli et al. 2008, sect. 4.4), checked with an absolute tolerance of 0.06
 * (n = 1024; the library's own test checks the estimator itself to 0.03 with n = 2^16).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SENSITIVITY_CSV } from '../../src/formats/files.js';
import { header } from '../../src/formats/schema.js';
import { describe, expect, it } from 'vitest';
import { experimentSchema, expandExperiment, type ExperimentSpec } from '../../src/batch/experiment.js';
import { PARAMS } from '../../src/core/params.js';
import {
  buildDesign,
  checkSensitivityOptions,
  runSensitivity,
  type SensitivityOptions,
} from '../../src/analysis/sensitivity.js';
import { parseCsv } from '../../src/formats/csv.js';
import { UserError } from '../../src/io/errors.js';
import { tempDir } from './fixtures.js';

type Model = (p: Record<string, number>, replication: number) => Record<string, number>;

/** A runner double: evaluates `model` at every point and replication and writes runs.csv as a batch would. */
function fakeRunner(model: Model, outcomes: string[], seen: { spec?: ExperimentSpec } = {}) {
  return async (spec: ExperimentSpec, out: string): Promise<void> => {
    seen.spec = spec;
    const params = Object.keys(spec.points[0]!);
    let text = `run,scenario,point,replication,seed,${params.map((p) => `param_${p}`).join(',')},${outcomes.join(',')}\n`;
    spec.points.forEach((p, point) => {
      for (let r = 0; r < spec.replications; r++) {
        const y = model(p, r);
        text += [point * spec.replications + r, 'x', point, r, 1000 + r, ...params.map((n) => p[n]), ...outcomes.map((o) => String(y[o]))].join(',') + '\n';
      }
    });
    writeFileSync(join(out, 'runs.csv'), text);
  };
}

const base = (over: Partial<SensitivityOptions>): SensitivityOptions => ({ scenario: 'x', method: 'morris', params: [], out: tempDir(), ...over });

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).problems.map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`);
  }
  throw new Error('expected a UserError');
}

describe('checkSensitivityOptions', () => {
  it('takes ranges from the declared bounds unless given on the command line', () => {
    const c = checkSensitivityOptions(base({ params: ['altruism', 'taskPatience'], ranges: ['altruism=0.2:0.6'] }));
    expect(c.ranges).toEqual([
      { name: 'altruism', min: 0.2, max: 0.6, integer: false },
      { name: 'taskPatience', min: PARAMS.taskPatience.min, max: PARAMS.taskPatience.max, integer: true },
    ]);
    expect([c.n, c.levels, c.replications, c.seed]).toEqual([10, 4, 5, 1]);
    expect(c.outcomes[0]).toBe('cooperation_stability');
  });

  it('lists every problem at once', () => {
    expect(
      problemsOf(() =>
        checkSensitivityOptions(
          base({
            method: 'fast',
            params: ['altruism', 'nosuch', 'altruism', 'trustBase', 'taskPatience'],
            ranges: ['altruism=0.8:0.2', 'trustBase=-1:0.5', 'spillover=0:1', 'bad', 'taskPatience=3.2:3.8'],
            n: 1,
            outcomes: ['cooperation_stability', 'happiness'],
          }),
        ),
      ),
    ).toEqual([
      '--method: expected one of morris, sobol, found "fast"',
      '--range: expected name=min:max with two numbers (for example altruism=0.2:0.8), found "bad"',
      '--range altruism: expected min below max, found 0.8:0.2',
      '--params nosuch: expected the name of a model parameter (' + Object.keys(PARAMS).length + ' of them: see `regiosim params`), found an unknown parameter "nosuch"',
      '--params altruism: expected each parameter once, found it twice',
      '--range trustBase: expected a range within the declared bounds 0 to 1 (trust 0-1), found -1:0.5',
      '--range taskPatience: expected a range holding at least two whole numbers (the parameter is whole), found 3.2:3.8',
      '--range spillover: expected a parameter listed in --params (altruism, nosuch, altruism, trustBase, taskPatience), found "spillover"',
      '--n: expected at least 2 Morris trajectories (sigma needs two; 10 or more is usual), found 1',
      '--outcome happiness: expected an outcome (cooperation_stability, pairs_cooperating, pairs_at_working_table, network_density, ...: see the README), found "happiness"',
    ]);
  });

  it('refuses Sobol with fewer than 2 base samples and no parameters at all', () => {
    expect(problemsOf(() => checkSensitivityOptions(base({ method: 'sobol', params: [], n: 1 })))).toEqual([
      '--params: expected one or more parameter names, separated by commas (see `regiosim params`), found nothing',
      '--n: expected a base sample size of at least 2 (intervals need two rows; 64 or more is usual), found 1',
    ]);
  });
});

describe('buildDesign', () => {
  const ranges = [
    { name: 'altruism' as const, min: 0.2, max: 0.6, integer: false },
    { name: 'taskPatience' as const, min: 1, max: 48, integer: true },
  ];

  it('Morris: r(k+1) points on the grid, scaled to the ranges, whole numbers for integer parameters', () => {
    const d = buildDesign('morris', ranges, 3, 4, 7);
    expect(d.points).toHaveLength(3 * 3);
    for (const p of d.points) {
      expect([0.2, 0.3333333333, 0.4666666667, 0.6]).toContain(p.altruism);
      expect([1, 17, 32, 48]).toContain(p.taskPatience); // 1 + {0, 1/3, 2/3, 1}·47, rounded
    }
    expect(buildDesign('morris', ranges, 3, 4, 7).points).toEqual(d.points);
    expect(buildDesign('morris', ranges, 3, 4, 8).points).not.toEqual(d.points);
  });

  it('Sobol: A, B, then A_B^(i) which equals A except in column i', () => {
    const n = 5;
    const d = buildDesign('sobol', ranges, n, 4, 1);
    expect(d.points).toHaveLength(n * (2 + 2));
    const A = d.points.slice(0, n);
    const B = d.points.slice(n, 2 * n);
    const AB0 = d.points.slice(2 * n, 3 * n);
    const AB1 = d.points.slice(3 * n, 4 * n);
    AB0.forEach((p, j) => expect(p).toEqual({ altruism: B[j]!.altruism, taskPatience: A[j]!.taskPatience }));
    AB1.forEach((p, j) => expect(p).toEqual({ altruism: A[j]!.altruism, taskPatience: B[j]!.taskPatience }));
  });
});

describe('runSensitivity with an injected runner', () => {
  it('Morris on a linear function gives exact effects per whole range, averaged over replications', async () => {
    // y = 2·altruism − 3·trustBase (+ replication noise that averages to zero); spillover has no effect
    const model: Model = (p, r) => ({ cooperation_stability: 2 * p.altruism! - 3 * p.trustBase! + (r - 1) * 0.01, exits: 1 });
    const seen: { spec?: ExperimentSpec } = {};
    const out = tempDir();
    const res = await runSensitivity(
      base({ out, params: ['altruism', 'trustBase', 'spillover'], ranges: ['trustBase=0.2:0.6'], n: 4, replications: 3, outcomes: ['cooperation_stability', 'exits'] }),
      'x',
      fakeRunner(model, ['cooperation_stability', 'exits'], seen),
    );
    expect(seen.spec!.replications).toBe(3);
    expect(seen.spec!.points).toHaveLength(4 * 4);
    const row = (o: string, p: string) => res.rows.find((r) => r.outcome === o && r.parameter === p)!;
    // effect per whole range: 2·(1 − 0) = 2 for altruism, −3·(0.6 − 0.2) = −1.2 for trustBase
    expect(row('cooperation_stability', 'altruism').mu).toBeCloseTo(2, 9);
    expect(row('cooperation_stability', 'altruism').mu_star).toBeCloseTo(2, 9);
    expect(row('cooperation_stability', 'altruism').sigma).toBeCloseTo(0, 9);
    expect(row('cooperation_stability', 'trustBase').mu).toBeCloseTo(-1.2, 9);
    expect(row('cooperation_stability', 'trustBase').mu_star).toBeCloseTo(1.2, 9);
    expect(row('cooperation_stability', 'spillover').mu_star).toBeCloseTo(0, 9);
    expect(row('exits', 'altruism').mu_star).toBe(0);
    expect(row('exits', 'altruism').s1).toBeNull();

    const csv = parseCsv(readFileSync(join(out, 'sensitivity.csv'), 'utf8'));
    expect(csv.header).toEqual(header(SENSITIVITY_CSV));
    expect(csv.rows[0]!.slice(0, 5)).toEqual(['morris', 'cooperation_stability', 'altruism', '2', '2']);
    expect(Math.abs(Number(csv.rows[0]![5]))).toBeLessThan(1e-12); // sigma: 0 up to rounding
    expect(csv.rows[0]!.slice(6)).toEqual(['', '', '', '', '', '']); // Sobol columns stay empty
    expect(csv.rows).toHaveLength(2 * 3);
  });

  it('with a comparison: the indices of the paired difference, scenario-major points, pairs by replication', async () => {
    // scenario a: y = 2·altruism + noise(r); scenario b: y = 0.5·altruism + trustBase + the same noise(r):
    // the difference a − b = 1.5·altruism − trustBase, exactly (the noise is common to the pair)
    const outcomes = ['cooperation_stability'];
    const runner = async (spec: ExperimentSpec, out: string): Promise<void> => {
      expect(spec.scenarios).toEqual(['a.yaml', 'b.yaml']);
      const params = Object.keys(spec.points[0]!);
      let text = `run,scenario,point,replication,seed,${params.map((p) => `param_${p}`).join(',')},${outcomes.join(',')}\n`;
      const P = spec.points.length;
      spec.scenarios.forEach((_s, si) => spec.points.forEach((p, j) => {
        for (let r = 0; r < spec.replications; r++) {
          const noise = (r - 1) * 0.37;
          const y = si === 0 ? 2 * p.altruism! + noise : 0.5 * p.altruism! + p.trustBase! + noise;
          const point = si * P + j;
          text += [point * spec.replications + r, si === 0 ? 'a' : 'b', point, r, 1000 + r, ...params.map((n) => p[n]), y].join(',') + '\n';
        }
      }));
      writeFileSync(join(out, 'runs.csv'), text);
    };
    const res = await runSensitivity(
      base({ scenario: 'a.yaml', compare: 'b.yaml', out: tempDir(), params: ['altruism', 'trustBase'], n: 3, replications: 3, outcomes }),
      'a', runner, 'regiosim sensitivity', 'b',
    );
    const row = (p: string) => res.rows.find((r) => r.parameter === p)!;
    expect(row('altruism').mu).toBeCloseTo(1.5, 9);
    expect(row('altruism').sigma).toBeCloseTo(0, 9);
    expect(row('trustBase').mu).toBeCloseTo(-1, 9);
    expect(res.spec.name).toBe('sensitivity-morris-a-vs-b');
    expect(res.spec.title).toBe('Morris screening of 2 parameters on a − b');
  });

  it('writes the design as an experiment file that the batch command reads back to the same points', async () => {
    const out = tempDir();
    const res = await runSensitivity(base({ out, params: ['altruism', 'taskPatience'], n: 2, replications: 2, seed: 9, outcomes: ['exits'] }), 'x', fakeRunner(() => ({ exits: 1 }), ['exits']));
    const parsed = experimentSchema.parse(parse(readFileSync(join(out, 'experiment.yaml'), 'utf8')));
    expect(parsed.scenarios).toEqual(['x']);
    expect(parsed.replications).toBe(2);
    expect(parsed.seed).toBe(9);
    const expanded = expandExperiment(parsed, 'e');
    expect(expanded.ok && expanded.spec.points).toEqual(res.spec.points);
  });

  it('Sobol on the Ishigami function recovers the analytic indices', async () => {
    // x_i = −π + 2π·p_i on three parameters with bounds [0, 1]; a = 7, b = 0.1
    const names = ['altruism', 'trustBase', 'spillover'];
    const model: Model = (p) => {
      const [x1, x2, x3] = names.map((n) => -Math.PI + 2 * Math.PI * p[n]!) as [number, number, number];
      return { cooperation_stability: Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1) };
    };
    const res = await runSensitivity(
      base({ method: 'sobol', params: names, n: 1024, replications: 1, bootstrap: 50, outcomes: ['cooperation_stability'] }),
      'x',
      fakeRunner(model, ['cooperation_stability']),
    );
    const S1 = [0.3139, 0.4424, 0];
    const ST = [0.5576, 0.4424, 0.2437];
    res.rows.forEach((r, i) => {
      expect(Math.abs(r.s1! - S1[i]!)).toBeLessThan(0.06);
      expect(Math.abs(r.st! - ST[i]!)).toBeLessThan(0.06);
      expect(r.s1_lo!).toBeLessThanOrEqual(r.s1!);
      expect(r.st_hi!).toBeGreaterThanOrEqual(r.st!);
      expect(r.mu).toBeNull();
    });
  });

  it('an outcome without a value at some point, or constant under Sobol, gets NaN indices', async () => {
    const model: Model = (p) => ({ cooperation_stability: p.altruism! > 0.5 ? NaN : p.altruism!, exits: 3 });
    const m = await runSensitivity(base({ params: ['altruism'], n: 4, replications: 1, outcomes: ['cooperation_stability'] }), 'x', fakeRunner(model, ['cooperation_stability', 'exits']));
    expect(m.undefinedOutcomes).toEqual(['cooperation_stability']);
    expect(m.rows[0]!.mu_star).toBeNaN();
    const s = await runSensitivity(base({ method: 'sobol', params: ['altruism'], n: 8, replications: 1, outcomes: ['exits'] }), 'x', fakeRunner(model, ['cooperation_stability', 'exits']));
    expect(s.rows[0]!.s1).toBeNaN();
    expect(s.undefinedOutcomes).toEqual([]);
  });
});
