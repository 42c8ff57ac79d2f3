/**
 * `regiosim run <scenario>`: one simulation run, written to output/<scenario>/seed-<N>/.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { measure, UNITS } from '../../core/measures.js';
import type { RunResult } from '../../core/results.js';
import { runSimulation } from '../../core/run.js';
import { fromAbsMonth } from '../../core/time.js';
import { UserError, describeValue } from '../../io/errors.js';
import { RUN_FILES, writeRunOutput } from '../../io/run-output.js';
import { assertReplaceable } from '../../io/write.js';
import { loadScenario, type LoadedScenario } from '../../io/scenario.js';
import { parseSetArgs } from '../../io/overrides.js';
import { commandLine, type CliCommand, type CliContext } from '../context.js';

/** Outcomes shown after a run (and side by side by `regiosim start`). */
export const HEADLINE_OUTCOMES = [
  'value_per_inhabitant',
  'completion_rate',
  'tasks_completed',
  'pairs_cooperating',
  'cooperation_stability',
  'trust_mean',
  'exits',
  'coordination_share',
] as const;

/** A number for people: at most 3 decimals, thousands unseparated, NaN as "n/a". */
export function formatHeadline(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return 'n/a';
  if (Number.isInteger(x)) return String(x);
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return x.toFixed(digits);
}

export function outcomeLabel(name: string): string {
  return name.replace(/_/g, ' ');
}

export function outcomeUnit(name: string): string {
  const spec = measure('run', name);
  return spec ? UNITS[spec.unit].text.en : '';
}

/** Path as shown to the user: relative to the working directory when inside it, with a trailing slash. */
export function displayDir(dir: string, cwd: string): string {
  const rel = relative(cwd, dir);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir;
  return shown.endsWith(sep) ? shown : shown + sep;
}

/** Parses `--seed`: a whole number between 0 and 2^32 - 1. */
export function parseSeed(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > 0xffffffff) {
    throw new UserError('the command line', [{ path: '--seed', expected: 'a whole number between 0 and 4294967295', found: describeValue(raw) }]);
  }
  return n;
}

export function defaultOutDir(cwd: string, scenarioName: string, seed: number): string {
  return resolve(cwd, 'output', scenarioName, `seed-${seed}`);
}

/** Runs one scenario with one seed and writes its files; returns the result. */
export async function runAndWrite(loaded: LoadedScenario, seed: number, outDir: string, ctx: CliContext): Promise<RunResult> {
  assertReplaceable(outDir);
  const result = runSimulation(loaded.scenario, seed);
  try {
    await writeRunOutput(outDir, result, { loaded, seed, command: commandLine(ctx.argv) });
  } catch (err) {
    throw unwritable(err, outDir) ?? err;
  }
  return result;
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

interface RunArgs {
  scenario: string;
  seed?: string;
  out?: string;
  set?: string | string[];
}

export const runCommand: CliCommand = {
  command: 'run <scenario>',
  describe: 'Run one scenario with one seed and write its results',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'A scenario file (.yaml) or the name of a built-in scenario (see `regiosim scenarios`)' })
      .option('seed', { type: 'string', describe: 'Random seed, a whole number (default: the scenario\'s seed, else 1)' })
      .option('out', { type: 'string', describe: 'Output directory (default: output/<scenario>/seed-<N>/)' })
      // Not `array: true`: that would swallow a scenario name after `--set a=1`; repeated options still collect into a list.
      .option('set', { type: 'string', describe: 'Override a model parameter, e.g. --set altruism=0.3 (repeat for more; see `regiosim params`)' })
      .example('regiosim run basiscoalitie --seed 3', 'Run the built-in basiscoalitie scenario with seed 3')
      .example('regiosim run my-region.yaml --set secretaryTurnoverPerYear=0.17', 'Run your own scenario with one parameter changed'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as RunArgs;
    let seedProblem: UserError | undefined;
    let seedArg: number | undefined;
    try {
      seedArg = parseSeed(args.seed);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      seedProblem = err;
    }
    let loaded: LoadedScenario;
    try {
      loaded = loadScenario(args.scenario, parseSetArgs(args.set === undefined ? [] : ([] as string[]).concat(args.set)), { cwd: ctx.cwd });
    } catch (err) {
      if (err instanceof UserError && seedProblem) throw new UserError(err.file, [...seedProblem.problems, ...err.problems]);
      throw err;
    }
    if (seedProblem) throw seedProblem;
    const seed = seedArg ?? loaded.scenario.defaultSeed;
    const outDir = args.out !== undefined ? resolve(ctx.cwd, args.out) : defaultOutDir(ctx.cwd, loaded.scenario.name, seed);
    const result = await runAndWrite(loaded, seed, outDir, ctx);

    const sc = loaded.scenario;
    ctx.out(`${sc.title}: ${sc.region.name} (${sc.region.municipalities.length} municipalities), ${fromAbsMonth(sc.start)} to ${fromAbsMonth(sc.end)}, seed ${seed}\n`);
    ctx.out(`Wrote ${displayDir(outDir, ctx.cwd)} (${RUN_FILES.join(', ')})\n`);
    ctx.out(`Outcomes over ${fromAbsMonth(sc.evaluation.from)} to ${fromAbsMonth(sc.evaluation.to)}:\n`);
    const width = Math.max(...HEADLINE_OUTCOMES.map((n) => outcomeLabel(n).length));
    for (const name of HEADLINE_OUTCOMES) {
      ctx.out(`  ${outcomeLabel(name).padEnd(width)}  ${formatHeadline(result.outcomes[name]).padStart(8)}  ${outcomeUnit(name)}\n`);
    }
    return 0;
  },
};
