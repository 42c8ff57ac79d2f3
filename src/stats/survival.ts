/**
 * Time-to-event analysis with right censoring: the Kaplan–Meier estimator with
 * Greenwood standard errors and log-log confidence bands, survival quantiles
 * (median) with Brookmeyer–Crowley intervals, and the k-sample log-rank test.
 * Conventions follow R's `survival` package (`survfit(..., conf.type = "log-log")`,
 * `quantile.survfit`, `survdiff(rho = 0)`).
 *
 * An event indicator of `true`/`1` means the event happened at that time,
 * `false`/`0` means the observation was right-censored then. Observations
 * censored at an event time are counted as still at risk at that time.
 */
import { chiSquareSf, normalQuantile } from './distributions.js';

/** Event indicator: true or 1 for an event, false or 0 for a censored observation. */
export type EventIndicator = boolean | 0 | 1;

/** One row of the Kaplan–Meier table, one per distinct observed time. */
export interface KaplanMeierStep {
  time: number;
  /** Number at risk just before `time`. */
  nRisk: number;
  /** Events at `time`. */
  nEvent: number;
  /** Censored observations at `time`. */
  nCensor: number;
  /** Kaplan–Meier survival S(time). */
  survival: number;
  /**
   * Greenwood standard error of S: S·√Σ d/(n(n−d)) (what R's
   * `summary(survfit)` prints). NaN once S = 0.
   */
  stdErr: number;
  /**
   * Lower confidence limit. Log-log: S^exp(z·σ/|log S|) with σ = √Σ d/(n(n−d));
   * log: S·exp(−z·σ). Equal to 1 while S = 1; NaN once S = 0 (R reports NA).
   */
  lower: number;
  /** Upper confidence limit. Log-log: S^exp(−z·σ/|log S|); log: min(1, S·exp(z·σ)). 1 while S = 1; NaN once S = 0. */
  upper: number;
}

/** A survival-time quantile with its confidence interval (NaN = not reached). */
export interface SurvivalQuantile {
  /** Probability p: the quantile is where S first reaches 1 − p (0.5 for the median). */
  prob: number;
  estimate: number;
  lower: number;
  upper: number;
}

/** Transform for the pointwise confidence bands (R's `conf.type`). */
export type ConfType = 'log-log' | 'log';

/** Options for {@link kaplanMeier}. */
export interface KaplanMeierOptions {
  /** Confidence level of the bands, default 0.95. */
  level?: number;
  /**
   * Band transform, default 'log-log' (R `conf.type = "log-log"`); 'log' gives
   * R's default `conf.type = "log"`: S·exp(∓z·σ), upper capped at 1.
   */
  confType?: ConfType;
}

/** Result of {@link kaplanMeier}. */
export interface KaplanMeierResult {
  /** Number of observations. */
  n: number;
  /** Total number of events. */
  events: number;
  /** Confidence level of the bands. */
  level: number;
  /** Band transform used. */
  confType: ConfType;
  /** One step per distinct time (event or censoring), ascending. */
  steps: KaplanMeierStep[];
  /** Median survival with its confidence interval; NaN where not reached. */
  median: SurvivalQuantile;
}

function isEvent(e: EventIndicator): boolean {
  return e === true || e === 1;
}

function checkSurvivalInput(times: readonly number[], events: readonly EventIndicator[], fn: string): void {
  if (times.length !== events.length) {
    throw new RangeError(`${fn}: times and events must have equal length (${times.length} vs ${events.length})`);
  }
  if (times.length === 0) throw new RangeError(`${fn}: needs at least one observation`);
  for (const t of times) {
    if (!Number.isFinite(t)) throw new RangeError(`${fn}: times must be finite numbers, got ${t}`);
  }
  for (const e of events) {
    if (e !== true && e !== false && e !== 0 && e !== 1) {
      throw new RangeError(`${fn}: events must be boolean or 0/1, got ${String(e)}`);
    }
  }
}

/**
 * Kaplan–Meier estimate of the survival function from right-censored data, with
 * Greenwood standard errors, log-log (default) or log confidence bands and the
 * median survival time with its confidence interval (see {@link survivalQuantile}).
 *
 * @param times - observed times (event or censoring)
 * @param events - event indicators aligned with `times`
 * @param options - level (default 0.95), confType (default 'log-log')
 */
