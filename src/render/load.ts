/**
 * Reads the output files of a run, batch, analysis or sensitivity directory (docs/formats.md)
 * into the tidy rows the chart builders take. Every file is optional here: what is present is
 * read and checked (columns, numbers), and every problem in every file is collected and thrown
 * as one UserError, so a damaged directory is reported in one go and nothing is drawn from it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ComparisonRow, EventCountRow, EventRow, MunicipalityRow, RunRow, RunSeriesRow, SensitivityRow, SurvivalRow,
  TimeseriesSummaryRow, TrustRow,
} from '../charts/rows.js';
import { CsvError, missingColumns, parseNumberCell, type CsvTable } from '../formats/csv.js';
import { readCsv } from '../io/csv.js';
import { UserError, describeValue, type Problem } from '../io/errors.js';

/** Files the charts and the report can use. */
export const KNOWN_FILES = [
  'manifest.json', 'summary.json', 'timeseries.csv', 'events.jsonl', 'trust.csv',
  'runs.csv', 'points.csv', 'municipalities.csv', 'timeseries-summary.csv', 'events-counts.csv',
  'summary.csv', 'comparison.csv', 'survival.csv', 'survival-summary.csv', 'summary.md', 'sensitivity.csv',
] as const;
export type KnownFile = (typeof KNOWN_FILES)[number];

/** summary.json of one run (the parts charts use). */
export interface RunSummary {
  scenario: string;
  title?: string;
  seed: number;
  region?: string;
  start?: string;
  end?: string;
  evaluation?: { from: string; to: string };
  outcomes?: Record<string, number | null>;
  municipalities: Array<{ code: string; name: string; population: number; [key: string]: unknown }>;
}

/** A summary.csv row (all statistics kept as numbers, by column). */
export interface SummaryTableRow {
  scenario: string;
  point: number;
  outcome: string;
  [column: string]: string | number | null;
}

export interface SurvivalSummaryRow {
  scenario: string;
  point: number;
  type: string;
  [column: string]: string | number | null;
}

export interface DirData {
  dir: string;
  present: Set<KnownFile>;
  manifest?: Record<string, unknown>;
  runSummary?: RunSummary;
  runSeries?: RunSeriesRow[];
  events?: EventRow[];
  trust?: TrustRow[];
  runs?: RunRow[];
  runColumns?: string[];
  municipalities?: MunicipalityRow[];
  timeseriesSummary?: TimeseriesSummaryRow[];
  eventCounts?: EventCountRow[];
  summary?: SummaryTableRow[];
  comparison?: ComparisonRow[];
  survival?: SurvivalRow[];
  survivalSummary?: SurvivalSummaryRow[];
  sensitivity?: SensitivityRow[];
  summaryMd?: string;
}

const MAX_PROBLEMS_PER_FILE = 20;

type ColumnKind = 'text' | 'number' | 'optional-number' | 'boolean';

interface TableSpec {
  /** Required columns and how to read them. */
  columns: Record<string, ColumnKind>;
  /** Columns read as numbers when present (for example the outcome columns of runs.csv). */
  extraNumbers?: 'rest';
}

/** Reads a CSV file into objects, checking the columns and cells; problems go to `problems`. */
function readTable(dir: string, file: string, spec: TableSpec, problems: Problem[]): { rows: Record<string, string | number | boolean | null>[]; header: string[] } | undefined {
  let table: CsvTable;
  try {
    table = readCsv(join(dir, file), file);
  } catch (err) {
    if (err instanceof CsvError) {
      problems.push({ path: `${file}, line ${err.line}`, expected: 'a well-formed CSV file (docs/formats.md)', found: err.detail });
      return undefined;
    }
    throw err;
  }
  const missing = missingColumns(table, Object.keys(spec.columns));
  if (missing.length > 0) {
    problems.push({
      path: file,
      expected: `the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (docs/formats.md)`,
      found: `a header with ${table.header.join(', ')}`,
    });
    return undefined;
  }
  const kinds: Array<[number, string, ColumnKind]> = table.header.map((name, k) => [k, name, spec.columns[name] ?? (spec.extraNumbers === 'rest' ? 'optional-number' : 'text')]);
  const rows: Record<string, string | number | boolean | null>[] = [];
  let fileProblems = 0;
  const bad = (line: number, column: string, expected: string, text: string): void => {
    fileProblems += 1;
    if (fileProblems <= MAX_PROBLEMS_PER_FILE) problems.push({ path: `${file}, line ${line}, column ${column}`, expected, found: describeValue(text) });
  };
  table.rows.forEach((cells, i) => {
    const line = table.lines[i]!;
    const row: Record<string, string | number | boolean | null> = {};
    for (const [k, name, kind] of kinds) {
      const text = cells[k]!;
      if (kind === 'text') {
        row[name] = text;
      } else if (kind === 'boolean') {
        const v = text.trim().toLowerCase();
        if (v === 'true' || v === '1') row[name] = true;
        else if (v === 'false' || v === '0') row[name] = false;
        else bad(line, name, 'true or false', text);
      } else {
        const v = parseNumberCell(text);
        if (v === undefined || (v === null && kind === 'number')) bad(line, name, kind === 'number' ? 'a number' : 'a number or an empty cell', text);
        else row[name] = v;
      }
    }
    rows.push(row);
  });
  if (fileProblems > MAX_PROBLEMS_PER_FILE) {
    problems.push({ path: file, expected: 'numbers in the numeric columns', found: `${fileProblems - MAX_PROBLEMS_PER_FILE} more bad cells not listed` });
  }
  return { rows, header: table.header };
}

