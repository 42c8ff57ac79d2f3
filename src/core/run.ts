/**
 * The run loop: initialise, step month by month from start to end, collect the results.
 * Pure: no clock, no files, no global randomness. The same scenario and seed give the same result.
 */
import { initialise } from './initialization.js';
import { municipalityOutcomes, outcomes, snapshotTrust } from './observation.js';
import { EVENT_TYPES, TIMESERIES_COLUMNS, type RunResult } from './results.js';
import type { Scenario } from './scenario/resolve.js';
import { step } from './schedule.js';
import { dateLabel } from './state.js';
import { censorAll } from './submodels/arrangements.js';

export interface RunOptions {
  /** Skip collecting the (large) trust snapshots, e.g. in batches. */
  trustSnapshots?: boolean;
  /** Skip recording the full event log (monthly counts per type are always kept). */
  events?: boolean;
}

export function runSimulation(scenario: Scenario, seed: number, options: RunOptions = {}): RunResult {
  const world = initialise(scenario, seed, options.events !== false);
  const eventCounts = EVENT_TYPES.map(() => new Int32Array(scenario.end - scenario.start + 1));
  const months = scenario.end - scenario.start + 1;
  const series = TIMESERIES_COLUMNS.map(() => new Float64Array(months));
  const dates: string[] = [];
  // The spin-up: simulated like any month, observed into a scratch row that is not kept.
  const scratch = TIMESERIES_COLUMNS.map(() => new Float64Array(1));
  for (let t = scenario.start - scenario.spinup; t < scenario.start; t++) {
    world.t = t;
    step(world, scratch, 0);
  }
  world.t = scenario.start;
  if (options.trustSnapshots !== false) snapshotTrust(world, 'start');
  for (let row = 0; row < months; row++) {
    world.t = scenario.start + row;
    dates.push(dateLabel(world));
    step(world, series, row);
    for (let k = 0; k < EVENT_TYPES.length; k++) eventCounts[k]![row] = world.eventCounts[k]!;
  }
  // The run's last month is world.t (= scenario.end).
  censorAll(world);
  if (options.trustSnapshots !== false) snapshotTrust(world, 'end');
  return {
    scenario: scenario.name,
    seed,
    dates,
    series,
    events: world.events,
    eventCounts,
    trust: options.trustSnapshots === false ? [] : world.trustSnapshots,
    outcomes: outcomes(world, series),
    spells: world.spells,
    arrangements: world.arrangements
      .filter((a) => a.end === null || a.end >= scenario.start)
      .map((a) => ({
        id: a.id, name: a.name, kind: a.kind, formed: a.emergent,
        ...(a.emergent ? { initiator: world.municipalities[a.centre]!.code } : {}),
        domains: [...a.domains],
      })),
    municipalities: municipalityOutcomes(world),
  };
}
