/**
 * The rows the chart builders take: the decoded rows of the output files, whose schemas are in
 * src/formats/files.ts (numbers parsed, an empty cell as null, `NaN` as NaN), plus the long form
 * of one run's timeseries.csv, the lines of events.jsonl and a TopoJSON topology.
 */
import type * as files from '../formats/files.js';

export type { EventCountRow, MunicipalityRow, PointsSummaryRow, RunRow, TrustRow } from '../formats/files.js';

/** The columns of the analysis and summary files a chart uses (the rest may be absent). */
export type TimeseriesSummaryRow = Pick<files.TimeseriesSummaryRow, 'scenario' | 'point' | 'date' | 'measure' | 'n' | 'mean' | 'sd' | 'p2_5' | 'p97_5'>;
export type ComparisonRow = Pick<files.ComparisonRow, 'scenario' | 'reference' | 'point' | 'outcome' | 'paired' | 'n' | 'mean_reference' | 'mean_scenario' | 'difference' | 'ci_lo' | 'ci_hi' | 'p_holm' | 'significant'> &
  Partial<Pick<files.ComparisonRow, 'share_better'>>;
export type SurvivalRow = Pick<files.SurvivalRow, 'scenario' | 'point' | 'type' | 'time' | 'at_risk' | 'events' | 'survival' | 'lo' | 'hi'> & Partial<Pick<files.SurvivalRow, 'kind'>>;
export type SensitivityRow = Pick<files.SensitivityRow, 'method' | 'outcome' | 'parameter'> & Partial<Omit<files.SensitivityRow, 'method' | 'outcome' | 'parameter'>>;

/** One series value of a single run's timeseries.csv, in long form. */
export interface RunSeriesRow {
  date: string;
  measure: string;
  value: number | null;
}

/** One line of events.jsonl (a ModelEvent of src/core/results.ts, as read from the file). */
export interface EventRow {
  date: string;
  type: string;
  municipalities?: string[];
  arrangement?: string;
  domain?: string;
  detail?: Record<string, number | string | boolean | null>;
}

/** A TopoJSON topology (data/nl-gemeente-2019.topojson), as parsed JSON. */
export interface Topology {
  type: 'Topology';
  objects: Record<string, { type: string; geometries: Array<{ id?: string | number; properties?: Record<string, unknown> }> }>;
  arcs: unknown[];
  transform?: unknown;
}
