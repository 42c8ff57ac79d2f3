/**
 * `regiosim report <batch dir>`: one self-contained report.html with every chart (interactive),
 * the plain-language summary, the tables, the method and the provenance. It opens offline and
 * can be forwarded as a single file. `regiosim report <run dir>`: the run's story with its
 * membership chart, named timeline and time series (src/render/run-report.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeReport } from '../../render/report.js';
import { writeRunReport } from '../../render/run-report.js';
import type { CliCommand } from '../context.js';
import { t } from '../../i18n/index.js';
import { describeMissing, shownDir } from './chart.js';

interface ReportArgs {
  dir: string;
}

export const reportCommand: CliCommand = {
  command: 'report <dir>',
  describe: 'Write report.html for a batch (interactive charts, summary, tables, method and provenance) or for one run (its story, membership over time, timeline and time series), in one file that opens offline',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'A batch directory (from regiosim batch, analysed by regiosim analyze), or the folder of one run (from regiosim run)' })
      .example('regiosim report output/batch/haaglanden --lang nl', 'A Dutch report to forward to colleagues')
      .example('regiosim report output/basiscoalitie/seed-1', 'The story of one run with its charts'),
  handler: (rawArgs, ctx) => {
    const args = rawArgs as unknown as ReportArgs;
    const { lang } = ctx;
    const dir = resolve(ctx.cwd, args.dir);
    const shown = shownDir(dir, ctx.cwd);
    // A run's folder has summary.json and no runs.csv; anything else is read as a batch.
    const run = existsSync(join(dir, 'summary.json')) && !existsSync(join(dir, 'runs.csv'));
    const report = run ? writeRunReport(dir, lang, shown) : writeReport(dir, lang, shown);
    for (const m of report.missing) ctx.err(t('cli.notInReport', lang, { what: describeMissing(m, lang) }) + '\n');
    ctx.out(t('cli.wroteReport', lang, { file: `${shown === './' ? '' : shown}report.html`, n: report.charts }) + '\n');
    return 0;
  },
};
