/**
 * `npm run bench` (compiled to dist/bench/run.js): the speed and memory figures of issue 3,
 * measured on this machine and written to bench/results.md.
 *
 *   - the standard comparison (the four Haaglanden scenarios, 1,000 runs each) with 2 workers;
 *   - runs per second with 1 and 2 workers on the same smaller batch (the parallel speed-up);
 *   - seconds per national run (median of 3, one thread) and municipality-months per second;
 *   - peak memory (max RSS of the whole process, workers included) of a batch of 1,000 versus
 *     10,000 runs of a small 300-month scenario, to show memory stays flat;
 *   - a calibrate call (the built-in Haaglanden targets), a robustness call (the standard
 *     comparison over the built-in ensemble) and docking on the standard comparison.
 *
 * Batches run as child processes of the compiled CLI (bin/regiosim.js), as a user would run them.
 * Wall-clock time is what is measured here; results are never affected.
 *
 * Options: --quick (a tenth of the sizes, to try it out), --no-write (print only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSimulation } from '../src/core/run.js';
import { packageRoot } from '../src/io/regions.js';
import { loadScenario } from '../src/io/scenario.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const write = !args.has('--no-write');
const ROOT = packageRoot();
const MAIN = pathToFileURL(join(ROOT, 'dist', 'src', 'cli', 'main.js')).href;
const HAAGLANDEN = ['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr'];

const work = mkdtempSync(join(tmpdir(), 'regiosim-bench-'));
const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);

interface Measured {
  seconds: number;
  /** CPU seconds of the child (user + system, all its threads). */
  cpuSeconds: number;
  maxRssMb: number;
}

/** Runs `regiosim <argv>` in a child process; wall time and the child's peak RSS. */
function regiosim(argv: string[]): Measured {
  const script = [
    `const m = await import(${JSON.stringify(MAIN)});`,
    'const code = await m.main(JSON.parse(process.env.BENCH_ARGV));',
    "const u = process.resourceUsage();",
    "process.stderr.write('\\nBENCH_MAXRSS ' + u.maxRSS + ' BENCH_CPU ' + (u.userCPUTime + u.systemCPUTime) + '\\n');",
    'process.exitCode = code;',
  ].join('\n');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, BENCH_ARGV: JSON.stringify(argv) },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`regiosim ${argv.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const m = /BENCH_MAXRSS (\d+) BENCH_CPU (\d+)/.exec(r.stderr);
  return { seconds, maxRssMb: m ? Number(m[1]) / 1024 : NaN, cpuSeconds: m ? Number(m[2]) / 1e6 : NaN };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const NOTES_MARKER = '<!-- notes: kept by npm run bench -->';

const fmt = (x: number, digits = 1): string => x.toFixed(digits);

/** A small region over the standard 300-month horizon: fast runs, full-length series. */
const MEMORY_SCENARIO = `name: bench-small
title: Small region for the memory benchmark
region:
  name: Bench
  municipalities:
    - { name: Aa, population: 60000, neighbours: [Bee, Cee] }
    - { name: Bee, population: 30000, neighbours: [Cee] }
    - { name: Cee, population: 20000 }
start: 2006-01
end: 2030-12
arrangements:
  - { id: coalitie, kind: basiscoalitie, members: all, domains: [housing, transport, economy] }
