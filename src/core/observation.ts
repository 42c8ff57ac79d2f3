/**
 * Observation: the monthly measures (timeseries.csv), the per-run outcomes (summary.json),
 * trust snapshots and per-municipality outcomes. Also the monthly cost accounting of
 * arrangements (coordination effort and money through cooperation).
 */
import { DOMAINS } from './domains.js';
import { isActive, overheadFteOf } from './entities/arrangement.js';
import { costOf, type Municipality } from './entities/municipality.js';
import type { TrustSums } from './entities/trust.js';
import { MONTH_INDEX, RUN_MEASURES, type MonthMeasureId, type MunicipalityMeasureId, type RunMeasureId } from './measures.js';
import type { MunicipalityOutcome } from './results.js';
import { capacity, dateLabel, inEvaluation, type World } from './state.js';

/** Coordination effort and money of standing arrangements this month. */
export function accountOverhead(world: World): void {
  const p = world.params;
  for (const a of world.arrangements) {
    if (!isActive(a)) continue;
    for (const m of a.members) {
      const mu = world.municipalities[m]!;
      const fte = overheadFteOf(a, m, p.modularCoreShare);
      const euros = (a.props.overheadEuroPerCapita * mu.population) / 12 / 1e6;
      // A kwartiermaker building the arrangement is paid by its members in equal parts.
      const builder = a.kwartiermaker && world.t < a.startupUntil ? p.kwartiermakerFte / a.members.length : 0;
      // The alderman keeps the council on board about every standing table (not an ad hoc network).
      const home = a.props.agendaCapacity > 0 ? p.homeBaseFte : 0;
      mu.coordination += fte + builder + home;
      mu.termCost += (fte + builder + home) * p.fteMonthCost + euros;
      world.counters.cooperationCost += euros;
      if (inEvaluation(world)) mu.accounts.overheadMoney += euros;
      // Central funds are spent through the projects they pay for (execution counts each project's
      // whole budget), so they are not counted again here.
      world.counters.cooperationSpending += euros;
    }
  }
}

/** Gini coefficient of non-negative values (0 when all are equal or all zero). */
export function gini(values: ArrayLike<number>): number {
  const xs = Float64Array.from(values).sort();
  const n = xs.length;
  const total = xs.reduce((a, b) => a + b, 0);
  if (n === 0 || total <= 0) return 0;
  let cum = 0;
  for (let i = 0; i < n; i++) cum += (i + 1) * xs[i]!;
  return (2 * cum) / (n * total) - (n + 1) / n;
}

/** Months a pair tie lasts after the pair's last joint decision or project month (a definition of the observable). */
export const TIE_WINDOW = 12;
/** Age at which a pair tie counts as stable, months: more than one joint act's window, so at least two joint acts. */
export const STABLE_TIE_AGE = TIE_WINDOW + 1;

/** A working table: it passed a decision in the last workingTableMonths months. */
function working(world: World, a: { lastPassed: number }): boolean {
  return world.t - a.lastPassed < world.params.workingTableMonths;
}

