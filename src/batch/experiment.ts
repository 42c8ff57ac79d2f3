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
 */
import { basename, dirname, extname, resolve } from 'node:path';
import { z } from 'zod';
import { latinHypercube } from '../stats/lhs.js';
import { isParamName, paramProblem, PARAMS, type ParamName } from '../core/params.js';
import { UserError, type Problem } from '../io/errors.js';
import { parseYamlBytes, readYamlFile } from '../io/yaml.js';
import { zodIssuesToProblems } from '../io/zod-problems.js';
import { roundNumber } from '../formats/text.js';

const UINT32_MAX = 2 ** 32 - 1;

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
      .array(z.string().min(1))
      .min(1)
      .describe('Built-in scenario names or scenario files (paths relative to this file).'),
    replications: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .describe('Seeded runs per scenario and parameter point. Replication k gets the same seed everywhere (common random numbers).'),
    seed: z.number().int().min(0).max(UINT32_MAX).optional().describe('Master seed (default 1); the seed of replication k is deriveSeed(seed, k).'),
    set: parameterSet.optional().describe('Parameter values applied to every run, before the variations.'),
    variations: z
      .object({
        points: z.array(parameterSet).min(1).optional().describe('Explicit parameter points, each a set of parameter values.'),
        grid: z
          .record(z.string(), z.array(z.number()).min(1))
          .optional()
          .describe('Full factorial: parameter → list of values; every combination is a point (first parameter varies slowest).'),
        lhs: z
          .object({
            samples: z.number().int().min(1).max(100_000).describe('Number of points.'),
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
 * @returns the spec, or every problem found
 */
export function expandExperiment(file: ExperimentFile, defaultName: string): { ok: true; spec: ExperimentSpec } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const set = roundValues(file.set ?? {});
  for (const [name, value] of Object.entries(set)) problems.push(...paramProblems(`set.${name}`, name, value));

  const points: Record<string, number>[] = [];
  const v = file.variations;
  if (v?.points) {
    v.points.forEach((point, i) => {
      for (const [name, value] of Object.entries(point)) problems.push(...paramProblems(`variations.points[${i}].${name}`, name, value));
      points.push(roundValues(point));
    });
  }
  if (v?.grid) {
    const names = Object.keys(v.grid);
    if (names.length === 0) problems.push({ path: 'variations.grid', expected: 'at least one parameter with a list of values', found: 'an empty mapping' });
    for (const name of names) {
      const values = v.grid[name]!;
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
    if (names.length > 0) {
      let combos: Record<string, number>[] = [{}];
      for (const name of names) {
        const next: Record<string, number>[] = [];
        for (const c of combos) for (const value of v.grid[name]!) next.push({ ...c, [name]: roundNumber(value) });
        combos = next;
      }
      points.push(...combos);
    }
  }
  if (v?.lhs) {
    const names = Object.keys(v.lhs.parameters);
    if (names.length === 0) problems.push({ path: 'variations.lhs.parameters', expected: 'at least one parameter with {min, max}', found: 'an empty mapping' });
    let ok = names.length > 0;
    for (const name of names) {
      const { min, max } = v.lhs.parameters[name]!;
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
    if (ok) {
      const sample = latinHypercube(v.lhs.samples, names.length, v.lhs.seed);
      for (const row of sample) {
        const point: Record<string, number> = {};
        names.forEach((name, j) => {
          const { min, max } = v.lhs!.parameters[name]!;
          point[name] = scale(name as ParamName, row[j]!, min, max);
        });
        points.push(point);
      }
    }
  }
  if (!v?.points && !v?.grid && !v?.lhs) {
    if (v) problems.push({ path: 'variations', expected: 'at least one of points, grid or lhs', found: 'an empty mapping' });
    points.push({});
  }

  const seenScenarios = new Map<string, number>();
  file.scenarios.forEach((s, i) => {
    const prev = seenScenarios.get(s);
    if (prev !== undefined) problems.push({ path: `scenarios[${i}]`, expected: `each scenario once (also scenarios[${prev}])`, found: JSON.stringify(s) });
    seenScenarios.set(s, i);
  });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    spec: {
      name: file.name ?? defaultName,
      title: file.title ?? file.name ?? defaultName,
      scenarios: [...file.scenarios],
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
  const checked = experimentSchema.safeParse(data);
  if (!checked.success) {
    throw new UserError(
      file,
      zodIssuesToProblems(checked.error.issues, data, experimentSchema).map((p) => ({ path: withLine(p.path), expected: p.expected, found: p.found })),
    );
  }
  const name = basename(abs, extname(abs)).toLowerCase().replace(/[^a-z0-9._+-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'experiment';
  const expanded = expandExperiment(checked.data, name);
  if (!expanded.ok) {
    throw new UserError(file, expanded.problems.map((p) => ({ ...p, path: withLine(p.path) })));
  }
  return { spec: expanded.spec, file: abs, dir: dirname(abs) };
}
