/**
 * Councils change: all municipalities elect their councils in the same month every cycle. The
 * new council's stance mixes the old stance, the mean, its judgement of the value-for-money of
 * cooperation over the last term and an electoral shock; the college revisits the regional
 * agenda; and the council reviews each voluntary membership, leaving when it sees too little
 * value (a logistic choice).
 */
import { isElectionMonthOf } from '../calendar.js';
import { isActive, overheadFteOf, type Arrangement } from '../entities/arrangement.js';
import { clamp01 } from '../entities/trust.js';
import { emit, type World } from '../state.js';
import { addUnmet, homeBase } from './agenda.js';
import { heldBySpinup, leave } from './arrangements.js';
import { snapshotTrust } from '../observation.js';

export function isElectionMonth(world: World, t: number = world.t): boolean {
  return isElectionMonthOf(world.params, t);
}

export function election(world: World): void {
  const p = world.params;
  world.lastElection = world.t;
  // 1. New councils: one normal draw per municipality from the elections stream.
  for (const m of world.municipalities) {
    const shock = world.rng.elections.normal();
    const vfm = (m.termValue + 0.01) / (m.termCost + 0.01);
    // A council kept on board by its alderman (homeBaseFte) judges a bad term less harshly.
    const judged = p.stanceRetrospective * Math.tanh(Math.log(vfm));
    const retro = judged < 0 ? judged * (1 - homeBase(world, m.index)) : judged;
    // The new college: a regional leader stays with probability leadershipPersistence; otherwise the
    // college has one with probability leadershipShare (one uniform per municipality, whatever happens).
    m.leader = newLeader(m.leader, world.rng.elections.next(), p.leadershipPersistence, p.leadershipShare);
    const before = m.stance;
    m.stance = clamp01(p.stancePersistence * m.stance + (1 - p.stancePersistence) * p.stanceMean + retro + p.stanceSd * shock);
    emit(world, 'election', [m.index], { detail: { stance_before: r3(before), stance: r3(m.stance), value_for_money: r3(vfm) } });
    m.termValue = 0;
    m.termCost = 0;
  }
  // 2. The agenda is revisited: new colleges drop some open items.
  for (const a of world.arrangements) {
    if (!isActive(a) || a.agenda.length === 0) continue;
    const dropped: number[] = [];
    for (const id of a.agenda) if (world.rng.decisions.bernoulli(p.agendaRevisitShare)) dropped.push(id);
    if (dropped.length === 0) continue;
    a.agenda = a.agenda.filter((id) => !dropped.includes(id));
    for (const id of dropped) {
      const task = world.tasks.get(id);
      if (!task) continue;
      world.tasks.delete(id);
      task.status = 'done';
      world.counters.tasksLapsed++;
      addUnmet(world, task);
      emit(world, 'lapse', task.beneficiaries, { task: id, domain: task.domain, arrangement: a.id, detail: { waited: world.t - task.arrived, reason: 'dropped by a new college' } });
    }
    emit(world, 'agenda-revisit', a.members, { arrangement: a.id, detail: { dropped: dropped.length, remaining: a.agenda.length } });
  }
  // 3. Membership reviews of voluntary arrangements.
  for (const a of [...world.arrangements]) {
    if (!isActive(a) || a.props.mandatory || heldBySpinup(world, a)) continue;
    reviewMemberships(world, a, 1, 'new council');
    a.termValue.clear();
    a.termCost.clear();
  }
  if (world.t >= world.scenario.start) snapshotTrust(world, 'election');
}

/**
 * Value-for-money reviews of a voluntary arrangement by new councils: the whole membership, or
 * in a modular arrangement each module (a member without modules left leaves the core too).
 */
export function budgetReview(world: World): void {
  if ((world.t % 12) + 1 !== world.params.budgetMonth || world.params.budgetReviewIntensity <= 0) return;
  for (const a of [...world.arrangements]) {
    if (!isActive(a) || a.props.mandatory || heldBySpinup(world, a)) continue;
    reviewMemberships(world, a, world.params.budgetReviewIntensity, 'budget review');
  }
}

/**
 * The months a review looks back on: since the term began (a new council looks back on the whole
 * last term; a budget review on the months since the election), and not before the arrangement
 * existed. These are the months the term accounts cover, so value and overhead are set against
 * each other over the same period.
 */
