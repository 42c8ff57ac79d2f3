/**
 * Headless rendering of a Vega-Lite spec: vega-lite compiles it, vega draws it to SVG (no
 * browser, no canvas), resvg rasterises the SVG to PNG with the DejaVu fonts loaded explicitly
 * (without fonts resvg silently drops all text). Charts carry their data inline; the loader
 * refuses any file or network access.
 */
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { FONT_FAMILY } from '../charts/theme.js';
import { fontFiles, isBoldWeight, textWidth } from './fonts.js';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

let metricsInstalled = false;

/** Makes vega measure text with DejaVu Sans' real advance widths (see fonts.ts). */
export function installTextMetrics(): void {
  if (metricsInstalled) return;
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
  metrics.width = (item: TextItem, text: unknown): number => {
    const s = text === null || text === undefined ? '' : String(text).trim();
    const size = item.fontSize !== undefined && item.fontSize !== null ? Number(item.fontSize) || 0 : 11;
    if (s === '' || size <= 0) return 0;
    return textWidth(s, size, isBoldWeight(item.fontWeight));
  };
  metricsInstalled = true;
}

/** A loader that loads nothing: every chart carries its data inline. */
function offlineLoader(): vega.Loader {
  const base = vega.loader();
  const refuse = async (uri: string): Promise<never> => {
    throw new Error(`charts carry their data inline; refusing to load ${uri}`);
  };
  return { ...base, load: refuse, sanitize: refuse, http: refuse, file: refuse } as unknown as vega.Loader;
}

export interface SvgRendering {
  svg: string;
  width: number;
  height: number;
  /** Warnings from vega-lite and vega (a correct chart has none). */
  warnings: string[];
}

function collectingLogger(warnings: string[]): vega.LoggerInterface {
  const logger = vega.logger(vega.Warn);
  const note = (...args: readonly unknown[]): void => {
    warnings.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  };
  const wrapped = Object.create(logger) as vega.LoggerInterface & Record<string, unknown>;
  wrapped['warn'] = (...args: readonly unknown[]) => {
    note(...args);
    return wrapped;
  };
  wrapped['error'] = (...args: readonly unknown[]) => {
    note(...args);
    return wrapped;
  };
  wrapped['info'] = () => wrapped;
  wrapped['debug'] = () => wrapped;
  return wrapped;
}

/** Compiles a Vega-Lite spec to a Vega spec (throws on an invalid spec). */
export function compileSpec(spec: object, warnings: string[] = []): vega.Spec {
  const logger = collectingLogger(warnings);
  return compile(spec as Parameters<typeof compile>[0], { logger }).spec as vega.Spec;
}

/** Renders a Vega-Lite spec to an SVG document. */
export async function renderSvg(spec: object): Promise<SvgRendering> {
  installTextMetrics();
  const warnings: string[] = [];
  const vg = compileSpec(spec, warnings);
  const view = new vega.View(vega.parse(vg), { renderer: 'none', loader: offlineLoader(), logger: collectingLogger(warnings), logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    const width = m ? Number(m[1]) : Number.NaN;
    const height = m ? Number(m[2]) : Number.NaN;
    return { svg, width, height, warnings };
  } finally {
    view.finalize();
  }
}

/** The aspect ratio of a slide. */
export const SLIDE_ASPECT = 16 / 9;

/**
 * A chart placed on a 16:9 slide: the SVG centred on a white canvas of the slide's proportions,
 * as wide as the chart or as wide as its height needs, whichever is more. The chart keeps its
 * scale; PNGs of the slide are 1920 × 1080 for a chart of up to 960 px at scale 2.
 */
export function onSlide(rendering: Pick<SvgRendering, 'svg' | 'width' | 'height'>): SvgRendering {
  const { svg, width, height } = rendering;
  const w = Math.ceil(Math.max(width, height * SLIDE_ASPECT, 960));
  const h = Math.round(w / SLIDE_ASPECT);
  const x = Math.floor((w - width) / 2);
  const y = Math.floor((h - height) / 2);
  const inner = svg.replace(/<\?xml[^>]*>\s*/, '').replace(/^<svg\b/, `<svg x="${x}" y="${y}"`);
  const outer = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="#ffffff"/>${inner}</svg>`;
  return { svg: outer, width: w, height: h, warnings: [] };
}

export interface PngRendering {
  png: Buffer;
  width: number;
  height: number;
  /** The raw RGBA pixels (for checks). */
  pixels: Buffer;
}

/** Rasterises an SVG document with resvg and the DejaVu fonts; `scale` 2 gives crisp slides and print. */
export function svgToPng(svg: string, scale = 2): PngRendering {
  const resvg = new Resvg(svg, pngOptions(scale));
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}

function pngOptions(scale: number): ResvgRenderOptions {
  return {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  };
}

/** The PNG of {@link svgToPng}, rasterised on libuv's thread pool: the caller goes on (with the next chart) meanwhile. */
export async function svgToPngAsync(svg: string, scale = 2): Promise<Buffer> {
  return (await renderAsync(svg, pngOptions(scale))).asPng();
}
