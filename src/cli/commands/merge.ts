/**
 * `regiosim merge DIR... --out DIR`: joins the shards of a batch (`regiosim batch --shard i/n`)
 * into exactly what one machine would have written, then analyses the result.
 */
import { analyzeBatch } from '../../analysis/analyze.js';
import { mergeShards } from '../../batch/merge.js';
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
    const result = await mergeShards(dirs, args.out, commandLine(ctx.argv), ctx.cwd);
    if (args.analyze !== false) analyzeBatch(result.out);
    if (!args.quiet) {
      ctx.out(`Merged ${dirs.length} shard${dirs.length === 1 ? '' : 's'} of batch ${result.manifest.experiment.name}: ${result.runs} runs.\n`);
      ctx.out(`Wrote ${displayDir(result.out, ctx.cwd)}\n`);
    }
    return 0;
  },
};
