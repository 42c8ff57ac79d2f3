/**
 * A disk that fills up (or permissions that change) while regiosim writes: the command ends
 * with exit 1 and one line naming the place and the reason, no stack trace, and nothing
 * half-written left in place; a batch stopped that way is finished by --resume, identical to an
 * uninterrupted one. The file system is made to fail on chosen paths (node:fs is wrapped for the
 * modules of this test; the batch workers, in their own threads, are not affected).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { COALITION, NONE, sameData } from '../batch/helpers.js';
import { listFiles, removeDir, runCli, tempDir } from './helpers.js';

const failing = vi.hoisted(() => ({ match: null as RegExp | null, skip: 0, code: 'ENOSPC' }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const boom = (path: unknown): void => {
    if (!failing.match || typeof path !== 'string' || !failing.match.test(path)) return;
    if (failing.skip > 0) {
      failing.skip -= 1;
      return;
    }
    throw Object.assign(new Error(`${failing.code}: no space left on device, write '${path}'`), { code: failing.code, errno: -28, syscall: 'write', path });
  };
  const writeFileSync: typeof fs.writeFileSync = (path, ...rest) => {
    boom(path);
    return fs.writeFileSync(path, ...rest);
  };
  const openSync = ((path: Parameters<typeof fs.openSync>[0], flags?: Parameters<typeof fs.openSync>[1], mode?: Parameters<typeof fs.openSync>[2]) => {
    if (flags === 'w' || flags === 'a') boom(path);
    return fs.openSync(path, flags ?? 'r', mode);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, writeFileSync, openSync }, writeFileSync, openSync };
});

const ONE_LINE = /^regiosim: could not write (.+): no space left on the device \(ENOSPC\); nothing half-written was left in place\.\n$/;
const TEMP = /\.(tmp|old)-\d+/;

let cwd: string;
beforeAll(() => {
  cwd = tempDir('write-failures');
});
afterAll(() => removeDir(cwd));
afterEach(() => {
  failing.match = null;
  failing.skip = 0;
});

describe('a disk that fills up while regiosim writes', () => {
  it('run: one line, exit 1, the previous result intact, no temporary left', async () => {
    expect((await runCli(['run', 'rivierenland-none', '--out', 'one'], cwd)).code).toBe(0);
    const before = readFileSync(join(cwd, 'one', 'trust.csv'));
    failing.match = /trust\.csv$/;
    const r = await runCli(['run', 'rivierenland-none', '--seed', '2', '--out', 'one'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(ONE_LINE);
    expect(r.err).toContain(join(cwd, 'one'));
    expect(readFileSync(join(cwd, 'one', 'trust.csv')).equals(before)).toBe(true);
    expect(readdirSync(cwd).filter((f) => TEMP.test(f))).toEqual([]);
  });

  it('batch: stopped while writing its files, then finished by --resume to the files of an uninterrupted batch', async () => {
    const args = ['batch', COALITION, NONE, '--runs', '3', '--workers', '1', '--quiet'];
    expect((await runCli([...args, '--out', 'whole'], cwd)).code).toBe(0);
    // The third result file cannot be created: two are written, the rest not.
    failing.match = /\.csv\.tmp-\d+-\d+$/;
    failing.skip = 2;
    const r = await runCli([...args, '--out', 'stopped'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(ONE_LINE);
    expect(listFiles(join(cwd, 'stopped')).filter((f) => TEMP.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(cwd, 'stopped', 'manifest.json'), 'utf8')) as { status: string };
    expect(manifest.status).toBe('running');
    failing.match = null;
    const resumed = await runCli(['batch', '--resume', 'stopped', '--quiet'], cwd);
    expect(resumed.code, resumed.err).toBe(0);
    // summary.md names the batch by its directory; everything else is byte for byte the same.
    expect(sameData(join(cwd, 'whole'), join(cwd, 'stopped')).differing).toEqual(['summary.md']);
    expect(readFileSync(join(cwd, 'stopped', 'summary.md'), 'utf8').replace('`stopped`', '`whole`')).toBe(readFileSync(join(cwd, 'whole', 'summary.md'), 'utf8'));
    expect(listFiles(join(cwd, 'stopped'))).toEqual(listFiles(join(cwd, 'whole')));
  });

  it('analyze and schema: one line, exit 1, earlier files kept', async () => {
    const summary = readFileSync(join(cwd, 'whole', 'summary.md'));
    failing.match = /summary\.md\.tmp-/;
    const a = await runCli(['analyze', 'whole'], cwd);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(ONE_LINE);
    expect(readFileSync(join(cwd, 'whole', 'summary.md')).equals(summary)).toBe(true);
    expect(readdirSync(join(cwd, 'whole')).filter((f) => TEMP.test(f))).toEqual([]);

    failing.match = /schema\.json\.tmp-/;
    const s = await runCli(['schema', '--out', 'schema.json'], cwd);
    expect(s.code).toBe(1);
    expect(s.err).toMatch(ONE_LINE);
    expect(readdirSync(cwd).filter((f) => f.startsWith('schema.json'))).toEqual([]);
  });

  it('a permission taken away mid-way is the same: one line, exit 1', async () => {
    failing.match = /report\.html\.tmp-/;
    failing.code = 'EACCES';
    try {
      const r = await runCli(['report', 'whole'], cwd);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^regiosim: could not write .*report\.html: permission denied \(EACCES\); nothing half-written was left in place\.\n$/);
    } finally {
      failing.code = 'ENOSPC';
    }
  });
});
