/**
 * The plan of a batch: scenarios × parameter points × replications, numbered.
 *
 * - Points are numbered from 0, scenario-major: point = scenarioIndex × parameterPoints + j.
 * - Runs are numbered from 0: run = point × replications + replication.
 * - The seed of a run is deriveSeed(masterSeed, replication): replication k has the same seed
 *   in every scenario and point (common random numbers).
 * - A shard i/n holds the runs with run % n == i.
 *
 * The experiment hash identifies what the results depend on (scenario contents, points,
 * replications, master seed), not where the files were or how the work was split: shards of
 * one experiment have the same hash, and merge checks it.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { scenarioCalendar, type Calendar } from '../core/calendar.js';
import { PARAM_NAMES } from '../core/params.js';
import { deriveSeed } from '../core/seeds.js';
import { fromAbsMonth } from '../core/time.js';
import { BATCH_FORMAT } from '../formats/manifest.js';
import { UserError, type Problem } from '../io/errors.js';
import { loadScenario, manifestPath, type LoadedScenario } from '../io/scenario.js';
import type { ExperimentSpec } from './experiment.js';

export type { PlanScenario } from '../formats/manifest.js';
import type { PlanScenario } from '../formats/manifest.js';

export interface PlanPoint {
  point: number;
  /** Index into plan.scenarios. */
  scenario: number;
  /** Parameter overrides of this point: the experiment's `set`, then the point's own values. */
  overrides: Record<string, number>;
  /** Value of every parameter column (plan.paramColumns) in this point, after overrides. */
  parameters: Record<string, number>;
  /** Election months and structural events of the point's scenario with its parameters. */
  calendar?: Calendar;
}

export interface Shard {
  index: number;
  count: number;
}

export interface BatchPlan {
  name: string;
  title: string;
  /** The experiment file, or null for a batch given on the command line. */
  experimentFile: string | null;
  masterSeed: number;
  replications: number;
  set: Record<string, number>;
  scenarios: PlanScenario[];
  points: PlanPoint[];
  /** Parameters that some point sets, in registry order: the param_<name> columns. */
  paramColumns: string[];
  hash: string;
}

/** Part of the experiment hash: the format of a batch directory. */
export const FORMAT_VERSION = BATCH_FORMAT;

export function totalRuns(plan: Pick<BatchPlan, 'points' | 'replications'>): number {
  return plan.points.length * plan.replications;
}

export function runInfo(plan: Pick<BatchPlan, 'replications' | 'masterSeed'>, run: number): { point: number; replication: number; seed: number } {
  const point = Math.floor(run / plan.replications);
  const replication = run % plan.replications;
  return { point, replication, seed: deriveSeed(plan.masterSeed, replication) };
}

export function inShard(run: number, shard: Shard | null): boolean {
  return shard === null || run % shard.count === shard.index;
}

/** Number of runs of the plan in a shard. */
export function shardRuns(total: number, shard: Shard | null): number {
  if (!shard) return total;
  return total > shard.index ? Math.floor((total - 1 - shard.index) / shard.count) + 1 : 0;
}

/** Parses `i/n` (0 <= i < n). */
export function parseShard(text: string): { ok: true; shard: Shard } | { ok: false; problem: Problem } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const expected = 'i/n with whole numbers 0 <= i < n (for example 0/4 for the first of four shards)';
  if (!m) return { ok: false, problem: { path: '--shard', expected, found: JSON.stringify(text) } };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count || !Number.isSafeInteger(count)) return { ok: false, problem: { path: '--shard', expected, found: JSON.stringify(text) } };
  return { ok: true, shard: { index, count } };
}

