/**
 * Experiment files: which scenarios, which parameter points, how many replications, which
 * master seed. A zod schema that rejects unknown keys (exported as JSON Schema to
 * scenarios/experiment.schema.json), plus the checks zod cannot make (parameter names and
 * bounds, min <= max), all collected at once as problems.
 *
 * Variations are expanded here into an ordered list of parameter points:
 *   1. `points`: explicit parameter sets, in file order;
 *   2. `grid`: the full factorial of the listed values, the first parameter varying slowest;
 *   3. `lhs`: a seeded Latin hypercube over ranges (src/stats/lhs.ts), values rounded
 *      to 10 significant digits (the precision of the output files, so that the value written to
 *      runs.csv is exactly the value that ran) and integer parameters rounded to integers.
 * Without variations there is one point: the scenario as it is.
 *
 * The size of an experiment is bounded before anything is expanded: at most {@link MAX_POINTS}
 * parameter points per scenario and {@link MAX_RUNS} runs in all (a full factorial grows fast:
 * ten parameters with ten values each are ten billion points).
 */
import { basename, dirname, extname, resolve } from 'node:path';
import { z } from 'zod';
import { latinHypercube } from '../stats/lhs.js';
import { isParamName, paramProblem, PARAMS, type ParamName } from '../core/params.js';
import { UserError, type Problem } from '../io/errors.js';
import { parseYamlBytes, readYamlFile } from '../io/yaml.js';
import { salvage, zodIssuesToProblems, type Salvaged } from '../io/zod-problems.js';
import { roundNumber } from '../formats/text.js';

const UINT32_MAX = 2 ** 32 - 1;

/** Most parameter points per scenario in one batch (its manifest lists every one). */
export const MAX_POINTS = 10_000;
/** Most runs in one batch: scenarios × points × replications. */
export const MAX_RUNS = 1_000_000;
/** Most scenarios in one batch. */
export const MAX_SCENARIOS = 100;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._+-]*$/, { message: 'lower-case letters, digits, dots, hyphens and plus signs (for example haaglanden-sweep)' });

const parameterSet = z
  .record(z.string(), z.number())
  .describe('Parameter name → value (names and bounds: `regiosim params` or docs/ODD.md).');

const range = z
  .object({
    min: z.number().describe('Lower end of the range.'),
    max: z.number().describe('Upper end of the range (at least min).'),
  })
  .strict();

export const experimentSchema = z
  .object({
    $schema: z.string().optional(),
    name: slug.optional().describe('Short name, used for the default output folder output/batch/<name>/. Defaults to the file name.'),
    title: z.string().min(1).optional().describe('Readable title.'),
    description: z.string().optional().describe('What the experiment asks.'),
    scenarios: z
      .array(z.string().min(1).max(1000))
      .min(1)
      .max(MAX_SCENARIOS)
      .describe(`Built-in scenario names or scenario files (paths relative to this file), at most ${MAX_SCENARIOS}.`),
    replications: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .describe(`Seeded runs per scenario and parameter point. Replication k gets the same seed everywhere (common random numbers). Scenarios x points x replications may be at most ${MAX_RUNS.toLocaleString('en')} runs.`),
    seed: z.number().int().min(0).max(UINT32_MAX).optional().describe('Master seed (default 1); the seed of replication k is deriveSeed(seed, k).'),
    set: parameterSet.optional().describe('Parameter values applied to every run, before the variations.'),
    variations: z
      .object({
        points: z.array(parameterSet).min(1).max(MAX_POINTS).optional().describe('Explicit parameter points, each a set of parameter values.'),
        grid: z
          .record(z.string(), z.array(z.number()).min(1).max(MAX_POINTS))
          .optional()
          .describe(`Full factorial: parameter → list of values; every combination is a point (first parameter varies slowest). With points and lhs, at most ${MAX_POINTS.toLocaleString('en')} points.`),
        lhs: z
          .object({
            samples: z.number().int().min(1).max(MAX_POINTS).describe('Number of points.'),
            seed: z.number().int().min(0).max(UINT32_MAX).describe('Seed of the sample (independent of the master seed).'),
            parameters: z.record(z.string(), range).describe('Parameter → {min, max}.'),
          })
          .strict()
          .optional()
          .describe('Seeded Latin hypercube sample over parameter ranges.'),
      })
      .strict()
      .optional()
      .describe('Parameter points; points, grid and lhs may be combined (their points are concatenated in that order).'),
  })
  .strict();

export type ExperimentFile = z.infer<typeof experimentSchema>;

/** An experiment after checking and expanding its variations. */
export interface ExperimentSpec {
  name: string;
  title: string;
  /** Scenario references as given (names or paths; paths already resolved by the caller). */
  scenarios: string[];
  replications: number;
  masterSeed: number;
  /**
   * Applied to every run (the file's `set`, or `--set`). Texts (from the command line) are
   * parsed and checked by loadScenario when the plan is built.
   */
  set: Record<string, number | string>;
  /** Parameter points; `[{}]` when the experiment has no variations. */
  points: Record<string, number>[];
}

