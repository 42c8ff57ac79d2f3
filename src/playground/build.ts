/**
 * playground.html: one self-contained page that runs regiosim's model in the browser. The page
 * script (src/playground/page.ts) and the worker (src/playground/worker-entry.ts) are bundled
 * with esbuild from this package's own code, the built-in scenarios, regions and the 2019 map
 * are inlined, and nothing is fetched: the file opens from a USB stick or a course site.
 *
 * The io modules the page reuses (the YAML loader and the scenario checks) import `node:` modules
 * for their file functions, which the page never calls; in the bundle those imports are empty.
 */
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { parse } from 'yaml';
import { t, type Lang } from '../i18n/index.js';
import { escapeHtml } from '../render/markdown.js';
import { CSP, htmlHead } from '../render/page.js';
import { inlineScript, scriptJson } from '../render/report.js';
import { builtinScenarioNames, scenariosDir } from '../io/scenario.js';
import { dataPath, listRegions, loadRegion, municipalityUniverse } from '../io/regions.js';
import { regiosimVersion } from '../io/run-output.js';
import type { Region } from '../core/entities/region.js';
import { DATA_ID, WORKER_ID, type PlaygroundData, type PlaygroundScenario } from './data.js';

const here = dirname(fileURLToPath(import.meta.url));
/** .ts under vitest, .js when compiled: the entries sit beside this module either way. */
const ext = extname(fileURLToPath(import.meta.url));

const emptyNode: Plugin = {
  name: 'empty-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (a) => ({ path: a.path, namespace: 'empty-node' }));
    b.onLoad({ filter: /.*/, namespace: 'empty-node' }, () => ({ contents: 'module.exports = {}', loader: 'js' }));
  },
};

