import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, randomInt, randomPermutation } from '../../src/stats/random.js';

describe('createRng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRng('abc');
    const b = createRng('abc');
    const c = createRng('abd');
    const sa = Array.from({ length: 20 }, () => a());
    const sb = Array.from({ length: 20 }, () => b());
    const sc = Array.from({ length: 20 }, () => c());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('treats numeric and string seeds alike', () => {
    const a = createRng(42);
    const b = createRng('42');
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('yields values in [0, 1) with a plausible mean', () => {
    const rng = createRng('uniform');
    let sum = 0;
    let outside = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    // mean of 20000 U(0,1): sd = sqrt(1/12/20000) ≈ 0.002; allow 5 sd
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
  });
});

describe('randomInt', () => {
  it('stays in [0, n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.string(), (n, seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 20; i++) {
          const v = randomInt(rng, n);
          if (!(Number.isInteger(v) && v >= 0 && v < n)) return false;
        }
        return true;
      }),
    );
  });

  it('rejects a non-positive bound', () => {
    expect(() => randomInt(createRng(1), 0)).toThrow(RangeError);
  });
});

describe('randomPermutation', () => {
  it('is a permutation of 0..n-1 for any n and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.string(), (n, seed) => {
        const perm = randomPermutation(createRng(seed), n);
        const sorted = [...perm].sort((a, b) => a - b);
        return sorted.every((v, i) => v === i) && perm.length === n;
      }),
    );
  });
});
