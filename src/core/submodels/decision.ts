/**
 * Decisions. Each member weighs its own net gain, its partners' net gain weighted by its trust
 * in them, the capacity it must commit, the autonomy it gives up, the transaction costs of the
 * deal (information, negotiation and enforcement: Feiock's Institutional Collective Action),
 * and its own judgement, and votes for when that sum is within its council's mandate. Tables decide by binding majority,
 * consensus, or a coalition of the willing; blocked tasks may be rescued by a mandje.
 */
import type { Arrangement, DecisionRule } from '../entities/arrangement.js';
import { shareOf, totalCost, type Task } from '../entities/task.js';
import { hashNormal } from '../random.js';
import { capacity, domainIdx, type World } from '../state.js';

export interface Evaluation {
  /**
   * Participants (ascending) and per participant: population weight among them, cost share (M EUR),
   * work due per month (FTE: its population share of the task's work plus the fixed project-group
   * share), own gain (M EUR; for a package decided by `decide`, the gain from all its tasks),
   * utility, mandate, the information and negotiation effort of the decision (FTE-months, paid in
   * the month of the decision) and the enforcement effort of the project (FTE per month while it runs).
   */
  participants: number[];
  dealFte: number[];
  monitorFte: number[];
  weight: number[];
  gain: number[];
  costShare: number[];
  workDue: number[];
  utility: number[];
  mandate: number[];
}

/**
 * Where a decision is taken, as far as its transaction costs go: the share of information and
 * negotiation costs the venue saves (a standing table, more with a secretary or a bureau; none ad
 * hoc) and the bindingness of its rules (binding rules lower enforcement costs and raise autonomy costs).
 */
export interface Venue {
  /** The table's id, or 'ad hoc'. */
  readonly id: string;
  readonly binding: number;
  readonly dealDiscount: number;
  /** Coordination quality the members expect of a project there (the table's, or the ad hoc route's): they count on that share of the value. */
  readonly quality: number;
  /**
   * Whether members may stay out while the others go ahead (a coalition of the willing, ad hoc):
   * then staying out still brings the spill-over, and a member weighs that outside option
   * (parameter freeRiding).
   */
  readonly canStayOut: boolean;
  /** How far a leader's pull raises every member's mandate (leadershipWeight when the member who carries the task has a regional leader; 0 ad hoc, where the leader's own chance to lead is what it raises). */
  readonly pull: number;
}

/** The share of information and negotiation costs a table saves, by what supports it (ad hoc: 0). */
export function dealDiscount(world: World, table: Arrangement | null): number {
  if (!table || table.props.agendaCapacity <= 0) return 0;
  const p = world.params;
  if (table.props.secretariat === 'hub') return p['tc.hubDiscount'];
  if (table.props.secretariat === 'secretary') return p['tc.secretaryDiscount'];
  return p['tc.tableDiscount'];
}

/**
 * Information and negotiation effort of a decision among `k` participants at a venue, FTE-months
 * per participant: (tc.information + tc.negotiation x (k - 1)) x (1 - the venue's discount).
 * Paid once per task and venue (agenda.ts), weighed here.
 */
export function dealEffort(p: World['params'], k: number, venue: Venue): number {
  return (p['tc.information'] + p['tc.negotiation'] * (k - 1)) * (1 - venue.dealDiscount);
}

/** Utility of each participant if the task is carried out by `participants`, costs split by population. */
export function evaluate(world: World, task: Task, participants: readonly number[], venue: Venue, subsidy: number): Evaluation {
  const binding = venue.binding;
  const { params: p, municipalities, trust } = world;
  const k = participants.length;
  let pop = 0;
  for (let a = 0; a < k; a++) pop += municipalities[participants[a]!]!.population;
  const cost = totalCost(task, p.fteMonthCost) * (1 - subsidy);
  const costShare = new Array<number>(k);
  const workDue = new Array<number>(k);
  const gains = new Array<number>(k);
  const weight = new Array<number>(k);
  for (let a = 0; a < k; a++) {
    const m = participants[a]!;
    const w = municipalities[m]!.population / pop;
    weight[a] = w;
    // Every participant also sends someone to the project group (taskFixedFte), whatever its size.
    costShare[a] = w * cost + p.taskFixedFte * task.duration * p.fteMonthCost * (1 - subsidy);
    workDue[a] = (w * task.work) / task.duration + p.taskFixedFte;
    gains[a] = shareOf(task, m) * task.value * venue.quality - costShare[a]!;
  }
  const di = domainIdx(task.domain);
  const noiseScale = (p.decisionNoise * task.value) / Math.max(1, k);
  const utility = new Array<number>(k);
  const mandate = new Array<number>(k);
  const dealFte = new Array<number>(k);
  const monitorFte = new Array<number>(k);
  // Information and negotiation are paid once per task and venue: a later vote on it there reuses them.
  // Shared urgency: the region's unmet stakes in the domain raise every member's mandate.
  let stake = 0;
  for (const m of municipalities) stake += m.unmet[di]!;
  // No unmet stake, no urgency (also when formationPressure is 0, its lower bound: full urgency once any stake is unmet).
  const urgency = stake > 0 ? stake / (stake + p.formationPressure * world.n) : 0;
  const deal = task.dealtAt === venue.id ? 0 : dealEffort(p, k, venue);
  for (let a = 0; a < k; a++) {
    const i = participants[a]!;
    const mi = municipalities[i]!;
    // Its trust in each partner: weighted by their gains (altruism) and averaged (enforcement), in one loop.
    let partner = 0;
    let trustSum = 0;
    for (let b = 0; b < k; b++) {
      if (b === a) continue;
      const t = trust.get(i, participants[b]!, di);
      partner += t * gains[b]!;
      trustSum += t;
    }
    const partnerTerm = k > 1 ? (p.altruism * partner) / (k - 1) : 0;
    const autonomyCost = p.autonomyWeight * mi.autonomy * binding * costShare[a]!;
    const cap = capacity(world, mi);
    // Committed project work and this month's coordination, plus what the task would add.
    const after = mi.load + mi.coordination + workDue[a]!;
    const overload = cap > 0 && after > cap ? p.overloadPenalty * costShare[a]! * Math.min(1, (after - cap) / cap) : 0;
    const noise = noiseScale * hashNormal(task.noiseKey, i);
    // Transaction costs: the deal (information, negotiation) and enforcement, which binding rules
    // and trust in the partners make unnecessary.
    // The mean trust in the partners (Trust.meanTrustIn: the same sum in the same order).
    const trustIn = k > 1 ? trustSum / (k - 1) : 1;
    // Free-riding: where it may stay out, a member sets against its gain the spill-over it would get anyway.
    const outside = venue.canStayOut ? p.freeRiding * p.spillover * shareOf(task, i) * task.value : 0;
    const enforce = p['tc.enforcement'] * (1 - binding) * (1 - trustIn);
    dealFte[a] = deal;
    monitorFte[a] = enforce / task.duration;
    const transaction = (deal + enforce) * p.fteMonthCost;
    utility[a] = gains[a]! + partnerTerm - autonomyCost - overload - transaction - outside + noise;
    mandate[a] = p.mandateScale * mi.stance * costShare[a]! * (1 + p.sharedUrgencyWeight * urgency) * (1 + venue.pull);
  }
  return { participants: [...participants], weight, gain: gains, costShare, workDue, utility, mandate, dealFte, monitorFte };
}

