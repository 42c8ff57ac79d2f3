/**
 * summary.md: plain-language sentences in English and Dutch, with the verdict following the
 * Holm-corrected test and the interval, units and directions from OUTCOMES.
 */
import { describe, expect, it } from 'vitest';
import { analyzeData } from '../../src/analysis/analyze.js';
import { markdownCode, markdownText } from '../../src/analysis/summary-md.js';
import { markdownToHtml } from '../../src/render/markdown.js';
import { loadBatch } from '../../src/analysis/batch-data.js';
import { batchManifest } from '../helpers/manifests.js';
import { writeFixtureBatch } from './fixtures.js';

/** Ten paired runs in which b has clearly higher cooperation stability and fewer exits than a. */
function clearBatch(): string {
  const a = [0.30, 0.32, 0.28, 0.35, 0.31, 0.29, 0.33, 0.30, 0.34, 0.27];
  const bump = [0.05, 0.06, 0.04, 0.05, 0.07, 0.05, 0.06, 0.04, 0.05, 0.06];
  const exitsA = [5, 6, 4, 7, 5, 6, 5, 4, 6, 5];
  const exitsB = [4, 5, 4, 5, 4, 5, 3, 4, 5, 4];
  const trustA = [0.60, 0.62, 0.58, 0.65, 0.61, 0.59, 0.63, 0.60, 0.64, 0.57];
  const trustDrop = [0.02, 0.03, 0.02, 0.01, 0.02, 0.03, 0.02, 0.02, 0.01, 0.02];
  let runs = 'run,scenario,point,replication,seed,cooperation_stability,exits,tasks_arrived,trust_mean\n';
  for (let r = 0; r < 10; r++) runs += `${r},a,0,${r},${900 + r},${a[r]},${exitsA[r]},${10 + r},${trustA[r]}\n`;
  for (let r = 0; r < 10; r++) runs += `${10 + r},b,1,${r},${900 + r},${a[r]! + bump[r]!},${exitsB[r]},${10 + r},${trustA[r]! - trustDrop[r]!}\n`;
  return writeFixtureBatch({
    replace: {
      'points.csv': 'point,scenario\n0,a\n1,b\n',
      'runs.csv': runs,
      'spells.csv': 'run,scenario,point,replication,type,arrangement,kind,municipality,module,start,end,duration,ended,reason\n0,a,0,0,arrangement,x,gr,,,2015-01,,192,0,censored\n10,b,1,0,arrangement,x,basiscoalitie,,,2015-01,2016-01,12,1,dormant\n',
      'manifest.json': JSON.stringify(batchManifest([{ name: 'a', title: 'a', region: 'Haaglanden', from: '2015-01', to: '2030-12' }, { name: 'b', title: 'Basiscoalitie', region: 'Haaglanden', from: '2015-01', to: '2030-12' }], { replications: 10 })),
    },
  });
}

