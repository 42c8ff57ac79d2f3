import { describe, expect, it } from 'vitest';
import { isActive } from '../../../src/core/entities/arrangement.js';
import { expectedNetValue, structureDynamics, trustNeeded } from '../../../src/core/submodels/structure.js';
import { arrangement, buildWorld, script, setAllTrust, setTrust, type WorldOptions } from '../world.js';

/** A chain A - B - C - D: distances from A are 1, 2 and 3. */
const CHAIN = [
  { name: 'A', population: 40000, neighbours: ['B'] },
  { name: 'B', population: 30000, neighbours: ['A', 'C'] },
  { name: 'C', population: 20000, neighbours: ['B', 'D'] },
  { name: 'D', population: 10000, neighbours: ['C'] },
];
const HOUSING = 0;

function world(o: Partial<WorldOptions> = {}) {
  const w = buildWorld({ municipalities: CHAIN, ...o });
  setAllTrust(w, 0.6);
  return w;
}

/** A has the largest unmet housing stake; B, C and D smaller ones (all before this month's 4% decay). */
/** A world with unmet housing stakes; only networks may form unless the test says otherwise. */
function pressured(o: Partial<WorldOptions> = {}) {
  const w = world({ formationKinds: ['network'], ...o });
  w.t += 1;
  const unmet = [5, 1, 2, 1]; // after decay 4.8, 0.96, 1.92, 0.96
  unmet.forEach((u, i) => (w.municipalities[i]!.unmet[HOUSING] = u));
  w.municipalities[0]!.stance = 0.7;
  setTrust(w, 2, 0, 0.45); // C trusts A too little to form with it
  return w;
}

describe('structure: unmet stakes', () => {
  it('decay by 4% a month', () => {
    const w = world({ formation: false });
    w.municipalities[0]!.unmet[HOUSING] = 2;
    w.municipalities[3]!.unmet[4] = 0.5;
    script(w, 'structure');
    structureDynamics(w);
    expect(w.municipalities[0]!.unmet[HOUSING]).toBeCloseTo(1.92, 12);
    expect(w.municipalities[3]!.unmet[4]).toBeCloseTo(0.48, 12);
  });
});

describe('structure: dormancy', () => {
  const arrangements: NonNullable<WorldOptions['arrangements']> = [
    { id: 'network', kind: 'network', members: ['A', 'B'], domains: ['housing'] }, // no secretariat
    { id: 'convenant', kind: 'convenant', members: ['A', 'B'], domains: ['housing'] }, // no secretariat
    { id: 'basis', kind: 'basiscoalitie', members: ['A', 'B'], domains: ['housing'] }, // secretary
    { id: 'gr', kind: 'gr', members: ['A', 'B'], domains: ['housing'] }, // hub
    { id: 'wgr', kind: 'wgr-plus', members: ['A', 'B'], domains: ['housing'] }, // mandatory
  ];
  /** Active arrangements after `months` without a decision, and how many crisis draws were taken. */
  function after(months: number) {
    const w = world({ formation: false, arrangements });
    w.t += months;
    const s = script(w, 'structure', new Array(20).fill(0.99));
    structureDynamics(w);
    return { active: w.arrangements.filter(isActive).map((a) => a.id), draws: s.used, w };
  }

  it('dissolves after dormancyMonths without a secretariat, twice that with a secretary, never with a hub or when mandatory', () => {
    // Every surviving voluntary arrangement takes one crisis draw per member (2 each); dissolved and mandatory ones none.
    expect(after(23)).toMatchObject({ active: ['network', 'convenant', 'basis', 'gr', 'wgr'], draws: 8 });
    expect(after(24)).toMatchObject({ active: ['basis', 'gr', 'wgr'], draws: 4 });
    expect(after(47)).toMatchObject({ active: ['basis', 'gr', 'wgr'], draws: 4 });
    expect(after(48)).toMatchObject({ active: ['gr', 'wgr'], draws: 2 });
    expect(after(1000)).toMatchObject({ active: ['gr', 'wgr'], draws: 2 });
  });

  it('counts from the last decision, and closes the spells as ended with reason dormant', () => {
    const { w } = after(24);
    const net = arrangement(w, 'network');
    expect([net.end, net.endReason]).toEqual([w.t, 'dormant']);
    expect(w.spells.filter((s) => s.arrangement === 'network').map((s) => [s.type, s.duration, s.ended, s.reason])).toEqual([
      ['membership', 24, 1, 'dormant'], ['membership', 24, 1, 'dormant'], ['arrangement', 24, 1, 'dormant'],
    ]);
    expect(w.counters.dissolutions).toBe(2);

    const v = world({ formation: false, arrangements: [arrangements[0]!] });
    v.t += 30;
    arrangement(v, 'network').lastDecision = v.t - 23;
    script(v, 'structure', [0.99, 0.99]);
    structureDynamics(v);
    expect(isActive(arrangement(v, 'network'))).toBe(true);
  });
});

