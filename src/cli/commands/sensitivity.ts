/**
 * `regiosim sensitivity <scenario>`: Morris screening or Sobol indices of model parameters,
 * run through the batch machinery (parallel workers, resumable) (src/analysis/sensitivity.ts).
 *
 *   regiosim sensitivity <scenario> --method morris|sobol --params a,b,c [--n N]
 *       [--range a=min:max ...] [--outcome NAME ...] [--replications R] [--levels L]
 *       [--bootstrap B] [--seed S] [--workers W] [--out DIR] [--quiet]
 *
 * Running the same command again on the same --out directory continues an interrupted batch
 * (or, when it is complete, only recomputes the indices).
 */
import { resolve } from 'node:path';
import { checkSensitivityOptions, DEFAULTS, METHODS, runSensitivity, type SensitivityOptions, type SensitivityRow } from '../../analysis/sensitivity.js';
import { defaultWorkers, MAX_WORKERS, sensitivityRunner } from '../../api/index.js';
import { chooseProgress } from '../../batch/progress.js';
import { formatter, measureUnit, t, type Lang } from '../../i18n/index.js';
import { UserError, type Problem } from '../../io/errors.js';
import { formatNumber } from '../../formats/text.js';
import { loadScenario } from '../../io/scenario.js';
import { outputProblem } from '../../io/write.js';
import { commandLine, type CliCommand } from '../context.js';
import { numberOption } from './analyze.js';
import { displayDir } from './run.js';

interface SensitivityArgs {
  scenario: string;
  compare?: string;
  method?: string;
  params?: string[];
  n?: string;
  range?: string[];
  outcome?: string[];
  replications?: string;
  levels?: string;
  bootstrap?: string;
  seed?: string;
  workers?: string;
  out?: string;
  quiet?: boolean;
}

/** Outcomes whose ranking is printed when no --outcome is given. */
const PRINTED = ['cooperation_stability', 'value_per_inhabitant', 'completion_rate', 'trust_mean'];

function ranking(rows: SensitivityRow[], outcome: string, lang: Lang): string[] {
  const mine = rows.filter((r) => r.outcome === outcome);
  const unit = measureUnit('run', outcome, lang);
  if (mine.length === 0) return [];
  if (mine[0]!.method === 'morris') {
    if (mine.some((r) => !Number.isFinite(r.mu_star!))) return [t('cli.notDefined', lang, { outcome })];
    const sorted = [...mine].sort((a, b) => b.mu_star! - a.mu_star!);
    return [
      t('cli.morrisRanking', lang, { outcome, unit }),
      ...sorted.map((r, i) => `  ${String(i + 1).padStart(2)}. ${r.parameter.padEnd(30)} mu* ${formatNumber(Number(r.mu_star!.toPrecision(3))).padStart(10)}   mu ${formatNumber(Number(r.mu!.toPrecision(3))).padStart(10)}   sigma ${formatNumber(Number(r.sigma!.toPrecision(3))).padStart(10)}`),
    ];
  }
  if (mine.some((r) => !Number.isFinite(r.st!))) return [t('cli.indicesUndefined', lang, { outcome })];
  const sorted = [...mine].sort((a, b) => b.st! - a.st!);
  const f = (x: number | null): string => (x === null ? '' : formatter(lang).decimal(x, 2));
  return [
    t('cli.sobolRanking', lang, { outcome, unit }),
    ...sorted.map((r, i) => `  ${String(i + 1).padStart(2)}. ${r.parameter.padEnd(30)} S1 ${f(r.s1)} [${f(r.s1_lo)}, ${f(r.s1_hi)}]   ST ${f(r.st)} [${f(r.st_lo)}, ${f(r.st_hi)}]`),
  ];
}