const COL = MONTH_INDEX;
const TRANSPORT = DOMAINS.indexOf('transport');
const MONTH = COL.month;
const ELECTION = COL.election;
const ARRANGEMENTS_ACTIVE = COL.arrangements_active;
const MEMBERSHIPS_ACTIVE = COL.memberships_active;
const JOINS = COL.joins;
const EXITS = COL.exits;
const DISSOLUTIONS = COL.dissolutions;
const FORMATIONS = COL.formations;
const PAIRS_COOPERATING = COL.pairs_cooperating;
const PAIRS_AT_WORKING_TABLE = COL.pairs_at_working_table;
const COOPERATION_STABILITY = COL.cooperation_stability;
const NETWORK_DENSITY = COL.network_density;
const NEIGHBOUR_TIE_SHARE = COL.neighbour_tie_share;
const TASKS_ARRIVED = COL.tasks_arrived;
const TASKS_ADDRESSED = COL.tasks_addressed;
const TASKS_COMPLETED = COL.tasks_completed;
const TASKS_FAILED = COL.tasks_failed;
const TASKS_LAPSED = COL.tasks_lapsed;
const PROJECTS_ACTIVE = COL.projects_active;
const AGENDA_OPEN = COL.agenda_open;
const COMPLETED_BY_DOMAIN = DOMAINS.map((d) => COL[`completed_${d}`]);
const VALUE_BY_DOMAIN = DOMAINS.map((d) => COL[`value_${d}`]);
const VALUE_TOTAL = COL.value_total;
const VALUE_PER_INHABITANT = COL.value_per_inhabitant;
const VALUE_GINI_12M = COL.value_gini_12m;
const DECISIONS = COL.decisions;
const DEADLOCKS = COL.deadlocks;
const MANDJES = COL.mandjes;
const FORCED_VOTES = COL.forced_votes;
const FORCED_AGAINST_INTEREST = COL.forced_against_interest;
const COOPERATION_COST = COL.cooperation_cost;
const CENTRAL_FUNDS = COL.central_funds;
const FTE_CAPACITY = COL.fte_capacity;
const FTE_COORDINATION = COL.fte_coordination;
const FTE_DELIVERY = COL.fte_delivery;
const CAPACITY_SHORT_SHARE = COL.capacity_short_share;
const CAPACITY_SHORT_SMALL_SHARE = COL.capacity_short_small_share;
const ENGAGEMENTS_PER_MUNICIPALITY = COL.engagements_per_municipality;
const COORDINATION_SHARE = COL.coordination_share;
const COOPERATION_SPENDING_SHARE = COL.cooperation_spending_share;
const TRUST_MEAN = COL.trust_mean;
const TRUST_SD = COL.trust_sd;
const TRUST_PERSONAL_MEAN = COL.trust_personal_mean;
const TRUST_INSTITUTIONAL_MEAN = COL.trust_institutional_mean;
const RELATIONSHIP_STOCK = COL.relationship_stock;
const SECRETARY_TURNOVERS = COL.secretary_turnovers;
const CIVIL_SERVANT_DEPARTURES = COL.civil_servant_departures;
const STANCE_MEAN = COL.stance_mean;
const MANDATE_MEAN = COL.mandate_mean;

