/**
 * `regiosim batch`: many seeded runs of one or more scenarios (and parameter points), in
 * parallel, streamed to a crash-safe journal, then written as the batch files of
 * docs/formats.md and analysed.
 *
 *   regiosim batch <scenario...> --runs N [--seed S] [--workers W] [--out DIR] [--set p=v ...]
 *                  [--keep-timeseries] [--shard i/n] [--quiet] [--no-analyze]
 *   regiosim batch --experiment FILE [same options; --runs and --seed override the file]
 *   regiosim batch --resume DIR [--workers W] [--quiet] [--no-analyze]
 */
import { resolve } from 'node:path';
import { analyzeBatch } from '../../analysis/analyze.js';
import { expandExperiment, loadExperiment, type ExperimentSpec } from '../../batch/experiment.js';
import { planFromManifest, readManifest, type BatchManifest } from '../../batch/manifest.js';
import { buildPlan, parseShard, shardRuns, totalRuns, type BatchPlan, type Shard } from '../../batch/plan.js';
import { chooseProgress } from '../../batch/progress.js';
import { defaultWorkers, prepareFreshOutput, runBatch } from '../../batch/runner.js';
import { describeValue, UserError, type Problem } from '../../io/errors.js';
import { regiosimVersion } from '../../io/run-output.js';
import { loadScenario } from '../../io/scenario.js';
import { parseSetArgs } from '../../io/overrides.js';
import { OutputDirError } from '../../io/write.js';
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

/** Default output directory: output/batch/<name>/ (a shard: output/batch/<name>.shard-<i>-of-<n>/). */
export function defaultBatchDir(cwd: string, name: string, shard: Shard | null): string {
  return resolve(cwd, 'output', 'batch', shard ? `${name}.shard-${shard.index}-of-${shard.count}` : name);
}

export const batchCommand: CliCommand = {
  command: 'batch [scenario..]',
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
      .option('shard', { type: 'string', describe: 'Run only slice i of n of the batch (runs with run % n == i), for clusters; join with `regiosim merge`' })
      .option('experiment', { type: 'string', describe: 'An experiment file (YAML): scenarios, parameter variations, replications, seed' })
      .option('resume', { type: 'string', describe: 'Continue the unfinished batch in this directory (runs only what is missing)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress or summary output' })
      .option('analyze', { type: 'boolean', default: true, describe: 'Analyse the batch when it is done (--no-analyze to skip)' })
      .example('regiosim batch wgr-plus-abolished basiscoalitie --runs 200', 'Two scenarios, 200 paired replications each')
      .example('regiosim batch --experiment scenarios/experiments/trust-grid.yaml', 'A parameter grid from an experiment file')
      .example('regiosim batch --resume output/batch/trust-grid', 'Finish a batch that was interrupted')
      .example('regiosim batch basiscoalitie --runs 1000 --shard 0/4 --out shard-0', 'The first of four slices (then: regiosim merge shard-* --out all)'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as BatchArgs;
    const command = commandLine(ctx.argv);
    const problems: Problem[] = [];
    const scenarios = args.scenario ?? [];
    const workersArg = wholeNumber(problems, '--workers', args.workers, 1, 1024);
    const workers = workersArg ?? defaultWorkers();

    if (args.resume !== undefined) {
      for (const [given, option] of [
        [scenarios.length > 0, 'scenario'],
        [args.experiment !== undefined, '--experiment'],
        [args.runs !== undefined, '--runs'],
        [args.seed !== undefined, '--seed'],
        [(args.set ?? []).length > 0, '--set'],
        [args.keepTimeseries === true, '--keep-timeseries'],
        [args.shard !== undefined, '--shard'],
        [args.out !== undefined, '--out'],
      ] as const) {
        if (given) problems.push({ path: option, expected: `nothing with --resume (the batch's settings come from ${args.resume}/manifest.json)`, found: option === 'scenario' ? scenarios.map((s) => JSON.stringify(s)).join(', ') : 'a value' });
      }
      if (problems.length > 0) throw new UserError('the command line', problems);
      const out = resolve(ctx.cwd, args.resume);
      const manifest = readManifest(out, '--resume');
      const plan = planFromManifest(manifest, out);
      checkResumable(plan, manifest, out);
      if (manifest.status === 'complete') {
        if (!args.quiet) ctx.err(`regiosim: the batch in ${displayDir(out, ctx.cwd)} is already complete (${manifest.counts.done} runs); nothing to do.\n`);
        return 0;
      }
      return execute(plan, manifest.shard, out, true, workers, manifest.keep_timeseries, args, ctx, command);
    }

    // A new batch: from an experiment file, or from scenarios on the command line.
    const shardParsed = args.shard !== undefined ? parseShard(args.shard) : undefined;
    if (shardParsed && !shardParsed.ok) problems.push(shardParsed.problem);
    const shard = shardParsed?.ok ? shardParsed.shard : null;
    const runs = wholeNumber(problems, '--runs', args.runs, 1, 1_000_000);
    const seed = wholeNumber(problems, '--seed', args.seed, 0, 0xffffffff);
    const set = parseSetArgs(args.set ?? []);
    const fileErrors: UserError[] = [];

    let spec: ExperimentSpec | undefined;
    let source = 'the command line';
    let experimentFile: string | null = null;
    let cwd = ctx.cwd;
    if (args.experiment !== undefined) {
      if (scenarios.length > 0) problems.push({ path: 'scenario', expected: 'no scenarios with --experiment (list them in the experiment file)', found: scenarios.map((s) => JSON.stringify(s)).join(', ') });
      source = args.experiment;
      try {
        const loaded = loadExperiment(args.experiment, ctx.cwd);
        spec = loaded.spec;
        experimentFile = loaded.file;
        cwd = loaded.dir;
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        fileErrors.push(err);
      }
      if (spec) {
        spec = { ...spec, set: { ...spec.set, ...set }, replications: runs ?? spec.replications, masterSeed: seed ?? spec.masterSeed };
      }
    } else {
      if (scenarios.length === 0) problems.push({ path: 'scenario', expected: 'one or more scenarios (files or built-in names), --experiment FILE or --resume DIR', found: 'nothing' });
      if (runs === undefined && args.runs === undefined) problems.push({ path: '--runs', expected: 'the number of replications per scenario, a whole number of at least 1', found: 'nothing' });
      if (scenarios.length > 0) {
        const expanded = expandExperiment({ scenarios, replications: runs ?? 1, seed: seed ?? 1 }, '');
        if (!expanded.ok) problems.push(...expanded.problems);
        else spec = { ...expanded.spec, set };
      }
    }
    let plan: BatchPlan | undefined;
    if (spec) {
      try {
        plan = buildPlan(spec, source, experimentFile, cwd);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        if (err.file === 'the command line') problems.push(...err.problems);
        else fileErrors.push(err);
      }
    }
    if (plan && args.experiment === undefined) plan = { ...plan, name: plan.scenarios.map((s) => s.name).join('+'), title: plan.scenarios.map((s) => s.title).join(' / ') };
    const out = args.out !== undefined ? resolve(ctx.cwd, args.out) : plan ? defaultBatchDir(ctx.cwd, plan.name, shard) : undefined;
    if (out) {
      try {
        prepareFreshOutput(out);
      } catch (err) {
        if (err instanceof OutputDirError) problems.push({ path: '--out', expected: 'an empty directory, a new one, or a previous regiosim result to replace', found: `${err.dir}: ${err.found}` });
        else if (err instanceof UserError) problems.push(...err.problems.map((p) => ({ ...p, path: `${p.path} ${out}` })));
        else throw err;
      }
    }
    if (problems.length > 0 || fileErrors.length > 0 || !plan || !out) throw combine(problems, fileErrors);
    return execute(plan, shard, out, false, workers, args.keepTimeseries === true, args, ctx, command);
  },
};

