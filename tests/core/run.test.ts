import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/core/run.js';
import { EVENT_TYPES, TIMESERIES_COLUMNS } from '../../src/core/results.js';
import { loadScenario } from '../../src/io/scenario.js';

const col = (name: string): number => TIMESERIES_COLUMNS.indexOf(name as never);

describe('runSimulation', () => {
  const abolished = loadScenario('wgr-plus-abolished', {}).scenario;
  const basis = loadScenario('basiscoalitie', {}).scenario;

  it('gives identical results for the same scenario and seed, different ones for another seed', () => {
    const a = runSimulation(abolished, 11);
    const b = runSimulation(abolished, 11);
    expect(JSON.stringify({ ...a, series: a.series.map((s) => Array.from(s)), eventCounts: [] })).toBe(
      JSON.stringify({ ...b, series: b.series.map((s) => Array.from(s)), eventCounts: [] }),
    );
    const c = runSimulation(abolished, 12);
    expect(JSON.stringify(c.outcomes)).not.toBe(JSON.stringify(a.outcomes));
  });

  it('covers every month of the horizon with every measure', () => {
    const r = runSimulation(abolished, 3, { events: false, trustSnapshots: false });
    expect(r.dates[0]).toBe('2006-01');
    expect(r.dates.at(-1)).toBe('2030-12');
    expect(r.series).toHaveLength(TIMESERIES_COLUMNS.length);
    for (const s of r.series) expect(s).toHaveLength(300);
    expect(r.events).toHaveLength(0);
    expect(r.eventCounts).toHaveLength(EVENT_TYPES.length);
  });

  it('shares external events between scenarios with the same seed (common random numbers)', () => {
    const a = runSimulation(abolished, 5);
    const b = runSimulation(basis, 5);
    expect(Array.from(b.series[col('tasks_arrived')]!)).toEqual(Array.from(a.series[col('tasks_arrived')]!));
    const sec = (r: typeof a): string[] => r.events.filter((e) => e.type === 'secretary-turnover').map((e) => `${e.date} ${e.municipalities[0]}`);
    expect(sec(b)).toEqual(sec(a));
    // Before 2015 the two scenarios are the same world.
    const pre = a.dates.indexOf('2015-01');
    expect(Array.from(b.series[col('trust_mean')]!.slice(0, pre))).toEqual(Array.from(a.series[col('trust_mean')]!.slice(0, pre)));
    expect(b.series[col('trust_mean')]![pre + 24]).not.toBe(a.series[col('trust_mean')]![pre + 24]);
  });

  it('holds elections for all municipalities at once, every four years in March', () => {
    const r = runSimulation(abolished, 2);
    const dates = [...new Set(r.events.filter((e) => e.type === 'election').map((e) => e.date))];
    expect(dates).toEqual(['2006-03', '2010-03', '2014-03', '2018-03', '2022-03', '2026-03', '2030-03']);
    for (const d of dates) expect(r.events.filter((e) => e.type === 'election' && e.date === d)).toHaveLength(9);
  });

  it('has secretary turnover near the configured 25% a year, peaking after elections', () => {
    let events = 0;
    let afterElection = 0;
    const seeds = 40;
    for (let s = 1; s <= seeds; s++) {
      const r = runSimulation(abolished, s, { trustSnapshots: false });
      for (const e of r.events) {
        if (e.type !== 'secretary-turnover') continue;
        events++;
        const [y, m] = e.date.split('-').map(Number) as [number, number];
        const sinceMarch = (y - 2006) * 12 + (m - 3);
        if (sinceMarch >= 0 && sinceMarch % 48 < 12) afterElection++;
      }
    }
    // 40 runs x 9 municipalities x 25 years = 9000 secretary-years; Poisson sd of the rate ~ 0.0053.
    const rate = events / (seeds * 9 * 25);
    expect(rate).toBeGreaterThan(0.25 - 0.02);
    expect(rate).toBeLessThan(0.25 + 0.02);
    // A quarter of the months are post-election months, with 1.6 times the hazard: 40% of departures.
    expect(afterElection / events).toBeGreaterThan(0.34);
    expect(afterElection / events).toBeLessThan(0.46);
  });
});

describe('the spin-up', () => {
  const own = loadScenario('examples/own-region').scenario;
  const start = own.start;
  const label = (t: number): string => `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;

  it('holds the arrangements of the file in place, so every run starts with them', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = runSimulation(own, seed, { trustSnapshots: false });
      const spell = r.spells.find((s) => s.type === 'arrangement' && s.arrangement === 'basiscoalitie-foodvalley');
      expect(spell, `seed ${seed}`).toBeDefined();
      // It was founded at the beginning of the spin-up and counts from there.
      expect(spell!.start).toBe(label(start - own.spinup));
      const members = r.spells.filter((s) => s.type === 'membership' && s.arrangement === 'basiscoalitie-foodvalley');
      expect(members.filter((s) => s.start === label(start - own.spinup))).toHaveLength(8);
    }
  });

  it('leaves nothing of its months in the outputs: rows, events, spells ended in it, trust snapshots', () => {
    const r = runSimulation(own, 2);
    const first = label(start);
    expect(r.dates[0]).toBe(first);
    expect(r.series[0]!.length).toBe(own.end - own.start + 1);
    expect(r.events.every((e) => e.date >= first)).toBe(true);
    expect(r.spells.every((s) => s.end === null || s.end >= first)).toBe(true);
    expect(r.trust.every((s) => s.date >= first)).toBe(true);
    expect(r.trust[0]).toMatchObject({ date: first, label: 'start' });
    // Counted only over the reported months: event counts per month, and the window's outcomes.
    for (const counts of r.eventCounts) expect(counts.length).toBe(r.dates.length);
  });

  it('the same scenario without a spin-up starts from the initial values', () => {
    const cold = runSimulation({ ...own, spinup: 0 }, 2, { trustSnapshots: false, events: false });
    const warm = runSimulation(own, 2, { trustSnapshots: false, events: false });
    // A stable tie needs more than 12 months of joint acts: cold, no pair has one in the first month;
    // warm, the ties of the spin-up are there.
    const k = TIMESERIES_COLUMNS.indexOf('cooperation_stability');
    expect(cold.series[k]![0]).toBe(0);
    expect(warm.series[k]![0]).toBeGreaterThan(0);
  });
});
