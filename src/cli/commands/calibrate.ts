/**
 * `regiosim calibrate <targets>`: pattern-oriented rejection of parameter sets against public
 * figures (src/analysis/calibrate.ts), run as a batch; writes the accepted ensemble.
 *
 *   regiosim calibrate <targets.yaml> [--out DIR] [--shard i/n] [--workers W] [--quiet]
 *
 * The same command on the same --out continues an interrupted calibration; with --shard i/n it
 * runs one slice into DIR/batch.shard-i-of-n/, and a later call without --shard merges the shards.
 */
import { resolve } from 'node:path';
import { calibrate, defaultWorkers, MAX_WORKERS } from '../../api/index.js';
import { parseShard, type Shard } from '../../batch/plan.js';
import { chooseProgress } from '../../batch/progress.js';
import { formatter, t } from '../../i18n/index.js';
import { UserError, type Problem } from '../../io/errors.js';
import { commandLine, type CliCommand } from '../context.js';
import { numberOption } from './analyze.js';
import { displayDir } from './run.js';

interface CalibrateArgs {
  targets: string;
  out?: string;
  shard?: string;
  workers?: string;
  quiet?: boolean;
}

export const calibrateCommand: CliCommand = {
  command: 'calibrate <targets>',
  collectsProblems: true,
  describe: 'Keep the parameter sets whose runs meet public figures (pattern-oriented rejection), run as a batch; writes an ensemble',
  builder: (y) =>
    y
      .positional('targets', { type: 'string', describe: 'A calibration targets file (YAML; scenarios/calibration/haaglanden.yaml is the built-in one)' })
      .option('out', { type: 'string', describe: 'Output directory (default: output/calibrate/<name>/)' })
      .option('shard', { type: 'string', describe: 'Run only slice i of n (0-based, i/n) into <out>/batch.shard-i-of-n/; a call without --shard merges the slices' })
      .option('workers', { type: 'string', describe: `Worker threads (default: all cores, here ${defaultWorkers()})` })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress output' })
      .example('regiosim calibrate scenarios/calibration/haaglanden.yaml', 'Calibrate to the Haaglanden targets; writes output/calibrate/haaglanden/ensemble.yaml'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as CalibrateArgs;
    const problems: Problem[] = [...ctx.problems];
    const workers = numberOption(problems, '--workers', args.workers, `a whole number between 1 and ${MAX_WORKERS}`, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_WORKERS) ?? defaultWorkers();
    let shard: Shard | null = null;
    if (args.shard !== undefined) {
      const parsed = parseShard(String(args.shard));
      if (parsed.ok) shard = parsed.shard;
      else problems.push(parsed.problem);
    }
    if (problems.length > 0) throw new UserError('the command line', problems);
    const quiet = args.quiet === true;
    const { lang } = ctx;
    const command = commandLine(ctx.argv);
    const result = await calibrate(
      { file: args.targets, ...(args.out !== undefined ? { out: resolve(ctx.cwd, args.out) } : {}), shard, cwd: ctx.cwd, lang, command },
      { workers, command, signal: ctx.signal, progress: chooseProgress({ quiet, label: `calibrate ${args.targets}`, err: ctx.err, lang }) },
    );
    if (result.kind === 'shard') {
      ctx.out(t('cli.calShard', lang, { shard: `${shard!.index}/${shard!.count}`, dir: displayDir(result.dir, ctx.cwd) }) + '\n');
      return;
    }
    const ev = result.evaluation;
    const tried = ev.values.length;
    ctx.out(t('cli.calResult', lang, { name: result.calibration.name, accepted: ev.accepted.length, tried, rate: formatter(lang).percent(tried > 0 ? ev.accepted.length / tried : 0, 1) }) + '\n');
    result.calibration.targets.forEach((tg, j) => ctx.out(t('cli.calTarget', lang, { id: tg.id, met: ev.met[j]!, tried }) + '\n'));
    if (result.ensemble) ctx.out(t('cli.calWrote', lang, { dir: displayDir(result.out, ctx.cwd), ensemble: displayDir(result.ensemble, ctx.cwd).replace(/\/$/, '') }) + '\n');
    else ctx.out(t('cli.calNoEnsemble', lang) + '\n');
  },
};
