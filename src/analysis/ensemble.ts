/**
 * Ensembles: sets of plausible parameter values, the worlds over which `regiosim robustness`
 * (and `npm start`) compare structures.
 *
 * An ensemble file (YAML) lists parameter points. `regiosim calibrate` writes one (the accepted
 * parameter sets, with what they were calibrated to); a user may write one by hand. The ranges
 * it names are the prior the points came from, so that a reader knows which parameters vary and
 * over what; every point sets exactly those parameters, within their declared bounds.
 *
 * Also here: the ranges of uncertain parameters (a parameter's plausible range where the
 * registry gives one, else its declared bounds, or a range given by the user), and a Latin
 * hypercube over them, shared by calibration and robustness.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { isParamName, paramProblem, PARAMS, PARAM_NAMES } from '../core/params.js';
import { MAX_POINTS } from '../batch/experiment.js';
import { type Problem } from '../io/errors.js';
import { readCheckedYaml } from '../io/yaml-input.js';
import { latinHypercube } from '../stats/lhs.js';
import { scaleToRange, type ParamRange } from './sensitivity.js';

export const ENSEMBLE_KIND = 'regiosim-ensemble';

const range = z
  .object({
    min: z.number().optional().describe('Lower end (default: the parameter\'s plausible range, else its declared lower bound).'),
    max: z.number().optional().describe('Upper end (default: the parameter\'s plausible range, else its declared upper bound).'),
  })
  .strict();

/** A parameter → range mapping; `name: {}` takes the parameter's default range. */
export const rangesSchema = z.record(z.string(), range.nullable());

export const ensembleSchema = z
  .object({
    $schema: z.string().optional(),
    kind: z.literal(ENSEMBLE_KIND).describe(`Always "${ENSEMBLE_KIND}".`),
    name: z.string().regex(/^[a-z0-9][a-z0-9._+-]*$/, { message: 'lower-case letters, digits, dots, hyphens and plus signs' }).describe('Short name.'),
    title: z.string().optional().describe('Readable title.'),
    description: z.string().optional().describe('Where the points come from and what they stand for.'),
    ranges: rangesSchema.describe('The parameters that vary between the points and the ranges (the prior) they were drawn from.'),
    points: z.array(z.record(z.string(), z.number())).min(1).max(MAX_POINTS).describe('The parameter sets: each sets every parameter of `ranges`.'),
    provenance: z.record(z.string(), z.unknown()).optional().describe('How the ensemble was made (calibration targets, acceptance rate, command); informational.'),
  })
  .strict();

export interface Ensemble {
  name: string;
  title: string;
  description: string;
  ranges: ParamRange[];
  points: Record<string, number>[];
  provenance: Record<string, unknown>;
}

/** The default range of a parameter: its plausible range where the registry gives one, else its declared bounds. */
export function defaultRange(name: keyof typeof PARAMS): { min: number; max: number } {
  const spec = PARAMS[name];
  return spec.range ?? { min: spec.min, max: spec.max };
}

/**
 * Checks a mapping of parameter → {min?, max?} and fills in the defaults: every problem with its
 * path (`<prefix>.<name>.min`). Ranges must be non-empty, within the declared bounds, and hold two
 * whole numbers for integer parameters.
 */
