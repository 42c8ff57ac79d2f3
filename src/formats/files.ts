/**
 * The CSV output files of regiosim, one schema each (src/formats/schema.ts): a run's
 * timeseries.csv and trust.csv; a batch's points.csv, runs.csv, spells.csv,
 * municipalities.csv, timeseries-summary.csv, timeseries-runs.csv and events-counts.csv; the
 * analysis' summary.csv, comparison.csv, points-summary.csv, survival.csv and survival-summary.csv; the sensitivity
 * analysis' sensitivity.csv; calibration's calibration-points.csv and calibration-targets.csv;
 * robustness' worlds.csv, robustness.csv and discovery.csv. Writers and readers use these and nothing else.
 *
 * Pure: no Node imports.
 */
import { MONTH_MEASURES, MUNICIPALITY_MEASURES, RUN_MEASURES, type MonthMeasureId, type MunicipalityMeasureId, type RunMeasureId } from '../core/measures.js';
import { column as c, type CsvSchema, type ParamCells, type RowOf } from './schema.js';

const params = { kind: 'params', meaning: 'Value of a parameter that some point of the batch sets (`set`, `--set` or a variation), in effect at this point; one column per such parameter, in the order of the parameter registry.' } as const;
const outcomes = { kind: 'measures', level: 'run', measures: RUN_MEASURES, meaning: 'The per-run outcomes.' } as const;
const months = { kind: 'measures', level: 'month', measures: MONTH_MEASURES, meaning: 'The monthly measures.' } as const;
const municipal = { kind: 'measures', level: 'municipality', measures: MUNICIPALITY_MEASURES, meaning: 'The per-municipality outcomes.' } as const;

const runKey = [
  c.int('run', 'Run id: point × replications + replication.'),
  c.text('scenario', 'Scenario name.'),
  c.int('point', 'Parameter point (see points.csv).'),
  c.int('replication', 'Replication number; the same replication has the same seed in every scenario and point.'),
] as const;

// ------------------------------------------------------------------ one run

export const TIMESERIES_CSV = {
  file: 'timeseries.csv',
  row: 'month of the run',
  order: 'Rows by date.',
  columns: [c.date('date', 'Month, YYYY-MM.')] as const,
  groups: [months],
} as const satisfies CsvSchema;

export const TRUST_CSV = {
  file: 'trust.csv',
  row: 'ordered pair of municipalities (i ≠ j) at a snapshot: the start, after every election and the end',
  columns: [
    c.date('date', 'Month of the snapshot.'),
    c.text('label', 'start, election or end.'),
    c.text('from_code', 'Code of the municipality that trusts.'),
    c.text('from_name', 'Its name.'),
    c.text('to_code', 'Code of the municipality trusted.'),
    c.text('to_name', 'Its name.'),
    c.number('trust', 'Effective trust: institutional weight × institutional + (1 − weight) × personal.', { unit: 'trust 0-1' }),
    c.number('personal', 'Personal part (held by people).', { unit: 'trust 0-1', nullable: true }),
    c.number('institutional', 'Institutional part (held by secretariats).', { unit: 'trust 0-1', nullable: true }),
  ] as const,
} as const satisfies CsvSchema;

/** What `regiosim run --trust` writes of the trust snapshots (the default first). */
export const TRUST_OUTPUTS = ['all', 'sparse', 'none'] as const;
export type TrustOutput = (typeof TRUST_OUTPUTS)[number];

/**
 * A sparse trust.csv leaves out a pair at a snapshot when its effective, personal and
 * institutional trust all lie within this distance of `trustBase`, the level trust drifts back
 * to when nothing happens (pairs that have not interacted, or not for long: drift and staff
 * turnover pull them to the base, but only ever part of the way, so an exact test would keep them).
 */
export const TRUST_SPARSE_TOLERANCE = 0.001;

