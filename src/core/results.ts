/**
 * What one run produces: the monthly time series, the event log, trust snapshots, per-run
 * outcomes and survival spells. Column lists are fixed and documented (README, "Outputs"), so
 * batch files from different runs line up.
 */
import { DOMAINS, type Domain } from './domains.js';

export const EVENT_TYPES = [
  'scenario', 'election', 'secretary-turnover', 'civil-servant-turnover', 'agenda-revisit',
  'join', 'exit', 'dissolution', 'formation',
  'decision', 'mandje', 'forced-vote', 'deadlock', 'lapse', 'completed', 'failed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One line of events.jsonl. */
export interface ModelEvent {
  date: string;
  type: EventType;
  /** Names of the municipalities involved (sorted by code). */
  municipalities: string[];
  arrangement?: string;
  domain?: Domain;
  task?: number;
  detail?: Record<string, number | string | boolean>;
}

const perDomain = (prefix: string): string[] => DOMAINS.map((d) => `${prefix}_${d}`);

/** Numeric columns of timeseries.csv, after `date`. */
export const TIMESERIES_COLUMNS = [
  'month', 'election',
  'arrangements_active', 'memberships_active', 'joins', 'exits', 'dissolutions', 'formations',
  'pairs_cooperating', 'cooperation_stability', 'network_density', 'neighbour_tie_share',
  'tasks_arrived', 'tasks_addressed', 'tasks_completed', 'tasks_failed', 'tasks_lapsed', 'projects_active', 'agenda_open',
  ...perDomain('completed'),
  ...perDomain('value'),
  'value_total', 'value_per_inhabitant', 'value_gini_12m',
  'decisions', 'deadlocks', 'mandjes', 'forced_votes',
  'fte_capacity', 'fte_coordination', 'fte_delivery', 'coordination_share', 'cooperation_spending_share',
  'trust_mean', 'trust_sd', 'trust_personal_mean', 'trust_institutional_mean', 'relationship_stock',
  'secretary_turnovers', 'civil_servant_departures', 'stance_mean', 'mandate_mean',
] as const;
export type TimeseriesColumn = (typeof TIMESERIES_COLUMNS)[number];

export interface OutcomeSpec {
  readonly name: string;
  readonly unit: string;
  /** Direction used by comparisons (share of pairs doing better); null when neither is better. */
  readonly higherIsBetter: boolean | null;
  readonly meaning: string;
}

const o = (name: string, unit: string, higherIsBetter: boolean | null, meaning: string): OutcomeSpec => ({ name, unit, higherIsBetter, meaning });

/** Per-run outcomes (summary.json `outcomes`, and the outcome columns of a batch's runs.csv), over the evaluation window. */
export const OUTCOMES: readonly OutcomeSpec[] = [
  o('cooperation_stability', 'share of pairs', true, 'Mean share of municipality pairs with a cooperation tie that has lasted at least 12 months.'),
  o('pairs_cooperating', 'share of pairs', true, 'Mean share of municipality pairs that cooperate (share an active arrangement or a running project).'),
  o('network_density', 'share of pairs', true, 'Mean density of the joint-project network (pairs running a project together).'),
  o('value_total', 'M EUR', true, 'Value realised by completed regional tasks.'),
  o('value_per_inhabitant', 'EUR per inhabitant per year', true, 'Value realised per inhabitant per year.'),
  o('value_nontransport', 'M EUR', true, 'Value realised outside traffic and transport.'),
  o('value_gini', 'Gini 0-1', false, 'Inequality of value per inhabitant across municipalities.'),
  o('tasks_arrived', 'tasks', null, 'Regional tasks that arose.'),
  o('completion_rate', 'share of tasks', true, 'Tasks completed successfully, as a share of tasks that arose.'),
  o('tasks_completed', 'tasks', true, 'Tasks completed successfully.'),
  o('tasks_failed', 'tasks', false, 'Tasks rejected, deadlocked or carried out so poorly that they failed.'),
  o('tasks_lapsed', 'tasks', false, 'Tasks never taken up before they lapsed.'),
  o('deadlocks', 'tasks', false, 'Tasks blocked at a table until they lapsed.'),
  o('mandjes', 'package deals', null, 'Package deals made.'),
  o('forced_votes', 'decisions', false, 'Decisions passed by binding majority over objections.'),
  o('joins', 'memberships', null, 'Memberships started after the start of the run.'),
  o('exits', 'memberships', false, 'Memberships ended by a member leaving.'),
  o('dissolutions', 'arrangements', false, 'Arrangements dissolved.'),
  o('formations', 'arrangements', null, 'Arrangements formed by the municipalities.'),
  o('arrangements_mean', 'arrangements', null, 'Mean number of active arrangements.'),
  o('memberships_mean', 'memberships', null, 'Mean number of active memberships (module memberships counted per module).'),
  o('coordination_share', 'share of FTE', false, 'Share of regional staff effort spent on coordination rather than delivery.'),
  o('cooperation_spending_share', 'share of spending', null, 'Share of municipal spending that goes through cooperation.'),
  o('trust_mean', 'trust 0-1', true, 'Mean effective trust between municipalities.'),
  o('trust_end', 'trust 0-1', true, 'Mean effective trust in the last month.'),
  o('relationship_stock', 'index 0-1', true, 'Mean relationship and knowledge stock.'),
  o('secretary_turnover_rate', 'share per year', null, 'Secretaries leaving per municipality per year.'),
  o('exits_after_election_share', 'share of exits', null, 'Share of exits in the 12 months after an election (NaN without exits).'),
  o('neighbour_partner_ratio', 'ratio', null, 'Share of joint-project partner pairs that are neighbours, divided by the share of neighbours among all pairs (>1: nearby partners preferred; NaN without projects).'),
  o('stance_mean', 'index 0-1', true, 'Mean council stance toward regional cooperation.'),
];
export const OUTCOME_NAMES = OUTCOMES.map((x) => x.name);

/** A survival spell (Kaplan–Meier input): one arrangement's life, or one membership. */
export interface Spell {
  type: 'arrangement' | 'membership';
  arrangement: string;
  kind: string;
  /** Municipality code (memberships only). */
  municipality?: string;
  /** Module domain (module memberships of a modular arrangement only). */
  module?: Domain;
  start: string;
  end: string | null;
  /** Months from start to end, or to the end of the horizon when censored. */
  duration: number;
  /**
   * 1 when the model ended the spell (an exit, or a dissolution the model caused); 0 when
   * censored: still running at the end of the horizon, or ended by a scenario event (a decree
   * such as the abolition of the WGR-plus), which censors the spell at that date.
   */
  ended: 0 | 1;
  reason: string;
}

export interface TrustSnapshot {
  date: string;
  label: 'start' | 'election' | 'end';
  /** effective[i][j]: trust of municipality i in j (i = j holds 1). */
  effective: number[][];
  personal: number[][];
  institutional: number[][];
}

export interface MunicipalityOutcome {
  code: string;
  name: string;
  population: number;
  value: number;
  valuePerInhabitant: number;
  memberships: number;
  trustIn: number;
  trustOut: number;
  relationshipStock: number;
}

export interface RunResult {
  scenario: string;
  seed: number;
  dates: string[];
  /** One array per entry of TIMESERIES_COLUMNS, each with one value per month. */
  series: Float64Array[];
  /** Full event log (empty when the run was asked not to record events). */
  events: ModelEvent[];
  /** Monthly event counts: one array per entry of EVENT_TYPES, one value per month. */
  eventCounts: Int32Array[];
  trust: TrustSnapshot[];
  outcomes: Record<string, number>;
  spells: Spell[];
  municipalities: MunicipalityOutcome[];
}

const perDomainText = (what: string): Record<string, string> =>
  Object.fromEntries(DOMAINS.map((d) => [`${what === 'completed' ? 'completed' : 'value'}_${d}`, what === 'completed' ? `Tasks in ${d} completed successfully this month.` : `Value realised in ${d} this month (M EUR).`]));

/** Meaning of every timeseries column (README, ODD, chart tooltips). */
export const TIMESERIES_DESCRIPTIONS: Record<TimeseriesColumn, string> = {
  month: 'Months since the start of the run (0 = first month).',
  election: '1 in a month with council elections, else 0.',
  arrangements_active: 'Arrangements in existence at the end of the month.',
  memberships_active: 'Memberships of those arrangements (module memberships of a modular GR counted per module, plus the core).',
  joins: 'Memberships started this month.',
  exits: 'Memberships ended by a member leaving this month.',
  dissolutions: 'Arrangements dissolved this month (by decree, too few members, a key member leaving, or dormancy).',
  formations: 'Arrangements formed by municipalities this month.',
  pairs_cooperating: 'Share of municipality pairs with a cooperation tie: both sit at a table that passed a decision in the last 12 months, or they run a project together.',
  cooperation_stability: 'Share of municipality pairs whose cooperation tie has lasted at least 12 months without a break.',
  network_density: 'Share of municipality pairs running at least one joint project.',
  neighbour_tie_share: 'Share of joint-project pairs that are neighbours (NaN without projects).',
  tasks_arrived: 'Regional tasks that arose this month.',
  tasks_addressed: 'Tasks that reached a table or an ad hoc initiative this month.',
  tasks_completed: 'Projects completed successfully this month.',
  tasks_failed: 'Tasks rejected, deadlocked, or carried out so poorly that they failed, this month.',
  tasks_lapsed: 'Tasks that lapsed this month without being taken up (including those a new council took off the agenda).',
  projects_active: 'Projects being carried out.',
  agenda_open: 'Tasks waiting for a decision on the agendas of all tables.',
  ...(perDomainText('completed') as Record<`completed_${Domain}`, string>),
  ...(perDomainText('value') as Record<`value_${Domain}`, string>),
  value_total: 'Value realised by completed projects this month, all domains (M EUR).',
  value_per_inhabitant: 'value_total per inhabitant of the region (EUR).',
  value_gini_12m: 'Gini coefficient of value per inhabitant over the last 12 months across municipalities.',
  decisions: 'Decisions taken at tables and in ad hoc negotiations this month.',
  deadlocks: 'Tasks blocked at a table until they lapsed, this month.',
  mandjes: 'Package deals made this month.',
  forced_votes: 'Decisions passed by binding majority over objections this month.',
  fte_capacity: 'Regional staff capacity of all municipalities (FTE).',
  fte_coordination: 'Capacity spent on coordination: meetings, bureaus, preparation, search and negotiation (FTE).',
  fte_delivery: 'Capacity delivered to projects (FTE).',
  coordination_share: 'fte_coordination / (fte_coordination + fte_delivery).',
  cooperation_spending_share: 'Money through cooperation (overhead, central funds, joint project budgets) as a share of municipal spending plus that money.',
  trust_mean: 'Mean effective trust over all ordered pairs of municipalities.',
  trust_sd: 'Standard deviation of effective trust over ordered pairs.',
  trust_personal_mean: 'Mean personal trust (held by people).',
  trust_institutional_mean: 'Mean institutional trust (held by secretariats).',
  relationship_stock: 'Mean relationship and knowledge stock of the municipalities (0-1).',
  secretary_turnovers: 'Municipal secretaries who left this month.',
  civil_servant_departures: 'Civil servants in regional work who left this month.',
  stance_mean: 'Mean council stance toward regional cooperation (0-1).',
  mandate_mean: 'Mean mandate of the aldermen: tolerated loss as a share of own cost (mandateScale x stance).',
};

/** Meaning of every event type (README, events.jsonl). */
export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  scenario: 'A scenario event took effect (detail.event: start-arrangement, end-arrangement, change-arrangement, task-rate, austerity).',
  election: 'A council election in a municipality (detail: stance before and after, value-for-money of the last term).',
  'secretary-turnover': 'The gemeentesecretaris left (detail.memory: share of the loss a secretariat held).',
  'civil-servant-turnover': 'Civil servants in regional work left (detail: departures, staff).',
  'agenda-revisit': 'New councils took items off a table\'s agenda (detail: dropped, remaining).',
  join: 'A municipality joined an arrangement (or a module: domain).',
  exit: 'A municipality left an arrangement or module (detail.reason).',
  dissolution: 'An arrangement ended (detail.reason).',
  formation: 'Municipalities formed a new arrangement, or extended one with a domain (detail.kind, initiator).',
  decision: 'A task was taken on by a table or an ad hoc coalition (municipalities: participants; detail: rule, support).',
  mandje: 'A package deal of two blocked or pending tasks in different domains (detail: tasks, domains).',
  'forced-vote': 'A task passed by binding majority over objections (detail.outvoted).',
  deadlock: 'A task blocked at a table lapsed.',
  lapse: 'A task lapsed without being taken up.',
  completed: 'A project finished successfully (detail: delivered share, value realised).',
  failed: 'A task was rejected in ad hoc negotiation or a project failed (detail).',
};
