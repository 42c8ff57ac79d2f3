/**
 * Structure operations shared by scenario events and structure dynamics: creating arrangements,
 * joins, exits, dissolution, the spells they leave behind, and the institutional weights and
 * memory that secretariats give their members.
 */
import { DOMAINS, type Domain } from '../domains.js';
import { insertSorted, isActive, propsOf, membersFor, removeValue, type Arrangement } from '../entities/arrangement.js';
import type { ArrangementSpec } from '../scenario/resolve.js';
import { dateLabel, domainIdx, emit, inEvaluation, type World } from '../state.js';

function spellKey(m: number, module?: Domain): string {
  return module ? `${m}:${module}` : `${m}`;
}

function openMembership(world: World, a: Arrangement, m: number, module?: Domain): void {
  a.memberSince.set(spellKey(m, module), world.t);
}

/**
 * Closes a membership spell. `how`: 'ended' (the model ended it: an exit, or a dissolution the
 * model caused), 'decree' (a scenario event ended it at this date: censored there, since the
 * model's hazard did not act) or 'horizon' (still running at the end: censored at the horizon).
 */
function closeMembership(world: World, a: Arrangement, m: number, reason: string, how: SpellEnd, module?: Domain): void {
  const key = spellKey(m, module);
  const since = a.memberSince.get(key);
  if (since === undefined) return;
  a.memberSince.delete(key);
  const end = how === 'horizon' ? world.scenario.end + 1 : world.t;
  // A spell that ended in the spin-up is not reported; one still open at the start counts from its real start.
  if (world.t < world.scenario.start) return;
  world.spells.push({
    type: 'membership', arrangement: a.id, kind: a.kind, municipality: world.municipalities[m]!.code,
    ...(module ? { module } : {}),
    start: dateLabel(world, since), end: how === 'horizon' ? null : dateLabel(world), duration: end - since, ended: how === 'ended' ? 1 : 0, reason,
  });
}

type SpellEnd = 'ended' | 'decree' | 'horizon';

/** Module members of a modular arrangement opt in when their interest and stance make the module worth it. */
function optIn(world: World, a: Arrangement, d: Domain, members: number[]): number[] {
  const di = domainIdx(d);
  return members.filter((m) => {
    const mu = world.municipalities[m]!;
    // Interest (mean 1) weighted by stance against autonomy: a member takes a module it cares about.
    return mu.interest[di]! * (0.5 + mu.stance) >= world.params.optInThreshold + world.params.optInAutonomy * mu.autonomy * a.props.binding;
  });
}

/**
 * Creates an arrangement. One founded after the first simulated month goes through a start-up:
 * a table (agendaCapacity above 0) takes startupMonths to work at full strength, or
 * kwartiermakerMonths when a kwartiermaker builds it (appointed with probability
 * kwartiermakerShare), unless the scenario gives its start-up (`startup`). A network has none.
 */
export function createArrangement(world: World, spec: ArrangementSpec & { centre?: number }, emergent: boolean, founding = false): Arrangement {
  const p = world.params;
  let kwartiermaker = false;
  let startup = 0;
  if (!founding && spec.props.agendaCapacity > 0) {
    if (spec.startup !== undefined) startup = spec.startup;
    else {
      // One draw whatever the outcome.
      kwartiermaker = world.rng.structure.next() < p.kwartiermakerShare;
      startup = kwartiermaker ? p.kwartiermakerMonths : p.startupMonths;
    }
  }
  const a: Arrangement = {
    id: spec.id, name: spec.name, kind: spec.kind, props: propsOf(spec.props), domains: [...spec.domains],
    members: [...spec.members], modules: new Map(), funding: new Map(), fundShare: spec.fundShare,
    start: world.t, end: null, endReason: null, emergent, lastDecision: world.t, lastPassed: -Infinity, keyMembers: [], centre: spec.members[0]!, agenda: [],
    startupUntil: world.t + startup, startupLength: startup, kwartiermaker: kwartiermaker && startup > 0, grievance: new Map(),
    memberSince: new Map(), termValue: new Map(), termCost: new Map(),
  };
  for (const [d, v] of Object.entries(spec.funding) as [Domain, number][]) a.funding.set(d, v);
  const pop = a.members.reduce((s, m) => s + world.municipalities[m]!.population, 0);
  a.keyMembers = a.members.filter((m) => world.municipalities[m]!.population / pop >= world.params.keyMemberShare);
  a.centre = spec.centre ?? a.members.reduce((best, m) => (world.municipalities[m]!.population > world.municipalities[best]!.population ? m : best), a.members[0]!);
  for (const m of a.members) openMembership(world, a, m);
  if (a.props.modular) {
    for (const d of a.domains) {
      const mods = spec.modules[d] ?? optIn(world, a, d, a.members);
      a.modules.set(d, [...mods]);
      for (const m of mods) openMembership(world, a, m, d);
    }
  }
  world.arrangements.push(a);
  world.structureDirty = true;
  return a;
}

