/**
 * Every mechanism bites (issue 10): switching it off, or setting its parameter to a bound,
 * changes an outcome by an amount whose 95% interval excludes 0, in paired seeded runs of the
 * default Haaglanden scenario (wgr-plus-abolished, the history every Haaglanden comparison is set
 * against) and the default Rivierenland scenario (rivierenland-none, its reference). Mechanisms of
 * a secretariat or of a new table are tested where there is one: the basiscoalitie of each region
 * (basiscoalitie, rivierenland-basiscoalitie), started in 2015.
 *
 * Each case names its outcome before it is run; the interval is the t interval of the paired
 * differences over seeds 1..RUNS (seed noise only: the parameters are the defaults). These are
 * tests that the mechanisms matter, not that their size is right: that is calibration (issue 11).
 */
import { describe, expect, it } from 'vitest';
import type { RunMeasureId } from '../../src/core/measures.js';
import { runSimulation } from '../../src/core/run.js';
import type { Scenario } from '../../src/core/scenario/resolve.js';
import { loadScenario } from '../../src/io/scenario.js';
import { tInterval } from '../../src/stats/descriptive.js';

const RUNS = 50;

type Change = (s: Scenario) => Scenario;
const set = (params: Record<string, number>): Change => (s) => ({ ...s, params: { ...s.params, ...params } });
const both = (...changes: Change[]): Change => (s) => changes.reduce((x, c) => c(x), s);
/** An extra general staff cut of 20% in the second reported year, in both arms of a comparison. */
const cut20: Change = (s) => ({ ...s, events: [...s.events, { at: s.start + 12, type: 'austerity' as const, capacity: 0.8 }].sort((a, b) => a.at - b.at) });

/** Runs are shared between cases: the same scenario with the same settings is run once per number of runs. */
const cache = new Map<string, Record<RunMeasureId, number>[]>();
function outcomes(scenario: Scenario, runs: number): Record<RunMeasureId, number>[] {
  const k = JSON.stringify([scenario.name, runs, scenario.params, scenario.formation, scenario.formationKinds, scenario.events.map((e) => [e.at, e.type])]);
  if (!cache.has(k)) cache.set(k, Array.from({ length: runs }, (_, i) => runSimulation(scenario, i + 1, { trustSnapshots: false, events: false }).outcomes));
  return cache.get(k)!;
}

/** The 95% t interval of (switched off − on) over paired seeds. */
function effect(name: string, on: Change, off: Change, outcome: RunMeasureId, runs = RUNS): { mean: number; lo: number; hi: number } {
  const base = loadScenario(name).scenario;
  const a = outcomes(on(base), runs);
  const b = outcomes(off(base), runs);
  const d = a.map((x, i) => b[i]![outcome] - x[outcome]).filter(Number.isFinite);
  const ci = tInterval(d);
  return { mean: ci.mean, lo: ci.lo, hi: ci.hi };
}

const same: Change = (s) => s;
function bites(name: string, on: Change, off: Change, outcome: RunMeasureId, runs = RUNS): void {
  const e = effect(name, on, off, outcome, runs);
  // The interval excludes 0.
  expect(e.lo > 0 || e.hi < 0, `${name}: ${outcome} changes by ${e.mean.toPrecision(3)} [${e.lo.toPrecision(3)}, ${e.hi.toPrecision(3)}]`).toBe(true);
}

interface Case {
  mechanism: string;
  /** What the comparison sets in both arms (default: nothing). */
  on?: Change;
  off: Change;
  /** The switched-off arm is `off` of the scenario alone, not of the `on` arm (a twin). */
  twin?: boolean;
  /** Scenario and outcome per region. */
  haaglanden: [string, RunMeasureId];
  rivierenland: [string, RunMeasureId];
  runs?: number;
}

