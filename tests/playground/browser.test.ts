/**
 * playground.html in a real browser: Debian's Chromium (or REGIOSIM_CHROMIUM) opens the file
 * from a file:// URL with every request outside the file blocked and recorded. The test plays a
 * scenario to its end, moves a slider and sees the charts change, runs a 50-pair comparison,
 * exports the settings as YAML that `regiosim validate` accepts, and checks that the page's
 * timeseries.csv equals the CLI's byte for byte. The console must stay clean and no request may
 * leave the file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE } from '../../src/core/measures.js';
import { runCli, tempDir } from '../cli/helpers.js';
import { ensureBuilt, ROOT } from '../setup/build.js';

const CHROMIUM = process.env['REGIOSIM_CHROMIUM'] ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

let dir: string;
let file: string;
let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];
const outside: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir('playground');
  const r = await runCli(['playground', '--out', 'playground.html'], dir);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^Wrote playground\.html \(\d+ kB; opens offline/);
  file = join(dir, 'playground.html');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) await route.continue();
    else {
      outside.push(url);
      await route.abort();
    }
  });
  await page.goto(pathToFileURL(file).href);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const state = (): Promise<{ shown: number; months: number; computed: number; scenario: string | null; seed: number }> =>
  page.evaluate(() => (window as unknown as { playground: { state(): never } }).playground.state());
const points = (): Promise<string[]> => page.$$eval('#charts polyline', (ps) => ps.map((p) => p.getAttribute('points') ?? ''));

describe('playground.html in Chromium', () => {
  it('plays a built-in scenario month by month to its end, with the month, the charts and the ticker', async () => {
    await page.selectOption('#scenario', 'wgr-plus-continues');
    await page.waitForFunction(() => Number(document.body.dataset['computed'] ?? 0) > 0 && (window as unknown as { playground: { state(): { computed: number; months: number } } }).playground.state().computed === (window as unknown as { playground: { state(): { months: number } } }).playground.state().months, null, { timeout: 60_000 });
    const before = await state();
    expect(before.scenario).toBe('wgr-plus-continues');
    expect(before.shown).toBe(0);
    // One step by button, one by keyboard.
    await page.click('#step');
    await page.keyboard.press('ArrowRight');
    expect((await state()).shown).toBe(2);
    expect(await page.textContent('#month')).toMatch(/^February 2006 \(month 2 of 300\)$/);
    // Full speed from the keyboard, then play to the end.
    for (let k = 0; k < 6; k++) await page.keyboard.press('+');
    expect(await page.textContent('#speed-out')).toBe('60');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.body.dataset['finished'] === 'true', null, { timeout: 60_000 });
    const end = await state();
    expect(end.shown).toBe(end.months);
    expect(await page.textContent('#month')).toBe('December 2030 (month 300 of 300)');
    const lines = await points();
    expect(lines).toHaveLength(await page.$$eval('#charts svg', (s) => s.length));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const l of lines) expect(l.split(' ').length).toBeGreaterThan(250);
    const ticker = await page.$$eval('#ticker li', (li) => li.map((x) => x.textContent ?? ''));
    expect(ticker.length).toBeGreaterThan(5);
    expect(ticker.some((x) => /^[A-Z][a-z]+ \d{4}: new council in /.test(x))).toBe(true);
    expect(await page.$$eval('#map path.muni', (p) => p.length)).toBe(9);
  }, 120_000);

  it('gives the timeseries.csv of `regiosim run` with the same scenario and seed, byte for byte', async () => {
    await page.evaluate(() => (window as unknown as { playground: { requestCsv(): void } }).playground.requestCsv());
    await page.waitForFunction(() => typeof (window as unknown as { __timeseriesCsv?: string }).__timeseriesCsv === 'string', null, { timeout: 60_000 });
    const inPage = await page.evaluate(() => (window as unknown as { __timeseriesCsv: string }).__timeseriesCsv);
    const r = await runCli(['run', 'wgr-plus-continues', '--seed', String((await state()).seed), '--out', 'cli-run'], dir);
    expect(r.code).toBe(0);
    const cli = readFileSync(join(dir, 'cli-run', 'timeseries.csv'), 'utf8');
    expect(inPage.length).toBeGreaterThan(10_000);
    expect(inPage).toBe(cli);
  }, 120_000);

  it('moving a slider reruns the model, and the charts change', async () => {
    const before = await points();
    const shown = (await state()).shown;
    await page.click('summary:has-text("Tasks")');
    const slider = page.locator('input[data-param="taskRatePerMunicipality"]');
    await slider.focus();
    await slider.fill('0.3');
    await page.waitForFunction((n) => (window as unknown as { playground: { state(): { shown: number } } }).playground.state().shown === n, shown, { timeout: 60_000 });
    const after = await points();
    expect(after).toHaveLength(before.length);
    expect(after.filter((p, i) => p !== before[i]).length).toBeGreaterThan(0);
    const yaml = await page.evaluate(() => (window as unknown as { playground: { settingsYaml(): string } }).playground.settingsYaml());
    expect(yaml).toContain('taskRatePerMunicipality: 0.3');
  }, 120_000);

  it('exports the settings as a scenario file that `regiosim validate` accepts', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-yaml')]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/^wgr-plus-continues-seed-\d+\.yaml$/);
    expect(readFileSync(path, 'utf8')).toContain('taskRatePerMunicipality: 0.3');
    const v = await runCli(['validate', path], dir);
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
  }, 60_000);

  it('exports the charts as SVG and PNG', async () => {
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svgPath = join(dir, svg.suggestedFilename());
    await svg.saveAs(svgPath);
    const text = readFileSync(svgPath, 'utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text.match(/<polyline/g)?.length).toBe(await page.$$eval('#charts svg', (s) => s.length));
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const pngPath = join(dir, png.suggestedFilename());
    await png.saveAs(pngPath);
    expect(png.suggestedFilename()).toBe('wgr-plus-continues-charts.png');
    expect([...readFileSync(pngPath).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  }, 60_000);

  it('shows a loaded file\'s problems with the CLI\'s own message', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: bad\nregion: haaglanden\nstart: 2015-01\nend: 2014-13\ncolour: blue\n');
    const cli = await runCli(['validate', bad], dir);
    expect(cli.code).toBe(2);
    await page.setInputFiles('#file', bad);
    await page.waitForSelector('#problems:not([hidden])');
    const shown = (await page.textContent('#problems pre')) ?? '';
    expect(`${shown}\n`).toBe(cli.err.replace(bad, 'bad.yaml'));
    await page.selectOption('#scenario', 'wgr-plus-continues');
    await page.waitForSelector('#problems', { state: 'hidden' });
  }, 60_000);

  it('fills in a region named by its members as the CLI does, and says "did you mean" alike', async () => {
    const named = join(dir, 'named.yaml');
    writeFileSync(named, 'name: named\nregion:\n  members: [Delft, Zoetemeer, Rijswijk]\nstart: 2015-01\nend: 2016-12\n');
    const cli = await runCli(['validate', named], dir);
    expect(cli.code).toBe(2);
    expect(cli.err).toContain('(did you mean Zoetermeer?)');
    await page.setInputFiles('#file', named);
    await page.waitForSelector('#problems:not([hidden])');
    expect(`${(await page.textContent('#problems pre')) ?? ''}\n`).toBe(cli.err.replace(named, 'named.yaml'));
    const good = join(dir, 'named-good.yaml');
    writeFileSync(good, 'name: named\nregion:\n  members: [Delft, Zoetermeer, Rijswijk]\nstart: 2015-01\nend: 2016-12\n');
    expect((await runCli(['validate', good], dir)).code).toBe(0);
    await page.setInputFiles('#file', good);
    await page.waitForSelector('#problems', { state: 'hidden' });
    await page.selectOption('#scenario', 'wgr-plus-continues');
  }, 60_000);

  it('runs a 50-pair comparison in the worker and words it as the report does', async () => {
    await page.selectOption('#compare-a', 'wgr-plus-continues');
    await page.selectOption('#compare-b', 'wgr-plus-abolished');
    await page.fill('#compare-n', '50');
    await page.click('#compare-run');
    await page.waitForFunction(() => document.body.dataset['compared'] === 'true', null, { timeout: 120_000 });
    const c = await page.evaluate(() => (window as unknown as { __comparison: { runs: number; seeds: number[]; ms: number } }).__comparison);
    expect(c.runs).toBe(50);
    expect(new Set(c.seeds).size).toBe(50);
    const figures = await page.$$eval('#compare-result figcaption', (fs) => fs.map((x) => ({ text: x.textContent ?? '', verdict: x.getAttribute('data-verdict') })));
    expect(figures).toHaveLength(HEADLINE.length);
    for (const fg of figures) expect(fg.text.length).toBeGreaterThan(20);
    expect(await page.$$eval('#compare-result svg', (s) => s.map((x) => x.querySelectorAll('circle.dot').length))).toEqual(HEADLINE.map(() => 50));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'playground.png'), fullPage: true });
  }, 180_000);

  it('keeps the settings in a link that opens with them', async () => {
    await page.click('summary:has-text("Tasks")');
    await page.locator('input[data-param="taskRatePerMunicipality"]').fill('0.3');
    await page.waitForFunction(() => (window as unknown as { playground: { settingsYaml(): string } }).playground.settingsYaml().includes('taskRatePerMunicipality: 0.3'));
    await page.click('#export-link');
    const url = page.url();
    expect(url).toContain('#');
    const other = await page.context().newPage();
    other.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await other.goto(url);
    await other.waitForFunction(() => Number(document.body.dataset['computed'] ?? 0) > 0, null, { timeout: 60_000 });
    expect(await other.inputValue('input[data-param="taskRatePerMunicipality"]')).toBe('0.3');
    expect(await other.inputValue('#scenario')).toBe('wgr-plus-continues');
    await other.close();
  }, 60_000);

  it('in Dutch at phone width: Dutch month, no sideways scrolling, large type', async () => {
    const r = await runCli(['playground', '--lang', 'nl', '--out', 'les.html'], dir);
    expect(r.out).toMatch(/^Geschreven: les\.html/);
    const nl = await page.context().newPage();
    nl.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    nl.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await nl.setViewportSize({ width: 390, height: 800 });
    await nl.goto(pathToFileURL(join(dir, 'les.html')).href);
    expect(await nl.getAttribute('html', 'lang')).toBe('nl');
    await nl.selectOption('#scenario', 'wgr-plus-continues');
    await nl.waitForFunction(() => Number(document.body.dataset['computed'] ?? 0) > 0, null, { timeout: 60_000 });
    await nl.click('#step');
    expect(await nl.textContent('#month')).toBe('januari 2006 (maand 1 van 300)');
    expect(await nl.textContent('#play')).toBe('Afspelen');
    // Each slider's meaning and unit in Dutch, from the parameter registry; the kind named in Dutch.
    const help = (name: string): Promise<string | null> => nl.locator(`.param:has(input[data-param="${name}"]) small`).textContent();
    expect(await help('shareHousing')).toBe('Aandeel van de opgaven op het terrein wonen. (aandeel; 0 tot 1, standaard 0,25)');
    expect(await help('kind.network.coordination')).toMatch(/^Netwerk: Coördinatiekwaliteit van de projecten .* \(index van 0 tot 1; 0 tot 1, standaard 0,78\)$/);
    expect(await nl.locator('#params summary').first().textContent()).toMatch(/^Opgaven \(\d+\)$/);
    expect(await nl.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await nl.check('#large');
    expect(await nl.evaluate(() => document.body.classList.contains('large'))).toBe(true);
    expect(await nl.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await nl.close();
  }, 60_000);

  it('made no request outside the file and kept the console clean', () => {
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
