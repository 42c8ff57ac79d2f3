/**
 * The append-only journal of a batch: what makes it stream, survive `kill -9` and resume.
 *
 * `<out>/journal/` holds two files, appended as runs finish (in completion order):
 * - `series.bin`: the monthly series of each run, raw little-endian float64, month-major
 *   (months × TIMESERIES_COLUMNS), one block per run, no header;
 * - `runs.ndjson`: one JSON line per finished run with its typed values (outcomes, and the cells
 *   of its spell, municipality and event-count rows; non-finite numbers as "NaN", "Infinity" or
 *   "-Infinity") and where its series block lies in series.bin (offset, length, CRC-32). Writing
 *   this line commits the run: the series block is written first.
 *
 * Both files are fsynced every few seconds (series first). A crash can therefore leave at most
 * a torn last line, and series blocks that no line refers to; both are ignored on reading, and
 * repaired (truncated) before a resumed batch appends. A line whose series block is missing
 * or fails its CRC (possible after a power loss) is dropped and its run redone.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { releaseTemp, removeStaleTemps, siblingTemp, writing } from '../io/write.js';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { cellsToJson, numbersBack, SERIES_COLUMNS, type Cell, type RunRecord } from './record.js';

export const JOURNAL_DIR = 'journal';
export const LINES_FILE = 'runs.ndjson';
export const SERIES_FILE = 'series.bin';

/** Version of the journal's lines: lines of another version are not read (their runs are redone). */
export const JOURNAL_LINE_VERSION = 2;

/** One line of runs.ndjson. */
export interface JournalLine {
  v: number;
  run: number;
  /** outcomes, in the order of the run measures */
  o: number[];
  /** spell rows (cells after the run key) */
  s: Cell[][];
  /** municipality rows */
  m: Cell[][];
  /** event-count rows */
  e: Cell[][];
  months: number;
  /** byte offset and length of the series block in series.bin */
  at: number;
  len: number;
  crc: number;
}

function bytesOf(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * A run as the journal stores it: its series block with the CRC-32, and the JSON of its typed
 * values (the `o`, `s`, `m`, `e` members of its line). Made by {@link encodeRun} in the worker,
 * so that the main thread only writes bytes.
 */
export interface EncodedRun {
  run: number;
  months: number;
  series: Float64Array;
  crc: number;
  /** `"o":[...],"s":[...],"m":[...],"e":[...]` */
  values: string;
}

/** The journal's form of a run's record. */
export function encodeRun(rec: RunRecord): EncodedRun {
  const values = cellsToJson({ o: rec.outcomes, s: rec.spells, m: rec.municipalities, e: rec.events });
  return { run: rec.run, months: rec.months, series: rec.series, crc: crc32(bytesOf(rec.series)), values: values.slice(1, -1) };
}

/** Appends finished runs to a journal. Open it only after {@link scanJournal} with `repair` when resuming. */
export class JournalWriter {
  private readonly linesFd: number;
  private readonly seriesFd: number;
  private seriesSize: number;
  private linesSize: number;
  private lastSync: number;
  private dirty = false;
  private closed = false;

  constructor(
    readonly dir: string,
    private readonly syncIntervalMs = 2000,
  ) {
    const jdir = join(dir, JOURNAL_DIR);
    writing(jdir, () => mkdirSync(jdir, { recursive: true }));
    removeStaleTemps(jdir);
    this.seriesFd = writing(jdir, () => openSync(join(jdir, SERIES_FILE), 'a'));
    this.linesFd = writing(jdir, () => openSync(join(jdir, LINES_FILE), 'a'));
    this.seriesSize = fstatSync(this.seriesFd).size;
    this.linesSize = fstatSync(this.linesFd).size;
    this.lastSync = performance.now();
  }

  /** Appends a run; returns where its line and series block lie. */
  append(rec: RunRecord | EncodedRun): { lineOffset: number; lineLength: number; seriesOffset: number } {
    return this.appendAll(['values' in rec ? rec : encodeRun(rec)])[0]!;
  }

  /**
   * Appends runs: their series blocks in one write, then their lines in one write (a line is
   * written only after the block it refers to). Returns where each line and block lie.
   */
  appendAll(recs: readonly EncodedRun[]): { lineOffset: number; lineLength: number; seriesOffset: number }[] {
    return writing(join(this.dir, JOURNAL_DIR), () => this.appendEncoded(recs));
  }

  private appendEncoded(recs: readonly EncodedRun[]): { lineOffset: number; lineLength: number; seriesOffset: number }[] {
    const blocks = recs.map((r) => bytesOf(r.series));
    writeAll(this.seriesFd, blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks));
    const texts: string[] = [];
    const at: { lineOffset: number; lineLength: number; seriesOffset: number }[] = [];
    let lineOffset = this.linesSize;
    recs.forEach((rec, k) => {
      const len = blocks[k]!.byteLength;
      // The members of a JournalLine, in its order.
      const text = `{"v":${JOURNAL_LINE_VERSION},"run":${rec.run},${rec.values},"months":${rec.months},"at":${this.seriesSize},"len":${len},"crc":${rec.crc}}\n`;
      const lineLength = Buffer.byteLength(text, 'utf8');
      at.push({ lineOffset, lineLength, seriesOffset: this.seriesSize });
      texts.push(text);
      lineOffset += lineLength;
      this.seriesSize += len;
    });
    writeAll(this.linesFd, Buffer.from(texts.join(''), 'utf8'));
    this.linesSize = lineOffset;
    this.dirty = true;
    if (performance.now() - this.lastSync >= this.syncIntervalMs) this.sync();
    return at;
  }

  /** Flushes both files to disk, the series before the lines that refer to them. */
  sync(): void {
    if (!this.dirty) return;
    writing(join(this.dir, JOURNAL_DIR), () => {
      fsyncSync(this.seriesFd);
      fsyncSync(this.linesFd);
    });
    this.dirty = false;
    this.lastSync = performance.now();
  }

  close(): void {
    if (this.closed) return;
    this.sync();
    closeSync(this.seriesFd);
    closeSync(this.linesFd);
    this.closed = true;
  }
}

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.byteLength) off += writeSync(fd, buf, off, buf.byteLength - off);
}

