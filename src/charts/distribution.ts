/**
 * The distribution of a per-run outcome per scenario (runs.csv): a box plot (quartiles, median,
 * whiskers to the extremes) with every run drawn as a dot, jittered deterministically by run id.
 */
import { distinct, finite, firstPoints, frame, jitter, resolveOptions, round, scenarioColour, scenarioOrder, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { measureTitle, t } from '../i18n/index.js';
import type { RunRow } from './rows.js';

export interface DistributionOptions extends ChartOptions {
  /** The outcome column of runs.csv (default cooperation_stability). */
  outcome?: string;
}

export function distributionChart(rows: readonly RunRow[], opts: DistributionOptions = {}): VlSpec {
  const r = resolveOptions(opts);
  const outcome = opts.outcome ?? 'cooperation_stability';
  const points = firstPoints(rows);
  const values: Array<{ scenario: string; run: number; seed: number; value: number; jitter: number }> = [];
  for (const row of rows) {
    if (!points.keep(row)) continue;
    const raw = (row as Record<string, unknown>)[outcome];
    const v = typeof raw === 'number' ? finite(raw) : null;
    if (v === null) continue;
    values.push({ scenario: row.scenario, run: row.run, seed: row.seed, value: round(v), jitter: round(jitter(row.run), 4) });
  }
  if (values.length === 0) throw new NoDataError(`no finite values of ${outcome}`);
  const order = scenarioOrder(values, opts.scenarios);
  const present = order.filter((s) => values.some((v) => v.scenario === s));
  const counts = present.map((s) => values.filter((v) => v.scenario === s).length);
  const ns = distinct(counts).sort((a, b) => a - b);
  const maxN = ns[ns.length - 1]!;
  const nText = ns.length === 1 ? String(ns[0]) : `${ns[0]}-${ns[ns.length - 1]}`;
  const subtitle = [t('chart.distributionSubtitle', r.lang, { n: nText })];
  if (points.sweep) subtitle.push(t('chart.firstPointNote', r.lang));
  const rowStep = r.theme === 'slides' ? 90 : 56;
  const y = { field: 'scenario', type: 'nominal', title: null, sort: present, scale: { domain: present, paddingInner: 0.25, paddingOuter: 0.15 }, axis: { labelFontWeight: 'bold' } };
  const x = { field: 'value', type: 'quantitative', title: measureTitle('run', outcome, r.lang), scale: { zero: false, nice: false, padding: r.theme === 'slides' ? 16 : 8 } };
  const colour = scenarioColour(order, r.lang, null);
  return frame(r, t('chart.distributionTitle', r.lang, { measure: measureTitle('run', outcome, r.lang) }), subtitle, {
    width: r.sizes.width,
    height: { step: rowStep },
    data: { values },
    layer: [
      {
        mark: {
          type: 'boxplot', extent: 'min-max', size: Math.round(rowStep * 0.62),
          box: { fillOpacity: 0.12, stroke: '#333333', strokeWidth: r.theme === 'slides' ? 2 : 1 },
          median: { stroke: '#1a1a1a', strokeWidth: r.theme === 'slides' ? 4 : 2.5 },
          rule: { stroke: '#4d4d4d', strokeWidth: r.theme === 'slides' ? 2 : 1 },
          ticks: { stroke: '#4d4d4d', size: Math.round(rowStep * 0.3) },
        },
        encoding: { y, x, color: colour },
      },
      {
        mark: { type: 'circle', opacity: maxN > 300 ? 0.3 : 0.55, size: (r.theme === 'slides' ? 70 : 22) * (maxN > 300 ? 0.6 : 1) },
        encoding: {
          y,
          x,
          yOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-1.9, 1.9] } },
          color: colour,
          tooltip: [
            { field: 'scenario', type: 'nominal', title: t('chart.scenario', r.lang) },
            { field: 'run', type: 'quantitative', title: t('chart.run', r.lang) },
            { field: 'seed', type: 'quantitative', title: 'Seed', format: 'd' },
            { field: 'value', type: 'quantitative', title: measureTitle('run', outcome, r.lang), format: '.4~f' },
          ],
        },
      },
      {
        // The median again on top of the dots, which would hide it when there are many runs.
        mark: { type: 'tick', color: '#1a1a1a', thickness: r.theme === 'slides' ? 4 : 2.5, size: Math.round(rowStep * 0.62) },
        encoding: { y, x: { field: 'value', type: 'quantitative', aggregate: 'median' } },
      },
    ],
  });
}
