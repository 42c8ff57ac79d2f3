/**
 * Which charts a directory's data supports: from the files present (a single run, a batch, its
 * analysis, a sensitivity analysis) to a list of chart jobs, plus, for the charts that belong to
 * that kind of directory but cannot be drawn, the files they miss.
 */
import { readFileSync } from 'node:fs';
import {
  distributionChart, eventRateChart, forestChart, mapChart, morrisChart, runSeriesChart, sensitivityOutcomes, sobolChart,
  survivalChart, timelineChart, timeseriesChart, trustChart, NoDataError, featureCode, topologyFeatures,
  type ChartOptions, type MunicipalityRow, type Topology, type TrustRow, type VlSpec,
} from '../charts/index.js';
import { measureName, measureUnit, t } from '../i18n/index.js';
import { toAbsMonth } from '../core/time.js';
import { dataPath } from '../io/regions.js';
import type { DirData, KnownFile } from './load.js';

/** Outcomes drawn as distributions (one chart each), when runs.csv has them. */
export const DISTRIBUTION_OUTCOMES = ['cooperation_stability', 'value_per_inhabitant', 'completion_rate', 'trust_mean', 'exits', 'coordination_share'] as const;
/** Outcomes in the forest plot of differences, in this order. */
export const FOREST_OUTCOMES = [
  'cooperation_stability', 'pairs_cooperating', 'value_per_inhabitant', 'value_nontransport', 'completion_rate', 'trust_mean', 'exits', 'coordination_share',
] as const;
/** The shorter list for the slides theme: a forest plot that fits on a slide. */
export const FOREST_OUTCOMES_SLIDES = ['cooperation_stability', 'value_per_inhabitant', 'completion_rate', 'trust_mean'] as const;
/** Time-series measures drawn over time. */
export const TIMESERIES_MEASURES = [
  { name: 'stability', measure: 'cooperation_stability' },
  { name: 'trust-over-time', measure: 'trust_mean' },
] as const;

export interface ChartJob {
  /** File stem under charts/ (e.g. `stability` → stability.svg, stability.png, stability.vl.json). */
  name: string;
  /** Heading in the report. */
  heading: string;
  build: () => VlSpec;
}

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

interface ScenarioWindow {
  start?: string;
  end?: string;
  from?: string;
  to?: string;
}

/** Horizon and evaluation window, from the batch manifest's first scenario or a run's summary.json. */
export function horizon(data: DirData): ScenarioWindow {
  const run = data.runSummary;
  if (run !== undefined) return { start: run.start, end: run.end, from: run.evaluation?.from, to: run.evaluation?.to };
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

/** Months in a YYYY-MM window, both ends included. */
function monthsIn(from?: string, to?: string): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  try {
    return toAbsMonth(to) - toAbsMonth(from) + 1;
  } catch {
    return undefined;
  }
}