const CASES: Case[] = [
  { mechanism: 'scarce capacity (project-group work and regional staff)', off: set({ taskFixedFte: 0, regionalFtePer10k: 10 }), haaglanden: ['wgr-plus-abolished', 'value_net_per_inhabitant'], rivierenland: ['rivierenland-none', 'value_net_per_inhabitant'] },
  // The scenario with a general staff cut of 20% (Haaglanden's own cuts of 5% in 2011 and 2013 as well) against its twin without any.
  { mechanism: 'austerity (a twin without staff cuts)', on: cut20, off: (s) => ({ ...s, events: s.events.filter((e) => e.type !== 'austerity') }), twin: true, haaglanden: ['wgr-plus-abolished', 'value_net_per_inhabitant'], rivierenland: ['rivierenland-none', 'value_net_per_inhabitant'] },
  // The choice cuts contributions to joint arrangements too (a membership review): tested where Rivierenland has one.
  { mechanism: 'the austerity choice of what to cut first (against a proportional cut)', on: cut20, off: set({ austerityRegionalDepth: 1, austerityProtectedDepth: 1 }), haaglanden: ['wgr-plus-abolished', 'value_per_inhabitant'], rivierenland: ['rivierenland-basiscoalitie', 'value_per_inhabitant'] },
  { mechanism: 'transaction costs in the decision', off: set({ 'tc.information': 0, 'tc.negotiation': 0, 'tc.enforcement': 0, searchCost: 0 }), haaglanden: ['wgr-plus-abolished', 'value_net_per_inhabitant'], rivierenland: ['rivierenland-none', 'value_net_per_inhabitant'] },
  // The secretary holds the relationships of its domains when people leave (the stock the memory protects).
  { mechanism: 'the secretary\'s memory of its domains', off: set({ institutionalWeightSecretary: 0, secretariatMemorySecretary: 0 }), haaglanden: ['basiscoalitie', 'relationship_stock'], rivierenland: ['rivierenland-basiscoalitie', 'relationship_stock'] },
  // Institutional trust of a domain nobody holds is used only once a secretariat takes the domain on; in
  // wgr-plus-abolished that is rare and the effect small (trust +0.0016, interval 0.00003 to 0.0032 in 200
  // pairs), so the case runs where a basiscoalitie holds some domains and a formed table may take on others.
  { mechanism: 'institutional trust fading where no secretariat holds a domain', off: set({ institutionalDecayWithout: 0 }), haaglanden: ['basiscoalitie', 'trust_mean'], rivierenland: ['rivierenland-basiscoalitie', 'trust_mean'], runs: 100 },
  { mechanism: 'formation of arrangements', off: (s) => ({ ...s, formation: false }), haaglanden: ['wgr-plus-abolished', 'value_nontransport'], rivierenland: ['rivierenland-none', 'value_nontransport'] },
  { mechanism: 'standing kinds among the formed (against networks only)', off: (s) => ({ ...s, formationKinds: ['network'] }), haaglanden: ['wgr-plus-abolished', 'value_nontransport'], rivierenland: ['rivierenland-none', 'value_per_inhabitant'], runs: 150 },
  { mechanism: 'the start-up of a new table', off: set({ startupMonths: 0, kwartiermakerMonths: 0 }), haaglanden: ['basiscoalitie', 'value_early_per_inhabitant'], rivierenland: ['rivierenland-basiscoalitie', 'value_early_per_inhabitant'] },
  { mechanism: 'a kwartiermaker (always against never)', on: set({ kwartiermakerShare: 1 }), off: set({ kwartiermakerShare: 0 }), haaglanden: ['basiscoalitie', 'value_early_per_inhabitant'], rivierenland: ['rivierenland-basiscoalitie', 'value_early_per_inhabitant'] },
  { mechanism: 'reciprocity in delivery', off: set({ reciprocity: 0 }), haaglanden: ['wgr-plus-abolished', 'trust_mean'], rivierenland: ['rivierenland-none', 'trust_mean'], runs: 100 },
  { mechanism: 'the shadow of the future at a standing table', off: set({ shadowOfFuture: 0 }), haaglanden: ['wgr-plus-abolished', 'trust_mean'], rivierenland: ['rivierenland-none', 'trust_mean'], runs: 150 },
  { mechanism: 'free-riding on spill-overs', off: set({ freeRiding: 0 }), haaglanden: ['wgr-plus-abolished', 'completion_rate'], rivierenland: ['rivierenland-none', 'value_net_per_inhabitant'], runs: 200 },
  // In wgr-plus-abolished only the arrangements the municipalities form can be left (the MRDH is mandatory): few exits.
  { mechanism: 'crisis exits from grievances', off: set({ crisisExitHazard: 0 }), haaglanden: ['wgr-plus-abolished', 'exits'], rivierenland: ['rivierenland-none', 'exits'], runs: 150 },
  // The practitioners' lessons of seed 001 (section 7.6.14 of the ODD).
  { mechanism: 'regional leaders who persist', off: set({ leadershipWeight: 0, leadershipAttempts: 0 }), haaglanden: ['wgr-plus-abolished', 'cooperation_stability'], rivierenland: ['rivierenland-none', 'value_net_per_inhabitant'], runs: 150 },
  // Managing the home base acts at standing tables: Rivierenland's is the basiscoalitie.
  { mechanism: 'managing the home base', off: set({ homeBaseFte: 0 }), haaglanden: ['wgr-plus-abolished', 'stance_mean'], rivierenland: ['rivierenland-basiscoalitie', 'stance_mean'] },
  { mechanism: 'urgency shared across the region', off: set({ sharedUrgencyWeight: 0 }), haaglanden: ['wgr-plus-abolished', 'completion_rate'], rivierenland: ['rivierenland-none', 'completion_rate'], runs: 150 },
];

describe.each(CASES)('$mechanism bites', (c) => {
  const on = c.on ?? same;
  const off = c.twin ? c.off : both(on, c.off);
  it(`in Haaglanden (${c.haaglanden[0]}, ${c.haaglanden[1]})`, () => bites(c.haaglanden[0], on, off, c.haaglanden[1], c.runs));
  it(`in Rivierenland (${c.rivierenland[0]}, ${c.rivierenland[1]})`, () => bites(c.rivierenland[0], on, off, c.rivierenland[1], c.runs));
});

describe('regional capacity binds for the smaller members', () => {
  it.each(['wgr-plus-abolished', 'wgr-plus-continues', 'rivierenland-none'])('in %s, in a share of municipality-months above 1 percent for the smaller half, more than for the larger half', (name) => {
    const runs = outcomes(loadScenario(name).scenario, 20);
    const small = runs.reduce((s, o) => s + o.capacity_short_small_share, 0) / runs.length;
    const all = runs.reduce((s, o) => s + o.capacity_short_share, 0) / runs.length;
    // The larger half's share: all = (small + large) / 2 when the halves are equal (odd n: close to it).
    expect(small).toBeGreaterThan(0.01);
    expect(small).toBeGreaterThan(all);
  });
});

describe('after abolition the region rebuilds', () => {
  const name = 'wgr-plus-abolished';
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
    expect(effect(name, same, (s) => ({ ...s, formation: false }), 'recovery_months', 100).lo).toBeGreaterThan(0);
  });
  it('a kwartiermaker shortens it', () => {
    // Always against never; the effect acts only in runs where a new table is built, hence 300 pairs.
    expect(effect(name, set({ kwartiermakerShare: 1 }), set({ kwartiermakerShare: 0 }), 'recovery_months', 300).lo).toBeGreaterThan(0);
  });
});
