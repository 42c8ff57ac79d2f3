/**
 * Reads the output files of a run, batch, analysis or sensitivity directory into the typed rows
 * the chart builders take, with the schemas of src/formats (the same ones the writers use).
 * Every file is optional here: what is present is read and checked, and every problem in every
 * file is collected and thrown as one UserError, so a damaged directory is reported in one go and
 * nothing is drawn from it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_FILES, type ChartData, type KnownFile } from '../charts/data.js';
import type { EventRow, RunSeriesRow } from '../charts/rows.js';
import { CsvError, parseCsv, type CsvTable } from '../formats/csv.js';
import * as files from '../formats/files.js';
import { eventLineSchema, runSummarySchema, type RunSummary } from '../formats/json-files.js';
import type { BatchManifest, RunManifest } from '../formats/manifest.js';
import { decodeTable, MAX_CELL_PROBLEMS, PARAM_PREFIX, type CsvSchema, type Decoded, type RowOf } from '../formats/schema.js';
import { readCsv } from '../io/csv.js';
import { UserError, describeValue, type Problem } from '../io/errors.js';
import { manifestProblems } from '../batch/manifest.js';
import { checksumProblems, MANIFEST, parseBatchManifest, parseRunManifest } from '../io/manifest.js';
import { formatPath, zodIssuesToProblems } from '../io/zod-problems.js';

export { KNOWN_FILES, type KnownFile } from '../charts/data.js';
export type { RunSummary };

export interface DirData extends ChartData {
  dir: string;
  present: Set<KnownFile>;
}

function readTable<S extends CsvSchema>(dir: string, schema: S, problems: Problem[], required?: readonly string[]): Decoded<RowOf<S> & Record<string, unknown>> | undefined {
  let table: CsvTable;
  try {
    table = readCsv(join(dir, schema.file), schema.file);
  } catch (err) {
    if (err instanceof CsvError) {
      problems.push({ path: `${schema.file}, line ${err.line}`, expected: 'a well-formed CSV file (docs/formats.md)', found: err.detail });
      return undefined;
    }
    throw err;
  }
  return decodeTable(schema, table, problems, required);
}

/** The text of a file, or undefined with the problem: a directory, a device, an unreadable file. */
function readText(dir: string, file: string, expected: string, problems: Problem[]): string | undefined {
  const path = join(dir, file);
  try {
    const st = statSync(path);
    if (!st.isFile()) {
      problems.push({ path: file, expected, found: st.isDirectory() ? 'a directory' : 'a device, pipe or socket' });
      return undefined;
    }
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push({ path: file, expected, found: code === 'ERR_STRING_TOO_LONG' ? 'a file too large to read as text' : `a file that cannot be read (${code ?? (err as Error).message})` });
    return undefined;
  }
}

function readJsonFile(dir: string, file: string, problems: Problem[]): unknown {
  const text = readText(dir, file, 'a JSON file', problems);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    problems.push({ path: file, expected: 'a JSON file', found: `text that is not JSON (${(err as Error).message})` });
    return undefined;
  }
}

function readEvents(dir: string, problems: Problem[]): EventRow[] | undefined {
  const text = readText(dir, 'events.jsonl', 'a JSON Lines file of events (docs/formats.md)', problems);
  return text === undefined ? undefined : parseEvents(text, problems);
}

/** The lines of events.jsonl, checked (undefined, with the problems, when a line is not an event). */
export function parseEvents(text: string, problems: Problem[]): EventRow[] | undefined {
  const file = 'events.jsonl';
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
    const parsed = eventLineSchema.safeParse(e);
    if (!parsed.success) {
      count += 1;
      if (count <= MAX_CELL_PROBLEMS) problems.push({ path: `${file}, line ${i + 1}`, expected: 'an event: a JSON object with date, type and municipalities (docs/formats.md)', found: describeValue(line.length > 60 ? `${line.slice(0, 60)}...` : line) });
      return;
    }
    out.push(parsed.data as EventRow);
  });
  return count === 0 ? out : undefined;
}

/** summary.json, checked. */
export function parseRunSummary(text: string, problems: Problem[]): RunSummary | undefined {
  let s: unknown;
  try {
    s = JSON.parse(text) as unknown;
  } catch (err) {
    problems.push({ path: 'summary.json', expected: 'a JSON file', found: `text that is not JSON (${(err as Error).message})` });
    return undefined;
  }
  const parsed = runSummarySchema.safeParse(s);
  if (parsed.success) return parsed.data;
  problems.push(...zodIssuesToProblems(parsed.error.issues, s, runSummarySchema).map((p) => ({ path: `summary.json: ${formatPath(p.path) || '(top level)'}`, expected: p.expected, found: p.found })));
  return undefined;
}

/** timeseries.csv in long form (one row per month and column). */
function runSeriesOf(t: Decoded<RowOf<typeof files.TIMESERIES_CSV> & Record<string, unknown>>): RunSeriesRow[] {
  const measures = t.groups[0]!;
  const series: RunSeriesRow[] = [];
  for (const row of t.rows) for (const measure of measures) series.push({ date: row.date, measure, value: typeof row[measure] === 'number' ? (row[measure] as number) : Number.NaN });
  return series;
}

