/**
 * Randomness for one run: a family of named, independent streams derived from the run's seed.
 *
 * Every stochastic process of the model draws from its own stream (task arrival, turnover,
 * elections, decisions, execution, structure, initialisation). Two scenarios run with the same
 * seed therefore share their external events (tasks, staff turnover, election shocks) wherever
 * their structures do not differ: common random numbers. Draw counts on the external streams
 * never depend on the structure (see docs/ODD.md, "Stochasticity").
 */
import seedrandom from 'seedrandom';

export const STREAMS = ['init', 'tasks', 'turnover', 'elections', 'decisions', 'execution', 'structure'] as const;
export type StreamName = (typeof STREAMS)[number];

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
}

export class Stream implements Rng {
  private readonly prng: seedrandom.PRNG;
  constructor(seed: string) {
    this.prng = seedrandom.alea(seed);
  }
  next(): number {
    return this.prng.double();
  }
  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Integer uniform on [0, n). */
  int(n: number): number {
    return Math.min(n - 1, Math.floor(this.next() * n));
  }
  bernoulli(p: number): boolean {
    return this.next() < p;
  }
  /** Standard normal by Box–Muller; always consumes exactly two uniforms. */
  normal(mean = 0, sd = 1): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  /** Log-normal with the given median and log-scale sd; consumes two uniforms. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }
  /** Poisson by inversion; consumes exactly one uniform so that draw counts stay aligned. */
  poisson(lambda: number): number {
    return poissonInverse(lambda, this.next());
  }
  /** Binomial by inversion; consumes exactly one uniform. */
  binomial(n: number, p: number): number {
    return binomialInverse(n, p, this.next());
  }
  /** Index drawn with probability proportional to weights; consumes one uniform. */
  weighted(weights: ArrayLike<number>): number {
    return weightedIndex(weights, this.next());
  }
}

export function poissonInverse(lambda: number, u: number): number {
  if (lambda <= 0) return 0;
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  while (u > cdf && k < 10_000) {
    k += 1;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

export function binomialInverse(n: number, p: number, u: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  let k = 0;
  let pk = Math.pow(1 - p, n);
  let cdf = pk;
  const ratio = p / (1 - p);
  while (u > cdf && k < n) {
    pk *= ((n - k) / (k + 1)) * ratio;
    k += 1;
    cdf += pk;
  }
  return k;
}

export function weightedIndex(weights: ArrayLike<number>, u: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += Math.max(0, weights[i]!);
  if (total <= 0) return Math.min(weights.length - 1, Math.floor(u * weights.length));
  let target = u * total;
  for (let i = 0; i < weights.length; i++) {
    target -= Math.max(0, weights[i]!);
    if (target < 0) return i;
  }
  return weights.length - 1;
}

export type Streams = Record<StreamName, Stream>;

/** One generator per run: the named streams all derive from the run's seed. */
export function createStreams(seed: number | string): Streams {
  const out = {} as Streams;
  for (const name of STREAMS) out[name] = new Stream(`regiosim:${seed}:${name}`);
  return out;
}

/**
 * Counter-based noise: a uniform in [0,1) from (key, index) without consuming any stream.
 * Used for per-member judgement of a task: the task draws one key at arrival (from the tasks
 * stream), and every member's noise derives from it, so it is identical across scenarios
 * whatever the structure asks of it.
 */
export function hashUniform(key: number, index: number, salt = 0): number {
  let h = (key ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x27d4eb2f, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 4294967296;
}

/** Standard normal from (key, index) by Box–Muller over two hashed uniforms. */
export function hashNormal(key: number, index: number): number {
  const u1 = 1 - hashUniform(key, index, 1);
  const u2 = hashUniform(key, index, 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
