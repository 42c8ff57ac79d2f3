/** `regiosim story <run dir>`, `regiosim report <run dir>` and a rerun of a seed in-process: files written, messages, exit codes. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, OWN_REGION_SCENARIO, read, removeDir, runCli, tempDir } from '../helpers.js';

let cwd: string;
beforeAll(async () => {
  cwd = tempDir('story-cli');
  writeFileSync(join(cwd, 'test-region.yaml'), OWN_REGION_SCENARIO);
  const r = await runCli(['run', 'test-region.yaml', '--seed', '7', '--out', 'run'], cwd);
  expect(r.code).toBe(0);
});
afterAll(() => removeDir(cwd));

describe('regiosim story', () => {
  it('tells the run, prints it and writes story.md; regiosim run wrote the same story', async () => {
    const written = read(join(cwd, 'run'), 'story.md');
    const r = await runCli(['story', 'run'], cwd);
    expect(r.code).toBe(0);
    expect(r.err).toBe('Wrote run/story.md\n');
    expect(r.out).toBe(written);
    expect(r.out).toContain('- **November 2017.** Eastbank leaves the scenario\'s basiscoalitie: grievances: bound against its interest or let down by partners.\n');
  });

  it('tells it in Dutch, and the run folder stays readable for the other commands', async () => {
    const r = await runCli(['story', 'run', '--lang', 'nl'], cwd);
    expect(r.code).toBe(0);
    expect(r.err).toBe('Geschreven: run/story.md\n');
    expect(read(join(cwd, 'run'), 'story.md')).toMatch(/^# Het verhaal van één simulatie: Test region\n/);
    const chart = await runCli(['chart', 'run', '--format', 'svg'], cwd);
    expect(chart.code).toBe(0);
    expect(listFiles(join(cwd, 'run', 'charts')).filter((f) => f.endsWith('.svg'))).toEqual(['membership.svg', 'stability.svg', 'timeline-named.svg', 'timeline.svg', 'trust-matrix.svg', 'trust-over-time.svg']);
  });

  it('refuses a folder that is not a run, with exit 2 and one message, and writes nothing', async () => {
    const empty = join(cwd, 'empty');
    mkdirSync(empty);
    const r = await runCli(['story', 'empty'], cwd);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('regiosim: 1 problem in empty/:\n  - (directory): expected the folder of one run (from `regiosim run`) with summary.json and events.jsonl, found a folder without summary.json and events.jsonl\n');
    expect(readdirSync(empty)).toEqual([]);
    const missing = await runCli(['story', 'nowhere'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('<dir>: expected an output directory of regiosim run, batch, analyze or sensitivity, found nowhere/, which does not exist');
  });
});

describe('regiosim report <run dir>', () => {
  it('writes the run report: the story, membership over time, the named timeline and the time series', async () => {
    const r = await runCli(['report', 'run', '--lang', 'nl'], cwd);
    expect(r.code).toBe(0);
    expect(r.out).toBe('Geschreven: run/report.html (6 interactieve grafieken; opent zonder internet in elke browser)\n');
    const html = readFileSync(join(cwd, 'run', 'report.html'), 'utf8');
    expect(html).toContain('<h1>Het verhaal van één simulatie: Test region</h1>');
    const charts = [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]);
    expect(charts).toEqual(['membership', 'timeline-named', 'stability', 'trust-over-time', 'trust-matrix', 'timeline']);
  });
});

describe('a rerun of a seed', () => {
  it("keeps the files and folders a user put in the run's folder, and replaces regiosim's own", async () => {
    const dir = join(cwd, 'run');
    writeFileSync(join(dir, 'notes.md'), 'what I saw');
    mkdirSync(join(dir, 'charts', 'mine'), { recursive: true });
    writeFileSync(join(dir, 'charts', 'mine', 'sketch.svg'), '<svg/>');
    writeFileSync(join(dir, 'summary.json'), '{}');
    const r = await runCli(['run', 'test-region.yaml', '--seed', '7', '--out', 'run'], cwd);
    expect(r.code).toBe(0);
    expect(read(dir, 'notes.md')).toBe('what I saw');
    expect(read(dir, 'charts/mine/sketch.svg')).toBe('<svg/>');
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(read(dir, 'summary.json')).not.toBe('{}');
    // The folder reads as a run again: its manifest matches the new files.
    expect((await runCli(['story', 'run'], cwd)).code).toBe(0);
    expect(readdirSync(cwd).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });
});
