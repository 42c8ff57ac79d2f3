import { describe, expect, it } from 'vitest';
import { runAgenda } from '../../../src/core/submodels/agenda.js';
import { arrangement, addTask, buildWorld, script, setAllTrust, setTrust, type WorldOptions } from '../world.js';

const ABC = [{ name: 'A', population: 50000 }, { name: 'B', population: 30000 }, { name: 'C', population: 20000 }];
const ABCD = [{ name: 'A', population: 40000 }, { name: 'B', population: 30000 }, { name: 'C', population: 20000 }, { name: 'D', population: 10000 }];
/** Own gains only: no altruism, no mandate, no judgement noise (autonomy is 0 in the test worlds). */
// Members count on the venue's coordination quality; at 1 the hand-computed gains are share x value - cost.
const PLAIN = { altruism: 0, mandateScale: 0, 'adhoc.coordination': 1 };

function world(o: Partial<WorldOptions> & Pick<WorldOptions, 'arrangements'>) {
  return buildWorld({ municipalities: ABC, parameters: PLAIN, ...o });
}

describe('agenda: routing', () => {
  it('sends a task to the table whose members hold most of its value, and only above half of it', () => {
    const w = buildWorld({
      municipalities: ABCD, parameters: PLAIN,
      arrangements: [
        { id: 'ab', kind: 'convenant', members: ['A', 'B'], domains: ['housing'] },
        { id: 'bcd', kind: 'convenant', members: ['B', 'C', 'D'], domains: ['housing'] },
        { id: 'acd', kind: 'convenant', members: ['A', 'C', 'D'], domains: ['economy'] },
      ],
    });
    w.t += 1; // not a meeting month of a quarterly convenant
    w.capacityMultiplier = 0; // no slack: no ad hoc initiative (and no draws)
    script(w, 'decisions');
    const t1 = addTask(w, { beneficiaries: [0, 1, 2, 3], shares: [0.1, 0.3, 0.35, 0.25] }); // ab 0.4, bcd 0.9
    const t2 = addTask(w, { beneficiaries: [0, 1, 2, 3], shares: [0.4, 0.3, 0.2, 0.1] }); // ab 0.7, bcd 0.6
    const t3 = addTask(w, { beneficiaries: [0, 2, 3], shares: [0.5, 0.25, 0.25] }); // ab 0.5, bcd 0.5: not more than half
    const t4 = addTask(w, { domain: 'economy', beneficiaries: [0, 1, 2, 3], shares: [0.1, 0.1, 0.4, 0.4] }); // only acd covers economy: 0.9
    const t5 = addTask(w, { beneficiaries: [0, 1, 2], shares: [0.3, 0.4, 0.3] }); // ab 0.7 = bcd 0.7: the earlier table
    runAgenda(w);
    expect([t1, t2, t3, t4, t5].map((t) => [t.status, t.table])).toEqual([
      ['agenda', 'bcd'], ['agenda', 'ab'], ['pool', null], ['agenda', 'acd'], ['agenda', 'ab'],
    ]);
    expect(arrangement(w, 'ab').agenda).toEqual([t2.id, t5.id]);
    expect(arrangement(w, 'bcd').agenda).toEqual([t1.id]);
    expect(w.counters.tasksAddressed).toBe(4);
    expect(w.counters.decisions).toBe(0);
  });

  it('passes over a table whose agenda is full', () => {
    const w = buildWorld({
      municipalities: ABCD, parameters: PLAIN,
      arrangements: [
        { id: 'ab', kind: 'convenant', members: ['A', 'B'], domains: ['housing'], properties: { agendaCapacity: 1 } },
        { id: 'bcd', kind: 'convenant', members: ['B', 'C', 'D'], domains: ['housing'] },
      ],
    });
    w.t += 1;
    w.capacityMultiplier = 0;
    const t1 = addTask(w, { beneficiaries: [0, 1, 2, 3], shares: [0.4, 0.3, 0.2, 0.1] }); // ab 0.7 > bcd 0.6
    const t2 = addTask(w, { beneficiaries: [0, 1, 2, 3], shares: [0.4, 0.3, 0.2, 0.1] }); // ab is full now
    runAgenda(w);
    expect([t1.table, t2.table]).toEqual(['ab', 'bcd']);
  });
});

