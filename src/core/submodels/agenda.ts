/**
 * The agenda: tasks reach a table through an arrangement whose members hold most of the
 * task's value; the table decides at its meetings (binding majority, consensus or the willing),
 * a blocked task may be rescued by a mandje. Without a table a municipality with a stake and
 * leadership must assemble an ad hoc coalition, approaching partners one by one at a search
 * and negotiation cost (Feiock's transaction costs); its relationships and its partners' trust
 * decide how far it gets.
 */
import { isActive, membersFor, type Arrangement } from '../entities/arrangement.js';
import { shareOf, totalCost, type Task } from '../entities/task.js';
import { capacity, domainIdx, emit, inEvaluation, markJoint, type World } from '../state.js';
import { agendaCapacityOf, tableCoordination } from './arrangements.js';
import { aggrieve } from './structure.js';
import { dealDiscount, dealEffort, decide, subsidyAt, type Outcome, type Venue } from './decision.js';

function table(world: World, id: string | null): Arrangement | null {
  if (id === null) return null;
  return world.arrangements.find((a) => a.id === id) ?? null;
}

/** The table a task can go to: an active arrangement covering the domain whose members hold most of its value. */
export function findTable(world: World, task: Task): Arrangement | null {
  let best: Arrangement | null = null;
  let bestShare = world.params.tableShare;
  for (const a of world.arrangements) {
    if (!isActive(a) || a.props.agendaCapacity <= 0 || a.agenda.length >= agendaCapacityOf(world, a)) continue;
    const ms = membersFor(a, task.domain);
    if (ms.length < 2) continue;
    const held = ms.reduce((s, m) => s + shareOf(task, m), 0);
    if (held >= bestShare + 1e-12) {
      best = a;
      bestShare = held;
    }
  }
  return best;
}

/** Municipalities that want a task but never got it handled keep an unmet stake (drives formation). */
export function addUnmet(world: World, task: Task): void {
  const di = domainIdx(task.domain);
  task.beneficiaries.forEach((b, k) => {
    world.municipalities[b]!.unmet[di] = world.municipalities[b]!.unmet[di]! + task.shares[k]! * task.value;
  });
}

function finish(world: World, task: Task, kind: 'lapse' | 'failed' | 'deadlock', detail: Record<string, string | number | boolean>): void {
  task.status = 'done';
  world.tasks.delete(task.id);
  if (kind === 'lapse') world.counters.tasksLapsed++;
  else world.counters.tasksFailed++;
  if (kind === 'deadlock') world.counters.deadlocks++;
  addUnmet(world, task);
  emit(world, kind === 'failed' ? 'failed' : kind, task.beneficiaries, { task: task.id, domain: task.domain, ...(task.table ? { arrangement: task.table } : {}), detail });
}

function startProject(world: World, task: Task, outcome: Outcome, coordination: number, subsidy: number): void {
  const ev = outcome.evaluation!;
  task.status = 'project';
  task.participants = ev.participants;
  task.convinced = outcome.convinced;
  task.workDue = ev.workDue;
  task.monitorFte = ev.monitorFte;
  task.costShare = ev.costShare;
  task.weight = ev.weight;
  task.delivered = ev.participants.map(() => 0);
  task.owed = ev.participants.map(() => 0);
  task.subsidy = subsidy;
  task.startedAt = world.t;
  task.endsAt = world.t + task.duration;
  const rel = ev.participants.reduce((s, m) => s + world.municipalities[m]!.relationship, 0) / ev.participants.length;
  task.coordination = Math.min(1, Math.max(0, coordination + world.params.relationshipCoordination * (rel - 0.5)));
  for (let k = 0; k < ev.participants.length; k++) {
    const m = world.municipalities[ev.participants[k]!]!;
    m.load += ev.workDue[k]!;
  }
  // Those who voted for the decision took part in it together.
  markJoint(world, outcome.yes);
  if (inEvaluation(world)) {
    const ps = ev.participants;
    for (let a = 0; a < ps.length; a++) {
      for (let b = a + 1; b < ps.length; b++) {
        world.totals.partnerPairs++;
        if (world.distance[ps[a]! * world.n + ps[b]!] === 1) world.totals.partnerPairsNeighbours++;
      }
    }
    // The partners it could have had: every pair of the task's beneficiaries (the null of neighbour_choice_ratio).
    const bs = task.beneficiaries;
    for (let a = 0; a < bs.length; a++) {
      for (let b = a + 1; b < bs.length; b++) {
        world.totals.beneficiaryPairs++;
        if (world.distance[bs[a]! * world.n + bs[b]!] === 1) world.totals.beneficiaryPairsNeighbours++;
      }
    }
  }
}

