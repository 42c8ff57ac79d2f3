import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRUST_CSV } from '../../src/formats/files.js';
import { header } from '../../src/formats/schema.js';
import { PARAM_NAMES } from '../../src/core/params.js';
import { OUTCOME_NAMES, TIMESERIES_COLUMNS, type RunResult } from '../../src/core/results.js';
import { runSimulation } from '../../src/core/run.js';
import { loadScenario, type LoadedScenario } from '../../src/io/scenario.js';
import { manifestJson, RUN_FILES, summaryJson, timeseriesCsv, trustCsv, writeRunOutput } from '../../src/io/run-output.js';
import { listFiles, OWN_REGION_SCENARIO, read, removeDir, tempDir } from '../cli/helpers.js';

let dir: string;
let loaded: LoadedScenario;
let result: RunResult;
beforeAll(() => {
  dir = tempDir('run-output');
  writeFileSync(join(dir, 'test-region.yaml'), OWN_REGION_SCENARIO);
  loaded = loadScenario(join(dir, 'test-region.yaml'), { altruism: '0.4' });
  result = runSimulation(loaded.scenario, 7);
});
afterAll(() => removeDir(dir));

describe('run output files (docs/formats.md)', () => {
  it('writes exactly the five files', async () => {
    const out = join(dir, 'out');
    await writeRunOutput(out, result, { loaded, seed: 7, command: 'regiosim run test-region.yaml' });
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
    expect(Object.keys(s)).toEqual(['scenario', 'title', 'seed', 'region', 'start', 'end', 'evaluation', 'outcomes', 'spells', 'municipalities']);
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