describe('summary.md', () => {
  it('says in English how much higher a clearly better scenario is, with interval and share of paired runs', () => {
    const md = analyzeData(loadBatch(clearBatch()), { bootstrap: 0, lang: 'en' }).markdown;
    // mean difference 0.053 (5.3 percentage points), sd of the differences 0.00949,
    // t(0.975, 9)·sd/√10 = 0.00679: one decimal of a percentage point. Against the spread of a
    // (sd 0.0260) the difference is 2.04 sd: large. The 10th and 90th percentiles of the bumps
    // (4, 4, 5, 5, 5, 5, 6, 6, 6, 7) are 4.0 and 6.1 (linear interpolation, as numpy).
    expect(md).toContain(
      '- **Cooperation stability**, **better**: in *Basiscoalitie* it is on average 5.3 percentage points higher (95% interval 4.6 to 6.0) than in *a* (36.2% against 30.9%), a large difference against the spread across runs; in 8 of 10 runs the difference lies between +4.0 and +6.1; it does better in 100% of the 10 paired runs.',
    );
    // a lower value: the interval is given as magnitudes (mean −0.0200, half-width 0.0048); 0-1 scales named once
    expect(md).toContain(
      '- **Trust** (scale 0 to 1), **worse**: in *Basiscoalitie* it is on average 0.020 lower (95% interval 0.015 to 0.025) than in *a* (0.589 against 0.609), a moderate difference against the spread across runs; in 8 of 10 runs the difference lies between −0.030 and −0.010; it does better in 0% of the 10 paired runs.',
    );
    expect(md).toContain('This batch has 2 scenarios with 10 runs each in Haaglanden, with outcomes measured from January 2015 to December 2030.');
    expect(md).toContain('Reference scenario: *a*.');
    // Every interval says what it is: seed noise at these parameters, not parameter uncertainty.
    expect(md).toContain('A 95% interval is the range in which the true average lies, given the model, with 95% confidence: it shrinks as the number of runs grows. What the intervals show: seed noise only,');
    // Exits are a headline outcome: a sentence, with the direction (fewer is better).
    expect(md).toContain('- **Exits**, **better**: in *Basiscoalitie* it is on average 1.0 memberships lower (95% interval 0.5 to 1.5) than in *a* (4.3 against 5.3), a large difference against the spread across runs; in 8 of 10 runs the difference lies between −2.0 and 0.0; it does better (lower) in 90% of the 10 paired runs.');
    // An input read back is named, not compared as if the structures produced it.
    expect(md).not.toContain('| Tasks that arose |');
    expect(md).toContain('Not compared, because the scenario sets them rather than the structures producing them (inputs read back): Tasks that arose.');
    expect(md).toContain('- *Basiscoalitie*');
    expect(md).toContain('| *a* | Arrangements | GR | not reached: more than half last to the end | – | 1 | 0 |');
    expect(md).toContain('| *Basiscoalitie* | Arrangements | Basiscoalitie | 12 | – | 1 | 1 |');
    expect(md).not.toContain('| All kinds |');
    expect(md).toContain('Each kind of arrangement has its own row: pooled, the short-lived ad hoc networks would set the median of every structure.');
    expect(md).toContain('## Limitations');
    // Every comparison here is decided, so the runs suffice: consistent with the table.
    expect(md).toContain('Yes: every comparison is decided.');
  });

  it('says the same in Dutch, with decimal commas', () => {
    const md = analyzeData(loadBatch(clearBatch()), { bootstrap: 0, lang: 'nl' }).markdown;
    expect(md).toContain(
      '- **Stabiliteit van de samenwerking**, **beter**: in *Basiscoalitie* is dit gemiddeld 5,3 procentpunt hoger (95%-interval 4,6 tot 6,0) dan in *a* (36,2% tegen 30,9%), een groot verschil naast de spreiding tussen simulaties; in 8 van de 10 simulaties ligt het verschil tussen +4,0 en +6,1; het scenario doet het beter in 100% van de 10 gepaarde simulaties.',
    );
    expect(md).toContain('Deze berekening bevat 2 scenario’s met elk 10 simulaties in Haaglanden');
    // No research jargon in the Dutch text.
    expect(md.split('\n').slice(1).join('\n')).not.toMatch(/\b(batch|runs?|seeds?|Holm)\b/); // the title names the directory
    expect(md).toContain('Wat de intervallen tonen: alleen toevalsspreiding');
    expect(md).toContain('- **Uittredingen**, **beter**: in *Basiscoalitie* is dit gemiddeld 1,0 lidmaatschappen lager (95%-interval 0,5 tot 1,5) dan in *a* (4,3 tegen 5,3), een groot verschil naast de spreiding tussen simulaties; in 8 van de 10 simulaties ligt het verschil tussen −2,0 en 0,0; het scenario doet het beter (lager) in 90% van de 10 gepaarde simulaties.');
  });

  it('says plainly when a difference cannot be told apart from chance', () => {
    const en = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 0, lang: 'en' }).markdown;
    expect(en).toContain('- **Cooperation stability**: the difference between *Scenario B* and *Scenario A* (+3 percentage points, 95% interval −8 to 13) is too small to tell apart from chance.');
    const nl = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 0, lang: 'nl' }).markdown;
    expect(nl).toContain('- **Stabiliteit van de samenwerking**: het verschil tussen *Scenario B* en *Scenario A* (+3 procentpunt, 95%-interval −8 tot 13) is te klein om van toeval te onderscheiden.');
    expect(nl).toContain('| Uittredingen na verkiezingen | % | – | – | – | – | te weinig simulaties | – |');
  });

  it('reports how many runs the undecided comparisons need to tell a difference of practical importance', () => {
    const md = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 0 }).markdown;
    // c against a (unpaired: Welch): half-width 0.1848 against a target of 0.1 sd of a (0.01514):
    // 6 x (0.1848 / 0.01514)^2 = 895 (scipy's t quantile with Welch's degrees of freedom)
    expect(md).toContain('Not for every comparison.');
    expect(md).toContain('- Cooperation stability: 895 runs (now 6)');
  });
});

describe('user text in summary.md', () => {
  it('is escaped, so that titles and region names show as written in every Markdown viewer', () => {
    const title = '<img src=x onerror=alert(1)> *bold* [link](http://x) | `code` & more';
    expect(markdownText(title)).toBe('\\<img src=x onerror=alert(1)\\> \\*bold\\* \\[link\\](http://x) \\| \\`code\\` \\& more');
    expect(markdownText('two\nlines')).toBe('two lines');
    expect(markdownCode('a`b\nc')).toBe("a'b c");
    expect(markdownToHtml(markdownText(title))).toBe('<p>&lt;img src=x onerror=alert(1)&gt; *bold* [link](http://x) | `code` &amp; more</p>');
  });

  it('escapes the titles and region names of a batch', () => {
    const dir = writeFixtureBatch({
      replace: {
        'manifest.json': JSON.stringify(batchManifest([
          { name: 'a', title: '<script>alert(1)</script>', region: 'Regio <b>Oost</b>', from: '2015-01', to: '2030-12' },
          { name: 'b', title: 'B', region: 'Regio <b>Oost</b>', from: '2015-01', to: '2030-12' },
          { name: 'c', title: 'C', region: 'Regio <b>Oost</b>', from: '2015-01', to: '2030-12' },
        ], { replications: 6 })),
      },
    });
    const md = analyzeData(loadBatch(dir), { bootstrap: 0, lang: 'en' }).markdown;
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('Regio \\<b\\>Oost\\</b\\>');
    expect(md).not.toMatch(/(?<!\\)<(script|b)>/);
  });
});
