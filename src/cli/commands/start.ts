/**
 * `regiosim start` (`npm start`): the main job, the standard comparison of the library
 * (src/api/start.ts): the four Haaglanden scenarios, 1,000 seeded replications each (common
 * random numbers), analysed against the abolished WGR-plus, with charts and one self-contained
 * report.html. Prints a short side-by-side table and where the files are.
 */
import { isAbsolute, join, relative } from 'node:path';
import { MAX_RUNS } from '../../batch/experiment.js';
import { MAX_WORKERS, STANDARD_RUNS, STANDARD_SCENARIOS, standardComparison, type Analysis, type RobustnessOutcome } from '../../api/index.js';
import { packageRoot } from '../../io/regions.js';
import { chooseProgress } from '../../batch/progress.js';
import { HEADLINE } from '../../core/measures.js';
import { formatter, measureName, measureUnit, t } from '../../i18n/index.js';
import { describeValue, UserError, type Problem } from '../../io/errors.js';
import { commandLine, type CliCommand, type CliContext } from '../context.js';
import { displayDir } from './run.js';

interface StartArgs {
  runs?: string;
  worlds?: string;
  workers?: string;
  out?: string;
  quiet?: boolean;
}

function whole(problems: Problem[], option: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^\d+$/.test(String(raw).trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.push({ path: option, expected: `a whole number between ${min} and ${max}`, found: describeValue(raw) });
    return undefined;
  }
  return n;
}

