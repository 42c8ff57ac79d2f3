/**
 * Small synthetic tidy rows in the shapes of docs/formats.md, for testing chart builders and
 * rendering without running the model. Deterministic (no random numbers).
 */
import type { Calendar } from '../../src/core/calendar.js';
import type {
  ComparisonRow, EventCountRow, EventRow, MunicipalityRow, RunRow, SensitivityRow, SurvivalRow, TimeseriesSummaryRow, TrustRow,
} from '../../src/charts/rows.js';

export const SCENARIOS = ['wgr-plus-continues', 'wgr-plus-abolished', 'basiscoalitie', 'modular-gr'];

/** Calendars as the Haaglanden scenarios have them: March elections every four years from 2006; the WGR-plus abolished in 2015 except in the counterfactual. */
export const CALENDARS: Record<string, Calendar> = Object.fromEntries(
  SCENARIOS.map((s) => [s, {
    elections: ['2006-03', '2010-03', '2014-03', '2018-03', '2022-03', '2026-03', '2030-03'],
    cycle: 4,
    events: s === 'wgr-plus-continues' ? [] : [{ date: '2015-01', change: 'end' as const, arrangement: 'haaglanden', name: 'Stadsgewest Haaglanden', kind: 'wgr-plus' as const, label: 'WGR-plus abolished' }],
  }]),
);

const ym = (abs: number): string => `${Math.floor(abs / 12)}-${String((abs % 12) + 1).padStart(2, '0')}`;

/** Monthly summary 2006-01 .. 2020-12 of cooperation_stability and trust_mean. */
export function timeseriesSummary(): TimeseriesSummaryRow[] {
  const rows: TimeseriesSummaryRow[] = [];
  for (const [i, scenario] of SCENARIOS.entries()) {
    for (let m = 2006 * 12; m <= 2020 * 12 + 11; m++) {
      const year = m / 12;
      const drop = i > 0 && year >= 2015 ? 0.2 * Math.exp(-(year - 2015) / (1 + i)) : 0;
      const mean = 0.6 - drop + 0.01 * i;
      for (const measure of ['cooperation_stability', 'trust_mean']) {
        rows.push({ scenario, point: 0, date: ym(m), measure, n: 20, mean, sd: 0.05, p2_5: mean - 0.1, p97_5: mean + 0.1 });
      }
    }
  }
  return rows;
}

/** 20 runs per scenario with a few outcomes. */
export function runs(): RunRow[] {
  const rows: RunRow[] = [];
  let run = 0;
  for (const [i, scenario] of SCENARIOS.entries()) {
    for (let k = 0; k < 20; k++) {
      const wobble = ((k * 7919) % 20) / 20 - 0.5;
      rows.push({
        run: run++, scenario, point: 0, replication: k, seed: 1000 + k,
        cooperation_stability: 0.5 - 0.05 * i + 0.1 * wobble,
        value_per_inhabitant: 40 + 5 * i + 10 * wobble,
        exits_after_election_share: k % 5 === 0 ? Number.NaN : 0.5 + 0.2 * wobble,
      });
    }
  }
  return rows;
}

export function comparison(): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const outcome of ['cooperation_stability', 'value_per_inhabitant']) {
    for (const [i, scenario] of SCENARIOS.entries()) {
      if (scenario === 'wgr-plus-abolished') continue;
      const d = (outcome === 'cooperation_stability' ? 0.05 : 5) * (2 - i);
      const half = outcome === 'cooperation_stability' ? 0.03 : 4;
      rows.push({
        scenario, reference: 'wgr-plus-abolished', point: 0, outcome, paired: true, n: 20,
        mean_reference: 0.5, mean_scenario: 0.5 + d, difference: d, ci_lo: d - half, ci_hi: d + half,
        p_holm: Math.abs(d) > half ? 0.001 : 0.4, significant: Math.abs(d) > half, share_better: 0.6,
      });
    }
  }
  return rows;
}

/**
 * Survival rows as analyze writes them: every kind pooled (`all`), then per kind. Networks all
 * dissolve at 24 months (the dormancy rule), a GR wears down slowly.
 */
export function survival(): SurvivalRow[] {
  const rows: SurvivalRow[] = [];
  for (const [i, scenario] of SCENARIOS.entries()) {
    for (const type of ['arrangement', 'membership'] as const) {
      for (const kind of ['all', 'network', 'gr'] as const) {
        let s = 1;
        for (let time = 6; time <= 180; time += 6) {
          if (kind === 'network' && time > 24) break;
          s = kind === 'network' && time === 24 ? 0 : s * (1 - 0.02 * (i + 1) * (type === 'membership' ? 1.5 : 1) * (kind === 'gr' ? 0.5 : 1));
          rows.push({ scenario, point: 0, type, kind, time, at_risk: 100 - time / 2, events: 1, survival: s, lo: Math.max(0, s - 0.08), hi: Math.min(1, s + 0.08) });
        }
      }
    }
  }
  return rows;
}

