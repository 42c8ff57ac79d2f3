/**
 * `regiosim calibrate`: pattern-oriented rejection (Grimm et al. 2005; rejection ABC with a box
 * kernel, Beaumont 2010) of parameter sets against public figures.
 *
 * targets file → Latin hypercube over the prior → experiment → batch → per point and target the
 * statistic over the replications → accepted when every target holds → ensemble.yaml.
 *
 * 1. The targets file (YAML, validated before anything runs) names the scenario(s), the
 *    uncertain parameters with their prior ranges (uniform; a parameter's plausible range or
 *    declared bounds by default), the sample size, replications and seed, and the targets: a
 *    run measure, in a scenario, its statistic over the replications (mean or median), and a
 *    tolerance band [min, max], each with its source.
 * 2. The prior is sampled by a seeded Latin hypercube; every scenario of the file runs at every
 *    point with the same seeds (common random numbers), through the batch machinery: parallel,
 *    resumable (the same command continues), shardable (`--shard i/n`, merged on the next call).
 * 3. A point is accepted when the statistic of every target lies in its band; a value that is
 *    not defined (NaN in every replication) does not. The accepted points are the ensemble.
 *
 * Replications are few, so acceptance carries seed noise: a point near the edge of a band may be
 * accepted or rejected by chance. calibration-targets.csv gives every value, so the margin is
 * visible.
 */
import { z } from 'zod';
import { measure, RUN_IDS } from '../core/measures.js';
import { closest } from '../core/problems.js';
import { MAX_POINTS, MAX_RUNS, type ExperimentSpec } from '../batch/experiment.js';
import * as files from '../formats/files.js';
import { decodeTable, type CellProblem } from '../formats/schema.js';
import { readCsv } from '../io/csv.js';
import { UserError, type Problem } from '../io/errors.js';
import { readCheckedYaml } from '../io/yaml-input.js';
import { quantileSorted } from 'simple-statistics';
import { lhsPoints, rangesSchema, resolveRanges } from './ensemble.js';
import type { ParamRange } from './sensitivity.js';

export const STATISTICS = ['mean', 'median'] as const;
export type Statistic = (typeof STATISTICS)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9._+-]*$/, { message: 'lower-case letters, digits, dots, hyphens and plus signs' });

export const targetSchema = z
  .object({
    id: slug.describe('Short name of the target (unique in the file).'),
    measure: z.string().describe('A run measure (see the README or the codebook of runs.csv).'),
    scenario: z.string().optional().describe('Scenario the target applies to (one of `scenarios`; default the first).'),
    statistic: z.enum(STATISTICS).optional().describe('Statistic of the measure over the replications of a point (default mean).'),
    min: z.number().optional().describe('Lowest accepted value (in the measure\'s unit; shares as 0-1).'),
    max: z.number().optional().describe('Highest accepted value.'),
    source: z.string().min(1).describe('Where the figure comes from, and how the band follows from it.'),
  })
  .strict();

export const calibrationSchema = z
  .object({
    $schema: z.string().optional(),
    name: slug.describe('Short name, used for the default output folder output/calibrate/<name>/.'),
    title: z.string().optional().describe('Readable title.'),
    description: z.string().optional().describe('What is calibrated, and what is left out.'),
    scenarios: z.array(z.string().min(1)).min(1).max(10).describe('Built-in scenario names or scenario files (relative to this file), run at every point.'),
    samples: z.number().int().min(1).max(MAX_POINTS).describe('Parameter sets drawn from the prior (Latin hypercube).'),
    replications: z.number().int().min(1).max(1000).describe('Seeded runs per scenario and parameter set; the same seeds at every set.'),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe('Seed of the sample and master seed of the runs (default 1).'),
    parameters: rangesSchema.describe('The uncertain parameters and their prior ranges (uniform); `name: {}` takes the plausible range or the declared bounds.'),
    targets: z.array(targetSchema).min(1).max(100).describe('The patterns every accepted parameter set must reproduce.'),
  })
  .strict();

export interface Target {
  id: string;
  measure: string;
  scenario: string;
  statistic: Statistic;
  min: number;
  max: number;
  source: string;
}

export interface Calibration {
  name: string;
  title: string;
  description: string;
  /** Scenario references as written in the file: built-in names, or paths relative to the file (targets name these). */
  scenarios: string[];
  samples: number;
  replications: number;
  seed: number;
  ranges: ParamRange[];
  targets: Target[];
}

