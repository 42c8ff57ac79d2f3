/**
 * What one run produces: the monthly time series, the event log, trust snapshots, per-run
 * outcomes and survival spells. Column lists are fixed and documented (README, "Outputs"), so
 * batch files from different runs line up.
 */
import type { Domain } from './domains.js';
import type { EventType } from './events.js';
import { MONTH_IDS, RUN_IDS, type MonthMeasureId, type MunicipalityMeasureId, type RunMeasureId } from './measures.js';

export { EVENT_TYPES, type EventType } from './events.js';

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

/** Numeric columns of timeseries.csv, after `date`: the monthly measures of src/core/measures.ts. */
export const TIMESERIES_COLUMNS: readonly MonthMeasureId[] = MONTH_IDS;
export type TimeseriesColumn = MonthMeasureId;

/** Per-run outcomes (summary.json `outcomes`, the outcome columns of runs.csv): the run measures of src/core/measures.ts. */
export const OUTCOME_NAMES: readonly RunMeasureId[] = RUN_IDS;

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

/** An arrangement that existed in the reported period (summary.json `arrangements`), for the story and the membership chart. */
export interface ArrangementInfo {
  id: string;
  /** Its name in the scenario; for one the municipalities formed, the initiator, domain and kind (in English). */
  name: string;
  kind: string;
  /** Whether the municipalities formed it themselves (else the scenario set it up). */
  formed: boolean;
  /** Code of the municipality that took the initiative (formed arrangements only). */
  initiator?: string;
  /** Domains on its table at the end of the run, or when it ended. */
  domains: Domain[];
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
  /** The per-municipality measures (MUNICIPALITY_MEASURES, src/core/measures.ts). */
  measures: Record<MunicipalityMeasureId, number>;
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
  outcomes: Record<RunMeasureId, number>;
  spells: Spell[];
  /** Every arrangement that existed in the reported period, in the order they were set up. */
  arrangements: ArrangementInfo[];
  municipalities: MunicipalityOutcome[];
}
