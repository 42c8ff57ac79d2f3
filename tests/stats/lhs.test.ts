import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { latinHypercube } from '../../src/stats/lhs.js';

describe('latinHypercube', () => {
  it('has exactly one point per stratum [i/n, (i+1)/n) in every dimension (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 8 }), fc.string(), (n, k, seed) => {
        const pts = latinHypercube(n, k, seed);
        if (pts.length !== n || pts.some((p) => p.length !== k)) return false;
        for (let j = 0; j < k; j++) {
          const col = pts.map((p) => p[j]!).sort((a, b) => a - b);
          for (let i = 0; i < n; i++) {
            if (!(col[i]! >= i / n && col[i]! < (i + 1) / n)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('stays in [0, 1) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (n, k, seed) =>
        latinHypercube(n, k, seed).every((p) => p.every((x) => x >= 0 && x < 1)),
      ),
    );
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(latinHypercube(10, 3, 'lhs')).toEqual(latinHypercube(10, 3, 'lhs'));
    expect(latinHypercube(10, 3, 'lhs')).not.toEqual(latinHypercube(10, 3, 'lhs2'));
  });

  it('pairs strata independently across dimensions (columns are not all identical orderings)', () => {
    const pts = latinHypercube(50, 2, 7);
    const rank = (j: number): number[] => pts.map((p) => Math.floor(p[j]! * 50));
    expect(rank(0)).not.toEqual(rank(1));
  });

  it('rejects invalid sizes', () => {
    expect(() => latinHypercube(0, 2, 1)).toThrow(RangeError);
    expect(() => latinHypercube(3, 1.5, 1)).toThrow(RangeError);
  });
});
