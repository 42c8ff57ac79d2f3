/**
 * `regiosim report <batch dir>`: one self-contained report.html with every chart (interactive),
 * the plain-language summary, the tables, the method and the provenance. It opens offline and
 * can be forwarded as a single file.
 */
import { resolve } from 'node:path';
import { writeReport } from '../../render/report.js';
import type { CliCommand } from '../context.js';
import { describeMissing, parseChartOptions, shownDir } from './chart.js';

interface ReportArgs {
  dir: string;
  lang?: unknown;
}

export const reportCommand: CliCommand = {
  command: 'report <dir>',
  describe: 'Write report.html for a batch: interactive charts, summary, tables, method and provenance in one file that opens offline',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'A batch directory (from regiosim batch, analysed by regiosim analyze)' })
      .option('lang', { type: 'string', describe: 'Language of the report: en or nl (default en)' })
      .example('regiosim report output/batch/haaglanden --lang nl', 'A Dutch report to forward to colleagues'),
  handler: (rawArgs, ctx) => {
    const args = rawArgs as unknown as ReportArgs;
    const { lang } = parseChartOptions({ lang: args.lang }, false);
    const dir = resolve(ctx.cwd, args.dir);
    const shown = shownDir(dir, ctx.cwd);
    const report = writeReport(dir, lang, shown);
    for (const m of report.missing) ctx.err(`  not in the report: ${describeMissing(m)}\n`);
    ctx.out(`Wrote ${shown === './' ? '' : shown}report.html (${report.charts} interactive charts; opens offline in any browser)\n`);
    return 0;
  },
};
