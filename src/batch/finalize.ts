/**
 * Turns journalled runs into the batch files of docs/formats.md, in canonical order (by run id),
 * so the files do not depend on worker count, completion order, resumes or sharding.
 *
 * Memory stays flat in the number of runs: rows are streamed run by run, and the exact
 * percentiles of timeseries-summary.csv are computed point by point over blocks of months: for
 * each block, the months' slice of every run's series is read from series.bin (one contiguous
 * read per run, the series being month-major), at most {@link SUMMARY_BUDGET_BYTES} at a time.
 *
 * The work is cut into tasks that a worker thread can do from file paths and offsets alone
 * ({@link rowsText}: the per-run rows of a range of runs; {@link summaryText}: the summary rows
 * of a block of months of one point), so the batch runner hands them to its worker pool as soon
 * as their runs are in the journal (see {@link Finalizer}) and the main thread only writes the
 * text in order. Merge and the tests do the same tasks in the calling thread.
 *
 * Statistics per scenario/point, month and measure (over the runs, NaN values left out, n the
 * number of values used): mean by plain summation in run order; sd with denominator n - 1
 * (two-pass; NaN for n < 2); percentiles by linear interpolation (R type 7, as in
 * src/stats/descriptive.ts).
 */
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { StreamedFile } from '../io/write.js';
import { quantile } from 'simple-statistics';
import { MONTH_IDS } from '../core/measures.js';
import { EVENTS_COUNTS_CSV, MUNICIPALITIES_CSV, POINTS_CSV, RUNS_CSV, SPELLS_CSV, SUMMARY_PERCENTILES, TIMESERIES_RUNS_CSV, TIMESERIES_SUMMARY_CSV } from '../formats/files.js';
import { parquetColumns, parquetFile } from '../formats/parquet.js';
import { headerLine, line } from '../formats/schema.js';
import { ParquetFile } from '../io/parquet.js';
import { csvField, formatNumber } from '../formats/text.js';
import { JOURNAL_DIR, readAt, readLine, readLineAt, SERIES_FILE, LINES_FILE, type JournalIndex } from './journal.js';
import { inShard, runInfo, scenarioDates, totalRuns, type BatchPlan, type Shard } from './plan.js';
import { SERIES_COLUMNS } from './record.js';

/** Upper bound on the series values held at once while computing timeseries-summary.csv. */
export const SUMMARY_BUDGET_BYTES = 32 * 1024 * 1024;

export const BATCH_FILES = [POINTS_CSV.file, RUNS_CSV.file, SPELLS_CSV.file, MUNICIPALITIES_CSV.file, EVENTS_COUNTS_CSV.file, TIMESERIES_SUMMARY_CSV.file] as const;
export const TIMESERIES_RUNS_FILE = TIMESERIES_RUNS_CSV.file;
/** The Parquet files of --parquet (src/formats/parquet.ts): runs.parquet always, timeseries-runs.parquet with --keep-timeseries. */
export const RUNS_PARQUET = parquetFile(RUNS_CSV);
export const TIMESERIES_RUNS_PARQUET = parquetFile(TIMESERIES_RUNS_CSV);

/** Measures summarised in timeseries-summary.csv: every monthly measure except the month counter. */
export const SUMMARY_MEASURES = MONTH_IDS.map((name, index) => ({ name, index })).filter((m) => m.name !== 'month');

/** A text file written through a buffer into a {@link StreamedFile} (temporary name, renamed into place by finish). */
class FileWriter {
  private readonly file: StreamedFile;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.file = new StreamedFile(path);
  }
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.parts.length === 0) return;
    this.file.write(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts = [];
    this.size = 0;
  }
  finish(): void {
    this.flush();
    this.file.finish();
  }
  get sha256(): string {
    return this.file.sha256;
  }
  get name(): string {
    return this.file.name;
  }
  abort(): void {
    this.file.abort();
  }
}

export interface FinalizeOptions {
  shard: Shard | null;
  keepTimeseries: boolean;
  /** Also write runs.parquet (and with keepTimeseries timeseries-runs.parquet). */
  parquet?: boolean;
  /** Series bytes held at once for timeseries-summary.csv (default SUMMARY_BUDGET_BYTES; tests make it tiny). */
  summaryBudgetBytes?: number;
}

