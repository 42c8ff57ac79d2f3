/**
 * `regiosim robustness`: how a comparison of structures holds up across plausible parameters.
 *
 * worlds (an ensemble, or a Latin hypercube over stated ranges) → experiment (every scenario at
 * every world, the same seeds everywhere) → batch → per world the paired difference of each
 * scenario from the reference → across the worlds: median and range of the difference, the share
 * of worlds in which the scenario does better (with its Wilson interval, which says whether the
 * ensemble is large enough), and the conditions the sign depends on (scenario discovery,
 * src/stats/discovery.ts).
 *
 * Two kinds of uncertainty are kept apart. Within a world, the replications differ only in their
 * random futures: the interval of a world's difference is seed noise. Across worlds the
 * parameters differ: the range and the share of worlds are parameter uncertainty (as far as the
 * ensemble represents it). A world whose seed-noise interval holds 0 counts as better or worse by
 * the sign of its mean; the share of worlds in which the difference is clear (interval excludes
 * 0) is given beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantileSorted } from 'simple-statistics';
import { measure, type Direction } from '../core/measures.js';
import type { ExperimentSpec } from '../batch/experiment.js';
import * as files from '../formats/files.js';
import { decodeTable, type CellProblem } from '../formats/schema.js';
import { readCsv } from '../io/csv.js';
import { UserError } from '../io/errors.js';
import { tInterval } from '../stats/descriptive.js';
import { bestBox, conditionText, discoverBoxes } from '../stats/discovery.js';
import { trialsForHalfWidth, wilsonInterval } from '../stats/proportion.js';
import type { ParamRange } from './sensitivity.js';
import type { RobustnessMeta } from './uncertainty-md.js';

export const ROBUSTNESS_MANIFEST = 'robustness.json';
export const ROBUSTNESS_FORMAT = 'regiosim-robustness/1';

/** The precision the "worlds needed" column aims at: the share of worlds known to ±0.10. */
export const SHARE_HALF_WIDTH = 0.1;
/** Fewest worlds for which a scenario-discovery tree is fitted. */
export const MIN_DISCOVERY_WORLDS = 10;

export interface RobustnessDesign {
  name: string;
  title: string;
  scenarios: string[];
  /** Index of the reference scenario in `scenarios`. */
  reference: number;
  ranges: ParamRange[];
  worlds: Record<string, number>[];
  replications: number;
  seed: number;
  outcomes: string[];
  /** Where the worlds come from: an ensemble file, or a Latin hypercube. */
  source: { kind: 'ensemble'; file: string; name: string; provenance: Record<string, unknown> } | { kind: 'lhs'; samples: number; seed: number };
}

export function robustnessExperiment(d: RobustnessDesign): ExperimentSpec {
  return {
    name: d.name,
    title: d.title,
    scenarios: [...d.scenarios],
    replications: d.replications,
    masterSeed: d.seed,
    set: {},
    points: d.worlds.map((w) => ({ ...w })),
  };
}

export type WorldRow = files.WorldRow;
export type RobustnessRow = files.RobustnessRow;
export type DiscoveryRow = files.DiscoveryRow;

/** Whether a difference favours the scenario, by the outcome's direction (neutral: higher). */
export function favours(direction: Direction, difference: number): boolean {
  return direction === 'lower' ? difference < 0 : difference > 0;
}

function direction(outcome: string): Direction {
  return measure('run', outcome)?.direction ?? 'neutral';
}

/**
 * Per scenario (other than the reference), world and outcome: the mean over the replications of
 * the paired difference scenario − reference, with its seed-noise interval.
 *
 * @param scenarioNames scenario names in plan order
 */
