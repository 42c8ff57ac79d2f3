/**
 * Charts that explain themselves: every chart of the registry, built on one fixture directory
 * that holds every file (batch, analysis, run and sensitivity), in both languages and both
 * themes, carries the definition of what it shows; difference charts say which way is better;
 * shares sit on percent axes and positional axes start at 0; no format string and no rendered
 * text uses e-notation; time markers come from each scenario's own calendar.
 */
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../src/core/calendar.js';
import { HEADLINE, measure } from '../../src/core/measures.js';
import { CHARTS, KNOWN_FILES, type ChartContext, type ChartData, type ChartJob, type VlSpec } from '../../src/charts/index.js';
import { directionCue } from '../../src/charts/common.js';
import { isShareMeasure, measureChartDefinition, t, type Lang } from '../../src/i18n/index.js';
import { topologyFor } from '../../src/render/catalog.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCharts } from '../../src/render/charts-dir.js';
import { onSlide, renderSvg, svgToPng } from '../../src/render/render.js';
import type { ComparisonRow, PointsSummaryRow, RunRow } from '../../src/charts/rows.js';
import type { RunSummary } from '../../src/formats/json-files.js';
import * as F from './fixtures.js';
import { findAll, type Node } from './specs.js';



const lines = (x: unknown): string[] => (typeof x === 'string' ? [x] : Array.isArray(x) ? x.filter((l): l is string => typeof l === 'string') : []);

/** The text of every title and subtitle in a spec (chart and panels), each with its lines joined by spaces. */
function titleTexts(spec: VlSpec): string[] {
  return findAll(spec, (n) => typeof n['title'] === 'object' && n['title'] !== null && !Array.isArray(n['title'])).flatMap((n) => {
    const title = n['title'] as Node;
    return [lines(title['text']).join(' '), lines(title['subtitle']).join(' ')];
  });
}

/** Every axis and legend title, as lines. */
function axisTitles(spec: VlSpec): string[] {
  return findAll(spec, (n) => typeof n['field'] === 'string' || n['datum'] !== undefined).flatMap((n) => lines(n['title']));
}

const ym = (abs: number): string => `${Math.floor(abs / 12)}-${String((abs % 12) + 1).padStart(2, '0')}`;

/** Every headline outcome in runs and comparison, so the forest plot draws all of its panels. */
function runsWithHeadline(): RunRow[] {
  return F.runs().map((row, i) => ({ ...row, ...Object.fromEntries(HEADLINE.map((o, k) => [o, (row as Record<string, unknown>)[o] ?? (isShareMeasure('run', o) ? 0.2 + 0.01 * ((i + k) % 7) : 10 + ((i * 3 + k) % 11))])) }));
}
function comparisonWithHeadline(): ComparisonRow[] {
  return F.SCENARIOS.filter((s) => s !== 'wgr-plus-abolished').flatMap((scenario, i) => HEADLINE.map((outcome, k) => {
    const d = (isShareMeasure('run', outcome) ? 0.03 : 4) * (1 - i + k / 10);
    return {
      scenario, reference: 'wgr-plus-abolished', point: 0, outcome, paired: true, n: 20, mean_reference: 1, mean_scenario: 1 + d, difference: d,
      ci_lo: d - Math.abs(d) / 2, ci_hi: d + Math.abs(d) / 2, p_holm: 0.01, significant: true, share_better: 0.6,
    };
  }));
}

function runSummary(): RunSummary {
  return {
    scenario: 'wgr-plus-continues', title: 'WGR-plus continues', seed: 7, region: 'haaglanden', start: '2006-01', end: '2020-12', evaluation: { from: '2015-01', to: '2020-12' },
    outcomes: {} as RunSummary['outcomes'],
    // two members of a convenant, one leaving a basiscoalitie: the membership chart's panels (no
    // WGR-plus, which the marker test below must not find in the data)
    spells: [
      ...F.HAAGLANDEN.slice(0, 2).map((m) => ({ type: 'membership' as const, arrangement: 'cv', kind: 'convenant', municipality: m.code, start: '2006-01', end: null, duration: 180, ended: 0 as const, reason: '' })),
      { type: 'membership' as const, arrangement: 'bc', kind: 'basiscoalitie', municipality: F.HAAGLANDEN[0]!.code, start: '2015-01', end: '2018-03', duration: 38, ended: 1 as const, reason: 'value' },
    ],
    arrangements: [
      { id: 'cv', name: 'Convenant wonen', kind: 'convenant', formed: false, domains: ['housing'] },
      { id: 'bc', name: 'Basiscoalitie Haaglanden', kind: 'basiscoalitie', formed: false, domains: ['housing'] },
    ],
    municipalities: F.HAAGLANDEN.map((m, i) => ({ ...m, measures: { value_per_inhabitant: 300 + 20 * i } as unknown as RunSummary['municipalities'][number]['measures'] })),
  };
}

