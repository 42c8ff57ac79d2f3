/**
 * The piscina worker: runs a chunk of runs of one parameter point and sends back compact
 * records (see record.ts), with the series buffers transferred rather than copied.
 *
 * The worker loads and resolves its scenario itself from (file, overrides), once per point
 * it sees, and keeps it in a small cache: the main thread only sends references.
 *
 * The same pool also writes the text of the batch files (the named tasks `rows` and `summary`,
 * see finalize.ts), so that the main thread only puts it in order.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runSimulation } from '../core/run.js';
import type { Scenario } from '../core/scenario/resolve.js';
import { loadScenario } from '../io/scenario.js';
import { rowsText, summaryText, type RowsTask, type RowsText, type SummaryTask } from './finalize.js';
import { encodeRun, type EncodedRun } from './journal.js';
import { toRecord } from './record.js';

export interface ChunkTask {
  /** loadScenario argument: a built-in name or an absolute path. */
  load: string;
  overrides: Record<string, number>;
  runs: { run: number; seed: number }[];
}

const cache = new Map<string, Scenario>();
const CACHE_SIZE = 64;

function scenarioFor(task: ChunkTask): Scenario {
  const key = JSON.stringify([task.load, Object.entries(task.overrides)]);
  let scenario = cache.get(key);
  if (!scenario) {
    scenario = loadScenario(task.load, task.overrides).scenario;
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, scenario);
  }
  return scenario;
}

/** Records of a chunk in the journal's form, moved to the main thread with their series buffers in the transfer list. */
class ChunkResult {
  constructor(private readonly records: EncodedRun[]) {}
  get [transferableSymbol](): ArrayBuffer[] {
    return this.records.map((r) => r.series.buffer as ArrayBuffer);
  }
  get [valueSymbol](): EncodedRun[] {
    return this.records;
  }
}

export function runChunk(task: ChunkTask): EncodedRun[] {
  const scenario = scenarioFor(task);
  return task.runs.map(({ run, seed }) => encodeRun(toRecord(run, runSimulation(scenario, seed, { trustSnapshots: false, events: false }))));
}

export default function (task: ChunkTask): unknown {
  return move(new ChunkResult(runChunk(task)) as never);
}

/** The per-run rows of a range of runs (piscina task `rows`). */
export function rows(task: RowsTask): RowsText {
  return rowsText(task);
}

/** The summary rows of a block of months of one point (piscina task `summary`). */
export function summary(task: SummaryTask): string {
  return summaryText(task);
}
