/**
 * Reads a batch output directory (docs/formats.md, "A batch") into memory for analysis:
 * manifest.json, points.csv, runs.csv and spells.csv are required; timeseries-summary.csv is
 * used, when present, for the simulated horizon. Every problem found (missing files, missing
 * columns, cells that are not numbers, runs of unknown points) is collected and reported at
 * once as a {@link UserError} about the directory (paths name the file, line and column).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_MEASURES, type MeasureSpec } from '../core/measures.js';
import { CsvError, missingColumns, parseNumberCell, type CsvTable } from '../formats/csv.js';
import { readCsv } from '../io/csv.js';
import { UserError, type Problem } from '../io/errors.js';


export const REQUIRED_FILES = ['manifest.json', 'points.csv', 'runs.csv', 'spells.csv'] as const;

export interface PointInfo {
  point: number;
  scenario: string;
  /** Parameter values of the point, by column name without the `param_` prefix. */
  params: Record<string, number | null>;
}

/** Runs of one parameter point (one scenario), in replication order. */
export interface Group {
  scenario: string;
  point: number;
  params: Record<string, number | null>;
  replications: number[];
  seeds: number[];
  /** values[k][r]: outcome `outcomes[k]` of the r-th run (NaN where the model gives none). */
  values: number[][];
}

export interface SpellRow {
  scenario: string;
  point: number;
  type: 'arrangement' | 'membership';
  duration: number;
  ended: 0 | 1;
}

/** What the manifest and the time series tell about a scenario (all optional). */
export interface ScenarioInfo {
  name: string;
  title?: string;
  region?: string;
  /** Window of the per-run outcomes (YYYY-MM); the horizon when the manifest does not say. */
  from?: string;
  to?: string;
}

export interface BatchData {
  dir: string;
  manifest: Record<string, unknown>;
  points: PointInfo[];
  /** Scenario names in experiment order (order of their first point). */
  scenarios: string[];
  scenarioInfo: Map<string, ScenarioInfo>;
  /** Outcomes present in runs.csv, in the order of the run measures. */
  outcomes: MeasureSpec[];
  /** One group per point that has runs, in point order. */
  groups: Group[];
  spells: SpellRow[];
  /** Planned and done run counts from the manifest, when it gives them. */
  planned?: number;
  done?: number;
}

const RUN_KEYS = ['run', 'scenario', 'point', 'replication', 'seed'] as const;
const POINT_KEYS = ['point', 'scenario'] as const;
const SPELL_KEYS = ['run', 'scenario', 'point', 'replication', 'type', 'duration', 'ended'] as const;
const MAX_CELL_PROBLEMS = 20;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/**
 * Scenario facts from the manifest, read tolerantly: `scenarios` may be a list of objects with
 * `name` or an object keyed by name; each may carry `title`, `region` (a string or an object
 * with `name`) and `evaluation: {from, to}` (or `start`/`end` for the horizon).
 */
function scenarioFacts(manifest: Record<string, unknown>): Map<string, ScenarioInfo> {
  const out = new Map<string, ScenarioInfo>();
  const raw = manifest.scenarios;
  const entries: [string | undefined, unknown][] = Array.isArray(raw)
    ? raw.map((e) => [isRecord(e) ? str(e.name) : str(e), e])
    : isRecord(raw)
      ? Object.entries(raw).map(([k, v]) => [k, v])
      : [];
  for (const [name, e] of entries) {
    if (!name) continue;
    const info: ScenarioInfo = { name };
    if (isRecord(e)) {
      info.title = str(e.title);
      info.region = str(e.region) ?? (isRecord(e.region) ? str(e.region.name) : undefined) ?? str(e.regionName);
      const ev = isRecord(e.evaluation) ? e.evaluation : undefined;
      info.from = str(ev?.from) ?? str(e.start);
      info.to = str(ev?.to) ?? str(e.end);
    }
    out.set(name, info);
  }
  return out;
}

function tryReadCsv(dir: string, file: string, problems: Problem[]): CsvTable | undefined {
  try {
    return readCsv(join(dir, file), file);
  } catch (err) {
    if (err instanceof CsvError) {
      problems.push({ path: `${file}, line ${err.line}`, expected: 'valid CSV (docs/formats.md)', found: err.detail });
      return undefined;
    }
    throw err;
  }
}

/** Horizon per scenario from timeseries-summary.csv (first and last date), if readable. */
function horizons(dir: string): Map<string, { from: string; to: string }> {
  const out = new Map<string, { from: string; to: string }>();
  const path = join(dir, 'timeseries-summary.csv');
  if (!existsSync(path)) return out;
  let table: CsvTable;
  try {
    table = readCsv(path);
  } catch {
    return out; // optional file: a broken one only costs the dates in summary.md
  }
  const s = table.header.indexOf('scenario');
  const d = table.header.indexOf('date');
  if (s < 0 || d < 0) return out;
  for (const row of table.rows) {
    const date = row[d]!;
    if (!/^\d{4}-\d{2}$/.test(date)) continue;
    const h = out.get(row[s]!);
    if (!h) out.set(row[s]!, { from: date, to: date });
    else {
      if (date < h.from) h.from = date;
      if (date > h.to) h.to = date;
    }
  }
  return out;
}

