/**
 * The docking baseline: the same tasks as the agent-based model, its decision rule, and that its
 * transaction-cost terms change what it does (so that its differences between structures come
 * from the table's discounts, bindingness and central funds).
 */
import { describe, expect, it } from 'vitest';
import { dockingBaseline } from '../../src/core/docking.js';
import { runSimulation } from '../../src/core/run.js';
import { loadScenario } from '../../src/io/scenario.js';
import { normalCdf } from '../../src/stats/distributions.js';

describe('dockingBaseline', () => {
  it('sees exactly the tasks the model sees in the evaluation window (same scenario and seed)', () => {
    for (const name of ['wgr-plus-abolished', 'basiscoalitie', 'rivierenland-none']) {
      const scenario = loadScenario(name, {}).scenario;
      for (const seed of [1, 2]) {
        const b = dockingBaseline(scenario, seed);
        const r = runSimulation(scenario, seed, { trustSnapshots: false, events: false });
        expect(b.tasks, `${name} seed ${seed}`).toBe(r.outcomes.tasks_arrived);
        expect(dockingBaseline(scenario, seed)).toEqual(b);
      }
    }
  });

  it('without transaction costs or project-group seats does a task exactly when its benefit-cost ratio exceeds 1', () => {
    const zero = { 'tc.information': 0, 'tc.negotiation': 0, 'tc.enforcement': 0, taskFixedFte: 0 };
    // a region without a table or central funds: every task pays its whole cost
    const scenario = loadScenario('rivierenland-none', zero).scenario;
    let done = 0;
    let tasks = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const b = dockingBaseline(scenario, seed);
      done += b.done;
      tasks += b.tasks;
    }
    // P(lognormal(median 1.4, sigma 0.5) > 1) = Φ(ln 1.4 / 0.5); four binomial standard errors
    const expected = normalCdf(Math.log(1.4) / 0.5);
    expect(tasks).toBeGreaterThan(1000);
    expect(Math.abs(done / tasks - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / tasks));
  });

  it('the table\'s discount on transaction costs is what raises the baseline\'s output in the basiscoalitie', () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const sum = (name: string, set: Record<string, number>): number =>
      seeds.reduce((s, seed) => s + dockingBaseline(loadScenario(name, set).scenario, seed).done, 0);
    const withDiscount = sum('basiscoalitie', {});
    const without = sum('basiscoalitie', { 'tc.secretaryDiscount': 0 });
    expect(withDiscount).toBeGreaterThan(without);
    // with neither transaction costs nor a table's help, the two scenarios do the same tasks
    const free = { 'tc.information': 0, 'tc.negotiation': 0, 'tc.enforcement': 0 };
    expect(sum('basiscoalitie', free)).toBe(sum('wgr-plus-abolished', free));
  });
});
