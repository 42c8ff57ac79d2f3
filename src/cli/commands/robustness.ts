/**
 * `regiosim robustness [scenario...]`: a comparison of structures across plausible parameter
 * sets (src/analysis/robustness.ts), run as a batch.
 *
 *   regiosim robustness [scenario...] [--reference S] [--ensemble FILE | --lhs N --params a,b
 *       [--range a=min:max ...]] [--worlds N] [--replications R] [--outcome NAME ...] [--seed S]
 *       [--workers W] [--out DIR] [--quiet]
 *
 * Without scenarios: the standard comparison; without --ensemble or --lhs: the built-in
 * calibrated ensemble. The same command on the same --out continues an interrupted run.
 */
import { resolve } from 'node:path';
import { defaultWorkers, MAX_WORKERS, robustnessDesign, runRobustness, DEFAULT_WORLD_REPLICATIONS } from '../../api/index.js';
import { chooseProgress } from '../../batch/progress.js';
import { formatter, measureName, t } from '../../i18n/index.js';
import type { Problem } from '../../io/errors.js';
import { parseRanges } from '../../analysis/sensitivity.js';
import { packageRoot } from '../../io/regions.js';
import { commandLine, type CliCommand } from '../context.js';
import { numberOption } from './analyze.js';
import { displayDir } from './run.js';

interface RobustnessArgs {
  scenario?: string[];
  reference?: string;
  ensemble?: string;
  lhs?: string;
  params?: string[];
  range?: string[];
  worlds?: string;
  replications?: string;
  outcome?: string[];
  seed?: string;
  workers?: string;
  out?: string;
  quiet?: boolean;
}

const list = (xs: readonly unknown[] | undefined): string[] => (xs ?? []).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter((x) => x !== '');

