/**
 * Batches through the library: plan one (from scenarios or an experiment file, with every
 * problem of the request at once), run it with an AbortSignal and a progress callback, resume
 * it, merge its shards.
 */
import { join, resolve } from 'node:path';
import { expandExperiment, loadExperiment, type ExperimentSpec } from '../batch/experiment.js';
import { manifestProblems, planFromManifest, readManifest, type BatchManifest } from '../batch/manifest.js';
import { mergeShards as mergeShardDirs, type MergeOutcome } from '../batch/merge.js';
import { buildPlan, type BatchPlan, type Shard } from '../batch/plan.js';
import { silentProgress, type ProgressSink } from '../batch/progress.js';
import { defaultWorkers, prepareFreshOutput, removeJournal, runBatch as runPlannedBatch, type BatchOutcome } from '../batch/runner.js';
import { UserError, type Problem } from '../io/errors.js';
import { regiosimVersion } from '../io/run-output.js';
import { loadScenario } from '../io/scenario.js';
import { OutputDirError, outputProblem, removeStaleTemps } from '../io/write.js';
import { JOURNAL_DIR } from '../batch/journal.js';

export type { BatchOutcome, BatchPlan, MergeOutcome, ProgressSink, Shard };
export { BatchAbortedError, defaultWorkers, MAX_WORKERS } from '../batch/runner.js';

export interface BatchRequest {
  /** Built-in scenario names or scenario files (relative to `cwd`). */
  scenarios?: readonly string[];
  /** An experiment file (instead of `scenarios`); `runs`, `seed` and `set` override it. */
  experiment?: string;
  /** Replications per scenario and parameter point (required without an experiment). */
  runs?: number;
  /** Master seed (default 1). */
  seed?: number;
  /** Parameter overrides applied to every run: numbers, or texts as typed after `--set name=`. */
  set?: Readonly<Record<string, number | string>>;
  /** Run only slice i of n. */
  shard?: Shard | null;
  /** Output directory (default output/batch/<name>/ under `cwd`). */
  out?: string;
  cwd?: string;
}

export interface PlannedBatch {
  plan: BatchPlan;
  out: string;
  shard: Shard | null;
}

export interface BatchExecution {
  workers?: number;
  keepTimeseries?: boolean;
  /** Also write runs.parquet and (with keepTimeseries) timeseries-runs.parquet (docs/formats.md). */
  parquet?: boolean;
  /** The command line, for the manifest. */
  command?: string;
  /** Stops the batch (BatchAbortedError); what is finished stays for resumeBatch. */
  signal?: AbortSignal;
  /** Called as runs finish. */
  onProgress?: (p: { done: number; total: number }) => void;
  /** A progress display instead of onProgress (the CLI's bar or lines). */
  progress?: ProgressSink;
  /**
   * Work that belongs to the batch (the analysis), done after its files are written and before it
   * is marked complete: a batch killed during it is finished by resumeBatch, files and all.
   */
  beforeComplete?: (out: string) => void | Promise<void>;
}

/** Default output directory: output/batch/<name>/ (a shard: output/batch/<name>.shard-<i>-of-<n>/). */
export function defaultBatchDir(cwd: string, name: string, shard: Shard | null): string {
  return resolve(cwd, 'output', 'batch', shard ? `${name}.shard-${shard.index}-of-${shard.count}` : name);
}

/** One error for everything found: about the file when all problems are in one file, else about the command line. */
function combine(problems: Problem[], fileErrors: UserError[]): UserError {
  if (problems.length === 0 && fileErrors.length === 1) return fileErrors[0]!;
  return new UserError('the command line', [...problems, ...fileErrors.flatMap((e) => e.problems.map((p) => ({ ...p, path: `${e.file}: ${p.path}` })))]);
}

/**
 * Plans a new batch: loads the experiment or the scenarios with every parameter point, checks
 * the output directory, and throws one UserError with every problem (including `earlier`
 * ones the caller found, such as malformed options) before anything runs.
 */
