/**
 * analyzeBatch on a small synthetic batch (tests/analysis/fixtures.ts). Expected values come from
 * tests/analysis/reference/analyze_reference.py (scipy/numpy, independent of regiosim); they are
 * compared with a relative tolerance of 1e-9 (the files round to 10 significant digits).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBatch, analyzeData } from '../../src/analysis/analyze.js';
import { COMPARISON_CSV, SUMMARY_CSV, SURVIVAL_CSV, SURVIVAL_SUMMARY_CSV } from '../../src/formats/files.js';
import { header } from '../../src/formats/schema.js';
import { loadBatch } from '../../src/analysis/batch-data.js';
import { bootstrapMeanInterval } from '../../src/stats/descriptive.js';
import { UserError } from '../../src/io/errors.js';
import { parseCsv } from '../../src/formats/csv.js';
import { writeFixtureBatch } from './fixtures.js';

function close(actual: number, expected: number, tol = 1e-9): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

function closeAll(actual: Record<string, unknown>, expected: Record<string, number>): void {
  for (const [k, v] of Object.entries(expected)) {
    const a = actual[k];
    expect(typeof a, k).toBe('number');
    try {
      close(a as number, v);
    } catch (err) {
      throw new Error(`${k}: expected ${v}, got ${String(a)}`, { cause: err });
    }
  }
}

describe('analyzeData: summary.csv rows', () => {
  const a = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 200 });
  const row = (scenario: string, outcome: string) => a.summary.find((r) => r.scenario === scenario && r.outcome === outcome)!;

  it('has one row per point and outcome present in runs.csv, in OUTCOMES order', () => {
    expect(a.summary).toHaveLength(3 * 4);
    expect(a.summary.slice(0, 4).map((r) => r.outcome)).toEqual(['cooperation_stability', 'tasks_arrived', 'exits', 'exits_after_election_share']);
  });

  it('matches numpy/scipy for the mean, sd, type-7 quartiles, t interval and the n needed for ±5%', () => {
    closeAll(row('a', 'cooperation_stability') as unknown as Record<string, unknown>, {
      n: 6, mean: 0.4166666666666667, sd: 0.1513825177048746, median: 0.4375, q1: 0.28125, q3: 0.5, iqr: 0.21875,
      ci_lo: 0.25780045732998647, ci_hi: 0.5755328760033469, rel_half_width: 0.3812789024080326, n_needed: 206, precision: 0.05,
    });
    closeAll(row('a', 'exits') as unknown as Record<string, unknown>, {
      n: 6, mean: 5.5, sd: 1.8708286933869707, median: 5.5, q1: 4.25, q3: 6.75, ci_lo: 3.5366856930196757, ci_hi: 7.463314306980324,
      rel_half_width: 0.3569662376327862, n_needed: 181,
    });
  });

  it('leaves out NaN values (a model outcome without a value) and counts only the rest', () => {
    closeAll(row('a', 'exits_after_election_share') as unknown as Record<string, unknown>, {
      n: 4, mean: 0.5, sd: 0.2041241452319315, q1: 0.4375, q3: 0.5625, ci_lo: 0.17519293409372227, ci_hi: 0.8248070659062777, n_needed: 259,
    });
    const c = row('c', 'exits_after_election_share');
    expect(c.n).toBe(1);
    expect(c.mean).toBe(1);
    for (const k of ['sd', 'ci_lo', 'ci_hi', 'boot_lo', 'boot_hi', 'rel_half_width', 'n_needed'] as const) expect(c[k]).toBeNaN();
  });

  it('takes the bootstrap interval from the seeded resampler, one stream per point and outcome', () => {
    const r = row('b', 'exits');
    const b = bootstrapMeanInterval([2, 5, 5, 4, 1, 6], { resamples: 200, seed: '1/1/exits', level: 0.95 });
    expect([r.boot_lo, r.boot_hi]).toEqual([b.lo, b.hi]);
    const again = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 200 });
    expect(again.summary).toEqual(a.summary);
    const other = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 200, bootstrapSeed: 7 });
    expect(other.summary.find((x) => x.scenario === 'b' && x.outcome === 'exits')!.boot_lo).not.toBe(r.boot_lo);
  });

  it('uses the requested precision for n_needed', () => {
    const p = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 0, precision: 0.5 });
    const r = p.summary.find((x) => x.scenario === 'a' && x.outcome === 'cooperation_stability')!;
    expect(r.precision).toBe(0.5);
    // smallest n with t(0.975, n−1)·s/√n ≤ 0.5·mean = 0.2083: n = 4 gives 3.182·0.1514/2 = 0.241, n = 5 gives 2.776·0.1514/√5 = 0.188
    expect(r.n_needed).toBe(5);
    expect(r.boot_lo).toBeNaN();
  });
});

describe('analyzeData: comparison.csv rows', () => {
  const a = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 0 });
  const row = (scenario: string, outcome: string) => a.comparison.find((r) => r.scenario === scenario && r.outcome === outcome)!;

  it('compares every other scenario with the first, per outcome', () => {
    expect(a.reference).toBe('a');
    expect(a.comparison.map((r) => `${r.scenario}:${r.outcome}`)).toEqual([
      'b:cooperation_stability', 'b:tasks_arrived', 'b:exits', 'b:exits_after_election_share',
      'c:cooperation_stability', 'c:tasks_arrived', 'c:exits', 'c:exits_after_election_share',
    ]);
  });

  it('pairs runs by replication when seeds agree: paired t interval, d_z, share better, Wilcoxon signed-rank', () => {
    const cs = row('b', 'cooperation_stability');
    expect(cs.paired).toBe(true);
    expect(cs.test).toBe('wilcoxon-signed-rank');
    closeAll(cs as unknown as Record<string, unknown>, {
      n: 6, mean_reference: 0.4166666666666667, mean_scenario: 0.4427083333333333, difference: 0.026041666666666668,
      ci_lo: -0.07852544764932323, ci_hi: 0.13060878098265657, effect_size: 0.2613541867446584, share_better: 0.75,
      statistic: 10, p: 0.5896385516265672, p_holm: 1,
    });
    // lower is better for exits: share_better counts pairs with fewer exits (the zero difference counts one half)
    closeAll(row('b', 'exits') as unknown as Record<string, unknown>, {
      difference: -1.6666666666666667, ci_lo: -2.7505191349956455, ci_hi: -0.5828141983376878, effect_size: -1.6137430609197574,
      share_better: 0.9166666666666666, statistic: 0, p: 0.054474035106195515, p_holm: 0.21789614042478206,
    });
    expect(row('b', 'exits').significant).toBe(false);
  });

  it('handles identical outcomes (common random numbers) and outcomes without a direction', () => {
    const t = row('b', 'tasks_arrived');
    closeAll(t as unknown as Record<string, unknown>, { difference: 0, ci_lo: 0, ci_hi: 0, statistic: 0, p: 1, p_holm: 1 });
    expect(t.effect_size).toBeNaN();
    expect(t.share_better).toBeNaN();
  });

  it('drops pairs with a NaN on either side, and applies Holm over the outcomes of one comparison', () => {
    const e = row('b', 'exits_after_election_share');
    closeAll(e as unknown as Record<string, unknown>, {
      n: 3, mean_reference: 0.5833333333333334, mean_scenario: 0.3333333333333333, difference: -0.25, ci_lo: -0.25, ci_hi: -0.25,
      p: 0.14891467317876572, p_holm: 0.44674401953629717,
    });
    expect(e.effect_size).toBeNaN();
  });

  it('uses Welch, Cohen\'s d, the probability of superiority and Mann–Whitney when seeds differ', () => {
    const cs = row('c', 'cooperation_stability');
    expect(cs.paired).toBe(false);
    expect(cs.test).toBe('mann-whitney');
    closeAll(cs as unknown as Record<string, unknown>, {
      n: 6, mean_reference: 0.4166666666666667, mean_scenario: 0.5416666666666666, difference: 0.125,
      ci_lo: -0.05983921992454974, ci_hi: 0.30983921992454966, effect_size: 0.8714893406611899, share_better: 0.7222222222222222,
      statistic: 26, p: 0.224010200997121, p_holm: 0.448020401994242,
    });
    closeAll(row('c', 'exits') as unknown as Record<string, unknown>, {
      difference: -1.6666666666666665, ci_lo: -3.848388725911164, ci_hi: 0.515055392577831, effect_size: -0.9901475429766743,
      share_better: 0.7638888888888888, statistic: 8.5, p: 0.1445319802545371, p_holm: 0.4335959407636113,
    });
    closeAll(row('c', 'tasks_arrived') as unknown as Record<string, unknown>, { statistic: 18.5, p: 1, p_holm: 1, ci_lo: -2.4400376098194596, ci_hi: 2.7733709431527918 });
    const none = row('c', 'exits_after_election_share');
    expect(none.test).toBe('none');
    expect(none.n).toBe(1);
    expect(none.p).toBeNaN();
    expect(none.p_holm).toBeNaN();
    expect(none.significant).toBe(false);
  });

  it('takes another reference on request', () => {
    const b = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 0, reference: 'b' });
    expect([...new Set(b.comparison.map((r) => `${r.reference}>${r.scenario}`))]).toEqual(['b>a', 'b>c']);
    const cs = b.comparison.find((r) => r.scenario === 'a' && r.outcome === 'cooperation_stability')!;
    close(cs.difference, -0.026041666666666668);
    close(cs.share_better, 0.25);
  });
});

describe('analyzeData: parameter points', () => {
  it('compares each point with the reference point of the same parameter values, and reports points without one', () => {
    // a and b at altruism 0.3 and 0.6; b also at 0.9, which a lacks
    const pts = [['a', 0.3], ['a', 0.6], ['b', 0.3], ['b', 0.6], ['b', 0.9]] as const;
    let runs = 'run,scenario,point,replication,seed,param_altruism,exits\n';
    pts.forEach(([s, alt], p) => {
      for (let r = 0; r < 3; r++) runs += `${p * 3 + r},${s},${p},${r},${50 + r},${alt},${p * 10 + r * r}\n`;
    });
    const dir = writeFixtureBatch({
      replace: {
        'points.csv': 'point,scenario,param_altruism\n' + pts.map(([s, alt], p) => `${p},${s},${alt}\n`).join(''),
        'runs.csv': runs,
        'spells.csv': 'run,scenario,point,replication,type,duration,ended\n',
      },
    });
    const a = analyzeData(loadBatch(dir), { bootstrap: 0 });
    // point 2 (b, 0.3) against point 0 (a, 0.3): exits differ by 20 in every pair; point 3 against point 1 likewise
    expect(a.comparison.map((r) => [r.scenario, r.point, r.difference, r.paired])).toEqual([
      ['b', 2, 20, true],
      ['b', 3, 20, true],
    ]);
    expect(a.unmatched).toEqual([{ scenario: 'b', point: 4 }]);
    // The points vary altruism: an experiment, summarised across its points (tests/analysis/experiment-md.test.ts).
    expect(a.varied).toEqual(['altruism']);
    expect(a.markdown).toContain('### Scenario B compared with Scenario A\n\n- **Exits** (2 points): could be chance at 2; the same at every point.');
    expect(a.markdown).toContain('| `altruism` | Exits |\n|---|---|\n| 0.3 | – |\n| 0.6 | – |\n');
    expect(a.markdown).toContain('Not compared (no point of *Scenario A* with the same parameter values): b (4).');
    expect(a.survivalSummary.every((r) => r.n === 0)).toBe(true);
  });
});

describe('analyzeData: survival', () => {
  const a = analyzeData(loadBatch(writeFixtureBatch()), { bootstrap: 0 });

  it('writes the Kaplan–Meier table per point and type (log-log bands as in R)', () => {
    const arrA = a.survival.filter((r) => r.scenario === 'a' && r.type === 'arrangement' && r.kind === 'all');
    const expected = [
      [3, 5, 1, 0, 0.8, 0.20380926326763904, 0.9691797888667427],
      [5, 4, 1, 1, 0.6, 0.1257301829944313, 0.8817564073935323],
      [8, 2, 1, 0, 0.3, 0.012301529425416076, 0.7192180208104151],
      [10, 1, 0, 1, 0.3, 0.012301529425416076, 0.7192180208104151],
    ];
    expect(arrA).toHaveLength(4);
    arrA.forEach((r, i) => {
      const [time, atRisk, events, censored, s, lo, hi] = expected[i]!;
      expect([r.time, r.at_risk, r.events, r.censored]).toEqual([time, atRisk, events, censored]);
      close(r.survival, s!);
      close(r.lo, lo!);
      close(r.hi, hi!);
    });
    const c = a.survival.filter((r) => r.scenario === 'c' && r.type === 'arrangement' && r.kind === 'all');
    expect(c[1]!.survival).toBe(0);
    expect(c[1]!.lo).toBeNaN();
    expect(a.survival.filter((r) => r.type === 'membership' && r.kind === 'all').map((r) => r.scenario)).toEqual(['a', 'a']);
  });

  it('summarises the median with its interval and the k-group log-rank test', () => {
    const s = (scenario: string, type: string) => a.survivalSummary.find((r) => r.scenario === scenario && r.type === type && r.kind === 'all')!;
    const lr = { logrank_chi2: 7.178741659537051, logrank_df: 2, logrank_p: 0.027615699934806805 };
    closeAll(s('a', 'arrangement') as unknown as Record<string, unknown>, { n: 5, events: 3, median: 8, median_lo: 3, median_hi: NaN, ...lr });
    closeAll(s('b', 'arrangement') as unknown as Record<string, unknown>, { n: 3, events: 1, median: NaN, median_lo: 6, median_hi: NaN, ...lr });
    closeAll(s('c', 'arrangement') as unknown as Record<string, unknown>, { n: 3, events: 3, median: 4, median_lo: 2, median_hi: NaN, ...lr });
    // memberships only in a: no log-rank test, empty groups get n = 0. S = 0.5 exactly from 24 to the
    // last time (36): R's quantile.survfit takes the middle of that flat, 30.
    closeAll(s('a', 'membership') as unknown as Record<string, unknown>, { n: 2, events: 1, median: 30, logrank_chi2: NaN, logrank_df: NaN, logrank_p: NaN });
    closeAll(s('b', 'membership') as unknown as Record<string, unknown>, { n: 0, events: 0, median: NaN });
    expect(a.survivalSummary.map((r) => `${r.scenario}:${r.type}:${r.kind}`)).toEqual([
      'a:arrangement:all', 'a:arrangement:network', 'a:membership:all', 'a:membership:gr',
      'b:arrangement:all', 'b:arrangement:network', 'b:membership:all', 'b:membership:gr',
      'c:arrangement:all', 'c:arrangement:network', 'c:membership:all', 'c:membership:gr',
    ]);
  });
});

describe('analyzeData: survival by arrangement kind', () => {
  // Scenario a's arrangements split into two kinds: networks [3 ended, 5 censored, 8 ended] and
  // GRs [5 ended, 10 censored]; memberships stay in GRs only.
  const kinds = ['network', 'network', 'gr', 'network', 'gr'];
  const spells = (): string => {
    let text = 'run,scenario,point,replication,type,arrangement,kind,municipality,module,start,end,duration,ended,reason\n';
    (['a', 'b', 'c'] as const).forEach((s, p) => {
      const arrangements: Record<string, number[][]> = { a: [[3, 1], [5, 0], [5, 1], [8, 1], [10, 0]], b: [[12, 0], [12, 0], [6, 1]], c: [[2, 1], [4, 1], [4, 1]] };
      arrangements[s]!.forEach(([d, e], k) => {
        const kind = s === 'a' ? kinds[k]! : 'network';
        text += `${p * 6},${s},${p},0,arrangement,arr-${k},${kind},,,2015-01,${e ? '2016-01' : ''},${d},${e},${e ? 'dormant' : 'censored'}\n`;
      });
    });
    return text;
  };
  const a = analyzeData(loadBatch(writeFixtureBatch({ replace: { 'spells.csv': spells() } })), { bootstrap: 0 });
  const curve = (scenario: string, kind: string) => a.survival.filter((r) => r.scenario === scenario && r.type === 'arrangement' && r.kind === kind).map((r) => [r.time, r.at_risk, r.events, r.censored, r.survival]);

  it('estimates each kind on its own spells, next to the pooled curve', () => {
    expect(curve('a', 'network')).toEqual([[3, 3, 1, 0, 1 - 1 / 3], [5, 2, 0, 1, 1 - 1 / 3], [8, 1, 1, 0, 0]]);
    expect(curve('a', 'gr')).toEqual([[5, 2, 1, 0, 0.5], [10, 1, 0, 1, 0.5]]);
    // the pooled curve is the one of all five spells, as before
    expect(curve('a', 'all').map((r) => r[0])).toEqual([3, 5, 8, 10]);
    close(curve('a', 'all')[2]![4]!, 0.3);
  });

  it('orders the rows by point, type and kind (all first, then the kinds in registry order) and tests each kind across points', () => {
    expect([...new Set(a.survival.map((r) => `${r.scenario}:${r.kind}`))]).toEqual(['a:all', 'a:gr', 'a:network', 'b:all', 'b:network', 'c:all', 'c:network']);
    const summary = (scenario: string, kind: string) => a.survivalSummary.find((r) => r.scenario === scenario && r.type === 'arrangement' && r.kind === kind)!;
    expect([summary('a', 'gr').n, summary('a', 'gr').events, summary('b', 'gr').n]).toEqual([2, 1, 0]);
    // GRs only in a: no log-rank test across points; networks in all three: one.
    expect(summary('a', 'gr').logrank_p).toBeNaN();
    expect(Number.isFinite(summary('a', 'network').logrank_p)).toBe(true);
    expect(summary('b', 'network').logrank_p).toBe(summary('a', 'network').logrank_p);
  });
});

describe('analyzeBatch: files', () => {
  it('writes the five files with the documented columns, and only them', () => {
    const dir = writeFixtureBatch();
    const before = readdirSync(dir).sort();
    const result = analyzeBatch(dir, { bootstrap: 100 });
    const added = readdirSync(dir).filter((f) => !before.includes(f)).sort();
    expect(added).toEqual(['comparison.csv', 'summary.csv', 'summary.md', 'survival-summary.csv', 'survival.csv']);
    expect(result.files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(added);
    const read = (f: string) => parseCsv(readFileSync(join(dir, f), 'utf8'), f);
    expect(read('summary.csv').header).toEqual(header(SUMMARY_CSV));
    expect(read('comparison.csv').header).toEqual(header(COMPARISON_CSV));
    expect(read('survival.csv').header).toEqual(header(SURVIVAL_CSV));
    expect(read('survival-summary.csv').header).toEqual(header(SURVIVAL_SUMMARY_CSV));
    const cmp = read('comparison.csv');
    const line = cmp.rows.find((r) => r[0] === 'b' && r[3] === 'cooperation_stability')!;
    // numbers rounded to 10 significant digits, booleans as true/false, NaN spelled out; the typical range, spread and importance checked against numpy (percentile, linear) and statistics.stdev
    expect(line).toEqual(['b', 'a', '1', 'cooperation_stability', 'true', '6', '0.4166666667', '0.4427083333', '0.02604166667', '-0.07852544765', '0.130608781', '0.2613541867', '0.75', '-0.078125', '0.109375', '0.1513825177', '0.1720255883', 'no-difference', 'wilcoxon-signed-rank', '10', '0.5896385516', '1', 'false']);
    const none = cmp.rows.find((r) => r[0] === 'c' && r[3] === 'exits_after_election_share')!;
    expect(none.slice(-5)).toEqual(['none', 'NaN', 'NaN', 'NaN', 'false']);
  });

  it('is deterministic: the same batch gives byte-identical files', () => {
    const d1 = writeFixtureBatch();
    const d2 = writeFixtureBatch();
    analyzeBatch(d1);
    analyzeBatch(d2);
    for (const f of ['summary.csv', 'comparison.csv', 'survival.csv', 'survival-summary.csv']) {
      expect(readFileSync(join(d1, f), 'utf8')).toBe(readFileSync(join(d2, f), 'utf8'));
    }
    // summary.md names the directory, which is the same here ("batch")
    expect(readFileSync(join(d1, 'summary.md'), 'utf8')).toBe(readFileSync(join(d2, 'summary.md'), 'utf8'));
  });
});

describe('bad input', () => {
  const problemsOf = (fn: () => unknown): string[] => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      return (err as UserError).problems.map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`);
    }
    throw new Error('expected a UserError');
  };

  it('a directory that is not a batch output names the missing files', () => {
    const dir = writeFixtureBatch({ omit: ['runs.csv', 'spells.csv'] });
    expect(problemsOf(() => analyzeBatch(dir))).toEqual([
      '(directory): expected a batch output directory (from `regiosim batch`) with manifest.json, points.csv, runs.csv, spells.csv, found a directory without runs.csv, spells.csv',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'points.csv', 'timeseries-summary.csv']);
  });

  it('an unknown reference lists the known scenarios, and nothing is written', () => {
    const dir = writeFixtureBatch();
    expect(problemsOf(() => analyzeBatch(dir, { reference: 'd' }))).toEqual(['--reference: expected a scenario of this batch (a, b, c), found "d"']);
    expect(readdirSync(dir)).not.toContain('summary.csv');
  });

  it('too few runs for an interval names every point', () => {
    const dir = writeFixtureBatch({ runs: 1 });
    expect(problemsOf(() => analyzeBatch(dir))).toEqual([
      'runs.csv, point 0 (a): expected at least 2 runs per scenario and point for intervals and tests, found 1 run',
      'runs.csv, point 1 (b): expected at least 2 runs per scenario and point for intervals and tests, found 1 run',
      'runs.csv, point 2 (c): expected at least 2 runs per scenario and point for intervals and tests, found 1 run',
    ]);
  });

  it('lists every broken cell and column at once, with file, line and column', () => {
    const dir = writeFixtureBatch({
      replace: {
        'runs.csv': 'run,scenario,point,replication,seed,exits\n0,a,0,0,1,abc\n1,a,0,1,2,3\n2,x,1,0,1,4\n3,b,7,0,1,2\n',
        'spells.csv': 'run,scenario,point,replication,type,duration\n',
        'manifest.json': '{"broken"',
      },
    });
    expect(problemsOf(() => analyzeBatch(dir))).toEqual([
      expect.stringMatching(/^manifest\.json: expected JSON, found a file that does not parse/),
      'runs.csv, line 2, column exits: expected a number, NaN or an empty cell, found "abc"',
      'spells.csv, header: expected the column ended (docs/formats.md), found a header with run, scenario, point, replication, type, duration',
      'runs.csv, line 4, column scenario: expected "b" (the scenario of point 1 in points.csv), found "x"',
      'runs.csv, line 5, column point: expected a point listed in points.csv, found 7',
    ]);
  });

  it('a malformed CSV file is reported with its line', () => {
    const dir = writeFixtureBatch({ replace: { 'points.csv': 'point,scenario\n0,"a\n' } });
    expect(problemsOf(() => analyzeBatch(dir))).toEqual(['points.csv, line 2: expected valid CSV (docs/formats.md), found a quoted field is not closed (missing ")']);
  });

  it('a precision outside (0, 1) is refused', () => {
    const dir = writeFixtureBatch();
    expect(problemsOf(() => analyzeBatch(dir, { precision: 5 }))).toEqual(['--precision: expected a relative precision between 0 and 1 (for example 0.05), found 5']);
  });
});
