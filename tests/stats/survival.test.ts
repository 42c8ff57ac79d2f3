import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kaplanMeier, logRankTest, survivalQuantile } from '../../src/stats/survival.js';

// Freireich et al. (1963) 6-MP leukaemia remission data as given by Gehan (1965)
// and Kleinbaum & Klein, "Survival Analysis" (weeks in remission; + = censored).
// 6-MP: 6,6,6,7,10,13,16,22,23, 6+,9+,10+,11+,17+,19+,20+,25+,32+,32+,34+,35+
const MP_T = [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
const MP_E = [...Array<number>(9).fill(1), ...Array<number>(12).fill(0)] as (0 | 1)[];
// Placebo: all relapsed.
const PL_T = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];
const PL_E = Array<1>(21).fill(1);

describe('kaplanMeier', () => {
  it('reproduces the 6-MP table (survival, Greenwood SE, log-log 95% band)', () => {
    // References: python3 with scipy 1.17 —
    //   scipy.stats.ecdf(CensoredData(uncensored=..., right=...)).sf (survival) and
    //   .sf.confidence_interval(0.95, method='log-log') (bands); Greenwood SE computed
    //   with numpy as S·sqrt(Σ d/(n(n−d))). Rounded, these are the familiar textbook
    //   values for this data set (survival with Greenwood SE):
    //   0.857 (0.0764), 0.807 (0.0869), 0.753 (0.0963), 0.690 (0.1068), 0.627 (0.1141),
    //   0.538 (0.1282), 0.448 (0.1346).
    const km = kaplanMeier(MP_T, MP_E);
    expect(km.n).toBe(21);
    expect(km.events).toBe(9);
    expect(km.confType).toBe('log-log');
    const expected: [number, number, number, number, number, number, number, number][] = [
      // time, nRisk, nEvent, nCensor, survival, stdErr, lower, upper
      [6, 21, 3, 1, 0.8571428571428572, 0.07636035483212125, 0.6197179552659837, 0.9515517476469971],
      [7, 17, 1, 0, 0.8067226890756303, 0.0869352851800572, 0.5631465646222333, 0.9228090192028805],
      [9, 16, 0, 1, 0.8067226890756303, 0.0869352851800572, 0.5631465646222333, 0.9228090192028805],
      [10, 15, 1, 1, 0.7529411764705882, 0.09634965299432051, 0.5031995107999564, 0.8893618351692656],
      [11, 13, 0, 1, 0.7529411764705882, 0.09634965299432051, 0.5031995107999564, 0.8893618351692656],
      [13, 12, 1, 0, 0.6901960784313725, 0.10681470777500983, 0.43161022248618397, 0.8490659633494508],
      [16, 11, 1, 0, 0.6274509803921569, 0.11405386525675254, 0.36751085598750205, 0.8049121894718413],
      [17, 10, 0, 1, 0.6274509803921569, 0.11405386525675254, 0.36751085598750205, 0.8049121894718413],
      [19, 9, 0, 1, 0.6274509803921569, 0.11405386525675254, 0.36751085598750205, 0.8049121894718413],
      [20, 8, 0, 1, 0.6274509803921569, 0.11405386525675254, 0.36751085598750205, 0.8049121894718413],
      [22, 7, 1, 0, 0.5378151260504203, 0.12823375169303403, 0.267778936767135, 0.7467907176353947],
      [23, 6, 1, 0, 0.44817927170868355, 0.13459145675576048, 0.1880520059592324, 0.6801426284952415],
      [25, 5, 0, 1, 0.44817927170868355, 0.13459145675576048, 0.1880520059592324, 0.6801426284952415],
      [32, 4, 0, 2, 0.44817927170868355, 0.13459145675576048, 0.1880520059592324, 0.6801426284952415],
      [34, 2, 0, 1, 0.44817927170868355, 0.13459145675576048, 0.1880520059592324, 0.6801426284952415],
      [35, 1, 0, 1, 0.44817927170868355, 0.13459145675576048, 0.1880520059592324, 0.6801426284952415],
    ];
    expect(km.steps).toHaveLength(expected.length);
    km.steps.forEach((s, i) => {
      const [time, nRisk, nEvent, nCensor, surv, se, lo, hi] = expected[i]!;
      expect([s.time, s.nRisk, s.nEvent, s.nCensor]).toEqual([time, nRisk, nEvent, nCensor]);
      // deterministic formulas: 12 decimals
      expect(s.survival).toBeCloseTo(surv, 12);
      expect(s.stdErr).toBeCloseTo(se, 12);
      expect(s.lower).toBeCloseTo(lo, 12);
      expect(s.upper).toBeCloseTo(hi, 12);
    });
  });

  it('reproduces the placebo table and reports NaN bands once S = 0', () => {
    // Same sources as above (scipy ecdf log-log band; numpy Greenwood).
    const km = kaplanMeier(PL_T, PL_E);
    const s8 = km.steps.find((s) => s.time === 8)!;
    expect(s8.nRisk).toBe(12);
    expect(s8.nEvent).toBe(4);
    expect(s8.survival).toBeCloseTo(0.380952380952381, 12);
    expect(s8.stdErr).toBeCloseTo(0.10597116957413083, 12);
    expect(s8.lower).toBeCloseTo(0.1830665488203944, 12);
    expect(s8.upper).toBeCloseTo(0.577788677745831, 12);
    const s22 = km.steps.find((s) => s.time === 22)!;
    expect(s22.survival).toBeCloseTo(0.04761904761904764, 12);
    expect(s22.lower).toBeCloseTo(0.003324463042531175, 12);
    expect(s22.upper).toBeCloseTo(0.19704490569894614, 12);
    const last = km.steps[km.steps.length - 1]!;
    expect(last.time).toBe(23);
    expect(last.survival).toBe(0);
    expect(Number.isNaN(last.stdErr) && Number.isNaN(last.lower) && Number.isNaN(last.upper)).toBe(true);
  });

  it('supports R\'s default log band (conf.type = "log")', () => {
    // numpy: lower = S·exp(−1.96·σ), upper = min(1, S·exp(1.96·σ)), σ = sqrt(Σ d/(n(n−d)))
    const km = kaplanMeier(MP_T, MP_E, { confType: 'log' });
    expect(km.steps[0]!.lower).toBeCloseTo(0.7198170839162705, 12);
    expect(km.steps[0]!.upper).toBe(1);
    expect(km.steps[1]!.lower).toBeCloseTo(0.6531242184621711, 12);
    expect(km.steps[1]!.upper).toBeCloseTo(0.9964436759086593, 12);
  });

  it('keeps S = 1 with a degenerate band before the first event', () => {
    const km = kaplanMeier([0.5, 1, 2, 3], [false, true, true, false]);
    expect(km.steps[0]).toMatchObject({ time: 0.5, nRisk: 4, nEvent: 0, nCensor: 1, survival: 1, stdErr: 0, lower: 1, upper: 1 });
    expect(km.steps[1]!.survival).toBeCloseTo(2 / 3, 15);
  });

  it('equals the empirical survival function without censoring (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 40 }), (ts) => {
        const km = kaplanMeier(ts, ts.map(() => true));
        return km.steps.every((s) => {
          const share = ts.filter((t) => t > s.time).length / ts.length;
          return Math.abs(s.survival - share) < 1e-12;
        });
      }),
    );
  });

  it('has lower ≤ S ≤ upper and non-increasing S (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.boolean()), { minLength: 1, maxLength: 50 }),
        (obs) => {
          const km = kaplanMeier(obs.map((o) => o[0]), obs.map((o) => o[1]));
          let prev = 1;
          for (const s of km.steps) {
            if (s.survival > prev) return false;
            prev = s.survival;
            if (s.survival > 0 && !(s.lower <= s.survival + 1e-15 && s.survival <= s.upper + 1e-15)) return false;
          }
          return true;
        },
      ),
    );
  });

  it('rejects mismatched or invalid input', () => {
    expect(() => kaplanMeier([1, 2], [true])).toThrow(RangeError);
    expect(() => kaplanMeier([], [])).toThrow(RangeError);
    expect(() => kaplanMeier([1], [2 as unknown as 1])).toThrow(RangeError);
  });
});