/** Where one run lies in the journal, and the text its rows start with. */
export interface RowsRun {
  source: number;
  lineOffset: number;
  lineLength: number;
  seriesOffset: number;
  months: number;
  /** `run,scenario,point,replication,` */
  prefix: string;
  /** The runs.csv cells before the outcomes, after the prefix: `seed,param...,` */
  head: string;
  /** Index into {@link RowsTask.dates}. */
  scenario: number;
}

/** The per-run rows of a range of runs (in run order), from the journal files. */
export interface RowsTask {
  lines: string[];
  series: string[];
  runs: RowsRun[];
  /** Dates of each scenario, when timeseries-runs.csv is written; else null. */
  dates: string[][] | null;
}

export interface RowsText {
  runs: string;
  spells: string;
  municipalities: string;
  events: string;
  timeseries: string;
}

/** The summary rows of months [m0, m0 + dates.length) of one point, from the journal's series files. */
export interface SummaryTask {
  series: string[];
  /** Source and series offset of each run of the point (in run order). */
  sources: number[];
  offsets: number[];
  /** `scenario,point,` */
  prefix: string;
  m0: number;
  /** Dates of the block's months. */
  dates: string[];
}

/** Runs a task somewhere: in this thread, or in a worker of the batch's pool. */
export interface FinalizeExecutor {
  rows(task: RowsTask): Promise<RowsText>;
  summary(task: SummaryTask): Promise<string>;
}

function openAll(paths: readonly string[]): number[] {
  const fds: number[] = [];
  try {
    for (const p of paths) fds.push(openSync(p, 'r'));
  } catch (err) {
    for (const fd of fds) closeSync(fd);
    throw err;
  }
  return fds;
}

function closeAll(fds: readonly number[]): void {
  for (const fd of fds) closeSync(fd);
}

/** The rows of runs.csv, spells.csv, municipalities.csv, events-counts.csv (and timeseries-runs.csv) of a range of runs. */
export function rowsText(task: RowsTask): RowsText {
  const lines = openAll(task.lines);
  const series = task.dates ? openAll(task.series) : [];
  try {
    let runs = '';
    let spells = '';
    let munis = '';
    let events = '';
    let ts = '';
    const C = SERIES_COLUMNS;
    for (const r of task.runs) {
      const journalled = readLineAt(lines[r.source]!, r.lineOffset, r.lineLength);
      runs += r.prefix + r.head + line(journalled.o);
      for (const row of journalled.s) spells += r.prefix + line(row);
      for (const row of journalled.m) munis += r.prefix + line(row);
      for (const row of journalled.e) events += r.prefix + line(row);
      if (task.dates) {
        const dates = task.dates[r.scenario]!;
        const values = new Float64Array(r.months * C);
        readAt(series[r.source]!, values.byteLength, r.seriesOffset, Buffer.from(values.buffer));
        const cells: string[] = new Array<string>(C);
        for (let m = 0; m < r.months; m++) {
          for (let c = 0; c < C; c++) cells[c] = formatNumber(values[m * C + c]!);
          ts += r.prefix + dates[m] + ',' + cells.join(',') + '\n';
        }
      }
    }
    return { runs, spells, municipalities: munis, events, timeseries: ts };
  } finally {
    closeAll(lines);
    closeAll(series);
  }
}

/** The timeseries-summary.csv rows of a block of months of one point. */
export function summaryText(task: SummaryTask): string {
  const fds = openAll(task.series);
  try {
    const C = SERIES_COLUMNS;
    const n = task.sources.length;
    const mc = task.dates.length;
    const len = mc * C * 8;
    const buf = new Float64Array(n * mc * C);
    const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    for (let r = 0; r < n; r++) {
      const got = readAt(fds[task.sources[r]!]!, len, task.offsets[r]! + task.m0 * C * 8, bytes.subarray(r * len, r * len + len));
      if (got.length !== len) throw new Error(`point ${task.prefix}: series block cut short in the journal`);
    }
    const values = new Float64Array(n);
    const parts: string[] = [];
    for (let dm = 0; dm < mc; dm++) {
      const rowStart = `${task.prefix}${task.dates[dm]},`;
      for (const measure of SUMMARY_MEASURES) {
        let k = 0;
        for (let r = 0; r < n; r++) {
          const v = buf[r * mc * C + dm * C + measure.index]!;
          if (!Number.isNaN(v)) values[k++] = v;
        }
        parts.push(rowStart + measure.name + ',' + statsCells(values.subarray(0, k)) + '\n');
      }
    }
    return parts.join('');
  } finally {
    closeAll(fds);
  }
}

