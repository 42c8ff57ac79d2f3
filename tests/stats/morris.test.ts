import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { morrisDesign, morrisIndices, type MorrisDesign } from '../../src/stats/morris.js';

function evaluate(design: MorrisDesign, f: (x: number[]) => number): number[] {
  return design.points.map(f);
}

describe('morrisDesign', () => {
  it('builds r trajectories of k + 1 grid points, one parameter moved by ±Δ per step (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(2, 4, 6, 8),
        fc.string(),
        (k, r, levels, seed) => {
          const d = morrisDesign(k, r, { levels, seed });
          const delta = levels / (2 * (levels - 1));
          if (d.points.length !== r * (k + 1) || Math.abs(d.delta - delta) > 1e-15) return false;
          const onGrid = (x: number): boolean => Math.abs(x * (levels - 1) - Math.round(x * (levels - 1))) < 1e-12 && x >= 0 && x <= 1;
          if (!d.points.every((p) => p.length === k && p.every(onGrid))) return false;
          for (let t = 0; t < r; t++) {
            const moved = new Set<number>();
            for (let s = 0; s < k; s++) {
              const a = d.points[t * (k + 1) + s]!;
              const b = d.points[t * (k + 1) + s + 1]!;
              const diff = a.map((v, i) => b[i]! - v);
              const changedIdx = diff.map((v, i) => (Math.abs(v) > 1e-12 ? i : -1)).filter((i) => i >= 0);
              if (changedIdx.length !== 1) return false;
              const i = changedIdx[0]!;
              if (Math.abs(Math.abs(diff[i]!) - delta) > 1e-12 || d.changed[t]![s] !== i) return false;
              moved.add(i);
            }
            if (moved.size !== k) return false; // each parameter changes exactly once
          }
          return true;
        },
      ),
    );
  });

  it('uses Δ = p/(2(p − 1)): 2/3 for the default 4 levels', () => {
    expect(morrisDesign(3, 2, { seed: 1 }).delta).toBeCloseTo(2 / 3, 15);
    expect(morrisDesign(3, 2, { seed: 1, levels: 6 }).delta).toBeCloseTo(0.6, 15);
  });

  it('is deterministic for a seed', () => {
    expect(morrisDesign(4, 5, { seed: 's' })).toEqual(morrisDesign(4, 5, { seed: 's' }));
    expect(morrisDesign(4, 5, { seed: 's' }).points).not.toEqual(morrisDesign(4, 5, { seed: 't' }).points);
  });

  it('rejects odd level counts and invalid sizes', () => {
    expect(() => morrisDesign(3, 2, { seed: 1, levels: 5 })).toThrow(RangeError);
    expect(() => morrisDesign(0, 2, { seed: 1 })).toThrow(RangeError);
    expect(() => morrisDesign(2, 0, { seed: 1 })).toThrow(RangeError);
  });
});

describe('morrisIndices', () => {
  it('linear function: mu = coefficient, mu* = |coefficient|, sigma = 0', () => {
    // f(x) = 3 x1 − 2 x2 + 0.5 x3 + 0 x4: every elementary effect equals the coefficient
    const coef = [3, -2, 0.5, 0];
    const d = morrisDesign(4, 20, { seed: 'linear' });
    const idx = morrisIndices(d, evaluate(d, (x) => x.reduce((a, v, i) => a + coef[i]! * v, 10)));
    idx.forEach((m, i) => {
      expect(m.parameter).toBe(i);
      // exact up to floating-point rounding: 12 decimals
      expect(m.mu).toBeCloseTo(coef[i]!, 12);
      expect(m.muStar).toBeCloseTo(Math.abs(coef[i]!), 12);
      expect(m.sigma).toBeCloseTo(0, 12);
    });
  });

  it('interaction x2·x3: sigma > 0 for x2 and x3 only', () => {
    // f = x1 + 4 x2 x3: EE(x1) = 1 always; EE(x2) = 4 x3 and EE(x3) = 4 x2 vary with the
    // other coordinate (values 0..1 on the grid), x4 has no effect.
    const d = morrisDesign(4, 30, { seed: 'interaction' });
    const idx = morrisIndices(d, evaluate(d, (x) => x[0]! + 4 * x[1]! * x[2]!));
    expect(idx[0]!.muStar).toBeCloseTo(1, 12);
    expect(idx[0]!.sigma).toBeCloseTo(0, 12);
    expect(idx[1]!.sigma).toBeGreaterThan(0.1);
    expect(idx[2]!.sigma).toBeGreaterThan(0.1);
    expect(idx[3]!.muStar).toBe(0);
    expect(idx[3]!.sigma).toBe(0);
    // EE(x2) = 4·x3 with x3 on {0, 1/3, 2/3, 1}: mu lies in [0, 4]
    expect(idx[1]!.mu).toBeGreaterThan(0);
    expect(idx[1]!.mu).toBeLessThan(4);
  });

  it('quadratic: EE of x² over a step from a to a + Δ is 2a + Δ (hand-computed)', () => {
    // f = x1²; with 4 levels and Δ = 2/3 a step goes 0 ↔ 2/3 or 1/3 ↔ 1:
    // EE = (b² − a²)/(b − a) = a + b ∈ {2/3, 4/3}. Each trajectory gives one of these.
    const d = morrisDesign(1, 40, { seed: 'quad' });
    const idx = morrisIndices(d, evaluate(d, (x) => x[0]! ** 2))[0]!;
    const ees: number[] = [];
    for (let t = 0; t < 40; t++) {
      const a = d.points[2 * t]![0]!;
      const b = d.points[2 * t + 1]![0]!;
      ees.push(a + b);
    }
    const mu = ees.reduce((x, y) => x + y, 0) / ees.length;
    const sd = Math.sqrt(ees.reduce((x, y) => x + (y - mu) ** 2, 0) / (ees.length - 1));
    expect(ees.every((e) => Math.abs(e - 2 / 3) < 1e-12 || Math.abs(e - 4 / 3) < 1e-12)).toBe(true);
    expect(idx.mu).toBeCloseTo(mu, 12);
    expect(idx.muStar).toBeCloseTo(mu, 12);
    expect(idx.sigma).toBeCloseTo(sd, 12);
  });

  it('sigma is NaN with a single trajectory; output length is checked', () => {
    const d = morrisDesign(2, 1, { seed: 1 });
    expect(Number.isNaN(morrisIndices(d, evaluate(d, (x) => x[0]!))[0]!.sigma)).toBe(true);
    expect(() => morrisIndices(d, [1, 2])).toThrow(RangeError);
  });
});
