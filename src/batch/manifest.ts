/**
 * manifest.json of a batch: what ran (the whole plan, so that `--resume` and `merge` need
 * nothing else), with which software, when, and how far it got.
 *
 * The experiment section holds exact numbers (parameter values are already at 10 significant
 * digits, see experiment.ts), so a plan read back from it has the same hash.
 */
import { nowIso } from '../io/clock.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH_FORMAT, BATCH_MANIFEST_KIND, type BatchManifest } from '../formats/manifest.js';
import { UserError } from '../io/errors.js';
import { MANIFEST, readBatchManifest } from '../io/manifest.js';
import { packageRoot } from '../io/regions.js';
import { regiosimVersion } from '../io/run-output.js';
import { writeJson } from '../io/write.js';
import type { Calendar } from '../core/calendar.js';
import { experimentHash, type BatchPlan, type PlanPoint, type Shard } from './plan.js';

export { MANIFEST } from '../io/manifest.js';
export type { BatchManifest };

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
    kind: BATCH_MANIFEST_KIND,
    format: BATCH_FORMAT,
    regiosim_version: regiosimVersion(),
    git_commit: gitCommit(),
    node: process.version,
    command: options.command,
    status: 'running',
    started: nowIso(),
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
      points: plan.points.map((p) => ({ point: p.point, scenario: plan.scenarios[p.scenario]!.name, overrides: p.overrides, parameters: p.parameters, ...(p.calendar ? { calendar: p.calendar } : {}) })),
    },
  };
}

export function writeManifest(dir: string, manifest: BatchManifest): void {
  writeJson(join(dir, MANIFEST), manifest);
}

/** Reads a batch manifest (the one typed reader, src/io/manifest.ts). */
export const readManifest = readBatchManifest;

/** The plan recorded in a manifest. Its hash is recomputed and must match the recorded one. */
export function planFromManifest(m: BatchManifest, dir: string): BatchPlan {
  const e = m.experiment;
  const scenarios = Array.isArray(m.scenarios) ? m.scenarios : [];
  const index = new Map(scenarios.map((s, i) => [s.name, i]));
  const points: PlanPoint[] = e.points.map((p) => ({ point: p.point, scenario: index.get(p.scenario) ?? -1, overrides: p.overrides, parameters: p.parameters, ...(p.calendar ? { calendar: p.calendar as Calendar } : {}) }));
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
