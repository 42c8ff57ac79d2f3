import { describe, expect, it } from 'vitest';
import type { Task } from '../../../src/core/entities/task.js';
import type { World } from '../../../src/core/state.js';
import { execute } from '../../../src/core/submodels/execution.js';
import { addTask, arrangement, buildWorld, script, setAllTrust, type WorldOptions } from '../world.js';

// Capacities: 2 FTE per 10,000 inhabitants, so A 10, B 6, C 4 FTE.
const ABC = [{ name: 'A', population: 50000 }, { name: 'B', population: 30000 }, { name: 'C', population: 20000 }];

function world(o: Partial<WorldOptions> = {}) {
  const w = buildWorld({ municipalities: ABC, ...o });
  w.t += 6;
  setAllTrust(w, 0.6);
  return w;
}

/** A running project of `participants` (all convinced unless told), ending well after this month unless told. */
function project(w: World, fields: Partial<Task> & Pick<Task, 'participants' | 'workDue'>): Task {
  const k = fields.participants.length;
  return addTask(w, {
    status: 'project', beneficiaries: [0, 1, 2], shares: [0.5, 0.3, 0.2], value: 10, budget: 6, duration: 12,
    convinced: fields.participants.map(() => true), costShare: fields.participants.map(() => 1),
    delivered: new Array<number>(k).fill(0), owed: new Array<number>(k).fill(0), startedAt: w.t - 3, endsAt: w.t + 9, coordination: 0.9,
    ...fields,
  });
}

describe('execution: delivery', () => {
  it('delivers due work times the capacity ratio, and shirkDelivery of it when not in full', () => {
    const w = world();
    const [A, B] = w.municipalities;
    A!.coordination = 7.5; // 10 − 7.5 = 2.5 FTE left for 2 + 3 FTE due: ratio 0.5
    const p1 = project(w, { participants: [0, 1], convinced: [true, false], workDue: [2, 1.2] });
    const p2 = project(w, { participants: [0], workDue: [3], budget: 3, duration: 10 });
    // Draws in project order, then participant order: A on p1 full (0.94 < 0.95), B on p1 not in full
    // (0.7 ≥ unconvincedCommitment 0.7), A on p2 not in full (0.96 ≥ 0.95).
    const s = script(w, 'execution', [0.94, 0.7, 0.96]);
    execute(w);
    expect(s.remaining).toBe(0);
    expect(p1.delivered).toEqual([2 * 0.5, 1.2 * 1 * 0.3]);
    expect(p2.delivered).toEqual([3 * 0.5 * 0.3]);
    expect(p1.owed).toEqual([2, 1.2]);
    expect(p2.owed).toEqual([3]);
    expect(w.counters.fteDelivery).toBeCloseTo(1 + 0.36 + 0.45, 12);
    // The budgets spread over the durations: 6 / 12 + 3 / 10.
    expect(w.counters.cooperationSpending).toBeCloseTo(0.8, 12);
    expect(B!.coordination).toBe(0);
    expect([p1.status, p2.status]).toEqual(['project', 'project']);
  });

  it('austerity lowers the capacity ratio', () => {
    const w = world();
    w.capacityMultiplier = 0.5; // B: 3 FTE for 4 due
    const p = project(w, { participants: [1], workDue: [4] });
    script(w, 'execution', [0]);
    execute(w);
    expect(p.delivered).toEqual([3]);
  });

  it('a secretary who took office less than 3 months ago lowers the commitment by 10%', () => {
    const delivered = (monthsInOffice: number) => {
      const w = world();
      w.municipalities[1]!.secretarySince = w.t - monthsInOffice;
      const p = project(w, { participants: [1], workDue: [1] });
      script(w, 'execution', [0.9]); // 0.9 < 0.95, but not < 0.9 · 0.95 = 0.855
      execute(w);
      return p.delivered[0];
    };
    expect(delivered(2)).toBe(0.3);
    expect(delivered(3)).toBe(1);
  });
});