export function kaplanMeier(
  times: readonly number[],
  events: readonly EventIndicator[],
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  checkSurvivalInput(times, events, 'kaplanMeier');
  const level = options.level ?? 0.95;
  const confType = options.confType ?? 'log-log';
  if (!(level > 0 && level < 1)) throw new RangeError(`kaplanMeier: level must be in (0, 1), got ${level}`);
  const z = normalQuantile((1 + level) / 2);
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  const steps: KaplanMeierStep[] = [];
  let nRisk = times.length;
  let s = 1;
  let greenwood = 0;
  let totalEvents = 0;
  let i = 0;
  while (i < order.length) {
    const time = times[order[i]!]!;
    let nEvent = 0;
    let nCensor = 0;
    while (i < order.length && times[order[i]!] === time) {
      if (isEvent(events[order[i]!]!)) nEvent++;
      else nCensor++;
      i++;
    }
    if (nEvent > 0) {
      s *= 1 - nEvent / nRisk;
      greenwood += nRisk === nEvent ? Infinity : nEvent / (nRisk * (nRisk - nEvent));
    }
    totalEvents += nEvent;
    let stdErr: number;
    let lower: number;
    let upper: number;
    if (s === 0) {
      stdErr = NaN;
      lower = NaN;
      upper = NaN;
    } else if (s === 1) {
      stdErr = 0;
      lower = 1;
      upper = 1;
    } else {
      const sigma = Math.sqrt(greenwood);
      stdErr = s * sigma;
      if (confType === 'log') {
        lower = s * Math.exp(-z * sigma);
        upper = Math.min(1, s * Math.exp(z * sigma));
      } else {
        const w = (z * sigma) / Math.abs(Math.log(s));
        lower = s ** Math.exp(w);
        upper = s ** Math.exp(-w);
      }
    }
    steps.push({ time, nRisk, nEvent, nCensor, survival: s, stdErr, lower, upper });
    nRisk -= nEvent + nCensor;
  }
  const partial = { n: times.length, events: totalEvents, level, confType, steps };
  return { ...partial, median: survivalQuantile(partial, 0.5) };
}

/** Tolerance for recognising a flat at exactly the requested level (R: √ machine epsilon). */
const QUANTILE_TOL = Math.sqrt(2.220446049250313e-16);

/**
 * Time at which the curve 1 − y (y = survival-like values at `xs`, starting at
 * (0, 1)) first reaches `prob`, using R's `quantile.survfit` rules: if the curve
 * has a flat exactly at the level (within √eps), the midpoint of the flat;
 * NaN if the level is never reached. NaN curve values are skipped.
 */
function findQuantile(xs: readonly number[], ys: readonly number[], prob: number): number {
  const target = 1 - prob;
  const xmax = xs.length > 0 ? xs[xs.length - 1]! : 0;
  // curve points including the start (time 0, survival 1); drop NaN and
  // repeated values (censoring steps), keeping the first occurrence
  const px: number[] = [0];
  const py: number[] = [1];
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i]!;
    if (Number.isNaN(y) || y === py[py.length - 1]) continue;
    px.push(xs[i]!);
    py.push(y);
  }
  if (prob === 0) return px[0]!;
  const i1 = py.findIndex((y) => y <= target + QUANTILE_TOL);
  if (i1 < 0) return NaN;
  const i2 = py.findIndex((y) => y <= target - QUANTILE_TOL);
  if (i2 >= 0) return (px[i1]! + px[i2]!) / 2;
  // the curve ends on a flat at exactly the level: midpoint up to the last time
  if (Math.abs(py[py.length - 1]! - target) < QUANTILE_TOL) return (px[i1]! + xmax) / 2;
  return NaN;
}

/**
 * Survival-time quantile from a Kaplan–Meier fit, with the Brookmeyer–Crowley
 * style interval that R's `quantile.survfit` reports: the estimate is the first
 * time at which S ≤ 1 − prob, the lower limit the first time the lower band is
 * ≤ 1 − prob, the upper limit the first time the upper band is. A flat exactly at
 * 1 − prob gives the midpoint of the flat. NaN where a curve never reaches the level.
 *
 * @param km - result of {@link kaplanMeier} (only `steps` is used)
 * @param prob - probability in [0, 1], 0.5 for the median
 */
export function survivalQuantile(km: Pick<KaplanMeierResult, 'steps'>, prob: number): SurvivalQuantile {
  if (!(prob >= 0 && prob <= 1)) throw new RangeError(`survivalQuantile: prob must be in [0, 1], got ${prob}`);
  const xs = km.steps.map((s) => s.time);
  return {
    prob,
    estimate: findQuantile(xs, km.steps.map((s) => s.survival), prob),
    lower: findQuantile(xs, km.steps.map((s) => s.lower), prob),
    upper: findQuantile(xs, km.steps.map((s) => s.upper), prob),
  };
}

