/**
 * A measure over time per scenario (cooperation stability by default): the mean line with a
 * 95% band, the measure's definition above the plot, the y axis from 0 (percent for shares),
 * and the council elections and structural changes of the scenarios' own calendars marked.
 */
import { studentTQuantile } from '../stats/distributions.js';
import {
  bottomLegend, distinct, finite, firstPoints, frame, resolveOptions, round, scenarioColour, scenarioOrder,
  chartMarkers, definitionLines, markersNote, timeMarkerLayers, tooltipFormat, valueFormat, yearAxis, yearFraction, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { isBounded01, measure as measureSpec } from '../core/measures.js';
import { measureAxisTitle, t } from '../i18n/index.js';
import type { RunSeriesRow, TimeseriesSummaryRow } from './rows.js';

export interface TimeseriesOptions extends ChartOptions {
  /** The measure of timeseries-summary.csv to show (default cooperation_stability). */
  measure?: string;
  /**
   * What the band shows: `mean` (default) the 95% t interval of the mean, how precisely the mean
   * is known; `runs` the middle 95% of runs (p2_5 to p97_5), how far a single run may stray (with
   * several scenarios these bands overlap so much that the lines are hard to tell apart; the
   * outcome distributions show the spread of runs instead).
   */
  band?: 'runs' | 'mean';
}

/** Mean line and 95% band per scenario from timeseries-summary.csv. */
export function timeseriesChart(rows: readonly TimeseriesSummaryRow[], opts: TimeseriesOptions = {}): VlSpec {
  const r = resolveOptions(opts);
  const measure = opts.measure ?? 'cooperation_stability';
  const band = opts.band ?? 'mean';
  const selected = rows.filter((row) => row.measure === measure);
  const spec = measureSpec('month', measure);
  const bounded = spec !== undefined && isBounded01(spec);
  if (selected.length === 0) throw new NoDataError(`no rows for measure ${measure}`);
  const points = firstPoints(selected);
  const values = selected.filter(points.keep).map((row) => {
    let lo: number | null;
    let hi: number | null;
    if (band === 'runs') {
      lo = finite(row.p2_5);
      hi = finite(row.p97_5);
    } else {
      const sd = finite(row.sd ?? null);
      const half = sd !== null && row.n > 1 ? studentTQuantile(0.975, row.n - 1) * sd / Math.sqrt(row.n) : null;
      const mean = row.mean ?? Number.NaN;
      lo = half === null ? null : mean - half;
      hi = half === null ? null : mean + half;
      // A share or 0-1 index cannot leave [0, 1]: the t interval can, near the bounds.
      if (bounded) {
        lo = lo === null ? null : Math.max(0, lo);
        hi = hi === null ? null : Math.min(1, hi);
      }
    }
    return {
      scenario: row.scenario, date: row.date, x: round(yearFraction(row.date), 8),
      mean: finite(row.mean) === null ? null : round(row.mean!), lo: lo === null ? null : round(lo), hi: hi === null ? null : round(hi), n: row.n,
    };
  });
  const order = scenarioOrder(values, opts.scenarios);
  const xs = values.map((v) => v.x);
  const from = Math.min(...xs);
  const to = Math.max(...xs);
  const ns = distinct(values.map((v) => v.n)).sort((a, b) => a - b);
  const nText = ns.length === 1 ? String(ns[0]) : `${ns[0]}-${ns[ns.length - 1]}`;
  const markers = chartMarkers(r, opts, order.filter((sc) => values.some((v) => v.scenario === sc)));
  const subtitle = [...definitionLines('month', measure, r), t(band === 'runs' ? 'chart.bandRuns' : 'chart.bandMean', r.lang, { n: nText }), t('chart.intervalsKind', r.lang), markersNote(from, to, r, markers)];
  if (points.sweep) subtitle.push(t('chart.firstPointNote', r.lang));
  const yTitle = measureAxisTitle('month', measure, r.lang);
  const title = `${yTitle}, ${t('chart.overTime', r.lang)}`;
  const yFormat = valueFormat('month', measure, values.flatMap((v) => [v.mean ?? 0, v.hi ?? 0]));
  const tipFormat = tooltipFormat('month', measure);
  const x = yearAxis(from, to, r);
  const presentOrder = order.filter((s) => values.some((v) => v.scenario === s));
  const colour = scenarioColour(order, r, bottomLegend(presentOrder, r, r.sizes.width, { symbolType: 'stroke', symbolOpacity: 1 }));
  const tooltip = [
    { field: 'scenario', type: 'nominal', title: t('chart.scenario', r.lang) },
    { field: 'date', type: 'nominal', title: t('chart.date', r.lang) },
    { field: 'mean', type: 'quantitative', title: t('chart.mean', r.lang), format: tipFormat },
    { field: 'lo', type: 'quantitative', title: t('chart.lower', r.lang), format: tipFormat },
    { field: 'hi', type: 'quantitative', title: t('chart.upper', r.lang), format: tipFormat },
    { field: 'n', type: 'quantitative', title: t('chart.n', r.lang) },
  ];
  return frame(r, title, subtitle, {
    width: r.sizes.width,
    height: r.sizes.height,
    layer: [
      {
        data: { values },
        layer: [
          {
            mark: { type: 'area', opacity: 0.16 },
            encoding: { x, y: { field: 'lo', type: 'quantitative', title: yTitle, scale: { zero: true }, axis: { format: yFormat } }, y2: { field: 'hi' }, color: colour },
          },
          {
            mark: { type: 'line', strokeWidth: r.sizes.strokeWidth },
            encoding: { x, y: { field: 'mean', type: 'quantitative' }, color: colour, tooltip },
          },
        ],
      },
      ...timeMarkerLayers(from, to, r, markers),
    ],
  });
}

export interface RunSeriesOptions extends ChartOptions {
  measure?: string;
  scenario: string;
  seed: number | string;
}

/** One run's measure over time (timeseries.csv of a single run), with the same markers. */
export function runSeriesChart(rows: readonly RunSeriesRow[], opts: RunSeriesOptions): VlSpec {
  const r = resolveOptions(opts);
  const measure = opts.measure ?? 'cooperation_stability';
  const values = rows
    .filter((row) => row.measure === measure)
    .map((row) => ({ scenario: opts.scenario, date: row.date, x: round(yearFraction(row.date), 8), value: finite(row.value) === null ? null : round(row.value!) }));
  if (values.length === 0) throw new NoDataError(`no rows for measure ${measure}`);
  const order = scenarioOrder(values, opts.scenarios);
  const xs = values.map((v) => v.x);
  const from = Math.min(...xs);
  const to = Math.max(...xs);
  const x = yearAxis(from, to, r);
  const markers = chartMarkers(r, opts, [opts.scenario]);
  const yTitle = measureAxisTitle('month', measure, r.lang);
  const yFormat = valueFormat('month', measure, values.map((v) => v.value ?? 0));
  return frame(r, `${yTitle}, ${t('chart.overTime', r.lang)}`, [...definitionLines('month', measure, r), `${opts.scenario}. ${t('chart.singleRun', r.lang, { seed: opts.seed })}`, markersNote(from, to, r, markers)], {
    width: r.sizes.width,
    height: r.sizes.height,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: r.sizes.strokeWidth },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: true }, axis: { format: yFormat } },
          color: scenarioColour(order, r, null),
          tooltip: [
            { field: 'date', type: 'nominal', title: t('chart.date', r.lang) },
            { field: 'value', type: 'quantitative', title: yTitle, format: tooltipFormat('month', measure) },
          ],
        },
      },
      ...timeMarkerLayers(from, to, r, markers),
    ],
  });
}
