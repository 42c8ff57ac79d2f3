/**
 * One self-contained report.html for a batch directory: every chart interactive (vega-embed,
 * tooltips), the plain-language summary (summary.md), the tables (summary.csv, comparison.csv),
 * the method (runs, seeds, how intervals are computed) and the provenance (manifest.json).
 *
 * The page carries vega, vega-lite and vega-embed inline (their browser bundles, read from
 * node_modules) and every chart's data inline, so it opens offline and makes no request; both are
 * packed (gzip in base64, see packText) and unpacked by the browser. Every
 * string that came from a file is HTML-escaped; JSON inside <script> has `<`, `>` and `&`
 * escaped, so no value can close the script element.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { NoDataError, type VlSpec } from '../charts/index.js';
import { decimalsForInterval, formatter, measureName, measureUnit, MESSAGES, t, type Lang, type MessageKey } from '../i18n/index.js';
import { FONT_FAMILY } from '../charts/theme.js';
import { UserError } from '../io/errors.js';
import { outputProblem, writeFileAtomically } from '../io/write.js';
import { FOREST_OUTCOMES } from '../charts/registry.js';
import { catalog, horizon, scenarioList, type MissingChart } from './catalog.js';
import { assertDirectory, loadDir, type DirData } from './load.js';
import { escapeHtml, markdownToHtml } from './markdown.js';
import { CSP, htmlHead } from './page.js';

const require = createRequire(import.meta.url);

/** The browser bundles inlined into the report, in load order. */
export const BUNDLES = [
  { pkg: 'vega', file: 'build/vega.min.js' },
  { pkg: 'vega-lite', file: 'build/vega-lite.min.js' },
  { pkg: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

/** The directory of an installed package (its package.json need not be exported). */
export function packageDir(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the directory of the ${pkg} package`);
    dir = parent;
  }
}

export function bundlePath(pkg: string, file: string): string {
  return join(packageDir(pkg), file);
}

/** JSON that is safe inside a <script> element: no `<`, `>` or `&` (nor line separators) survive literally. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** JavaScript source made safe to inline: a `</script` or `<!--` inside it cannot end the element. */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * Text packed for a report: gzip (level 9, no file name or time, so the same text always gives the
 * same bytes) in base64. The page unpacks it with the browser's own DecompressionStream. Chart data
 * are long lists of records with the same keys, which gzip shrinks about tenfold; base64 has no
 * `<`, `>` or `&`, so a packed text is safe inside a <script> element.
 */
export function packText(text: string): string {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64');
}

/** Escaped text with `code` spans (for the fixed phrases, which use backticks). */
function phrase(key: MessageKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return escapeHtml(t(key, lang, vars)).replace(/`([^`]+)`/g, '<code>$1</code>');
}


function testName(test: string, lang: Lang): string {
  const key = `test.${test}`;
  return key in MESSAGES ? t(key as MessageKey, lang) : test;
}

function num(x: unknown): number | null {
  return typeof x === 'number' ? x : null;
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : undefined;
}

/** A number with fixed decimals, or to 3 significant digits when the interval gives no precision. */
function fixedOrSignificant(x: number | null | undefined, lang: Lang, decimals: number | undefined): string {
  return decimals === undefined ? formatter(lang).significant(x) : formatter(lang).decimal(x, decimals);
}

export interface ReportChart {
  name: string;
  heading: string;
  caption?: string;
  spec: VlSpec;
}

export interface ReportResult {
  html: string;
  charts: ReportChart[];
  missing: MissingChart[];
}

function summaryTable(data: DirData, lang: Lang, scenarios: string[]): string {
  const rows = data.summary ?? [];
  const first = new Map<string, number>();
  for (const row of rows) first.set(row.scenario, Math.min(first.get(row.scenario) ?? Infinity, row.point));
  const present = scenarios.filter((s) => first.has(s));
  const outcomes = FOREST_OUTCOMES.filter((o) => rows.some((row) => row.outcome === o));
  const head = `<tr><th>${phrase('report.outcome', lang)}</th><th>${phrase('report.unit', lang)}</th>${present.map((s) => `<th>${escapeHtml(s)}</th>`).join('')}</tr>`;
  const body = outcomes.map((o) => {
    const found = present.map((s) => rows.find((r) => r.scenario === s && r.point === first.get(s) && r.outcome === o));
    // One precision per row (that of the widest interval), so the scenarios read side by side.
    const perRow = found.map((row) => (row === undefined ? undefined : decimalsForInterval(num(row['ci_lo']), num(row['ci_hi'])))).filter((d): d is number => d !== undefined);
    const decimals = perRow.length > 0 ? Math.min(...perRow) : undefined;
    const cells = found.map((row) => {
      if (row === undefined) return '<td>–</td>';
      return `<td class="num">${fixedOrSignificant(num(row['mean']), lang, decimals)}<br><span class="ci">${fixedOrSignificant(num(row['ci_lo']), lang, decimals)} … ${fixedOrSignificant(num(row['ci_hi']), lang, decimals)}</span></td>`;
    });
    return `<tr><th scope="row">${escapeHtml(measureName('run', o, lang))}</th><td>${escapeHtml(measureUnit('run', o, lang))}</td>${cells.join('')}</tr>`;
  });
  return `<table class="data"><caption>${phrase('report.summaryTable', lang)}</caption><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

function comparisonTable(data: DirData, lang: Lang, scenarios: string[]): string {
  const rows = data.comparison ?? [];
  if (rows.length === 0) return '';
  const reference = rows[0]!.reference;
  const first = new Map<string, number>();
  for (const row of rows) first.set(row.scenario, Math.min(first.get(row.scenario) ?? Infinity, row.point));
  const present = scenarios.filter((s) => first.has(s) && s !== reference);
  const outcomes = FOREST_OUTCOMES.filter((o) => rows.some((row) => row.outcome === o));
  const head = `<tr><th>${phrase('report.outcome', lang)}</th><th>${phrase('report.scenario', lang)}</th><th>${phrase('report.difference', lang)}</th><th>${phrase('report.pHolm', lang)}</th><th>${phrase('report.significant', lang)}</th><th>${phrase('report.shareBetter', lang)}</th></tr>`;
  const body: string[] = [];
  for (const o of outcomes) {
    present.forEach((s, i) => {
      const row = rows.find((r) => r.scenario === s && r.point === first.get(s) && r.outcome === o);
      if (row === undefined) return;
      const unit = measureUnit('run', o, lang);
      const decimals = decimalsForInterval(row.ci_lo, row.ci_hi);
      const share = num(row.share_better ?? null);
      body.push(
        `<tr${i === 0 ? ' class="group"' : ''}>${i === 0 ? `<th scope="rowgroup" rowspan="${present.length}">${escapeHtml(measureName('run', o, lang))}<br><span class="ci">${escapeHtml(unit)}</span></th>` : ''}` +
          `<td>${escapeHtml(s)}</td><td class="num">${fixedOrSignificant(row.difference, lang, decimals)} <span class="ci">(${fixedOrSignificant(row.ci_lo, lang, decimals)} … ${fixedOrSignificant(row.ci_hi, lang, decimals)})</span></td>` +
          `<td class="num">${formatter(lang).p(row.p_holm)}</td><td>${phrase(row.significant ? 'report.yes' : 'report.no', lang)}</td>` +
          `<td class="num">${share === null || !Number.isFinite(share) ? '–' : formatter(lang).percent(share)}</td></tr>`,
      );
    });
  }
  return `<table class="data"><caption>${phrase('report.comparisonTable', lang, { reference })}</caption><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

function methodSection(data: DirData, lang: Lang, scenarios: string[]): string {
  const parts: string[] = [];
  const runs = data.runs ?? [];
  const counts = new Map<string, number>();
  for (const row of runs) counts.set(row.scenario, (counts.get(row.scenario) ?? 0) + 1);
  const present = scenarios.filter((s) => counts.has(s));
  const ns = [...new Set(present.map((s) => counts.get(s)!))];
  if (ns.length === 1) parts.push(`<p>${phrase('report.runsEach', lang, { n: ns[0]!, total: runs.length })}</p>`);
  else if (ns.length > 1) parts.push(`<p>${phrase('report.runsVarying', lang, { list: present.map((s) => `${s}: ${counts.get(s)}`).join(', ') })}</p>`);
  const win = horizon(data);
  if (win.start && win.end) parts.push(`<p>${phrase('report.window', lang, { start: formatter(lang).month(win.start), end: formatter(lang).month(win.end), from: formatter(lang).month(win.from ?? win.start), to: formatter(lang).month(win.to ?? win.end) })}</p>`);
  const masterSeed = str(data.batchManifest?.experiment.master_seed) ?? '?';
  const firstScenario = present[0];
  const seeds = runs.filter((r) => r.scenario === firstScenario).sort((a, b) => a.replication - b.replication).slice(0, 5).map((r) => String(r.seed));
  parts.push(`<p>${phrase('report.seeds', lang, { seed: masterSeed, list: seeds.length > 0 ? seeds.join(', ') : '–' })}</p>`);
  const items = [`<li><strong>${phrase('report.intervalsKind', lang)}</strong></li>`, `<li>${phrase('report.intervalsMean', lang)}</li>`];
  if (data.comparison !== undefined && data.comparison.length > 0) {
    const tests = [...new Set(data.comparison.map((r) => r.test))]
      .filter((x) => x !== 'none')
      .map((x) => testName(x, lang))
      .join(', ');
    const paired = data.comparison.every((r) => r.paired);
    items.push(`<li>${phrase(paired ? 'report.intervalsPaired' : 'report.intervalsUnpaired', lang, { tests: tests || '–' })}</li>`);
  }
  if (data.survival !== undefined) items.push(`<li>${phrase('report.intervalsSurvival', lang)}</li>`);
  items.push(`<li>${phrase('report.intervalsSeries', lang)}</li>`);
  parts.push(`<ul>${items.join('')}</ul>`);
  parts.push(`<p>${phrase('report.honesty', lang)}</p>`);
  return parts.join('\n');
}

function provenanceSection(data: DirData, lang: Lang): string {
  const m = data.batchManifest as Record<string, unknown> | undefined;
  if (m === undefined) return `<p>${phrase('report.noManifest', lang)}</p>`;
  const rows: Array<[string, string]> = [];
  const times = new Set(['started', 'finished', 'created']);
  for (const [key, value] of Object.entries(m)) {
    if (value === null || typeof value !== 'object') rows.push([key, value === null ? '–' : times.has(key) ? formatter(lang).timestamp(String(value)) : String(value)]);
  }
  if (Array.isArray(m['resumed']) && m['resumed'].length > 0) rows.push(['resumed', (m['resumed'] as string[]).map((x) => formatter(lang).timestamp(x)).join('; ')]);
  const counts = m['counts'];
  if (typeof counts === 'object' && counts !== null) for (const [k, v] of Object.entries(counts)) rows.push([`counts.${k}`, String(v)]);
  const experiment = m['experiment'];
  if (typeof experiment === 'object' && experiment !== null) {
    for (const [k, v] of Object.entries(experiment)) if (v === null || typeof v !== 'object') rows.push([`experiment.${k}`, v === null ? '–' : String(v)]);
    const set = (experiment as Record<string, unknown>)['set'];
    if (typeof set === 'object' && set !== null && Object.keys(set).length > 0) rows.push(['experiment.set', JSON.stringify(set)]);
  }
  const table = `<table class="kv"><thead><tr><th>${phrase('report.field', lang)}</th><th>${phrase('report.value', lang)}</th></tr></thead><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td><code>${escapeHtml(v)}</code></td></tr>`).join('')}</tbody></table>`;
  const scenarios = Array.isArray(m['scenarios']) ? (m['scenarios'] as unknown[]).filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null) : [];
  const scenarioTable = scenarios.length === 0 ? '' : `<table class="data"><caption>${phrase('report.scenarioFiles', lang)}</caption><thead><tr><th>${phrase('report.scenario', lang)}</th><th>${phrase('report.title_', lang)}</th><th>${phrase('report.file', lang)}</th><th>SHA-256</th></tr></thead><tbody>${scenarios
    .map((s) => `<tr><td>${escapeHtml(str(s['name']) ?? '')}</td><td>${escapeHtml(str(s['title']) ?? '')}</td><td><code>${escapeHtml(str(s['file']) ?? str(s['load']) ?? '')}</code></td><td><code class="hash">${escapeHtml(str(s['sha256']) ?? '')}</code></td></tr>`)
    .join('')}</tbody></table>`;
  return `${table}\n${scenarioTable}`;
}

/** The report's style, shared by the batch report, the run report and the text reports. */
export const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: '${FONT_FAMILY}', 'DejaVu Sans', Verdana, sans-serif; color: #1a1a1a; margin: 0; background: #f6f6f4; line-height: 1.5; overflow-wrap: break-word; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 64px; background: #ffffff; }
header h1 { font-size: 1.8em; margin: 0.2em 0; line-height: 1.2; }
header p { color: #4d4d4d; margin: 0; }
nav ol { columns: 2; }
h2 { border-bottom: 2px solid #e5e5e5; padding-bottom: 4px; margin-top: 2em; }
h3 { margin-top: 1.6em; }
figure { margin: 24px 0 32px; }
figcaption { color: #4d4d4d; max-width: 900px; margin-top: 6px; }
.chart { min-height: 120px; max-width: 100%; }
.chart.vega-embed { display: block; width: 100%; }
.chart.vega-embed.has-actions { padding-right: 0; }
.chart .chart-wrapper { width: 100% !important; max-width: 1000px; height: auto !important; }
.chart svg.marks { width: 100%; max-width: 1000px; height: auto; display: block; }
.chart details, .chart .vega-actions { max-width: 100%; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 16px 0; font-size: 0.92em; }
caption { text-align: left; font-weight: bold; padding-bottom: 6px; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 4px 10px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #bbbbbb; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ci { color: #666666; font-size: 0.9em; }
tr.group td, tr.group th { border-top: 2px solid #d0d0d0; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; background: #f2f2f2; padding: 0 3px; overflow-wrap: anywhere; }
pre { overflow-x: auto; max-width: 100%; }
code.hash { font-size: 0.75em; word-break: break-all; }
.note { color: #8a4b00; }
.summary table { font-size: 0.88em; }
.key { background: #f2f6fa; border-left: 4px solid #0072B2; padding: 8px 12px 8px 30px; }
.caveat { border: 1px solid #c9a400; background: #fffbe6; padding: 4px 14px; }
@media (max-width: 700px) {
  main { padding: 12px 12px 40px; }
  nav ol { columns: 1; }
  th, td { padding: 3px 5px; }
  header h1 { font-size: 1.4em; }
}
@media print {
  body { background: #ffffff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav, .vega-embed details, .vega-actions { display: none !important; }
  figure, table, tr, .key, .caveat { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .table-wrap { overflow: visible; }
  .chart svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 15mm; }
`;

/** Every table in its own horizontally scrollable box, so a wide table never widens the page (a phone shows 390 px). */
export function scrollableTables(html: string): string {
  return html.replace(/<table\b/g, '<div class="table-wrap"><table').replace(/<\/table>/g, '</table></div>');
}

/** A chart's place in a report: drawn there by {@link chartScripts} from spec number `i`. */
export function figureHtml(c: ReportChart, i: number): string {
  const caption = c.caption;
  return `<figure id="figure-${escapeHtml(c.name)}" aria-label="${escapeHtml(c.heading)}"><div class="chart" id="chart-${i}" data-chart="${escapeHtml(c.name)}" data-spec="spec-${i}"></div>${caption !== undefined ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

/**
 * The scripts that draw a report's charts: each chart's spec and the vega bundles, packed (see
 * packText), and the script that unpacks them and calls vega-embed on every `[data-chart]`
 * element (`data-spec` names its spec).
 */
export function chartScripts(charts: readonly ReportChart[], lang: Lang): string {
  // The libraries and the chart specifications (with their data) travel packed: 5 MB of text for
  // a 1,000-run batch becomes about 1 MB, which mail systems let through.
  const bundles = BUNDLES.map((b, i) => `<script type="application/gzip" id="lib-${i}">${packText(readFileSync(bundlePath(b.pkg, b.file), 'utf8'))}</script>`).join('\n');
  const specs = charts.map((c, i) => `<script type="application/gzip" id="spec-${i}">${packText(JSON.stringify(c.spec))}</script>`).join('\n');
  const i18n = lang === 'nl'
    ? { SVG_ACTION: 'Opslaan als SVG', PNG_ACTION: 'Opslaan als PNG', SOURCE_ACTION: 'Vega-Lite-bron bekijken', CLICK_TO_VIEW_ACTIONS: 'Klik voor acties' }
    : {};
  const embed = `(function () {
  var options = { renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false }, i18n: ${scriptJson(i18n)} };
  function unpack(id) {
    var bytes = Uint8Array.from(atob(document.getElementById(id).textContent), function (c) { return c.charCodeAt(0); });
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  }
  var libraries = ${BUNDLES.length};
  var loaded = Promise.resolve();
  for (var i = 0; i < libraries; i++) {
    (function (id) {
      var text = unpack(id);
      loaded = loaded.then(function () { return text; }).then(function (source) { (0, eval)(source); });
    })('lib-' + i);
  }
  var charts = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  loaded.then(function () {
    return Promise.all(charts.map(function (el) {
      return unpack(el.getAttribute('data-spec')).then(function (text) {
        return vegaEmbed(el, JSON.parse(text), options);
      }).then(function () {
        el.setAttribute('data-rendered', 'true');
      }).catch(function (error) {
        el.setAttribute('data-rendered', 'error');
        console.error('chart ' + el.getAttribute('data-chart') + ': ' + error);
      });
    }));
  }).then(function () { document.body.setAttribute('data-charts-done', String(charts.length)); });
})();`;
  return `${specs}\n${bundles}\n<script>${inlineScript(embed)}</script>`;
}

/** Builds the report for a batch directory's data. */
export function buildReport(data: DirData, lang: Lang): ReportResult {
  const scenarios = scenarioList(data);
  const cat = catalog({ ...data, present: new Set([...data.present].filter((f) => f !== 'sensitivity.csv')) }, { lang, theme: 'default', scenarios });
  const charts: ReportChart[] = [];
  const missing = [...cat.missing];
  for (const job of cat.jobs) {
    try {
      charts.push({ name: job.name, heading: job.heading, ...(job.caption !== undefined ? { caption: job.caption } : {}), spec: job.build() });
    } catch (err) {
      if (err instanceof NoDataError) missing.push({ chart: job.name, files: [], hint: err.message });
      else throw err;
    }
  }
  const m = data.batchManifest;
  const batchName = m?.experiment.name ?? data.dir.split(/[\\/]/).filter(Boolean).pop() ?? '';
  const sections: Array<{ id: string; title: string; html: string }> = [];
  sections.push({
    id: 'summary', title: t('report.summary', lang),
    html: data.summaryMd !== undefined ? `<div class="summary">${markdownToHtml(data.summaryMd, 2)}</div>` : `<p class="note">${phrase('report.noSummary', lang)}</p>`,
  });
  const figures = charts.map(figureHtml);
  const missingNotes = missing.map((mc) => `<p class="note">${phrase('report.missingChart', lang, { what: `${mc.chart}${mc.files.length > 0 ? ` (${mc.files.join(', ')})` : ''}${mc.hint !== undefined ? `: ${mc.hint}` : ''}` })}</p>`);
  sections.push({ id: 'charts', title: t('report.charts', lang), html: `<p>${phrase('report.chartHint', lang)}</p>\n${figures.join('\n')}\n${missingNotes.join('\n')}` });
  const tables = data.summary !== undefined || data.comparison !== undefined
    ? `${data.summary !== undefined ? summaryTable(data, lang, scenarios) : ''}\n${comparisonTable(data, lang, scenarios)}\n<p>${phrase('report.fullTables', lang)}</p>`
    : `<p class="note">${phrase('report.noTables', lang)}</p>`;
  sections.push({ id: 'tables', title: t('report.tables', lang), html: tables });
  sections.push({ id: 'method', title: t('report.method', lang), html: methodSection(data, lang, scenarios) });
  sections.push({ id: 'provenance', title: t('report.provenance', lang), html: provenanceSection(data, lang) });

  const finished = formatter(lang).timestamp(m?.finished);
  const version = m?.regiosim_version ?? '–';
  const html = `${htmlHead(lang, `${t('report.title', lang)}: ${batchName}`, CSP.charts, CSS)}
<main>
<header>
<h1>${escapeHtml(t('report.title', lang))}</h1>
<p>${escapeHtml(t('report.generated', lang, { name: batchName, finished, version }))}</p>
</header>
<nav><h2>${escapeHtml(t('report.contents', lang))}</h2><ol>${sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>
${sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${scrollableTables(s.html)}\n</section>`).join('\n')}
</main>
${chartScripts(charts, lang)}
</body>
</html>
`;
  return { html, charts, missing };
}

/** Files a directory must hold to be reported on. */
export const REPORT_REQUIRED = ['manifest.json', 'runs.csv'] as const;

/**
 * Reads a batch directory and writes its report.html (atomically). For `regiosim report` and for
 * commands that end with a report (`npm start`). Throws a UserError when the directory is not a
 * batch; `shown` is how the directory is named in messages.
 */
export function writeReport(dir: string, lang: Lang, shown = dir): { path: string; charts: number; missing: MissingChart[] } {
  assertDirectory(dir, shown);
  const where = outputProblem(join(dir, 'report.html'), '<dir>', { kind: 'file' }, join(shown, 'report.html'));
  if (where) throw new UserError('the command line', [where]);
  const data = loadDir(dir, shown);
  const absent = REPORT_REQUIRED.filter((f) => !data.present.has(f));
  if (absent.length > 0) {
    throw new UserError(shown, [{
      path: '(directory)',
      expected: `a batch output directory (from \`regiosim batch\`) with ${REPORT_REQUIRED.join(', ')}`,
      found: `a directory without ${absent.join(', ')}`,
    }]);
  }
  const report = buildReport(data, lang);
  const path = join(dir, 'report.html');
  writeFileAtomically(path, report.html);
  return { path, charts: report.charts.length, missing: report.missing };
}

/**
 * A report without charts, for directories whose content is a text and its tables (calibration,
 * robustness): the Markdown as a page in the report's style, no scripts. Written atomically to
 * `<dir>/report.html`.
 */
export function buildTextReport(title: string, markdown: string, lang: Lang): string {
  return `${htmlHead(lang, title, CSP.text, CSS)}
<main>
<div class="summary">${markdownToHtml(markdown, 0)}</div>
</main>
</body>
</html>
`;
}

export function writeTextReport(dir: string, title: string, markdown: string, lang: Lang): string {
  const path = join(dir, 'report.html');
  writeFileAtomically(path, buildTextReport(title, markdown, lang));
  return path;
}
