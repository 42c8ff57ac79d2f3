/**
 * A run taken one month at a time: the run loop of {@link runSimulation} (src/core/run.ts) as an
 * object that the playground's worker advances month by month, looking at the world between
 * months. runSimulation is this stepper run to its end, so a run stepped here and a run of the
 * CLI give the same result. Pure: no clock, no files, no global randomness.
 */
import { initialise } from './initialization.js';
import { municipalityOutcomes, outcomes, snapshotTrust } from './observation.js';
import { EVENT_TYPES, TIMESERIES_COLUMNS, type RunResult } from './results.js';
import type { Scenario } from './scenario/resolve.js';
import { step } from './schedule.js';
import { dateLabel, type World } from './state.js';
import { censorAll } from './submodels/arrangements.js';

export interface RunOptions {
  /** Skip collecting the (large) trust snapshots (start, elections, end), e.g. in batches. */
  trustSnapshots?: boolean;
  /** Skip recording the full event log (monthly counts per type are always kept). */
  events?: boolean;
}

export class RunStepper {
  readonly world: World;
  /** Reported months of the run. */
  readonly months: number;
  readonly series: Float64Array[];
  readonly dates: string[] = [];
  readonly eventCounts: Int32Array[];
  /** Reported months simulated so far (the next month's row). */
  row = 0;
  private result: RunResult | undefined;

  constructor(readonly scenario: Scenario, readonly seed: number, readonly options: RunOptions = {}) {
    this.world = initialise(scenario, seed, options.events !== false, options.trustSnapshots !== false);
    this.months = scenario.end - scenario.start + 1;
    this.eventCounts = EVENT_TYPES.map(() => new Int32Array(this.months));
    this.series = TIMESERIES_COLUMNS.map(() => new Float64Array(this.months));
    const world = this.world;
    // The spin-up: simulated like any month, observed into a scratch row that is not kept.
    const scratch = TIMESERIES_COLUMNS.map(() => new Float64Array(1));
    for (let t = scenario.start - scenario.spinup; t < scenario.start; t++) {
      world.t = t;
      step(world, scratch, 0);
    }
    world.t = scenario.start;
    snapshotTrust(world, 'start');
  }

  get done(): boolean {
    return this.row >= this.months;
  }

  /** Simulates the next reported month; false when the run has no month left. */
  next(): boolean {
    if (this.done) return false;
    const world = this.world;
    const row = this.row;
    world.t = this.scenario.start + row;
    this.dates.push(dateLabel(world));
    step(world, this.series, row);
    for (let k = 0; k < EVENT_TYPES.length; k++) this.eventCounts[k]![row] = world.eventCounts[k]!;
    this.row = row + 1;
    return true;
  }

  /** Runs the remaining months and closes the run (censoring, the last trust snapshot, outcomes). */
  finish(): RunResult {
    if (this.result) return this.result;
    while (this.next());
    const world = this.world;
    // The run's last month is world.t (= scenario.end).
    censorAll(world);
    snapshotTrust(world, 'end');
    this.result = {
      scenario: this.scenario.name,
      seed: this.seed,
      dates: this.dates,
      series: this.series,
      events: world.events,
      eventCounts: this.eventCounts,
      trust: world.trustSnapshots,
      outcomes: outcomes(world, this.series),
      spells: world.spells,
      arrangements: world.arrangements
        .filter((a) => a.end === null || a.end >= this.scenario.start)
        .map((a) => ({
          id: a.id, name: a.name, kind: a.kind, formed: a.emergent,
          ...(a.emergent ? { initiator: world.municipalities[a.centre]!.code } : {}),
          domains: [...a.domains],
        })),
      municipalities: municipalityOutcomes(world),
    };
    return this.result;
  }
}
