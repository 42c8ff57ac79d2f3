/**
 * Descriptive statistics and intervals for the mean of replicate outcomes.
 *
 * Quantile definition used throughout: R type 7 (also numpy's default "linear"
 * and simple-statistics `quantileSorted`): for sorted x₀ ≤ … ≤ x_{n−1}, the
 * p-quantile is x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋) with h = (n − 1)p.
 */
import { quantileSorted } from 'simple-statistics';
import { studentTQuantile } from './distributions.js';
import { createRng, type Seed } from './random.js';

/** Summary of a sample, see {@link describe}. */
export interface Description {
  n: number;
  mean: number;
  /** Sample standard deviation (denominator n − 1); NaN when n = 1. */
  sd: number;
  median: number;
  /** First quartile (R type 7). */
  q1: number;
  /** Third quartile (R type 7). */
  q3: number;
  /** q3 − q1. */
  iqr: number;
  min: number;
  max: number;
}

/** A two-sided interval for a mean. */
export interface MeanInterval {
  mean: number;
  lo: number;
  hi: number;
  /** (hi − lo) / 2 for symmetric intervals. */
  halfWidth: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
}

function checkValues(values: readonly number[], minN: number, fn: string): void {
  if (values.length < minN) {
    throw new RangeError(`${fn}: needs at least ${minN} value(s), got ${values.length}`);
  }
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: values must be finite numbers, got ${v}`);
  }
}

function checkLevel(level: number, fn: string): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be in (0, 1), got ${level}`);
}

/** Arithmetic mean (plain summation). */
export function mean(values: readonly number[]): number {
  checkValues(values, 1, 'mean');
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample standard deviation with denominator n − 1 (two-pass); NaN for n = 1. */
export function sampleSd(values: readonly number[]): number {
  const m = mean(values);
  if (values.length < 2) return NaN;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (values.length - 1));
}

/**
 * Describe a sample: n, mean, sample sd, median, quartiles (R type 7), IQR, min, max.
 *
 * @param values - at least one finite number
 */
export function describe(values: readonly number[]): Description {
  checkValues(values, 1, 'describe');
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  return {
    n: values.length,
    mean: mean(values),
    sd: sampleSd(values),
    median: quantileSorted(sorted, 0.5),
    q1,
    q3,
    iqr: q3 - q1,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** The p-quantile (0 ≤ p ≤ 1) of at least one finite number, by the interpolation above. */
export function quantile(values: readonly number[], p: number): number {
  checkValues(values, 1, 'quantile');
  return quantileSorted([...values].sort((a, b) => a - b), p);
}

/**
 * Student t confidence interval for the mean: mean ± t_{(1+level)/2, n−1} · sd / √n.
 *
 * @param values - at least two finite numbers
 * @param level - confidence level in (0, 1), default 0.95
 */
export function tInterval(values: readonly number[], level = 0.95): MeanInterval {
  checkValues(values, 2, 'tInterval');
  checkLevel(level, 'tInterval');
  const n = values.length;
  const m = mean(values);
  const halfWidth = (studentTQuantile((1 + level) / 2, n - 1) * sampleSd(values)) / Math.sqrt(n);
  return { mean: m, lo: m - halfWidth, hi: m + halfWidth, halfWidth, level };
}

/**
 * Half-width of the t interval relative to the absolute mean: halfWidth / |mean|
 * (Infinity when the mean is 0 and the half-width is positive).
 *
 * @param values - at least two finite numbers
 * @param level - confidence level, default 0.95
 */
export function relativeHalfWidth(values: readonly number[], level = 0.95): number {
  const ci = tInterval(values, level);
  return ci.halfWidth / Math.abs(ci.mean);
}

/**
 * Smallest total sample size n ≥ 2 for which the t interval half-width,
 * t_{(1+level)/2, n−1} · s / √n, is at most `relativePrecision · |mean|`, taking
 * the sample mean and sd of `values` as planning values.
 *
 * Iterates on the t quantile: starts at the normal-theory size ⌈(z·s / (r·|m|))²⌉
 * (a lower bound, since t > z) and increases n until the criterion holds. The
 * result may be smaller than `values.length` when the current sample is already
 * precise enough. Returns Infinity when the mean is 0 (and sd > 0), and 2 when sd = 0.
 *
 * @param values - pilot sample, at least two finite numbers
 * @param relativePrecision - target half-width as a fraction of |mean|, > 0 (e.g. 0.05)
 * @param level - confidence level, default 0.95
 */
export function requiredN(values: readonly number[], relativePrecision: number, level = 0.95): number {
  checkValues(values, 2, 'requiredN');
  checkLevel(level, 'requiredN');
  if (!(relativePrecision > 0)) {
    throw new RangeError(`requiredN: relativePrecision must be > 0, got ${relativePrecision}`);
  }
  const s = sampleSd(values);
  const target = relativePrecision * Math.abs(mean(values));
  if (s === 0) return 2;
  if (target === 0) return Infinity;
  const pTail = (1 + level) / 2;
  const z = studentTQuantile(pTail, Infinity);
  let n = Math.max(2, Math.ceil(((z * s) / target) ** 2));
  while ((studentTQuantile(pTail, n - 1) * s) / Math.sqrt(n) > target) n++;
  return n;
}

/** Options for {@link bootstrapMeanInterval}. */
export interface BootstrapOptions {
  /** Number of bootstrap resamples, default 2000. */
  resamples?: number;
  /** Seed for the resampling generator (required for reproducibility). */
  seed: Seed;
  /** Confidence level, default 0.95. */
  level?: number;
}

/**
 * Percentile bootstrap interval for the mean: draws `resamples` samples of size n
 * with replacement (seeded, deterministic), and returns the (1−level)/2 and
 * (1+level)/2 type-7 quantiles of the resampled means. `halfWidth` is (hi − lo)/2
 * (the interval need not be symmetric around the mean).
 *
 * @param values - at least one finite number
 * @param options - resamples (default 2000), seed, level (default 0.95)
 */
export function bootstrapMeanInterval(values: readonly number[], options: BootstrapOptions): MeanInterval {
  checkValues(values, 1, 'bootstrapMeanInterval');
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  checkLevel(level, 'bootstrapMeanInterval');
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`bootstrapMeanInterval: resamples must be a positive integer, got ${resamples}`);
  }
  const rng = createRng(options.seed);
  const n = values.length;
  const means = new Array<number>(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(rng() * n)]!;
    means[b] = s / n;
  }
  means.sort((a, b) => a - b);
  const lo = quantileSorted(means, (1 - level) / 2);
  const hi = quantileSorted(means, (1 + level) / 2);
  return { mean: mean(values), lo, hi, halfWidth: (hi - lo) / 2, level };
}
