/** Shared helpers of the batch tests: temp dirs, the CLI in-process and as a real process, file comparison. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { BIN, ROOT } from '../setup/build.js';

export const FIXTURES = join(ROOT, 'tests', 'batch', 'fixtures');
export const COALITION = join(FIXTURES, 'tiny-coalition.yaml');
export const NONE = join(FIXTURES, 'tiny-none.yaml');

export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `regiosim-${tag}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `regiosim ...` in-process (the workers run the compiled code in dist/). */
export async function cli(cwd: string, ...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** Runs the installed entry point bin/regiosim.js as a separate process. */
export function bin(cwd: string, ...argv: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Files of a directory tree, relative, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}

/** The batch data files (everything but the manifest and the journal), to compare byte for byte. */
export function dataFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f !== 'manifest.json' && !f.startsWith('journal/'));
}

/** Asserts two batch outputs hold the same data files with the same bytes. */
export function sameData(a: string, b: string): { files: string[]; differing: string[] } {
  const files = dataFiles(a);
  const other = dataFiles(b);
  if (files.join('\n') !== other.join('\n')) return { files, differing: [`file lists differ: ${files.join(',')} vs ${other.join(',')}`] };
  const differing = files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  return { files, differing };
}

/** manifest.json without what legitimately differs between equal batches (times, command, workers, git commit, merge sources). */
export function stableManifest(dir: string): Record<string, unknown> {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  for (const key of ['started', 'finished', 'resumed', 'command', 'workers', 'git_commit', 'merged_from', 'shard']) delete m[key];
  return m;
}

export function readCsvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => l.split(','));
}
