/**
 * `regiosim batch`: many seeded runs of one or more scenarios (and parameter points), in
 * parallel, streamed to a crash-safe journal, then written as the batch files of
 * docs/formats.md and analysed.
 *
 *   regiosim batch <scenario...> --runs N [--seed S] [--workers W] [--out DIR] [--set p=v ...]
 *                  [--keep-timeseries] [--parquet] [--shard i/n] [--quiet] [--no-analyze]
 *   regiosim batch --experiment FILE [same options; --runs and --seed override the file]
 *   regiosim batch --resume DIR [--workers W] [--quiet] [--no-analyze]
 */
import { resolve } from 'node:path';
import { MAX_RUNS } from '../../batch/experiment.js';
import { analyzeBatch, defaultWorkers, MAX_WORKERS, planBatch, resumableBatch, resumeBatch, runBatch, tidyCompleteBatch, type PlannedBatch } from '../../api/index.js';
import { parseShard, shardRuns, totalRuns } from '../../batch/plan.js';
import { chooseProgress } from '../../batch/progress.js';
import { formatter, t } from '../../i18n/index.js';
import { describeValue, UserError, type Problem } from '../../io/errors.js';
import { parseSetArgs } from '../../io/overrides.js';
import { commandLine, type CliCommand, type CliContext } from '../context.js';
import { displayDir } from './run.js';

interface BatchArgs {
  scenario?: string[];
  runs?: string;
  seed?: string;
  workers?: string;
  out?: string;
  set?: string[];
  keepTimeseries?: boolean;
  parquet?: boolean;
  shard?: string;
  quiet?: boolean;
  experiment?: string;
  resume?: string;
  analyze?: boolean;
}

function wholeNumber(problems: Problem[], option: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.push({ path: option, expected: `a whole number between ${min} and ${max}`, found: describeValue(raw) });
    return undefined;
  }
  return n;
}

export { defaultBatchDir } from '../../api/index.js';

export const batchCommand: CliCommand = {
  command: 'batch [scenario..]',
  collectsProblems: true,
  describe: 'Run many seeded replications of scenarios or an experiment file, in parallel',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', array: true, describe: 'Scenario files or built-in scenario names' })
      .option('runs', { type: 'string', describe: 'Replications per scenario (and parameter point)' })
      .option('seed', { type: 'string', describe: 'Master seed (default 1); replication k gets seed deriveSeed(seed, k) in every scenario' })
      .option('workers', { type: 'string', describe: `Worker threads (default: all cores, here ${defaultWorkers()})` })
      .option('out', { type: 'string', describe: 'Output directory (default: output/batch/<name>/)' })
      .option('set', { type: 'string', array: true, describe: 'Override a model parameter in every run, e.g. --set altruism=0.3 (repeatable)' })
      .option('keep-timeseries', { type: 'boolean', default: false, describe: 'Also write every run\'s monthly series (timeseries-runs.csv)' })
      .option('parquet', { type: 'boolean', default: false, describe: 'Also write runs.parquet and, with --keep-timeseries, timeseries-runs.parquet (same columns as the CSV, for pandas, R and DuckDB)' })
      .option('shard', { type: 'string', describe: 'Run only slice i of n of the batch (runs with run % n == i), for clusters; join with `regiosim merge`' })
      .option('experiment', { type: 'string', describe: 'An experiment file (YAML): scenarios, parameter variations, replications, seed' })
      .option('resume', { type: 'string', describe: 'Continue the unfinished batch in this directory (runs only what is missing)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress or summary output' })
      .option('analyze', { type: 'boolean', default: true, describe: 'Analyse the batch when it is done (--no-analyze to skip)' })
      .example('regiosim batch wgr-plus-abolished basiscoalitie --runs 200', 'Two scenarios, 200 paired replications each')
      .example('regiosim batch --experiment scenarios/experiments/trust-grid.yaml', 'A parameter grid from an experiment file')
      .example('regiosim batch --resume output/batch/trust-grid', 'Finish a batch that was interrupted')
      .example('regiosim batch basiscoalitie --runs 1000 --keep-timeseries --parquet', 'Every run\'s monthly series, also as timeseries-runs.parquet')
      .example('regiosim batch basiscoalitie --runs 1000 --shard 0/4 --out shard-0', 'The first of four slices (then: regiosim merge shard-* --out all)'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as BatchArgs;
    const command = commandLine(ctx.argv);
    const problems: Problem[] = [...ctx.problems];
    const scenarios = args.scenario ?? [];
    const workersArg = wholeNumber(problems, '--workers', args.workers, 1, MAX_WORKERS);
    const workers = workersArg ?? defaultWorkers();

    if (args.resume !== undefined) {
      for (const [given, option] of [
        [scenarios.length > 0, 'scenario'],
        [args.experiment !== undefined, '--experiment'],
        [args.runs !== undefined, '--runs'],
        [args.seed !== undefined, '--seed'],
        [(args.set ?? []).length > 0, '--set'],
        [args.keepTimeseries === true, '--keep-timeseries'],
        [args.parquet === true, '--parquet'],
        [args.shard !== undefined, '--shard'],
        [args.out !== undefined, '--out'],
      ] as const) {
        if (given) problems.push({ path: option, expected: `nothing with --resume (the batch's settings come from ${args.resume}/manifest.json)`, found: option === 'scenario' ? scenarios.map((s) => JSON.stringify(s)).join(', ') : 'a value' });
      }
      if (problems.length > 0) throw new UserError('the command line', problems);
      const out = resolve(ctx.cwd, args.resume);
      const { manifest, planned } = resumableBatch(out);
      if (manifest.status === 'complete') {
        tidyCompleteBatch(out, manifest);
        if (!args.quiet) ctx.err(t('cli.alreadyComplete', ctx.lang, { dir: displayDir(out, ctx.cwd), n: manifest.counts.done }) + '\n');
        return 0;
      }
      return execute(planned, true, workers, manifest.keep_timeseries, args, ctx, command);
    }

    // A new batch: from an experiment file, or from scenarios on the command line.
    const shardParsed = args.shard !== undefined ? parseShard(args.shard) : undefined;
    if (shardParsed && !shardParsed.ok) problems.push(shardParsed.problem);
    const shard = shardParsed?.ok ? shardParsed.shard : null;
    const runs = wholeNumber(problems, '--runs', args.runs, 1, MAX_RUNS);
    const seed = wholeNumber(problems, '--seed', args.seed, 0, 0xffffffff);
    const planned = planBatch(
      { scenarios, ...(args.experiment !== undefined ? { experiment: args.experiment } : {}), ...(runs !== undefined ? { runs } : {}), ...(seed !== undefined ? { seed } : {}), set: parseSetArgs(args.set ?? []), shard, ...(args.out !== undefined ? { out: args.out } : {}), cwd: ctx.cwd },
      problems,
    );
    return execute(planned, false, workers, args.keepTimeseries === true, args, ctx, command);
  },
};

