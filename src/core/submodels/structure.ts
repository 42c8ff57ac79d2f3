/**
 * Structure dynamics between elections: voluntary arrangements dissolve when dormant; members
 * leave after a collapse of trust; municipalities with an unmet stake in a domain form a new
 * arrangement with nearby partners they trust; eligible neighbours join existing ones.
 */
import { DOMAINS, type Domain } from '../domains.js';
import { isActive, kindProperties, membersFor } from '../entities/arrangement.js';
import { domainIdx, emit, type World } from '../state.js';
import { createArrangement, dissolve, heldBySpinup, join, leave, openModule, tablesFor } from './arrangements.js';

export function structureDynamics(world: World): void {
  const p = world.params;
  const keep = 1 - p.unmetDecay;
  for (const m of world.municipalities) for (let d = 0; d < DOMAINS.length; d++) m.unmet[d] = m.unmet[d]! * keep;
  // Dormancy and crisis exits.
  for (const a of [...world.arrangements]) {
    if (!isActive(a) || a.props.mandatory || heldBySpinup(world, a)) continue;
    const dormancy = a.props.secretariat === 'none' ? p.dormancyMonths : a.props.secretariat === 'secretary' ? p.dormancySecretaryFactor * p.dormancyMonths : Infinity;
    if (world.t - a.lastDecision >= dormancy) {
      dissolve(world, a, 'dormant');
      continue;
    }
    for (const m of [...a.members]) {
      if (!isActive(a)) break;
      const u = world.rng.structure.next();
      if (u < p.crisisExitHazard && world.trust.meanTrustIn(m, a.members, null) < p.crisisTrust) leave(world, a, m, 'trust collapsed');
    }
  }
  if (!world.scenario.formation) return;
  for (const d of DOMAINS) form(world, d);
  joins(world);
}

function form(world: World, d: Domain): void {
  const p = world.params;
  const di = domainIdx(d);
  const n = world.n;
  // Initiator: the municipality with the largest unmet stake above the threshold and no table for the domain.
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
  if (!world.rng.structure.bernoulli(I.stance)) return;
  const partners: number[] = [];
  for (let j = 0; j < n; j++) {
    if (j === initiator) continue;
    if (world.distance[initiator * n + j]! > p.formationReach) continue;
    const mj = world.municipalities[j]!;
    if (mj.unmet[di]! < p.formationPressure * p.formationPartnerShare) continue;
    if (tablesFor(world, j, d).length > 0) continue;
    if (world.trust.get(initiator, j, di) < p.formationTrust || world.trust.get(j, initiator, di) < p.formationTrust) continue;
    partners.push(j);
  }
  if (partners.length === 0) return;
  const members = [initiator, ...partners].sort((a, b) => a - b);
  // An arrangement of the formation kind the initiator already belongs to takes the domain on.
  const existing = world.arrangements.find((a) => isActive(a) && !heldBySpinup(world, a) && a.kind === world.scenario.formationKind && a.members.includes(initiator) && !a.domains.includes(d));
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
  const kind = world.scenario.formationKind;
  const id = `${kind}-${world.formedCount}`;
  createArrangement(world, {
    id, name: `${I.name} ${d} ${kind}`, kind, props: kindProperties(kind, world.params), members, domains: [d],
    modules: {}, funding: {}, fundShare: 0, centre: initiator,
  }, true);
  world.counters.formations++;
  emit(world, 'formation', members, { arrangement: id, domain: d, detail: { kind, initiator: I.name } });
}

function joins(world: World): void {
  const p = world.params;
  const n = world.n;
  for (const a of [...world.arrangements]) {
    if (!isActive(a) || a.props.mandatory || heldBySpinup(world, a)) continue;
    for (let i = 0; i < n; i++) {
      const m = world.municipalities[i]!;
      for (const d of a.domains) {
        const di = domainIdx(d);
        if (m.unmet[di]! < p.formationPressure * p.joinPressureShare) continue;
        if (membersFor(a, d).includes(i)) continue;
        // Arrangements stay regional: a newcomer borders a member and lies near the centre.
        if (world.distance[i * n + a.centre]! > p.formationReach + p.joinReachExtra) continue;
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