/** The JSON Schema of experiment files (scenarios/experiment.schema.json), for editors. */
export function experimentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(experimentSchema),
    title: 'regiosim experiment',
    description: 'A regiosim experiment file (YAML) for `regiosim batch --experiment FILE`. Generated from src/batch/experiment.ts; do not edit.',
  };
}

/** The committed text of scenarios/experiment.schema.json (2-space indented, final newline). */
export function experimentJsonSchemaText(): string {
  return JSON.stringify(experimentJsonSchema(), null, 2) + '\n';
}

/** The entries of a salvaged record whose values passed. */
function defined(rec: Readonly<Record<string, number | undefined>> | Readonly<Record<string, unknown>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(rec)) if (typeof v === 'number') out[k] = v;
  return out;
}

function paramProblems(path: string, name: string, value: number | undefined): Problem[] {
  const bad = paramProblem(path, name, value);
  return bad ? [bad] : [];
}

/**
 * Parameter values are used at the precision of the output files (10 significant digits), so
 * that the values written to points.csv and runs.csv are exactly those that ran.
 */
function roundValues(rec: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(rec)) out[k] = roundNumber(v);
  return out;
}

/** Rounds an LHS coordinate in [0, 1) onto [min, max] for a parameter. */
function scale(name: ParamName, u: number, min: number, max: number): number {
  const x = min + u * (max - min);
  if (PARAMS[name].integer) return Math.min(max, Math.max(min, Math.round(x)));
  return roundNumber(x);
}

/**
 * Checks a parsed experiment file and expands its variations.
 *
 * @param file the schema-checked file
 * @param defaultName the name when the file has none (the file name without extension)
 * @param partial true when `file` is the part of a file that passed the schema (the schema's
 *   problems are reported already): a mapping left empty is then not reported again
 * @returns the spec, or every problem found
 */
export function expandExperiment(file: ExperimentFile | Salvaged<ExperimentFile>, defaultName: string, partial = false): { ok: true; spec: ExperimentSpec } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const set = roundValues(defined(file.set ?? {}));
  for (const [name, value] of Object.entries(set)) problems.push(...paramProblems(`set.${name}`, name, value));

  const points: Record<string, number>[] = [];
  const v = file.variations;
  if (v?.points) {
    v.points.forEach((point, i) => {
      if (!point) return;
      for (const [name, value] of Object.entries(point)) problems.push(...paramProblems(`variations.points[${i}].${name}`, name, value));
      points.push(roundValues(point));
    });
  }
  const grid = v?.grid as Record<string, number[]> | undefined;
  if (grid) {
    const names = Object.keys(grid);
    if (names.length === 0 && !partial) problems.push({ path: 'variations.grid', expected: 'at least one parameter with a list of values', found: 'an empty mapping' });
    for (const name of names) {
      const values = grid[name]!;
      if (!isParamName(name)) {
        problems.push(...paramProblems(`variations.grid.${name}`, name, undefined));
        continue;
      }
      values.forEach((value, i) => problems.push(...paramProblems(`variations.grid.${name}[${i}]`, name, value)));
      const seen = new Set<number>();
      values.forEach((value, i) => {
        if (seen.has(value)) problems.push({ path: `variations.grid.${name}[${i}]`, expected: 'values listed once', found: `${value} again` });
        seen.add(value);
      });
    }
    // The size of the factorial before it is made.
    const size = names.reduce((n, name) => n * grid[name]!.length, 1);
    if (names.length > 0 && size + points.length > MAX_POINTS) {
      problems.push({ path: 'variations.grid', expected: `at most ${MAX_POINTS.toLocaleString('en')} points in all`, found: `${names.map((n) => grid[n]!.length).join(' x ')} = ${size.toLocaleString('en')} combinations` });
    } else if (names.length > 0) {
      let combos: Record<string, number>[] = [{}];
      for (const name of names) {
        const next: Record<string, number>[] = [];
        for (const c of combos) for (const value of grid[name]!) next.push({ ...c, [name]: roundNumber(value) });
        combos = next;
      }
      points.push(...combos);
    }
  }
  const lhs = v?.lhs;
  if (lhs && lhs.parameters) {
    const parameters = lhs.parameters as Record<string, { min: number; max: number }>;
    const names = Object.keys(parameters);
    if (names.length === 0 && !partial) problems.push({ path: 'variations.lhs.parameters', expected: 'at least one parameter with {min, max}', found: 'an empty mapping' });
    let ok = names.length > 0;
    for (const name of names) {
      const { min, max } = parameters[name]!;
      const path = `variations.lhs.parameters.${name}`;
      if (!isParamName(name)) {
        problems.push(...paramProblems(path, name, undefined));
        ok = false;
        continue;
      }
      const before = problems.length;
      problems.push(...paramProblems(`${path}.min`, name, min), ...paramProblems(`${path}.max`, name, max));
      if (min > max) problems.push({ path: `${path}.min`, expected: `a number not above max (${max})`, found: String(min) });
      if (problems.length > before) ok = false;
    }
    if (ok && lhs.samples !== undefined && lhs.samples + points.length > MAX_POINTS) {
      problems.push({ path: 'variations.lhs.samples', expected: `at most ${MAX_POINTS.toLocaleString('en')} points in all (with points and grid)`, found: `${lhs.samples} samples after ${points.length} other points` });
    } else if (ok && lhs.samples !== undefined && lhs.seed !== undefined) {
      const sample = latinHypercube(lhs.samples, names.length, lhs.seed);
      for (const row of sample) {
        const point: Record<string, number> = {};
        names.forEach((name, j) => {
          const { min, max } = parameters[name]!;
          point[name] = scale(name as ParamName, row[j]!, min, max);
        });
        points.push(point);
      }
    }
  }
  if (!v?.points && !v?.grid && !v?.lhs) {
    if (v && !partial) problems.push({ path: 'variations', expected: 'at least one of points, grid or lhs', found: 'an empty mapping' });
    points.push({});
  }

  const seenScenarios = new Map<string, number>();
  const scenarios = file.scenarios ?? [];
  scenarios.forEach((s, i) => {
    if (s === null) return;
    const prev = seenScenarios.get(s);
    if (prev !== undefined) problems.push({ path: `scenarios[${i}]`, expected: `each scenario once (also scenarios[${prev}])`, found: JSON.stringify(s) });
    seenScenarios.set(s, i);
  });

  if (file.replications !== undefined && scenarios.length > 0) {
    const runs = scenarios.length * points.length * file.replications;
    if (runs > MAX_RUNS) {
      problems.push({ path: 'replications', expected: `at most ${MAX_RUNS.toLocaleString('en')} runs in all (scenarios x points x replications)`, found: `${scenarios.length} x ${points.length} x ${file.replications} = ${runs.toLocaleString('en')} runs` });
    }
  }

  if (problems.length > 0 || file.replications === undefined || file.scenarios === undefined || scenarios.some((s) => s === null)) return { ok: false, problems };
  return {
    ok: true,
    spec: {
      name: file.name ?? defaultName,
      title: file.title ?? file.name ?? defaultName,
      scenarios: scenarios as string[],
      replications: file.replications,
      masterSeed: file.seed ?? 1,
      set: { ...set },
      points,
    },
  };
}

