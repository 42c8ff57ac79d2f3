/**
 * Latin hypercube sampling on the unit cube.
 */
import { createRng, randomPermutation, type Seed } from './random.js';

/**
 * Latin hypercube sample of `n` points in [0, 1)^k (McKay, Beckman & Conover 1979).
 *
 * For every dimension the interval [0, 1) is cut into n strata [i/n, (i+1)/n);
 * each stratum holds exactly one point, placed uniformly at random inside it,
 * and strata are matched across dimensions by independent random permutations.
 * Seeded and deterministic.
 *
 * @param n - number of points, a positive integer
 * @param k - number of dimensions, a positive integer
 * @param seed - seed for the generator
 * @returns n rows of k coordinates
 */
export function latinHypercube(n: number, k: number, seed: Seed): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`latinHypercube: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`latinHypercube: k must be a positive integer, got ${k}`);
  const rng = createRng(seed);
  const points = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const perm = randomPermutation(rng, n);
    for (let i = 0; i < n; i++) {
      const stratum = perm[i]!;
      const lo = stratum / n;
      const hi = (stratum + 1) / n;
      const x = lo + rng() * (hi - lo);
      // rounding could land exactly on the upper edge; keep the point in its stratum
      points[i]![j] = x < hi ? x : lo;
    }
  }
  return points;
}
