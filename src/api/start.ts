/**
 * The standard comparison (`regiosim start`, `npm start`): the four Haaglanden scenarios with
 * common random numbers, analysed against the abolished WGR-plus, charted and reported. Composed
 * of the library's own calls.
 */
import { join } from 'node:path';
import type { Lang } from '../i18n/index.js';
import { planBatch, runBatch, type BatchExecution, type BatchOutcome, type PlannedBatch } from './batch.js';
import { analyzeBatch, drawCharts, writeReport, type Analysis, type RenderChartsResult } from './outputs.js';
import { dock, robustness, type Docking, type RobustnessOutcome } from './uncertainty.js';
import { writeBrief, type BriefFiles } from './brief.js';

import { STANDARD_RUNS, STANDARD_SCENARIOS } from './standard.js';

export { STANDARD_RUNS, STANDARD_SCENARIOS };

export interface StandardComparisonOptions extends BatchExecution {
  runs?: number;
  /** Output directory (default output/standard-comparison under cwd). */
  out?: string;
  cwd?: string;
  lang?: Lang;
  /** Called before each step. */
  onStep?: (step: 'batch' | 'robustness' | 'charts' | 'report' | 'brief') => void;
  /** Print the brief to PDF (default true; without Chromium only brief.html is written). */
  pdf?: boolean;
  /**
   * The ensemble of plausible parameter sets the comparison is repeated over (default: the
   * built-in calibrated ensemble); false leaves out the parameter uncertainty.
   */
  ensemble?: string | false;
  /** Worlds of the ensemble used (default: all). */
  worlds?: number;
  /** Paired runs per world (default 4). */
  worldReplications?: number;
  /** The package root (where the built-in ensemble is). */
  packageRoot?: string;
}

export interface StandardComparison {
  planned: PlannedBatch;
  batch: BatchOutcome;
  analysis: Analysis;
  charts: RenderChartsResult;
  report: { path: string; charts: number };
  /** The decision brief (brief.html, brief.pdf, brief-chart.png). */
  brief: BriefFiles;
  /** The static baseline beside the model (docking.csv, docking-comparison.csv). */
  docking: Docking;
  /** The comparison across plausible parameter sets (null with `ensemble: false`). */
  robustness: RobustnessOutcome | null;
}

export async function standardComparison(options: StandardComparisonOptions = {}): Promise<StandardComparison> {
  const lang = options.lang ?? 'en';
  const planned = planBatch({ scenarios: STANDARD_SCENARIOS, runs: options.runs ?? STANDARD_RUNS, out: options.out ?? 'output/standard-comparison', ...(options.cwd ? { cwd: options.cwd } : {}) });
  options.onStep?.('batch');
  const batch = await runBatch(planned, options);
  let rob: RobustnessOutcome | null = null;
  if (options.ensemble !== false) {
    options.onStep?.('robustness');
    rob = await robustness(
      {
        scenarios: STANDARD_SCENARIOS, out: join(planned.out, 'robustness'), lang, command: options.command ?? 'regiosim start',
        ...(options.ensemble !== undefined ? { ensemble: options.ensemble } : {}), ...(options.worlds !== undefined ? { worlds: options.worlds } : {}),
        ...(options.worldReplications !== undefined ? { replications: options.worldReplications } : {}),
        ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.packageRoot ? { packageRoot: options.packageRoot } : {}),
      },
      { ...(options.workers !== undefined ? { workers: options.workers } : {}), ...(options.signal ? { signal: options.signal } : {}), ...(options.progress ? { progress: options.progress } : {}) },
    );
  }
  // The static baseline on the same tasks: how much of the differences it already gives.
  const docking = dock(planned.out, { reference: STANDARD_SCENARIOS[0] });
  const analysis = analyzeBatch(planned.out, { reference: STANDARD_SCENARIOS[0], lang });
  options.onStep?.('charts');
  const charts = await drawCharts(planned.out, { format: 'png', lang });
  options.onStep?.('report');
  const report = writeReport(planned.out, { lang });
  options.onStep?.('brief');
  const brief = (await writeBrief(planned.out, { lang, ...(options.pdf !== undefined ? { pdf: options.pdf } : {}) })).files;
  return { planned, batch, analysis, charts, report, brief, robustness: rob, docking };
}
