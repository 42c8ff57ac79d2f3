/**
 * An experiment's outcomes and differences against the parameters it varies
 * (points-summary.csv), every point drawn:
 * - one varied parameter: the value against the parameter, a dot per point with its 95%
 *   interval, a line through the points of each scenario;
 * - two: a heat map (a full grid; the points of a Latin hypercube as coloured dots), one panel
 *   per scenario;
 * - more: small multiples, one panel per parameter, each showing every point at its value of
 *   that parameter.
 * Difference charts mark what summary.md calls better or worse (clear and of practical
 * importance) and say which way is better.
 *
 * Pure: no file access.
 */
import { measure, UNITS } from '../core/measures.js';
import { measureTitle, measureUnit, t, type Lang } from '../i18n/index.js';
import { definitionLines, distinct, finite, frame, NoDataError, resolveOptions, round, scenarioColour, scenarioLabels, scenarioOrder, scenarioTitle, type ChartOptions, type Resolved, type VlSpec } from './common.js';
import type { PointsSummaryRow } from './rows.js';

export interface ExperimentChartOptions extends ChartOptions {
  /** The outcome (a column of runs.csv). */
  outcome: string;
  /** The varied parameters (the param_ columns of points-summary.csv, without the prefix), in order. */
  params: readonly string[];
}

type Datum = Record<string, string | number | boolean | null>;

const IMPORTANT = new Set(['better', 'worse', 'higher', 'lower']);
const VERDICT_KEY = { better: 'chart.expBetter', worse: 'chart.expWorse', higher: 'chart.expHigher', lower: 'chart.expLower' } as const;

function verdictText(verdict: string | null, lang: Lang): string {
  return verdict !== null && verdict in VERDICT_KEY ? t(VERDICT_KEY[verdict as keyof typeof VERDICT_KEY], lang) : t('chart.expNone', lang);
}

const field = (param: string): string => `param_${param}`;

function isShare(outcome: string): boolean {
  const spec = measure('run', outcome);
  return spec !== undefined && UNITS[spec.unit].kind === 'share';
}

/** Whether the points of every scenario are the full factorial of two parameters' values. */
function isGrid(values: readonly Datum[], params: readonly string[]): boolean {
  for (const s of distinct(values.map((v) => v['scenario'] as string))) {
    const own = values.filter((v) => v['scenario'] === s);
    const keys = new Set(own.map((v) => params.map((p) => v[field(p)]).join('|')));
    const size = params.reduce((n, p) => n * distinct(own.map((v) => v[field(p)])).length, 1);
    if (keys.size !== own.length || size !== own.length) return false;
  }
  return true;
}

