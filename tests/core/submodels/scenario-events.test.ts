import { describe, expect, it } from 'vitest';
import { isActive } from '../../../src/core/entities/arrangement.js';
import { refreshStructure } from '../../../src/core/submodels/arrangements.js';
import { applyScenarioEvents } from '../../../src/core/submodels/scenario-events.js';
import { fromAbsMonth } from '../../../src/core/time.js';
import { buildWorld } from '../world.js';

const SOCIAL = 3;

function world() {
  return buildWorld({
    municipalities: [{ name: 'A', population: 50000 }, { name: 'B', population: 30000 }, { name: 'C', population: 20000 }],
    start: '2015-01',
    end: '2016-12',
    arrangements: [{ id: 'old', kind: 'convenant', members: ['B', 'C'], domains: ['housing'] }],
    events: [
      // Listed out of date order on purpose: they apply in date order, and in file order on the same date.
      { date: '2015-06', type: 'task-rate', domain: 'social', multiplier: 1.5 },
      { date: '2015-02', type: 'task-rate', domain: 'social', multiplier: 3, label: 'decentralisation' },
      { date: '2015-02', type: 'austerity', capacity: 0.9 },
      {
        date: '2015-03', type: 'start-arrangement', label: 'new body',
        arrangement: { id: 'new', kind: 'gr', members: ['A', 'B'], domains: ['housing', 'transport'], funding: { transport: 50 }, fundShare: 0.4, properties: { coordination: 0.5 } },
      },
      { date: '2015-03', type: 'change-arrangement', arrangement: 'new', properties: { agendaCapacity: 3 } },
      { date: '2015-04', type: 'change-arrangement', arrangement: 'old', properties: { decisionRule: 'majority', secretariat: 'secretary' }, funding: { economy: 20 }, domains: ['housing', 'economy'] },
      { date: '2015-05', type: 'end-arrangement', arrangement: 'old', reason: 'merged' },
      { date: '2015-06', type: 'austerity', capacity: 0.8 },
    ],
  });
}

/** Runs the events month by month (with the institutional weights refreshed, as the schedule does) and records the state after each. */
function history() {
  const w = world();
  const rows: Record<string, unknown>[] = [];
  for (let t = w.scenario.start; t <= w.scenario.start + 6; t++) {
    w.t = t;
    applyScenarioEvents(w);
    refreshStructure(w);
    const old = w.arrangements.find((a) => a.id === 'old')!;
    rows.push({
      month: fromAbsMonth(t),
      social: w.rateMultiplier[SOCIAL],
      capacity: Math.round(w.capacityMultiplier * 1e12) / 1e12,
      active: w.arrangements.filter(isActive).map((a) => a.id),
      oldRule: old.props.decisionRule,
      wBC: w.trust.weight[1 * w.n + 2],
      wAB: w.trust.weight[0 * w.n + 1],
    });
  }
  return { w, rows };
}

