/**
 * Event charts. For a single run (events.jsonl): a timeline with one lane per kind of event
 * (elections, joins, exits, formations, dissolutions, mandjes, ...), one mark per month sized by
 * the number of events. For a batch (events-counts.csv): exits and joins per month, the mean per
 * run, per scenario, with the elections marked.
 */
import {
  chartMarkers, definitionLines, distinct, frame, valueFormat, resolveOptions, round, scenarioColour, scenarioOrder, scenarioTitle, markersNote, timeMarkerLayers, yearAxis, yearFraction,
  firstPoints, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { eventName, measureName, measureUnit, t } from '../i18n/index.js';

/** Event types and the outcome that counts them (for plural panel titles). */
const RATE_MEASURES: Readonly<Record<string, string>> = { exit: 'exits', join: 'joins', formation: 'formations', dissolution: 'dissolutions', mandje: 'mandjes', deadlock: 'deadlocks', 'forced-vote': 'forced_votes' };
import type { EventCountRow, EventRow } from './rows.js';

/** Event types drawn on the timeline, top to bottom. */
export const TIMELINE_TYPES = ['scenario', 'election', 'formation', 'join', 'exit', 'dissolution', 'mandje', 'forced-vote', 'deadlock'] as const;

export interface TimelineOptions extends ChartOptions {
  scenario: string;
  seed: number | string;
  /** Event types to show (default TIMELINE_TYPES). */
  types?: readonly string[];
  /** First and last month of the run (default: the first and last event). */
  start?: string;
  end?: string;
}

function shortList(items: readonly string[], max = 6): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')}, … (+${items.length - max})`;
}