/** Whether a sparse trust.csv keeps the row (values as computed, before rounding). */
export function keepsTrustRow(base: number, trust: number, personal: number, institutional: number): boolean {
  return Math.abs(trust - base) > TRUST_SPARSE_TOLERANCE || Math.abs(personal - base) > TRUST_SPARSE_TOLERANCE || Math.abs(institutional - base) > TRUST_SPARSE_TOLERANCE;
}

/**
 * The full rows of a sparse trust.csv: every snapshot in it with every ordered pair of
 * `municipalities` (in that order, as the full file has them), a missing pair read as `base`.
 */
export function expandSparseTrust(rows: readonly TrustRow[], municipalities: readonly { code: string; name: string }[], base: number): TrustRow[] {
  const snapshots = new Map<string, Map<string, TrustRow>>();
  for (const r of rows) {
    const key = `${r.date}\u0000${r.label}`;
    if (!snapshots.has(key)) snapshots.set(key, new Map());
    snapshots.get(key)!.set(`${r.from_code}\u0000${r.to_code}`, r);
  }
  const out: TrustRow[] = [];
  for (const [key, pairs] of snapshots) {
    const [date, label] = key.split('\u0000') as [string, string];
    for (const a of municipalities) {
      for (const b of municipalities) {
        if (a.code === b.code) continue;
        out.push(pairs.get(`${a.code}\u0000${b.code}`) ?? { date, label, from_code: a.code, from_name: a.name, to_code: b.code, to_name: b.name, trust: base, personal: base, institutional: base });
      }
    }
  }
  return out;
}

/** What each choice of `--trust` writes, for the codebook, the manifest and the README. */
export const TRUST_OUTPUT_MEANING: Record<TrustOutput, string> = {
  all: 'every ordered pair at every snapshot (the default).',
  sparse: `only the pairs whose trust, personal or institutional value differs from the parameter \`trustBase\` (in manifest.json's \`parameters\`) by more than ${TRUST_SPARSE_TOLERANCE} at that snapshot; a pair missing from a snapshot has all three within ${TRUST_SPARSE_TOLERANCE} of trustBase (read it as trustBase; \`regiosim chart\` does), and a snapshot none of whose pairs is kept has no rows. Same columns and order as the full file.`,
  none: 'no trust.csv (and the model does not collect the snapshots, which saves time in large regions).',
};

// ------------------------------------------------------------------ a batch

export const POINTS_CSV = {
  file: 'points.csv',
  row: 'scenario × parameter point',
  order: 'Point ids are integers from 0: scenario-major, then parameter points in experiment order.',
  columns: [c.int('point', 'Point id.'), c.text('scenario', 'Scenario name.')] as const,
  groups: [params],
} as const satisfies CsvSchema;

export const RUNS_CSV = {
  file: 'runs.csv',
  row: 'run',
  order: 'Sorted by run.',
  columns: [...runKey, c.int('seed', 'Seed of the run: deriveSeed(master seed, replication).')] as const,
  groups: [params, outcomes],
} as const satisfies CsvSchema;

export const SPELLS_CSV = {
  file: 'spells.csv',
  row: 'survival spell of a run: the life of an arrangement, or a membership',
  order: 'By run, then in the order the spells closed.',
  columns: [
    ...runKey,
    c.text('type', 'arrangement or membership.'),
    c.text('arrangement', 'Arrangement id.'),
    c.text('kind', 'Arrangement kind.'),
    c.text('municipality', 'Municipality code (memberships only).', { nullable: true }),
    c.text('module', 'Module domain (module memberships of a modular arrangement only).', { nullable: true }),
    c.date('start', 'First month.'),
    c.date('end', 'Month it ended; empty when still running at the end of the horizon.', { nullable: true }),
    c.number('duration', 'Months from start to end, or to the end of the horizon when censored.', { unit: 'months' }),
    c.int('ended', '1 when the model ended the spell (an exit, or a dissolution the model caused); 0 when censored (still running, or ended by a scenario event).'),
    c.text('reason', 'Why it ended (or `censored`).'),
  ] as const,
} as const satisfies CsvSchema;

