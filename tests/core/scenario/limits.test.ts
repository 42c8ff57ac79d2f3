/**
 * The work estimate that refuses runs too long to be useful: it agrees with the documented
 * examples, grows with what makes a run slow, and leaves every built-in scenario far below the
 * limit.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/core/params.js';
import { estimateWork, MAX_WORK, workText } from '../../../src/core/scenario/limits.js';
import { builtinScenarioNames, loadScenario } from '../../../src/io/scenario.js';

const of = (name: string) => {
  const s = loadScenario(name).scenario;
  const maxRateMultipliers = [1, 1, 1, 1, 1];
  const domains = ['housing', 'transport', 'economy', 'social', 'operations'];
  for (const e of s.events) if (e.type === 'task-rate') maxRateMultipliers[domains.indexOf(e.domain)] = Math.max(maxRateMultipliers[domains.indexOf(e.domain)]!, e.multiplier);
  return estimateWork({ municipalities: s.region.municipalities.length, months: s.end - s.start + 1, start: s.start, params: s.params, maxRateMultipliers });
};

describe('estimateWork', () => {
  it('puts the national scenario at about 78 million units and Haaglanden below 0.1 million, as documented', () => {
    expect(Math.round(of('national').units / 1e6)).toBe(78);
    expect(of('basiscoalitie').units).toBeLessThan(0.1e6);
  });

  it('keeps every built-in scenario far below the limit', () => {
    for (const name of builtinScenarioNames()) expect(of(name).units).toBeLessThan(MAX_WORK / 10);
  });

  it('grows with municipalities (squared), months, task rates and elections', () => {
    const params = defaultParams();
    const base = { municipalities: 100, months: 120, start: 2015 * 12, params, maxRateMultipliers: [1, 1, 1, 1, 1] };
    const w = estimateWork(base).units;
    expect(estimateWork({ ...base, municipalities: 200 }).units).toBeGreaterThan(3.5 * w);
    expect(estimateWork({ ...base, months: 240 }).units).toBeGreaterThan(1.5 * w);
    expect(estimateWork({ ...base, maxRateMultipliers: [20, 20, 20, 20, 20] }).tasksPerMonth).toBeCloseTo(20 * estimateWork(base).tasksPerMonth, 10);
    expect(estimateWork({ ...base, params: { ...params, electionCycle: 1 } }).snapshots).toBe(2 + 10);
    expect(estimateWork(base).snapshots).toBe(2 + 2); // 2018 and 2022
    // No task shares: no tasks.
    expect(estimateWork({ ...base, params: { ...params, shareHousing: 0, shareTransport: 0, shareEconomy: 0, shareSocial: 0, shareOperations: 0 } }).tasksPerMonth).toBe(0);
  });

  it('writes units for people', () => {
    expect(workText(74e6)).toBe('74 million');
    expect(workText(1.25e9)).toBe('1.3 billion');
  });
});
