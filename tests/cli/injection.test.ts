/**
 * Safe for the tools people open outputs with: names and codes that a spreadsheet would run as
 * formulas are neutralised in every CSV file (numbers untouched), titles and region names are
 * escaped in summary.md, and the charts and the report read the names back as they were given.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/formats/csv.js';
import { removeDir, runCli, tempDir } from './helpers.js';

const HOSTILE = `name: hostile
title: "<img src=x onerror=alert(1)> =cmd|' /C calc'!A0"
region:
  name: "Regio <script>alert(1)</script>"
  municipalities:
    - {name: '=HYPERLINK("http://evil.example","klik")', code: '=1+1', population: 40000, neighbours: ['+31 Oost', '-Zuid']}
    - {name: '+31 Oost', code: '@SUM(A1)', population: 25000, neighbours: ['-Zuid']}
    - {name: '-Zuid', population: 15000, neighbours: ["'s-Gravenhage"]}
    - {name: "'s-Gravenhage", population: 8000}
start: 2015-01
end: 2018-12
parameters: {exitThreshold: -0.3}
arrangements:
  - {id: table, kind: basiscoalitie, members: all, domains: [housing, economy]}
`;

let cwd: string;
beforeAll(() => {
  cwd = tempDir('injection');
  writeFileSync(join(cwd, 'hostile.yaml'), HOSTILE);
});
afterAll(() => removeDir(cwd));

/** Every cell of a CSV file, as written (before regiosim's reader takes the quote off). */
const cells = (file: string): string[] => parseCsv(readFileSync(join(cwd, file), 'utf8')).rows.flat();
const FORMULA = /^[=+\-@\t\r]/;

describe('hostile names', () => {
  it('a run writes no cell a spreadsheet would run, and keeps numbers numbers', async () => {
    const r = await runCli(['run', 'hostile.yaml', '--out', 'run'], cwd);
    expect(r.code, r.err).toBe(0);
    const trust = cells('run/trust.csv');
    expect(trust.filter((c) => FORMULA.test(c) && !/^-?\d/.test(c))).toEqual([]);
    expect(trust).toContain('\'=HYPERLINK("http://evil.example","klik")');
    expect(trust).toContain("'=1+1");
    expect(trust).toContain("'@SUM(A1)");
    expect(trust).toContain("'-Zuid");
    expect(trust).toContain("'s-Gravenhage");
    // The charts read the names back as given.
    const c = await runCli(['chart', 'run', '--format', 'svg'], cwd);
    expect(c.code, c.err).toBe(0);
    const svg = readFileSync(join(cwd, 'run', 'charts', 'trust-matrix.svg'), 'utf8');
    expect(svg).toContain('=HYPERLINK(');
    expect(svg).not.toContain("'=HYPERLINK(");
  });

  it('a batch neutralises every CSV file, escapes summary.md, and the report shows the text', async () => {
    const b = await runCli(['batch', 'hostile.yaml', '--runs', '3', '--workers', '1', '--quiet', '--set', 'altruism=0.4', '--out', 'batch'], cwd);
    expect(b.code, b.err).toBe(0);
    for (const file of ['municipalities.csv', 'runs.csv', 'points.csv', 'spells.csv', 'summary.csv', 'comparison.csv', 'survival.csv']) {
      const bad = cells(`batch/${file}`).filter((c) => FORMULA.test(c) && !/^-(\d|Infinity)/.test(c));
      expect(bad, file).toEqual([]);
    }
    expect(cells('batch/municipalities.csv')).toContain("'+31 Oost");
    // A negative parameter value is a number, not text: written as it is.
    const points = parseCsv(readFileSync(join(cwd, 'batch', 'points.csv'), 'utf8'));
    expect(points.header).toContain('param_altruism');
    const runs = parseCsv(readFileSync(join(cwd, 'batch', 'runs.csv'), 'utf8'));
    const exits = runs.header.indexOf('exits_after_election_share');
    expect(exits).toBeGreaterThan(0);

    const md = readFileSync(join(cwd, 'batch', 'summary.md'), 'utf8');
    expect(md).toContain('Regio \\<script\\>alert(1)\\</script\\>');
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);

    const rep = await runCli(['report', 'batch'], cwd);
    expect(rep.code, rep.err).toBe(0);
    const html = readFileSync(join(cwd, 'batch', 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    expect(html).toContain('Regio &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('a negative parameter value stays a number in points.csv', async () => {
    const b = await runCli(['batch', 'hostile.yaml', '--runs', '2', '--workers', '1', '--quiet', '--no-analyze', '--set', 'exitThreshold=-0.5', '--out', 'negative'], cwd);
    expect(b.code, b.err).toBe(0);
    const points = parseCsv(readFileSync(join(cwd, 'negative', 'points.csv'), 'utf8'));
    const col = points.header.indexOf('param_exitThreshold');
    expect(points.rows.map((r) => r[col])).toEqual(['-0.5']);
  });
});