export const MUNICIPALITIES_CSV = {
  file: 'municipalities.csv',
  row: 'municipality of a run',
  order: 'By run, then by municipality code.',
  columns: [...runKey, c.text('code', 'Municipality code.'), c.text('name', 'Municipality name.'), c.int('population', 'Inhabitants.', { unit: 'inhabitants' })] as const,
  groups: [municipal],
} as const satisfies CsvSchema;

/** Percentiles of timeseries-summary.csv. */
export const SUMMARY_PERCENTILES = [0.025, 0.25, 0.5, 0.75, 0.975] as const;

export const TIMESERIES_SUMMARY_CSV = {
  file: 'timeseries-summary.csv',
  row: 'point, month and monthly measure (long form; every measure except `month`)',
  order: 'Rows by point, date, then measure in the order of timeseries.csv. Over the runs of the point: NaN values left out; mean by plain summation in run order; sd with denominator n − 1 (NaN for n < 2); percentiles by linear interpolation (R type 7). Exact, computed block by block of months so that memory does not grow with the number of runs.',
  columns: [
    c.text('scenario', 'Scenario name.'),
    c.int('point', 'Parameter point.'),
    c.date('date', 'Month.'),
    c.text('measure', 'A monthly measure (a column of timeseries.csv).'),
    c.int('n', 'Runs with a value.'),
    c.number('mean', 'Mean over the runs.', { nullable: true }),
    c.number('sd', 'Standard deviation (n − 1).', { nullable: true }),
    c.number('p2_5', '2.5th percentile.', { nullable: true }),
    c.number('p25', '25th percentile.', { nullable: true }),
    c.number('p50', 'Median.', { nullable: true }),
    c.number('p75', '75th percentile.', { nullable: true }),
    c.number('p97_5', '97.5th percentile.', { nullable: true }),
  ] as const,
} as const satisfies CsvSchema;

export const TIMESERIES_RUNS_CSV = {
  file: 'timeseries-runs.csv',
  row: 'month of a run (only with --keep-timeseries)',
  order: 'By run, then date.',
  columns: [...runKey, c.date('date', 'Month.')] as const,
  groups: [months],
} as const satisfies CsvSchema;

export const EVENTS_COUNTS_CSV = {
  file: 'events-counts.csv',
  row: 'run, month and kind of structural or political event (zeros omitted)',
  order: 'By run, dates ascending, types in the order of the event registry. Only scenario, election, agenda-revisit, join, exit, dissolution and formation are counted; the frequent events are monthly measures of the time series.',
  columns: [...runKey, c.date('date', 'Month.'), c.text('type', 'Event type.'), c.int('count', 'Events of that type in that month.')] as const,
} as const satisfies CsvSchema;

// ------------------------------------------------------------------ analysis

export const SUMMARY_CSV = {
  file: 'summary.csv',
  row: 'parameter point and outcome',
  columns: [
    c.text('scenario', 'Scenario name.'),
    c.int('point', 'Parameter point (see points.csv).'),
    c.text('outcome', 'A per-run outcome (a column of runs.csv).'),
    c.int('n', 'Runs with a value (NaN values left out).'),
    c.number('mean', 'Mean.', { nullable: true }),
    c.number('sd', 'Standard deviation (n − 1).', { nullable: true }),
    c.number('median', 'Median (R type 7).', { nullable: true }),
    c.number('q1', 'First quartile.', { nullable: true }),
    c.number('q3', 'Third quartile.', { nullable: true }),
    c.number('iqr', 'Interquartile range.', { nullable: true }),
    c.number('ci_lo', 'Lower end of the 95% t interval of the mean.', { nullable: true }),
    c.number('ci_hi', 'Upper end of the 95% t interval of the mean.', { nullable: true }),
    c.number('boot_lo', 'Lower end of the 95% percentile bootstrap interval of the mean (seeded; NaN with --bootstrap 0).', { nullable: true }),
    c.number('boot_hi', 'Upper end of that interval.', { nullable: true }),
    c.number('rel_half_width', 'Half-width of the t interval ÷ |mean| (NaN when the mean is 0).', { nullable: true }),
    c.number('n_needed', 'Runs needed for rel_half_width ≤ precision, from this sample\'s mean and sd.', { nullable: true }),
    c.number('precision', 'The --precision asked for.'),
  ] as const,
} as const satisfies CsvSchema;

