/**
 * `regiosim analyze`: statistics of a batch directory (docs/formats.md, "Analysis").
 *
 * - summary.csv: per parameter point and outcome, n, mean, sd, median, quartiles, the t and
 *   bootstrap 95% intervals of the mean, and whether n suffices for a requested precision.
 * - comparison.csv: every scenario against a reference scenario (default: the first), point by
 *   point (points with the same parameter values are compared; a reference with one point serves
 *   every point). Runs are paired by replication when both sides have the same replications with
 *   the same seeds (common random numbers): paired t interval, Cohen's d_z, the share of pairs in
 *   which the scenario does better, Wilcoxon signed-rank test. Otherwise Welch's interval,
 *   Cohen's d, the probability of superiority and the Mann–Whitney test. Holm's correction over
 *   the outcomes of one comparison.
 * - survival.csv, survival-summary.csv: Kaplan–Meier of arrangement and membership spells per
 *   point, all arrangement kinds pooled and each kind on its own (censored at the horizon), median survival with its interval, and the log-rank test
 *   across all points.
 * - points-summary.csv, for an experiment (a batch whose points vary parameters): summary.csv and
 *   comparison.csv in one table with the varied parameters on every row (src/analysis/points-summary.ts).
 * - summary.md: the comparison in plain language (src/analysis/summary-md.ts; for an experiment
 *   the compact form of src/analysis/experiment-md.ts).
 *
 * The statistics themselves come from src/stats (reference-tested); this module only
 * arranges the data and the tables.
 */
import { join } from 'node:path';
import type { MeasureSpec } from '../core/measures.js';
import type { Lang } from '../i18n/index.js';
import { UserError, type Problem } from '../io/errors.js';
import * as files from '../formats/files.js';
import { toCsvText } from '../formats/schema.js';
import { outputProblem, writeFileAtomically } from '../io/write.js';
import { loadBatch, type BatchData, type Group } from './batch-data.js';
import { bootstrapMeanInterval, describe, mean, quantile, requiredN, sampleSd, tInterval } from '../stats/descriptive.js';
import { holmAdjust } from '../stats/multiple.js';
import { pairedComparison } from '../stats/paired.js';
import { kaplanMeier, logRankTest } from '../stats/survival.js';
import { ARRANGEMENT_KINDS } from '../core/entities/arrangement.js';
import { mannWhitneyTest, welchTTest } from '../stats/unpaired.js';
import { renderSummaryMarkdown, scenarioNamer } from './summary-md.js';
import { renderExperimentMarkdown } from './experiment-md.js';
import { pointsSummaryRows, variedParameters, type PointsSummaryRow } from './points-summary.js';
import { verdictOf } from './importance.js';
import { readRobustness } from './robustness.js';
import { dockingMarkdown, robustnessMarkdown } from './uncertainty-md.js';
import { readDocking } from './docking.js';

/** Significance level for `significant` (after Holm) and the level of every interval. */
export const ALPHA = 0.05;
export const LEVEL = 0.95;
/** Most bootstrap resamples, and most resampled runs per outcome (resamples × runs): the analysis stays a matter of seconds. */
export const MAX_BOOTSTRAP = 100_000;
export const MAX_BOOTSTRAP_DRAWS = 1_000_000_000;

/** Default bootstrap resamples for the percentile interval of the mean. */
export const DEFAULT_BOOTSTRAP = 1000;
export const DEFAULT_PRECISION = 0.05;
export { MIN_IMPORTANCE, verdictOf, type Verdict } from './importance.js';
export const SPELL_TYPES = ['arrangement', 'membership'] as const;
/** The `kind` of the survival rows that pool every arrangement kind. */
export const ALL_KINDS = 'all';

/** `all`, then the arrangement kinds of the spells in the order of the kind registry (unknown kinds last, sorted). */
export function survivalKinds(spells: ReadonlyArray<{ kind: string }>): string[] {
  const present = new Set(spells.map((s) => s.kind));
  const known = (ARRANGEMENT_KINDS as readonly string[]).filter((k) => present.has(k));
  const other = [...present].filter((k) => !(ARRANGEMENT_KINDS as readonly string[]).includes(k)).sort();
  return [ALL_KINDS, ...known, ...other];
}