/** Computes this month's row of measures into `series` at index `row`. */
export function observe(world: World, series: Float64Array[], row: number, sums?: TrustSums): void {
  const { n, trust, municipalities, counters: c, params: p } = world;
  const pairs = (n * (n - 1)) / 2;
  // Table level: pairs who sit together at a working table. Pair level (the ties): pairs who took
  // part in the same passed decision or project in the last TIE_WINDOW months (world.lastJoint).
  // Only the pairs that are marked are visited (issue 14): the counts are those of a pass over all
  // pairs i < j, and the scratch marks are cleared again before the function returns.
  const { tie: table, project, marked } = world.scratch;
  const { tieAge, lastJoint, distance } = world;
  let memberships = 0;
  let arrangementsActive = 0;
  let agendaOpen = 0;
  let atTable = 0;
  for (const a of world.arrangements) {
    if (!isActive(a)) continue;
    arrangementsActive++;
    agendaOpen += a.agenda.length;
    memberships += a.members.length;
    if (a.props.modular) for (const l of a.modules.values()) memberships += l.length;
    if (!working(world, a)) continue;
    const ms = a.members;
    for (let x = 0; x < ms.length; x++) {
      for (let y = x + 1; y < ms.length; y++) {
        const k = ms[x]! * n + ms[y]!;
        if (table[k]) continue;
        table[k] = 1;
        marked.push(k);
        if (ms[x]! < ms[y]!) atTable++;
      }
    }
  }
  for (const k of marked) table[k] = 0;
  marked.length = 0;
  let projects = 0;
  let participations = 0;
  let projectPairs = 0;
  let projectNeighbours = 0;
  for (const task of world.tasks.values()) {
    if (task.status !== 'project') continue;
    projects++;
    participations += task.participants.length;
    const ps = task.participants;
    for (let x = 0; x < ps.length; x++) {
      for (let y = x + 1; y < ps.length; y++) {
        const a = ps[x]!;
        const b = ps[y]!;
        const k = a < b ? a * n + b : b * n + a;
        if (project[k]) continue;
        project[k] = 1;
        marked.push(k);
        projectPairs++;
        if (distance[k] === 1) projectNeighbours++;
      }
    }
  }
  for (const k of marked) project[k] = 0;
  marked.length = 0;
  // Ties: only pairs with a joint act are listed (markJoint); a pair leaves the list, its tie age
  // back at 0, when its last joint act is TIE_WINDOW months old.
  let tied = 0;
  let stable = 0;
  const listed = world.tiePairs;
  for (let x = 0; x < listed.length; ) {
    const k = listed[x]!;
    if (world.t - lastJoint[k]! < TIE_WINDOW) {
      const age = tieAge[k]! + 1;
      tieAge[k] = age;
      tied++;
      if (age >= STABLE_TIE_AGE) stable++;
      x++;
    } else {
      tieAge[k] = 0;
      world.tieListed[k] = 0;
      listed[x] = listed[listed.length - 1]!;
      listed.pop();
    }
  }
  // Trust statistics over ordered pairs: from the month's drift when the schedule passes them, else computed here.
  const { effective: ts, effectiveSquares: ts2, personal: tp, institutional: ti } = sums ?? trust.sums();
  const ordered = n * (n - 1);
  const trustMean = ts / ordered;
  let capTotal = 0;
  let coord = 0;
  let rel = 0;
  let stance = 0;
  const perCapita = world.scratch.perCapita;
  const evaluation = inEvaluation(world);
  for (const m of municipalities) {
    const cap = capacity(world, m);
    capTotal += cap;
    const used = Math.min(m.coordination, cap);
    coord += used;
    // Coordination staff at their cost: the effort the municipality can actually spend on it.
    c.cooperationCost += used * p.fteMonthCost;
    if (evaluation) m.accounts.coordinationStaff += used * p.fteMonthCost;
    rel += m.relationship;
    stance += m.stance;
    let recent = 0;
    for (let k = 0; k < 12; k++) recent += m.valueRecent[k]!;
    perCapita[m.index] = recent / m.population;
  }
  let valueTotal = 0;
  for (let d = 0; d < DOMAINS.length; d++) {
    valueTotal += c.valueByDomain[d]!;
    series[COMPLETED_BY_DOMAIN[d]!]![row] = c.completedByDomain[d]!;
    series[VALUE_BY_DOMAIN[d]!]![row] = c.valueByDomain[d]!;
  }
  const spendingBase = (p.spendingPerCapita * world.totalPopulation) / 12 / 1e6;
  series[MONTH]![row] = (world.t - world.scenario.start);
  series[ELECTION]![row] = (world.lastElection === world.t ? 1 : 0);
  series[ARRANGEMENTS_ACTIVE]![row] = (arrangementsActive);
  series[MEMBERSHIPS_ACTIVE]![row] = (memberships);
  series[JOINS]![row] = (c.joins);
  series[EXITS]![row] = (c.exits);
  series[DISSOLUTIONS]![row] = (c.dissolutions);
  series[FORMATIONS]![row] = (c.formations);
  series[PAIRS_COOPERATING]![row] = (pairs > 0 ? tied / pairs : 0);
  series[PAIRS_AT_WORKING_TABLE]![row] = (pairs > 0 ? atTable / pairs : 0);
  series[COOPERATION_STABILITY]![row] = (pairs > 0 ? stable / pairs : 0);
  series[NETWORK_DENSITY]![row] = (pairs > 0 ? projectPairs / pairs : 0);
  series[NEIGHBOUR_TIE_SHARE]![row] = (projectPairs > 0 ? projectNeighbours / projectPairs : NaN);
  series[TASKS_ARRIVED]![row] = (c.tasksArrived);
  series[TASKS_ADDRESSED]![row] = (c.tasksAddressed);
  series[TASKS_COMPLETED]![row] = (c.tasksCompleted);
  series[TASKS_FAILED]![row] = (c.tasksFailed);
  series[TASKS_LAPSED]![row] = (c.tasksLapsed);
  series[PROJECTS_ACTIVE]![row] = (projects);
  series[AGENDA_OPEN]![row] = (agendaOpen);
  series[VALUE_TOTAL]![row] = (valueTotal);
  series[VALUE_PER_INHABITANT]![row] = ((valueTotal * 1e6) / world.totalPopulation);
  series[VALUE_GINI_12M]![row] = (gini(perCapita));
  series[DECISIONS]![row] = (c.decisions);
  series[DEADLOCKS]![row] = (c.deadlocks);
  series[MANDJES]![row] = (c.mandjes);
  series[FORCED_VOTES]![row] = (c.forcedVotes);
  series[FORCED_AGAINST_INTEREST]![row] = (c.forcedAgainstInterest);
  series[COOPERATION_COST]![row] = (c.cooperationCost);
  series[CENTRAL_FUNDS]![row] = (c.centralFunds);
  series[FTE_CAPACITY]![row] = (capTotal);
  series[FTE_COORDINATION]![row] = (coord);
  series[FTE_DELIVERY]![row] = (c.fteDelivery);
  series[CAPACITY_SHORT_SHARE]![row] = n > 0 ? c.capacityShort / n : NaN;
  let smallCount = 0;
  for (let i = 0; i < n; i++) smallCount += world.smaller[i]!;
  series[CAPACITY_SHORT_SMALL_SHARE]![row] = smallCount > 0 ? c.capacityShortSmall / smallCount : NaN;
  series[ENGAGEMENTS_PER_MUNICIPALITY]![row] = n > 0 ? (memberships + participations) / n : NaN;
  series[COORDINATION_SHARE]![row] = (coord + c.fteDelivery > 0 ? coord / (coord + c.fteDelivery) : NaN);
  series[COOPERATION_SPENDING_SHARE]![row] = (c.cooperationSpending / (spendingBase + c.cooperationSpending));
  series[TRUST_MEAN]![row] = (trustMean);
  series[TRUST_SD]![row] = (Math.sqrt(Math.max(0, ts2 / ordered - trustMean * trustMean)));
  series[TRUST_PERSONAL_MEAN]![row] = (tp / ordered);
  series[TRUST_INSTITUTIONAL_MEAN]![row] = (ti / ordered);
  series[RELATIONSHIP_STOCK]![row] = (rel / n);
  series[SECRETARY_TURNOVERS]![row] = (c.secretaryTurnovers);
  series[CIVIL_SERVANT_DEPARTURES]![row] = (c.civilServantDepartures);
  series[STANCE_MEAN]![row] = (stance / n);
  series[MANDATE_MEAN]![row] = ((p.mandateScale * stance) / n);
  if (evaluation) {
    world.totals.months++;
    const sums = world.windowSums;
    for (let k = 0; k < sums.length; k++) {
      const v = series[k]![row]!;
      if (!Number.isNaN(v)) sums[k] = sums[k]! + v;
    }
    world.totals.valueNonTransport += valueTotal - c.valueByDomain[TRANSPORT]!;
  }
}

