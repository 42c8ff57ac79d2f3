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
  /** 1 when the spell ended within the horizon, 0 when censored. */
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
