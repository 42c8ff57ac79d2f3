/**
 * brief.html and brief.pdf: the decision brief of a batch (src/analysis/brief.ts) laid out for
 * two A4 pages. The page needs no script: its one chart is drawn here to SVG (vega, no browser)
 * and inlined, so the PDF holds vector text and the HTML prints the same from any browser.
 * Headless Chromium (Debian's, or REGIOSIM_CHROMIUM) prints the PDF; without one the HTML is
 * written and the caller is told why the PDF is not.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HEADLINE } from '../core/measures.js';
import type { Brief } from '../analysis/brief.js';
import { verdictChart } from '../charts/verdict.js';
import type { ComparisonRow } from '../charts/rows.js';
import { FONT_FAMILY } from '../charts/theme.js';
import { t } from '../i18n/index.js';
import { writeFileAtomically } from '../io/write.js';
import { escapeHtml } from './markdown.js';
import { CSP, htmlHead } from './page.js';
import { renderSvg, svgToPng } from './render.js';

export const BRIEF_HTML = 'brief.html';
export const BRIEF_PDF = 'brief.pdf';
/** The brief's chart in the slides theme (16:9 type sizes), for a presentation. */
export const BRIEF_SLIDE = 'brief-chart.png';

const CSS = `
@page { size: A4; margin: 13mm 14mm 13mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: '${FONT_FAMILY}', 'DejaVu Sans', Arial, sans-serif; color: #1a1a1a; margin: 0; font-size: 9pt; line-height: 1.3; }
main { max-width: 180mm; margin: 0 auto; padding: 12px; }
@media print { main { padding: 0; max-width: none; } }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8pt; color: #555; margin: 0; }
h1 { font-size: 15pt; margin: 2px 0 2px; line-height: 1.2; }
.subtitle { margin: 0 0 10px; color: #444; }
h2 { font-size: 10.5pt; margin: 9px 0 3px; border-bottom: 1px solid #ccc; padding-bottom: 2px; break-after: avoid; }
.key { background: #f2f6fa; border-left: 4px solid #0072B2; padding: 6px 10px 6px 26px; margin: 0; }
.key li { margin: 2px 0; }
dl.scenarios { margin: 0; }
dl.scenarios dt { font-weight: bold; margin-top: 2px; display: inline; }
dl.scenarios dt::after { content: ' — '; font-weight: normal; }
dl.scenarios dd { margin: 0 0 2px 0; display: inline; }
dl.scenarios dd::after { content: ''; display: block; }
dl.scenarios .ref { font-weight: normal; color: #555; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; break-inside: auto; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 4px; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #999; font-size: 8pt; }
tr { break-inside: avoid; }
td .v { font-weight: bold; }
td .v.better::before { content: '▲ '; }
td .v.worse::before { content: '▼ '; }
.better { color: #00664a; }
.worse { color: #a33b00; }
.same, .higher, .lower { color: #444; }
td .n { white-space: nowrap; }
td .r, th .u { color: #555; font-size: 7.5pt; display: block; }
.intro { margin: 0 0 4px; color: #333; }
figure { margin: 8px 0 0; break-inside: avoid; }
figure svg { width: 100%; max-width: 150mm; height: auto; display: block; }
.caveat { border: 1px solid #c9a400; background: #fffbe6; padding: 4px 10px; margin-top: 8px; break-inside: avoid; }
.caveat h2 { border: 0; margin-top: 0; }
.caveat p { margin: 3px 0; }
footer { margin-top: 6px; font-size: 7.5pt; color: #555; border-top: 1px solid #ccc; padding-top: 4px; }
@media (max-width: 600px) { table, thead, tbody, tr, th, td { font-size: 8pt; } }
`;

export interface BriefFiles {
  html: string;
  /** The PDF, or null with the reason it was not written. */
  pdf: string | null;
  pdfNote?: string;
  slide: string;
}

function verdictCell(c: Brief['rows'][number]['cells'][number]): string {
  const settings = c.settings ? `<span class="r">${escapeHtml(c.settings)}</span>` : '';
  return `<td><span class="v ${c.verdict}">${escapeHtml(c.label)}</span> <span class="n">${escapeHtml(c.difference)}</span><span class="r">${escapeHtml(c.usually)}</span>${settings}</td>`;
}