describe('structure: leadership', () => {
  it('a regional leader raises the initiator\'s chance to take the initiative', () => {
    const w = pressured({ parameters: { leadershipWeight: 1 } });
    w.municipalities[0]!.leader = 1;
    const s = script(w, 'structure', [0.99, 0.5]);
    structureDynamics(w);
    expect(s.asked[0]).toBeCloseTo(0.7 + 0.3 / 2, 12);
  });
});

describe('structure: crisis exits', () => {
  // A 40%, B 30% of the population: key members (keyMemberShare 0.3); C and D are not.
  const gr: WorldOptions['arrangements'] = [{ id: 'gr', kind: 'gr', members: 'all', domains: ['housing'] }];

  // Yearly spending at 3,400 EUR per inhabitant: C (20,000) spends 68 M EUR, so crisisGrievance 0.0005 is 0.034 M EUR;
  // leaving the GR costs it 24 months of its overhead, 0.3 FTE x 0.008 + 3 EUR x 20,000 / 12 a month: 0.1776 M EUR.
  const THRESHOLD = 0.0005 * 68 + 24 * (0.3 * 0.008 + (3 * 20000) / 12 / 1e6);
  it('a member whose grievances pass crisisGrievance of its yearly spending plus its exit cost may leave, held back by its trust in the others', () => {
    const run = (uC: number, grievance: number, trust = 0.6) => {
      const w = world({ formation: false, arrangements: gr, parameters: { crisisExitHazard: 0.02, crisisGrievance: 0.0005, grievanceDecay: 0 } });
      w.t += 2;
      for (const j of [0, 1, 3]) setTrust(w, 2, j, trust);
      arrangement(w, 'gr').grievance.set(2, grievance);
      const s = script(w, 'structure', [0.001, 0.001, uC, 0.001]); // the others have no grievance
      structureDynamics(w);
      expect(s.remaining).toBe(0);
      return w;
    };
    // Hazard 0.02 x 2 x (1 - 0.6) = 0.016.
    const left = run(0.0159, THRESHOLD + 0.001);
    expect(arrangement(left, 'gr').members).toEqual([0, 1, 3]);
    expect(left.counters.exits).toBe(1);
    expect(left.spells).toEqual([
      { type: 'membership', arrangement: 'gr', kind: 'gr', municipality: 'U003', start: '2015-01', end: '2015-03', duration: 2, ended: 1, reason: 'grievances: bound against its interest or let down by partners' },
    ]);
    expect(arrangement(left, 'gr').grievance.has(2)).toBe(false);
    expect(arrangement(run(0.0161, THRESHOLD + 0.001), 'gr').members).toEqual([0, 1, 2, 3]); // the draw is above the hazard
    expect(arrangement(run(0.0159, THRESHOLD - 0.001), 'gr').members).toEqual([0, 1, 2, 3]); // grievances below the threshold
    expect(arrangement(run(0.0159, THRESHOLD + 0.001, 0.995), 'gr').members).toEqual([0, 1, 2, 3]); // trust holds it: 0.02 x 0.01
  });

  it('grievances decay each month', () => {
    const w = world({ formation: false, arrangements: gr, parameters: { grievanceDecay: 0.1 } });
    arrangement(w, 'gr').grievance.set(1, 2);
    script(w, 'structure', [0.9, 0.9, 0.9, 0.9]);
    structureDynamics(w);
    expect(arrangement(w, 'gr').grievance.get(1)).toBeCloseTo(1.8, 12);
  });

  it('the exit of a key member dissolves the arrangement and stops the draws', () => {
    const w = world({ formation: false, arrangements: gr, parameters: { crisisGrievance: 0 } });
    arrangement(w, 'gr').grievance.set(0, 1);
    for (const j of [1, 2, 3]) setTrust(w, 0, j, 0.1);
    const s = script(w, 'structure', [0.01]);
    structureDynamics(w);
    const a = arrangement(w, 'gr');
    expect(s.used).toBe(1);
    expect([a.end, a.endReason]).toEqual([w.t, 'key member A left']);
  });
});