export const sensitivityCommand: CliCommand = {
  command: 'sensitivity <scenario>',
  collectsProblems: true,
  describe: 'Which parameters drive the outcomes: Morris screening or Sobol indices, run as a batch',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'A scenario file or built-in scenario name' })
      .option('compare', { type: 'string', describe: 'A second scenario: indices of the paired difference scenario − compare (the same seeds at every point), not of the scenario alone' })
      .option('method', { type: 'string', describe: `${METHODS.join(' or ')}: Morris screens many parameters cheaply; Sobol apportions the variance` })
      .option('params', { type: 'string', array: true, describe: 'Parameters to vary, separated by commas (see `regiosim params`)' })
      .option('n', { type: 'string', describe: `Morris trajectories (default ${DEFAULTS.morrisN}) or Sobol base sample size (default ${DEFAULTS.sobolN}; n·(k+2) points)` })
      .option('range', { type: 'string', array: true, describe: 'A range other than the declared bounds: name=min:max (repeatable)' })
      .option('outcome', { type: 'string', array: true, describe: 'Outcomes to analyse (repeatable; default: all)' })
      .option('replications', { type: 'string', describe: `Seeded runs per design point, averaged (default ${DEFAULTS.replications}); the same seeds at every point` })
      .option('levels', { type: 'string', describe: `Morris grid levels (even, default ${DEFAULTS.levels})` })
      .option('bootstrap', { type: 'string', describe: `Sobol bootstrap resamples for the intervals (default ${DEFAULTS.bootstrap})` })
      .option('seed', { type: 'string', describe: 'Seed of the design and master seed of the runs (default 1)' })
      .option('workers', { type: 'string', describe: `Worker threads (default: all cores, here ${defaultWorkers()})` })
      .option('out', { type: 'string', describe: 'Output directory (default: output/sensitivity/<scenario>-<method>/)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress output' })
      .example('regiosim sensitivity basiscoalitie --method morris --params altruism,trustDrift,secretaryTurnoverPerYear,exitThreshold', 'Screen four parameters')
      .example('regiosim sensitivity basiscoalitie --compare wgr-plus-abolished --method morris --params exitThreshold,altruism,kind.basiscoalitie.coordination', 'Which parameters decide how much better the basiscoalitie does than no structure')
      .example('regiosim sensitivity basiscoalitie --method sobol --params altruism,trustDrift --n 128 --outcome cooperation_stability', 'Sobol indices of two parameters for one outcome'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as SensitivityArgs;
    const problems: Problem[] = [...ctx.problems];
    const whole = (x: number): boolean => Number.isInteger(x);
    const n = numberOption(problems, '--n', args.n, 'a whole number', whole);
    const replications = numberOption(problems, '--replications', args.replications, 'a whole number of runs per design point, at least 1', (x) => whole(x) && x >= 1);
    const levels = numberOption(problems, '--levels', args.levels, 'an even whole number of grid levels, at least 2 (4 is usual)', whole);
    const bootstrap = numberOption(problems, '--bootstrap', args.bootstrap, 'a whole number of resamples, at least 1', (x) => whole(x) && x >= 1);
    const seed = numberOption(problems, '--seed', args.seed, 'a whole number between 0 and 4294967295', (x) => whole(x) && x >= 0 && x <= 0xffffffff);
    const workers = numberOption(problems, '--workers', args.workers, `a whole number between 1 and ${MAX_WORKERS}`, (x) => whole(x) && x >= 1 && x <= MAX_WORKERS) ?? defaultWorkers();
    if (args.method === undefined) problems.push({ path: '--method', expected: `one of ${METHODS.join(', ')}`, found: 'nothing' });
    const params = (args.params ?? []).flatMap((p) => String(p).split(',')).map((p) => p.trim()).filter((p) => p !== '');
    const options: SensitivityOptions = {
      scenario: args.scenario,
      method: args.method ?? '',
      params,
      ranges: (args.range ?? []).map(String),
      n,
      levels,
      replications,
      seed,
      bootstrap,
      outcomes: (args.outcome ?? []).flatMap((o) => String(o).split(',')).map((o) => o.trim()).filter((o) => o !== ''),
      out: '',
      ...(args.compare !== undefined ? { compare: args.compare } : {}),
    };
    // Every problem on the command line at once, before the scenario is read.
    try {
      checkSensitivityOptions({ ...options, method: options.method || 'morris' });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(...err.problems);
    }
    const outGiven = args.out !== undefined ? resolve(ctx.cwd, args.out) : undefined;
    const givenProblem = outGiven ? outputProblem(outGiven, '--out', { kind: 'dir' }, args.out) : null;
    if (givenProblem) problems.push(givenProblem);
    if (problems.length > 0) throw new UserError('the command line', problems);

    const loaded = loadScenario(args.scenario, {}, { cwd: ctx.cwd });
    const ref = loaded.builtin ?? resolve(ctx.cwd, args.scenario);
    const other = args.compare !== undefined ? loadScenario(args.compare, {}, { cwd: ctx.cwd }) : undefined;
    const otherRef = other ? other.builtin ?? resolve(ctx.cwd, args.compare!) : undefined;
    if (other && other.scenario.name === loaded.scenario.name) throw new UserError('the command line', [{ path: '--compare', expected: 'a scenario other than the one analysed', found: JSON.stringify(args.compare) }]);
    const out = outGiven ?? resolve(ctx.cwd, 'output', 'sensitivity', `${loaded.scenario.name}${other ? `-vs-${other.scenario.name}` : ''}-${options.method}`);
    const defaultProblem = outGiven ? null : outputProblem(out, 'the output directory', { kind: 'dir' }, displayDir(out, ctx.cwd));
    if (defaultProblem) throw new UserError('the command line', [defaultProblem]);
    const command = commandLine(ctx.argv);
    const quiet = args.quiet === true;
    const runner = sensitivityRunner({
      workers, command, cwd: ctx.cwd, signal: ctx.signal,
      progress: chooseProgress({ quiet, label: `sensitivity ${options.method}-${loaded.scenario.name}`, err: ctx.err, lang: ctx.lang }),
      onReuse: (n) => {
        if (!quiet) ctx.err(t('cli.sensitivityReuse', ctx.lang, { dir: displayDir(out, ctx.cwd), n }) + '\n');
      },
    });
    const result = await runSensitivity({ ...options, scenario: ref, out, ...(otherRef !== undefined ? { compare: otherRef } : {}) }, loaded.scenario.name, runner, command, other?.scenario.name);

    const shown = displayDir(out, ctx.cwd);
    const k = result.design.ranges.length;
    const { lang } = ctx;
    ctx.out(t('cli.sensitivityHeader', lang, { method: t(result.design.method === 'morris' ? 'cli.morris' : 'cli.sobol', lang), k, scenario: other ? t('cli.sensitivityDifference', lang, { a: loaded.scenario.name, b: other.scenario.name }) : loaded.scenario.name, points: result.design.points.length, replications: result.spec.replications }) + '\n');
    const printed = options.outcomes && options.outcomes.length > 0 ? options.outcomes : PRINTED;
    for (const outcome of printed) for (const line of ranking(result.rows, outcome, lang)) ctx.out(line + '\n');
    if (result.undefinedOutcomes.length > 0) ctx.out(t('cli.undefinedOutcomes', lang, { list: result.undefinedOutcomes.join(', ') }) + '\n');
    ctx.out(t('cli.sensitivityWrote', lang, { dir: shown }) + '\n');
  },
};
