/**
 * Fuzzing the command line as a careless user and an attacker would: mutated scenario files,
 * mutated experiment files and random options, through the in-process CLI. Whatever comes in,
 * regiosim ends with exit 0 or 2, never prints a stack trace or an internal error, never hangs
 * (every call is timed), and writes nothing when it refuses.
 *
 * Bounded for CI (about 20 s; REGIOSIM_FUZZ_RUNS scales the number of cases). fast-check prints
 * the seed and the shrunk case of a failure; REGIOSIM_FUZZ_SEED replays it.
 */
import fc from 'fast-check';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { estimateWork } from '../../src/core/scenario/limits.js';
import { loadScenario } from '../../src/io/scenario.js';
import { COALITION } from '../batch/helpers.js';
import { listFiles, OWN_REGION_SCENARIO, removeDir, runCli, tempDir } from './helpers.js';

const SCALE = Number(process.env['REGIOSIM_FUZZ_RUNS'] ?? '1');
const SEED = process.env['REGIOSIM_FUZZ_SEED'] !== undefined ? Number(process.env['REGIOSIM_FUZZ_SEED']) : undefined;
const settings = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: Math.max(1, Math.round(numRuns * SCALE)), ...(SEED !== undefined ? { seed: SEED } : {}) });

/** No call may take longer than this (the slowest legitimate call here is a short run). */
const CALL_BUDGET_MS = 8000;
const STACK = /\n\s+at |internal error|TypeError|ReferenceError|RangeError/;

let cwd: string;
let batchDir: string;
beforeAll(async () => {
  cwd = tempDir('fuzz');
  writeFileSync(join(cwd, 'notes.txt'), 'a file, not a directory');
  mkdirSync(join(cwd, 'empty'));
  // A small finished batch for analyze and report to read.
  const b = await runCli(['batch', COALITION, '--runs', '2', '--workers', '1', '--quiet', '--out', 'fixture-batch'], cwd);
  expect(b.code, b.err).toBe(0);
  batchDir = 'fixture-batch';
});
afterAll(() => removeDir(cwd));

/** Runs the CLI and checks the invariants; returns the result. */
async function call(args: string[]): Promise<{ code: number; err: string }> {
  const before = listFiles(cwd);
  const started = performance.now();
  const r = await runCli(args, cwd);
  const ms = performance.now() - started;
  const shown = JSON.stringify(args).slice(0, 300);
  expect(ms, `${shown} took ${Math.round(ms)} ms`).toBeLessThan(CALL_BUDGET_MS);
  expect([0, 2], `${shown} exited ${r.code}:\n${r.err.slice(0, 2000)}`).toContain(r.code);
  expect(r.err, shown).not.toMatch(STACK);
  if (r.code === 2) {
    expect(r.err, shown).toMatch(/^regiosim: /);
    expect(listFiles(cwd), `${shown} wrote files although it refused`).toEqual(before);
  }
  return r;
}

// ------------------------------------------------------------------------------------------
// Values and mutations

const hostileScalar = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, '', 'all', 'none', '=cmd|calc', '+31', '-1', '@x', '2015-13', '1899-12', '2200-12', '2201-01', '0000-01', '9999-12',
    1e308, -1e308, 9007199254740991, 2 ** 32, -1, 0, 0.5, 1.5, 20, 21, Number.NaN, Number.POSITIVE_INFINITY, 'haaglanden', 'netherlands', 'atlantis',
    'gr', 'modular-gr', 'wgr-plus', 'end-arrangement', 'start-arrangement', 'task-rate', 'austerity', 'housing', 'social', 'lake-table',
    '<script>alert(1)</script>', '\u0000', '\uFEFF', 'x'.repeat(5000), '../../etc/passwd', '/proc/self', 'Northbank', 'Eastbank', 'U001',
  ),
  fc.integer({ min: -1_000_000, max: 10_000_000_000 }),
  fc.double({ noDefaultInfinity: false }),
  fc.string({ maxLength: 12 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('name', 'id', 'kind', 'members', 'date', 'type', 'population', 'x', 'min', 'max'), hostileScalar, { maxKeys: 4 }) },
);

type Op = { kind: 'set' | 'delete' | 'add' | 'wrap'; path: number[]; key: string; value: unknown };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom<Op['kind']>('set', 'set', 'set', 'delete', 'add', 'wrap'),
  path: fc.array(fc.nat(50), { minLength: 1, maxLength: 6 }),
  key: fc.constantFrom('name', 'start', 'end', 'region', 'population', 'members', 'events', 'parameters', 'altruism', 'taskRatePerMunicipality', 'colour', '__proto__', 'constructor', 'multiplier', 'replications', 'grid', 'lhs', 'samples'),
  value: hostileValue,
});

