/**
 * Every command that writes checks where, before any work: a special file system, a file in the
 * way, a path through a file or a read-only place is exit 2 with the option named, fast (no
 * hang), with no stack trace and nothing written. And every command that reads results checks
 * their provenance: an edited manifest or result file is refused.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COALITION, NONE } from '../batch/helpers.js';
import { readOnlyDir } from '../helpers/places.js';
import { listFiles, removeDir, runCli, tempDir } from './helpers.js';

const NO_STACK = /\n\s+at |internal error/;

let cwd: string;
beforeAll(async () => {
  cwd = tempDir('outputs');
  writeFileSync(join(cwd, 'notes.txt'), 'not a result');
  // A small finished batch, and two finished shards of another, to read from.
  const b = await runCli(['batch', COALITION, NONE, '--runs', '3', '--workers', '1', '--quiet', '--out', 'batch'], cwd);
  expect(b.code).toBe(0);
  for (const i of [0, 1]) expect((await runCli(['batch', COALITION, '--runs', '4', '--workers', '1', '--quiet', '--shard', `${i}/2`, '--out', `shard-${i}`], cwd)).code).toBe(0);
});
afterAll(() => removeDir(cwd));

/** Runs a command that must be refused: exit 2, the message names the option, no stack, nothing new written, quickly. */
async function refused(args: string[], option: RegExp): Promise<string> {
  const before = listFiles(cwd);
  const started = performance.now();
  const r = await runCli(args, cwd);
  expect(performance.now() - started).toBeLessThan(15_000);
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(/^regiosim: \d+ problems? in the command line:\n/);
  expect(r.err).toMatch(option);
  expect(r.err).not.toMatch(NO_STACK);
  expect(r.out).toBe('');
  expect(listFiles(cwd)).toEqual(before);
  return r.err;
}

describe('output locations', () => {
  const special = ['/proc/regiosim-out', '/sys/regiosim-out'];

  it.each([
    ['run', ['run', 'basiscoalitie', '--out']],
    ['batch', ['batch', 'basiscoalitie', '--runs', '2', '--out']],
    ['merge', ['merge', 'shard-0', 'shard-1', '--out']],
    ['sensitivity', ['sensitivity', 'basiscoalitie', '--method', 'morris', '--params', 'altruism', '--out']],
    ['start', ['start', '--runs', '2', '--worlds', '2', '--out']],
    ['schema', ['schema', '--out']],
  ])('%s refuses /proc and /sys, a file in the way and a path through a file, at once', async (_name, args) => {
    for (const place of special) await refused([...args, place], /- --out: expected a (directory|file) regiosim can create (and write|or replace), found \/(proc|sys)\/regiosim-out: a special file system/);
    if (args[0] !== 'schema') await refused([...args, 'notes.txt'], /- --out: expected a directory regiosim can create and write, found notes\.txt: an existing file, not a directory/);
    await refused([...args, 'notes.txt/sub'], /- --out: expected .*, found notes\.txt\/sub: a path through .*notes\.txt, which is a file/);
  });

  it('schema --out refuses a directory and a device', async () => {
    await refused(['schema', '--out', 'batch'], /- --out: expected a file regiosim can create or replace, found batch: a directory, not a file/);
    await refused(['schema', '--out', '/dev/null'], /found \/dev\/null: a special file system \(\/dev\)/);
  });

  it('reports the location with the other problems of the command line', async () => {
    const err = await refused(['run', 'basiscoalitie', '--seed', 'x', '--out', '/proc/x'], /--seed/);
    expect(err).toMatch(/^regiosim: 2 problems in the command line:\n {2}- --seed: .*\n {2}- --out: .*\/proc\/x: a special file system/);
  });

  it('analyze, chart, report and --resume refuse a read-only batch directory', async () => {
    const ro = readOnlyDir(join(cwd, 'batch'));
    if (!ro) return; // root without the right to mount: nothing is read-only to it
    try {
      const why = ro.how === 'mount' ? 'is on a read-only file system' : 'may not be written \\(permission denied\\)';
      await refused(['analyze', ro.dir], new RegExp(`- <dir>: expected a directory regiosim can create and write, found .*: .* ${why}`));
      await refused(['chart', ro.dir], new RegExp(`- <dir>: expected a directory regiosim can create and write, found .*charts/: .* ${why}`));
      await refused(['report', ro.dir], new RegExp(`- <dir>: expected a file regiosim can create or replace, found .*report\\.html: .* ${why}`));
      const resume = await runCli(['batch', '--resume', ro.dir], cwd);
      // A complete batch has nothing to resume; an unfinished one in a read-only place is refused.
      expect(resume.err).not.toMatch(NO_STACK);
      expect([0, 2]).toContain(resume.code);
    } finally {
      ro.cleanup();
    }
  });
});

