/**
 * The playground's Web Worker: the model of the CLI (src/core) stepped month by month, and the
 * paired comparison of two structures with the statistics of `regiosim analyze`. It runs in the
 * browser (bundled into playground.html by src/playground/build.ts) and in tests, where
 * {@link handle} is called directly.
 */
import { compareOutcome, ALPHA } from '../analysis/analyze.js';
import { verdictOf } from '../analysis/importance.js';
import { MUNICIPALITY_IDS, RUN_MEASURES } from '../core/measures.js';
import { municipalityOutcomes, TIE_WINDOW } from '../core/observation.js';
import { runSimulation } from '../core/run.js';
import { deriveSeed } from '../core/seeds.js';
import { RunStepper } from '../core/stepper.js';
import { timeseriesCsv } from '../io/run-output.js';
import { holmAdjust } from '../stats/multiple.js';
import type { Comparison, Frame, FromWorker, ToWorker } from './protocol.js';

/** The largest number of paired futures one comparison runs. */
export const MAX_COMPARE_RUNS = 500;

function frameOf(stepper: RunStepper): Frame {
  const { world } = stepper;
  const row = stepper.row - 1;
  const n = world.n;
  const date = stepper.dates[row]!;
  const events = world.events.filter((e) => e.date === date);
  const ties: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (world.t - world.lastJoint[i * n + j]! < TIE_WINDOW) ties.push([i, j, (world.trust.mean(i, j) + world.trust.mean(j, i)) / 2]);
    }
  }
  return {
    row,
    date,
    values: stepper.series.map((col) => col[row]!),
    events,
    municipalities: municipalityOutcomes(world).map((m) => MUNICIPALITY_IDS.map((id) => m.measures[id])),
    ties,
  };
}

/** Paired futures of two scenarios: future k of both with the seed of replication k of `masterSeed` (k from 0), as `regiosim batch A B --runs N --seed masterSeed` derives them. */
export function compare(reference: ToWorker & { type: 'compare' }, progress: (done: number) => void = () => {}): Comparison {
  const runs = Math.max(2, Math.min(MAX_COMPARE_RUNS, Math.floor(reference.runs)));
  const seeds = Array.from({ length: runs }, (_, k) => deriveSeed(reference.masterSeed, k));
  const ref: number[][] = RUN_MEASURES.map(() => []);
  const alt: number[][] = RUN_MEASURES.map(() => []);
  seeds.forEach((seed, k) => {
    const a = runSimulation(reference.reference, seed, { trustSnapshots: false, events: false });
    const b = runSimulation(reference.scenario, seed, { trustSnapshots: false, events: false });
    RUN_MEASURES.forEach((spec, i) => {
      ref[i]!.push(a.outcomes[spec.id]);
      alt[i]!.push(b.outcomes[spec.id]);
    });
    progress(k + 1);
  });
  const rows = RUN_MEASURES.map((spec, i) => compareOutcome(spec, { name: reference.scenario.name, point: 0, values: alt[i]! }, { name: reference.reference.name, values: ref[i]! }, true));
  const adjusted = holmAdjust(rows.map((r) => r.p));
  rows.forEach((r, i) => {
    r.p_holm = adjusted[i]!;
    r.significant = r.p_holm < ALPHA;
    r.verdict = verdictOf(RUN_MEASURES[i]!, r);
  });
  const differences = RUN_MEASURES.map((_, i) => alt[i]!.map((v, k) => v - ref[i]![k]!));
  return { runs, seeds, rows, differences };
}

/** A worker's state: the run being stepped. */
export interface WorkerState {
  stepper?: RunStepper;
  token?: number;
}

/** Handles one message from the page; `post` sends the answers. */
export function handle(state: WorkerState, msg: ToWorker, post: (m: FromWorker) => void): void {
  try {
    switch (msg.type) {
      case 'start':
        state.stepper = new RunStepper(msg.scenario, msg.seed);
        state.token = msg.token;
        post({ type: 'started', token: msg.token, months: state.stepper.months });
        break;
      case 'step': {
        const s = state.stepper;
        if (!s || state.token !== msg.token) return;
        const frames: Frame[] = [];
        for (let k = 0; k < msg.months && s.next(); k++) frames.push(frameOf(s));
        post({ type: 'frames', token: msg.token, frames, done: s.done });
        break;
      }
      case 'csv': {
        const s = state.stepper;
        if (!s || state.token !== msg.token) return;
        post({ type: 'csv', token: msg.token, csv: timeseriesCsv(s.finish()) });
        break;
      }
      case 'compare': {
        const total = Math.max(2, Math.min(MAX_COMPARE_RUNS, Math.floor(msg.runs)));
        const comparison = compare(msg, (done) => post({ type: 'progress', token: msg.token, done, total }));
        post({ type: 'compared', token: msg.token, comparison });
        break;
      }
    }
  } catch (err) {
    post({ type: 'error', token: msg.token, message: err instanceof Error ? err.message : String(err) });
  }
}