describe('structure: formation', () => {
  it('the initiator forms an arrangement with the nearby partners it trusts both ways', () => {
    const w = pressured();
    // Draws: A's go-ahead (0.69 < stance 0.7), then C's join chance (0.5 ≥ joinProbability).
    const s = script(w, 'structure', [0.69, 0.5]);
    structureDynamics(w);
    expect(s.asked[0]).toBe(0.7);
    expect(s.remaining).toBe(0);
    // B: 1 step, unmet 0.96 ≥ 2.5 / 4, trust 0.6 both ways. C: T_CA = 0.45 < 0.5. D: 3 steps > formationReach 2.
    const a = arrangement(w, 'network-1');
    expect(a).toMatchObject({ kind: 'network', members: [0, 1], domains: ['housing'], centre: 0, emergent: true, start: w.t, name: 'A housing network' });
    expect(w.formedCount).toBe(1);
    expect(w.counters.formations).toBe(1);
    expect(w.municipalities.map((m) => m.unmet[HOUSING])).toEqual([0, 0, 2 * 0.96, 0.96]);
    expect(w.events.at(-1)).toMatchObject({ type: 'formation', arrangement: 'network-1', domain: 'housing', municipalities: ['A', 'B'] });
  });

  it('nothing forms when the initiator\'s council does not go ahead', () => {
    const w = pressured();
    const s = script(w, 'structure', [0.7]);
    structureDynamics(w);
    expect(s.remaining).toBe(0);
    expect(w.arrangements).toEqual([]);
    expect(w.municipalities[0]!.unmet[HOUSING]).toBeCloseTo(4.8, 12);
  });

  it('forms an arrangement of a kind the scenario allows, with a start-up', () => {
    const w = pressured({ formationKinds: ['basiscoalitie'], parameters: { startupMonths: 24, kwartiermakerMonths: 9, kwartiermakerShare: 0.5 } });
    // Draws: A's go-ahead, whether the new table gets a kwartiermaker (0.4 < 0.5: yes), C's join chance.
    const s = script(w, 'structure', [0.69, 0.4, 0.5]);
    structureDynamics(w);
    expect(s.remaining).toBe(0);
    const a = arrangement(w, 'basiscoalitie-1');
    expect(a.props.secretariat).toBe('secretary');
    expect([a.kwartiermaker, a.startupLength, a.startupUntil - a.start]).toEqual([true, 9, 9]);
    expect(w.events.at(-1)).toMatchObject({ type: 'formation', detail: { kind: 'basiscoalitie', startup: 9, kwartiermaker: true } });
  });

  it('chooses the kind with the highest expected net value among those the trust allows', () => {
    // Before this month's decay A (5) and B (1) lose 12 x 0.04 x 6 = 2.88 M EUR a year. A network captures 0.5 x 0.78
    // of it for 12 x 0.02 x 0.008 x 2 of overhead; a basiscoalitie 0.85 for 12 x 0.08 x 0.008 x 2 + 0.3 x 0.07.
    const w = pressured({ formationKinds: ['network', 'basiscoalitie', 'gr'] });
    const flow = 12 * 0.04 * (5 + 1);
    expect(expectedNetValue(w, 'network', [0, 1], HOUSING)).toBeCloseTo(flow * 0.78 * 0.5 - 12 * 0.02 * 0.008 * 2, 12);
    expect(expectedNetValue(w, 'basiscoalitie', [0, 1], HOUSING)).toBeCloseTo(flow * 0.85 - 12 * 0.08 * 0.008 * 2 - 0.3 * 0.07, 12);
    // A GR needs trust 0.5 + 0.3 x 0.8 = 0.74: no partner has it.
    expect(trustNeeded(w, 'gr')).toBeCloseTo(0.74, 12);
    script(w, 'structure', [0.69, 0.9, 0.5]);
    structureDynamics(w);
    expect(w.arrangements.map((a) => a.id)).toEqual(['basiscoalitie-1']);
    // With trust 0.8 a GR would be possible, but its bureau (3 EUR per inhabitant) costs more than it adds.
    const v = pressured({ formationKinds: ['network', 'basiscoalitie', 'gr'] });
    setAllTrust(v, 0.8);
    expect(expectedNetValue(v, 'gr', [0, 1], HOUSING)).toBeLessThan(expectedNetValue(v, 'basiscoalitie', [0, 1], HOUSING));
  });

  it('forms nothing when no kind is expected to pay off', () => {
    const w = pressured({ formationKinds: ['gr'], parameters: { 'kind.gr.overheadEuroPerCapita': 100 } });
    setAllTrust(w, 0.8);
    const s = script(w, 'structure', [0.69, 0.9, 0.9]);
    structureDynamics(w);
    expect(s.used).toBe(1);
    expect(w.arrangements).toEqual([]);
  });

  it('an initiator needs no table for the domain, and so do its partners', () => {
    // A and B share a housing convenant: A (4.8) cannot initiate, nor B (2.88); D (2.88 ≥ 2.5) does, with C
    // (1 step) but not with B (2 steps, but it has a table).
    const w = pressured({ arrangements: [{ id: 'conv', kind: 'convenant', members: ['A', 'B'], domains: ['housing'] }] });
    w.municipalities[3]!.unmet[HOUSING] = 3;
    w.municipalities[1]!.unmet[HOUSING] = 3;
    // Draws: the convenant's crisis draws (A, B), D's go-ahead, then B's chance to join C + D (it borders C;
    // A does not border a member and gets none).
    const s = script(w, 'structure', [0.99, 0.99, 0.1, 0.5]);
    structureDynamics(w);
    expect(s.remaining).toBe(0);
    expect(arrangement(w, 'network-1')).toMatchObject({ members: [2, 3], centre: 3 });
  });

  it('on a tie of unmet stakes the later municipality initiates', () => {
    const w = pressured();
    w.municipalities[3]!.unmet[HOUSING] = 5;
    script(w, 'structure', [0.1, 0.5]);
    structureDynamics(w);
    // D initiates; C (1 step, 1.92, trust 0.6 both ways) and B (2 steps, 0.96) are partners; A is 3 steps away.
    expect(arrangement(w, 'network-1')).toMatchObject({ members: [1, 2, 3], centre: 3, name: 'D housing network' });
  });

  it('an arrangement of the formation kind the initiator belongs to takes the domain on instead', () => {
    const w = pressured({ arrangements: [{ id: 'net', kind: 'network', members: ['A', 'D'], domains: ['economy'] }] });
    const net = arrangement(w, 'net');
    net.emergent = true; // only an arrangement the model formed is extended
    // Draws: crisis draws for A and D, A's go-ahead, then C's chance to join (it now borders B).
    const s = script(w, 'structure', [0.99, 0.99, 0.1, 0.5]);
    structureDynamics(w);
    expect(s.remaining).toBe(0);
    expect(net.domains).toEqual(['economy', 'housing']);
    expect(net.members).toEqual([0, 1, 3]); // B joined
    expect(net.lastDecision).toBe(w.t);
    expect(w.arrangements.length).toBe(1);
    expect(w.counters.formations).toBe(0);
    expect(w.counters.joins).toBe(1);
    expect(w.events.at(-1)).toMatchObject({ type: 'formation', arrangement: 'net', domain: 'housing', detail: { kind: 'network', extended: true } });
  });

  it('a modular arrangement that takes a domain on opens the new module with a spell for each of its members', () => {
    const w = pressured({ formationKinds: ['modular-gr'], arrangements: [{ id: 'mod', kind: 'modular-gr', members: ['A', 'B', 'D'], domains: ['economy'], modules: { economy: ['A', 'D'] } }] });
    const mod = arrangement(w, 'mod');
    mod.emergent = true;
    // A modular GR needs trust 0.5 + 0.3 x 0.5 = 0.65 between initiator and partner.
    setTrust(w, 0, 1, 0.7);
    setTrust(w, 1, 0, 0.7);
    script(w, 'structure', [0.99, 0.99, 0.99, 0.1, 0.99, 0.99]);
    structureDynamics(w);
    expect(mod.domains).toEqual(['economy', 'housing']);
    expect(mod.modules.get('housing')).toEqual([0, 1]);
    expect(mod.memberSince.get('0:housing')).toBe(w.t);
    expect(mod.memberSince.get('1:housing')).toBe(w.t);
    expect(w.counters.joins).toBe(0);
  });

  it('stops before formation and joins when the scenario does not allow formation', () => {
    const w = pressured({ formation: false });
    script(w, 'structure');
    structureDynamics(w);
    expect(w.arrangements).toEqual([]);
  });
});

