/** The story charts of a run (src/charts/membership.ts): membership over time and the timeline with names. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipChart, storyTimelineChart } from '../../src/charts/membership.js';
import type { VlSpec } from '../../src/charts/common.js';
import { runSimulation } from '../../src/core/run.js';
import { eventsJsonl, summaryJson, timeseriesCsv } from '../../src/io/run-output.js';
import { loadScenario } from '../../src/io/scenario.js';
import { parseRunTexts } from '../../src/render/load.js';
import { compileSpec } from '../../src/render/render.js';
import { OWN_REGION_SCENARIO, removeDir, tempDir } from '../cli/helpers.js';

let dir: string;
let data: ReturnType<typeof parseRunTexts>;
beforeAll(() => {
  dir = tempDir('story-charts');
  writeFileSync(join(dir, 'test-region.yaml'), OWN_REGION_SCENARIO);
  const loaded = loadScenario(join(dir, 'test-region.yaml'));
  const result = runSimulation(loaded.scenario, 7);
  data = parseRunTexts({ 'summary.json': summaryJson(result, loaded.scenario), 'events.jsonl': eventsJsonl(result), 'timeseries.csv': timeseriesCsv(result) });
});
afterAll(() => removeDir(dir));

type Node = Record<string, unknown>;
const values = (spec: VlSpec): Node[] => {
  const out: Node[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n !== null && typeof n === 'object') {
      const data = (n as Node)['data'] as Node | undefined;
      if (Array.isArray(data?.['values']) && (data['values'] as Node[]).some((v) => 'municipality' in v || 'label' in v)) out.push(...(data['values'] as Node[]));
      for (const v of Object.values(n as Node)) walk(v);
    }
  };
  walk(spec);
  return out;
};

describe('membership over time', () => {
  it('draws one panel per arrangement with a bar per membership, named for people', () => {
    const spec = membershipChart(data.runSummary!, { scenario: 'test-region', seed: 7, lang: 'en' });
    const panels = (spec['vconcat'] as Node[]).map((p) => (p['title'] as { text: string }).text);
    expect(panels).toEqual([
      "The scenario's basiscoalitie", 'The transport basiscoalitie around Eastbank', 'The operations network around Northbank (from 2014)',
      'The operations network around Southbank', 'The operations network around Northbank (from 2019)',
    ]);
    const westbank = values(spec).filter((v) => v['municipality'] === 'Westbank');
    expect(westbank.map((v) => [v['kind'], v['from'], v['until'], v['ended']])).toEqual([
      ['basiscoalitie', 'January 1999', 'May 2015', 'Grievances: bound against its interest or let down by partners'],
      ['basiscoalitie', 'May 2018', 'the end of the run', ''],
    ]);
  });

  it('compiles without warnings in both languages and themes', () => {
    for (const lang of ['en', 'nl'] as const) {
      for (const theme of ['default', 'slides'] as const) {
        const warnings: string[] = [];
        compileSpec(membershipChart(data.runSummary!, { scenario: 'test-region', seed: 7, lang, theme }), warnings);
        compileSpec(storyTimelineChart(data.events!, data.runSummary!, { scenario: 'test-region', seed: 7, lang, theme }), warnings);
        expect(warnings, `${lang}/${theme}`).toEqual([]);
      }
    }
  });
});

describe('the timeline with names', () => {
  it('labels every event with the month, the municipality and what happened', () => {
    const spec = storyTimelineChart(data.events!, data.runSummary!, { scenario: 'test-region', seed: 7, lang: 'nl' });
    const rows = values(spec);
    expect(rows).toHaveLength(16);
    expect(rows[0]).toMatchObject({ label: 'mei 2015 · Westbank verlaat het verband uit het scenario (basiscoalitie)', type: 'Uittreding' });
    expect(rows[0]!['text']).toBe('Westbank verlaat het verband uit het scenario (basiscoalitie): grieven: tegen het eigen belang in gebonden of door partners in de steek gelaten');
    expect(new Set(rows.map((r) => r['label'])).size).toBe(rows.length);
  });
});
