/**
 * `npm run bench` (compiled to dist/bench/run.js): the speed and memory figures of issues 3 and 14,
 * measured on this machine and written to bench/results.md (hand-written notes below the marker
 * are kept).
 *
 *   - runs per second for 4 × R Haaglanden runs with 1 and 2 workers, the speed-up, and as its
 *     control two plain CPU-bound node processes side by side against one (what 2 cores give);
 *     CPU ms per Haaglanden run in a batch (batch CPU s / runs) and the cores each batch keeps busy;
 *   - one national run (`regiosim run national`: wall, CPU, max RSS);
 *   - cost against the number of municipalities: per-run CPU ms of regions of n = 9, 50, 100, 200
 *     and 355 municipalities of the national scenario, and the fitted exponent b of cost = a n^b;
 *   - peak memory (max RSS) of a batch of 1,000 versus 10,000 runs of a small scenario;
 *   - `npm start` end to end (median of 5, in a fresh temporary directory);
 *   - V8 deoptimisations: of N and 2N basiscoalitie runs, per run in steady state;
 *   - the standard comparison, a calibrate, a robustness and a docking call, and one Haaglanden run
 *     per scenario.
 *
 * Every figure is a whole child process, as a user would run it: wall time from outside, CPU
 * seconds and max RSS from process.resourceUsage() of the child (its threads included, processes
 * it starts not), per-run figures from process.cpuUsage() around the runs inside the child.
 *
 * Options:
 *   --baseline <git ref>  also build that commit in a temporary git worktree and measure every
 *                         figure for it and for this checkout alternately (A B A B); the table
 *                         gives the median of the per-pair ratios current / baseline
 *   --pairs <n>           pairs (or repeats without a baseline) per figure (default 3, quick 2);
 *                         `npm start` always takes 5 (1 with --quick), the long batches 1
 *   --quick               small sizes, to try it out in a minute or two (nothing is written)
 *   --no-write            print only
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { linearRegression } from 'simple-statistics';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { describeValue, formatProblems, type Problem } from '../src/io/errors.js';
import { municipalities2019, packageRoot } from '../src/io/regions.js';

// ------------------------------------------------------------------ options

interface Options {
  quick: boolean;
  write: boolean;
  baseline: string | null;
  pairs: number;
}

const ROOT = packageRoot();
const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);

function git(args: string[], cwd = ROOT): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
}

/** The options, or exit code 2 with every problem (as the CLI reports input mistakes). */
function parseOptions(argv: string[]): Options {
  const problems: Problem[] = [];
  let values: { quick?: boolean; 'no-write'?: boolean; baseline?: string; pairs?: string } = {};
  try {
    values = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: { quick: { type: 'boolean' }, 'no-write': { type: 'boolean' }, baseline: { type: 'string' }, pairs: { type: 'string' } },
    }).values;
  } catch (err) {
    problems.push({ path: 'the options', expected: '--quick, --no-write, --baseline <git ref> or --pairs <n>', found: (err as Error).message });
  }
  const quick = values.quick === true;
  let baseline: string | null = null;
  if (values.baseline !== undefined) {
    const r = git(['rev-parse', '--verify', '--quiet', `${values.baseline}^{commit}`]);
    if (r.ok && r.out) baseline = r.out;
    else problems.push({ path: '--baseline', expected: `a commit of the git repository at ${ROOT} (a hash, branch or tag)`, found: describeValue(values.baseline) });
  }
  let pairs = quick ? 2 : 3;
  if (values.pairs !== undefined) {
    const n = /^\d+$/.test(values.pairs.trim()) ? Number(values.pairs) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > 20) problems.push({ path: '--pairs', expected: 'a whole number between 1 and 20', found: describeValue(values.pairs) });
    else pairs = n;
  }
  if (problems.length > 0) {
    process.stderr.write(formatProblems('the command line', problems) + '\n');
    process.exit(2);
  }
  return { quick, write: values['no-write'] !== true, baseline, pairs };
}

const opts = parseOptions(process.argv.slice(2));
const { quick } = opts;
const work = mkdtempSync(join(tmpdir(), 'regiosim-bench-'));
const HAAGLANDEN = ['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr'];

// ------------------------------------------------------------------ builds

