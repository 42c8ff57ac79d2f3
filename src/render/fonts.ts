/**
 * The DejaVu fonts used for every rendering, and text widths measured from their glyph
 * advances. Vega lays out labels, legends and titles by text width; in Node it has no canvas
 * and would guess 0.8 em per character, far too wide for DejaVu Sans. Reading the advance
 * widths from the font's own tables (cmap + hmtx) makes layout match what resvg draws.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Directory of the dejavu-fonts-ttf package's .ttf files. */
export function fontDir(): string {
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** The font files handed to resvg (regular, bold and their obliques). */
export function fontFiles(): string[] {
  const dir = fontDir();
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) => join(dir, f));
}

/** Advance widths of one font, in em. */
export interface FontMetrics {
  /** Width in em of a character (by code point); `fallback` for characters the font lacks. */
  advance(codePoint: number): number;
}

/** Reads unitsPerEm, the format-4 (BMP) cmap and hmtx of a TrueType font. */
export function parseTrueTypeMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTables = view.getUint16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!);
    tables.set(tag, view.getUint32(rec + 8));
  }
  const need = (tag: string): number => {
    const off = tables.get(tag);
    if (off === undefined) throw new Error(`font has no ${tag} table`);
    return off;
  };
  const unitsPerEm = view.getUint16(need('head') + 18);
  const numberOfHMetrics = view.getUint16(need('hhea') + 34);
  const hmtx = need('hmtx');
  const advanceOfGlyph = (glyph: number): number => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1)) / unitsPerEm;

  // cmap: the Windows Unicode BMP subtable (platform 3, encoding 1), format 4.
  const cmap = need('cmap');
  const numSub = view.getUint16(cmap + 2);
  let sub = -1;
  for (let i = 0; i < numSub; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const offset = view.getUint32(cmap + 8 + 8 * i);
    if (view.getUint16(cmap + offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) {
      sub = cmap + offset;
      if (platform === 3) break;
    }
  }
  if (sub < 0) throw new Error('font has no format-4 cmap');
  const segCount = view.getUint16(sub + 6) / 2;
  const endCodes = sub + 14;
  const startCodes = endCodes + 2 * segCount + 2;
  const idDeltas = startCodes + 2 * segCount;
  const idRangeOffsets = idDeltas + 2 * segCount;
  const glyphOf = (cp: number): number => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segCount; s++) {
      const end = view.getUint16(endCodes + 2 * s);
      if (cp > end) continue;
      const start = view.getUint16(startCodes + 2 * s);
      if (cp < start) return 0;
      const delta = view.getInt16(idDeltas + 2 * s);
      const rangeOffsetPos = idRangeOffsets + 2 * s;
      const rangeOffset = view.getUint16(rangeOffsetPos);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const g = view.getUint16(rangeOffsetPos + rangeOffset + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    advance(codePoint: number): number {
      let w = cache.get(codePoint);
      if (w === undefined) {
        w = advanceOfGlyph(glyphOf(codePoint));
        cache.set(codePoint, w);
      }
      return w;
    },
  };
}

let regular: FontMetrics | undefined;
let bold: FontMetrics | undefined;

function metrics(isBold: boolean): FontMetrics {
  if (isBold) return (bold ??= parseTrueTypeMetrics(readFileSync(join(fontDir(), 'DejaVuSans-Bold.ttf'))));
  return (regular ??= parseTrueTypeMetrics(readFileSync(join(fontDir(), 'DejaVuSans.ttf'))));
}

/** Whether a CSS/Vega font weight is drawn with the bold face. */
export function isBoldWeight(weight: unknown): boolean {
  if (weight === undefined || weight === null) return false;
  if (typeof weight === 'number') return weight >= 600;
  const w = String(weight).toLowerCase();
  if (w === 'bold' || w === 'bolder') return true;
  const n = Number(w);
  return Number.isFinite(n) && n >= 600;
}

/** Width in pixels of `text` in DejaVu Sans at `fontSize`, bold or regular. */
export function textWidth(text: string, fontSize: number, boldFace = false): number {
  const m = metrics(boldFace);
  let w = 0;
  for (const ch of text) w += m.advance(ch.codePointAt(0)!);
  return w * fontSize;
}