function outvotedTrust(world: World, t: Arrangement, outcome: Outcome, task: Task): void {
  if (outcome.outvoted.length === 0) return;
  const di = domainIdx(task.domain);
  const p = world.params;
  const institutional = t.props.secretariat !== 'none';
  const ev = outcome.evaluation;
  for (const i of outcome.outvoted) {
    for (const j of outcome.yes) world.trust.lower(i, j, p.trustLossOutvoted, institutional, di);
    const m = world.municipalities[i]!;
    // An alderman who keeps the council on board (homeBaseFte) loses less of its stance.
    m.stance = Math.max(0, m.stance - p.legitimacyLossOutvoted * (1 - homeBase(world, i)));
    // Bound to a decision that costs it more than it brings it: who pays for what others gain.
    const k = ev ? ev.participants.indexOf(i) : -1;
    if (k >= 0 && ev!.gain[k]! < 0) {
      world.counters.forcedAgainstInterest++;
      aggrieve(t, i, -ev!.gain[k]!);
    }
  }
  world.counters.forcedVotes++;
}

/** The member of a table with the largest stake in a task (the lower index on a tie). */
function carrierOf(task: Task, members: readonly number[]): number {
  let best = members[0]!;
  let share = -1;
  for (const m of members) {
    const s = shareOf(task, m);
    if (s > share) {
      share = s;
      best = m;
    }
  }
  return best;
}

/**
 * The share of a council's loss of stance that managing the home base prevents: homeBaseProtection
 * for a municipality at a standing table (whose alderman spends homeBaseFte on it), else 0.
 */
export function homeBase(world: World, m: number): number {
  if (world.params.homeBaseFte <= 0) return 0;
  const atTable = world.arrangements.some((a) => isActive(a) && a.props.agendaCapacity > 0 && a.members.includes(m));
  return atTable ? world.params.homeBaseProtection : 0;
}

/** Routes waiting tasks to tables, lets tables decide at their meetings, and handles ad hoc initiation. */
export function runAgenda(world: World): void {
  // 1. Lapse tasks past their deadline.
  // Deleting the current entry while iterating a Map is safe and keeps insertion (id) order.
  for (const task of world.tasks.values()) {
    if (task.status === 'project' || task.deadline >= world.t) continue;
    const t = table(world, task.table);
    if (t) t.agenda = t.agenda.filter((id) => id !== task.id);
    finish(world, task, task.status === 'agenda' && task.blocked ? 'deadlock' : 'lapse', { waited: world.t - task.arrived });
  }
  // 2. Route pool tasks to a table.
  for (const task of world.tasks.values()) {
    if (task.status !== 'pool') continue;
    const t = findTable(world, task);
    if (!t) continue;
    task.status = 'agenda';
    task.table = t.id;
    t.agenda.push(task.id);
    world.counters.tasksAddressed++;
  }
  // 3. Tables meet.
  for (const a of world.arrangements) {
    if (!isActive(a) || a.agenda.length === 0) continue;
    if ((world.t - a.start) % a.props.meetingInterval !== 0) continue;
    meet(world, a);
  }
  // 4. Ad hoc initiation for tasks without a table.
  for (const task of world.tasks.values()) {
    if (task.status !== 'pool' || task.table !== null) continue;
    adHoc(world, task);
  }
}

