/** Helpers the chart tests share for looking into Vega-Lite specs. */
import { expect } from 'vitest';
import type { VlSpec } from '../../src/charts/index.js';
import { compileSpec } from '../../src/render/render.js';

export type Node = Record<string, unknown>;

/** Every object in a spec (depth first) that satisfies `pred`. */
export function findAll(value: unknown, pred: (node: Node) => boolean, out: Node[] = []): Node[] {
  if (Array.isArray(value)) for (const v of value) findAll(v, pred, out);
  else if (typeof value === 'object' && value !== null) {
    const node = value as Node;
    if (pred(node)) out.push(node);
    for (const v of Object.values(node)) findAll(v, pred, out);
  }
  return out;
}

/** The spec compiles to Vega without a warning in both themes and both languages. */
export function expectCompiles(build: (theme: 'default' | 'slides', lang: 'en' | 'nl') => VlSpec): void {
  for (const theme of ['default', 'slides'] as const) {
    for (const lang of ['en', 'nl'] as const) {
      const warnings: string[] = [];
      compileSpec(build(theme, lang), warnings);
      expect(warnings, `${theme}/${lang}`).toEqual([]);
    }
  }
}