interface Build {
  name: 'current' | 'baseline';
  /** The package root whose dist/ is measured. */
  root: string;
  /** Commit (short hash), for the report. */
  label: string;
}

let worktree: string | null = null;

/** This checkout as built by `npm run bench`, with "+ changes" when the work tree differs from HEAD. */
function currentBuild(): Build {
  const head = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  return { name: 'current', root: ROOT, label: head.ok ? `${head.out}${dirty.out ? ' + uncommitted changes' : ''}` : 'this checkout' };
}

/** Builds `commit` in a temporary git worktree (node_modules linked, `tsc -p tsconfig.build.json`). */
function baselineBuild(commit: string): Build {
  const dir = join(work, 'baseline');
  log(`baseline: git worktree of ${commit.slice(0, 7)} in ${dir}, building with tsc`);
  const add = git(['worktree', 'add', '--detach', dir, commit]);
  if (!add.ok) throw new Error(`git worktree add failed:\n${add.err}`);
  worktree = dir;
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: dir, encoding: 'utf8' });
  // tsc emits despite type errors; what matters is that the compiled CLI is there.
  if (!existsSync(join(dir, 'dist', 'src', 'cli', 'main.js'))) throw new Error(`building ${commit} failed:\n${r.stdout}\n${r.stderr}`);
  return { name: 'baseline', root: dir, label: git(['log', '-1', '--format=%h (%s)', commit]).out };
}

const children = new Set<ChildProcess>();

function cleanup(): void {
  for (const c of children) if (c.pid !== undefined) c.kill('SIGTERM');
  if (worktree) {
    git(['worktree', 'remove', '--force', worktree]);
    worktree = null;
  }
  rmSync(work, { recursive: true, force: true });
  git(['worktree', 'prune']);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

// ------------------------------------------------------------------ child processes

/**
 * What a child runs (argv: mode, package root, ...): `cli <argv as JSON>` calls the compiled CLI's
 * main(); `runs <scenario> <runs> [<warm-up scenario> <runs>]` runs a scenario in one thread as a
 * batch worker does (no event log, no trust snapshots) and reports the CPU of those runs alone;
 * `busy <iterations>` is the plain CPU-bound control. Every mode ends with its resource usage.
 */
const CHILD = `import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const [mode, root, ...rest] = process.argv.slice(2);
const url = (file) => pathToFileURL(join(root, 'dist', 'src', file)).href;
let extra = '';
if (mode === 'cli') {
  const m = await import(url('cli/main.js'));
  process.exitCode = await m.main(JSON.parse(rest[0]));
} else if (mode === 'runs') {
  const { loadScenario } = await import(url('io/scenario.js'));
  const { runSimulation } = await import(url('core/run.js'));
  const options = { trustSnapshots: false, events: false };
  const [file, runs, warmFile, warmRuns] = rest;
  if (warmFile) {
    const warm = loadScenario(warmFile).scenario;
    for (let s = 1; s <= Number(warmRuns); s++) runSimulation(warm, 1000 + s, options);
  }
  const { scenario } = loadScenario(file);
  const c0 = process.cpuUsage();
  for (let s = 1; s <= Number(runs); s++) runSimulation(scenario, s, options);
  const c = process.cpuUsage(c0);
  extra = ' BENCH_LOOP_CPU ' + (c.user + c.system);
} else if (mode === 'busy') {
  let x = 0;
  for (let i = 0; i < Number(rest[0]); i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  extra = ' BENCH_X ' + x;
}
const u = process.resourceUsage();
process.stderr.write('\\nBENCH_MAXRSS ' + u.maxRSS + ' BENCH_CPU ' + (u.userCPUTime + u.systemCPUTime) + extra + '\\n');
`;
const CHILD_FILE = join(work, 'child.mjs');
writeFileSync(CHILD_FILE, CHILD);

interface Measured {
  /** Wall-clock seconds, from outside. */
  seconds: number;
  /** CPU seconds of the child (user + system, all its threads). */
  cpuSeconds: number;
  maxRssMb: number;
  /** CPU ms of the runs alone (mode `runs`). */
  loopCpuMs: number;
}

/** Runs the child script in mode `args[0]` against `build`; stdout goes to `stdoutFile` when given. */
function child(build: Build, args: string[], o: { cwd?: string; nodeFlags?: string[]; stdoutFile?: string } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const fd = o.stdoutFile ? openSync(o.stdoutFile, 'w') : null;
    const t0 = performance.now();
    const c = spawn(process.execPath, [...(o.nodeFlags ?? []), CHILD_FILE, args[0]!, build.root, ...args.slice(1)], {
      cwd: o.cwd ?? work, stdio: ['ignore', fd ?? 'ignore', 'pipe'],
    });
    children.add(c);
    let stderr = '';
    c.stderr!.setEncoding('utf8');
    c.stderr!.on('data', (d: string) => {
      stderr = (stderr + d).slice(-200_000);
    });
    c.on('error', reject);
    c.on('close', (code, signal) => {
      const seconds = (performance.now() - t0) / 1000;
      children.delete(c);
      if (fd !== null) closeSync(fd);
      if (code !== 0) return reject(new Error(`${build.name} child ${args.join(' ')} failed (${code ?? signal}):\n${stderr.slice(-4000)}`));
      const m = /BENCH_MAXRSS (\d+) BENCH_CPU (\d+)(?: BENCH_LOOP_CPU (\d+))?/.exec(stderr);
      if (!m) return reject(new Error(`${build.name} child ${args.join(' ')} reported no resource usage:\n${stderr.slice(-4000)}`));
      resolve({ seconds, maxRssMb: Number(m[1]) / 1024, cpuSeconds: Number(m[2]) / 1e6, loopCpuMs: m[3] ? Number(m[3]) / 1000 : NaN });
    });
  });
}