describe('agenda: lapse', () => {
  it('ends tasks past their deadline: a deadlock if blocked on an agenda, else a lapse; unmet stakes grow', () => {
    const w = world({ arrangements: [{ id: 'abc', kind: 'convenant', members: 'all', domains: ['housing'] }] });
    w.t += 1;
    w.capacityMultiplier = 0;
    const abc = arrangement(w, 'abc');
    const old = w.t - 8;
    const p1 = addTask(w, { arrived: old, deadline: w.t - 1, beneficiaries: [0, 1], shares: [0.5, 0.5], value: 10 });
    const p2 = addTask(w, { deadline: w.t, beneficiaries: [0], shares: [1] }); // its last month: still alive
    const a1 = addTask(w, { arrived: old, deadline: w.t - 1, status: 'agenda', table: 'abc', blocked: true, beneficiaries: [1, 2], shares: [0.25, 0.75], value: 4 });
    const a2 = addTask(w, { arrived: old, deadline: w.t - 1, status: 'agenda', table: 'abc', beneficiaries: [0, 1, 2], shares: [0.2, 0.3, 0.5], value: 2 });
    const pr = addTask(w, { deadline: w.t - 5, status: 'project', beneficiaries: [0], shares: [1] });
    abc.agenda.push(a1.id, a2.id);
    runAgenda(w);
    expect([...w.tasks.keys()]).toEqual([p2.id, pr.id]);
    expect([p1.status, a1.status, a2.status, pr.status]).toEqual(['done', 'done', 'done', 'project']);
    expect(abc.agenda).toEqual([p2.id]); // a1 and a2 left the agenda; p2 was routed this month
    expect(w.counters.tasksLapsed).toBe(2);
    expect(w.counters.tasksFailed).toBe(1);
    expect(w.counters.deadlocks).toBe(1);
    expect(w.events.map((e) => [e.type, e.task, e.detail?.['waited']])).toEqual([['lapse', p1.id, 8], ['deadlock', a1.id, 8], ['lapse', a2.id, 8]]);
    // unmet += share · value: A 0.5·10 + 0.2·2; B 0.5·10 + 0.25·4 + 0.3·2; C 0.75·4 + 0.5·2
    expect(w.municipalities.map((m) => m.unmet[0])).toEqual([5.4, 6.6, 4]);
  });
});