function readJsonFile(dir: string, file: string, problems: Problem[]): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
  } catch (err) {
    problems.push({ path: file, expected: 'a JSON file', found: `text that is not JSON (${(err as Error).message})` });
    return undefined;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function checkRunSummary(raw: unknown, problems: Problem[]): RunSummary | undefined {
  const file = 'summary.json';
  if (!isRecord(raw)) {
    problems.push({ path: file, expected: 'a JSON object with scenario, seed and municipalities', found: describeValue(raw) });
    return undefined;
  }
  const before = problems.length;
  if (typeof raw['scenario'] !== 'string') problems.push({ path: `${file}: scenario`, expected: 'a scenario name', found: describeValue(raw['scenario']) });
  if (typeof raw['seed'] !== 'number') problems.push({ path: `${file}: seed`, expected: 'a whole number', found: describeValue(raw['seed']) });
  const ms = raw['municipalities'];
  if (!Array.isArray(ms)) {
    problems.push({ path: `${file}: municipalities`, expected: 'a list of municipalities', found: describeValue(ms) });
  } else {
    ms.forEach((m, i) => {
      if (!isRecord(m) || typeof m['code'] !== 'string' || typeof m['name'] !== 'string' || typeof m['population'] !== 'number') {
        problems.push({ path: `${file}: municipalities[${i}]`, expected: 'an object with code, name and population', found: describeValue(m) });
      }
    });
  }
  return problems.length === before ? (raw as unknown as RunSummary) : undefined;
}

function readEvents(dir: string, problems: Problem[]): EventRow[] | undefined {
  const file = 'events.jsonl';
  const text = readFileSync(join(dir, file), 'utf8');
  const out: EventRow[] = [];
  let count = 0;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let e: unknown;
    try {
      e = JSON.parse(line);
    } catch {
      e = undefined;
    }
    if (!isRecord(e) || typeof e['date'] !== 'string' || typeof e['type'] !== 'string') {
      count += 1;
      if (count <= MAX_PROBLEMS_PER_FILE) problems.push({ path: `${file}, line ${i + 1}`, expected: 'a JSON object with date and type', found: describeValue(line.length > 60 ? `${line.slice(0, 60)}...` : line) });
      return;
    }
    out.push(e as unknown as EventRow);
  });
  return count === 0 ? out : undefined;
}

/** Whether `dir` is a directory; a UserError otherwise. */
export function assertDirectory(dir: string, shown: string): void {
  if (!existsSync(dir)) throw new UserError('the command line', [{ path: '<dir>', expected: 'an output directory of regiosim run, batch, analyze or sensitivity', found: `${shown}, which does not exist` }]);
  if (!statSync(dir).isDirectory()) throw new UserError('the command line', [{ path: '<dir>', expected: 'an output directory of regiosim run, batch, analyze or sensitivity', found: `${shown}, which is a file` }]);
}