export const COMPARISON_CSV = {
  file: 'comparison.csv',
  row: 'scenario point, reference and outcome',
  columns: [
    c.text('scenario', 'Scenario name.'),
    c.text('reference', 'Reference scenario.'),
    c.int('point', 'The scenario\'s point; compared with the reference point with the same parameter values.'),
    c.text('outcome', 'A per-run outcome.'),
    c.bool('paired', 'True when both have the same replications and seeds.'),
    c.int('n', 'Pairs used, or scenario runs when unpaired.'),
    c.number('mean_reference', 'Mean of the reference.', { nullable: true }),
    c.number('mean_scenario', 'Mean of the scenario.', { nullable: true }),
    c.number('difference', 'Scenario − reference.', { nullable: true }),
    c.number('ci_lo', 'Lower end of the 95% interval of the difference (paired t, or Welch).', { nullable: true }),
    c.number('ci_hi', 'Upper end of that interval.', { nullable: true }),
    c.number('effect_size', 'Cohen\'s d_z of the paired differences, or Cohen\'s d with the average variance (NaN when the spread is 0).', { nullable: true }),
    c.number('share_better', 'Paired: share of pairs where the scenario is better (ties half); unpaired: chance that a run of the scenario beats a run of the reference; "better" follows the outcome\'s direction (NaN without one).', { nullable: true }),
    c.number('diff_p10', 'Paired: 10th percentile of the run-by-run differences, the low end of the typical range of the difference in one future (NaN unpaired).', { nullable: true }),
    c.number('diff_p90', 'Paired: 90th percentile of those differences, the high end of the typical range.', { nullable: true }),
    c.number('sd_reference', 'Standard deviation of the outcome across the runs of the reference: how much it varies from one future to another.', { nullable: true }),
    c.number('importance', 'Practical importance: |difference| / sd_reference, the effect against the spread across runs (Infinity when the reference does not vary but the difference is not 0).', { nullable: true }),
    c.text('verdict', 'better or worse (by the outcome\'s direction; higher or lower for outcomes without one) when the difference is clear (significant and its interval excludes 0) and of practical importance (importance ≥ 0.2); no-difference otherwise; input for quantities the scenario sets rather than the mechanisms produce (read back).'),
    c.text('test', 'wilcoxon-signed-rank, mann-whitney, or none with under 2 values.'),
    c.number('statistic', 'V, or W = U of the scenario.', { nullable: true }),
    c.number('p', 'Two-sided p-value.', { nullable: true }),
    c.number('p_holm', 'Holm-adjusted over the outcomes of this comparison.', { nullable: true }),
    c.bool('significant', 'p_holm < 0.05.'),
  ] as const,
} as const satisfies CsvSchema;

/** The parameters an experiment varies: the columns that place a point in parameter space. */
const varied = { kind: 'params', meaning: 'Value of a parameter the experiment varies across its points (a parameter with the same value at every point is left out); one column per such parameter, in the order of the parameter registry.' } as const;

