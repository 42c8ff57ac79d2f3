/**
 * Pattern-oriented validation: the stylized facts of the brief (1, 4, 5, 6, 8) as statistical
 * statements over seeded runs with the default calibration. Runs are paired by seed: the
 * scenarios share their external events (common random numbers). The measured figures are
 * recorded in docs/ODD.md ("Validation against the stylized facts").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pairedComparison } from '../../src/stats/paired.js';
import { tInterval } from '../../src/stats/descriptive.js';
import { runSimulation } from '../../src/core/run.js';
import { TIMESERIES_COLUMNS, type RunResult } from '../../src/core/results.js';
import { loadScenario } from '../../src/io/scenario.js';
import type { RunMeasureId } from '../../src/core/measures.js';

const SEEDS = 60;
const NON_TRANSPORT = ['value_housing', 'value_economy', 'value_social', 'value_operations'].map((c) => TIMESERIES_COLUMNS.indexOf(c as never));

function runs(name: string, seeds = SEEDS): RunResult[] {
  const { scenario } = loadScenario(name, {});
  return Array.from({ length: seeds }, (_, k) => runSimulation(scenario, k + 1, { trustSnapshots: false, events: false }));
}

function windowSum(r: RunResult, from: string, to: string, cols: number[]): number {
  let s = 0;
  r.dates.forEach((d, i) => {
    if (d >= from && d <= to) for (const k of cols) s += r.series[k]![i]!;
  });
  return s;
}

const results: Record<string, RunResult[]> = {};
beforeAll(() => {
  for (const name of ['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'rivierenland-none', 'rivierenland-basiscoalitie']) results[name] = runs(name);
  results['national'] = runs('national', 4);
});

const outcome = (name: string, key: RunMeasureId): number[] => results[name]!.map((r) => r.outcomes[key]!);

describe('stylized facts (default calibration, 60 seeds per scenario)', () => {
  it('fact 1: about 25% of secretaries leave per year', () => {
    const ci = tInterval(outcome('wgr-plus-abolished', 'secretary_turnover_rate'));
    expect(ci.lo).toBeGreaterThan(0.22);
    expect(ci.hi).toBeLessThan(0.28);
  });

  it('fact 4: after abolition non-transport output drops below the counterfactual, and recovers faster with a coordinator', () => {
    const early = (name: string): number[] => results[name]!.map((r) => windowSum(r, '2015-01', '2018-12', NON_TRANSPORT));
    const drop = pairedComparison(early('wgr-plus-continues'), early('wgr-plus-abolished'));
    expect(drop.ci.hi).toBeLessThan(0);
    const coordinator = pairedComparison(early('wgr-plus-abolished'), early('basiscoalitie'));
    expect(coordinator.ci.lo).toBeGreaterThan(0);
    // Until 2015 the scenarios are the same world: the paired difference is exactly zero.
    const pre = (name: string): number[] => results[name]!.map((r) => windowSum(r, '2006-01', '2014-12', NON_TRANSPORT));
    expect(pre('basiscoalitie')).toEqual(pre('wgr-plus-abolished'));
  });

  it('fact 5: with a basiscoalitie cooperation is more stable and delivers more than without', () => {
    const stability = pairedComparison(outcome('wgr-plus-abolished', 'cooperation_stability'), outcome('basiscoalitie', 'cooperation_stability'));
    expect(stability.ci.lo).toBeGreaterThan(0);
    const completion = pairedComparison(outcome('wgr-plus-abolished', 'completion_rate'), outcome('basiscoalitie', 'completion_rate'));
    expect(completion.ci.lo).toBeGreaterThan(0);
    const rivierenland = pairedComparison(outcome('rivierenland-none', 'cooperation_stability'), outcome('rivierenland-basiscoalitie', 'cooperation_stability'));
    expect(rivierenland.ci.lo).toBeGreaterThan(0);
  });

  it('fact 6: exits cluster in the year after council elections', () => {
    let exits = 0;
    let after = 0;
    for (const name of ['wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'rivierenland-basiscoalitie']) {
      for (const r of results[name]!) {
        exits += r.outcomes.exits!;
        if (r.outcomes.exits! > 0) after += r.outcomes.exits! * r.outcomes.exits_after_election_share!;
      }
    }
    // Without clustering a quarter of exits would fall in the 12 months after an election (12 of 48).
    const share = after / exits;
    const se = Math.sqrt((0.25 * 0.75) / exits);
    expect(exits).toBeGreaterThan(100);
    expect(share).toBeGreaterThan(0.25 + 4 * se);
  });

  it('fact 8: municipalities choose nearby partners', () => {
    for (const name of ['rivierenland-none', 'national']) {
      const ratios = outcome(name, 'neighbour_partner_ratio').filter((x) => Number.isFinite(x));
      expect(ratios.length).toBeGreaterThan(2);
      const ci = tInterval(ratios);
      expect(ci.lo, name).toBeGreaterThan(1);
    }
  });
});
