/**
 * Seeded pseudo-random helpers shared by the statistics library.
 *
 * All randomness in `src/stats` flows through {@link createRng}, which
 * wraps seedrandom's Alea generator (fast enough for thousands of bootstrap resamples). The same seed always yields the same
 * stream, so every resampling or design routine is reproducible.
 */
import seedrandom from 'seedrandom';

/** A generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Seed accepted by the library: any string or finite number (converted with `String`). */
export type Seed = string | number;

/**
 * Create a deterministic uniform [0, 1) generator from a seed.
 *
 * @param seed - string or number; numbers are converted with `String(seed)`,
 *   so `1` and `'1'` give the same stream.
 */
export function createRng(seed: Seed): Rng {
  const prng = seedrandom.alea(String(seed));
  return () => prng.double();
}

/**
 * Uniform integer in `[0, n)`.
 *
 * @param rng - generator from {@link createRng}
 * @param n - exclusive upper bound, a positive integer
 */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(`randomInt: n must be a positive integer, got ${n}`);
  }
  const i = Math.floor(rng() * n);
  // Guard against a generator value that rounds up to n (cannot happen for
  // values strictly below 1, kept as a cheap safety net).
  return i < n ? i : n - 1;
}

/**
 * Uniformly random permutation of `0..n-1` (Fisher–Yates).
 *
 * @param rng - generator from {@link createRng}
 * @param n - length of the permutation, a non-negative integer
 */
export function randomPermutation(rng: Rng, n: number): number[] {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`randomPermutation: n must be a non-negative integer, got ${n}`);
  }
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = tmp;
  }
  return perm;
}