/** The rows of one kind and outcome as chart data: estimate, interval, verdict and the parameter values. */
function chartValues(rows: readonly PointsSummaryRow[], kind: 'scenario' | 'difference', opts: ExperimentChartOptions, lang: Lang): Datum[] {
  const out: Datum[] = [];
  for (const row of rows) {
    if (row.kind !== kind || row.outcome !== opts.outcome) continue;
    const value = finite(row.estimate);
    if (value === null) continue;
    const d: Datum = {
      scenario: row.scenario, point: row.point, n: row.n, value: round(value),
      lo: finite(row.ci_lo) === null ? null : round(row.ci_lo!), hi: finite(row.ci_hi) === null ? null : round(row.ci_hi!),
      important: row.verdict !== null && IMPORTANT.has(row.verdict), verdict: verdictText(row.verdict, lang),
    };
    for (const p of opts.params) {
      const v = (row as Record<string, unknown>)[field(p)];
      d[field(p)] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    out.push(d);
  }
  return out;
}

function tooltip(r: Resolved, params: readonly string[], valueTitle: string, kind: 'scenario' | 'difference'): Record<string, unknown>[] {
  return [
    { field: 'scenario', type: 'nominal', title: t('chart.scenario', r.lang) },
    { field: 'point', type: 'quantitative', title: t('chart.expPoint', r.lang) },
    ...params.map((p) => ({ field: field(p), type: 'quantitative', title: p, format: '.6~f' })),
    { field: 'value', type: 'quantitative', title: valueTitle, format: '.4~f' },
    { field: 'lo', type: 'quantitative', title: t('chart.lower', r.lang), format: '.4~f' },
    { field: 'hi', type: 'quantitative', title: t('chart.upper', r.lang), format: '.4~f' },
    ...(kind === 'difference' ? [{ field: 'verdict', type: 'nominal', title: t('chart.expVerdict', r.lang) }] : []),
    { field: 'n', type: 'quantitative', title: t('chart.n', r.lang) },
  ];
}

/** The y encoding of a value: the outcome's title, a percent axis for shares, 0 on the axis. */
function valueAxis(outcome: string, title: string): Record<string, unknown> {
  return { field: 'value', type: 'quantitative', title, scale: { zero: true, nice: true }, ...(isShare(outcome) ? { axis: { format: '.0%' } } : {}) };
}

function build(rows: readonly PointsSummaryRow[], opts: ExperimentChartOptions, kind: 'scenario' | 'difference'): VlSpec {
  const r = resolveOptions(opts);
  const params = opts.params;
  if (params.length === 0) throw new NoDataError('the batch varies no parameter');
  const values = chartValues(rows, kind, opts, r.lang);
  if (values.length === 0) throw new NoDataError(`no ${kind} rows of ${opts.outcome} in points-summary.csv`);
  const difference = kind === 'difference';
  const reference = difference ? (rows.find((row) => row.kind === 'difference')?.reference ?? '') : '';
  const order = scenarioOrder(values as { scenario: string }[], opts.scenarios);
  const present = order.filter((s) => values.some((v) => v['scenario'] === s));
  const colour = scenarioColour(order, r, { orient: 'bottom', direction: 'horizontal' });
  const direction = measure('run', opts.outcome)?.direction ?? 'neutral';
  const unit = measureUnit('run', opts.outcome, r.lang);
  const cue = direction === 'higher' ? t('chart.expHigherBetter', r.lang) : direction === 'lower' ? t('chart.expLowerBetter', r.lang) : '';
  const diffTitle = `${unit === '' ? t('chart.difference', r.lang) : t('chart.differenceIn', r.lang, { unit })}${cue ? `, ${cue}` : ''}`;
  const valueTitle = difference ? diffTitle : measureTitle('run', opts.outcome, r.lang);
  const title = difference
    ? t('chart.expDiffTitle', r.lang, { measure: measureTitle('run', opts.outcome, r.lang), reference: scenarioTitle(r, reference) })
    : t('chart.expTitle', r.lang, { measure: measureTitle('run', opts.outcome, r.lang) });
  const tips = tooltip(r, params, valueTitle, kind);
  const slides = r.theme === 'slides';
  const y = valueAxis(opts.outcome, valueTitle);
  const zero = { mark: { type: 'rule', strokeDash: [4, 3], color: '#6b6b6b' }, encoding: { y: { datum: 0, type: 'quantitative' } } };
  const dot = {
    mark: { type: 'point', shape: 'circle', filled: !difference, size: slides ? 160 : 50, strokeWidth: slides ? 3 : 2, opacity: 1 },
    encoding: {
      color: colour,
      ...(difference ? { fill: { condition: { test: 'datum.important', ...colour }, value: '#ffffff' } } : {}),
      tooltip: tips,
    },
  };
  const note = t('chart.intervalsKind', r.lang);
  // what the outcome means, then the parameter axes, which span the values the experiment tried rather than start at 0
  const defined = [...definitionLines('run', opts.outcome, r), t('chart.expParamAxes', r.lang)];

  if (params.length === 1) {
    const x = { field: field(params[0]!), type: 'quantitative', title: params[0], scale: { zero: false, nice: false, padding: slides ? 20 : 10 } };
    return frame(r, title, [...defined, t(difference ? 'chart.expDiffLine' : 'chart.expLine', r.lang), note], {
      width: r.sizes.width,
      height: slides ? 420 : 260,
      data: { values },
      encoding: { x, y },
      layer: [
        ...(difference ? [zero] : []),
        { mark: { type: 'rule', strokeWidth: slides ? 3 : 1.5 }, encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color: colour } },
        { mark: { type: 'line', strokeWidth: slides ? 3 : 1.5, opacity: 0.7 }, encoding: { color: colour } },
        dot,
      ],
    });
  }

  if (params.length === 2) {
    const [px, py] = [params[0]!, params[1]!];
    const grid = isGrid(values, params);
    const panels = present.length;
    const panelWidth = Math.max(160, Math.floor((r.sizes.width - 40 * (panels - 1)) / panels));
    const nx = distinct(values.map((v) => v[field(px)])).length;
    const cell = Math.max(8, Math.min(slides ? 64 : 44, Math.floor(panelWidth / Math.max(1, nx))));
    const neutral = direction === 'neutral';
    // A symmetric domain around no difference, so that white is 0 whichever sign the differences have.
    const extreme = Math.max(...values.map((v) => Math.abs(v['value'] as number)));
    const scheme = difference
      ? { scheme: 'blueorange', domain: extreme > 0 ? [-round(extreme), round(extreme)] : [-1, 1], domainMid: 0, ...(direction === 'higher' ? { reverse: true } : {}) }
      : { scheme: 'viridis', zero: false };
    const fill = { field: 'value', type: 'quantitative', title: difference ? diffTitle : measureTitle('run', opts.outcome, r.lang), scale: scheme, legend: { orient: 'bottom', direction: 'horizontal', titleLimit: 800, gradientLength: slides ? 360 : 240, ...(isShare(opts.outcome) ? { format: '.0%' } : {}) } };
    // The words on cells that differ clearly and by a margin of practical importance, white on dark cells.
    for (const v of values) if (difference) v['dark'] = Math.abs(v['value'] as number) > 0.6 * extreme;
    const words = difference
      ? [{ transform: [{ filter: 'datum.important' }], mark: { type: 'text', fontSize: slides ? 14 : 9, fontWeight: 'bold' }, encoding: { text: { field: 'verdict' }, color: { condition: { test: 'datum.dark', value: '#ffffff' }, value: '#000000' } } }]
      : [];
    const encX = grid
      ? { field: field(px), type: 'ordinal', title: px, sort: 'ascending', axis: { labelAngle: 0 } }
      : { field: field(px), type: 'quantitative', title: px, scale: { zero: false, nice: false } };
    const encY = grid
      ? { field: field(py), type: 'ordinal', title: py, sort: 'descending' }
      : { field: field(py), type: 'quantitative', title: py, scale: { zero: false, nice: false } };
    const base = grid
      ? { mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 }, encoding: { color: fill, tooltip: tips } }
      : { mark: { type: 'circle', size: slides ? 260 : 110, opacity: 1, stroke: '#333333', strokeWidth: 0.5 }, encoding: { color: fill, tooltip: tips } };
    return frame(r, title, [...defined, t(difference ? (neutral ? 'chart.expDiffHeatNeutral' : 'chart.expDiffHeat') : 'chart.expHeat', r.lang), note], {
      data: { values },
      facet: { column: { field: 'scenario', type: 'nominal', title: null, sort: present, header: { labelFontWeight: 'bold', ...scenarioLabels(r, present) } } },
      spec: {
        ...(grid ? { width: { step: cell }, height: { step: Math.min(cell, slides ? 48 : 32) } } : { width: panelWidth, height: Math.round(panelWidth * 0.75) }),
        encoding: { x: encX, y: encY },
        layer: [base, ...words],
      },
      resolve: { scale: { color: 'shared' } },
    });
  }

  // Three or more: one panel per parameter, every point at its value of that parameter.
  const long: Datum[] = [];
  for (const v of values) for (const p of params) long.push({ ...v, parameter: p, x: v[field(p)] ?? null });
  const grid = isGrid(values, params);
  const columns = Math.min(params.length, slides ? 2 : 3);
  const panelWidth = Math.max(160, Math.floor((r.sizes.width - 30 * (columns - 1)) / columns));
  const x = { field: 'x', type: 'quantitative', title: null, scale: { zero: false, nice: false } };
  return frame(r, title, [...defined, t('chart.expFacets', r.lang), ...(difference ? [t('chart.expDiffLine', r.lang)] : []), note], {
    data: { values: long },
    facet: { field: 'parameter', type: 'nominal', title: null, sort: [...params], header: { labelFontWeight: 'bold' } },
    columns,
    spec: {
      width: panelWidth,
      height: slides ? 260 : 170,
      encoding: { x, y },
      layer: [
        ...(difference ? [zero] : []),
        ...(grid ? [{ mark: { type: 'line', strokeWidth: slides ? 3 : 1.5, opacity: 0.7 }, encoding: { y: { field: 'value', type: 'quantitative', aggregate: 'mean' }, color: colour } }] : []),
        { ...dot, mark: { ...dot.mark, opacity: 0.75 } },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  });
}

/** An outcome of every scenario against the varied parameters, at every point. */
export function experimentOutcomeChart(rows: readonly PointsSummaryRow[], opts: ExperimentChartOptions): VlSpec {
  return build(rows, opts, 'scenario');
}

/** The difference of every scenario from the reference against the varied parameters, at every point. */
export function experimentDifferenceChart(rows: readonly PointsSummaryRow[], opts: ExperimentChartOptions): VlSpec {
  return build(rows, opts, 'difference');
}
