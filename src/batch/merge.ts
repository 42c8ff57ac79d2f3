/**
 * `regiosim merge`: joins the outputs of the shards of one batch (`--shard i/n`) into exactly
 * the files one machine would have written. Shards must belong to the same experiment (same
 * hash and regiosim version), be finished, not overlap, and together hold every run.
 * Everything is checked before anything is written; the result is filled in a temporary
 * directory and renamed into place.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError, type Problem } from '../io/errors.js';
import { assertReplaceable, OutputDirError, outputProblem, writeDirAtomically } from '../io/write.js';
import { finalizeBatch } from './finalize.js';
import { JOURNAL_DIR, JournalIndex, scanJournal } from './journal.js';
import { manifestProblems, newManifest, planFromManifest, readManifest, writeManifest, type BatchManifest } from './manifest.js';
import { inShard, totalRuns } from './plan.js';

export interface MergeOutcome {
  out: string;
  runs: number;
  manifest: BatchManifest;
}

function rangeText(runs: number[]): string {
  const shown = runs.slice(0, 8).join(', ');
  return runs.length > 8 ? `${shown}, … (${runs.length} runs)` : shown;
}

/**
 * @param dirs shard directories as the user gave them (used in messages)
 * @param out output directory as given
 * @param cwd directory relative paths are resolved against
 */
