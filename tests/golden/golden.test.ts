/**
 * Golden outputs: every output file of run, batch, analyze, chart, report, sensitivity and
 * start, for the built-in scenarios and fixed seeds, compared by SHA-256 with the hashes
 * recorded in golden.json. A refactoring that claims to change no number must leave them all
 * equal; a change that means to alter outputs re-records them in the same commit and says
 * which files changed and why.
 *
 *   npm run golden:record     # rewrite golden.json from the current code
 *   GOLDEN_KEEP=/tmp/g npx vitest run tests/golden   # keep the outputs, to diff two versions
 *
 * The commands run the real CLI (bin/regiosim.js) in a temporary working directory with
 * SOURCE_DATE_EPOCH set, so timestamps are fixed; what still depends on the machine (the
 * working directory, the package root, the git commit and the Node version) is replaced by
 * placeholders before hashing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../setup/build.js';

const GOLDEN = join(ROOT, 'tests', 'golden', 'golden.json');
const RECORD = process.env['GOLDEN_RECORD'] === '1';
/** 2026-01-01T00:00:00Z */
const EPOCH = '1767225600';

type Step = { args: string[]; stdout?: string } | { copy: [string, string] };

/** The commands, in order; `stdout` names a file the command's standard output is saved to. */
const STEPS: Step[] = [
  ...['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'rivierenland-basiscoalitie', 'rivierenland-none', 'examples/own-region', 'national'].map(
    (s): Step => ({ args: ['run', s, '--seed', '1', '--out', `runs/${s.replace('/', '-')}`], stdout: `stdout/run-${s.replace('/', '-')}.txt` }),
  ),
  { args: ['run', 'basiscoalitie', '--seed', '7', '--set', 'electionFirstYear=2017', '--out', 'runs/election-2017'] },
  { args: ['chart', 'runs/basiscoalitie', '--format', 'both'], stdout: 'stdout/chart-run.txt' },
  { args: ['chart', 'runs/rivierenland-basiscoalitie', '--format', 'svg'] },
  { args: ['chart', 'runs/election-2017', '--format', 'svg', '--lang', 'nl'] },
  { args: ['batch', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr', 'wgr-plus-continues', '--runs', '8', '--workers', '2', '--quiet', '--out', 'std'] },
  { copy: ['std', 'std-nl'] },
  { args: ['chart', 'std', '--format', 'both'] },
  { args: ['report', 'std'], stdout: 'stdout/report.txt' },
  { args: ['analyze', 'std-nl', '--lang', 'nl', '--reference', 'wgr-plus-abolished'], stdout: 'stdout/analyze-nl.txt' },
  { args: ['chart', 'std-nl', '--format', 'svg', '--lang', 'nl', '--theme', 'slides'] },
  { args: ['report', 'std-nl', '--lang', 'nl'] },
  { args: ['batch', 'rivierenland-none', 'rivierenland-basiscoalitie', '--runs', '6', '--workers', '2', '--quiet', '--out', 'riv'] },
  { args: ['chart', 'riv', '--format', 'svg'] },
  { args: ['report', 'riv'] },
  { args: ['batch', '--experiment', join(ROOT, 'scenarios', 'experiments', 'trust-grid.yaml'), '--runs', '3', '--workers', '2', '--quiet', '--out', 'grid'] },
  { args: ['chart', 'grid', '--format', 'svg'] },
  { args: ['sensitivity', 'basiscoalitie', '--method', 'morris', '--params', 'altruism,trustDrift', '--n', '2', '--replications', '2', '--workers', '2', '--quiet', '--out', 'sens'], stdout: 'stdout/sensitivity.txt' },
  { args: ['chart', 'sens', '--format', 'svg'] },
  { args: ['start', '--runs', '4', '--worlds', '3', '--workers', '2', '--quiet', '--lang', 'nl', '--out', 'start'], stdout: 'stdout/start.txt' },
  { args: ['params', '--format', 'csv'], stdout: 'stdout/params.csv' },
  { args: ['scenarios'], stdout: 'stdout/scenarios.txt' },
  { args: ['schema'], stdout: 'stdout/schema.json' },
];

function gitCommit(): string | null {
  const r = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Replaces what depends on the machine or the moment with placeholders. */
function normalise(text: string, work: string): string {
  let out = text.split(work).join('<work>').split(ROOT).join('<root>');
  const commit = gitCommit();
  if (commit) out = out.split(commit).join('<commit>');
  out = out.split(process.version).join('<node>');
  // ISO timestamps (manifests, provenance).
  out = out.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>');
  // Durations printed to the console.
  out = out.replace(/\bin \d+(\.\d+)? s\b/g, 'in <t> s');
  return out;
}

const TEXT = /\.(csv|json|jsonl|md|html|svg|txt|yaml)$/;

function hashTree(work: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const rel = relative(work, path).split('\\').join('/');
        const bytes = readFileSync(path);
        if (name.endsWith('.png')) {
          // A PNG is the rasterisation of the SVG beside it (whose bytes are compared); its pixels
          // may differ in the last bit between CPUs, so only its size is recorded.
          out[rel] = `png ${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
          continue;
        }
        if (name.endsWith('.pdf')) {
          // Chromium stamps a PDF with its creation time; the brief's bytes are those of brief.html beside it.
          out[rel] = 'pdf';
          continue;
        }
        let text = TEXT.test(name) ? bytes.toString('utf8') : undefined;
        // report.html packs its scripts with zlib, whose bytes may change with Node's zlib; what is
        // compared is what they unpack to.
        if (text !== undefined && name.endsWith('.html')) text = text.replace(/(<script type="application\/gzip" id="[^"]+">)([^<]*)(<\/script>)/g, (_m, open: string, b64: string, close: string) => `${open}${gunzipSync(Buffer.from(b64, 'base64')).toString('utf8')}${close}`);
        const content = text !== undefined ? Buffer.from(normalise(text, work), 'utf8') : bytes;
        out[rel] = createHash('sha256').update(content).digest('hex');
      }
    }
  };
  walk(work);
  return out;
}

describe('golden outputs', () => {
  // GOLDEN_KEEP=<dir> keeps the outputs there, to compare two versions file by file.
  const keep = process.env['GOLDEN_KEEP'];
  const work = keep ? (rmSync(keep, { recursive: true, force: true }), mkdirSync(keep, { recursive: true }), keep) : mkdtempSync(join(tmpdir(), 'regiosim-golden-'));
  afterAll(() => {
    if (!keep) rmSync(work, { recursive: true, force: true });
  });

  it('every output file equals the recorded one', { timeout: 900_000 }, () => {
    mkdirSync(join(work, 'stdout'));
    for (const step of STEPS) {
      if ('copy' in step) {
        cpSync(join(work, step.copy[0]), join(work, step.copy[1]), { recursive: true });
        continue;
      }
      const r = spawnSync(process.execPath, [BIN, ...step.args], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`regiosim ${step.args.join(' ')} exited ${r.status}:\n${r.stderr}`);
      if (step.stdout) writeFileSync(join(work, step.stdout), r.stdout);
    }
    const hashes = hashTree(work);
    if (RECORD) {
      writeFileSync(GOLDEN, JSON.stringify(hashes, null, 2) + '\n');
      return;
    }
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    const missing = Object.keys(golden).filter((f) => !(f in hashes));
    const extra = Object.keys(hashes).filter((f) => !(f in golden));
    const differing = Object.keys(golden).filter((f) => f in hashes && hashes[f] !== golden[f]);
    expect({ missing, extra, differing }).toEqual({ missing: [], extra: [], differing: [] });
  });
});

