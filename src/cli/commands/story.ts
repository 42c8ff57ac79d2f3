/**
 * `regiosim story <run dir>`: tells one run in words (src/analysis/story.ts) from its files
 * (summary.json, events.jsonl, timeseries.csv) and writes it as story.md in the run's folder;
 * the story goes to standard output too, so it can be read at once or piped.
 */
import { resolve } from 'node:path';
import { t } from '../../i18n/index.js';
import { writeStory } from '../../render/story.js';
import type { CliCommand } from '../context.js';
import { shownDir } from './chart.js';

interface StoryArgs {
  dir: string;
}

export const storyCommand: CliCommand = {
  command: 'story <dir>',
  describe: 'Tell one run in words (who joined, who left and why, what was decided, what each election changed) and write it as story.md',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'The folder of one run (from regiosim run)' })
      .example('regiosim story output/basiscoalitie/seed-1 --lang nl', 'The story of a run in Dutch'),
  handler: (rawArgs, ctx) => {
    const args = rawArgs as unknown as StoryArgs;
    const { lang } = ctx;
    const dir = resolve(ctx.cwd, args.dir);
    const shown = shownDir(dir, ctx.cwd);
    const { text } = writeStory(dir, lang, shown);
    ctx.out(text);
    ctx.err(t('cli.wroteStory', lang, { file: `${shown === './' ? '' : shown}story.md` }) + '\n');
    return 0;
  },
};
