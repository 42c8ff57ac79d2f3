/**
 * Runs a batch: dispatches chunks of runs to a pool of worker threads (piscina), appends each
 * finished run to the journal as it arrives, then writes the batch files in run order.
 *
 * At most `2 × workers` chunks are in flight, so memory does not grow with the number of
 * runs; a crash or `kill -9` loses at most those chunks (see journal.ts). An AbortSignal stops
 * it the same way (BatchAbortedError); it never ends the process.
 */
import { nowIso } from '../io/clock.js';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { UserError } from '../io/errors.js';
import { packageRoot } from '../io/regions.js';
import { assertReplaceable, removeStaleTemps, writing } from '../io/write.js';
import { Finalizer, type FinalizeExecutor, type RowsText } from './finalize.js';
import { JOURNAL_DIR, JournalIndex, JournalWriter, scanJournal, type EncodedRun } from './journal.js';
import { MANIFEST, newManifest, readManifest, writeManifest, type BatchManifest } from './manifest.js';
import { inShard, runInfo, shardRuns, totalRuns, type BatchPlan, type Shard } from './plan.js';
import { silentProgress, type ProgressSink } from './progress.js';
import type { ChunkTask } from './worker.js';

export interface BatchRunOptions {
  /** Output directory (absolute). */
  out: string;
  workers: number;
  shard: Shard | null;
  keepTimeseries: boolean;
  /** Also write the per-run tables as Parquet (runs.parquet, timeseries-runs.parquet). */
  parquet?: boolean;
  /** Shell-quoted command line, for the manifest. */
  command: string;
  progress?: ProgressSink;
  /** Runs per worker task; default chosen from the number of runs. */
  chunkSize?: number;
  /** Stops the batch: the runs finished so far stay in the journal, and `--resume` continues it. */
  signal?: AbortSignal;
  /**
   * Work that belongs to the batch, done once its files are written and before it is marked
   * complete (the analysis): if the process is killed during it, `--resume` does it again.
   */
  beforeComplete?: (out: string) => void | Promise<void>;
}

/** Thrown when a batch is stopped through its AbortSignal: what was saved, and how to continue. */
export class BatchAbortedError extends Error {
  override readonly name = 'BatchAbortedError';
  constructor(
    readonly out: string,
    readonly done: number,
    readonly planned: number,
    readonly reason: unknown,
  ) {
    super(`batch interrupted; ${done} of ${planned} runs are saved in ${out}`);
  }
}

export interface BatchOutcome {
  out: string;
  planned: number;
  /** Runs computed in this session. */
  ran: number;
  /** Runs found in the journal when resuming. */
  resumed: number;
  manifest: BatchManifest;
}

/** Most worker threads (each holds a copy of the model and its scenario). */
export const MAX_WORKERS = 256;

export function defaultWorkers(): number {
  return Math.min(MAX_WORKERS, availableParallelism());
}

/** The compiled worker: next to this module when running from dist/, else in the build output. */
export function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const local = join(here, 'worker.js');
  if (existsSync(local)) return local;
  const built = join(packageRoot(), 'dist', 'src', 'batch', 'worker.js');
  if (existsSync(built)) return built;
  throw new Error('the compiled batch worker (dist/src/batch/worker.js) is missing; run `npm run build` first');
}

/**
 * Prepares a fresh batch in `out`: refuses a directory that is neither empty nor a regiosim
 * result, and one that holds an unfinished batch (which --resume continues); clears a finished
 * result it replaces.
 */
export function prepareFreshOutput(out: string): void {
  assertReplaceable(out);
  if (!existsSync(out)) return;
  if (existsSync(join(out, JOURNAL_DIR)) && existsSync(join(out, MANIFEST))) {
    let status: string | undefined;
    try {
      status = readManifest(out, '--out').status;
    } catch {
      status = undefined;
    }
    if (status === 'running') {
      throw new UserError(out, [
        { path: '--out', expected: 'an empty directory or a finished result to replace', found: `an unfinished batch: continue it with \`regiosim batch --resume ${out}\`, or remove the directory` },
      ]);
    }
  }
}

/** Removes the journal of a whole batch that is complete (also what a killed removal left). */
export function removeJournal(out: string): void {
  writing(join(out, JOURNAL_DIR), () => rmSync(join(out, JOURNAL_DIR), { recursive: true, force: true }));
}

function clearDir(dir: string): void {
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
}

interface Chunk {
  task: ChunkTask;
  size: number;
}

