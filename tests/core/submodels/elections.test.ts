import { describe, expect, it } from 'vitest';
import { budgetReview, election, newLeader, reviewMonths } from '../../../src/core/submodels/elections.js';
import { addTask, arrangement, buildWorld, script, type WorldOptions } from '../world.js';

const ABCD = [{ name: 'A', population: 40000 }, { name: 'B', population: 30000 }, { name: 'C', population: 20000 }, { name: 'D', population: 10000 }];

function world(o: Partial<WorldOptions> = {}) {
  return buildWorld({ municipalities: ABCD, start: '2010-01', end: '2016-12', ...o });
}

describe('elections: agenda revisit', () => {
  it('a new college drops open items as lapsed, each with a lapse event, and raises the unmet stakes', () => {
    const w = world({ arrangements: [{ id: 'c', kind: 'convenant', members: 'all', domains: ['housing'] }], parameters: { agendaRevisitShare: 1 } });
    const c = arrangement(w, 'c');
    w.t += 14; // 2011-03
    const t1 = addTask(w, { beneficiaries: [0, 1], shares: [0.5, 0.5], value: 4, status: 'agenda', table: 'c' });
    const t2 = addTask(w, { beneficiaries: [2], shares: [1], value: 2, status: 'agenda', table: 'c' });
    c.agenda.push(t1.id, t2.id);
    script(w, 'elections', Array(12).fill(0.5)); // per municipality: the electoral shock (two uniforms) and whether the college has a regional leader
    script(w, 'decisions', [0.1, 0.1, 0.999, 0.999, 0.999, 0.999]); // two drops, then four membership reviews that keep everyone
    election(w);
    expect(c.agenda).toEqual([]);
    expect(w.counters.tasksLapsed).toBe(2);
    const lapses = w.events.filter((e) => e.type === 'lapse');
    expect(lapses.map((e) => [e.task, e.municipalities])).toEqual([[t1.id, ['A', 'B']], [t2.id, ['C']]]);
    expect(lapses[0]!.detail).toMatchObject({ reason: 'dropped by a new college' });
    expect(w.municipalities.map((m) => m.unmet[0])).toEqual([2, 2, 2, 0]);
  });
});

describe('elections: membership reviews', () => {
  it('a budget review looks back on the months since the election, a new council on the whole term', () => {
    const w = world({ arrangements: [{ id: 'c', kind: 'convenant', members: 'all', domains: ['housing'] }] });
    const c = arrangement(w, 'c');
    w.t += 24 + 2; // 2012-03
    w.lastElection = w.t;
    expect(reviewMonths(w, c)).toBe(26); // the arrangement is younger than a term
    w.t += 8; // 2012-11
    expect(reviewMonths(w, c)).toBe(8);
    w.t += 40; // 2016-03
    w.lastElection = w.t;
    expect(reviewMonths(w, c)).toBe(48);
  });

  it('leaving the last module of a modular GR is one exit, closing the module and membership spells', () => {
    const w = world({
      arrangements: [{ id: 'm', kind: 'modular-gr', members: 'all', domains: ['housing', 'economy'], modules: { housing: ['A', 'B', 'C'], economy: ['A', 'B', 'C', 'D'] } }],
      parameters: { keyMemberShare: 0.9, budgetReviewIntensity: 1 },
    });
    const m = arrangement(w, 'm');
    w.t += 22; // 2011-11, the budget month
    w.lastElection = w.t - 8;
    // D holds only economy: its one draw below P(exit) makes it leave the arrangement; A, B and C stay.
    script(w, 'decisions', [0.999, 0.999, 0.999, 0.999, 0.999, 0.999, 0]);
    budgetReview(w);
    expect(m.members).toEqual([0, 1, 2]);
    expect(w.counters.exits).toBe(1);
    const d = w.spells.filter((s) => s.municipality === 'U004');
    expect(d.map((s) => [s.module ?? 'core', s.ended, s.reason])).toEqual([
      ['core', 1, 'budget review: no modules left'],
      ['economy', 1, 'budget review: no modules left'],
    ]);
  });
});

describe('elections: leadership and the home base', () => {
  it('a council kept on board judges a bad term less harshly', () => {
    const stanceAfter = (homeBaseFte: number) => {
      const w = world({ arrangements: [{ id: 'c', kind: 'convenant', members: 'all', domains: ['housing'] }], parameters: { homeBaseFte, homeBaseProtection: 0.5, stancePersistence: 1, stanceSd: 0, stanceRetrospective: 0.2 } });
      w.t += 14; // 2011-03
      const A = w.municipalities[0]!;
      A.termValue = 0.99; // value for money (0.99 + 0.01) / (2.99 + 0.01) = 1 / 3
      A.termCost = 2.99;
      script(w, 'elections', Array(12).fill(0.5));
      script(w, 'decisions', Array(4).fill(0.999));
      election(w);
      return A.stance;
    };
    const judged = 0.2 * Math.tanh(Math.log(1 / 3));
    expect(stanceAfter(0)).toBeCloseTo(0.5 + judged, 12);
    expect(stanceAfter(0.05)).toBeCloseTo(0.5 + judged * 0.5, 12);
  });
});

describe('elections: regional leaders', () => {
  it('a leader stays with leadershipPersistence and is otherwise replaced by a college that has one with leadershipShare', () => {
    // One uniform: a leader stays below 0.5; above, (u - 0.5) / 0.5 < 0.3 gives a new one.
    expect([0.49, 0.5, 0.64, 0.66].map((u) => newLeader(1, u, 0.5, 0.3))).toEqual([1, 1, 1, 0]);
    expect([0.29, 0.3].map((u) => newLeader(0, u, 0.5, 0.3))).toEqual([1, 0]);
    expect(newLeader(1, 0.99, 1, 0.3)).toBe(1);
  });
});
