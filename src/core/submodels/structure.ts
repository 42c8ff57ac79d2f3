/**
 * Structure dynamics between elections: voluntary arrangements dissolve when dormant; members
 * leave after a collapse of trust; municipalities with an unmet stake in a domain form a new
 * arrangement with nearby partners they trust; eligible neighbours join existing ones.
 */
import { DOMAINS, type Domain } from '../domains.js';
import { isActive, kindProperties, membersFor, overheadFteOf, type ArrangementKind, type KindProperties } from '../entities/arrangement.js';
import { domainIdx, emit, inEvaluation, type World } from '../state.js';
import { createArrangement, dissolve, heldBySpinup, join, leave, openModule, tablesFor } from './arrangements.js';

export function structureDynamics(world: World): void {
  const p = world.params;
  const keep = 1 - p.unmetDecay;
  for (const m of world.municipalities) for (let d = 0; d < DOMAINS.length; d++) m.unmet[d] = m.unmet[d]! * keep;
  // Dormancy and crisis exits.
  for (const a of [...world.arrangements]) {
    if (!isActive(a)) continue;
    for (const [m, g] of a.grievance) a.grievance.set(m, g * (1 - p.grievanceDecay));
    if (a.props.mandatory || heldBySpinup(world, a)) continue;
    const dormancy = a.props.secretariat === 'none' ? p.dormancyMonths : a.props.secretariat === 'secretary' ? p.dormancySecretaryFactor * p.dormancyMonths : Infinity;
    if (world.t - a.lastDecision >= dormancy) {
      dissolve(world, a, 'dormant');
      continue;
    }
    // A member whose grievances at this table (losses it was bound to, value its partners' shortfalls
    // cost it) pass crisisGrievance of its yearly spending plus what leaving would cost it (as in a
    // review: exitCostMonths of its overhead) may leave between elections; trust in its co-members
    // holds it back (the hazard is crisisExitHazard x 2 x (1 - trust), at most crisisExitHazard x 1).
    for (const m of [...a.members]) {
      if (!isActive(a)) break;
      const u = world.rng.structure.next();
      const g = a.grievance.get(m) ?? 0;
      if (g <= 0) continue;
      const mu = world.municipalities[m]!;
      const budget = (p.spendingPerCapita * mu.population) / 1e6;
      const monthly = overheadFteOf(a, m, p.modularCoreShare) * p.fteMonthCost + (a.props.overheadEuroPerCapita * mu.population) / 12 / 1e6;
      if (g < p.crisisGrievance * budget + a.props.exitCostMonths * monthly) continue;
      const trustIn = world.trust.meanTrustIn(m, a.members, null);
      if (u < p.crisisExitHazard * Math.min(1, 2 * (1 - trustIn))) {
        a.grievance.delete(m);
        leave(world, a, m, 'grievances: bound against its interest or let down by partners');
      }
    }
  }
  if (!world.scenario.formation) return;
  for (const d of DOMAINS) form(world, d);
  joins(world);
}

/** Adds to a member's grievance at an arrangement (M EUR). */
export function aggrieve(a: { grievance: Map<number, number> }, m: number, amount: number): void {
  if (amount <= 0) return;
  a.grievance.set(m, (a.grievance.get(m) ?? 0) + amount);
}

/**
 * What a kind of arrangement is expected to bring a group forming it, M EUR per year: the value
 * now lost in the domain (the unmet stakes, flowing at unmetDecay a month) that the kind would
 * capture (its coordination quality; a network without a table only formationNetworkCapture of
 * that), less its overhead (staff and money) and the autonomy the members give up on the costs
 * they would commit (autonomyWeight x autonomy x binding, the costs being the value over the
 * median benefit-cost ratio).
 */
export function expectedNetValue(world: World, kind: ArrangementKind, members: readonly number[], di: number): number {
  const p = world.params;
  const props = propertiesOf(world, kind);
  let stake = 0;
  let overhead = 0;
  let autonomy = 0;
  for (const m of members) {
    const mu = world.municipalities[m]!;
    stake += mu.unmet[di]!;
    overhead += 12 * props.overheadFte * p.fteMonthCost + (props.overheadEuroPerCapita * mu.population) / 1e6;
    autonomy += mu.autonomy;
  }
  const flow = 12 * p.unmetDecay * stake;
  const captured = flow * props.coordination * (props.agendaCapacity > 0 ? 1 : p.formationNetworkCapture);
  const autonomyCost = (p.autonomyWeight * props.binding * (autonomy / members.length) * captured) / p.benefitCostMedian;
  return captured - overhead - autonomyCost;
}

/** Mutual trust a kind needs between initiator and partner: formationTrust, plus formationTrustBinding x the kind's bindingness. */
export function trustNeeded(world: World, kind: ArrangementKind): number {
  return world.params.formationTrust + world.params.formationTrustBinding * propertiesOf(world, kind).binding;
}

/** A kind's properties under a run's parameters, computed once per parameter object (formation asks every month). */
const PROPERTIES = new WeakMap<object, Map<ArrangementKind, KindProperties>>();
function propertiesOf(world: World, kind: ArrangementKind): KindProperties {
  let byKind = PROPERTIES.get(world.params);
  if (!byKind) PROPERTIES.set(world.params, (byKind = new Map()));
  let props = byKind.get(kind);
  if (!props) byKind.set(kind, (props = kindProperties(kind, world.params)));
  return props;
}