function meet(world: World, a: Arrangement): void {
  const p = world.params;
  const hasSecretariat = a.props.secretariat !== 'none';
  const venue: Venue = { id: a.id, binding: a.props.binding, dealDiscount: dealDiscount(world, a), quality: tableCoordination(world, a), canStayOut: a.props.decisionRule === 'willing', pull: 0 };
  const bound: Venue = { ...venue, canStayOut: false };
  const ids = [...a.agenda];
  const decided = new Set<number>();
  for (const id of ids) {
    if (decided.has(id)) continue;
    const task = world.tasks.get(id);
    if (!task || task.status !== 'agenda') continue;
    const members = membersFor(a, task.domain);
    if (members.length < 2) {
      // The module or table lost its members: the task goes back to the pool.
      decided.add(id);
      task.status = 'pool';
      task.table = null;
      continue;
    }
    for (const m of members) world.municipalities[m]!.coordination += p.preparationCost;
    const subsidy = subsidyAt(a, task);
    // The member with the largest stake carries the task at the table; a regional leader pulls the others along.
    const carrier = carrierOf(task, members);
    const carried: Venue = { ...venue, pull: p.leadershipWeight * world.municipalities[carrier]!.leader };
    const outcome = decide(world, a.props.decisionRule, members, [task], carried, [subsidy]);
    payDeal(world, outcome, [task], venue);
    world.counters.decisions++;
    a.lastDecision = world.t;
    if (outcome.passed) {
      decided.add(id);
      a.lastPassed = world.t;
      outvotedTrust(world, a, outcome, task);
      startProject(world, task, outcome, tableCoordination(world, a), subsidy);
      emit(world, outcome.outvoted.length > 0 ? 'forced-vote' : 'decision', outcome.participants, {
        task: id, domain: task.domain, arrangement: a.id,
        detail: { rule: a.props.decisionRule, support: round(outcome.support), ...(outcome.outvoted.length > 0 ? { outvoted: outcome.outvoted.map((m) => world.municipalities[m]!.name).join('; ') } : {}) },
      });
      continue;
    }
    task.blocked = true;
    // Mandje: a package with another pending task in a different domain on the same table.
    const spotted = hasSecretariat || world.rng.decisions.bernoulli(p.mandjeSpotWithoutSecretariat);
    if (!spotted) continue;
    for (const otherId of a.agenda) {
      if (otherId === id || decided.has(otherId)) continue;
      const other = world.tasks.get(otherId);
      if (!other || other.status !== 'agenda' || other.domain === task.domain) continue;
      if (task.mandjeTried.includes(otherId)) continue;
      const members2 = membersFor(a, other.domain);
      const common = members.filter((m) => members2.includes(m));
      if (common.length < 2) continue;
      // Without enough trust the package is not put to a vote; it may be once trust has grown.
      if ((world.trust.groupMean(common, domainIdx(task.domain)) + world.trust.groupMean(common, domainIdx(other.domain))) / 2 < p.mandjeTrust) continue;
      // A package put to a vote and rejected is off the table.
      task.mandjeTried.push(otherId);
      other.mandjeTried.push(id);
      const sub2 = subsidyAt(a, other);
      const pkg = decide(world, a.props.decisionRule, common, [task, other], venue, [subsidy, sub2]);
      payDeal(world, pkg, [task, other], venue);
      if (!pkg.passed) continue;
      // Each task of the package is carried out by the package's participants.
      const o1 = decide(world, a.props.decisionRule === 'willing' ? 'consensus' : a.props.decisionRule, pkg.participants, [task], bound, [subsidy]);
      const o2 = decide(world, a.props.decisionRule === 'willing' ? 'consensus' : a.props.decisionRule, pkg.participants, [other], bound, [sub2]);
      // Package members are convinced of the package as a whole.
      const asPkg = (o: Outcome): Outcome => ({ ...o, passed: true, convinced: pkg.convinced, outvoted: pkg.outvoted, yes: pkg.yes, participants: pkg.participants });
      decided.add(id);
      decided.add(otherId);
      a.lastPassed = world.t;
      task.mandje = otherId;
      other.mandje = id;
      outvotedTrust(world, a, pkg, task);
      startProject(world, task, asPkg(o1), tableCoordination(world, a), subsidy);
      startProject(world, other, asPkg(o2), tableCoordination(world, a), sub2);
      world.counters.mandjes++;
      world.counters.decisions++;
      emit(world, 'mandje', pkg.participants, { arrangement: a.id, detail: { tasks: `${id}+${otherId}`, domains: `${task.domain}+${other.domain}` } });
      break;
    }
  }
  a.agenda = a.agenda.filter((id) => !decided.has(id));
}

/**
 * Ad hoc route: the beneficiary with the largest stake leads, if its council's stance lets it
 * and it has capacity to spare; it approaches the other beneficiaries in order of stake, each of
 * whom engages with a probability equal to its trust in the leader (higher when they share a
 * network), at a search cost to the leader.
 */