function chunksOf(plan: BatchPlan, todo: number[], size: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: { point: number; runs: { run: number; seed: number }[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const p = plan.points[current.point]!;
    chunks.push({ task: { load: plan.scenarios[p.scenario]!.load, overrides: p.overrides, runs: current.runs }, size: current.runs.length });
    current = null;
  };
  for (const run of todo) {
    const { point, seed } = runInfo(plan, run);
    if (current && (current.point !== point || current.runs.length >= size)) flush();
    current ??= { point, runs: [] };
    current.runs.push({ run, seed });
  }
  flush();
  return chunks;
}

/**
 * Runs (or, with `resume`, continues) a batch and writes its files into `options.out`.
 *
 * @param resume true to continue the batch in `out` (its manifest gives the plan)
 */
export async function runBatch(plan: BatchPlan, options: BatchRunOptions, resume = false): Promise<BatchOutcome> {
  const { out, shard } = options;
  const total = totalRuns(plan);
  const planned = shardRuns(total, shard);
  const progress = options.progress ?? silentProgress;
  const index = new JournalIndex(total);
  let manifest: BatchManifest;

  if (resume) {
    manifest = readManifest(out, '--resume');
    // What a killed session left: half-written result files and temporaries.
    removeStaleTemps(out);
    removeStaleTemps(join(out, JOURNAL_DIR));
    const months = plan.points.map((p) => plan.scenarios[p.scenario]!.months);
    scanJournal(out, index, 0, { verify: true, repair: true, expectMonths: (run) => months[Math.floor(run / plan.replications)]!, accept: (run) => inShard(run, shard) });
    manifest.resumed.push(nowIso());
    manifest.workers = options.workers;
    manifest.status = 'running';
  } else {
    prepareFreshOutput(out);
    writing(out, () => {
      if (existsSync(out)) clearDir(out);
      mkdirSync(out, { recursive: true });
    });
    removeStaleTemps(dirname(out), basename(out));
    manifest = newManifest(plan, { command: options.command, workers: options.workers, keepTimeseries: options.keepTimeseries, parquet: options.parquet === true, shard, planned });
  }
  index.dirs[0] = out;
  manifest.counts.done = index.size;
  const journal = new JournalWriter(out);
  writeManifest(out, manifest);

  const todo: number[] = [];
  for (let run = shard ? shard.index : 0; run < total; run += shard ? shard.count : 1) if (!index.has(run)) todo.push(run);
  const resumedRuns = index.size;
  const workers = Math.max(1, Math.min(options.workers, todo.length || 1));
  const chunkSize = options.chunkSize ?? Math.max(1, Math.min(8, Math.floor(todo.length / (workers * 8))));
  const chunks = chunksOf(plan, todo, chunkSize);

  progress.start(planned, resumedRuns);
  const finalizeOptions = { shard, keepTimeseries: manifest.keep_timeseries, parquet: manifest.parquet === true };
  // One pool for the runs and for the text of the batch files, which it writes as runs arrive.
  const pool = new Piscina({ filename: pathToFileURL(workerFile()).href, minThreads: workers, maxThreads: workers, idleTimeout: 60_000, atomics: 'disabled' });
  const exec: FinalizeExecutor = {
    rows: (task) => pool.run(task, { name: 'rows' }) as Promise<RowsText>,
    summary: (task) => pool.run(task, { name: 'summary' }) as Promise<string>,
  };
  let finalizer: Finalizer | null = null;
  const signal = options.signal;
  let onAbort: (() => void) | undefined;
  try {
    finalizer = new Finalizer(plan, index, out, finalizeOptions, exec);
    const fin = finalizer;
    if (chunks.length > 0) {
      try {
        await new Promise<void>((resolvePromise, reject) => {
          let next = 0;
          let inFlight = 0;
          let failed = false;
          const maxInFlight = workers * 2;
          onAbort = (): void => {
            if (failed) return;
            failed = true;
            reject(new BatchAbortedError(out, index.size, planned, signal?.reason));
          };
          if (signal?.aborted) return onAbort();
          signal?.addEventListener('abort', onAbort, { once: true });
          const pump = (): void => {
            while (!failed && next < chunks.length && inFlight < maxInFlight) {
              const chunk = chunks[next++]!;
              inFlight += 1;
              (pool.run(chunk.task) as Promise<EncodedRun[]>).then(
                (records) => {
                  inFlight -= 1;
                  if (failed) return;
                  try {
                    const where = journal.appendAll(records);
                    records.forEach((rec, k) => {
                      const at = where[k]!;
                      index.set(rec.run, 0, at.lineOffset, at.lineLength, at.seriesOffset, rec.months);
                      fin.added(rec.run);
                    });
                  } catch (err) {
                    failed = true;
                    reject(err);
                    return;
                  }
                  progress.tick(records.length);
                  if (next >= chunks.length && inFlight === 0) resolvePromise();
                  else pump();
                },
                (err: unknown) => {
                  inFlight -= 1;
                  if (!failed) {
                    failed = true;
                    reject(err);
                  }
                },
              );
            }
          };
          pump();
        });
      } finally {
        if (onAbort) signal?.removeEventListener('abort', onAbort);
        // What the files are written from is on disk before they are.
        journal.close();
      }
    } else {
      journal.close();
    }
    progress.stop();
    manifest.files = await finalizer.finish();
  } catch (err) {
    progress.stop();
    finalizer?.abort();
    throw err;
  } finally {
    journal.close();
    await pool.destroy();
  }

  manifest.counts.done = index.size;
  if (options.beforeComplete) {
    // The files and their checksums are recorded first (the analysis checks them).
    writeManifest(out, manifest);
    await options.beforeComplete(out);
  }
  manifest.status = 'complete';
  manifest.finished = nowIso();
  writeManifest(out, manifest);
  // A whole batch no longer needs its journal; a shard keeps it for `regiosim merge`.
  if (!shard) removeJournal(out);
  return { out, planned, ran: index.size - resumedRuns, resumed: resumedRuns, manifest };
}