export function reviewMonths(world: World, a: Arrangement): number {
  const cycle = 12 * world.params.electionCycle;
  const termStart = world.lastElection === world.t ? world.t - cycle : world.lastElection;
  return Math.max(1, Math.min(cycle, world.t - Math.max(termStart, a.start)));
}

/** Reviews one member's membership of a voluntary arrangement (after an austerity choice to cut regional work first). */
export function reviewMember(world: World, a: Arrangement, m: number, intensity: number, who: string): void {
  if (!isActive(a) || a.props.mandatory || heldBySpinup(world, a)) return;
  reviewMemberships(world, a, intensity, who, m);
}

function reviewMemberships(world: World, a: Arrangement, intensity: number, who: string, only: number | null = null): void {
  const p = world.params;
  const months = reviewMonths(world, a);
  // Net return of the membership per euro it cost: value received (plus the half of central funds
  // that reach the member only through it) minus project costs and overhead, over those costs.
  const exitProbability = (m: number, key: string, monthlyCost: number): number => {
    let funds = 0;
    for (const [d, perCapita] of a.funding) if (!key.includes(':') || key.endsWith(`:${d}`)) funds += perCapita;
    const value = (a.termValue.get(key) ?? 0) + (p.fundsCreditShare * funds * world.municipalities[m]!.population * months) / 12 / 1e6;
    const cost = (a.termCost.get(key) ?? 0) + monthlyCost * months;
    // Costs below materiality (a small share of the municipal budget) do not make a political issue.
    const materiality = (p.exitMateriality * p.spendingPerCapita * world.municipalities[m]!.population * months) / 12 / 1e6;
    const netReturn = (value - cost) / (cost + materiality);
    const exitCost = (a.props.exitCostMonths * monthlyCost) / (cost + materiality);
    const stance = world.municipalities[m]!.stance;
    const score = netReturn + p.exitStanceWeight * (stance - 0.5) + exitCost;
    return intensity / (1 + Math.exp(p.exitSteepness * (score - p.exitThreshold)));
  };
  const overheadCost = (m: number, fte: number): number =>
    fte * p.fteMonthCost + (a.props.overheadEuroPerCapita * world.municipalities[m]!.population) / 12 / 1e6;
  for (const m of [...a.members]) {
    if (!isActive(a)) return;
    if (only !== null && m !== only) continue;
    const since = a.memberSince.get(`${m}`) ?? world.t;
    if (world.t - since < p.reviewMinMembership) continue;
    if (a.props.modular) {
      for (const d of a.domains) {
        const list = a.modules.get(d) ?? [];
        if (!list.includes(m)) continue;
        const u = world.rng.decisions.next();
        const share = overheadCost(m, overheadFteOf(a, m, p.modularCoreShare)) / Math.max(1, a.domains.length);
        if (u < exitProbability(m, `${m}:${d}`, share)) {
          // Leaving the last module held is leaving the arrangement: one exit, not two.
          const last = a.domains.every((o) => o === d || !(a.modules.get(o) ?? []).includes(m));
          if (last) {
            leave(world, a, m, `${who}: no modules left`);
            break;
          }
          leave(world, a, m, `${who}: module gives too little value`, d);
          if (!isActive(a)) return;
        }
      }
      if (!isActive(a)) return;
      // A core member that holds no module at all (it never opted in) leaves the core.
      if (a.members.includes(m) && !a.domains.some((d) => (a.modules.get(d) ?? []).includes(m))) leave(world, a, m, `${who}: no modules left`);
      continue;
    }
    const u = world.rng.decisions.next();
    if (u < exitProbability(m, `${m}`, overheadCost(m, overheadFteOf(a, m, p.modularCoreShare)))) leave(world, a, m, `${who}: too little value`);
  }
}

/**
 * Whether the new college has a regional leader, from one uniform u: a leader stays when
 * u < persistence, and is otherwise replaced by a new college that has one with probability
 * `share`; a college without one gets one with probability `share`.
 */
export function newLeader(leader: number, u: number, persistence: number, share: number): number {
  if (leader) {
    if (u < persistence) return 1;
    return persistence < 1 && (u - persistence) / (1 - persistence) < share ? 1 : 0;
  }
  return u < share ? 1 : 0;
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