`;

function main(): void {
  const lines: string[] = [];
  const started = new Date().toISOString();

  // ------------------------------------------------------------------ national run
  log('national run (median of 3)');
  const national = loadScenario('national');
  const natMunis = national.scenario.region.municipalities.length;
  const natMonths = national.scenario.end - national.scenario.start + 1;
  const natTimes: number[] = [];
  for (let seed = 1; seed <= 3; seed++) {
    const t0 = performance.now();
    runSimulation(national.scenario, seed, { trustSnapshots: false, events: false });
    natTimes.push((performance.now() - t0) / 1000);
  }
  const natSeconds = median(natTimes);

  // Haaglanden single-thread, per scenario
  log('Haaglanden runs, one thread (median of 10 per scenario)');
  const perScenario: { name: string; ms: number; munis: number; months: number }[] = [];
  for (const name of HAAGLANDEN) {
    const { scenario } = loadScenario(name);
    runSimulation(scenario, 1000, { trustSnapshots: false, events: false });
    const times: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const t0 = performance.now();
      runSimulation(scenario, seed, { trustSnapshots: false, events: false });
      times.push(performance.now() - t0);
    }
    perScenario.push({ name, ms: median(times), munis: scenario.region.municipalities.length, months: scenario.end - scenario.start + 1 });
  }

  // ------------------------------------------------------------------ 1 vs 2 workers
  const speedRuns = quick ? 20 : 200;
  log(`parallel speed-up: 4 x ${speedRuns} Haaglanden runs with 1 and with 2 workers`);
  const w1 = regiosim(['batch', ...HAAGLANDEN, '--runs', String(speedRuns), '--workers', '1', '--out', 'w1', '--quiet', '--no-analyze']);
  const w2 = regiosim(['batch', ...HAAGLANDEN, '--runs', String(speedRuns), '--workers', '2', '--out', 'w2', '--quiet', '--no-analyze']);
  const speedup = w1.seconds / w2.seconds;

  // ------------------------------------------------------------------ the standard comparison
  const stdRuns = quick ? 100 : 1000;
  log(`standard comparison: 4 x ${stdRuns} Haaglanden runs, 2 workers`);
  const std = regiosim(['batch', ...HAAGLANDEN, '--runs', String(stdRuns), '--workers', '2', '--out', 'standard', '--quiet', '--no-analyze']);
  const stdRunsTotal = 4 * stdRuns;
  const munMonths = perScenario.reduce((s, p) => s + p.munis * p.months, 0) * stdRuns;

  // ------------------------------------------------------------------ uncertainty: calibrate, robustness, docking
  const calSamples = quick ? 32 : 320;
  log(`calibrate: the built-in Haaglanden targets, ${calSamples} parameter sets x 4 runs, 2 workers`);
  const targets = readFileSync(join(ROOT, 'scenarios', 'calibration', 'haaglanden.yaml'), 'utf8').replace(/^samples: \d+$/m, `samples: ${calSamples}`);
  writeFileSync(join(work, 'targets.yaml'), targets);
  const cal = regiosim(['calibrate', 'targets.yaml', '--workers', '2', '--out', 'calibrate', '--quiet']);
  const calManifest = JSON.parse(readFileSync(join(work, 'calibrate', 'calibration.json'), 'utf8')) as { accepted: number; tried: number };
  const worlds = quick ? 5 : undefined;
  log(`robustness: the standard comparison over the built-in ensemble${worlds ? ` (${worlds} worlds)` : ''}, 4 runs per world, 2 workers`);
  const rob = regiosim(['robustness', ...(worlds ? ['--worlds', String(worlds)] : []), '--workers', '2', '--out', 'robustness', '--quiet']);
  const robManifest = JSON.parse(readFileSync(join(work, 'robustness', 'robustness.json'), 'utf8')) as { meta: { worlds: number; replications: number } };
  log('docking: the baseline beside the standard comparison');
  const dockRun = regiosim(['docking', 'standard']);

  // ------------------------------------------------------------------ memory
  const memSmall = quick ? 100 : 1000;
  const memLarge = quick ? 1000 : 10000;
  writeFileSync(join(work, 'bench-small.yaml'), MEMORY_SCENARIO);
  log(`memory: ${memSmall} and ${memLarge} runs of a small 300-month scenario`);
  const mSmall = regiosim(['batch', 'bench-small.yaml', '--runs', String(memSmall), '--workers', '2', '--out', 'mem-small', '--quiet', '--no-analyze']);
  rmSync(join(work, 'mem-small'), { recursive: true, force: true });
  const mLarge = regiosim(['batch', 'bench-small.yaml', '--runs', String(memLarge), '--workers', '2', '--out', 'mem-large', '--quiet', '--no-analyze']);

  // ------------------------------------------------------------------ report
  const cpu = cpus();
  const target = (ok: boolean): string => (ok ? 'met' : '**missed**');
  lines.push('# Benchmarks', '');
  lines.push(`Measured ${started} with \`npm run bench${quick ? ' -- --quick' : ''}\` (bench/run.ts).`, '');
  lines.push('## Machine', '');
  lines.push(`- ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30)} GiB memory (${fmt(freemem() / 2 ** 30)} GiB free at the end)`);
  lines.push(`- ${platform()} ${release()}, Node ${process.version}`);
  lines.push(`- load average at the end: ${loadavg().map((x) => fmt(x, 2)).join(', ')} (other work on the machine slows every figure)`, '');
  lines.push('## Results', '');
  lines.push('| measure | value | target |', '|---|---|---|');
  lines.push(`| standard comparison: 4 Haaglanden scenarios × ${stdRuns} runs, 2 workers | ${fmt(std.seconds)} s (${fmt(stdRunsTotal / std.seconds)} runs/s; ${fmt(std.cpuSeconds)} CPU s) | ${quick ? 'n/a (quick)' : `< 30 s: ${target(std.seconds < 30)}`} |`);
  lines.push(`| municipality-months per second in that batch | ${Math.round(munMonths / std.seconds).toLocaleString('en-US')} | |`);
  lines.push(`| 4 × ${speedRuns} Haaglanden runs, 1 worker | ${fmt(w1.seconds)} s (${fmt((4 * speedRuns) / w1.seconds)} runs/s; ${fmt(w1.cpuSeconds)} CPU s) | |`);
  lines.push(`| 4 × ${speedRuns} Haaglanden runs, 2 workers | ${fmt(w2.seconds)} s (${fmt((4 * speedRuns) / w2.seconds)} runs/s; ${fmt(w2.cpuSeconds)} CPU s) | |`);
  lines.push(`| speed-up of 2 workers over 1 | ${fmt(speedup, 2)}× | ≥ 1.8×: ${target(speedup >= 1.8)} |`);
  lines.push(`| one national run (${natMunis} municipalities × ${natMonths} months, median of 3) | ${fmt(natSeconds, 2)} s (${Math.round((natMunis * natMonths) / natSeconds).toLocaleString('en-US')} municipality-months/s) | < 2 s: ${target(natSeconds < 2)} |`);
  lines.push(`| peak memory (max RSS), ${memSmall.toLocaleString('en-US')} runs | ${fmt(mSmall.maxRssMb, 0)} MB (${fmt(mSmall.seconds)} s) | |`);
  lines.push(`| peak memory (max RSS), ${memLarge.toLocaleString('en-US')} runs | ${fmt(mLarge.maxRssMb, 0)} MB (${fmt(mLarge.seconds)} s) | about the same as ${memSmall.toLocaleString('en-US')}: ${target(mLarge.maxRssMb < mSmall.maxRssMb * 1.25)} |`);
  lines.push(`| \`regiosim calibrate\`: Haaglanden targets, ${calManifest.tried} parameter sets × 4 runs (${4 * calManifest.tried} runs), 2 workers | ${fmt(cal.seconds)} s (${fmt((4 * calManifest.tried) / cal.seconds)} runs/s; ${fmt(cal.cpuSeconds)} CPU s; ${calManifest.accepted} accepted) | |`);
  const robRuns = 4 * robManifest.meta.worlds * robManifest.meta.replications;
  lines.push(`| \`regiosim robustness\`: the standard comparison in ${robManifest.meta.worlds} worlds × ${robManifest.meta.replications} runs (${robRuns} runs), 2 workers | ${fmt(rob.seconds)} s (${fmt(robRuns / rob.seconds)} runs/s; ${fmt(rob.cpuSeconds)} CPU s) | |`);
  lines.push(`| \`regiosim docking\` on the standard comparison (${stdRunsTotal} baseline runs, one thread) | ${fmt(dockRun.seconds)} s | |`);
  lines.push('');
  lines.push('One Haaglanden run, one thread (median of 10, no event log or trust snapshots, as in batches):', '');
  lines.push('| scenario | ms per run |', '|---|---|');
  for (const p of perScenario) lines.push(`| ${p.name} | ${fmt(p.ms)} |`);
  lines.push('');
  lines.push('Batch times are wall-clock times of `regiosim batch ... --quiet --no-analyze` in a child process, including start-up, the journal and writing the files; CPU s is the CPU time of that process over all its threads (workers and V8\'s garbage-collector threads included).');
  const report = lines.join('\n') + '\n';
  process.stdout.write(report);
  if (write && !quick) {
    // Hand-written notes (a profile, explanations) below the marker are kept.
    const path = join(ROOT, 'bench', 'results.md');
    const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const at = old.indexOf(NOTES_MARKER);
    writeFileSync(path, report + '\n' + (at >= 0 ? old.slice(at) : `${NOTES_MARKER}\n`));
    log('wrote bench/results.md');
  }
}

try {
  main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