export function worldDifferences(runsCsv: string, d: RobustnessDesign, scenarioNames: readonly string[], runsFile = 'runs.csv'): WorldRow[] {
  const problems: CellProblem[] = [];
  const decoded = decodeTable(files.RUNS_CSV, readCsv(runsCsv, runsFile), problems, ['point', 'replication', ...d.outcomes]);
  if (!decoded || problems.length > 0) throw new UserError(runsFile, problems);
  const W = d.worlds.length;
  const R = d.replications;
  const S = d.scenarios.length;
  // value[outcome][scenario][world][replication]
  const value = d.outcomes.map(() => Array.from({ length: S }, () => Array.from({ length: W }, () => new Float64Array(R).fill(NaN))));
  for (const row of decoded.rows) {
    const s = Math.floor(row.point / W);
    const w = row.point - s * W;
    if (s < 0 || s >= S || row.replication < 0 || row.replication >= R) continue;
    d.outcomes.forEach((o, j) => {
      const v = (row as Record<string, unknown>)[o];
      value[j]![s]![w]![row.replication] = typeof v === 'number' ? v : NaN;
    });
  }
  const out: WorldRow[] = [];
  const ref = d.reference;
  for (let s = 0; s < S; s++) {
    if (s === ref) continue;
    for (let w = 0; w < W; w++) {
      d.outcomes.forEach((o, j) => {
        const diffs: number[] = [];
        for (let r = 0; r < R; r++) {
          const a = value[j]![s]![w]![r]!;
          const b = value[j]![ref]![w]![r]!;
          if (Number.isFinite(a) && Number.isFinite(b)) diffs.push(a - b);
        }
        const params: Record<string, number> = {};
        for (const r of d.ranges) params[`param_${r.name}`] = d.worlds[w]![r.name]!;
        if (diffs.length === 0) {
          out.push({ scenario: scenarioNames[s]!, reference: scenarioNames[ref]!, world: w, outcome: o, n: 0, difference: null, ci_lo: null, ci_hi: null, better: null, ...params });
          return;
        }
        const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
        const iv = diffs.length >= 2 ? tInterval(diffs) : null;
        out.push({
          scenario: scenarioNames[s]!, reference: scenarioNames[ref]!, world: w, outcome: o, n: diffs.length,
          difference: mean, ci_lo: iv ? iv.lo : null, ci_hi: iv ? iv.hi : null,
          better: mean === 0 ? null : favours(direction(o), mean),
          ...params,
        });
      });
    }
  }
  return out;
}

