/**
 * Variance-based (Sobol) sensitivity analysis with the Saltelli sampling scheme:
 * first-order indices by the Saltelli et al. (2010) estimator and total-order
 * indices by the Jansen (1999) estimator, with bootstrap percentile intervals.
 * Everything works on [0, 1]^k; callers map the columns to parameter ranges.
 */
import { quantileSorted } from 'simple-statistics';
import { latinHypercube } from './lhs.js';
import { createRng, type Seed } from './random.js';

/** Sampling used for the base matrices of {@link saltelliDesign}. */
export type SaltelliSampling = 'random' | 'lhs';

/** Matrices of a Saltelli design; every matrix has n rows and k columns. */
export interface SaltelliDesign {
  k: number;
  n: number;
  /** Base matrix A. */
  a: number[][];
  /** Base matrix B, independent of A. */
  b: number[][];
  /** ab[i] = A with column i taken from B (often written A_B^(i)). */
  ab: number[][][];
}

/**
 * Saltelli design: two independent n×k matrices A and B in [0, 1)^k and, for
 * each parameter i, the matrix A_B^(i) equal to A except column i, which comes
 * from B. The model needs n·(k + 2) evaluations.
 *
 * With `sampling: 'random'` (default) A and B are independent uniform samples;
 * with `'lhs'` they are two independent Latin hypercubes. Seeded and deterministic.
 *
 * @param k - number of parameters (≥ 1)
 * @param n - base sample size (≥ 2)
 * @param seed - seed for the generator
 * @param sampling - 'random' (default) or 'lhs'
 */
export function saltelliDesign(k: number, n: number, seed: Seed, sampling: SaltelliSampling = 'random'): SaltelliDesign {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`saltelliDesign: k must be a positive integer, got ${k}`);
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`saltelliDesign: n must be an integer >= 2, got ${n}`);
  let a: number[][];
  let b: number[][];
  if (sampling === 'lhs') {
    // two independent hypercubes: derive distinct sub-seeds from the seed
    a = latinHypercube(n, k, `${String(seed)}/A`);
    b = latinHypercube(n, k, `${String(seed)}/B`);
  } else {
    const rng = createRng(seed);
    const draw = (): number[][] => Array.from({ length: n }, () => Array.from({ length: k }, () => rng()));
    a = draw();
    b = draw();
  }
  const ab = Array.from({ length: k }, (_, i) =>
    a.map((row, j) => {
      const copy = [...row];
      copy[i] = b[j]![i]!;
      return copy;
    }),
  );
  return { k, n, a, b, ab };
}

/** Options for {@link sobolIndices}. */
export interface SobolOptions {
  /** Number of bootstrap resamples, default 500. */
  bootstrap?: number;
  /** Seed for the bootstrap generator. */
  seed: Seed;
  /** Confidence level of the percentile intervals, default 0.95. */
  level?: number;
}

/** Sobol indices of one parameter. */
export interface SobolIndex {
  parameter: number;
  /** First-order index S1 (Saltelli 2010). */
  s1: number;
  /** Bootstrap percentile interval of S1. */
  s1Lo: number;
  s1Hi: number;
  /** Total-order index ST (Jansen 1999). */
  st: number;
  /** Bootstrap percentile interval of ST. */
  stLo: number;
  stHi: number;
}

/**
 * Estimate S1 and ST for one parameter on the rows listed in `idx` (a bootstrap
 * resample, or all rows). V is the population variance of the pooled f(A), f(B).
 */
function estimate(
  yA: readonly number[],
  yB: readonly number[],
  yABi: readonly number[],
  idx: ArrayLike<number>,
  variance: number,
): { s1: number; st: number } {
  const n = idx.length;
  let first = 0;
  let total = 0;
  for (let m = 0; m < n; m++) {
    const j = idx[m]!;
    const fa = yA[j]!;
    const fab = yABi[j]!;
    first += yB[j]! * (fab - fa);
    total += (fa - fab) * (fa - fab);
  }
  return { s1: first / n / variance, st: total / (2 * n) / variance };
}

