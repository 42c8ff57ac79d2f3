/** Headless rendering: DejaVu metrics, SVG with text, PNG of the expected size with the text drawn. */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distributionChart, timeseriesChart } from '../../src/charts/index.js';
import { fontFiles, isBoldWeight, parseTrueTypeMetrics, textWidth } from '../../src/render/fonts.js';
import { renderSvg, svgToPng } from '../../src/render/render.js';
import * as F from '../charts/fixtures.js';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('DejaVu Sans metrics', () => {
  it('reads advance widths from the font file', () => {
    const m = parseTrueTypeMetrics(readFileSync(fontFiles()[0]!));
    // DejaVu Sans: unitsPerEm 2048; space 651, 'a' 1255, 'M' 1767 font units
    expect(m.advance(0x20)).toBeCloseTo(651 / 2048, 10);
    expect(m.advance('a'.codePointAt(0)!)).toBeCloseTo(1255 / 2048, 10);
    expect(m.advance('M'.codePointAt(0)!)).toBeCloseTo(1767 / 2048, 10);
    expect(textWidth('aa', 10)).toBeCloseTo(20 * 1255 / 2048, 10);
    expect(textWidth('Wassenaar', 12, true)).toBeGreaterThan(textWidth('Wassenaar', 12));
    expect(textWidth('één', 10)).toBeGreaterThan(0);
  });

  it('knows bold weights', () => {
    expect(['bold', 700, '600', 'bolder'].map(isBoldWeight)).toEqual([true, true, true, true]);
    expect(['normal', 400, undefined, '300'].map(isBoldWeight)).toEqual([false, false, false, false]);
  });
});

describe('rendering', () => {
  it('draws an SVG with the title, axis titles and labels as text', async () => {
    const r = await renderSvg(timeseriesChart(F.timeseriesSummary(), { scenarios: F.SCENARIOS, calendars: F.CALENDARS }));
    expect(r.warnings).toEqual([]);
    expect(r.svg.startsWith('<svg')).toBe(true);
    expect(r.svg).toContain('font-family="DejaVu Sans"');
    const texts = [...r.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain('Cooperation stability (% of pairs), over time');
    expect(texts).toContain('WGR-plus abolished');
    expect(texts).toContain('2010');
    expect(texts).toContain('wgr-plus-abolished');
    expect(r.width).toBeGreaterThan(560);
    expect(r.height).toBeGreaterThan(300);
  });

  it('rasterises to a PNG twice the SVG size, with the text drawn', async () => {
    const r = await renderSvg(distributionChart(F.runs(), { scenarios: F.SCENARIOS, lang: 'nl' }));
    const png = svgToPng(r.svg);
    expect(png.width).toBe(Math.round(r.width * 2));
    expect(png.height).toBe(Math.round(r.height * 2));
    expect(pngSize(png.png)).toEqual({ width: png.width, height: png.height });
    expect([...png.png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('draws text with the bundled fonts (resvg without fonts draws none)', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="22" font-family="DejaVu Sans" font-size="20">Haaglanden</text></svg>';
    const dark = (pixels: Uint8Array): number => {
      let n = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128 && pixels[i + 3]! > 0) n++;
      return n;
    };
    const withFonts = new Resvg(svg, { font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render();
    const withoutFonts = new Resvg(svg, { font: { fontFiles: [], loadSystemFonts: false } }).render();
    expect(dark(withFonts.pixels)).toBeGreaterThan(200);
    expect(dark(withoutFonts.pixels)).toBe(0);
    const ours = svgToPng(svg, 1);
    expect(ours.width).toBe(120);
    expect(dark(ours.pixels)).toBeGreaterThan(200);
  });
});
