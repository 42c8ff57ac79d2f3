/**
 * Kaplan–Meier survival curves (survival.csv): step lines with their 95% bands, one colour per
 * scenario, in a grid with a row for arrangements and one for memberships and a column per
 * arrangement kind. Pooled curves would be dominated by the ad hoc networks, which dissolve
 * after a fixed spell without a decision (the dormancy rule, which the subtitle states with the
 * batch's own parameter values). A survival.csv without a `kind` column (older versions) gives
 * one pooled column, and the subtitle says so.
 *
 * Pure: no file access.
 */
import { ARRANGEMENT_KINDS } from '../core/entities/arrangement.js';
import { dissolutionRule, kindName, POOLED_KIND, t } from '../i18n/index.js';
import { bottomLegend, finite, firstPoints, frame, resolveOptions, round, scenarioColour, scenarioOrder, wrapText, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import type { SurvivalRow } from './rows.js';

const TYPES = ['arrangement', 'membership'] as const;
export { dissolutionRule, kindName, POOLED_KIND };

export interface SurvivalOptions extends ChartOptions {
  /** The dormancy rule of the batch: months without a decision before an arrangement without a secretariat dissolves, and the factor for one with a secretary. */
  dormancy?: { months: number; secretaryFactor: number };
}


export function survivalChart(rows: readonly SurvivalRow[], opts: SurvivalOptions = {}): VlSpec {
  const r = resolveOptions(opts);
  const points = firstPoints(rows);
  const kept = rows.filter(points.keep);
  if (kept.length === 0) throw new NoDataError('no survival rows');
  const kindOf = (row: SurvivalRow): string => row.kind ?? POOLED_KIND;
  const byKind = kept.some((row) => kindOf(row) !== POOLED_KIND);
  // Split by kind when the file has kinds; the pooled rows only without them.
  const shown = kept.filter((row) => (byKind ? kindOf(row) !== POOLED_KIND : true));
  const kinds = [...ARRANGEMENT_KINDS.filter((k) => shown.some((row) => kindOf(row) === k)), ...[...new Set(shown.map(kindOf))].filter((k) => !(ARRANGEMENT_KINDS as readonly string[]).includes(k)).sort()];
  const typeLabel = (type: string): string => (type === 'arrangement' || type === 'membership' ? t(`chart.${type}`, r.lang) : type);
  const types = [...TYPES.filter((ty) => shown.some((row) => row.type === ty)), ...shown.map((row) => row.type).filter((ty, i, all) => !(TYPES as readonly string[]).includes(ty) && all.indexOf(ty) === i)];
  const order = scenarioOrder(shown, opts.scenarios);
  const values: Array<Record<string, unknown>> = [];
  for (const type of types) {
    for (const kind of kinds) {
      for (const scenario of order) {
        const curve = shown.filter((row) => row.type === type && kindOf(row) === kind && row.scenario === scenario).sort((a, b) => a.time - b.time);
        if (curve.length === 0) continue;
        const base = { scenario, type: typeLabel(type), kind: kindName(kind, r.lang) };
        // Every curve starts at 1 at time 0 (the estimator's table starts at the first event).
        if (curve[0]!.time > 0) values.push({ ...base, time: 0, survival: 1, lo: 1, hi: 1, at_risk: curve[0]!.at_risk, events: 0 });
        for (const row of curve) {
          const s = finite(row.survival);
          if (s === null) continue;
          const lo = finite(row.lo);
          const hi = finite(row.hi);
          values.push({ ...base, time: row.time, survival: round(s), lo: lo === null ? null : round(lo), hi: hi === null ? null : round(hi), at_risk: row.at_risk, events: row.events });
        }
      }
    }
  }
  const present = order.filter((s) => shown.some((row) => row.scenario === s));
  const slides = r.theme === 'slides';
  const columns = kinds.length;
  const gap = slides ? 36 : 20;
  const panelWidth = Math.max(slides ? 200 : 130, Math.round((r.sizes.width - gap * (columns - 1)) / columns));
  const panelHeight = Math.round(r.sizes.height * (types.length > 1 ? 0.6 : 1));
  const totalWidth = columns * panelWidth + (columns - 1) * gap;
  const colour = scenarioColour(order, r, bottomLegend(present, r, totalWidth, { symbolType: 'stroke', symbolOpacity: 1 }));
  const x = { field: 'time', type: 'quantitative', title: t('chart.monthsSinceStart', r.lang), scale: { zero: true, nice: false }, axis: { format: 'd' } };
  const subtitle = [
    ...wrapText(t('chart.survivalDefinition', r.lang), r, totalWidth),
    ...(opts.dormancy !== undefined ? wrapText(dissolutionRule(r.lang, opts.dormancy), r, totalWidth) : []),
    ...wrapText(t(byKind ? 'chart.survivalSubtitle' : 'chart.survivalPooled', r.lang), r, totalWidth),
    t('chart.intervalsKind', r.lang),
    ...(points.sweep ? [t('chart.firstPointNote', r.lang)] : []),
  ];
  return frame(r, t('chart.survivalTitle', r.lang), subtitle, {
    data: { values },
    facet: {
      row: { field: 'type', type: 'nominal', title: null, sort: types.map(typeLabel), header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top', labelAnchor: 'start' } },
      column: { field: 'kind', type: 'nominal', title: null, sort: kinds.map((k) => kindName(k, r.lang)) },
    },
    spacing: { row: slides ? 24 : 14, column: gap },
    spec: {
      width: panelWidth,
      height: panelHeight,
      layer: [
        { mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color: colour } },
        {
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: r.sizes.strokeWidth },
          encoding: {
            x,
            y: { field: 'survival', type: 'quantitative', title: t('chart.stillActive', r.lang), scale: { domain: [0, 1] }, axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] } },
            color: colour,
            tooltip: [
              { field: 'scenario', type: 'nominal', title: t('chart.scenario', r.lang) },
              { field: 'kind', type: 'nominal', title: t('chart.kind', r.lang) },
              { field: 'time', type: 'quantitative', title: t('chart.months', r.lang) },
              { field: 'survival', type: 'quantitative', title: t('chart.stillActive', r.lang), format: '.1%' },
              { field: 'lo', type: 'quantitative', title: t('chart.lower', r.lang), format: '.1%' },
              { field: 'hi', type: 'quantitative', title: t('chart.upper', r.lang), format: '.1%' },
              { field: 'at_risk', type: 'quantitative', title: t('chart.atRisk', r.lang) },
            ],
          },
        },
      ],
    },
  });
}
