/**
 * The chart registry: every chart regiosim draws, defined once, with the directory kind it
 * belongs to, the files it needs, its heading and caption (through the message catalogue) and
 * how its builder is called. `regiosim chart`, the report and the codebook (docs/formats.md)
 * derive their lists from here.
 *
 * To add a chart: write its builder (a pure function from rows to a Vega-Lite spec) and add one
 * entry here.
 *
 * Pure: no file access (the boundaries of the map come in through the context).
 */
import type { Calendar } from '../core/calendar.js';
import { HEADLINE, type Level } from '../core/measures.js';
import { PARAMS } from '../core/params.js';
import { toAbsMonth } from '../core/time.js';
import { formatter, measureName, measureUnit, t, type Lang, type MessageKey } from '../i18n/index.js';
import type { ChartData, KnownFile } from './data.js';
import { distributionChart } from './distribution.js';
import { experimentDifferenceChart, experimentOutcomeChart } from './experiment.js';
import { forestChart } from './forest.js';
import { mapChart } from './map.js';
import { membershipChart, storyTimelineChart } from './membership.js';
import type { MunicipalityRow, Topology, TrustRow } from './rows.js';
import { morrisChart, sensitivityOutcomes, sobolChart } from './sensitivity.js';
import { survivalChart } from './survival.js';
import { eventRateChart, timelineChart } from './timeline.js';
import { runSeriesChart, timeseriesChart } from './timeseries.js';
import { trustChart } from './trust.js';
import type { ChartOptions, VlSpec } from './common.js';
import { variedParameters } from '../formats/varied.js';

/** The kinds of directory a chart belongs to. */
export type ChartScope = 'batch' | 'run' | 'sensitivity';

export interface ChartJob {
  /** File stem under charts/ (e.g. `stability` → stability.svg, stability.png, stability.vl.json). */
  name: string;
  /** Heading in the report. */
  heading: string;
  /** Caption in the report, when the chart has one. */
  caption?: string;
  /** The measures the chart shows: it carries each one's definition from the measure registry. */
  measures: ReadonlyArray<{ level: Level; id: string }>;
  /** For a chart of no registry measure: the message that defines what it shows. */
  defines?: MessageKey;
  build: () => VlSpec;
}

/** What a chart entry is given besides the data. */
export interface ChartContext {
  data: ChartData;
  lang: Lang;
  /** Chart options with the batch's scenarios and their calendars filled in. */
  opts: ChartOptions;
  /** Horizon and evaluation window of the directory. */
  window: { start?: string; end?: string; from?: string; to?: string };
  /** The boundary file holding most of these municipality codes. */
  topology: (codes: readonly string[]) => Topology;
}

export interface ChartEntry {
  /** The chart's name, or its pattern for a family (`outcome-<outcome>`). */
  id: string;
  scope: ChartScope;
  /** Files it needs. */
  needs: readonly KnownFile[];
  /** What makes the missing files. */
  hint?: MessageKey;
  /** One line for the codebook. */
  about: string;
  /** The charts it draws from the data (several for a family; none when the data holds nothing for it). */
  make: (c: ChartContext) => ChartJob[];
  /** Whether the chart belongs to this directory at all (default: always); when not, its missing files are not reported either. */
  applies?: (data: ChartData) => boolean;
}

/** Outcomes drawn as distributions and in the forest plot: the headline set of the measure registry. */
export const FOREST_OUTCOMES = HEADLINE;
/** The shorter list for the slides theme, a forest plot that fits on a slide: the first four headline outcomes. */
export const FOREST_OUTCOMES_SLIDES = HEADLINE.slice(0, 4);

const ANALYZE: MessageKey = 'chart.hintAnalyze';

/** Months in a YYYY-MM window, both ends included. */
function monthsIn(from?: string, to?: string): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  try {
    return toAbsMonth(to) - toAbsMonth(from) + 1;
  } catch {
    return undefined;
  }
}

/** The first month in which a scenario event changes the structure, if any. */
export function firstStructureChange(calendars: readonly Calendar[]): string | undefined {
  return calendars.flatMap((c) => c.events.map((e) => e.date)).sort()[0];
}

/**
 * Trust snapshots to show: the start, the last one before the first structural change, the first
 * after it, and the end; without a structural change the start, the middle and the end.
 */
