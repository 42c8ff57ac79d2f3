/** `regiosim run --trust all|sparse|none`: what trust.csv holds (docs/formats.md, trust.csv). */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, writeRun } from '../../src/api/run.js';
import { runSimulation } from '../../src/core/run.js';
import type { RunResult } from '../../src/core/results.js';
import { expandSparseTrust, TRUST_CSV, TRUST_SPARSE_TOLERANCE, type TrustRow } from '../../src/formats/files.js';
import { decodeTable } from '../../src/formats/schema.js';
import { parseCsv } from '../../src/formats/csv.js';
import { loadScenario, type LoadedScenario } from '../../src/io/scenario.js';
import { RUN_FILES, runFiles, trustCsv } from '../../src/io/run-output.js';
import { loadDir } from '../../src/render/load.js';
import { listFiles, OWN_REGION_SCENARIO, read, removeDir, tempDir } from '../cli/helpers.js';

let dir: string;
let loaded: LoadedScenario;
let result: RunResult;
/** Trust starts at trustBase here, so pairs that never work together stay near it. */
const SET = { trustInitial: '0.5', neighbourTrustBonus: '0' };
beforeAll(() => {
  dir = tempDir('run-output-trust');
  // Two of six work together; the others have no table and form none.
  const scenario = OWN_REGION_SCENARIO.replace('    - {name: Westbank, population: 8000}\n', '    - {name: Westbank, population: 8000}\n    - {name: Hilltop, population: 6000}\n    - {name: Valley, population: 5000}\n')
    .replace('    members: all\n', '    members: [Northbank, Eastbank]\n')
    .replace('arrangements:\n', 'structure: {formation: false}\narrangements:\n');
  writeFileSync(join(dir, 'test-region.yaml'), scenario);
  loaded = loadScenario(join(dir, 'test-region.yaml'), SET);
  result = runSimulation(loaded.scenario, 7);
});
afterAll(() => removeDir(dir));

const rowsOf = (text: string): TrustRow[] => decodeTable(TRUST_CSV, parseCsv(text, 'trust.csv'), [])!.rows as TrustRow[];
const near = (r: TrustRow): boolean => [r.trust, r.personal!, r.institutional!].every((v) => Math.abs(v - 0.5) <= TRUST_SPARSE_TOLERANCE);

describe('trust.csv, sparse', () => {
  it('keeps exactly the rows of the full file with a value away from trustBase, in the same order', () => {
    const full = trustCsv(result, loaded.scenario).trimEnd().split('\n');
    const sparse = trustCsv(result, loaded.scenario, 'sparse').trimEnd().split('\n');
    expect(sparse[0]).toBe(full[0]);
    const fullRows = rowsOf(full.join('\n') + '\n');
    const kept = full.slice(1).filter((_, k) => !near(fullRows[k]!));
    expect(sparse.slice(1)).toEqual(kept);
    // Both kinds of pair occur here, so the test can fail either way.
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(full.length - 1);
  });

  it('reads back as the full file with the missing pairs at trustBase', () => {
    const full = rowsOf(trustCsv(result, loaded.scenario));
    const sparse = rowsOf(trustCsv(result, loaded.scenario, 'sparse'));
    const expanded = expandSparseTrust(sparse, loaded.scenario.region.municipalities, 0.5);
    expect(expanded).toHaveLength(full.length);
    expanded.forEach((r, k) => {
      const f = full[k]!;
      expect([r.date, r.label, r.from_code, r.to_name]).toEqual([f.date, f.label, f.from_code, f.to_name]);
      for (const key of ['trust', 'personal', 'institutional'] as const) expect(Math.abs(r[key]! - f[key]!)).toBeLessThanOrEqual(TRUST_SPARSE_TOLERANCE);
    });
  });
});

describe('trust snapshots not collected', () => {
  it('changes nothing else in the run', () => {
    const without = runSimulation(loaded.scenario, 7, { trustSnapshots: false });
    expect(without.trust).toEqual([]);
    expect(result.trust.length).toBeGreaterThan(2);
    expect(without.series).toEqual(result.series);
    expect(without.outcomes).toEqual(result.outcomes);
    expect(without.events).toEqual(result.events);
  });

  it('none: no trust.csv, the manifest says so, and a trust.csv of an earlier run of the folder is removed', async () => {
    const out = join(dir, 'none');
    await writeRun(out, simulate(loaded, { seed: 7 }));
    expect(listFiles(out)).toEqual([...RUN_FILES].sort());
    expect(JSON.parse(read(out, 'manifest.json'))).not.toHaveProperty('trust');
    await writeRun(out, simulate(loaded, { seed: 7, trust: 'none' }));
    expect(existsSync(join(out, 'trust.csv'))).toBe(false);
    expect(listFiles(out)).toEqual([...runFiles('none')].sort());
    const manifest = JSON.parse(read(out, 'manifest.json')) as { trust: string; files: Record<string, string> };
    expect(manifest.trust).toBe('none');
    expect(Object.keys(manifest.files)).toEqual(['timeseries.csv', 'events.jsonl', 'summary.json']);
  });

  it('sparse is recorded in the manifest; an unknown choice is refused', async () => {
    const out = join(dir, 'sparse');
    await writeRun(out, simulate(loaded, { seed: 7, trust: 'sparse' }));
    expect((JSON.parse(read(out, 'manifest.json')) as { trust: string }).trust).toBe('sparse');
    expect(read(out, 'trust.csv')).toBe(trustCsv(result, loaded.scenario, 'sparse'));
    expect(() => simulate(loaded, { seed: 7, trust: 'half' as 'all' })).toThrow(/trust: expected one of all, sparse, none, found "half"/);
  });

  it('the charts read a sparse trust.csv as the full one, missing pairs at trustBase', async () => {
    const full = join(dir, 'full-for-charts');
    await writeRun(full, simulate(loaded, { seed: 7 }));
    await writeRun(join(dir, 'sparse'), simulate(loaded, { seed: 7, trust: 'sparse' }));
    const a = loadDir(full).trust!;
    const b = loadDir(join(dir, 'sparse')).trust!;
    expect(b).toHaveLength(a.length);
    expect(b.filter((r) => r.trust === 0.5 && r.personal === 0.5 && r.institutional === 0.5).length).toBeGreaterThan(0);
    b.forEach((r, k) => expect(Math.abs(r.trust - a[k]!.trust)).toBeLessThanOrEqual(TRUST_SPARSE_TOLERANCE));
  });
});