export const robustnessCommand: CliCommand = {
  command: 'robustness [scenario..]',
  collectsProblems: true,
  describe: 'How a comparison of structures holds up across plausible parameters: share of worlds, range, and the conditions the sign depends on',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', array: true, describe: 'Scenarios to compare (default: the standard comparison); the first is the reference' })
      .option('reference', { type: 'string', describe: 'The scenario the others are compared with (default: the first)' })
      .option('ensemble', { type: 'string', describe: 'An ensemble file (from regiosim calibrate; default: the built-in calibrated Haaglanden ensemble)' })
      .option('lhs', { type: 'string', describe: 'Instead of an ensemble: a Latin hypercube of this many worlds over --params' })
      .option('params', { type: 'string', array: true, describe: 'With --lhs: the parameters to vary, separated by commas' })
      .option('range', { type: 'string', array: true, describe: 'With --lhs: a range other than the default, name=min:max (repeatable)' })
      .option('worlds', { type: 'string', describe: 'Use only the first N worlds of the ensemble' })
      .option('replications', { type: 'string', describe: `Paired runs per world (default ${DEFAULT_WORLD_REPLICATIONS})` })
      .option('outcome', { type: 'string', array: true, describe: 'Outcomes (repeatable; default: the headline outcomes)' })
      .option('seed', { type: 'string', describe: 'Master seed of the runs (and of the --lhs sample; default 1)' })
      .option('workers', { type: 'string', describe: `Worker threads (default: all cores, here ${defaultWorkers()})` })
      .option('out', { type: 'string', describe: 'Output directory (default: output/robustness/<ensemble>/)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress output' })
      .example('regiosim robustness', 'The standard comparison across the built-in calibrated ensemble')
      .example('regiosim robustness wgr-plus-continues basiscoalitie --lhs 40 --params exitThreshold,altruism', 'Two structures across a Latin hypercube over two parameters'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as RobustnessArgs;
    const problems: Problem[] = [...ctx.problems];
    const whole = (x: number): boolean => Number.isInteger(x);
    const workers = numberOption(problems, '--workers', args.workers, `a whole number between 1 and ${MAX_WORKERS}`, (x) => whole(x) && x >= 1 && x <= MAX_WORKERS) ?? defaultWorkers();
    const worlds = numberOption(problems, '--worlds', args.worlds, 'a whole number of worlds, at least 2', (x) => whole(x) && x >= 2);
    const replications = numberOption(problems, '--replications', args.replications, 'a whole number of paired runs per world from 2 to 1000', (x) => whole(x) && x >= 2 && x <= 1000);
    const seed = numberOption(problems, '--seed', args.seed, 'a whole number between 0 and 4294967295', (x) => whole(x) && x >= 0 && x <= 0xffffffff);
    const samples = numberOption(problems, '--lhs', args.lhs, 'a whole number of worlds from 2 to 10000', (x) => whole(x) && x >= 2 && x <= 10_000);
    const params = list(args.params);
    const ranges: Record<string, { min?: number; max?: number }> = Object.fromEntries(params.map((p) => [p, {}]));
    for (const [name, r] of parseRanges(list(args.range), problems)) {
      if (!params.includes(name)) problems.push({ path: `--range ${name}`, expected: `a parameter listed in --params (${params.join(', ') || 'none'})`, found: JSON.stringify(name) });
      else ranges[name] = r;
    }
    if (args.lhs !== undefined && params.length === 0) problems.push({ path: '--params', expected: 'with --lhs, the parameters to vary', found: 'nothing' });
    if (args.lhs === undefined && (params.length > 0 || list(args.range).length > 0)) problems.push({ path: '--params', expected: 'only with --lhs', found: params.join(',') || list(args.range).join(' ') });
    const { lang } = ctx;
    const command = commandLine(ctx.argv);
    const { design, out } = robustnessDesign({
      scenarios: list(args.scenario), ...(args.reference !== undefined ? { reference: args.reference } : {}),
      ...(args.ensemble !== undefined ? { ensemble: resolve(ctx.cwd, args.ensemble) } : {}),
      ...(samples !== undefined && params.length > 0 ? { lhs: { samples, ranges, ...(seed !== undefined ? { seed } : {}) } } : {}),
      ...(worlds !== undefined ? { worlds } : {}), ...(replications !== undefined ? { replications } : {}), ...(seed !== undefined ? { seed } : {}),
      outcomes: list(args.outcome), ...(args.out !== undefined ? { out: args.out } : {}), cwd: ctx.cwd, lang, command, packageRoot: packageRoot(),
    }, problems);
    const quiet = args.quiet === true;
    const result = await runRobustness(design, out, { workers, command, lang, cwd: ctx.cwd, signal: ctx.signal, progress: chooseProgress({ quiet, label: 'robustness', err: ctx.err, lang }) });
    const f = formatter(lang);
    const ref = result.meta.reference;
    ctx.out(t('cli.robustHeader', lang, { list: result.meta.scenarios.filter((s) => s !== ref).join(', '), ref, worlds: result.meta.worlds, reps: result.meta.replications }) + '\n');
    const others = result.meta.scenarios.filter((s) => s !== ref);
    const width = Math.max(...design.outcomes.map((o) => measureName('run', o, lang).length), 10);
    ctx.out(`  ${''.padEnd(width)}  ${others.map((s) => s.slice(0, 20).padStart(20)).join('  ')}\n`);
    for (const o of design.outcomes) {
      const cells = others.map((s) => {
        const r = result.rows.find((x) => x.scenario === s && x.outcome === o);
        return (r && r.share_better !== null ? `${f.percent(r.share_better)} (${f.percent(r.share_better_lo)}–${f.percent(r.share_better_hi)})` : '–').padStart(20);
      });
      ctx.out(`  ${measureName('run', o, lang).padEnd(width)}  ${cells.join('  ')}\n`);
    }
    ctx.out(t('cli.robustWrote', lang, { dir: displayDir(out, ctx.cwd) }) + '\n');
  },
};
