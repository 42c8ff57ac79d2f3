/** Synthetic output directories (docs/formats.md) written from the chart fixtures, for loader, catalogue and report tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCsv, type CsvCell } from '../../src/formats/text.js';
import * as F from '../charts/fixtures.js';
import { batchManifest, runManifest, runSummary } from '../helpers/manifests.js';

export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `regiosim-${tag}-`));
}

function csv<T extends object>(rows: readonly T[], columns: readonly string[]): string {
  return toCsv(columns, rows.map((r) => columns.map((c) => (r as Record<string, unknown>)[c] as CsvCell)));
}

export const MANIFEST = batchManifest(F.SCENARIOS.map((name) => ({ name, start: '2006-01', end: '2020-12', from: '2015-01', to: '2020-12' })));

/** A batch directory; `analysis` adds summary.csv, comparison.csv, survival.csv and summary.md. */
export function writeBatch(dir: string, opts: { analysis?: boolean; manifest?: object } = {}): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(opts.manifest ?? MANIFEST));
  writeFileSync(join(dir, 'runs.csv'), csv(F.runs(), ['run', 'scenario', 'point', 'replication', 'seed', 'cooperation_stability', 'value_per_inhabitant', 'exits_after_election_share']));
  writeFileSync(join(dir, 'timeseries-summary.csv'), csv(F.timeseriesSummary(), ['scenario', 'point', 'date', 'measure', 'n', 'mean', 'sd', 'p2_5', 'p97_5']));
  writeFileSync(join(dir, 'municipalities.csv'), csv(F.municipalities(), ['run', 'scenario', 'point', 'replication', 'code', 'name', 'population', 'value', 'value_per_inhabitant']));
  writeFileSync(join(dir, 'events-counts.csv'), csv(F.eventCounts().map((r) => ({ ...r, replication: 0 })), ['run', 'scenario', 'point', 'replication', 'date', 'type', 'count']));
  if (opts.analysis) {
    const summary = F.SCENARIOS.flatMap((scenario, i) => ['cooperation_stability', 'value_per_inhabitant'].map((outcome) => ({ scenario, point: i, outcome, n: 20, mean: 0.5 + i / 10, ci_lo: 0.45 + i / 10, ci_hi: 0.55 + i / 10 })));
    writeFileSync(join(dir, 'summary.csv'), csv(summary, ['scenario', 'point', 'outcome', 'n', 'mean', 'ci_lo', 'ci_hi']));
    writeFileSync(join(dir, 'comparison.csv'), csv(F.comparison().map((r) => ({ ...r, test: 'wilcoxon-signed-rank' })), [
      'scenario', 'reference', 'point', 'outcome', 'paired', 'n', 'mean_reference', 'mean_scenario', 'difference', 'ci_lo', 'ci_hi', 'share_better', 'test', 'p_holm', 'significant',
    ]));
    writeFileSync(join(dir, 'survival.csv'), csv(F.survival().map((r) => ({ ...r, censored: 0 })), ['scenario', 'point', 'type', 'time', 'at_risk', 'events', 'censored', 'survival', 'lo', 'hi']));
    writeFileSync(join(dir, 'summary.md'), '# Analysis of batch `synthetic`\n\nRuns were **paired**.\n\n| Outcome | Mean |\n|---|---|\n| Trust | 0.6 |\n');
  }
  return dir;
}

/** A single run directory. */
export function writeRun(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const series = F.timeseriesSummary().filter((r) => r.scenario === 'basiscoalitie');
  const dates = [...new Set(series.map((r) => r.date))];
  const lines = ['date,cooperation_stability,trust_mean', ...dates.map((d) => `${d},${series.find((r) => r.date === d && r.measure === 'cooperation_stability')!.mean},0.6`)];
  writeFileSync(join(dir, 'timeseries.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'events.jsonl'), F.events().map((e) => JSON.stringify(e)).join('\n') + '\n');
  writeFileSync(join(dir, 'trust.csv'), csv(F.trust(), ['date', 'label', 'from_code', 'from_name', 'to_code', 'to_name', 'trust', 'personal', 'institutional']));
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(runSummary('basiscoalitie', 7, F.HAAGLANDEN.map((m, i) => ({ code: m.code, name: m.name, population: m.population, measures: { value: 1, value_per_inhabitant: 60 + i, cost: 0.5, central_funds: 0, net: 0.5, net_per_inhabitant: 30 + i, memberships: 1, trust_in: 0.5, trust_out: 0.5, relationship_stock: 0.5 } })))));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(runManifest('basiscoalitie', 7)));
  return dir;
}

/** A sensitivity directory (only sensitivity.csv matters to the charts). */
export function writeSensitivity(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sensitivity.csv'), csv(F.sensitivity(), ['method', 'outcome', 'parameter', 'mu', 'mu_star', 'sigma', 's1', 's1_lo', 's1_hi', 'st', 'st_lo', 'st_hi']));
  return dir;
}
