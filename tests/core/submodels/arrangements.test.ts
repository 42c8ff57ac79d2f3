import { describe, expect, it } from 'vitest';
import { DOMAINS, type Domain } from '../../../src/core/domains.js';
import { isActive } from '../../../src/core/entities/arrangement.js';
import { censorAll, dissolve, join, leave, memoryOf, refreshStructure } from '../../../src/core/submodels/arrangements.js';
import { addTask, arrangement, buildWorld, type WorldOptions } from '../world.js';

// 100,000 inhabitants: A 40%, B 30%, C 20%, D 10%. Codes U001 ... U004.
const ABCD = [{ name: 'A', population: 40000 }, { name: 'B', population: 30000 }, { name: 'C', population: 20000 }, { name: 'D', population: 10000 }];

function world(arrangements: WorldOptions['arrangements'], parameters: Record<string, number> = {}, o: Partial<WorldOptions> = {}) {
  return buildWorld({ municipalities: ABCD, arrangements, parameters, start: '2015-01', end: '2016-12', ...o });
}

const spellsOf = (w: ReturnType<typeof world>) => w.spells.map((s) => ({ ...s }));

describe('arrangements: creation', () => {
  it('opens a spell per member, finds key members by population share and takes the largest as centre', () => {
    const w = world([
      { id: 'g', kind: 'gr', members: 'all', domains: ['housing'] },
      { id: 'cd', kind: 'network', members: ['C', 'D'], domains: ['economy'] },
    ]);
    const g = arrangement(w, 'g');
    expect(g.keyMembers).toEqual([0, 1]); // 0.4 and 0.3 ≥ keyMemberShare 0.3; C 0.2 and D 0.1 are not
    expect(g.centre).toBe(0);
    expect([...g.memberSince]).toEqual([['0', w.t], ['1', w.t], ['2', w.t], ['3', w.t]]);
    expect([g.start, g.end, g.lastDecision, g.lastPassed, g.emergent]).toEqual([w.t, null, w.t, -Infinity, false]);
    const cd = arrangement(w, 'cd');
    expect(cd.keyMembers).toEqual([2, 3]); // 2/3 and 1/3 of the members' population
    expect(cd.centre).toBe(2);
    expect(world([{ id: 'g', kind: 'gr', members: 'all', domains: ['housing'] }], { keyMemberShare: 0.35 }).arrangements[0]!.keyMembers).toEqual([0]);
  });

  it('opens module spells for the modules of a modular GR', () => {
    const w = world([{ id: 'm', kind: 'modular-gr', members: 'all', domains: ['housing', 'economy'], modules: { housing: ['A', 'B'], economy: ['B', 'C', 'D'] } }]);
    const m = arrangement(w, 'm');
    expect(m.modules.get('housing')).toEqual([0, 1]);
    expect([...m.memberSince.keys()]).toEqual(['0', '1', '2', '3', '0:housing', '1:housing', '1:economy', '2:economy', '3:economy']);
  });
});