/** Does the tasks in the calling thread. */
export const inThread: FinalizeExecutor = {
  rows: (task) => Promise.resolve(rowsText(task)),
  summary: (task) => Promise.resolve(summaryText(task)),
};

/** The run ids of the plan that the output holds, ascending. */
function runsOf(plan: BatchPlan, shard: Shard | null): number[] {
  const total = totalRuns(plan);
  const runs: number[] = [];
  for (let r = shard ? shard.index : 0; r < total; r += shard ? shard.count : 1) runs.push(r);
  return runs;
}

/** Runs per rows task. */
const ROWS_PER_TASK = 100;
/** A point's summary is cut into at least this many blocks of months, so that workers share the last point. */
const SUMMARY_PARTS = 4;

/**
 * Writes the batch files as their runs arrive: {@link added} after each run is in the journal
 * hands out the tasks whose runs are all there (a range of runs for the per-run files, a whole
 * point for the summary); {@link finish} hands out the rest, writes every file in run order
 * and renames it into place. Texts are written as soon as all before them are.
 */
export class Finalizer {
  private readonly order: number[];
  private readonly writers: Array<FileWriter | ParquetFile> = [];
  private readonly runsParquet: ParquetFile | null = null;
  private readonly timeseriesParquet: ParquetFile | null = null;
  private readonly perRun: FileWriter[];
  private readonly summaryOut: FileWriter;
  private readonly timeseriesOut: FileWriter | null;
  private readonly lines: string[];
  private readonly series: string[];
  private readonly paramCells: string[];
  private readonly datesByScenario: string[][];
  private readonly remaining: number[];
  private nextRow = 0;
  private dispatchedRows = 0;
  private nextPoint = 0;
  private rowsChain: Promise<void> = Promise.resolve();
  private summaryChain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private readonly budget: number;

  constructor(
    private readonly plan: BatchPlan,
    private readonly index: JournalIndex,
    dir: string,
    private readonly options: FinalizeOptions,
    private readonly exec: FinalizeExecutor,
  ) {
    this.order = runsOf(plan, options.shard);
    this.budget = options.summaryBudgetBytes ?? SUMMARY_BUDGET_BYTES;
    this.lines = index.dirs.map((d) => join(d, JOURNAL_DIR, LINES_FILE));
    this.series = index.dirs.map((d) => join(d, JOURNAL_DIR, SERIES_FILE));
    this.paramCells = plan.points.map((p) => plan.paramColumns.map((c) => csvField(p.parameters[c]!)).map((c) => c + ',').join(''));
    this.datesByScenario = plan.scenarios.map(scenarioDates);
    this.remaining = plan.points.map(() => 0);
    for (const run of this.order) if (!index.has(run)) this.remaining[Math.floor(run / plan.replications)]! += 1;
    const open = (name: string): FileWriter => {
      const w = new FileWriter(join(dir, name));
      this.writers.push(w);
      return w;
    };
    try {
      writePoints(plan, open(POINTS_CSV.file));
      this.perRun = [open(RUNS_CSV.file), open(SPELLS_CSV.file), open(MUNICIPALITIES_CSV.file), open(EVENTS_COUNTS_CSV.file)];
      this.summaryOut = open(TIMESERIES_SUMMARY_CSV.file);
      this.timeseriesOut = options.keepTimeseries ? open(TIMESERIES_RUNS_FILE) : null;
      const openParquet = (name: string, columns: ReturnType<typeof parquetColumns>): ParquetFile => {
        const w = new ParquetFile(join(dir, name), columns);
        this.writers.push(w);
        return w;
      };
      if (options.parquet) {
        this.runsParquet = openParquet(RUNS_PARQUET, parquetColumns(RUNS_CSV, plan.paramColumns));
        if (options.keepTimeseries) this.timeseriesParquet = openParquet(TIMESERIES_RUNS_PARQUET, parquetColumns(TIMESERIES_RUNS_CSV));
      }
    } catch (err) {
      this.abort();
      throw err;
    }
    this.perRun[0]!.write(headerLine(RUNS_CSV, plan.paramColumns));
    this.perRun[1]!.write(headerLine(SPELLS_CSV));
    this.perRun[2]!.write(headerLine(MUNICIPALITIES_CSV));
    this.perRun[3]!.write(headerLine(EVENTS_COUNTS_CSV));
    this.summaryOut.write(headerLine(TIMESERIES_SUMMARY_CSV));
    this.timeseriesOut?.write(headerLine(TIMESERIES_RUNS_CSV));
    this.dispatch(false);
  }

