/**
 * Wilson intervals against values computed independently (Python: statistics.NormalDist for the
 * quantile and the closed form of Wilson 1927).
 */
import { describe, expect, it } from 'vitest';
import { trialsForHalfWidth, wilsonInterval } from '../../src/stats/proportion.js';

describe('wilsonInterval', () => {
  it.each([
    [7, 20, 0.1811918241010821, 0.5671457233147637],
    [0, 10, 0, 0.27753279986288915],
    [41, 41, 0.9143324298155682, 1],
    [1, 3, 0.06149194472039632, 0.7923403991979523],
  ])('k = %i of n = %i', (k, n, lo, hi) => {
    const iv = wilsonInterval(k, n);
    expect(iv.share).toBe(k / n);
    expect(iv.lo).toBeCloseTo(lo, 12);
    expect(iv.hi).toBeCloseTo(hi, 12);
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 4)).toThrow(RangeError);
  });
});

describe('trialsForHalfWidth', () => {
  it('finds the smallest n whose interval is narrow enough', () => {
    const n = trialsForHalfWidth(0.5, 0.1);
    const iv = wilsonInterval(Math.round(0.5 * n), n);
    expect((iv.hi - iv.lo) / 2).toBeLessThanOrEqual(0.1);
    // the normal approximation gives 1.96² · 0.25 / 0.01 ≈ 96; Wilson is a little narrower
    expect(n).toBeGreaterThan(85);
    expect(n).toBeLessThanOrEqual(96);
    expect(trialsForHalfWidth(0.9, 0.1)).toBeLessThan(n);
  });
});
