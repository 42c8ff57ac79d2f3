/** Reading output directories and deciding which charts they support. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/io/errors.js';
import { trustDates } from '../../src/charts/registry.js';
import { catalog, topologyFor } from '../../src/render/catalog.js';
import { loadDir } from '../../src/render/load.js';
import { featureCode, topologyFeatures } from '../../src/charts/map.js';
import * as F from '../charts/fixtures.js';
import { tempDir, writeBatch, writeRun, writeSensitivity } from './dirs.js';

describe('loadDir', () => {
  it('reads a batch into tidy rows with numbers parsed (NaN kept, empty cells null)', () => {
    const data = loadDir(writeBatch(tempDir('load'), { analysis: true }));
    expect([...data.present].sort()).toEqual(['comparison.csv', 'events-counts.csv', 'manifest.json', 'municipalities.csv', 'runs.csv', 'summary.csv', 'summary.md', 'survival.csv', 'timeseries-summary.csv']);
    expect(data.runs).toHaveLength(80);
    expect(data.runs![0]).toMatchObject({ run: 0, scenario: 'wgr-plus-continues', point: 0, replication: 0, seed: 1000, cooperation_stability: 0.45 });
    expect(data.runs![0]!['exits_after_election_share']).toBeNaN();
    expect(data.comparison![0]).toMatchObject({ paired: true, significant: true, reference: 'wgr-plus-abolished', test: 'wilcoxon-signed-rank' });
    expect(data.runColumns).toContain('value_per_inhabitant');
  });

  it('reports every problem in every file at once', () => {
    const dir = writeBatch(tempDir('load-bad'), { analysis: true });
    writeFileSync(join(dir, 'runs.csv'), 'run,scenario,point,replication\n0,a,0,0\n');
    writeFileSync(join(dir, 'survival.csv'), 'scenario,point,type,time,at_risk,events,survival,lo,hi\na,0,arrangement,three,10,1,0.9,0.8,1\na,0,arrangement,4,10,1,,0.8,1\n');
    writeFileSync(join(dir, 'manifest.json'), '{not json');
    let err: unknown;
    try {
      loadDir(dir, 'mybatch/');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).file).toBe('mybatch/');
    expect((err as UserError).problems).toEqual([
      { path: 'manifest.json', expected: 'a JSON file', found: expect.stringMatching(/^text that is not JSON/) as unknown as string },
      { path: 'runs.csv, header', expected: 'the column seed (docs/formats.md)', found: 'a header with run, scenario, point, replication' },
      { path: 'survival.csv, line 2, column time', expected: 'a number (or NaN)', found: '"three"' },
    ]);
  });

  it('says when the directory does not exist', () => {
    expect(() => loadDir('/nonexistent/regiosim', 'nowhere/')).toThrow(/nowhere\/, which does not exist/);
  });
});

describe('catalog', () => {
  it('a batch with its analysis supports every batch chart', () => {
    const cat = catalog(loadDir(writeBatch(tempDir('cat'), { analysis: true })));
    expect(cat.kinds).toEqual(['batch', 'analysis']);
    expect(cat.jobs.map((j) => j.name)).toEqual([
      'stability', 'trust-over-time', 'outcome-value_per_inhabitant', 'outcome-cooperation_stability', 'differences', 'survival', 'map-value-per-inhabitant', 'map-difference-value-per-inhabitant', 'exits-over-time',
    ]);
    expect(cat.missing).toEqual([]);
    for (const job of cat.jobs) expect(job.build()['$schema']).toMatch(/vega-lite/);
  });

  it('a batch without analysis names the missing files and how to make them', () => {
    const cat = catalog(loadDir(writeBatch(tempDir('cat-noanalysis'))));
    expect(cat.missing).toEqual([
      { chart: 'differences', files: ['comparison.csv'], hint: 'run `regiosim analyze <dir>` first' },
      { chart: 'survival', files: ['survival.csv'], hint: 'run `regiosim analyze <dir>` first' },
    ]);
  });

  it('a run gets its own charts, the map in euro per inhabitant per year', () => {
    const cat = catalog(loadDir(writeRun(tempDir('cat-run'))), { lang: 'nl' });
    expect(cat.kinds).toEqual(['run']);
    expect(cat.jobs.map((j) => j.name)).toEqual(['stability', 'trust-over-time', 'trust-matrix', 'map-value-per-inhabitant', 'timeline', 'membership', 'timeline-named']);
    const map = cat.jobs.find((j) => j.name === 'map-value-per-inhabitant')!.build();
    // 72 months in 2015-01..2020-12: 60 EUR over the window is 10 EUR a year
    expect(JSON.stringify(map)).toContain('"code":"GM0518","name":"\'s-Gravenhage","population":545838,"value":10,"n":1');
    expect((map['title'] as { text: string }).text).toBe('Waarde per inwoner per gemeente (euro per inwoner per jaar)');
  });

  it('a sensitivity directory gets Morris and Sobol charts only', () => {
    const dir = writeBatch(writeSensitivity(tempDir('cat-sens')));
    const cat = catalog(loadDir(dir));
    expect(cat.jobs.map((j) => j.name)).toEqual(['morris-cooperation_stability', 'sobol-cooperation_stability']);
  });

  it('picks trust snapshots around the abolition and boundaries that hold the region', () => {
    const dates = ['2006-01', '2006-03', '2010-03', '2014-03', '2018-03', '2022-03', '2030-12'];
    const rows = dates.map((date) => ({ ...F.trust()[0]!, date }));
    expect(trustDates(rows, '2015-01')).toEqual(['2006-01', '2014-03', '2018-03', '2030-12']);
    // Without a structural change: the start, the middle and the end.
    expect(trustDates(rows)).toEqual(['2006-01', '2014-03', '2030-12']);
    const rivierenland = ['GM0236', 'GM0304', 'GM0733'];
    expect(topologyFeatures(topologyFor(rivierenland)).map(featureCode)).toEqual(expect.arrayContaining(rivierenland));
    expect(Object.keys(topologyFor(['GM0518']).objects)).toEqual(['gemeente_2019']);
  });
});
