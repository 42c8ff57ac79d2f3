import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRUST_CSV } from '../../src/formats/files.js';
import { header } from '../../src/formats/schema.js';
import { PARAM_NAMES } from '../../src/core/params.js';
import { OUTCOME_NAMES, TIMESERIES_COLUMNS, type RunResult } from '../../src/core/results.js';
import { runSimulation } from '../../src/core/run.js';
import { loadScenario, type LoadedScenario } from '../../src/io/scenario.js';
import { manifestJson, RUN_FILES, summaryJson, timeseriesCsv, trustCsv, writeRunOutput } from '../../src/io/run-output.js';
import { storyFromTexts } from '../../src/render/story.js';
import { listFiles, OWN_REGION_SCENARIO, read, removeDir, tempDir } from '../cli/helpers.js';

let dir: string;
let loaded: LoadedScenario;
const story = (texts: Parameters<typeof storyFromTexts>[0]): string => storyFromTexts(texts, 'en');
let result: RunResult;
beforeAll(() => {
  dir = tempDir('run-output');
  writeFileSync(join(dir, 'test-region.yaml'), OWN_REGION_SCENARIO);
  loaded = loadScenario(join(dir, 'test-region.yaml'), { altruism: '0.4' });
  result = runSimulation(loaded.scenario, 7);
});
afterAll(() => removeDir(dir));

