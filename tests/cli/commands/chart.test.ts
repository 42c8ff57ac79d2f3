/** `regiosim chart` and `regiosim report` in-process: options, exit codes, messages and the files written. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeBatch, writeRun } from '../../render/dirs.js';
import { runCli } from '../helpers.js';

describe('regiosim chart: bad input exits 2 with one message and writes nothing', () => {
  it('unknown format, theme and language are reported together', async () => {
    const dir = writeBatch(tempDir('chart-opts'));
    const r = await runCli(['chart', '.', '--format', 'pdf', '--theme', 'dark', '--lang', 'fr'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'regiosim: 3 problems in the command line:\n' +
        '  - --lang: expected one of en, nl, found "fr"\n' +
        '  - --format: expected one of svg, png, both, found "pdf"\n' +
        '  - --theme: expected one of default, slides, found "dark"\n',
    );
    expect(existsSync(join(dir, 'charts'))).toBe(false);
  });

  it('a directory without any output file says what it expected', async () => {
    const cwd = tempDir('chart-empty');
    const r = await runCli(['chart', '.'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^regiosim: 1 problem in \S+:\n {2}- \(directory\): expected the output of regiosim run, batch, analyze or sensitivity \(one of summary\.json, timeseries\.csv, events\.jsonl, trust\.csv, runs\.csv, .*\), found none of these files\n$/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a damaged file is reported with its line and column, and no chart is drawn', async () => {
    const dir = writeBatch(tempDir('chart-bad'));
    writeFileSync(join(dir, 'runs.csv'), 'run,scenario,point,replication,seed,cooperation_stability\n0,a,0,0,1,high\n');
    const r = await runCli(['chart', dir], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('regiosim: 1 problem in ./:\n  - runs.csv, line 2, column cooperation_stability: expected a number, NaN or an empty cell, found "high"\n');
    expect(existsSync(join(dir, 'charts'))).toBe(false);
  });
});

describe('regiosim chart on a directory', () => {
  it('draws every batch chart as SVG with its spec, and names the files the others need', async () => {
    const dir = writeBatch(tempDir('chart-batch'));
    const r = await runCli(['chart', '.', '--format', 'svg', '--lang', 'nl'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '7 grafieken geschreven naar charts/ (svg, thema default, nl; naast elke grafiek een .vl.json-specificatie voor Vega-Lite)\n' +
        '  niet getekend: differences: ontbreekt: comparison.csv (draai eerst `regiosim analyze <map>`)\n' +
        '  niet getekend: survival: ontbreekt: survival.csv (draai eerst `regiosim analyze <map>`)\n',
    );
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual([
      'exits-over-time.svg', 'exits-over-time.vl.json', 'map-difference-value-per-inhabitant.svg', 'map-difference-value-per-inhabitant.vl.json', 'map-value-per-inhabitant.svg', 'map-value-per-inhabitant.vl.json',
      'outcome-cooperation_stability.svg', 'outcome-cooperation_stability.vl.json', 'outcome-value_per_inhabitant.svg', 'outcome-value_per_inhabitant.vl.json',
      'stability.svg', 'stability.vl.json', 'trust-over-time.svg', 'trust-over-time.vl.json',
    ]);
    const spec = JSON.parse(readFileSync(join(dir, 'charts', 'stability.vl.json'), 'utf8')) as { title: { text: string } };
    expect(spec.title.text).toBe('Stabiliteit van de samenwerking (% van de paren), in de tijd');
    expect(readFileSync(join(dir, 'charts', 'stability.svg'), 'utf8')).toContain('>Jaar</text>');
    expect(r.err).not.toContain('warning');
  });

  it('draws a run as PNG with the slides theme', async () => {
    const dir = writeRun(tempDir('chart-run'));
    const r = await runCli(['chart', dir, '--format', 'png', '--theme', 'slides'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.png')).sort()).toEqual([
      'map-value-per-inhabitant.png', 'stability.png', 'timeline-named.png', 'timeline.png', 'trust-matrix.png', 'trust-over-time.png',
    ]);
    const png = readFileSync(join(dir, 'charts', 'timeline.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(2000);
  });
});

describe('regiosim report', () => {
  it('writes one report.html for a batch', async () => {
    const dir = writeBatch(tempDir('report-cli'), { analysis: true });
    const r = await runCli(['report', '.', '--lang', 'nl'], dir);
    expect(r.err).toBe('');
    expect(r.out).toBe('Geschreven: report.html (9 interactieve grafieken; opent zonder internet in elke browser)\n');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="nl">');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses a directory that is neither a batch nor a run, and an unknown language', async () => {
    const run = writeRun(tempDir('report-run'));
    const empty = tempDir('report-empty');
    const r = await runCli(['report', '.'], empty);
    expect(r.code).toBe(2);
    expect(r.err).toContain('(directory): expected a batch output directory (from `regiosim batch`) with manifest.json, runs.csv, found a directory without manifest.json, runs.csv\n');
    const bad = await runCli(['report', '.', '--lang', 'de'], run);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('regiosim: 1 problem in the command line:\n  - --lang: expected one of en, nl, found "de"\n');
    expect(existsSync(join(run, 'report.html'))).toBe(false);
    expect(readdirSync(empty)).toEqual([]);
  });
});
