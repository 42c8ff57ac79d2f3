/**
 * `regiosim analyze <batch dir>`: summary statistics, paired scenario comparison and survival of a
 * batch, written into the batch directory (src/analysis/analyze.ts).
 *
 *   regiosim analyze <dir> [--reference NAME] [--precision 0.05] [--lang en|nl]
 *                          [--bootstrap 1000] [--bootstrap-seed 1]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeBatch } from '../../api/index.js';
import { DEFAULT_BOOTSTRAP, DEFAULT_PRECISION, MAX_BOOTSTRAP } from '../../analysis/analyze.js';
import { t } from '../../i18n/index.js';
import { describeValue, UserError, type Problem } from '../../io/errors.js';
import { parseNumberText } from '../../io/overrides.js';
import { outputProblem } from '../../io/write.js';
import type { CliCommand } from '../context.js';
import { displayDir } from './run.js';

interface AnalyzeArgs {
  dir: string;
  reference?: string;
  precision?: string;
  bootstrap?: string;
  bootstrapSeed?: string;
}

/** A number option: `undefined` when absent; a problem when not a number in [min, max]. */
export function numberOption(problems: Problem[], option: string, raw: unknown, expected: string, ok: (x: number) => boolean): number | undefined {
  if (raw === undefined) return undefined;
  const v = parseNumberText(String(raw));
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) {
    problems.push({ path: option, expected, found: describeValue(raw) });
    return undefined;
  }
  return v;
}

export const analyzeCommand: CliCommand = {
  command: 'analyze <dir>',
  collectsProblems: true,
  describe: 'Summarise and compare the scenarios of a batch: summary.csv, comparison.csv, survival.csv, summary.md',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'A batch output directory (from `regiosim batch`)' })
      .option('reference', { type: 'string', describe: 'Scenario the others are compared with (default: the first of the batch)' })
      .option('precision', { type: 'string', describe: `Wanted half-width of the 95% interval, relative to the mean (default ${DEFAULT_PRECISION})` })
      .option('bootstrap', { type: 'string', describe: `Bootstrap resamples for the percentile interval of the mean (default ${DEFAULT_BOOTSTRAP}; 0 to skip)` })
      .option('bootstrap-seed', { type: 'string', describe: 'Seed of the bootstrap resampler (default 1)' })
      .example('regiosim analyze output/batch/haaglanden --reference wgr-plus-abolished', 'Compare every scenario with the abolished WGR-plus')
      .example('regiosim analyze output/batch/haaglanden --lang nl', 'The plain-language summary in Dutch'),
  handler: (rawArgs, ctx) => {
    const args = rawArgs as unknown as AnalyzeArgs;
    const problems: Problem[] = [...ctx.problems];
    const precision = numberOption(problems, '--precision', args.precision, 'a relative precision between 0 and 1 (for example 0.05)', (x) => x > 0 && x < 1);
    const bootstrap = numberOption(problems, '--bootstrap', args.bootstrap, `a whole number of resamples from 0 to ${MAX_BOOTSTRAP}`, (x) => Number.isInteger(x) && x >= 0 && x <= MAX_BOOTSTRAP);
    const bootstrapSeed = numberOption(problems, '--bootstrap-seed', args.bootstrapSeed, 'a whole number between 0 and 4294967295', (x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff);
    const dir = resolve(ctx.cwd, args.dir);
    // The analysis is written into the batch directory: it must be writable (when it exists;
    // reading it says what is wrong otherwise).
    const where = existsSync(dir) ? outputProblem(dir, '<dir>', { kind: 'dir' }, args.dir) : null;
    if (where) problems.push(where);
    if (problems.length > 0) throw new UserError('the command line', problems);
    const result = analyzeBatch(dir, { reference: args.reference, precision, lang: ctx.lang, bootstrap, bootstrapSeed });
    const shown = displayDir(dir, ctx.cwd);
    const clear = result.comparison.filter((r) => r.significant).length;
    ctx.out(t('cli.analysed', ctx.lang, { points: result.data.groups.length, scenarios: result.data.scenarios.length, reference: result.reference, clear, n: result.comparison.length }) + '\n');
    ctx.out(t('cli.wroteFiles', ctx.lang, { files: result.files.map((f) => f.slice(dir.length + 1)).join(', '), dir: shown }) + '\n');
    ctx.out(t('cli.readFirst', ctx.lang, { file: `${shown}summary.md` }) + '\n');
  },
};
