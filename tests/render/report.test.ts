/** report.html as text: self-contained, escaped, complete sections in both languages. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadDir } from '../../src/render/load.js';
import { BUNDLES, buildReport, bundlePath, inlineScript, packText, scriptJson } from '../../src/render/report.js';
import { MANIFEST, tempDir, writeBatch } from './dirs.js';

/** The page without the contents of its script elements (the libraries hold markup in strings). */
const markup = (html: string): string => html.replace(/(<script[^>]*>)[^]*?<\/script>/g, '$1</script>');

const EVIL = '</script><script>alert("x")</script><img src=x onerror=alert(1)>';


describe('escaping helpers', () => {
  it('JSON in a script element cannot close it', () => {
    expect(scriptJson({ a: '</script>&<!--' })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u003c!--"}');
    expect(JSON.parse(scriptJson({ a: '</script>&\u2028' }))).toEqual({ a: '</script>&\u2028' });
    expect(inlineScript('x = "</script>"; y = "<!--";')).toBe('x = "<\\/script>"; y = "<\\!--";');
  });

  it('packed text is base64 (no markup), the same bytes every time, and unpacks to the text', () => {
    const text = `${'{"scenario":"wgr-plus-abolished","run":1,"value":0.5},'.repeat(500)}</script>&é`;
    const packed = packText(text);
    expect(packed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(packText(text)).toBe(packed);
    expect(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')).toBe(text);
    expect(packed.length).toBeLessThan(text.length / 10);
  });
});

/** The packed scripts of a report, by id, unpacked. */
function unpacked(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<script type="application\/gzip" id="([^"]+)">([^]*?)<\/script>/g)) out.set(m[1]!, gunzipSync(Buffer.from(m[2]!, 'base64')).toString('utf8'));
  return out;
}

describe('buildReport', () => {
  it('holds every chart spec, the libraries, the summary, the tables, method and provenance', () => {
    const data = loadDir(writeBatch(tempDir('report'), { analysis: true }));
    const { html, charts, missing } = buildReport(data, 'en');
    expect(missing).toEqual([]);
    // 9 charts: the difference map is the ninth
    expect(charts.map((c) => c.name)).toHaveLength(9);
    const packed = unpacked(html);
    for (let i = 0; i < charts.length; i++) expect(JSON.parse(packed.get(`spec-${i}`)!)).toEqual(charts[i]!.spec);
    BUNDLES.forEach((b, i) => expect(packed.get(`lib-${i}`)).toBe(readFileSync(bundlePath(b.pkg, b.file), 'utf8')));
    expect(packed.size).toBe(charts.length + BUNDLES.length);
    expect(html).toContain('vegaEmbed(el, JSON.parse(text), options)');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('<h3>Analysis of batch <code>synthetic</code></h3>');
    expect(html).toContain('<caption>Differences from the reference scenario wgr-plus-abolished</caption>');
    expect(html).toContain('20 runs per scenario (80 in all).');
    expect(html).toContain('<td class="num">0.500<br><span class="ci">0.450 … 0.550</span></td>');
    expect(html).toContain('<td>wgr-plus-continues</td><td class="num">0.100 <span class="ci">(0.070 … 0.130)</span></td><td class="num">0.001</td><td>yes</td><td class="num">60%</td>');
    expect(html).toContain('Seeds: master seed 1.');
    expect(html).toContain('<li><strong>What the intervals show: seed noise only, how much the averages vary across random futures');
    expect(html).toContain('mean with 95% confidence interval (seed noise at these parameters)');
    expect(html).toContain('The first seeds: 1000, 1001, 1002, 1003, 1004 (all of them are in runs.csv).');
    expect(html).toContain('Tests: Wilcoxon signed-rank test, with Holm&#39;s correction');
    expect(html).toContain('<code>regiosim batch --runs 20</code>');
    expect(html).toContain("default-src 'none'");
    // no address the browser could fetch: only the spec's $schema (never loaded) and vega-embed's editor link
    const urls = [...markup(html).matchAll(/(?:src|href)\s*=\s*["']?(?!#)([^"'\s>]+)/g)].map((m) => m[1]);
    expect(urls).toEqual([]);
  });

  it('escapes every string from the files', () => {
    const dir = writeBatch(tempDir('report-evil'), { analysis: true, manifest: { ...MANIFEST, command: EVIL, experiment: { ...MANIFEST.experiment, name: EVIL } } });
    writeFileSync(join(dir, 'summary.md'), `# ${EVIL}\n\n- ${EVIL}\n`);
    const { html } = buildReport(loadDir(dir), 'nl');
    expect(html).not.toContain('<script>alert');
    expect(markup(html)).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // every <script> element is one the report wrote
    expect(html.match(/<script[\s>]/g)!.length).toBe(4 + 9);
    for (const m of html.matchAll(/<script type="application\/gzip" id="[a-z]+-\d+">([^]*?)<\/script>/g)) expect(m[1]).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('speaks Dutch and notes what is missing', () => {
    const data = loadDir(writeBatch(tempDir('report-nl')));
    const { html, missing } = buildReport(data, 'nl');
    expect(missing.map((m) => m.chart)).toEqual(['differences', 'survival']);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Regionale samenwerking: vergelijking van scenario&#39;s');
    expect(html).toContain('summary.md ontbreekt');
    expect(html).toContain('Niet getekend: differences (comparison.csv): draai eerst <code>regiosim analyze &lt;map&gt;</code>.');
    expect(html).toContain('20 runs per scenario (80 in totaal).');
  });
});
