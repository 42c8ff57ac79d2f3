import { describe, expect, it } from 'vitest';
import { electionMultiplier, monthlyHazard } from '../../../src/core/submodels/turnover.js';

describe('turnover rates', () => {
  it('reads an annual rate as departures per post per year', () => {
    expect(monthlyHazard(0.25) * 12).toBeCloseTo(0.25, 12);
  });
  it('peaks after elections and keeps the cycle mean at 1', () => {
    const cycle = 48;
    let sum = 0;
    for (let m = 0; m < cycle; m++) sum += electionMultiplier(m, 1.6, cycle);
    expect(sum / cycle).toBeCloseTo(1, 12);
    expect(electionMultiplier(0, 1.6, cycle)).toBe(1.6);
    expect(electionMultiplier(11, 1.6, cycle)).toBe(1.6);
    expect(electionMultiplier(12, 1.6, cycle)).toBeCloseTo(0.8, 12);
  });
});
