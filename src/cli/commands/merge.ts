/**
 * `regiosim merge DIR... --out DIR`: joins the shards of a batch (`regiosim batch --shard i/n`)
 * into exactly what one machine would have written, then analyses the result.
 */
import { analyzeBatch, mergeShards } from '../../api/index.js';
import { t } from '../../i18n/index.js';
import { commandLine, type CliCommand } from '../context.js';
import { displayDir } from './run.js';

interface MergeArgs {
  dirs: string[];
  out: string;
  quiet?: boolean;
  analyze?: boolean;
}

export const mergeCommand: CliCommand = {
  command: 'merge <dirs..>',
  describe: 'Join the shard outputs of a batch (--shard i/n) into one batch result',
  builder: (y) =>
    y
      .positional('dirs', { type: 'string', array: true, describe: 'Output directories of the shards' })
      .option('out', { type: 'string', demandOption: true, describe: 'Directory for the merged result' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No summary output' })
      .option('analyze', { type: 'boolean', default: true, describe: 'Analyse the merged batch (--no-analyze to skip)' })
      .example('regiosim merge out/shard-0 out/shard-1 out/shard-2 out/shard-3 --out out/all', 'Join four shards'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as MergeArgs;
    const dirs = args.dirs.map(String);
    const result = await mergeShards(dirs, args.out, { command: commandLine(ctx.argv), cwd: ctx.cwd });
    if (args.analyze !== false) analyzeBatch(result.out, { lang: ctx.lang });
    if (!args.quiet) {
      ctx.out(t('cli.merged', ctx.lang, { n: dirs.length, name: result.manifest.experiment.name, runs: result.runs }) + '\n');
      ctx.out(t('cli.wroteDir', ctx.lang, { dir: displayDir(result.out, ctx.cwd) }) + '\n');
    }
    return 0;
  },
};