export function planBatch(req: BatchRequest, earlier: readonly Problem[] = []): PlannedBatch {
  const problems: Problem[] = [...earlier];
  const cwd0 = req.cwd ?? process.cwd();
  const scenarios = req.scenarios ?? [];
  const set = req.set ?? {};
  const fileErrors: UserError[] = [];
  let spec: ExperimentSpec | undefined;
  let source = 'the command line';
  let experimentFile: string | null = null;
  let cwd = cwd0;
  if (req.experiment !== undefined) {
    if (scenarios.length > 0) problems.push({ path: 'scenario', expected: 'no scenarios with --experiment (list them in the experiment file)', found: scenarios.map((s) => JSON.stringify(s)).join(', ') });
    source = req.experiment;
    try {
      const loaded = loadExperiment(req.experiment, cwd0);
      spec = loaded.spec;
      experimentFile = loaded.file;
      cwd = loaded.dir;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      fileErrors.push(err);
    }
    if (spec) spec = { ...spec, set: { ...spec.set, ...set }, replications: req.runs ?? spec.replications, masterSeed: req.seed ?? spec.masterSeed };
  } else {
    if (scenarios.length === 0) problems.push({ path: 'scenario', expected: 'one or more scenarios (files or built-in names), --experiment FILE or --resume DIR', found: 'nothing' });
    if (req.runs === undefined && !earlier.some((p) => p.path === '--runs')) problems.push({ path: '--runs', expected: 'the number of replications per scenario, a whole number of at least 1', found: 'nothing' });
    if (scenarios.length > 0) {
      const expanded = expandExperiment({ scenarios: [...scenarios], replications: req.runs ?? 1, seed: req.seed ?? 1 }, '');
      if (!expanded.ok) problems.push(...expanded.problems);
      else spec = { ...expanded.spec, set: { ...set } };
    }
  }
  let plan: BatchPlan | undefined;
  if (spec) {
    try {
      plan = buildPlan(spec, source, experimentFile, cwd);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      if (err.file === 'the command line') problems.push(...err.problems);
      else fileErrors.push(err);
    }
  }
  if (plan && req.experiment === undefined) plan = { ...plan, name: plan.scenarios.map((s) => s.name).join('+'), title: plan.scenarios.map((s) => s.title).join(' / ') };
  const shard = req.shard ?? null;
  const out = req.out !== undefined ? resolve(cwd0, req.out) : plan ? defaultBatchDir(cwd0, plan.name, shard) : undefined;
  const where = out ? outputProblem(out, '--out', { kind: 'dir' }, req.out ?? out) : null;
  if (where) problems.push(where);
  else if (out) {
    try {
      prepareFreshOutput(out);
    } catch (err) {
      if (err instanceof OutputDirError) problems.push({ path: '--out', expected: 'an empty directory, a new one, or a previous regiosim result to replace', found: `${err.dir}: ${err.found}` });
      else if (err instanceof UserError) problems.push(...err.problems.map((p) => ({ ...p, path: `${p.path} ${out}` })));
      else throw err;
    }
  }
  if (problems.length > 0 || fileErrors.length > 0 || !plan || !out) throw combine(problems, fileErrors);
  return { plan, out, shard };
}

function sink(exec: BatchExecution): ProgressSink {
  if (exec.progress) return exec.progress;
  const on = exec.onProgress;
  if (!on) return silentProgress;
  let done = 0;
  let total = 0;
  return {
    start: (t, d) => {
      total = t;
      done = d;
      on({ done, total });
    },
    tick: (n) => {
      done += n;
      on({ done, total });
    },
    stop: () => {},
  };
}

/** Runs a planned batch into its output directory. */
export async function runBatch(planned: PlannedBatch, exec: BatchExecution = {}): Promise<BatchOutcome> {
  return runPlannedBatch(planned.plan, {
    out: planned.out, workers: exec.workers ?? defaultWorkers(), shard: planned.shard, keepTimeseries: exec.keepTimeseries ?? false, parquet: exec.parquet ?? false,
    command: exec.command ?? 'regiosim (library)', progress: sink(exec), ...(exec.signal ? { signal: exec.signal } : {}),
    ...(exec.beforeComplete ? { beforeComplete: exec.beforeComplete } : {}),
  });
}

/**
 * The unfinished batch in `dir`, checked for resuming: the same regiosim version, and scenario
 * files that have not changed since it started (otherwise its runs would not belong together).
 */