describe('agenda: meetings and decisions', () => {
  it('a table decides only in its meeting months; a passed task starts as a project', () => {
    const w = world({ arrangements: [{ id: 'abc', kind: 'convenant', members: 'all', domains: ['housing'] }] }); // consensus, every 3 months
    const abc = arrangement(w, 'abc');
    const [A, B, C] = w.municipalities;
    A!.relationship = 0.7;
    C!.relationship = 0.9;
    w.t += 1;
    // Costs about 5 split by population 2.5, 1.5, 1; own gains about 5 − 2.5, 3 − 1.5, 2 − 1: all for.
    const t = addTask(w, { beneficiaries: [0, 1, 2], shares: [0.5, 0.3, 0.2], value: 10, budget: 5, work: 6, duration: 12, deadline: w.t + 6 });
    runAgenda(w);
    expect(t.status).toBe('agenda');
    w.t += 1;
    runAgenda(w);
    expect(t.status).toBe('agenda');
    expect(w.counters.decisions).toBe(0);
    w.t += 1; // start + 3
    runAgenda(w);
    expect(w.counters.decisions).toBe(1);
    expect(t.status).toBe('project');
    expect(t.participants).toEqual([0, 1, 2]);
    expect(t.convinced).toEqual([true, true, true]);
    // The cost includes the work: 5 + 6 FTE-months · 0.008; shares by population 0.5, 0.3, 0.2.
    const cost = 5 + 6 * 0.008;
    [0.5, 0.3, 0.2].forEach((s, k) => expect(t.costShare[k]).toBeCloseTo(s * cost, 12));
    // work due per month: population share · 6 / 12
    expect(t.workDue[0]).toBeCloseTo(0.25, 12);
    expect(t.workDue[1]).toBeCloseTo(0.15, 12);
    expect(t.workDue[2]).toBeCloseTo(0.1, 12);
    expect(A!.load).toBeCloseTo(0.25, 12);
    expect(t.startedAt).toBe(w.t);
    expect(t.endsAt).toBe(w.t + 12);
    // q = convenant coordination 0.8 + 0.1 · (mean relationship (0.7 + 0.5 + 0.9) / 3 − 0.5)
    expect(t.coordination).toBeCloseTo(0.8 + 0.1 * (0.7 - 0.5), 12);
    expect(abc.lastDecision).toBe(w.t);
    expect(abc.lastPassed).toBe(w.t);
    expect(abc.agenda).toEqual([]);
    expect([A!.coordination, B!.coordination, C!.coordination]).toEqual([0.1, 0.1, 0.1]); // preparationCost each
    expect(w.totals.partnerPairs).toBe(3);
    expect(w.totals.partnerPairsNeighbours).toBe(3);
    // The beneficiaries are the participants here: the same three pairs.
    expect([w.totals.beneficiaryPairs, w.totals.beneficiaryPairsNeighbours]).toEqual([3, 3]);
    expect(w.events.at(-1)).toMatchObject({ type: 'decision', task: t.id, arrangement: 'abc', detail: { rule: 'consensus', support: 1 } });
  });

  it('a blocked task stays on the agenda, marked blocked', () => {
    const w = world({ arrangements: [{ id: 'abc', kind: 'convenant', members: 'all', domains: ['housing'] }] });
    w.t += 3; // a meeting month
    script(w, 'decisions', [0.99]); // the table has no secretariat: one draw to spot a mandje (0.99 ≥ 0.3: not spotted)
    const t = addTask(w, { beneficiaries: [0, 1, 2], shares: [0.05, 0.5, 0.45] }); // A: 0.5 − 2.5 < 0
    runAgenda(w);
    expect(t.status).toBe('agenda');
    expect(t.blocked).toBe(true);
    expect(arrangement(w, 'abc').agenda).toEqual([t.id]);
    expect(arrangement(w, 'abc').lastDecision).toBe(w.t);
    expect(arrangement(w, 'abc').lastPassed).toBe(-Infinity);
  });

  it('a binding majority lowers the outvoted member\'s trust in the yes-voters and its council stance', () => {
    for (const secretariat of ['hub', 'none'] as const) {
      const w = world({ arrangements: [{ id: 'abc', kind: 'gr', members: 'all', domains: ['housing'], properties: { secretariat } }] });
      setAllTrust(w, 0.6);
      const t = addTask(w, { beneficiaries: [0, 1, 2], shares: [0.05, 0.5, 0.45] }); // A against; B and C hold 58% of the votes
      runAgenda(w);
      expect(t.status).toBe('project');
      expect(t.convinced).toEqual([false, true, true]);
      const k = (i: number, j: number) => i * w.n + j;
      // Δ = −trustLossOutvoted · T = −0.06 · 0.6, on the institutional part only with a secretariat.
      expect(w.trust.personal[k(0, 1)]).toBeCloseTo(0.6 - 0.06 * 0.6, 12);
      expect(w.trust.personal[k(0, 2)]).toBeCloseTo(0.564, 12);
      expect(w.trust.institutional[k(0, 1)]).toBeCloseTo(secretariat === 'hub' ? 0.564 : 0.6, 12);
      expect(w.trust.personal[k(1, 0)]).toBe(0.6);
      expect(w.municipalities.map((m) => m.stance)).toEqual([0.48, 0.5, 0.5]); // 0.5 − legitimacyLossOutvoted
      expect(w.counters.forcedVotes).toBe(1);
      expect(w.events.at(-1)).toMatchObject({ type: 'forced-vote', detail: { rule: 'majority', outvoted: 'A' } });
    }
  });

  it('sends a task back to the pool when its module has fewer than two members left', () => {
    const w = buildWorld({
      municipalities: ABC, parameters: PLAIN,
      arrangements: [{ id: 'm', kind: 'modular-gr', members: 'all', domains: ['housing'], modules: { housing: ['A', 'B'] } }],
    });
    w.capacityMultiplier = 0;
    const m = arrangement(w, 'm');
    const t = addTask(w, { status: 'agenda', table: 'm', beneficiaries: [0, 1], shares: [0.5, 0.5] });
    m.agenda.push(t.id);
    m.modules.set('housing', [0]);
    runAgenda(w);
    expect([t.status, t.table]).toEqual(['pool', null]);
    expect(m.agenda).toEqual([]);
    expect(w.counters.decisions).toBe(0);
  });
});