describe('median survival', () => {
  it('6-MP: 23 weeks, log-log interval [13, not reached]', () => {
    // Brookmeyer–Crowley: first time each curve is ≤ 0.5 in the tables above:
    // S: 0.448 at 23; lower band: 0.432 at 13; upper band never (min 0.680).
    const m = kaplanMeier(MP_T, MP_E).median;
    expect(m.estimate).toBe(23);
    expect(m.lower).toBe(13);
    expect(Number.isNaN(m.upper)).toBe(true);
  });

  it('placebo: 8 weeks, log-log interval [4, 11]', () => {
    // S: 0.381 at 8; lower band 0.425 at 4; upper band 0.482 at 11 (scipy ecdf log-log).
    const m = kaplanMeier(PL_T, PL_E).median;
    expect([m.estimate, m.lower, m.upper]).toEqual([8, 4, 11]);
  });

  it("with the log band gives R's printed survfit medians: 8 [4, 12] and 23 [16, NA]", () => {
    // R: survfit(Surv(time, status) ~ group) default conf.type = "log";
    // confirmed with numpy (first time S·exp(∓1.96σ) ≤ 0.5).
    const pl = kaplanMeier(PL_T, PL_E, { confType: 'log' }).median;
    expect([pl.estimate, pl.lower, pl.upper]).toEqual([8, 4, 12]);
    const mp = kaplanMeier(MP_T, MP_E, { confType: 'log' }).median;
    expect([mp.estimate, mp.lower]).toEqual([23, 16]);
    expect(Number.isNaN(mp.upper)).toBe(true);
  });

  it('takes the midpoint of a flat exactly at 0.5, as R does', () => {
    // S = 0.75, 0.5, 0.25, 0 at 1..4: the sample median (2 + 3)/2 = 2.5
    expect(kaplanMeier([1, 2, 3, 4], [1, 1, 1, 1]).median.estimate).toBe(2.5);
    // curve ends on the flat S = 0.5 (censored at 3, 4): midpoint of 2 and the last time 4
    expect(kaplanMeier([1, 2, 3, 4], [1, 1, 0, 0]).median.estimate).toBe(3);
  });

  it('survivalQuantile gives other quantiles (25th percentile of the placebo group)', () => {
    // S: 0.905 (1), 0.810 (2), 0.762 (3), 0.667 (4): first S ≤ 1 − 0.25 at time 4.
    const q = survivalQuantile(kaplanMeier(PL_T, PL_E), 0.25);
    expect(q.estimate).toBe(4);
    expect(q.prob).toBe(0.25);
  });
});

