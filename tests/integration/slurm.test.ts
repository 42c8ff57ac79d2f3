/**
 * A batch run as a Slurm job array on a real (single-node) cluster: scripts/slurm-up.sh starts
 * munged, slurmctld and slurmd (or reuses them), examples/slurm/regiosim-array.sbatch runs four
 * shards as array tasks, `regiosim merge` joins them, and the result must equal the batch run on
 * one machine byte for byte. Never skipped: without Slurm it fails and says what to install.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, ROOT } from '../setup/build.js';
import { bin, COALITION, listFiles, NONE, removeDir, sameData, stableManifest, tempDir } from '../batch/helpers.js';

const PACKAGES = 'slurm-wlm munge';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

let cwd: string;
beforeAll(() => {
  const missing = ['sbatch', 'slurmctld', 'slurmd', 'munged'].filter((c) => !has(c));
  if (missing.length > 0) {
    throw new Error(`the Slurm test needs ${missing.join(', ')}: install the Debian packages with \`apt-get install -y ${PACKAGES}\` (npm test's pretest does this when run as root)`);
  }
  const up = spawnSync('bash', [join(ROOT, 'scripts', 'slurm-up.sh')], { encoding: 'utf8', timeout: 120_000 });
  if (up.status !== 0) throw new Error(`scripts/slurm-up.sh could not start the cluster (exit ${up.status}):\n${up.stderr}${up.stdout}`);
  ensureBuilt();
  cwd = tempDir('slurm');
});
afterAll(() => {
  if (cwd) removeDir(cwd);
});

describe('Slurm job array', () => {
  it('four array tasks, each a shard, merge to exactly the single-machine batch', () => {
    const batchArgs = [COALITION, NONE, '--runs', '10'];
    const shards = join(cwd, 'shards');
    const sub = spawnSync(
      'sbatch',
      ['--array=0-3', '--wait', '--time=10', '--cpus-per-task=1', `--chdir=${cwd}`, `--output=${join(cwd, 'slurm-%a.log')}`, join(ROOT, 'examples', 'slurm', 'regiosim-array.sbatch'), shards, ...batchArgs],
      { encoding: 'utf8', env: { ...process.env, REGIOSIM: `${process.execPath} ${BIN}` }, timeout: 600_000 },
    );
    const logs = listFiles(cwd)
      .filter((f) => f.startsWith('slurm-'))
      .map((f) => `--- ${f}\n${readFileSync(join(cwd, f), 'utf8')}`)
      .join('\n');
    expect(sub.status, `sbatch failed:\n${sub.stderr}\n${logs}`).toBe(0);
    expect(sub.stdout).toMatch(/^Submitted batch job \d+/);

    const dirs = [0, 1, 2, 3].map((i) => join(shards, `shard-${i}`));
    for (const [i, dir] of dirs.entries()) {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { shard: unknown; status: string; counts: { planned: number } };
      expect(m.shard).toEqual({ index: i, count: 4 });
      expect(m.status).toBe('complete');
      expect(m.counts.planned).toBe(5);
    }

    const merged = bin(cwd, 'merge', ...dirs, '--out', 'merged', '--no-analyze');
    expect(merged.code, merged.stderr).toBe(0);
    const single = bin(cwd, 'batch', ...batchArgs, '--out', 'single', '--no-analyze', '--quiet');
    expect(single.code, single.stderr).toBe(0);

    expect(sameData(join(cwd, 'single'), join(cwd, 'merged'))).toEqual({
      files: ['events-counts.csv', 'municipalities.csv', 'points.csv', 'runs.csv', 'spells.csv', 'timeseries-summary.csv'],
      differing: [],
    });
    expect(stableManifest(join(cwd, 'merged'))).toEqual(stableManifest(join(cwd, 'single')));
  });
});