describe('agenda: mandjes', () => {
  /** Housing: A loses (0.5 − 2.5); economy: B and C lose. Alone both are blocked, together all gain. */
  function pair(w: ReturnType<typeof world>, economyValue = 10) {
    const t1 = addTask(w, { domain: 'housing', beneficiaries: [0, 1, 2], shares: [0.05, 0.5, 0.45], value: 10, budget: 5 });
    const t2 = addTask(w, { domain: 'economy', beneficiaries: [0, 1, 2], shares: [0.9, 0.05, 0.05], value: economyValue, budget: 5 });
    return [t1, t2] as const;
  }
  const table = (properties: Record<string, unknown> = {}) => [{ id: 'abc', kind: 'convenant' as const, members: 'all' as const, domains: ['housing' as const, 'economy' as const], properties: { meetingInterval: 1, secretariat: 'secretary' as const, coordination: 1, ...properties } }];

  it('makes a package of two blocked tasks when the members\' mean trust reaches mandjeTrust', () => {
    const w = world({ arrangements: table(), parameters: { ...PLAIN, mandjeTrust: 0.45 } });
    // Mean over the six ordered pairs: (0.3 + 5 · 0.6) / 6 = 0.55 ≥ 0.45, though one pair is at 0.3.
    setAllTrust(w, 0.6);
    setTrust(w, 0, 1, 0.3);
    const [t1, t2] = pair(w);
    runAgenda(w);
    expect([t1.status, t2.status]).toEqual(['project', 'project']);
    expect([t1.mandje, t2.mandje]).toEqual([t2.id, t1.id]);
    expect(t1.participants).toEqual([0, 1, 2]);
    expect(t2.participants).toEqual([0, 1, 2]);
    expect(t1.convinced).toEqual([true, true, true]);
    expect(t2.costShare).toEqual([2.5, 1.5, 1]);
    expect(w.counters.mandjes).toBe(1);
    expect(w.counters.decisions).toBe(2); // the housing vote and the package
    expect(arrangement(w, 'abc').agenda).toEqual([]);
    expect(w.municipalities.map((m) => m.coordination)).toEqual([0.1, 0.1, 0.1]); // prepared once, for the housing vote
    expect(w.events.at(-1)).toMatchObject({ type: 'mandje', arrangement: 'abc', detail: { tasks: `${t1.id}+${t2.id}`, domains: 'housing+economy' } });
  });

  it('makes no package when the mean trust is below mandjeTrust (0.45 here; by default none is needed)', () => {
    const w = world({ arrangements: table(), parameters: { ...PLAIN, mandjeTrust: 0.45 } });
    setAllTrust(w, 0.44);
    const [t1, t2] = pair(w);
    runAgenda(w);
    expect([t1.status, t2.status]).toEqual(['agenda', 'agenda']);
    expect([t1.blocked, t2.blocked]).toEqual([true, true]);
    expect(w.counters.mandjes).toBe(0);
    expect(w.counters.decisions).toBe(2);
    expect(arrangement(w, 'abc').agenda).toEqual([t1.id, t2.id]);
  });

  it('a package not put to a vote for lack of trust may be tried once trust has grown', () => {
    const w = world({ arrangements: table(), parameters: { ...PLAIN, mandjeTrust: 0.45 } });
    setAllTrust(w, 0.44);
    const [t1, t2] = pair(w);
    runAgenda(w);
    expect([t1.mandjeTried, t2.mandjeTried]).toEqual([[], []]);
    setAllTrust(w, 0.6);
    w.t += 1;
    runAgenda(w);
    expect(w.counters.mandjes).toBe(1);
    expect([t1.status, t2.status]).toEqual(['project', 'project']);
  });

  it('does not put a rejected package to the table again', () => {
    // Economy value 4: A's package gain (0.5 − 2.5) + (3.6 − 2.5) = −0.9 rejects it without a mandate.
    const w = world({ arrangements: table() });
    setAllTrust(w, 0.6);
    const [t1, t2] = pair(w, 4);
    runAgenda(w);
    expect(w.counters.mandjes).toBe(0);
    expect([t1.mandjeTried, t2.mandjeTried]).toEqual([[t2.id], [t1.id]]);
    // With mandateScale 0.5 the package would now pass (A: −0.9 + 0.5 · 0.5 · (2.5 + 2.5) = 0.35) while each
    // task alone still fails (A on housing: −2 + 0.625; B on economy: −1.3 + 0.375), but it is off the table.
    w.params.mandateScale = 0.5;
    w.t += 1;
    runAgenda(w);
    expect(w.counters.mandjes).toBe(0);
    expect([t1.status, t2.status]).toEqual(['agenda', 'agenda']);
    // The same package with the mandate from the start passes at once.
    const fresh = world({ arrangements: table(), parameters: { ...PLAIN, mandateScale: 0.5 } });
    setAllTrust(fresh, 0.6);
    const [f1] = pair(fresh, 4);
    runAgenda(fresh);
    expect(fresh.counters.mandjes).toBe(1);
    expect(f1.status).toBe('project');
  });

  it('a table without a secretariat spots a package with probability mandjeSpotWithoutSecretariat', () => {
    const missed = world({ arrangements: table({ secretariat: 'none' }) });
    setAllTrust(missed, 0.6);
    const s1 = script(missed, 'decisions', [0.3, 0.3]); // not spotted at either blocked task
    pair(missed);
    runAgenda(missed);
    expect(missed.counters.mandjes).toBe(0);
    expect(s1.asked).toEqual([0.3, 0.3]);

    const spotted = world({ arrangements: table({ secretariat: 'none' }) });
    setAllTrust(spotted, 0.6);
    const s2 = script(spotted, 'decisions', [0.29]);
    pair(spotted);
    runAgenda(spotted);
    expect(spotted.counters.mandjes).toBe(1);
    expect(s2.remaining).toBe(0);
  });

  it('in a modular GR the package is decided by the members of both modules, and only their trust counts', () => {
    const w = buildWorld({
      municipalities: [...ABC, { name: 'D', population: 10000 }], parameters: PLAIN,
      arrangements: [{ id: 'm', kind: 'modular-gr', members: 'all', domains: ['housing', 'economy'], modules: { housing: 'all', economy: ['A', 'B', 'C'] }, properties: { decisionRule: 'consensus' } }],
    });
    // D trusts no one and no one trusts D: the mean over the four housing members would be (6 · 0.6) / 12 = 0.3;
    // over the three in both modules it is 0.6.
    setAllTrust(w, (i, j) => (i === 3 || j === 3 ? 0 : 0.6));
    const [t1, t2] = pair(w);
    runAgenda(w);
    expect(w.counters.mandjes).toBe(1);
    expect(t1.participants).toEqual([0, 1, 2]);
    expect(t1.costShare).toEqual([2.5, 1.5, 1]); // D, in the housing module, takes no part and pays nothing
    expect(t2.participants).toEqual([0, 1, 2]);
    expect(t1.mandje).toBe(t2.id);
  });
});