export interface LoadedExperiment {
  spec: ExperimentSpec;
  /** Absolute path of the experiment file. */
  file: string;
  /** Directory that relative scenario paths in the file are resolved against. */
  dir: string;
}

/**
 * Reads and checks an experiment file (YAML). Throws a UserError naming the file, with every
 * problem found (YAML syntax, schema, parameters and ranges) and the line where known.
 *
 * @param file path as given by the user
 * @param cwd directory a relative path is resolved against
 */
export function loadExperiment(file: string, cwd: string): LoadedExperiment {
  const abs = resolve(cwd, file);
  const read = readYamlFile(abs);
  if (!read.ok) throw new UserError(file, [{ path: '--experiment', expected: 'a readable experiment file (YAML)', found: read.found }]);
  const parsed = parseYamlBytes(read.bytes);
  if (!parsed.ok) throw new UserError(file, parsed.problems);
  const { doc } = parsed;
  const data = doc.data;
  const withLine = (path: readonly PropertyKey[] | string, label?: string): string => doc.at(path, label).shown;
  if (data === null || data === undefined) {
    throw new UserError(file, [{ path: '(top level)', expected: 'an experiment: a mapping with scenarios and replications', found: 'an empty file' }]);
  }
  // The schema, then the checks after it on the part that passed: every problem in one pass.
  const checked = experimentSchema.safeParse(data);
  const problems: Problem[] = checked.success
    ? []
    : zodIssuesToProblems(checked.error.issues, data, experimentSchema).map((p) => ({ path: withLine(p.path), expected: p.expected, found: p.found }));
  const usable = checked.success ? checked.data : salvage(experimentSchema, data);
  if (usable === undefined) throw new UserError(file, problems);
  const name = basename(abs, extname(abs)).toLowerCase().replace(/[^a-z0-9._+-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'experiment';
  const expanded = expandExperiment(usable, name, !checked.success);
  if (!expanded.ok) problems.push(...expanded.problems.map((p) => ({ ...p, path: withLine(p.path) })));
  if (problems.length > 0 || !expanded.ok) throw new UserError(file, problems);
  return { spec: expanded.spec, file: abs, dir: dirname(abs) };
}
