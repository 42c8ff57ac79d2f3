/**
 * What a directory holds for the charts: the decoded rows of its files (src/formats) and its
 * manifest. src/render/load.ts reads it from disk; the chart registry (registry.ts) decides from
 * it which charts can be drawn. Pure.
 */
import type * as files from '../formats/files.js';
import type { RunSummary } from '../formats/json-files.js';
import type { BatchManifest, RunManifest } from '../formats/manifest.js';
import type { EventRow, RunSeriesRow } from './rows.js';

/** The files the charts and the report can use. */
export const KNOWN_FILES = [
  'manifest.json', 'summary.json', 'timeseries.csv', 'events.jsonl', 'trust.csv',
  'runs.csv', 'points.csv', 'municipalities.csv', 'timeseries-summary.csv', 'events-counts.csv',
  'summary.csv', 'comparison.csv', 'points-summary.csv', 'survival.csv', 'survival-summary.csv', 'summary.md', 'sensitivity.csv',
] as const;
export type KnownFile = (typeof KNOWN_FILES)[number];

export interface ChartData {
  /** The files present. */
  present: ReadonlySet<KnownFile>;
  /** The manifest of a batch (or of a sensitivity analysis, which is a batch). */
  batchManifest?: BatchManifest;
  /** The manifest of a single run. */
  runManifest?: RunManifest;
  runSummary?: RunSummary;
  runSeries?: RunSeriesRow[];
  events?: EventRow[];
  trust?: files.TrustRow[];
  runs?: files.RunRow[];
  runColumns?: string[];
  municipalities?: files.MunicipalityRow[];
  timeseriesSummary?: files.TimeseriesSummaryRow[];
  eventCounts?: files.EventCountRow[];
  summary?: files.SummaryRow[];
  comparison?: files.ComparisonRow[];
  pointsSummary?: files.PointsSummaryRow[];
  /** The varied parameters: the param_ columns of points-summary.csv, without the prefix. */
  pointsSummaryParams?: string[];
  survival?: files.SurvivalRow[];
  survivalSummary?: files.SurvivalSummaryRow[];
  sensitivity?: files.SensitivityRow[];
  summaryMd?: string;
}