describe('structure: joins', () => {
  it('an eligible neighbour joins on a draw below joinProbability, judged on mean trust both ways', () => {
    const w = pressured();
    // After the formation of A + B, C (1.92 ≥ 1.25, borders B, 2 steps from the centre A) may join:
    // its mean trust in A and B is (0.45 + 0.6) / 2 = 0.525 ≥ 0.5 and theirs in C 0.6.
    const s = script(w, 'structure', [0.69, 0.0999]);
    structureDynamics(w);
    expect(s.remaining).toBe(0);
    const a = arrangement(w, 'network-1');
    expect(a.members).toEqual([0, 1, 2]);
    expect(a.memberSince.get('2')).toBe(w.t);
    expect(w.municipalities[2]!.unmet[HOUSING]).toBe(0);
    expect(w.counters.joins).toBe(1);
  });

  it('only candidates who border a member get a draw, and mean trust must reach formationTrust', () => {
    // Network C + D (centre C). A (unmet 1.92) borders only B, so it gets no draw; B borders C.
    const build = (trustBC: number, trustCB = 0.6) => {
      const w = world({ arrangements: [{ id: 'cd', kind: 'network', members: ['C', 'D'], domains: ['housing'] }] });
      w.t += 1;
      w.municipalities[0]!.unmet[HOUSING] = 2;
      w.municipalities[1]!.unmet[HOUSING] = 2;
      setTrust(w, 1, 2, trustBC);
      setTrust(w, 2, 1, trustCB);
      return w;
    };
    const w = build(0.6);
    const s = script(w, 'structure', [0.99, 0.99, 0.05]); // crisis C, D; B's join
    structureDynamics(w);
    expect(s.remaining).toBe(0);
    expect(arrangement(w, 'cd').members).toEqual([1, 2, 3]);
    expect(w.municipalities[0]!.unmet[HOUSING]).toBeCloseTo(1.92, 12);

    // B's mean trust in C and D: (0.39 + 0.6) / 2 = 0.495 < 0.5.
    const low = build(0.39);
    script(low, 'structure', [0.99, 0.99, 0.05]);
    structureDynamics(low);
    expect(arrangement(low, 'cd').members).toEqual([2, 3]);

    // The members' mean trust in B: (0.39 + 0.6) / 2 = 0.495 < 0.5.
    const distrusted = build(0.6, 0.39);
    script(distrusted, 'structure', [0.99, 0.99, 0.05]);
    structureDynamics(distrusted);
    expect(arrangement(distrusted, 'cd').members).toEqual([2, 3]);
  });

  it('no one joins a mandatory arrangement', () => {
    const w = world({ arrangements: [{ id: 'wgr', kind: 'wgr-plus', members: ['C', 'D'], domains: ['housing'] }] });
    w.municipalities[1]!.unmet[HOUSING] = 2;
    const s = script(w, 'structure');
    structureDynamics(w);
    expect(s.used).toBe(0);
    expect(arrangement(w, 'wgr').members).toEqual([2, 3]);
  });
});
