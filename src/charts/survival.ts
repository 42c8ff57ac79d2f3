/**
 * Kaplan–Meier survival curves (survival.csv): step lines with their 95% bands, one panel for
 * arrangements and one for memberships, one colour per scenario.
 */
import { bottomLegend, finite, firstPoints, frame, resolveOptions, round, scenarioColour, scenarioOrder, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { t } from '../i18n/index.js';
import type { SurvivalRow } from './rows.js';

const TYPES = ['arrangement', 'membership'] as const;

export function survivalChart(rows: readonly SurvivalRow[], opts: ChartOptions = {}): VlSpec {
  const r = resolveOptions(opts);
  const points = firstPoints(rows);
  const kept = rows.filter(points.keep);
  if (kept.length === 0) throw new NoDataError('no survival rows');
  const typeLabel = (type: string): string => (type === 'arrangement' || type === 'membership' ? t(`chart.${type}`, r.lang) : type);
  const types = [...TYPES.filter((ty) => kept.some((row) => row.type === ty)), ...kept.map((row) => row.type).filter((ty, i, all) => !(TYPES as readonly string[]).includes(ty) && all.indexOf(ty) === i)];
  const order = scenarioOrder(kept, opts.scenarios);
  const values: Array<Record<string, unknown>> = [];
  for (const type of types) {
    for (const scenario of order) {
      const curve = kept.filter((row) => row.type === type && row.scenario === scenario).sort((a, b) => a.time - b.time);
      if (curve.length === 0) continue;
      // Every curve starts at 1 at time 0 (the estimator's table starts at the first event).
      if (curve[0]!.time > 0) values.push({ scenario, type: typeLabel(type), time: 0, survival: 1, lo: 1, hi: 1, at_risk: curve[0]!.at_risk, events: 0 });
      for (const row of curve) {
        const s = finite(row.survival);
        if (s === null) continue;
        const lo = finite(row.lo);
        const hi = finite(row.hi);
        values.push({ scenario, type: typeLabel(type), time: row.time, survival: round(s), lo: lo === null ? null : round(lo), hi: hi === null ? null : round(hi), at_risk: row.at_risk, events: row.events });
      }
    }
  }
  const present = order.filter((s) => kept.some((row) => row.scenario === s));
  const colour = scenarioColour(order, r.lang, bottomLegend(present, r, r.sizes.width, { symbolType: 'stroke', symbolOpacity: 1 }));
  const x = { field: 'time', type: 'quantitative', title: t('chart.monthsSinceStart', r.lang), scale: { zero: true, nice: false } };
  const panelWidth = types.length > 1 ? Math.round((r.sizes.width - (r.theme === 'slides' ? 40 : 20)) / 2) : r.sizes.width;
  return frame(r, t('chart.survivalTitle', r.lang), [t('chart.survivalSubtitle', r.lang), t('chart.intervalsKind', r.lang), ...(points.sweep ? [t('chart.firstPointNote', r.lang)] : [])], {
    data: { values },
    facet: { column: { field: 'type', type: 'nominal', title: null, sort: types.map(typeLabel) } },
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: panelWidth,
      height: r.sizes.height,
      layer: [
        { mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color: colour } },
        {
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: r.sizes.strokeWidth },
          encoding: {
            x,
            y: { field: 'survival', type: 'quantitative', title: t('chart.stillActive', r.lang), scale: { domain: [0, 1] } },
            color: colour,
            tooltip: [
              { field: 'scenario', type: 'nominal', title: t('chart.scenario', r.lang) },
              { field: 'time', type: 'quantitative', title: t('chart.months', r.lang) },
              { field: 'survival', type: 'quantitative', title: t('chart.stillActive', r.lang), format: '.3f' },
              { field: 'lo', type: 'quantitative', title: t('chart.lower', r.lang), format: '.3f' },
              { field: 'hi', type: 'quantitative', title: t('chart.upper', r.lang), format: '.3f' },
              { field: 'at_risk', type: 'quantitative', title: t('chart.atRisk', r.lang) },
            ],
          },
        },
      ],
    },
  });
}
