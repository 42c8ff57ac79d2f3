/**
 * Verification, not validation: patterns that come back out of the model because they were put
 * in. Each test checks that the code does what its parameters say; none of them is evidence that
 * the model explains a stylized fact (docs/ODD.md, section 10). The validation tests, patterns the
 * mechanisms produce against the right null, are in stylized-facts.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tInterval } from '../../src/stats/descriptive.js';
import { runSimulation } from '../../src/core/run.js';
import type { RunResult } from '../../src/core/results.js';
import { loadScenario } from '../../src/io/scenario.js';
import { seededRuns } from './paired.js';
import type { RunMeasureId } from '../../src/core/measures.js';

const SEEDS = 60;

const runs = (name: string, seeds = SEEDS, params: Record<string, number> = {}): RunResult[] => seededRuns(name, seeds, { params });
const outcome = (rs: RunResult[], key: RunMeasureId): number[] => rs.map((r) => r.outcomes[key]!).filter((x) => Number.isFinite(x));

const results: Record<string, RunResult[]> = {};
beforeAll(() => {
  for (const name of ['wgr-plus-abolished', 'modular-gr', 'rivierenland-basiscoalitie', 'rivierenland-none']) results[name] = runs(name);
  results['rivierenland-none, localityDecay 1'] = runs('rivierenland-none', SEEDS, { localityDecay: 1 });
});

describe('verification: inputs that come back out (default calibration, 60 seeds per scenario)', () => {
  it('fact 1: the secretary turnover rate is the input secretaryTurnoverPerYear (0.25), within seed noise', () => {
    const ci = tInterval(outcome(results['wgr-plus-abolished']!, 'secretary_turnover_rate'));
    expect(ci.lo).toBeGreaterThan(0.22);
    expect(ci.hi).toBeLessThan(0.28);
  });

  it('no exits from the MRDH after 2015: it is a vervoerregio by law, mandatory in the scenario', () => {
    const { scenario } = loadScenario('wgr-plus-abolished', {});
    const r = runSimulation(scenario, 1, { trustSnapshots: false, events: true });
    const start = scenario.events.find((e) => e.type === 'start-arrangement' && e.arrangement.id === 'mrdh');
    expect(start?.type === 'start-arrangement' && start.arrangement.props.mandatory).toBe(true);
    expect(r.events.some((e) => e.type === 'formation' || e.type === 'exit')).toBe(true); // the run has structure dynamics
    expect(r.events.filter((e) => e.type === 'exit' && e.arrangement === 'mrdh')).toEqual([]);
  });

  it('fact 6, the calendar: more than a quarter of the exits fall in the 12 months after an election, because new councils review every membership then', () => {
    // Without any clustering 12 of 48 months would hold a quarter of the exits. The review calendar alone
    // puts (1 + b) / (1 + 4b) of the reviews' weight there (b = budgetReviewIntensity): this is the calendar read back.
    let exits = 0;
    let after = 0;
    for (const name of ['wgr-plus-abolished', 'modular-gr', 'rivierenland-basiscoalitie']) {
      for (const r of results[name]!) {
        exits += r.outcomes.exits!;
        if (r.outcomes.exits! > 0) after += r.outcomes.exits! * r.outcomes.exits_after_election_share!;
      }
    }
    const share = after / exits;
    expect(exits).toBeGreaterThan(100);
    expect(share).toBeGreaterThan(0.25 + 4 * Math.sqrt((0.25 * 0.75) / exits));
  });

  it('fact 8: joint-project partners are more often neighbours than pairs at random, mostly because the tasks are (localityDecay)', () => {
    const ci = tInterval(outcome(results['rivierenland-none']!, 'neighbour_partner_ratio'));
    expect(ci.lo).toBeGreaterThan(1);
    // localityDecay 1: a task's benefits do not fall with distance, and most of the preference is gone: against all
    // pairs, the ratio is mostly the task geography read back. What partner choice adds beyond the geography is
    // validated in stylized-facts.test.ts (neighbour_choice_ratio).
    const flat = tInterval(outcome(results['rivierenland-none, localityDecay 1']!, 'neighbour_partner_ratio'));
    expect(flat.lo).toBeLessThan(1.1);
    expect(flat.hi).toBeGreaterThan(0.9);
    expect(flat.hi).toBeLessThan(ci.lo);
  });
});