describe('execution: completion', () => {
  it('completes in the month t = endsAt − 1, so a project runs D months including its first', () => {
    const w = world();
    const p = project(w, { participants: [0, 1], workDue: [1, 1], startedAt: w.t, endsAt: w.t + 3, duration: 3 });
    script(w, 'execution', [0, 0, 0, 0, 0, 0]);
    execute(w);
    w.t++;
    execute(w);
    expect(p.status).toBe('project');
    w.t++;
    execute(w);
    expect(p.status).toBe('done');
    expect(p.owed).toEqual([3, 3]);
    expect(w.tasks.has(p.id)).toBe(false);
  });

  it('fails below success 0.5 with success = coordination · fraction^1.5, and realises 30% of that value', () => {
    const w = world();
    const [A, B, C] = w.municipalities;
    A!.load = 1;
    B!.load = 0.5;
    // Before this month 3 of 4 and 1 of 4 delivered; now both deliver their 1 in full: 6 of 10.
    const p = project(w, { participants: [0, 1], workDue: [1, 1], delivered: [3, 1], owed: [4, 4], costShare: [1.5, 0.9], endsAt: w.t + 1 });
    script(w, 'execution', [0, 0]);
    execute(w);
    // S = 0.9 · 0.6^1.5 = 0.418 < 0.5 (a linear 0.9 · 0.6 = 0.54 would succeed).
    const S = 0.9 * Math.pow(0.6, 1.5);
    const R = 10 * S * 0.3;
    expect(p.status).toBe('done');
    expect(w.counters.tasksFailed).toBe(1);
    expect(w.counters.tasksCompleted).toBe(0);
    // Participants A and B get their shares, C (not taking part) spillover 0.3 of its share.
    expect(A!.termValue).toBeCloseTo(R * 0.5, 12);
    expect(B!.termValue).toBeCloseTo(R * 0.3, 12);
    expect(C!.termValue).toBeCloseTo(R * 0.2 * 0.3, 12);
    expect(C!.valueRecent[w.t % 12]).toBeCloseTo(R * 0.06, 12);
    expect(A!.valueEval).toBeCloseTo(R * 0.5, 12);
    expect(w.counters.valueByDomain[0]).toBeCloseTo(R * (0.5 + 0.3 + 0.06), 12);
    expect([A!.termCost, B!.termCost, C!.termCost]).toEqual([1.5, 0.9, 0]);
    expect([A!.load, B!.load]).toEqual([0, 0]); // 1 − 1, and 0.5 − 1 floored at 0
    expect(w.events.at(-1)).toMatchObject({ type: 'failed', task: p.id, detail: { delivered: 0.6, value: Math.round(R * 1000) / 1000 } });
  });

  it('succeeds with everything delivered: value coordination · V, counted per domain', () => {
    const w = world();
    const p = project(w, { domain: 'economy', participants: [0, 1, 2], workDue: [1, 1, 1], delivered: [4, 4, 4], owed: [4, 4, 4], endsAt: w.t + 1, coordination: 0.8 });
    script(w, 'execution', [0, 0, 0]);
    execute(w);
    expect(p.status).toBe('done');
    expect(w.counters.tasksCompleted).toBe(1);
    expect(w.counters.completedByDomain[2]).toBe(1); // economy
    expect(w.counters.valueByDomain[2]).toBeCloseTo(8, 12);
    expect(w.municipalities.map((m) => m.termValue)).toEqual([8 * 0.5, 8 * 0.3, 8 * 0.2]);
    expect(w.events.at(-1)).toMatchObject({ type: 'completed', detail: { delivered: 1, value: 8 } });
  });

  it('charges value and cost to the table\'s accounts of its members', () => {
    const w = world({ arrangements: [{ id: 'ab', kind: 'gr', members: ['A', 'B'], domains: ['housing'] }] });
    project(w, { table: 'ab', participants: [0, 1], workDue: [0, 0], costShare: [2, 1], endsAt: w.t + 1 });
    script(w, 'execution', [0, 0]);
    execute(w);
    // Nothing owed: fraction 1, success 0.9, value 9; C's spillover 9 · 0.2 · 0.3 is not the table's.
    const ab = arrangement(w, 'ab');
    expect(ab.termValue.get('0')).toBeCloseTo(4.5, 12);
    expect(ab.termValue.get('1')).toBeCloseTo(2.7, 12);
    expect(ab.termValue.has('2')).toBe(false);
    expect(w.municipalities[2]!.termValue).toBeCloseTo(0.54, 12);
    expect([...ab.termCost]).toEqual([['0', 2], ['1', 1]]);
  });
});

