import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveSeed } from '../../src/core/seeds.js';

describe('deriveSeed', () => {
  it('gives the documented values (checked against an independent Python implementation)', () => {
    expect(deriveSeed(1, 0)).toBe(2818677030);
    expect(deriveSeed(1, 1)).toBe(4074205336);
    expect(deriveSeed(1, 2)).toBe(2883810658);
    expect(deriveSeed(0, 0)).toBe(3811540339);
    expect(deriveSeed(42, 7)).toBe(2541750579);
    expect(deriveSeed(4294967295, 4294967295)).toBe(336603158);
  });

  it('returns a uint32 that depends only on (master seed, replication)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (s, r) => {
        const x = deriveSeed(s, r);
        expect(Number.isInteger(x) && x >= 0 && x <= 0xffffffff).toBe(true);
        expect(deriveSeed(s, r)).toBe(x);
      }),
    );
  });

  it('never repeats a seed within a batch (a bijection in the replication)', () => {
    for (const master of [0, 1, 123456789]) {
      const seen = new Set<number>();
      for (let r = 0; r < 200_000; r++) seen.add(deriveSeed(master, r));
      expect(seen.size).toBe(200_000);
    }
  });

  it('gives different streams for different master seeds', () => {
    const a = Array.from({ length: 100 }, (_, r) => deriveSeed(1, r));
    const b = Array.from({ length: 100 }, (_, r) => deriveSeed(2, r));
    expect(a.filter((x, i) => x === b[i]).length).toBe(0);
  });

  it('rejects what is not a uint32', () => {
    expect(() => deriveSeed(-1, 0)).toThrow(RangeError);
    expect(() => deriveSeed(1, 1.5)).toThrow(RangeError);
    expect(() => deriveSeed(2 ** 32, 0)).toThrow(RangeError);
  });
});