/** Adds a trust snapshot to the run's result (nothing when the run does not collect them). */
export function snapshotTrust(world: World, label: 'start' | 'election' | 'end'): void {
  if (!world.recordTrust) return;
  world.trustSnapshots.push({
    date: dateLabel(world),
    label,
    effective: world.trust.matrix('effective'),
    personal: world.trust.matrix('personal'),
    institutional: world.trust.matrix('institutional'),
  });
}

/** What the per-run outcomes are computed from. */
interface OutcomeInput {
  world: World;
  /** Sum over the evaluation window of a monthly measure (NaN months left out). */
  sum(id: MonthMeasureId): number;
  /** Months in the evaluation window. */
  months: number;
  years: number;
  /** The monthly series (rows from the scenario's start) and the row of the window's first month. */
  series: Float64Array[];
  fromRow: number;
}

const VALUE_TOTAL_COL = MONTH_INDEX.value_total;

/**
 * The value columns recovery_months follows: the domains outside transport whose task rate no
 * scenario event changes from 12 months before the window on (so that a recovery is the
 * mechanisms', not an event's: the social domain's decentralisation in 2015 is left out).
 */
function recoveryColumns(world: World): number[] {
  const from = world.scenario.evaluation.from - 12;
  const changed = new Set(world.scenario.events.filter((e) => e.type === 'task-rate' && e.at >= from).map((e) => (e as { domain: string }).domain));
  return DOMAINS.filter((d) => d !== 'transport' && !changed.has(d)).map((d) => MONTH_INDEX[`value_${d}`]);
}

