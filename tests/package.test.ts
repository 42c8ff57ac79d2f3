/**
 * The published package: `npm pack` ships what an installed regiosim needs (dist/, data,
 * scenarios, docs, the licence) and not the tests; the tarball installs into an empty folder,
 * where `npx regiosim` runs and the README's "Use from Node" example works as written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './setup/build.js';

const work = mkdtempSync(join(tmpdir(), 'regiosim-package-'));
const app = join(work, 'app');
let tarball = '';
let listing: string[] = [];

/** The code block of the README's "Use from Node" section. */
export function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- example: use-from-node -->\s*```js\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README.md has no "Use from Node" example (<!-- example: use-from-node --> before a ```js block)');
  return m[1]!;
}

beforeAll(() => {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
  const info = (JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>)[0]!;
  tarball = join(work, info.filename);
  listing = info.files.map((f) => f.path);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'uses-regiosim', private: true, type: 'module' }));
  const r = spawnSync('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm install of the tarball failed:\n${r.stderr}`);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds the compiled code, its type declarations, data, scenarios, docs and licence, and no tests', () => {
    for (const f of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'dist/src/batch/worker.js', 'bin/regiosim.js', 'data/regions.json', 'data/nl-gemeente-2019.topojson', 'scenarios/basiscoalitie.yaml', 'docs/ODD.md', 'LICENSE', 'CITATION.cff', 'README.md']) {
      expect(listing, f).toContain(f);
    }
    expect(listing.filter((f) => f.startsWith('tests/') || f.startsWith('src/') || f.endsWith('.php') || f.startsWith('dist/bench/'))).toEqual([]);
  });

  it('installs into an empty folder, where npx regiosim runs', () => {
    const version = spawnSync('npx', ['--no-install', 'regiosim', '--version'], { cwd: app, encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const run = spawnSync('npx', ['--no-install', 'regiosim', 'run', 'rivierenland-none', '--seed', '1', '--out', 'one-run'], { cwd: app, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(app, 'one-run', 'summary.json'), 'utf8')).toContain('"scenario": "rivierenland-none"');
  });

  it('writes the playground from the installed package (esbuild bundles the compiled code)', () => {
    const r = spawnSync('npx', ['--no-install', 'regiosim', 'playground', '--out', 'class.html'], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(app, 'class.html'), 'utf8');
    expect(html).toContain('<script type="text/plain" id="playground-worker">');
    expect(html.length).toBeGreaterThan(500_000);
  });

  it('runs the README\'s "Use from Node" example as written', () => {
    writeFileSync(join(app, 'example.mjs'), readmeExample());
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/cooperation stability 0\.\d{3}/);
    expect(r.stdout).toMatch(/rivierenland-basiscoalitie cooperation_stability -?\d/);
    expect(r.stdout).toContain('stability');
  });
});