export function timelineChart(events: readonly EventRow[], opts: TimelineOptions): VlSpec {
  const r = resolveOptions(opts);
  const types = opts.types ?? TIMELINE_TYPES;
  const groups = new Map<string, { date: string; type: string; count: number; municipalities: string[]; arrangements: string[]; details: string[] }>();
  for (const e of events) {
    if (!types.includes(e.type)) continue;
    const key = `${e.date}|${e.type}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { date: e.date, type: e.type, count: 0, municipalities: [], arrangements: [], details: [] }));
    g.count += 1;
    for (const m of e.municipalities ?? []) if (!g.municipalities.includes(m)) g.municipalities.push(m);
    if (e.arrangement !== undefined && !g.arrangements.includes(e.arrangement)) g.arrangements.push(e.arrangement);
    const label = e.detail?.['label'] ?? e.detail?.['reason'];
    if (label !== undefined && !g.details.includes(String(label))) g.details.push(String(label));
  }
  const values = [...groups.values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : types.indexOf(a.type) - types.indexOf(b.type)))
    .map((g) => ({
      date: g.date, x: round(yearFraction(g.date), 8), type: eventName(g.type, r.lang), count: g.count,
      municipalities: shortList(g.municipalities), arrangements: shortList(g.arrangements, 4), detail: shortList(g.details, 3),
    }));
  if (values.length === 0) throw new NoDataError('no events of the charted kinds');
  const lanes = types.filter((ty) => groups.size > 0 && [...groups.values()].some((g) => g.type === ty)).map((ty) => eventName(ty, r.lang));
  const xs = values.map((v) => v.x);
  const dates = events.map((e) => yearFraction(e.date)).filter(Number.isFinite);
  const from = opts.start !== undefined ? yearFraction(opts.start) : Math.min(...dates, ...xs);
  const to = opts.end !== undefined ? yearFraction(opts.end) : Math.max(...dates, ...xs);
  const x = yearAxis(from, to, r);
  const maxCount = Math.max(...values.map((v) => v.count));
  const markers = chartMarkers(r, opts, [opts.scenario]);
  return frame(r, t('chart.timelineTitle', r.lang, { scenario: opts.scenario, seed: opts.seed }), [t('chart.timelineSubtitle', r.lang), markersNote(from, to, r, markers)], {
    width: r.sizes.width,
    height: { step: r.theme === 'slides' ? 48 : 28 },
    layer: [
      ...timeMarkerLayers(from, to, r, markers),
      {
        data: { values },
        mark: { type: 'circle', opacity: 0.75, color: '#1a1a1a' },
        encoding: {
          x,
          y: { field: 'type', type: 'nominal', sort: lanes, scale: { domain: lanes }, title: null, axis: { grid: true, gridColor: '#eeeeee' } },
          size: {
            field: 'count', type: 'quantitative', title: t('chart.count', r.lang),
            scale: { domain: [1, Math.max(2, maxCount)], range: r.theme === 'slides' ? [50, 700] : [14, 260], zero: false },
            legend: { orient: 'bottom', direction: 'horizontal', titleOrient: 'left', format: 'd', values: distinct([1, Math.max(1, Math.round(maxCount / 2)), maxCount]) },
          },
          tooltip: [
            { field: 'date', type: 'nominal', title: t('chart.date', r.lang) },
            { field: 'type', type: 'nominal', title: t('chart.event', r.lang) },
            { field: 'count', type: 'quantitative', title: t('chart.count', r.lang) },
            { field: 'municipalities', type: 'nominal', title: t('chart.municipalities', r.lang) },
            { field: 'arrangements', type: 'nominal', title: t('chart.arrangementName', r.lang) },
            { field: 'detail', type: 'nominal', title: t('chart.detail', r.lang) },
          ],
        },
      },
    ],
  });
}

export interface EventRateOptions extends ChartOptions {
  /** The event type to count (default exit). */
  type?: string;
  /** Runs per scenario (events-counts.csv omits zeros, so the count of runs comes from runs.csv). */
  runsPerScenario: Readonly<Record<string, number>>;
  /** First and last month of the horizon (zeros are omitted from the file, so it may not show them). */
  start: string;
  end: string;
}

/**
 * Events of one type per quarter, the mean per run, one small panel per scenario (events-counts.csv):
 * whether exits cluster after council elections (stylized fact 6).
 */
export function eventRateChart(rows: readonly EventCountRow[], opts: EventRateOptions): VlSpec {
  const r = resolveOptions(opts);
  const type = opts.type ?? 'exit';
  const points = firstPoints(rows);
  const kept = rows.filter((row) => points.keep(row) && row.type === type);
  const order = scenarioOrder(kept, opts.scenarios);
  const present = order.filter((s) => opts.runsPerScenario[s] !== undefined);
  if (present.length === 0) throw new NoDataError('no runs');
  const from = yearFraction(opts.start);
  const to = yearFraction(opts.end) + 1 / 12;
  const sums = new Map<string, number>();
  for (const row of kept) {
    const key = `${row.scenario}|${row.date}`;
    sums.set(key, (sums.get(key) ?? 0) + row.count);
  }
  const start = Math.round(from * 12);
  const end = Math.round(to * 12);
  const values: Array<Record<string, unknown>> = [];
  for (const scenario of present) {
    const n = opts.runsPerScenario[scenario]!;
    for (let q = start - (start % 3); q < end; q += 3) {
      let total = 0;
      for (let m = q; m < q + 3; m++) total += sums.get(`${scenario}|${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`) ?? 0;
      values.push({ scenario, x: round(q / 12, 8), x2: round((q + 3) / 12, 8), quarter: `${Math.floor(q / 12)} Q${Math.floor((q % 12) / 3) + 1}`, rate: round(total / n, 4) });
    }
  }
  const ns = distinct(present.map((s) => opts.runsPerScenario[s]!)).sort((a, b) => a - b);
  const nText = ns.length === 1 ? String(ns[0]) : `${ns[0]}-${ns[ns.length - 1]}`;
  const measure = RATE_MEASURES[type];
  const name = measure !== undefined ? measureName('run', measure, r.lang) : eventName(type, r.lang);
  const unit = measure !== undefined ? measureUnit('run', measure, r.lang) : t('chart.count', r.lang).toLowerCase();
  const colour = scenarioColour(order, r, null);
  const maxRate = Math.max(0, ...values.map((v) => v['rate'] as number));
  const panels = present.map((scenario, i) => {
    const last = i === present.length - 1;
    const base = yearAxis(from, to, r, last ? t('chart.year', r.lang) : null);
    const x = { ...base, axis: { ...(base['axis'] as Record<string, unknown>), labels: last } };
    return {
      title: { text: scenarioTitle(r, scenario), fontSize: r.sizes.axisTitle, fontWeight: 'bold', anchor: 'start' },
      width: r.sizes.width,
      height: r.theme === 'slides' ? 130 : 70,
      layer: [
        ...timeMarkerLayers(from, to, r, chartMarkers(r, opts, [scenario]), { labels: i === 0 }),
        {
          data: { values: values.filter((v) => v['scenario'] === scenario) },
          mark: { type: 'rect' },
          encoding: {
            x,
            x2: { field: 'x2' },
            y: { field: 'rate', type: 'quantitative', title: null, scale: { domain: [0, maxRate > 0 ? maxRate : 1] }, axis: { tickCount: 2, format: valueFormat(undefined, undefined, [maxRate], { share: false }) } },
            y2: { datum: 0 },
            color: colour,
            tooltip: [
              { field: 'scenario', type: 'nominal', title: t('chart.scenario', r.lang) },
              { field: 'quarter', type: 'nominal', title: t('chart.quarter', r.lang) },
              { field: 'rate', type: 'quantitative', title: t('chart.perQuarter', r.lang), format: '.2f' },
            ],
          },
        },
      ],
    };
  });
  return frame(r, t('chart.eventRateTitle', r.lang, { measure: name, unit }), [...(measure !== undefined ? definitionLines('run', measure, r) : []), t('chart.eventRateSubtitle', r.lang, { n: nText }), markersNote(from, to, r, chartMarkers(r, opts, present)), ...(points.sweep ? [t('chart.firstPointNote', r.lang)] : [])], {
    vconcat: panels,
    spacing: r.theme === 'slides' ? 24 : 12,
  });
}
