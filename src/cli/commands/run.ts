/**
 * `regiosim run <scenario>`: one simulation run, written to output/<scenario>/seed-<N>/.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { defaultRunDir, parseTrustOutput, simulate, TRUST_OUTPUTS, writeRun, type TrustOutput } from '../../api/index.js';
import { HEADLINE } from '../../core/measures.js';
import { fromAbsMonth } from '../../core/time.js';
import { formatter, measureName, measureUnit, t } from '../../i18n/index.js';
import { UserError, describeValue, type Problem } from '../../io/errors.js';
import { OutputDirError, assertReplaceable, outputProblem } from '../../io/write.js';
import { parseSetArgs } from '../../io/overrides.js';
import { runFiles } from '../../io/run-output.js';
import { loadScenario, type LoadedScenario } from '../../io/scenario.js';
import { commandLine, failOn, type CliCommand } from '../context.js';

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

/** The problem with replacing `dir` (a directory that is not an earlier result), or null. */
function replaceProblem(dir: string): Problem | null {
  try {
    assertReplaceable(dir);
    return null;
  } catch (err) {
    if (err instanceof OutputDirError) return { path: '--out', expected: 'an empty directory, a new one, or a previous regiosim result to replace', found: `${err.dir}: ${err.found}` };
    throw err;
  }
}

interface RunArgs {
  scenario: string;
  seed?: string;
  out?: string;
  set?: string | string[];
  trust?: unknown;
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
      .option('trust', { type: 'string', describe: `What trust.csv holds: ${TRUST_OUTPUTS.join(', ')} (default all; sparse: only pairs away from trustBase; none: no trust.csv, faster for large regions)` })
      .example('regiosim run basiscoalitie --seed 3', 'Run the built-in basiscoalitie scenario with seed 3')
      .example('regiosim run my-region.yaml --set secretaryTurnoverPerYear=0.17', 'Run your own scenario with one parameter changed')
      .example('regiosim run national --trust sparse', 'Run the 355 municipalities, writing only the trust pairs away from the neutral level'),
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
    // Every problem before any work: the options, the scenario and where the files would go.
    const optionProblems: Problem[] = [...(seedProblem?.problems ?? [])];
    let trust: TrustOutput = 'all';
    if (args.trust !== undefined) {
      try {
        trust = parseTrustOutput(Array.isArray(args.trust) ? args.trust[args.trust.length - 1] : args.trust);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        optionProblems.push(...err.problems);
      }
    }
    const outGiven = args.out !== undefined ? resolve(ctx.cwd, args.out) : undefined;
    const outProblem = (dir: string, shown: string): Problem | null => outputProblem(dir, args.out !== undefined ? '--out' : 'the output directory', { kind: 'dir', siblings: true }, shown) ?? replaceProblem(dir);
    if (outGiven) {
      const p = outProblem(outGiven, args.out!);
      if (p) optionProblems.push(p);
    }
    let loaded: LoadedScenario;
    try {
      loaded = loadScenario(args.scenario, parseSetArgs(args.set === undefined ? [] : ([] as string[]).concat(args.set)), { cwd: ctx.cwd });
    } catch (err) {
      if (err instanceof UserError && optionProblems.length > 0) throw new UserError(err.file, [...optionProblems, ...err.problems]);
      throw err;
    }
    const seed = seedArg ?? loaded.scenario.defaultSeed;
    const outDir = outGiven ?? defaultRunDir(ctx.cwd, loaded.scenario.name, seed);
    if (!outGiven) {
      const p = outProblem(outDir, displayDir(outDir, ctx.cwd));
      if (p) optionProblems.push(p);
    }
    failOn(ctx, optionProblems);
    const sim = simulate(loaded, { seed, trust });
    await writeRun(outDir, sim, { command: commandLine(ctx.argv), lang: ctx.lang });

    const sc = loaded.scenario;
    const { lang } = ctx;
    const fmt = formatter(lang);
    ctx.out(t('cli.runHeader', lang, { title: sc.title, region: sc.region.name, n: sc.region.municipalities.length, start: fmt.month(fromAbsMonth(sc.start)), end: fmt.month(fromAbsMonth(sc.end)), seed }) + '\n');
    ctx.out(t('cli.wrote', lang, { dir: displayDir(outDir, ctx.cwd), files: runFiles(trust).join(', ') }) + '\n');
    ctx.out(t('cli.outcomesOver', lang, { from: fmt.month(fromAbsMonth(sc.evaluation.from)), to: fmt.month(fromAbsMonth(sc.evaluation.to)) }) + '\n');
    const width = Math.max(...HEADLINE.map((id) => measureName('run', id, lang).length));
    for (const id of HEADLINE) {
      ctx.out(`  ${measureName('run', id, lang).padEnd(width)}  ${fmt.short(sim.result.outcomes[id]).padStart(8)}  ${measureUnit('run', id, lang)}\n`);
    }
    return 0;
  },
};