describe('agenda: ad hoc coalitions', () => {
  // A chain A - B - C; no table, so every task is for an ad hoc initiative.
  const CHAIN = [
    { name: 'A', population: 50000, neighbours: ['B'] },
    { name: 'B', population: 30000, neighbours: ['A', 'C'] },
    { name: 'C', population: 20000, neighbours: ['B'] },
  ];
  function adHocWorld(arrangements: WorldOptions['arrangements'] = []) {
    const w = buildWorld({ municipalities: CHAIN, parameters: PLAIN, arrangements });
    w.t += 5;
    setAllTrust(w, 0.6);
    setTrust(w, 1, 0, 0.8); // B trusts A
    setTrust(w, 2, 0, 0.5); // C trusts A
    w.municipalities[0]!.relationship = 0.6;
    const t = addTask(w, { beneficiaries: [0, 1, 2], shares: [0.6, 0.3, 0.1], value: 10, budget: 2, work: 0, urgency: 0.6 });
    return { w, t, A: w.municipalities[0]!, B: w.municipalities[1]!, C: w.municipalities[2]! };
  }

  it('the largest beneficiary leads and pays the search cost of every approach; partners engage with their trust in it', () => {
    const { w, t, A, B, C } = adHocWorld();
    const s = script(w, 'decisions', [0.31, 0.5, 0.5]);
    runAgenda(w);
    // Initiative: σ · (0.5 + 0.5 u) · (0.5 + 0.5 R) = 0.5 · 0.8 · 0.8. Reach: T_bA · (0.6 + 0.4 · 0.6).
    expect(s.asked.length).toBe(3);
    expect(s.asked[0]).toBeCloseTo(0.32, 12);
    expect(s.asked[1]).toBeCloseTo(0.8 * 0.84, 12); // B: 0.672 > 0.5, engages
    expect(s.asked[2]).toBeCloseTo(0.5 * 0.84, 12); // C: 0.42 ≤ 0.5, does not
    // searchCost 1.5 · (neighbour 0.75 | 1) · (1 − 0.5 · 0.6): B 0.7875, C 1.05, paid whether or not they engage.
    expect(A.coordination).toBeCloseTo(1.5 * 0.75 * 0.7 + 1.5 * 0.7, 12);
    expect(B.coordination).toBe(0.1); // preparationCost
    expect(C.coordination).toBe(0);
    expect(w.counters.tasksAddressed).toBe(1);
    expect(w.counters.decisions).toBe(1);
    // The willing A and B carry it: costs 2 split 5:3.
    expect(t.status).toBe('project');
    expect(t.table).toBeNull();
    expect(t.participants).toEqual([0, 1]);
    expect(t.costShare).toEqual([1.25, 0.75]);
    // adhoc.coordination (1 in these tests) + 0.1 · (mean relationship 0.55 − 0.5), clipped to 1.
    expect(t.coordination).toBe(1);
    expect(w.events.at(-1)).toMatchObject({ type: 'decision', detail: { rule: 'ad hoc', leader: 'A', support: 0.9 } });
  });

  it('a shared network halves the search cost, raises the reach and is kept alive by the project', () => {
    const { w, t, A } = adHocWorld([{ id: 'net', kind: 'network', members: 'all', domains: ['economy'] }]);
    const net = arrangement(w, 'net');
    const s = script(w, 'decisions', [0.31, 0.8, 0.7]);
    runAgenda(w);
    // reach ← reach + 0.5 (1 − reach): B 0.672 → 0.836, C 0.42 → 0.71.
    expect(s.asked[1]).toBeCloseTo(0.836, 12);
    expect(s.asked[2]).toBeCloseTo(0.71, 12);
    // searchDiscount 0.5: (0.7875 + 1.05) / 2
    expect(A.coordination).toBeCloseTo((1.5 * 0.75 * 0.7 + 1.5 * 0.7) * 0.5, 12);
    expect(t.participants).toEqual([0, 1, 2]);
    expect(t.costShare).toEqual([1, 0.6, 0.4]);
    expect(net.lastDecision).toBe(w.t);
    expect(net.lastPassed).toBe(w.t);
  });

  it('fails the task when no partner engages, and still charges the search', () => {
    const { w, t, A } = adHocWorld();
    script(w, 'decisions', [0.31, 0.9, 0.9]);
    runAgenda(w);
    expect(t.status).toBe('done');
    expect(w.tasks.has(t.id)).toBe(false);
    expect(w.counters.tasksFailed).toBe(1);
    expect(A.coordination).toBeCloseTo(1.8375, 12);
    expect(w.municipalities.map((m) => m.unmet[0])).toEqual([6, 3, 1]); // shares of the value 10
    expect(w.events.at(-1)).toMatchObject({ type: 'failed', detail: { rule: 'ad hoc', leader: 'A', engaged: 1 } });
  });

  it('with adhoc.attempts 2 a failed coalition leaves the task in the pool for a second attempt', () => {
    const { w, t } = adHocWorld();
    w.params['adhoc.attempts'] = 2;
    script(w, 'decisions', [0.31, 0.9, 0.9, 0.31, 0.9, 0.9]);
    runAgenda(w);
    expect(t.status).toBe('pool');
    expect(t.attempts).toBe(1);
    expect(w.counters.tasksFailed).toBe(0);
    w.t += 1;
    runAgenda(w);
    expect(t.status).toBe('done');
    expect(t.attempts).toBe(2);
    expect(w.counters.tasksFailed).toBe(1);
  });

  it('waits when the leader declines, and does nothing (no draw) when the leader has no slack', () => {
    const declined = adHocWorld();
    const s = script(declined.w, 'decisions', [0.33]); // not < 0.32
    runAgenda(declined.w);
    expect(s.remaining).toBe(0);
    expect(declined.t.status).toBe('pool');
    expect(declined.A.coordination).toBe(0);
    expect(declined.w.counters.tasksAddressed).toBe(0);

    const busy = adHocWorld();
    busy.A.load = busy.A.capacityBase; // 10 FTE: slack 0
    script(busy.w, 'decisions', []);
    runAgenda(busy.w);
    expect(busy.t.status).toBe('pool');
    expect(busy.w.counters.decisions).toBe(0);
  });
});

