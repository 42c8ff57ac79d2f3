/** Valid manifests and run summaries for synthetic test directories (the shapes the writers produce). */
import type { BatchManifest, RunManifest } from '../../src/formats/manifest.js';
import { BATCH_FORMAT, BATCH_MANIFEST_KIND } from '../../src/formats/manifest.js';
import type { RunSummary } from '../../src/formats/json-files.js';
import { RUN_IDS } from '../../src/core/measures.js';
import { defaultParams } from '../../src/core/params.js';
import { experimentHash } from '../../src/batch/plan.js';

export interface ScenarioOptions {
  name: string;
  title?: string;
  region?: string;
  start?: string;
  end?: string;
  from?: string;
  to?: string;
}

/** A complete batch manifest for scenarios with one point each. */
export function batchManifest(scenarios: readonly ScenarioOptions[], o: { replications?: number; name?: string; command?: string; masterSeed?: number } = {}): BatchManifest {
  const replications = o.replications ?? 20;
  const masterSeed = o.masterSeed ?? 1;
  const planScenarios = scenarios.map((s) => ({ name: s.name, sha256: 'ab'.repeat(32) }));
  // The hash of what the results depend on, as the writer records it (readers check it).
  const hash = experimentHash({ masterSeed, replications, scenarios: planScenarios as never, points: scenarios.map((_, i) => ({ point: i, scenario: i, overrides: {}, parameters: {} })) });
  return {
    kind: BATCH_MANIFEST_KIND,
    format: BATCH_FORMAT,
    regiosim_version: '0.1.0',
    git_commit: null,
    node: 'v20.0.0',
    command: o.command ?? `regiosim batch --runs ${replications}`,
    status: 'complete',
    started: '2026-01-01T00:00:00.000Z',
    finished: '2026-01-01T00:01:00.000Z',
    resumed: [],
    workers: 2,
    keep_timeseries: false,
    shard: null,
    counts: { scenarios: scenarios.length, points: scenarios.length, replications, planned: scenarios.length * replications, done: scenarios.length * replications },
    scenarios: scenarios.map((s) => ({
      name: s.name,
      title: s.title ?? `Title of ${s.name}`,
      region: s.region ?? 'Testregio',
      load: s.name,
      file: `scenarios/${s.name}.yaml`,
      sha256: 'ab'.repeat(32),
      start: s.start ?? '2006-01',
      end: s.end ?? '2020-12',
      months: 180,
      evaluation: { from: s.from ?? '2015-01', to: s.to ?? '2020-12' },
    })),
    experiment: {
      name: o.name ?? 'synthetic',
      title: o.name ?? 'synthetic',
      file: null,
      hash,
      master_seed: masterSeed,
      replications,
      set: {},
      param_columns: [],
      points: scenarios.map((s, i) => ({ point: i, scenario: s.name, overrides: {}, parameters: {} })),
    },
  };
}

/** A complete manifest of one run. */
export function runManifest(scenario: string, seed: number): RunManifest {
  return {
    regiosim_version: '0.1.0',
    created: '2026-01-01T00:00:00.000Z',
    command: `regiosim run ${scenario} --seed ${seed}`,
    scenario: { name: scenario, file: `scenarios/${scenario}.yaml`, sha256: 'ab'.repeat(32) },
    seed,
    parameters: { ...defaultParams() },
    overrides: {},
    node: 'v20.0.0',
  };
}

/** A complete summary.json of one run, with the given municipalities and every outcome null. */
export function runSummary(scenario: string, seed: number, municipalities: RunSummary['municipalities'], o: { start?: string; end?: string; from?: string; to?: string } = {}): RunSummary {
  return {
    scenario, title: scenario, seed, region: 'haaglanden', start: o.start ?? '2006-01', end: o.end ?? '2020-12',
    evaluation: { from: o.from ?? '2015-01', to: o.to ?? '2020-12' },
    outcomes: Object.fromEntries(RUN_IDS.map((id) => [id, null])), spells: [], municipalities,
  };
}
