/** Regional tasks (opgaven): from arrival through the agenda and decision to execution. */
import type { Domain } from '../domains.js';

export type TaskStatus = 'pool' | 'agenda' | 'project' | 'done';

export interface Task {
  readonly id: number;
  readonly domain: Domain;
  readonly arrived: number;
  /** Municipality where the task is located. */
  readonly location: number;
  /** Urgency in (0,1]: urgent tasks are shorter and have less patience. */
  readonly urgency: number;
  /** Staff work over the whole task, FTE-months. */
  readonly work: number;
  /** Investment budget, M EUR. */
  readonly budget: number;
  /** Regional value if fully realised, M EUR. */
  readonly value: number;
  readonly duration: number;
  /** Last month in which it can still be taken up or decided. */
  readonly deadline: number;
  /** Beneficiaries (ascending) and their value shares (sum 1). */
  readonly beneficiaries: number[];
  readonly shares: number[];
  /** Key for the members' idiosyncratic judgement (hashNormal(noiseKey, municipality)). */
  readonly noiseKey: number;
  status: TaskStatus;
  /** Arrangement whose table holds it, or null (ad hoc). */
  table: string | null;
  /** Whether it was blocked at its table at least once. */
  blocked: boolean;
  /** Table (or 'ad hoc') where its information and negotiation costs were paid: they are paid once per venue, later votes there reuse them. */
  dealtAt: string | null;
  /** Partner task when passed as part of a mandje. */
  mandje: number | null;
  /** Ad hoc coalitions tried for it so far (parameter adhoc.attempts). */
  attempts: number;
  /** Tasks a package deal with this one was already tried with (a rejected package is off the table). */
  mandjeTried: number[];
  // execution
  participants: number[];
  /** Per participant: convinced (voted for) or not. */
  convinced: boolean[];
  /** Per participant: work due per month (FTE) and cost share (M EUR). */
  workDue: number[];
  costShare: number[];
  /** Per participant: enforcement effort (monitoring the partners), FTE per month while the project runs. */
  monitorFte: number[];
  /** Per participant: its population weight among the participants (its share of budget, work and cost). */
  weight: number[];
  delivered: number[];
  owed: number[];
  /** Share of the cost paid by central funds. */
  subsidy: number;
  startedAt: number;
  endsAt: number;
  /** Coordination quality of the table it runs through. */
  coordination: number;
}

/** Value share of a municipality in a task (0 when not a beneficiary). */
export function shareOf(task: Task, m: number): number {
  const k = task.beneficiaries.indexOf(m);
  return k < 0 ? 0 : task.shares[k]!;
}

export function totalCost(task: Task, fteMonthCost: number): number {
  return task.budget + task.work * fteMonthCost;
}
