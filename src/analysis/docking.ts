/**
 * `regiosim docking <batch dir>`: the static baseline (src/core/docking.ts) on the same
 * scenarios, parameter points and seeds as a batch, beside the agent-based model's results, and
 * how much of the model's difference between structures the baseline already gives. What it does
 * not give is what trust, people, councils, capacity and the structure's dynamics add.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOCKING_OUTCOMES, dockingBaseline } from '../core/docking.js';
import { deriveSeed } from '../core/seeds.js';
import { planFromManifest, readManifest } from '../batch/manifest.js';
import * as files from '../formats/files.js';
import { decodeTable, toCsvText, type CellProblem } from '../formats/schema.js';
import { readCsv } from '../io/csv.js';
import { UserError } from '../io/errors.js';
import { loadScenario } from '../io/scenario.js';
import { writeFileAtomically } from '../io/write.js';

export interface Docking {
  rows: files.DockingRow[];
  comparison: files.DockingComparisonRow[];
  reference: string;
}

const mean = (xs: readonly number[]): number | null => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Runs the baseline for every run of the batch in `dir` and compares it with runs.csv. */
export function dockBatch(dir: string, reference?: string): Docking {
  const manifest = readManifest(dir, '<batch dir>');
  const plan = planFromManifest(manifest, dir);
  const names = plan.scenarios.map((s) => s.name);
  const ref = reference ?? names[0]!;
  if (!names.includes(ref)) throw new UserError('the command line', [{ path: '--reference', expected: `a scenario of the batch (${names.join(', ')})`, found: JSON.stringify(ref) }]);
  const runsPath = join(dir, files.RUNS_CSV.file);
  if (!existsSync(runsPath)) throw new UserError(dir, [{ path: '(directory)', expected: 'a batch directory with runs.csv', found: 'no runs.csv' }]);
  const problems: CellProblem[] = [];
  const decoded = decodeTable(files.RUNS_CSV, readCsv(runsPath, 'runs.csv'), problems, ['point', 'replication', ...DOCKING_OUTCOMES]);
  if (!decoded || problems.length > 0) throw new UserError(runsPath, problems);
  // model[point][replication][outcome]
  const model = new Map<string, number>();
  for (const row of decoded.rows) DOCKING_OUTCOMES.forEach((o) => {
    const v = (row as Record<string, unknown>)[o];
    if (typeof v === 'number' && Number.isFinite(v)) model.set(`${row.point}:${row.replication}:${o}`, v);
  });
  const base = new Map<string, number>();
  const tableShare = new Map<number, number[]>();
  for (const point of plan.points) {
    const scenario = loadScenario(plan.scenarios[point.scenario]!.load, point.overrides).scenario;
    const shares: number[] = [];
    for (let r = 0; r < plan.replications; r++) {
      if (!model.has(`${point.point}:${r}:${DOCKING_OUTCOMES[0]}`) && !model.has(`${point.point}:${r}:completion_rate`)) continue;
      const b = dockingBaseline(scenario, deriveSeed(plan.masterSeed, r));
      DOCKING_OUTCOMES.forEach((o) => {
        if (Number.isFinite(b.outcomes[o])) base.set(`${point.point}:${r}:${o}`, b.outcomes[o]);
      });
      if (b.tasks > 0) shares.push(b.atTable / b.tasks);
    }
    tableShare.set(point.point, shares);
  }
  const rows: files.DockingRow[] = [];
  for (const point of plan.points) for (const o of DOCKING_OUTCOMES) {
    const m: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < plan.replications; r++) {
      const x = model.get(`${point.point}:${r}:${o}`);
      const y = base.get(`${point.point}:${r}:${o}`);
      if (x !== undefined && y !== undefined) {
        m.push(x);
        b.push(y);
      }
    }
    rows.push({ scenario: names[point.scenario]!, point: point.point, outcome: o, n: m.length, model: mean(m), baseline: mean(b), tasks_at_table: mean(tableShare.get(point.point) ?? []) });
  }
  // Pairs: the reference's point with the same parameter values (the j-th point of each scenario).
  const perScenario = plan.points.length / plan.scenarios.length;
  const refIndex = names.indexOf(ref);
  const comparison: files.DockingComparisonRow[] = [];
  for (const point of plan.points) {
    if (point.scenario === refIndex) continue;
    const j = point.point - point.scenario * perScenario;
    const refPoint = refIndex * perScenario + j;
    for (const o of DOCKING_OUTCOMES) {
      const dm: number[] = [];
      const db: number[] = [];
      for (let r = 0; r < plan.replications; r++) {
        const key = (p: number): string => `${p}:${r}:${o}`;
        const a = model.get(key(point.point));
        const c = model.get(key(refPoint));
        const x = base.get(key(point.point));
        const y = base.get(key(refPoint));
        if (a === undefined || c === undefined || x === undefined || y === undefined) continue;
        dm.push(a - c);
        db.push(x - y);
      }
      const md = mean(dm);
      const bd = mean(db);
      comparison.push({
        scenario: names[point.scenario]!, reference: ref, point: point.point, outcome: o, n: dm.length,
        model_difference: md, baseline_difference: bd, share_explained: md !== null && bd !== null && md !== 0 ? bd / md : null,
      });
    }
  }
  return { rows, comparison, reference: ref };
}

/** Writes docking.csv and docking-comparison.csv into the batch directory. */
export function writeDocking(dir: string, d: Docking): string[] {
  const a = join(dir, files.DOCKING_CSV.file);
  const b = join(dir, files.DOCKING_COMPARISON_CSV.file);
  writeFileAtomically(a, toCsvText(files.DOCKING_CSV, d.rows));
  writeFileAtomically(b, toCsvText(files.DOCKING_COMPARISON_CSV, d.comparison));
  return [a, b];
}

/** The docking results a batch directory holds (for its summary.md), or null. */
export function readDocking(dir: string): files.DockingComparisonRow[] | null {
  const path = join(dir, files.DOCKING_COMPARISON_CSV.file);
  if (!existsSync(path)) return null;
  const problems: CellProblem[] = [];
  const d = decodeTable(files.DOCKING_COMPARISON_CSV, readCsv(path, files.DOCKING_COMPARISON_CSV.file), problems);
  if (!d || problems.length > 0) throw new UserError(path, problems);
  return d.rows as unknown as files.DockingComparisonRow[];
}