export interface Outcome {
  passed: boolean;
  participants: number[];
  convinced: boolean[];
  /** Members who voted against but were bound by the majority. */
  outvoted: number[];
  /** Members who voted for. */
  yes: number[];
  evaluation: Evaluation | null;
  /** Weighted share of votes for (majority) or share of the value the willing hold. */
  support: number;
}

function voteWeight(world: World, m: number): number {
  return Math.pow(world.municipalities[m]!.population, world.params.voteExponent);
}

/**
 * Decides a task (or, with `extra`, a package of two tasks) among `members` under `rule`.
 * For a package, utilities and mandates of both tasks are added per member.
 */
export function decide(world: World, rule: DecisionRule, members: readonly number[], tasks: readonly Task[], venue: Venue, subsidies: readonly number[]): Outcome {
  const p = world.params;
  const combined = (set: readonly number[]): { ev: Evaluation; ok: boolean[] } => {
    const evs = tasks.map((t, k) => evaluate(world, t, set, venue, subsidies[k]!));
    const ev0 = evs[0]!;
    const ok = set.map((_, k) => evs.reduce((s, ev) => s + ev.utility[k]! + ev.mandate[k]!, 0) >= 0);
    // For a package a member's own gain is its gain from all of its tasks.
    const ev = evs.length === 1 ? ev0 : { ...ev0, gain: ev0.gain.map((_, k) => evs.reduce((s, e) => s + e.gain[k]!, 0)) };
    return { ev, ok };
  };
  if (rule === 'willing') {
    // Start from the members who benefit; drop the unwilling until the rest agree.
    let set = members.filter((m) => tasks.some((t) => shareOf(t, m) > 0));
    let last: { ev: Evaluation; ok: boolean[] } | null = null;
    for (let iter = 0; iter < 8 && set.length > 0; iter++) {
      last = combined(set);
      const ok = last.ok;
      const next = set.filter((_, k) => ok[k]);
      if (next.length === set.length) break;
      set = next;
      last = null;
    }
    if (set.length > 0 && last === null) last = combined(set);
    const held = Math.min(...tasks.map((t) => set.reduce((s, m) => s + shareOf(t, m), 0)));
    const passed = last !== null && set.length >= 2 && held >= p.viabilityShare && last.ok.every(Boolean);
    const ev = last ? last.ev : null;
    return { passed, participants: set, convinced: set.map(() => true), outvoted: [], yes: passed ? set : [], evaluation: ev, support: held };
  }
  const set = [...members];
  const { ev, ok } = combined(set);
  const yes = set.filter((_, k) => ok[k]);
  const no = set.filter((_, k) => !ok[k]);
  if (rule === 'consensus') {
    const passed = no.length === 0;
    return { passed, participants: set, convinced: set.map(() => true), outvoted: [], yes, evaluation: ev, support: yes.length / set.length };
  }
  const total = set.reduce((s, m) => s + voteWeight(world, m), 0);
  const support = yes.reduce((s, m) => s + voteWeight(world, m), 0) / total;
  const passed = support >= p.majorityQuota && yes.length > 0;
  return { passed, participants: set, convinced: set.map((_, k) => ok[k]!), outvoted: passed ? no : [], yes, evaluation: ev, support };
}

/** Share of a task's cost paid by central funds at this table. */
export function subsidyAt(table: Arrangement | null, task: Task): number {
  if (!table) return 0;
  return (table.funding.get(task.domain) ?? 0) > 0 ? table.fundShare : 0;
}