/** Reads every known file present in `dir` (throws a UserError listing every problem). */
export function loadDir(dir: string, shown = dir): DirData {
  assertDirectory(dir, shown);
  const present = new Set<KnownFile>(KNOWN_FILES.filter((f) => existsSync(join(dir, f))));
  const problems: Problem[] = [];
  const data: DirData = { dir, present };
  const has = (f: KnownFile): boolean => present.has(f);

  if (has('manifest.json')) {
    const m = readJsonFile(dir, 'manifest.json', problems);
    if (m !== undefined) {
      if (isRecord(m)) data.manifest = m;
      else problems.push({ path: 'manifest.json', expected: 'a JSON object', found: describeValue(m) });
    }
  }
  if (has('summary.json')) {
    const s = readJsonFile(dir, 'summary.json', problems);
    if (s !== undefined) data.runSummary = checkRunSummary(s, problems);
  }
  if (has('timeseries.csv')) {
    const t = readTable(dir, 'timeseries.csv', { columns: { date: 'text' }, extraNumbers: 'rest' }, problems);
    if (t !== undefined) {
      const series: RunSeriesRow[] = [];
      for (const row of t.rows) {
        for (const measure of t.header) {
          if (measure === 'date') continue;
          const v = row[measure];
          series.push({ date: String(row['date']), measure, value: typeof v === 'number' ? v : Number.NaN });
        }
      }
      data.runSeries = series;
    }
  }
  if (has('events.jsonl')) data.events = readEvents(dir, problems);
  if (has('trust.csv')) {
    const t = readTable(dir, 'trust.csv', {
      columns: { date: 'text', label: 'text', from_code: 'text', from_name: 'text', to_code: 'text', to_name: 'text', trust: 'number', personal: 'optional-number', institutional: 'optional-number' },
    }, problems);
    if (t !== undefined) data.trust = t.rows as unknown as TrustRow[];
  }
  if (has('runs.csv')) {
    const t = readTable(dir, 'runs.csv', { columns: { run: 'number', scenario: 'text', point: 'number', replication: 'number', seed: 'number' }, extraNumbers: 'rest' }, problems);
    if (t !== undefined) {
      data.runs = t.rows as unknown as RunRow[];
      data.runColumns = t.header;
    }
  }
  if (has('municipalities.csv')) {
    const t = readTable(dir, 'municipalities.csv', {
      columns: { run: 'number', scenario: 'text', point: 'number', code: 'text', name: 'text', population: 'number' }, extraNumbers: 'rest',
    }, problems);
    if (t !== undefined) data.municipalities = t.rows as unknown as MunicipalityRow[];
  }
  if (has('timeseries-summary.csv')) {
    const t = readTable(dir, 'timeseries-summary.csv', {
      columns: { scenario: 'text', point: 'number', date: 'text', measure: 'text', n: 'number', mean: 'optional-number', sd: 'optional-number', p2_5: 'optional-number', p97_5: 'optional-number' },
      extraNumbers: 'rest',
    }, problems);
    if (t !== undefined) data.timeseriesSummary = t.rows as unknown as TimeseriesSummaryRow[];
  }
  if (has('events-counts.csv')) {
    const t = readTable(dir, 'events-counts.csv', { columns: { run: 'number', scenario: 'text', point: 'number', date: 'text', type: 'text', count: 'number' }, extraNumbers: 'rest' }, problems);
    if (t !== undefined) data.eventCounts = t.rows as unknown as EventCountRow[];
  }
  if (has('summary.csv')) {
    const t = readTable(dir, 'summary.csv', { columns: { scenario: 'text', point: 'number', outcome: 'text', n: 'number', mean: 'optional-number', ci_lo: 'optional-number', ci_hi: 'optional-number' }, extraNumbers: 'rest' }, problems);
    if (t !== undefined) data.summary = t.rows as unknown as SummaryTableRow[];
  }
  if (has('comparison.csv')) {
    const t = readTable(dir, 'comparison.csv', {
      columns: {
        scenario: 'text', reference: 'text', point: 'number', outcome: 'text', paired: 'boolean', n: 'number',
        mean_reference: 'optional-number', mean_scenario: 'optional-number', difference: 'optional-number', ci_lo: 'optional-number', ci_hi: 'optional-number',
        p_holm: 'optional-number', significant: 'boolean', test: 'text',
      },
      extraNumbers: 'rest',
    }, problems);
    if (t !== undefined) data.comparison = t.rows as unknown as ComparisonRow[];
  }
  if (has('survival.csv')) {
    const t = readTable(dir, 'survival.csv', {
      columns: { scenario: 'text', point: 'number', type: 'text', time: 'number', at_risk: 'number', events: 'number', survival: 'optional-number', lo: 'optional-number', hi: 'optional-number' },
      extraNumbers: 'rest',
    }, problems);
    if (t !== undefined) data.survival = t.rows as unknown as SurvivalRow[];
  }
  if (has('survival-summary.csv')) {
    const t = readTable(dir, 'survival-summary.csv', { columns: { scenario: 'text', point: 'number', type: 'text' }, extraNumbers: 'rest' }, problems);
    if (t !== undefined) data.survivalSummary = t.rows as unknown as SurvivalSummaryRow[];
  }
  if (has('sensitivity.csv')) {
    const t = readTable(dir, 'sensitivity.csv', { columns: { method: 'text', outcome: 'text', parameter: 'text' }, extraNumbers: 'rest' }, problems);
    if (t !== undefined) data.sensitivity = t.rows as unknown as SensitivityRow[];
  }
  if (has('summary.md')) data.summaryMd = readFileSync(join(dir, 'summary.md'), 'utf8');
  if (problems.length > 0) throw new UserError(shown, problems);
  return data;
}
