import { describe, expect, it } from 'vitest';
import type { Task } from '../../../src/core/entities/task.js';
import { initialise } from '../../../src/core/initialization.js';
import { resolveScenario } from '../../../src/core/scenario/resolve.js';
import { scenarioSchema } from '../../../src/core/scenario/schema.js';
import { decide, evaluate, type Venue } from '../../../src/core/submodels/decision.js';
import { isElectionMonth } from '../../../src/core/submodels/elections.js';
import { toAbsMonth } from '../../../src/core/time.js';
import { MECHANISMS_OFF } from '../world.js';

/** A venue with the given bindingness, no transaction-cost discount, full expected quality, members bound. */
const at = (binding: number, canStayOut = false): Venue => ({ id: 'table', binding, dealDiscount: 0, quality: 1, canStayOut, pull: 0 });

/** A three-municipality world with no judgement noise, so utilities are exact. */
function world(overrides: Record<string, number> = {}) {
  const file = scenarioSchema.parse({
    name: 'tiny',
    region: { name: 'Tiny', municipalities: [{ name: 'A', population: 50000 }, { name: 'B', population: 30000 }, { name: 'C', population: 20000 }] },
    start: '2015-01',
    end: '2016-12',
    parameters: { decisionNoise: 0, ...MECHANISMS_OFF, ...overrides },
  });
  const r = resolveScenario(file, () => undefined, []);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const w = initialise(r.scenario, 1);
  for (const m of w.municipalities) {
    (m as { autonomy: number }).autonomy = 0;
    m.stance = 0.5;
  }
  return w;
}

function task(shares: number[], value: number, budget: number): Task {
  return {
    id: 1, domain: 'housing', arrived: 0, location: 0, urgency: 1, work: 0, budget, value, duration: 12, deadline: 99,
    beneficiaries: shares.map((_, i) => i), shares, noiseKey: 7, status: 'agenda', table: null, blocked: false, dealtAt: null, mandje: null, mandjeTried: [], attempts: 0,
    participants: [], convinced: [], workDue: [], costShare: [], monitorFte: [], weight: [], delivered: [], owed: [], subsidy: 0, startedAt: -1, endsAt: -1, coordination: 0,
  };
}