export function resolveRanges(given: Readonly<Record<string, { min?: number | undefined; max?: number | undefined } | null | undefined>>, prefix: string): { ranges: ParamRange[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const ranges: ParamRange[] = [];
  const names = Object.keys(given);
  if (names.length === 0) problems.push({ path: prefix, expected: 'at least one parameter', found: 'an empty mapping' });
  for (const name of names) {
    const path = `${prefix}.${name}`;
    if (!isParamName(name)) {
      const p = paramProblem(path, name);
      if (p) problems.push(p);
      continue;
    }
    const spec = PARAMS[name];
    const fallback = defaultRange(name);
    const g = given[name] ?? {};
    const min = g.min ?? fallback.min;
    const max = g.max ?? fallback.max;
    const before = problems.length;
    if (g.min !== undefined && (g.min < spec.min || g.min > spec.max)) problems.push({ path: `${path}.min`, expected: `a value within the declared bounds ${spec.min} to ${spec.max} (${spec.unit})`, found: String(g.min) });
    if (g.max !== undefined && (g.max < spec.min || g.max > spec.max)) problems.push({ path: `${path}.max`, expected: `a value within the declared bounds ${spec.min} to ${spec.max} (${spec.unit})`, found: String(g.max) });
    if (problems.length === before && !(max > min)) problems.push({ path: `${path}.min`, expected: `a number below max (${max})`, found: String(min) });
    if (problems.length === before && spec.integer && Math.floor(max) - Math.ceil(min) < 1) problems.push({ path, expected: 'a range holding at least two whole numbers (the parameter is whole)', found: `${min} to ${max}` });
    if (problems.length === before) ranges.push({ name, min, max, integer: spec.integer === true });
  }
  // Registry order, so that files and tables list parameters the same way everywhere.
  ranges.sort((a, b) => PARAM_NAMES.indexOf(a.name) - PARAM_NAMES.indexOf(b.name));
  return { ranges, problems };
}

/** A seeded Latin hypercube over ranges, as parameter points (10 significant digits; whole numbers where the parameter is whole). */
export function lhsPoints(ranges: readonly ParamRange[], samples: number, seed: number | string): Record<string, number>[] {
  return latinHypercube(samples, ranges.length, seed).map((row) => {
    const p: Record<string, number> = {};
    ranges.forEach((r, j) => {
      p[r.name] = scaleToRange(row[j]!, r);
    });
    return p;
  });
}

/** Reads and checks an ensemble file; throws a UserError with every problem and its line. */
export function loadEnsemble(file: string, cwd: string, option = '--ensemble'): Ensemble & { file: string; bytes: Uint8Array } {
  const read = readCheckedYaml(file, cwd, ensembleSchema, 'an ensemble file (regiosim calibrate writes one)', option, (data, partial) => {
    const problems: Problem[] = [];
    const { ranges, problems: rp } = resolveRanges(data.ranges ?? {}, 'ranges');
    if (!partial || data.ranges !== undefined) problems.push(...rp);
    const names = new Set(ranges.map((r) => r.name));
    const points: Record<string, number>[] = [];
    (data.points ?? []).forEach((point, i) => {
      if (!point) return;
      const p: Record<string, number> = {};
      for (const [name, value] of Object.entries(point)) {
        const path = `points[${i}].${name}`;
        if (typeof value !== 'number') continue;
        const bad = paramProblem(path, name, value);
        if (bad) problems.push(bad);
        else if (rp.length === 0 && !names.has(name as never)) problems.push({ path, expected: `only parameters listed under ranges (${[...names].join(', ')})`, found: JSON.stringify(name) });
        else p[name] = value;
      }
      if (rp.length === 0) for (const name of names) if (!(name in point)) problems.push({ path: `points[${i}]`, expected: `a value for every parameter of ranges`, found: `no ${name}` });
      points.push(p);
    });
    if (problems.length > 0 || partial || data.name === undefined) return { problems };
    return {
      problems,
      value: { name: data.name, title: data.title ?? data.name, description: data.description ?? '', ranges, points, provenance: (data.provenance ?? {}) as Record<string, unknown> },
    };
  });
  return { ...read.value, file: read.file, bytes: read.bytes };
}

/** The text of an ensemble file, with a comment that says what wrote it. */
export function ensembleYaml(e: Ensemble, comment: readonly string[]): string {
  const head = comment.map((line) => `# ${line}`).join('\n');
  const body = stringify(
    {
      kind: ENSEMBLE_KIND,
      name: e.name,
      title: e.title,
      ...(e.description ? { description: e.description } : {}),
      ranges: Object.fromEntries(e.ranges.map((r) => [r.name, { min: r.min, max: r.max }])),
      points: e.points.map((p) => Object.fromEntries(e.ranges.map((r) => [r.name, p[r.name]!]))),
      ...(Object.keys(e.provenance).length > 0 ? { provenance: e.provenance } : {}),
    },
    { flowCollectionPadding: false, lineWidth: 0 },
  );
  return `${head}${head ? '\n' : ''}${body}`;
}
