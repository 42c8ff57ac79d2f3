/**
 * Two-sample comparisons of independent samples: Welch's t-test and the
 * Mann–Whitney U / Wilcoxon rank-sum test, matching R's `t.test` (default
 * `var.equal = FALSE`) and `wilcox.test` (defaults: `exact = NULL`, `correct = TRUE`).
 * Differences are always x − y, as in R.
 */
import { normalCdf, studentTCdf, studentTQuantile } from './distributions.js';
import { mean } from './descriptive.js';
import { averageRanks } from './ranks.js';

function checkSample(values: readonly number[], minN: number, fn: string, name: string): void {
  if (values.length < minN) throw new RangeError(`${fn}: ${name} needs at least ${minN} value(s), got ${values.length}`);
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: values must be finite numbers, got ${v}`);
  }
}

function sampleVariance(values: readonly number[]): number {
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss / (values.length - 1);
}

/** Result of {@link welchTTest}. */
export interface WelchResult {
  /** t statistic of mean(x) − mean(y). */
  t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  df: number;
  /** Two-sided p-value. */
  p: number;
  meanX: number;
  meanY: number;
  /** mean(x) − mean(y). */
  difference: number;
  /** Standard error of the difference. */
  stdErr: number;
  /** Confidence interval of the difference at `level`. */
  ci: { lo: number; hi: number; level: number };
}

/**
 * Welch's two-sample t-test (unequal variances), as R's `t.test(x, y)`.
 * If both samples have zero variance the statistic is undefined and t, df, p
 * and the interval are NaN (R stops with "data are essentially constant").
 *
 * @param x - first sample, at least two finite values
 * @param y - second sample, at least two finite values
 * @param level - confidence level of the interval, default 0.95
 */
export function welchTTest(x: readonly number[], y: readonly number[], level = 0.95): WelchResult {
  checkSample(x, 2, 'welchTTest', 'x');
  checkSample(y, 2, 'welchTTest', 'y');
  if (!(level > 0 && level < 1)) throw new RangeError(`welchTTest: level must be in (0, 1), got ${level}`);
  const nx = x.length;
  const ny = y.length;
  const meanX = mean(x);
  const meanY = mean(y);
  const sx2 = sampleVariance(x) / nx;
  const sy2 = sampleVariance(y) / ny;
  const se2 = sx2 + sy2;
  const stdErr = Math.sqrt(se2);
  const difference = meanX - meanY;
  if (se2 === 0) {
    return { t: NaN, df: NaN, p: NaN, meanX, meanY, difference, stdErr, ci: { lo: NaN, hi: NaN, level } };
  }
  // Welch–Satterthwaite df, written with variance shares to avoid underflow of se2²
  const wx = sx2 / se2;
  const wy = sy2 / se2;
  const df = 1 / ((wx * wx) / (nx - 1) + (wy * wy) / (ny - 1));
  const t = difference / stdErr;
  const p = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  const half = studentTQuantile((1 + level) / 2, df) * stdErr;
  return { t, df, p, meanX, meanY, difference, stdErr, ci: { lo: difference - half, hi: difference + half, level } };
}

/**
 * Counts of the Mann–Whitney U statistic (number of pairs with x > y) under the
 * null for sample sizes m and n, indexed by u = 0..m·n. Built with the
 * recurrence c(m, n; u) = c(m − 1, n; u − n) + c(m, n − 1; u).
 */
function rankSumCounts(m: number, n: number): Float64Array {
  // prev[j] holds the counts for (i − 1, j); cur[j] for (i, j).
  let prev: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= m; i++) {
    const cur: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n; j++) {
      const len = i * j + 1;
      const arr = new Float64Array(len);
      const a = prev[j]!; // (i − 1, j), length (i − 1)·j + 1, shifted by j
      for (let u = 0; u < a.length; u++) arr[u + j]! += a[u]!;
      const b = cur[j - 1]!; // (i, j − 1), length i·(j − 1) + 1
      for (let u = 0; u < b.length; u++) arr[u]! += b[u]!;
      cur.push(arr);
    }
    prev = cur;
  }
  return prev[n]!;
}

function checkSizes(m: number, n: number, fn: string): void {
  if (!Number.isInteger(m) || m < 1 || !Number.isInteger(n) || n < 1) {
    throw new RangeError(`${fn}: m and n must be positive integers, got ${m}, ${n}`);
  }
}

/**
 * Exact null CDF of the rank-sum statistic W = U, P(W ≤ w), for sample sizes m
 * and n without ties (R's `pwilcox(w, m, n)`).
 *
 * @param w - statistic value (non-integers are floored)
 * @param m - size of the first sample
 * @param n - size of the second sample
 */
export function rankSumCdf(w: number, m: number, n: number): number {
  checkSizes(m, n, 'rankSumCdf');
  const counts = rankSumCounts(m, n);
  let c = 0;
  let total = 0;
  const q = Math.floor(w);
  for (let u = 0; u < counts.length; u++) {
    total += counts[u]!;
    if (u <= q) c += counts[u]!;
  }
  return c / total;
}

/**
 * Exact upper tail of the rank-sum statistic, P(W ≥ w) (R's
 * `pwilcox(w - 1, m, n, lower.tail = FALSE)`), summed directly.
 *
 * @param w - statistic value (non-integers are rounded up)
 * @param m - size of the first sample
 * @param n - size of the second sample
 */
export function rankSumSf(w: number, m: number, n: number): number {
  checkSizes(m, n, 'rankSumSf');
  const counts = rankSumCounts(m, n);
  let c = 0;
  let total = 0;
  const q = Math.ceil(w);
  for (let u = 0; u < counts.length; u++) {
    total += counts[u]!;
    if (u >= q) c += counts[u]!;
  }
  return c / total;
}

/** Result of {@link mannWhitneyTest}. */
export interface RankSumResult {
  /** W as R reports it: rank sum of x minus nx(nx+1)/2 (= Mann–Whitney U of x). */
  w: number;
  /** Two-sided p-value. */
  p: number;
  /** Which computation was used, worded as R's `wilcox.test` reports it. */
  method: 'Wilcoxon rank sum exact test' | 'Wilcoxon rank sum test with continuity correction';
}

/**
 * Mann–Whitney U / Wilcoxon rank-sum test of a location shift between x and y,
 * following R's `wilcox.test(x, y)` defaults: exact p-value when both samples
 * have fewer than 50 values and there are no ties; otherwise the normal
 * approximation with tie-corrected variance and continuity correction.
 * If all values are tied the variance is 0 and p = 1.
 *
 * @param x - first sample, at least one finite value
 * @param y - second sample, at least one finite value
 */
export function mannWhitneyTest(x: readonly number[], y: readonly number[]): RankSumResult {
  checkSample(x, 1, 'mannWhitneyTest', 'x');
  checkSample(y, 1, 'mannWhitneyTest', 'y');
  const m = x.length;
  const n = y.length;
  const { ranks, tieSizes } = averageRanks([...x, ...y]);
  let rx = 0;
  for (let i = 0; i < m; i++) rx += ranks[i]!;
  const w = rx - (m * (m + 1)) / 2;
  const centre = (m * n) / 2;
  if (m < 50 && n < 50 && tieSizes.length === 0) {
    const oneSided = w > centre ? rankSumSf(w, m, n) : rankSumCdf(w, m, n);
    return { w, p: Math.min(1, 2 * oneSided), method: 'Wilcoxon rank sum exact test' };
  }
  let tieSum = 0;
  for (const t of tieSizes) tieSum += t ** 3 - t;
  const N = m + n;
  const sigma = Math.sqrt(((m * n) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  const diff = w - centre;
  const z = (diff - Math.sign(diff) * 0.5) / sigma;
  const p = sigma > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : 1;
  return { w, p, method: 'Wilcoxon rank sum test with continuity correction' };
}
