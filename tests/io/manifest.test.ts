/** Checksums of result files: every file a manifest lists must be there with the bytes it had. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksumProblems, fileSha256 } from '../../src/io/manifest.js';

const dir = mkdtempSync(join(tmpdir(), 'regiosim-checksums-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('checksumProblems', () => {
  writeFileSync(join(dir, 'runs.csv'), 'run\n0\n');
  writeFileSync(join(dir, 'big.bin'), Buffer.alloc(3 * 1024 * 1024 + 7, 1));

  it('accepts files as written, and a manifest without checksums (older versions)', () => {
    expect(checksumProblems(dir, { 'runs.csv': sha('run\n0\n') })).toEqual([]);
    expect(checksumProblems(dir, undefined)).toEqual([]);
    expect(fileSha256(join(dir, 'big.bin'))).toBe(createHash('sha256').update(Buffer.alloc(3 * 1024 * 1024 + 7, 1)).digest('hex'));
  });

  it('names a changed file, a missing one and a name outside the directory', () => {
    const p = checksumProblems(dir, { 'runs.csv': sha('run\n1\n'), 'spells.csv': sha(''), '../etc/passwd': sha('') });
    expect(p).toEqual([
      { path: 'manifest.json files.runs.csv', expected: `runs.csv as the result was written (sha256 ${sha('run\n1\n').slice(0, 12)}…)`, found: `a file changed since (sha256 ${sha('run\n0\n').slice(0, 12)}…); run the command that wrote it again` },
      { path: 'manifest.json files.spells.csv', expected: `spells.csv as the result was written (sha256 ${sha('').slice(0, 12)}…)`, found: 'no such file' },
      { path: 'manifest.json files.../etc/passwd', expected: 'the name of a file in the directory', found: '"../etc/passwd" (an edited or damaged manifest)' },
    ]);
  });
});
