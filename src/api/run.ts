/** Scenarios and single runs through the library: load and validate, run one simulation, write its files. */
import { resolve } from 'node:path';
import type { RunResult } from '../core/results.js';
import { runSimulation, type RunOptions } from '../core/run.js';
import { TRUST_OUTPUTS, type TrustOutput } from '../formats/files.js';
import { UserError, describeValue, type Problem } from '../io/errors.js';
import { writeRunOutput } from '../io/run-output.js';
import { listBuiltinScenarios, loadScenario, type BuiltinScenario, type LoadedScenario } from '../io/scenario.js';
import { assertReplaceable, outputProblem } from '../io/write.js';
import type { Lang } from '../i18n/index.js';
import { storyFromTexts } from '../render/story.js';

export type { BuiltinScenario, LoadedScenario, RunOptions, RunResult, TrustOutput };
export { TRUST_OUTPUTS };
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
  /** What {@link writeRun} writes of the trust snapshots (absent: all). */
  trust?: TrustOutput;
}

/** Checks a `--trust` value (`trust` in the library): one of TRUST_OUTPUTS, else a UserError naming `path`. */
export function parseTrustOutput(raw: unknown, path = '--trust'): TrustOutput {
  if (typeof raw === 'string' && (TRUST_OUTPUTS as readonly string[]).includes(raw)) return raw as TrustOutput;
  throw new UserError('the command line', [{ path, expected: `one of ${TRUST_OUTPUTS.join(', ')}`, found: describeValue(raw) }]);
}

/**
 * Runs one scenario (a loaded one, a built-in name or a file) with one seed (default: the
 * scenario's own). `trust` chooses what writeRun writes of the trust snapshots (docs/formats.md,
 * trust.csv): `all` (default), `sparse`, or `none`, which also skips collecting them.
 */
export function simulate(scenario: string | LoadedScenario, options: { seed?: number; set?: Readonly<Record<string, number | string>>; cwd?: string; trust?: TrustOutput } & RunOptions = {}): Simulation {
  const trust = options.trust === undefined ? undefined : parseTrustOutput(options.trust, 'trust');
  const loaded = typeof scenario === 'string' ? loadScenario(scenario, options.set ?? {}, { cwd: options.cwd }) : scenario;
  const seed = options.seed ?? loaded.scenario.defaultSeed;
  const run: RunOptions = trust === 'none' ? { ...options, trustSnapshots: false } : options;
  return { loaded, seed, result: runSimulation(loaded.scenario, seed, run), ...(trust ? { trust } : {}) };
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
 * trust.csv follows `sim.trust` (sparse, or none: no file).
 */
export async function writeRun(dir: string, sim: Simulation, options: { command?: string; lang?: Lang } = {}): Promise<void> {
  const where = outputProblem(dir, '--out', { kind: 'dir', siblings: true });
  if (where) throw new UserError('the command line', [where]);
  assertReplaceable(dir);
  try {
    const lang = options.lang ?? 'en';
    const trust = sim.trust ?? (sim.result.trust.length === 0 ? 'none' : 'all');
    await writeRunOutput(dir, sim.result, { loaded: sim.loaded, seed: sim.seed, command: options.command ?? 'regiosim (library)', trust }, (texts) => storyFromTexts(texts, lang));
  } catch (err) {
    throw unwritable(err, dir) ?? err;
  }
}