/** Per-group totals of {@link logRankTest}. */
export interface LogRankGroup {
  group: string | number;
  n: number;
  observed: number;
  expected: number;
}

/** Result of {@link logRankTest}. */
export interface LogRankResult {
  chiSquare: number;
  df: number;
  p: number;
  /** Groups in order of first appearance in the input. */
  groups: LogRankGroup[];
}

/**
 * Solve A·x = b by Gaussian elimination with partial pivoting; returns null
 * when A is (numerically) singular.
 */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  let scale = 0;
  for (const row of a) for (const v of row) scale = Math.max(scale, Math.abs(v));
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    if (Math.abs(m[piv]![c]!) <= 1e-12 * scale) return null;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/**
 * Log-rank (Mantel–Haenszel) test of equal survival in k ≥ 2 groups, as R's
 * `survdiff(Surv(time, status) ~ group)` with rho = 0: at every distinct event
 * time the observed events per group are compared with their hypergeometric
 * expectation; the statistic is (O − E)ᵀ V⁻ (O − E) over the groups with
 * positive expectation (dropping one, which makes V invertible), with
 * df = (number of such groups) − 1.
 *
 * @param times - observed times
 * @param events - event indicators aligned with `times`
 * @param groups - group label of each observation (at least two distinct labels)
 */
export function logRankTest(
  times: readonly number[],
  events: readonly EventIndicator[],
  groups: readonly (string | number)[],
): LogRankResult {
  checkSurvivalInput(times, events, 'logRankTest');
  if (groups.length !== times.length) {
    throw new RangeError(`logRankTest: groups must align with times (${groups.length} vs ${times.length})`);
  }
  const labels: (string | number)[] = [];
  const labelIndex = new Map<string | number, number>();
  const g = groups.map((label) => {
    let idx = labelIndex.get(label);
    if (idx === undefined) {
      idx = labels.length;
      labelIndex.set(label, idx);
      labels.push(label);
    }
    return idx;
  });
  const k = labels.length;
  if (k < 2) throw new RangeError('logRankTest: needs at least two groups');

  const atRisk = new Array<number>(k).fill(0);
  for (const gi of g) atRisk[gi]!++;
  const sizes = [...atRisk];
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));

  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  let i = 0;
  while (i < order.length) {
    const time = times[order[i]!]!;
    const dg = new Array<number>(k).fill(0);
    const leaving = new Array<number>(k).fill(0);
    while (i < order.length && times[order[i]!] === time) {
      const idx = order[i]!;
      if (isEvent(events[idx]!)) dg[g[idx]!]!++;
      leaving[g[idx]!]!++;
      i++;
    }
    const d = dg.reduce((a, b) => a + b, 0);
    const n = atRisk.reduce((a, b) => a + b, 0);
    if (d > 0) {
      for (let a = 0; a < k; a++) {
        observed[a]! += dg[a]!;
        expected[a]! += (d * atRisk[a]!) / n;
      }
      if (n > 1) {
        const f = (d * (n - d)) / (n - 1);
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) {
            const pa = atRisk[a]! / n;
            const pb = atRisk[b]! / n;
            variance[a]![b]! += f * pa * ((a === b ? 1 : 0) - pb);
          }
        }
      }
    }
    for (let a = 0; a < k; a++) atRisk[a]! -= leaving[a]!;
  }

  const groupsOut = labels.map((label, a) => ({ group: label, n: sizes[a]!, observed: observed[a]!, expected: expected[a]! }));
  const used = labels.map((_, a) => a).filter((a) => expected[a]! > 0);
  const df = used.length - 1;
  if (df < 1) return { chiSquare: 0, df: 0, p: 1, groups: groupsOut };
  const keep = used.slice(0, -1);
  const v = keep.map((a) => keep.map((b) => variance[a]![b]!));
  const oe = keep.map((a) => observed[a]! - expected[a]!);
  const x = solve(v, oe);
  if (x === null) return { chiSquare: NaN, df, p: NaN, groups: groupsOut };
  let chiSquare = 0;
  for (let a = 0; a < keep.length; a++) chiSquare += x[a]! * oe[a]!;
  return { chiSquare, df, p: chiSquareSf(chiSquare, df), groups: groupsOut };
}
