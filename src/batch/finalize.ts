/**
 * Turns journalled runs into the batch files of docs/formats.md, in canonical order (by run id),
 * so the files do not depend on worker count, completion order, resumes or sharding.
 *
 * Memory stays flat in the number of runs: rows are streamed run by run, and the exact
 * percentiles of timeseries-summary.csv are computed point by point over blocks of months: for
 * each block, the months' slice of every run's series is read from series.bin (one contiguous
 * read per run, the series being month-major), at most {@link SUMMARY_BUDGET_BYTES} at a time.
 *
 * Statistics per scenario/point, month and measure (over the runs, NaN values left out, n the
 * number of values used): mean by plain summation in run order; sd with denominator n - 1
 * (two-pass; NaN for n < 2); percentiles by linear interpolation (R type 7, as in
 * src/stats/descriptive.ts).
 */
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { StreamedFile } from '../io/write.js';
import { quantileSorted } from 'simple-statistics';
import { MONTH_IDS } from '../core/measures.js';
import { EVENTS_COUNTS_CSV, MUNICIPALITIES_CSV, POINTS_CSV, RUNS_CSV, SPELLS_CSV, SUMMARY_PERCENTILES, TIMESERIES_RUNS_CSV, TIMESERIES_SUMMARY_CSV } from '../formats/files.js';
import { parquetColumns, parquetFile } from '../formats/parquet.js';
import { headerLine, line } from '../formats/schema.js';
import { ParquetFile } from '../io/parquet.js';
import { csvField, formatNumber } from '../formats/text.js';
import { JOURNAL_DIR, readAt, readLine, SERIES_FILE, LINES_FILE, type JournalIndex } from './journal.js';
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

