/**
 * Reads a batch output directory into memory for analysis: manifest.json (the typed reader of
 * src/io/manifest.ts), points.csv, runs.csv and spells.csv (decoded with their schemas of
 * src/formats/files.ts). Every problem found (missing files, missing columns, cells that do
 * not fit their column, runs of unknown points) is collected and reported at once as a
 * {@link UserError} about the directory (paths name the file, line and column).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_MEASURES, type MeasureSpec } from '../core/measures.js';
import { CsvError, type CsvTable } from '../formats/csv.js';
import { POINTS_CSV, RUNS_CSV, SPELLS_CSV } from '../formats/files.js';
import type { BatchManifest } from '../formats/manifest.js';
import { decodeTable, MAX_CELL_PROBLEMS, PARAM_PREFIX, type CsvSchema } from '../formats/schema.js';
import { readCsv } from '../io/csv.js';
import { UserError, type Problem } from '../io/errors.js';
import { manifestProblems } from '../batch/manifest.js';
import { MANIFEST, parseBatchManifest, readManifestJson } from '../io/manifest.js';

export const REQUIRED_FILES = [MANIFEST, POINTS_CSV.file, RUNS_CSV.file, SPELLS_CSV.file] as const;

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
  /** The arrangement's kind (network, convenant, ...). */
  kind: string;
  duration: number;
  ended: 0 | 1;
}

/** What the manifest tells about a scenario. */
export interface ScenarioInfo {
  name: string;
  title?: string;
  /** Title and description per language, where the manifest holds them. */
  titles?: { en: string; nl: string };
  descriptions?: { en: string; nl: string };
  region?: string;
  /** Window of the per-run outcomes (YYYY-MM). */
  from?: string;
  to?: string;
}

export interface BatchData {
  dir: string;
  manifest: BatchManifest;
  points: PointInfo[];
  /** Scenario names in experiment order (order of their first point). */
  scenarios: string[];
  scenarioInfo: Map<string, ScenarioInfo>;
  /** Outcomes present in runs.csv, in the order of the run measures. */
  outcomes: MeasureSpec[];
  /** One group per point that has runs, in point order. */
  groups: Group[];
  spells: SpellRow[];
  /** Planned and done run counts from the manifest. */
  planned: number;
  done: number;
}