export const POINTS_SUMMARY_CSV = {
  file: 'points-summary.csv',
  row: 'parameter point × scenario × outcome (kind scenario), and parameter point × compared scenario × outcome (kind difference): written only for an experiment, a batch whose points vary parameters',
  order: 'Scenario rows first, by point, then outcome in the order of the measure registry; then difference rows in the same order.',
  columns: [
    c.text('kind', 'scenario: the outcome of one scenario at the point (the numbers of summary.csv); difference: the scenario against the reference at the same parameter values (the numbers of comparison.csv).'),
    c.text('scenario', 'Scenario name.'),
    c.text('reference', 'Reference scenario (kind difference); empty for kind scenario.', { nullable: true }),
    c.int('point', 'The scenario\'s parameter point (see points.csv).'),
    c.text('outcome', 'A per-run outcome (a column of runs.csv).'),
    c.int('n', 'Runs with a value (kind scenario), or pairs used (kind difference; scenario runs when unpaired).'),
    c.number('estimate', 'Mean over the runs (kind scenario), or the mean difference scenario − reference (kind difference).', { nullable: true }),
    c.number('ci_lo', 'Lower end of the 95% interval of the estimate (t interval of the mean; paired t or Welch interval of the difference).', { nullable: true }),
    c.number('ci_hi', 'Upper end of that interval.', { nullable: true }),
    c.number('sd', 'Standard deviation across runs: of the scenario (kind scenario), or of the reference, the yardstick of importance (kind difference).', { nullable: true }),
    c.number('share_better', 'Kind difference: as share_better in comparison.csv; empty for kind scenario.', { nullable: true }),
    c.number('importance', 'Kind difference: |difference| / sd, as in comparison.csv; empty for kind scenario.', { nullable: true }),
    c.text('verdict', 'Kind difference: better, worse, higher, lower, no-difference or input, as in comparison.csv; empty for kind scenario.', { nullable: true }),
  ] as const,
  groups: [varied],
} as const satisfies CsvSchema;

export const SURVIVAL_CSV = {
  file: 'survival.csv',
  row: 'point, spell type, arrangement kind and time at which a spell ended or was censored (Kaplan–Meier, over all runs)',
  order: 'By point, type (arrangement first), kind (all first, then the kinds in the order of the kind registry), then time. Before the first time survival is 1.',
  columns: [
    c.text('scenario', 'Scenario name.'),
    c.int('point', 'Parameter point.'),
    c.text('type', 'arrangement or membership.'),
    c.text('kind', 'Arrangement kind of the spells (network, convenant, basiscoalitie, modular-gr, gr, wgr-plus, centrumgemeente), or all for every kind pooled.'),
    c.number('time', 'Months since the start of the spell.', { unit: 'months' }),
    c.int('at_risk', 'Spells at risk just before time.'),
    c.int('events', 'Spells that ended at time.'),
    c.int('censored', 'Spells censored at time.'),
    c.number('survival', 'Share still running after time.', { nullable: true }),
    c.number('lo', 'Lower end of the 95% log-log band (NaN once survival is 0).', { nullable: true }),
    c.number('hi', 'Upper end of the band.', { nullable: true }),
  ] as const,
} as const satisfies CsvSchema;

export const SURVIVAL_SUMMARY_CSV = {
  file: 'survival-summary.csv',
  row: 'point, spell type and arrangement kind',
  columns: [
    c.text('scenario', 'Scenario name.'),
    c.int('point', 'Parameter point.'),
    c.text('type', 'arrangement or membership.'),
    c.text('kind', 'Arrangement kind, or all for every kind pooled.'),
    c.int('n', 'Spells.'),
    c.int('events', 'Spells that ended.'),
    c.number('median', 'Months until half have ended (NaN when more than half last to the end).', { nullable: true }),
    c.number('median_lo', 'Lower end of its 95% interval (NaN where not reached).', { nullable: true }),
    c.number('median_hi', 'Upper end.', { nullable: true }),
    c.number('logrank_chi2', 'Log-rank chi-square of equal survival across all points of that type and kind (repeated on each row).', { nullable: true }),
    c.number('logrank_df', 'Its degrees of freedom.', { nullable: true }),
    c.number('logrank_p', 'Its p-value.', { nullable: true }),
  ] as const,
} as const satisfies CsvSchema;