/** See recovery_months in src/core/measures.ts. */
function recoveryMonths(world: World, series: Float64Array[], fromRow: number): number {
  const cols = recoveryColumns(world);
  if (fromRow < 12 || cols.length === 0) return NaN;
  const nonTransport = (s: Float64Array[], row: number): number => {
    let v = 0;
    for (const k of cols) v += s[k]![row]!;
    return v;
  };
  const rows = series[0]!.length;
  let reference = 0;
  for (let r = fromRow - 12; r < fromRow; r++) reference += nonTransport(series, r);
  let rolling = 0;
  let dipped = false;
  for (let r = fromRow; r < rows; r++) {
    rolling += nonTransport(series, r);
    if (r - fromRow >= 12) rolling -= nonTransport(series, r - 12);
    if (r - fromRow < 11) continue;
    if (rolling < reference - 1e-12) dipped = true;
    else if (dipped) return r - fromRow + 1;
  }
  return dipped ? rows - fromRow : 0;
}

/**
 * The run measures that are not a plain mean, sum or last value of a monthly measure (those have
 * `from` in src/core/measures.ts and are computed from the series). Every run measure without
 * `from` has exactly one function here (checked when this module loads).
 */
/** Net value of each municipality over the evaluation window, M EUR. */
function netOf(m: Municipality): number {
  return m.valueEval - costOf(m.accounts) + m.accounts.centralFunds;
}

const perInhabitantYear = (world: World, meur: number, years: number, population = world.totalPopulation): number => (years > 0 ? (meur * 1e6) / population / years : NaN);

const CUSTOM_OUTCOMES: Partial<Record<RunMeasureId, (x: OutcomeInput) => number>> = {
  value_net_per_inhabitant: ({ world, sum, years }) => perInhabitantYear(world, sum('value_total') - sum('cooperation_cost') + sum('central_funds'), years),
  value_per_inhabitant: ({ world, sum, years }) => perInhabitantYear(world, sum('value_total'), years),
  cost_per_inhabitant: ({ world, sum, years }) => perInhabitantYear(world, sum('cooperation_cost'), years),
  central_funds_per_inhabitant: ({ world, sum, years }) => perInhabitantYear(world, sum('central_funds'), years),
  net_negative_share: ({ world }) => world.municipalities.filter((m) => netOf(m) < 0).length / world.n,
  net_min_per_inhabitant: ({ world, years }) => Math.min(...world.municipalities.map((m) => perInhabitantYear(world, netOf(m), years, m.population))),
  value_nontransport: ({ world }) => world.totals.valueNonTransport,
  value_gini: ({ world }) => gini(world.municipalities.map((m) => m.valueEval / m.population)),
  completion_rate: ({ world }) => (world.totals.cohortArrived > 0 ? world.totals.cohortCompleted / world.totals.cohortArrived : NaN),
  coordination_share: ({ sum }) => {
    const coordination = sum('fte_coordination');
    const delivery = sum('fte_delivery');
    return coordination + delivery > 0 ? coordination / (coordination + delivery) : NaN;
  },
  secretary_turnover_rate: ({ world, years }) => (years > 0 ? world.totals.secretaryTurnovers / world.n / years : NaN),
  standing_formations: ({ world }) => world.totals.standingFormations,
  value_early_per_inhabitant: ({ world, series, fromRow, months }) => {
    const n = Math.min(24, months);
    let v = 0;
    for (let r = fromRow; r < fromRow + n; r++) v += series[VALUE_TOTAL_COL]![r]!;
    return n > 0 ? perInhabitantYear(world, v, n / 12) : NaN;
  },
  recovery_months: ({ world, series, fromRow }) => recoveryMonths(world, series, fromRow),
  austerity_regional_first_share: ({ world }) => (world.totals.austerityChoices > 0 ? world.totals.austerityRegionalFirst / world.totals.austerityChoices : NaN),
  exits_after_election_share: ({ world }) => (world.totals.exits > 0 ? world.totals.exitsAfterElection / world.totals.exits : NaN),
  neighbour_partner_ratio: ({ world }) => {
    const t = world.totals;
    let neighbourPairs = 0;
    for (let i = 0; i < world.n; i++) for (let j = i + 1; j < world.n; j++) if (world.distance[i * world.n + j] === 1) neighbourPairs++;
    const allPairs = (world.n * (world.n - 1)) / 2;
    const neighbourShare = allPairs > 0 ? neighbourPairs / allPairs : NaN;
    return t.partnerPairs > 0 && neighbourShare > 0 ? t.partnerPairsNeighbours / t.partnerPairs / neighbourShare : NaN;
  },
  neighbour_choice_ratio: ({ world }) => {
    const t = world.totals;
    return t.partnerPairs > 0 && t.beneficiaryPairsNeighbours > 0 ? t.partnerPairsNeighbours / t.partnerPairs / (t.beneficiaryPairsNeighbours / t.beneficiaryPairs) : NaN;
  },
};