describe('decisions', () => {
  it('split costs by population and weigh partners\' gains by trust', () => {
    const w = world({ altruism: 0.5, mandateScale: 0 });
    // Trust 0.6 between all: trustInitial 0.55 plus the neighbour bonus 0.05 (no neighbours listed, so all are neighbours).
    const t = task([0.2, 0.4, 0.4], 10, 5);
    const ev = evaluate(w, t, [0, 1, 2], at(0), 0);
    expect(ev.costShare).toEqual([2.5, 1.5, 1]);
    // Own gains: 2 - 2.5 = -0.5, 4 - 1.5 = 2.5, 4 - 1 = 3. A: -0.5 + 0.5 * 0.6 * (2.5 + 3) / 2
    expect(ev.utility[0]).toBeCloseTo(-0.5 + 0.5 * 0.6 * 2.75, 12);
    expect(ev.utility[1]).toBeCloseTo(2.5 + 0.5 * 0.6 * 1.25, 12);
  });

  it('consensus fails on one objection; a binding majority passes and records the outvoted', () => {
    const w = world({ altruism: 0, mandateScale: 0 });
    const t = task([0.05, 0.5, 0.45], 10, 5); // A gains 0.5 but pays 2.5
    const consensus = decide(w, 'consensus', [0, 1, 2], [t], at(1), [0]);
    expect(consensus.passed).toBe(false);
    expect(consensus.yes).toEqual([1, 2]);
    // Votes weighted by sqrt(population): B and C hold sqrt(30k)+sqrt(20k) of sqrt(50k)+sqrt(30k)+sqrt(20k) = 0.58.
    const majority = decide(w, 'majority', [0, 1, 2], [t], at(1), [0]);
    expect(majority.passed).toBe(true);
    expect(majority.support).toBeCloseTo((Math.sqrt(30000) + Math.sqrt(20000)) / (Math.sqrt(50000) + Math.sqrt(30000) + Math.sqrt(20000)), 12);
    expect(majority.outvoted).toEqual([0]);
    expect(majority.convinced).toEqual([false, true, true]);
  });

  it('lets the willing go ahead without the unwilling when they hold enough of the value', () => {
    const w = world({ altruism: 0, mandateScale: 0, viabilityShare: 0.5 });
    const t = task([0.05, 0.5, 0.45], 10, 5);
    const o = decide(w, 'willing', [0, 1, 2], [t], at(0.2), [0]);
    expect(o.passed).toBe(true);
    expect(o.participants).toEqual([1, 2]);
    expect(o.support).toBeCloseTo(0.95, 12);
    // Costs are then shared by B and C only: 3 and 2.
    expect(o.evaluation!.costShare).toEqual([3, 2]);
  });

  it('a mandate lets an alderman accept a loss up to mandateScale x stance x own cost', () => {
    const t = task([0.2, 0.4, 0.4], 10, 5); // A: own gain -0.5 on a cost of 2.5
    expect(decide(world({ altruism: 0, mandateScale: 0.3 }), 'consensus', [0, 1, 2], [t], at(0), [0]).passed).toBe(false); // 0.3*0.5*2.5 = 0.375 < 0.5
    expect(decide(world({ altruism: 0, mandateScale: 0.5 }), 'consensus', [0, 1, 2], [t], at(0), [0]).passed).toBe(true); // 0.625 >= 0.5
  });

  it('a package deal passes where each task alone is blocked', () => {
    const w = world({ altruism: 0, mandateScale: 0 });
    const t1 = task([0.05, 0.5, 0.45], 10, 5); // A loses
    const t2 = { ...task([0.9, 0.05, 0.05], 10, 5), id: 2, domain: 'economy' as const }; // B and C lose
    expect(decide(w, 'consensus', [0, 1, 2], [t1], at(0), [0]).passed).toBe(false);
    expect(decide(w, 'consensus', [0, 1, 2], [t2], at(0), [0]).passed).toBe(false);
    expect(decide(w, 'consensus', [0, 1, 2], [t1, t2], at(0), [0, 0]).passed).toBe(true);
  });

  it('a member\'s own gain from a package is its gain from both tasks', () => {
    const w = world({ altruism: 0, mandateScale: 0 });
    const t1 = task([0.05, 0.5, 0.45], 10, 5);
    const t2 = { ...task([0.9, 0.05, 0.05], 10, 5), id: 2, domain: 'economy' as const };
    const pkg = decide(w, 'majority', [0, 1, 2], [t1, t2], at(0), [0, 0]);
    // Costs split 0.5 / 0.3 / 0.2 of 5 per task. A: (0.5 - 2.5) + (9 - 2.5); B: (5 - 1.5) + (0.5 - 1.5); C: (4.5 - 1) + (0.5 - 1).
    expect(pkg.evaluation!.gain.map((g) => Math.round(g * 1e9) / 1e9)).toEqual([4.5, 2.5, 3]);
    expect(decide(w, 'majority', [0, 1, 2], [t1], at(0), [0]).evaluation!.gain.map((g) => Math.round(g * 1e9) / 1e9)).toEqual([-2, 3.5, 3.5]);
  });
});

