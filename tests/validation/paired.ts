/**
 * Paired seeded comparisons for the validation tests: the same scenario with one change, run over
 * seeds 1..runs, and the 95% t interval of the paired differences (seed noise only: the parameters
 * are the defaults).
 */
import { expect } from 'vitest';
import type { RunMeasureId } from '../../src/core/measures.js';
import type { RunResult } from '../../src/core/results.js';
import { runSimulation } from '../../src/core/run.js';
import type { Scenario } from '../../src/core/scenario/resolve.js';
import { loadScenario } from '../../src/io/scenario.js';
import { tInterval } from '../../src/stats/descriptive.js';

export const RUNS = 50;

export type Change = (s: Scenario) => Scenario;
export const set = (params: Record<string, number>): Change => (s) => ({ ...s, params: { ...s.params, ...params } });
export const both = (...changes: Change[]): Change => (s) => changes.reduce((x, c) => c(x), s);
export const same: Change = (s) => s;
/** An extra general staff cut of 20% in the second reported year, in both arms of a comparison. */
export const cut20: Change = (s) => ({ ...s, events: [...s.events, { at: s.start + 12, type: 'austerity' as const, capacity: 0.8 }].sort((a, b) => a.at - b.at) });

/** Full results of a built-in scenario over seeds 1..seeds, with parameters set on top of it (no trust snapshots). */
export function seededRuns(name: string, seeds: number, o: { params?: Record<string, number>; events?: boolean } = {}): RunResult[] {
  const { scenario } = loadScenario(name, {});
  const s = { ...scenario, params: { ...scenario.params, ...(o.params ?? {}) } };
  return Array.from({ length: seeds }, (_, k) => runSimulation(s, k + 1, { trustSnapshots: false, events: o.events ?? false }));
}

/** Runs are shared within a test file: the same scenario with the same settings is run once per number of runs. */
const cache = new Map<string, Record<RunMeasureId, number>[]>();
export function outcomes(scenario: Scenario, runs: number): Record<RunMeasureId, number>[] {
  const k = JSON.stringify([scenario.name, runs, scenario.params, scenario.formation, scenario.formationKinds, scenario.events.map((e) => [e.at, e.type])]);
  if (!cache.has(k)) cache.set(k, Array.from({ length: runs }, (_, i) => runSimulation(scenario, i + 1, { trustSnapshots: false, events: false }).outcomes));
  return cache.get(k)!;
}

/** The 95% t interval of (off − on) over paired seeds. */
export function effect(name: string, on: Change, off: Change, outcome: RunMeasureId, runs = RUNS): { mean: number; lo: number; hi: number } {
  const base = loadScenario(name).scenario;
  const a = outcomes(on(base), runs);
  const b = outcomes(off(base), runs);
  const d = a.map((x, i) => b[i]![outcome] - x[outcome]).filter(Number.isFinite);
  const ci = tInterval(d);
  return { mean: ci.mean, lo: ci.lo, hi: ci.hi };
}

/** Asserts that the interval of (off − on) excludes 0. */
export function bites(name: string, on: Change, off: Change, outcome: RunMeasureId, runs = RUNS): void {
  const e = effect(name, on, off, outcome, runs);
  expect(e.lo > 0 || e.hi < 0, `${name}: ${outcome} changes by ${e.mean.toPrecision(3)} [${e.lo.toPrecision(3)}, ${e.hi.toPrecision(3)}]`).toBe(true);
}