describe('arrangements: joins, exits and dissolution', () => {
  // keyMemberShare 0.5: in B + C + D (60,000) only B (50%) is key; in the GR of all four no one is.
  const arrangements: WorldOptions['arrangements'] = [{ id: 'c', kind: 'convenant', members: ['B', 'C', 'D'], domains: ['housing'] }];

  it('a join opens a spell from its month; an exit closes it as ended with its duration', () => {
    const w = world(arrangements, { keyMemberShare: 0.5 });
    const c = arrangement(w, 'c');
    w.t += 3;
    join(w, c, 0);
    expect(c.members).toEqual([0, 1, 2, 3]);
    expect(c.memberSince.get('0')).toBe(w.t);
    expect(w.counters.joins).toBe(1);
    join(w, c, 0); // already a member: nothing
    expect(w.counters.joins).toBe(1);
    w.t += 4;
    expect(leave(w, c, 0, 'too expensive')).toBe(false);
    expect(leave(w, c, 0, 'again')).toBe(false); // no longer a member: nothing
    expect(c.members).toEqual([1, 2, 3]);
    expect(w.counters.exits).toBe(1);
    expect(spellsOf(w)).toEqual([
      { type: 'membership', arrangement: 'c', kind: 'convenant', municipality: 'U001', start: '2015-04', end: '2015-08', duration: 4, ended: 1, reason: 'too expensive' },
    ]);
    expect(w.events.map((e) => [e.type, e.municipalities])).toEqual([['join', ['A']], ['exit', ['A']]]);
  });

  it('dissolves when fewer than two members remain, closing every spell as ended', () => {
    const w = world(arrangements, { keyMemberShare: 0.5 });
    const c = arrangement(w, 'c');
    w.t += 10;
    expect(leave(w, c, 3, 'r')).toBe(false);
    expect(leave(w, c, 2, 'r')).toBe(true);
    expect(isActive(c)).toBe(false);
    expect([c.end, c.endReason]).toEqual([w.t, 'too few members']);
    expect(spellsOf(w).map((s) => [s.type, s.municipality, s.duration, s.ended, s.reason])).toEqual([
      ['membership', 'U004', 10, 1, 'r'],
      ['membership', 'U003', 10, 1, 'r'],
      ['membership', 'U002', 10, 1, 'too few members'],
      ['arrangement', undefined, 10, 1, 'too few members'],
    ]);
    expect(w.counters.exits).toBe(2);
    expect(w.counters.dissolutions).toBe(1);
  });

  it('dissolves when a key member leaves, and returns its agenda to the pool', () => {
    const w = world(arrangements, { keyMemberShare: 0.5 });
    const c = arrangement(w, 'c');
    const task = addTask(w, { status: 'agenda', table: 'c', beneficiaries: [1, 2], shares: [0.5, 0.5] });
    c.agenda.push(task.id);
    w.t += 2;
    expect(leave(w, c, 1, 'quarrel')).toBe(true);
    expect(c.endReason).toBe('key member B left');
    expect(c.members).toEqual([2, 3]);
    expect(spellsOf(w).filter((s) => s.type === 'membership').map((s) => [s.municipality, s.ended, s.reason])).toEqual([
      ['U002', 1, 'quarrel'], ['U003', 1, 'key member B left'], ['U004', 1, 'key member B left'],
    ]);
    expect([task.status, task.table]).toEqual(['pool', null]);
    expect(c.agenda).toEqual([]);
    expect(w.events.map((e) => e.type)).toEqual(['exit', 'dissolution']);
  });

  it('a decree censors the spells at its date; a second dissolution does nothing', () => {
    const w = world(arrangements);
    const c = arrangement(w, 'c');
    w.t += 6;
    dissolve(w, c, 'abolished', true);
    dissolve(w, c, 'again');
    expect(spellsOf(w).map((s) => [s.type, s.end, s.duration, s.ended, s.reason])).toEqual([
      ['membership', '2015-07', 6, 0, 'abolished'],
      ['membership', '2015-07', 6, 0, 'abolished'],
      ['membership', '2015-07', 6, 0, 'abolished'],
      ['arrangement', '2015-07', 6, 0, 'abolished'],
    ]);
    expect(w.counters.dissolutions).toBe(1);
  });

  it('censors what still runs at the horizon', () => {
    const w = world([...arrangements!, { id: 'gone', kind: 'network', members: ['A', 'B'], domains: ['economy'] }]);
    const c = arrangement(w, 'c');
    w.t += 5;
    join(w, c, 0);
    dissolve(w, arrangement(w, 'gone'), 'r');
    w.spells.length = 0;
    censorAll(w);
    // Horizon 2015-01 to 2016-12: 24 months from the start, 19 from 2015-06.
    expect(spellsOf(w).map((s) => [s.type, s.arrangement, s.municipality ?? null, s.start, s.end, s.duration, s.ended, s.reason])).toEqual([
      ['membership', 'c', 'U002', '2015-01', null, 24, 0, 'censored'],
      ['membership', 'c', 'U003', '2015-01', null, 24, 0, 'censored'],
      ['membership', 'c', 'U004', '2015-01', null, 24, 0, 'censored'],
      ['membership', 'c', 'U001', '2015-06', null, 19, 0, 'censored'],
      ['arrangement', 'c', null, '2015-01', null, 24, 0, 'censored'],
    ]);
  });

  it('counts exits in the totals only within the evaluation window, and as after an election within 12 months of it', () => {
    // The last election before 2015-01 was in 2014-03.
    const w = world([{ id: 'g', kind: 'gr', members: 'all', domains: ['housing'] }], { keyMemberShare: 0.5 }, { evaluation: { from: '2015-02', to: '2016-12' } });
    const g = arrangement(w, 'g');
    expect(w.lastElection).toBe(2014 * 12 + 2);
    const exitAt = (dt: number) => {
      w.t = w.scenario.start + dt;
      leave(w, g, 3, 'r');
      join(w, g, 3);
      return [w.counters.exits, w.totals.exits, w.totals.exitsAfterElection];
    };
    expect(exitAt(0)).toEqual([1, 0, 0]); // before the window
    expect(exitAt(1)).toEqual([2, 1, 1]); // 2015-02: 11 months after the election
    expect(exitAt(2)).toEqual([3, 2, 1]); // 2015-03: 12 months after
  });

  it('a modular GR: leaving a module closes that spell only; leaving the whole closes the modules too', () => {
    const w = world([{ id: 'm', kind: 'modular-gr', members: 'all', domains: ['housing', 'economy'], modules: { housing: ['A', 'B'], economy: 'all' } }]);
    const m = arrangement(w, 'm');
    w.t += 4;
    // A is key (40%), but leaving one module does not dissolve.
    expect(leave(w, m, 0, 'r', 'housing')).toBe(false);
    expect(m.modules.get('housing')).toEqual([1]);
    expect(m.members).toEqual([0, 1, 2, 3]);
    expect(spellsOf(w).map((s) => [s.municipality, s.module])).toEqual([['U001', 'housing']]);
    expect(leave(w, m, 0, 'r', 'housing')).toBe(false); // not in it any more
    expect(leave(w, m, 2, 'r')).toBe(false);
    expect(m.modules.get('economy')).toEqual([0, 1, 3]);
    expect(spellsOf(w).slice(1).map((s) => [s.municipality, s.module ?? null])).toEqual([['U003', null], ['U003', 'economy']]);
    expect(w.counters.exits).toBe(2);
    expect(leave(w, m, 0, 'r')).toBe(true);
    expect(m.endReason).toBe('key member A left');
  });
});