export type { ComparisonRow, SummaryRow, SurvivalRow, SurvivalSummaryRow } from './rows.js';
import type { ComparisonRow, SummaryRow, SurvivalRow, SurvivalSummaryRow } from './rows.js';

export interface AnalyzeOptions {
  /** Reference scenario of the comparisons (default: the first scenario of the batch). */
  reference?: string;
  /** Relative half-width of the 95% interval wanted (default 0.05: ±5% of the mean). */
  precision?: number;
  /** Language of summary.md (default en). */
  lang?: Lang;
  /** A `regiosim robustness` directory whose results summary.md includes (default: `<dir>/robustness/` when it holds one). */
  robustness?: string;
  /** Seed of the bootstrap resampler (default 1). */
  bootstrapSeed?: number;
  /** Bootstrap resamples (default 1000; 0 leaves boot_lo and boot_hi NaN). */
  bootstrap?: number;
}

export interface Analysis {
  data: BatchData;
  reference: string;
  precision: number;
  summary: SummaryRow[];
  comparison: ComparisonRow[];
  survival: SurvivalRow[];
  survivalSummary: SurvivalSummaryRow[];
  /** Points of other scenarios without a reference point to compare with. */
  unmatched: { scenario: string; point: number }[];
  /** The parameters the batch varies across its points (none: not an experiment). */
  varied: string[];
  /** The rows of points-summary.csv (none when the batch varies no parameter). */
  pointsSummary: PointsSummaryRow[];
  markdown: string;
}

const finiteOr = (x: number): number => (Number.isFinite(x) ? x : NaN);

function finite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v));
}

/** Summary statistics of one point and one outcome. */
export function summarise(
  scenario: string,
  point: number,
  outcome: string,
  raw: readonly number[],
  precision: number,
  bootstrap: number,
  bootstrapSeed: number,
): SummaryRow {
  const values = finite(raw);
  const n = values.length;
  const row: SummaryRow = {
    scenario, point, outcome, n, mean: NaN, sd: NaN, median: NaN, q1: NaN, q3: NaN, iqr: NaN,
    ci_lo: NaN, ci_hi: NaN, boot_lo: NaN, boot_hi: NaN, rel_half_width: NaN, n_needed: NaN, precision,
  };
  if (n === 0) return row;
  const d = describe(values);
  Object.assign(row, { mean: d.mean, sd: d.sd, median: d.median, q1: d.q1, q3: d.q3, iqr: d.iqr });
  if (n < 2) return row;
  const ci = tInterval(values, LEVEL);
  row.ci_lo = ci.lo;
  row.ci_hi = ci.hi;
  if (bootstrap > 0) {
    const b = bootstrapMeanInterval(values, { resamples: bootstrap, seed: `${bootstrapSeed}/${point}/${outcome}`, level: LEVEL });
    row.boot_lo = b.lo;
    row.boot_hi = b.hi;
  }
  // relative precision is undefined when the mean is 0
  if (d.mean !== 0) {
    row.rel_half_width = ci.halfWidth / Math.abs(d.mean);
    row.n_needed = finiteOr(requiredN(values, precision, LEVEL));
  } else if (d.sd === 0) {
    row.rel_half_width = 0;
    row.n_needed = 2;
  }
  return row;
}

/** The reference's spread across runs and the difference measured against it. */
function spread(reference: readonly number[], difference: number): { sd_reference: number; importance: number } {
  const sd = sampleSd(reference);
  const importance = difference === 0 ? 0 : sd > 0 ? Math.abs(difference) / sd : Number.isFinite(difference) ? Infinity : NaN;
  return { sd_reference: sd, importance };
}