describe('execution: trust and relationships', () => {
  /** Delivery ratios 1, 0.55 and 0.1 (A, B, C); everyone delivers this month's 1 in full. */
  function judged(fields: Partial<Task> = {}, o: Partial<WorldOptions> = {}) {
    const w = world(o);
    project(w, { participants: [0, 1, 2], workDue: [1, 1, 1], delivered: [9, 4.5, 0], owed: [9, 9, 9], endsAt: w.t + 1, ...fields });
    script(w, 'execution', [0, 0, 0]);
    execute(w);
    const k = (i: number, j: number) => i * w.n + j;
    return { w, P: (i: number, j: number) => w.trust.personal[k(i, j)]!, I: (i: number, j: number) => w.trust.institutional[k(i, j)]! };
  }
  const raised = 0.6 + 0.1 * (1 - 0.6); // trustGainDelivery · (1 − T)
  const loweredB = 0.6 * (1 - (0.25 * (0.9 - 0.55)) / 0.9); // trustLossFreeRide scaled by the shortfall below 0.9
  const loweredC = 0.6 * (1 - (0.25 * (0.9 - 0.1)) / 0.9);

  it('raises trust in partners who delivered at least 90% and lowers it by the shortfall below', () => {
    const { P, I, w } = judged();
    expect(P(1, 0)).toBeCloseTo(raised, 12);
    expect(P(2, 0)).toBeCloseTo(raised, 12);
    expect(P(0, 1)).toBeCloseTo(loweredB, 12);
    expect(P(2, 1)).toBeCloseTo(loweredB, 12);
    expect(P(0, 2)).toBeCloseTo(loweredC, 12);
    expect(P(1, 2)).toBeCloseTo(loweredC, 12);
    // Ad hoc (no table): institutional trust is not touched.
    expect(I(1, 0)).toBe(0.6);
    expect(I(0, 1)).toBe(0.6);
    // Relationships grow by relationshipGrowth · (1 − R).
    expect(w.municipalities.map((m) => m.relationship)).toEqual([0.515, 0.515, 0.515]);
  });

  it('a broken mandje costs trustLossBrokenDeal more toward partners below 70%', () => {
    const { P } = judged({ mandje: 99 });
    expect(P(1, 0)).toBeCloseTo(raised, 12);
    expect(P(0, 1)).toBeCloseTo(loweredB * 0.8, 12); // 0.55 < 0.7
    expect(P(0, 2)).toBeCloseTo(loweredC * 0.8, 12);
  });

  it('a table with a secretariat records the change in institutional trust too', () => {
    const { P, I } = judged({ table: 'abc' }, { arrangements: [{ id: 'abc', kind: 'gr', members: 'all', domains: ['housing'] }] });
    expect(P(1, 0)).toBeCloseTo(raised, 12);
    expect(I(1, 0)).toBeCloseTo(raised, 12);
    expect(I(0, 2)).toBeCloseTo(loweredC, 12);
  });

  it('leaves non-participants\' relationships and trust alone', () => {
    const w = world();
    project(w, { participants: [0, 1], workDue: [1, 1], endsAt: w.t + 1 });
    script(w, 'execution', [0, 0]);
    execute(w);
    expect(w.municipalities.map((m) => m.relationship)).toEqual([0.515, 0.515, 0.5]);
    expect(w.trust.personal[2 * w.n + 0]).toBe(0.6);
    expect(w.trust.personal[0 * w.n + 2]).toBe(0.6);
  });
});

describe('execution: the table\'s accounts', () => {
  it('books value and cost of a completed project only for the table\'s current members', () => {
    const w = world({ arrangements: [{ id: 'abc', kind: 'convenant', members: 'all', domains: ['housing'] }] });
    const table = arrangement(w, 'abc');
    const t = project(w, { participants: [0, 1, 2], workDue: [0, 0, 0], table: 'abc', endsAt: w.t + 1 });
    table.members.splice(table.members.indexOf(2), 1); // C left the table while the project ran
    script(w, 'execution', [0, 0, 0]);
    execute(w);
    expect(t.status).toBe('done');
    expect([...table.termCost.keys()]).toEqual(['0', '1']);
    expect([...table.termValue.keys()]).toEqual(['0', '1']);
    expect(w.municipalities[2]!.termCost).toBe(1); // its own account still carries its cost share
  });
});

describe('execution: the members\' accounts', () => {
  it('books a project\'s money, delivered staff and central funds with its value, when it finishes', () => {
    const w = world({ evaluation: { from: '2015-01', to: '2016-12' } });
    const running = project(w, { participants: [0, 1], workDue: [1, 1], weight: [0.625, 0.375], budget: 8, subsidy: 0.5, endsAt: w.t + 5 });
    const ending = project(w, { participants: [0, 1], workDue: [1, 1], weight: [0.625, 0.375], budget: 8, subsidy: 0.5, endsAt: w.t + 1 });
    script(w, 'execution', [0, 0, 0, 0]);
    execute(w);
    expect(running.status).toBe('project');
    expect(ending.status).toBe('done');
    const [A, B] = w.municipalities;
    // Only the finished project: A's share of the budget 0.625 x 8 = 5, its staff 1 FTE-month x 0.008; funds half of both.
    expect(A!.accounts.projectMoney).toBeCloseTo(5, 12);
    expect(A!.accounts.deliveryStaff).toBeCloseTo(0.008, 12);
    expect(A!.accounts.centralFunds).toBeCloseTo(0.5 * 5.008, 12);
    expect(B!.accounts.projectMoney).toBeCloseTo(3, 12);
    expect(w.counters.cooperationCost).toBeCloseTo(5.008 + 3.008, 12);
    expect(w.counters.centralFunds).toBeCloseTo(0.5 * (5.008 + 3.008), 12);
  });

  it('books nothing outside the evaluation window', () => {
    const w = world({ evaluation: { from: '2016-01', to: '2016-12' } });
    project(w, { participants: [0, 1], workDue: [1, 1], weight: [0.625, 0.375], budget: 8, endsAt: w.t + 1 });
    script(w, 'execution', [0, 0]);
    execute(w);
    expect(w.municipalities[0]!.accounts).toEqual({ projectMoney: 0, overheadMoney: 0, deliveryStaff: 0, coordinationStaff: 0, centralFunds: 0 });
    expect(w.counters.cooperationCost).toBeGreaterThan(0); // the month's measure still counts it
  });
});

