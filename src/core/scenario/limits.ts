/**
 * The bounds that keep every run finite and fast. Every number a scenario file can give has a
 * range (src/core/scenario/schema.ts declares them with these constants and documents them), and
 * the cost of a run as a whole is estimated before it starts ({@link estimateWork}): a run that
 * would take more than {@link MAX_WORK} units (about a minute and a half of one core) is refused
 * up front with the reason, instead of running for hours.
 *
 * Pure: no Node, no clock.
 */
import type { Params } from '../params.js';

/** Largest population of one municipality (Amsterdam has about 0.9 million). */
export const MAX_POPULATION = 10_000_000;
/** Most municipalities in a region (the whole country had 458 in 2006 and 355 in 2019). */
export const MAX_MUNICIPALITIES = 500;
/** Dates lie in these years. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
/** Longest horizon, in months (100 years). */
export const MAX_MONTHS = 1200;
/** Most arrangements in place at the start, and most scenario events. */
export const MAX_ARRANGEMENTS = 200;
export const MAX_EVENTS = 1000;
/** Longest texts: names and codes, titles, descriptions. */
export const MAX_NAME = 100;
export const MAX_CODE = 32;
export const MAX_ID = 64;
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 2000;

/**
 * Most work units one run may take. A unit is about 0.1 µs of one core; the national scenario
 * (355 municipalities, 16 years) is about 78 million, a Haaglanden scenario (9) below 0.1 million.
 */
export const MAX_WORK = 1_000_000_000;

/** What {@link estimateWork} needs to know of a scenario. */
export interface WorkInput {
  municipalities: number;
  months: number;
  /** First month (absolute, year × 12 + month − 1), for the elections in the horizon. */
  start: number;
  params: Pick<Params, 'taskRatePerMunicipality' | 'shareHousing' | 'shareTransport' | 'shareEconomy' | 'shareSocial' | 'shareOperations' | 'electionCycle' | 'electionFirstYear' | 'electionMonth'>;
  /** The largest task-rate multiplier each domain reaches (1 when no event changes it), in domain order. */
  maxRateMultipliers: readonly number[];
}

export interface WorkEstimate {
  units: number;
  /** Expected regional tasks per month at the highest task rates. */
  tasksPerMonth: number;
  /** Trust snapshots a run writes (start, each election, end). */
  snapshots: number;
}

/**
 * The estimated cost of one run, in work units:
 *
 *     months × (n² + 3 × tasks per month × n)  +  60 × n² × trust snapshots
 *
 * with n municipalities: trust and relationships between every pair each month, every task
 * weighed by every municipality, and trust.csv's n² rows per snapshot. The constants were
 * measured on the built-in scenarios (a unit is about 0.1 µs of one core).
 */
export function estimateWork(w: WorkInput): WorkEstimate {
  const n = w.municipalities;
  const p = w.params;
  const shares = [p.shareHousing, p.shareTransport, p.shareEconomy, p.shareSocial, p.shareOperations];
  const sum = shares.reduce((a, b) => a + b, 0);
  const weighted = sum > 0 ? shares.reduce((acc, s, d) => acc + (s / sum) * Math.max(1, w.maxRateMultipliers[d] ?? 1), 0) : 0;
  const tasksPerMonth = p.taskRatePerMunicipality * n * weighted;
  let elections = 0;
  for (let t = w.start; t < w.start + w.months; t++) {
    const year = Math.floor(t / 12);
    const month = (t % 12) + 1;
    if (month === p.electionMonth && (((year - p.electionFirstYear) % p.electionCycle) + p.electionCycle) % p.electionCycle === 0) elections += 1;
  }
  const snapshots = elections + 2;
  const units = w.months * (n * n + 3 * tasksPerMonth * n) + 60 * n * n * snapshots;
  return { units, tasksPerMonth, snapshots };
}

/** Work units as people read them: `74 million`. */
export function workText(units: number): string {
  return units >= 1e9 ? `${(units / 1e9).toFixed(1)} billion` : `${Math.round(units / 1e6)} million`;
}