describe('logRankTest', () => {
  it('reproduces the Freireich log-rank test (chi-square 16.79, Kleinbaum & Klein; R survdiff)', () => {
    // R survdiff: Observed 9 / 21, Expected 19.25 / 10.75, Chisq = 16.8 on 1 df, p = 4e-05.
    // Full precision: scipy.stats.logrank(6-MP, placebo).statistic**2 = 16.792940989216536,
    // p = 4.168809109334529e-05; expected counts from a numpy implementation.
    const r = logRankTest(
      [...MP_T, ...PL_T],
      [...MP_E, ...PL_E],
      [...Array<string>(21).fill('6-MP'), ...Array<string>(21).fill('placebo')],
    );
    expect(r.df).toBe(1);
    expect(r.chiSquare).toBeCloseTo(16.792940989216536, 10);
    expect(r.chiSquare).toBeCloseTo(16.79, 2); // textbook value
    expect(r.p).toBeCloseTo(4.168809109334529e-5, 12);
    expect(r.groups.map((g) => g.group)).toEqual(['6-MP', 'placebo']);
    expect(r.groups[0]!.observed).toBe(9);
    expect(r.groups[1]!.observed).toBe(21);
    expect(r.groups[0]!.expected).toBeCloseTo(19.25050095, 8);
    expect(r.groups[1]!.expected).toBeCloseTo(10.74949905, 8);
  });

  it('handles three groups (generalised inverse reference)', () => {
    // Third group C: times 3,5+,7,7,9,12+,14,18,21+,24,26+,30+.
    // Reference: independent numpy implementation using np.linalg.pinv of the full
    // k×k covariance and df = rank: chi2 = 19.858365386077512, df = 2,
    // p = 4.8731608509802895e-05; expected = 17.9606..., 9.6808..., 9.3586...
    const t3 = [3, 5, 7, 7, 9, 12, 14, 18, 21, 24, 26, 30];
    const e3 = [1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 0] as (0 | 1)[];
    const r = logRankTest(
      [...MP_T, ...PL_T, ...t3],
      [...MP_E, ...PL_E, ...e3],
      [...Array<string>(21).fill('6-MP'), ...Array<string>(21).fill('placebo'), ...Array<string>(12).fill('C')],
    );
    expect(r.df).toBe(2);
    expect(r.chiSquare).toBeCloseTo(19.858365386077512, 10);
    expect(r.p).toBeCloseTo(4.8731608509802895e-5, 12);
    expect(r.groups.map((g) => g.expected)).toEqual([
      expect.closeTo(17.960605016749582, 10),
      expect.closeTo(9.680813233355138, 10),
      expect.closeTo(9.358581749895277, 10),
    ]);
  });

  it('observed and expected totals agree; the statistic does not depend on group order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 15 }), fc.boolean(), fc.constantFrom('a', 'b', 'c')), {
          minLength: 4,
          maxLength: 60,
        }),
        (obs) => {
          const t = obs.map((o) => o[0]);
          const e = obs.map((o) => o[1]);
          const g = obs.map((o) => o[2]);
          if (new Set(g).size < 2) return true;
          const r = logRankTest(t, e, g);
          const o = r.groups.reduce((a, x) => a + x.observed, 0);
          const ex = r.groups.reduce((a, x) => a + x.expected, 0);
          if (Math.abs(o - ex) > 1e-9) return false;
          const rev = logRankTest([...t].reverse(), [...e].reverse(), [...g].reverse());
          if (Number.isNaN(r.chiSquare)) return Number.isNaN(rev.chiSquare);
          return Math.abs(r.chiSquare - rev.chiSquare) <= 1e-8 * (1 + r.chiSquare);
        },
      ),
    );
  });

  it('needs two groups', () => {
    expect(() => logRankTest([1, 2], [1, 1], ['a', 'a'])).toThrow(RangeError);
  });
});
