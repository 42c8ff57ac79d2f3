/**
 * `npm run spinup` (compiled to dist/bench/spinup.js): how long the model needs to forget its
 * initial values, the measurement behind the default spin-up (DEFAULT_SPINUP_MONTHS).
 *
 * The Haaglanden world as it is before 2015 (the four standard scenarios agree up to then) is run
 * for 40 years without a spin-up and without scenario events, from its initial values, with R
 * seeds. For relationship stock, mean trust, institutional trust and council stance, the mean over
 * seeds of each year's mean is compared with the long-run level (the mean of years 20 to 39). A
 * measure has settled in the first year from which every later year stays within the tolerance
 * of it: 1% of the level, or twice that year's standard error over seeds if the seed noise is
 * larger (a difference the seeds cannot resolve is not drift). Council stance moves in a four-year election cycle, so it is judged on
 * the moving mean over one cycle.
 *
 * Options: --runs R (default 200), --no-write (print only; otherwise bench/spinup.md is written).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIMESERIES_COLUMNS } from '../src/core/results.js';
import { runSimulation } from '../src/core/run.js';
import { DEFAULT_SPINUP_MONTHS, type Scenario } from '../src/core/scenario/resolve.js';
import { packageRoot } from '../src/io/regions.js';
import { loadScenario } from '../src/io/scenario.js';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const R = runsAt >= 0 ? Number(argv[runsAt + 1]) : 200;
const write = !argv.includes('--no-write');
const YEARS = 40;
const LONG_RUN = [20, 39] as const;
const TOLERANCE = 0.01;
const MEASURES = [
  { id: 'relationship_stock', cycle: 1 },
  { id: 'trust_mean', cycle: 1 },
  { id: 'trust_institutional_mean', cycle: 1 },
  { id: 'stance_mean', cycle: 4 },
] as const;

const base = loadScenario('wgr-plus-abolished', {}).scenario;
const start = base.start - YEARS * 12;
const world: Scenario = { ...base, spinup: 0, start, end: base.start - 1, evaluation: { from: start, to: base.start - 1 }, events: [] };

// Per measure and seed: the yearly means, smoothed over the measure's cycle.
const perSeed = MEASURES.map(() => [] as number[][]);
for (let seed = 1; seed <= R; seed++) {
  const r = runSimulation(world, seed, { events: false, trustSnapshots: false });
  MEASURES.forEach((m, k) => {
    const s = r.series[TIMESERIES_COLUMNS.indexOf(m.id)]!;
    const yearly = Array.from({ length: YEARS }, (_, y) => s.slice(y * 12, y * 12 + 12).reduce((a, b) => a + b, 0) / 12);
    perSeed[k]!.push(yearly.map((_, y) => (y + 1 >= m.cycle ? yearly.slice(y + 1 - m.cycle, y + 1).reduce((a, b) => a + b, 0) / m.cycle : NaN)));
  });
}

const rows: string[] = [];
const settled = MEASURES.map((m, k) => {
  const seeds = perSeed[k]!;
  const smooth = Array.from({ length: YEARS }, (_, y) => seeds.reduce((a, v) => a + v[y]!, 0) / R);
  const se = smooth.map((mean, y) => Math.sqrt(seeds.reduce((a, v) => a + (v[y]! - mean) ** 2, 0) / (R - 1) / R));
  const level = smooth.slice(LONG_RUN[0], LONG_RUN[1] + 1).reduce((s, x) => s + x, 0) / (LONG_RUN[1] - LONG_RUN[0] + 1);
  let first = -1;
  for (let y = YEARS - 1; y >= 0; y--) {
    if (Number.isNaN(smooth[y]!) || Math.abs(smooth[y]! - level) > Math.max(TOLERANCE * level, 2 * se[y]!)) break;
    first = y;
  }
  // The cycle mean of year y covers years y-cycle+1..y: the measure has settled from the first of those.
  const from = first < 0 ? -1 : first - (m.cycle - 1);
  return { id: m.id, level, from, smooth };
});
rows.push(`| year | ${MEASURES.map((m) => `\`${m.id}\`${m.cycle > 1 ? ` (${m.cycle}-year mean)` : ''}`).join(' | ')} |`);
rows.push(`|---:|${MEASURES.map(() => '---:').join('|')}|`);
for (let y = 0; y < YEARS; y++) rows.push(`| ${y} | ${settled.map((s) => (Number.isNaN(s.smooth[y]!) ? '' : s.smooth[y]!.toFixed(4))).join(' | ')} |`);
const need = Math.max(...settled.map((s) => s.from));
const text = `# Spin-up: when the initial values are forgotten

Measured by \`npm run spinup\` (bench/spinup.ts) with ${R} seeds: the Haaglanden world before 2015
(the WGR-plus for transport, housing and economy), ${YEARS} years from its initial values, no
scenario events. Year 0 is the first simulated year.

| measure | long-run level (years ${LONG_RUN[0]}-${LONG_RUN[1]}) | within ${TOLERANCE * 100}% (or 2 SE) of it from year |
|---|---:|---:|
${settled.map((s) => `| \`${s.id}\` | ${s.level.toFixed(4)} | ${s.from} |`).join('\n')}

All four have settled after ${need} years; the default spin-up is ${DEFAULT_SPINUP_MONTHS} months (${DEFAULT_SPINUP_MONTHS / 12} years).

${rows.join('\n')}
`;
process.stdout.write(text);
if (write) writeFileSync(join(packageRoot(), 'bench', 'spinup.md'), text);
