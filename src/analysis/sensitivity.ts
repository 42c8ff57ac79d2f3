/**
 * `regiosim sensitivity`: which model parameters drive an outcome.
 *
 * design → experiment → batch → indices:
 * 1. The parameters' ranges come from their declared bounds (PARAMS[name].min/max) unless given
 *    on the command line. A unit-cube design is built by the statistics library: Morris
 *    trajectories (src/stats/morris.ts) or Saltelli matrices A, B, A_B^(i)
 *    (src/stats/sobol.ts), and scaled to the ranges (values rounded to 10 significant
 *    digits, the precision of the output files, and to whole numbers for integer parameters).
 * 2. The design becomes an experiment with explicit parameter points (experiment.yaml in the
 *    output directory, runnable with `regiosim batch --experiment`), one scenario, R seeded
 *    replications per point. Replication k has the same seed at every point (common random
 *    numbers), so differences between points are not blurred by different random events.
 * 3. The batch machinery runs it (parallel, resumable); this module only needs a runner that
 *    leaves runs.csv in the output directory, so tests can inject one.
 * 4. Per point, each outcome is averaged over the replications; the library turns these into
 *    Morris mu, mu*, sigma or Sobol S1 and ST with bootstrap intervals: sensitivity.csv.
 *
 * With a second scenario (`--compare`), both run at every design point with the same seeds and the
 * outcome analysed is the paired difference scenario − compare, averaged over the replications:
 * the indices then say which parameters decide how much better one structure does than another,
 * not what drives a single scenario. Kind constants (`kind.<kind>.<property>`) are parameters like
 * any other; choices of scenario design (which arrangement, which domains) are compared as
 * scenarios, not varied here.
 *
 * Morris effects are measured on the unit cube: an elementary effect is the change of the
 * outcome per whole range of the parameter (Δy / Δu with u = (x − min)/(max − min)), so mu*
 * reads as "moving this parameter across its range changes the outcome by about mu* (in the
 * outcome's unit)", comparable across parameters.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { PARAMS, isParamName, paramProblem, type ParamName } from '../core/params.js';
import { OUTCOME_NAMES } from '../core/results.js';
import { measure, UNITS } from '../core/measures.js';
import { MAX_POINTS, MAX_RUNS, type ExperimentSpec } from '../batch/experiment.js';
import { parseNumberText } from '../io/overrides.js';
import * as files from '../formats/files.js';
import { decodeTable, toCsvText, type CellProblem } from '../formats/schema.js';
import { readCsv } from '../io/csv.js';
import { UserError, type Problem } from '../io/errors.js';
import { roundNumber } from '../formats/text.js';
import { writeFileAtomically } from '../io/write.js';
import { morrisDesign, morrisIndices, type MorrisDesign } from '../stats/morris.js';
import { saltelliDesign, sobolIndices, type SaltelliDesign } from '../stats/sobol.js';

export const METHODS = ['morris', 'sobol'] as const;

/** Bounds of the options, so that a design stays a batch that ends: levels, replications, bootstrap resamples and their work. */
export const MAX_LEVELS = 100;
export const MAX_REPLICATIONS = 1000;
export const MAX_SENSITIVITY_BOOTSTRAP = 10_000;
export const MAX_SOBOL_DRAWS = 100_000_000;
export type Method = (typeof METHODS)[number];

export const DEFAULTS = {
  /** Morris: trajectories. */
  morrisN: 10,
  /** Sobol: base sample size (runs: n·(k + 2) points). */
  sobolN: 64,
  levels: 4,
  replications: 5,
  seed: 1,
  bootstrap: 500,
} as const;

export interface ParamRange {
  name: ParamName;
  min: number;
  max: number;
  integer: boolean;
}

export interface SensitivityDesign {
  method: Method;
  ranges: ParamRange[];
  /** Design points on the unit cube, in run order. */
  unit: number[][];
  /** The same points in parameter values (the experiment's explicit points). */
  points: Record<string, number>[];
  morris?: MorrisDesign;
  saltelli?: SaltelliDesign;
}

