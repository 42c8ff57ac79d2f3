/**
 * manifest.json of a batch: what ran (the whole plan, so that `--resume` and `merge` need
 * nothing else), with which software, when, and how far it got.
 *
 * The experiment section holds exact numbers (parameter values are already at 10 significant
 * digits, see experiment.ts), so a plan read back from it has the same hash.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../io/errors.js';
import { packageRoot } from '../io/regions.js';
import { regiosimVersion } from '../io/run-output.js';
import { writeJson } from '../io/write.js';
import { experimentHash, type BatchPlan, type PlanPoint, type PlanScenario, type Shard, FORMAT_VERSION } from './plan.js';

export const MANIFEST = 'manifest.json';
export const MANIFEST_KIND = 'regiosim-batch';

export interface BatchManifest {
  kind: typeof MANIFEST_KIND;
  format: number;
  regiosim_version: string;
  git_commit: string | null;
  node: string;
  command: string;
  status: 'running' | 'complete';
  started: string;
  finished: string | null;
  /** Times at which the batch was resumed. */
  resumed: string[];
  workers: number;
  keep_timeseries: boolean;
  shard: Shard | null;
  /** Shard directories a merged result was made from. */
  merged_from?: string[];
  counts: { scenarios: number; points: number; replications: number; planned: number; done: number };
  /** The scenarios, with the sha256 of their files (also read by `regiosim analyze`). */
  scenarios: PlanScenario[];
  experiment: {
    name: string;
    title: string;
    file: string | null;
    hash: string;
    master_seed: number;
    replications: number;
    set: Record<string, number>;
    param_columns: string[];
    points: { point: number; scenario: string; overrides: Record<string, number>; parameters: Record<string, number> }[];
  };
}

/** The commit of the package's git checkout, read from .git without running git; null when unknown. */
export function gitCommit(): string | null {
  try {
    const git = join(packageRoot(), '.git');
    if (!existsSync(join(git, 'HEAD'))) return null;
    const head = readFileSync(join(git, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return null;
    const loose = join(git, ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
    const packed = join(git, 'packed-refs');
    if (existsSync(packed)) {
      for (const line of readFileSync(packed, 'utf8').split('\n')) {
        const [sha, name] = line.split(' ');
        if (name === ref && sha && /^[0-9a-f]{40}$/.test(sha)) return sha;
      }
    }
    return null;
  } catch {
    return null;
  }
}

export function newManifest(plan: BatchPlan, options: { command: string; workers: number; keepTimeseries: boolean; shard: Shard | null; planned: number }): BatchManifest {
  return {
    kind: MANIFEST_KIND,
    format: FORMAT_VERSION,
    regiosim_version: regiosimVersion(),
    git_commit: gitCommit(),
    node: process.version,
    command: options.command,
    status: 'running',
    started: new Date().toISOString(),
    finished: null,
    resumed: [],
    workers: options.workers,
    keep_timeseries: options.keepTimeseries,
    shard: options.shard,
    counts: { scenarios: plan.scenarios.length, points: plan.points.length, replications: plan.replications, planned: options.planned, done: 0 },
    scenarios: plan.scenarios,
    experiment: {
      name: plan.name,
      title: plan.title,
      file: plan.experimentFile,
      hash: plan.hash,
      master_seed: plan.masterSeed,
      replications: plan.replications,
      set: plan.set,
      param_columns: plan.paramColumns,
      points: plan.points.map((p) => ({ point: p.point, scenario: plan.scenarios[p.scenario]!.name, overrides: p.overrides, parameters: p.parameters })),
    },
  };
}

export function writeManifest(dir: string, manifest: BatchManifest): void {
  writeJson(join(dir, MANIFEST), manifest);
}

/** Reads a batch manifest; a UserError when `dir` holds none or it is not a regiosim batch. */
export function readManifest(dir: string, option: string): BatchManifest {
  const path = join(dir, MANIFEST);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const found = code === 'ENOENT' ? (existsSync(dir) ? 'a directory without manifest.json' : 'no such directory') : 'a manifest.json that is not valid JSON';
    throw new UserError(dir, [{ path: option, expected: 'the output directory of a regiosim batch (with its manifest.json)', found }]);
  }
  const m = data as Partial<BatchManifest>;
  if (typeof m !== 'object' || m === null || m.kind !== MANIFEST_KIND || typeof m.experiment !== 'object') {
    throw new UserError(dir, [{ path: `${option} (manifest.json)`, expected: 'the manifest of a regiosim batch (kind "regiosim-batch")', found: `kind ${JSON.stringify(m?.kind ?? null)}` }]);
  }
  if (m.format !== FORMAT_VERSION) {
    throw new UserError(dir, [{ path: `${option} (manifest.json) format`, expected: `batch format ${FORMAT_VERSION}`, found: String(m.format) }]);
  }
  return m as BatchManifest;
}

/** The plan recorded in a manifest. Its hash is recomputed and must match the recorded one. */
export function planFromManifest(m: BatchManifest, dir: string): BatchPlan {
  const e = m.experiment;
  const scenarios = Array.isArray(m.scenarios) ? m.scenarios : [];
  const index = new Map(scenarios.map((s, i) => [s.name, i]));
  const points: PlanPoint[] = e.points.map((p) => ({ point: p.point, scenario: index.get(p.scenario) ?? -1, overrides: p.overrides, parameters: p.parameters }));
  const plan: BatchPlan = {
    name: e.name,
    title: e.title,
    experimentFile: e.file,
    masterSeed: e.master_seed,
    replications: e.replications,
    set: e.set,
    scenarios,
    points,
    paramColumns: e.param_columns,
    hash: e.hash,
  };
  const bad = points.some((p, i) => p.scenario < 0 || p.point !== i);
  if (bad || experimentHash(plan) !== e.hash) {
    throw new UserError(dir, [{ path: 'manifest.json experiment', expected: `an experiment matching its hash ${e.hash.slice(0, 12)}…`, found: 'a manifest that was edited or damaged' }]);
  }
  return plan;
}