/** Comparison of one outcome of `scenario` against `reference` (Holm's p and the verdict filled in later). */
export function compareOutcome(
  spec: MeasureSpec,
  scenario: { name: string; point: number; values: readonly number[] },
  reference: { name: string; values: readonly number[] },
  paired: boolean,
): ComparisonRow {
  const row: ComparisonRow = {
    scenario: scenario.name, reference: reference.name, point: scenario.point, outcome: spec.id, paired, n: 0,
    mean_reference: NaN, mean_scenario: NaN, difference: NaN, ci_lo: NaN, ci_hi: NaN, effect_size: NaN, share_better: NaN,
    diff_p10: NaN, diff_p90: NaN, sd_reference: NaN, importance: NaN, verdict: spec.readBack ? 'input' : 'no-difference',
    test: 'none', statistic: NaN, p: NaN, p_holm: NaN, significant: false,
  };
  const direction = spec.direction === 'neutral' ? null : spec.direction === 'higher';
  if (paired) {
    const ref: number[] = [];
    const alt: number[] = [];
    scenario.values.forEach((v, i) => {
      const r = reference.values[i]!;
      if (Number.isFinite(v) && Number.isFinite(r)) {
        ref.push(r);
        alt.push(v);
      }
    });
    row.n = ref.length;
    if (ref.length > 0) {
      row.mean_reference = mean(ref);
      row.mean_scenario = mean(alt);
      row.difference = row.mean_scenario - row.mean_reference;
    }
    if (ref.length < 2) return row;
    const c = pairedComparison(ref, alt, { higherIsBetter: direction ?? true, level: LEVEL });
    const diffs = alt.map((v, i) => v - ref[i]!);
    Object.assign(row, {
      diff_p10: quantile(diffs, 0.1),
      diff_p90: quantile(diffs, 0.9),
      ...spread(ref, c.meanDifference),
      difference: c.meanDifference,
      ci_lo: c.ci.lo,
      ci_hi: c.ci.hi,
      effect_size: finiteOr(c.effectSize),
      share_better: direction === null ? NaN : c.shareBetter,
      test: 'wilcoxon-signed-rank',
      statistic: c.wilcoxon.v,
      p: c.wilcoxon.p,
    });
    return row;
  }
  const x = finite(scenario.values);
  const y = finite(reference.values);
  row.n = x.length;
  if (x.length > 0) row.mean_scenario = mean(x);
  if (y.length > 0) row.mean_reference = mean(y);
  if (x.length > 0 && y.length > 0) row.difference = row.mean_scenario - row.mean_reference;
  if (x.length < 2 || y.length < 2) return row;
  const w = welchTTest(x, y, LEVEL);
  const mw = mannWhitneyTest(x, y);
  const pooled = Math.sqrt((sampleSd(x) ** 2 + sampleSd(y) ** 2) / 2);
  const superiority = mw.w / (x.length * y.length);
  Object.assign(row, {
    ...spread(y, w.difference),
    ci_lo: w.ci.lo,
    ci_hi: w.ci.hi,
    effect_size: finiteOr(w.difference / pooled),
    share_better: direction === null ? NaN : direction ? superiority : 1 - superiority,
    test: 'mann-whitney',
    statistic: mw.w,
    p: mw.p,
  });
  return row;
}

/** Whether two groups share their replications and seeds, so their runs pair up. */
export function isPaired(a: Group, b: Group): boolean {
  if (a.replications.length !== b.replications.length) return false;
  return a.replications.every((r, i) => r === b.replications[i] && a.seeds[i] === b.seeds[i]);
}

function paramsKey(params: Record<string, number | null>): string {
  return JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]]));
}

