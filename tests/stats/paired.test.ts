import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  pairedComparison,
  signedRankCdf,
  signedRankSf,
  wilcoxonSignedRank,
} from '../../src/stats/paired.js';

// Hollander & Wolfe (1973, p. 29) depression data, R's ?wilcox.test example:
//   wilcox.test(x, y, paired = TRUE)  ->  V = 40, p-value = 0.03906
// Here x is the "alternative" (first visit) and y the "reference" (second visit),
// so the differences are x − y as in R.
const HW_X = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const HW_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

describe('signed-rank null distribution', () => {
  it('matches brute-force enumeration of all 2^9 sign patterns (python itertools)', () => {
    // python3: sums = [sum(s) for k in range(10) for s in combinations(range(1, 10), k)]
    //   P(V <= 5) = 10/512, P(V <= 22) = 256/512, P(V >= 30) = 109/512, P(V >= 40) = 10/512
    expect(signedRankCdf(5, 9)).toBe(0.01953125);
    expect(signedRankCdf(22, 9)).toBe(0.5);
    expect(signedRankSf(30, 9)).toBe(0.212890625);
    expect(signedRankSf(40, 9)).toBe(10 / 512);
    expect(signedRankCdf(-1, 9)).toBe(0);
    expect(signedRankCdf(45, 9)).toBe(1);
  });

  it('cdf(v) + sf(v + 1) = 1 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 465 }), (n, v) => {
        return Math.abs(signedRankCdf(v, n) + signedRankSf(v + 1, n) - 1) < 1e-12;
      }),
    );
  });
});

describe('wilcoxonSignedRank', () => {
  it('reproduces R\'s documented example: V = 40, exact p = 0.03906', () => {
    const r = wilcoxonSignedRank(HW_Y, HW_X);
    expect(r.v).toBe(40);
    // exact two-sided p = 2 * 10/512 = 0.0390625 (scipy.stats.wilcoxon(x, y, method='exact'))
    expect(r.p).toBeCloseTo(0.0390625, 12);
    expect(r.n).toBe(9);
    expect(r.method).toBe('Wilcoxon signed rank exact test');
  });

  it('gives the mirrored statistic when the roles are swapped', () => {
    const r = wilcoxonSignedRank(HW_X, HW_Y);
    expect(r.v).toBe(5); // 45 − 40
    expect(r.p).toBeCloseTo(0.0390625, 12);
  });

  it('uses the normal approximation with tie and continuity correction when there are ties/zeros', () => {
    // d = alt − ref has two zeros and tied |d|; reference values:
    //   scipy.stats.wilcoxon(alt, ref, zero_method='wilcox', correction=True, method='approx')
    //   -> p = 0.013185870851465829, and a numpy transcription of R's formula gives V = 52
    //   with the same p.
    const ref = [10.2, 11.5, 9.8, 12.0, 10.0, 11.1, 9.5, 10.7, 12.3, 10.9, 11.4, 10.0];
    const alt = [10.9, 11.5, 10.4, 12.8, 10.6, 11.0, 10.1, 10.7, 13.0, 11.5, 11.2, 10.6];
    const r = wilcoxonSignedRank(ref, alt);
    expect(r.n).toBe(10);
    expect(r.v).toBe(52);
    expect(r.p).toBeCloseTo(0.013185870851465829, 10);
    expect(r.method).toBe('Wilcoxon signed rank test with continuity correction');
  });

  it('uses the normal approximation for n ≥ 50 even without ties', () => {
    // d_i = (i % 3 == 0 ? −1 : 1) * (i + 0.5 sin i), i = 1..60; all |d| distinct.
    // python3: R formula -> V = 1200, p = 0.03622649417878663
    //          (scipy.stats.wilcoxon(d, correction=True, method='approx') gives the same p)
    const d = Array.from({ length: 60 }, (_, k) => {
      const i = k + 1;
      return (i % 3 === 0 ? -1 : 1) * (i + 0.5 * Math.sin(i));
    });
    const r = wilcoxonSignedRank(d.map(() => 0), d);
    expect(r.v).toBe(1200);
    expect(r.p).toBeCloseTo(0.03622649417878663, 10);
    expect(r.method).toBe('Wilcoxon signed rank test with continuity correction');
  });

  it('returns p = 1 when every difference is zero', () => {
    const r = wilcoxonSignedRank([1, 2, 3], [1, 2, 3]);
    expect(r).toEqual({ v: 0, p: 1, n: 0, method: 'no non-zero differences' });
  });

  it('rejects arrays of different length', () => {
    expect(() => wilcoxonSignedRank([1, 2], [1])).toThrow(RangeError);
  });

  it('p-values lie in (0, 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), { minLength: 1, maxLength: 70 }),
        (pairs) => {
          const r = wilcoxonSignedRank(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          return r.p > 0 && r.p <= 1;
        },
      ),
    );
  });
});

describe('pairedComparison', () => {
  it('matches scipy.stats.ttest_rel and numpy on the depression data', () => {
    const c = pairedComparison(HW_Y, HW_X);
    expect(c.n).toBe(9);
    // numpy: d.mean(), d.std(ddof=1); scipy.stats.ttest_rel(x, y).confidence_interval()
    expect(c.meanDifference).toBeCloseTo(0.43188888888888893, 12);
    expect(c.sdDifference).toBeCloseTo(0.4268554920709246, 12);
    expect(c.ci.lo).toBeCloseTo(0.10377871227216856, 10);
    expect(c.ci.hi).toBeCloseTo(0.7599990655056093, 10);
    expect(c.effectSize).toBeCloseTo(1.0117918052161972, 12);
    // 7 of 9 differences positive
    expect(c.shareBetter).toBeCloseTo(7 / 9, 15);
    expect(c.wilcoxon.v).toBe(40);
  });

  it('counts ties half and honours higherIsBetter', () => {
    // same data as the tie example above: 8 positive, 2 zero, 2 negative differences
    const ref = [10.2, 11.5, 9.8, 12.0, 10.0, 11.1, 9.5, 10.7, 12.3, 10.9, 11.4, 10.0];
    const alt = [10.9, 11.5, 10.4, 12.8, 10.6, 11.0, 10.1, 10.7, 13.0, 11.5, 11.2, 10.6];
    expect(pairedComparison(ref, alt).shareBetter).toBe(0.75); // (8 + 0.5·2)/12
    expect(pairedComparison(ref, alt, { higherIsBetter: false }).shareBetter).toBe(0.25); // (2 + 1)/12
    const c = pairedComparison(ref, alt);
    // numpy / scipy.stats.ttest_rel(alt, ref).confidence_interval()
    expect(c.meanDifference).toBeCloseTo(0.4083333333333332, 12);
    expect(c.sdDifference).toBeCloseTo(0.3654594451654057, 12);
    expect(c.ci.lo).toBeCloseTo(0.1761314799265604, 10);
    expect(c.ci.hi).toBeCloseTo(0.640535186740106, 10);
    expect(c.effectSize).toBeCloseTo(1.1173150365522033, 10);
  });

  it('shareBetter(higher) + shareBetter(lower) = 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 30 }), (pairs) => {
        const ref = pairs.map((p) => p[0]);
        const alt = pairs.map((p) => p[1]);
        const up = pairedComparison(ref, alt).shareBetter;
        const down = pairedComparison(ref, alt, { higherIsBetter: false }).shareBetter;
        return Math.abs(up + down - 1) < 1e-12;
      }),
    );
  });

  it('needs at least two pairs', () => {
    expect(() => pairedComparison([1], [2])).toThrow(RangeError);
  });
});