export async function mergeShards(dirs: string[], out: string, command: string, cwd: string): Promise<MergeOutcome> {
  const problems: Problem[] = [];
  const absDirs = dirs.map((d) => resolve(cwd, d));
  const absOut = resolve(cwd, out);
  if (absDirs.includes(absOut)) problems.push({ path: '--out', expected: 'a directory other than the shards being merged', found: JSON.stringify(out) });
  else {
    const where = outputProblem(absOut, '--out', { kind: 'dir', siblings: true }, out);
    if (where) problems.push(where);
    else {
      try {
        assertReplaceable(absOut);
      } catch (err) {
        if (!(err instanceof OutputDirError)) throw err;
        problems.push({ path: '--out', expected: 'an empty directory, a new one, or a previous regiosim result to replace', found: `${out}: ${err.found}` });
      }
    }
  }

  // Manifests: every shard must be a finished shard of the same experiment.
  const manifests: (BatchManifest | null)[] = dirs.map((dir, i) => {
    try {
      return readManifest(absDirs[i]!, `shard ${i + 1}`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      for (const p of err.problems) problems.push({ ...p, path: `${dir}: ${p.path}` });
      return null;
    }
  });
  // Provenance of each shard: its manifest matches its experiment, its files their checksums.
  manifests.forEach((m, i) => {
    if (m) problems.push(...manifestProblems(m, absDirs[i]!, { files: true, label: `${dirs[i]}: manifest.json` }));
  });
  const first = manifests.find((m): m is BatchManifest => m !== null);
  manifests.forEach((m, i) => {
    if (!m || !first) return;
    const dir = dirs[i]!;
    if (m.experiment.hash !== first.experiment.hash) {
      problems.push({ path: dir, expected: `a shard of experiment ${first.experiment.name} (hash ${first.experiment.hash.slice(0, 12)}…, like ${dirs[manifests.indexOf(first)]})`, found: `experiment ${m.experiment.name} (hash ${m.experiment.hash.slice(0, 12)}…)` });
      return;
    }
    if (m.regiosim_version !== first.regiosim_version) problems.push({ path: dir, expected: `results of regiosim ${first.regiosim_version}`, found: `regiosim ${m.regiosim_version}` });
    if (m.keep_timeseries !== first.keep_timeseries) problems.push({ path: dir, expected: `shards all run ${first.keep_timeseries ? 'with' : 'without'} --keep-timeseries`, found: m.keep_timeseries ? 'with' : 'without' });
    if ((m.parquet === true) !== (first.parquet === true)) problems.push({ path: dir, expected: `shards all run ${first.parquet ? 'with' : 'without'} --parquet`, found: m.parquet ? 'with' : 'without' });
    if (m.status !== 'complete') problems.push({ path: dir, expected: 'a finished shard', found: `an unfinished shard (${m.counts.done} of ${m.counts.planned} runs): finish it with \`regiosim batch --resume ${dir}\`` });
    if (!existsSync(join(absDirs[i]!, JOURNAL_DIR))) problems.push({ path: dir, expected: 'a shard output with its journal/ (written by `regiosim batch --shard i/n`)', found: m.shard ? 'no journal/ directory' : 'a whole batch, not a shard' });
  });
  if (problems.length > 0 || !first) throw new UserError('the command line', problems.length > 0 ? problems : [{ path: 'DIR...', expected: 'shard directories', found: 'none' }]);

  const plan = planFromManifest(first, dirs[manifests.indexOf(first)]!);
  if (absDirs.length !== new Set(absDirs).size) problems.push({ path: 'DIR...', expected: 'each shard directory once', found: 'a directory given twice' });
  const total = totalRuns(plan);
  const index = new JournalIndex(total);
  const months = plan.points.map((p) => plan.scenarios[p.scenario]!.months);
  dirs.forEach((dir, i) => {
    const shard = manifests[i]!.shard;
    const before = index.size;
    const report = scanJournal(absDirs[i]!, index, i, { verify: true, repair: false, expectMonths: (run) => months[Math.floor(run / plan.replications)]!, accept: (run) => inShard(run, shard) });
    if (report.overlapping.length > 0) {
      const others = [...new Set(report.overlapping.map((r) => index.source[r]!))].sort((a, b) => a - b).map((k) => dirs[k]!);
      problems.push({ path: dir, expected: 'shards that do not overlap', found: `runs also in ${others.join(', ')}: ${rangeText([...report.overlapping].sort((a, b) => a - b))}` });
    }
    const expected = manifests[i]!.counts.done;
    if (index.size - before + report.overlapping.length < expected) {
      problems.push({ path: dir, expected: `the ${expected} runs its manifest lists`, found: `${index.size - before + report.overlapping.length} intact runs in journal/` });
    }
  });
  if (problems.length === 0 && index.size < total) {
    const missing: number[] = [];
    for (let r = 0; r < total && missing.length < 9; r++) if (!index.has(r)) missing.push(r);
    const counts = [...new Set(manifests.map((m) => m!.shard?.count ?? 1))];
    const have = new Set(manifests.map((m) => (m!.shard ? `${m!.shard.index}/${m!.shard.count}` : '')));
    const absent = counts.length === 1 ? Array.from({ length: counts[0]! }, (_, k) => `${k}/${counts[0]}`).filter((s) => !have.has(s)) : [];
    problems.push({
      path: 'DIR...',
      expected: `shards that together hold all ${total} runs${absent.length ? ` (missing shard${absent.length > 1 ? 's' : ''} ${absent.join(', ')})` : ''}`,
      found: `${index.size} runs; missing runs ${rangeText(missing)}`,
    });
  }
  if (problems.length > 0) throw new UserError('the command line', problems);

  const manifest = newManifest(plan, { command, workers: 0, keepTimeseries: first.keep_timeseries, parquet: first.parquet === true, shard: null, planned: total });
  const valid = manifests as BatchManifest[];
  manifest.started = valid.map((m) => m.started).sort()[0]!;
  manifest.finished = valid
    .map((m) => m.finished ?? '')
    .sort()
    .at(-1)!;
  manifest.status = 'complete';
  manifest.counts.done = index.size;
  manifest.workers = valid.reduce((s, m) => s + m.workers, 0);
  manifest.merged_from = absDirs;
  manifest.git_commit = first.git_commit;
  await writeDirAtomically(absOut, async (tmp) => {
    manifest.files = await finalizeBatch(plan, index, tmp, { shard: null, keepTimeseries: first.keep_timeseries, parquet: first.parquet === true });
    writeManifest(tmp, manifest);
  });
  return { out: absOut, runs: index.size, manifest };
}
