/** The whole model state of one run. */
import type { Domain } from './domains.js';
import { DOMAINS } from './domains.js';
import type { Arrangement } from './entities/arrangement.js';
import type { Municipality } from './entities/municipality.js';
import type { Task } from './entities/task.js';
import type { Trust } from './entities/trust.js';
import type { Params } from './params.js';
import type { Streams } from './random.js';
import { EVENT_INDEX } from './events.js';
import type { ModelEvent, Spell, TrustSnapshot } from './results.js';
import type { Scenario } from './scenario/resolve.js';
import { fromAbsMonth } from './time.js';

/** Counters for the current month, reset at the start of each step. */
export interface MonthCounters {
  joins: number;
  exits: number;
  dissolutions: number;
  formations: number;
  tasksArrived: number;
  tasksAddressed: number;
  tasksCompleted: number;
  tasksFailed: number;
  tasksLapsed: number;
  completedByDomain: Float64Array;
  valueByDomain: Float64Array;
  decisions: number;
  deadlocks: number;
  mandjes: number;
  forcedVotes: number;
  /** Outvoted members whose own gain from the decision was negative (bound against their interest). */
  forcedAgainstInterest: number;
  /** What cooperation cost the members this month, M EUR: project money, overhead money, and delivery and coordination staff at fteMonthCost. */
  cooperationCost: number;
  /** Central funds paid toward the members' project costs this month, M EUR. */
  centralFunds: number;
  fteDelivery: number;
  /** Money through cooperation this month, M EUR (overhead contributions, joint budgets, central funds). */
  cooperationSpending: number;
  secretaryTurnovers: number;
  civilServantDepartures: number;
  /** Municipalities whose capacity fell short of the work due this month: all, and the smaller half. */
  capacityShort: number;
  capacityShortSmall: number;
}

/** Resets the month's counters in place (no allocation). */
export function resetCounters(c: MonthCounters): void {
  c.joins = c.exits = c.dissolutions = c.formations = 0;
  c.tasksArrived = c.tasksAddressed = c.tasksCompleted = c.tasksFailed = c.tasksLapsed = 0;
  c.completedByDomain.fill(0);
  c.valueByDomain.fill(0);
  c.decisions = c.deadlocks = c.mandjes = c.forcedVotes = c.forcedAgainstInterest = 0;
  c.cooperationCost = c.centralFunds = 0;
  c.fteDelivery = c.cooperationSpending = 0;
  c.secretaryTurnovers = c.civilServantDepartures = 0;
  c.capacityShort = c.capacityShortSmall = 0;
}

export function newCounters(): MonthCounters {
  return {
    joins: 0, exits: 0, dissolutions: 0, formations: 0,
    tasksArrived: 0, tasksAddressed: 0, tasksCompleted: 0, tasksFailed: 0, tasksLapsed: 0,
    completedByDomain: new Float64Array(DOMAINS.length), valueByDomain: new Float64Array(DOMAINS.length),
    decisions: 0, deadlocks: 0, mandjes: 0, forcedVotes: 0, forcedAgainstInterest: 0, cooperationCost: 0, centralFunds: 0, fteDelivery: 0, cooperationSpending: 0,
    secretaryTurnovers: 0, civilServantDepartures: 0, capacityShort: 0, capacityShortSmall: 0,
  };
}

/** Running totals over the evaluation window for per-run outcomes. */
export interface Totals {
  months: number;
  /** Value outside transport within the window, M EUR. */
  valueNonTransport: number;
  exits: number;
  exitsAfterElection: number;
  /** Joint-project partner pairs (counted once per task): all, and neighbours. */
  partnerPairs: number;
  partnerPairsNeighbours: number;
  /** Pairs of beneficiaries of the same started projects (who could all have taken part), and how many of them are neighbours. */
  beneficiaryPairs: number;
  beneficiaryPairsNeighbours: number;
  secretaryTurnovers: number;
  /** Tasks that arose in the window, and those of them completed successfully (by the end of the run). */
  cohortArrived: number;
  cohortCompleted: number;
  /** Austerity choices in the reported period: municipalities facing a cut, and those that cut regional work first. */
  austerityChoices: number;
  austerityRegionalFirst: number;
  /** Arrangements with a table (not networks) the model formed in the window. */
  standingFormations: number;
}