/** An experiment over one parameter: every scenario and every headline outcome at three values of altruism. */
function pointsSummary(): PointsSummaryRow[] {
  const out: PointsSummaryRow[] = [];
  const base = { n: 20, sd: 0.05, share_better: null, importance: null, verdict: null, reference: null };
  [0.2, 0.5, 0.8].forEach((altruism, p) => {
    F.SCENARIOS.forEach((scenario, i) => HEADLINE.forEach((outcome) => {
      const m = isShareMeasure('run', outcome) ? 0.3 + 0.1 * altruism : 10 + altruism;
      const point = 3 * i + p;
      out.push({ ...base, kind: 'scenario', scenario, point, outcome, estimate: m, ci_lo: m * 0.9, ci_hi: m * 1.1, param_altruism: altruism });
      if (scenario !== 'wgr-plus-abolished') {
        const d = (i - 1.5) * 0.02;
        out.push({ ...base, kind: 'difference', scenario, reference: 'wgr-plus-abolished', point, outcome, estimate: d, ci_lo: d - 0.01, ci_hi: d + 0.01, share_better: 0.6, importance: d / 0.05, verdict: d > 0.01 ? 'better' : 'no-difference', param_altruism: altruism });
      }
    }));
  });
  return out;
}

function fixtureData(): ChartData {
  const runSeries = [];
  for (let m = 2006 * 12; m <= 2020 * 12 + 11; m++) {
    runSeries.push({ date: ym(m), measure: 'cooperation_stability', value: 0.4 + 0.001 * (m % 50) }, { date: ym(m), measure: 'trust_mean', value: 0.6 });
  }
  const runs = runsWithHeadline();
  return {
    present: new Set(KNOWN_FILES),
    runs, runColumns: Object.keys(runs[0]!), municipalities: F.municipalities(), eventCounts: F.eventCounts(), trust: F.trust(), events: F.events(),
    runSeries, runSummary: runSummary(),
    // the chart builders read only these columns of the analysis files (src/charts/rows.ts)
    timeseriesSummary: F.timeseriesSummary() as ChartData['timeseriesSummary'], comparison: comparisonWithHeadline() as ChartData['comparison'],
    survival: F.survival() as ChartData['survival'], sensitivity: F.sensitivity() as ChartData['sensitivity'],
    pointsSummary: pointsSummary(), pointsSummaryParams: ['altruism'],
  };
}

/** Calendars of a region that never had a WGR-plus: elections only. */
const NO_STRUCTURE: Record<string, Calendar> = Object.fromEntries(F.SCENARIOS.map((s) => [s, { ...F.CALENDARS[s]!, events: [] }]));

function jobs(lang: Lang, theme: 'default' | 'slides', calendars: Record<string, Calendar> = F.CALENDARS): ChartJob[] {
  const context: ChartContext = {
    data: fixtureData(), lang, opts: { lang, theme, scenarios: F.SCENARIOS, calendars },
    window: { start: '2006-01', end: '2020-12', from: '2015-01', to: '2020-12' }, topology: topologyFor,
  };
  return CHARTS.flatMap((entry) => entry.make(context));
}

const VARIANTS = [['en', 'default'], ['nl', 'default'], ['en', 'slides'], ['nl', 'slides']] as const;
const built = VARIANTS.map(([lang, theme]) => ({ lang, theme, charts: jobs(lang, theme).map((job) => ({ job, spec: job.build() })) }));

