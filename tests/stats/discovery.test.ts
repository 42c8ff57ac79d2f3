/**
 * Scenario discovery: the tree finds a box that was planted, and reports it with counts that
 * match the rule as printed.
 */
import { describe, expect, it } from 'vitest';
import { bestBox, conditionText, discoverBoxes } from '../../src/stats/discovery.js';
import { createRng } from '../../src/stats/random.js';

function planted(n: number, seed: string): { x: number[][]; y: number[] } {
  const rng = createRng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = [rng(), rng(), rng()];
    x.push(row);
    // worse (0) exactly where a > 0.7 and c < 0.5; b is noise
    y.push(row[0]! > 0.7 && row[2]! < 0.5 ? 0 : 1);
  }
  return { x, y };
}

describe('discoverBoxes', () => {
  it('recovers a planted box on two of three variables', () => {
    const { x, y } = planted(400, 'discovery/planted');
    const boxes = discoverBoxes(x, y);
    expect(boxes.reduce((n, b) => n + b.cases, 0)).toBe(400);
    const best = bestBox(boxes, 0)!;
    expect(best).not.toBeNull();
    const text = conditionText(best.conditions, ['a', 'b', 'c']);
    expect(text).toMatch(/a ≥ 0\.[67]\d*/);
    expect(text).toMatch(/c < 0\.[45]\d*/);
    expect(text).not.toMatch(/\bb\b/);
    expect(best.density).toBeGreaterThan(0.9);
    expect(best.coverage).toBeGreaterThan(0.9);
  });

  it('counts every box with the thresholds it prints', () => {
    const { x, y } = planted(200, 'discovery/counts');
    for (const b of discoverBoxes(x, y)) {
      const inside = x.map((r, i) => [r, y[i]!] as const).filter(([r]) => b.conditions.every((c) => (c.op === '<' ? r[c.variable]! < c.value : r[c.variable]! >= c.value)));
      expect(b.cases).toBe(inside.length);
      expect(b.positives).toBe(inside.filter(([, v]) => v === 1).length);
      for (const c of b.conditions) expect(Number(c.value.toPrecision(3))).toBe(c.value);
    }
  });

  it('gives one box without conditions when there is only one class, and no best box then', () => {
    const boxes = discoverBoxes([[1], [2], [3]], [1, 1, 1]);
    expect(boxes).toEqual([{ conditions: [], cases: 3, positives: 3 }]);
    expect(bestBox(boxes, 0)).toBeNull();
  });
});
