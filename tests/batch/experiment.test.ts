import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latinHypercube } from '../../src/stats/lhs.js';
import { expandExperiment, experimentJsonSchemaText, experimentSchema, loadExperiment } from '../../src/batch/experiment.js';
import { buildPlan, totalRuns } from '../../src/batch/plan.js';
import { PARAM_NAMES } from '../../src/core/params.js';
import { UserError } from '../../src/io/errors.js';
import { ROOT } from '../setup/build.js';
import { cli, readCsvRows } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'regiosim-experiment-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expand(raw: unknown) {
  const r = expandExperiment(experimentSchema.parse(raw), 'x');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.spec;
}

/** Writes an experiment file and returns the problems loadExperiment reports (or [] when it loads). */
function problemsOf(text: string): string[] {
  const file = join(tmp, `e-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  try {
    loadExperiment(file, tmp);
    return [];
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    expect(err.file).toBe(file);
    return err.problems.map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`);
  }
}

describe('experiment variations', () => {
  it('without variations has one point: the scenario as it is', () => {
    const spec = expand({ scenarios: ['a', 'b'], replications: 3 });
    expect(spec.points).toEqual([{}]);
    expect(spec.masterSeed).toBe(1);
    expect(spec.name).toBe('x');
  });

  it('expands a grid as a full factorial, the first parameter varying slowest', () => {
    const spec = expand({ scenarios: ['a'], replications: 1, variations: { grid: { altruism: [0.3, 0.5], trustDrift: [0.01, 0.02, 0.03] } } });
    expect(spec.points).toEqual([
      { altruism: 0.3, trustDrift: 0.01 },
      { altruism: 0.3, trustDrift: 0.02 },
      { altruism: 0.3, trustDrift: 0.03 },
      { altruism: 0.5, trustDrift: 0.01 },
      { altruism: 0.5, trustDrift: 0.02 },
      { altruism: 0.5, trustDrift: 0.03 },
    ]);
  });

  it('draws a seeded Latin hypercube with one value per stratum, integers rounded, values at 10 significant digits', () => {
    const raw = { scenarios: ['a'], replications: 2, variations: { lhs: { samples: 4, seed: 20, parameters: { altruism: { min: 0.2, max: 0.8 }, taskPatience: { min: 3, max: 24 } } } } };
    const spec = expand(raw);
    // The unit sample comes from the statistics library; the experiment scales it onto the ranges.
    const unit = latinHypercube(4, 2, 20);
    expect(spec.points).toEqual(unit.map(([a, t]) => ({ altruism: Number((0.2 + a! * 0.6).toPrecision(10)), taskPatience: Math.round(3 + t! * 21) })));
    expect(spec.points.every((p) => Number.isInteger(p['taskPatience']) && p['taskPatience']! >= 3 && p['taskPatience']! <= 24)).toBe(true);
    expect(spec.points.every((p) => String(p['altruism']).replace(/^0\.|0+$/g, '').length <= 10)).toBe(true);
    const strata = spec.points.map((p) => Math.floor((p['altruism']! - 0.2) / 0.15)).sort();
    expect(strata).toEqual([0, 1, 2, 3]);
    expect(expand(raw).points).toEqual(spec.points);
    const other = expand({ ...raw, variations: { lhs: { ...raw.variations.lhs, seed: 21 } } });
    expect(other.points).not.toEqual(spec.points);
  });

  it('concatenates points, grid and lhs in that order', () => {
    const spec = expand({
      scenarios: ['a'],
      replications: 1,
      variations: { points: [{ altruism: 0.9 }], grid: { trustDrift: [0.01, 0.02] }, lhs: { samples: 2, seed: 1, parameters: { stanceSd: { min: 0.1, max: 0.1 } } } },
    });
    expect(spec.points).toEqual([{ altruism: 0.9 }, { trustDrift: 0.01 }, { trustDrift: 0.02 }, { stanceSd: 0.1 }, { stanceSd: 0.1 }]);
  });

  it('rounds given values to the 10 significant digits the output files hold', () => {
    const spec = expand({ scenarios: ['a'], replications: 1, set: { altruism: 0.123456789012345 }, variations: { points: [{ trustDrift: 0.0123456789012 }] } });
    expect(spec.set).toEqual({ altruism: 0.123456789 });
    expect(spec.points).toEqual([{ trustDrift: 0.01234567890 }]);
  });
});

