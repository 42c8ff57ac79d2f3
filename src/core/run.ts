/**
 * The run loop: initialise, step month by month from start to end, collect the results.
 * Pure: no clock, no files, no global randomness. The same scenario and seed give the same result.
 * The loop itself is {@link RunStepper} (src/core/stepper.ts), which the playground advances
 * month by month.
 */
import type { RunResult } from './results.js';
import type { Scenario } from './scenario/resolve.js';
import { RunStepper, type RunOptions } from './stepper.js';

export type { RunOptions };

export function runSimulation(scenario: Scenario, seed: number, options: RunOptions = {}): RunResult {
  return new RunStepper(scenario, seed, options).finish();
}
