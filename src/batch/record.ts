/**
 * What a worker sends back for one run: compact, already formatted where the batch files only
 * need text (outcome cells, spell, municipality and event-count rows), and the monthly series
 * as one Float64Array (month-major: value of column c in month m at m * columns + c) that is
 * transferred, not copied. The full event log never leaves the worker.
 */
import { EVENT_TYPES, OUTCOME_NAMES, TIMESERIES_COLUMNS, type EventType, type RunResult } from '../core/results.js';

/** Event types counted in a batch's events-counts.csv. */
export const BATCH_EVENT_TYPES: ReadonlySet<EventType> = new Set<EventType>(['scenario', 'election', 'agenda-revisit', 'join', 'exit', 'dissolution', 'formation']);
import { csvField, formatNumber } from '../formats/text.js';

export const SERIES_COLUMNS = TIMESERIES_COLUMNS.length;

export interface RunRecord {
  run: number;
  /** Outcome cells in OUTCOMES order, comma-joined. */
  outcomes: string;
  /** spells.csv rows after the run/scenario/point/replication prefix, without newline. */
  spells: string[];
  /** municipalities.csv rows after the prefix. */
  municipalities: string[];
  /** events-counts.csv rows after the prefix: `date,type,count`. */
  events: string[];
  months: number;
  /** months × SERIES_COLUMNS values, month-major. */
  series: Float64Array;
}

/** Turns one run's result into its record. */
export function toRecord(run: number, result: RunResult): RunRecord {
  const outcomes = OUTCOME_NAMES.map((name) => formatNumber(result.outcomes[name] ?? NaN)).join(',');
  const spells = result.spells.map((s) =>
    [s.type, s.arrangement, s.kind, s.municipality ?? null, s.module ?? null, s.start, s.end, s.duration, s.ended, s.reason].map(csvField).join(','),
  );
  const municipalities = result.municipalities.map((m) =>
    [m.code, m.name, m.population, m.value, m.valuePerInhabitant, m.memberships, m.trustIn, m.trustOut, m.relationshipStock].map(csvField).join(','),
  );

  // Monthly counts per event type, in date order then EVENT_TYPES order; zeros omitted. Only the
  // structural and political events: the frequent ones (turnover, decisions, completions, ...)
  // are monthly measures of the time series already and would make the file huge.
  const events: string[] = [];
  result.dates.forEach((date, m) => {
    EVENT_TYPES.forEach((type, k) => {
      if (!BATCH_EVENT_TYPES.has(type)) return;
      const n = result.eventCounts[k]?.[m] ?? 0;
      if (n > 0) events.push(`${date},${type},${n}`);
    });
  });

  const months = result.dates.length;
  const series = new Float64Array(months * SERIES_COLUMNS);
  for (let c = 0; c < SERIES_COLUMNS; c++) {
    const col = result.series[c];
    if (!col || col.length !== months) throw new Error(`run ${run}: series column ${TIMESERIES_COLUMNS[c]} has ${col?.length ?? 0} values, expected ${months}`);
    for (let m = 0; m < months; m++) series[m * SERIES_COLUMNS + c] = col[m]!;
  }
  return { run, outcomes, spells, municipalities, events, months, series };
}
