/**
 * The shape of src/: folders in layers, imports pointing down only, no circles, and the pure
 * layers (what the browser can run) free of Node, clocks and global randomness.
 *
 *   stats, core      the statistics library and the simulation core (pure)
 *   i18n             messages and formatters in English and Dutch (pure)
 *   formats          the schemas and codecs of the output files (pure)
 *   io               files: reading, writing, scenarios, regions, manifests
 *   batch            plans, workers, journal, finalisation, merge
 *   analysis, charts statistics of batches; chart builders and their registry (charts: pure)
 *   render           headless rendering, the report, reading directories for charts
 *   api              the library API
 *   index.ts         what `import 'regiosim'` gets
 *   cli              the command line
 *
 * A file may import from its own folder or from a folder of a lower layer; folders of the same
 * layer do not import each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

const LAYERS: Record<string, number> = {
  stats: 0, core: 0, i18n: 1, formats: 2, io: 3, batch: 4, analysis: 5, charts: 5, render: 6, playground: 6.5, api: 7, 'index.ts': 8, cli: 9,
};
/** Layers whose code must run in a browser: no Node modules, no clock, no global randomness. */
const PURE = ['stats', 'core', 'i18n', 'formats', 'charts'];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Every module a file imports or re-exports (static, type-only and dynamic). */
function imports(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s+['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of code.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** The top-level folder (or root file) of a path under src/. */
const top = (path: string): string => relative(SRC, path).split(/[\\/]/)[0]!;

const all = files(SRC);
const graph = new Map<string, string[]>();
for (const f of all) {
  const local = imports(readFileSync(f, 'utf8'))
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(f), s.replace(/\.js$/, '.ts')));
  graph.set(f, local);
}

describe('architecture', () => {
  it('puts every file of src/ in a layer', () => {
    expect(all.length).toBeGreaterThan(80);
    const unknown = [...new Set(all.map(top))].filter((t) => LAYERS[t] === undefined);
    expect(unknown).toEqual([]);
  });

  it('imports only from the same folder or a lower layer', () => {
    const wrong: string[] = [];
    for (const [f, targets] of graph) {
      for (const t of targets) {
        const from = top(f);
        const to = top(t);
        if (from !== to && !(LAYERS[to]! < LAYERS[from]!)) wrong.push(`${relative(SRC, f)} → ${relative(SRC, t)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no circles of imports', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        circles.push([...path.slice(path.indexOf(f)), f].map((x) => relative(SRC, x)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    expect(circles).toEqual([]);
  });

  it('keeps the pure layers free of Node, clocks and global randomness', () => {
    for (const f of all.filter((x) => PURE.includes(top(x)))) {
      const text = readFileSync(f, 'utf8');
      const bad = imports(text).filter((s) => s.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads', 'piscina', '@resvg/resvg-js'].includes(s));
      expect(bad, relative(SRC, f)).toEqual([]);
      expect(text, relative(SRC, f)).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now|process\./);
    }
  });

  it('sees the imports it checks (a file that imports upward is caught)', () => {
    const probe = imports("import { a } from '../cli/main.js';\nexport type { B } from './b.js';\nconst c = await import('../io/x.js');");
    expect(probe).toEqual(['../cli/main.js', './b.js', '../io/x.js']);
  });
});