/** The brief as one self-contained HTML page (no script, no request). */
export function briefHtml(brief: Brief, chartSvg: string): string {
  const L = brief.lang;
  const head = `<tr><th>${escapeHtml(t('brief.outcome', L))}</th>${brief.scenarios.map((s) => `<th>${escapeHtml(s.title)}</th>`).join('')}</tr>`;
  const body = brief.rows
    .map((r) => `<tr><th scope="row">${escapeHtml(r.name)}<span class="u">${escapeHtml(r.unit)}</span></th>${r.cells.map(verdictCell).join('')}</tr>`)
    .join('\n');
  const scenarios = [
    `<dt>${escapeHtml(brief.reference.title)} <span class="ref">(${escapeHtml(t('brief.reference', L))})</span></dt><dd>${escapeHtml(brief.reference.description)}</dd>`,
    ...brief.scenarios.map((s) => `<dt>${escapeHtml(s.title)}</dt><dd>${escapeHtml(s.description)}</dd>`),
  ].join('\n');
  return `${htmlHead(L, brief.title, CSP.textImages, CSS)}
<main>
<p class="kicker">${escapeHtml(brief.kicker)}</p>
<h1>${escapeHtml(brief.title)}</h1>
<p class="subtitle">${escapeHtml(brief.subtitle)}</p>
<h2>${escapeHtml(t('brief.key', L))}</h2>
<ul class="key">
${brief.keyLines.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}
</ul>
<h2>${escapeHtml(t('brief.scenarios', L))}</h2>
<dl class="scenarios">
${scenarios}
</dl>
<h2>${escapeHtml(t('brief.outcomes', L))}</h2>
<p class="intro">${escapeHtml(brief.outcomesIntro)}</p>
<table>
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>
<h2>${escapeHtml(t('brief.chart', L))}</h2>
<figure>${chartSvg}</figure>
<section class="caveat">
<h2>${escapeHtml(t('brief.caveatTitle', L))}</h2>
${brief.caveats.map((c) => `<p>${escapeHtml(c)}</p>`).join('\n')}
</section>
<footer>${escapeHtml(brief.provenance)}</footer>
</main>
</body>
</html>
`;
}

/** The chart of the brief (default theme for the page, slides theme for a presentation). */
export function briefChart(brief: Brief, comparison: readonly ComparisonRow[], theme: 'default' | 'slides') {
  return verdictChart(comparison, {
    lang: brief.lang, theme, outcomes: HEADLINE, titles: brief.titles, referenceTitle: brief.reference.title,
    scenarios: [brief.reference.name, ...brief.scenarios.map((s) => s.name)],
  });
}

/** The Chromium to print with: REGIOSIM_CHROMIUM, else Debian's. */
export function chromiumPath(): string {
  const env = process.env['REGIOSIM_CHROMIUM'];
  if (env !== undefined && env !== '') return env;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
}

/** Prints an HTML file to an A4 PDF with headless Chromium; no request leaves the file. */
export async function printPdf(htmlFile: string, pdfFile: string, executablePath = chromiumPath()): Promise<void> {
  const { chromium } = await import('playwright-core');
  const { pathToFileURL } = await import('node:url');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) await route.continue();
      else await route.abort();
    });
    await page.goto(pathToFileURL(htmlFile).href);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileAtomically(pdfFile, pdf);
  } finally {
    await browser.close();
  }
}

/** Writes brief.html, brief-chart.png and, when Chromium is there, brief.pdf into `dir`. */
export async function writeBriefFiles(dir: string, brief: Brief, comparison: readonly ComparisonRow[], options: { pdf?: boolean } = {}): Promise<BriefFiles> {
  const page = await renderSvg(briefChart(brief, comparison, 'default'));
  const html = join(dir, BRIEF_HTML);
  writeFileAtomically(html, briefHtml(brief, page.svg.replace(/^<\?xml[^>]*>\s*/, '')));
  const slide = join(dir, BRIEF_SLIDE);
  writeFileAtomically(slide, svgToPng((await renderSvg(briefChart(brief, comparison, 'slides'))).svg, 1).png);
  if (options.pdf === false) return { html, pdf: null, slide };
  const browser = chromiumPath();
  if (!existsSync(browser)) return { html, pdf: null, pdfNote: t('brief.pdfNone', brief.lang, { path: browser }), slide };
  const pdf = join(dir, BRIEF_PDF);
  await printPdf(html, pdf, browser);
  return { html, pdf, slide };
}