describe('run output files (docs/formats.md)', () => {
  it('writes exactly the six files', async () => {
    const out = join(dir, 'out');
    await writeRunOutput(out, result, { loaded, seed: 7, command: 'regiosim run test-region.yaml' }, story);
    expect(listFiles(out)).toEqual([...RUN_FILES].sort());
    expect(listFiles(dir)).toEqual([...RUN_FILES.map((f) => `out/${f}`), 'test-region.yaml'].sort());
  });

  it('timeseries.csv: date then every TIMESERIES_COLUMNS column, one row per month', () => {
    const lines = timeseriesCsv(result).trimEnd().split('\n');
    expect(lines[0]).toBe(['date', ...TIMESERIES_COLUMNS].join(','));
    expect(lines).toHaveLength(1 + 60);
    expect(lines[1]!.startsWith('2015-01,')).toBe(true);
    expect(lines[60]!.startsWith('2019-12,')).toBe(true);
    for (const line of lines.slice(1)) expect(line.split(',')).toHaveLength(1 + TIMESERIES_COLUMNS.length);
  });

  it('trust.csv: every ordered pair i != j per snapshot, with codes and names', () => {
    const lines = trustCsv(result, loaded.scenario).trimEnd().split('\n');
    expect(lines[0]).toBe(header(TRUST_CSV).join(','));
    expect(lines).toHaveLength(1 + result.trust.length * 4 * 3);
    const first = lines[1]!.split(',');
    expect(first.slice(0, 6)).toEqual(['2015-01', 'start', 'U001', 'Northbank', 'U002', 'Eastbank']);
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      expect(cells[2]).not.toBe(cells[4]);
      for (const v of cells.slice(6)) expect(Number(v)).toBeGreaterThanOrEqual(0);
    }
  });

  it('summary.json: the documented keys, outcomes in OUTCOMES order', () => {
    const s = JSON.parse(summaryJson(result, loaded.scenario)) as Record<string, unknown>;
    expect(Object.keys(s)).toEqual(['scenario', 'title', 'title_nl', 'seed', 'region', 'region_name', 'start', 'end', 'evaluation', 'outcomes', 'spells', 'arrangements', 'municipalities']);
    expect([s['title_nl'], s['region_name']]).toEqual(['Test region', 'Lake district']);
    expect([s['scenario'], s['title'], s['seed'], s['region'], s['start'], s['end'], s['evaluation']]).toEqual(['test-region', 'Test region', 7, 'lake-district', '2015-01', '2019-12', { from: '2015-01', to: '2019-12' }]);
    expect(Object.keys(s['outcomes'] as object)).toEqual(OUTCOME_NAMES);
    expect((s['municipalities'] as unknown[]).length).toBe(4);
  });

  it('manifest.json: version, command, scenario hash, seed, every parameter after overrides, overrides, calendar, node', () => {
    const m = JSON.parse(manifestJson({ loaded, seed: 7, command: 'regiosim run x', created: '2020-01-01T00:00:00.000Z' })) as Record<string, unknown>;
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(Object.keys(m)).toEqual(['regiosim_version', 'created', 'command', 'scenario', 'seed', 'parameters', 'overrides', 'calendar', 'node']);
    expect(m['calendar']).toEqual({ elections: ['2018-03'], cycle: 4, events: [] });
    expect(m['regiosim_version']).toBe(pkg.version);
    expect(m['created']).toBe('2020-01-01T00:00:00.000Z');
    expect(m['scenario']).toEqual({ name: 'test-region', file: join(dir, 'test-region.yaml'), sha256: loaded.hash });
    expect(m['seed']).toBe(7);
    expect(Object.keys(m['parameters'] as object)).toEqual(PARAM_NAMES);
    expect((m['parameters'] as Record<string, number>)['altruism']).toBe(0.4);
    expect(m['overrides']).toEqual({ altruism: 0.4 });
    expect(m['node']).toBe(process.version);
  });

  it('events.jsonl: one event per line in simulation order', async () => {
    const out = join(dir, 'out');
    const lines = read(out, 'events.jsonl').trimEnd().split('\n');
    expect(lines).toHaveLength(result.events.length);
    const dates = lines.map((l) => (JSON.parse(l) as { date: string }).date);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('a rerun of a seed', () => {
  const manifest = { loaded, seed: 7, command: 'regiosim run test-region.yaml' };
  it('replaces the files regiosim owns and keeps every file and folder a user put there', async () => {
    const out = join(dir, 'rerun');
    await writeRunOutput(out, result, { ...manifest, loaded }, story);
    const before = Object.fromEntries(RUN_FILES.map((f) => [f, read(out, f)]));
    writeFileSync(join(out, 'notes.txt'), 'my notes');
    mkdirSync(join(out, 'charts'));
    writeFileSync(join(out, 'charts', 'my-chart.svg'), '<svg/>');
    // A changed file of the run is replaced by the rerun's.
    writeFileSync(join(out, 'story.md'), 'edited');
    const other = runSimulation(loaded.scenario, 8);
    await writeRunOutput(out, other, { ...manifest, loaded, seed: 8 }, story);
    expect(read(out, 'notes.txt')).toBe('my notes');
    expect(read(out, 'charts/my-chart.svg')).toBe('<svg/>');
    expect(listFiles(out)).toEqual([...RUN_FILES, 'notes.txt', 'charts/my-chart.svg'].sort());
    expect(read(out, 'story.md')).not.toBe('edited');
    expect(read(out, 'summary.json')).not.toBe(before['summary.json']);
    expect((JSON.parse(read(out, 'summary.json')) as { seed: number }).seed).toBe(8);
    // The manifest's checksums are those of the new files.
    const files = (JSON.parse(read(out, 'manifest.json')) as { files: Record<string, string> }).files;
    expect(Object.keys(files).sort()).toEqual(RUN_FILES.filter((f) => f !== 'manifest.json' && f !== 'story.md').sort());
    // No temporary is left beside the folder.
    expect(listFiles(dir).filter((f) => !f.startsWith('rerun/') && !f.startsWith('out/'))).toEqual(['test-region.yaml']);
  });

  it('leaves the folder as it was when the run fails before its files are complete', async () => {
    const out = join(dir, 'failing');
    await writeRunOutput(out, result, { ...manifest, loaded }, story);
    writeFileSync(join(out, 'notes.txt'), 'my notes');
    const before = Object.fromEntries(RUN_FILES.map((f) => [f, read(out, f)]));
    const broken = (): string => {
      throw new Error('story failed');
    };
    await expect(writeRunOutput(out, runSimulation(loaded.scenario, 9), { ...manifest, loaded, seed: 9 }, broken)).rejects.toThrow('story failed');
    for (const f of RUN_FILES) expect(read(out, f), f).toBe(before[f]);
    expect(read(out, 'notes.txt')).toBe('my notes');
    expect(existsSync(join(dir, 'failing.tmp'))).toBe(false);
    expect(listFiles(dir).filter((f) => f.startsWith('failing.'))).toEqual([]);
  });
});