/**
 * A batch may only be continued by the same regiosim version, with scenario files that have
 * not changed since it started: otherwise its runs would not belong together.
 */
function checkResumable(plan: BatchPlan, manifest: BatchManifest, dir: string): void {
  const problems: Problem[] = [];
  if (manifest.regiosim_version !== regiosimVersion()) {
    problems.push({ path: 'manifest.json regiosim_version', expected: `a batch started by this regiosim (${regiosimVersion()})`, found: `regiosim ${manifest.regiosim_version}` });
  }
  for (const s of plan.scenarios) {
    let hash: string | null = null;
    try {
      hash = loadScenario(s.load).hash;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
    }
    if (hash !== s.sha256) {
      problems.push({ path: `scenario ${s.name} (${s.file})`, expected: `the file as it was when the batch started (sha256 ${s.sha256.slice(0, 12)}…)`, found: hash === null ? 'a file that no longer loads' : `a changed file (sha256 ${hash.slice(0, 12)}…); start a new batch instead` });
    }
  }
  if (problems.length > 0) throw new UserError(dir, problems);
}

/** One error for everything found: about the file when all problems are in one file, else about the command line. */
function combine(problems: Problem[], fileErrors: UserError[]): UserError {
  if (problems.length === 0 && fileErrors.length === 1) return fileErrors[0]!;
  return new UserError('the command line', [...problems, ...fileErrors.flatMap((e) => e.problems.map((p) => ({ ...p, path: `${e.file}: ${p.path}` })))]);
}

async function execute(plan: BatchPlan, shard: Shard | null, out: string, resume: boolean, workers: number, keepTimeseries: boolean, args: BatchArgs, ctx: CliContext, command: string): Promise<number> {
  const quiet = args.quiet === true;
  const planned = shardRuns(totalRuns(plan), shard);
  const label = `batch ${plan.name}${shard ? ` shard ${shard.index}/${shard.count}` : ''}`;
  const progress = chooseProgress({ quiet, label, err: ctx.err });
  const t0 = performance.now();
  const result = await runBatch(plan, { out, workers, shard, keepTimeseries, command, progress }, resume);
  const secs = (performance.now() - t0) / 1000;
  const shown = displayDir(out, ctx.cwd);
  let analysed = false;
  if (args.analyze !== false && !shard) {
    if (plan.replications < 2) {
      if (!quiet) ctx.err('regiosim: one replication per point is too few for intervals; the analysis is skipped (run regiosim analyze on a batch with --runs 2 or more).\n');
    } else {
      analyzeBatch(out);
      analysed = true;
    }
  }
  if (!quiet) {
    const what = `${plan.scenarios.length} scenario${plan.scenarios.length === 1 ? '' : 's'}, ${plan.points.length} point${plan.points.length === 1 ? '' : 's'}, ${plan.replications} replication${plan.replications === 1 ? '' : 's'}`;
    ctx.out(`Batch ${plan.name} (${what}): ${planned} runs${shard ? ` in shard ${shard.index}/${shard.count}` : ''}, ${result.ran} run now${result.resumed ? `, ${result.resumed} from before` : ''}, in ${secs.toFixed(1)} s with ${Math.min(workers, Math.max(1, result.ran))} worker${workers === 1 ? '' : 's'}.\n`);
    ctx.out(`Wrote ${shown}${analysed ? ' (with the analysis: summary.csv, comparison.csv, summary.md, ...)' : ''}\n`);
    if (shard) ctx.out(`When all ${shard.count} shards are done: regiosim merge <shard dirs> --out DIR\n`);
  }
  return 0;
}
