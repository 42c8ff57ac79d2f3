/**
 * report.html in a real browser: Debian's Chromium (installed by .ci/run, never downloaded by a
 * test tool) opens the report of a small real batch from a file:// URL. The test fails unless
 * every chart renders with marks, the console stays free of errors and warnings, and no request
 * leaves the file. A screenshot is kept in tests/artifacts/ (git-ignored).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE } from '../../src/core/measures.js';
import { runCli, tempDir } from '../cli/helpers.js';
import { ensureBuilt, ROOT } from '../setup/build.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const SCENARIOS = ['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr'];

let batch: string;
let browser: Browser | undefined;

beforeAll(async () => {
  ensureBuilt(); // the batch's worker threads run the compiled code
  batch = join(tempDir('browser'), 'batch');
  const b = await runCli(['batch', ...SCENARIOS, '--runs', '4', '--workers', '2', '--out', batch, '--quiet'], ROOT);
  expect(b.err).toBe('');
  expect(b.code).toBe(0);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('charts of a real batch', () => {
  it('regiosim chart draws every chart of the batch and its analysis, without warnings', async () => {
    const r = await runCli(['chart', batch, '--format', 'svg'], ROOT);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('warning');
    expect(r.out).not.toContain('not drawn');
    // One distribution per headline outcome (src/core/measures.ts), plus the charts of the batch.
    expect(readdirSync(join(batch, 'charts')).filter((f) => f.endsWith('.svg')).sort()).toEqual(
      ['differences.svg', 'exits-over-time.svg', 'map-difference-value-per-inhabitant.svg', 'map-value-per-inhabitant.svg', ...HEADLINE.map((o) => `outcome-${o}.svg`), 'stability.svg', 'survival.svg', 'trust-over-time.svg'].sort(),
    );
    expect(HEADLINE.slice(0, 2)).toEqual(['value_net_per_inhabitant', 'value_per_inhabitant']);
  });
});

describe('report.html in Chromium', () => {
  it('draws every chart with marks and tooltips, with a clean console and no request leaving the file', async () => {
    const r = await runCli(['report', batch], ROOT);
    expect(r.code).toBe(0);
    const file = join(batch, 'report.html');
    const url = pathToFileURL(file).href;

    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const console: string[] = [];
    const outside: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => console.push(`page error: ${e.message}`));
    await page.route('**/*', async (route) => {
      const requested = route.request().url();
      if (requested.startsWith('file:') || requested.startsWith('data:')) await route.continue();
      else {
        outside.push(requested);
        await route.abort();
      }
    });
    await page.goto(url);
    await page.waitForFunction('document.body.getAttribute("data-charts-done") !== null', null, { timeout: 60_000 });

    const charts = await page.$$eval('[data-chart]', (els) =>
      els.map((el) => ({
        name: el.getAttribute('data-chart'),
        rendered: el.getAttribute('data-rendered'),
        // items of data marks (not axes or legends): vega's SVG groups them under g.role-mark
        marks: el.querySelectorAll('g.role-mark > path, g.role-mark > line, g.role-mark > rect, g.role-mark > text, g.role-mark > circle').length,
      })),
    );
    expect(charts.map((c) => c.name)).toEqual([
      'stability', 'trust-over-time', ...HEADLINE.map((o) => `outcome-${o}`), 'differences', 'survival', 'map-value-per-inhabitant', 'map-difference-value-per-inhabitant', 'exits-over-time',
    ]);
    for (const c of charts) {
      expect(c.rendered, c.name!).toBe('true');
      expect(c.marks, c.name!).toBeGreaterThan(3);
    }

    // Tooltips: hovering the leftmost dot of the first distribution (clear of the box's median) shows the run's values.
    await page.locator('[data-chart="outcome-cooperation_stability"]').scrollIntoViewIfNeeded();
    const target = await page.$$eval('[data-chart="outcome-cooperation_stability"] g.mark-symbol.role-mark path', (dots) => {
      const boxes = dots.map((d) => d.getBoundingClientRect()).filter((b) => b.width > 0);
      const left = boxes.reduce((a, b) => (b.x < a.x ? b : a));
      return { x: left.x + left.width / 2, y: left.y + left.height / 2 };
    });
    await page.mouse.move(target.x, target.y);
    await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 10_000 });
    expect(await page.textContent('#vg-tooltip-element')).toContain('Seed');

    // The tables, the summary and the provenance are there.
    expect(await page.textContent('#summary')).toContain('Analysis of batch');
    expect(await page.locator('#tables table').count()).toBe(2);
    expect(await page.textContent('#provenance')).toContain('regiosim_version');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await page.close();

    expect(console).toEqual([]);
    expect(outside).toEqual([]);
    expect(readFileSync(join(ARTIFACTS, 'report.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('report.html on a phone and on a laptop', () => {
  for (const width of [390, 1366]) {
    it(`fits ${width} px without horizontal scrolling, charts as wide as the column allows`, async () => {
      const r = await runCli(['report', batch], ROOT);
      expect(r.code).toBe(0);
      const page = await browser!.newPage({ viewport: { width, height: 900 } });
      await page.goto(pathToFileURL(join(batch, 'report.html')).href);
      await page.waitForFunction('document.body.getAttribute("data-charts-done") !== null', null, { timeout: 60_000 });
      const m = (await page.evaluate(`(() => {
        const root = document.documentElement;
        const main = document.querySelector('main');
        const column = main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) - parseFloat(getComputedStyle(main).paddingRight);
        const svgs = [...document.querySelectorAll('[data-chart] svg.marks')].map((s) => s.getBoundingClientRect().width);
        return { scroll: root.scrollWidth, client: root.clientWidth, column, narrowest: Math.min(...svgs), charts: svgs.length };
      })()`)) as { scroll: number; client: number; column: number; narrowest: number; charts: number };
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `report-${width}.png`) });
      await page.close();
      expect(m.scroll).toBe(m.client);
      expect(m.charts).toBeGreaterThan(5);
      // Full column width on a phone; on a laptop the column or 1,000 px, whichever is smaller.
      expect(m.narrowest).toBeGreaterThanOrEqual(Math.min(m.column, 1000) - 1);
    });
  }
});