export type SensitivityRow = Omit<files.SensitivityRow, 'method'> & { method: Method };

export interface SensitivityOptions {
  /** Scenario as the user gave it: a built-in name or a file path. */
  scenario: string;
  method: string;
  /** Parameter names. */
  params: string[];
  /** Ranges from the command line (`--range a=min:max`), as given. */
  ranges?: string[];
  /** Morris trajectories or Sobol base sample size. */
  n?: number;
  /** Morris grid levels (even, default 4). */
  levels?: number;
  replications?: number;
  seed?: number;
  /** Outcomes to analyse (default: every outcome). */
  outcomes?: string[];
  /** Sobol bootstrap resamples (default 500). */
  bootstrap?: number;
  /** Output directory (absolute). */
  out: string;
  /**
   * A second scenario (a built-in name or a file path): the indices are then those of the paired
   * difference scenario − compare (both run at every design point with the same seeds), the
   * question "which parameters decide whether the structure is better?".
   */
  compare?: string;
}

/** Runs an experiment and leaves its batch files (at least runs.csv) in `out`. */
export type ExperimentRunner = (spec: ExperimentSpec, out: string) => Promise<void>;

export interface SensitivityResult {
  design: SensitivityDesign;
  spec: ExperimentSpec;
  rows: SensitivityRow[];
  /** Outcomes for which some point had no value (NaN in every replication): their indices are NaN. */
  undefinedOutcomes: string[];
  files: string[];
}

const CLI = 'the command line';

/** Parses `name=min:max` items. */
export function parseRanges(items: readonly string[], problems: Problem[]): Map<string, { min: number; max: number }> {
  const out = new Map<string, { min: number; max: number }>();
  for (const item of items) {
    const m = /^\s*([A-Za-z][A-Za-z0-9.-]*)\s*=\s*([^:]+):(.+)$/.exec(item);
    const min = m ? parseNumberText(m[2]!) : undefined;
    const max = m ? parseNumberText(m[3]!) : undefined;
    if (!m || typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max)) {
      problems.push({ path: '--range', expected: 'name=min:max with two numbers (for example altruism=0.2:0.8)', found: JSON.stringify(item) });
      continue;
    }
    if (out.has(m[1]!)) problems.push({ path: `--range ${m[1]}`, expected: 'one range per parameter', found: 'a second range' });
    out.set(m[1]!, { min, max });
  }
  return out;
}

/**
 * Check the command line and work out every parameter's range. Throws UserError listing every
 * problem: unknown or repeated parameters, ranges that are malformed, empty, reversed or outside
 * the declared bounds, parameters without finite bounds, too few trajectories or samples,
 * unknown outcomes.
 */
