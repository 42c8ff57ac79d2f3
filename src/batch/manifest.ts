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
import { BATCH_FORMAT, BATCH_MANIFEST_KIND, batchManifestSchema, type BatchManifest } from '../formats/manifest.js';
import { UserError, type Problem } from '../io/errors.js';
import { checksumProblems, MANIFEST, readBatchManifest } from '../io/manifest.js';
import { packageRoot } from '../io/regions.js';
import { regiosimVersion } from '../io/run-output.js';
import { writeJson } from '../io/write.js';
import type { Calendar } from '../core/calendar.js';
import { experimentHash, shardRuns, type BatchPlan, type PlanPoint, type Shard } from './plan.js';

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

export function newManifest(plan: BatchPlan, options: { command: string; workers: number; keepTimeseries: boolean; parquet?: boolean; shard: Shard | null; planned: number }): BatchManifest {
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
    ...(options.parquet ? { parquet: true as const } : {}),
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

/** Writes manifest.json, its fields in the schema's order (the same bytes however it was built). */
export function writeManifest(dir: string, manifest: BatchManifest): void {
  writeJson(join(dir, MANIFEST), batchManifestSchema.parse(manifest));
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

/**
 * Whether a batch manifest can be believed: its experiment matches its hash (so points,
 * replications and seeds are those that ran), its counts agree with its experiment, and, with
 * `files`, every result file it lists has the checksum it records. An edited manifest
 * (replications changed, say) or an edited result file is a problem, never used as is.
 */
export function manifestProblems(m: BatchManifest, dir: string, options: { files: boolean; label?: string } = { files: true }): Problem[] {
  const label = options.label ?? MANIFEST;
  const problems: Problem[] = [];
  try {
    planFromManifest(m, dir);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    problems.push(...err.problems.map((p) => ({ ...p, path: p.path.replace(/^manifest\.json/, label) })));
  }
  const e = m.experiment;
  const edited = (field: string, want: number, got: number, what: string): void => {
    if (want !== got) problems.push({ path: `${label} counts.${field}`, expected: `${what} (${want})`, found: `${got} (an edited or damaged manifest)` });
  };
  edited('scenarios', m.scenarios.length, m.counts.scenarios, 'the number of scenarios it lists');
  edited('points', e.points.length, m.counts.points, 'the number of points of its experiment');
  edited('replications', e.replications, m.counts.replications, 'the replications of its experiment');
  const shard = m.shard;
  if (shard && !(shard.count >= 1 && shard.index >= 0 && shard.index < shard.count)) {
    problems.push({ path: `${label} shard`, expected: 'a slice i/n with 0 <= i < n', found: `${shard.index}/${shard.count} (an edited or damaged manifest)` });
  } else {
    const planned = shardRuns(e.points.length * e.replications, shard);
    edited('planned', planned, m.counts.planned, 'the runs of its experiment');
    if (m.counts.done > m.counts.planned || (m.status === 'complete' && m.counts.done !== m.counts.planned)) {
      problems.push({ path: `${label} counts.done`, expected: m.status === 'complete' ? `every planned run (${m.counts.planned}) in a complete batch` : `at most the planned runs (${m.counts.planned})`, found: `${m.counts.done} (an edited or damaged manifest)` });
    }
  }
  if (options.files) problems.push(...checksumProblems(dir, m.files, label));
  return problems;
}
