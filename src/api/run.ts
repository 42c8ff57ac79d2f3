/** Scenarios and single runs through the library: load and validate, run one simulation, write its files. */
import { resolve } from 'node:path';
import type { RunResult } from '../core/results.js';
import { runSimulation, type RunOptions } from '../core/run.js';
import { UserError, type Problem } from '../io/errors.js';
import { writeRunOutput } from '../io/run-output.js';
import { listBuiltinScenarios, loadScenario, type BuiltinScenario, type LoadedScenario } from '../io/scenario.js';
import { assertReplaceable, outputProblem } from '../io/write.js';
import type { Lang } from '../i18n/index.js';
import { storyFromTexts } from '../render/story.js';

export type { BuiltinScenario, LoadedScenario, RunOptions, RunResult };
export { listBuiltinScenarios, loadScenario, runSimulation };

/** A scenario file checked without running it: ok, or every problem (path, expected, found). */
export function validateScenario(fileOrName: string, options: { cwd?: string } = {}): { ok: true; scenario: LoadedScenario } | { ok: false; file: string; problems: readonly Problem[] } {
  try {
    return { ok: true, scenario: loadScenario(fileOrName, {}, options) };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, file: err.file, problems: err.problems };
    throw err;
  }
}

export interface Simulation {
  loaded: LoadedScenario;
  seed: number;
  result: RunResult;
}

/**
 * Runs one scenario (a loaded one, a built-in name or a file) with one seed (default: the
 * scenario's own).
 */
export function simulate(scenario: string | LoadedScenario, options: { seed?: number; set?: Readonly<Record<string, number | string>>; cwd?: string } & RunOptions = {}): Simulation {
  const loaded = typeof scenario === 'string' ? loadScenario(scenario, options.set ?? {}, { cwd: options.cwd }) : scenario;
  const seed = options.seed ?? loaded.scenario.defaultSeed;
  return { loaded, seed, result: runSimulation(loaded.scenario, seed, options) };
}

const FS_USER_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'a read-only file system',
  ENOTDIR: 'a path through a file, not a directory',
  ENOSPC: 'a full disk',
  EEXIST: 'a file in the way',
};

/** A file-system error caused by where the user asked us to write, as a UserError (else undefined). */
export function unwritable(err: unknown, dir: string): UserError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why = code ? FS_USER_ERRORS[code] : undefined;
  if (!why) return undefined;
  return new UserError('the command line', [{ path: '--out', expected: 'a directory regiosim can create and write', found: `${dir}: ${why}` }]);
}

/** Default output directory of a run: output/<scenario>/seed-<N>/. */
export function defaultRunDir(cwd: string, scenarioName: string, seed: number): string {
  return resolve(cwd, 'output', scenarioName, `seed-${seed}`);
}

/**
 * Writes a run's files (timeseries.csv, events.jsonl, summary.json, trust.csv, story.md in
 * `lang`, manifest.json) into `dir`, each atomically; other files in `dir` are left alone.
 */
export async function writeRun(dir: string, sim: Simulation, options: { command?: string; lang?: Lang } = {}): Promise<void> {
  const where = outputProblem(dir, '--out', { kind: 'dir', siblings: true });
  if (where) throw new UserError('the command line', [where]);
  assertReplaceable(dir);
  try {
    const lang = options.lang ?? 'en';
    await writeRunOutput(dir, sim.result, { loaded: sim.loaded, seed: sim.seed, command: options.command ?? 'regiosim (library)' }, (texts) => storyFromTexts(texts, lang));
  } catch (err) {
    throw unwritable(err, dir) ?? err;
  }
}
