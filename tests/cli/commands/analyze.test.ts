/**
 * `regiosim analyze`: exit codes and messages (in-process CLI), and the contract with the real
 * batch output (a small batch run through the worker threads, which needs the compiled dist/).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/formats/csv.js';
import { writeFixtureBatch } from '../../analysis/fixtures.js';
import { ensureBuilt, ROOT } from '../../setup/build.js';
import { runCli, tempDir } from '../helpers.js';

describe('regiosim analyze: bad input exits 2 with one message and writes nothing', () => {
  it('a directory that is not a batch output says which files are missing', async () => {
    const cwd = tempDir('analyze');
    const r = await runCli(['analyze', '.'], cwd);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `regiosim: 1 problem in ${cwd}:\n  - (directory): expected a batch output directory (from \`regiosim batch\`) with manifest.json, points.csv, runs.csv, spells.csv, found a directory without manifest.json, points.csv, runs.csv, spells.csv\n`,
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an unknown reference lists the scenarios of the batch', async () => {
    const dir = writeFixtureBatch();
    const r = await runCli(['analyze', dir, '--reference', 'basiscoalitie'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`regiosim: 1 problem in ${dir}:\n  - --reference: expected a scenario of this batch (a, b, c), found "basiscoalitie"\n`);
    expect(readdirSync(dir)).not.toContain('summary.csv');
  });

  it('bad options are all reported at once', async () => {
    const dir = writeFixtureBatch();
    const r = await runCli(['analyze', dir, '--lang', 'fr', '--precision', 'tight', '--bootstrap', '-1'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'regiosim: 3 problems in the command line:\n' +
        '  - --lang: expected one of en, nl, found "fr"\n' +
        '  - --precision: expected a relative precision between 0 and 1 (for example 0.05), found "tight"\n' +
        '  - --bootstrap: expected a whole number of resamples from 0 to 100000, found "-1"\n',
    );
  });

  it('too few runs for an interval', async () => {
    const dir = writeFixtureBatch({ runs: 1 });
    const r = await runCli(['analyze', dir], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('  - runs.csv, point 0 (a): expected at least 2 runs per scenario and point for intervals and tests, found 1 run\n');
    expect(r.err).not.toMatch(/^\s+at /m);
  });
});

describe('regiosim analyze on a directory', () => {
  it('writes the analysis and says where to start reading', async () => {
    const dir = writeFixtureBatch();
    const r = await runCli(['analyze', 'batch', '--reference', 'b', '--lang', 'nl', '--bootstrap', '50'], dirname(dir));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '3 punten van 3 scenario’s geanalyseerd (referentie b; 0 van de 8 vergelijkingen significant na Holm).\n' +
        'Geschreven: summary.csv, comparison.csv, survival.csv, survival-summary.csv, summary.md in batch/\n' +
        'Lees eerst: batch/summary.md\n',
    );
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('Referentiescenario: *Scenario B*.');
  });
});

describe('regiosim batch → analyze (the real batch files)', () => {
  beforeAll(() => ensureBuilt());

  it('pairs the runs of two scenarios by replication and analyses every outcome', async () => {
    const cwd = tempDir('analyze-batch');
    const fixtures = join(ROOT, 'tests', 'batch', 'fixtures');
    const b = await runCli(['batch', join(fixtures, 'tiny-none.yaml'), join(fixtures, 'tiny-coalition.yaml'), '--runs', '4', '--workers', '1', '--out', 'b', '--quiet', '--no-analyze'], cwd);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    const r = await runCli(['analyze', 'b', '--bootstrap', '100'], cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const cmp = parseCsv(readFileSync(join(cwd, 'b', 'comparison.csv'), 'utf8'));
    const col = (name: string) => cmp.header.indexOf(name);
    expect(new Set(cmp.rows.map((x) => x[col('paired')]))).toEqual(new Set(['true']));
    expect(new Set(cmp.rows.map((x) => `${x[col('reference')]}>${x[col('scenario')]}`))).toEqual(new Set(['tiny-none>tiny-coalition']));
    const summary = parseCsv(readFileSync(join(cwd, 'b', 'summary.csv'), 'utf8'));
    expect(summary.rows.length).toBeGreaterThanOrEqual(2 * 25);
    const md = readFileSync(join(cwd, 'b', 'summary.md'), 'utf8');
    expect(md).toContain('This batch has 2 scenarios with 4 runs each in Tiny');
    expect(md).toContain('## Tiny region with a basiscoalitie (test fixture) compared with Tiny region without structure (test fixture)');
  });
});