/** Trust snapshots to show: the start, the last one before the 2015 abolition, the first election after it, the end. */
export function trustDates(rows: readonly TrustRow[]): string[] {
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  if (dates.length <= 4) return dates;
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const before = [...dates].reverse().find((d) => d < '2015-01' && d !== first);
  const after = dates.find((d) => d >= '2015-01' && d !== last);
  const picked = [first, before, after, last].filter((d): d is string => d !== undefined);
  if (picked.length >= 3) return [...new Set(picked)];
  return [first, dates[Math.floor((dates.length - 1) / 2)]!, last];
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
  const lang = options.lang ?? 'en';
  const opts: ChartOptions = { ...options, scenarios: options.scenarios ?? scenarioList(data) };
  const jobs: ChartJob[] = [];
  const missing: MissingChart[] = [];
  const need = (chart: string, files: KnownFile[], hint?: string): boolean => {
    const absent = files.filter((f) => !has(f));
    if (absent.length === 0) return true;
    if (missing.some((m) => m.chart === chart)) return false;
    missing.push({ chart, files: absent, ...(hint !== undefined ? { hint } : {}) });
    return false;
  };
  const win = horizon(data);
  const analyzeHint = 'run `regiosim analyze <dir>` first';

  // A sensitivity directory is also a batch (one run set per design point): its own charts are
  // Morris and Sobol; charts of the first design point alone would mislead.
  if ((isBatch || isAnalysis) && !isSensitivity) {
    for (const { name, measure } of TIMESERIES_MEASURES) {
      if (need(name, ['timeseries-summary.csv'])) {
        const rows = data.timeseriesSummary!;
        if (rows.some((row) => row.measure === measure)) {
          jobs.push({ name, heading: `${measureName('month', measure, lang)}, ${t('chart.overTime', lang)}`, build: () => timeseriesChart(rows, { ...opts, measure }) });
        }
      }
    }
    if (need('outcome distributions', ['runs.csv'])) {
      for (const outcome of DISTRIBUTION_OUTCOMES) {
        if (!data.runColumns!.includes(outcome)) continue;
        jobs.push({ name: `outcome-${outcome}`, heading: t('chart.distributionTitle', lang, { measure: measureName('run', outcome, lang) }), build: () => distributionChart(data.runs!, { ...opts, outcome }) });
      }
    }
    if (need('differences', ['comparison.csv'], analyzeHint)) {
      const rows = data.comparison!;
      const reference = rows[0]?.reference ?? '';
      jobs.push({ name: 'differences', heading: t('chart.forestTitle', lang, { reference }), build: () => forestChart(rows, { ...opts, outcomes: options.theme === 'slides' ? FOREST_OUTCOMES_SLIDES : FOREST_OUTCOMES }) });
    }
    if (need('survival', ['survival.csv'], analyzeHint)) {
      jobs.push({ name: 'survival', heading: t('chart.survivalTitle', lang), build: () => survivalChart(data.survival!, opts) });
    }
    if (need('map', ['municipalities.csv'])) {
      const rows = data.municipalities!;
      const months = monthsIn(win.from ?? win.start, win.to ?? win.end);
      const scale = months !== undefined ? { factor: 12 / months, unit: measureUnit('run', 'value_per_inhabitant', lang) } : undefined;
      jobs.push({
        name: 'map-value-per-inhabitant',
        heading: t('chart.mapTitle', lang, { measure: measureName('municipality', 'value_per_inhabitant', lang), unit: scale?.unit ?? measureUnit('municipality', 'value', lang) }),
        build: () => mapChart(topologyFor([...new Set(rows.map((r) => r.code))]), rows, { ...opts, measure: 'value_per_inhabitant', ...(scale ? { scale } : {}) }),
      });
    }
    if (need('exits over time', ['events-counts.csv', 'runs.csv']) && win.start !== undefined && win.end !== undefined) {
      const runsPerScenario: Record<string, number> = {};
      const firstPoint = new Map<string, number>();
      for (const row of data.runs!) firstPoint.set(row.scenario, Math.min(firstPoint.get(row.scenario) ?? Infinity, row.point));
      for (const row of data.runs!) if (firstPoint.get(row.scenario) === row.point) runsPerScenario[row.scenario] = (runsPerScenario[row.scenario] ?? 0) + 1;
      const start = win.start;
      const end = win.end;
      jobs.push({
        name: 'exits-over-time', heading: t('chart.eventRateTitle', lang, { measure: measureName('run', 'exits', lang), unit: measureUnit('run', 'exits', lang) }),
        build: () => eventRateChart(data.eventCounts!, { ...opts, type: 'exit', runsPerScenario, start, end }),
      });
    }
  }

  if (isRun) {
    const run = data.runSummary;
    const scenario = run?.scenario ?? data.runManifest?.scenario.name ?? '';
    const seed = run?.seed ?? data.runManifest?.seed ?? '?';
    for (const { name, measure } of TIMESERIES_MEASURES) {
      if (need(name, ['timeseries.csv'])) {
        jobs.push({ name, heading: `${measureName('month', measure, lang)}, ${t('chart.overTime', lang)}`, build: () => runSeriesChart(data.runSeries!, { ...opts, measure, scenario, seed }) });
      }
    }
    if (need('trust matrix', ['trust.csv'])) {
      const rows = data.trust!;
      const order = run !== undefined ? [...run.municipalities].sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : 1)).map((m) => m.code) : undefined;
      jobs.push({ name: 'trust-matrix', heading: t('chart.trustTitle', lang), build: () => trustChart(rows, { ...opts, dates: trustDates(rows), ...(order ? { order } : {}) }) });
    }
    if (need('map', ['summary.json']) && run !== undefined) {
      const rows: MunicipalityRow[] = run.municipalities.map((m) => ({
        run: 0, scenario, point: 0, replication: 0, code: m.code, name: m.name, population: m.population,
        value_per_inhabitant: m.valuePerInhabitant,
      }));
      const months = monthsIn(win.from ?? win.start, win.to ?? win.end);
      const scale = months !== undefined ? { factor: 12 / months, unit: measureUnit('run', 'value_per_inhabitant', lang) } : undefined;
      jobs.push({
        name: 'map-value-per-inhabitant',
        heading: t('chart.mapTitle', lang, { measure: measureName('municipality', 'value_per_inhabitant', lang), unit: scale?.unit ?? '' }),
        build: () => mapChart(topologyFor(rows.map((r) => r.code)), rows, { ...opts, measure: 'value_per_inhabitant', subtitle: t('chart.mapSubtitleRun', lang, { seed }), ...(scale ? { scale } : {}) }),
      });
    }
    if (need('timeline', ['events.jsonl'])) {
      jobs.push({
        name: 'timeline', heading: t('chart.timelineTitle', lang, { scenario, seed }),
        build: () => timelineChart(data.events!, { ...opts, scenario, seed, ...(win.start ? { start: win.start } : {}), ...(win.end ? { end: win.end } : {}) }),
      });
    }
  }

  if (isSensitivity) {
    const rows = data.sensitivity!;
    for (const outcome of sensitivityOutcomes(rows, 'morris')) {
      jobs.push({ name: `morris-${outcome}`, heading: t('chart.morrisTitle', lang, { measure: measureName('run', outcome, lang) }), build: () => morrisChart(rows, { ...opts, outcome }) });
    }
    for (const outcome of sensitivityOutcomes(rows, 'sobol')) {
      jobs.push({ name: `sobol-${outcome}`, heading: t('chart.sobolTitle', lang, { measure: measureName('run', outcome, lang) }), build: () => sobolChart(rows, { ...opts, outcome }) });
    }
    if (jobs.every((j) => !j.name.startsWith('morris-') && !j.name.startsWith('sobol-'))) {
      missing.push({ chart: 'sensitivity', files: [], hint: 'sensitivity.csv has no rows with method morris or sobol' });
    }
  }
  return { kinds, jobs, missing };
}

export { NoDataError };