/** Applies one mutation at a path chosen through the structure (indices taken modulo the children). */
function apply(root: unknown, o: Op): unknown {
  if (root === null || typeof root !== 'object') return o.kind === 'set' ? o.value : root;
  let node = root as Record<string, unknown> | unknown[];
  for (let depth = 0; depth < o.path.length; depth++) {
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[o.path[depth]! % keys.length]!;
    const child = (node as Record<string | number, unknown>)[k];
    const last = depth === o.path.length - 1 || child === null || typeof child !== 'object';
    if (last) {
      const target = node as Record<string | number, unknown>;
      if (o.kind === 'set') target[k] = o.value;
      else if (o.kind === 'delete') {
        if (Array.isArray(target)) (target as unknown[]).splice(k as number, 1);
        else delete target[k];
      } else if (o.kind === 'add') {
        if (Array.isArray(target)) (target as unknown[]).push(o.value);
        else target[o.key] = o.value;
      } else target[k] = [child, o.value];
      return root;
    }
    node = child as Record<string, unknown> | unknown[];
  }
  return root;
}

type TextOp = { kind: 'none' | 'insert' | 'truncate' | 'utf16' | 'bom' | 'bomb' | 'tab' | 'duplicate' | 'deep'; at: number; text: string };
const textOp: fc.Arbitrary<TextOp> = fc.record({
  kind: fc.constantFrom<TextOp['kind']>('none', 'none', 'none', 'insert', 'truncate', 'utf16', 'bom', 'bomb', 'tab', 'duplicate', 'deep'),
  at: fc.nat(),
  text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(': ', '- ', '&a ', '*a', '{', '[', '"', "'", '\t', '\n  ', '!!binary ', '? ', '---\n', '%YAML 1.1\n', '\u0000')),
});