describe('scenario events', () => {
  it('apply at their dates and not before: task rates replace, austerity multiplies, structure starts, changes and ends', () => {
    const { rows } = history();
    expect(rows).toEqual([
      { month: '2015-01', social: 1, capacity: 1, active: ['old'], oldRule: 'consensus', wBC: 0, wAB: 0 },
      { month: '2015-02', social: 3, capacity: 0.9, active: ['old'], oldRule: 'consensus', wBC: 0, wAB: 0 },
      { month: '2015-03', social: 3, capacity: 0.9, active: ['old', 'new'], oldRule: 'consensus', wBC: 0, wAB: 0.6 },
      { month: '2015-04', social: 3, capacity: 0.9, active: ['old', 'new'], oldRule: 'majority', wBC: 0.4, wAB: 0.6 },
      { month: '2015-05', social: 3, capacity: 0.9, active: ['new'], oldRule: 'majority', wBC: 0, wAB: 0.6 },
      { month: '2015-06', social: 1.5, capacity: 0.72, active: ['new'], oldRule: 'majority', wBC: 0, wAB: 0.6 },
      { month: '2015-07', social: 1.5, capacity: 0.72, active: ['new'], oldRule: 'majority', wBC: 0, wAB: 0.6 },
    ]);
  });

  it('a started arrangement has the kind\'s defaults with the event\'s properties, its funding, and opens its spells at the date', () => {
    const { w } = history();
    const a = w.arrangements.find((x) => x.id === 'new')!;
    const mar = w.scenario.start + 2;
    expect(a).toMatchObject({ kind: 'gr', members: [0, 1], domains: ['housing', 'transport'], start: mar, lastDecision: mar, emergent: false, fundShare: 0.4 });
    // coordination from the event, agendaCapacity from the same-date change, the rest gr defaults.
    expect(a.props).toMatchObject({ coordination: 0.5, agendaCapacity: 3, decisionRule: 'majority', secretariat: 'hub', binding: 0.8, exitCostMonths: 24 });
    expect([...a.funding]).toEqual([['transport', 50]]);
    expect([...a.memberSince]).toEqual([['0', mar], ['1', mar]]);
  });

  it('a change replaces the listed properties, sets funding and replaces the domains', () => {
    const { w } = history();
    const old = w.arrangements.find((x) => x.id === 'old')!;
    expect(old.props).toMatchObject({ decisionRule: 'majority', secretariat: 'secretary', meetingInterval: 3, binding: 0.3 });
    expect(old.domains).toEqual(['housing', 'economy']);
    expect([...old.funding]).toEqual([['economy', 20]]);
  });

  it('an ended arrangement is censored at the date of the decree', () => {
    const { w } = history();
    const old = w.arrangements.find((x) => x.id === 'old')!;
    expect([old.end, old.endReason]).toEqual([w.scenario.start + 4, 'merged']);
    expect(w.spells.map((s) => [s.type, s.municipality ?? null, s.end, s.duration, s.ended, s.reason])).toEqual([
      ['membership', 'U002', '2015-05', 4, 0, 'merged'],
      ['membership', 'U003', '2015-05', 4, 0, 'merged'],
      ['arrangement', null, '2015-05', 4, 0, 'merged'],
    ]);
  });

  it('logs every applied event as a scenario event at its date', () => {
    const { w } = history();
    const logged = w.events.filter((e) => e.type !== 'austerity-choice');
    expect(logged.map((e) => [e.date, e.type, e.arrangement ?? e.domain ?? null, e.detail?.['event'], e.detail?.['label'] ?? null])).toEqual([
      ['2015-02', 'scenario', 'social', 'task-rate', 'decentralisation'],
      ['2015-02', 'scenario', null, 'austerity', null],
      ['2015-03', 'scenario', 'new', 'start-arrangement', 'new body'],
      ['2015-03', 'scenario', 'new', 'change-arrangement', null],
      ['2015-04', 'scenario', 'old', 'change-arrangement', null],
      ['2015-05', 'scenario', 'old', 'end-arrangement', null],
      ['2015-05', 'dissolution', 'old', undefined, null],
      ['2015-06', 'scenario', 'social', 'task-rate', null],
      ['2015-06', 'scenario', null, 'austerity', null],
    ]);
  });

  it('marks the structure for a recomputation of the institutional weights', () => {
    const w = world();
    expect(w.structureDirty).toBe(false);
    w.t = w.scenario.start + 1; // only a task rate and austerity: no structural change
    applyScenarioEvents(w);
    expect(w.structureDirty).toBe(false);
    w.t = w.scenario.start + 3; // a change
    applyScenarioEvents(w);
    expect(w.structureDirty).toBe(true);
  });

  it('under austerity a municipality whose cooperation brought less than a euro per euro cuts its regional work first and reviews its memberships', () => {
    const w = buildWorld({
      municipalities: [{ name: 'A', population: 50000 }, { name: 'B', population: 30000 }, { name: 'C', population: 20000 }],
      arrangements: [{ id: 'conv', kind: 'convenant', members: 'all', domains: ['housing'] }],
      events: [{ date: '2015-02', type: 'austerity', capacity: 0.9 }],
      parameters: { austerityOwnReturn: 1, austerityRegionalDepth: 2, austerityProtectedDepth: 0.5, reviewMinMembership: 0, exitThreshold: 1, exitSteepness: 30 },
    });
    const [A, B, C] = w.municipalities;
    // Value for money this term, (value + 0.01) / (cost + 0.01): A 0.5, B 2, C exactly 1 (not below: protects).
    A!.termValue = 0.49; A!.termCost = 0.99;
    B!.termValue = 1.99; B!.termCost = 0.99;
    C!.termValue = 1; C!.termCost = 1;
    w.t = w.scenario.start + 1;
    applyScenarioEvents(w);
    // General cut 10%: A's regional capacity falls by 20% in all, so its factor is 0.8 / 0.9; B and C lose 5%: 0.95 / 0.9.
    expect(w.capacityMultiplier).toBeCloseTo(0.9, 12);
    expect(A!.capacityFactor).toBeCloseTo(0.8 / 0.9, 12);
    expect(B!.capacityFactor).toBeCloseTo(0.95 / 0.9, 12);
    expect(C!.capacityFactor).toBeCloseTo(0.95 / 0.9, 12);
    expect(w.events.filter((e) => e.type === 'austerity-choice').map((e) => [e.municipalities[0], e.detail?.['cut']])).toEqual([
      ['A', 'regional work first'], ['B', 'own apparatus first'], ['C', 'own apparatus first'],
    ]);
    expect([w.totals.austerityChoices, w.totals.austerityRegionalFirst]).toEqual([3, 1]);
    // A reviewed its membership at once: with exitThreshold 1 it leaves (the others were not reviewed).
    expect(w.events.filter((e) => e.type === 'exit').map((e) => [e.municipalities[0], e.detail?.['reason']])).toEqual([['A', 'austerity: too little value']]);
  });
});
