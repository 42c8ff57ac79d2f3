/**
 * One self-contained report.html for a batch directory: every chart interactive (vega-embed,
 * tooltips), the plain-language summary (summary.md), the tables (summary.csv, comparison.csv),
 * the method (runs, seeds, how intervals are computed) and the provenance (manifest.json).
 *
 * The page carries vega, vega-lite and vega-embed inline (their browser bundles, read from
 * node_modules) and every chart's data inline, so it opens offline and makes no request. Every
 * string that came from a file is HTML-escaped; JSON inside <script> has `<`, `>` and `&`
 * escaped, so no value can close the script element.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { measureName, measureUnit, NoDataError, type Lang, type VlSpec } from '../charts/index.js';
import { FONT_FAMILY } from '../charts/theme.js';
import { UserError } from '../io/errors.js';
import { writeFileAtomically } from '../io/write.js';
import { catalog, FOREST_OUTCOMES, horizon, scenarioList, type MissingChart } from './catalog.js';
import { loadDir, type DirData } from './load.js';
import { escapeHtml, markdownToHtml } from './markdown.js';

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

type Bi = { en: string; nl: string };
const TEXT = {
  title: { en: 'Regional cooperation: comparison of scenarios', nl: 'Regionale samenwerking: vergelijking van scenario\'s' },
  generated: { en: 'Batch {name}, finished {finished}. Made with regiosim {version}.', nl: 'Batch {name}, klaar op {finished}. Gemaakt met regiosim {version}.' },
  contents: { en: 'Contents', nl: 'Inhoud' },
  summary: { en: 'Summary', nl: 'Samenvatting' },
  charts: { en: 'Charts', nl: 'Grafieken' },
  tables: { en: 'Tables', nl: 'Tabellen' },
  method: { en: 'Method', nl: 'Methode' },
  provenance: { en: 'Provenance', nl: 'Herkomst' },
  chartHint: {
    en: 'Every chart is interactive: hover over a line, dot or area for its values. The menu (…) at the top right of a chart saves it as SVG or PNG or shows its Vega-Lite source.',
    nl: 'Elke grafiek is interactief: ga met de muis over een lijn, stip of vlak voor de waarden. Het menu (…) rechtsboven bij een grafiek slaat hem op als SVG of PNG of toont de Vega-Lite-bron.',
  },
  noSummary: { en: 'summary.md is missing: run `regiosim analyze` on the batch for the plain-language summary.', nl: 'summary.md ontbreekt: draai `regiosim analyze` op de batch voor de samenvatting in gewone taal.' },
  missingChart: { en: 'Not drawn: {what}.', nl: 'Niet getekend: {what}.' },
  summaryTable: { en: 'Outcomes per scenario: mean with 95% confidence interval', nl: 'Uitkomsten per scenario: gemiddelde met 95%-betrouwbaarheidsinterval' },
  comparisonTable: { en: 'Differences from the reference scenario {reference}', nl: 'Verschillen met het referentiescenario {reference}' },
  outcome: { en: 'Outcome', nl: 'Uitkomst' },
  unit: { en: 'Unit', nl: 'Eenheid' },
  scenario: { en: 'Scenario', nl: 'Scenario' },
  difference: { en: 'Difference (95% interval)', nl: 'Verschil (95%-interval)' },
  pHolm: { en: 'p (Holm)', nl: 'p (Holm)' },
  significant: { en: 'Significant', nl: 'Significant' },
  shareBetter: { en: 'Does better in', nl: 'Doet het beter in' },
  yes: { en: 'yes', nl: 'ja' },
  no: { en: 'no', nl: 'nee' },
  fullTables: { en: 'All outcomes and statistics are in summary.csv and comparison.csv in the batch directory.', nl: 'Alle uitkomsten en statistieken staan in summary.csv en comparison.csv in de batchmap.' },
  noTables: { en: 'summary.csv and comparison.csv are missing: run `regiosim analyze` on the batch.', nl: 'summary.csv en comparison.csv ontbreken: draai `regiosim analyze` op de batch.' },
  runs: { en: 'Runs', nl: 'Runs' },
  runsEach: { en: '{n} runs per scenario ({total} in all).', nl: '{n} runs per scenario ({total} in totaal).' },
  runsVarying: { en: 'Runs per scenario: {list}.', nl: 'Runs per scenario: {list}.' },
  window: { en: 'Each run simulates {start} to {end} month by month; outcomes are measured over {from} to {to}.', nl: 'Elke run simuleert {start} tot en met {end} per maand; de uitkomsten gelden voor {from} tot en met {to}.' },
  seeds: {
    en: 'Seeds: master seed {seed}. Replication k of every scenario uses the seed derived from the master seed and k, the same in every scenario (common random numbers): the runs with the same replication number meet the same random events, so scenarios are compared run by run. The first seeds: {list} (all of them are in runs.csv). `regiosim run <scenario> --seed <seed>` repeats any run.',
    nl: 'Seeds: hoofdseed {seed}. Replicatie k van elk scenario gebruikt de seed die is afgeleid van de hoofdseed en k, in elk scenario dezelfde (gemeenschappelijke toevalsgetallen): runs met hetzelfde replicatienummer krijgen dezelfde toevallige gebeurtenissen, zodat scenario\'s run voor run vergeleken worden. De eerste seeds: {list} (alle staan in runs.csv). `regiosim run <scenario> --seed <seed>` herhaalt elke run.',
  },
  intervalsMean: {
    en: 'Means: 95% confidence interval from the t distribution (summary.csv ci_lo, ci_hi), with a bootstrap percentile interval beside it (boot_lo, boot_hi).',
    nl: 'Gemiddelden: 95%-betrouwbaarheidsinterval uit de t-verdeling (summary.csv ci_lo, ci_hi), met daarnaast een bootstrap-percentielinterval (boot_lo, boot_hi).',
  },
  intervalsPaired: {
    en: 'Differences: paired by replication; the 95% interval is the t interval of the mean of the run-by-run differences. Tests: {tests}, with Holm\'s correction over the outcomes of each comparison; "significant" means p (Holm) < 0.05.',
    nl: 'Verschillen: gepaard per replicatie; het 95%-interval is het t-interval van het gemiddelde van de verschillen per run. Toetsen: {tests}, met de Holm-correctie over de uitkomsten van elke vergelijking; "significant" betekent p (Holm) < 0,05.',
  },
  intervalsUnpaired: {
    en: 'Differences: independent runs; the 95% interval is Welch\'s t interval. Tests: {tests}, with Holm\'s correction over the outcomes of each comparison; "significant" means p (Holm) < 0.05.',
    nl: 'Verschillen: onafhankelijke runs; het 95%-interval is het t-interval van Welch. Toetsen: {tests}, met de Holm-correctie over de uitkomsten van elke vergelijking; "significant" betekent p (Holm) < 0,05.',
  },
  intervalsSurvival: {
    en: 'Survival: Kaplan-Meier estimates pooled over the runs, censored at the end of the run, with 95% pointwise log-log bands; scenarios are compared with the log-rank test.',
    nl: 'Overleving: Kaplan-Meier-schattingen over alle runs samen, gecensureerd aan het eind van de run, met 95%-puntsgewijze log-log-banden; scenario\'s worden vergeleken met de log-ranktoets.',
  },
  intervalsSeries: {
    en: 'Charts over time: the band is the 95% t interval of the monthly mean over the runs.',
    nl: 'Grafieken in de tijd: de band is het 95%-t-interval van het maandgemiddelde over de runs.',
  },
  honesty: {
    en: 'The intervals show the uncertainty from the random events in the model, not the uncertainty in its assumptions; `regiosim sensitivity` shows which assumptions matter.',
    nl: 'De intervallen tonen de onzekerheid door de toevallige gebeurtenissen in het model, niet de onzekerheid in de aannames; `regiosim sensitivity` laat zien welke aannames ertoe doen.',
  },
  scenarioFiles: { en: 'Scenario files', nl: 'Scenariobestanden' },
  field: { en: 'Field', nl: 'Veld' },
  value: { en: 'Value', nl: 'Waarde' },
  file: { en: 'File', nl: 'Bestand' },
  title_: { en: 'Title', nl: 'Titel' },
  noManifest: { en: 'manifest.json is missing.', nl: 'manifest.json ontbreekt.' },
} as const satisfies Record<string, Bi>;
type Key = keyof typeof TEXT;

function tr(key: Key, lang: Lang, vars: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Escaped text with `code` spans (for the fixed phrases above, which use backticks). */
function phrase(key: Key, lang: Lang, vars: Record<string, string | number> = {}): string {
  return escapeHtml(tr(key, lang, vars)).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** The tests of comparison.csv's `test` column, by name. */
const TEST_NAMES: Readonly<Record<string, Bi>> = {
  'wilcoxon-signed-rank': { en: 'Wilcoxon signed-rank test', nl: 'Wilcoxon-rangtekentoets' },
  'mann-whitney': { en: 'Mann-Whitney test', nl: 'Mann-Whitney-toets' },
};

/** What each chart shows, in one sentence (the figure caption). */
const CAPTIONS: Readonly<Record<string, Bi>> = {
  stability: {
    en: 'The share of municipality pairs whose cooperation tie has lasted at least a year, month by month. Before 2015 the scenarios share their random events, so their lines coincide.',
    nl: 'Het aandeel gemeenteparen met een samenwerkingsband van minstens een jaar, per maand. Voor 2015 delen de scenario\'s hun toevallige gebeurtenissen, dus vallen de lijnen samen.',
  },
  'trust-over-time': { en: 'Mean trust between the municipalities, month by month.', nl: 'Het gemiddelde vertrouwen tussen de gemeenten, per maand.' },
  outcome: { en: 'One dot per run: the spread shows how much chance matters for this outcome.', nl: 'Eén stip per run: de spreiding laat zien hoeveel toeval uitmaakt voor deze uitkomst.' },
  differences: {
    en: 'Each scenario against the reference. An interval that stays clear of the dashed line is a difference that chance is unlikely to explain.',
    nl: 'Elk scenario tegen de referentie. Een interval dat de stippellijn niet raakt, is een verschil dat toeval waarschijnlijk niet verklaart.',
  },
  survival: {
    en: 'The share of arrangements (left) and memberships (right) still active so many months after they began.',
    nl: 'Het aandeel samenwerkingsverbanden (links) en lidmaatschappen (rechts) dat zoveel maanden na het begin nog bestaat.',
  },
  map: { en: 'Where the value lands: value realised per inhabitant per year, per municipality.', nl: 'Waar de waarde terechtkomt: gerealiseerde waarde per inwoner per jaar, per gemeente.' },
  'exits-over-time': {
    en: 'Memberships ended by a member leaving, per quarter. Bars at the dashed lines are exits around council elections.',
    nl: 'Lidmaatschappen die eindigen doordat een lid vertrekt, per kwartaal. Staven bij de stippellijnen zijn uittredingen rond raadsverkiezingen.',
  },
};

function captionFor(name: string, lang: Lang): string | undefined {
  if (name.startsWith('outcome-')) return CAPTIONS['outcome']![lang];
  if (name.startsWith('map-')) return CAPTIONS['map']![lang];
  return CAPTIONS[name]?.[lang];
}

function formatNumber(x: number | null | undefined, lang: Lang, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  const fmt = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', abs >= 1000 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: digits });
  return fmt.format(x).replace('-', '\u2212');
}

/**
 * Decimals that show an estimate as precisely as its interval allows: one more than the first
 * significant decimal of the half width (an interval of ±0.012 gives 3 decimals), 0 to 4.
 */
export function decimalsForInterval(lo: number | null | undefined, hi: number | null | undefined): number | undefined {
  if (lo === null || lo === undefined || hi === null || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  const half = Math.abs(hi - lo) / 2;
  if (half === 0) return undefined;
  return Math.max(0, Math.min(4, Math.ceil(-Math.log10(half)) + 1));
}

/** A number with a fixed number of decimals (or 3 significant digits when `decimals` is undefined). */
export function formatFixed(x: number | null | undefined, lang: Lang, decimals: number | undefined): string {
  if (decimals === undefined) return formatNumber(x, lang);
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const fmt = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return fmt.format(x).replace('-', '\u2212');
}

function formatP(p: number | null | undefined, lang: Lang): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  if (p < 0.001) return lang === 'nl' ? '< 0,001' : '< 0.001';
  return formatNumber(p, lang, 2);
}

function num(x: unknown): number | null {
  return typeof x === 'number' ? x : null;
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : undefined;
}

export interface ReportChart {
  name: string;
  heading: string;
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
  const head = `<tr><th>${phrase('outcome', lang)}</th><th>${phrase('unit', lang)}</th>${present.map((s) => `<th>${escapeHtml(s)}</th>`).join('')}</tr>`;
  const body = outcomes.map((o) => {
    const found = present.map((s) => rows.find((r) => r.scenario === s && r.point === first.get(s) && r.outcome === o));
    // One precision per row (that of the widest interval), so the scenarios read side by side.
    const perRow = found.map((row) => (row === undefined ? undefined : decimalsForInterval(num(row['ci_lo']), num(row['ci_hi'])))).filter((d): d is number => d !== undefined);
    const decimals = perRow.length > 0 ? Math.min(...perRow) : undefined;
    const cells = found.map((row) => {
      if (row === undefined) return '<td>–</td>';
      return `<td class="num">${formatFixed(num(row['mean']), lang, decimals)}<br><span class="ci">${formatFixed(num(row['ci_lo']), lang, decimals)} … ${formatFixed(num(row['ci_hi']), lang, decimals)}</span></td>`;
    });
    return `<tr><th scope="row">${escapeHtml(measureName(o, lang))}</th><td>${escapeHtml(measureUnit(o, lang))}</td>${cells.join('')}</tr>`;
  });
  return `<table class="data"><caption>${phrase('summaryTable', lang)}</caption><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

function comparisonTable(data: DirData, lang: Lang, scenarios: string[]): string {
  const rows = data.comparison ?? [];
  if (rows.length === 0) return '';
  const reference = rows[0]!.reference;
  const first = new Map<string, number>();
  for (const row of rows) first.set(row.scenario, Math.min(first.get(row.scenario) ?? Infinity, row.point));
  const present = scenarios.filter((s) => first.has(s) && s !== reference);
  const outcomes = FOREST_OUTCOMES.filter((o) => rows.some((row) => row.outcome === o));
  const head = `<tr><th>${phrase('outcome', lang)}</th><th>${phrase('scenario', lang)}</th><th>${phrase('difference', lang)}</th><th>${phrase('pHolm', lang)}</th><th>${phrase('significant', lang)}</th><th>${phrase('shareBetter', lang)}</th></tr>`;
  const body: string[] = [];
  for (const o of outcomes) {
    present.forEach((s, i) => {
      const row = rows.find((r) => r.scenario === s && r.point === first.get(s) && r.outcome === o);
      if (row === undefined) return;
      const unit = measureUnit(o, lang);
      const decimals = decimalsForInterval(row.ci_lo, row.ci_hi);
      const share = num(row.share_better ?? null);
      body.push(
        `<tr${i === 0 ? ' class="group"' : ''}>${i === 0 ? `<th scope="rowgroup" rowspan="${present.length}">${escapeHtml(measureName(o, lang))}<br><span class="ci">${escapeHtml(unit)}</span></th>` : ''}` +
          `<td>${escapeHtml(s)}</td><td class="num">${formatFixed(row.difference, lang, decimals)} <span class="ci">(${formatFixed(row.ci_lo, lang, decimals)} … ${formatFixed(row.ci_hi, lang, decimals)})</span></td>` +
          `<td class="num">${formatP(row.p_holm, lang)}</td><td>${phrase(row.significant ? 'yes' : 'no', lang)}</td>` +
          `<td class="num">${share === null || !Number.isFinite(share) ? '–' : `${formatNumber(share * 100, lang, 2)}%`}</td></tr>`,
      );
    });
  }
  return `<table class="data"><caption>${phrase('comparisonTable', lang, { reference })}</caption><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

function methodSection(data: DirData, lang: Lang, scenarios: string[]): string {
  const parts: string[] = [];
  const runs = data.runs ?? [];
  const counts = new Map<string, number>();
  for (const row of runs) counts.set(row.scenario, (counts.get(row.scenario) ?? 0) + 1);
  const present = scenarios.filter((s) => counts.has(s));
  const ns = [...new Set(present.map((s) => counts.get(s)!))];
  if (ns.length === 1) parts.push(`<p>${phrase('runsEach', lang, { n: ns[0]!, total: runs.length })}</p>`);
  else if (ns.length > 1) parts.push(`<p>${phrase('runsVarying', lang, { list: present.map((s) => `${s}: ${counts.get(s)}`).join(', ') })}</p>`);
  const win = horizon(data);
  if (win.start && win.end) parts.push(`<p>${phrase('window', lang, { start: win.start, end: win.end, from: win.from ?? win.start, to: win.to ?? win.end })}</p>`);
  const experiment = data.manifest?.['experiment'] as Record<string, unknown> | undefined;
  const masterSeed = str(experiment?.['master_seed']) ?? str(data.manifest?.['master_seed']) ?? str(data.manifest?.['seed']) ?? '?';
  const firstScenario = present[0];
  const seeds = runs.filter((r) => r.scenario === firstScenario).sort((a, b) => a.replication - b.replication).slice(0, 5).map((r) => String(r.seed));
  parts.push(`<p>${phrase('seeds', lang, { seed: masterSeed, list: seeds.length > 0 ? seeds.join(', ') : '–' })}</p>`);
  const items = [`<li>${phrase('intervalsMean', lang)}</li>`];
  if (data.comparison !== undefined && data.comparison.length > 0) {
    const tests = [...new Set(data.comparison.map((r) => str((r as unknown as Record<string, unknown>)['test']) ?? ''))]
      .filter((x) => x !== '' && x !== 'none')
      .map((x) => TEST_NAMES[x]?.[lang] ?? x)
      .join(', ');
    const paired = data.comparison.every((r) => r.paired);
    items.push(`<li>${phrase(paired ? 'intervalsPaired' : 'intervalsUnpaired', lang, { tests: tests || '–' })}</li>`);
  }
  if (data.survival !== undefined) items.push(`<li>${phrase('intervalsSurvival', lang)}</li>`);
  items.push(`<li>${phrase('intervalsSeries', lang)}</li>`);
  parts.push(`<ul>${items.join('')}</ul>`);
  parts.push(`<p>${phrase('honesty', lang)}</p>`);
  return parts.join('\n');
}

function provenanceSection(data: DirData, lang: Lang): string {
  const m = data.manifest;
  if (m === undefined) return `<p>${phrase('noManifest', lang)}</p>`;
  const rows: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(m)) {
    if (value === null || typeof value !== 'object') rows.push([key, value === null ? '–' : String(value)]);
  }
  const counts = m['counts'];
  if (typeof counts === 'object' && counts !== null) for (const [k, v] of Object.entries(counts)) rows.push([`counts.${k}`, String(v)]);
  const experiment = m['experiment'];
  if (typeof experiment === 'object' && experiment !== null) {
    for (const [k, v] of Object.entries(experiment)) if (v === null || typeof v !== 'object') rows.push([`experiment.${k}`, v === null ? '–' : String(v)]);
    const set = (experiment as Record<string, unknown>)['set'];
    if (typeof set === 'object' && set !== null && Object.keys(set).length > 0) rows.push(['experiment.set', JSON.stringify(set)]);
  }
  const table = `<table class="kv"><thead><tr><th>${phrase('field', lang)}</th><th>${phrase('value', lang)}</th></tr></thead><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td><code>${escapeHtml(v)}</code></td></tr>`).join('')}</tbody></table>`;
  const scenarios = Array.isArray(m['scenarios']) ? (m['scenarios'] as unknown[]).filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null) : [];
  const scenarioTable = scenarios.length === 0 ? '' : `<table class="data"><caption>${phrase('scenarioFiles', lang)}</caption><thead><tr><th>${phrase('scenario', lang)}</th><th>${phrase('title_', lang)}</th><th>${phrase('file', lang)}</th><th>SHA-256</th></tr></thead><tbody>${scenarios
    .map((s) => `<tr><td>${escapeHtml(str(s['name']) ?? '')}</td><td>${escapeHtml(str(s['title']) ?? '')}</td><td><code>${escapeHtml(str(s['file']) ?? str(s['load']) ?? '')}</code></td><td><code class="hash">${escapeHtml(str(s['sha256']) ?? '')}</code></td></tr>`)
    .join('')}</tbody></table>`;
  return `${table}\n${scenarioTable}`;
}

const CSS = `
:root { color-scheme: light; }
body { font-family: '${FONT_FAMILY}', 'DejaVu Sans', Verdana, sans-serif; color: #1a1a1a; margin: 0; background: #f6f6f4; line-height: 1.5; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 64px; background: #ffffff; }
header h1 { font-size: 1.8em; margin: 0.2em 0; }
header p { color: #4d4d4d; margin: 0; }
nav ol { columns: 2; }
h2 { border-bottom: 2px solid #e5e5e5; padding-bottom: 4px; margin-top: 2em; }
h3 { margin-top: 1.6em; }
figure { margin: 24px 0 32px; }
figcaption { color: #4d4d4d; max-width: 900px; margin-top: 6px; }
.chart { overflow-x: auto; min-height: 120px; }
table { border-collapse: collapse; margin: 16px 0; font-size: 0.92em; }
caption { text-align: left; font-weight: bold; padding-bottom: 6px; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 4px 10px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #bbbbbb; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ci { color: #666666; font-size: 0.9em; }
tr.group td, tr.group th { border-top: 2px solid #d0d0d0; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; background: #f2f2f2; padding: 0 3px; }
code.hash { font-size: 0.75em; word-break: break-all; }
.note { color: #8a4b00; }
.summary table { font-size: 0.88em; }
`;

/** Builds the report for a batch directory's data. */
export function buildReport(data: DirData, lang: Lang): ReportResult {
  const scenarios = scenarioList(data);
  const cat = catalog({ ...data, present: new Set([...data.present].filter((f) => f !== 'sensitivity.csv')) }, { lang, theme: 'default', scenarios });
  const charts: ReportChart[] = [];
  const missing = [...cat.missing];
  for (const job of cat.jobs) {
    try {
      charts.push({ name: job.name, heading: job.heading, spec: job.build() });
    } catch (err) {
      if (err instanceof NoDataError) missing.push({ chart: job.name, files: [], hint: err.message });
      else throw err;
    }
  }
  const m = data.manifest ?? {};
  const experiment = m['experiment'] as Record<string, unknown> | undefined;
  const batchName = str(experiment?.['name']) ?? data.dir.split(/[\\/]/).filter(Boolean).pop() ?? '';
  const sections: Array<{ id: string; title: string; html: string }> = [];
  sections.push({
    id: 'summary', title: tr('summary', lang),
    html: data.summaryMd !== undefined ? `<div class="summary">${markdownToHtml(data.summaryMd, 2)}</div>` : `<p class="note">${phrase('noSummary', lang)}</p>`,
  });
  const figures = charts.map((c, i) => {
    const caption = captionFor(c.name, lang);
    return `<figure id="figure-${escapeHtml(c.name)}" aria-label="${escapeHtml(c.heading)}"><div class="chart" id="chart-${i}" data-chart="${escapeHtml(c.name)}" data-spec="spec-${i}"></div>${caption !== undefined ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
  });
  const missingNotes = missing.map((mc) => `<p class="note">${phrase('missingChart', lang, { what: `${mc.chart}${mc.files.length > 0 ? ` (${mc.files.join(', ')})` : ''}${mc.hint !== undefined ? `: ${mc.hint}` : ''}` })}</p>`);
  sections.push({ id: 'charts', title: tr('charts', lang), html: `<p>${phrase('chartHint', lang)}</p>\n${figures.join('\n')}\n${missingNotes.join('\n')}` });
  const tables = data.summary !== undefined || data.comparison !== undefined
    ? `${data.summary !== undefined ? summaryTable(data, lang, scenarios) : ''}\n${comparisonTable(data, lang, scenarios)}\n<p>${phrase('fullTables', lang)}</p>`
    : `<p class="note">${phrase('noTables', lang)}</p>`;
  sections.push({ id: 'tables', title: tr('tables', lang), html: tables });
  sections.push({ id: 'method', title: tr('method', lang), html: methodSection(data, lang, scenarios) });
  sections.push({ id: 'provenance', title: tr('provenance', lang), html: provenanceSection(data, lang) });

  const bundles = BUNDLES.map((b) => `<script>${inlineScript(readFileSync(bundlePath(b.pkg, b.file), 'utf8'))}</script>`).join('\n');
  const specs = charts.map((c, i) => `<script type="application/json" id="spec-${i}">${scriptJson(c.spec)}</script>`).join('\n');
  const i18n = lang === 'nl'
    ? { SVG_ACTION: 'Opslaan als SVG', PNG_ACTION: 'Opslaan als PNG', SOURCE_ACTION: 'Vega-Lite-bron bekijken', CLICK_TO_VIEW_ACTIONS: 'Klik voor acties' }
    : {};
  const embed = `(function () {
  var options = { renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false }, i18n: ${scriptJson(i18n)} };
  var charts = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  var done = charts.map(function (el) {
    var spec = JSON.parse(document.getElementById(el.getAttribute('data-spec')).textContent);
    return vegaEmbed(el, spec, options).then(function () {
      el.setAttribute('data-rendered', 'true');
    }).catch(function (error) {
      el.setAttribute('data-rendered', 'error');
      console.error('chart ' + el.getAttribute('data-chart') + ': ' + error);
    });
  });
  Promise.all(done).then(function () { document.body.setAttribute('data-charts-done', String(charts.length)); });
})();`;
  const finished = str(m['finished']) ?? str(m['created']) ?? '–';
  const version = str(m['regiosim_version']) ?? '–';
  const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<title>${escapeHtml(tr('title', lang))}: ${escapeHtml(batchName)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(tr('title', lang))}</h1>
<p>${escapeHtml(tr('generated', lang, { name: batchName, finished, version }))}</p>
</header>
<nav><h2>${escapeHtml(tr('contents', lang))}</h2><ol>${sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>
${sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join('\n')}
</main>
${specs}
${bundles}
<script>${inlineScript(embed)}</script>
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