/** Reads exactly `length` bytes at `position` (short only at end of file). */
export function readAt(fd: number, length: number, position: number, into?: Buffer): Buffer {
  const buf = into ?? Buffer.allocUnsafe(length);
  let off = 0;
  while (off < length) {
    const n = readSync(fd, buf, off, length - off, position + off);
    if (n === 0) break;
    off += n;
  }
  return off === length ? buf : buf.subarray(0, off);
}

/** Where each finished run lies, over one or more journals (several for a merge). */
export class JournalIndex {
  readonly lineOffset: Float64Array;
  readonly lineLength: Int32Array;
  readonly seriesOffset: Float64Array;
  readonly months: Int32Array;
  readonly source: Int32Array;
  readonly dirs: string[] = [];
  private count = 0;

  constructor(readonly totalRuns: number) {
    this.lineOffset = new Float64Array(totalRuns).fill(-1);
    this.lineLength = new Int32Array(totalRuns);
    this.seriesOffset = new Float64Array(totalRuns);
    this.months = new Int32Array(totalRuns);
    this.source = new Int32Array(totalRuns).fill(-1);
  }

  has(run: number): boolean {
    return run >= 0 && run < this.totalRuns && this.source[run]! >= 0;
  }

  get size(): number {
    return this.count;
  }

  set(run: number, source: number, lineOffset: number, lineLength: number, seriesOffset: number, months: number): void {
    if (!this.has(run)) this.count += 1;
    this.source[run] = source;
    this.lineOffset[run] = lineOffset;
    this.lineLength[run] = lineLength;
    this.seriesOffset[run] = seriesOffset;
    this.months[run] = months;
  }
}

export interface ScanReport {
  /** Runs found intact in this journal. */
  runs: number;
  /** A torn last line was ignored (and cut off when repairing). */
  tornTail: boolean;
  /** Complete lines dropped: unreadable, duplicate, out of range or with a bad series block. */
  dropped: number;
  /** Runs present in this journal that another source already holds (merge: overlapping shards). */
  overlapping: number[];
}

const CHUNK = 1 << 20;

interface GoodLine {
  run: number;
  offset: number;
  /** including the newline */
  length: number;
  at: number;
  months: number;
}

/**
 * Reads a journal into `index` (as source number `source`), checking each line and, with
 * `verify`, the CRC of its series block. With `repair`, the journal is made fit to append to:
 * a torn tail is cut off, bad lines are removed, and series.bin is truncated after the last
 * block a good line refers to.
 *
 * @param options.expectMonths months of the series of run r (from the plan)
 * @param options.accept whether run r belongs here (e.g. to this shard)
 */