describe('decisions: transaction costs, expected quality, free-riding and the project group', () => {
  const TC = { 'tc.information': 1.5, 'tc.negotiation': 0.5, 'tc.enforcement': 4 };
  it('each participant weighs information, negotiation and enforcement costs, lower at a table with a secretariat and with binding rules and trust', () => {
    const w = world({ altruism: 0, mandateScale: 0, ...TC });
    const none = world({ altruism: 0, mandateScale: 0 });
    const t = task([0.2, 0.4, 0.4], 10, 5);
    const venue = (binding: number, dealDiscount: number): Venue => ({ id: 'tafel', binding, dealDiscount, quality: 1, canStayOut: false, pull: 0 });
    const cost = (binding: number, discount: number) => evaluate(none, t, [0, 1, 2], venue(binding, discount), 0).utility[0]! - evaluate(w, t, [0, 1, 2], venue(binding, discount), 0).utility[0]!;
    // Trust 0.6 between all. Deal: (1.5 + 0.5 x 2 partners) x (1 - discount); enforcement: 4 x (1 - binding) x (1 - 0.6); at 0.008 M EUR.
    expect(cost(0, 0)).toBeCloseTo((2.5 + 1.6) * 0.008, 12); // ad hoc: all of it
    expect(cost(0, 0.5)).toBeCloseTo((1.25 + 1.6) * 0.008, 12); // a secretary saves half the deal
    expect(cost(0.5, 0.5)).toBeCloseTo((1.25 + 0.8) * 0.008, 12); // binding rules halve the enforcement
    const adHoc = evaluate(w, t, [0, 1, 2], venue(0, 0), 0);
    expect(adHoc.dealFte).toEqual([2.5, 2.5, 2.5]);
    expect(adHoc.monitorFte[0]).toBeCloseTo(1.6 / 12, 12);
    // More trust, less enforcement.
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== j) w.trust.personal[i * 3 + j] = 0.9;
    expect(evaluate(w, t, [0, 1, 2], venue(0, 0), 0).monitorFte[0]).toBeCloseTo((4 * 0.1) / 12, 12);
    // Once paid at a venue, the deal is not counted again there.
    t.dealtAt = 'tafel';
    const again = evaluate(w, t, [0, 1, 2], { id: 'tafel', binding: 0.5, dealDiscount: 0.5, quality: 1, canStayOut: false, pull: 0 }, 0);
    expect(again.dealFte).toEqual([0, 0, 0]);
  });

  it('members count on the venue\'s coordination quality, weigh the spill-over they would get by staying out, and each sends someone to the project group', () => {
    const w = world({ altruism: 0, mandateScale: 0, freeRiding: 0.5, spillover: 0.3, taskFixedFte: 0.25 });
    const t = task([0.2, 0.4, 0.4], 10, 5);
    const ev = evaluate(w, t, [0, 1, 2], { id: 'x', binding: 0, dealDiscount: 0, quality: 0.8, canStayOut: true, pull: 0 }, 0);
    // Fixed share: 0.25 FTE a month over 12 months at 0.008 = 0.024 M EUR each, on top of the population share.
    expect(ev.costShare.map((c) => Math.round(c * 1e9) / 1e9)).toEqual([2.524, 1.524, 1.024]);
    expect(ev.workDue).toEqual([0.25, 0.25, 0.25]);
    // B: 0.4 x 10 x 0.8 - 1.524 = 1.676, less 0.5 x 0.3 x 0.4 x 10 = 0.6 for staying out.
    expect(ev.gain[1]).toBeCloseTo(3.2 - 1.524, 12);
    expect(ev.utility[1]).toBeCloseTo(3.2 - 1.524 - 0.6, 12);
    // Bound members (a majority table) have no outside option.
    const bound = evaluate(w, t, [0, 1, 2], { id: 'x', binding: 0, dealDiscount: 0, quality: 0.8, canStayOut: false, pull: 0 }, 0);
    expect(bound.utility[1]).toBeCloseTo(3.2 - 1.524, 12);
  });
});

describe('decisions: shared urgency', () => {
  it('the region\'s unmet stakes in the domain raise every member\'s mandate', () => {
    const w = world({ altruism: 0, mandateScale: 0.5, sharedUrgencyWeight: 0.5, formationPressure: 2.5 });
    const t = task([0.2, 0.4, 0.4], 10, 5);
    const calm = evaluate(w, t, [0, 1, 2], at(0), 0).mandate[0]!;
    expect(calm).toBeCloseTo(0.5 * 0.5 * 2.5, 12);
    // Unmet housing stakes 7.5 against formationPressure x n = 7.5: U = 0.5, mandate x 1.25.
    w.municipalities.forEach((m) => (m.unmet[0] = 2.5));
    expect(evaluate(w, t, [0, 1, 2], at(0), 0).mandate[0]).toBeCloseTo(calm * 1.25, 12);
  });

  it('is 0 without unmet stakes and full with any at formationPressure 0 (its lower bound), never NaN', () => {
    const w = world({ altruism: 0, mandateScale: 0.5, sharedUrgencyWeight: 0.5, formationPressure: 0 });
    const t = task([0.2, 0.4, 0.4], 10, 5);
    expect(evaluate(w, t, [0, 1, 2], at(0), 0).mandate[0]).toBeCloseTo(0.5 * 0.5 * 2.5, 12);
    w.municipalities[0]!.unmet[0] = 0.1;
    expect(evaluate(w, t, [0, 1, 2], at(0), 0).mandate[0]).toBeCloseTo(0.5 * 0.5 * 2.5 * 1.5, 12);
  });
});

describe('election calendar', () => {
  it('holds elections in March of 2006, 2010, ... and in no other month', () => {
    const w = world();
    const months: string[] = [];
    for (let t = toAbsMonth('2000-01'); t <= toAbsMonth('2031-12'); t++) if (isElectionMonth(w, t)) months.push(`${Math.floor(t / 12)}-${(t % 12) + 1}`);
    expect(months).toEqual(['2002-3', '2006-3', '2010-3', '2014-3', '2018-3', '2022-3', '2026-3', '2030-3']);
  });
});
