/**
 * Intervals for a proportion.
 */
import { normalQuantile } from './distributions.js';

export interface ProportionInterval {
  share: number;
  lo: number;
  hi: number;
  level: number;
}

/**
 * Wilson score interval for a binomial proportion k / n (Wilson 1927): the set of p for which
 * |k/n − p| ≤ z·√(p(1−p)/n), z the (1 + level)/2 normal quantile. Unlike the Wald interval it
 * stays inside [0, 1] and is sensible at k = 0 or k = n.
 *
 *   centre = (k/n + z²/(2n)) / (1 + z²/n),  half = z/(1 + z²/n) · √(k/n·(1−k/n)/n + z²/(4n²))
 *
 * @param k - successes, a whole number from 0 to n
 * @param n - trials, a positive whole number
 */
export function wilsonInterval(k: number, n: number, level = 0.95): ProportionInterval {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`wilsonInterval: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`wilsonInterval: k must be a whole number from 0 to n, got ${k}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`wilsonInterval: level must lie in (0, 1), got ${level}`);
  const z = normalQuantile((1 + level) / 2);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { share: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half), level };
}

/**
 * The number of trials for which the Wilson interval of a proportion near `share` has at most
 * the half-width `halfWidth` (the smallest such n, searched upward from 1).
 */
export function trialsForHalfWidth(share: number, halfWidth: number, level = 0.95, maxN = 1_000_000): number {
  if (!(halfWidth > 0 && halfWidth < 0.5)) throw new RangeError(`trialsForHalfWidth: halfWidth must lie in (0, 0.5), got ${halfWidth}`);
  const p = Math.min(1, Math.max(0, share));
  for (let n = 1; n <= maxN; n++) {
    const iv = wilsonInterval(Math.round(p * n), n, level);
    if ((iv.hi - iv.lo) / 2 <= halfWidth) return n;
  }
  return maxN;
}
