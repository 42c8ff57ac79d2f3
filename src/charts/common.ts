/**
 * Pieces shared by the chart builders: the spec type, options, calendar helpers (months as
 * fractional years), the markers of elections and structural changes (from the scenarios' own
 * calendars), and the scenario colour encoding.
 *
 * Pure: no file access.
 */
import type { Calendar, CalendarEvent } from '../core/calendar.js';
import { measure as measureSpec, type Level } from '../core/measures.js';
import { formatter, isShareMeasure, measureChartDefinition, measureName, MONTH_NAMES, t, type Lang } from '../i18n/index.js';
import { ANNOTATION_COLOUR, scenarioColours, THEME_SIZES, vegaLiteConfig, type ThemeName, type ThemeSizes } from './theme.js';

/** Thrown by a chart builder when its rows hold nothing to draw (not a bug: the data is empty). */
export class NoDataError extends Error {
  override readonly name = 'NoDataError';
}

/** A Vega-Lite specification as plain JSON (validated by compiling it; see tests/charts). */
export type VlSpec = { $schema: string } & Record<string, unknown>;
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export interface ChartOptions {
  lang?: Lang;
  theme?: ThemeName;
  /**
   * Every scenario of the batch, in batch order. Fixes the colours and the order of scenarios
   * across charts; defaults to the scenarios in the rows, in order of first appearance.
   */
  scenarios?: readonly string[];
  /** The calendar of each scenario (elections, structural events), for the time markers. */
  calendars?: Readonly<Record<string, Calendar>>;
  /** Each scenario's readable title in the chart's language, for legends, axes and panel titles (else its name). */
  titles?: Readonly<Record<string, string>>;
}

export interface Resolved {
  lang: Lang;
  theme: ThemeName;
  sizes: ThemeSizes;
  titles: Readonly<Record<string, string>>;
}

export function resolveOptions(opts: ChartOptions): Resolved {
  const theme = opts.theme ?? 'default';
  return { lang: opts.lang ?? 'en', theme, sizes: THEME_SIZES[theme], titles: opts.titles ?? {} };
}

/** A scenario as a chart names it: its readable title, or its name when it has none. */
export function scenarioTitle(r: Resolved, name: string): string {
  return r.titles[name] ?? name;
}

/**
 * A Vega expression that turns a scenario's name (`datum.label` of a legend or axis) into its
 * title; undefined when no scenario has a title other than its name. The data keep the names,
 * which the tooltips, sorting and colours use.
 */
export function scenarioLabelExpr(r: Resolved, names: readonly string[]): string | undefined {
  const named = names.filter((n) => r.titles[n] !== undefined && r.titles[n] !== n);
  if (named.length === 0) return undefined;
  return named.reduceRight((rest, n) => `datum.label === ${JSON.stringify(n)} ? ${JSON.stringify(r.titles[n])} : ${rest}`, 'datum.label');
}

/** Axis or header properties that label scenarios by their titles (empty when there are none). */
export function scenarioLabels(r: Resolved, names: readonly string[]): Record<string, unknown> {
  const expr = scenarioLabelExpr(r, names);
  return expr === undefined ? {} : { labelExpr: expr };
}

/** The top-level frame every chart shares: schema, config, title and subtitle. */
export function frame(r: Resolved, title: string, subtitle: string | string[] | undefined, body: Record<string, unknown>): VlSpec {
  const titleSpec: Record<string, unknown> = { text: title };
  const lines = (Array.isArray(subtitle) ? subtitle : [subtitle]).filter((l): l is string => typeof l === 'string' && l !== '');
  if (lines.length > 0) titleSpec['subtitle'] = lines.length === 1 ? lines[0] : lines;
  return { $schema: VEGA_LITE_SCHEMA, title: titleSpec, config: vegaLiteConfig(r.theme, r.lang), ...body };
}

/** Scenarios in the order to show them: the given list, then any others in order of appearance. */
export function scenarioOrder(rows: ReadonlyArray<{ scenario: string }>, given?: readonly string[]): string[] {
  const out = [...(given ?? [])];
  for (const row of rows) if (!out.includes(row.scenario)) out.push(row.scenario);
  return out;
}

