/**
 * `npm run bench:playground` (compiled to dist/bench/playground.js): how fast playground.html
 * draws and compares in this machine's Chromium, written to bench/playground.md.
 *
 *   - drawing every month of a Haaglanden run (wgr-plus-continues, 300 months), one month per
 *     animation frame: frames per second over the whole run (the display caps this at its refresh
 *     rate, 60 in headless Chromium), and the time one month's drawing takes (charts, map, ticker),
 *     which says how many frames per second the drawing alone would allow;
 *   - a 50-pair comparison (wgr-plus-continues against wgr-plus-abolished) in the worker, from
 *     the click to the drawn result.
 *
 * A benchmark, not a test: it measures wall-clock time and asserts nothing. Options: --no-write.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { playgroundHtml } from '../src/playground/build.js';
import { packageRoot } from '../src/io/regions.js';

const write = !process.argv.includes('--no-write');
const CHROMIUM = process.env['REGIOSIM_CHROMIUM'] ?? '/usr/bin/chromium';

interface Pg {
  state(): { shown: number; months: number; computed: number };
  drawMonth(k: number): void;
}

async function main(): Promise<void> {
  const load = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'regiosim-bench-playground-'));
  try {
    const file = join(dir, 'playground.html');
    writeFileSync(file, await playgroundHtml('en'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await page.route('**/*', (r) => (/^(file|data|blob):/.test(r.request().url()) ? r.continue() : r.abort()));
    await page.goto(pathToFileURL(file).href);
    await page.selectOption('#scenario', 'wgr-plus-continues');
    await page.waitForFunction(() => {
      const s = (window as unknown as { playground: Pg }).playground.state();
      return s.months > 0 && s.computed === s.months;
    }, null, { timeout: 120_000 });
    const drawing = await page.evaluate(async () => {
      const pg = (window as unknown as { playground: Pg }).playground;
      const months = pg.state().months;
      // One month per animation frame, as playing at full speed shows them; measured first, on the
      // page as a user finds it (the synchronous pass below leaves garbage that a later collection
      // would charge to the frames).
      pg.drawMonth(0);
      const play = (): Promise<number> => new Promise<number>((resolve) => {
        pg.drawMonth(0);
        let k = 0;
        let t0 = 0;
        const frame = (now: number): void => {
          if (k === 0) t0 = now;
          pg.drawMonth(++k);
          if (k < months) requestAnimationFrame(frame);
          else requestAnimationFrame((end) => resolve((months * 1000) / (end - t0)));
        };
        requestAnimationFrame(frame);
      });
      const fps = await play();
      // Drawing alone: every month, synchronously, with layout forced after each.
      const each: number[] = [];
      for (let k = 1; k <= months; k++) {
        const t0 = performance.now();
        pg.drawMonth(k);
        void document.body.getBoundingClientRect();
        each.push(performance.now() - t0);
      }
      each.sort((a, b) => a - b);
      // The same playing again, now with the synchronous pass's garbage still to collect.
      const fpsAfter = await play();
      return { months, fps, fpsAfter, median: each[Math.floor(each.length / 2)]!, p95: each[Math.floor(each.length * 0.95)]!, max: each[each.length - 1]! };
    });
    // The control: the same browser's frame rate on an empty page, which is the refresh rate that caps the figure above.
    const empty = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await empty.setContent('<!DOCTYPE html><p id="n">0</p>');
    const control = await empty.evaluate(() => new Promise<number>((resolve) => {
      let k = 0;
      let t0 = 0;
      const frame = (now: number): void => {
        if (k === 0) t0 = now;
        document.getElementById('n')!.textContent = String(++k);
        if (k < 300) requestAnimationFrame(frame);
        else requestAnimationFrame((end) => resolve((300 * 1000) / (end - t0)));
      };
      requestAnimationFrame(frame);
    }));
    await empty.close();
    await page.selectOption('#compare-a', 'wgr-plus-continues');
    await page.selectOption('#compare-b', 'wgr-plus-abolished');
    await page.fill('#compare-n', '50');
    const t0 = Date.now();
    await page.click('#compare-run');
    await page.waitForFunction(() => document.body.dataset['compared'] === 'true', null, { timeout: 300_000 });
    const compareSeconds = (Date.now() - t0) / 1000;
    const version = browser.version();
    await browser.close();
    const lines = [
      '# Playground benchmark',
      '',
      `Made by \`npm run bench:playground\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Chromium ${version} (headless), load average ${load.toFixed(1)} when it started. Wall-clock figures; they vary with the machine's load.`,
      '',
      '| what | figure |',
      '|---|---:|',
      `| Haaglanden run (wgr-plus-continues), months drawn | ${drawing.months} |`,
      `| frames per second, one month per frame (capped by the display's refresh rate) | ${drawing.fps.toFixed(1)} |`,
      `| the same, right after 300 synchronous redraws (their garbage collected during play) | ${drawing.fpsAfter.toFixed(1)} |`,
      `| control: frames per second of an empty page in the same browser (the refresh rate) | ${control.toFixed(1)} |`,
      `| drawing one month (charts, map, ticker), median ms | ${drawing.median.toFixed(2)} |`,
      `| drawing one month, 95th percentile ms | ${drawing.p95.toFixed(2)} |`,
      `| drawing one month, slowest ms | ${drawing.max.toFixed(2)} |`,
      `| frames per second the median drawing time allows | ${(1000 / drawing.median).toFixed(0)} |`,
      `| 50-pair comparison (wgr-plus-continues against wgr-plus-abolished), seconds | ${compareSeconds.toFixed(1)} |`,
      '',
    ];
    const text = lines.join('\n');
    process.stdout.write(text);
    if (write) writeFileSync(join(packageRoot(), 'bench', 'playground.md'), text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