describe('the fixture draws every registered chart', () => {
  it('has at least one chart of every registry entry', () => {
    const names = built[0]!.charts.map((c) => c.job.name);
    for (const entry of CHARTS) {
      const pattern = new RegExp(`^${entry.id.replace('<outcome>', '.+')}$`);
      expect(names.some((n) => pattern.test(n)), entry.id).toBe(true);
    }
    expect(names).toContain('map-difference-value-per-inhabitant');
  });
});

describe.each(built)('$lang, $theme', ({ lang, charts }) => {
  it('every chart carries the definition of each measure it shows, from the measure registry', () => {
    for (const { job, spec } of charts) {
      const texts = titleTexts(spec).join('\n');
      expect(job.measures.length > 0 || job.defines !== undefined, job.name).toBe(true);
      for (const m of job.measures) {
        const definition = measureChartDefinition(m.level, m.id, lang);
        expect(definition, `${job.name}: ${m.id}`).not.toBe('');
        expect(texts, `${job.name} defines ${m.id}`).toContain(definition);
      }
      if (job.defines !== undefined) expect(texts, job.name).toContain(t(job.defines, lang));
      // a family's member shows the measure its name says
      const family = /^(outcome|morris|sobol)-(.+)$/.exec(job.name);
      if (family) expect(job.measures).toEqual([{ level: 'run', id: family[2] }]);
    }
  });

  it('definitions on charts are short plain sentences, without column or parameter names', () => {
    for (const { job } of charts) {
      for (const m of job.measures) {
        const definition = measureChartDefinition(m.level, m.id, lang);
        expect(definition.length, `${job.name}: ${m.id}`).toBeLessThanOrEqual(125);
        expect(definition, `${job.name}: ${m.id}`).not.toMatch(/[a-z]_[a-z]|[a-z][A-Z]/);
      }
    }
  });

  it('difference charts say which way is better on every panel, from each measure\'s direction', () => {
    const differences = charts.filter((c) => c.job.name === 'differences' || c.job.name.startsWith('map-difference'));
    expect(differences.map((c) => c.job.name)).toEqual(['differences', 'map-difference-value-per-inhabitant']);
    for (const { job, spec } of differences) {
      const titles = axisTitles(spec);
      for (const m of job.measures) {
        const cue = directionCue(m.level, m.id, lang);
        expect(cue, m.id).not.toBe('');
        expect(titles, `${job.name}: ${m.id}`).toContain(cue);
      }
    }
    // exits (not on the shorter slide): more is worse, so better points left
    const forest = differences[0]!;
    if (forest.job.measures.some((m) => m.id === 'exits')) {
      const exitsPanel = findAll(forest.spec, (n) => (n['title'] as Node | undefined)?.['text'] === measure('run', 'exits')!.name[lang])[0]!;
      expect(axisTitles(exitsPanel as VlSpec)).toContain(t('chart.cueLower', lang));
    }
  });

  it('the differences chart keeps a sensible height: two columns of panels, all headline outcomes', () => {
    const forest = charts.find((c) => c.job.name === 'differences')!.spec;
    expect(forest['columns']).toBe(2);
    expect((forest['concat'] as unknown[]).length).toBe(charts.find((c) => c.job.name === 'differences')!.job.measures.length);
  });

  it('shares sit on percent axes, and positional axes start at 0', () => {
    for (const { job, spec } of charts) {
      const encodings = findAll(spec, (n) => typeof n['encoding'] === 'object' && n['encoding'] !== null).map((n) => n['encoding'] as Node);
      for (const enc of encodings) {
        for (const channel of ['x', 'y'] as const) {
          const e = enc[channel] as Node | undefined;
          if (e === undefined || e['type'] !== 'quantitative' || e['field'] === 'x' || e['aggregate'] !== undefined) continue;
          // an experiment's parameter axes span the values tried, and the chart says so
          if (String(e['field']).startsWith('param_')) {
            expect(titleTexts(spec).join('\n'), job.name).toContain(t('chart.expParamAxes', lang));
            continue;
          }
          const scale = (e['scale'] ?? {}) as Node;
          expect(scale['zero'], `${job.name} ${channel} ${String(e['field'])}`).not.toBe(false);
          const domain = scale['domain'] as number[] | undefined;
          if (domain !== undefined) expect(domain[0]!, `${job.name} ${channel}`).toBeLessThanOrEqual(0);
        }
      }
      const shares = job.measures.filter((m) => isShareMeasure(m.level, m.id));
      // Not the differences (percentage points) nor the sensitivity charts (effects and indices, not the share itself).
      if (shares.length > 0 && !/^(differences|morris-|sobol-)/.test(job.name)) {
        const formats = findAll(spec, (n) => typeof (n['axis'] as Node | undefined)?.['format'] === 'string').map((n) => (n['axis'] as Node)['format'] as string);
        expect(formats.some((f) => f.endsWith('%')), job.name).toBe(true);
      }
    }
  });

  it('no format string can print e-notation or SI prefixes', () => {
    for (const { job, spec } of charts) {
      const formats = findAll(spec, (n) => typeof n['format'] === 'string').map((n) => n['format'] as string);
      for (const f of formats) expect(f, job.name).toMatch(/^\+?,?(\.\d+)?~?[fd%]$/);
    }
  });

  it('box plots have Tukey whiskers and say so', () => {
    for (const { job, spec } of charts.filter((c) => c.job.name.startsWith('outcome-'))) {
      const box = findAll(spec, (n) => (n['mark'] as Node | undefined)?.['type'] === 'boxplot')[0]!;
      expect((box['mark'] as Node)['extent'], job.name).toBe(1.5);
      expect(titleTexts(spec).join(' '), job.name).toContain(t('chart.whiskers', lang));
    }
  });

  it('the survival chart has a column per arrangement kind and states the dissolution rule', () => {
    const spec = charts.find((c) => c.job.name === 'survival')!.spec;
    const column = (spec['facet'] as Node)['column'] as Node;
    expect(column['sort']).toEqual([t('kind.gr', lang), t('kind.network', lang)]);
    const text = titleTexts(spec).join(' ');
    expect(text).toContain(lang === 'en' ? 'Without a decision for 24 months a network or convenant dissolves, a basiscoalitie (with a secretary) after 48' : 'Zonder besluit in 24 maanden wordt een netwerk of convenant opgeheven, een basiscoalitie (met secretaris) na 48');
  });
});