export function experimentHash(plan: Pick<BatchPlan, 'masterSeed' | 'replications' | 'scenarios' | 'points'>): string {
  const canonical = {
    format: FORMAT_VERSION,
    masterSeed: plan.masterSeed,
    replications: plan.replications,
    scenarios: plan.scenarios.map((s) => ({ name: s.name, sha256: s.sha256 })),
    points: plan.points.map((p) => ({ scenario: p.scenario, overrides: sortKeys(p.overrides) })),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function sortKeys(rec: Record<string, number>): [string, number][] {
  return Object.keys(rec)
    .sort()
    .map((k) => [k, rec[k]!]);
}

/** Scenario reference as loadScenario needs it from any working directory. */
function loadRef(loaded: LoadedScenario, cwd: string): string {
  return loaded.builtin ?? (isAbsolute(loaded.file) ? loaded.file : resolve(cwd, loaded.file));
}

/**
 * Builds the plan: loads every scenario with every point's overrides (so that bad combinations,
 * e.g. taskDurationMax below taskDurationMin, are found before any run), and collects all
 * problems at once.
 *
 * @param source the file the spec came from (`the command line` for a plain batch), for messages
 * @param cwd directory relative scenario paths are resolved against
 */
export function buildPlan(spec: ExperimentSpec, source: string, experimentFile: string | null, cwd: string): BatchPlan {
  const problems: Problem[] = [];
  const scenarios: PlanScenario[] = [];
  const points: PlanPoint[] = [];
  const usedParams = new Set<string>([...Object.keys(spec.set), ...spec.points.flatMap((p) => Object.keys(p))]);
  const paramColumns = PARAM_NAMES.filter((n) => usedParams.has(n));

  let parsedSet: Record<string, number> = {};
  spec.scenarios.forEach((ref, s) => {
    let base: LoadedScenario;
    try {
      base = loadScenario(ref, spec.set, { cwd });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      for (const p of err.problems) problems.push({ ...p, path: `scenarios[${s}] ${err.file}: ${p.path}` });
      return;
    }
    const sc = base.scenario;
    parsedSet = base.overrides;
    scenarios.push({
      name: sc.name,
      title: sc.title,
      title_nl: sc.nl.title,
      description: sc.description,
      description_nl: sc.nl.description,
      region: sc.region.name,
      load: loadRef(base, cwd),
      file: manifestPath(base),
      sha256: base.hash,
      start: fromAbsMonth(sc.start),
      end: fromAbsMonth(sc.end),
      months: sc.end - sc.start + 1,
      evaluation: { from: fromAbsMonth(sc.evaluation.from), to: fromAbsMonth(sc.evaluation.to) },
    });
    const scenarioIndex = scenarios.length - 1;
    spec.points.forEach((pointValues, j) => {
      const overrides: Record<string, number> = { ...base.overrides, ...pointValues };
      let loaded: LoadedScenario = base;
      if (Object.keys(pointValues).length > 0) {
        try {
          loaded = loadScenario(scenarios[scenarioIndex]!.load, overrides);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          for (const p of err.problems) problems.push({ ...p, path: `scenario ${sc.name}, point ${j}: ${p.path}` });
          return;
        }
      }
      const parameters: Record<string, number> = {};
      for (const name of paramColumns) parameters[name] = loaded.scenario.params[name as keyof typeof loaded.scenario.params];
      points.push({ point: points.length, scenario: scenarioIndex, overrides, parameters, calendar: scenarioCalendar(loaded.scenario) });
    });
  });
  const names = new Map<string, number>();
  scenarios.forEach((s, i) => {
    const prev = names.get(s.name);
    if (prev !== undefined) problems.push({ path: `scenarios[${i}]`, expected: `scenarios with different names (scenarios[${prev}] is also named ${s.name})`, found: JSON.stringify(s.name) });
    names.set(s.name, i);
  });
  if (problems.length > 0) throw new UserError(source, problems);
  const plan = {
    name: spec.name,
    title: spec.title,
    experimentFile,
    masterSeed: spec.masterSeed,
    replications: spec.replications,
    set: { ...parsedSet },
    scenarios,
    points,
    paramColumns,
    hash: '',
  };
  plan.hash = experimentHash(plan);
  return plan;
}

/** Dates of a scenario's months. */
export function scenarioDates(s: PlanScenario): string[] {
  const [y, m] = s.start.split('-').map(Number) as [number, number];
  const start = y * 12 + (m - 1);
  return Array.from({ length: s.months }, (_, i) => fromAbsMonth(start + i));
}
