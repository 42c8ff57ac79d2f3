/** Runs the CLI in-process (src/cli/main.ts) with captured output, in a temporary working directory. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[], cwd: string): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(args, { cwd, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `regiosim-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir`, as relative paths, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** A small region written out in a scenario (not shipped with regiosim). */
export const OWN_REGION_SCENARIO = `# A test region
name: test-region
title: Test region
description: Four municipalities around a lake.
region:
  name: Lake district
  municipalities:
    - {name: Northbank, population: 40000, neighbours: [Eastbank, Westbank]}
    - {name: Eastbank, population: 25000, neighbours: [Southbank]}
    - {name: Southbank, population: 15000, neighbours: [Westbank]}
    - {name: Westbank, population: 8000}
start: 2015-01
end: 2019-12
seed: 7
arrangements:
  - id: lake-table
    kind: basiscoalitie
    members: all
    domains: [housing, economy, social]
events:
  - date: 2016-01
    type: task-rate
    domain: social
    multiplier: 3
`;