function groups(rows: readonly WorldRow[]): Map<string, WorldRow[]> {
  const out = new Map<string, WorldRow[]>();
  for (const r of rows) {
    const key = `${r.scenario}\u0000${r.outcome}`;
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

/** Across the worlds, per scenario and outcome: the spread of the difference and the share of worlds in which the scenario does better. */
export function summarizeWorlds(rows: readonly WorldRow[]): RobustnessRow[] {
  const out: RobustnessRow[] = [];
  for (const list of groups(rows).values()) {
    const first = list[0]!;
    const dir = direction(first.outcome);
    const defined = list.filter((r) => r.difference !== null);
    const diffs = defined.map((r) => r.difference!).sort((a, b) => a - b);
    const n = diffs.length;
    const better = defined.filter((r) => r.better === true).length;
    const clear = (r: WorldRow, good: boolean): boolean => r.ci_lo !== null && r.ci_hi !== null && (r.ci_lo > 0 || r.ci_hi < 0) && favours(dir, r.difference!) === good;
    const halves = defined.filter((r) => r.ci_lo !== null).map((r) => (r.ci_hi! - r.ci_lo!) / 2).sort((a, b) => a - b);
    const iv = n > 0 ? wilsonInterval(better, n) : null;
    out.push({
      scenario: first.scenario, reference: first.reference, outcome: first.outcome, direction: dir, worlds: n,
      median: n > 0 ? quantileSorted(diffs, 0.5) : null,
      p05: n > 0 ? quantileSorted(diffs, 0.05) : null,
      p95: n > 0 ? quantileSorted(diffs, 0.95) : null,
      min: n > 0 ? diffs[0]! : null,
      max: n > 0 ? diffs[n - 1]! : null,
      share_better: iv ? iv.share : null,
      share_better_lo: iv ? iv.lo : null,
      share_better_hi: iv ? iv.hi : null,
      share_worse: n > 0 ? defined.filter((r) => r.better === false).length / n : null,
      share_clearly_better: n > 0 ? defined.filter((r) => clear(r, true)).length / n : null,
      share_clearly_worse: n > 0 ? defined.filter((r) => clear(r, false)).length / n : null,
      worlds_needed: iv ? trialsForHalfWidth(iv.share, SHARE_HALF_WIDTH) : null,
      seed_noise_half_width: halves.length > 0 ? quantileSorted(halves, 0.5) : null,
    });
  }
  return out;
}

/**
 * Scenario discovery per scenario and outcome: the boxes of a classification tree of "better"
 * on the varied parameters. Only where both signs occur in at least two worlds and there are
 * {@link MIN_DISCOVERY_WORLDS} worlds or more; the box that best describes the less common sign
 * is marked `highlight`.
 */
export function discoverConditions(rows: readonly WorldRow[], ranges: readonly ParamRange[]): DiscoveryRow[] {
  const out: DiscoveryRow[] = [];
  const names = ranges.map((r) => r.name);
  for (const list of groups(rows).values()) {
    const cases = list.filter((r) => r.better !== null);
    const k = cases.filter((r) => r.better).length;
    if (cases.length < MIN_DISCOVERY_WORLDS || k < 2 || cases.length - k < 2) continue;
    const x = cases.map((r) => names.map((n) => (r as Record<string, unknown>)[`param_${n}`] as number));
    const y = cases.map((r) => (r.better ? 1 : 0));
    const boxes = discoverBoxes(x, y);
    const minority: 0 | 1 = k * 2 <= cases.length ? 1 : 0;
    const best = bestBox(boxes, minority, Math.max(3, Math.ceil(0.1 * cases.length)));
    const betterTotal = k;
    const worseTotal = cases.length - k;
    boxes.forEach((b, i) => {
      out.push({
        scenario: list[0]!.scenario, reference: list[0]!.reference, outcome: list[0]!.outcome, box: i,
        rule: b.conditions.length > 0 ? conditionText(b.conditions, names) : '(all worlds)',
        worlds: b.cases, better: b.positives,
        share_better: b.positives / b.cases,
        coverage_better: betterTotal > 0 ? b.positives / betterTotal : null,
        coverage_worse: worseTotal > 0 ? (b.cases - b.positives) / worseTotal : null,
        highlight: best !== null && best.conditions === b.conditions ? (minority === 1 ? 'better' : 'worse') : null,
      });
    });
  }
  return out;
}

/** The robustness results in a directory (for summary.md of a batch that has them), or null when there are none. */
export function readRobustness(dir: string): { rows: files.RobustnessRow[]; discovery: files.DiscoveryRow[]; meta: RobustnessMeta } | null {
  const m = join(dir, ROBUSTNESS_MANIFEST);
  if (!existsSync(m)) return null;
  const parsed = JSON.parse(readFileSync(m, 'utf8')) as { format?: string; meta?: RobustnessMeta; batch?: { hash?: string } };
  if (parsed.format !== ROBUSTNESS_FORMAT || !parsed.meta) throw new UserError(m, [{ path: 'format', expected: ROBUSTNESS_FORMAT, found: JSON.stringify(parsed.format) }]);
  // Results of other runs than the batch beside them are not used.
  const batch = join(dir, 'batch', 'manifest.json');
  const hash = existsSync(batch) ? (JSON.parse(readFileSync(batch, 'utf8')) as { experiment?: { hash?: string } }).experiment?.hash : undefined;
  if (hash === undefined || hash !== parsed.batch?.hash) return null;
  const problems: CellProblem[] = [];
  const read = <S extends typeof files.ROBUSTNESS_CSV | typeof files.DISCOVERY_CSV>(schema: S) => {
    const path = join(dir, schema.file);
    const d = decodeTable(schema, readCsv(path, schema.file), problems);
    if (!d || problems.length > 0) throw new UserError(path, problems);
    return d.rows;
  };
  return { rows: read(files.ROBUSTNESS_CSV) as unknown as files.RobustnessRow[], discovery: read(files.DISCOVERY_CSV) as unknown as files.DiscoveryRow[], meta: parsed.meta };
}
