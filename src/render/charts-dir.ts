/**
 * Renders every chart a directory supports into `<dir>/charts/`: for each chart its Vega-Lite
 * spec (`.vl.json`, to restyle) and its rendering (`.svg`, `.png` or both); with the slides theme
 * the renderings are 16:9 slides. Files are written under temporary names and renamed into place.
 */
import { join } from 'node:path';
import { NoDataError, type ThemeName } from '../charts/index.js';
import type { Lang } from '../i18n/index.js';
import { UserError } from '../io/errors.js';
import { outputProblem, removeStaleTemps, writeFileAtomically } from '../io/write.js';
import { catalog, type MissingChart } from './catalog.js';
import type { DirData } from './load.js';
import { onSlide, renderSvg, svgToPngAsync } from './render.js';

export const FORMATS = ['svg', 'png', 'both'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderChartsOptions {
  format: Format;
  theme: ThemeName;
  lang: Lang;
  /** Where to write (default `<dir>/charts`). */
  outDir?: string;
  /** PNG pixels per SVG pixel (default 2). */
  scale?: number;
  /** Called after each chart is written (for progress output). */
  onChart?: (name: string, files: string[]) => void;
}

export interface RenderChartsResult {
  outDir: string;
  written: string[];
  /** Charts whose files are there but hold nothing to draw, with the reason. */
  empty: Array<{ chart: string; reason: string }>;
  missing: MissingChart[];
  /** Vega warnings, per chart (a correct chart has none). */
  warnings: Array<{ chart: string; warning: string }>;
}

/** A spec as written to `.vl.json`: two-space indentation and a final newline. */
export function specJson(spec: object): string {
  return JSON.stringify(spec, null, 2) + '\n';
}

export async function renderCharts(data: DirData, options: RenderChartsOptions): Promise<RenderChartsResult> {
  const outDir = options.outDir ?? join(data.dir, 'charts');
  const where = outputProblem(outDir, '(charts directory)', { kind: 'dir' });
  if (where) throw new UserError(data.dir, [where]);
  removeStaleTemps(outDir);
  const cat = catalog(data, { lang: options.lang, theme: options.theme });
  const result: RenderChartsResult = { outDir, written: [], empty: [], missing: cat.missing, warnings: [] };
  // Each chart's PNG is rasterised on libuv's thread pool while the next chart is drawn to SVG;
  // files are written, and reported, in the catalogue's order.
  let previous: Promise<void> = Promise.resolve();
  const pending: Promise<void>[] = [];
  for (const job of cat.jobs) {
    let spec;
    try {
      spec = job.build();
    } catch (err) {
      if (err instanceof NoDataError) {
        result.empty.push({ chart: job.name, reason: err.message });
        continue;
      }
      throw err;
    }
    const drawn = await renderSvg(spec);
    for (const w of drawn.warnings) result.warnings.push({ chart: job.name, warning: w });
    // The slides theme draws 16:9 slides: the chart centred on a canvas of a slide's proportions.
    const rendering = options.theme === 'slides' ? onSlide(drawn) : drawn;
    const png = options.format === 'png' || options.format === 'both' ? svgToPngAsync(rendering.svg, options.scale ?? 2) : null;
    png?.catch(() => {}); // awaited below, in order
    const json = specJson(spec);
    const after = previous;
    previous = (async () => {
      await after;
      const files: string[] = [];
      const write = (file: string, content: string | Uint8Array): void => {
        const path = join(outDir, file);
        writeFileAtomically(path, content);
        files.push(path);
      };
      write(`${job.name}.vl.json`, json);
      if (options.format === 'svg' || options.format === 'both') write(`${job.name}.svg`, rendering.svg);
      if (png) write(`${job.name}.png`, await png);
      result.written.push(...files);
      options.onChart?.(job.name, files);
    })();
    previous.catch(() => {}); // a failure is thrown by the await of the last one
    pending.push(previous);
    // At most a few rasterisations at once (each holds its image).
    if (pending.length >= 4) await pending.shift();
  }
  await previous;
  return result;
}
