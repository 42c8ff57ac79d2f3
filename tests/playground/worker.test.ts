/** The playground's worker in Node: the frames of a stepped run and its timeseries.csv are those of `regiosim run`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';
import { ensureBuilt } from '../setup/build.js';
import { MONTH_IDS, MUNICIPALITY_IDS, RUN_MEASURES } from '../../src/core/measures.js';
import { runSimulation } from '../../src/core/run.js';
import { deriveSeed } from '../../src/core/seeds.js';
import { timeseriesCsv } from '../../src/io/run-output.js';
import { loadScenario } from '../../src/io/scenario.js';
import type { Frame, FromWorker } from '../../src/playground/protocol.js';
import { handle, type WorkerState } from '../../src/playground/worker.js';

describe('the playground worker', () => {
  it('steps a run month by month and ends with the CLI\'s timeseries.csv', () => {
    const { scenario } = loadScenario('rivierenland-none');
    const state: WorkerState = {};
    const got: FromWorker[] = [];
    handle(state, { type: 'start', token: 7, scenario, seed: 3 }, (m) => got.push(m));
    expect(got[0]).toEqual({ type: 'started', token: 7, months: scenario.end - scenario.start + 1 });
    const frames: Frame[] = [];
    for (let k = 0; k < 1000; k++) {
      got.length = 0;
      handle(state, { type: 'step', token: 7, months: 50 }, (m) => got.push(m));
      const m = got[0]!;
      if (m.type !== 'frames') throw new Error(`unexpected ${m.type}`);
      frames.push(...m.frames);
      if (m.done) break;
    }
    // A step for another run is ignored.
    got.length = 0;
    handle(state, { type: 'step', token: 8, months: 1 }, (m) => got.push(m));
    expect(got).toEqual([]);
    const whole = runSimulation(scenario, 3);
    expect(frames.map((f) => f.row)).toEqual(whole.dates.map((_, i) => i));
    expect(frames.map((f) => f.date)).toEqual(whole.dates);
    expect(frames[10]!.values).toEqual(whole.series.map((col) => col[10]));
    expect(frames[10]!.values).toHaveLength(MONTH_IDS.length);
    expect(frames.flatMap((f) => f.events)).toEqual(whole.events);
    const last = frames[frames.length - 1]!;
    expect(last.municipalities).toHaveLength(scenario.region.municipalities.length);
    expect(last.municipalities[0]).toHaveLength(MUNICIPALITY_IDS.length);
    for (const [i, j, trust] of last.ties) {
      expect(i).toBeLessThan(j);
      expect(trust).toBeGreaterThanOrEqual(0);
      expect(trust).toBeLessThanOrEqual(1);
    }
    got.length = 0;
    handle(state, { type: 'csv', token: 7 }, (m) => got.push(m));
    expect(got).toEqual([{ type: 'csv', token: 7, csv: timeseriesCsv(whole) }]);
  });

  it('compares two scenarios in paired futures, with one verdict per run measure', () => {
    const reference = loadScenario('rivierenland-none').scenario;
    const scenario = loadScenario('rivierenland-basiscoalitie').scenario;
    const got: FromWorker[] = [];
    handle({}, { type: 'compare', token: 1, reference, scenario, runs: 4, masterSeed: 11 }, (m) => got.push(m));
    expect(got.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.done : 0))).toEqual([1, 2, 3, 4]);
    const done = got[got.length - 1]!;
    if (done.type !== 'compared') throw new Error(done.type);
    const c = done.comparison;
    expect(c.runs).toBe(4);
    // The futures of `regiosim batch rivierenland-none rivierenland-basiscoalitie --runs 4 --seed 11`.
    expect(c.seeds).toEqual([0, 1, 2, 3].map((k) => deriveSeed(11, k)));
    expect(c.rows.map((r) => r.outcome)).toEqual(RUN_MEASURES.map((m) => m.id));
    const k = RUN_MEASURES.findIndex((m) => m.id === 'value_per_inhabitant');
    const a = runSimulation(reference, c.seeds[0]!, { trustSnapshots: false, events: false });
    const b = runSimulation(scenario, c.seeds[0]!, { trustSnapshots: false, events: false });
    expect(c.differences[k]![0]).toBe(b.outcomes.value_per_inhabitant - a.outcomes.value_per_inhabitant);
    expect(c.rows[k]!.paired).toBe(true);
    expect(c.rows[k]!.n).toBe(4);
    expect(['better', 'worse', 'no-difference']).toContain(c.rows[k]!.verdict);
  });

  it('gives the differences and verdicts of comparison.csv from `regiosim batch` and `analyze` with the same futures', async () => {
    ensureBuilt(); // the batch's worker threads run the compiled code
    const dir = tempDir('playground-compare');
    const b = await runCli(['batch', 'rivierenland-none', 'rivierenland-basiscoalitie', '--runs', '6', '--seed', '5', '--workers', '1', '--quiet', '--out', 'b'], dir);
    expect(b.code).toBe(0);
    const [head, ...lines] = readFileSync(join(dir, 'b', 'comparison.csv'), 'utf8').trim().split('\n');
    const cols = head!.split(',');
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
    const got: FromWorker[] = [];
    handle({}, { type: 'compare', token: 1, reference: loadScenario('rivierenland-none').scenario, scenario: loadScenario('rivierenland-basiscoalitie').scenario, runs: 6, masterSeed: 5 }, (m) => got.push(m));
    const done = got[got.length - 1]!;
    if (done.type !== 'compared') throw new Error(done.type);
    const mine = done.comparison.rows;
    expect(rows.map((r) => r['outcome'])).toEqual(mine.map((r) => r.outcome));
    rows.forEach((r, i) => {
      expect(r['verdict'], r['outcome']).toBe(mine[i]!.verdict);
      const d = Number(r['difference']);
      if (Number.isFinite(d) && r['difference'] !== '') expect(mine[i]!.difference, r['outcome']).toBeCloseTo(d, 6);
    });
  }, 180_000);
});
