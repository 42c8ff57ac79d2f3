/**
 * What a worker sends back for one run: typed values, not text (text is written once, by
 * finalize, for the user). The outcomes in the order of the run measures, the cells of the run's
 * rows of spells.csv, municipalities.csv and events-counts.csv (after the run key, in the columns'
 * order of src/formats/files.ts), and the monthly series as one Float64Array (month-major: value
 * of column c in month m at m * columns + c) that is transferred, not copied. The full event log
 * never leaves the worker.
 */
import { EVENTS } from '../core/events.js';
import { MONTH_IDS, MUNICIPALITY_IDS, RUN_IDS } from '../core/measures.js';
import type { RunResult } from '../core/results.js';

export const SERIES_COLUMNS = MONTH_IDS.length;

/** A cell of a per-run row: text, a number (NaN allowed) or empty. */
export type Cell = string | number | null;

export interface RunRecord {
  run: number;
  /** One per run measure, in RUN_IDS order. */
  outcomes: number[];
  /** spells.csv cells after the run key. */
  spells: Cell[][];
  /** municipalities.csv cells after the run key. */
  municipalities: Cell[][];
  /** events-counts.csv cells after the run key: date, type, count. */
  events: Cell[][];
  months: number;
  /** months × SERIES_COLUMNS values, month-major. */
  series: Float64Array;
}

const COUNTED = EVENTS.map((e, k) => ({ type: e.type, k })).filter((e) => EVENTS[e.k]!.batch);

/** Turns one run's result into its record. */
export function toRecord(run: number, result: RunResult): RunRecord {
  const outcomes = RUN_IDS.map((id) => result.outcomes[id] ?? NaN);
  const spells = result.spells.map((s): Cell[] => [s.type, s.arrangement, s.kind, s.municipality ?? null, s.module ?? null, s.start, s.end, s.duration, s.ended, s.reason]);
  const municipalities = result.municipalities.map((m): Cell[] => [m.code, m.name, m.population, ...MUNICIPALITY_IDS.map((id) => m.measures[id])]);
  // Monthly counts of the structural and political events, in date order then registry order; zeros omitted.
  const events: Cell[][] = [];
  result.dates.forEach((date, m) => {
    for (const { type, k } of COUNTED) {
      const n = result.eventCounts[k]?.[m] ?? 0;
      if (n > 0) events.push([date, type, n]);
    }
  });

  const months = result.dates.length;
  const series = new Float64Array(months * SERIES_COLUMNS);
  for (let c = 0; c < SERIES_COLUMNS; c++) {
    const col = result.series[c];
    if (!col || col.length !== months) throw new Error(`run ${run}: series column ${MONTH_IDS[c]} has ${col?.length ?? 0} values, expected ${months}`);
    for (let m = 0; m < months; m++) series[m * SERIES_COLUMNS + c] = col[m]!;
  }
  return { run, outcomes, spells, municipalities, events, months, series };
}

/** JSON for values that may be NaN or infinite: such numbers become the strings "NaN", "Infinity", "-Infinity". */
export function cellsToJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

const NON_FINITE: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

/** The numbers of a decoded row back from {@link cellsToJson}, at the positions `numeric` names. */
export function numbersBack(cells: Cell[], numeric: readonly number[]): Cell[] {
  for (const k of numeric) {
    const v = cells[k];
    if (typeof v === 'string' && v in NON_FINITE) cells[k] = NON_FINITE[v]!;
  }
  return cells;
}