/**
 * Ends an arrangement: its memberships and its own spell close, its agenda returns to the pool.
 * With `byDecree` (a scenario event) the spells are censored at this date rather than ended.
 */
export function dissolve(world: World, a: Arrangement, reason: string, byDecree = false): void {
  if (!isActive(a)) return;
  const how: SpellEnd = byDecree ? 'decree' : 'ended';
  for (const [key] of [...a.memberSince]) {
    const [m, module] = key.split(':');
    closeMembership(world, a, Number(m), reason, how, module as Domain | undefined);
  }
  a.end = world.t;
  a.endReason = reason;
  if (world.t >= world.scenario.start) world.spells.push({
    type: 'arrangement', arrangement: a.id, kind: a.kind, start: dateLabel(world, a.start), end: dateLabel(world),
    duration: world.t - a.start, ended: byDecree ? 0 : 1, reason,
  });
  for (const id of a.agenda) {
    const task = world.tasks.get(id);
    if (task && task.status === 'agenda') {
      task.status = 'pool';
      task.table = null;
    }
  }
  a.agenda = [];
  world.counters.dissolutions++;
  emit(world, 'dissolution', a.members, { arrangement: a.id, detail: { kind: a.kind, reason } });
  world.structureDirty = true;
}

/** Adds a module to a modular arrangement with its first members, each opening a module spell (not counted as joins). */
export function openModule(world: World, a: Arrangement, d: Domain, members: readonly number[]): void {
  const list = [...members].sort((x, y) => x - y);
  a.modules.set(d, list);
  for (const m of list) openMembership(world, a, m, d);
}

export function join(world: World, a: Arrangement, m: number, module?: Domain): void {
  if (module) {
    const list = a.modules.get(module) ?? [];
    if (list.includes(m)) return;
    insertSorted(list, m);
    a.modules.set(module, list);
  } else {
    if (a.members.includes(m)) return;
    insertSorted(a.members, m);
  }
  openMembership(world, a, m, module);
  world.counters.joins++;
  emit(world, 'join', [m], { arrangement: a.id, ...(module ? { domain: module } : {}), detail: { kind: a.kind } });
  world.structureDirty = true;
}

/**
 * A member leaves (the whole arrangement, or one module). Returns true when the exit made the
 * arrangement dissolve (too few members, or a key member left).
 */
export function leave(world: World, a: Arrangement, m: number, reason: string, module?: Domain): boolean {
  if (module) {
    const list = a.modules.get(module);
    if (!list || !removeValue(list, m)) return false;
    closeMembership(world, a, m, reason, 'ended', module);
  } else {
    if (!removeValue(a.members, m)) return false;
    closeMembership(world, a, m, reason, 'ended');
    for (const [d, list] of a.modules) {
      if (removeValue(list, m)) closeMembership(world, a, m, reason, 'ended', d);
    }
  }
  world.counters.exits++;
  if (inEvaluation(world)) {
    world.totals.exits++;
    if (world.t - world.lastElection < 12) world.totals.exitsAfterElection++;
  }
  emit(world, 'exit', [m], { arrangement: a.id, ...(module ? { domain: module } : {}), detail: { kind: a.kind, reason } });
  world.structureDirty = true;
  if (a.members.length < 2) {
    dissolve(world, a, 'too few members');
    return true;
  }
  if (!module && a.keyMembers.includes(m)) {
    dissolve(world, a, `key member ${world.municipalities[m]!.name} left`);
    return true;
  }
  return false;
}

