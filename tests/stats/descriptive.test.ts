import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bootstrapMeanInterval,
  describe as describeSample,
  mean,
  relativeHalfWidth,
  requiredN,
  sampleSd,
  tInterval,
} from '../../src/stats/descriptive.js';
import { studentTQuantile } from '../../src/stats/distributions.js';

// Example sample used throughout; references computed with python3 / numpy 2.4 / scipy 1.17:
//   x = np.array([2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 6.1, 3.9, 4.0, 2.7])
const X = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 6.1, 3.9, 4.0, 2.7];

describe('describe', () => {
  it('matches numpy (mean, std ddof=1, percentile linear = R type 7)', () => {
    const d = describeSample(X);
    expect(d.n).toBe(11);
    // deterministic formulas: 12 decimals
    expect(d.mean).toBeCloseTo(3.6545454545454548, 12); // x.mean()
    expect(d.sd).toBeCloseTo(1.3351881038742341, 12); // x.std(ddof=1)
    expect(d.median).toBeCloseTo(3.4, 12); // np.median(x)
    expect(d.q1).toBeCloseTo(2.75, 12); // np.percentile(x, 25)
    expect(d.q3).toBeCloseTo(4.2, 12); // np.percentile(x, 75)
    expect(d.iqr).toBeCloseTo(1.45, 12);
    expect(d.min).toBe(1.9);
    expect(d.max).toBe(6.1);
  });

  it('interpolates quartiles as R type 7 for an even count', () => {
    // R: quantile(c(7, 1, 3, 5)) -> 25%: 2.5, 50%: 4, 75%: 5.5 (also np.percentile)
    const d = describeSample([7, 1, 3, 5]);
    expect([d.q1, d.median, d.q3]).toEqual([2.5, 4, 5.5]);
  });

  it('handles a single value (sd undefined) and rejects empty or non-finite input', () => {
    const d = describeSample([4]);
    expect(d.mean).toBe(4);
    expect(d.median).toBe(4);
    expect(Number.isNaN(d.sd)).toBe(true);
    expect(() => describeSample([])).toThrow(RangeError);
    expect(() => describeSample([1, NaN])).toThrow(RangeError);
  });

  it('mean and sampleSd agree with describe', () => {
    expect(mean(X)).toBe(describeSample(X).mean);
    expect(sampleSd(X)).toBe(describeSample(X).sd);
  });

  it('orders min ≤ q1 ≤ median ≤ q3 ≤ max (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const d = describeSample(xs);
        return d.min <= d.q1 && d.q1 <= d.median && d.median <= d.q3 && d.q3 <= d.max;
      }),
    );
  });
});

describe('tInterval', () => {
  it('matches scipy.stats.t.interval(level, n-1, loc=mean, scale=sem)', () => {
    const ci = tInterval(X);
    expect(ci.lo).toBeCloseTo(2.7575538811835263, 10);
    expect(ci.hi).toBeCloseTo(4.551537027907383, 10);
    expect(ci.halfWidth).toBeCloseTo(0.8969915733619283, 10);
    expect(ci.level).toBe(0.95);
    const ci90 = tInterval(X, 0.9);
    expect(ci90.lo).toBeCloseTo(2.92489507716485, 10);
    expect(ci90.hi).toBeCloseTo(4.38419583192606, 10);
  });

  it('relativeHalfWidth = halfWidth / |mean| (scipy: 0.24544545539754253)', () => {
    expect(relativeHalfWidth(X)).toBeCloseTo(0.24544545539754253, 10);
  });

  it('needs two values', () => {
    expect(() => tInterval([1])).toThrow(RangeError);
  });
});

describe('requiredN', () => {
  // Reference: python loop, smallest n >= 2 with
  //   scipy.stats.t.ppf((1+level)/2, n-1) * x.std(ddof=1) / sqrt(n) <= r * |x.mean()|
  it('matches a brute-force scan with scipy t quantiles', () => {
    expect(requiredN(X, 0.05)).toBe(208);
    expect(requiredN(X, 0.1)).toBe(54);
    expect(requiredN(X, 0.5)).toBe(5);
    expect(requiredN(X, 0.02, 0.99)).toBe(2218);
  });

  it('returns the smallest n meeting the criterion (n meets it, n − 1 does not)', () => {
    const m = Math.abs(mean(X));
    const s = sampleSd(X);
    const half = (k: number): number => (studentTQuantile(0.975, k - 1) * s) / Math.sqrt(k);
    for (const r of [0.03, 0.1, 0.3]) {
      const n = requiredN(X, r);
      expect(half(n)).toBeLessThanOrEqual(r * m);
      expect(half(n - 1)).toBeGreaterThan(r * m);
    }
  });

  it('handles degenerate cases', () => {
    expect(requiredN([2, 2, 2], 0.05)).toBe(2); // sd = 0
    expect(requiredN([-1, 1], 0.05)).toBe(Infinity); // mean = 0
    expect(() => requiredN(X, 0)).toThrow(RangeError);
  });
});

describe('bootstrapMeanInterval', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const a = bootstrapMeanInterval(X, { seed: 'boot' });
    const b = bootstrapMeanInterval(X, { seed: 'boot' });
    const c = bootstrapMeanInterval(X, { seed: 'other' });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('agrees with scipy.stats.bootstrap percentile interval within Monte Carlo error', () => {
    // python3: scipy.stats.bootstrap((x,), np.mean, method='percentile',
    //   n_resamples=400000, random_state=1) -> (2.93636..., 4.43636...), bootstrap sd 0.384.
    // With 2000 resamples the Monte Carlo sd of a 2.5% endpoint is about
    // sqrt(.025*.975/2000)/dnorm(1.96) * 0.384 ≈ 0.023; tolerance 0.1 (> 4 sd).
    const ci = bootstrapMeanInterval(X, { seed: 2024, resamples: 2000 });
    expect(Math.abs(ci.lo - 2.936363636363636)).toBeLessThan(0.1);
    expect(Math.abs(ci.hi - 4.4363636363636365)).toBeLessThan(0.1);
    expect(ci.mean).toBeCloseTo(3.6545454545454548, 12);
    expect(ci.halfWidth).toBeCloseTo((ci.hi - ci.lo) / 2, 12);
  });

  it('collapses to the value for a constant sample and respects the level', () => {
    const c = bootstrapMeanInterval([5, 5, 5, 5], { seed: 1, resamples: 50 });
    expect([c.lo, c.hi]).toEqual([5, 5]);
    const w80 = bootstrapMeanInterval(X, { seed: 3, level: 0.8 });
    const w99 = bootstrapMeanInterval(X, { seed: 3, level: 0.99 });
    expect(w99.hi - w99.lo).toBeGreaterThan(w80.hi - w80.lo);
  });
});
