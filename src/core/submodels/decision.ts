/**
 * Decisions. Each member weighs its own net gain, its partners' net gain weighted by its trust
 * in them, the capacity it must commit, the autonomy it gives up, and its own judgement, and
 * votes for when that sum is within its council's mandate. Tables decide by binding majority,
 * consensus, or a coalition of the willing; blocked tasks may be rescued by a mandje.
 */
import type { Arrangement, DecisionRule } from '../entities/arrangement.js';
import { shareOf, totalCost, type Task } from '../entities/task.js';
import { hashNormal } from '../random.js';
import { capacity, type World } from '../state.js';

export interface Evaluation {
  /** Participants (ascending) and per participant: cost share (M EUR), work due per month (FTE), utility, mandate. */
  participants: number[];
  costShare: number[];
  workDue: number[];
  utility: number[];
  mandate: number[];
}

/** Utility of each participant if the task is carried out by `participants`, costs split by population. */
export function evaluate(world: World, task: Task, participants: readonly number[], binding: number, subsidy: number): Evaluation {
  const { params: p, municipalities, trust } = world;
  const pop = participants.reduce((s, m) => s + municipalities[m]!.population, 0);
  const cost = totalCost(task, p.fteMonthCost) * (1 - subsidy);
  const gains: number[] = [];
  const costShare: number[] = [];
  const workDue: number[] = [];
  for (const m of participants) {
    const w = municipalities[m]!.population / pop;
    costShare.push(w * cost);
    workDue.push((w * task.work) / task.duration);
  }
  participants.forEach((m, k) => {
    gains.push(shareOf(task, m) * task.value - costShare[k]!);
  });
  const noiseScale = (p.decisionNoise * task.value) / Math.max(1, participants.length);
  const utility: number[] = [];
  const mandate: number[] = [];
  participants.forEach((i, k) => {
    const mi = municipalities[i]!;
    let partner = 0;
    let count = 0;
    participants.forEach((j, l) => {
      if (j === i) return;
      partner += trust.get(i, j) * gains[l]!;
      count++;
    });
    // Non-participating beneficiaries gain through spillover; partners count them too.
    const partnerTerm = count > 0 ? (p.altruism * partner) / count : 0;
    const autonomyCost = p.autonomyWeight * mi.autonomy * binding * costShare[k]!;
    const cap = capacity(world, mi);
    const after = mi.load + workDue[k]!;
    const overload = cap > 0 && after > cap ? p.overloadPenalty * costShare[k]! * Math.min(1, (after - cap) / cap) : 0;
    const noise = noiseScale * hashNormal(task.noiseKey, i);
    utility.push(gains[k]! + partnerTerm - autonomyCost - overload + noise);
    mandate.push(p.mandateScale * mi.stance * costShare[k]!);
  });
  return { participants: [...participants], costShare, workDue, utility, mandate };
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
export function decide(world: World, rule: DecisionRule, members: readonly number[], tasks: readonly Task[], binding: number, subsidies: readonly number[]): Outcome {
  const p = world.params;
  const combined = (set: readonly number[]): { ev: Evaluation; ok: boolean[] } => {
    const evs = tasks.map((t, k) => evaluate(world, t, set, binding, subsidies[k]!));
    const ev0 = evs[0]!;
    const ok = set.map((_, k) => evs.reduce((s, ev) => s + ev.utility[k]! + ev.mandate[k]!, 0) >= 0);
    return { ev: ev0, ok };
  };
  if (rule === 'willing') {
    // Start from the members who benefit; drop the unwilling until the rest agree.
    let set = members.filter((m) => tasks.some((t) => shareOf(t, m) > 0));
    for (let iter = 0; iter < 8 && set.length > 0; iter++) {
      const { ok } = combined(set);
      const next = set.filter((_, k) => ok[k]);
      if (next.length === set.length) break;
      set = next;
    }
    const held = Math.min(...tasks.map((t) => set.reduce((s, m) => s + shareOf(t, m), 0)));
    const passed = set.length >= 2 && held >= p.viabilityShare && combined(set).ok.every(Boolean);
    const ev = set.length > 0 ? combined(set).ev : null;
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
