/**
 * `regiosim brief <batch dir>`: the decision brief, one or two A4 pages for an alderman, as
 * brief.html and brief.pdf (printed by headless Chromium), with its chart as a slide
 * (brief-chart.png). Needs the batch's analysis (`regiosim analyze`); uses the comparison across
 * plausible worlds when `regiosim robustness` (or `npm start`) put it beside the batch.
 */
import { resolve } from 'node:path';
import { writeBrief } from '../../api/brief.js';
import { t } from '../../i18n/index.js';
import type { CliCommand } from '../context.js';
import { shownDir } from './chart.js';

interface BriefArgs {
  dir: string;
  pdf?: boolean;
}

export const briefCommand: CliCommand = {
  command: 'brief <dir>',
  describe: 'Write the decision brief of an analysed batch: brief.html and brief.pdf (two A4 pages) and its chart as a slide',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'A batch directory analysed by regiosim analyze' })
      .option('pdf', { type: 'boolean', default: true, describe: 'Print brief.pdf with headless Chromium (--no-pdf: HTML only)' })
      .example('regiosim brief output/standard-comparison --lang nl', 'The Dutch brief of the standard comparison'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as BriefArgs;
    const { lang } = ctx;
    const dir = resolve(ctx.cwd, args.dir);
    const shown = shownDir(dir, ctx.cwd);
    const prefix = shown === './' ? '' : shown;
    const { files } = await writeBrief(dir, { lang, pdf: args.pdf !== false });
    if (files.pdfNote) ctx.err(`${files.pdfNote}\n`);
    ctx.out(t('cli.wroteBrief', lang, { html: `${prefix}brief.html`, pdf: files.pdf ? ` ${t('brief.and', lang)} ${prefix}brief.pdf` : '', slide: `${prefix}brief-chart.png` }) + '\n');
    return 0;
  },
};