export function checkSensitivityOptions(o: SensitivityOptions): {
  method: Method;
  ranges: ParamRange[];
  n: number;
  levels: number;
  replications: number;
  seed: number;
  outcomes: string[];
  bootstrap: number;
} {
  const problems: Problem[] = [];
  const method = o.method as Method;
  if (!(METHODS as readonly string[]).includes(o.method)) problems.push({ path: '--method', expected: `one of ${METHODS.join(', ')}`, found: JSON.stringify(o.method) });
  const given = parseRanges(o.ranges ?? [], problems);
  const ranges: ParamRange[] = [];
  if (o.params.length === 0) problems.push({ path: '--params', expected: 'one or more parameter names, separated by commas (see `regiosim params`)', found: 'nothing' });
  const seen = new Set<string>();
  for (const name of o.params) {
    if (seen.has(name)) {
      problems.push({ path: `--params ${name}`, expected: 'each parameter once', found: 'it twice' });
      continue;
    }
    seen.add(name);
    const unknown = paramProblem(`--params ${name}`, name);
    if (unknown || !isParamName(name)) {
      if (unknown) problems.push(unknown);
      continue;
    }
    const spec = PARAMS[name];
    const declared = { min: spec.min, max: spec.max };
    // Without --range: the parameter's plausible range where it has one (kind properties), else its bounds.
    const fallback = spec.range ?? declared;
    const r = given.get(name) ?? fallback;
    if (!given.has(name) && !(Number.isFinite(fallback.min) && Number.isFinite(fallback.max) && fallback.max > fallback.min)) {
      problems.push({ path: `--params ${name}`, expected: 'a parameter with a non-empty default range, or a range on the command line (--range name=min:max)', found: `the range ${fallback.min} to ${fallback.max}` });
      continue;
    }
    if (given.has(name)) {
      if (!(r.max > r.min)) problems.push({ path: `--range ${name}`, expected: 'min below max', found: `${r.min}:${r.max}` });
      if (r.min < declared.min || r.max > declared.max) {
        problems.push({ path: `--range ${name}`, expected: `a range within the declared bounds ${declared.min} to ${declared.max} (${spec.unit})`, found: `${r.min}:${r.max}` });
      }
      if (spec.integer && !(Math.ceil(r.min) < Math.floor(r.max) || (Number.isInteger(r.min) && Number.isInteger(r.max) && r.max > r.min))) {
        problems.push({ path: `--range ${name}`, expected: 'a range holding at least two whole numbers (the parameter is whole)', found: `${r.min}:${r.max}` });
      }
    }
    ranges.push({ name, min: r.min, max: r.max, integer: spec.integer === true });
  }
  for (const name of given.keys()) {
    if (!o.params.includes(name)) problems.push({ path: `--range ${name}`, expected: `a parameter listed in --params (${o.params.join(', ') || 'none'})`, found: JSON.stringify(name) });
  }
  const n = o.n ?? (method === 'sobol' ? DEFAULTS.sobolN : DEFAULTS.morrisN);
  if (!Number.isInteger(n) || n < 2) {
    problems.push({
      path: '--n',
      expected: method === 'sobol' ? 'a base sample size of at least 2 (intervals need two rows; 64 or more is usual)' : 'at least 2 Morris trajectories (sigma needs two; 10 or more is usual)',
      found: String(n),
    });
  }
  const levels = o.levels ?? DEFAULTS.levels;
  if (!Number.isInteger(levels) || levels < 2 || levels > MAX_LEVELS || levels % 2 !== 0) problems.push({ path: '--levels', expected: `an even whole number of grid levels from 2 to ${MAX_LEVELS} (4 is usual)`, found: String(levels) });
  const replications = o.replications ?? DEFAULTS.replications;
  if (!Number.isInteger(replications) || replications < 1 || replications > MAX_REPLICATIONS) problems.push({ path: '--replications', expected: `a whole number of runs per design point, from 1 to ${MAX_REPLICATIONS}`, found: String(replications) });
  const seed = o.seed ?? DEFAULTS.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) problems.push({ path: '--seed', expected: 'a whole number between 0 and 4294967295', found: String(seed) });
  const bootstrap = o.bootstrap ?? DEFAULTS.bootstrap;
  if (!Number.isInteger(bootstrap) || bootstrap < 1 || bootstrap > MAX_SENSITIVITY_BOOTSTRAP) problems.push({ path: '--bootstrap', expected: `a whole number of resamples from 1 to ${MAX_SENSITIVITY_BOOTSTRAP}`, found: String(bootstrap) });
  // The size of the design, before it is built: points, runs, bootstrap work.
  if (Number.isInteger(n) && n >= 2 && ranges.length > 0 && ranges.length === o.params.length) {
    const points = n * (ranges.length + (method === 'sobol' ? 2 : 1));
    const formula = method === 'sobol' ? `n x (k + 2) = ${n} x ${ranges.length + 2}` : `n x (k + 1) = ${n} x ${ranges.length + 1}`;
    if (points > MAX_POINTS) problems.push({ path: '--n', expected: `a design of at most ${MAX_POINTS.toLocaleString('en')} points`, found: `${formula} = ${points.toLocaleString('en')} points` });
    else if (Number.isInteger(replications) && replications >= 1 && points * replications * (o.compare !== undefined ? 2 : 1) > MAX_RUNS) {
      const k = o.compare !== undefined ? 2 : 1;
      problems.push({ path: '--replications', expected: `at most ${MAX_RUNS.toLocaleString('en')} runs in all (${k === 2 ? '2 scenarios x ' : ''}points x replications)`, found: `${k === 2 ? '2 x ' : ''}${points} x ${replications} = ${(k * points * replications).toLocaleString('en')} runs` });
    } else if (method === 'sobol' && Number.isInteger(bootstrap) && bootstrap >= 1 && bootstrap <= MAX_SENSITIVITY_BOOTSTRAP && bootstrap * points > MAX_SOBOL_DRAWS) {
      problems.push({ path: '--bootstrap', expected: `at most ${MAX_SOBOL_DRAWS / 1e6} million resampled points (resamples x points)`, found: `${bootstrap} x ${points} = ${((bootstrap * points) / 1e6).toFixed(0)} million` });
    }
  }
  const outcomes = o.outcomes && o.outcomes.length > 0 ? o.outcomes : [...OUTCOME_NAMES];
  for (const name of outcomes) {
    if (!(OUTCOME_NAMES as readonly string[]).includes(name)) problems.push({ path: `--outcome ${name}`, expected: `an outcome (${OUTCOME_NAMES.slice(0, 4).join(', ')}, ...: see the README)`, found: JSON.stringify(name) });
  }
  if (problems.length > 0) throw new UserError(CLI, problems);
  return { method, ranges, n, levels, replications, seed, outcomes: OUTCOME_NAMES.filter((x) => outcomes.includes(x)), bootstrap };
}

