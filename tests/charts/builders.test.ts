/**
 * The chart builders on small synthetic rows: spec structure (marks, encodings, colours, data),
 * labels in both languages, exact derived numbers, and that every spec compiles without a single
 * Vega-Lite warning in both themes and languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  distributionChart, eventRateChart, forestChart, mapChart, morrisChart, NoDataError, runSeriesChart, sobolChart, survivalChart,
  timelineChart, timeseriesChart, trustChart, type Topology, type VlSpec,
} from '../../src/charts/index.js';
import { dataPath } from '../../src/io/regions.js';
import * as F from './fixtures.js';
import { expectCompiles, findAll, type Node } from './specs.js';

const topology = JSON.parse(readFileSync(dataPath('nl-gemeente-2019.topojson'), 'utf8')) as Topology;
const HAAGLANDEN_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#E69F00'];



const markType = (node: Node): string | undefined => (typeof node['mark'] === 'string' ? (node['mark'] as string) : ((node['mark'] as Node | undefined)?.['type'] as string | undefined));
const marksOf = (spec: VlSpec): string[] => findAll(spec, (n) => n['mark'] !== undefined).map((n) => markType(n)!);
const dataOf = (spec: VlSpec): Node[] => findAll(spec, (n) => Array.isArray((n['data'] as Node | undefined)?.['values'])).flatMap((n) => (n['data'] as { values: Node[] }).values);
const titleOf = (spec: VlSpec): { text: string; subtitle?: string | string[] } => spec['title'] as { text: string; subtitle?: string | string[] };


const opts = { scenarios: F.SCENARIOS, calendars: F.CALENDARS };

describe('cooperation stability over time', () => {
  const spec = timeseriesChart(F.timeseriesSummary(), opts);

  it('draws a mean line and a 95% band per scenario in the fixed colours, with the markers', () => {
    expect(marksOf(spec)).toEqual(['area', 'line', 'rule', 'text', 'rule', 'text']);
    const colour = findAll(spec, (n) => n['field'] === 'scenario' && n['scale'] !== undefined)[0]!;
    expect(colour['scale']).toEqual({ domain: F.SCENARIOS, range: HAAGLANDEN_COLOURS });
    const rules = findAll(spec, (n) => markType(n) === 'rule');
    expect((rules[0]!['data'] as { values: Node[] }).values.map((v) => v['date'])).toEqual(['2006-03', '2010-03', '2014-03', '2018-03']);
    expect((rules[1]!['data'] as { values: Node[] }).values).toEqual([{ x: 2015, date: '2015-01', label: 'WGR-plus abolished' }]);
    expect(titleOf(spec).text).toBe('Cooperation stability (% of pairs), over time');
  });

  it('computes the band as the t interval of the mean, clipped to [0, 1] for shares', () => {
    const values = dataOf(spec).filter((v) => v['mean'] !== undefined);
    expect(values).toHaveLength(4 * 180);
    const first = values[0]!;
    // t(0.975, 19) = 2.093024; half width 2.093024 * 0.05 / sqrt(20) = 0.0234007
    expect(first).toMatchObject({ scenario: 'wgr-plus-continues', date: '2006-01', x: 2006, mean: 0.6, n: 20 });
    expect(first['lo'] as number).toBeCloseTo(0.5765993, 6);
    expect(first['hi'] as number).toBeCloseTo(0.6234007, 6);
    const runsBand = dataOf(timeseriesChart(F.timeseriesSummary(), { ...opts, band: 'runs' })).find((v) => v['mean'] !== undefined)!;
    expect(runsBand).toMatchObject({ lo: 0.5, hi: 0.7 });
    expect(titleOf(timeseriesChart(F.timeseriesSummary(), { ...opts, band: 'runs' })).subtitle!).toContain('Line: mean of 20 runs per scenario; band: the middle 95% of the runs.');
  });

  it('speaks Dutch', () => {
    const nl = timeseriesChart(F.timeseriesSummary(), { ...opts, lang: 'nl', measure: 'trust_mean' });
    expect(titleOf(nl)).toEqual({
      text: 'Vertrouwen (vertrouwen 0-1), in de tijd',
      subtitle: [
        // the definition, wrapped to the chart's width
        'Gemiddeld vertrouwen van de ene gemeente in de andere, van 0 (geen) tot 1',
        '(volledig), gedragen door mensen en secretariaten.',
        'Lijn: gemiddelde van 20 runs per scenario; band: 95%-betrouwbaarheidsinterval van het gemiddelde.',
        'Intervallen: toevalsspreiding bij deze parameterwaarden, niet de onzekerheid van de parameters.',
        // the abolition is not an event of wgr-plus-continues: the note names the scenarios that have it
        'Gestreepte lijnen: raadsverkiezingen (maart); doorgetrokken lijn: WGR-plus afgeschaft (januari 2015; wgr-plus-abolished, basiscoalitie, modular-gr).',
      ],
    });
    expect(JSON.stringify(nl)).toContain('"Jaar"');
    expect(JSON.stringify(nl)).toContain('raadsverkiezingen (om de vier jaar)');
  });

  it('compiles cleanly, and a single run draws one line', () => {
    expectCompiles((theme, lang) => timeseriesChart(F.timeseriesSummary(), { ...opts, theme, lang }));
    const rows = F.timeseriesSummary().filter((r) => r.scenario === 'basiscoalitie').map((r) => ({ date: r.date, measure: r.measure, value: r.mean }));
    const run = runSeriesChart(rows, { scenario: 'basiscoalitie', seed: 3, calendars: F.CALENDARS });
    expect(marksOf(run)[0]).toBe('line');
    expect(titleOf(run).subtitle!).toContain('basiscoalitie. One run (seed 3).');
    expectCompiles((theme, lang) => runSeriesChart(rows, { scenario: 'basiscoalitie', seed: 3, theme, lang }));
    expect(() => timeseriesChart(F.timeseriesSummary(), { measure: 'nothing' })).toThrow(NoDataError);
  });
});

describe('outcome distributions', () => {
  it('draws a box plot with every run as a jittered dot, NaN runs left out', () => {
    const spec = distributionChart(F.runs(), { ...opts, outcome: 'exits_after_election_share' });
    expect(marksOf(spec)).toEqual(['boxplot', 'circle', 'tick']);
    const values = dataOf(spec);
    expect(values).toHaveLength(4 * 16);
    expect(values.every((v) => Math.abs(v['jitter'] as number) <= 1)).toBe(true);
    expect(titleOf(spec).subtitle).toEqual([
      'Share of exits in the 12 months after an election (NaN without exits).',
      'Each dot is one run (16 per scenario). Box: middle half of the runs; line in the box: median.',
      "Whiskers: to the furthest runs within 1.5 box lengths of the box (Tukey's rule); dots beyond them are unusual runs.",
    ]);
    expect(findAll(spec, (n) => n['field'] === 'scenario' && n['scale'] !== undefined && n['type'] === 'nominal' && (n['scale'] as Node)['range'] !== undefined)[0]!['scale']).toEqual({ domain: F.SCENARIOS, range: HAAGLANDEN_COLOURS });
    expectCompiles((theme, lang) => distributionChart(F.runs(), { ...opts, theme, lang }));
    expect(titleOf(distributionChart(F.runs(), { lang: 'nl', outcome: 'value_per_inhabitant' })).text).toBe('Bruto waarde per inwoner (euro per inwoner per jaar): uitkomst per run');
  });
});

describe('paired differences (forest plot)', () => {
  const spec = forestChart(F.comparison(), opts);

  it('has one panel per outcome, one row per scenario but the reference, filled dots where significant', () => {
    const panels = spec['concat'] as Node[];
    expect(spec['columns']).toBe(2);
    expect(panels.map((p) => (p['title'] as Node)['text'])).toEqual(['Cooperation stability', 'Gross value per inhabitant']);
    // a share's differences in percentage points
    const values = (panels[0]!['data'] as { values: Node[] }).values;
    expect(values.map((v) => [v['scenario'], v['difference'], v['lo'], v['hi'], v['significant']])).toEqual([
      ['wgr-plus-continues', 10, 7, 13, 'yes'],
      ['basiscoalitie', 0, -3, 3, 'no'],
      ['modular-gr', -5, -8, -2, 'yes'],
    ]);
    expect(JSON.stringify(panels[0])).toContain('["Difference (percentage points)","← worse | better →"]');
    // the scenario names on the first column only
    expect(findAll(panels[1], (n) => n['field'] === 'scenario' && n['axis'] !== undefined)[0]!['axis']).toEqual({ labels: false, ticks: false });
    expect(marksOf(spec).slice(0, 3)).toEqual(['rule', 'rule', 'point']);
    const fill = findAll(spec, (n) => n['condition'] !== undefined)[0]!;
    expect(fill['value']).toBe('#ffffff');
    expect(titleOf(spec).text).toBe('Difference from wgr-plus-abolished, with 95% confidence intervals');
  });

  it('keeps scenario colours, restricts outcomes on request, and compiles', () => {
    const one = forestChart(F.comparison(), { ...opts, outcomes: ['value_per_inhabitant', 'no_such'], lang: 'nl' });
    expect((one['concat'] as Node[]).length).toBe(1);
    expect(JSON.stringify(one)).toContain('["Verschil (euro per inwoner per jaar)","← slechter | beter →"]');
    expect(JSON.stringify(one)).toContain('"range":["#0072B2","#D55E00","#009E73","#E69F00"]');
    expectCompiles((theme, lang) => forestChart(F.comparison(), { ...opts, theme, lang }));
  });
});

describe('Kaplan-Meier curves', () => {
  it('draws step lines with bands in a panel per spell type and arrangement kind, each curve starting at 1 at time 0', () => {
    const spec = survivalChart(F.survival(), opts);
    expect(findAll(spec, (n) => (n['mark'] as Node | undefined)?.['interpolate'] === 'step-after')).toHaveLength(2);
    const values = dataOf(spec);
    const starts = values.filter((v) => v['time'] === 0);
    // 4 scenarios x 2 types x 2 kinds (the pooled rows are left out when kinds are there)
    expect(starts).toHaveLength(16);
    expect(new Set(values.map((v) => v['kind']))).toEqual(new Set(['GR', 'Network']));
    const network = values.filter((v) => v['kind'] === 'Network' && v['scenario'] === 'basiscoalitie' && v['type'] === 'Arrangements');
    expect(network.map((v) => v['time'])).toEqual([0, 6, 12, 18, 24]);
    expect(network.at(-1)!['survival']).toBe(0);
    expect(starts.every((v) => v['survival'] === 1)).toBe(true);
    expect(new Set(values.map((v) => v['type']))).toEqual(new Set(['Arrangements', 'Memberships']));
    const nl = survivalChart(F.survival(), { ...opts, lang: 'nl' });
    expect(new Set(dataOf(nl).map((v) => v['type']))).toEqual(new Set(['Samenwerkingsverbanden', 'Lidmaatschappen']));
    expectCompiles((theme, lang) => survivalChart(F.survival(), { ...opts, theme, lang }));
  });
});

describe('trust matrix', () => {
  it('shows chosen snapshots with municipalities in the given order and a shared colour range', () => {
    const order = F.HAAGLANDEN.map((m) => m.code);
    const spec = trustChart(F.trust(), { dates: ['2006-01', '2020-12'], order });
    const values = dataOf(spec);
    expect(values).toHaveLength(2 * 72);
    expect(new Set(values.map((v) => v['snapshot']))).toEqual(new Set(['2006-01 (start)', '2020-12 (end)']));
    const x = findAll(spec, (n) => n['field'] === 'to')[0]!;
    expect(x['sort']).toEqual(F.HAAGLANDEN.map((m) => m.name));
    const colour = findAll(spec, (n) => n['field'] === 'trust' && n['scale'] !== undefined)[0]!;
    expect(colour['scale']).toEqual({ scheme: 'viridis', domain: [0.2, 0.7] });
    expect(titleOf(spec).text).toBe('Trust between municipalities (0 none, 1 full)');
    expect(titleOf(trustChart(F.trust(), { lang: 'nl' })).text).toBe('Vertrouwen tussen gemeenten (0 geen, 1 volledig)');
    // the colour scale is cut, and the subtitle says so
    expect(titleOf(spec).subtitle).toContain('Colours span 0.2 to 0.7, not the whole scale from 0 to 1, so that differences show.');
    expectCompiles((theme, lang) => trustChart(F.trust(), { theme, lang, order }));
  });

  it('without an order puts the most trusted first, and picks first, middle and last snapshot by default', () => {
    const spec = trustChart(F.trust());
    expect(new Set(dataOf(spec).map((v) => v['snapshot']))).toEqual(new Set(['2006-01 (start)', '2010-03 (council election)', '2020-12 (end)']));
    const sort = findAll(spec, (n) => n['field'] === 'to')[0]!['sort'] as string[];
    expect(sort).toHaveLength(9);
    // Delft and Rijswijk receive the most trust in the last snapshot (a tie, broken by code)
    expect(sort.slice(0, 2)).toEqual(['Delft', 'Rijswijk']);
  });
});

describe('map', () => {
  it('keeps only the region, averages runs per scenario, and scales to per year', () => {
    const spec = mapChart(topology, F.municipalities(), { ...opts, scale: { factor: 0.5, unit: 'EUR per inhabitant per year' } });
    const panels = spec['concat'] as Node[];
    expect(panels.map((p) => (p['title'] as Node)['text'])).toEqual(F.SCENARIOS);
    const features = ((panels[0]!['layer'] as Node[])[0]!['data'] as { values: Array<{ properties: Node; geometry: Node }> }).values;
    expect(features).toHaveLength(9);
    // 's-Gravenhage in wgr-plus-continues: runs give 30, 31, 32 → mean 31, times 0.5
    expect(features.find((f) => f.properties['code'] === 'GM0518')!.properties).toMatchObject({ name: "'s-Gravenhage", value: 15.5, n: 3 });
    expect(['Polygon', 'MultiPolygon']).toContain(features[0]!.geometry['type']);
    expect(marksOf(spec).filter((m) => m === 'geoshape')).toHaveLength(4);
    expect(titleOf(spec).text).toBe('Value per inhabitant per municipality (EUR per inhabitant per year)');
    expectCompiles((theme, lang) => mapChart(topology, F.municipalities(), { ...opts, theme, lang }));
  });

  it('refuses codes the topology does not have', () => {
    const rows = F.municipalities().map((r) => ({ ...r, code: 'GM9999' }));
    expect(() => mapChart(topology, rows)).toThrow(NoDataError);
  });
});

describe('sensitivity', () => {
  it('Morris: mu* against sigma, naming the largest effects', () => {
    const spec = morrisChart(F.sensitivity(), { outcome: 'cooperation_stability', top: 2 });
    const values = dataOf(spec);
    expect(values.filter((v) => v['label'] !== '').map((v) => v['parameter'])).toEqual(['taskRatePerMunicipality', 'trustBase']);
    expect(values[0]).toMatchObject({ parameter: 'taskRatePerMunicipality', mu_star: 0.12, sigma: 0.05, side: 'left' });
    expect(titleOf(spec).text).toBe('Which parameters matter for cooperation stability? (Morris screening)');
    expect(JSON.stringify(spec)).toContain('mu* (mean absolute effect, share of pairs)');
    expectCompiles((theme, lang) => morrisChart(F.sensitivity(), { outcome: 'cooperation_stability', theme, lang }));
  });

  it('Sobol: S1 and ST bars with intervals, sorted by ST', () => {
    const spec = sobolChart(F.sensitivity(), { outcome: 'cooperation_stability', top: 3 });
    expect(marksOf(spec)).toEqual(['bar', 'rule']);
    const y = findAll(spec, (n) => n['field'] === 'parameter' && n['sort'] !== undefined)[0]!;
    expect(y['sort']).toEqual(['taskRatePerMunicipality', 'trustBase', 'altruism']);
    expect(dataOf(spec)[0]).toEqual({ parameter: 'taskRatePerMunicipality', index: 'S1 (first order)', value: 0.4, lo: 0.35, hi: 0.45 });
    expect(JSON.stringify(sobolChart(F.sensitivity(), { outcome: 'cooperation_stability', lang: 'nl' }))).toContain('ST (totaal)');
    expectCompiles((theme, lang) => sobolChart(F.sensitivity(), { outcome: 'cooperation_stability', theme, lang }));
    expect(() => sobolChart(F.sensitivity(), { outcome: 'trust_mean' })).toThrow(NoDataError);
    expect(findAll(spec, (n) => n['field'] === 'value')[0]!['scale']).toEqual({ domain: [0, 1], nice: false });
    expect(titleOf(spec).subtitle).toEqual([
      'Mean share of municipality pairs with a cooperation tie that has lasted more than',
      '12 months.',
      'First-order index S1: the parameter alone. Total index ST: including interactions. Lines: 95% intervals.',
    ]);
  });

  it('Sobol: noisy estimates widen the axis, and intervals beyond it are cut off and said so', () => {
    const noisy = [{ method: 'sobol', outcome: 'x', parameter: 'altruism', s1: -1.5, s1_lo: -6.5, s1_hi: 1.4, st: 0.2, st_lo: 0.01, st_hi: 0.5 }];
    const spec = sobolChart(noisy, { outcome: 'x' });
    expect(findAll(spec, (n) => n['field'] === 'value')[0]!['scale']).toEqual({ domain: [-1.5, 1], nice: false });
    expect(findAll(spec, (n) => (n['mark'] as Node | undefined)?.['clip'] === true)).toHaveLength(2);
    expect(titleOf(spec).subtitle![1]).toBe('Intervals running past the axis are cut off: too few runs for precise indices (increase -n).');
  });

  it('Morris: labels that would overlap a larger effect\'s label are left to the tooltip', () => {
    const crowded = ['alpha', 'beta', 'gamma', 'delta'].map((parameter, i) => ({ method: 'morris', outcome: 'x', parameter, mu: 0, mu_star: i === 0 ? 1 : 0.01 + i * 0.001, sigma: i === 0 ? 1 : 0.01 }));
    const spec = morrisChart(crowded, { outcome: 'x' });
    expect(dataOf(spec).filter((v) => v['label'] !== '').map((v) => [v['parameter'], v['side']])).toEqual([['alpha', 'left'], ['delta', 'right']]);
    expect(titleOf(spec).subtitle![1]).toBe('Named: the 2 largest effects with room for a label; hover over a dot for the others.');
  });
});

describe('events', () => {
  it('a run timeline: one mark per month and kind, sized by count, decisions left out', () => {
    const spec = timelineChart(F.events(), { scenario: 'wgr-plus-abolished', seed: 42, start: '2006-01', end: '2020-12', calendars: F.CALENDARS });
    const values = dataOf(spec).filter((v) => v['count'] !== undefined);
    expect(values.map((v) => [v['date'], v['type'], v['count']])).toEqual([
      ['2006-03', 'Council election', 1], ['2010-03', 'Council election', 1], ['2014-03', 'Council election', 1],
      ['2015-01', 'Scenario event', 1], ['2015-01', 'Dissolution', 1], ['2015-06', 'New arrangement', 1], ['2015-09', 'Join', 1],
      ['2016-02', 'Package deal (mandje)', 1], ['2018-03', 'Council election', 1], ['2018-05', 'Exit', 1], ['2018-06', 'Exit', 1],
    ]);
    expect(values[3]!['detail']).toBe('WGR-plus ends');
    const lanes = findAll(spec, (n) => n['field'] === 'type' && n['sort'] !== undefined)[0]!['sort'];
    expect(lanes).toEqual(['Scenario event', 'Council election', 'New arrangement', 'Join', 'Exit', 'Dissolution', 'Package deal (mandje)']);
    expectCompiles((theme, lang) => timelineChart(F.events(), { scenario: 'x', seed: 1, theme, lang }));
  });

  it('exits per quarter: the mean per run, one panel per scenario', () => {
    const runsPerScenario = Object.fromEntries(F.SCENARIOS.map((s) => [s, 4]));
    const spec = eventRateChart(F.eventCounts(), { ...opts, runsPerScenario, start: '2006-01', end: '2020-12' });
    const panels = spec['vconcat'] as Node[];
    expect(panels).toHaveLength(4);
    const values = dataOf(panels[0] as VlSpec).filter((v) => v['rate'] !== undefined);
    expect(values).toHaveLength(60);
    // 2010-05 lies in 2010 Q2: counts 1+2+3+4 over 4 runs = 2.5 per run
    expect(values.find((v) => v['quarter'] === '2010 Q2')).toMatchObject({ x: 2010.25, x2: 2010.5, rate: 2.5 });
    expect(values.find((v) => v['quarter'] === '2018 Q2')).toMatchObject({ rate: 2 });
    expect(values.filter((v) => (v['rate'] as number) > 0)).toHaveLength(2);
    expect(titleOf(spec).text).toBe('Exits per quarter (memberships per run)');
    expect(titleOf(eventRateChart(F.eventCounts(), { ...opts, runsPerScenario, start: '2006-01', end: '2020-12', lang: 'nl' })).text).toBe('Uittredingen per kwartaal (lidmaatschappen per run)');
    expectCompiles((theme, lang) => eventRateChart(F.eventCounts(), { ...opts, runsPerScenario, start: '2006-01', end: '2020-12', theme, lang }));
  });
});
