/**
 * How often each structure does better than the reference, per headline outcome: the share of
 * paired runs (the same random future under both structures) in which the scenario is better,
 * by each outcome's direction. Every outcome on one 0–100% axis, so the chart needs no units and
 * reads on a slide: right of the 50% line a structure does better more often than not.
 *
 * Pure: no file access.
 */
import { measure } from '../core/measures.js';
import { measureName, t } from '../i18n/index.js';
import { scenarioColours } from './theme.js';
import { finite, firstPoints, frame, NoDataError, resolveOptions, round, scenarioOrder, type ChartOptions, type VlSpec } from './common.js';
import type { ComparisonRow } from './rows.js';

export interface VerdictOptions extends ChartOptions {
  /** Outcomes to show, in this order. */
  outcomes: readonly string[];
  /** Readable names of the scenarios (default: their names). */
  titles?: Readonly<Record<string, string>>;
  /** Readable name of the reference scenario, for the subtitle. */
  referenceTitle?: string;
}

export function verdictChart(rows: readonly ComparisonRow[], opts: VerdictOptions): VlSpec {
  const r = resolveOptions(opts);
  const points = firstPoints(rows);
  const kept = rows.filter((row) => points.keep(row) && row.paired && finite(row.share_better) !== null && opts.outcomes.includes(row.outcome));
  if (kept.length === 0) throw new NoDataError('no paired comparison with a direction');
  const reference = kept[0]!.reference;
  const order = scenarioOrder(kept, opts.scenarios).filter((s) => s !== reference && kept.some((row) => row.scenario === s));
  const title = (s: string): string => opts.titles?.[s] ?? s;
  const colours = scenarioColours(scenarioOrder(kept, opts.scenarios));
  const outcomes = opts.outcomes.filter((o) => kept.some((row) => row.outcome === o));
  const names = outcomes.map((o) => measureName('run', o, r.lang));
  const values = kept.map((row) => ({
    outcome: measureName('run', row.outcome, r.lang),
    scenario: title(row.scenario),
    share: round(row.share_better!, 4),
    direction: t(measure('run', row.outcome)?.direction === 'lower' ? 'chart.verdictLower' : 'chart.verdictHigher', r.lang),
  }));
  const slides = r.theme === 'slides';
  // One band per outcome, the structures side by side within it.
  const band = (slides ? 16 : 7) * Math.max(2, order.length);
  const width = slides ? r.sizes.width - 380 : r.sizes.width - 210;
  const x = {
    field: 'share', type: 'quantitative', scale: { domain: [0, 1] },
    axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1], grid: true },
    title: t('chart.verdictAxis', r.lang, { reference: opts.referenceTitle ?? title(reference) }),
  };
  const y = { field: 'outcome', type: 'nominal', title: null, sort: names, axis: { labelLimit: slides ? 360 : 200 } };
  const colour = {
    field: 'scenario', type: 'nominal', title: null, sort: order.map(title),
    scale: { domain: order.map(title), range: order.map((s) => colours.range[colours.domain.indexOf(s)]!) },
    legend: { orient: 'bottom', direction: 'vertical', labelLimit: slides ? 900 : 520 },
  };
  return frame(r, t('chart.verdictTitle', r.lang), [t('chart.verdictSubtitle', r.lang)], {
    width,
    height: band * outcomes.length,
    data: { values },
    layer: [
      { mark: { type: 'rule', strokeDash: [4, 3], color: '#666666' }, encoding: { x: { datum: 0.5 } } },
      {
        mark: { type: 'point', filled: true, size: r.sizes.pointSize * 1.6, opacity: 0.95 },
        encoding: {
          x, y, color: colour, yOffset: { field: 'scenario', sort: order.map(title) },
          tooltip: [
            { field: 'outcome', title: t('chart.outcome', r.lang) },
            { field: 'scenario', title: t('chart.scenario', r.lang) },
            { field: 'share', title: t('chart.verdictShare', r.lang), format: '.0%' },
            { field: 'direction', title: t('chart.verdictDirection', r.lang) },
          ],
        },
      },
    ],
  });
}