/** File descriptors of every journal of an index, opened once. */
class Sources {
  readonly lines: number[];
  readonly series: number[];
  constructor(index: JournalIndex) {
    this.lines = index.dirs.map((d) => openSync(join(d, JOURNAL_DIR, LINES_FILE), 'r'));
    this.series = index.dirs.map((d) => openSync(join(d, JOURNAL_DIR, SERIES_FILE), 'r'));
  }
  close(): void {
    for (const fd of [...this.lines, ...this.series]) closeSync(fd);
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

/** The run ids of the plan that the output holds, ascending. */
function* runsOf(plan: BatchPlan, shard: Shard | null): Generator<number> {
  const total = totalRuns(plan);
  if (!shard) {
    for (let r = 0; r < total; r++) yield r;
  } else {
    for (let r = shard.index; r < total; r += shard.count) yield r;
  }
}

/**
 * Writes the batch files into `dir` from the journalled runs in `index`. Every run of the plan
 * (or of the shard) must be in the index. Returns the SHA-256 of each file written, by name,
 * for the manifest.
 */
export function finalizeBatch(plan: BatchPlan, index: JournalIndex, dir: string, options: FinalizeOptions): Record<string, string> {
  for (const run of runsOf(plan, options.shard)) {
    if (!index.has(run)) throw new Error(`finalizeBatch: run ${run} is missing from the journal`);
  }
  const sources = new Sources(index);
  const writers: Array<FileWriter | ParquetFile> = [];
  const open = (name: string): FileWriter => {
    const w = new FileWriter(join(dir, name));
    writers.push(w);
    return w;
  };
  const openParquet = (name: string, columns: ReturnType<typeof parquetColumns>): ParquetFile | null => {
    if (!options.parquet) return null;
    const w = new ParquetFile(join(dir, name), columns);
    writers.push(w);
    return w;
  };
  try {
    writePoints(plan, open(POINTS_CSV.file));
    writePerRun(plan, index, sources, options.shard, open(RUNS_CSV.file), open(SPELLS_CSV.file), open(MUNICIPALITIES_CSV.file), open(EVENTS_COUNTS_CSV.file), openParquet(RUNS_PARQUET, parquetColumns(RUNS_CSV, plan.paramColumns)));
    writeSummary(plan, index, sources, options.shard, open(TIMESERIES_SUMMARY_CSV.file), options.summaryBudgetBytes ?? SUMMARY_BUDGET_BYTES);
    if (options.keepTimeseries) writeRunSeries(plan, index, sources, options.shard, open(TIMESERIES_RUNS_FILE), openParquet(TIMESERIES_RUNS_PARQUET, parquetColumns(TIMESERIES_RUNS_CSV)));
    for (const w of writers) w.finish();
    const sums: Record<string, string> = {};
    for (const w of writers) sums[w.name] = w.sha256;
    return sums;
  } catch (err) {
    for (const w of writers) w.abort();
    throw err;
  } finally {
    sources.close();
  }
}

function writePoints(plan: BatchPlan, out: FileWriter): void {
  out.write(headerLine(POINTS_CSV, plan.paramColumns));
  for (const p of plan.points) out.write(line([p.point, plan.scenarios[p.scenario]!.name, ...plan.paramColumns.map((c) => p.parameters[c]!)]));
}

function writePerRun(plan: BatchPlan, index: JournalIndex, sources: Sources, shard: Shard | null, runs: FileWriter, spells: FileWriter, munis: FileWriter, events: FileWriter, runsParquet: ParquetFile | null): void {
  runs.write(headerLine(RUNS_CSV, plan.paramColumns));
  spells.write(headerLine(SPELLS_CSV));
  munis.write(headerLine(MUNICIPALITIES_CSV));
  events.write(headerLine(EVENTS_COUNTS_CSV));
  const paramCells = plan.points.map((p) => plan.paramColumns.map((c) => csvField(p.parameters[c]!)));
  for (const run of runsOf(plan, shard)) {
    const { point, replication, seed } = runInfo(plan, run);
    const p = plan.points[point]!;
    const prefix = `${run},${csvField(plan.scenarios[p.scenario]!.name)},${point},${replication},`;
    const journalled = readLine(sources.lines[index.source[run]!]!, index, run);
    runs.write(prefix + [String(seed), ...paramCells[point]!].join(',') + ',' + line(journalled.o));
    runsParquet?.add([run, plan.scenarios[p.scenario]!.name, point, replication, seed, ...plan.paramColumns.map((c) => p.parameters[c]!), ...(journalled.o as Array<number | null>)]);
    for (const row of journalled.s) spells.write(prefix + line(row));
    for (const row of journalled.m) munis.write(prefix + line(row));
    for (const row of journalled.e) events.write(prefix + line(row));
  }
}

function writeSummary(plan: BatchPlan, index: JournalIndex, sources: Sources, shard: Shard | null, out: FileWriter, budget: number): void {
  out.write(headerLine(TIMESERIES_SUMMARY_CSV));
  const C = SERIES_COLUMNS;
  for (const p of plan.points) {
    const sc = plan.scenarios[p.scenario]!;
    const dates = scenarioDates(sc);
    const runs: number[] = [];
    for (let rep = 0; rep < plan.replications; rep++) {
      const run = p.point * plan.replications + rep;
      if (inShard(run, shard)) runs.push(run);
    }
    if (runs.length === 0) continue;
    const n = runs.length;
    const block = Math.max(1, Math.min(sc.months, Math.floor(budget / (n * C * 8))));
    const buf = new Float64Array(n * block * C);
    const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    const values = new Float64Array(n);
    const prefix = `${csvField(sc.name)},${p.point},`;
    for (let m0 = 0; m0 < sc.months; m0 += block) {
      const mc = Math.min(block, sc.months - m0);
      const len = mc * C * 8;
      runs.forEach((run, r) => {
        if (index.months[run] !== sc.months) throw new Error(`run ${run}: ${index.months[run]} months in the journal, expected ${sc.months}`);
        const got = readAt(sources.series[index.source[run]!]!, len, index.seriesOffset[run]! + m0 * C * 8, bytes.subarray(r * len, r * len + len));
        if (got.length !== len) throw new Error(`run ${run}: series block cut short in the journal`);
      });
      for (let dm = 0; dm < mc; dm++) {
        const rowStart = `${prefix}${dates[m0 + dm]},`;
        for (const measure of SUMMARY_MEASURES) {
          let k = 0;
          for (let r = 0; r < n; r++) {
            const v = buf[r * mc * C + dm * C + measure.index]!;
            if (!Number.isNaN(v)) values[k++] = v;
          }
          out.write(rowStart + measure.name + ',' + statsCells(values.subarray(0, k)) + '\n');
        }
      }
    }
  }
}

/** `n,mean,sd,p2_5,p25,p50,p75,p97_5` of the values (in run order; sorted in place afterwards). */
export function statsCells(values: Float64Array): string {
  const n = values.length;
  if (n === 0) return '0,NaN,NaN,NaN,NaN,NaN,NaN,NaN';
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) * (values[i]! - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  values.sort();
  const sorted = values as unknown as number[];
  return [n, mean, sd, ...SUMMARY_PERCENTILES.map((q) => quantileSorted(sorted, q))].map(formatNumber).join(',');
}

function writeRunSeries(plan: BatchPlan, index: JournalIndex, sources: Sources, shard: Shard | null, out: FileWriter, parquet: ParquetFile | null): void {
  out.write(headerLine(TIMESERIES_RUNS_CSV));
  const datesByScenario = plan.scenarios.map(scenarioDates);
  const C = SERIES_COLUMNS;
  for (const run of runsOf(plan, shard)) {
    const { point, replication } = runInfo(plan, run);
    const p = plan.points[point]!;
    const sc = plan.scenarios[p.scenario]!;
    const dates = datesByScenario[p.scenario]!;
    const series = new Float64Array(sc.months * C);
    readAt(sources.series[index.source[run]!]!, series.byteLength, index.seriesOffset[run]!, Buffer.from(series.buffer));
    const prefix = `${run},${csvField(sc.name)},${point},${replication},`;
    for (let m = 0; m < sc.months; m++) {
      const cells: string[] = new Array<string>(C);
      for (let c = 0; c < C; c++) cells[c] = formatNumber(series[m * C + c]!);
      out.write(prefix + dates[m] + ',' + cells.join(',') + '\n');
      if (parquet) {
        const row: Array<string | number> = [run, sc.name, point, replication, dates[m]!];
        for (let c = 0; c < C; c++) row.push(series[m * C + c]!);
        parquet.add(row);
      }
    }
  }
}
