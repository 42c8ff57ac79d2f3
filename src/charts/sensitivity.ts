/**
 * Sensitivity analysis (sensitivity.csv): Morris screening as mu* against sigma with the
 * parameters named, and Sobol indices (S1, ST) as bars with 95% intervals, one chart per outcome.
 */
import { definitionLines, finite, frame, resolveOptions, round, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { measureInSentence, measureUnit, t } from '../i18n/index.js';
import type { SensitivityRow } from './rows.js';
import { INDEX_COLOURS } from './theme.js';

export interface SensitivityOptions extends ChartOptions {
  outcome: string;
  /** How many parameters to name (Morris) or show (Sobol): the largest by mu* or ST. Default 10 / 15. */
  top?: number;
}

/** Outcomes with rows for a method, in order of appearance. */
export function sensitivityOutcomes(rows: readonly SensitivityRow[], method: 'morris' | 'sobol'): string[] {
  const out: string[] = [];
  for (const row of rows) if (row.method === method && !out.includes(row.outcome)) out.push(row.outcome);
  return out;
}

export function morrisChart(rows: readonly SensitivityRow[], opts: SensitivityOptions): VlSpec {
  const r = resolveOptions(opts);
  const top = opts.top ?? 10;
  const values = rows
    .filter((row) => row.method === 'morris' && row.outcome === opts.outcome && finite(row.mu_star) !== null && finite(row.sigma) !== null)
    .map((row) => ({ parameter: row.parameter, mu_star: round(row.mu_star!), sigma: round(row.sigma!), mu: finite(row.mu) === null ? null : round(row.mu!) }));
  if (values.length === 0) throw new NoDataError(`no Morris results for ${opts.outcome}`);
  const ranked = [...values].sort((a, b) => b.mu_star - a.mu_star || (a.parameter < b.parameter ? -1 : 1));
  // Explicit domains, so label positions can be worked out here: greedily name the largest
  // effects whose labels do not overlap a label already placed (the rest show on hover).
  const maxMu = Math.max(...values.map((v) => v.mu_star)) || 1;
  const maxSigma = Math.max(...values.map((v) => v.sigma)) || 1;
  const xDomain = [0, round(maxMu * 1.05, 4)];
  const yDomain = [0, round(maxSigma * 1.08, 4)];
  const width = r.sizes.width;
  const height = r.sizes.height;
  const fontSize = r.sizes.annotation + 1;
  const dx = r.theme === 'slides' ? 10 : 6;
  const placed: Array<{ x0: number; x1: number; y0: number; y1: number }> = [];
  const labels = new Map<string, 'left' | 'right'>();
  for (const v of ranked) {
    if (labels.size >= top) break;
    const px = (v.mu_star / xDomain[1]!) * width;
    const py = height - (v.sigma / yDomain[1]!) * height;
    const w = v.parameter.length * fontSize * 0.6;
    const side: 'left' | 'right' = px + dx + w > width ? 'left' : 'right';
    const box = side === 'right' ? { x0: px + dx, x1: px + dx + w } : { x0: px - dx - w, x1: px - dx };
    const b = { ...box, y0: py - fontSize * 0.65, y1: py + fontSize * 0.65 };
    if (b.x0 < -dx) continue;
    if (placed.some((p) => b.x0 < p.x1 && p.x0 < b.x1 && b.y0 < p.y1 && p.y0 < b.y1)) continue;
    placed.push(b);
    labels.set(v.parameter, side);
  }
  const data = values.map((v) => ({ ...v, label: labels.has(v.parameter) ? v.parameter : '', side: labels.get(v.parameter) ?? 'right' }));
  const unit = measureUnit('run', opts.outcome, r.lang) || '-';
  const x = { field: 'mu_star', type: 'quantitative', title: t('chart.muStar', r.lang, { unit }), scale: { domain: xDomain, nice: false } };
  const y = { field: 'sigma', type: 'quantitative', title: t('chart.sigma', r.lang, { unit }), scale: { domain: yDomain, nice: false } };
  return frame(r, t('chart.morrisTitle', r.lang, { measure: measureInSentence('run', opts.outcome, r.lang) }), [...definitionLines('run', opts.outcome, r), t('chart.morrisSubtitle', r.lang), t('chart.morrisNamed', r.lang, { k: labels.size })], {
    width,
    height,
    data: { values: data },
    layer: [
      {
        mark: { type: 'point', filled: true, color: '#1a1a1a', opacity: 0.8, size: r.theme === 'slides' ? 160 : 50 },
        encoding: {
          x, y,
          tooltip: [
            { field: 'parameter', type: 'nominal', title: t('chart.parameter', r.lang) },
            { field: 'mu_star', type: 'quantitative', title: 'mu*', format: ',.4~f' },
            { field: 'mu', type: 'quantitative', title: 'mu', format: ',.4~f' },
            { field: 'sigma', type: 'quantitative', title: 'sigma', format: ',.4~f' },
          ],
        },
      },
      ...(['right', 'left'] as const).map((side) => ({
        transform: [{ filter: `datum.side === '${side}'` }],
        mark: {
          type: 'text', align: side === 'right' ? 'left' : 'right', baseline: 'middle',
          dx: (side === 'right' ? 1 : -1) * (r.theme === 'slides' ? 10 : 6), fontSize: r.sizes.annotation + 1, color: '#1a1a1a',
        },
        encoding: { x, y, text: { field: 'label' } },
      })),
    ],
  });
}

export function sobolChart(rows: readonly SensitivityRow[], opts: SensitivityOptions): VlSpec {
  const r = resolveOptions(opts);
  const top = opts.top ?? 15;
  const selected = rows.filter((row) => row.method === 'sobol' && row.outcome === opts.outcome);
  if (selected.length === 0) throw new NoDataError(`no Sobol results for ${opts.outcome}`);
  const ranked = [...selected].sort((a, b) => (finite(b.st) ?? -1) - (finite(a.st) ?? -1) || (a.parameter < b.parameter ? -1 : 1)).slice(0, top);
  const parameters = ranked.map((row) => row.parameter);
  const s1 = t('chart.s1', r.lang);
  const st = t('chart.st', r.lang);
  const values: Array<Record<string, unknown>> = [];
  for (const row of ranked) {
    const pair: Array<[string, number | null | undefined, number | null | undefined, number | null | undefined]> = [
      [s1, row.s1, row.s1_lo, row.s1_hi],
      [st, row.st, row.st_lo, row.st_hi],
    ];
    for (const [index, v, lo, hi] of pair) {
      const fv = finite(v);
      if (fv === null) continue;
      values.push({ parameter: row.parameter, index, value: round(fv, 4), lo: finite(lo) === null ? null : round(lo!, 4), hi: finite(hi) === null ? null : round(hi!, 4) });
    }
  }
  const y = { field: 'parameter', type: 'nominal', title: null, sort: parameters };
  const colour = {
    field: 'index', type: 'nominal', title: t('chart.index', r.lang), sort: [s1, st],
    scale: { domain: [s1, st], range: [INDEX_COLOURS.s1, INDEX_COLOURS.st] },
    legend: { orient: 'bottom', direction: 'horizontal', titleOrient: 'left' },
  };
  const yOffset = { field: 'index', type: 'nominal', sort: [s1, st], scale: { domain: [s1, st], paddingInner: 0.1 } };
  // Indices lie in [0, 1]; estimates from few runs stray outside, intervals far outside. The axis
  // covers [0, 1] and the estimates; intervals beyond it are cut off at the edge (and said so).
  const estimates = values.map((v) => v['value'] as number);
  const domain = [Math.min(0, ...estimates), Math.max(1, ...estimates)].map((d) => round(d, 4));
  const cut = values.some((v) => (v['lo'] !== null && (v['lo'] as number) < domain[0]!) || (v['hi'] !== null && (v['hi'] as number) > domain[1]!));
  const x = { field: 'value', type: 'quantitative', title: t('chart.sobolAxis', r.lang), scale: { domain, nice: false } };
  return frame(r, t('chart.sobolTitle', r.lang, { measure: measureInSentence('run', opts.outcome, r.lang) }), [...definitionLines('run', opts.outcome, r), t('chart.sobolSubtitle', r.lang), ...(cut ? [t('chart.sobolCut', r.lang)] : [])], {
    width: r.sizes.width - (r.theme === 'slides' ? 260 : 160),
    height: { step: r.theme === 'slides' ? 44 : 24 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', clip: true },
        encoding: {
          y, x, yOffset, color: colour,
          tooltip: [
            { field: 'parameter', type: 'nominal', title: t('chart.parameter', r.lang) },
            { field: 'index', type: 'nominal', title: t('chart.index', r.lang) },
            { field: 'value', type: 'quantitative', format: '.3f', title: t('chart.index', r.lang) },
            { field: 'lo', type: 'quantitative', format: '.3f', title: t('chart.lower', r.lang) },
            { field: 'hi', type: 'quantitative', format: '.3f', title: t('chart.upper', r.lang) },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#000000', strokeWidth: r.theme === 'slides' ? 2.5 : 1.2, clip: true },
        encoding: { y, yOffset, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
    ],
  });
}