/** A unit-cube coordinate as a parameter value (10 significant digits; whole for integer parameters). */
export function scaleToRange(u: number, r: ParamRange): number {
  const x = r.min + u * (r.max - r.min);
  if (r.integer) return Math.min(Math.floor(r.max), Math.max(Math.ceil(r.min), Math.round(x)));
  return roundNumber(x);
}

/**
 * The design: Morris trajectories (r = n) on a `levels`-level grid, or a Saltelli design with
 * base sample n (points: A, then B, then A_B^(1) … A_B^(k), n rows each).
 */
export function buildDesign(method: Method, ranges: readonly ParamRange[], n: number, levels: number, seed: number): SensitivityDesign {
  const k = ranges.length;
  let unit: number[][];
  const design: Partial<SensitivityDesign> = {};
  if (method === 'morris') {
    const m = morrisDesign(k, n, { levels, seed: `sensitivity/morris/${seed}` });
    unit = m.points;
    design.morris = m;
  } else {
    const s = saltelliDesign(k, n, `sensitivity/sobol/${seed}`);
    unit = [...s.a, ...s.b, ...s.ab.flat()];
    design.saltelli = s;
  }
  const points = unit.map((row) => {
    const p: Record<string, number> = {};
    ranges.forEach((r, i) => {
      p[r.name] = scaleToRange(row[i]!, r);
    });
    return p;
  });
  return { method, ranges: [...ranges], unit, points, ...design };
}

/**
 * Mean over the replications of the paired difference scenario − compare at every design point,
 * from the runs.csv of a two-scenario batch (points 0..n−1 the scenario, n..2n−1 the comparison,
 * paired by replication; a pair with a missing value is left out).
 */
