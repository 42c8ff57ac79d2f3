/**
 * story.md: a run told in words. Exact text for a small fixed-seed run (the test region of
 * tests/cli/helpers.ts, seed 7), in English and Dutch, and the rules of the sentences.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStory } from '../../src/analysis/story.js';
import { runSimulation } from '../../src/core/run.js';
import { eventsJsonl, summaryJson, timeseriesCsv } from '../../src/io/run-output.js';
import { loadScenario } from '../../src/io/scenario.js';
import { parseRunTexts } from '../../src/render/load.js';
import { storyFromTexts, storyInput } from '../../src/render/story.js';
import { OWN_REGION_SCENARIO, removeDir, tempDir } from '../cli/helpers.js';

let dir: string;
let texts: { 'summary.json': string; 'events.jsonl': string; 'timeseries.csv': string };
beforeAll(() => {
  dir = tempDir('story');
  writeFileSync(join(dir, 'test-region.yaml'), OWN_REGION_SCENARIO);
  const loaded = loadScenario(join(dir, 'test-region.yaml'));
  const result = runSimulation(loaded.scenario, 7);
  texts = { 'summary.json': summaryJson(result, loaded.scenario), 'events.jsonl': eventsJsonl(result), 'timeseries.csv': timeseriesCsv(result) };
});
afterAll(() => removeDir(dir));

const section = (text: string, from: string, to: string): string => text.slice(text.indexOf(from), text.indexOf(to));

describe('story.md of a run', () => {
  it('tells who joined, who left and why, what was formed and dissolved, and what the election changed (English)', () => {
    const story = storyFromTexts(texts, 'en');
    expect(story.startsWith('# The story of one run: Test region\n\nLake district: four municipalities, simulated month by month from January 2015 to December 2019 (seed 7);')).toBe(true);
    expect(section(story, '## What happened', '## What was decided')).toBe(`## What happened

### 2015

- **May 2015.** Westbank leaves the scenario's basiscoalitie: grievances: bound against its interest or let down by partners.
- **December 2015.** Eastbank joins the operations network around Northbank (from 2014).

### 2016

- **January 2016.** Social domain tasks arise 3 times as often from now on.
- **May 2016.** Northbank joins the transport basiscoalitie around Eastbank.
- **September 2016.** The operations network around Northbank (from 2014) is dissolved: dormant, no decision for a long time.
- **September 2016.** Eastbank and Southbank form the operations network around Southbank.

### 2017

- **August 2017.** Northbank joins the operations network around Southbank.
- **November 2017.** Eastbank leaves the scenario's basiscoalitie: grievances: bound against its interest or let down by partners.

### 2018

- **March 2018.** Council elections in all four municipalities: more in favour of regional cooperation: Northbank; less in favour: Southbank and Westbank; the mean stance went from 0.67 to 0.59 (0 to 1); new councils took 2 items off the agendas.
- **May 2018.** Westbank joins the transport basiscoalitie around Eastbank.
- **September 2018.** The operations network around Southbank is dissolved: dormant, no decision for a long time.

### 2019

- **January 2019.** Southbank leaves the scenario's basiscoalitie: grievances: bound against its interest or let down by partners.
- **January 2019.** The scenario's basiscoalitie is dissolved: too few members left.
- **February 2019.** Northbank and Eastbank form the operations network around Northbank (from 2019).
- **April 2019.** Southbank joins the operations network around Northbank (from 2019).
- **November 2019.** Northbank leaves the transport basiscoalitie around Eastbank: budget review: too little value for the money.

`);
  });

  it('counts what each table decided, and lists the arrangements and members at the end', () => {
    expect(section(storyFromTexts(texts, 'en'), '## What was decided', '## Outcomes of this run')).toBe(`## What was decided

Over the whole run, per table (ad hoc: coalitions of the willing outside any table):

| Table | Tasks taken on | of which over objections | Package deals | Blocked until lapsed | Projects completed | Failed | Value realised (M EUR) |
|---|---:|---:|---:|---:|---:|---:|---:|
| The scenario's basiscoalitie | 2 | 0 | 1 | 1 | 4 | 0 | 29.6 |
| The transport basiscoalitie around Eastbank | 1 | 0 | 0 | 1 | 1 | 0 | 2.2 |
| The operations network around Northbank (from 2019) | 2 | 0 | 0 | 0 | 0 | 0 | 0.0 |
| ad hoc | 3 | 0 | 0 | 0 | 1 | 10 | 3.1 |
| **all tables** | 8 | 0 | 1 | 2 | 6 | 10 | 34.9 |

## At the end

In December 2019 two arrangements remained:

- **The transport basiscoalitie around Eastbank** (basiscoalitie; transport; formed in August 2014): Eastbank, Southbank and Westbank.
- **The operations network around Northbank (from 2019)** (network; operations; formed in February 2019): Northbank, Eastbank and Southbank.

`);
  });

  it('is Dutch throughout in Dutch: month names, decimal commas, no slugs or ISO dates', () => {
    const story = storyFromTexts(texts, 'nl');
    expect(section(story, '## Bij de start', '## Wat er gebeurde')).toBe(`## Bij de start

In januari 2015 werkten de gemeenten samen in drie samenwerkingsverbanden:

- **Het verband uit het scenario (basiscoalitie)** (basiscoalitie): alle vier gemeenten.
- **De basiscoalitie voor verkeer en vervoer rond Eastbank** (basiscoalitie; gevormd in augustus 2014): Eastbank en Southbank.
- **Het netwerk voor bedrijfsvoering rond Northbank (vanaf 2014)** (netwerk; gevormd in september 2014): Northbank en Southbank.

`);
    expect(story).toContain('- **Maart 2018.** Gemeenteraadsverkiezingen in alle vier gemeenten: positiever over regionale samenwerking: Northbank; negatiever: Southbank en Westbank; de gemiddelde houding ging van 0,67 naar 0,59 (schaal 0 tot 1); nieuwe colleges haalden 2 punten van de agenda.');
    expect(story).not.toMatch(/\d{4}-\d{2}/);
    expect(story).not.toMatch(/lake-table|basiscoalitie-\d|network-\d|\b(leaves|joins|council|seed|run)\b/);
  });

  it('is the same text whether told from the texts being written or from the files read back', () => {
    const data = parseRunTexts(texts);
    expect(runStory(storyInput(data)!, 'nl')).toBe(storyFromTexts(texts, 'nl'));
    // Without timeseries.csv the story leaves out the trust line, and nothing else.
    const without = runStory({ ...storyInput(data)!, series: [] }, 'en');
    expect(storyFromTexts(texts, 'en').replace(/\nTrust between the municipalities went from [^\n]*\n/, '')).toBe(without);
  });
});