/** `regiosim <argv>` of that build, in `cwd` (default the bench's temporary directory). */
const regiosim = (build: Build, argv: string[], cwd?: string): Promise<Measured> => child(build, ['cli', JSON.stringify(argv)], cwd ? { cwd } : {});

/** CPU ms per run of `runs` runs of a scenario in one thread, after `warmRuns` runs of `warm`. */
async function perRunMs(build: Build, scenario: string, runs: number, warm?: string, warmRuns = 0): Promise<number> {
  const m = await child(build, ['runs', scenario, String(runs), ...(warm ? [warm, String(warmRuns)] : [])]);
  return m.loopCpuMs / runs;
}

// ------------------------------------------------------------------ pairs and figures

let builds: { current: Build; baseline: Build | null };

interface Samples<T> {
  cur: T[];
  base: T[];
}

/** `reps` pairs, baseline then current (A B A B ...); without a baseline `reps` measurements of the current build. */
async function paired<T>(label: string, reps: number, measure: (b: Build, rep: number) => Promise<T>): Promise<Samples<T>> {
  const out: Samples<T> = { cur: [], base: [] };
  for (let i = 0; i < reps; i++) {
    log(`${label}${reps > 1 ? ` (${builds.baseline ? 'pair' : 'repeat'} ${i + 1} of ${reps})` : ''}`);
    if (builds.baseline) out.base.push(await measure(builds.baseline, i));
    out.cur.push(await measure(builds.current, i));
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Figure {
  cur: number;
  base: number | null;
  /** Median over pairs of current / baseline. */
  ratio: number | null;
  pairs: number;
}

function figure<T>(s: Samples<T>, f: (t: T) => number): Figure {
  const cur = s.cur.map(f);
  if (s.base.length === 0) return { cur: median(cur), base: null, ratio: null, pairs: 0 };
  const base = s.base.map(f);
  return { cur: median(cur), base: median(base), ratio: median(cur.map((c, i) => c / base[i]!)), pairs: cur.length };
}

const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const int = (x: number): string => Math.round(x).toLocaleString('en-US');

interface Row {
  measure: string;
  fig: Figure;
  show: (x: number) => string;
  target?: string;
  /** No ratio column (a figure near 0, where a ratio says nothing). */
  noRatio?: boolean;
}

const NOTES_MARKER = '<!-- notes: kept by npm run bench -->';

function table(rows: Row[]): string[] {
  const withBase = builds.baseline !== null;
  const out = withBase
    ? ['| measure | current | baseline | current / baseline | target |', '|---|---|---|---|---|']
    : ['| measure | value | target |', '|---|---|---|'];
  for (const r of rows) {
    const target = r.target ?? '';
    if (!withBase) out.push(`| ${r.measure} | ${r.show(r.fig.cur)} | ${target} |`);
    else {
      const base = r.fig.base === null ? '' : r.show(r.fig.base);
      const ratio = r.fig.ratio === null || r.noRatio ? '' : `${fmt(r.fig.ratio, 2)}× (${r.fig.pairs} pair${r.fig.pairs === 1 ? '' : 's'})`;
      out.push(`| ${r.measure} | ${r.show(r.fig.cur)} | ${base} | ${ratio} | ${target} |`);
    }
  }
  return out;
}

// ------------------------------------------------------------------ scenarios written for the bench

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

/**
 * The municipalities of data/nl-municipalities-2019.json in breadth-first order over their
 * neighbours from Utrecht (ties by code), those it does not reach (the islands, Zeeuws-Vlaanderen)
 * at the end: the first n of them are one contiguous region for every n.
 */
function outwardFromUtrecht(): string[] {
  const records = municipalities2019();
  const byCode = new Map(records.map((m) => [m.code, m]));
  const order = ['GM0344'];
  const seen = new Set(order);
  for (let head = 0; head < order.length; head++) {
    for (const c of [...byCode.get(order[head]!)!.neighbours].sort()) {
      if (!seen.has(c) && byCode.has(c)) {
        seen.add(c);
        order.push(c);
      }
    }
  }
  for (const m of records) if (!seen.has(m.code)) order.push(m.code);
  return order;
}

/** The national scenario (its horizon, structure and events) on the first n municipalities outward from Utrecht. */
function scalingScenario(n: number, codes: string[]): string {
  const file = join(work, `scale-${n}.yaml`);
  const national = parseYaml(readFileSync(join(ROOT, 'scenarios', 'national.yaml'), 'utf8')) as Record<string, unknown>;
  delete national['nl'];
  const scenario = { ...national, name: `bench-n${n}`, title: `The national scenario on ${n} municipalities outward from Utrecht`, description: `The national scenario on ${n} municipalities (bench/run.ts).`, region: { name: `Bench ${n}`, members: codes.slice(0, n) } };
  writeFileSync(file, stringifyYaml(scenario));
  return file;
}

/** Months from a scenario file's start to its end, both included. */
function horizon(file: string): number {
  const s = parseYaml(readFileSync(file, 'utf8')) as { start: string; end: string };
  const month = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return month(String(s.end)) - month(String(s.start)) + 1;
}

// ------------------------------------------------------------------ the benchmark

async function main(): Promise<void> {
  const started = new Date();
  const loadAtStart = loadavg();
  const P = opts.pairs;
  builds = { current: currentBuild(), baseline: opts.baseline ? baselineBuild(opts.baseline) : null };
  const sections: { title: string; intro?: string; rows: Row[] }[] = [];
  const na = (target: string): string => (quick ? 'n/a (quick)' : target);
  const met = (ok: boolean): string => (ok ? 'met' : '**missed**');

  // ---------------------------------------------------------------- deoptimisations
  const deoptN = quick ? 20 : 100;
  const deoptCount = async (b: Build, runs: number): Promise<number> => {
    const file = join(work, `deopt-${b.name}-${runs}.txt`);
    await child(b, ['runs', 'basiscoalitie', String(runs)], { nodeFlags: ['--trace-deopt'], stdoutFile: file });
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    return text.split('\n').filter((line) => line.includes('bailout (kind')).length;
  };
  const deopts = await paired(`deoptimisations: ${deoptN} and ${2 * deoptN} basiscoalitie runs under --trace-deopt`, 1, async (b) => {
    const n1 = await deoptCount(b, deoptN);
    const n2 = await deoptCount(b, 2 * deoptN);
    return { n1, n2 };
  });
  sections.push({
    title: 'Deoptimisations',
    intro: `V8 deoptimisations ("bailout (kind" lines of \`node --trace-deopt\`) in one thread running ${deoptN} and ${2 * deoptN} basiscoalitie runs, counted once per build. Optimised code thrown away again and again (an object layout that differs from run to run) shows as deoptimisations that grow with the runs; warm-up alone gives a fixed number.`,
    rows: [
      { measure: `deoptimisations in ${deoptN} runs`, fig: figure(deopts, (d) => d.n1), show: int },
      { measure: `deoptimisations per run in steady state ((count of ${2 * deoptN} − count of ${deoptN}) / ${deoptN})`, fig: figure(deopts, (d) => (d.n2 - d.n1) / deoptN), show: (x) => fmt(x, 2), target: 'about 0', noRatio: true },
    ],
  });

  // ---------------------------------------------------------------- 1 vs 2 workers, and the control
  const speedRuns = quick ? 20 : 200;
  const batchRuns = 4 * speedRuns;
  const batch = async (b: Build, workers: number, rep: number): Promise<Measured> => {
    const out = `w${workers}-${b.name}-${rep}`;
    const m = await regiosim(b, ['batch', ...HAAGLANDEN, '--runs', String(speedRuns), '--workers', String(workers), '--out', out, '--quiet', '--no-analyze']);
    rmSync(join(work, out), { recursive: true, force: true });
    return m;
  };
  const workers = await paired(`4 × ${speedRuns} Haaglanden runs with 1 and with 2 workers`, P, async (b, rep) => ({ w1: await batch(b, 1, rep), w2: await batch(b, 2, rep) }));
  const busyIterations = quick ? 1e8 : 3e8;
  // The control does not depend on the build: measured with node alone, P times.
  const controls: Samples<number> = { cur: [], base: [] };
  for (let i = 0; i < P; i++) {
    log(`control: one busy-loop node process, then two side by side${P > 1 ? ` (${i + 1} of ${P})` : ''}`);
    const one = await child(builds.current, ['busy', String(busyIterations)]);
    const t0 = performance.now();
    await Promise.all([child(builds.current, ['busy', String(busyIterations)]), child(builds.current, ['busy', String(busyIterations)])]);
    controls.cur.push((2 * one.seconds) / ((performance.now() - t0) / 1000));
  }
  const control = figure(controls, (x) => x);
  const speedup = figure(workers, (w) => w.w1.seconds / w.w2.seconds);
  sections.push({
    title: 'Haaglanden batches: 1 and 2 workers',
    intro: `\`regiosim batch ${HAAGLANDEN.join(' ')} --runs ${speedRuns} --workers 1|2 --quiet --no-analyze\` (${batchRuns} runs), whole processes including start-up, the journal and writing the files. The control runs a fixed busy loop (${busyIterations.toExponential(0)} iterations of integer arithmetic) in one node process, then in two side by side: the throughput two plain processes get from this machine's cores, whatever regiosim does.`,
    rows: [
      { measure: 'runs per second, 1 worker', fig: figure(workers, (w) => batchRuns / w.w1.seconds), show: (x) => fmt(x) },
      { measure: 'runs per second, 2 workers', fig: figure(workers, (w) => batchRuns / w.w2.seconds), show: (x) => fmt(x) },
      { measure: 'speed-up of 2 workers over 1', fig: speedup, show: (x) => `${fmt(x, 2)}×`, target: na(`≥ 1.8×: ${met(speedup.cur >= 1.8)}`) },
      { measure: 'control: 2 busy-loop processes side by side against 1 (throughput; same node for both builds)', fig: control, show: (x) => `${fmt(x, 2)}×`, target: 'what 2 cores give' },
      { measure: 'CPU ms per Haaglanden run in a batch, 1 worker (batch CPU s / runs)', fig: figure(workers, (w) => (1000 * w.w1.cpuSeconds) / batchRuns), show: (x) => fmt(x) },
      { measure: 'CPU ms per Haaglanden run in a batch, 2 workers', fig: figure(workers, (w) => (1000 * w.w2.cpuSeconds) / batchRuns), show: (x) => fmt(x) },
      { measure: 'cores kept busy (CPU s / wall s), 1 worker', fig: figure(workers, (w) => w.w1.cpuSeconds / w.w1.seconds), show: (x) => fmt(x, 2) },
      { measure: 'cores kept busy, 2 workers', fig: figure(workers, (w) => w.w2.cpuSeconds / w.w2.seconds), show: (x) => fmt(x, 2) },
    ],
  });

  // ---------------------------------------------------------------- one Haaglanden run per scenario
  const scenarioRuns = quick ? 2 : 10;
  const scenarioWarm = quick ? 1 : 2;
  const perScenario = await paired(`one Haaglanden run per scenario: ${scenarioRuns} runs after ${scenarioWarm} to warm up, one thread`, P, async (b) => {
    const out: Record<string, number> = {};
    for (const name of HAAGLANDEN) out[name] = await perRunMs(b, name, scenarioRuns, name, scenarioWarm);
    return out;
  });
  sections.push({
    title: 'One Haaglanden run, one thread',
    intro: `CPU ms per run of ${scenarioRuns} runs in one thread after ${scenarioWarm} to warm up, without event log or trust snapshots, as in batches.`,
    rows: HAAGLANDEN.map((name) => ({ measure: name, fig: figure(perScenario, (s) => s[name]!), show: (x: number) => fmt(x) })),
  });

  // ---------------------------------------------------------------- cost against the number of municipalities
  const codes = outwardFromUtrecht();
  const nationalMonths = horizon(join(ROOT, 'scenarios', 'national.yaml'));
  const sizes: [number, number][] = quick ? [[9, 4], [50, 1], [100, 1]] : [[9, 40], [50, 10], [100, 5], [200, 2], [355, 1]];
  const files = new Map(sizes.map(([n]) => [n, scalingScenario(n, codes)]));
  const warm = files.get(9)!;
  const scaling = await paired(`cost against municipalities: n = ${sizes.map(([n]) => n).join(', ')}`, P, async (bd) => {
    const ms: number[] = [];
    for (const [n, runs] of sizes) ms.push(await perRunMs(bd, files.get(n)!, runs, warm, 3));
    return ms;
  });
  const exponent = (ms: number[]): number => linearRegression(sizes.map(([n], i) => [Math.log(n), Math.log(ms[i]!)])).m;
  const slope = figure(scaling, exponent);
  sections.push({
    title: 'Cost against the number of municipalities',
    intro: `The national scenario (its ${nationalMonths}-month horizon, formation and events) on the first n municipalities outward from Utrecht (breadth-first over neighbours; the whole country at 355). CPU ms per run in one thread (runs: ${sizes.map(([n, r]) => `${r} at ${n}`).join(', ')}), after 3 runs of the 9-municipality region to warm up. b is the slope of log cost on log n (least squares, cost = a n^b).`,
    rows: [
      ...sizes.map(([n], i) => ({ measure: `CPU ms per run, n = ${n}`, fig: figure(scaling, (ms) => ms[i]!), show: (x: number) => (x >= 100 ? int(x) : fmt(x)) })),
      { measure: 'fitted exponent b', fig: slope, show: (x) => fmt(x, 2), target: na(`≤ 1.2: ${met(slope.cur <= 1.2)}`) },
    ],
  });

  // ---------------------------------------------------------------- one national run
  const national = quick ? null : await paired('one national run: regiosim run national', P, async (bd, rep) => {
    const out = `national-${bd.name}-${rep}`;
    const m = await regiosim(bd, ['run', 'national', '--out', out]);
    rmSync(join(work, out), { recursive: true, force: true });
    return m;
  });
  if (national) {
    const nationalWall = figure(national, (m) => m.seconds);
    sections.push({
      title: 'One national run',
      intro: '`regiosim run national --out DIR` (355 municipalities, every output file including trust.csv), a whole process.',
      rows: [
        { measure: 'wall s', fig: nationalWall, show: (x) => fmt(x, 2), target: `< 2 s: ${met(nationalWall.cur < 2)}` },
        { measure: 'CPU s', fig: figure(national, (m) => m.cpuSeconds), show: (x) => fmt(x, 2) },
        { measure: 'max RSS, MB', fig: figure(national, (m) => m.maxRssMb), show: (x) => fmt(x, 0) },
      ],
    });
  }

  // ---------------------------------------------------------------- memory
  const memSmall = quick ? 50 : 1000;
  const memLarge = quick ? 500 : 10000;
  writeFileSync(join(work, 'bench-small.yaml'), MEMORY_SCENARIO);
  const memBatch = async (bd: Build, runs: number, rep: number): Promise<Measured> => {
    const out = `mem-${runs}-${bd.name}-${rep}`;
    const m = await regiosim(bd, ['batch', 'bench-small.yaml', '--runs', String(runs), '--workers', '2', '--out', out, '--quiet', '--no-analyze']);
    rmSync(join(work, out), { recursive: true, force: true });
    return m;
  };
  const mSmall = await paired(`memory: ${memSmall} runs of a small 300-month scenario`, P, (bd, rep) => memBatch(bd, memSmall, rep));
  const mLarge = await paired(`memory: ${memLarge} runs of a small 300-month scenario`, 1, (bd, rep) => memBatch(bd, memLarge, rep));
  const rssSmall = figure(mSmall, (m) => m.maxRssMb);
  const rssLarge = figure(mLarge, (m) => m.maxRssMb);
  sections.push({
    title: 'Peak memory',
    intro: `Max RSS of \`regiosim batch bench-small.yaml --runs N --workers 2\` (a 3-municipality region over 300 months), workers included.`,
    rows: [
      { measure: `max RSS, ${memSmall.toLocaleString('en-US')} runs, MB`, fig: rssSmall, show: (x) => fmt(x, 0) },
      { measure: `max RSS, ${memLarge.toLocaleString('en-US')} runs, MB`, fig: rssLarge, show: (x) => fmt(x, 0), target: na(`about the same as ${memSmall.toLocaleString('en-US')}: ${met(rssLarge.cur < rssSmall.cur * 1.25)}`) },
      { measure: `wall s, ${memLarge.toLocaleString('en-US')} runs`, fig: figure(mLarge, (m) => m.seconds), show: (x) => fmt(x) },
    ],
  });

  // ---------------------------------------------------------------- the standard comparison, calibrate, robustness, docking
  const stdRuns = quick ? 50 : 1000;
  const std = await paired(`standard comparison: 4 × ${stdRuns} Haaglanden runs, 2 workers`, 1, (bd) =>
    regiosim(bd, ['batch', ...HAAGLANDEN, '--runs', String(stdRuns), '--workers', '2', '--out', `standard-${bd.name}`, '--quiet', '--no-analyze']));
  const calSamples = quick ? 16 : 320;
  const targets = readFileSync(join(ROOT, 'scenarios', 'calibration', 'haaglanden.yaml'), 'utf8').replace(/^samples: \d+$/m, `samples: ${calSamples}`);
  writeFileSync(join(work, 'targets.yaml'), targets);
  const cal = await paired(`calibrate: the built-in Haaglanden targets, ${calSamples} parameter sets × 4 runs, 2 workers`, 1, async (bd) => {
    const m = await regiosim(bd, ['calibrate', 'targets.yaml', '--workers', '2', '--out', `calibrate-${bd.name}`, '--quiet']);
    const manifest = JSON.parse(readFileSync(join(work, `calibrate-${bd.name}`, 'calibration.json'), 'utf8')) as { tried: number };
    return { m, runs: 4 * manifest.tried };
  });
  const worlds = quick ? 3 : undefined;
  const rob = await paired(`robustness: the standard comparison over the built-in ensemble${worlds ? ` (${worlds} worlds)` : ''}, 2 workers`, 1, async (bd) => {
    const m = await regiosim(bd, ['robustness', ...(worlds ? ['--worlds', String(worlds)] : []), '--workers', '2', '--out', `robustness-${bd.name}`, '--quiet']);
    const manifest = JSON.parse(readFileSync(join(work, `robustness-${bd.name}`, 'robustness.json'), 'utf8')) as { meta: { worlds: number; replications: number } };
    return { m, runs: 4 * manifest.meta.worlds * manifest.meta.replications };
  });
  const dock = await paired('docking: the baseline beside the standard comparison', 1, (bd) => regiosim(bd, ['docking', `standard-${bd.name}`]));
  const stdWall = figure(std, (m) => m.seconds);
  sections.push({
    title: 'Standard comparison and uncertainty',
    intro: 'Whole processes with 2 workers (docking in one thread), measured once per build.',
    rows: [
      { measure: `standard comparison: 4 Haaglanden scenarios × ${stdRuns} runs (\`regiosim batch ... --no-analyze\`), wall s`, fig: stdWall, show: (x) => fmt(x), target: na(`< 30 s: ${met(stdWall.cur < 30)}`) },
      { measure: 'standard comparison, CPU s', fig: figure(std, (m) => m.cpuSeconds), show: (x) => fmt(x) },
      { measure: `\`regiosim calibrate\`: Haaglanden targets, ${calSamples} parameter sets × 4 runs, runs per second`, fig: figure(cal, (c) => c.runs / c.m.seconds), show: (x) => fmt(x) },
      { measure: '`regiosim robustness`: the standard comparison over the ensemble, runs per second', fig: figure(rob, (r) => r.runs / r.m.seconds), show: (x) => fmt(x) },
      { measure: `\`regiosim docking\` on the standard comparison (${4 * stdRuns} baseline runs, one thread), wall s`, fig: figure(dock, (m) => m.seconds), show: (x) => fmt(x) },
    ],
  });

  // ---------------------------------------------------------------- npm start
  const startArgv = quick ? ['start', '--runs', '10', '--worlds', '2'] : ['start'];
  let pdf = true;
  const start = await paired(`\`regiosim ${startArgv.join(' ')}\` end to end in a fresh directory`, quick ? 1 : 5, async (bd, rep) => {
    const dir = join(work, `start-${bd.name}-${rep}`);
    mkdirSync(dir);
    const m = await regiosim(bd, startArgv, dir);
    pdf &&= existsSync(join(dir, 'output', 'standard-comparison', 'brief.pdf'));
    rmSync(dir, { recursive: true, force: true });
    return m;
  });
  const startWall = figure(start, (m) => m.seconds);
  sections.push({
    title: '`npm start` end to end',
    intro: `\`regiosim ${startArgv.join(' ')}\` (what \`npm start\` runs${quick ? ', smaller' : ''}) with a fresh empty working directory each time: the batch, robustness, docking, analysis, charts, report and brief${pdf ? ' (with brief.pdf)' : ' (no brief.pdf: Chromium was not found)'}. CPU s and max RSS are of the regiosim process (its worker threads included, not Chromium).`,
    rows: [
      { measure: `wall s (median of ${start.cur.length})`, fig: startWall, show: (x) => fmt(x), target: na(`< 15 s: ${met(startWall.cur < 15)}`) },
      { measure: 'CPU s', fig: figure(start, (m) => m.cpuSeconds), show: (x) => fmt(x) },
      { measure: 'max RSS, MB', fig: figure(start, (m) => m.maxRssMb), show: (x) => fmt(x, 0) },
    ],
  });

  // ---------------------------------------------------------------- report
  const cpu = cpus();
  const minutes = (Date.now() - started.getTime()) / 60_000;
  const given = process.argv.slice(2);
  const command = `npm run bench${given.length ? ` -- ${given.join(' ')}` : ''}`;
  const lines: string[] = ['# Benchmarks', ''];
  lines.push(`Measured ${started.toISOString()} with \`${command}\` (bench/run.ts) in ${fmt(minutes)} minutes.`, '');
  lines.push(`- current: ${builds.current.label}`);
  if (builds.baseline) {
    lines.push(`- baseline: ${builds.baseline.label}, built in a temporary git worktree`);
    lines.push('- each figure was measured for the baseline and the current build alternately (A B A B ...); "current / baseline" is the median over the pairs of the ratio within each pair, the values are the medians of each build');
  } else if (P > 1) {
    lines.push(`- values are medians of ${P} repeats (${quick ? 1 : 5} of \`npm start\`; 1 of the long batches and of the deoptimisation counts); \`--baseline <commit>\` adds paired ratios against that commit`);
  }
  lines.push('');
  lines.push('## Machine', '');
  lines.push(`- ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30)} GiB memory (${fmt(freemem() / 2 ** 30)} GiB free at the end)`);
  lines.push(`- ${platform()} ${release()}, Node ${process.version}`);
  lines.push(`- load average at the start: ${loadAtStart.map((x) => fmt(x, 2)).join(', ')}; at the end: ${loadavg().map((x) => fmt(x, 2)).join(', ')} (other work on the machine slows every figure; ratios of pairs suffer least)`, '');
  for (const s of sections) {
    lines.push(`## ${s.title}`, '');
    if (s.intro) lines.push(s.intro, '');
    lines.push(...table(s.rows), '');
  }
  const report = lines.join('\n');
  process.stdout.write(report);
  if (opts.write && !quick) {
    // Hand-written notes (a profile, explanations) below the marker are kept.
    const path = join(ROOT, 'bench', 'results.md');
    const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const at = old.indexOf(NOTES_MARKER);
    writeFileSync(path, report + '\n' + (at >= 0 ? old.slice(at) : `${NOTES_MARKER}\n`));
    log('wrote bench/results.md');
  }
}

try {
  await main();
} finally {
  cleanup();
}
