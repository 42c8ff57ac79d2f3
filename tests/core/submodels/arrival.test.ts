import { describe, expect, it } from 'vitest';
import { arriveTasks } from '../../../src/core/submodels/arrival.js';
import { buildWorld, script, Z_MINUS_1, Z_PLUS_1 } from '../world.js';

/** Nine uniforms of one task: location, urgency, work (2), budget (2), benefit-cost (2), noise key; z = 0 for the three normals. */
function draws(location: number, urgency = 0.5, noise = 0.5): number[] {
  const z0 = [0.3, 0.25]; // cos(2π·0.25) = 0 (to 1e-16)
  return [location, urgency, ...z0, ...z0, ...z0, noise];
}

/** Only housing (and, when given, transport) tasks arrive: the other shares are 0. */
const HOUSING_ONLY = { shareHousing: 1, shareTransport: 0, shareEconomy: 0, shareSocial: 0, shareOperations: 0, taskRatePerMunicipality: 0.05 };

describe('task arrival', () => {
  it('draws one Poisson count per domain with λ = rate · n · share / Σ share · rateMultiplier', () => {
    const w = buildWorld({
      municipalities: [{ name: 'A', population: 40000 }, { name: 'B', population: 10000 }],
      parameters: { taskRatePerMunicipality: 0.5, shareHousing: 1, shareTransport: 1, shareEconomy: 0, shareSocial: 0, shareOperations: 0 },
    });
    w.rateMultiplier[1] = 3; // transport
    // λ_housing = 0.5 · 2 · 1/2 = 0.5: P(0) = e^-0.5 = 0.607, so u = 0.6 gives no task.
    // λ_transport = 0.5 · 2 · 1/2 · 3 = 1.5: P(≤1) = 2.5 e^-1.5 = 0.558, P(≤2) = 3.625 e^-1.5 = 0.809, so u = 0.8 gives 2
    // (without the multiplier, λ = 0.5 and u = 0.8 would give 1).
    // Economy, social and operations have λ = 0 but still take their one uniform.
    const s = script(w, 'tasks', [0.6, 0.8, ...draws(0), ...draws(0), 0.99, 0.99, 0.99]);
    arriveTasks(w);
    expect(s.remaining).toBe(0);
    expect([...w.tasks.values()].map((t) => [t.id, t.domain])).toEqual([[1, 'transport'], [2, 'transport']]);
    expect(w.counters.tasksArrived).toBe(2);
    expect(w.nextTaskId).toBe(3);
  });

  it('takes location, urgency, work, budget, benefit-cost and noise key from the fixed sequence of nine uniforms', () => {
    const w = buildWorld({
      municipalities: [{ name: 'A', population: 40000 }, { name: 'B', population: 10000 }],
      parameters: HOUSING_ONLY,
      start: '2015-01',
    });
    w.t += 4;
    // λ = 0.05 · 2 = 0.1: P(0) = 0.905, P(≤1) = 0.995, P(≤2) = 0.99985; u = 0.999 gives 2 tasks.
    // Location weights N^0.5: 200 and 100, so u < 2/3 picks A and u ≥ 2/3 picks B (u = 0.6 would pick B
    // with equal weights, u = 0.7 would pick A with weights N^1).
    const first = [0.7, 0.5, ...Z_PLUS_1, ...Z_MINUS_1, ...Z_PLUS_1, 0.25];
    const second = [0.6, 0, 0.3, 0.25, 0.3, 0.25, 0.3, 0.25, 0.5];
    const s = script(w, 'tasks', [0.999, ...first, ...second, 0.5, 0.5, 0.5, 0.5]);
    arriveTasks(w);
    expect(s.remaining).toBe(0);
    const [t1, t2] = [...w.tasks.values()];

    expect(t1!.location).toBe(1);
    expect(t1!.urgency).toBeCloseTo(0.2 + 0.8 * 0.5, 12);
    expect(t1!.work).toBeCloseTo(8 * Math.exp(0.7), 12); // taskWorkMedian · e^(taskWorkSigma · 1)
    expect(t1!.budget).toBeCloseTo(2 * Math.exp(-1), 12); // taskBudgetMedian · e^(taskBudgetSigma · -1)
    expect(t1!.value).toBeCloseTo(1.4 * Math.exp(0.5) * (2 * Math.exp(-1) + 8 * Math.exp(0.7) * 0.008), 12);
    expect(t1!.noiseKey).toBe(2 ** 30);
    expect(t1!.duration).toBe(13); // round(24 − 18 · 0.6) = round(13.2)
    expect(t1!.deadline).toBe(w.t + 11); // round(12 · (1.25 − 0.3)) = round(11.4)
    expect(t1!.arrived).toBe(w.t);
    expect(t1!.status).toBe('pool');

    expect(t2!.location).toBe(0);
    expect(t2!.urgency).toBe(0.2);
    expect(t2!.work).toBeCloseTo(8, 12);
    expect(t2!.duration).toBe(20); // round(24 − 18 · 0.2) = round(20.4)
    expect(t2!.deadline).toBe(w.t + 14); // round(12 · 1.15) = round(13.8)
    expect(t2!.noiseKey).toBe(2 ** 31);

    // Benefits θ · localityDecay^dist · N^0.7 (both are neighbours: the region lists none).
    const near = (own: number, other: number) => [own ** 0.7, 0.35 * other ** 0.7];
    const [b1B, b1A] = near(10000, 40000);
    expect(t1!.beneficiaries).toEqual([0, 1]);
    expect(t1!.shares[0]).toBeCloseTo(b1A / (b1A + b1B), 12);
    expect(t1!.shares[1]).toBeCloseTo(b1B / (b1A + b1B), 12);
    const [b2A, b2B] = near(40000, 10000);
    expect(t2!.shares[1]).toBeCloseTo(b2B / (b2A + b2B), 12); // 0.117
  });

  it('spreads benefits up to three steps with localityDecay^k and drops shares below beneficiaryMinShare', () => {
    // A chain V - W - X - Y - Z of equal towns, so only distance matters.
    const names = ['V', 'W', 'X', 'Y', 'Z'];
    const chain = names.map((name, i) => ({ name, population: 10000, neighbours: [names[i - 1], names[i + 1]].filter((x): x is string => !!x) }));
    const shares = (localityDecay: number, locationU: number, tweak?: (w: ReturnType<typeof buildWorld>) => void) => {
      const w = buildWorld({ municipalities: chain, parameters: { ...HOUSING_ONLY, localityDecay } });
      tweak?.(w);
      // λ = 0.05 · 5 = 0.25: P(0) = 0.779, P(≤1) = 0.974; u = 0.9 gives one task.
      script(w, 'tasks', [0.9, ...draws(locationU), 0.5, 0.5, 0.5, 0.5]);
      arriveTasks(w);
      const t = [...w.tasks.values()][0]!;
      return { location: t.location, beneficiaries: t.beneficiaries, shares: t.shares };
    };

    // From V with decay 0.35: raw 1, 0.35, 0.1225, 0.042875 (Z, 4 steps, gets nothing); Y's share
    // 0.042875 / 1.515375 = 0.028 < 0.05 is dropped and the rest renormalised over 1.4725.
    const a = shares(0.35, 0);
    expect(a.location).toBe(0);
    expect(a.beneficiaries).toEqual([0, 1, 2]);
    [1, 0.35, 0.1225].forEach((raw, k) => expect(a.shares[k]).toBeCloseTo(raw / 1.4725, 12));

    // With decay 0.5: raw 1, 0.5, 0.25, 0.125; Y's share 0.125 / 1.875 = 0.067 stays.
    const b = shares(0.5, 0);
    expect(b.beneficiaries).toEqual([0, 1, 2, 3]);
    [1, 0.5, 0.25, 0.125].forEach((raw, k) => expect(b.shares[k]).toBeCloseTo(raw / 1.875, 12));

    // The location always stays, however small its interest: Y (u = 0.7 of five equal weights) with
    // interest 0.01. Raw: V 0.042875, W 0.1225, X 0.35, Y 0.01, Z 0.35 (sum 0.875375); V's share 0.049
    // is dropped, Y's 0.011 is kept; the kept raw weights sum to 0.8325.
    const c = shares(0.35, 0.7, (w) => {
      w.municipalities[3]!.interest[0] = 0.01;
    });
    expect(c.location).toBe(3);
    expect(c.beneficiaries).toEqual([1, 2, 3, 4]);
    [0.1225, 0.35, 0.01, 0.35].forEach((raw, k) => expect(c.shares[k]).toBeCloseTo(raw / 0.8325, 12));
  });

  it('weights beneficiaries by their interest in the domain', () => {
    const w = buildWorld({ municipalities: [{ name: 'A', population: 10000 }, { name: 'B', population: 10000 }], parameters: HOUSING_ONLY });
    w.municipalities[1]!.interest[0] = 2; // housing
    w.municipalities[1]!.interest[2] = 9; // economy: irrelevant to a housing task
    script(w, 'tasks', [0.95, ...draws(0), 0.5, 0.5, 0.5, 0.5]); // λ = 0.1: 0.905 < 0.95 ≤ 0.995 gives one task
    arriveTasks(w);
    const t = [...w.tasks.values()][0]!;
    // Raw weights: A 1 · 1, B 2 · 0.35 = 0.7.
    expect(t.shares[0]).toBeCloseTo(1 / 1.7, 12);
    expect(t.shares[1]).toBeCloseTo(0.7 / 1.7, 12);
  });

  it('draws the same tasks whatever the structure (common random numbers)', () => {
    const towns = [{ name: 'A', population: 50000 }, { name: 'B', population: 30000 }, { name: 'C', population: 20000 }];
    const bare = buildWorld({ municipalities: towns, seed: 7 });
    const structured = buildWorld({
      municipalities: towns, seed: 7,
      arrangements: [{ id: 'g', kind: 'gr', members: 'all', domains: ['housing', 'social'] }, { id: 'n', kind: 'network', members: ['A', 'B'], domains: ['economy'] }],
    });
    for (let m = 0; m < 36; m++) {
      for (const w of [bare, structured]) {
        arriveTasks(w);
        w.t++;
      }
    }
    expect(bare.tasks.size).toBeGreaterThan(0);
    expect([...structured.tasks.values()]).toEqual([...bare.tasks.values()]);
    expect(structured.rng.tasks.next()).toBe(bare.rng.tasks.next());
  });
});