/** A colour encoding for the scenario field with the fixed palette; the legend names scenarios by their titles. */
export function scenarioColour(order: readonly string[], r: Resolved, legend: Record<string, unknown> | null = {}): Record<string, unknown> {
  const { domain, range } = scenarioColours(order);
  return {
    field: 'scenario',
    type: 'nominal',
    title: t('chart.scenario', r.lang),
    sort: domain,
    scale: { domain, range },
    legend: legend === null ? null : { ...scenarioLabels(r, order), ...legend },
  };
}

/** A legend below the plot, in as many columns as fit, balanced over the rows (4 entries: 2 × 2). */
export function bottomLegend(names: readonly string[], r: Resolved, width: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const longest = names.reduce((m, s) => Math.max(m, scenarioTitle(r, s).length), 0);
  const perEntry = longest * 0.62 * r.sizes.label + 3 * r.sizes.label + 12;
  const fit = Math.max(1, Math.min(names.length, Math.floor(width / perEntry)));
  const rows = Math.ceil(names.length / fit);
  const columns = Math.max(1, Math.ceil(names.length / rows));
  return { orient: 'bottom', direction: 'horizontal', columns, titleOrient: 'left', titleAnchor: 'start', ...extra };
}

/** `YYYY-MM` → year + (month − 1)/12, so January 2015 is 2015 and March 2018 is 2018.1667. */
export function yearFraction(date: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  if (!m) return Number.NaN;
  return Number(m[1]) + (Number(m[2]) - 1) / 12;
}

/** A quantitative x encoding in fractional years with whole-year ticks. */
export function yearAxis(from: number, to: number, r: Resolved, title: string | null = t('chart.year', r.lang)): Record<string, unknown> {
  const span = to - from;
  const every = span > 30 ? 5 : span > 12 ? 2 : 1;
  const values: number[] = [];
  for (let y = Math.ceil(from); y <= to; y++) if (y % every === 0) values.push(y);
  return {
    field: 'x',
    type: 'quantitative',
    title,
    scale: { domain: [from, to], nice: false, zero: false },
    axis: { format: 'd', values, labelFlush: false, grid: false },
  };
}

/** What the time charts mark: election months and structural changes, from the scenarios' calendars. */
export interface Markers {
  /** Election months, YYYY-MM. */
  elections: string[];
  /** Years between elections, when the scenarios agree. */
  cycle: number | null;
  /** One per month with a structural scenario event: where and what. */
  structure: Array<{ date: string; text: string; scenarios?: string[] }>;
  /** How many scenarios the markers are of (0 when unknown). */
  of?: number;
}

/** The label of a month's structural events: the abolition of a mandatory city region first, else the scenario's label or what happened. */
function structureText(events: readonly CalendarEvent[], lang: Lang): string {
  const abolition = events.find((e) => e.change === 'end' && e.kind === 'wgr-plus');
  if (abolition) return t('chart.abolition', lang);
  const e = events[0]!;
  if (e.label) return e.label;
  return t(e.change === 'start' ? 'chart.structureStart' : e.change === 'end' ? 'chart.structureEnd' : 'chart.structureChange', lang, { name: e.name });
}

/** The markers of the given scenarios' calendars (their union). */
export function markersOf(calendars: readonly Calendar[], lang: Lang): Markers {
  const elections = [...new Set(calendars.flatMap((c) => c.elections))].sort();
  const cycles = [...new Set(calendars.map((c) => c.cycle))];
  const byDate = new Map<string, CalendarEvent[]>();
  for (const c of calendars) for (const e of c.events) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  const structure = [...byDate.keys()].sort().map((date) => ({ date, text: structureText(byDate.get(date)!, lang) }));
  return { elections, cycle: cycles.length === 1 ? cycles[0]! : null, structure };
}

/** The markers of the scenarios in a chart (from ChartOptions.calendars; none without calendars). */
export function chartMarkers(r: Resolved, opts: ChartOptions, scenarios: readonly string[]): Markers {
  const named = scenarios.filter((s) => opts.calendars?.[s] !== undefined);
  const markers = markersOf(named.map((s) => opts.calendars![s]!), r.lang);
  // Which scenarios have each structural change: a chart of several scenarios says so when not all do.
  const structure = markers.structure.map((m) => ({ ...m, scenarios: named.filter((s) => opts.calendars![s]!.events.some((e) => e.date === m.date)) }));
  return { ...markers, structure, of: named.length };
}