export const SENSITIVITY_CSV = {
  file: 'sensitivity.csv',
  row: 'method, outcome and parameter (empty cells for what the method does not give)',
  columns: [
    c.text('method', 'morris or sobol.'),
    c.text('outcome', 'A per-run outcome.'),
    c.text('parameter', 'A model parameter.'),
    c.number('mu', 'Morris: mean elementary effect (per whole range of the parameter).', { nullable: true }),
    c.number('mu_star', 'Morris: mean absolute effect; rank parameters by it.', { nullable: true }),
    c.number('sigma', 'Morris: spread of the effects (large: interactions or non-linearity).', { nullable: true }),
    c.number('s1', 'Sobol: share of the outcome\'s variance due to the parameter alone.', { nullable: true }),
    c.number('s1_lo', 'Lower end of its 95% bootstrap interval.', { nullable: true }),
    c.number('s1_hi', 'Upper end.', { nullable: true }),
    c.number('st', 'Sobol: share including its interactions.', { nullable: true }),
    c.number('st_lo', 'Lower end of its 95% bootstrap interval.', { nullable: true }),
    c.number('st_hi', 'Upper end.', { nullable: true }),
  ] as const,
} as const satisfies CsvSchema;


// ------------------------------------------------------------------ calibration and robustness

export const CALIBRATION_POINTS_CSV = {
  file: 'calibration-points.csv',
  row: 'parameter set drawn from the prior',
  order: 'By set, in the order of the Latin hypercube.',
  columns: [
    c.int('set', 'Parameter set (0-based; point set + scenario index × sets of the batch in batch/).'),
    c.bool('accepted', 'Whether the set meets every target (it is then in ensemble.yaml).'),
    c.int('targets_met', 'How many of the targets it meets.'),
  ] as const,
  groups: [{ kind: 'params', meaning: 'Value of an uncertain parameter in this set.' }],
} as const satisfies CsvSchema;

export const CALIBRATION_TARGETS_CSV = {
  file: 'calibration-targets.csv',
  row: 'parameter set × target',
  order: 'By set, then targets in the order of the targets file.',
  columns: [
    c.int('set', 'Parameter set (see calibration-points.csv).'),
    c.text('target', 'Target id (targets file).'),
    c.text('measure', 'The run measure.'),
    c.text('scenario', 'Scenario it is measured in.'),
    c.text('statistic', 'mean or median over the replications.'),
    c.number('value', 'The statistic at this set (empty when the measure has no value in any replication).', { nullable: true }),
    c.number('min', 'Lowest accepted value (empty: none).', { nullable: true }),
    c.number('max', 'Highest accepted value (empty: none).', { nullable: true }),
    c.bool('within', 'Whether value lies in [min, max].'),
  ] as const,
} as const satisfies CsvSchema;

export const WORLDS_CSV = {
  file: 'worlds.csv',
  row: 'scenario × world (parameter set of the ensemble) × outcome',
  order: 'By scenario, world, then outcome.',
  columns: [
    c.text('scenario', 'Scenario compared.'),
    c.text('reference', 'Reference scenario.'),
    c.int('world', 'World: parameter set of the ensemble (0-based, in its order).'),
    c.text('outcome', 'A per-run outcome.'),
    c.int('n', 'Paired replications with a value in both scenarios.'),
    c.number('difference', 'Mean paired difference scenario − reference over the replications (the outcome\'s unit).', { nullable: true }),
    c.number('ci_lo', 'Lower end of its 95% t-interval: seed noise within this world (empty with one replication).', { nullable: true }),
    c.number('ci_hi', 'Upper end.', { nullable: true }),
    c.bool('better', 'Whether the difference favours the scenario by the outcome\'s direction (neutral outcomes: higher); empty when it is 0 or undefined.', { nullable: true }),
  ] as const,
  groups: [{ kind: 'params', meaning: 'Value of a parameter that varies between the worlds, in this world.' }],
} as const satisfies CsvSchema;

