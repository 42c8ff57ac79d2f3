import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holmAdjust } from '../../src/stats/multiple.js';

describe('holmAdjust', () => {
  it('matches a hand computation of R p.adjust(p, "holm")', () => {
    // p = (0.01, 0.04, 0.03, 0.005), m = 4; sorted: 0.005·4 = 0.02, 0.01·3 = 0.03,
    // 0.03·2 = 0.06, 0.04·1 = 0.04 → cummax 0.02, 0.03, 0.06, 0.06
    const adj = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    const expected = [0.03, 0.06, 0.06, 0.02];
    adj.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 15));
  });

  it('caps at 1 and keeps NaN out of m', () => {
    // non-NaN: (0.5, 0.2, 0.01), m = 3: 0.03, 0.4, min(1, 0.5·1 → cummax 0.5) = 0.5
    const adj = holmAdjust([0.5, NaN, 0.2, 0.01]);
    expect(adj[0]).toBeCloseTo(0.5, 15);
    expect(Number.isNaN(adj[1]!)).toBe(true);
    expect(adj[2]).toBeCloseTo(0.4, 15);
    expect(adj[3]).toBeCloseTo(0.03, 15);
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('rejects values outside [0, 1]', () => {
    expect(() => holmAdjust([0.1, 1.2])).toThrow(RangeError);
  });

  const pArray = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 });

  it('adjusted ≥ raw, ≤ 1, ≤ m·raw (property)', () => {
    fc.assert(
      fc.property(pArray, (p) => {
        const adj = holmAdjust(p);
        return adj.every((a, i) => a >= p[i]! && a <= 1 && a <= Math.min(1, p.length * p[i]!) + 1e-15);
      }),
    );
  });

  it('preserves the order of the raw p-values (monotone, property)', () => {
    fc.assert(
      fc.property(pArray, (p) => {
        const adj = holmAdjust(p);
        for (let i = 0; i < p.length; i++) {
          for (let j = 0; j < p.length; j++) {
            if (p[i]! < p[j]! && adj[i]! > adj[j]!) return false;
          }
        }
        return true;
      }),
    );
  });

  it('the smallest adjusted p equals min(1, m·min p) (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (p) => {
        const adj = holmAdjust(p);
        return Math.min(...adj) === Math.min(1, p.length * Math.min(...p));
      }),
    );
  });
});