const inRange = (date: string, from: number, to: number): boolean => {
  const x = yearFraction(date);
  return x >= from && x <= to;
};

/**
 * Layers that mark the council elections (dashed rules, the first labelled above the plot) and
 * the structural changes (solid rules, labelled one line higher), within [from, to].
 */
export function timeMarkerLayers(from: number, to: number, r: Resolved, markers: Markers, opts: { labels?: boolean } = {}): Record<string, unknown>[] {
  const labels = opts.labels ?? true;
  const s = r.sizes;
  const first = markers.cycle === null ? t('chart.electionsPlain', r.lang) : t('chart.elections', r.lang, { years: formatter(r.lang).word(markers.cycle) });
  const elections = markers.elections.filter((d) => inRange(d, from, to)).map((date, i) => ({
    x: yearFraction(date), date, label: `${t('chart.election', r.lang)} ${date.slice(0, 4)}`, text: i === 0 ? first : '',
  }));
  const layers: Record<string, unknown>[] = [];
  const xEnc = { field: 'x', type: 'quantitative' };
  if (elections.length > 0) {
    layers.push({
      data: { values: elections },
      mark: { type: 'rule', strokeDash: [4, 3], color: ANNOTATION_COLOUR, strokeWidth: r.theme === 'slides' ? 2 : 1 },
      encoding: { x: xEnc, tooltip: [{ field: 'label', type: 'nominal', title: t('chart.event', r.lang) }] },
    });
    // Only the first rule is labelled: every election is in the same month of a year on the
    // axis, and labels on all of them crowd the top of the plot.
    if (labels) layers.push({
      data: { values: elections.slice(0, 1) },
      mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 3, dy: -2, fontSize: s.annotation, color: ANNOTATION_COLOUR },
      encoding: { x: xEnc, y: { value: 0 }, text: { field: 'text' } },
    });
  }
  const values = markers.structure.filter((m) => inRange(m.date, from, to)).map((m) => ({ x: yearFraction(m.date), date: m.date, label: m.text }));
  if (values.length > 0) {
    layers.push({
      data: { values },
      mark: { type: 'rule', color: '#333333', strokeWidth: r.theme === 'slides' ? 3 : 1.5 },
      encoding: { x: xEnc, tooltip: [{ field: 'label', type: 'nominal', title: t('chart.event', r.lang) }, { field: 'date', type: 'nominal', title: t('chart.date', r.lang) }] },
    });
    if (labels) layers.push({
      data: { values },
      mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 2, dy: -(s.annotation + 6), fontSize: s.annotation, fontWeight: 'bold', color: '#333333' },
      encoding: { x: xEnc, y: { value: 0 }, text: { field: 'label' } },
    });
  }
  return layers;
}

/** The subtitle line that explains the markers drawn by {@link timeMarkerLayers} (empty when there are none). */
export function markersNote(from: number, to: number, r: Resolved, markers: Markers): string {
  const fmt = formatter(r.lang);
  const elections = markers.elections.filter((d) => inRange(d, from, to));
  const structure = markers.structure.filter((m) => inRange(m.date, from, to));
  const months = [...new Set(elections.map((d) => Number(d.slice(5, 7))))];
  const month = months.map((m) => MONTH_NAMES[r.lang][m - 1]).join(', ');
  const when = (m: Markers['structure'][number]): string => (m.scenarios !== undefined && m.scenarios.length < (markers.of ?? 0) ? `${fmt.month(m.date)}; ${m.scenarios.map((n) => scenarioTitle(r, n)).join(', ')}` : fmt.month(m.date));
  const events = structure.map((m) => `${m.text} (${when(m)})`).join(', ');
  if (elections.length > 0 && structure.length === 1) return t('chart.markersNote', r.lang, { month, event: structure[0]!.text, date: when(structure[0]!) });
  if (elections.length > 0 && structure.length > 1) return t('chart.markersNoteMany', r.lang, { month, events });
  if (elections.length > 0) return t('chart.markersElections', r.lang, { month });
  if (structure.length > 0) return t('chart.markersStructure', r.lang, { events });
  return '';
}

