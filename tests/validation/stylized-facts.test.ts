/**
 * Pattern-oriented validation: the stylized facts of the brief as statistical statements over
 * seeded runs with the default calibration, each against the null that a model without the
 * mechanism would give, so that each test can fail. Runs are paired by seed: the scenarios share
 * their external events (common random numbers). Facts the model does not reproduce stay visible
 * as expected failures (`it.fails`), each with its reason in docs/ODD.md, section 10; if one starts
 * to pass, the model has changed and the ODD must say so. Patterns that only read an input back
 * (fact 1, the review calendar of fact 6, the task geography of fact 8) are verification and are
 * tested in verification.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pairedComparison } from '../../src/stats/paired.js';
import { tInterval } from '../../src/stats/descriptive.js';
import { TIMESERIES_COLUMNS, type RunResult } from '../../src/core/results.js';
import { loadScenario } from '../../src/io/scenario.js';
import { seededRuns } from './paired.js';
import type { RunMeasureId } from '../../src/core/measures.js';
import { fromAbsMonth } from '../../src/core/time.js';

const SEEDS = 60;
const NON_TRANSPORT = ['value_housing', 'value_economy', 'value_social', 'value_operations'].map((c) => TIMESERIES_COLUMNS.indexOf(c as never));

const runs = (name: string, seeds = SEEDS): RunResult[] => seededRuns(name, seeds, { events: true });

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
  it.fails('expected failure, fact 2: spending through cooperation reaches about 14% of municipal spending by 2010', () => {
    // The model carries regional projects and their tables, not the standing executive joint bodies
    // (health services, waste, social employment) that make up most of that spending (ODD sections 10 and 11.1).
    for (const name of ['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie']) {
      const ci = tInterval(outcome(name, 'cooperation_spending_share'));
      expect(ci.hi, name).toBeGreaterThan(0.06);
    }
  });

  it('fact 3: under the WGR-plus the city region functioned well: more tasks completed and more pairs cooperating than after its abolition', () => {
    // The null is the same region and the same futures without the city region (paired by seed); the test fails
    // if its table, binding votes and central funds do not make cooperation work better.
    const completion = pairedComparison(outcome('wgr-plus-abolished', 'completion_rate'), outcome('wgr-plus-continues', 'completion_rate'));
    expect(completion.ci.lo).toBeGreaterThan(0);
    const stability = pairedComparison(outcome('wgr-plus-abolished', 'cooperation_stability'), outcome('wgr-plus-continues', 'cooperation_stability'));
    expect(stability.ci.lo).toBeGreaterThan(0);
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

  /** Review exits in the evaluation window: at the post-election review (a new council) and at budget reviews. */
  const reviewExits = (): { election: number; budget: number; b: number } => {
    let election = 0;
    let budget = 0;
    let b = NaN;
    for (const name of ['wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'rivierenland-basiscoalitie']) {
      const { scenario } = loadScenario(name, {});
      b = scenario.params.budgetReviewIntensity;
      const from = fromAbsMonth(scenario.evaluation.from);
      for (const r of results[name]!) {
        for (const e of r.events) {
          if (e.type !== 'exit' || e.date < from) continue;
          const reason = String(e.detail?.reason ?? '');
          if (reason.startsWith('new council')) election++;
          else if (reason.startsWith('budget review')) budget++;
        }
      }
    }
    return { election, budget, b };
  };

  // The expected failures below assert only the fact; what they need (enough exits, finite shares) is asserted
  // here, so that an expected failure cannot hold for a broken reason.
  it('the expected failures have their data: review exits of both kinds, and austerity choices', () => {
    const { election, budget, b } = reviewExits();
    expect(election).toBeGreaterThan(50);
    expect(budget).toBeGreaterThan(50);
    expect(b).toBeGreaterThan(0);
    expect(outcome('wgr-plus-abolished', 'austerity_regional_first_share').filter(Number.isFinite).length).toBeGreaterThan(50);
    for (const name of ['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie']) expect(outcome(name, 'cooperation_spending_share').every(Number.isFinite), name).toBe(true);
  });

  it.fails('expected failure, fact 6: new councils leave more than the review calendar alone predicts', () => {
    // The calendar gives a new council's review weight 1 and each of the four yearly budget reviews of a term
    // weight b (budgetReviewIntensity): without anything new about a new council, a share 1 / (1 + 4b) of the
    // review exits happen at the post-election review. The fact holds beyond the calendar only if new councils
    // leave more than that. In the model they leave less (0.33 to 0.49 per scenario against 0.50): a new
    // council's review looks back on a whole term, whose value evens out (ODD section 10).
    const { election, budget, b } = reviewExits();
    const n = election + budget;
    const nul = 1 / (1 + 4 * b);
    expect(election / n).toBeGreaterThan(nul + 2 * Math.sqrt((nul * (1 - nul)) / n));
  });

  it.fails('expected failure, fact 7: under austerity most municipalities cut the joint arrangement before their own apparatus', () => {
    // A municipality cuts its regional work first when cooperation brought it less than a euro per euro in the
    // term (ODD section 7.1.1); under the cuts of 2011 and 2013 about half do, not most.
    const ci = tInterval(outcome('wgr-plus-abolished', 'austerity_regional_first_share').filter(Number.isFinite));
    expect(ci.lo).toBeGreaterThan(0.5);
  });

  it('fact 8: among the beneficiaries of a project, the nearer ones take part: partners are neighbours more often than the beneficiaries are', () => {
    // The null is the beneficiaries of the same projects, all of them taking part (neighbour_choice_ratio = 1). In
    // Rivierenland, without a table, partners select themselves: the willing rule drops the members for whom the
    // project is not worth it, and their stakes fall with distance from the task. This is choice by stake, which
    // the geography of the stakes drives; the neighbour bonuses (cheaper search, more trust) add nothing
    // detectable. With flat geography and those bonuses off the test fails (ODD section 10).
    const ci = tInterval(outcome('rivierenland-none', 'neighbour_choice_ratio').filter((x) => Number.isFinite(x)));
    expect(ci.lo).toBeGreaterThan(1);
  });
});