export function scanJournal(
  dir: string,
  index: JournalIndex,
  source: number,
  options: { verify: boolean; repair: boolean; expectMonths?: (run: number) => number; accept?: (run: number) => boolean },
): ScanReport {
  const jdir = join(dir, JOURNAL_DIR);
  const linesPath = join(jdir, LINES_FILE);
  const seriesPath = join(jdir, SERIES_FILE);
  index.dirs[source] = dir;
  const report: ScanReport = { runs: 0, tornTail: false, dropped: 0, overlapping: [] };
  if (!existsSync(linesPath)) return report;

  const linesFd = openSync(linesPath, options.repair ? 'r+' : 'r');
  const seriesFd = existsSync(seriesPath) ? openSync(seriesPath, options.repair ? 'r+' : 'r') : -1;
  try {
    const seriesSize = seriesFd >= 0 ? fstatSync(seriesFd).size : 0;
    const size = fstatSync(linesFd).size;
    const good: GoodLine[] = [];
    const seen = new Set<number>();
    let pos = 0;
    let carry: Buffer = Buffer.alloc(0);
    let carryOffset = 0;
    while (pos < size) {
      const chunk = readAt(linesFd, Math.min(CHUNK, size - pos), pos);
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const bufOffset = carry.length > 0 ? carryOffset : pos;
      pos += chunk.length;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(0x0a, start);
        if (nl < 0) break;
        const g = checkLine(buf.subarray(start, nl), bufOffset + start, nl - start + 1);
        start = nl + 1;
        if (g) {
          good.push(g);
          seen.add(g.run);
        } else report.dropped += 1;
      }
      carry = buf.subarray(start);
      carryOffset = bufOffset + start;
    }
    if (carry.length > 0) report.tornTail = true;

    if (options.repair) {
      if (report.dropped === 0) {
        if (report.tornTail) ftruncateSync(linesFd, carryOffset);
      } else {
        rewriteLines(linesFd, linesPath, good);
        let offset = 0;
        for (const g of good) {
          g.offset = offset;
          offset += g.length;
        }
      }
      if (seriesFd >= 0) ftruncateSync(seriesFd, good.reduce((end, g) => Math.max(end, g.at + g.months * SERIES_COLUMNS * 8), 0));
    }
    for (const g of good) index.set(g.run, source, g.offset, g.length, g.at, g.months);
    report.runs = good.length;
    return report;

    function checkLine(bytes: Buffer, offset: number, length: number): GoodLine | null {
      let line: JournalLine;
      try {
        line = JSON.parse(bytes.toString('utf8')) as JournalLine;
      } catch {
        return null;
      }
      const run = line?.run;
      if (line?.v !== JOURNAL_LINE_VERSION) return null;
      if (!Number.isInteger(run) || run < 0 || run >= index.totalRuns) return null;
      if (options.accept && !options.accept(run)) return null;
      if (!Number.isInteger(line.months) || line.len !== line.months * SERIES_COLUMNS * 8) return null;
      if (options.expectMonths && options.expectMonths(run) !== line.months) return null;
      if (!Number.isInteger(line.at) || line.at < 0 || line.at + line.len > seriesSize) return null;
      if (seen.has(run)) return null;
      if (index.has(run)) {
        report.overlapping.push(run);
        return null;
      }
      if (options.verify && crc32(readAt(seriesFd, line.len, line.at)) !== line.crc) return null;
      return { run, offset, length, at: line.at, months: line.months };
    }
  } finally {
    closeSync(linesFd);
    if (seriesFd >= 0) closeSync(seriesFd);
  }
}

function rewriteLines(fd: number, path: string, good: GoodLine[]): void {
  const tmp = siblingTemp(path, 'tmp');
  try {
    writing(path, () => {
      const out = openSync(tmp, 'w');
      try {
        for (const g of good) writeAll(out, readAt(fd, g.length, g.offset));
        fsyncSync(out);
      } finally {
        closeSync(out);
      }
      renameSync(tmp, path);
    });
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    releaseTemp(tmp);
  }
}

const ALL = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
/** Positions of the numbers in the cells of a spell row (duration, ended) and a municipality row (population and the measures). */
const SPELL_NUMBERS = [7, 8];
const EVENT_NUMBERS = [2];

/** Reads the journal line of a run from its source, with its non-finite numbers restored. */
export function readLine(fd: number, index: JournalIndex, run: number): JournalLine {
  return readLineAt(fd, index.lineOffset[run]!, index.lineLength[run]!);
}

/** Reads the journal line of `length` bytes at `offset`, with its non-finite numbers restored. */
export function readLineAt(fd: number, offset: number, length: number): JournalLine {
  const buf = readAt(fd, length, offset);
  const line = JSON.parse(buf.toString('utf8')) as JournalLine;
  numbersBack(line.o as Cell[], ALL(line.o.length));
  for (const row of line.s) numbersBack(row, SPELL_NUMBERS);
  for (const row of line.m) numbersBack(row, ALL(row.length).slice(2));
  for (const row of line.e) numbersBack(row, EVENT_NUMBERS);
  return line;
}
