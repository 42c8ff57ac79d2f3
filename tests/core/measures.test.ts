/** The measure and event registries: unique ids, complete text, and the outcomes they describe. */
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, EVENTS } from '../../src/core/events.js';
import { HEADLINE, measure, MONTH_IDS, MONTH_MEASURES, MUNICIPALITY_MEASURES, RUN_IDS, RUN_MEASURES } from '../../src/core/measures.js';
import { runSimulation } from '../../src/core/run.js';
import { loadScenario } from '../../src/io/scenario.js';

describe('measure registry', () => {
  it('has unique ids per level and unique event types', () => {
    for (const list of [MONTH_MEASURES, RUN_MEASURES, MUNICIPALITY_MEASURES]) expect(new Set(list.map((m) => m.id)).size).toBe(list.length);
    expect(new Set(EVENT_TYPES).size).toBe(EVENTS.length);
  });

  it('aggregates only monthly measures that exist', () => {
    for (const m of RUN_MEASURES) if (m.from) expect(MONTH_IDS, m.id).toContain(m.from.series);
  });

  it('has one headline list, ranked without gaps', () => {
    const ranks = RUN_MEASURES.map((m) => m.headline).filter((r): r is number => r !== null).sort((a, b) => a - b);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    expect(HEADLINE.length).toBe(ranks.length);
    // The headline answers "at what cost?": net value first, gross value beside it.
    expect(HEADLINE.slice(0, 2)).toEqual(['value_net_per_inhabitant', 'value_per_inhabitant']);
  });

  it('gives a run every outcome, computed as the registry says', () => {
    const { scenario } = loadScenario('rivierenland-basiscoalitie');
    const r = runSimulation(scenario, 3, { trustSnapshots: false, events: false });
    expect(Object.keys(r.outcomes)).toEqual([...RUN_IDS]);
    // rivierenland-basiscoalitie has no evaluation window: outcomes cover the whole run.
    const inWindow = r.dates.map((_, i) => i);
    const col = (id: string): Float64Array => r.series[MONTH_IDS.indexOf(id as never)]!;
    const sum = (id: string): number => inWindow.reduce((s, i) => s + col(id)[i]!, 0);
    // A window mean, a window sum and a last value, recomputed from the monthly series.
    expect(r.outcomes.cooperation_stability).toBeCloseTo(sum('cooperation_stability') / inWindow.length, 12);
    expect(r.outcomes.tasks_completed).toBe(sum('tasks_completed'));
    expect(r.outcomes.trust_end).toBe(col('trust_mean')[r.dates.length - 1]);
    // The cohort of tasks that arose in the window: at most every one of them completes.
    expect(r.outcomes.completion_rate).toBeGreaterThan(0);
    expect(r.outcomes.completion_rate).toBeLessThanOrEqual(1);
    expect(r.outcomes.completion_rate * sum('tasks_arrived')).toBeLessThanOrEqual(sum('tasks_completed') + 1e-9);
    // Net value is gross value minus the members' costs plus central funds, per inhabitant per year.
    const years = inWindow.length / 12;
    const population = scenario.region.municipalities.reduce((s, m) => s + m.population, 0);
    expect(r.outcomes.value_net_per_inhabitant).toBeCloseTo(((sum('value_total') - sum('cooperation_cost') + sum('central_funds')) * 1e6) / population / years, 9);
    expect(r.outcomes.value_net_per_inhabitant).toBeCloseTo(r.outcomes.value_per_inhabitant - r.outcomes.cost_per_inhabitant + r.outcomes.central_funds_per_inhabitant, 9);
    // The municipalities' net values add up to the region's.
    const net = r.municipalities.reduce((s, m) => s + m.measures.net, 0);
    expect((net * 1e6) / population / years).toBeCloseTo(r.outcomes.value_net_per_inhabitant, 9);
    expect(r.outcomes.net_negative_share).toBe(r.municipalities.filter((m) => m.measures.net < 0).length / r.municipalities.length);
    expect(measure('run', 'completion_rate')?.direction).toBe('higher');
  });
});

describe('the ODD', () => {
  it('defines every monthly and per-run measure', async () => {
    const { readFileSync } = await import('node:fs');
    const odd = readFileSync(new URL('../../docs/ODD.md', import.meta.url), 'utf8');
    for (const m of [...MONTH_MEASURES, ...RUN_MEASURES]) expect(odd, `${m.level} ${m.id}`).toContain(`\`${m.id}\``);
  });
});
