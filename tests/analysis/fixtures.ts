/**
 * Small synthetic batch directories for the analysis tests, written as plain text so the tests do
 * not depend on the batch runner. The numbers are those of tests/analysis/reference/
 * analyze_reference.py, which computes the expected statistics independently with scipy.
 */
import { batchManifest } from '../helpers/manifests.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NaN_ = Number.NaN;

export const FIXTURE = {
  outcomes: ['cooperation_stability', 'exits', 'tasks_arrived', 'exits_after_election_share'],
  scenarios: {
    a: {
      seeds: [101, 102, 103, 104, 105, 106],
      cooperation_stability: [0.25, 0.5, 0.375, 0.625, 0.5, 0.25],
      exits: [4, 6, 5, 7, 3, 8],
      tasks_arrived: [10, 12, 11, 13, 9, 14],
      exits_after_election_share: [0.5, NaN_, 0.25, 0.75, NaN_, 0.5],
    },
    b: {
      seeds: [101, 102, 103, 104, 105, 106],
      cooperation_stability: [0.28125, 0.5625, 0.46875, 0.75, 0.5, 0.09375],
      exits: [2, 5, 5, 4, 1, 6],
      tasks_arrived: [10, 12, 11, 13, 9, 14],
      exits_after_election_share: [0.25, 0.5, NaN_, 0.5, 0, 0.25],
    },
    c: {
      seeds: [201, 202, 203, 204, 205, 206],
      cooperation_stability: [0.375, 0.5, 0.625, 0.75, 0.4375, 0.5625],
      exits: [3, 3, 4, 6, 2, 5],
      tasks_arrived: [11, 12, 10, 15, 9, 13],
      exits_after_election_share: [NaN_, NaN_, NaN_, NaN_, NaN_, 1],
    },
  } as Record<string, Record<string, number[]>>,
  /** [duration, ended] per spell */
  arrangements: { a: [[3, 1], [5, 0], [5, 1], [8, 1], [10, 0]], b: [[12, 0], [12, 0], [6, 1]], c: [[2, 1], [4, 1], [4, 1]] } as Record<string, number[][]>,
  memberships: { a: [[24, 1], [36, 0]], b: [], c: [] } as Record<string, number[][]>,
};

export interface FixtureOptions {
  /** Files to leave out. */
  omit?: string[];
  /** Replace a file's text. */
  replace?: Record<string, string>;
  /** Only the first `runs` replications of each scenario. */
  runs?: number;
}

export function tempDir(prefix = 'regiosim-analysis-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const cell = (v: number): string => (Number.isNaN(v) ? 'NaN' : String(v));

/** Write the synthetic batch into a new temporary directory and return its path. */
export function writeFixtureBatch(options: FixtureOptions = {}): string {
  const dir = join(tempDir(), 'batch');
  mkdirSync(dir);
  const names = Object.keys(FIXTURE.scenarios);
  const files: Record<string, string> = {};
  const manifest = batchManifest(names.map((name) => ({ name, title: `Scenario ${name.toUpperCase()}`, region: 'Testregio', from: '2015-01', to: '2030-12' })), { replications: 6 });
  files['manifest.json'] = JSON.stringify({ ...manifest, counts: { ...manifest.counts, planned: 18, done: 18 } });
  files['points.csv'] = 'point,scenario\n' + names.map((s, i) => `${i},${s}\n`).join('');
  const runs = options.runs ?? 6;
  let text = `run,scenario,point,replication,seed,${FIXTURE.outcomes.join(',')}\n`;
  names.forEach((s, p) => {
    const sc = FIXTURE.scenarios[s]!;
    for (let r = 0; r < runs; r++) {
      text += [p * 6 + r, s, p, r, sc.seeds![r], ...FIXTURE.outcomes.map((o) => cell(sc[o]![r]!))].join(',') + '\n';
    }
  });
  files['runs.csv'] = text;
  let spells = 'run,scenario,point,replication,type,arrangement,kind,municipality,module,start,end,duration,ended,reason\n';
  names.forEach((s, p) => {
    FIXTURE.arrangements[s]!.forEach(([d, e], k) => {
      spells += `${p * 6},${s},${p},0,arrangement,arr-${k},network,,,2015-01,${e ? '2016-01' : ''},${d},${e},${e ? 'dormant' : 'censored'}\n`;
    });
    FIXTURE.memberships[s]!.forEach(([d, e], k) => {
      spells += `${p * 6},${s},${p},0,membership,arr-${k},gr,GM0${k},,2015-01,${e ? '2017-01' : ''},${d},${e},${e ? 'exit' : 'censored'}\n`;
    });
  });
  files['spells.csv'] = spells;
  files['timeseries-summary.csv'] = 'scenario,point,date,measure,n,mean,sd,p2_5,p25,p50,p75,p97_5\n' + names.map((s, p) => `${s},${p},2015-01,joins,6,0,0,0,0,0,0,0\n`).join('');
  Object.assign(files, options.replace ?? {});
  for (const [name, content] of Object.entries(files)) {
    if (options.omit?.includes(name)) continue;
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