export const ROBUSTNESS_CSV = {
  file: 'robustness.csv',
  row: 'scenario × outcome: the comparison with the reference across the worlds (parameter uncertainty)',
  order: 'Scenarios in the order of the comparison, outcomes in the order given.',
  columns: [
    c.text('scenario', 'Scenario compared.'),
    c.text('reference', 'Reference scenario.'),
    c.text('outcome', 'A per-run outcome.'),
    c.text('direction', 'higher, lower (better) or neutral.'),
    c.int('worlds', 'Worlds with a value.'),
    c.number('median', 'Median over the worlds of the world\'s mean paired difference.', { nullable: true }),
    c.number('p05', '5th percentile over the worlds.', { nullable: true }),
    c.number('p95', '95th percentile over the worlds.', { nullable: true }),
    c.number('min', 'Smallest world difference.', { nullable: true }),
    c.number('max', 'Largest world difference.', { nullable: true }),
    c.number('share_better', 'Share of the worlds in which the scenario does better (sign of the world\'s mean difference).', { nullable: true, unit: 'share' }),
    c.number('share_better_lo', 'Lower end of its 95% Wilson interval: how well an ensemble of this size pins the share down.', { nullable: true, unit: 'share' }),
    c.number('share_better_hi', 'Upper end.', { nullable: true, unit: 'share' }),
    c.number('share_worse', 'Share of the worlds in which it does worse; 1 − share_better − share_worse is the share where the world\'s mean difference is 0 (ties, frequent for counts and shares of few municipalities).', { nullable: true, unit: 'share' }),
    c.number('share_clearly_better', 'Share of worlds whose seed-noise interval lies wholly on the better side.', { nullable: true, unit: 'share' }),
    c.number('share_clearly_worse', 'Share of worlds whose seed-noise interval lies wholly on the worse side.', { nullable: true, unit: 'share' }),
    c.int('worlds_needed', 'Worlds for which the Wilson interval of a share like this one is at most ±0.10 wide.', { nullable: true }),
    c.number('seed_noise_half_width', 'Median half-width of the worlds\' seed-noise intervals (compare with the spread across worlds).', { nullable: true }),
  ] as const,
} as const satisfies CsvSchema;

export const DISCOVERY_CSV = {
  file: 'discovery.csv',
  row: 'scenario × outcome × box: a leaf of the classification tree of "better" on the varied parameters (scenario discovery)',
  order: 'By scenario and outcome, boxes left to right in the tree.',
  columns: [
    c.text('scenario', 'Scenario compared.'),
    c.text('reference', 'Reference scenario.'),
    c.text('outcome', 'A per-run outcome.'),
    c.int('box', 'Leaf number.'),
    c.text('rule', 'Conditions on the parameters that define the box (thresholds rounded to 3 significant digits; the counts use them as shown).'),
    c.int('worlds', 'Worlds in the box.'),
    c.int('better', 'Of those, worlds in which the scenario does better.'),
    c.number('share_better', 'better / worlds (density of "better").', { unit: 'share' }),
    c.number('coverage_better', 'Share of all worlds where the scenario does better that fall in the box.', { nullable: true, unit: 'share' }),
    c.number('coverage_worse', 'Share of all worlds where it does worse that fall in the box.', { nullable: true, unit: 'share' }),
    c.text('highlight', '"worse" or "better" on the box that best describes where the less common sign holds; empty otherwise.', { nullable: true }),
  ] as const,
} as const satisfies CsvSchema;

export const DOCKING_CSV = {
  file: 'docking.csv',
  row: 'scenario × parameter point × outcome: the agent-based model and the static baseline on the same tasks',
  order: 'By point, then outcome.',
  columns: [
    c.text('scenario', 'Scenario name.'),
    c.int('point', 'Parameter point (see points.csv).'),
    c.text('outcome', 'value_per_inhabitant, value_net_per_inhabitant or completion_rate.'),
    c.int('n', 'Runs (replications) with a value in both.'),
    c.number('model', 'Mean over the runs of the agent-based model.', { nullable: true }),
    c.number('baseline', 'Mean over the same seeds of the static baseline (per task: cooperate when value exceeds cost plus transaction costs).', { nullable: true }),
    c.number('tasks_at_table', 'Baseline: mean share of the tasks that a table of the scenario serves.', { nullable: true, unit: 'share' }),
  ] as const,
} as const satisfies CsvSchema;