async function execute(planned: PlannedBatch, resume: boolean, workers: number, keepTimeseries: boolean, args: BatchArgs, ctx: CliContext, command: string): Promise<number> {
  const { plan, shard, out } = planned;
  const quiet = args.quiet === true;
  const planned_ = shardRuns(totalRuns(plan), shard);
  const label = `batch ${plan.name}${shard ? ` shard ${shard.index}/${shard.count}` : ''}`;
  const progress = chooseProgress({ quiet, label, err: ctx.err, lang: ctx.lang });
  const t0 = performance.now();
  // The analysis is part of the batch: done before it is marked complete, so that a batch killed
  // during it is finished by --resume like one killed during its runs.
  const analyse = args.analyze !== false && !shard && plan.replications >= 2;
  const exec = { workers, keepTimeseries, parquet: args.parquet === true, command, progress, signal: ctx.signal, ...(analyse ? { beforeComplete: (dir: string) => void analyzeBatch(dir, { lang: ctx.lang }) } : {}) };
  const result = resume ? (await resumeBatch(out, exec))! : await runBatch(planned, exec);
  const secs = (performance.now() - t0) / 1000;
  const shown = displayDir(out, ctx.cwd);
  const analysed = analyse;
  if (args.analyze !== false && !shard && plan.replications < 2 && !quiet) ctx.err(t('cli.oneReplication', ctx.lang) + '\n');
  if (!quiet) {
    const { lang } = ctx;
    ctx.out(t('cli.batchDone', lang, {
      name: plan.name, planned: planned_, scenarios: plan.scenarios.length, points: plan.points.length, replications: plan.replications,
      shard: shard ? t('cli.inShard', lang, { index: shard.index, count: shard.count }) : '', ran: result.ran, resumed: result.resumed ? t('cli.fromBefore', lang, { n: result.resumed }) : '',
      secs: formatter(lang).decimal(secs, 1), workers: Math.min(workers, Math.max(1, result.ran)),
    }) + '\n');
    ctx.out(t(analysed ? 'cli.withAnalysis' : 'cli.wroteDir', lang, { dir: shown }) + '\n');
    if (shard) ctx.out(t('cli.mergeHint', lang, { count: shard.count }) + '\n');
  }
  return 0;
}