function applyText(text: string, o: TextOp): string | Buffer {
  const at = text.length === 0 ? 0 : o.at % text.length;
  switch (o.kind) {
    case 'none':
      return text;
    case 'insert':
      return text.slice(0, at) + o.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'utf16':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'bom':
      return `\uFEFF${text}`;
    case 'bomb': {
      const lines = ['b0: &b0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let k = 1; k <= 7; k++) lines.push(`b${k}: &b${k} [${Array.from({ length: 10 }, () => `*b${k - 1}`).join(', ')}]`);
      return `${text}\n${lines.join('\n')}\n`;
    }
    case 'tab':
      return text.replace(/\n {2}/, '\n\t');
    case 'duplicate': {
      const first = text.split('\n').find((l) => /^\w+:/.test(l));
      return first ? `${text}\n${first}\n` : text;
    }
    case 'deep':
      return `${text}\nzz: ${'['.repeat(200 + (o.at % 5000))}${']'.repeat(200 + (o.at % 5000))}\n`;
  }
}

const MINIMAL = 'name: tiny\nregion: rivierenland\nstart: 2020-01\nend: 2021-12\n';
const WITH_EVENTS = `name: events
region: haaglanden
start: 2013-01
end: 2016-12
parameters: {secretaryTurnoverPerYear: 0.2}
arrangements:
  - {id: wgr, kind: wgr-plus, members: all, domains: [housing, transport]}
events:
  - {date: 2015-01, type: end-arrangement, arrangement: wgr, label: Abolished}
  - {date: 2015-01, type: start-arrangement, arrangement: {id: mrdh, kind: gr, members: [Delft, Den Haag, Zoetermeer], domains: [transport], funding: {transport: 50}}}
  - {date: 2015-06, type: change-arrangement, arrangement: mrdh, properties: {binding: 0.6}}
  - {date: 2015-01, type: task-rate, domain: social, multiplier: 3}
  - {date: 2016-01, type: austerity, capacity: 0.9}
`;
const SEEDS = [OWN_REGION_SCENARIO, MINIMAL, WITH_EVENTS];

/** Runs the scenario only when it is small (a fuzzed horizon or region can be long, if bounded). */
function smallEnough(file: string): boolean {
  try {
    const s = loadScenario(file).scenario;
    const work = estimateWork({ municipalities: s.region.municipalities.length, months: s.end - s.start + 1, start: s.start, params: s.params, maxRateMultipliers: [1, 1, 1, 1, 1] });
    return work.units < 3_000_000 && s.end - s.start < 120;
  } catch {
    return false;
  }
}

let n = 0;
const fresh = (ext: string): string => `case-${++n}.${ext}`;

describe('fuzzing', () => {
  it('mutated scenario files: validated and, when valid and small, run; exit 0 or 2, no stack, no hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(SEEDS.length - 1), fc.array(op, { maxLength: 4 }), textOp, fc.boolean(), async (seed, ops, t, tryRun) => {
        let data: unknown = (await import('yaml')).parse(SEEDS[seed]!);
        for (const o of ops) data = apply(data, o);
        const file = fresh('yaml');
        writeFileSync(join(cwd, file), applyText(stringify(data), t));
        try {
          const v = await call(['validate', file]);
          if (v.code === 0 && tryRun && smallEnough(join(cwd, file))) {
            const r = await call(['run', file, '--out', `out-${n}`]);
            expect(r.code, r.err).toBe(0);
          }
        } finally {
          rmSync(join(cwd, file), { force: true });
          rmSync(join(cwd, `out-${n}`), { recursive: true, force: true });
        }
      }),
      settings(150),
    );
  }, 60_000 * SCALE);

  it('mutated experiment files: every problem found at once with the refused --out, no stack, no hang', async () => {
    const base = {
      name: 'fuzz', scenarios: ['rivierenland-none', 'rivierenland-basiscoalitie'], replications: 3, seed: 2,
      set: { secretaryTurnoverPerYear: 0.17 },
      variations: { points: [{ altruism: 0.3 }], grid: { trustDrift: [0.005, 0.01] }, lhs: { samples: 3, seed: 1, parameters: { searchCost: { min: 0.5, max: 3 } } } },
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 4 }), textOp, async (ops, t) => {
        let data: unknown = structuredClone(base);
        for (const o of ops) data = apply(data, o);
        const file = fresh('yaml');
        writeFileSync(join(cwd, file), applyText(stringify(data), t));
        try {
          const r = await call(['batch', '--experiment', file, '--quiet', '--out', '/proc/regiosim-fuzz']);
          expect(r.code).toBe(2);
          expect(r.err).toMatch(/--out: expected a directory regiosim can create and write, found \/proc\/regiosim-fuzz: a special file system/);
        } finally {
          rmSync(join(cwd, file), { force: true });
        }
      }),
      settings(80),
    );
  }, 60_000 * SCALE);

  it('random command lines: exit 0 or 2, no stack, no hang, nothing written on refusal', async () => {
    const value = fc.oneof(
      fc.constantFrom(
        '', '0', '1', '2', '-1', '-0.5', '1e9', '1e400', 'NaN', 'Infinity', '0x10', '2/4', '-1/2', '3/2', '0/1', 'en', 'nl', 'xx', 'morris', 'sobol',
        'svg', 'png', 'both', 'slides', 'text', 'csv', 'markdown', 'staff', 'altruism', 'altruism=0.3', 'altruism=7', 'nope=1', 'altruism=0.2:0.8',
        'cooperation_stability', 'basiscoalitie', 'rivierenland-none', 'notes.txt', 'notes.txt/x', 'empty', '/proc/x', '/sys/x', '/dev/null',
        '/dev/zero', 'missing-dir', 'fixture-batch', '=HYPERLINK("x")', 'a'.repeat(300),
      ),
      fc.string({ maxLength: 10 }),
      fc.integer({ min: -5, max: 1e7 }).map(String),
    );
    const options = ['--out', '--seed', '--runs', '--workers', '--set', '--shard', '--experiment', '--resume', '--lang', '--reference', '--precision', '--bootstrap', '--bootstrap-seed', '--format', '--theme', '--method', '--params', '--n', '--range', '--outcome', '--replications', '--levels', '--group', '--ensemble', '--worlds', '--lhs', '--members', '--region', '--structure', '--name', '--quiet', '--no-analyze', '--keep-timeseries', '--frobnicate', '-x'];
    const commandLine = fc.tuple(
      fc.constantFrom('run', 'batch', 'merge', 'analyze', 'sensitivity', 'calibrate', 'robustness', 'docking', 'chart', 'report', 'story', 'brief', 'playground', 'validate', 'scenarios', 'regions', 'new', 'params', 'schema', 'start', 'frobnicate', ''),
      fc.array(value, { maxLength: 2 }),
      fc.array(fc.tuple(fc.constantFrom(...options), fc.option(value, { nil: undefined })), { maxLength: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(commandLine, async ([command, positionals, opts]) => {
        const args = [command, ...positionals, ...opts.flatMap(([o, v]) => (v === undefined ? [o] : [o, v]))].filter((a) => a !== '' || command !== '');
        // Work that takes minutes when valid is sent to a place that is refused: every other check still runs.
        if (['batch', 'start', 'sensitivity', 'merge', 'calibrate', 'robustness', 'playground'].includes(command)) args.push('--out', '/proc/regiosim-fuzz');
        // Drawing every PNG of a batch takes long: the chart command gets directories with nothing to draw.
        if (command === 'chart') args.splice(1, positionals.length, ...positionals.map((p) => (p === batchDir || p === 'empty' ? 'nothing-here' : p)));
        const out = `run-${++n}`;
        if (command === 'run' && !args.includes('--out')) args.push('--out', out);
        try {
          await call(args);
        } finally {
          rmSync(join(cwd, out), { recursive: true, force: true });
          rmSync(join(cwd, 'output'), { recursive: true, force: true });
        }
      }),
      settings(220),
    );
  }, 90_000 * SCALE);
});
