import { describe, expect, it } from 'vitest';
import { accountOverhead, gini, observe, outcomes } from '../../src/core/observation.js';
import { TIMESERIES_COLUMNS } from '../../src/core/results.js';
import { markJoint } from '../../src/core/state.js';
import { buildWorld } from './world.js';
import { distances } from '../../src/core/initialization.js';

describe('gini', () => {
  it('matches hand-computed values', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
    // mean abs difference / (2 mean): pairs of [1,2,3]: sum |xi-xj| over all ordered = 8; 8/(2*9*2) = 2/9
    expect(gini([1, 2, 3])).toBeCloseTo(2 / 9, 12);
    expect(gini([])).toBe(0);
  });
});

describe('neighbour-step distances', () => {
  it('are breadth-first on a path graph, 255 when unreachable', () => {
    const d = distances([[1], [0, 2], [1], []]);
    expect(Array.from(d.slice(0, 4))).toEqual([0, 1, 2, 255]);
    expect(d[2 * 4 + 0]).toBe(2);
  });
});

describe('money through cooperation', () => {
  it('counts the overhead contributions; central funds only through the projects they pay for', () => {
    const w = buildWorld({
      municipalities: [{ name: 'A', population: 60000 }, { name: 'B', population: 40000 }],
      arrangements: [{ id: 'g', kind: 'gr', members: 'all', domains: ['transport'], funding: { transport: 180 }, fundShare: 0.6 }],
    });
    accountOverhead(w);
    // 3 EUR per inhabitant per year for 100,000 inhabitants, one month: 0.025 M EUR; the 180 EUR of funds not again.
    expect(w.counters.cooperationSpending).toBeCloseTo(0.025, 12);
  });
});

describe('pair ties', () => {
  const stabilityOver = (acts: number[], months: number): number[] => {
    const w = buildWorld({ municipalities: [{ name: 'A', population: 60000 }, { name: 'B', population: 40000 }], start: '2015-01', end: '2017-12' });
    const series = TIMESERIES_COLUMNS.map(() => new Float64Array(1));
    const out: number[] = [];
    const start = w.t;
    for (let m = 0; m < months; m++) {
      w.t = start + m;
      if (acts.includes(m)) markJoint(w, [0, 1]);
      observe(w, series, 0);
      out.push(series[TIMESERIES_COLUMNS.indexOf('cooperation_stability')]![0]!);
    }
    return out;
  };

  it('one joint act ties a pair for 12 months and never makes the tie stable', () => {
    expect(stabilityOver([0], 14)).toEqual(Array(14).fill(0));
  });

  it('a second act within the window keeps the tie, which is stable from its 13th month', () => {
    const s = stabilityOver([0, 6], 20);
    expect(s.slice(0, 12)).toEqual(Array(12).fill(0));
    expect(s.slice(12, 18)).toEqual(Array(6).fill(1));
    expect(s.slice(18)).toEqual([0, 0]); // 12 months after the second act the tie ends
  });

  it('counts ties over all pairs though it visits only the listed ones: the same shares as a count over every pair', () => {
    // Six municipalities, random joint acts over 40 months; the reference keeps its own tie ages for all 15 pairs.
    const w = buildWorld({ municipalities: ['A', 'B', 'C', 'D', 'E', 'F'].map((name) => ({ name, population: 10000 })), start: '2015-01', end: '2018-12' });
    const series = TIMESERIES_COLUMNS.map(() => new Float64Array(1));
    const col = (id: string): number => series[TIMESERIES_COLUMNS.indexOf(id as never)]![0]!;
    const n = 6;
    const age = new Int32Array(n * n);
    let x = 11;
    const next = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    const start = w.t;
    for (let m = 0; m < 40; m++) {
      w.t = start + m;
      if (next() < 0.3) {
        const group = [0, 1, 2, 3, 4, 5].filter(() => next() < 0.4);
        markJoint(w, group);
      }
      observe(w, series, 0);
      let tied = 0;
      let stable = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const k = i * n + j;
          age[k] = w.t - w.lastJoint[k]! < 12 ? age[k]! + 1 : 0;
          if (age[k]! > 0) tied++;
          if (age[k]! >= 13) stable++;
        }
      }
      expect([col('pairs_cooperating'), col('cooperation_stability')]).toEqual([tied / 15, stable / 15]);
    }
  });
});

describe('neighbours among partners', () => {
  // A line A - B - C - D: 3 of its 6 pairs are neighbours.
  const line = (): ReturnType<typeof buildWorld> =>
    buildWorld({
      municipalities: [
        { name: 'A', population: 10000, neighbours: ['B'] },
        { name: 'B', population: 10000, neighbours: ['A', 'C'] },
        { name: 'C', population: 10000, neighbours: ['B', 'D'] },
        { name: 'D', population: 10000, neighbours: ['C'] },
      ],
    });
  const series = (): Float64Array[] => TIMESERIES_COLUMNS.map(() => new Float64Array(1));

  it('neighbour_partner_ratio compares partners with all pairs, neighbour_choice_ratio with the beneficiaries of the same projects', () => {
    const w = line();
    // Two partner pairs, both neighbours; the projects' beneficiaries gave 6 pairs, 3 of them neighbours.
    Object.assign(w.totals, { partnerPairs: 2, partnerPairsNeighbours: 2, beneficiaryPairs: 6, beneficiaryPairsNeighbours: 3 });
    const o = outcomes(w, series());
    expect(o.neighbour_partner_ratio).toBeCloseTo(1 / (3 / 6), 12); // 2
    expect(o.neighbour_choice_ratio).toBeCloseTo(1 / (3 / 6), 12); // 2
    // Partners who are exactly the beneficiaries: no choice beyond the geography.
    Object.assign(w.totals, { partnerPairs: 4, partnerPairsNeighbours: 3, beneficiaryPairs: 4, beneficiaryPairsNeighbours: 3 });
    expect(outcomes(w, series()).neighbour_choice_ratio).toBe(1);
  });

  it('is NaN without projects, or without neighbouring beneficiaries', () => {
    const w = line();
    expect(outcomes(w, series()).neighbour_choice_ratio).toBeNaN();
    Object.assign(w.totals, { partnerPairs: 1, partnerPairsNeighbours: 0, beneficiaryPairs: 1, beneficiaryPairsNeighbours: 0 });
    expect(outcomes(w, series()).neighbour_choice_ratio).toBeNaN();
  });
});
