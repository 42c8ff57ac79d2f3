/** A batch manifest is believed only when its experiment matches its hash and its counts agree. */
import { describe, expect, it } from 'vitest';
import { manifestProblems } from '../../src/batch/manifest.js';
import { batchManifest } from '../helpers/manifests.js';

const good = batchManifest([{ name: 'a' }, { name: 'b' }], { replications: 5 });

describe('manifestProblems', () => {
  it('accepts a manifest as the writer makes it', () => {
    expect(manifestProblems(good, '/nowhere', { files: false })).toEqual([]);
  });

  it('refuses an experiment edited after the batch ran (replications, seed, points)', () => {
    const edited = { ...good, experiment: { ...good.experiment, replications: 50 } };
    expect(manifestProblems(edited, '/nowhere', { files: false }).map((p) => p.path)).toEqual(['manifest.json experiment', 'manifest.json counts.replications', 'manifest.json counts.planned']);
  });

  it('refuses counts that disagree with the experiment, and a shard that is no slice', () => {
    const counts = { ...good, counts: { ...good.counts, replications: 6, done: 9 } };
    expect(manifestProblems(counts, '/nowhere', { files: false })).toEqual([
      { path: 'manifest.json counts.replications', expected: 'the replications of its experiment (5)', found: '6 (an edited or damaged manifest)' },
      { path: 'manifest.json counts.done', expected: 'every planned run (10) in a complete batch', found: '9 (an edited or damaged manifest)' },
    ]);
    const shard = { ...good, shard: { index: 3, count: 2 } };
    expect(manifestProblems(shard, '/nowhere', { files: false, label: 'x/manifest.json' })).toEqual([
      { path: 'x/manifest.json shard', expected: 'a slice i/n with 0 <= i < n', found: '3/2 (an edited or damaged manifest)' },
    ]);
  });
});