describe('agenda: the practitioners\' lessons (seed 001)', () => {
  const CHAIN3 = [{ name: 'A', population: 50000, neighbours: ['B'] }, { name: 'B', population: 30000, neighbours: ['A', 'C'] }, { name: 'C', population: 20000, neighbours: ['B'] }];

  it('a regional leader takes the lead more readily and carries a task on for more attempts', () => {
    const run = (leader: number) => {
      const w = buildWorld({ municipalities: CHAIN3, parameters: { ...PLAIN, leadershipWeight: 0.5, leadershipAttempts: 2, 'adhoc.attempts': 1 } });
      w.t += 5;
      setAllTrust(w, 0.8);
      const A = w.municipalities[0]!;
      A.leader = leader;
      A.relationship = 0.6;
      // A task no partner engages in: the lead is taken (u = 0), both approaches fail (u = 0.99).
      const t = addTask(w, { beneficiaries: [0, 1, 2], shares: [0.6, 0.3, 0.1], value: 10, budget: 2, work: 0, urgency: 0.6 });
      const s = script(w, 'decisions', [0, 0.99, 0.99]);
      runAgenda(w);
      return { s, t };
    };
    // 0.5 · 0.8 · 0.8 without a leader; times 1 + 0.5 with one.
    expect(run(0).s.asked[0]).toBeCloseTo(0.32, 12);
    expect(run(1).s.asked[0]).toBeCloseTo(0.32 * 1.5, 12);
    // Without a leader one failed attempt ends the task; a leader tries again next month (1 + 2 attempts).
    expect(run(0).t.status).toBe('done');
    expect(run(1).t.status).toBe('pool');
  });

  it('a table whose carrier has a regional leader gives every member a larger mandate', () => {
    const status = (leader: number) => {
      const w = world({ arrangements: [{ id: 'abc', kind: 'convenant', members: 'all', domains: ['housing'], properties: { coordination: 1, meetingInterval: 1 } }], parameters: { ...PLAIN, mandateScale: 0.3, leadershipWeight: 0.5 } });
      w.municipalities[1]!.leader = leader; // B has the largest stake: it carries the task
      setAllTrust(w, 0.6);
      const t = addTask(w, { beneficiaries: [0, 1, 2], shares: [0.2, 0.5, 0.3] });
      runAgenda(w);
      return t.status;
    };
    // By consensus; A gains 2 - 2.5 = -0.5. Its mandate 0.3 x 0.5 x 2.5 = 0.375 is not enough; pulled by a leader, x 1.5 = 0.5625 is.
    expect(status(0)).toBe('agenda');
    expect(status(1)).toBe('project');
  });

  it('an alderman who keeps the council on board loses less stance when outvoted', () => {
    for (const [fte, stance] of [[0, 0.48], [0.05, 0.49]] as const) {
      const w = world({ arrangements: [{ id: 'abc', kind: 'gr', members: 'all', domains: ['housing'] }], parameters: { ...PLAIN, homeBaseFte: fte, homeBaseProtection: 0.5 } });
      setAllTrust(w, 0.6);
      addTask(w, { beneficiaries: [0, 1, 2], shares: [0.05, 0.5, 0.45] });
      runAgenda(w);
      expect(w.municipalities[0]!.stance).toBeCloseTo(stance, 12); // 0.5 − 0.02 x (1 − protection)
    }
  });
});
