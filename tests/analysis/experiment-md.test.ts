/**
 * An experiment across parameter space: points-summary.csv (src/analysis/points-summary.ts) and
 * the compact summary.md (src/analysis/experiment-md.ts), on a synthetic grid whose verdicts
 * change at known places: b has clearly higher cooperation stability than a where altruism is
 * 0.6 or more, and clearly more exits where trustDrift is 0.03 or more; elsewhere the paired
 * differences are noise around zero.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeData } from '../../src/analysis/analyze.js';
import { loadBatch } from '../../src/analysis/batch-data.js';
import { MAX_POINT_ROWS, outcomeLine, verdictChanges } from '../../src/analysis/experiment-md.js';
import { renderSummaryMarkdown } from '../../src/analysis/summary-md.js';
import { POINTS_SUMMARY_CSV } from '../../src/formats/files.js';
import { toCsvText } from '../../src/formats/schema.js';
import { writeFixtureBatch } from './fixtures.js';

/** The line limit of summary.md for an experiment, whatever its number of points (the per-point form runs to hundreds). */
const LINE_LIMIT = 80;

const NOISE = [-0.02, 0.01, 0.02, -0.01, 0.015, -0.015, 0.005, -0.005];
const BUMP = [0.1, 0.12, 0.09, 0.11, 0.1, 0.13, 0.08, 0.11];
const TINY = [0.001, -0.001, 0.002, -0.002, 0.001, -0.001, 0.002, -0.002];
const EXITS = [5, 6, 4, 7, 5, 6, 5, 4];
const MORE_EXITS = [2, 3, 2, 2, 3, 2, 2, 3];
const SAME_EXITS = [0, 1, -1, 0, 1, -1, 0, 0];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(dirname(d), { recursive: true, force: true });
});

/** Scenarios a and b over the full grid of the given altruism and trustDrift values, 8 paired runs per point. */
function gridBatch(altruism: readonly number[], drift: readonly number[]): string {
  const grid = altruism.flatMap((al) => drift.map((dr) => [al, dr] as const));
  let points = 'point,scenario,param_altruism,param_trustDrift\n';
  let runs = 'run,scenario,point,replication,seed,param_altruism,param_trustDrift,cooperation_stability,exits,tasks_arrived\n';
  (['a', 'b'] as const).forEach((s, k) => {
    grid.forEach(([al, dr], i) => {
      const point = k * grid.length + i;
      points += `${point},${s},${al},${dr}\n`;
      for (let r = 0; r < 8; r++) {
        const base = 0.5 + NOISE[r]!;
        const stability = s === 'a' ? base : base + (al >= 0.6 ? BUMP[r]! : TINY[r]!);
        const exits = s === 'a' ? EXITS[r]! : EXITS[r]! + (dr >= 0.03 ? MORE_EXITS[r]! : SAME_EXITS[r]!);
        runs += `${point * 8 + r},${s},${point},${r},${700 + r},${al},${dr},${stability},${exits},${10 + r}\n`;
      }
    });
  });
  const dir = writeFixtureBatch({ replace: { 'points.csv': points, 'runs.csv': runs, 'spells.csv': 'run,scenario,point,replication,type,duration,ended\n' } });
  dirs.push(dir);
  return dir;
}

const FOUR = [0.2, 0.4, 0.6, 0.8];
const DRIFT = [0.01, 0.02, 0.03, 0.04];

