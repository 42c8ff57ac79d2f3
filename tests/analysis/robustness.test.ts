/**
 * Robustness from a batch's runs.csv: per-world paired differences, their spread across the
 * worlds, the share of worlds in which a scenario does better, and scenario discovery. A small
 * runs.csv written by hand, with every expected number worked out below.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverConditions, favours, summarizeWorlds, worldDifferences, type RobustnessDesign } from '../../src/analysis/robustness.js';
import { robustnessLine } from '../../src/analysis/uncertainty-md.js';
import { tempDir } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function design(worlds: Record<string, number>[], replications: number): RobustnessDesign {
  return {
    name: 't', title: 't', scenarios: ['ref', 'alt'], reference: 0, ranges: [{ name: 'altruism', min: 0, max: 1, integer: false }],
    worlds, replications, seed: 1, outcomes: ['completion_rate', 'exits'], source: { kind: 'lhs', samples: worlds.length, seed: 1 },
  };
}

/** runs.csv of two scenarios (ref, alt) × worlds × replications; values from f(scenario, world, replication). */
function runsCsv(worlds: number, reps: number, f: (s: number, w: number, r: number) => [number, number]): string {
  const dir = tempDir('regiosim-robust-');
  dirs.push(dir);
  const lines = ['run,scenario,point,replication,seed,completion_rate,exits'];
  for (let s = 0; s < 2; s++) for (let w = 0; w < worlds; w++) for (let r = 0; r < reps; r++) {
    const point = s * worlds + w;
    const [c, e] = f(s, w, r);
    lines.push([point * reps + r, s === 0 ? 'ref' : 'alt', point, r, 100 + r, c, e].join(','));
  }
  const path = join(dir, 'runs.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('worldDifferences and summarizeWorlds', () => {
  // alt − ref completion: world 0 −0.1, world 1 +0.05, world 2 +0.1 (± 0.01 by replication);
  // exits: alt has w more, so world 0 is a tie
  const worlds = [{ altruism: 0.1 }, { altruism: 0.5 }, { altruism: 0.9 }];
  const completion = [-0.1, 0.05, 0.1];
  const path = runsCsv(3, 2, (s, w, r) => (s === 0 ? [0.5, 3] : [0.5 + completion[w]! + (r === 0 ? 0.01 : -0.01), 3 + w]));
  const rows = worldDifferences(path, design(worlds, 2), ['ref', 'alt']);

  it('gives one row per world and outcome, paired by replication', () => {
    expect(rows).toHaveLength(6);
    const c = rows.filter((r) => r.outcome === 'completion_rate');
    expect(c.map((r) => r.world)).toEqual([0, 1, 2]);
    c.forEach((r, w) => expect(r.difference).toBeCloseTo(completion[w]!, 12));
    // two paired differences ±0.01 around the mean: half-width t(0.975, 1) · sd / √2 = 12.7062 · 0.01
    expect(c[0]!.ci_hi! - c[0]!.difference!).toBeCloseTo(12.706204736174707 * 0.01, 9);
    expect(c.map((r) => r.better)).toEqual([false, true, true]);
    expect(c[2]!.param_altruism).toBe(0.9);
    // a world where the scenarios do not differ is neither better nor worse
    expect(rows.filter((r) => r.outcome === 'exits').map((r) => r.better)).toEqual([null, false, false]);
  });

  it('summarises across the worlds by the outcome\'s direction, with ties apart', () => {
    const s = summarizeWorlds(rows);
    const c = s.find((r) => r.outcome === 'completion_rate')!;
    expect(c.worlds).toBe(3);
    expect(c.median).toBeCloseTo(0.05, 12);
    expect(c.min).toBeCloseTo(-0.1, 12);
    expect(c.max).toBeCloseTo(0.1, 12);
    expect(c.share_better).toBe(2 / 3);
    expect(c.share_worse).toBe(1 / 3);
    const e = s.find((r) => r.outcome === 'exits')!;
    expect(e.direction).toBe('lower');
    // exits differences 0, 1, 2: more exits is worse, 0 is a tie; Wilson upper end at 0 of 3: z²/(3 + z²) = 0.56
    expect(e.share_better).toBe(0);
    expect(e.share_worse).toBe(2 / 3);
    expect(e.share_better_lo).toBe(0);
    expect(robustnessLine(e, [], 'en')).toContain('better in 0% of the worlds (95% interval 0% to 56%), worse in 67%, the same in 33%');
  });

  it('favours follows the direction', () => {
    expect(favours('higher', 1)).toBe(true);
    expect(favours('lower', 1)).toBe(false);
    expect(favours('neutral', -1)).toBe(false);
  });
});

describe('discoverConditions', () => {
  it('finds the parameter the sign depends on and says so in the text', () => {
    const W = 40;
    const worlds = Array.from({ length: W }, (_, w) => ({ altruism: (w + 0.5) / W }));
    // alt completes more tasks unless altruism ≥ 0.7
    const path = runsCsv(W, 2, (s, w, r) => (s === 0 ? [0.5, 3] : [0.5 + ((w + 0.5) / W < 0.7 ? 0.05 : -0.05) + (r === 0 ? 0.001 : -0.001), 3]));
    const rows = worldDifferences(path, design(worlds, 2), ['ref', 'alt']);
    const found = discoverConditions(rows, design(worlds, 2).ranges);
    const box = found.find((b) => b.outcome === 'completion_rate' && b.highlight !== null)!;
    expect(box.highlight).toBe('worse');
    expect(box.rule).toBe('altruism ≥ 0.7');
    expect(box.worlds).toBe(12);
    expect(box.better).toBe(0);
    expect(box.coverage_worse).toBe(1);
    const summary = summarizeWorlds(rows).find((r) => r.outcome === 'completion_rate')!;
    expect(summary.share_better).toBe(28 / 40);
    const line = robustnessLine(summary, found, 'en');
    expect(line).toContain('better in 70% of the worlds');
    expect(line).toContain('It does worse mainly where `altruism ≥ 0.7` (12 of the 12 worlds there; they hold 100% of the worlds where it does worse)');
    expect(robustnessLine(summary, found, 'nl')).toContain('Het doet het vooral slechter waar `altruism ≥ 0,7` (12 van de 12 werelden daar');
    // exits never differ: no box
    expect(found.some((b) => b.outcome === 'exits')).toBe(false);
  });
});
