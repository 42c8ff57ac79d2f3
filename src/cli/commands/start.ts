/**
 * `regiosim start` (`npm start`): the main job. The standard comparison: the four Haaglanden
 * scenarios, 1,000 seeded replications each (common random numbers), analysed against the
 * abolished WGR-plus as reference, with charts and one self-contained report.html. Prints a
 * short side-by-side table and where the files are.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readCsv } from '../../io/csv.js';
import type { CliCommand, CliContext } from '../context.js';
import { batchCommand } from './batch.js';
import { chartCommand } from './chart.js';
import { reportCommand } from './report.js';
import { displayDir, formatHeadline, HEADLINE_OUTCOMES, outcomeLabel, outcomeUnit } from './run.js';

/** Reference first: the adviser's question is "how much better than without a structure?". */
export const START_SCENARIOS = ['wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'wgr-plus-continues'] as const;

interface StartArgs {
  runs?: string;
  workers?: string;
  out?: string;
  lang?: string;
  quiet?: boolean;
}

export const startCommand: CliCommand = {
  command: 'start',
  describe: 'The standard comparison: the four Haaglanden scenarios, 1,000 runs each, analysed, charted and reported',
  builder: (y) =>
    y
      .option('runs', { type: 'string', default: '1000', describe: 'Replications per scenario' })
      .option('workers', { type: 'string', describe: 'Worker threads (default: all cores)' })
      .option('out', { type: 'string', default: 'output/standard-comparison', describe: 'Output directory' })
      .option('lang', { type: 'string', default: 'en', describe: 'Language of summary, charts and report: en or nl' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress output' }),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as StartArgs;
    const out = resolve(ctx.cwd, args.out ?? 'output/standard-comparison');
    const lang = args.lang ?? 'en';
    const step = async (cmd: CliCommand, a: Record<string, unknown>, label: string): Promise<number> => {
      if (!args.quiet) ctx.err(`${label}\n`);
      const code = (await cmd.handler(a, ctx)) ?? 0;
      return code;
    };
    let code = await step(
      batchCommand,
      { scenario: [...START_SCENARIOS], runs: args.runs ?? '1000', workers: args.workers, out, quiet: args.quiet ?? false, analyze: true, set: [], keepTimeseries: false },
      `regiosim: running the standard comparison (${START_SCENARIOS.join(', ')}; ${args.runs ?? '1000'} runs each)`,
    );
    if (code !== 0) return code;
    code = await step(chartCommand, { dir: out, format: 'png', lang }, 'regiosim: rendering charts');
    if (code !== 0) return code;
    code = await step(reportCommand, { dir: out, lang }, 'regiosim: writing the report');
    if (code !== 0) return code;
    printTable(out, ctx);
    ctx.out(`\nFiles: ${displayDir(out, ctx.cwd)} (runs.csv, summary.csv, comparison.csv, summary.md, charts/)\n`);
    ctx.out(`Report: ${shown(join(out, 'report.html'), ctx.cwd)}  (open it in a browser; it works offline)\n`);
    return 0;
  },
};

/** Mean and 95% interval per scenario of the headline outcomes, from summary.csv. */
function printTable(dir: string, ctx: CliContext): void {
  const table0 = readCsv(join(dir, 'summary.csv'));
  const col = (name: string): number => table0.header.indexOf(name);
  const cell = (scenario: string, outcome: string): string => {
    const r = table0.rows.find((x) => x[col('scenario')] === scenario && x[col('outcome')] === outcome);
    if (!r) return '–';
    return `${formatHeadline(Number(r[col('mean')]))} (${formatHeadline(Number(r[col('ci_lo')]))}–${formatHeadline(Number(r[col('ci_hi')]))})`;
  };
  const labelW = Math.max(...HEADLINE_OUTCOMES.map((n) => outcomeLabel(n).length));
  const table = HEADLINE_OUTCOMES.map((o) => START_SCENARIOS.map((s) => cell(s, o)));
  const colW = Math.max(...START_SCENARIOS.map((s) => s.length), ...table.flat().map((c) => c.length));
  ctx.out(`\nHaaglanden 2015-2030, mean (95% interval) over the runs:\n\n`);
  ctx.out(`${''.padEnd(labelW)}  ${START_SCENARIOS.map((s) => s.padStart(colW)).join('  ')}  unit\n`);
  HEADLINE_OUTCOMES.forEach((o, k) => {
    ctx.out(`${outcomeLabel(o).padEnd(labelW)}  ${table[k]!.map((c) => c.padStart(colW)).join('  ')}  ${outcomeUnit(o)}\n`);
  });
  ctx.out(`\nPlain-language comparison against ${START_SCENARIOS[0]}: ${shown(join(dir, 'summary.md'), ctx.cwd)}\n`);
}

/** A file path as the user would type it: relative to the working directory when inside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