/** Compute every table (no files written). Throws UserError on bad options or too few runs. */
export function analyzeData(data: BatchData, options: AnalyzeOptions = {}): Analysis {
  const precision = options.precision ?? DEFAULT_PRECISION;
  const bootstrap = options.bootstrap ?? DEFAULT_BOOTSTRAP;
  const bootstrapSeed = options.bootstrapSeed ?? 1;
  const lang = options.lang ?? 'en';
  const problems: Problem[] = [];
  if (!(precision > 0 && precision < 1)) problems.push({ path: '--precision', expected: 'a relative precision between 0 and 1 (for example 0.05)', found: String(precision) });
  if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) problems.push({ path: '--bootstrap', expected: `a whole number of resamples from 0 to ${MAX_BOOTSTRAP}`, found: String(bootstrap) });
  else {
    const runs = data.groups.reduce((n, g) => n + g.replications.length, 0);
    if (bootstrap * runs > MAX_BOOTSTRAP_DRAWS) {
      problems.push({ path: '--bootstrap', expected: `at most ${MAX_BOOTSTRAP_DRAWS / 1e6} million resampled runs per outcome (resamples x runs; lower --bootstrap or use 0)`, found: `${bootstrap} x ${runs} runs = ${((bootstrap * runs) / 1e6).toFixed(0)} million` });
    }
  }
  const reference = options.reference ?? data.scenarios[0]!;
  if (!data.scenarios.includes(reference)) {
    problems.push({ path: '--reference', expected: `a scenario of this batch (${data.scenarios.join(', ')})`, found: JSON.stringify(reference) });
  }
  for (const g of data.groups) {
    if (g.replications.length < 2) {
      problems.push({
        path: `runs.csv, point ${g.point} (${g.scenario})`,
        expected: 'at least 2 runs per scenario and point for intervals and tests',
        found: `${g.replications.length} run`,
      });
    }
  }
  if (problems.length > 0) throw new UserError(data.dir, problems);

  // summary.csv
  const summary: SummaryRow[] = [];
  for (const g of data.groups) {
    data.outcomes.forEach((o, k) => summary.push(summarise(g.scenario, g.point, o.id, g.values[k]!, precision, bootstrap, bootstrapSeed)));
  }

  // comparison.csv
  const refGroups = data.groups.filter((g) => g.scenario === reference);
  const refByKey = new Map(refGroups.map((g) => [paramsKey(g.params), g] as const));
  const comparison: ComparisonRow[] = [];
  const unmatched: { scenario: string; point: number }[] = [];
  for (const g of data.groups) {
    if (g.scenario === reference) continue;
    const ref = refGroups.length === 1 ? refGroups[0]! : refByKey.get(paramsKey(g.params));
    if (!ref) {
      unmatched.push({ scenario: g.scenario, point: g.point });
      continue;
    }
    const paired = isPaired(g, ref);
    const rows = data.outcomes.map((o, k) =>
      compareOutcome(o, { name: g.scenario, point: g.point, values: g.values[k]! }, { name: reference, values: ref.values[k]! }, paired),
    );
    const adjusted = holmAdjust(rows.map((r) => r.p));
    rows.forEach((r, i) => {
      r.p_holm = adjusted[i]!;
      r.significant = r.p_holm < ALPHA;
      r.verdict = verdictOf(data.outcomes[i]!, r);
    });
    comparison.push(...rows);
  }

  // survival.csv, survival-summary.csv: per spell type, all kinds pooled (`all`) and then each
  // arrangement kind on its own (a network that dissolves when dormant lives by other rules than
  // a GR with a bureau).
  const survival: SurvivalRow[] = [];
  const survivalSummary: SurvivalSummaryRow[] = [];
  const kinds = survivalKinds(data.spells);
  for (const type of SPELL_TYPES) {
    for (const kind of kinds) {
      const spells = data.spells.filter((s) => s.type === type && (kind === ALL_KINDS || s.kind === kind));
      // A kind no run of this type had: no rows (the pooled rows always stay, as before).
      if (kind !== ALL_KINDS && spells.length === 0) continue;
      const byPoint = new Map<number, { times: number[]; events: (0 | 1)[] }>();
      for (const s of spells) {
        let b = byPoint.get(s.point);
        if (!b) byPoint.set(s.point, (b = { times: [], events: [] }));
        b.times.push(s.duration);
        b.events.push(s.ended);
      }
      const withSpells = data.groups.filter((g) => byPoint.has(g.point));
      let lr = { chiSquare: NaN, df: NaN, p: NaN };
      if (withSpells.length >= 2) {
        const times: number[] = [];
        const events: (0 | 1)[] = [];
        const labels: number[] = [];
        for (const g of withSpells) {
          const b = byPoint.get(g.point)!;
          times.push(...b.times);
          events.push(...b.events);
          for (let i = 0; i < b.times.length; i++) labels.push(g.point);
        }
        lr = logRankTest(times, events, labels);
      }
      for (const g of data.groups) {
        const b = byPoint.get(g.point);
        const base = { scenario: g.scenario, point: g.point, type, kind };
        if (!b) {
          survivalSummary.push({ ...base, n: 0, events: 0, median: NaN, median_lo: NaN, median_hi: NaN, logrank_chi2: lr.chiSquare, logrank_df: lr.df, logrank_p: lr.p });
          continue;
        }
        const km = kaplanMeier(b.times, b.events, { level: LEVEL, confType: 'log-log' });
        for (const s of km.steps) {
          survival.push({ ...base, time: s.time, at_risk: s.nRisk, events: s.nEvent, censored: s.nCensor, survival: s.survival, lo: s.lower, hi: s.upper });
        }
        survivalSummary.push({
          ...base, n: km.n, events: km.events, median: km.median.estimate, median_lo: km.median.lower, median_hi: km.median.upper,
          logrank_chi2: lr.chiSquare, logrank_df: lr.df, logrank_p: lr.p,
        });
      }
    }
  }
  // keep survival.csv grouped by point, then type, then kind (all first)
  const pointOrder = new Map(data.groups.map((g, i) => [g.point, i] as const));
  const typeOrder = (t: string): number => (t === 'arrangement' ? 0 : 1);
  const kindOrder = new Map(kinds.map((k, i) => [k, i] as const));
  const byPointType = <T extends { point: number; type: string; kind: string }>(a: T, b: T): number =>
    pointOrder.get(a.point)! - pointOrder.get(b.point)! || typeOrder(a.type) - typeOrder(b.type) || kindOrder.get(a.kind)! - kindOrder.get(b.kind)!;
  survival.sort((a, b) => byPointType(a, b) || a.time - b.time);
  survivalSummary.sort(byPointType);

  const partial = { data, reference, precision, summary, comparison, survival, survivalSummary, unmatched };
  const varied = variedParameters(data.points);
  const pointsSummary = varied.length > 0 ? pointsSummaryRows(data, summary, comparison, varied) : [];
  const markdown = varied.length > 0 ? renderExperimentMarkdown(partial, varied, lang) : renderSummaryMarkdown(partial, lang);
  return { ...partial, varied, pointsSummary, markdown };
}

