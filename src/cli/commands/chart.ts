/**
 * `regiosim chart <dir>`: draws every chart the directory's data supports (a run, a batch, its
 * analysis, a sensitivity analysis) into `<dir>/charts/`, as SVG and/or PNG with the Vega-Lite
 * spec beside each, and says which files are missing for the charts it cannot draw.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { THEMES, type ThemeName } from '../../charts/theme.js';
import { t, type Lang } from '../../i18n/index.js';
import { UserError, describeValue, type Problem } from '../../io/errors.js';
import { outputProblem } from '../../io/write.js';
import { FORMATS, renderCharts, type Format } from '../../render/charts-dir.js';
import { catalog, type MissingChart } from '../../render/catalog.js';
import { KNOWN_FILES, loadDir } from '../../render/load.js';
import type { CliCommand } from '../context.js';
import { displayDir } from './run.js';

interface ChartArgs {
  dir: string;
  format?: unknown;
  theme?: unknown;
}

const oneOf = (values: readonly string[]): string => `one of ${values.join(', ')}`;

/** Checks --format and --theme; every problem at once (--lang is checked for every command, in main.ts). */
export function parseChartOptions(args: { format?: unknown; theme?: unknown }, lang: Lang, earlier: readonly Problem[] = []): { format: Format; theme: ThemeName; lang: Lang } {
  const problems: Problem[] = [...earlier];
  const pick = <T extends string>(name: string, raw: unknown, allowed: readonly T[], fallback: T): T => {
    if (raw === undefined) return fallback;
    const text = String(raw);
    if ((allowed as readonly string[]).includes(text)) return text as T;
    problems.push({ path: `--${name}`, expected: oneOf(allowed), found: describeValue(Array.isArray(raw) ? raw : text) });
    return fallback;
  };
  const format = pick('format', args.format, FORMATS, 'both');
  const theme = pick('theme', args.theme, THEMES, 'default');
  if (problems.length > 0) throw new UserError('the command line', problems);
  return { format, theme, lang };
}

/** A directory as shown to the user: relative to the working directory when inside it (`./` for itself). */
export function shownDir(dir: string, cwd: string): string {
  return relative(cwd, dir) === '' ? './' : displayDir(dir, cwd);
}

/** "differences: missing comparison.csv (run `regiosim analyze <dir>` first)" */
export function describeMissing(m: MissingChart, lang: Lang = 'en'): string {
  const files = m.files.length > 0 ? t('chart.missingFiles', lang, { files: m.files.join(', ') }) : '';
  const hint = m.hint !== undefined ? (files ? ` (${m.hint})` : m.hint) : '';
  return `${m.chart}: ${files}${hint}`;
}

/** The UserError for a directory with nothing to draw. */
export function nothingToDraw(shown: string, kinds: readonly string[], missing: readonly MissingChart[]): UserError {
  if (kinds.length === 0) {
    return new UserError(shown, [{
      path: '(directory)',
      expected: `the output of regiosim run, batch, analyze or sensitivity (one of ${KNOWN_FILES.filter((f) => f !== 'manifest.json').join(', ')})`,
      found: 'none of these files',
    }]);
  }
  return new UserError(shown, missing.map((m) => ({ path: m.chart, expected: m.files.length > 0 ? m.files.join(' and ') : 'data to draw', found: m.hint !== undefined ? `nothing (${m.hint})` : 'nothing' })));
}

export const chartCommand: CliCommand = {
  command: 'chart <dir>',
  collectsProblems: true,
  describe: 'Draw every chart the data in a run, batch or analysis directory supports (into <dir>/charts/)',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'A directory written by regiosim run, batch, analyze or sensitivity' })
      .option('format', { type: 'string', describe: 'svg, png or both (default both); a .vl.json spec is always written beside each chart' })
      .option('theme', { type: 'string', describe: 'default, or slides (large type for projection)' })
      .example('regiosim chart output/batch/haaglanden', 'All charts of a batch and its analysis, SVG and PNG')
      .example('regiosim chart output/batch/haaglanden --theme slides --lang nl --format png', 'Dutch PNGs with large type for a presentation'),
  handler: async (rawArgs, ctx) => {
    const args = rawArgs as unknown as ChartArgs;
    const dir = resolve(ctx.cwd, args.dir);
    const shown = shownDir(dir, ctx.cwd);
    // The charts go into <dir>/charts/: checked with the options, before anything is read.
    const where = existsSync(dir) ? outputProblem(join(dir, 'charts'), '<dir>', { kind: 'dir' }, `${shown}charts/`) : null;
    const options = parseChartOptions(args, ctx.lang, where ? [...ctx.problems, where] : ctx.problems);
    const data = loadDir(dir, shown);
    const cat = catalog(data, options);
    if (cat.jobs.length === 0) throw nothingToDraw(shown, cat.kinds, cat.missing);
    const { lang } = ctx;
    const result = await renderCharts(data, {
      ...options,
      onChart: (name) => ctx.err(t('cli.drew', lang, { name }) + '\n'),
    });
    const count = result.written.filter((f) => f.endsWith('.vl.json')).length;
    ctx.out(t('cli.wroteCharts', lang, { n: count, dir: shownDir(result.outDir, ctx.cwd), format: options.format === 'both' ? t('cli.svgAndPng', lang) : options.format, theme: options.theme, lang: options.lang }) + '\n');
    for (const m of result.missing) ctx.out(t('cli.notDrawn', lang, { what: describeMissing(m, lang) }) + '\n');
    for (const e of result.empty) ctx.out(t('cli.notDrawn', lang, { what: `${e.chart}: ${e.reason}` }) + '\n');
    for (const w of result.warnings) ctx.err(t('cli.chartWarning', lang, { chart: w.chart, warning: w.warning }) + '\n');
    return 0;
  },
};