  /** Run `run` is now in the journal (and in the index). */
  added(run: number): void {
    const point = Math.floor(run / this.plan.replications);
    this.remaining[point]! -= 1;
    this.dispatch(false);
  }

  private dispatch(all: boolean): void {
    while (this.nextRow < this.order.length && this.index.has(this.order[this.nextRow]!)) this.nextRow += 1;
    while (this.nextRow - this.dispatchedRows >= ROWS_PER_TASK || (all && this.nextRow > this.dispatchedRows)) {
      const end = Math.min(this.nextRow, this.dispatchedRows + ROWS_PER_TASK);
      this.queueRows(this.order.slice(this.dispatchedRows, end));
      this.dispatchedRows = end;
    }
    while (this.nextPoint < this.plan.points.length && this.remaining[this.nextPoint] === 0) this.queueSummary(this.nextPoint++);
  }

  private fail(err: unknown): void {
    this.failure ??= err;
  }

  private queueRows(runs: number[]): void {
    const { plan, index } = this;
    const task: RowsTask = {
      lines: this.lines,
      series: this.series,
      dates: this.timeseriesOut ? this.datesByScenario : null,
      runs: runs.map((run) => {
        const { point, replication, seed } = runInfo(plan, run);
        const p = plan.points[point]!;
        const sc = plan.scenarios[p.scenario]!;
        if (this.timeseriesOut && index.months[run] !== sc.months) throw new Error(`run ${run}: ${index.months[run]} months in the journal, expected ${sc.months}`);
        return {
          source: index.source[run]!, lineOffset: index.lineOffset[run]!, lineLength: index.lineLength[run]!, seriesOffset: index.seriesOffset[run]!, months: index.months[run]!,
          prefix: `${run},${csvField(sc.name)},${point},${replication},`, head: `${seed},${this.paramCells[point]!}`, scenario: p.scenario,
        };
      }),
    };
    const text = this.exec.rows(task);
    text.catch((err: unknown) => this.fail(err));
    this.rowsChain = this.rowsChain.then(async () => {
      const t = await text;
      if (this.failure) return;
      this.perRun[0]!.write(t.runs);
      this.perRun[1]!.write(t.spells);
      this.perRun[2]!.write(t.municipalities);
      this.perRun[3]!.write(t.events);
      this.timeseriesOut?.write(t.timeseries);
    });
    this.rowsChain.catch((err: unknown) => this.fail(err));
  }

  private queueSummary(point: number): void {
    const { plan, index } = this;
    const p = plan.points[point]!;
    const sc = plan.scenarios[p.scenario]!;
    const dates = this.datesByScenario[p.scenario]!;
    const runs: number[] = [];
    for (let rep = 0; rep < plan.replications; rep++) {
      const run = point * plan.replications + rep;
      if (inShard(run, this.options.shard)) runs.push(run);
    }
    if (runs.length === 0) return;
    for (const run of runs) {
      if (index.months[run] !== sc.months) throw new Error(`run ${run}: ${index.months[run]} months in the journal, expected ${sc.months}`);
    }
    const n = runs.length;
    const block = Math.max(1, Math.min(Math.ceil(sc.months / SUMMARY_PARTS), Math.floor(this.budget / (n * SERIES_COLUMNS * 8))));
    const sources = runs.map((r) => index.source[r]!);
    const offsets = runs.map((r) => index.seriesOffset[r]!);
    const prefix = `${csvField(sc.name)},${point},`;
    for (let m0 = 0; m0 < sc.months; m0 += block) {
      const text = this.exec.summary({ series: this.series, sources, offsets, prefix, m0, dates: dates.slice(m0, Math.min(sc.months, m0 + block)) });
      text.catch((err: unknown) => this.fail(err));
      this.summaryChain = this.summaryChain.then(async () => {
        const t = await text;
        if (!this.failure) this.summaryOut.write(t);
      });
      this.summaryChain.catch((err: unknown) => this.fail(err));
    }
  }

