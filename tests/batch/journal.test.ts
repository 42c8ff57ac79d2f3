import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL_DIR, JournalIndex, JournalWriter, LINES_FILE, readLine, SERIES_FILE, scanJournal } from '../../src/batch/journal.js';
import { SERIES_COLUMNS, type RunRecord } from '../../src/batch/record.js';

const root = mkdtempSync(join(tmpdir(), 'regiosim-journal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = (): string => join(root, `j${n++}`);

function record(run: number, months = 3): RunRecord {
  const series = new Float64Array(months * SERIES_COLUMNS).map((_, i) => run * 1000 + i);
  return { run, outcomes: [run, Number.NaN], spells: [['arrangement', `a${run}`]], municipalities: [], events: [['2015-01', 'join', run]], months, series };
}

function write(dir: string, runs: number[]): void {
  const w = new JournalWriter(dir);
  for (const r of runs) w.append(record(r));
  w.close();
}

function scan(dir: string, total: number, options: Partial<Parameters<typeof scanJournal>[3]> = {}) {
  const index = new JournalIndex(total);
  const report = scanJournal(dir, index, 0, { verify: true, repair: false, ...options });
  return { index, report };
}

const linesPath = (dir: string): string => join(dir, JOURNAL_DIR, LINES_FILE);
const seriesPath = (dir: string): string => join(dir, JOURNAL_DIR, SERIES_FILE);

describe('journal', () => {
  it('finds every appended run, in any completion order', () => {
    const dir = freshDir();
    write(dir, [3, 0, 2]);
    const { index, report } = scan(dir, 5);
    expect(report).toEqual({ runs: 3, tornTail: false, dropped: 0, overlapping: [] });
    expect([0, 1, 2, 3, 4].map((r) => index.has(r))).toEqual([true, false, true, true, false]);
    expect(index.size).toBe(3);
    // Series blocks in completion order: run 3 first.
    expect(index.seriesOffset[3]).toBe(0);
    expect(index.seriesOffset[0]).toBe(3 * SERIES_COLUMNS * 8);
  });

  it('ignores a torn last line, and cuts it off when repairing so appends stay readable', () => {
    const dir = freshDir();
    write(dir, [0, 1]);
    const whole = statSync(linesPath(dir)).size;
    const seriesWhole = statSync(seriesPath(dir)).size;
    // A crash while writing run 2: its series block is complete, its line half written.
    write(dir, [2]);
    truncateSync(linesPath(dir), statSync(linesPath(dir)).size - 20);
    expect(scan(dir, 4).report).toEqual({ runs: 2, tornTail: true, dropped: 0, overlapping: [] });

    const repaired = scan(dir, 4, { repair: true });
    expect(repaired.report.runs).toBe(2);
    expect(statSync(linesPath(dir)).size).toBe(whole);
    expect(statSync(seriesPath(dir)).size).toBe(seriesWhole); // the orphan block is gone too
    write(dir, [2, 3]);
    const after = scan(dir, 4);
    expect(after.report).toEqual({ runs: 4, tornTail: false, dropped: 0, overlapping: [] });
  });

  it('drops lines whose series block fails its CRC, and rewrites the journal without them when repairing', () => {
    const dir = freshDir();
    write(dir, [0, 1, 2]);
    // Damage run 1's block (as a power loss might).
    const bytes = readFileSync(seriesPath(dir));
    bytes[3 * SERIES_COLUMNS * 8 + 5] ^= 0xff;
    writeFileSync(seriesPath(dir), bytes);
    expect(scan(dir, 3).report).toEqual({ runs: 2, tornTail: false, dropped: 1, overlapping: [] });
    scan(dir, 3, { repair: true });
    const lines = readFileSync(linesPath(dir), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { run: number }).run)).toEqual([0, 2]);
    const { index } = scan(dir, 3);
    expect(index.has(1)).toBe(false);
    expect(index.lineOffset[2]).toBe(Buffer.byteLength(lines[0]!) + 1);
  });

  it('drops unreadable lines, duplicates, runs outside the plan or the shard, and wrong month counts', () => {
    const dir = freshDir();
    write(dir, [0, 1, 5]);
    appendFileSync(linesPath(dir), 'not json\n');
    write(dir, [1]);
    const { index, report } = scan(dir, 4, { accept: (r) => r !== 0, expectMonths: () => 3 });
    expect(report).toEqual({ runs: 1, tornTail: false, dropped: 4, overlapping: [] });
    expect(index.has(1)).toBe(true);
    expect(scan(dir, 6, { expectMonths: () => 4 }).report.runs).toBe(0);
  });

  it('reports runs another source already holds (overlapping shards)', () => {
    const a = freshDir();
    const b = freshDir();
    write(a, [0, 2, 4]);
    write(b, [1, 2, 3]);
    const index = new JournalIndex(5);
    scanJournal(a, index, 0, { verify: true, repair: false });
    const report = scanJournal(b, index, 1, { verify: true, repair: false });
    expect(report.overlapping).toEqual([2]);
    expect([...index.source]).toEqual([0, 1, 0, 1, 0]);
  });
});

describe('typed values', () => {
  it('keeps numbers exact, NaN and infinities included, and text as text', () => {
    const dir = freshDir();
    const w = new JournalWriter(dir);
    w.append({ run: 0, outcomes: [0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, -1e-300], spells: [['membership', 'a', 'gr', 'GM0001', null, '2015-01', null, 12, 0, 'NaN']], municipalities: [['GM0001', 'A', 1000, Number.NaN, 1 / 3, 2, 0.5, 0.5, 0.25]], events: [['2015-01', 'exit', 2]], months: 1, series: new Float64Array(SERIES_COLUMNS) });
    w.close();
    const index = new JournalIndex(1);
    scanJournal(dir, index, 0, { verify: true, repair: false });
    const fd = openSync(join(dir, 'journal', 'runs.ndjson'), 'r');
    const line = readLine(fd, index, 0);
    closeSync(fd);
    expect(line.o).toEqual([0.30000000000000004, Number.NaN, Number.POSITIVE_INFINITY, -1e-300]);
    expect(line.s[0]).toEqual(['membership', 'a', 'gr', 'GM0001', null, '2015-01', null, 12, 0, 'NaN']);
    expect(line.m[0]![3]).toBeNaN();
    expect(line.m[0]![4]).toBe(1 / 3);
    expect(line.e[0]).toEqual(['2015-01', 'exit', 2]);
  });
});
