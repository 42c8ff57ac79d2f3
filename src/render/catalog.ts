/**
 * Which charts a directory's data supports: the chart registry (src/charts/registry.ts) applied
 * to what the directory holds (a single run, a batch, its analysis, a sensitivity analysis),
 * with the scenarios' calendars and the map boundaries filled in; for the charts that belong to
 * that kind of directory but cannot be drawn, the files they miss.
 */
import { readFileSync } from 'node:fs';
import type { ChartOptions, Topology } from '../charts/index.js';
import { featureCode, NoDataError, topologyFeatures } from '../charts/index.js';
import { CHARTS, type ChartContext, type ChartJob, type ChartScope } from '../charts/registry.js';
import type { Calendar } from '../core/calendar.js';
import { t, type Lang } from '../i18n/index.js';
import { dataPath } from '../io/regions.js';
import type { DirData, KnownFile } from './load.js';

export type { ChartJob };

export interface MissingChart {
  chart: string;
  files: KnownFile[];
  hint?: string;
}

export interface Catalog {
  kinds: Array<'run' | 'batch' | 'analysis' | 'sensitivity'>;
  jobs: ChartJob[];
  missing: MissingChart[];
}

/** Scenario names in batch order (manifest), else in order of first appearance. */
export function scenarioList(data: DirData): string[] {
  const out: string[] = [];
  for (const s of data.batchManifest?.scenarios ?? []) if (!out.includes(s.name)) out.push(s.name);
  const add = (rows: ReadonlyArray<{ scenario: string }> | undefined): void => {
    for (const row of rows ?? []) if (!out.includes(row.scenario)) out.push(row.scenario);
  };
  add(data.runs);
  add(data.timeseriesSummary);
  add(data.summary);
  add(data.survival);
  if (data.runSummary !== undefined && !out.includes(data.runSummary.scenario)) out.push(data.runSummary.scenario);
  return out;
}

/** Each scenario's readable title in the language: from the batch's plan, or from the run's summary. */
export function scenarioTitles(data: DirData, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of data.batchManifest?.scenarios ?? []) out[s.name] = (lang === 'nl' ? s.title_nl : undefined) ?? s.title;
  const run = data.runSummary;
  if (run !== undefined && run.title !== undefined) out[run.scenario] = (lang === 'nl' ? run.title_nl : undefined) ?? run.title;
  return out;
}

/** The calendar of each scenario: of its first point in a batch, or of the run. */
export function calendars(data: DirData): Record<string, Calendar> {
  const out: Record<string, Calendar> = {};
  for (const p of data.batchManifest?.experiment.points ?? []) if (out[p.scenario] === undefined && p.calendar) out[p.scenario] = p.calendar as Calendar;
  const run = data.runManifest;
  if (run?.calendar) out[data.runSummary?.scenario ?? run.scenario.name] = run.calendar as Calendar;
  return out;
}

interface ScenarioWindow {
  start?: string;
  end?: string;
  from?: string;
  to?: string;
}

/** Horizon and evaluation window, from the batch manifest's first scenario or a run's summary.json. */
export function horizon(data: DirData): ScenarioWindow {
  const run = data.runSummary;
  if (run !== undefined) return { start: run.start, end: run.end, from: run.evaluation.from, to: run.evaluation.to };
  const s = data.batchManifest?.scenarios[0];
  if (s !== undefined) return { start: s.start, end: s.end, from: s.evaluation.from, to: s.evaluation.to };
  const dates = (data.timeseriesSummary ?? []).map((row) => row.date).sort();
  return { start: dates[0], end: dates[dates.length - 1] };
}

let topologies: Map<string, Topology> | undefined;
function readTopology(file: string): Topology {
  topologies ??= new Map();
  let topo = topologies.get(file);
  if (topo === undefined) {
    topo = JSON.parse(readFileSync(dataPath(file), 'utf8')) as Topology;
    topologies.set(file, topo);
  }
  return topo;
}

/** The boundary file that holds all (or most) of the codes: 2019 first, else the 2014 division (Rivierenland). */
export function topologyFor(codes: readonly string[]): Topology {
  let best: { topo: Topology; found: number } | undefined;
  for (const file of ['nl-gemeente-2019.topojson', 'nl-gemeente-2014.topojson']) {
    const topo = readTopology(file);
    const known = new Set(topologyFeatures(topo).map(featureCode));
    const found = codes.filter((c) => known.has(c)).length;
    if (found === codes.length) return topo;
    if (best === undefined || found > best.found) best = { topo, found };
  }
  return best!.topo;
}

/** What the directory's data supports. */
export function catalog(data: DirData, options: ChartOptions = {}): Catalog {
  const has = (f: KnownFile): boolean => data.present.has(f);
  const kinds: Catalog['kinds'] = [];
  const isRun = has('summary.json') || has('timeseries.csv') || has('events.jsonl') || has('trust.csv');
  const isBatch = has('runs.csv') || has('timeseries-summary.csv') || has('municipalities.csv') || has('events-counts.csv') || data.batchManifest !== undefined;
  const isAnalysis = has('summary.csv') || has('comparison.csv') || has('survival.csv');
  const isSensitivity = has('sensitivity.csv');
  if (isRun) kinds.push('run');
  if (isBatch) kinds.push('batch');
  if (isAnalysis) kinds.push('analysis');
  if (isSensitivity) kinds.push('sensitivity');
  // A sensitivity directory is also a batch (one run set per design point): its own charts are
  // Morris and Sobol; charts of the first design point alone would mislead.
  const scopes = new Set<ChartScope>();
  if ((isBatch || isAnalysis) && !isSensitivity) scopes.add('batch');
  if (isRun) scopes.add('run');
  if (isSensitivity) scopes.add('sensitivity');
  const lang = options.lang ?? 'en';
  const context: ChartContext = {
    data,
    lang,
    opts: { ...options, scenarios: options.scenarios ?? scenarioList(data), calendars: options.calendars ?? calendars(data), titles: options.titles ?? scenarioTitles(data, lang) },
    window: horizon(data),
    topology: topologyFor,
  };
  const jobs: ChartJob[] = [];
  const missing: MissingChart[] = [];
  for (const entry of CHARTS) {
    if (!scopes.has(entry.scope)) continue;
    if (entry.applies && !entry.applies(data)) continue;
    const absent = entry.needs.filter((f) => !has(f));
    if (absent.length > 0) {
      const chart = entry.id.replace(/-<outcome>$/, '');
      if (!missing.some((m) => m.chart === chart)) missing.push({ chart, files: absent, ...(entry.hint !== undefined ? { hint: t(entry.hint, lang) } : {}) });
      continue;
    }
    jobs.push(...entry.make(context));
  }
  if (isSensitivity && jobs.every((j) => !j.name.startsWith('morris-') && !j.name.startsWith('sobol-'))) {
    missing.push({ chart: 'sensitivity', files: [], hint: t('chart.hintSensitivity', lang) });
  }
  return { kinds, jobs, missing };
}

export { NoDataError };
