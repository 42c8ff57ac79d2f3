import { describe, expect, it } from 'vitest';
import { Trust } from '../../../src/core/entities/trust.js';

describe('trust', () => {
  it('mixes personal and institutional parts by the shared secretariat weight', () => {
    const t = new Trust(2, () => 0.5);
    t.personal[1] = 0.2;
    t.institutional[1] = 0.8;
    expect(t.get(0, 1)).toBeCloseTo(0.2, 12);
    t.weight[1] = 0.6;
    expect(t.get(0, 1)).toBeCloseTo(0.6 * 0.8 + 0.4 * 0.2, 12);
    expect(t.get(0, 0)).toBe(1);
  });
  it('rises toward 1 on delivery and falls in proportion on free-riding, only personally without a secretariat', () => {
    const t = new Trust(2, () => 0.5);
    t.raise(0, 1, 0.1, false);
    expect(t.personal[1]).toBeCloseTo(0.55, 12);
    expect(t.institutional[1]).toBeCloseTo(0.5, 12);
    t.lower(1, 0, 0.2, true);
    expect(t.personal[2]).toBeCloseTo(0.4, 12);
    expect(t.institutional[2]).toBeCloseTo(0.4, 12);
  });
  it('drifts to the base; institutional memory fades fast without a secretariat', () => {
    const t = new Trust(2, () => 0.9);
    t.weight[1] = 0.5; // 0 -> 1 shares a secretariat, 1 -> 0 (weight[2]) does not
    t.drift(0.5, 0.1, 0.5);
    expect(t.personal[1]).toBeCloseTo(0.86, 12);
    expect(t.institutional[1]).toBeCloseTo(0.86, 12);
    expect(t.institutional[2]).toBeCloseTo(0.7, 12);
  });
  it('forgets personal relations when people leave: fully one way, half the other', () => {
    const t = new Trust(3, () => 0.9);
    t.forget(0, 0.5, 0.5);
    expect(t.personal[0 * 3 + 1]).toBeCloseTo(0.7, 12);
    expect(t.personal[1 * 3 + 0]).toBeCloseTo(0.8, 12);
    expect(t.personal[1 * 3 + 2]).toBeCloseTo(0.9, 12);
    expect(t.institutional[1]).toBeCloseTo(0.9, 12);
  });
});
