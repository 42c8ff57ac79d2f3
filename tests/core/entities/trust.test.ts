import { describe, expect, it } from 'vitest';
import { Trust } from '../../../src/core/entities/trust.js';

describe('trust', () => {
  it('mixes personal and institutional parts by the weight of the secretariat that holds the domain', () => {
    const t = new Trust(2, 2, () => 0.5);
    t.personal[1] = 0.2;
    t.institutional[1] = 0.8; // domain 0
    t.institutional[4 + 1] = 0.9; // domain 1
    expect(t.get(0, 1, 0)).toBeCloseTo(0.2, 12);
    t.weight[1] = 0.6; // a secretariat holds domain 0 only
    expect(t.get(0, 1, 0)).toBeCloseTo(0.6 * 0.8 + 0.4 * 0.2, 12);
    expect(t.get(0, 1, 1)).toBeCloseTo(0.2, 12);
    expect(t.mean(0, 1)).toBeCloseTo((0.6 * 0.8 + 0.4 * 0.2 + 0.2) / 2, 12);
    expect(t.get(0, 0, 1)).toBe(1);
  });
  it('rises toward 1 on delivery and falls in proportion on free-riding; a secretariat records it in its domain only', () => {
    const t = new Trust(2, 2, () => 0.5);
    t.raise(0, 1, 0.1, false, 0);
    expect(t.personal[1]).toBeCloseTo(0.55, 12);
    expect(t.institutional[1]).toBeCloseTo(0.5, 12);
    t.lower(1, 0, 0.2, true, 1);
    expect(t.personal[2]).toBeCloseTo(0.4, 12);
    expect(t.institutional[4 + 2]).toBeCloseTo(0.4, 12);
    expect(t.institutional[2]).toBeCloseTo(0.5, 12);
  });
  it('drifts to the base; institutional memory fades fast in a domain no secretariat holds', () => {
    const t = new Trust(2, 2, () => 0.9);
    t.weight[1] = 0.5; // 0 -> 1 shares a secretariat in domain 0; 1 -> 0 (weight[2]) and domain 1 do not
    t.drift(0.5, 0.1, 0.5);
    expect(t.personal[1]).toBeCloseTo(0.86, 12);
    expect(t.institutional[1]).toBeCloseTo(0.86, 12);
    expect(t.institutional[2]).toBeCloseTo(0.7, 12);
    expect(t.institutional[4 + 1]).toBeCloseTo(0.7, 12);
  });
  it('drifts and sums in one pass: the same matrices as the plain drift and, bit for bit, the sums of the drifted trust', () => {
    // A fixed pseudo-random state with secretariat weights in some domains.
    let x = 7;
    const next = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    const make = (): Trust => {
      x = 7;
      const t = new Trust(6, 3, () => next());
      for (let k = 0; k < t.weight.length; k++) t.weight[k] = next() < 0.4 ? next() : 0;
      return t;
    };
    const fused = make();
    const plain = make();
    const sums = fused.driftAndSum(0.5, 0.03, 0.2);
    // The plain drift, written out element by element.
    const n = 6;
    for (let k = 0; k < n * n; k++) if (k % (n + 1) !== 0) plain.personal[k] = plain.personal[k]! + 0.03 * (0.5 - plain.personal[k]!);
    for (let kd = 0; kd < 3 * n * n; kd++) {
      if ((kd % (n * n)) % (n + 1) === 0) continue;
      const r = plain.weight[kd]! > 0 ? 0.03 : 0.2;
      plain.institutional[kd] = plain.institutional[kd]! + r * (0.5 - plain.institutional[kd]!);
    }
    expect(Array.from(fused.personal)).toEqual(Array.from(plain.personal));
    expect(Array.from(fused.institutional)).toEqual(Array.from(plain.institutional));
    expect(sums).toEqual(plain.sums());
    // The sums are what they say: effective trust (the mean over domains) over ordered pairs.
    let effective = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) effective += plain.mean(i, j);
    expect(sums.effective).toBeCloseTo(effective, 12);
  });
  it('forgets personal relations when people leave: fully one way, half the other', () => {
    const t = new Trust(3, 1, () => 0.9);
    t.forget(0, 0.5, 0.5);
    expect(t.personal[0 * 3 + 1]).toBeCloseTo(0.7, 12);
    expect(t.personal[1 * 3 + 0]).toBeCloseTo(0.8, 12);
    expect(t.personal[1 * 3 + 2]).toBeCloseTo(0.9, 12);
    expect(t.institutional[1]).toBeCloseTo(0.9, 12);
  });
});