export function trustDates(rows: readonly TrustRow[], change?: string): string[] {
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  if (dates.length <= 4) return dates;
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  if (change !== undefined) {
    const before = [...dates].reverse().find((d) => d < change && d !== first);
    const after = dates.find((d) => d >= change && d !== last);
    const picked = [first, before, after, last].filter((d): d is string => d !== undefined);
    if (picked.length >= 3) return [...new Set(picked)];
  }
  return [first, dates[Math.floor((dates.length - 1) / 2)]!, last];
}

const caption = (key: MessageKey, lang: Lang, vars?: Record<string, string>): string => t(key, lang, vars);

function overTime(name: string, measure: string, c: ChartContext, run: boolean): ChartJob {
  const heading = `${measureName('month', measure, c.lang)}, ${t('chart.overTime', c.lang)}`;
  if (run) {
    const scenario = runScenario(c);
    return { name, heading, measures: [{ level: 'month', id: measure }], build: () => runSeriesChart(c.data.runSeries!, { ...c.opts, measure, scenario, seed: runSeed(c) }) };
  }
  const change = firstStructureChange(Object.values(c.opts.calendars ?? {}));
  const key: MessageKey | undefined = measure === 'cooperation_stability' ? (change ? 'caption.stability' : 'caption.stabilityNoChange') : measure === 'trust_mean' ? 'caption.trust-over-time' : undefined;
  return {
    name, heading, ...(key ? { caption: caption(key, c.lang, change ? { date: formatter(c.lang).month(change) } : {}) } : {}), measures: [{ level: 'month', id: measure }],
    build: () => timeseriesChart(c.data.timeseriesSummary!, { ...c.opts, measure }),
  };
}

/** The dormancy rule of a batch: the parameters of its first point, else the registry's defaults. */
function dormancyOf(c: ChartContext): { months: number; secretaryFactor: number } {
  const p = c.data.batchManifest?.experiment.points[0]?.parameters ?? {};
  return { months: p['dormancyMonths'] ?? PARAMS.dormancyMonths.default, secretaryFactor: p['dormancySecretaryFactor'] ?? PARAMS.dormancySecretaryFactor.default };
}

function runScenario(c: ChartContext): string {
  return c.data.runSummary?.scenario ?? c.data.runManifest?.scenario.name ?? '';
}

function runSeed(c: ChartContext): number | string {
  return c.data.runSummary?.seed ?? c.data.runManifest?.seed ?? '?';
}

const TIMESERIES = [
  { name: 'stability', measure: 'cooperation_stability' },
  { name: 'trust-over-time', measure: 'trust_mean' },
] as const;

/**
 * Whether a batch is an experiment across parameter space: its manifest's points vary a
 * parameter (src/formats/varied.ts), or its analysis wrote points-summary.csv.
 */
export function isExperiment(data: ChartData): boolean {
  if (data.present.has('points-summary.csv')) return true;
  const points = data.batchManifest?.experiment.points ?? [];
  return variedParameters(points.map((p) => ({ scenario: p.scenario, params: p.parameters }))).length > 0;
}

/** A scenario as headings and captions name it: its title, else its name. */
const named = (c: ChartContext, scenario: string): string => c.opts.titles?.[scenario] ?? scenario;

/** The headline outcomes of points-summary.csv, with the varied parameters, for the charts against the parameters. */
function experimentJobs(c: ChartContext, kind: 'scenario' | 'difference'): ChartJob[] {
  const rows = c.data.pointsSummary!;
  const params = c.data.pointsSummaryParams ?? [];
  if (params.length === 0) return [];
  const reference = rows.find((row) => row.kind === 'difference')?.reference ?? '';
  return HEADLINE.filter((o) => rows.some((row) => row.kind === kind && row.outcome === o)).map((outcome) => {
    const measure = measureName('run', outcome, c.lang);
    return kind === 'scenario'
      ? { name: `experiment-${outcome}`, heading: t('chart.expTitle', c.lang, { measure }), measures: [{ level: 'run' as const, id: outcome }], build: () => experimentOutcomeChart(rows, { ...c.opts, outcome, params }) }
      : { name: `experiment-difference-${outcome}`, heading: t('chart.expDiffTitle', c.lang, { measure, reference: named(c, reference) }), measures: [{ level: 'run' as const, id: outcome }], build: () => experimentDifferenceChart(rows, { ...c.opts, outcome, params }) };
  });
}

