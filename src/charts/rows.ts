/**
 * Tidy rows as the chart builders take them: one interface per output file of docs/formats.md,
 * with numbers already parsed (empty cell → null, `NaN` → NaN). Only the columns a chart uses
 * are required; src/render/load.ts reads the files into these shapes.
 */

import type { ComparisonRow as AnalysisComparisonRow } from '../analysis/analyze.js';

/** timeseries-summary.csv */
export interface TimeseriesSummaryRow {
  scenario: string;
  point: number;
  date: string;
  measure: string;
  n: number;
  mean: number;
  sd?: number | null;
  p2_5: number | null;
  p97_5: number | null;
}

/** One series value of a single run's timeseries.csv, in long form. */
export interface RunSeriesRow {
  date: string;
  measure: string;
  value: number;
}

/** runs.csv (the outcome columns are looked up by name). */
export interface RunRow {
  run: number;
  scenario: string;
  point: number;
  replication: number;
  seed: number;
  [column: string]: string | number | null;
}

/**
 * comparison.csv as read back: the columns the charts use of the analysis's ComparisonRow, with
 * the statistics that can be undefined (written as NaN) read as null.
 */
export type ComparisonRow = Pick<AnalysisComparisonRow, 'scenario' | 'reference' | 'point' | 'outcome' | 'paired' | 'n' | 'mean_reference' | 'mean_scenario' | 'difference' | 'significant'> & {
  ci_lo: number | null;
  ci_hi: number | null;
  p_holm: number | null;
  share_better?: number | null;
};

/** survival.csv */
export interface SurvivalRow {
  scenario: string;
  point: number;
  type: string;
  time: number;
  at_risk: number;
  events: number;
  survival: number;
  lo: number | null;
  hi: number | null;
}

/** trust.csv of one run */
export interface TrustRow {
  date: string;
  label: string;
  from_code: string;
  from_name: string;
  to_code: string;
  to_name: string;
  trust: number;
  personal?: number | null;
  institutional?: number | null;
}

/** municipalities.csv of a batch (or summary.json `municipalities` of a run, with run/scenario added). */
export interface MunicipalityRow {
  run: number;
  scenario: string;
  point: number;
  code: string;
  name: string;
  population: number;
  [column: string]: string | number | null;
}

/** sensitivity.csv */
export interface SensitivityRow {
  method: string;
  outcome: string;
  parameter: string;
  mu?: number | null;
  mu_star?: number | null;
  sigma?: number | null;
  s1?: number | null;
  s1_lo?: number | null;
  s1_hi?: number | null;
  st?: number | null;
  st_lo?: number | null;
  st_hi?: number | null;
}

/** events-counts.csv */
export interface EventCountRow {
  run: number;
  scenario: string;
  point: number;
  date: string;
  type: string;
  count: number;
}

/** One line of events.jsonl (a ModelEvent of src/core/results.ts, as read from the file). */
export interface EventRow {
  date: string;
  type: string;
  municipalities?: string[];
  arrangement?: string;
  domain?: string;
  detail?: Record<string, number | string | boolean>;
}

/** A TopoJSON topology (data/nl-gemeente-2019.topojson), as parsed JSON. */
export interface Topology {
  type: 'Topology';
  objects: Record<string, { type: string; geometries: Array<{ id?: string | number; properties?: Record<string, unknown> }> }>;
  arcs: unknown[];
  transform?: unknown;
}
