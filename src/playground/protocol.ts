/**
 * The messages between the playground page and its worker (src/playground/worker.ts). The page
 * sends resolved scenarios (plain data, structured-cloned); the worker runs the model and sends
 * back one frame per simulated month, the timeseries.csv of a finished run, or a comparison.
 */
import type { ModelEvent } from '../core/results.js';
import type { ComparisonRow } from '../analysis/rows.js';
import type { Scenario } from '../core/scenario/resolve.js';

export type ToWorker =
  | { type: 'start'; token: number; scenario: Scenario; seed: number }
  /** Simulate up to `months` further months of the started run. */
  | { type: 'step'; token: number; months: number }
  /** The timeseries.csv of the started run once it has run to its end. */
  | { type: 'csv'; token: number }
  | { type: 'compare'; token: number; reference: Scenario; scenario: Scenario; runs: number; masterSeed: number };

/** One simulated month as the page draws it. */
export interface Frame {
  /** Row of the month in the run (0 = the first reported month). */
  row: number;
  /** YYYY-MM (the page shows it in words). */
  date: string;
  /** The month's measures, in timeseries.csv order (MONTH_IDS). */
  values: number[];
  /** The month's events (events.jsonl lines). */
  events: ModelEvent[];
  /** Per municipality (region order), the per-municipality measures so far (MUNICIPALITY_IDS order). */
  municipalities: number[][];
  /** Pairs with a cooperation tie this month: [i, j, effective trust between them (mean of both directions)]. */
  ties: [number, number, number][];
}

export interface Comparison {
  runs: number;
  seeds: number[];
  /** One row per run measure (comparison.csv's columns), Holm over all of them as `regiosim analyze` does. */
  rows: ComparisonRow[];
  /** Per run measure (RUN_IDS order): the paired differences, second minus first, one per future. */
  differences: number[][];
  /** Wall-clock milliseconds (measured by the page, filled in there). */
  ms?: number;
}

export type FromWorker =
  | { type: 'started'; token: number; months: number }
  | { type: 'frames'; token: number; frames: Frame[]; done: boolean }
  | { type: 'csv'; token: number; csv: string }
  | { type: 'progress'; token: number; done: number; total: number }
  | { type: 'compared'; token: number; comparison: Comparison }
  | { type: 'error'; token: number; message: string };
