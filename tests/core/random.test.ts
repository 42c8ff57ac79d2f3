import { describe, expect, it } from 'vitest';
import { binomialInverse, createStreams, hashNormal, hashUniform, poissonInverse, STREAMS, weightedIndex } from '../../src/core/random.js';

describe('named streams', () => {
  it('are deterministic for a seed and independent across names', () => {
    const a = createStreams(42);
    const b = createStreams(42);
    const xs = Array.from({ length: 5 }, () => a.tasks.next());
    expect(Array.from({ length: 5 }, () => b.tasks.next())).toEqual(xs);
    // Drawing from one stream does not move another.
    const c = createStreams(42);
    for (let i = 0; i < 100; i++) c.decisions.next();
    expect(Array.from({ length: 5 }, () => c.tasks.next())).toEqual(xs);
    expect(createStreams(43).tasks.next()).not.toBe(xs[0]);
    expect(STREAMS).toContain('turnover');
  });

  it('draw uniforms in [0,1) with mean 1/2', () => {
    const s = createStreams(7).init;
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const u = s.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
    }
    // sd of the mean is 0.29/sqrt(20000) = 0.002; 5 sd tolerance.
    expect(sum / 20000).toBeCloseTo(0.5, 1);
  });
});

describe('inversion samplers consume one uniform and follow their distribution', () => {
  it('Poisson CDF boundaries', () => {
    // P(X=0) = e^-2 = 0.1353; P(X<=1) = 3e^-2 = 0.4060
    expect(poissonInverse(2, 0.13)).toBe(0);
    expect(poissonInverse(2, 0.14)).toBe(1);
    expect(poissonInverse(2, 0.40)).toBe(1);
    expect(poissonInverse(2, 0.41)).toBe(2);
    expect(poissonInverse(0, 0.99)).toBe(0);
  });
  it('Binomial CDF boundaries', () => {
    // n=3, p=0.5: CDF 0.125, 0.5, 0.875, 1
    expect(binomialInverse(3, 0.5, 0.1)).toBe(0);
    expect(binomialInverse(3, 0.5, 0.2)).toBe(1);
    expect(binomialInverse(3, 0.5, 0.6)).toBe(2);
    expect(binomialInverse(3, 0.5, 0.9)).toBe(3);
    expect(binomialInverse(5, 0, 0.9)).toBe(0);
    expect(binomialInverse(5, 1, 0.1)).toBe(5);
  });
  it('weighted index', () => {
    expect(weightedIndex([1, 1, 2], 0.2)).toBe(0);
    expect(weightedIndex([1, 1, 2], 0.3)).toBe(1);
    expect(weightedIndex([1, 1, 2], 0.6)).toBe(2);
    expect(weightedIndex([0, 0, 0], 0.6)).toBe(1);
  });
});

describe('counter-based noise', () => {
  it('is a pure function of key and index, roughly standard normal', () => {
    expect(hashUniform(123, 4)).toBe(hashUniform(123, 4));
    expect(hashUniform(123, 4)).not.toBe(hashUniform(123, 5));
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const z = hashNormal(99, i);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.04);
    expect(s2 / n).toBeGreaterThan(0.95);
    expect(s2 / n).toBeLessThan(1.05);
  });
});
