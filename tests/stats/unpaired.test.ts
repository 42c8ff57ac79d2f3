import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  mannWhitneyTest,
  rankSumCdf,
  rankSumSf,
  welchTTest,
} from '../../src/stats/unpaired.js';

// R's `sleep` data (Cushny & Peebles), extra hours of sleep per group.
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('welchTTest', () => {
  it("reproduces R's t.test(extra ~ group, data = sleep)", () => {
    // R output: t = -1.8608, df = 17.776, p-value = 0.07939,
    //   95 percent CI -3.3654832 0.2054832.
    // Full-precision values: scipy.stats.ttest_ind(g1, g2, equal_var=False) and
    //   its .confidence_interval().
    const r = welchTTest(SLEEP_1, SLEEP_2);
    expect(r.t).toBeCloseTo(-1.8608134674868526, 10);
    expect(r.df).toBeCloseTo(17.776473516178488, 10);
    expect(r.p).toBeCloseTo(0.0793941401873583, 10);
    expect(r.ci.lo).toBeCloseTo(-3.3654832307117104, 9);
    expect(r.ci.hi).toBeCloseTo(0.20548323071171137, 9);
    expect(r.difference).toBeCloseTo(-1.58, 12);
    expect(r.meanX).toBeCloseTo(0.75, 12);
    expect(r.meanY).toBeCloseTo(2.33, 12);
    // R's printed (rounded) values
    expect(r.t).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
  });

  it('is antisymmetric in x and y (property)', () => {
    const sample = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 20 });
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const a = welchTTest(x, y);
        const b = welchTTest(y, x);
        if (Number.isNaN(a.t)) return Number.isNaN(b.t);
        return Math.abs(a.t + b.t) <= 1e-9 * (1 + Math.abs(a.t)) && Math.abs(a.p - b.p) < 1e-9;
      }),
    );
  });

  it('returns NaN for two constant samples and rejects samples smaller than 2', () => {
    const r = welchTTest([1, 1, 1], [2, 2]);
    expect(Number.isNaN(r.t)).toBe(true);
    expect(Number.isNaN(r.p)).toBe(true);
    expect(() => welchTTest([1], [1, 2])).toThrow(RangeError);
  });
});

describe('rank-sum null distribution', () => {
  it('matches brute-force enumeration (python itertools.combinations)', () => {
    // m = 10, n = 5: all C(15, 10) = 3003 rank subsets; U = rank sum − 55.
    //   P(U >= 35) = 0.1272061272061272, P(U <= 12) = 0.06460206460206461,
    //   P(U <= 25) = 0.5234765234765235
    expect(rankSumSf(35, 10, 5)).toBeCloseTo(0.1272061272061272, 14);
    expect(rankSumCdf(12, 10, 5)).toBeCloseTo(0.06460206460206461, 14);
    expect(rankSumCdf(25, 10, 5)).toBeCloseTo(0.5234765234765235, 14);
    // m = 3, n = 4: counts of U = 0..12 are 1 1 2 3 4 4 5 4 4 3 2 1 1 (total 35)
    const counts = [1, 1, 2, 3, 4, 4, 5, 4, 4, 3, 2, 1, 1];
    let cum = 0;
    counts.forEach((c, u) => {
      cum += c;
      expect(rankSumCdf(u, 3, 4)).toBeCloseTo(cum / 35, 14);
    });
  });

  it('is symmetric: P(U ≤ u) = P(U ≥ mn − u) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.nat(), (m, n, k) => {
        const u = k % (m * n + 1);
        return Math.abs(rankSumCdf(u, m, n) - rankSumSf(m * n - u, m, n)) < 1e-12;
      }),
    );
  });
});

describe('mannWhitneyTest', () => {
  it("reproduces R's ?wilcox.test two-sample example (exact)", () => {
    // R: wilcox.test(x, y, alternative = "g") -> W = 35, p-value = 0.1272 (one-sided);
    // two-sided exact p = 0.2544122544122544 (scipy.stats.mannwhitneyu(x, y, method='exact')).
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const r = mannWhitneyTest(x, y);
    expect(r.w).toBe(35);
    expect(r.p).toBeCloseTo(0.2544122544122544, 12);
    expect(r.method).toBe('Wilcoxon rank sum exact test');
    // swapping the samples reports W for y: 5·10 − 35 = 15, same p
    const s = mannWhitneyTest(y, x);
    expect(s.w).toBe(15);
    expect(s.p).toBeCloseTo(0.2544122544122544, 12);
  });

  it("reproduces R's wilcox.test(extra ~ group, data = sleep) with ties", () => {
    // R: W = 25.5, p-value = 0.06933 (normal approximation, ties);
    // scipy.stats.mannwhitneyu(g1, g2, use_continuity=True, method='asymptotic')
    //   -> p = 0.06932757543362658
    const r = mannWhitneyTest(SLEEP_1, SLEEP_2);
    expect(r.w).toBe(25.5);
    expect(r.p).toBeCloseTo(0.06932757543362658, 10);
    expect(r.method).toBe('Wilcoxon rank sum test with continuity correction');
  });

  it('uses the tie-corrected normal approximation for small tied samples', () => {
    // scipy.stats.mannwhitneyu([1,2,2,3,5,8,8], [2,3,4,4,6,7,9,9,10],
    //   use_continuity=True, method='asymptotic') -> U = 18.5, p = 0.18319136564480698
    const r = mannWhitneyTest([1, 2, 2, 3, 5, 8, 8], [2, 3, 4, 4, 6, 7, 9, 9, 10]);
    expect(r.w).toBe(18.5);
    expect(r.p).toBeCloseTo(0.18319136564480698, 10);
  });

  it('uses the normal approximation when both samples have ≥ 50 values', () => {
    // x_i = sqrt(i + 1) + 0.3 (i = 0..59), y_j = 0.15 j + 0.01 (j = 1..55), no ties;
    // scipy.stats.mannwhitneyu(x, y, use_continuity=True, method='asymptotic')
    //   -> U = 2177, p = 0.0032000877976836434
    const x = Array.from({ length: 60 }, (_, i) => Math.sqrt(i + 1) + 0.3);
    const y = Array.from({ length: 55 }, (_, j) => (j + 1) * 0.15 + 0.01);
    const r = mannWhitneyTest(x, y);
    expect(r.w).toBe(2177);
    expect(r.p).toBeCloseTo(0.0032000877976836434, 10);
    expect(r.method).toBe('Wilcoxon rank sum test with continuity correction');
  });

  it('gives p = 1 when all values are tied', () => {
    expect(mannWhitneyTest([3, 3], [3, 3, 3]).p).toBe(1);
  });

  it('W lies in [0, mn] and p in (0, 1] (property)', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const r = mannWhitneyTest(x, y);
        return r.w >= 0 && r.w <= x.length * y.length && r.p > 0 && r.p <= 1;
      }),
    );
  });
});
