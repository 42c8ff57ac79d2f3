/**
 * The measures are honest by construction: a batch of 400 runs of the continued WGR-plus, the
 * scenario whose all-member binding table made the old measures degenerate (issue 9):
 * - completion_rate (a cohort of the window's tasks) is at most 1 in every run;
 * - cooperation stability is not exactly 1.0 in most months of a run (in 95% of the runs);
 * - after the spin-up no measure starts from its initial value: the first reported year of
 *   cooperation stability, pairs cooperating, trust, relationship stock and council stance lies
 *   within a few percent of the later years, where without a spin-up it did not (stability was 0
 *   for the whole first year, relationships and institutional trust were still rising).
 */
import { describe, expect, it } from 'vitest';
import { TIMESERIES_COLUMNS, type RunResult } from '../../src/core/results.js';
import { runSimulation } from '../../src/core/run.js';
import { loadScenario } from '../../src/io/scenario.js';

const RUNS = 400;
const col = (id: string): number => TIMESERIES_COLUMNS.indexOf(id as never);
const STEADY = ['cooperation_stability', 'pairs_cooperating', 'trust_mean', 'relationship_stock', 'stance_mean'] as const;

/**
 * Mean over runs of a measure in the first reported year (2006), and in the same year of the next
 * election cycle (2010): council stances follow a four-year cycle (outvoted members lose stance
 * between elections), so a year is compared with the year at the same phase of the cycle, before
 * the austerity of 2011 and 2013 and the changes of 2015.
 */
function firstAndLater(results: RunResult[], id: string): { first: number; later: number } {
  const k = col(id);
  let first = 0;
  let later = 0;
  for (const r of results) {
    const s = r.series[k]!;
    for (let m = 0; m < 12; m++) first += s[m]! / 12 / results.length;
    for (let m = 48; m < 60; m++) later += s[m]! / 12 / results.length;
  }
  return { first, later };
}

describe('honest measures (400 runs of wgr-plus-continues)', () => {
  const { scenario } = loadScenario('wgr-plus-continues');
  const results = Array.from({ length: RUNS }, (_, k) => runSimulation(scenario, k + 1, { trustSnapshots: false, events: false }));

  it('completion_rate lies in [0, 1] in every run', () => {
    const rates = results.map((r) => r.outcomes.completion_rate);
    expect(Math.max(...rates)).toBeLessThanOrEqual(1);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(0);
  });

  it('cooperation stability is exactly 1.0 in fewer than half of the months of a run (the median run, and 95% of them)', () => {
    const k = col('cooperation_stability');
    const shareOnes = results.map((r) => Array.from(r.series[k]!).filter((v) => v === 1).length / r.series[k]!.length).sort((a, b) => a - b);
    // Measured (200 seeds): median 0.21, 95th percentile 0.40; 0.5% of the runs exceed one half (docs/ODD.md, 4.11).
    expect(shareOnes[RUNS / 2]!).toBeLessThan(0.35);
    expect(shareOnes.filter((x) => x >= 0.5).length / RUNS).toBeLessThan(0.05);
  });

  it('starts in the steady state: the first reported year is within 3% of the same year of the next election cycle', () => {
    for (const id of STEADY) {
      const { first, later } = firstAndLater(results, id);
      expect(Math.abs(first - later) / later, id).toBeLessThan(0.03);
    }
  });

  it('without a spin-up the same check fails: the old start was not a steady state', () => {
    const cold = { ...scenario, spinup: 0 };
    const coldRuns = Array.from({ length: 100 }, (_, k) => runSimulation(cold, k + 1, { trustSnapshots: false, events: false }));
    const stability = firstAndLater(coldRuns, 'cooperation_stability');
    expect(stability.first / stability.later).toBeLessThan(0.5);
    const relationships = firstAndLater(coldRuns, 'relationship_stock');
    expect((relationships.later - relationships.first) / relationships.later).toBeGreaterThan(0.1);
  });
});
