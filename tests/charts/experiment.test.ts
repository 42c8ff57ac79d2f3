/**
 * The charts of an experiment against its varied parameters (src/charts/experiment.ts and their
 * registry entries): every point drawn, the layout by the number of varied parameters, the
 * direction cue of differences, clean compilation in both themes and languages, and that a batch
 * that varies no parameter gets none of them.
 */
import { describe, expect, it } from 'vitest';
import { experimentDifferenceChart, experimentOutcomeChart, type PointsSummaryRow, type VlSpec } from '../../src/charts/index.js';
import { isExperiment } from '../../src/charts/registry.js';
import { catalog } from '../../src/render/catalog.js';
import type { DirData } from '../../src/render/load.js';
import { expectCompiles, type Node } from './specs.js';


/** Scenarios a (reference) and b over the full factorial of the given values; b is better in cooperation stability where the first parameter is above 0.5. */
function rows(params: Record<string, readonly number[]>, grid = true): PointsSummaryRow[] {
  const names = Object.keys(params);
  let combos: Record<string, number>[] = [{}];
  for (const n of names) combos = combos.flatMap((c) => params[n]!.map((v) => ({ ...c, [n]: v })));
  if (!grid) combos = combos.map((c, i) => Object.fromEntries(names.map((n, j) => [n, c[n]! + (i + 1) * 0.001 * (j + 1)])));
  const out: PointsSummaryRow[] = [];
  const cells = (c: Record<string, number>) => Object.fromEntries(names.map((n) => [`param_${n}`, c[n]!]));
  const base = { n: 10, share_better: null, importance: null, verdict: null, reference: null, sd: 0.05 };
  combos.forEach((c, i) => {
    const first = c[names[0]!]!;
    for (const outcome of ['cooperation_stability', 'exits']) {
      const m = outcome === 'exits' ? 5 : 0.5;
      out.push({ ...base, kind: 'scenario', scenario: 'a', point: i, outcome, estimate: m, ci_lo: m - 0.02, ci_hi: m + 0.02, ...cells(c) });
      const up = outcome === 'cooperation_stability' && first > 0.5 ? 0.1 : 0.01;
      out.push({ ...base, kind: 'scenario', scenario: 'b', point: combos.length + i, outcome, estimate: m + up, ci_lo: m + up - 0.02, ci_hi: m + up + 0.02, ...cells(c) });
    }
  });
  combos.forEach((c, i) => {
    for (const outcome of ['cooperation_stability', 'exits']) {
      const up = outcome === 'cooperation_stability' && c[names[0]!]! > 0.5 ? 0.1 : 0.01;
      out.push({
        ...base, kind: 'difference', scenario: 'b', reference: 'a', point: combos.length + i, outcome, estimate: up, ci_lo: up - 0.02, ci_hi: up + 0.02,
        share_better: 0.9, importance: up / 0.05, verdict: up > 0.05 ? 'better' : 'no-difference', ...cells(c),
      });
    }
  });
  return out;
}


const values = (spec: VlSpec): Node[] => (spec['data'] as { values: Node[] }).values;
const points = (spec: VlSpec): string[] => [...new Set(values(spec).map((v) => `${v['scenario']}/${v['point']}`))].sort();
const marks = (layers: Node[]): string[] => layers.map((l) => ((l['mark'] as Node)['type'] as string));

describe('one varied parameter: a line', () => {
  const data = rows({ altruism: [0.2, 0.4, 0.6, 0.8] });
  const params = ['altruism'];

  it('draws every point of every scenario, with its interval, on the parameter axis', () => {
    const spec = experimentOutcomeChart(data, { outcome: 'cooperation_stability', params });
    expect(points(spec)).toEqual(['a/0', 'a/1', 'a/2', 'a/3', 'b/4', 'b/5', 'b/6', 'b/7']);
    expect(marks(spec['layer'] as Node[])).toEqual(['rule', 'line', 'point']);
    expect((spec['encoding'] as Node)['x']).toMatchObject({ field: 'param_altruism', title: 'altruism' });
    expect((spec['encoding'] as Node)['y']).toMatchObject({ field: 'value', scale: { zero: true }, axis: { format: '.0%' } });
    expect(values(spec).find((v) => v['point'] === 7)).toMatchObject({ scenario: 'b', value: 0.6, lo: 0.58, hi: 0.62, param_altruism: 0.8 });
    expectCompiles((theme, lang) => experimentOutcomeChart(data, { outcome: 'cooperation_stability', params, theme, lang }));
  });

  it('draws the difference with a line at 0, says which way is better, and fills the dots of a difference of practical importance', () => {
    const spec = experimentDifferenceChart(data, { outcome: 'exits', params });
    expect(points(spec)).toEqual(['b/4', 'b/5', 'b/6', 'b/7']);
    expect(marks(spec['layer'] as Node[])).toEqual(['rule', 'rule', 'line', 'point']);
    expect(((spec['encoding'] as Node)['y'] as Node)['title']).toBe('Difference (memberships), lower is better ↓');
    expect((spec['title'] as Node)['text']).toBe('Exits (memberships): difference from a across the parameter points');
    const better = experimentDifferenceChart(data, { outcome: 'cooperation_stability', params });
    expect(values(better).map((v) => v['important'])).toEqual([false, false, true, true]);
    expect(values(better).map((v) => v['verdict'])).toEqual(['no real difference or could be chance', 'no real difference or could be chance', 'better', 'better']);
    expect(JSON.stringify(experimentDifferenceChart(data, { outcome: 'cooperation_stability', params, lang: 'nl' }))).toContain('Verschil (aandeel paren), hoger is beter ↑');
    expectCompiles((theme, lang) => experimentDifferenceChart(data, { outcome: 'cooperation_stability', params, theme, lang }));
  });
});

