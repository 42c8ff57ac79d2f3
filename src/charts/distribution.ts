/**
 * The distribution of a per-run outcome per scenario (runs.csv): a box plot (quartiles, median,
 * Tukey whiskers to the furthest run within 1.5 IQR of the box, said so in the subtitle) with every
 * run drawn as a dot, jittered deterministically by run id; the x axis from 0, percent for shares.
 */
import { definitionLines, distinct, finite, firstPoints, frame, jitter, resolveOptions, round, scenarioColour, scenarioLabels, scenarioOrder, tooltipFormat, valueFormat, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { measureAxisTitle, t } from '../i18n/index.js';
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
  const subtitle = [...definitionLines('run', outcome, r), t('chart.distributionSubtitle', r.lang, { n: nText }), t('chart.whiskers', r.lang)];
  if (points.sweep) subtitle.push(t('chart.firstPointNote', r.lang));
  const rowStep = r.theme === 'slides' ? 90 : 56;
  const y = { field: 'scenario', type: 'nominal', title: null, sort: present, scale: { domain: present, paddingInner: 0.25, paddingOuter: 0.15 }, axis: { labelFontWeight: 'bold', labelLimit: 320, ...scenarioLabels(r, present) } };
  const xTitle = measureAxisTitle('run', outcome, r.lang);
  const x = {
    field: 'value', type: 'quantitative', title: xTitle,
    scale: { zero: true, nice: false, padding: r.theme === 'slides' ? 16 : 8 }, axis: { format: valueFormat('run', outcome, values.map((v) => v.value)) },
  };
  const colour = scenarioColour(order, r, null);
  return frame(r, t('chart.distributionTitle', r.lang, { measure: xTitle }), subtitle, {
    width: r.sizes.width,
    height: { step: rowStep },
    data: { values },
    layer: [
      {
        mark: {
          // Tukey's whiskers; the runs beyond them are the dots already drawn, so no outlier marks.
          type: 'boxplot', extent: 1.5, outliers: false, size: Math.round(rowStep * 0.62),
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
            { field: 'value', type: 'quantitative', title: xTitle, format: tooltipFormat('run', outcome) },
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