export function pointDifferenceMeans(runsCsv: string, outcomes: readonly string[], nPoints: number): Map<string, number[]> {
  const problems: CellProblem[] = [];
  const decoded = decodeTable(files.RUNS_CSV, readCsv(runsCsv, 'runs.csv'), problems, ['point', 'replication', ...outcomes]);
  if (!decoded || problems.length > 0) throw new UserError(runsCsv, problems);
  const values = outcomes.map(() => [new Map<string, number>(), new Map<string, number>()] as const);
  for (const row of decoded.rows) {
    const side = row.point < nPoints ? 0 : 1;
    const point = row.point - side * nPoints;
    if (!Number.isInteger(point) || point < 0 || point >= nPoints) continue;
    outcomes.forEach((o, j) => {
      const v = (row as Record<string, unknown>)[o];
      if (typeof v === 'number' && Number.isFinite(v)) values[j]![side].set(`${point}:${row.replication}`, v);
    });
  }
  const out = new Map<string, number[]>();
  outcomes.forEach((o, j) => {
    const sums = new Float64Array(nPoints);
    const counts = new Float64Array(nPoints);
    for (const [key, a] of values[j]![0]) {
      const b = values[j]![1].get(key);
      if (b === undefined) continue;
      const point = Number(key.slice(0, key.indexOf(':')));
      sums[point]! += a - b;
      counts[point]! += 1;
    }
    out.set(o, Array.from(sums, (s, p) => (counts[p]! > 0 ? s / counts[p]! : NaN)));
  });
  return out;
}

/** Mean of each outcome over the replications of every point, from a batch's runs.csv. */
export function pointMeans(runsCsv: string, outcomes: readonly string[], nPoints: number): Map<string, number[]> {
  const problems: CellProblem[] = [];
  const decoded = decodeTable(files.RUNS_CSV, readCsv(runsCsv, 'runs.csv'), problems, ['point', ...outcomes]);
  if (!decoded || problems.length > 0) throw new UserError(runsCsv, problems);
  const sums = outcomes.map(() => new Float64Array(nPoints));
  const counts = outcomes.map(() => new Float64Array(nPoints));
  for (const row of decoded.rows) {
    const point = row.point;
    if (!Number.isInteger(point) || point < 0 || point >= nPoints) continue;
    outcomes.forEach((o, j) => {
      const v = row[o];
      if (typeof v === 'number' && Number.isFinite(v)) {
        sums[j]![point]! += v;
        counts[j]![point]! += 1;
      }
    });
  }
  const out = new Map<string, number[]>();
  outcomes.forEach((o, j) => out.set(o, Array.from(sums[j]!, (s, p) => (counts[j]![p]! > 0 ? s / counts[j]![p]! : NaN))));
  return out;
}

const empty = { mu: null, mu_star: null, sigma: null, s1: null, s1_lo: null, s1_hi: null, st: null, st_lo: null, st_hi: null };

/** Indices of one outcome from its per-point means (NaN rows when the outcome is undefined somewhere or constant). */
export function indicesFor(design: SensitivityDesign, outcome: string, y: readonly number[], bootstrap: number, seed: number): SensitivityRow[] {
  const base = (parameter: string): SensitivityRow => ({ method: design.method, outcome, parameter, ...empty });
  const defined = y.every((v) => Number.isFinite(v));
  if (design.method === 'morris') {
    if (!defined) return design.ranges.map((r) => ({ ...base(r.name), mu: NaN, mu_star: NaN, sigma: NaN }));
    return morrisIndices(design.morris!, y).map((m) => ({ ...base(design.ranges[m.parameter]!.name), mu: m.mu, mu_star: m.muStar, sigma: m.sigma }));
  }
  const s = design.saltelli!;
  const nanRows = (): SensitivityRow[] => design.ranges.map((r) => ({ ...base(r.name), s1: NaN, s1_lo: NaN, s1_hi: NaN, st: NaN, st_lo: NaN, st_hi: NaN }));
  if (!defined) return nanRows();
  const n = s.n;
  const yA = y.slice(0, n);
  const yB = y.slice(n, 2 * n);
  const yAB = design.ranges.map((_, i) => y.slice((2 + i) * n, (3 + i) * n));
  let indices;
  try {
    indices = sobolIndices(yA, yB, yAB, { bootstrap, seed: `sensitivity/bootstrap/${seed}/${outcome}` });
  } catch (err) {
    if (err instanceof RangeError) return nanRows(); // constant outcome: variance 0, indices undefined
    throw err;
  }
  return indices.map((x) => ({ ...base(design.ranges[x.parameter]!.name), s1: x.s1, s1_lo: x.s1Lo, s1_hi: x.s1Hi, st: x.st, st_lo: x.stLo, st_hi: x.stHi }));
}