/** The files of a run as texts (as `regiosim run` has them before writing), read as {@link loadDir} reads them from disk. */
export function parseRunTexts(texts: { 'summary.json': string; 'events.jsonl': string; 'timeseries.csv': string }): Pick<DirData, 'runSummary' | 'events' | 'runSeries'> {
  const problems: Problem[] = [];
  const out: Pick<DirData, 'runSummary' | 'events' | 'runSeries'> = {};
  const summary = parseRunSummary(texts['summary.json'], problems);
  if (summary !== undefined) out.runSummary = summary;
  const events = parseEvents(texts['events.jsonl'], problems);
  if (events !== undefined) out.events = events;
  let table: CsvTable | undefined;
  try {
    table = parseCsv(texts['timeseries.csv'], files.TIMESERIES_CSV.file);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    problems.push({ path: `${files.TIMESERIES_CSV.file}, line ${err.line}`, expected: 'a well-formed CSV file (docs/formats.md)', found: err.detail });
  }
  const decoded = table !== undefined ? decodeTable(files.TIMESERIES_CSV, table, problems) : undefined;
  if (decoded !== undefined) out.runSeries = runSeriesOf(decoded);
  if (problems.length > 0) throw new UserError('the run just computed', problems);
  return out;
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

  if (has(MANIFEST)) {
    const m = readJsonFile(dir, MANIFEST, problems);
    if (m !== undefined) {
      const batch = typeof m === 'object' && m !== null && 'kind' in m;
      const parsed = batch ? parseBatchManifest(m) : parseRunManifest(m);
      if (!parsed.ok) problems.push(...parsed.problems);
      else if (batch) {
        data.batchManifest = parsed.manifest as BatchManifest;
        // Provenance: an edited manifest or a changed result file is refused, not drawn.
        problems.push(...manifestProblems(data.batchManifest, dir));
      } else {
        data.runManifest = parsed.manifest as RunManifest;
        problems.push(...checksumProblems(dir, data.runManifest.files));
      }
    }
  }
  if (has('summary.json')) {
    const text = readText(dir, 'summary.json', 'a JSON file', problems);
    const summary = text === undefined ? undefined : parseRunSummary(text, problems);
    if (summary !== undefined) data.runSummary = summary;
  }
  if (has(files.TIMESERIES_CSV.file)) {
    const t = readTable(dir, files.TIMESERIES_CSV, problems);
    if (t !== undefined) data.runSeries = runSeriesOf(t);
  }
  if (has('events.jsonl')) data.events = readEvents(dir, problems);
  if (has(files.TRUST_CSV.file)) {
    const rows = readTable(dir, files.TRUST_CSV, problems)?.rows;
    // A sparse trust.csv (run --trust sparse) leaves out the pairs at trustBase: the charts get them back.
    const base = data.runManifest?.parameters['trustBase'];
    const ms = data.runSummary?.municipalities;
    data.trust = rows && data.runManifest?.trust === 'sparse' && base !== undefined && ms ? files.expandSparseTrust(rows, ms, base) : rows;
  }
  if (has(files.RUNS_CSV.file)) {
    const t = readTable(dir, files.RUNS_CSV, problems);
    if (t !== undefined) {
      data.runs = t.rows as files.RunRow[];
      data.runColumns = t.header;
    }
  }
  if (has(files.MUNICIPALITIES_CSV.file)) data.municipalities = readTable(dir, files.MUNICIPALITIES_CSV, problems, ['run', 'scenario', 'point', 'code', 'name', 'population'])?.rows as files.MunicipalityRow[] | undefined;
  if (has(files.TIMESERIES_SUMMARY_CSV.file)) data.timeseriesSummary = readTable(dir, files.TIMESERIES_SUMMARY_CSV, problems, ['scenario', 'point', 'date', 'measure', 'n', 'mean', 'sd', 'p2_5', 'p97_5'])?.rows;
  if (has(files.EVENTS_COUNTS_CSV.file)) data.eventCounts = readTable(dir, files.EVENTS_COUNTS_CSV, problems, ['run', 'scenario', 'point', 'date', 'type', 'count'])?.rows;
  if (has(files.SUMMARY_CSV.file)) data.summary = readTable(dir, files.SUMMARY_CSV, problems, ['scenario', 'point', 'outcome', 'n', 'mean', 'ci_lo', 'ci_hi'])?.rows;
  if (has(files.COMPARISON_CSV.file)) {
    data.comparison = readTable(dir, files.COMPARISON_CSV, problems, ['scenario', 'reference', 'point', 'outcome', 'paired', 'n', 'mean_reference', 'mean_scenario', 'difference', 'ci_lo', 'ci_hi', 'p_holm', 'significant', 'test'])?.rows as files.ComparisonRow[] | undefined;
  }
  if (has(files.POINTS_SUMMARY_CSV.file)) {
    const t = readTable(dir, files.POINTS_SUMMARY_CSV, problems, ['kind', 'scenario', 'reference', 'point', 'outcome', 'n', 'estimate', 'ci_lo', 'ci_hi', 'verdict']);
    if (t !== undefined) {
      data.pointsSummary = t.rows as files.PointsSummaryRow[];
      data.pointsSummaryParams = t.groups[0]!.map((h) => h.slice(PARAM_PREFIX.length));
    }
  }
  if (has(files.SURVIVAL_CSV.file)) data.survival = readTable(dir, files.SURVIVAL_CSV, problems, ['scenario', 'point', 'type', 'time', 'at_risk', 'events', 'survival', 'lo', 'hi'])?.rows as files.SurvivalRow[] | undefined;
  if (has(files.SURVIVAL_SUMMARY_CSV.file)) data.survivalSummary = readTable(dir, files.SURVIVAL_SUMMARY_CSV, problems, ['scenario', 'point', 'type'])?.rows as files.SurvivalSummaryRow[] | undefined;
  if (has(files.SENSITIVITY_CSV.file)) data.sensitivity = readTable(dir, files.SENSITIVITY_CSV, problems, ['method', 'outcome', 'parameter'])?.rows;
  if (has('summary.md')) data.summaryMd = readText(dir, 'summary.md', 'the Markdown summary of `regiosim analyze`', problems);
  if (problems.length > 0) throw new UserError(shown, problems);
  return data;
}