describe('points-summary.csv', () => {
  const a = analyzeData(loadBatch(gridBatch(FOUR, DRIFT)), { bootstrap: 0 });

  it('names the varied parameters and has a row per point, scenario and outcome, then per point, comparison and outcome', () => {
    expect(a.varied).toEqual(['altruism', 'trustDrift']);
    const kinds = a.pointsSummary.map((r) => r.kind);
    expect(kinds.filter((k) => k === 'scenario')).toHaveLength(32 * 3);
    expect(kinds.filter((k) => k === 'difference')).toHaveLength(16 * 3);
    expect(kinds.indexOf('difference')).toBe(96);
    expect(toCsvText(POINTS_SUMMARY_CSV, [], a.varied)).toBe('kind,scenario,reference,point,outcome,n,estimate,ci_lo,ci_hi,sd,share_better,importance,verdict,param_altruism,param_trustDrift\n');
  });

  it('carries summary.csv\'s mean and interval and comparison.csv\'s difference, interval, importance and verdict, with the point\'s parameter values', () => {
    const scen = a.pointsSummary.find((r) => r.kind === 'scenario' && r.point === 5 && r.outcome === 'cooperation_stability')!;
    const s = a.summary.find((r) => r.point === 5 && r.outcome === 'cooperation_stability')!;
    // point 5: a at altruism 0.4, trustDrift 0.02; the mean of 0.5 + NOISE is 0.5
    expect(scen).toMatchObject({ scenario: 'a', reference: null, n: 8, param_altruism: 0.4, param_trustDrift: 0.02, share_better: null, importance: null, verdict: null });
    expect(scen.estimate).toBeCloseTo(0.5, 12);
    expect([scen.ci_lo, scen.ci_hi, scen.sd]).toEqual([s.ci_lo, s.ci_hi, s.sd]);
    // point 31: b at altruism 0.8, trustDrift 0.04, against a's point 15
    const diff = a.pointsSummary.find((r) => r.kind === 'difference' && r.point === 31 && r.outcome === 'cooperation_stability')!;
    const c = a.comparison.find((r) => r.point === 31 && r.outcome === 'cooperation_stability')!;
    expect(diff).toMatchObject({ scenario: 'b', reference: 'a', n: 8, param_altruism: 0.8, param_trustDrift: 0.04, verdict: 'better', share_better: 1 });
    expect(diff.estimate).toBeCloseTo(0.105, 12); // mean of BUMP
    expect([diff.ci_lo, diff.ci_hi, diff.sd, diff.importance]).toEqual([c.ci_lo, c.ci_hi, c.sd_reference, c.importance]);
    const exits = a.pointsSummary.filter((r) => r.kind === 'difference' && r.outcome === 'exits');
    expect(exits.filter((r) => r.verdict === 'worse').map((r) => r.param_trustDrift)).toEqual([0.03, 0.04, 0.03, 0.04, 0.03, 0.04, 0.03, 0.04]);
    expect(a.pointsSummary.filter((r) => r.kind === 'difference' && r.outcome === 'tasks_arrived').every((r) => r.verdict === 'input')).toBe(true);
  });

  it('is not made for a batch whose points vary no parameter', () => {
    const plain = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 0 });
    expect(plain.varied).toEqual([]);
    expect(plain.pointsSummary).toEqual([]);
    expect(plain.markdown).not.toContain('points-summary.csv');
  });
});

