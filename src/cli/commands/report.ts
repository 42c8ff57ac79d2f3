/**
 * `regiosim report <batch dir>`: one self-contained report.html with every chart (interactive),
 * the plain-language summary, the tables, the method and the provenance. It opens offline and
 * can be forwarded as a single file.
 */
import { join, resolve } from 'node:path';
import { UserError } from '../../io/errors.js';
import { writeFileAtomically } from '../../io/write.js';
import { loadDir } from '../../render/load.js';
import { buildReport } from '../../render/report.js';
import type { CliCommand } from '../context.js';
import { describeMissing, parseChartOptions, shownDir } from './chart.js';

interface ReportArgs {
  dir: string;
  lang?: unknown;
}

/** Files a directory must hold to be reported on. */
export const REPORT_REQUIRED = ['manifest.json', 'runs.csv'] as const;

export const reportCommand: CliCommand = {
  command: 'report <dir>',
  describe: 'Write report.html for a batch: interactive charts, summary, tables, method and provenance in one file that opens offline',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'A batch directory (from regiosim batch, analysed by regiosim analyze)' })
      .option('lang', { type: 'string', describe: 'Language of the report: en or nl (default en)' })
      .example('regiosim report output/batch/haaglanden --lang nl', 'A Dutch report to forward to colleagues'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as ReportArgs;
    const { lang } = parseChartOptions({ lang: args.lang }, false);
    const dir = resolve(ctx.cwd, args.dir);
    const shown = shownDir(dir, ctx.cwd);
    const data = loadDir(dir, shown);
    const absent = REPORT_REQUIRED.filter((f) => !data.present.has(f));
    if (absent.length > 0) {
      throw new UserError(shown, [{
        path: '(directory)',
        expected: `a batch output directory (from \`regiosim batch\`) with ${REPORT_REQUIRED.join(', ')}`,
        found: `a directory without ${absent.join(', ')}`,
      }]);
    }
    const report = buildReport(data, lang);
    const path = join(dir, 'report.html');
    writeFileAtomically(path, report.html);
    for (const m of report.missing) ctx.err(`  not in the report: ${describeMissing(m)}\n`);
    ctx.out(`Wrote ${shown === './' ? '' : shown}report.html (${report.charts.length} interactive charts; opens offline in any browser)\n`);
    return 0;
  },
};