function adHoc(world: World, task: Task): void {
  const p = world.params;
  const rng = world.rng.decisions;
  let leader = -1;
  let best = -1;
  task.beneficiaries.forEach((b, k) => {
    if (task.shares[k]! > best) {
      best = task.shares[k]!;
      leader = b;
    }
  });
  const L = world.municipalities[leader]!;
  const cap = capacity(world, L);
  const slack = cap - L.load - L.coordination;
  // Leadership: a council's stance and urgency move a municipality to take the lead; it needs capacity to spare.
  if (slack <= 0) return;
  // Knowing whom to call (the relationship and knowledge stock) makes taking the lead easier.
  const wu = p['adhoc.urgencyWeight'];
  const wr = p['adhoc.relationshipWeight'];
  // A municipality with a regional leader in its college takes the lead more readily.
  const lead = 1 + p.leadershipWeight * L.leader;
  if (!rng.bernoulli(Math.min(1, L.stance * (1 - wu + wu * task.urgency) * (1 - wr + wr * L.relationship) * lead))) return;
  const others = task.beneficiaries
    .map((b, k) => ({ b, s: task.shares[k]! }))
    .filter((x) => x.b !== leader)
    .sort((x, y) => y.s - x.s || x.b - y.b);
  // The search and negotiation cost of approaching each partner (Feiock's transaction costs): lower
  // between members of a network, between neighbours and for a leader who knows whom to call.
  const searchFor = others.map(({ b }) => {
    const shared = world.arrangements.find((a) => isActive(a) && a.members.includes(leader) && a.members.includes(b)) ?? null;
    const discount = shared ? shared.props.searchDiscount : 1;
    const known = world.distance[leader * world.n + b] === 1 ? p['adhoc.neighbourSearch'] : 1;
    return { shared, fte: p.searchCost * discount * known * (1 - p['adhoc.relationshipSearch'] * L.relationship) };
  });
  // A municipality takes the lead only when its own expected gain (its value share less its
  // population share of the cost among the beneficiaries) covers the search cost it would pay.
  let pop = 0;
  for (const b of task.beneficiaries) pop += world.municipalities[b]!.population;
  const ownGain = best * task.value * p['adhoc.coordination'] - (L.population / pop) * totalCost(task, p.fteMonthCost);
  const search = searchFor.reduce((s, x) => s + x.fte, 0) * p.fteMonthCost;
  if (ownGain <= search) return;
  world.counters.tasksAddressed++;
  task.table = null;
  const engaged: number[] = [leader];
  let searchFte = 0;
  for (let x = 0; x < others.length; x++) {
    const b = others[x]!.b;
    const shared = searchFor[x]!.shared;
    searchFte += searchFor[x]!.fte;
    const base = p['adhoc.engagementBase'];
    let reach = world.trust.get(b, leader, domainIdx(task.domain)) * (base + (1 - base) * L.relationship);
    if (shared) reach = reach + (1 - reach) * p['adhoc.sharedReach'];
    if (rng.bernoulli(reach)) engaged.push(b);
  }
  L.coordination += searchFte;
  engaged.sort((x, y) => x - y);
  for (const m of engaged) if (m !== leader) world.municipalities[m]!.coordination += p.preparationCost;
  const adHocVenue: Venue = { id: 'ad hoc', binding: p['adhoc.binding'], dealDiscount: 0, quality: p['adhoc.coordination'], canStayOut: true, pull: 0 };
  const outcome = decide(world, 'willing', engaged, [task], adHocVenue, [0]);
  payDeal(world, outcome, [task], adHocVenue);
  world.counters.decisions++;
  task.attempts++;
  if (outcome.passed) {
    startProject(world, task, outcome, p['adhoc.coordination'], 0);
    const viaNetwork = world.arrangements.find((a) => isActive(a) && a.props.agendaCapacity === 0 && outcome.participants.every((m) => a.members.includes(m)));
    if (viaNetwork) {
      viaNetwork.lastDecision = world.t;
      viaNetwork.lastPassed = world.t;
    }
    emit(world, 'decision', outcome.participants, { task: task.id, domain: task.domain, ...(viaNetwork ? { arrangement: viaNetwork.id } : {}), detail: { rule: 'ad hoc', leader: L.name, support: round(outcome.support) } });
  } else if (task.attempts >= p['adhoc.attempts'] + p.leadershipAttempts * L.leader) {
    // A regional leader carries the task on for more months (leadershipAttempts).
    finish(world, task, 'failed', { rule: 'ad hoc', leader: L.name, engaged: engaged.length });
  }
}

/**
 * The participants pay the information and negotiation effort of a decision in its month, passed
 * or not, once per task and venue (a later vote there reuses it): the dealFte of decision.ts.
 */
function payDeal(world: World, outcome: Outcome, tasks: readonly Task[], venue: Venue): void {
  const ev = outcome.evaluation;
  if (!ev) return;
  const k = ev.participants.length;
  let fte = 0;
  for (const t of tasks) {
    if (t.dealtAt === venue.id) continue;
    fte += dealEffort(world.params, k, venue);
    t.dealtAt = venue.id;
  }
  if (fte > 0) for (const m of ev.participants) world.municipalities[m]!.coordination += fte;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