describe('summary.md of an experiment', () => {
  const a = analyzeData(loadBatch(gridBatch(FOUR, DRIFT)), { bootstrap: 0, lang: 'en' });
  const lines = a.markdown.split('\n');

  it('says per outcome at how many points each verdict holds and where in parameter space it changes', () => {
    expect(a.markdown).toContain('The experiment varies `altruism` (4 values, 0.2 to 0.8) and `trustDrift` (4 values, 0.01 to 0.04): 16 parameter points per scenario.');
    expect(a.markdown).toContain([
      '### Scenario B compared with Scenario A',
      '',
      '- **Cooperation stability** (16 points): better at 8, could be chance at 8; the verdict changes with `altruism` (from 0.4 to 0.6).',
      '- **Exits** (16 points): worse at 8, could be chance at 8; the verdict changes with `trustDrift` (from 0.02 to 0.03).',
      '',
      'None of the other outcomes differs by a margin of practical importance at any point.',
    ].join('\n'));
    // 16 points: no table of points, the pointer to the file instead
    expect(16).toBeGreaterThan(MAX_POINT_ROWS);
    expect(a.markdown).not.toContain('The verdict per point');
    expect(a.markdown).toContain('Every point, with the numbers behind each verdict, is in points-summary.csv');
    expect(a.markdown).not.toMatch(/\(point \d+/);
  });

  it(`stays under ${LINE_LIMIT} lines for 16 points, and does not grow with 64`, () => {
    expect(lines.length).toBeLessThanOrEqual(LINE_LIMIT);
    // The per-point form (one section per compared point) would not.
    expect(renderSummaryMarkdown(a, 'en').split('\n').length).toBeGreaterThan(LINE_LIMIT);
    const eight = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9];
    const big = analyzeData(loadBatch(gridBatch(eight, [0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.045])), { bootstrap: 0, lang: 'en' });
    expect(big.markdown.split('\n').length).toBe(lines.length);
    expect(big.markdown).toContain('- **Cooperation stability** (64 points): better at 32, could be chance at 32; the verdict changes with `altruism` (from 0.4 to 0.6).');
    const nl = analyzeData(loadBatch(gridBatch(eight, [0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.045])), { bootstrap: 0, lang: 'nl' });
    expect(nl.markdown.split('\n').length).toBeLessThanOrEqual(LINE_LIMIT);
  });

  it('shows a table of the verdicts per point when there are few points', () => {
    const small = analyzeData(loadBatch(gridBatch([0.2, 0.8], [0.01, 0.04])), { bootstrap: 0, lang: 'en' });
    expect(small.markdown).toContain([
      'The verdict per point (–: no real difference or could be chance; ?: too few runs):',
      '',
      '| `altruism` | `trustDrift` | Cooperation stability | Exits |',
      '|---|---|---|---|',
      '| 0.2 | 0.01 | – | – |',
      '| 0.2 | 0.04 | – | worse |',
      '| 0.8 | 0.01 | better | – |',
      '| 0.8 | 0.04 | better | worse |',
    ].join('\n'));
  });

  it('says the same in Dutch, without English words', () => {
    const nl = analyzeData(loadBatch(gridBatch(FOUR, DRIFT)), { bootstrap: 0, lang: 'nl' }).markdown;
    expect(nl).toContain('Het experiment varieert `altruism` (4 waarden, 0,2 tot 0,8) en `trustDrift` (4 waarden, 0,01 tot 0,04): 16 parameterpunten per scenario.');
    expect(nl).toContain('- **Stabiliteit van de samenwerking** (16 punten): beter in 8, kan toeval zijn in 8; het oordeel verandert met `altruism` (van 0,4 naar 0,6).');
    expect(nl).toContain('## Over de parameterpunten');
    // File names (points-summary.csv) are names, not words.
    expect(nl.split('\n').slice(1).join('\n').replace(/[\w-]+\.csv/g, '')).not.toMatch(/\b(batch|runs?|seeds?|points?|better|worse|Holm)\b/);
  });
});

describe('where the verdict changes', () => {
  it('finds the steps between neighbouring points along each parameter, in every slice of the others', () => {
    const at = (x: number, y: number, category: 'better' | 'chance') => ({ params: { x, y }, category });
    const points = [at(1, 1, 'chance'), at(2, 1, 'better'), at(3, 1, 'better'), at(1, 2, 'chance'), at(2, 2, 'chance'), at(3, 2, 'better')];
    expect([...verdictChanges(points, ['x', 'y'])]).toEqual([
      ['x', [[1, 2], [2, 3]]],
      ['y', [[1, 2]]],
    ]);
  });

  it('describes points off a grid by the ranges where the less common verdict holds', () => {
    const points = [
      { params: { altruism: 0.15, trustDrift: 0.031 }, category: 'better' as const },
      { params: { altruism: 0.35, trustDrift: 0.012 }, category: 'chance' as const },
      { params: { altruism: 0.55, trustDrift: 0.047 }, category: 'better' as const },
      { params: { altruism: 0.75, trustDrift: 0.022 }, category: 'chance' as const },
      { params: { altruism: 0.95, trustDrift: 0.005 }, category: 'chance' as const },
    ];
    expect(outcomeLine('cooperation_stability', points, ['altruism', 'trustDrift'], 'en')).toBe(
      '**Cooperation stability** (5 points): could be chance at 3, better at 2; better within `altruism` 0.15 to 0.55, `trustDrift` 0.031 to 0.047.',
    );
  });
});
