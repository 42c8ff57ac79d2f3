import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageRanks } from '../../src/stats/ranks.js';

describe('averageRanks', () => {
  it('matches scipy.stats.rankdata (method="average") on a tied example', () => {
    // python3: scipy.stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
    //   -> [4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8]
    const r = averageRanks([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
    expect(r.ranks).toEqual([4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8]);
    expect([...r.tieSizes].sort()).toEqual([2, 2, 3]);
  });

  it('gives 1..n without ties', () => {
    const r = averageRanks([0.3, -2, 10, 7]);
    expect(r.ranks).toEqual([2, 1, 4, 3]);
    expect(r.tieSizes).toEqual([]);
  });

  it('ranks always sum to n(n+1)/2', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }), (xs) => {
        const { ranks } = averageRanks(xs);
        const n = xs.length;
        return ranks.reduce((a, b) => a + b, 0) === (n * (n + 1)) / 2;
      }),
    );
  });

  it('rejects NaN', () => {
    expect(() => averageRanks([1, NaN])).toThrow(RangeError);
  });
});
