/**
 * The standard comparison (`regiosim start`, `npm start`): the four Haaglanden scenarios with
 * common random numbers, analysed against the abolished WGR-plus, charted and reported. Composed
 * of the library's own calls.
 */
import type { Lang } from '../i18n/index.js';
import { planBatch, runBatch, type BatchExecution, type BatchOutcome, type PlannedBatch } from './batch.js';
import { analyzeBatch, drawCharts, writeReport, type Analysis, type RenderChartsResult } from './outputs.js';

/** Reference first: the adviser's question is "how much better than without a structure?". */
export const STANDARD_SCENARIOS = ['wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'wgr-plus-continues'] as const;
export const STANDARD_RUNS = 1000;

export interface StandardComparisonOptions extends BatchExecution {
  runs?: number;
  /** Output directory (default output/standard-comparison under cwd). */
  out?: string;
  cwd?: string;
  lang?: Lang;
  /** Called before each step. */
  onStep?: (step: 'batch' | 'charts' | 'report') => void;
}

export interface StandardComparison {
  planned: PlannedBatch;
  batch: BatchOutcome;
  analysis: Analysis;
  charts: RenderChartsResult;
  report: { path: string; charts: number };
}

export async function standardComparison(options: StandardComparisonOptions = {}): Promise<StandardComparison> {
  const lang = options.lang ?? 'en';
  const planned = planBatch({ scenarios: STANDARD_SCENARIOS, runs: options.runs ?? STANDARD_RUNS, out: options.out ?? 'output/standard-comparison', ...(options.cwd ? { cwd: options.cwd } : {}) });
  options.onStep?.('batch');
  const batch = await runBatch(planned, options);
  const analysis = analyzeBatch(planned.out, { reference: STANDARD_SCENARIOS[0], lang });
  options.onStep?.('charts');
  const charts = await drawCharts(planned.out, { format: 'png', lang });
  options.onStep?.('report');
  const report = writeReport(planned.out, { lang });
  return { planned, batch, analysis, charts, report };
}