describe('two varied parameters: a heat map', () => {
  const data = rows({ altruism: [0.2, 0.4, 0.6, 0.8], trustDrift: [0.01, 0.02, 0.03, 0.04] });
  const params = ['altruism', 'trustDrift'];

  it('a full grid: one cell per point, one panel per scenario', () => {
    const spec = experimentOutcomeChart(data, { outcome: 'cooperation_stability', params });
    expect(points(spec)).toHaveLength(32);
    expect((spec['facet'] as Node)['column']).toMatchObject({ field: 'scenario', sort: ['a', 'b'] });
    const inner = spec['spec'] as Node;
    expect(marks(inner['layer'] as Node[])).toEqual(['rect']);
    expect((inner['encoding'] as Node)['x']).toMatchObject({ field: 'param_altruism', type: 'ordinal' });
    expect((inner['encoding'] as Node)['y']).toMatchObject({ field: 'param_trustDrift', type: 'ordinal', sort: 'descending' });
    expectCompiles((theme, lang) => experimentOutcomeChart(data, { outcome: 'cooperation_stability', params, theme, lang }));
  });

  it('differences on a diverging scale centred on 0, blue where the scenario does better, the important ones named', () => {
    const spec = experimentDifferenceChart(data, { outcome: 'cooperation_stability', params });
    expect(points(spec)).toHaveLength(16);
    const layers = (spec['spec'] as Node)['layer'] as Node[];
    expect(marks(layers)).toEqual(['rect', 'text']);
    const scale = (((layers[0]!['encoding'] as Node)['color'] as Node)['scale']) as Node;
    expect(scale).toEqual({ scheme: 'blueorange', domain: [-0.1, 0.1], domainMid: 0, reverse: true });
    const exits = experimentDifferenceChart(data, { outcome: 'exits', params });
    expect(((((exits['spec'] as Node)['layer'] as Node[])[0]!['encoding'] as Node)['color'] as Node)['scale']).toEqual({ scheme: 'blueorange', domain: [-0.01, 0.01], domainMid: 0 });
    expectCompiles((theme, lang) => experimentDifferenceChart(data, { outcome: 'cooperation_stability', params, theme, lang }));
  });

  it('points off a grid (a Latin hypercube) as coloured dots on quantitative axes', () => {
    const lhs = rows({ altruism: [0.2, 0.4, 0.6, 0.8], trustDrift: [0.01, 0.02, 0.03, 0.04] }, false);
    const spec = experimentOutcomeChart(lhs, { outcome: 'cooperation_stability', params });
    const inner = spec['spec'] as Node;
    expect(marks(inner['layer'] as Node[])).toEqual(['circle']);
    expect((inner['encoding'] as Node)['x']).toMatchObject({ type: 'quantitative' });
    expect(points(spec)).toHaveLength(32);
    expectCompiles((theme, lang) => experimentDifferenceChart(lhs, { outcome: 'cooperation_stability', params, theme, lang }));
  });
});

describe('three or more varied parameters: small multiples', () => {
  const data = rows({ altruism: [0.2, 0.8], trustDrift: [0.01, 0.04], searchCost: [1, 2] });
  const params = ['altruism', 'trustDrift', 'searchCost'];

  it('one panel per parameter, every point in each', () => {
    const spec = experimentOutcomeChart(data, { outcome: 'cooperation_stability', params });
    expect(spec['facet']).toMatchObject({ field: 'parameter', sort: params });
    expect(values(spec)).toHaveLength(16 * 3);
    for (const p of params) expect(values(spec).filter((v) => v['parameter'] === p)).toHaveLength(16);
    expect(spec['resolve']).toEqual({ scale: { x: 'independent' } });
    expectCompiles((theme, lang) => experimentOutcomeChart(data, { outcome: 'cooperation_stability', params, theme, lang }));
    expectCompiles((theme, lang) => experimentDifferenceChart(data, { outcome: 'exits', params, theme, lang }));
  });
});

describe('chart registry', () => {
  const dir = (present: string[], extra: Partial<DirData> = {}): DirData => ({ dir: '/nowhere', present: new Set(present) as DirData['present'], ...extra });

  it('draws the charts against the parameters for an experiment, per headline outcome', () => {
    const data = rows({ altruism: [0.2, 0.4] });
    const d = dir(['summary.csv', 'points-summary.csv'], { pointsSummary: data, pointsSummaryParams: ['altruism'] });
    expect(isExperiment(d)).toBe(true);
    const names = catalog(d).jobs.map((j) => j.name);
    expect(names).toEqual(['experiment-cooperation_stability', 'experiment-exits', 'experiment-difference-cooperation_stability', 'experiment-difference-exits']);
  });

  it('leaves them out, and does not call them missing, for a batch that varies no parameter', () => {
    const d = dir(['summary.csv']);
    expect(isExperiment(d)).toBe(false);
    const c = catalog(d);
    expect(c.jobs.some((j) => j.name.startsWith('experiment'))).toBe(false);
    expect(c.missing.some((m) => m.chart.startsWith('experiment'))).toBe(false);
  });
});