/** Closes the spells still open at the end of the horizon (censored). */
export function censorAll(world: World): void {
  for (const a of world.arrangements) {
    if (!isActive(a)) continue;
    for (const [key] of [...a.memberSince]) {
      const [m, module] = key.split(':');
      closeMembership(world, a, Number(m), 'censored', 'horizon', module as Domain | undefined);
    }
    world.spells.push({
      type: 'arrangement', arrangement: a.id, kind: a.kind, start: dateLabel(world, a.start), end: null,
      duration: world.scenario.end + 1 - a.start, ended: 0, reason: 'censored',
    });
  }
}

/**
 * Whether an arrangement is held in place by the spin-up: an arrangement the scenario puts in
 * place at the start cannot dissolve, lose or gain members before the start, so the reported
 * period begins with the structure the scenario describes. Arrangements the model forms in the
 * spin-up evolve freely.
 */
export function heldBySpinup(world: World, a: Arrangement): boolean {
  return world.t < world.scenario.start && !a.emergent;
}

/** How far an arrangement is built, in [startupQuality, 1]: rising linearly over its start-up, 1 after it. */
export function builtShare(world: World, a: Arrangement): number {
  if (world.t >= a.startupUntil || a.startupLength <= 0) return 1;
  const q = world.params.startupQuality;
  const elapsed = world.t - (a.startupUntil - a.startupLength);
  return q + ((1 - q) * Math.max(0, elapsed)) / a.startupLength;
}

/** Coordination quality of the projects a table runs now (reduced in its start-up). */
export function tableCoordination(world: World, a: Arrangement): number {
  return a.props.coordination * builtShare(world, a);
}

/** Open agenda items a table can carry now (reduced in its start-up, at least 1 for a table). */
export function agendaCapacityOf(world: World, a: Arrangement): number {
  const cap = a.props.agendaCapacity;
  if (cap <= 0) return 0;
  return Math.max(1, Math.floor(cap * builtShare(world, a)));
}

export function activeArrangements(world: World): Arrangement[] {
  return world.arrangements.filter(isActive);
}

/** Institutional weight of a secretariat kind. */
function secretariatWeight(world: World, a: Arrangement): number {
  if (a.props.secretariat === 'hub') return world.params.institutionalWeightHub;
  if (a.props.secretariat === 'secretary') return world.params.institutionalWeightSecretary;
  return 0;
}

export function secretariatMemory(world: World, a: Arrangement): number {
  if (a.props.secretariat === 'hub') return world.params.secretariatMemoryHub;
  if (a.props.secretariat === 'secretary') return world.params.secretariatMemorySecretary;
  return 0;
}

/**
 * Recomputes the institutional trust weights after a structural change: per domain, the weight
 * of the strongest secretariat of an arrangement that holds the domain for both members (its
 * module members, in a modular arrangement).
 */
export function refreshStructure(world: World): void {
  if (!world.structureDirty) return;
  const { n, trust } = world;
  const nn = n * n;
  trust.weight.fill(0);
  for (const a of activeArrangements(world)) {
    const w = secretariatWeight(world, a);
    if (w <= 0) continue;
    for (const d of a.domains) {
      const off = domainIdx(d) * nn;
      const ms = membersFor(a, d);
      for (const i of ms) {
        for (const j of ms) {
          if (i === j) continue;
          const k = off + i * n + j;
          if (trust.weight[k]! < w) trust.weight[k] = w;
        }
      }
    }
  }
  world.structureDirty = false;
}

/**
 * The share of a municipality's relationship and knowledge stock a secretariat holds when its
 * people leave: per domain the strongest memory of an arrangement that holds the domain for it,
 * averaged over the domains with the municipality's interest as weights (a secretariat keeps
 * what it works on; a transport authority keeps the transport contacts only).
 */
export function memoryOf(world: World, m: number): number {
  const interest = world.municipalities[m]!.interest;
  let weighted = 0;
  let total = 0;
  for (let di = 0; di < DOMAINS.length; di++) {
    const d = DOMAINS[di]!;
    let best = 0;
    for (const a of world.arrangements) {
      if (!isActive(a) || !membersFor(a, d).includes(m)) continue;
      best = Math.max(best, secretariatMemory(world, a));
    }
    weighted += interest[di]! * best;
    total += interest[di]!;
  }
  return total > 0 ? weighted / total : 0;
}

/** Active arrangements whose table covers a domain for a municipality. */
export function tablesFor(world: World, m: number, d: Domain): Arrangement[] {
  return world.arrangements.filter((a) => isActive(a) && membersFor(a, d).includes(m));
}