export const startCommand: CliCommand = {
  command: 'start',
  collectsProblems: true,
  describe: 'The standard comparison: the four Haaglanden scenarios, 1,000 runs each, analysed, charted and reported',
  builder: (y) =>
    y
      .option('runs', { type: 'string', default: String(STANDARD_RUNS), describe: 'Replications per scenario' })
      .option('worlds', { type: 'string', describe: 'Plausible worlds (parameter sets of the built-in calibrated ensemble) the comparison is repeated over, 4 paired runs each (default: all of them)' })
      .option('workers', { type: 'string', describe: 'Worker threads (default: all cores)' })
      .option('out', { type: 'string', default: 'output/standard-comparison', describe: 'Output directory' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress output' }),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as StartArgs;
    const problems: Problem[] = [...ctx.problems];
    const runs = whole(problems, '--runs', args.runs, 2, MAX_RUNS / STANDARD_SCENARIOS.length) ?? STANDARD_RUNS;
    const workers = whole(problems, '--workers', args.workers, 1, MAX_WORKERS);
    const worlds = whole(problems, '--worlds', args.worlds, 2, 10_000);
    if (problems.length > 0) throw new UserError('the command line', problems);
    const { lang } = ctx;
    const quiet = args.quiet === true;
    const say = (text: string): void => {
      if (!quiet) ctx.err(`${text}\n`);
    };
    const result = await standardComparison({
      runs, out: args.out ?? 'output/standard-comparison', cwd: ctx.cwd, lang, command: commandLine(ctx.argv), signal: ctx.signal,
      ...(workers !== undefined ? { workers } : {}), ...(worlds !== undefined ? { worlds } : {}), packageRoot: packageRoot(),
      progress: chooseProgress({ quiet, label: `batch ${STANDARD_SCENARIOS.join('+')}`, err: ctx.err, lang }),
      onStep: (step) => say(step === 'batch' ? t('cli.startBatch', lang, { scenarios: STANDARD_SCENARIOS.join(', '), runs }) : step === 'robustness' ? t('cli.startRobustness', lang) : step === 'charts' ? t('cli.startCharts', lang) : step === 'brief' ? t('cli.startBrief', lang) : t('cli.startReport', lang)),
    });
    const out = result.planned.out;
    printTable(result.analysis, ctx);
    if (result.robustness) printWorlds(result.robustness, ctx);
    ctx.out(`\n${t('cli.startFiles', lang, { dir: displayDir(out, ctx.cwd) })}\n`);
    ctx.out(t('cli.startReportFile', lang, { file: shown(join(out, 'report.html'), ctx.cwd) }) + '\n');
    ctx.out(t('cli.startBriefFile', lang, { file: shown(result.brief.pdf ?? result.brief.html, ctx.cwd) }) + '\n');
    if (result.brief.pdfNote) ctx.err(`${result.brief.pdfNote}\n`);
    return 0;
  },
};

/** Mean and 95% interval per scenario of the headline outcomes. */
function printTable(analysis: Analysis, ctx: CliContext): void {
  const { lang } = ctx;
  const fmt = formatter(lang);
  const cell = (scenario: string, outcome: string): string => {
    const r = analysis.summary.find((x) => x.scenario === scenario && x.outcome === outcome);
    return r ? `${fmt.short(r.mean)} (${fmt.short(r.ci_lo)}–${fmt.short(r.ci_hi)})` : '–';
  };
  const names = HEADLINE.map((o) => measureName('run', o, lang));
  const labelW = Math.max(...names.map((n) => n.length));
  const table = HEADLINE.map((o) => STANDARD_SCENARIOS.map((s) => cell(s, o)));
  const colW = Math.max(...STANDARD_SCENARIOS.map((s) => s.length), ...table.flat().map((c) => c.length));
  const info = analysis.data.scenarioInfo.get(STANDARD_SCENARIOS[0]);
  ctx.out(`\n${t('cli.startTable', lang, { region: info?.region ?? '', period: fmt.period(info?.from, info?.to) })}:\n\n`);
  ctx.out(`${''.padEnd(labelW)}  ${STANDARD_SCENARIOS.map((s) => s.padStart(colW)).join('  ')}  ${t('cli.unit', lang)}\n`);
  HEADLINE.forEach((o, k) => {
    ctx.out(`${names[k]!.padEnd(labelW)}  ${table[k]!.map((c) => c.padStart(colW)).join('  ')}  ${measureUnit('run', o, lang)}\n`);
  });
  ctx.out(`\n${t('report.intervalsKind', lang)}\n`);
  ctx.out(`\n${t('cli.startSummary', lang, { reference: STANDARD_SCENARIOS[0], file: shown(join(analysis.data.dir, 'summary.md'), ctx.cwd) })}\n`);
}

/** For each headline outcome, the share of plausible worlds in which each structure does better than the reference. */
function printWorlds(rob: RobustnessOutcome, ctx: CliContext): void {
  const { lang } = ctx;
  const fmt = formatter(lang);
  const others = STANDARD_SCENARIOS.filter((s) => s !== rob.meta.reference);
  const names = HEADLINE.map((o) => measureName('run', o, lang));
  const labelW = Math.max(...names.map((n) => n.length));
  const cell = (s: string, o: string): string => {
    const r = rob.rows.find((x) => x.scenario === s && x.outcome === o);
    return r && r.share_better !== null ? `${fmt.percent(r.share_better)} (${fmt.percent(r.share_better_lo)}–${fmt.percent(r.share_better_hi)})` : '–';
  };
  const table = HEADLINE.map((o) => others.map((s) => cell(s, o)));
  const colW = Math.max(...others.map((s) => s.length), ...table.flat().map((c) => c.length));
  ctx.out(`\n${t('cli.startWorlds', lang, { worlds: rob.meta.worlds, name: rob.meta.source.kind === 'ensemble' ? rob.meta.source.name : 'lhs', ref: rob.meta.reference })}\n\n`);
  ctx.out(`${''.padEnd(labelW)}  ${others.map((s) => s.padStart(colW)).join('  ')}\n`);
  HEADLINE.forEach((o, k) => ctx.out(`${names[k]!.padEnd(labelW)}  ${table[k]!.map((c) => c.padStart(colW)).join('  ')}\n`));
  ctx.out(`\n${t('cli.startWorldsNote', lang, { ref: rob.meta.reference })}\n`);
}

/** A file path as the user would type it: relative to the working directory when inside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