describe('experiment files', () => {
  it('ships example experiments that load and plan', () => {
    const expected: Record<string, { points: number; runs: number }> = {
      'haaglanden-standard': { points: 4, runs: 4000 },
      'turnover-points': { points: 4, runs: 800 },
      'trust-grid': { points: 18, runs: 1800 },
      'rivierenland-lhs': { points: 80, runs: 2000 },
    };
    for (const [name, want] of Object.entries(expected)) {
      const loaded = loadExperiment(join('scenarios', 'experiments', `${name}.yaml`), ROOT);
      expect(loaded.spec.name).toBe(name);
      const plan = buildPlan(loaded.spec, loaded.file, loaded.file, loaded.dir);
      expect({ points: plan.points.length, runs: totalRuns(plan) }).toEqual(want);
    }
  });

  it('records each point\'s parameter values (LHS example: set plus the four sampled parameters)', () => {
    const loaded = loadExperiment('scenarios/experiments/rivierenland-lhs.yaml', ROOT);
    const plan = buildPlan(loaded.spec, loaded.file, loaded.file, loaded.dir);
    // Parameter columns in registry order.
    const want = ['altruism', 'formationTrust', 'searchCost', 'secretaryTurnoverPerYear', 'stanceSd'];
    expect(plan.paramColumns).toEqual(PARAM_NAMES.filter((n) => want.includes(n)));
    expect(plan.paramColumns).toHaveLength(5);
    for (const p of plan.points) expect(p.parameters['secretaryTurnoverPerYear']).toBe(0.17);
    // The same 40 parameter sets for both scenarios.
    expect(plan.points.slice(0, 40).map((p) => p.parameters)).toEqual(plan.points.slice(40).map((p) => p.parameters));
  });

  it('reports every problem at once, with lines: unknown keys and parameters, empty lists, min above max, bounds', () => {
    const problems = problemsOf(
      [
        'scenarios: [basiscoalitie]', // 1
        'replications: 10', // 2
        'colour: blue', // 3
        'set:', // 4
        '  altruizm: 0.3', // 5
        'variations:', // 6
        '  grid:', // 7
        '    trustDrift: [0.01, 5]', // 8
        '  lhs:', // 9
        '    samples: 10', // 10
        '    seed: 1', // 11
        '    parameters:', // 12
        '      altruism: { min: 0.8, max: 0.2 }', // 13
      ].join('\n'),
    );
    // Schema problems and the checks after the schema, in one pass.
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^colour \(line 3\): expected one of the keys .*scenarios.*found an unknown key "colour"/);
    expect(problems.slice(1)).toEqual([
      `set.altruizm (line 5): expected the name of a model parameter (${PARAM_NAMES.length} of them: see \`regiosim params\`), found an unknown parameter "altruizm" (did you mean altruism?)`,
      'variations.grid.trustDrift[1] (line 8): expected a number between 0 and 0.2 (share per month), found 5',
      'variations.lhs.parameters.altruism.min (line 13): expected a number not above max (0.2), found 0.8',
    ]);

    const semantic = problemsOf(
      [
        'scenarios: [basiscoalitie]',
        'replications: 10',
        'set:',
        '  altruizm: 0.3',
        'variations:',
        '  grid:',
        '    trustDrift: [0.01, 5]',
        '  lhs:',
        '    samples: 10',
        '    seed: 1',
        '    parameters:',
        '      altruism: { min: 0.8, max: 0.2 }',
      ].join('\n'),
    );
    expect(semantic).toEqual([
      `set.altruizm (line 4): expected the name of a model parameter (${PARAM_NAMES.length} of them: see \`regiosim params\`), found an unknown parameter "altruizm" (did you mean altruism?)`,
      'variations.grid.trustDrift[1] (line 7): expected a number between 0 and 0.2 (share per month), found 5',
      'variations.lhs.parameters.altruism.min (line 12): expected a number not above max (0.2), found 0.8',
    ]);
  });

  it('rejects empty lists and empty variations', () => {
    expect(problemsOf('scenarios: []\nreplications: 10\n')).toEqual(['scenarios (line 1): expected a list of at least 1 item, found an empty list']);
    expect(problemsOf('scenarios: [a]\nreplications: 10\nvariations:\n  points: []\n')).toEqual(['variations.points (line 4): expected a list of at least 1 item, found an empty list']);
    expect(problemsOf('scenarios: [a]\nreplications: 10\nvariations:\n  grid:\n    altruism: []\n')).toEqual(['variations.grid.altruism (line 5): expected a list of at least 1 item, found an empty list']);
    expect(problemsOf('scenarios: [a]\nreplications: 10\nvariations:\n  grid: {}\n')).toEqual(['variations.grid (line 4): expected at least one parameter with a list of values, found an empty mapping']);
    expect(problemsOf('scenarios: [a]\nreplications: 10\nvariations: {}\n')).toEqual(['variations (line 3): expected at least one of points, grid or lhs, found an empty mapping']);
  });

  it('rejects bad counts, seeds, duplicates and YAML', () => {
    expect(problemsOf('scenarios: [a, a]\nreplications: 0\nseed: -1\n')).toEqual([
      'replications (line 2): expected a whole number between 1 and 1000000, found 0',
      'seed (line 3): expected a whole number between 0 and 4294967295, found -1',
      'scenarios[1] (line 1): expected each scenario once (also scenarios[0]), found "a"',
    ]);
    expect(problemsOf('scenarios: [a, a]\nreplications: 2\n')).toEqual(['scenarios[1] (line 1): expected each scenario once (also scenarios[0]), found "a"']);
    expect(problemsOf('scenarios: [a\nreplications: 2\n')[0]).toMatch(/^line \d+, column \d+: expected valid YAML, found a syntax error/);
    expect(problemsOf('')).toEqual(['(top level): expected an experiment: a mapping with scenarios and replications, found an empty file']);
    expect(problemsOf('scenarios: [a]\nreplications: 2\nvariations:\n  lhs: { samples: 3, seed: 1, parameters: { nope: { min: 0, max: 1 } } }\n')).toEqual([
      `variations.lhs.parameters.nope (line 4): expected the name of a model parameter (${PARAM_NAMES.length} of them: see \`regiosim params\`), found an unknown parameter "nope"`,
    ]);
  });

  it('refuses an experiment too large to plan, before expanding it', () => {
    const started = performance.now();
    const grid = Array.from({ length: 10 }, (_, i) => `    ${PARAM_NAMES[i]}: [${Array.from({ length: 10 }, (_, j) => j / 1000).join(', ')}]`).join('\n');
    const huge = problemsOf(`scenarios: [a]\nreplications: 2\nvariations:\n  grid:\n${grid}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(huge.filter((p) => p.startsWith('variations.grid (line 4)'))).toEqual([
      'variations.grid (line 4): expected at most 10,000 points in all, found 10 x 10 x 10 x 10 x 10 x 10 x 10 x 10 x 10 x 10 = 10,000,000,000 combinations',
    ]);
    expect(problemsOf('scenarios: [a, b]\nreplications: 1000\nvariations:\n  lhs: { samples: 1000, seed: 1, parameters: { altruism: { min: 0, max: 1 } } }\n')).toEqual([
      'replications (line 2): expected at most 1,000,000 runs in all (scenarios x points x replications), found 2 x 1000 x 1000 = 2,000,000 runs',
    ]);
    expect(problemsOf('scenarios: [a]\nreplications: 2\nvariations:\n  lhs: { samples: 20000, seed: 1, parameters: { altruism: { min: 0, max: 1 } } }\n')).toEqual([
      'variations.lhs.samples (line 4): expected a whole number between 1 and 10000, found 20000',
    ]);
  });

  it('names a missing file', () => {
    expect(() => loadExperiment('no-such.yaml', tmp)).toThrow(UserError);
    try {
      loadExperiment('no-such.yaml', tmp);
    } catch (err) {
      expect((err as UserError).problems).toEqual([{ path: '--experiment', expected: 'a readable experiment file (YAML)', found: 'no such file' }]);
    }
  });
});

describe('experiment JSON Schema', () => {
  it('is exported to scenarios/experiment.schema.json and the committed file is current', () => {
    const path = join(ROOT, 'scenarios', 'experiment.schema.json');
    const fresh = experimentJsonSchemaText();
    // Regenerate with: UPDATE_EXPERIMENT_SCHEMA=1 npx vitest run tests/batch/experiment.test.ts
    if (process.env['UPDATE_EXPERIMENT_SCHEMA'] === '1') writeFileSync(path, fresh);
    expect(readFileSync(path, 'utf8')).toBe(fresh);
    const schema = JSON.parse(fresh) as { properties: Record<string, unknown>; additionalProperties: boolean; required: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['scenarios', 'replications']);
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'name', 'title', 'description', 'scenarios', 'replications', 'seed', 'set', 'variations']);
  });
});

describe('an experiment batch, end to end', () => {
  it('writes points-summary.csv, a summary.md under 80 lines for 16 points, and charts that cover every point', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regiosim-experiment-run-'));
    try {
      const file = join(dir, 'grid16.yaml');
      writeFileSync(file, [
        'name: grid16',
        `scenarios: [${join(ROOT, 'tests/batch/fixtures/tiny-none.yaml')}, ${join(ROOT, 'tests/batch/fixtures/tiny-coalition.yaml')}]`,
        'replications: 3',
        'seed: 3',
        'variations:',
        '  grid:',
        '    trustDrift: [0.005, 0.01, 0.02, 0.04]',
        '    altruism: [0.2, 0.4, 0.6, 0.8]',
      ].join('\n'));
      const run = await cli(dir, 'batch', '--experiment', file, '--out', 'g', '--quiet', '--workers', '1');
      expect(run.code, run.stderr).toBe(0);
      const out = join(dir, 'g');
      const table = readCsvRows(join(out, 'points-summary.csv'));
      expect(table[0]).toEqual(['kind', 'scenario', 'reference', 'point', 'outcome', 'n', 'estimate', 'ci_lo', 'ci_hi', 'sd', 'share_better', 'importance', 'verdict', 'param_altruism', 'param_trustDrift']);
      const outcomes = new Set(table.slice(1).map((r) => r[4])).size;
      expect(table.filter((r) => r[0] === 'scenario')).toHaveLength(32 * outcomes);
      expect(table.filter((r) => r[0] === 'difference')).toHaveLength(16 * outcomes);
      // The same numbers as summary.csv and comparison.csv.
      const summary = readCsvRows(join(out, 'summary.csv'));
      const s = summary.find((r) => r[1] === '17' && r[2] === 'cooperation_stability')!;
      const p = table.find((r) => r[0] === 'scenario' && r[3] === '17' && r[4] === 'cooperation_stability')!;
      expect([p[6], p[7], p[8], p[9], p[13], p[14]]).toEqual([s[4], s[10], s[11], s[5], '0.4', '0.005']);
      const md = readFileSync(join(out, 'summary.md'), 'utf8');
      expect(md.split('\n').length).toBeLessThanOrEqual(80);
      expect(md).toContain('16 parameter points per scenario');

      const chart = await cli(dir, 'chart', 'g', '--format', 'svg');
      expect(chart.code, chart.stderr).toBe(0);
      const spec = JSON.parse(readFileSync(join(out, 'charts', 'experiment-cooperation_stability.vl.json'), 'utf8')) as { data: { values: { point: number }[] } };
      expect([...new Set(spec.data.values.map((v) => v.point))].sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i));
      const diff = JSON.parse(readFileSync(join(out, 'charts', 'experiment-difference-cooperation_stability.vl.json'), 'utf8')) as { data: { values: { point: number }[] } };
      expect([...new Set(diff.data.values.map((v) => v.point))].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => 16 + i));
      expect(existsSync(join(out, 'charts', 'experiment-difference-cooperation_stability.svg'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
