/** Analysis, charts and the report through the library. */
import { analyzeBatch, type AnalyzeOptions, type Analysis } from '../analysis/analyze.js';
import type { ChartJob, ThemeName, VlSpec } from '../charts/index.js';
import type { Lang } from '../i18n/index.js';
import { renderCharts, type Format, type RenderChartsResult } from '../render/charts-dir.js';
import { catalog } from '../render/catalog.js';
import { loadDir } from '../render/load.js';
import { writeReport as writeReportFile } from '../render/report.js';

export type { Analysis, AnalyzeOptions, ChartJob, Format, RenderChartsResult };
export { analyzeBatch };

export interface ChartSpec {
  name: string;
  heading: string;
  caption?: string;
  spec: VlSpec;
}

/** The Vega-Lite specs of every chart the data in a run, batch, analysis or sensitivity directory supports. */
export function chartSpecs(dir: string, options: { lang?: Lang; theme?: ThemeName } = {}): ChartSpec[] {
  const cat = catalog(loadDir(dir), { lang: options.lang ?? 'en', theme: options.theme ?? 'default' });
  return cat.jobs.map((j) => ({ name: j.name, heading: j.heading, ...(j.caption !== undefined ? { caption: j.caption } : {}), spec: j.build() }));
}

/** Draws every chart a directory supports into `<dir>/charts/` (SVG and/or PNG, with the Vega-Lite spec beside each). */
export async function drawCharts(dir: string, options: { format?: Format; theme?: ThemeName; lang?: Lang; onChart?: (name: string) => void } = {}): Promise<RenderChartsResult> {
  return renderCharts(loadDir(dir), { format: options.format ?? 'both', theme: options.theme ?? 'default', lang: options.lang ?? 'en', ...(options.onChart ? { onChart: options.onChart } : {}) });
}

/** Writes `<dir>/report.html` for a batch directory. */
export function writeReport(dir: string, options: { lang?: Lang } = {}): ReturnType<typeof writeReportFile> {
  return writeReportFile(dir, options.lang ?? 'en');
}