for (const spec of RUN_MEASURES) {
  const custom = CUSTOM_OUTCOMES[spec.id] !== undefined;
  if (custom === (spec.from !== undefined)) throw new Error(`run measure ${spec.id}: ${custom ? 'has both a series and a function' : 'has neither a series nor a function'} in src/core/observation.ts`);
}

/** Per-run outcomes over the evaluation window, in the order of RUN_MEASURES (src/core/measures.ts). */
export function outcomes(world: World, series: Float64Array[]): Record<RunMeasureId, number> {
  const months = world.totals.months;
  const input: OutcomeInput = { world, months, years: months / 12, sum: (id) => world.windowSums[MONTH_INDEX[id]]!, series, fromRow: world.scenario.evaluation.from - world.scenario.start };
  const lastRow = series[0]!.length - 1;
  const out = {} as Record<RunMeasureId, number>;
  for (const spec of RUN_MEASURES) {
    const from = spec.from;
    if (from === undefined) {
      out[spec.id] = CUSTOM_OUTCOMES[spec.id]!(input);
      continue;
    }
    const k = MONTH_INDEX[from.series as MonthMeasureId];
    out[spec.id] = from.aggregate === 'sum' ? world.windowSums[k]! : from.aggregate === 'mean' ? (months > 0 ? world.windowSums[k]! / months : NaN) : series[k]![lastRow]!;
  }
  return out;
}

export function municipalityOutcomes(world: World): MunicipalityOutcome[] {
  return world.municipalities.map((m) => {
    let memberships = 0;
    for (const a of world.arrangements) if (isActive(a) && a.members.includes(m.index)) memberships++;
    const others = world.municipalities.filter((x) => x.index !== m.index).map((x) => x.index);
    let tin = 0;
    let tout = 0;
    for (const j of others) {
      tin += world.trust.mean(j, m.index);
      tout += world.trust.mean(m.index, j);
    }
    const net = netOf(m);
    const measures: Record<MunicipalityMeasureId, number> = {
      value: m.valueEval, value_per_inhabitant: (m.valueEval * 1e6) / m.population,
      cost: costOf(m.accounts), central_funds: m.accounts.centralFunds, net, net_per_inhabitant: (net * 1e6) / m.population,
      memberships,
      trust_in: others.length ? tin / others.length : NaN,
      trust_out: others.length ? tout / others.length : NaN,
      relationship_stock: m.relationship,
    };
    return { code: m.code, name: m.name, population: m.population, measures };
  });
}
