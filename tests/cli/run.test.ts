import { statSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/core/params.js';
import type { ModelEvent } from '../../src/core/results.js';
import { runSimulation } from '../../src/core/run.js';
import { RUN_FILES } from '../../src/io/run-output.js';
import { loadScenario } from '../../src/io/scenario.js';
import { listFiles, OWN_REGION_SCENARIO, read, removeDir, runCli, tempDir } from './helpers.js';

let cwd: string;
beforeAll(() => {
  cwd = tempDir('run');
  writeFileSync(join(cwd, 'lake.yaml'), OWN_REGION_SCENARIO);
});
afterAll(() => removeDir(cwd));

/** The five files of a result, the manifest without its `created` time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of RUN_FILES) out[f] = read(dir, f);
  const manifest = JSON.parse(out['manifest.json']!) as Record<string, unknown>;
  expect(manifest['created']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  out['manifest.json'] = out['manifest.json']!.replace(/"created": "[^"]*"/, '"created": ""');
  return out;
}

describe('regiosim run', () => {
  it('runs a hand-written region into output/<scenario>/seed-<N>/ with the seed from the file', async () => {
    const r = await runCli(['run', 'lake.yaml'], cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Test region: Lake district (4 municipalities), January 2015 to December 2019, seed 7');
    expect(lines[1]).toBe('Wrote output/test-region/seed-7/ (timeseries.csv, events.jsonl, summary.json, trust.csv, story.md, manifest.json)');
    expect(lines[2]).toBe('Outcomes from January 2015 to December 2019:');
    expect(lines[3]).toMatch(/^ {2}Net value per inhabitant +−?\d+(\.\d+)? +EUR per inhabitant per year$/);
    expect(lines[4]).toMatch(/^ {2}Gross value per inhabitant +−?\d+(\.\d+)? +EUR per inhabitant per year$/);
    expect(listFiles(join(cwd, 'output'))).toEqual(RUN_FILES.map((f) => `test-region/seed-7/${f}`).sort());
    const manifest = JSON.parse(read(join(cwd, 'output/test-region/seed-7'), 'manifest.json')) as Record<string, unknown>;
    expect(manifest['command']).toBe('regiosim run lake.yaml');
    expect(manifest['scenario']).toMatchObject({ name: 'test-region', file: 'lake.yaml' });
  });

  it('--trust none writes no trust.csv and says so; a value it does not know is a usage error', async () => {
    const r = await runCli(['run', 'lake.yaml', '--trust', 'none', '--out', 'no-trust'], cwd);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toBe('Wrote no-trust/ (timeseries.csv, events.jsonl, summary.json, story.md, manifest.json)');
    expect(listFiles(join(cwd, 'no-trust'))).toEqual(['events.jsonl', 'manifest.json', 'story.md', 'summary.json', 'timeseries.csv']);
    const bad = await runCli(['run', 'lake.yaml', '--trust', 'some', '--seed', 'x', '--out', 'bad-trust'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      'regiosim: 2 problems in the command line:\n' +
        '  - --seed: expected a whole number between 0 and 4294967295, found "x"\n' +
        '  - --trust: expected one of all, sparse, none, found "some"\n',
    );
    expect(listFiles(cwd).some((f) => f.startsWith('bad-trust'))).toBe(false);
  });

  it('gives byte-identical files for the same scenario and seed (manifest time aside)', async () => {
    const args = ['run', 'lake.yaml', '--seed', '11', '--out', 'same', '--set', 'altruism=0.3'];
    expect((await runCli(args, cwd)).code).toBe(0);
    const first = snapshot(join(cwd, 'same'));
    // The second run replaces the first result in place.
    expect((await runCli(args, cwd)).code).toBe(0);
    expect(snapshot(join(cwd, 'same'))).toEqual(first);
    expect(listFiles(cwd).filter((f) => f.startsWith('same'))).toEqual(RUN_FILES.map((f) => `same/${f}`).sort());
    const manifest = JSON.parse(first['manifest.json']!) as { overrides: unknown; parameters: Record<string, number>; seed: number };
    expect(manifest.overrides).toEqual({ altruism: 0.3 });
    expect(manifest.parameters['altruism']).toBe(0.3);
    expect(manifest.seed).toBe(11);
  });

  it('gives different results for different seeds', async () => {
    expect((await runCli(['run', 'lake.yaml', '--seed', '12', '--out', 'other', '--set', 'altruism=0.3'], cwd)).code).toBe(0);
    const a = snapshot(join(cwd, 'same'));
    const b = snapshot(join(cwd, 'other'));
    expect(b['timeseries.csv']).not.toBe(a['timeseries.csv']);
    expect(b['events.jsonl']).not.toBe(a['events.jsonl']);
    expect(b['timeseries.csv']!.split('\n')[0]).toBe(a['timeseries.csv']!.split('\n')[0]);
  });

  it('runs a built-in scenario by name, byte-identical across runs', async () => {
    const args = ['run', 'wgr-plus-abolished', '--seed', '2'];
    expect((await runCli(args, cwd)).code).toBe(0);
    const dir = join(cwd, 'output', 'wgr-plus-abolished', 'seed-2');
    const first = snapshot(dir);
    expect(JSON.parse(first['manifest.json']!)).toMatchObject({ scenario: { name: 'wgr-plus-abolished', file: 'scenarios/wgr-plus-abolished.yaml' }, seed: 2 });
    expect((await runCli(args, cwd)).code).toBe(0);
    expect(snapshot(dir)).toEqual(first);
    const summary = JSON.parse(first['summary.json']!) as { region: string; evaluation: unknown };
    expect([summary.region, summary.evaluation]).toEqual(['haaglanden', { from: '2015-01', to: '2030-12' }]);
  });
});

describe('a Haaglanden run (2006-01 to 2030-12)', () => {
  const haaglanden = loadScenario('wgr-plus-continues').scenario;
  const seeds = [1, 2, 3, 4];
  const events = new Map<number, ModelEvent[]>();
  beforeAll(() => {
    for (const s of seeds) events.set(s, runSimulation(haaglanden, s).events);
  });

  it('holds council elections in March every four years, in every municipality', () => {
    const names = haaglanden.region.municipalities.map((m) => m.name).sort();
    for (const seed of seeds) {
      const elections = events.get(seed)!.filter((e) => e.type === 'election');
      const dates = [...new Set(elections.map((e) => e.date))];
      expect(dates).toEqual(['2006-03', '2010-03', '2014-03', '2018-03', '2022-03', '2026-03', '2030-03']);
      for (const d of dates) {
        expect(elections.filter((e) => e.date === d).flatMap((e) => e.municipalities).sort()).toEqual(names);
      }
    }
  });

  it('turns over secretaries near the configured rate (0.25 a year)', () => {
    const rate = PARAMS.secretaryTurnoverPerYear.default;
    expect(rate).toBe(0.25);
    const years = 25;
    const municipalityYears = haaglanden.region.municipalities.length * years * seeds.length;
    const departures = seeds.reduce((n, s) => n + events.get(s)!.filter((e) => e.type === 'secretary-turnover').reduce((k, e) => k + e.municipalities.length, 0), 0);
    // 900 municipality-years: the binomial standard error of the rate is about 0.015; allow 0.05.
    expect(Math.abs(departures / municipalityYears - rate)).toBeLessThan(0.05);
  });
});

describe('regiosim start', () => {
  it('runs the standard comparison as a batch, analyses it against the abolished WGR-plus, charts it and writes the report', async () => {
    const r = await runCli(['start', '--runs', '6', '--worlds', '3', '--workers', '2', '--quiet', '--out', 'sc'], cwd);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const header = lines.find((l) => l.includes('wgr-plus-abolished'))!;
    expect(header.trim().split(/ +/)).toEqual(['wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'wgr-plus-continues', 'unit']);
    expect(r.out).toMatch(/Cooperation stability +\S+ \(\S+\) +/);
    expect(r.out).toContain('Haaglanden, January 2015 to December 2030: mean (95% interval) over the runs:');
    expect(r.out).toContain('What the intervals show: seed noise only');
    expect(r.out).toContain('Report: sc/report.html');
    const dir = join(cwd, 'sc');
    for (const f of ['runs.csv', 'summary.csv', 'comparison.csv', 'summary.md', 'report.html', 'charts/stability.png', 'charts/stability.vl.json']) {
      expect(statSync(join(dir, f)).size, f).toBeGreaterThan(0);
    }
    // 4 scenarios x 6 replications, header included.
    expect(readFileSync(join(dir, 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(25);
    expect(readFileSync(join(dir, 'comparison.csv'), 'utf8')).toContain('basiscoalitie,wgr-plus-abolished,');
    // Both kinds of uncertainty: the share of plausible worlds for every headline, in the console and in summary.md.
    expect(r.out).toContain('Better than wgr-plus-abolished in this share of 3 plausible worlds (95% interval; parameter uncertainty: the calibrated ensemble haaglanden, 4 paired runs per world):');
    expect(r.out).toMatch(/\nNet value per inhabitant +\d+% \(\d+%–\d+%\) +\d+% \(\d+%–\d+%\) +\d+% \(\d+%–\d+%\)\n/);
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(md).toContain('## Across plausible parameters');
    expect(md).toContain('in 3 plausible worlds: the parameter sets of the ensemble `haaglanden`, accepted by calibration against 6 public figures');
    // The appended sections name the scenarios as the comparison above them does: by their titles.
    const appended = md.slice(md.indexOf('## A simpler model beside it'));
    expect(appended.length).toBeLessThan(md.length);
    for (const slug of ['wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'wgr-plus-continues']) expect(appended).not.toContain(`\`${slug}\``);
    expect(appended).toMatch(/\n### \*Haaglanden[^*]+\* compared with \*Haaglanden[^*]+\*\n/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('Across plausible parameters');
    // 4 scenarios x 3 worlds x 4 replications
    expect(readFileSync(join(dir, 'robustness', 'batch', 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(49);
  });
});
