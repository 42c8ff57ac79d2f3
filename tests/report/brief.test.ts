/**
 * The decision brief in a real browser: a small standard comparison (with a few plausible worlds)
 * gets its Dutch brief, which Debian's Chromium prints to PDF. The PDF must fit on two A4 pages;
 * the printed text must hold no English word, no scenario slug and no ISO date. The rendered
 * pages are kept in tests/artifacts/ (git-ignored).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';
import { ensureBuilt, ROOT } from '../setup/build.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const SCENARIOS = ['wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'wgr-plus-continues'];

/**
 * English words a Dutch reader should not meet: the research words of the project and common
 * function words that are not also Dutch words ("of" is Dutch for "or").
 */
const ENGLISH = [
  'the', 'and', 'with', 'which', 'than', 'better', 'worse', 'run', 'runs', 'batch', 'seed', 'seeds', 'value', 'share',
  'scenario', 'scenarios', 'abolished', 'continues', 'modular', 'outcome', 'outcomes', 'worlds', 'world', 'interval', 'noise',
  'difference', 'lower', 'higher', 'members', 'inhabitant', 'cooperation', 'stability', 'completion', 'rate', 'effort',
  'coordination', 'pairs', 'exits', 'trust', 'gross', 'holm', 'reference', 'chance', 'usually', 'settings', 'brief', 'docs',
];

let dir: string;
let browser: Browser | undefined;

/** Page count of a PDF: the /Count of its page tree root. */
function pdfPages(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  expect(counts.length).toBeGreaterThan(0);
  return Math.max(...counts);
}

beforeAll(async () => {
  ensureBuilt();
  dir = join(tempDir('brief'), 'batch');
  const b = await runCli(['batch', ...SCENARIOS, '--runs', '12', '--workers', '2', '--out', dir, '--quiet'], ROOT);
  expect(b.err).toBe('');
  expect(b.code).toBe(0);
  const r = await runCli(['robustness', ...SCENARIOS, '--worlds', '2', '--replications', '2', '--workers', '2', '--out', join(dir, 'robustness'), '--quiet'], ROOT);
  expect(r.code).toBe(0);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe('regiosim brief', () => {
  it('prints the Dutch brief of the standard comparison on at most two A4 pages, in Dutch only', async () => {
    const r = await runCli(['brief', dir, '--lang', 'nl'], ROOT);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('brief.pdf');
    const pdf = readFileSync(join(dir, 'brief.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeLessThanOrEqual(2);

    // What the PDF prints: the text of the page as the browser lays it out for print.
    const page = await browser!.newPage({ viewport: { width: 794, height: 1123 } });
    const outside: string[] = [];
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) await route.continue();
      else {
        outside.push(url);
        await route.abort();
      }
    });
    await page.goto(pathToFileURL(join(dir, 'brief.html')).href);
    await page.emulateMedia({ media: 'print' });
    const text = (await page.evaluate('document.body.innerText')) as string;
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'brief-nl.png'), fullPage: true });
    await page.close();
    expect(outside).toEqual([]);

    // The parts of the brief are there: five lines, the scenarios in plain words, the table, the chart, the caveats.
    expect(text).toContain('In het kort');
    expect(text).toContain('Wat is vergeleken');
    expect(text).toContain('Wat beter wordt en wat slechter');
    expect(text).toContain('Hoe dit te lezen');
    expect(text).toContain('denkmodel, geen voorspelling');
    expect(text).toContain('instellingen: beter in');
    expect(text).toMatch(/Gekalibreerd: 41 van 320/);
    expect(text).toContain('Haaglanden zonder stadsregio, met een basiscoalitie');

    const words = text.toLowerCase().match(/[a-zà-ÿ]+(?:'[a-z]+)?/g) ?? [];
    expect(words.filter((w: string) => ENGLISH.includes(w))).toEqual([]);
    for (const slug of SCENARIOS.filter((s) => s.includes('-'))) expect(text).not.toContain(slug);
    expect(text).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/);
    expect(text).not.toMatch(/\d[eE][+-]?\d/);
  }, 120_000);

  it('writes the same brief in English, and the chart as a slide', async () => {
    const r = await runCli(['brief', dir, '--no-pdf'], ROOT);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'brief.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('What gets better and what gets worse');
    expect(html).not.toContain('<script');
    expect(readFileSync(join(dir, 'brief-chart.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('refuses a directory that is not an analysed batch, with exit code 2', async () => {
    const r = await runCli(['brief', join(dir, 'no-such-dir')], ROOT);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