describe('provenance', () => {
  const copy = (name: string): string => {
    cpSync(join(cwd, 'batch'), join(cwd, name), { recursive: true });
    return name;
  };
  const edit = (file: string, f: (text: string) => string): void => writeFileSync(join(cwd, file), f(readFileSync(join(cwd, file), 'utf8')));

  it('an edited manifest (replications changed) is refused by analyze, chart and report', async () => {
    const dir = copy('edited-manifest');
    edit(`${dir}/manifest.json`, (t) => t.replace(/"replications": 3/g, '"replications": 30'));
    for (const cmd of ['analyze', 'chart', 'report']) {
      const r = await runCli([cmd, dir], cwd);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/manifest\.json experiment: expected an experiment matching its hash [0-9a-f]{12}…, found a manifest that was edited or damaged/);
      expect(r.err).not.toMatch(NO_STACK);
    }
    expect(existsSync(join(cwd, dir, 'report.html'))).toBe(false);
    expect(existsSync(join(cwd, dir, 'charts'))).toBe(false);
  });

  it('edited counts are refused too', async () => {
    const dir = copy('edited-counts');
    edit(`${dir}/manifest.json`, (t) => t.replace('"planned": 6', '"planned": 60'));
    const r = await runCli(['analyze', dir], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('  - manifest.json counts.planned: expected the runs of its experiment (6), found 60 (an edited or damaged manifest)');
  });

  it('a result file changed since the batch wrote it is refused, naming the file', async () => {
    const dir = copy('edited-runs');
    // One value changed, as a spreadsheet saving the file might.
    edit(`${dir}/runs.csv`, (t) => t.replace(/,0\.(\d)/, ',0.9$1'));
    for (const cmd of ['analyze', 'report']) {
      const r = await runCli([cmd, dir], cwd);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/ - manifest\.json files\.runs\.csv: expected runs\.csv as the result was written \(sha256 [0-9a-f]{12}…\), found a file changed since \(sha256 [0-9a-f]{12}…\); run the command that wrote it again/);
    }
  });

  it('merge refuses a shard whose manifest was edited', async () => {
    cpSync(join(cwd, 'shard-1'), join(cwd, 'shard-1-edited'), { recursive: true });
    edit('shard-1-edited/manifest.json', (t) => t.replace('"master_seed": 1', '"master_seed": 2'));
    const r = await runCli(['merge', 'shard-0', 'shard-1-edited', '--out', 'merged'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/shard-1-edited: manifest\.json experiment: expected an experiment matching its hash/);
    expect(existsSync(join(cwd, 'merged'))).toBe(false);
  });

  it('a run whose files were changed is refused by chart', async () => {
    expect((await runCli(['run', 'rivierenland-none', '--out', 'one-run'], cwd)).code).toBe(0);
    edit('one-run/summary.json', (t) => t.replace('"seed": 1', '"seed": 2'));
    const r = await runCli(['chart', 'one-run'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/manifest\.json files\.summary\.json: expected summary\.json as the result was written/);
  });
});

describe('damaged result directories', () => {
  it('a result file that is a directory, or a manifest that is not a file, is a problem named, not a crash', async () => {
    const { mkdirSync, rmSync } = await import('node:fs');
    cpSync(join(cwd, 'batch'), join(cwd, 'dir-for-file'), { recursive: true });
    rmSync(join(cwd, 'dir-for-file', 'runs.csv'));
    mkdirSync(join(cwd, 'dir-for-file', 'runs.csv'));
    for (const cmd of ['analyze', 'chart', 'report']) {
      const r = await runCli([cmd, 'dir-for-file'], cwd);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/runs\.csv, line 1: expected .*, found a directory, not a CSV file/);
      expect(r.err).not.toMatch(NO_STACK);
    }
    mkdirSync(join(cwd, 'manifest-dir', 'manifest.json'), { recursive: true });
    const resume = await runCli(['batch', '--resume', 'manifest-dir'], cwd);
    expect(resume.code).toBe(2);
    expect(resume.err).toContain('found a manifest.json that is not a file');
  });
});
