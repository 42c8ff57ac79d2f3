/**
 * Paired differences against the reference scenario (comparison.csv) as a forest plot: one
 * small panel per outcome (each in its own unit, shares in percentage points), in a grid of two
 * columns, one row per scenario, the mean difference as a dot with its 95% confidence interval,
 * a dashed line at no difference. Each panel carries the outcome's definition, and its axis says
 * which way is better (from the measure's direction). Filled dots are significant after the Holm
 * correction.
 */
import { definitionLines, directionCue, finite, firstPoints, frame, resolveOptions, round, scenarioColour, scenarioLabels, scenarioOrder, scenarioTitle, valueFormat, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { isShareMeasure, measureName, measureUnit, t } from '../i18n/index.js';
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
  const colour = scenarioColour(order, r, null);
  const paired = kept.every((row) => row.paired);
  const slides = r.theme === 'slides';
  const rowStep = slides ? 40 : 20;
  const columns = Math.min(2, outcomes.length);
  const panelWidth = slides ? 380 : 240;
  const labelLimit = slides ? 300 : 160;
  const panels = outcomes.map((outcome, i) => {
    // Shares are shown in percentage points.
    const share = isShareMeasure('run', outcome);
    const k = share ? 100 : 1;
    const scaled = (x: number | null | undefined): number | null => (finite(x) === null ? null : round(x! * k));
    const values = kept
      .filter((row) => row.outcome === outcome && row.scenario !== reference)
      .map((row) => ({
        scenario: row.scenario,
        outcome,
        difference: scaled(row.difference),
        lo: scaled(row.ci_lo),
        hi: scaled(row.ci_hi),
        reference_mean: scaled(row.mean_reference),
        scenario_mean: scaled(row.mean_scenario),
        p_holm: finite(row.p_holm) === null ? null : round(row.p_holm!, 3),
        significant: row.significant ? t('chart.yes', r.lang) : t('chart.no', r.lang),
        n: row.n,
      }));
    const unit = share ? t('chart.percentagePoints', r.lang) : measureUnit('run', outcome, r.lang);
    // Scenario names on the first panel of each row only: every panel has the same rows.
    const y = { field: 'scenario', type: 'nominal', title: null, sort: present, scale: { domain: present }, axis: i % columns === 0 ? { labelLimit, ...scenarioLabels(r, present) } : { labels: false, ticks: false } };
    const cue = directionCue('run', outcome, r.lang);
    const axisTitle = unit === '' ? t('chart.difference', r.lang) : t('chart.differenceIn', r.lang, { unit });
    const x = {
      field: 'difference', type: 'quantitative', scale: { zero: true, nice: true },
      axis: { tickCount: slides ? 4 : 5, format: valueFormat(undefined, undefined, values.flatMap((v) => [v.lo ?? 0, v.hi ?? 0]), { share: false, sign: true }) },
      title: cue === '' ? axisTitle : [axisTitle, cue],
    };
    const tooltip = [
      { field: 'scenario', type: 'nominal', title: t('chart.scenario', r.lang) },
      { field: 'difference', type: 'quantitative', title: t('chart.difference', r.lang), format: '+,.4~f' },
      { field: 'lo', type: 'quantitative', title: t('chart.lower', r.lang), format: '+,.4~f' },
      { field: 'hi', type: 'quantitative', title: t('chart.upper', r.lang), format: '+,.4~f' },
      { field: 'scenario_mean', type: 'quantitative', title: t('chart.mean', r.lang), format: ',.4~f' },
      { field: 'reference_mean', type: 'quantitative', title: `${t('chart.mean', r.lang)} ${scenarioTitle(r, reference)}`, format: ',.4~f' },
      { field: 'p_holm', type: 'quantitative', title: t('chart.pHolm', r.lang), format: '.4~f' },
      { field: 'significant', type: 'nominal', title: t('chart.significant', r.lang) },
      { field: 'n', type: 'quantitative', title: t('chart.n', r.lang) },
    ];
    return {
      title: {
        text: measureName('run', outcome, r.lang), subtitle: definitionLines('run', outcome, r, panelWidth + (i % columns === 0 ? labelLimit : 0)),
        fontSize: r.sizes.axisTitle, fontWeight: 'bold', anchor: 'start', offset: slides ? 8 : 4,
        subtitleFontSize: r.sizes.annotation + 1, subtitlePadding: 2,
      },
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
    t('chart.forestTitle', r.lang, { reference: scenarioTitle(r, reference) }),
    [t('chart.forestSubtitle', r.lang, { paired: t(paired ? 'chart.pairedRuns' : 'chart.unpairedRuns', r.lang) }), t('chart.forestSignificance', r.lang), t('chart.intervalsKind', r.lang), ...(points.sweep ? [t('chart.firstPointNote', r.lang)] : [])],
    { columns, concat: panels, spacing: { row: slides ? 30 : 18, column: slides ? 36 : 20 }, resolve: { scale: { x: 'independent', y: 'shared' } } },
  );
}