export function resumableBatch(dir: string): { manifest: BatchManifest; planned: PlannedBatch } {
  const manifest = readManifest(dir, '--resume');
  // An edited manifest (its experiment or counts changed) is not resumed.
  const problems: Problem[] = manifestProblems(manifest, dir, { files: false });
  if (problems.length > 0) throw new UserError(dir, problems);
  const plan = planFromManifest(manifest, dir);
  const where = outputProblem(dir, '--resume', { kind: 'dir' });
  if (where) problems.push(where);
  if (manifest.regiosim_version !== regiosimVersion()) {
    problems.push({ path: 'manifest.json regiosim_version', expected: `a batch started by this regiosim (${regiosimVersion()})`, found: `regiosim ${manifest.regiosim_version}` });
  }
  for (const s of plan.scenarios) {
    let hash: string | null = null;
    try {
      hash = loadScenario(s.load).hash;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
    }
    if (hash !== s.sha256) {
      problems.push({ path: `scenario ${s.name} (${s.file})`, expected: `the file as it was when the batch started (sha256 ${s.sha256.slice(0, 12)}…)`, found: hash === null ? 'a file that no longer loads' : `a changed file (sha256 ${hash.slice(0, 12)}…); start a new batch instead` });
    }
  }
  if (problems.length > 0) throw new UserError(dir, problems);
  return { manifest, planned: { plan, out: dir, shard: manifest.shard } };
}

/**
 * Continues the unfinished batch in `dir` (runs only what is missing); undefined when it is
 * already complete, after removing what a process killed at its very end left behind.
 */
export async function resumeBatch(dir: string, exec: BatchExecution = {}): Promise<BatchOutcome | undefined> {
  const { manifest, planned } = resumableBatch(dir);
  if (manifest.status === 'complete') {
    tidyCompleteBatch(dir, manifest);
    return undefined;
  }
  return runPlannedBatch(planned.plan, {
    out: dir, workers: exec.workers ?? defaultWorkers(), shard: planned.shard, keepTimeseries: manifest.keep_timeseries, parquet: manifest.parquet === true,
    command: exec.command ?? manifest.command, progress: sink(exec), ...(exec.signal ? { signal: exec.signal } : {}),
    ...(exec.beforeComplete ? { beforeComplete: exec.beforeComplete } : {}),
  }, true);
}

/**
 * A complete batch as an uninterrupted one leaves it: temporaries of a killed process removed,
 * and the journal of a whole batch (a kill while it was being removed leaves part of it).
 */
export function tidyCompleteBatch(dir: string, manifest: BatchManifest): void {
  removeStaleTemps(dir);
  if (manifest.shard) removeStaleTemps(join(dir, JOURNAL_DIR));
  else removeJournal(dir);
}

/** Joins the shard outputs of one batch into exactly what one machine would have written. */
export async function mergeShards(dirs: readonly string[], out: string, options: { command?: string; cwd?: string } = {}): Promise<MergeOutcome> {
  return mergeShardDirs([...dirs], out, options.command ?? 'regiosim (library)', options.cwd ?? process.cwd());
}

/**
 * The batch machinery as the runner of a designed experiment (sensitivity, calibration,
 * robustness): a fresh batch, or the continuation of the same design in `out` (a complete one is
 * reused). With `shard`, only that slice runs, and `out` is the shard's directory.
 */
export function experimentRunner(exec: BatchExecution & { cwd?: string; onReuse?: (runs: number) => void; shard?: Shard | null }): (spec: ExperimentSpec, out: string) => Promise<void> {
  return async (spec, out) => {
    const plan = buildPlan(spec, 'the command line', null, exec.cwd ?? process.cwd());
    let resume = false;
    let previous: BatchManifest | undefined;
    try {
      previous = readManifest(out, '--out');
    } catch {
      previous = undefined; // not a batch: runBatch decides whether it may be replaced
    }
    const shard = exec.shard ?? null;
    const sameShard = (m: BatchManifest): boolean => (m.shard === null && shard === null) || (m.shard !== null && shard !== null && m.shard.index === shard.index && m.shard.count === shard.count);
    if (previous && previous.experiment.hash === plan.hash && sameShard(previous)) {
      if (previous.status === 'complete') {
        exec.onReuse?.(previous.counts.done);
        return;
      }
      resume = true;
    }
    await runPlannedBatch(plan, {
      out, workers: exec.workers ?? defaultWorkers(), shard, keepTimeseries: false, command: exec.command ?? 'regiosim (library)', progress: sink(exec),
      ...(exec.signal ? { signal: exec.signal } : {}),
    }, resume);
  };
}

/** The runner of `regiosim sensitivity` (a whole batch; see {@link experimentRunner}). */
export const sensitivityRunner = (exec: BatchExecution & { cwd?: string; onReuse?: (runs: number) => void }): ((spec: ExperimentSpec, out: string) => Promise<void>) => experimentRunner(exec);