export interface World {
  readonly scenario: Scenario;
  readonly params: Params;
  readonly rng: Streams;
  readonly n: number;
  readonly municipalities: Municipality[];
  readonly totalPopulation: number;
  /** Neighbour-step distance between municipalities, capped at 255 (n*n). */
  readonly distance: Uint8Array;
  /** Per location, the municipalities within reach of a task's benefits, ascending (arrival.ts). */
  readonly near: Int32Array[];
  readonly trust: Trust;
  /** Arrangements in creation order (dissolved ones stay, with an end). */
  readonly arrangements: Arrangement[];
  /** Tasks that are alive (pool, agenda or project), by id in ascending order. */
  readonly tasks: Map<number, Task>;
  nextTaskId: number;
  /** Current month (absolute). */
  t: number;
  /** Task-rate multiplier per domain, changed by scenario events. */
  readonly rateMultiplier: Float64Array;
  /** Capacity multiplier from austerity events. */
  capacityMultiplier: number;
  /** Month of the last election (absolute), or -Infinity. */
  lastElection: number;
  /** Months each undirected pair (i<j at i*n+j) has had a cooperation tie without a break. */
  readonly tieAge: Int32Array;
  /**
   * Last month (absolute) in which both municipalities of a pair (i<j at i*n+j) took part in the
   * same thing: voted for the same passed decision, or both carried part of the same project that
   * serves them both (as beneficiaries, delivered some of their due work in it that month).
   * -Infinity when never.
   */
  readonly lastJoint: Float64Array;
  /** The pairs (keys i*n+j) whose last joint act may still be within the tie window, in no particular order: observation visits only these. */
  readonly tiePairs: number[];
  /** 1 for a pair in tiePairs. */
  readonly tieListed: Uint8Array;
  counters: MonthCounters;
  readonly totals: Totals;
  readonly events: ModelEvent[];
  readonly spells: Spell[];
  readonly trustSnapshots: TrustSnapshot[];
  /** Whether institutional trust weights must be recomputed. */
  structureDirty: boolean;
  formedCount: number;
  /** Whether full events are recorded (counts per type are always kept). */
  readonly recordEvents: boolean;
  /** Whether the trust snapshots (start, elections, end) are collected. */
  readonly recordTrust: boolean;
  /** Event counts of the current month, per EVENT_TYPES entry. */
  readonly eventCounts: Int32Array;
  /** Scratch buffers reused every month (n*n for the observation, n for execution). */
  readonly scratch: { tie: Uint8Array; project: Uint8Array; marked: number[]; demand: Float64Array; ratio: Float64Array; perCapita: Float64Array };
  /** Fixed per run: task location weights (population^locationPopulationExponent) and benefit weights (population^benefitPopulationExponent). */
  readonly locationWeights: Float64Array;
  readonly benefitWeights: Float64Array;
  /** 1 for the smaller half of the municipalities (population below the region's median), else 0. */
  readonly smaller: Uint8Array;
  /** Evaluation-window sums per TIMESERIES_COLUMNS entry. */
  readonly windowSums: Float64Array;
}

export function dateLabel(world: World, abs: number = world.t): string {
  return fromAbsMonth(abs);
}

/** Records an event with the municipalities' names (sorted by index = by code). */
export function emit(world: World, type: ModelEvent['type'], municipalities: readonly number[], extra: Omit<ModelEvent, 'date' | 'type' | 'municipalities'> = {}): void {
  world.eventCounts[EVENT_INDEX[type]] = world.eventCounts[EVENT_INDEX[type]]! + 1;
  if (!world.recordEvents || world.t < world.scenario.start) return;
  const sorted = [...municipalities].sort((a, b) => a - b);
  world.events.push({ date: dateLabel(world), type, municipalities: sorted.map((i) => world.municipalities[i]!.name), ...extra });
}

/** Whether the current month is reported (not in the spin-up before the scenario's start). */
export function isReported(world: World): boolean {
  return world.t >= world.scenario.start;
}

export function inEvaluation(world: World): boolean {
  return world.t >= world.scenario.evaluation.from && world.t <= world.scenario.evaluation.to;
}

/** Records that every pair of `ms` took part in the same decision or project this month. */
export function markJoint(world: World, ms: readonly number[]): void {
  const { n, lastJoint, t } = world;
  for (let x = 0; x < ms.length; x++) {
    for (let y = x + 1; y < ms.length; y++) {
      const a = ms[x]!;
      const b = ms[y]!;
      const k = a < b ? a * n + b : b * n + a;
      lastJoint[k] = t;
      if (!world.tieListed[k]) {
        world.tieListed[k] = 1;
        world.tiePairs.push(k);
      }
    }
  }
}

export function domainIdx(d: Domain): number {
  return DOMAINS.indexOf(d);
}

/** Available regional capacity of a municipality this month, FTE. */
export function capacity(world: World, m: Municipality): number {
  return m.capacityBase * world.capacityMultiplier * m.capacityFactor;
}