/** Bundles one browser entry of src/playground into a single script. */
export async function bundle(entry: 'page' | 'worker-entry'): Promise<string> {
  const r = await build({
    entryPoints: [join(here, `${entry}${ext}`)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    plugins: [emptyNode],
    logLevel: 'silent',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  return r.outputFiles[0]!.text;
}

/** The built-in scenarios with their text and title in `lang`. */
export function playgroundScenarios(lang: Lang): PlaygroundScenario[] {
  return builtinScenarioNames().map((name) => {
    const yaml = readFileSync(join(scenariosDir(), `${name}.yaml`), 'utf8');
    const doc = parse(yaml) as { title?: string; nl?: { title?: string } };
    const title = (lang === 'nl' ? doc.nl?.title : undefined) ?? doc.title ?? name;
    return { name, title: title.trim().replace(/\s+/g, ' '), yaml };
  });
}

/** The page's inline data. */
export function playgroundData(lang: Lang): PlaygroundData {
  const regions: Record<string, Region> = {};
  for (const r of listRegions()) regions[r.id] = loadRegion(r.id);
  return {
    lang,
    version: regiosimVersion(),
    scenarios: playgroundScenarios(lang),
    regions,
    municipalities: municipalityUniverse(),
    topology: JSON.parse(readFileSync(dataPath('nl-gemeente-2019.topojson'), 'utf8')),
  };
}

const CSS = `
:root{--fg:#1a1a1a;--bg:#fff;--muted:#555;--accent:#08589e;--line:#ccc;font-size:16px}
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans",system-ui,sans-serif;color:var(--fg);background:var(--bg);line-height:1.4}
body.large{font-size:150%}
header,main,footer{max-width:1400px;margin:0 auto;padding:0 1rem}
h1{font-size:1.5rem;margin:.8rem 0 .2rem}h2{font-size:1.15rem;margin:.8rem 0 .4rem}
.bar{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;padding:.5rem 0;border-bottom:1px solid var(--line)}
button,select,input{font:inherit}
select,input[type=file]{max-width:100%}
fieldset{min-width:0}legend{max-width:100%;overflow-wrap:anywhere}
code{overflow-wrap:anywhere}
button{padding:.35rem .8rem;border:1px solid var(--accent);background:#fff;color:var(--accent);border-radius:4px;cursor:pointer}
button.primary{background:var(--accent);color:#fff}
button:focus-visible,select:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid #f90;outline-offset:2px}
#month{font-weight:bold;font-size:1.2rem;min-width:16rem}
.layout{display:grid;grid-template-columns:minmax(260px,340px) 1fr;gap:1rem}
.panel{min-width:0}
#charts,#map{contain:content}
#charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.5rem}
figure{margin:0}
svg.chart{width:100%;height:auto;background:#fafafa;border:1px solid #eee}
.chart-title{font-weight:bold;font-size:11px}.tick{font-size:10px;fill:var(--muted)}
body.large .chart-title{font-size:12px}body.large .tick{font-size:13px}
.axis{stroke:#999}.series{stroke:var(--accent);stroke-width:2}.now{fill:var(--accent)}
.zero{stroke:#c00;stroke-dasharray:3 2}.dot{fill:var(--accent);fill-opacity:.7}
.mapsvg{width:100%;max-height:420px;height:auto}
.muni{stroke:#fff;stroke-width:.8}.ties line{stroke:#222;stroke-width:1.5}
#ticker{max-height:16rem;overflow:auto;padding-left:1.2rem;margin:0}
#ticker li{margin:.15rem 0}
.param{margin:.4rem 0 .7rem}.param label{display:block}.param input{width:100%}.param small{display:block;color:var(--muted)}
details{border-bottom:1px solid #eee;padding:.2rem 0}summary{cursor:pointer;font-weight:bold}
fieldset{border:1px solid var(--line);margin:.4rem 0}fieldset label{display:block;margin-top:.3rem}
.domains label{display:inline-block;margin-right:.6rem}
#problems{border:2px solid #c00;padding:.5rem;margin:.5rem 0;background:#fff5f5}
#problems pre{white-space:pre-wrap;margin:0}
.dist figcaption{font-size:.9rem;margin:.2rem 0 .8rem}
.row{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}
footer{color:var(--muted);font-size:.85rem;padding:1rem}
@media (max-width:760px){.layout{grid-template-columns:1fr}#month{min-width:0}}
`;

/** The whole page. */
export async function playgroundHtml(lang: Lang): Promise<string> {
  const [page, worker] = await Promise.all([bundle('page'), bundle('worker-entry')]);
  const data = playgroundData(lang);
  const p = (key: Parameters<typeof t>[0], vars: Record<string, string | number> = {}): string => escapeHtml(t(key, lang, vars)).replace(/`([^`]+)`/g, '<code>$1</code>');
  return `${htmlHead(lang, t('playground.title', lang), CSP.worker, CSS)}
<header>
<h1>${p('playground.title')}</h1>
<p>${p('playground.intro')}</p>
<div class="bar" role="toolbar" aria-label="${p('playground.controls')}">
<label for="scenario">${p('playground.scenario')}</label> <select id="scenario"></select>
<label for="file">${p('playground.loadFile')}</label> <input type="file" id="file" accept=".yaml,.yml,text/yaml">
<label class="check"><input type="checkbox" id="large"> ${p('playground.largeType')}</label>
</div>
<div class="bar">
<button id="play" class="primary" aria-pressed="false">${p('playground.play')}</button>
<button id="step">${p('playground.step')}</button>
<button id="restart">${p('playground.restart')}</button>
<label for="speed">${p('playground.speed')}</label> <input type="range" id="speed" min="0" max="6" step="1"> <output id="speed-out" for="speed"></output>
<span id="month" aria-live="polite"></span>
<span id="status" role="status"></span>
</div>
<p><small>${p('playground.keys')}</small></p>
<div id="problems" role="alert" hidden></div>
</header>
<main class="layout">
<section class="panel" aria-labelledby="h-settings">
<h2 id="h-settings">${p('playground.controls')}</h2>
<div class="row"><label for="seed">${p('playground.seed')}</label> <input type="number" id="seed" min="0" max="4294967295" step="1" style="width:9rem"></div>
<p><button id="reset">${p('playground.reset')}</button></p>
<h2>${p('playground.structure')}</h2>
<div id="structure"></div>
<h2>${p('playground.parameters')}</h2>
<div id="params"></div>
</section>
<section class="panel">
<h2>${p('playground.charts')}</h2>
<div id="charts"></div>
<div class="layout" style="grid-template-columns:repeat(auto-fit,minmax(280px,1fr))">
<section><h2>${p('playground.map')}</h2>
<div class="row"><label for="map-measure">${p('playground.mapMeasure')}</label> <select id="map-measure"></select></div>
<div id="map"></div><p><small id="map-legend"></small><br><small>${p('playground.mapLines')}</small></p></section>
<section><h2>${p('playground.ticker')}</h2><ul id="ticker" aria-live="off"></ul></section>
</div>
<h2>${p('playground.compare')}</h2>
<p>${p('playground.compareIntro', { n: 'N' })}</p>
<div class="row">
<label for="compare-a">${p('playground.compareFirst')}</label> <select id="compare-a"></select>
<label for="compare-b">${p('playground.compareSecond')}</label> <select id="compare-b"></select>
<label for="compare-n">${p('playground.compareRuns')}</label> <input type="number" id="compare-n" min="2" max="500" value="50" style="width:6rem">
<button id="compare-run">${p('playground.compareRun')}</button> <span id="compare-status" role="status"></span>
</div>
<div id="compare-result" style="display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.5rem"></div>
<h2>${p('playground.export')}</h2>
<div class="row">
<button id="export-svg">${p('playground.exportSvg')}</button>
<button id="export-png">${p('playground.exportPng')}</button>
<button id="export-yaml">${p('playground.exportYaml')}</button>
<button id="export-link">${p('playground.copyLink')}</button>
</div>
<p id="export-status" role="status"></p>
</section>
</main>
<footer>${p('playground.footer', { version: data.version })}</footer>
<script type="application/json" id="${DATA_ID}">${scriptJson(data)}</script>
<script type="text/plain" id="${WORKER_ID}">${inlineScript(worker)}</script>
<script>${inlineScript(page)}</script>
</body>
</html>
`;
}