/** The design as an experiment (explicit parameter points; one scenario, or two for a paired difference). */
export function designExperiment(design: SensitivityDesign, scenario: string, scenarioName: string, replications: number, seed: number, compare?: { ref: string; name: string }): ExperimentSpec {
  const k = design.ranges.length;
  const of = compare ? `${scenarioName} − ${compare.name}` : scenarioName;
  return {
    name: `sensitivity-${design.method}-${scenarioName}${compare ? `-vs-${compare.name}` : ''}`,
    title: `${design.method === 'morris' ? 'Morris screening' : 'Sobol indices'} of ${k} parameter${k === 1 ? '' : 's'} on ${of}`,
    scenarios: compare ? [scenario, compare.ref] : [scenario],
    replications,
    masterSeed: seed,
    set: {},
    points: design.points.map((p) => ({ ...p })),
  };
}

/** experiment.yaml: the experiment file of a design, with the scenario path relative to `out`. */
export function experimentYaml(spec: ExperimentSpec, design: SensitivityDesign, out: string, command: string): string {
  const rel = (ref: string): string => (isAbsolute(ref) ? relative(out, ref) || ref : ref);
  const head = [
    `# ${spec.title}, written by: ${command}`,
    `# Ranges: ${design.ranges.map((r) => `${r.name} ${r.min}..${r.max}`).join(', ')}.`,
    '# Run it again with: regiosim batch --experiment experiment.yaml',
    '',
  ].join('\n');
  const body = stringify(
    { name: spec.name, title: spec.title, scenarios: spec.scenarios.map(rel), replications: spec.replications, seed: spec.masterSeed, variations: { points: spec.points } },
    { flowCollectionPadding: false, lineWidth: 0 },
  );
  return head + body;
}

/**
 * The whole path: check → design → experiment → runner → runs.csv → indices → sensitivity.csv
 * and experiment.yaml in `options.out`.
 *
 * @param scenarioName the scenario's name (for the experiment name)
 * @param runner runs the experiment into `options.out` (the batch machinery, or a test double)
 * @param command the command line, recorded in experiment.yaml
 */
export async function runSensitivity(options: SensitivityOptions, scenarioName: string, runner: ExperimentRunner, command = 'regiosim sensitivity', compareName?: string): Promise<SensitivityResult> {
  const c = checkSensitivityOptions(options);
  const design = buildDesign(c.method, c.ranges, c.n, c.levels, c.seed);
  const compare = options.compare !== undefined ? { ref: options.compare, name: compareName ?? options.compare } : undefined;
  const spec = designExperiment(design, options.scenario, scenarioName, c.replications, c.seed, compare);
  await runner(spec, options.out);
  const runs = join(options.out, 'runs.csv');
  if (!existsSync(runs)) throw new Error(`the batch runner left no runs.csv in ${options.out}`);
  const means = compare ? pointDifferenceMeans(runs, c.outcomes, design.points.length) : pointMeans(runs, c.outcomes, design.points.length);
  const rows: SensitivityRow[] = [];
  const undefinedOutcomes: string[] = [];
  for (const outcome of c.outcomes) {
    const y = means.get(outcome)!;
    if (!y.every((v) => Number.isFinite(v))) undefinedOutcomes.push(outcome);
    rows.push(...indicesFor(design, outcome, y, c.bootstrap, c.seed));
  }
  const written = [join(options.out, files.SENSITIVITY_CSV.file), join(options.out, 'experiment.yaml')];
  writeFileAtomically(written[0]!, toCsvText(files.SENSITIVITY_CSV, rows));
  writeFileAtomically(written[1]!, experimentYaml(spec, design, options.out, command));
  return { design, spec, rows, undefinedOutcomes, files: written };
}

/** Outcome units, for printing rankings. */
export function outcomeUnit(name: string): string {
  const spec = measure('run', name);
  return spec ? UNITS[spec.unit].text.en : '';
}