/** Write the analysis files into `dir` (each atomically). Returns the paths written. */
export function writeAnalysis(dir: string, a: Analysis): string[] {
  const out = (schema: { file: string }): string => join(dir, schema.file);
  writeFileAtomically(out(files.SUMMARY_CSV), toCsvText(files.SUMMARY_CSV, a.summary));
  writeFileAtomically(out(files.COMPARISON_CSV), toCsvText(files.COMPARISON_CSV, a.comparison));
  writeFileAtomically(out(files.SURVIVAL_CSV), toCsvText(files.SURVIVAL_CSV, a.survival));
  writeFileAtomically(out(files.SURVIVAL_SUMMARY_CSV), toCsvText(files.SURVIVAL_SUMMARY_CSV, a.survivalSummary));
  const experiment = a.varied.length > 0 ? [files.POINTS_SUMMARY_CSV] : [];
  if (a.varied.length > 0) writeFileAtomically(out(files.POINTS_SUMMARY_CSV), toCsvText(files.POINTS_SUMMARY_CSV, a.pointsSummary, a.varied));
  const markdown = join(dir, 'summary.md');
  writeFileAtomically(markdown, a.markdown);
  return [files.SUMMARY_CSV, files.COMPARISON_CSV, ...experiment, files.SURVIVAL_CSV, files.SURVIVAL_SUMMARY_CSV].map(out).concat(markdown);
}

/**
 * Analyse a batch directory and write summary.csv, comparison.csv, survival.csv,
 * survival-summary.csv and summary.md into it. Everything is computed before the first file is
 * written, so bad input (UserError) leaves the directory as it was.
 */
export function analyzeBatch(dir: string, options: AnalyzeOptions = {}): Analysis & { files: string[] } {
  const data = loadBatch(dir);
  const where = outputProblem(dir, '(directory)', { kind: 'dir' });
  if (where) throw new UserError(dir, [where]);
  let analysis = analyzeData(data, options);
  // The same comparison across plausible parameters, when `regiosim robustness` (or npm start)
  // put it beside the batch: its section follows the seed-noise comparison in summary.md.
  const named = scenarioNamer(data, options.lang ?? 'en');
  const dock = readDocking(dir);
  if (dock && dock.length > 0) analysis = { ...analysis, markdown: `${analysis.markdown.trimEnd()}\n\n${dockingMarkdown(dock, options.lang ?? 'en', 2, named)}` };
  const rob = readRobustness(options.robustness ?? join(dir, 'robustness'));
  if (rob) analysis = { ...analysis, markdown: `${analysis.markdown.trimEnd()}\n\n${robustnessMarkdown(rob.rows, rob.discovery, rob.meta, options.lang ?? 'en', 2, false, named)}` };
  const files = writeAnalysis(dir, analysis);
  return { ...analysis, files };
}