/** A finite number or null (Vega-Lite skips nulls; NaN would break scales). */
export function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** The smallest point id per scenario: charts of a sweep show each scenario's first point. */
export function firstPoints(rows: ReadonlyArray<{ scenario: string; point: number }>): { keep: (row: { scenario: string; point: number }) => boolean; sweep: boolean } {
  const first = new Map<string, number>();
  const seen = new Map<string, Set<number>>();
  for (const row of rows) {
    const p = first.get(row.scenario);
    if (p === undefined || row.point < p) first.set(row.scenario, row.point);
    let set = seen.get(row.scenario);
    if (set === undefined) seen.set(row.scenario, (set = new Set()));
    set.add(row.point);
  }
  const sweep = [...seen.values()].some((s) => s.size > 1);
  return { keep: (row) => first.get(row.scenario) === row.point, sweep };
}

/** Round to `digits` significant digits (keeps inline data compact and byte-stable). */
export function round(x: number, digits = 6): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

/** Distinct values in order of first appearance. */
export function distinct<T>(values: Iterable<T>): T[] {
  const out: T[] = [];
  const seen = new Set<T>();
  for (const v of values) {
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** A deterministic jitter in [−1, 1] from an integer (a hash, so neighbouring runs spread out). */
export function jitter(i: number): number {
  let h = (i + 0x9e3779b9) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 0xffffffff) * 2 - 1;
}

/**
 * A long subtitle line broken at spaces into lines that fit `width` pixels at the subtitle size
 * (DejaVu Sans averages about 0.56 em per character), so a definition never widens a chart.
 * Joining the lines with single spaces gives the text back.
 */
export function wrapText(text: string, r: Resolved, width: number = r.sizes.width): string[] {
  const perLine = Math.max(20, Math.floor(width / (0.56 * r.sizes.subtitle)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The subtitle lines that define a measure: its short definition from the measure registry, wrapped to the chart. */
export function definitionLines(level: Level, id: string, r: Resolved, width?: number): string[] {
  const text = measureChartDefinition(level, id, r.lang);
  return text === '' ? [] : wrapText(text, r, width);
}

/** "Name: definition", for charts that show several measures (one line each, wrapped). */
export function namedDefinitionLines(level: Level, id: string, r: Resolved, width?: number): string[] {
  const text = measureChartDefinition(level, id, r.lang);
  return text === '' ? [] : wrapText(`${measureName(level, id, r.lang)}: ${text}`, r, width);
}

/**
 * A d3 number format for values of a measure: percentages for shares, else fixed decimals by
 * the size of the values. Never `e`, `g`, `r` or `s`: no chart prints 3e+1 or 30k.
 */
export function valueFormat(level: Level | undefined, id: string | undefined, values: readonly number[], opts: { share?: boolean; sign?: boolean } = {}): string {
  const share = opts.share ?? (level !== undefined && id !== undefined && isShareMeasure(level, id));
  const sign = opts.sign ? '+' : '';
  const finiteValues = values.filter(Number.isFinite);
  const span = finiteValues.length === 0 ? 0 : Math.max(...finiteValues.map(Math.abs));
  if (share) return span * 100 >= 10 || span === 0 ? `${sign}.0%` : `${sign}.1~%`;
  if (span >= 10 || span === 0) return `${sign},.0f`;
  if (span >= 1) return `${sign},.1~f`;
  if (span >= 0.1) return `${sign},.2~f`;
  return `${sign},.3~f`;
}

/** The format of a tooltip value: one more decimal than an axis needs. */
export function tooltipFormat(level: Level | undefined, id: string | undefined): string {
  return level !== undefined && id !== undefined && isShareMeasure(level, id) ? '.1%' : ',.3~f';
}

/** Which way is better for a measure, as an axis cue ('' for a measure without a direction). */
export function directionCue(level: Level, id: string, lang: Lang): string {
  const direction = measureSpec(level, id)?.direction ?? 'neutral';
  return direction === 'higher' ? t('chart.cueHigher', lang) : direction === 'lower' ? t('chart.cueLower', lang) : '';
}