/** Every chart, in the order `regiosim chart` draws them and the report shows them. */
export const CHARTS: readonly ChartEntry[] = [
  ...TIMESERIES.map((x): ChartEntry => ({
    id: x.name, scope: 'batch', needs: ['timeseries-summary.csv'], about: `${x.measure} over time: the mean per scenario with the 95% interval of the mean; elections and structural changes marked.`,
    make: (c) => (c.data.timeseriesSummary!.some((row) => row.measure === x.measure) ? [overTime(x.name, x.measure, c, false)] : []),
  })),
  {
    id: 'outcome-<outcome>', scope: 'batch', needs: ['runs.csv'], about: 'The distribution of a headline outcome over the runs, per scenario: every run a dot, with a box plot.',
    make: (c) =>
      HEADLINE.filter((o) => c.data.runColumns!.includes(o)).map((outcome) => ({
        name: `outcome-${outcome}`, heading: t('chart.distributionTitle', c.lang, { measure: measureName('run', outcome, c.lang) }), caption: caption('caption.outcome', c.lang), measures: [{ level: 'run', id: outcome }],
        build: () => distributionChart(c.data.runs!, { ...c.opts, outcome }),
      })),
  },
  {
    id: 'differences', scope: 'batch', needs: ['comparison.csv'], hint: ANALYZE, about: 'Each scenario against the reference: paired differences of the headline outcomes with 95% intervals (forest plot).',
    make: (c) => {
      const rows = c.data.comparison!;
      const reference = rows[0]?.reference ?? '';
      const outcomes = (c.opts.theme === 'slides' ? FOREST_OUTCOMES_SLIDES : FOREST_OUTCOMES).filter((o) => rows.some((row) => row.outcome === o));
      return [{
        name: 'differences', heading: t('chart.forestTitle', c.lang, { reference: named(c, reference) }), caption: caption('caption.differences', c.lang), measures: outcomes.map((id) => ({ level: 'run' as const, id })),
        build: () => forestChart(rows, { ...c.opts, outcomes }),
      }];
    },
  },
  {
    id: 'experiment-<outcome>', scope: 'batch', needs: ['points-summary.csv'], hint: ANALYZE, applies: isExperiment,
    about: 'An experiment only: a headline outcome of every scenario against the varied parameters, every point drawn (one parameter: a line; two: a heat map per scenario; more: one panel per parameter).',
    make: (c) => experimentJobs(c, 'scenario'),
  },
  {
    id: 'experiment-difference-<outcome>', scope: 'batch', needs: ['points-summary.csv'], hint: ANALYZE, applies: isExperiment,
    about: 'An experiment only: the difference of each scenario from the reference in a headline outcome against the varied parameters, every point drawn, better and worse marked.',
    make: (c) => experimentJobs(c, 'difference'),
  },
  {
    id: 'survival', scope: 'batch', needs: ['survival.csv'], hint: ANALYZE, about: 'How long arrangements and memberships last, per arrangement kind: Kaplan–Meier curves with 95% bands, the dissolution rule stated.',
    make: (c) => [{
      name: 'survival', heading: t('chart.survivalTitle', c.lang), caption: caption('caption.survival', c.lang), measures: [], defines: 'chart.survivalDefinition',
      build: () => survivalChart(c.data.survival!, { ...c.opts, dormancy: dormancyOf(c) }),
    }],
  },
  {
    id: 'map-value-per-inhabitant', scope: 'batch', needs: ['municipalities.csv'], about: 'Value per inhabitant per year per municipality, the mean over the runs, one map per scenario.',
    make: (c) => {
      const rows = c.data.municipalities!;
      const months = monthsIn(c.window.from ?? c.window.start, c.window.to ?? c.window.end);
      const scale = months !== undefined ? { factor: 12 / months, unit: measureUnit('run', 'value_per_inhabitant', c.lang) } : undefined;
      return [{
        name: 'map-value-per-inhabitant',
        heading: t('chart.mapTitle', c.lang, { measure: measureName('municipality', 'value_per_inhabitant', c.lang), unit: scale?.unit ?? measureUnit('municipality', 'value', c.lang) }),
        caption: caption('caption.map', c.lang), measures: [{ level: 'municipality', id: 'value_per_inhabitant' }],
        build: () => mapChart(c.topology([...new Set(rows.map((r) => r.code))]), rows, { ...c.opts, measure: 'value_per_inhabitant', ...(scale ? { scale } : {}) }),
      }];
    },
  },
  {
    id: 'map-difference-value-per-inhabitant', scope: 'batch', needs: ['municipalities.csv'],
    about: 'Value per inhabitant per year per municipality: each scenario minus the reference scenario (of comparison.csv, else the first), the mean over the runs.',
    make: (c) => {
      const rows = c.data.municipalities!;
      const reference = c.data.comparison?.[0]?.reference ?? c.opts.scenarios?.find((s) => rows.some((r) => r.scenario === s));
      if (reference === undefined || !rows.some((r) => r.scenario !== reference)) return [];
      const months = monthsIn(c.window.from ?? c.window.start, c.window.to ?? c.window.end);
      const scale = months !== undefined ? { factor: 12 / months, unit: measureUnit('run', 'value_per_inhabitant', c.lang) } : undefined;
      const unit = scale?.unit ?? measureUnit('municipality', 'value_per_inhabitant', c.lang);
      return [{
        name: 'map-difference-value-per-inhabitant',
        heading: t('chart.mapDifferenceTitle', c.lang, { measure: measureName('municipality', 'value_per_inhabitant', c.lang), reference: named(c, reference), unit }),
        caption: caption('caption.mapDifference', c.lang, { reference: named(c, reference) }), measures: [{ level: 'municipality', id: 'value_per_inhabitant' }],
        build: () => mapChart(c.topology([...new Set(rows.map((r) => r.code))]), rows, { ...c.opts, measure: 'value_per_inhabitant', difference: { reference }, ...(scale ? { scale } : {}) }),
      }];
    },
  },
  {
    id: 'exits-over-time', scope: 'batch', needs: ['events-counts.csv', 'runs.csv'], about: 'Exits per quarter, the mean per run, per scenario, with the elections marked.',
    make: (c) => {
      const { start, end } = c.window;
      if (start === undefined || end === undefined) return [];
      const runsPerScenario: Record<string, number> = {};
      const firstPoint = new Map<string, number>();
      for (const row of c.data.runs!) firstPoint.set(row.scenario, Math.min(firstPoint.get(row.scenario) ?? Infinity, row.point));
      for (const row of c.data.runs!) if (firstPoint.get(row.scenario) === row.point) runsPerScenario[row.scenario] = (runsPerScenario[row.scenario] ?? 0) + 1;
      return [{
        name: 'exits-over-time', heading: t('chart.eventRateTitle', c.lang, { measure: measureName('run', 'exits', c.lang), unit: measureUnit('run', 'exits', c.lang) }),
        caption: caption('caption.exits-over-time', c.lang), measures: [{ level: 'run', id: 'exits' }],
        build: () => eventRateChart(c.data.eventCounts!, { ...c.opts, type: 'exit', runsPerScenario, start, end }),
      }];
    },
  },
  ...TIMESERIES.map((x): ChartEntry => ({
    id: x.name, scope: 'run', needs: ['timeseries.csv'], about: `${x.measure} over the months of one run, with its elections and structural changes marked.`,
    make: (c) => [overTime(x.name, x.measure, c, true)],
  })),
  {
    id: 'trust-matrix', scope: 'run', needs: ['trust.csv'], about: 'Trust between every pair of municipalities at the start, around the first structural change and at the end, largest municipality first.',
    make: (c) => {
      const rows = c.data.trust!;
      const run = c.data.runSummary;
      const order = run !== undefined ? [...run.municipalities].sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : 1)).map((m) => m.code) : undefined;
      const change = firstStructureChange(Object.values(c.opts.calendars ?? {}));
      return [{ name: 'trust-matrix', heading: t('chart.trustTitle', c.lang), measures: [], defines: 'chart.trustDefinition', build: () => trustChart(rows, { ...c.opts, dates: trustDates(rows, change), ...(order ? { order } : {}) }) }];
    },
  },
  {
    id: 'map-value-per-inhabitant', scope: 'run', needs: ['summary.json'], about: 'Value per inhabitant per year per municipality in one run.',
    make: (c) => {
      const run = c.data.runSummary;
      if (run === undefined) return [];
      const scenario = runScenario(c);
      const seed = runSeed(c);
      const rows: MunicipalityRow[] = run.municipalities.map((m) => ({
        run: 0, scenario, point: 0, replication: 0, code: m.code, name: m.name, population: m.population, value_per_inhabitant: (m.measures as Record<string, number | null>)['value_per_inhabitant'] ?? null,
      }));
      const months = monthsIn(c.window.from ?? c.window.start, c.window.to ?? c.window.end);
      const scale = months !== undefined ? { factor: 12 / months, unit: measureUnit('run', 'value_per_inhabitant', c.lang) } : undefined;
      return [{
        name: 'map-value-per-inhabitant', heading: t('chart.mapTitle', c.lang, { measure: measureName('municipality', 'value_per_inhabitant', c.lang), unit: scale?.unit ?? '' }), measures: [{ level: 'municipality', id: 'value_per_inhabitant' }],
        build: () => mapChart(c.topology(rows.map((r) => r.code)), rows, { ...c.opts, measure: 'value_per_inhabitant', subtitle: t('chart.mapSubtitleRun', c.lang, { seed }), ...(scale ? { scale } : {}) }),
      }];
    },
  },
  {
    id: 'timeline', scope: 'run', needs: ['events.jsonl'], about: 'What happened in one run: one lane per kind of event, one mark per month.',
    make: (c) => {
      const scenario = runScenario(c);
      const seed = runSeed(c);
      const { start, end } = c.window;
      return [{ name: 'timeline', heading: t('chart.timelineTitle', c.lang, { scenario, seed }), measures: [], defines: 'chart.timelineSubtitle', build: () => timelineChart(c.data.events!, { ...c.opts, scenario, seed, ...(start ? { start } : {}), ...(end ? { end } : {}) }) }];
    },
  },
  {
    id: 'membership', scope: 'run', needs: ['summary.json'], about: 'Who is in which arrangement, month by month: one panel per arrangement (and module), one row per municipality, a bar for its membership.',
    make: (c) => {
      const run = c.data.runSummary;
      if (run === undefined) return [];
      const scenario = runScenario(c);
      const seed = runSeed(c);
      return [{ name: 'membership', heading: t('chart.membershipTitle', c.lang, { scenario, seed }), measures: [], defines: 'chart.membershipSubtitle', build: () => membershipChart(run, { ...c.opts, scenario, seed }) }];
    },
  },
  {
    id: 'timeline-named', scope: 'run', needs: ['events.jsonl', 'summary.json'], about: 'What happened in one run, and to whom: every join, exit, formation, dissolution, scenario event and election on its own row, labelled with the municipality and what happened.',
    make: (c) => {
      const run = c.data.runSummary;
      if (run === undefined) return [];
      const scenario = runScenario(c);
      const seed = runSeed(c);
      return [{ name: 'timeline-named', heading: t('chart.storyTimelineTitle', c.lang, { scenario, seed }), measures: [], defines: 'chart.storyTimelineSubtitle', build: () => storyTimelineChart(c.data.events!, run, { ...c.opts, scenario, seed }) }];
    },
  },
  {
    id: 'morris-<outcome>', scope: 'sensitivity', needs: ['sensitivity.csv'], about: 'Morris screening of an outcome: mu* against sigma per parameter.',
    make: (c) => sensitivityOutcomes(c.data.sensitivity!, 'morris').map((outcome) => ({
      name: `morris-${outcome}`, heading: t('chart.morrisTitle', c.lang, { measure: measureName('run', outcome, c.lang) }), measures: [{ level: 'run', id: outcome }], build: () => morrisChart(c.data.sensitivity!, { ...c.opts, outcome }),
    })),
  },
  {
    id: 'sobol-<outcome>', scope: 'sensitivity', needs: ['sensitivity.csv'], about: 'Sobol indices of an outcome: S1 and ST per parameter with 95% intervals.',
    make: (c) => sensitivityOutcomes(c.data.sensitivity!, 'sobol').map((outcome) => ({
      name: `sobol-${outcome}`, heading: t('chart.sobolTitle', c.lang, { measure: measureName('run', outcome, c.lang) }), measures: [{ level: 'run', id: outcome }], build: () => sobolChart(c.data.sensitivity!, { ...c.opts, outcome }),
    })),
  },
];