export const DOCKING_COMPARISON_CSV = {
  file: 'docking-comparison.csv',
  row: 'scenario (other than the reference) × point × outcome: how much of the model\'s difference from the reference the baseline gives',
  order: 'By point, then outcome.',
  columns: [
    c.text('scenario', 'Scenario compared.'),
    c.text('reference', 'Reference scenario (same parameter values).'),
    c.int('point', 'Parameter point of the scenario.'),
    c.text('outcome', 'The outcome.'),
    c.int('n', 'Paired replications.'),
    c.number('model_difference', 'Mean paired difference scenario − reference in the agent-based model.', { nullable: true }),
    c.number('baseline_difference', 'The same in the static baseline.', { nullable: true }),
    c.number('share_explained', 'baseline_difference / model_difference: the part of the model\'s difference the baseline already gives (negative: opposite signs; empty when the model\'s difference is 0).', { nullable: true }),
  ] as const,
} as const satisfies CsvSchema;

// ------------------------------------------------------------------ row types

export type TimeseriesRow = RowOf<typeof TIMESERIES_CSV> & Record<MonthMeasureId, number | null>;
export type TrustRow = RowOf<typeof TRUST_CSV>;
export type PointRow = RowOf<typeof POINTS_CSV> & ParamCells;
export type RunRow = RowOf<typeof RUNS_CSV> & ParamCells & Partial<Record<RunMeasureId, number | null>>;
export type SpellRow = RowOf<typeof SPELLS_CSV>;
export type MunicipalityRow = RowOf<typeof MUNICIPALITIES_CSV> & Partial<Record<MunicipalityMeasureId, number | null>>;
export type TimeseriesSummaryRow = RowOf<typeof TIMESERIES_SUMMARY_CSV>;
export type EventCountRow = RowOf<typeof EVENTS_COUNTS_CSV>;
export type SummaryRow = RowOf<typeof SUMMARY_CSV>;
export type ComparisonRow = Omit<RowOf<typeof COMPARISON_CSV>, 'test'> & { test: 'wilcoxon-signed-rank' | 'mann-whitney' | 'none' };
export type PointsSummaryRow = Omit<RowOf<typeof POINTS_SUMMARY_CSV>, 'kind'> & { kind: 'scenario' | 'difference' } & ParamCells;
export type SurvivalRow = Omit<RowOf<typeof SURVIVAL_CSV>, 'type'> & { type: 'arrangement' | 'membership' };
export type SurvivalSummaryRow = Omit<RowOf<typeof SURVIVAL_SUMMARY_CSV>, 'type'> & { type: 'arrangement' | 'membership' };
export type SensitivityRow = RowOf<typeof SENSITIVITY_CSV>;
export type CalibrationPointRow = RowOf<typeof CALIBRATION_POINTS_CSV> & ParamCells;
export type CalibrationTargetRow = RowOf<typeof CALIBRATION_TARGETS_CSV>;
export type WorldRow = RowOf<typeof WORLDS_CSV> & ParamCells;
export type RobustnessRow = RowOf<typeof ROBUSTNESS_CSV>;
export type DiscoveryRow = RowOf<typeof DISCOVERY_CSV>;
export type DockingRow = RowOf<typeof DOCKING_CSV>;
export type DockingComparisonRow = RowOf<typeof DOCKING_COMPARISON_CSV>;

/** Every CSV schema, in the order of the codebook. */
export const CSV_SCHEMAS: readonly CsvSchema[] = [
  TIMESERIES_CSV, TRUST_CSV,
  POINTS_CSV, RUNS_CSV, SPELLS_CSV, MUNICIPALITIES_CSV, TIMESERIES_SUMMARY_CSV, TIMESERIES_RUNS_CSV, EVENTS_COUNTS_CSV,
  SUMMARY_CSV, COMPARISON_CSV, POINTS_SUMMARY_CSV, SURVIVAL_CSV, SURVIVAL_SUMMARY_CSV, SENSITIVITY_CSV,
  CALIBRATION_POINTS_CSV, CALIBRATION_TARGETS_CSV, WORLDS_CSV, ROBUSTNESS_CSV, DISCOVERY_CSV, DOCKING_CSV, DOCKING_COMPARISON_CSV,
];
