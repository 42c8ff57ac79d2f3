/** The small Markdown converter used for summary.md in the report: structure and escaping. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, inline, markdownToHtml } from '../../src/render/markdown.js';

describe('markdownToHtml', () => {
  it('converts headings (shifted), paragraphs, lists and emphasis', () => {
    const md = '# Analysis of batch `b1`\n\nFirst line\nsame paragraph.\n\n## Part\n\n- **Trust**: *lower* than in _x_\n- second\n  continued\n\n1. one\n2. two\n';
    expect(markdownToHtml(md, 2)).toBe(
      '<h3>Analysis of batch <code>b1</code></h3>\n' +
        '<p>First line same paragraph.</p>\n' +
        '<h4>Part</h4>\n' +
        '<ul><li><strong>Trust</strong>: <em>lower</em> than in <em>x</em></li><li>second continued</li></ul>\n' +
        '<ol><li>one</li><li>two</li></ol>',
    );
  });

  it('converts pipe tables with alignment', () => {
    const md = '| Outcome | Mean |\n|---|---:|\n| Trust | 0.6 |\n| Exits \\| joins | −1 pp (−2 … 0) |\n';
    expect(markdownToHtml(md)).toBe(
      '<table><thead><tr><th>Outcome</th><th style="text-align:right">Mean</th></tr></thead><tbody>' +
        '<tr><td>Trust</td><td style="text-align:right">0.6</td></tr>' +
        '<tr><td>Exits | joins</td><td style="text-align:right">−1 pp (−2 … 0)</td></tr></tbody></table>',
    );
  });

  it('escapes everything that could become markup, and never makes live links', () => {
    const md = '# <script>alert(1)</script>\n\n- <img src=x onerror=alert(1)> & "quotes" \'too\'\n\n[click](javascript:alert(1)) `<b>`';
    const html = markdownToHtml(md);
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).toBe(
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n' +
        '<ul><li>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;too&#39;</li></ul>\n' +
        '<p>click (javascript:alert(1)) <code>&lt;b&gt;</code></p>',
    );
  });

  it('shows backslash-escaped characters as themselves (summary.md escapes user text so)', () => {
    expect(markdownToHtml('A \\*b\\* \\<img src=x onerror=alert(1)\\> \\_c\\_ \\`d\\` \\[e\\](f)')).toBe('<p>A *b* &lt;img src=x onerror=alert(1)&gt; _c_ `d` [e](f)</p>');
    expect(markdownToHtml('`C:\\out` and \\\\')).toBe('<p><code>C:\\out</code> and \\</p>');
  });

  it('leaves snake_case and lone asterisks alone', () => {
    expect(inline('value_per_inhabitant and 2 * 3 * 4')).toBe('value_per_inhabitant and 2 * 3 * 4');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