describe('no e-notation in what the charts print', () => {
  it('renders every chart (default theme, both languages) without a number like 3e+1 in its text', async () => {
    for (const variant of built.filter((b) => b.theme === 'default')) {
      for (const { job, spec } of variant.charts) {
        const { svg } = await renderSvg(spec);
        const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
        expect(texts.length, job.name).toBeGreaterThan(0);
        for (const text of texts) expect(text, `${variant.lang} ${job.name}`).not.toMatch(/\d(\.\d+)?e[+-]?\d/i);
      }
    }
  }, 120_000);
});

describe('scenarios by their titles', () => {
  const titles = Object.fromEntries(F.SCENARIOS.map((name, i) => [name, `Scenario title ${i + 1}`]));
  it('legends, axes, panel titles and notes of the batch charts name scenarios by their titles, not their slugs', async () => {
    const context: ChartContext = {
      data: fixtureData(), lang: 'en', opts: { lang: 'en', theme: 'default', scenarios: F.SCENARIOS, calendars: F.CALENDARS, titles },
      window: { start: '2006-01', end: '2020-12', from: '2015-01', to: '2020-12' }, topology: topologyFor,
    };
    const batch = CHARTS.filter((entry) => entry.scope === 'batch').flatMap((entry) => entry.make(context));
    expect(batch.length).toBeGreaterThan(10);
    let titled = 0;
    for (const job of batch) {
      const { svg } = await renderSvg(job.build());
      const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join('\n');
      for (const slug of ['wgr-plus-continues', 'wgr-plus-abolished', 'modular-gr']) expect(text, `${job.name}: ${slug}`).not.toContain(slug);
      if (F.SCENARIOS.some((name) => text.includes(titles[name]!))) titled++;
      expect(job.heading, job.name).not.toMatch(/wgr-plus-(continues|abolished)/);
    }
    // every batch chart shows its scenarios somewhere: in a legend, on an axis or over a panel
    expect(titled).toBe(batch.length);
  }, 120_000);
});