  /**
   * Hands out what is left, waits for every text, and renames the files into place. Every run
   * of the plan (or of the shard) must be in the index. Returns the SHA-256 of each file, by name.
   */
  async finish(): Promise<Record<string, string>> {
    try {
      for (const run of this.order) {
        if (!this.index.has(run)) throw new Error(`finalizeBatch: run ${run} is missing from the journal`);
      }
      this.dispatch(true);
      await Promise.allSettled([this.rowsChain, this.summaryChain]);
      if (this.failure) throw this.failure;
      if (this.runsParquet) this.writeParquet();
      for (const w of this.writers) w.finish();
    } catch (err) {
      this.abort();
      throw err;
    }
    const sums: Record<string, string> = {};
    for (const w of this.writers) sums[w.name] = w.sha256;
    return sums;
  }

  /**
   * runs.parquet (and timeseries-runs.parquet) from the journal, in run order, on this thread:
   * only with --parquet, so the default path does not pay for it.
   */
  private writeParquet(): void {
    const { plan, index } = this;
    const lines = openAll(this.lines);
    const series = this.timeseriesParquet ? openAll(this.series) : [];
    try {
      const C = SERIES_COLUMNS;
      for (const run of this.order) {
        const { point, replication, seed } = runInfo(plan, run);
        const p = plan.points[point]!;
        const sc = plan.scenarios[p.scenario]!;
        const journalled = readLine(lines[index.source[run]!]!, index, run);
        this.runsParquet!.add([run, sc.name, point, replication, seed, ...plan.paramColumns.map((c) => p.parameters[c]!), ...(journalled.o as Array<number | null>)]);
        if (this.timeseriesParquet) {
          const dates = this.datesByScenario[p.scenario]!;
          const values = new Float64Array(sc.months * C);
          readAt(series[index.source[run]!]!, values.byteLength, index.seriesOffset[run]!, Buffer.from(values.buffer));
          for (let m = 0; m < sc.months; m++) {
            const row: Array<string | number> = [run, sc.name, point, replication, dates[m]!];
            for (let c = 0; c < C; c++) row.push(values[m * C + c]!);
            this.timeseriesParquet.add(row);
          }
        }
      }
    } finally {
      closeAll(lines);
      closeAll(series);
    }
  }

  /** Removes the temporaries (after a failure or an abort). Tasks still out are ignored. */
  abort(): void {
    this.fail(new Error('finalisation aborted'));
    for (const w of this.writers) w.abort();
  }
}

/**
 * Writes the batch files into `dir` from the journalled runs in `index`. Every run of the plan
 * (or of the shard) must be in the index. Returns the SHA-256 of each file written, by name,
 * for the manifest.
 */
export async function finalizeBatch(plan: BatchPlan, index: JournalIndex, dir: string, options: FinalizeOptions, exec: FinalizeExecutor = inThread): Promise<Record<string, string>> {
  for (const run of runsOf(plan, options.shard)) {
    if (!index.has(run)) throw new Error(`finalizeBatch: run ${run} is missing from the journal`);
  }
  return new Finalizer(plan, index, dir, options, exec).finish();
}

function writePoints(plan: BatchPlan, out: FileWriter): void {
  out.write(headerLine(POINTS_CSV, plan.paramColumns));
  for (const p of plan.points) out.write(line([p.point, plan.scenarios[p.scenario]!.name, ...plan.paramColumns.map((c) => p.parameters[c]!)]));
}

/** `n,mean,sd,p2_5,p25,p50,p75,p97_5` of the values (in run order; reordered in place afterwards). */
export function statsCells(values: Float64Array): string {
  const n = values.length;
  if (n === 0) return '0,NaN,NaN,NaN,NaN,NaN,NaN,NaN';
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) * (values[i]! - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  // Selection, not a full sort: only the order statistics next to each percentile are placed.
  const qs = quantile(values as unknown as number[], SUMMARY_PERCENTILES as unknown as number[]);
  return [n, mean, sd, ...qs].map(formatNumber).join(',');
}