/**
 * Formation: the municipality with the largest unmet stake in a domain (above formationPressure,
 * and no table for it) may take the initiative (with probability its council's stance). For each
 * kind the scenario allows it finds the nearby partners with a stake whom it trusts, and who trust
 * it, enough for that kind, and forms the kind with the highest expected net value, if that is
 * positive. An arrangement of that kind that it formed with others before takes the domain on.
 */
function form(world: World, d: Domain): void {
  const p = world.params;
  const di = domainIdx(d);
  const n = world.n;
  let initiator = -1;
  let best = p.formationPressure;
  for (const m of world.municipalities) {
    if (m.unmet[di]! < best) continue;
    if (tablesFor(world, m.index, d).length > 0) continue;
    best = m.unmet[di]!;
    initiator = m.index;
  }
  if (initiator < 0) return;
  const I = world.municipalities[initiator]!;
  // Its council's stance, and a regional leader in its college, move it to take the initiative.
  if (!world.rng.structure.bernoulli(I.stance + ((1 - I.stance) * p.leadershipWeight * I.leader) / 2)) return;
  const candidates: number[] = [];
  for (let j = 0; j < n; j++) {
    if (j === initiator) continue;
    if (world.distance[initiator * n + j]! > p.formationReach) continue;
    const mj = world.municipalities[j]!;
    if (mj.unmet[di]! < p.formationPressure * p.formationPartnerShare) continue;
    if (tablesFor(world, j, d).length > 0) continue;
    candidates.push(j);
  }
  let chosen: { kind: ArrangementKind; members: number[]; net: number } | null = null;
  for (const kind of world.scenario.formationKinds) {
    const need = trustNeeded(world, kind);
    const partners = candidates.filter((j) => world.trust.get(initiator, j, di) >= need && world.trust.get(j, initiator, di) >= need);
    if (partners.length === 0) continue;
    const members = [initiator, ...partners].sort((a, b) => a - b);
    const net = expectedNetValue(world, kind, members, di);
    if (net > 0 && (chosen === null || net > chosen.net + 1e-12)) chosen = { kind, members, net };
  }
  if (!chosen) return;
  const { kind, members } = chosen;
  // An arrangement of the chosen kind that the model formed and the initiator belongs to takes the domain on.
  const existing = world.arrangements.find((a) => isActive(a) && a.emergent && !heldBySpinup(world, a) && a.kind === kind && a.members.includes(initiator) && !a.domains.includes(d));
  for (const m of members) world.municipalities[m]!.unmet[di] = 0;
  if (existing) {
    existing.domains.push(d);
    for (const m of members) if (!existing.members.includes(m)) join(world, existing, m);
    // In a modular arrangement the formation's members make up the new module, each with its own spell.
    if (existing.props.modular) openModule(world, existing, d, members);
    existing.lastDecision = world.t;
    emit(world, 'formation', existing.members, { arrangement: existing.id, domain: d, detail: { kind: existing.kind, extended: true } });
    world.structureDirty = true;
    return;
  }
  world.formedCount++;
  const id = `${kind}-${world.formedCount}`;
  const a = createArrangement(world, {
    id, name: `${I.name} ${d} ${kind}`, kind, props: kindProperties(kind, world.params), members, domains: [d],
    modules: {}, funding: {}, fundShare: 0, centre: initiator,
  }, true);
  world.counters.formations++;
  if (inEvaluation(world) && a.props.agendaCapacity > 0) world.totals.standingFormations++;
  emit(world, 'formation', members, { arrangement: id, domain: d, detail: { kind, initiator: I.name, ...(a.startupLength > 0 ? { startup: a.startupLength, kwartiermaker: a.kwartiermaker } : {}) } });
}

function joins(world: World): void {
  const p = world.params;
  const n = world.n;
  const pressure = p.formationPressure * p.joinPressureShare;
  const reach = p.formationReach + p.joinReachExtra;
  for (const a of [...world.arrangements]) {
    if (!isActive(a) || a.props.mandatory || heldBySpinup(world, a)) continue;
    for (let i = 0; i < n; i++) {
      // Arrangements stay regional: a newcomer lies near the centre and borders a member. The checks
      // before the draw draw nothing, so the cheapest come first.
      if (world.distance[i * n + a.centre]! > reach) continue;
      const m = world.municipalities[i]!;
      for (const d of a.domains) {
        const di = domainIdx(d);
        if (m.unmet[di]! < pressure) continue;
        if (membersFor(a, d).includes(i)) continue;
        const adjacent = a.members.some((j) => world.distance[i * n + j] === 1);
        if (!adjacent) continue;
        const u = world.rng.structure.next();
        if (u >= p.joinProbability) continue;
        const ms = a.members.filter((j) => j !== i);
        if (world.trust.meanTrustIn(i, ms, di) < p.formationTrust) continue;
        let back = 0;
        for (const j of ms) back += world.trust.get(j, i, di);
        if (back / ms.length < p.formationTrust) continue;
        if (!a.members.includes(i)) join(world, a, i);
        if (a.props.modular) join(world, a, i, d);
        m.unmet[di] = 0;
      }
    }
  }
}
