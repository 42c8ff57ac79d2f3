/**
 * `regiosim report <batch dir>`: one self-contained report.html with every chart (interactive),
 * the plain-language summary, the tables, the method and the provenance. It opens offline and
 * can be forwarded as a single file.
 */
import { resolve } from 'node:path';
import { writeReport } from '../../render/report.js';
import type { CliCommand } from '../context.js';
import { t } from '../../i18n/index.js';
import { describeMissing, shownDir } from './chart.js';

interface ReportArgs {
  dir: string;
}

export const reportCommand: CliCommand = {
  command: 'report <dir>',
  describe: 'Write report.html for a batch: interactive charts, summary, tables, method and provenance in one file that opens offline',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'A batch directory (from regiosim batch, analysed by regiosim analyze)' })
      .example('regiosim report output/batch/haaglanden --lang nl', 'A Dutch report to forward to colleagues'),
  handler: (rawArgs, ctx) => {
    const args = rawArgs as unknown as ReportArgs;
    const { lang } = ctx;
    const dir = resolve(ctx.cwd, args.dir);
    const shown = shownDir(dir, ctx.cwd);
    const report = writeReport(dir, lang, shown);
    for (const m of report.missing) ctx.err(t('cli.notInReport', lang, { what: describeMissing(m, lang) }) + '\n');
    ctx.out(t('cli.wroteReport', lang, { file: `${shown === './' ? '' : shown}report.html`, n: report.charts }) + '\n');
    return 0;
  },
};