export const HAAGLANDEN = [
  { code: 'GM0518', name: "'s-Gravenhage", population: 545838 },
  { code: 'GM0637', name: 'Zoetermeer', population: 125247 },
  { code: 'GM1783', name: 'Westland', population: 111382 },
  { code: 'GM0503', name: 'Delft', population: 103659 },
  { code: 'GM1916', name: 'Leidschendam-Voorburg', population: 75947 },
  { code: 'GM0603', name: 'Rijswijk', population: 55220 },
  { code: 'GM1926', name: 'Pijnacker-Nootdorp', population: 55090 },
  { code: 'GM0629', name: 'Wassenaar', population: 26084 },
  { code: 'GM1842', name: 'Midden-Delfland', population: 19370 },
];

export function trust(): TrustRow[] {
  const rows: TrustRow[] = [];
  const snapshots: Array<[string, string]> = [['2006-01', 'start'], ['2010-03', 'election'], ['2014-03', 'election'], ['2020-12', 'end']];
  for (const [si, [date, label]] of snapshots.entries()) {
    for (const [i, a] of HAAGLANDEN.entries()) {
      for (const [j, b] of HAAGLANDEN.entries()) {
        if (i === j) continue;
        const trustValue = Math.min(1, Math.max(0, 0.55 + 0.04 * si * (i % 2 === 0 ? 1 : -1) - 0.02 * Math.abs(i - j)));
        rows.push({ date, label, from_code: a.code, from_name: a.name, to_code: b.code, to_name: b.name, trust: trustValue, personal: trustValue, institutional: 0.5 });
      }
    }
  }
  return rows;
}

export function municipalities(): MunicipalityRow[] {
  const rows: MunicipalityRow[] = [];
  let run = 0;
  for (const [s, scenario] of SCENARIOS.entries()) {
    for (let k = 0; k < 3; k++) {
      for (const [i, m] of HAAGLANDEN.entries()) {
        rows.push({ run, scenario, point: 0, replication: k, code: m.code, name: m.name, population: m.population, value: 5 + i, value_per_inhabitant: 30 + 4 * i + 3 * s + k });
      }
      run++;
    }
  }
  return rows;
}

export function sensitivity(): SensitivityRow[] {
  const params = ['taskRatePerMunicipality', 'trustBase', 'altruism', 'searchCost', 'exitThreshold', 'secretaryTurnoverPerYear'];
  const rows: SensitivityRow[] = [];
  for (const [i, parameter] of params.entries()) {
    rows.push({ method: 'morris', outcome: 'cooperation_stability', parameter, mu: 0.1 / (i + 1), mu_star: 0.12 / (i + 1), sigma: 0.05 / (i + 1) + 0.01 * (i % 2) });
    const s1 = 0.4 / (i + 1);
    rows.push({ method: 'sobol', outcome: 'cooperation_stability', parameter, s1, s1_lo: s1 - 0.05, s1_hi: s1 + 0.05, st: s1 * 1.3, st_lo: s1 * 1.3 - 0.06, st_hi: s1 * 1.3 + 0.06 });
  }
  return rows;
}

export function events(): EventRow[] {
  const out: EventRow[] = [{ date: '2015-01', type: 'scenario', municipalities: [], detail: { label: 'WGR-plus ends' } }];
  for (const year of [2006, 2010, 2014, 2018]) {
    out.push({ date: `${year}-03`, type: 'election', municipalities: HAAGLANDEN.map((m) => m.name) });
  }
  out.push({ date: '2015-01', type: 'dissolution', municipalities: [], arrangement: 'haaglanden' });
  out.push({ date: '2015-06', type: 'formation', municipalities: ['Delft', 'Westland'], arrangement: 'net-1' });
  out.push({ date: '2015-09', type: 'join', municipalities: ['Rijswijk'], arrangement: 'net-1' });
  out.push({ date: '2018-05', type: 'exit', municipalities: ['Westland'], arrangement: 'net-1' });
  out.push({ date: '2018-06', type: 'exit', municipalities: ['Wassenaar'], arrangement: 'net-1' });
  out.push({ date: '2016-02', type: 'mandje', municipalities: ['Delft', "'s-Gravenhage"], arrangement: 'net-1' });
  out.push({ date: '2016-02', type: 'decision', municipalities: ['Delft'] });
  return out;
}

export function eventCounts(): EventCountRow[] {
  const rows: EventCountRow[] = [];
  let run = 0;
  for (const scenario of SCENARIOS) {
    for (let k = 0; k < 4; k++) {
      rows.push({ run, scenario, point: 0, replication: run, date: '2010-05', type: 'exit', count: 1 + k });
      rows.push({ run, scenario, point: 0, replication: run, date: '2018-04', type: 'exit', count: 2 });
      rows.push({ run, scenario, point: 0, replication: run, date: '2016-07', type: 'join', count: 1 });
      run++;
    }
  }
  return rows;
}
