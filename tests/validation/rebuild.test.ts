/**
 * After abolition the region rebuilds (issue 10; stylized fact 4): in wgr-plus-abolished the
 * municipalities form standing arrangements themselves, output in the domains that lost their
 * table dips after 2015, and the recovery depends on the mechanisms, not on a scenario event.
 * Intervals are 95% t intervals of paired differences over seeds 1..runs (seed noise only).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario.js';
import { effect, outcomes, same, set } from './paired.js';

const name = 'wgr-plus-abolished';

describe('after abolition the region rebuilds', () => {
  it('in some runs, not all, the municipalities form a standing arrangement after 2015', () => {
    const runs = outcomes(loadScenario(name).scenario, 100);
    const share = runs.filter((o) => o.standing_formations > 0).length / runs.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(1);
  });

  it('output in the domains that lost their table dips after 2015 and recovers in most runs before the end', () => {
    // recovery_months follows housing, economy and operations (not transport, and not the social domain, whose task
    // rate the 2015 decentralisation event triples): a recovery there is the mechanisms', not an event's.
    const { scenario } = loadScenario(name);
    const runs = outcomes(scenario, 100);
    const months = runs.map((o) => o.recovery_months);
    const horizon = scenario.evaluation.to - scenario.evaluation.from + 1;
    expect(months.filter((m) => m > 0).length / runs.length).toBeGreaterThan(0.9); // a dip
    expect(months.filter((m) => m > 0 && m < horizon).length / runs.length).toBeGreaterThan(0.5); // and a recovery
  });

  it('the recovery depends on the mechanisms: without formation it takes longer', () => {
    // recovery_months is a threshold crossing with a spread of about 25 months between paired runs: 300 pairs.
    expect(effect(name, same, (s) => ({ ...s, formation: false }), 'recovery_months', 300).lo).toBeGreaterThan(0);
  }, 600_000);

  it('a kwartiermaker shortens the recovery when the region builds a table in 2015 (basiscoalitie)', () => {
    // Always against never. The effect is a few months against that spread, hence 1,000 pairs (ODD section 10, fact 4).
    expect(effect('basiscoalitie', set({ kwartiermakerShare: 1 }), set({ kwartiermakerShare: 0 }), 'recovery_months', 1000).lo).toBeGreaterThan(0);
  }, 900_000);

  // Expected failure (ODD section 10, fact 4): where the tables are the ones the municipalities form themselves,
  // a kwartiermaker's effect on the recovery is too small to detect: even no start-up at all hardly moves it, and
  // recovery comes (median 42 months) when the start-up is over with or without one. Seeds 1 to 300 give -0.5
  // months (-3.3 to 2.2); the ODD's 1,000 pairs -1.0 (-2.8 to 0.7). If this starts to pass, the model has changed
  // and ODD section 10 must say so.
  const kwartiermaker = (): ReturnType<typeof effect> => effect(name, set({ kwartiermakerShare: 1 }), set({ kwartiermakerShare: 0 }), 'recovery_months', 300);
  it('the expected failure below has its data: a finite interval from runs that form standing tables', () => {
    const e = kwartiermaker();
    expect(Number.isFinite(e.lo) && Number.isFinite(e.hi)).toBe(true);
    expect(outcomes(set({ kwartiermakerShare: 1 })(loadScenario(name).scenario), 300).filter((o) => o.standing_formations > 0).length).toBeGreaterThan(100);
  }, 600_000);
  it.fails('expected failure: in wgr-plus-abolished a kwartiermaker shortens the recovery', () => {
    expect(kwartiermaker().lo).toBeGreaterThan(0);
  }, 600_000);
});
