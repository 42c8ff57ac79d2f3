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
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSensitivityOptions, DEFAULTS, METHODS, outcomeUnit, runSensitivity, type SensitivityOptions, type SensitivityRow } from '../../analysis/sensitivity.js';
import type { ExperimentSpec } from '../../batch/experiment.js';
import { MANIFEST, readManifest } from '../../batch/manifest.js';
import { buildPlan } from '../../batch/plan.js';
import { chooseProgress } from '../../batch/progress.js';
import { defaultWorkers, runBatch } from '../../batch/runner.js';
import { UserError, type Problem } from '../../io/errors.js';
import { formatNumber } from '../../formats/text.js';
import { loadScenario } from '../../io/scenario.js';
import { commandLine, type CliCommand, type CliContext } from '../context.js';
import { numberOption } from './analyze.js';
import { displayDir } from './run.js';

interface SensitivityArgs {
  scenario: string;
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

/** The batch machinery as the sensitivity runner: a fresh batch, or the continuation of the same experiment in `out`. */
function batchRunner(ctx: CliContext, workers: number, quiet: boolean, command: string) {
  return async (spec: ExperimentSpec, out: string): Promise<void> => {
    const plan = buildPlan(spec, 'the command line', null, ctx.cwd);
    let resume = false;
    if (existsSync(join(out, MANIFEST))) {
      let previous;
      try {
        previous = readManifest(out, '--out');
      } catch {
        previous = undefined; // not a batch: runBatch decides whether it may be replaced
      }
      if (previous && previous.experiment.hash === plan.hash) {
        if (previous.status === 'complete' && existsSync(join(out, 'runs.csv'))) {
          if (!quiet) ctx.err(`regiosim: ${displayDir(out, ctx.cwd)} already holds this design's ${previous.counts.done} runs; computing the indices only.\n`);
          return;
        }
        resume = true;
      }
    }
    const progress = chooseProgress({ quiet, label: `sensitivity ${plan.name}`, err: ctx.err });
    await runBatch(plan, { out, workers, shard: null, keepTimeseries: false, command, progress }, resume);
  };
}

function ranking(rows: SensitivityRow[], outcome: string): string[] {
  const mine = rows.filter((r) => r.outcome === outcome);
  const unit = outcomeUnit(outcome);
  if (mine.length === 0) return [];
  if (mine[0]!.method === 'morris') {
    if (mine.some((r) => !Number.isFinite(r.mu_star!))) return [`${outcome}: not defined at every design point (see sensitivity.csv)`];
    const sorted = [...mine].sort((a, b) => b.mu_star! - a.mu_star!);
    return [
      `${outcome} (${unit}), effect of moving each parameter across its range:`,
      ...sorted.map((r, i) => `  ${String(i + 1).padStart(2)}. ${r.parameter.padEnd(30)} mu* ${formatNumber(Number(r.mu_star!.toPrecision(3))).padStart(10)}   mu ${formatNumber(Number(r.mu!.toPrecision(3))).padStart(10)}   sigma ${formatNumber(Number(r.sigma!.toPrecision(3))).padStart(10)}`),
    ];
  }
  if (mine.some((r) => !Number.isFinite(r.st!))) return [`${outcome}: indices undefined (constant, or not defined at every point; see sensitivity.csv)`];
  const sorted = [...mine].sort((a, b) => b.st! - a.st!);
  const f = (x: number | null): string => (x === null ? '' : x.toFixed(2));
  return [
    `${outcome} (${unit}), share of its variance:`,
    ...sorted.map((r, i) => `  ${String(i + 1).padStart(2)}. ${r.parameter.padEnd(30)} S1 ${f(r.s1)} [${f(r.s1_lo)}, ${f(r.s1_hi)}]   ST ${f(r.st)} [${f(r.st_lo)}, ${f(r.st_hi)}]`),
  ];
}

export const sensitivityCommand: CliCommand = {
  command: 'sensitivity <scenario>',
  describe: 'Which parameters drive the outcomes: Morris screening or Sobol indices, run as a batch',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'A scenario file or built-in scenario name' })
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
      .example('regiosim sensitivity basiscoalitie --method sobol --params altruism,trustDrift --n 128 --outcome cooperation_stability', 'Sobol indices of two parameters for one outcome'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as SensitivityArgs;
    const problems: Problem[] = [];
    const whole = (x: number): boolean => Number.isInteger(x);
    const n = numberOption(problems, '--n', args.n, 'a whole number', whole);
    const replications = numberOption(problems, '--replications', args.replications, 'a whole number of runs per design point, at least 1', (x) => whole(x) && x >= 1);
    const levels = numberOption(problems, '--levels', args.levels, 'an even whole number of grid levels, at least 2 (4 is usual)', whole);
    const bootstrap = numberOption(problems, '--bootstrap', args.bootstrap, 'a whole number of resamples, at least 1', (x) => whole(x) && x >= 1);
    const seed = numberOption(problems, '--seed', args.seed, 'a whole number between 0 and 4294967295', (x) => whole(x) && x >= 0 && x <= 0xffffffff);
    const workers = numberOption(problems, '--workers', args.workers, 'a whole number between 1 and 1024', (x) => whole(x) && x >= 1 && x <= 1024) ?? defaultWorkers();
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
    };
    // Every problem on the command line at once, before the scenario is read.
    try {
      checkSensitivityOptions({ ...options, method: options.method || 'morris' });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(...err.problems);
    }
    if (problems.length > 0) throw new UserError('the command line', problems);

    const loaded = loadScenario(args.scenario, {}, { cwd: ctx.cwd });
    const ref = loaded.builtin ?? resolve(ctx.cwd, args.scenario);
    const out = args.out !== undefined ? resolve(ctx.cwd, args.out) : resolve(ctx.cwd, 'output', 'sensitivity', `${loaded.scenario.name}-${options.method}`);
    const command = commandLine(ctx.argv);
    const result = await runSensitivity({ ...options, scenario: ref, out }, loaded.scenario.name, batchRunner(ctx, workers, args.quiet === true, command), command);

    const shown = displayDir(out, ctx.cwd);
    const k = result.design.ranges.length;
    ctx.out(
      `${result.design.method === 'morris' ? 'Morris screening' : 'Sobol indices'} of ${k} parameter${k === 1 ? '' : 's'} on ${loaded.scenario.name}: ` +
        `${result.design.points.length} design points × ${result.spec.replications} replication${result.spec.replications === 1 ? '' : 's'}.\n`,
    );
    const printed = options.outcomes && options.outcomes.length > 0 ? options.outcomes : PRINTED;
    for (const outcome of printed) for (const line of ranking(result.rows, outcome)) ctx.out(line + '\n');
    if (result.undefinedOutcomes.length > 0) {
      ctx.out(`Not defined at every design point (indices NaN): ${result.undefinedOutcomes.join(', ')}.\n`);
    }
    ctx.out(`Wrote ${shown}sensitivity.csv (all outcomes) and ${shown}experiment.yaml (the design as an experiment), beside the batch files.\n`);
  },
};
