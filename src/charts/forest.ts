/**
 * Paired differences against the reference scenario (comparison.csv) as a forest plot: one
 * small panel per outcome (each in its own unit), one row per scenario, the mean difference as
 * a dot with its 95% confidence interval, a dashed line at no difference. Filled dots are
 * significant after the Holm correction.
 */
import { finite, firstPoints, frame, resolveOptions, round, scenarioColour, scenarioOrder, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { measureTitle, measureUnit, t } from '../i18n/index.js';
import type { ComparisonRow } from './rows.js';

export interface ForestOptions extends ChartOptions {
  /** Outcomes to show, in this order (default: every outcome in the rows, in order of appearance). */
  outcomes?: readonly string[];
}

export function forestChart(rows: readonly ComparisonRow[], opts: ForestOptions = {}): VlSpec {
  const r = resolveOptions(opts);
  const points = firstPoints(rows);
  const kept = rows.filter(points.keep);
  if (kept.length === 0) throw new NoDataError('no comparison rows');
  const reference = kept[0]!.reference;
  const outcomes = (opts.outcomes ?? kept.map((row) => row.outcome)).filter((o, i, all) => all.indexOf(o) === i && kept.some((row) => row.outcome === o));
  if (outcomes.length === 0) throw new NoDataError('none of the requested outcomes is in the comparison');
  const order = scenarioOrder(kept, opts.scenarios);
  const present = order.filter((s) => s !== reference && kept.some((row) => row.scenario === s));
  const colour = scenarioColour(order, r.lang, null);
  const paired = kept.every((row) => row.paired);
  const rowStep = r.theme === 'slides' ? 46 : 24;
  const panelWidth = r.sizes.width - (r.theme === 'slides' ? 260 : 150);
  const panels = outcomes.map((outcome) => {
    const values = kept
      .filter((row) => row.outcome === outcome && row.scenario !== reference)
      .map((row) => ({
        scenario: row.scenario,
        outcome,
        difference: finite(row.difference) === null ? null : round(row.difference!),
        lo: finite(row.ci_lo) === null ? null : round(row.ci_lo!),
        hi: finite(row.ci_hi) === null ? null : round(row.ci_hi!),
        reference_mean: finite(row.mean_reference) === null ? null : round(row.mean_reference!),
        scenario_mean: finite(row.mean_scenario) === null ? null : round(row.mean_scenario!),
        p_holm: finite(row.p_holm) === null ? null : round(row.p_holm!, 3),
        significant: row.significant ? t('chart.yes', r.lang) : t('chart.no', r.lang),
        n: row.n,
      }));
    const unit = measureUnit('run', outcome, r.lang);
    const y = { field: 'scenario', type: 'nominal', title: null, sort: present, scale: { domain: present }, axis: { labelLimit: r.theme === 'slides' ? 300 : 160 } };
    const x = {
      field: 'difference', type: 'quantitative', scale: { zero: true, nice: true }, axis: { tickCount: r.theme === 'slides' ? 4 : 6 },
      title: unit === '' ? t('chart.difference', r.lang) : t('chart.differenceIn', r.lang, { unit }),
    };
    const tooltip = [
      { field: 'scenario', type: 'nominal', title: t('chart.scenario', r.lang) },
      { field: 'difference', type: 'quantitative', title: t('chart.difference', r.lang), format: '.4~f' },
      { field: 'lo', type: 'quantitative', title: t('chart.lower', r.lang), format: '.4~f' },
      { field: 'hi', type: 'quantitative', title: t('chart.upper', r.lang), format: '.4~f' },
      { field: 'scenario_mean', type: 'quantitative', title: t('chart.mean', r.lang), format: '.4~f' },
      { field: 'reference_mean', type: 'quantitative', title: `${t('chart.mean', r.lang)} ${reference}`, format: '.4~f' },
      { field: 'p_holm', type: 'quantitative', title: t('chart.pHolm', r.lang), format: '.3~g' },
      { field: 'significant', type: 'nominal', title: t('chart.significant', r.lang) },
      { field: 'n', type: 'quantitative', title: t('chart.n', r.lang) },
    ];
    return {
      title: { text: measureTitle('run', outcome, r.lang), fontSize: r.sizes.axisTitle, fontWeight: 'bold', anchor: 'start', offset: r.theme === 'slides' ? 8 : 4 },
      width: panelWidth,
      height: { step: rowStep },
      data: { values },
      layer: [
        { mark: { type: 'rule', strokeDash: [4, 3], color: '#6b6b6b' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: r.theme === 'slides' ? 4 : 2 }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: x.title }, x2: { field: 'hi' }, color: colour } },
        {
          mark: { type: 'point', filled: false, shape: 'circle', strokeWidth: r.theme === 'slides' ? 3 : 2, size: r.theme === 'slides' ? 240 : 70, opacity: 1 },
          encoding: {
            y,
            x,
            stroke: colour,
            fill: { condition: { test: `datum.significant === '${t('chart.yes', r.lang)}'`, ...colour }, value: '#ffffff' },
            tooltip,
          },
        },
      ],
    };
  });
  return frame(
    r,
    t('chart.forestTitle', r.lang, { reference }),
    [t('chart.forestSubtitle', r.lang, { paired: t(paired ? 'chart.pairedRuns' : 'chart.unpairedRuns', r.lang) }), t('chart.forestSignificance', r.lang), t('chart.intervalsKind', r.lang), ...(points.sweep ? [t('chart.firstPointNote', r.lang)] : [])],
    { vconcat: panels, spacing: r.theme === 'slides' ? 30 : 16, resolve: { scale: { x: 'independent' } } },
  );
}