/**
 * Read a batch directory. Throws {@link UserError} (file: the directory) listing every problem.
 *
 * @param dir - the batch output directory
 */
export function loadBatch(dir: string): BatchData {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(dir, [{ path: '(directory)', expected: 'a batch output directory (from `regiosim batch`)', found: existsSync(dir) ? 'a file' : 'nothing' }]);
  }
  const missing = REQUIRED_FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    throw new UserError(dir, [
      {
        path: '(directory)',
        expected: `a batch output directory (from \`regiosim batch\`) with ${REQUIRED_FILES.join(', ')}`,
        found: `a directory without ${missing.join(', ')}`,
      },
    ]);
  }
  const problems: Problem[] = [];
  let cellProblems = 0;
  const cellProblem = (t: CsvTable, r: number, column: string, expected: string, found: string): void => {
    cellProblems++;
    if (cellProblems <= MAX_CELL_PROBLEMS) problems.push({ path: `${t.file}, line ${t.lines[r]}, column ${column}`, expected, found });
  };

  // manifest.json
  let manifest: Record<string, unknown> = {};
  const manifestPath = join(dir, 'manifest.json');
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (isRecord(parsed)) manifest = parsed;
    else problems.push({ path: 'manifest.json', expected: 'a JSON object', found: Array.isArray(parsed) ? 'an array' : typeof parsed });
  } catch (err) {
    problems.push({ path: 'manifest.json', expected: 'JSON', found: `a file that does not parse (${(err as Error).message})` });
  }

  const pointsT = tryReadCsv(dir, 'points.csv', problems);
  const runsT = tryReadCsv(dir, 'runs.csv', problems);
  const spellsT = tryReadCsv(dir, 'spells.csv', problems);
  const checkCols = (t: CsvTable | undefined, required: readonly string[]): boolean => {
    if (!t) return false;
    const miss = missingColumns(t, required);
    if (miss.length > 0) problems.push({ path: `${t.file}, header`, expected: `columns ${required.join(', ')}`, found: `no ${miss.join(', ')}` });
    return miss.length === 0;
  };
  const pointsOk = checkCols(pointsT, POINT_KEYS);
  const runsOk = checkCols(runsT, RUN_KEYS);
  const spellsOk = checkCols(spellsT, SPELL_KEYS);

  const intCell = (t: CsvTable, r: number, col: string): number => {
    const text = t.rows[r]![t.header.indexOf(col)]!;
    const v = parseNumberCell(text);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      cellProblem(t, r, col, 'a whole number ≥ 0', JSON.stringify(text));
      return NaN;
    }
    return v;
  };

  // points.csv
  const points: PointInfo[] = [];
  const pointById = new Map<number, PointInfo>();
  if (pointsT && pointsOk) {
    const paramCols = pointsT.header.map((h, k) => [h, k] as const).filter(([h]) => h.startsWith('param_'));
    const sc = pointsT.header.indexOf('scenario');
    pointsT.rows.forEach((row, r) => {
      const point = intCell(pointsT, r, 'point');
      const params: Record<string, number | null> = {};
      for (const [h, k] of paramCols) {
        const v = parseNumberCell(row[k]!);
        if (v === undefined) cellProblem(pointsT, r, h, 'a number or an empty cell', JSON.stringify(row[k]));
        params[h.slice('param_'.length)] = v ?? null;
      }
      if (Number.isNaN(point)) return;
      if (pointById.has(point)) {
        cellProblem(pointsT, r, 'point', 'each point once', `${point} again`);
        return;
      }
      const info = { point, scenario: row[sc]!, params };
      points.push(info);
      pointById.set(point, info);
    });
    if (pointsT.rows.length === 0) problems.push({ path: 'points.csv', expected: 'at least one parameter point', found: 'none' });
  }
  points.sort((a, b) => a.point - b.point);

  // runs.csv
  const outcomes: MeasureSpec[] = runsT ? RUN_MEASURES.filter((o) => runsT.header.includes(o.id)) : [];
  if (runsT && outcomes.length === 0) {
    problems.push({ path: 'runs.csv, header', expected: `outcome columns (${RUN_MEASURES.slice(0, 3).map((o) => o.id).join(', ')}, ...)`, found: 'none' });
  }
  const groupByPoint = new Map<number, Group & { rows: { replication: number; seed: number; values: number[] }[] }>();
  if (runsT && runsOk && outcomes.length > 0) {
    const sc = runsT.header.indexOf('scenario');
    const oc = outcomes.map((o) => runsT.header.indexOf(o.id));
    runsT.rows.forEach((row, r) => {
      const point = intCell(runsT, r, 'point');
      const replication = intCell(runsT, r, 'replication');
      const seed = intCell(runsT, r, 'seed');
      const values = oc.map((k, j) => {
        const v = parseNumberCell(row[k]!);
        if (v === undefined) {
          cellProblem(runsT, r, outcomes[j]!.id, 'a number (or NaN)', JSON.stringify(row[k]));
          return NaN;
        }
        return v === null || !Number.isFinite(v) ? NaN : v;
      });
      if (Number.isNaN(point) || Number.isNaN(replication) || Number.isNaN(seed)) return;
      const info = pointById.get(point);
      if (!info) {
        if (pointsOk) cellProblem(runsT, r, 'point', 'a point listed in points.csv', String(point));
        return;
      }
      if (row[sc] !== info.scenario) {
        cellProblem(runsT, r, 'scenario', `${JSON.stringify(info.scenario)} (the scenario of point ${point} in points.csv)`, JSON.stringify(row[sc]));
        return;
      }
      let g = groupByPoint.get(point);
      if (!g) {
        g = { scenario: info.scenario, point, params: info.params, replications: [], seeds: [], values: [], rows: [] };
        groupByPoint.set(point, g);
      }
      g.rows.push({ replication, seed, values });
    });
  }

  // spells.csv
  const spells: SpellRow[] = [];
  if (spellsT && spellsOk) {
    const sc = spellsT.header.indexOf('scenario');
    const ty = spellsT.header.indexOf('type');
    const du = spellsT.header.indexOf('duration');
    spellsT.rows.forEach((row, r) => {
      const point = intCell(spellsT, r, 'point');
      const type = row[ty];
      if (type !== 'arrangement' && type !== 'membership') {
        cellProblem(spellsT, r, 'type', 'arrangement or membership', JSON.stringify(type));
        return;
      }
      const duration = parseNumberCell(row[du]!);
      if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
        cellProblem(spellsT, r, 'duration', 'a number of months ≥ 0', JSON.stringify(row[du]));
        return;
      }
      const ended = intCell(spellsT, r, 'ended');
      if (ended !== 0 && ended !== 1) {
        if (!Number.isNaN(ended)) cellProblem(spellsT, r, 'ended', '0 or 1', String(ended));
        return;
      }
      if (Number.isNaN(point)) return;
      spells.push({ scenario: row[sc]!, point, type, duration, ended });
    });
  }

  if (cellProblems > MAX_CELL_PROBLEMS) {
    problems.push({ path: '...', expected: 'the same', found: `${cellProblems - MAX_CELL_PROBLEMS} more cell problem(s) not listed` });
  }

  // Groups: rows sorted by replication; a replication may appear once per point.
  const groups: Group[] = [];
  for (const p of points) {
    const g = groupByPoint.get(p.point);
    if (!g) continue;
    g.rows.sort((a, b) => a.replication - b.replication);
    for (let i = 1; i < g.rows.length; i++) {
      if (g.rows[i]!.replication === g.rows[i - 1]!.replication) {
        problems.push({ path: 'runs.csv, column replication', expected: 'each replication once per point', found: `replication ${g.rows[i]!.replication} of point ${p.point} twice` });
        break;
      }
    }
    groups.push({
      scenario: g.scenario,
      point: g.point,
      params: g.params,
      replications: g.rows.map((x) => x.replication),
      seeds: g.rows.map((x) => x.seed),
      values: outcomes.map((_, k) => g.rows.map((x) => x.values[k]!)),
    });
  }
  if (runsT && runsOk && outcomes.length > 0 && runsT.rows.length === 0) {
    problems.push({ path: 'runs.csv', expected: 'at least one run', found: 'none (has the batch run yet?)' });
  }

  if (problems.length > 0) throw new UserError(dir, problems);

  const scenarios: string[] = [];
  for (const p of points) if (!scenarios.includes(p.scenario)) scenarios.push(p.scenario);
  const facts = scenarioFacts(manifest);
  const hz = horizons(dir);
  const scenarioInfo = new Map<string, ScenarioInfo>();
  for (const s of scenarios) {
    const f = facts.get(s) ?? { name: s };
    const h = hz.get(s);
    scenarioInfo.set(s, { ...f, from: f.from ?? h?.from, to: f.to ?? h?.to });
  }
  const counts = isRecord(manifest.counts) ? manifest.counts : {};
  return {
    dir,
    manifest,
    points,
    scenarios,
    scenarioInfo,
    outcomes,
    groups,
    spells,
    planned: num(counts.planned) ?? num(manifest.planned),
    done: num(counts.done) ?? num(manifest.done),
  };
}