function pooledVariance(yA: readonly number[], yB: readonly number[], idx: ArrayLike<number>): number {
  const n = idx.length;
  let s = 0;
  for (let m = 0; m < n; m++) s += yA[idx[m]!]! + yB[idx[m]!]!;
  const mean = s / (2 * n);
  let ss = 0;
  for (let m = 0; m < n; m++) {
    ss += (yA[idx[m]!]! - mean) ** 2 + (yB[idx[m]!]! - mean) ** 2;
  }
  return ss / (2 * n);
}

/**
 * Sobol indices from outputs on a {@link saltelliDesign}.
 *
 * With V the (population) variance of all f(A) and f(B) values,
 * - first order (Saltelli et al. 2010, table 2 (b)):
 *   S1ᵢ = (1/n) Σⱼ f(B)ⱼ · (f(A_B^(i))ⱼ − f(A)ⱼ) / V;
 * - total order (Jansen 1999): STᵢ = (1/(2n)) Σⱼ (f(A)ⱼ − f(A_B^(i))ⱼ)² / V.
 *
 * Throws when all outputs on A and B are equal (V = 0).
 *
 * Intervals: percentile bootstrap over the n rows (the same row resample for
 * all parameters; V recomputed per resample), seeded and deterministic.
 *
 * @param yA - outputs on A (length n)
 * @param yB - outputs on B (length n)
 * @param yAB - yAB[i] = outputs on A_B^(i) (k arrays of length n)
 * @param options - bootstrap (default 500), seed, level (default 0.95)
 */
export function sobolIndices(
  yA: readonly number[],
  yB: readonly number[],
  yAB: readonly (readonly number[])[],
  options: SobolOptions,
): SobolIndex[] {
  const n = yA.length;
  const resamples = options.bootstrap ?? 500;
  const level = options.level ?? 0.95;
  if (n < 2) throw new RangeError(`sobolIndices: need at least 2 rows, got ${n}`);
  if (yB.length !== n || yAB.some((y) => y.length !== n)) {
    throw new RangeError('sobolIndices: yA, yB and every yAB[i] must have the same length');
  }
  if (yAB.length < 1) throw new RangeError('sobolIndices: yAB must hold one output array per parameter');
  for (const y of [yA, yB, ...yAB]) {
    for (const v of y) if (!Number.isFinite(v)) throw new RangeError(`sobolIndices: outputs must be finite, got ${v}`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`sobolIndices: bootstrap must be a positive integer, got ${resamples}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`sobolIndices: level must be in (0, 1), got ${level}`);

  const all = Uint32Array.from({ length: n }, (_, j) => j);
  const v = pooledVariance(yA, yB, all);
  if (v === 0) throw new RangeError('sobolIndices: outputs on A and B are constant, indices are undefined');
  const point = yAB.map((yi) => estimate(yA, yB, yi, all, v));

  const rng = createRng(options.seed);
  const bootS1 = yAB.map(() => new Array<number>(resamples));
  const bootST = yAB.map(() => new Array<number>(resamples));
  const idx = new Uint32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let m = 0; m < n; m++) idx[m] = Math.floor(rng() * n);
    const vb = pooledVariance(yA, yB, idx);
    yAB.forEach((yi, i) => {
      const e = estimate(yA, yB, yi, idx, vb);
      bootS1[i]![b] = e.s1;
      bootST[i]![b] = e.st;
    });
  }
  const pLo = (1 - level) / 2;
  const pHi = (1 + level) / 2;
  return point.map((e, i) => {
    const s1 = bootS1[i]!.sort((x, y) => x - y);
    const st = bootST[i]!.sort((x, y) => x - y);
    return {
      parameter: i,
      s1: e.s1,
      s1Lo: quantileSorted(s1, pLo),
      s1Hi: quantileSorted(s1, pHi),
      st: e.st,
      stLo: quantileSorted(st, pLo),
      stHi: quantileSorted(st, pHi),
    };
  });
}