function check(data: z.infer<typeof calibrationSchema> | Partial<Record<string, unknown>>, partial: boolean): { value?: Calibration; problems: Problem[] } {
  const d = data as Partial<z.infer<typeof calibrationSchema>>;
  const problems: Problem[] = [];
  const { ranges, problems: rp } = d.parameters ? resolveRanges(d.parameters, 'parameters') : { ranges: [], problems: [] };
  problems.push(...rp);
  const scenarios = (d.scenarios ?? []).filter((s): s is string => typeof s === 'string');
  const seen = new Map<string, number>();
  scenarios.forEach((s, i) => {
    if (seen.has(s)) problems.push({ path: `scenarios[${i}]`, expected: `each scenario once (also scenarios[${seen.get(s)}])`, found: JSON.stringify(s) });
    seen.set(s, i);
  });
  const targets: Target[] = [];
  const ids = new Map<string, number>();
  (d.targets ?? []).forEach((t, i) => {
    if (!t) return;
    const path = `targets[${i}]`;
    if (t.id !== undefined) {
      if (ids.has(t.id)) problems.push({ path: `${path}.id`, expected: `a name not used before (targets[${ids.get(t.id)}] has it)`, found: JSON.stringify(t.id) });
      ids.set(t.id, i);
    }
    if (t.measure !== undefined && !measure('run', t.measure)) {
      const hint = closest(t.measure, RUN_IDS);
      problems.push({ path: `${path}.measure`, expected: `a run measure${hint ? ` (did you mean ${hint}?)` : ` (${RUN_IDS.slice(0, 4).join(', ')}, …)`}`, found: JSON.stringify(t.measure) });
    }
    if (t.scenario !== undefined && scenarios.length > 0 && !seen.has(t.scenario)) problems.push({ path: `${path}.scenario`, expected: `one of the scenarios of the file (${scenarios.join(', ')})`, found: JSON.stringify(t.scenario) });
    if (t.min === undefined && t.max === undefined && !partial) problems.push({ path, expected: 'min, max or both', found: 'neither' });
    if (t.min !== undefined && t.max !== undefined && t.min > t.max) problems.push({ path: `${path}.min`, expected: `a number not above max (${t.max})`, found: String(t.min) });
    if (t.id !== undefined && t.measure !== undefined && t.source !== undefined) {
      targets.push({ id: t.id, measure: t.measure, scenario: t.scenario ?? scenarios[0] ?? '', statistic: t.statistic ?? 'mean', min: t.min ?? -Infinity, max: t.max ?? Infinity, source: t.source });
    }
  });
  if (d.samples !== undefined && d.replications !== undefined && scenarios.length > 0 && d.samples * d.replications * scenarios.length > MAX_RUNS) {
    problems.push({ path: 'replications', expected: `at most ${MAX_RUNS.toLocaleString('en')} runs in all (scenarios x samples x replications)`, found: `${scenarios.length} x ${d.samples} x ${d.replications}` });
  }
  if (problems.length > 0 || partial || d.name === undefined || d.samples === undefined || d.replications === undefined) return { problems };
  return {
    problems,
    value: {
      name: d.name, title: d.title ?? d.name, description: d.description ?? '',
      scenarios,
      samples: d.samples, replications: d.replications, seed: d.seed ?? 1, ranges, targets,
    },
  };
}

/**
 * Reads and checks a calibration targets file. Scenario references stay as written; they are
 * resolved against `dir` (the file's directory) when the batch is planned.
 */
export function loadCalibration(file: string, cwd: string): Calibration & { file: string; dir: string; bytes: Uint8Array } {
  const read = readCheckedYaml(file, cwd, calibrationSchema, 'a calibration targets file: scenarios, samples, replications, parameters and targets', '<targets>', (data, partial) => check(data, partial));
  return { ...read.value, file: read.file, dir: read.dir, bytes: read.bytes };
}

/** The calibration as an experiment: every scenario at every point of the prior's Latin hypercube. */
export function calibrationExperiment(c: Calibration): ExperimentSpec {
  return {
    name: `calibrate-${c.name}`,
    title: `Calibration ${c.title}: ${c.samples} parameter sets from the prior`,
    scenarios: [...c.scenarios],
    replications: c.replications,
    masterSeed: c.seed,
    set: {},
    points: lhsPoints(c.ranges, c.samples, `calibrate/${c.seed}`),
  };
}

/** The statistic of a target over a point's replications (NaN without a finite value). */
export function statistic(values: readonly number[], s: Statistic): number {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return NaN;
  if (s === 'mean') return v.reduce((a, b) => a + b, 0) / v.length;
  return quantileSorted([...v].sort((a, b) => a - b), 0.5);
}

export interface CalibrationEvaluation {
  /** Per parameter set: the statistic of every target, in target order. */
  values: number[][];
  /** Per parameter set: whether each target holds. */
  within: boolean[][];
  accepted: number[];
  /** Per target: how many parameter sets meet it. */
  met: number[];
}

/**
 * Which parameter sets meet every target, from the batch's runs.csv text.
 *
 * @param scenarioNames the experiment's scenario names in plan order (points are numbered
 *   scenario-major: point = scenario index × sets + set)
 * @param targetScenario for each target, the index of its scenario in the plan
 */
export function evaluateCalibration(runsCsv: string, targets: readonly Target[], targetScenario: readonly number[], sets: number, runsFile = 'runs.csv'): CalibrationEvaluation {
  const problems: CellProblem[] = [];
  const measures = [...new Set(targets.map((t) => t.measure))];
  const decoded = decodeTable(files.RUNS_CSV, readCsv(runsCsv, runsFile), problems, ['point', ...measures]);
  if (!decoded || problems.length > 0) throw new UserError(runsFile, problems);
  // per target, per set: the values of the replications
  const byTarget = targets.map(() => Array.from({ length: sets }, () => [] as number[]));
  for (const row of decoded.rows) {
    const point = row.point;
    const scenario = Math.floor(point / sets);
    const set = point - scenario * sets;
    targets.forEach((t, j) => {
      if (targetScenario[j] !== scenario) return;
      const v = (row as Record<string, unknown>)[t.measure];
      byTarget[j]![set]!.push(typeof v === 'number' ? v : NaN);
    });
  }
  const values: number[][] = [];
  const within: boolean[][] = [];
  const accepted: number[] = [];
  const met = targets.map(() => 0);
  for (let s = 0; s < sets; s++) {
    const v = targets.map((t, j) => statistic(byTarget[j]![s]!, t.statistic));
    const w = v.map((x, j) => Number.isFinite(x) && x >= targets[j]!.min && x <= targets[j]!.max);
    w.forEach((ok, j) => {
      if (ok) met[j]! += 1;
    });
    values.push(v);
    within.push(w);
    if (w.every(Boolean)) accepted.push(s);
  }
  return { values, within, accepted, met };
}