describe('execution: reciprocity, the shadow of the future, records, enforcement and grievances', () => {
  it('a member delivers in full less often when it expects less of its partners: trust over the base times their record', () => {
    // Expectation E of A in B = min(1, 0.4 / 0.5 x 0.5) = 0.4: chance 0.95 x (1 - 0.3 x 0.6) = 0.779.
    const w = world({ parameters: { reciprocity: 0.3 } });
    setAllTrust(w, 0.4);
    w.municipalities[1]!.record = 0.5;
    const p = project(w, { participants: [0, 1], workDue: [1, 1] });
    script(w, 'execution', [0.778, 0.95 * (1 - 0.3 * 0.2) - 1e-9]);
    execute(w);
    // A (0.778 < 0.779) delivers in full; B expects min(1, 0.8 x 1) = 0.8 of A: 0.95 x 0.94 = 0.893, just met.
    expect(p.delivered).toEqual([1, 1]);
    const v = world({ parameters: { reciprocity: 0.3 } });
    setAllTrust(v, 0.4);
    v.municipalities[1]!.record = 0.5;
    const q = project(v, { participants: [0, 1], workDue: [1, 1] });
    script(v, 'execution', [0.78, 0.5]);
    execute(v);
    expect(q.delivered[0]).toBeCloseTo(0.3, 12);
  });

  it('at a standing table the shadow of the future removes shadowOfFuture of the shirking', () => {
    const delivered = (table: string | null, u: number) => {
      const w = world({ parameters: { shadowOfFuture: 0.4 }, arrangements: [{ id: 'abc', kind: 'convenant', members: 'all', domains: ['housing'] }] });
      const p = project(w, { participants: [1], workDue: [1], table });
      script(w, 'execution', [u]);
      execute(w);
      return p.delivered[0];
    };
    // Ad hoc: full below 0.95. At the table: 1 - 0.05 x 0.6 = 0.97.
    expect(delivered(null, 0.96)).toBeCloseTo(0.3, 12);
    expect(delivered('abc', 0.96)).toBe(1);
    expect(delivered('abc', 0.97)).toBeCloseTo(0.3, 12);
  });

  it('enforcement effort is coordination every month, and the record moves toward what was delivered at completion', () => {
    const w = world({ parameters: { recordLearning: 0.3 } });
    const p = project(w, { participants: [0, 1], workDue: [1, 1], monitorFte: [0.2, 0.1], endsAt: w.t + 1 });
    p.owed = [9, 9];
    p.delivered = [9, 4];
    script(w, 'execution', [0, 0.99]);
    execute(w);
    expect([w.municipalities[0]!.coordination, w.municipalities[1]!.coordination]).toEqual([0.2, 0.1]);
    // B delivered (4 + 0.3) / 10 = 0.43 of its due work: record 1 + 0.3 x (0.43 - 1).
    expect(w.municipalities[1]!.record).toBeCloseTo(1 + 0.3 * (0.43 - 1), 12);
    expect(w.municipalities[0]!.record).toBe(1);
  });

  it('a member at a table keeps a grievance for the value its partners\' shortfall cost it', () => {
    const w = world({ arrangements: [{ id: 'abc', kind: 'convenant', members: 'all', domains: ['housing'] }] });
    const p = project(w, { participants: [0, 1], workDue: [1, 1], table: 'abc', endsAt: w.t + 1, coordination: 0.9 });
    p.owed = [9, 9];
    p.delivered = [9, 4];
    script(w, 'execution', [0, 0.99]); // A in full, B 0.3 of its month
    execute(w);
    // Delivered 10 + 4.3 of 20: success 0.9 x 0.715^1.5. Had B delivered in full: 0.9 x 1. A lost its 50% share of the difference x 10.
    const success = 0.9 * Math.pow(14.3 / 20, 1.5);
    expect(arrangement(w, 'abc').grievance.get(0)).toBeCloseTo((0.9 - success) * 10 * 0.5, 12);
    // B's grievance: the others delivered in full, so none.
    expect(arrangement(w, 'abc').grievance.has(1)).toBe(false);
  });
});
