/**
 * Morris (1991) elementary-effects screening with the trajectory design of
 * Campolongo, Cariboni & Saltelli (2007): r random one-at-a-time trajectories on
 * a p-level grid of the unit cube, from which the mean (mu), mean absolute value
 * (mu*) and standard deviation (sigma) of each parameter's elementary effects
 * are estimated. Everything works on [0, 1]^k; callers rescale parameters (and,
 * if wanted, the effects) to their own ranges.
 */
import { createRng, randomInt, randomPermutation, type Seed } from './random.js';

/** Options for {@link morrisDesign}. */
export interface MorrisOptions {
  /** Number of grid levels p (even, ≥ 2), default 4. */
  levels?: number;
  /** Seed for the generator. */
  seed: Seed;
}

/** A Morris design: r trajectories of k + 1 points each. */
export interface MorrisDesign {
  /** Number of parameters. */
  k: number;
  /** Number of trajectories. */
  r: number;
  /** Number of grid levels p. */
  levels: number;
  /** Step Δ = p / (2(p − 1)). */
  delta: number;
  /**
   * All points, trajectory after trajectory: rows t·(k+1) … t·(k+1)+k belong
   * to trajectory t. Evaluate the model on these rows, in this order.
   */
  points: number[][];
  /**
   * For each trajectory, the parameter changed at each of its k steps
   * (step s goes from point s to point s + 1).
   */
  changed: number[][];
}

/** Elementary-effect summary of one parameter. */
export interface MorrisIndex {
  /** Parameter index (column of the design). */
  parameter: number;
  /** Mean elementary effect. */
  mu: number;
  /** Mean absolute elementary effect (Campolongo et al. 2007). */
  muStar: number;
  /** Sample standard deviation (n − 1) of the elementary effects; NaN when r = 1. */
  sigma: number;
}

/**
 * Build a Morris trajectory design on the p-level grid {0, 1/(p−1), …, 1}^k.
 *
 * Per trajectory (the B* construction of Morris 1991): a random base point x*
 * with coordinates drawn from the lower levels {0, …, 1 − Δ}, a random
 * direction ±1 per parameter and a random order of the parameters. The
 * trajectory starts at x*ᵢ (direction +) or x*ᵢ + Δ (direction −) and then moves
 * one parameter at a time by ±Δ, so every point stays on the grid and each
 * parameter changes exactly once.
 *
 * @param k - number of parameters (≥ 1)
 * @param r - number of trajectories (≥ 1)
 * @param options - levels p (even, default 4) and seed
 */
export function morrisDesign(k: number, r: number, options: MorrisOptions): MorrisDesign {
  const levels = options.levels ?? 4;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`morrisDesign: k must be a positive integer, got ${k}`);
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`morrisDesign: r must be a positive integer, got ${r}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`morrisDesign: levels must be an even integer >= 2, got ${levels}`);
  }
  const rng = createRng(options.seed);
  const deltaSteps = levels / 2; // Δ measured in grid steps of 1/(p − 1)
  const delta = levels / (2 * (levels - 1));
  const toValue = (step: number): number => step / (levels - 1);
  const points: number[][] = [];
  const changed: number[][] = [];
  for (let t = 0; t < r; t++) {
    // work in integer grid steps to keep the levels exact
    const current = new Array<number>(k);
    const dir = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      const base = randomInt(rng, levels - deltaSteps); // 0 … p/2 − 1
      dir[i] = rng() < 0.5 ? 1 : -1;
      current[i] = dir[i] === 1 ? base : base + deltaSteps;
    }
    const order = randomPermutation(rng, k);
    points.push(current.map(toValue));
    for (const i of order) {
      current[i] = current[i]! + dir[i]! * deltaSteps;
      points.push(current.map(toValue));
    }
    changed.push(order);
  }
  return { k, r, levels, delta, points, changed };
}

/**
 * Morris indices from model outputs evaluated on `design.points` (same order).
 *
 * Elementary effect of parameter i on a step: EE = (y_after − y_before) /
 * (x_after,i − x_before,i), i.e. scaled to the unit cube (the step is ±Δ).
 * mu and muStar are means over the r trajectories, sigma the sample sd.
 *
 * @param design - design from {@link morrisDesign}
 * @param outputs - one finite model output per design point
 */
export function morrisIndices(design: MorrisDesign, outputs: readonly number[]): MorrisIndex[] {
  const { k, r, points, changed } = design;
  if (outputs.length !== points.length) {
    throw new RangeError(`morrisIndices: expected ${points.length} outputs, got ${outputs.length}`);
  }
  for (const y of outputs) {
    if (!Number.isFinite(y)) throw new RangeError(`morrisIndices: outputs must be finite numbers, got ${y}`);
  }
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let t = 0; t < r; t++) {
    const start = t * (k + 1);
    changed[t]!.forEach((i, s) => {
      const before = start + s;
      const after = before + 1;
      const dx = points[after]![i]! - points[before]![i]!;
      effects[i]!.push((outputs[after]! - outputs[before]!) / dx);
    });
  }
  return effects.map((ee, parameter) => {
    const n = ee.length;
    const mu = ee.reduce((a, b) => a + b, 0) / n;
    const muStar = ee.reduce((a, b) => a + Math.abs(b), 0) / n;
    const sigma = n > 1 ? Math.sqrt(ee.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1)) : NaN;
    return { parameter, mu, muStar, sigma };
  });
}