describe('arrangements: institutional weights and memory', () => {
  const arrangements: WorldOptions['arrangements'] = [
    { id: 'g', kind: 'gr', members: ['A', 'B', 'C'], domains: ['housing'] }, // hub
    { id: 'b', kind: 'basiscoalitie', members: ['B', 'C', 'D'], domains: ['economy'] }, // secretary
    { id: 'n', kind: 'network', members: ['A', 'D'], domains: ['social'] }, // none
  ];
  const nn = (w: ReturnType<typeof world>) => w.n * w.n;
  const weights = (w: ReturnType<typeof world>, d: Domain) =>
    Array.from({ length: w.n }, (_, i) => Array.from({ length: w.n }, (_, j) => w.trust.weight[DOMAINS.indexOf(d) * nn(w) + i * w.n + j]));
  const zero = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];

  it('gives each pair, per domain, the strongest secretariat weight of an arrangement that holds that domain for both', () => {
    const w = world(arrangements);
    expect(weights(w, 'housing')).toEqual([
      [0, 0.6, 0.6, 0],
      [0.6, 0, 0.6, 0],
      [0.6, 0.6, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(weights(w, 'economy')).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0.4, 0.4],
      [0, 0.4, 0, 0.4],
      [0, 0.4, 0.4, 0],
    ]);
    // A bureau for housing holds no transport or social relationships; a network holds none.
    expect(weights(w, 'transport')).toEqual(zero);
    expect(weights(w, 'social')).toEqual(zero);
    // Effective trust mixes the parts in the domain: B in C on economy = 0.4 · institutional + 0.6 · personal.
    w.trust.personal[1 * w.n + 2] = 0.5;
    w.trust.institutional[DOMAINS.indexOf('economy') * nn(w) + 1 * w.n + 2] = 0.8;
    expect(w.trust.get(1, 2, DOMAINS.indexOf('economy'))).toBeCloseTo(0.4 * 0.8 + 0.6 * 0.5, 12);
    expect(w.trust.get(1, 2, DOMAINS.indexOf('transport'))).toBeCloseTo(0.5, 12);
  });

  it('recomputes only when the structure changed', () => {
    const w = world(arrangements);
    expect(w.structureDirty).toBe(false);
    dissolve(w, arrangement(w, 'g'), 'r');
    expect(w.structureDirty).toBe(true);
    w.trust.weight[0] = 0.9; // a stray value that a recomputation resets
    refreshStructure(w);
    expect(weights(w, 'housing')).toEqual(zero);
    expect(weights(w, 'economy')[1]).toEqual([0, 0, 0.4, 0.4]);
    w.trust.weight[0] = 0.9;
    refreshStructure(w); // not dirty: left alone
    expect(w.trust.weight[0]).toBe(0.9);
  });

  it('memoryOf weights the strongest memory holding each domain by the municipality\'s interest in it', () => {
    const w = world(arrangements);
    const share = (m: number, d: Domain) => w.municipalities[m]!.interest[DOMAINS.indexOf(d)]! / w.municipalities[m]!.interest.reduce((a, b) => a + b, 0);
    expect(memoryOf(w, 0)).toBeCloseTo(0.7 * share(0, 'housing'), 12);
    expect(memoryOf(w, 1)).toBeCloseTo(0.7 * share(1, 'housing') + 0.5 * share(1, 'economy'), 12);
    expect(memoryOf(w, 3)).toBeCloseTo(0.5 * share(3, 'economy'), 12);
    dissolve(w, arrangement(w, 'b'), 'r');
    expect(memoryOf(w, 3)).toBe(0);
    expect(memoryOf(w, 1)).toBeCloseTo(0.7 * share(1, 'housing'), 12);
  });
});