function tryRead(dir: string, schema: CsvSchema, problems: Problem[]): CsvTable | undefined {
  try {
    return readCsv(join(dir, schema.file), schema.file);
  } catch (err) {
    if (err instanceof CsvError) {
      problems.push({ path: `${schema.file}, line ${err.line}`, expected: 'valid CSV (docs/formats.md)', found: err.detail });
      return undefined;
    }
    throw err;
  }
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
      { path: '(directory)', expected: `a batch output directory (from \`regiosim batch\`) with ${REQUIRED_FILES.join(', ')}`, found: `a directory without ${missing.join(', ')}` },
    ]);
  }
  const problems: Problem[] = [];
  let manifest: BatchManifest | undefined;
  const json = readManifestJson(dir, MANIFEST);
  if (!json.ok) problems.push({ path: MANIFEST, expected: 'JSON', found: json.problem.found.replace(/^a manifest\.json that is not valid JSON/, 'a file that does not parse') });
  else {
    const parsed = parseBatchManifest(json.data);
    if (parsed.ok) {
      manifest = parsed.manifest;
      // Provenance: an edited manifest or a result file changed since is refused, not analysed.
      problems.push(...manifestProblems(manifest, dir));
    } else problems.push(...parsed.problems);
  }

  const pointsT = tryRead(dir, POINTS_CSV, problems);
  const runsT = tryRead(dir, RUNS_CSV, problems);
  const spellsT = tryRead(dir, SPELLS_CSV, problems);
  const points = pointsT ? decodeTable(POINTS_CSV, pointsT, problems) : undefined;
  const runs = runsT ? decodeTable(RUNS_CSV, runsT, problems) : undefined;
  const spellsD = spellsT ? decodeTable(SPELLS_CSV, spellsT, problems, ['run', 'scenario', 'point', 'replication', 'type', 'duration', 'ended']) : undefined;
  let cellProblems = 0;
  const cellProblem = (file: string, line: number, column: string, expected: string, found: string): void => {
    cellProblems++;
    if (cellProblems <= MAX_CELL_PROBLEMS) problems.push({ path: `${file}, line ${line}, column ${column}`, expected, found });
  };

  // points.csv
  const pointList: PointInfo[] = [];
  const pointById = new Map<number, PointInfo>();
  if (points) {
    points.rows.forEach((row, r) => {
      const params: Record<string, number | null> = {};
      for (const h of points.groups[0]!) params[h.slice(PARAM_PREFIX.length)] = row[h] as number | null;
      if (!Number.isInteger(row.point)) return;
      if (pointById.has(row.point)) {
        cellProblem(POINTS_CSV.file, points.lines[r]!, 'point', 'each point once', `${row.point} again`);
        return;
      }
      const info = { point: row.point, scenario: row.scenario, params };
      pointList.push(info);
      pointById.set(row.point, info);
    });
    if (points.rows.length === 0) problems.push({ path: POINTS_CSV.file, expected: 'at least one parameter point', found: 'none' });
  }
  pointList.sort((a, b) => a.point - b.point);

  // runs.csv
  const outcomes: MeasureSpec[] = runs ? RUN_MEASURES.filter((o) => runs.groups[1]!.includes(o.id)) : [];
  if (runs && outcomes.length === 0) {
    problems.push({ path: 'runs.csv, header', expected: `outcome columns (${RUN_MEASURES.slice(0, 3).map((o) => o.id).join(', ')}, ...)`, found: 'none' });
  }
  const groupByPoint = new Map<number, { rows: { replication: number; seed: number; values: number[] }[] }>();
  if (runs && outcomes.length > 0) {
    runs.rows.forEach((row, r) => {
      const values = outcomes.map((o) => {
        const v = row[o.id];
        return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
      });
      if (![row.point, row.replication, row.seed].every((x) => Number.isInteger(x) && x >= 0)) return;
      const info = pointById.get(row.point);
      if (!info) {
        if (points) cellProblem(RUNS_CSV.file, runs.lines[r]!, 'point', 'a point listed in points.csv', String(row.point));
        return;
      }
      if (row.scenario !== info.scenario) {
        cellProblem(RUNS_CSV.file, runs.lines[r]!, 'scenario', `${JSON.stringify(info.scenario)} (the scenario of point ${row.point} in points.csv)`, JSON.stringify(row.scenario));
        return;
      }
      let g = groupByPoint.get(row.point);
      if (!g) groupByPoint.set(row.point, (g = { rows: [] }));
      g.rows.push({ replication: row.replication, seed: row.seed, values });
    });
  }

  // spells.csv
  const spells: SpellRow[] = [];
  if (spellsD) {
    spellsD.rows.forEach((row, r) => {
      const line = spellsD.lines[r]!;
      if (row.type !== 'arrangement' && row.type !== 'membership') {
        cellProblem(SPELLS_CSV.file, line, 'type', 'arrangement or membership', JSON.stringify(row.type));
        return;
      }
      if (typeof row.duration !== 'number' || !Number.isFinite(row.duration) || row.duration < 0) {
        if (typeof row.duration === 'number') cellProblem(SPELLS_CSV.file, line, 'duration', 'a number of months ≥ 0', String(row.duration));
        return;
      }
      if (row.ended !== 0 && row.ended !== 1) {
        if (typeof row.ended === 'number') cellProblem(SPELLS_CSV.file, line, 'ended', '0 or 1', String(row.ended));
        return;
      }
      if (!Number.isInteger(row.point)) return;
      spells.push({ scenario: row.scenario, point: row.point, type: row.type, kind: typeof row.kind === 'string' && row.kind !== '' ? row.kind : 'unknown', duration: row.duration, ended: row.ended });
    });
  }

  if (cellProblems > MAX_CELL_PROBLEMS) problems.push({ path: '...', expected: 'the same', found: `${cellProblems - MAX_CELL_PROBLEMS} more cell problem(s) not listed` });

  // Groups: rows sorted by replication; a replication may appear once per point.
  const groups: Group[] = [];
  for (const p of pointList) {
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
      scenario: p.scenario,
      point: p.point,
      params: p.params,
      replications: g.rows.map((x) => x.replication),
      seeds: g.rows.map((x) => x.seed),
      values: outcomes.map((_, k) => g.rows.map((x) => x.values[k]!)),
    });
  }
  if (runs && outcomes.length > 0 && runs.rows.length === 0) problems.push({ path: 'runs.csv', expected: 'at least one run', found: 'none (has the batch run yet?)' });

  if (problems.length > 0 || !manifest) throw new UserError(dir, problems);

  const scenarios: string[] = [];
  for (const p of pointList) if (!scenarios.includes(p.scenario)) scenarios.push(p.scenario);
  const scenarioInfo = new Map<string, ScenarioInfo>();
  for (const s of scenarios) {
    const m = manifest.scenarios.find((x) => x.name === s);
    scenarioInfo.set(
      s,
      m
        ? {
            name: s, title: m.title, titles: { en: m.title, nl: m.title_nl ?? m.title },
            ...(m.description !== undefined ? { descriptions: { en: m.description, nl: m.description_nl ?? m.description } } : {}),
            region: m.region, from: m.evaluation.from, to: m.evaluation.to,
          }
        : { name: s },
    );
  }
  return { dir, manifest, points: pointList, scenarios, scenarioInfo, outcomes, groups, spells, planned: manifest.counts.planned, done: manifest.counts.done };
}

/** A scenario's readable title in a language: the manifest's title, else its name. */
export function scenarioTitle(info: ScenarioInfo | undefined, name: string, lang: 'en' | 'nl'): string {
  return info?.titles?.[lang] ?? info?.title ?? name;
}
