/**
 * Paired comparison of two aligned samples (e.g. the same seeds run under a
 * reference and an alternative governance structure).
 */
import { normalCdf, studentTQuantile } from './distributions.js';
import { mean, sampleSd } from './descriptive.js';
import { averageRanks } from './ranks.js';

/** Result of {@link wilcoxonSignedRank}. */
export interface SignedRankResult {
  /** V: sum of the ranks of the positive differences (R's statistic). */
  v: number;
  /** Two-sided p-value. */
  p: number;
  /** Number of non-zero differences actually ranked. */
  n: number;
  /** Which computation was used, worded as R's `wilcox.test` reports it. */
  method:
    | 'Wilcoxon signed rank exact test'
    | 'Wilcoxon signed rank test with continuity correction'
    | 'no non-zero differences';
}

/** Number of subsets of {1..n} with each possible sum 0..n(n+1)/2. */
function signedRankCounts(n: number): Float64Array {
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = (k * (k + 1)) / 2; s >= k; s--) counts[s]! += counts[s - k]!;
  }
  return counts;
}

function checkN(n: number, fn: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${fn}: n must be a positive integer, got ${n}`);
}

/**
 * Exact null CDF of the signed-rank statistic, P(V ≤ v), for n untied non-zero
 * differences (R's `psignrank(v, n)`). Counts subsets of {1..n} by their sum;
 * counts are exact in double precision for n < 50.
 *
 * @param v - statistic value (non-integers are floored)
 * @param n - number of differences, a positive integer
 */
export function signedRankCdf(v: number, n: number): number {
  checkN(n, 'signedRankCdf');
  const counts = signedRankCounts(n);
  const q = Math.min(Math.floor(v), counts.length - 1);
  let c = 0;
  for (let s = 0; s <= q; s++) c += counts[s]!;
  return c / 2 ** n;
}

/**
 * Exact upper tail of the signed-rank statistic, P(V ≥ v) (R's
 * `psignrank(v - 1, n, lower.tail = FALSE)`), summed directly to avoid cancellation.
 *
 * @param v - statistic value (non-integers are rounded up)
 * @param n - number of differences, a positive integer
 */
export function signedRankSf(v: number, n: number): number {
  checkN(n, 'signedRankSf');
  const counts = signedRankCounts(n);
  let c = 0;
  for (let s = Math.max(0, Math.ceil(v)); s < counts.length; s++) c += counts[s]!;
  return c / 2 ** n;
}

/**
 * Wilcoxon signed-rank test of `alternative − reference` against a zero
 * location shift, following R's `wilcox.test(alternative, reference, paired = TRUE)`
 * with its defaults:
 * - zero differences are dropped;
 * - ranks of |d| with ties averaged;
 * - exact p-value when fewer than 50 non-zero differences, no ties and no zeros;
 * - otherwise the normal approximation with tie-corrected variance and continuity correction.
 *
 * When every difference is zero, V = 0 and p = 1 (R reports NaN).
 *
 * @param reference - reference outcomes
 * @param alternative - alternative outcomes, aligned with `reference`
 */
export function wilcoxonSignedRank(reference: readonly number[], alternative: readonly number[]): SignedRankResult {
  checkPaired(reference, alternative, 1, 'wilcoxonSignedRank');
  const all = alternative.map((a, i) => a - reference[i]!);
  const d = all.filter((x) => x !== 0);
  const hasZeros = d.length !== all.length;
  const n = d.length;
  if (n === 0) return { v: 0, p: 1, n: 0, method: 'no non-zero differences' };
  const { ranks, tieSizes } = averageRanks(d.map(Math.abs));
  let v = 0;
  for (let i = 0; i < n; i++) if (d[i]! > 0) v += ranks[i]!;
  const centre = (n * (n + 1)) / 4;
  if (n < 50 && tieSizes.length === 0 && !hasZeros) {
    const oneSided = v > centre ? signedRankSf(v, n) : signedRankCdf(v, n);
    return { v, p: Math.min(1, 2 * oneSided), n, method: 'Wilcoxon signed rank exact test' };
  }
  let tieSum = 0;
  for (const t of tieSizes) tieSum += t ** 3 - t;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  const diff = v - centre;
  const z = (diff - Math.sign(diff) * 0.5) / sigma;
  const p = sigma > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : 1;
  return { v, p, n, method: 'Wilcoxon signed rank test with continuity correction' };
}

/** Result of {@link pairedComparison}. */
export interface PairedComparison {
  /** Number of pairs. */
  n: number;
  /** Mean of (alternative − reference). */
  meanDifference: number;
  /** Sample sd (n − 1) of the differences. */
  sdDifference: number;
  /** t interval of the mean difference at `level` (default 0.95). */
  ci: { lo: number; hi: number; level: number };
  /**
   * Cohen's d_z = meanDifference / sdDifference (NaN when both are 0,
   * ±Infinity when only the sd is 0).
   */
  effectSize: number;
  /**
   * Share of pairs in which the alternative is better (higher when
   * `higherIsBetter`, lower otherwise); ties count one half.
   */
  shareBetter: number;
  /** Wilcoxon signed-rank test of the differences. */
  wilcoxon: SignedRankResult;
}

/** Options for {@link pairedComparison}. */
export interface PairedOptions {
  /** Whether larger outcomes are better (default true). */
  higherIsBetter?: boolean;
  /** Confidence level of the interval (default 0.95). */
  level?: number;
}

function checkPaired(a: readonly number[], b: readonly number[], minN: number, fn: string): void {
  if (a.length !== b.length) throw new RangeError(`${fn}: arrays must have equal length (${a.length} vs ${b.length})`);
  if (a.length < minN) throw new RangeError(`${fn}: needs at least ${minN} pair(s), got ${a.length}`);
  for (const v of [...a, ...b]) {
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: values must be finite numbers, got ${v}`);
  }
}

/**
 * Paired comparison of `alternative` against `reference` (differences are
 * alternative − reference): mean and sd of the differences, t interval,
 * Cohen's d_z, share of pairs where the alternative is better, and the
 * Wilcoxon signed-rank test.
 *
 * @param reference - reference outcomes (at least two)
 * @param alternative - alternative outcomes, aligned with `reference`
 * @param options - higherIsBetter (default true), level (default 0.95)
 */
export function pairedComparison(
  reference: readonly number[],
  alternative: readonly number[],
  options: PairedOptions = {},
): PairedComparison {
  checkPaired(reference, alternative, 2, 'pairedComparison');
  const higherIsBetter = options.higherIsBetter ?? true;
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`pairedComparison: level must be in (0, 1), got ${level}`);
  const n = reference.length;
  const d = alternative.map((a, i) => a - reference[i]!);
  const meanDifference = mean(d);
  const sdDifference = sampleSd(d);
  const half = (studentTQuantile((1 + level) / 2, n - 1) * sdDifference) / Math.sqrt(n);
  let better = 0;
  for (const x of d) {
    if (x === 0) better += 0.5;
    else if (higherIsBetter ? x > 0 : x < 0) better += 1;
  }
  return {
    n,
    meanDifference,
    sdDifference,
    ci: { lo: meanDifference - half, hi: meanDifference + half, level },
    effectSize: meanDifference / sdDifference,
    shareBetter: better / n,
    wilcoxon: wilcoxonSignedRank(reference, alternative),
  };
}
