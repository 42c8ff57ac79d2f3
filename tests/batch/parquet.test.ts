/**
 * `regiosim batch --parquet`: runs.parquet and timeseries-runs.parquet hold what runs.csv and
 * timeseries-runs.csv hold, cell by cell, read back independently with hyparquet.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/formats/csv.js';
import { RUNS_CSV, TIMESERIES_RUNS_CSV } from '../../src/formats/files.js';
import { decodeTable, type CsvSchema } from '../../src/formats/schema.js';
import { sha256 } from '../../src/io/run-output.js';
import { cli, COALITION, listFiles, removeDir, tempDir } from './helpers.js';

let cwd: string;
beforeAll(async () => {
  cwd = tempDir('parquet');
  // Two parameter points, a param_ column, runs with NaN outcomes: every kind of cell.
  writeFileSync(join(cwd, 'grid.yaml'), `scenarios: [${COALITION}]\nreplications: 3\nseed: 5\nvariations:\n  grid:\n    altruism: [0.2, 0.7]\n`);
  for (const [out, extra] of [['pq', ['--parquet']], ['csv', []], ['s0', ['--parquet', '--shard', '0/2']], ['s1', ['--parquet', '--shard', '1/2']]] as const) {
    const r = await cli(cwd, 'batch', '--experiment', 'grid.yaml', '--keep-timeseries', '--out', out, '--quiet', '--no-analyze', '--workers', '2', ...extra);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
}, 120_000);
afterAll(() => removeDir(cwd));

const bytes = (dir: string, file: string): ArrayBuffer => {
  const b = readFileSync(join(cwd, dir, file));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

/** The CSV decoded by regiosim's own reader (numbers as numbers, empty cells as null, NaN as NaN). */
function csvRows(dir: string, schema: CsvSchema): { header: string[]; rows: Record<string, unknown>[] } {
  const table = parseCsv(readFileSync(join(cwd, dir, schema.file), 'utf8'), schema.file);
  const decoded = decodeTable(schema, table, [])!;
  return { header: decoded.header, rows: decoded.rows };
}

async function sameCells(dir: string, schema: CsvSchema, parquet: string): Promise<number> {
  const { header, rows } = csvRows(dir, schema);
  const file = bytes(dir, parquet);
  const meta = parquetMetadata(file);
  expect(meta.schema.slice(1).map((e) => e.name)).toEqual(header);
  const back = await parquetReadObjects({ file });
  expect(back).toHaveLength(rows.length);
  let nan = 0;
  back.forEach((row, k) => {
    for (const name of header) {
      const v = row[name] as unknown;
      const cell = typeof v === 'bigint' ? Number(v) : v;
      if (typeof cell === 'number' && Number.isNaN(cell)) nan += 1;
      expect(Object.is(cell, rows[k]![name]) || cell === rows[k]![name], `${parquet} row ${k} ${name}: ${String(cell)} vs ${String(rows[k]![name])}`).toBe(true);
    }
  });
  return nan;
}

describe('regiosim batch --parquet', () => {
  it('writes runs.parquet equal to runs.csv cell by cell, typed as the CSV schema says', async () => {
    await sameCells('pq', RUNS_CSV, 'runs.parquet');
    const types = Object.fromEntries(parquetMetadata(bytes('pq', 'runs.parquet')).schema.slice(1).map((e) => [e.name, [e.type, e.converted_type ?? null, e.repetition_type]]));
    expect(types['run']).toEqual(['INT64', null, 'REQUIRED']);
    expect(types['seed']).toEqual(['INT64', null, 'REQUIRED']);
    expect(types['scenario']).toEqual(['BYTE_ARRAY', 'UTF8', 'REQUIRED']);
    expect(types['param_altruism']).toEqual(['DOUBLE', null, 'OPTIONAL']);
    expect(types['cooperation_stability']).toEqual(['DOUBLE', null, 'OPTIONAL']);
  });

  it('writes timeseries-runs.parquet equal to timeseries-runs.csv cell by cell (NaN stays NaN)', async () => {
    const nan = await sameCells('pq', TIMESERIES_RUNS_CSV, 'timeseries-runs.parquet');
    // The series has undefined months (NaN), so the test sees them both ways.
    expect(nan).toBeGreaterThan(0);
  });

  it('leaves the CSV files as they are, and records the Parquet files in the manifest', () => {
    for (const f of ['runs.csv', 'timeseries-runs.csv', 'points.csv', 'spells.csv', 'municipalities.csv', 'events-counts.csv', 'timeseries-summary.csv']) {
      expect(readFileSync(join(cwd, 'pq', f)).equals(readFileSync(join(cwd, 'csv', f))), f).toBe(true);
    }
    expect(listFiles(join(cwd, 'csv')).filter((f) => f.endsWith('.parquet'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(cwd, 'csv', 'manifest.json'), 'utf8'))).not.toHaveProperty('parquet');
    const manifest = JSON.parse(readFileSync(join(cwd, 'pq', 'manifest.json'), 'utf8')) as { parquet: boolean; files: Record<string, string> };
    expect(manifest.parquet).toBe(true);
    for (const f of ['runs.parquet', 'timeseries-runs.parquet']) expect(manifest.files[f]).toBe(sha256(readFileSync(join(cwd, 'pq', f))));
  });

  it('gives the same bytes when the batch is run in shards and merged', async () => {
    const r = await cli(cwd, 'merge', 's0', 's1', '--out', 'merged', '--quiet');
    expect(r.code).toBe(0);
    for (const f of ['runs.parquet', 'timeseries-runs.parquet']) expect(readFileSync(join(cwd, 'merged', f)).equals(readFileSync(join(cwd, 'pq', f))), f).toBe(true);
  });

  it('is refused with --resume (the setting comes from the manifest)', async () => {
    const r = await cli(cwd, 'batch', '--resume', 'pq', '--parquet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("  - --parquet: expected nothing with --resume (the batch's settings come from pq/manifest.json), found a value\n");
  });
});