describe('markers come from each scenario\'s own events', () => {
  const abolition = [t('chart.abolition', 'en'), t('chart.abolition', 'nl'), 'WGR-plus'];
  const mentions = (spec: VlSpec): boolean => abolition.some((a) => JSON.stringify(spec).includes(a));

  it('no chart of a region without a WGR-plus shows a WGR-plus marker', () => {
    for (const lang of ['en', 'nl'] as const) {
      for (const job of jobs(lang, 'default', NO_STRUCTURE)) {
        // the fixture's events.jsonl of a Haaglanden run names it; the scenario calendars do not
        if (job.name === 'timeline') continue;
        expect(mentions(job.build()), `${lang} ${job.name}`).toBe(false);
      }
    }
  });

  it('a run of the scenario that keeps the WGR-plus shows no abolition, and the panels of other scenarios show their own', () => {
    const all = jobs('en', 'default');
    for (const name of ['stability', 'trust-over-time']) {
      const run = all.filter((j) => j.name === name)[1]!;
      expect(mentions(run.build()), name).toBe(false);
    }
    const exits = all.find((j) => j.name === 'exits-over-time')!.build();
    const panels = exits['vconcat'] as Node[];
    const marked = panels.map((p) => JSON.stringify(p['layer']).includes(t('chart.abolition', 'en')));
    expect(marked).toEqual(F.SCENARIOS.map((s) => F.CALENDARS[s]!.events.length > 0));
  });

  it('a marker that only some scenarios have says which', () => {
    const stability = jobs('en', 'default').find((j) => j.name === 'stability')!.build();
    expect(titleTexts(stability).join(' ')).toContain('WGR-plus abolished (January 2015; wgr-plus-abolished, basiscoalitie, modular-gr)');
  });
});

describe('16:9 slide variants', () => {
  it('puts every chart of the slides theme on a 16:9 canvas without cutting it', async () => {
    for (const { job, spec } of built.find((b) => b.lang === 'nl' && b.theme === 'slides')!.charts) {
      const drawn = await renderSvg(spec);
      const slide = onSlide(drawn);
      expect(Math.abs(slide.width / slide.height - 16 / 9), job.name).toBeLessThan(0.002);
      expect(slide.width, job.name).toBeGreaterThanOrEqual(Math.max(960, drawn.width));
      expect(slide.height, job.name).toBeGreaterThanOrEqual(drawn.height);
    }
  }, 120_000);

  it('a chart up to 960 × 540 becomes a 1920 × 1080 PNG, centred', async () => {
    const spec = built.find((b) => b.lang === 'en' && b.theme === 'default')!.charts.find((c) => c.job.name === 'outcome-cooperation_stability')!.spec;
    const drawn = await renderSvg(spec);
    expect(drawn.width).toBeLessThanOrEqual(960);
    const png = svgToPng(onSlide(drawn).svg, 2);
    expect([png.width, png.height]).toEqual([1920, 1080]);
    // the canvas edge is white; the chart's middle row has ink
    const at = (x: number, y: number): number[] => [...png.pixels.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
    expect(at(2, 2)).toEqual([255, 255, 255]);
    const row = 540;
    const inked = Array.from({ length: png.width }, (_, x) => at(x, row)).filter((p) => p.some((c) => c < 200)).length;
    expect(inked).toBeGreaterThan(0);
  });

  it('regiosim chart --theme slides writes 16:9 PNGs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regiosim-slides-'));
    try {
      const data = { ...fixtureData(), present: new Set(['summary.json', 'trust.csv'] as const), dir } as unknown as Parameters<typeof renderCharts>[0];
      const result = await renderCharts(data, { format: 'png', theme: 'slides', lang: 'nl' });
      const pngs = readdirSync(result.outDir).filter((f) => f.endsWith('.png'));
      expect(pngs.sort()).toEqual(['map-value-per-inhabitant.png', 'membership.png', 'trust-matrix.png']);
      for (const f of pngs) {
        const bytes = readFileSync(join(result.outDir, f));
        const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
        expect(Math.abs(w / h - 16 / 9), f).toBeLessThan(0.002);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
