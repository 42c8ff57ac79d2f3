/**
 * summary.md: the analysis in plain language, for a reader who is no statistician, in English or
 * Dutch. Pure (no file access): it turns the computed tables into text.
 *
 * Wording rules:
 * - A difference is called clear only when the Holm-corrected test is below 0.05 and the 95%
 *   interval of the difference excludes zero; otherwise it is "too small to tell apart from
 *   chance".
 * - "Does better" follows each outcome's direction in OUTCOMES (higher or lower is better);
 *   outcomes without a direction are described as higher or lower only.
 * - Shares (units starting with "share") are shown as percentages, their differences in
 *   percentage points. Numbers are rounded to the precision their interval supports.
 */
import { OUTCOMES, type OutcomeSpec } from '../core/results.js';
import { measureName, measureUnit } from '../charts/labels.js';
import type { BatchData } from './batch-data.js';
import type { ComparisonRow, SummaryRow, SurvivalSummaryRow } from './analyze.js';

export type Lang = 'en' | 'nl';
export const LANGS: readonly Lang[] = ['en', 'nl'];

/** Outcomes spelled out in sentences, in this order; the rest go in a table. */
export const HEADLINE_OUTCOMES = [
  'cooperation_stability',
  'value_per_inhabitant',
  'value_nontransport',
  'completion_rate',
  'coordination_share',
  'trust_mean',
] as const;

/** At most this many comparisons (scenario points) are written out in full. */
const MAX_FULL_COMPARISONS = 12;
const MAX_SURVIVAL_ROWS = 24;

export interface SummaryInput {
  data: BatchData;
  reference: string;
  precision: number;
  summary: SummaryRow[];
  comparison: ComparisonRow[];
  survivalSummary: SurvivalSummaryRow[];
  unmatched: { scenario: string; point: number }[];
}

const T = {
  title: { en: 'Analysis of batch `{dir}`', nl: 'Analyse van batch `{dir}`' },
  intro: {
    en: 'This batch has {k} with {runs}{region}{window}. Every run is one possible course of events; the figures below are averages over the runs. A 95% interval is the range in which the true average lies, given the model, with 95% confidence: it shrinks as the number of runs grows.',
    nl: 'Deze batch bevat {k} met {runs}{region}{window}. Elke run is één mogelijk verloop; de cijfers hieronder zijn gemiddelden over de runs. Een 95%-interval is het bereik waarin het ware gemiddelde, gegeven het model, met 95% zekerheid ligt: het wordt smaller naarmate er meer runs zijn.',
  },
  inRegion: { en: ' in {region}', nl: ' in {region}' },
  window: { en: ', with outcomes measured over {from} to {to}', nl: ', met uitkomsten gemeten over {from} tot en met {to}' },
  incomplete: {
    en: '**The batch is not complete**: {done} of {planned} runs are done. Resume it (`regiosim batch --resume`) before drawing conclusions.',
    nl: '**De batch is niet compleet**: {done} van de {planned} runs zijn klaar. Hervat hem (`regiosim batch --resume`) voordat u conclusies trekt.',
  },
  pairedNote: {
    en: 'Runs with the same replication number used the same random events (tasks, elections, staff turnover) in every scenario, so scenarios are compared run by run ("paired runs").',
    nl: 'Runs met hetzelfde replicatienummer kregen in elk scenario dezelfde toevallige gebeurtenissen (opgaven, verkiezingen, personeelsverloop), dus de scenario’s worden run voor run vergeleken ("gepaarde runs").',
  },
  reference: { en: 'Reference scenario: {ref}.', nl: 'Referentiescenario: {ref}.' },
  compareHeading: { en: '{s} compared with {ref}', nl: '{s} vergeleken met {ref}' },
  pointSuffix: { en: ' (point {point}: {params})', nl: ' (punt {point}: {params})' },
  // sentences
  clear: {
    en: '**{outcome}**{scale}: in {s}{where} it is on average {diff} {dir} (95% interval {lo} to {hi}) than in {ref} ({ms} against {mr}){better}.',
    nl: '**{outcome}**{scale}: in {s}{where} is dit gemiddeld {diff} {dir} (95%-interval {lo} tot {hi}) dan in {ref} ({ms} tegen {mr}){better}.',
  },
  scale: { en: ' (scale 0 to 1)', nl: ' (schaal 0 tot 1)' },
  unclear: {
    en: '**{outcome}**{scale}: the difference between {s} and {ref} ({diff}, 95% interval {lo} to {hi}) is too small to tell apart from chance.',
    nl: '**{outcome}**{scale}: het verschil tussen {s} en {ref} ({diff}, 95%-interval {lo} tot {hi}) is te klein om van toeval te onderscheiden.',
  },
  tooFew: {
    en: '**{outcome}**: too few runs with a value to compare.',
    nl: '**{outcome}**: te weinig runs met een waarde om te vergelijken.',
  },
  betterPaired: { en: '; it does better{how} in {share} of the {n} paired runs', nl: '; het scenario doet het beter{how} in {share} van de {n} gepaarde runs' },
  betterUnpaired: {
    en: '; a run of {s} does better{how} than a run of {ref} in {share} of comparisons',
    nl: '; een run van {s} doet het beter{how} dan een run van {ref} in {share} van de vergelijkingen',
  },
  lowerIsBetter: { en: ' (lower)', nl: ' (lager)' },
  higher: { en: 'higher', nl: 'hoger' },
  lower: { en: 'lower', nl: 'lager' },
  otherOutcomes: { en: 'Other outcomes:', nl: 'Overige uitkomsten:' },
  thOutcome: { en: 'Outcome', nl: 'Uitkomst' },
  thUnit: { en: 'Unit', nl: 'Eenheid' },
  thDiff: { en: 'Difference (95% interval)', nl: 'Verschil (95%-interval)' },
  thBetter: { en: 'Does better in', nl: 'Doet het beter in' },
  thClear: { en: 'Clear difference?', nl: 'Duidelijk verschil?' },
  yes: { en: 'yes', nl: 'ja' },
  no: { en: 'no, could be chance', nl: 'nee, kan toeval zijn' },
  na: { en: 'too few runs', nl: 'te weinig runs' },
  moreComparisons: {
    en: '{n} more comparison(s) are in comparison.csv.',
    nl: 'Nog {n} vergelijking(en) staan in comparison.csv.',
  },
  unmatched: {
    en: 'Not compared (no point of {ref} with the same parameter values): {list}.',
    nl: 'Niet vergeleken (geen punt van {ref} met dezelfde parameterwaarden): {list}.',
  },
  survivalHeading: { en: 'How long arrangements and memberships last', nl: 'Hoe lang samenwerkingsverbanden en lidmaatschappen standhouden' },
  survivalIntro: {
    en: 'Median survival: the number of months after which half of the arrangements (or memberships) have ended, pooled over all runs. Spells still running at the end of the simulation count as lasting at least until then.',
    nl: 'Mediane levensduur: het aantal maanden waarna de helft van de samenwerkingsverbanden (of lidmaatschappen) is beëindigd, over alle runs samen. Wat aan het eind van de simulatie nog loopt, telt mee als minstens zo lang bestaand.',
  },
  thScenario: { en: 'Scenario', nl: 'Scenario' },
  thWhat: { en: 'What', nl: 'Wat' },
  thMedian: { en: 'Median (months)', nl: 'Mediaan (maanden)' },
  thInterval: { en: '95% interval', nl: '95%-interval' },
  thCount: { en: 'Number', nl: 'Aantal' },
  thEnded: { en: 'Ended', nl: 'Beëindigd' },
  notReached: { en: 'not reached: more than half last to the end', nl: 'niet bereikt: meer dan de helft houdt stand tot het eind' },
  orMore: { en: '{lo} or more', nl: '{lo} of meer' },
  between: { en: '{lo} to {hi}', nl: '{lo} tot {hi}' },
  logrankClear: {
    en: '{type}: survival differs clearly between the scenarios (log-rank test, p {p}).',
    nl: '{type}: de levensduur verschilt duidelijk tussen de scenario’s (log-ranktoets, p {p}).',
  },
  logrankUnclear: {
    en: '{type}: the differences in survival between the scenarios are too small to tell apart from chance (log-rank test, p {p}).',
    nl: '{type}: de verschillen in levensduur tussen de scenario’s zijn te klein om van toeval te onderscheiden (log-ranktoets, p {p}).',
  },
  arrangements: { en: 'Arrangements', nl: 'Samenwerkingsverbanden' },
  memberships: { en: 'Memberships', nl: 'Lidmaatschappen' },
  precisionHeading: { en: 'Are there enough runs?', nl: 'Zijn er genoeg runs?' },
  precisionAll: {
    en: 'Yes for every outcome with a mean away from zero: each 95% interval of a mean lies within ±{pct} of the mean.',
    nl: 'Ja, voor elke uitkomst met een gemiddelde dat niet nul is: elk 95%-interval van een gemiddelde ligt binnen ±{pct} van het gemiddelde.',
  },
  precisionSome: {
    en: 'For a 95% interval within ±{pct} of the mean, these outcomes need more runs than the batch has (largest need over the scenarios):',
    nl: 'Voor een 95%-interval binnen ±{pct} van het gemiddelde hebben deze uitkomsten meer runs nodig dan de batch heeft (grootste behoefte over de scenario’s):',
  },
  needs: { en: '{outcome}: {need} runs (now {now})', nl: '{outcome}: {need} runs (nu {now})' },
  precisionZero: {
    en: 'Outcomes whose mean is zero (or almost) have no relative precision; judge them by the interval in summary.csv.',
    nl: 'Uitkomsten met een gemiddelde van (bijna) nul hebben geen relatieve precisie; beoordeel die aan de hand van het interval in summary.csv.',
  },
  readingHeading: { en: 'How to read this', nl: 'Hoe lees je dit' },
  reading: {
    en: [
      '"Too small to tell apart from chance" means: with this many runs the difference could be an accident of the random events, after correcting for the number of outcomes compared (Holm). It does not prove that there is no difference.',
      '"Does better" uses each outcome\'s direction: more is better for stability, value, completed tasks and trust; less is better for exits, dissolutions, failures, deadlocks and coordination effort. Outcomes without a direction (such as the number of tasks that arose) are only described as higher or lower.',
      'The intervals show the uncertainty from the random events in the model, not the uncertainty in the model\'s assumptions. Which assumptions drive the results is what `regiosim sensitivity` answers.',
      '"Does better in" is the share of paired runs in which the scenario does better than the reference (a tie counts half). Without pairing it is the chance that a run of the scenario does better than a run of the reference.',
      'All figures per run and per scenario are in summary.csv, comparison.csv, survival.csv and survival-summary.csv (columns explained in the README).',
    ],
    nl: [
      '"Te klein om van toeval te onderscheiden" betekent: met dit aantal runs kan het verschil een toevalstreffer van de gebeurtenissen in het model zijn, na correctie voor het aantal vergeleken uitkomsten (Holm). Het bewijst niet dat er geen verschil is.',
      '"Doet het beter" volgt de richting van elke uitkomst: meer is beter voor stabiliteit, waarde, voltooide opgaven en vertrouwen; minder is beter voor uittredingen, opheffingen, mislukkingen, impasses en coördinatie-inzet. Uitkomsten zonder richting (zoals het aantal ontstane opgaven) worden alleen hoger of lager genoemd.',
      'De intervallen tonen de onzekerheid door toeval in het model, niet de onzekerheid in de aannames van het model. Welke aannames de uitkomsten bepalen, beantwoordt `regiosim sensitivity`.',
      '"Doet het beter in" is het aandeel gepaarde runs waarin het scenario het beter doet dan de referentie (gelijkspel telt half). Zonder paren is het de kans dat een run van het scenario het beter doet dan een run van de referentie.',
      'Alle cijfers per run en per scenario staan in summary.csv, comparison.csv, survival.csv en survival-summary.csv (kolommen uitgelegd in de README).',
    ],
  },
} as const;

type Key = Exclude<keyof typeof T, 'reading'>;

function tr(key: Key, lang: Lang, vars: Record<string, string | number> = {}): string {
  return T[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const LOCALE: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };

/** A number with a fixed number of decimals in the language's notation (nl: decimal comma). */
export function formatFixed(x: number, decimals: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '–';
  const d = Math.max(0, Math.min(8, decimals));
  // avoid "-0"
  const v = Math.abs(x) < 0.5 * 10 ** -d ? 0 : x;
  const text = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: Math.abs(v) >= 10000 }).format(Math.abs(v));
  return v < 0 ? `−${text}` : text;
}

/** Whole numbers with grouping (1,000 / 1.000). */
export function formatCount(x: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(x);
}

/**
 * Decimals that show an interval's half-width to its first significant digit (so no digit is
 * shown that the runs cannot support), or the value's three significant digits when the
 * half-width is zero or unknown.
 */
export function decimalsFor(halfWidth: number, value: number): number {
  if (Number.isFinite(halfWidth) && halfWidth > 0) return Math.max(0, -Math.floor(Math.log10(halfWidth)));
  if (Number.isFinite(value) && value !== 0) return Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return 0;
}

function isShare(spec: OutcomeSpec): boolean {
  return spec.unit.startsWith('share');
}

/** Outcomes on a 0-1 index scale (trust, Gini, stance): the scale is named once, not after every number. */
function isScale(spec: OutcomeSpec): boolean {
  return /\b0-1$/.test(spec.unit);
}

function pValue(p: number, lang: Lang): string {
  if (!Number.isFinite(p)) return '= –';
  if (p < 0.001) return `< ${formatFixed(0.001, 3, lang)}`;
  return `= ${formatFixed(p, p < 0.01 ? 3 : 2, lang)}`;
}

function pct(share: number, lang: Lang): string {
  return `${formatFixed(100 * share, 0, lang)}%`;
}

/** Whether a comparison counts as a clear difference in the text. */
export function isClear(r: ComparisonRow): boolean {
  return r.significant && Number.isFinite(r.ci_lo) && Number.isFinite(r.ci_hi) && (r.ci_lo > 0 || r.ci_hi < 0);
}

interface Shown {
  diff: string;
  lo: string;
  hi: string;
  /** The interval as magnitudes, smaller first (for sentences that say "higher" or "lower"). */
  absLo: string;
  absHi: string;
  ms: string;
  mr: string;
  /** Unit word for the difference (percentage points for shares). */
  diffUnit: string;
}

function show(r: ComparisonRow, spec: OutcomeSpec, lang: Lang): Shown {
  const share = isShare(spec);
  const k = share ? 100 : 1;
  const half = (r.ci_hi - r.ci_lo) / 2;
  const d = decimalsFor(k * half, k * r.difference);
  const dm = decimalsFor(k * half, k * Math.max(Math.abs(r.mean_scenario), Math.abs(r.mean_reference)));
  const unit = measureUnit(spec.name, lang) || spec.unit;
  const diffUnit = share ? (lang === 'nl' ? 'procentpunt' : 'percentage points') : isScale(spec) ? '' : unit;
  const [a, b] = [Math.abs(k * r.ci_lo), Math.abs(k * r.ci_hi)].sort((x, y) => x - y) as [number, number];
  const val = (x: number, dec: number): string => (share ? `${formatFixed(k * x, dec, lang)}%` : formatFixed(x, dec, lang));
  return {
    diff: formatFixed(Math.abs(k * r.difference), d, lang),
    lo: formatFixed(k * r.ci_lo, d, lang),
    hi: formatFixed(k * r.ci_hi, d, lang),
    absLo: formatFixed(a, d, lang),
    absHi: formatFixed(b, d, lang),
    ms: val(r.mean_scenario, dm),
    mr: val(r.mean_reference, dm),
    diffUnit,
  };
}

function scenarioLabel(data: BatchData, name: string): string {
  const title = data.scenarioInfo.get(name)?.title;
  return title && title !== name ? `*${name}* (${title})` : `*${name}*`;
}

function paramsText(params: Record<string, number | null>, lang: Lang): string {
  const entries = Object.keys(params)
    .sort()
    .map((k) => `${k} = ${params[k] === null ? '–' : formatFixed(params[k]!, decimalsFor(NaN, params[k]!), lang).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '')}`);
  return entries.join(', ');
}

/** Sign to show before a rounded magnitude: none when it rounds to zero. */
function signOf(shown: string, x: number): string {
  if (!/[1-9]/.test(shown)) return '';
  return x < 0 ? '−' : '+';
}

/** One plain-language sentence for a comparison row (a list item without the bullet). */
export function comparisonSentence(r: ComparisonRow, spec: OutcomeSpec, data: BatchData, lang: Lang): string {
  const outcome = measureName(spec.name, lang);
  if (r.test === 'none' || !Number.isFinite(r.ci_lo)) return tr('tooFew', lang, { outcome });
  const sh = show(r, spec, lang);
  const s = `*${r.scenario}*`;
  const ref = `*${r.reference}*`;
  const diffWithUnit = `${sh.diff} ${sh.diffUnit}`.trim();
  const scale = isScale(spec) ? tr('scale', lang) : '';
  if (!isClear(r)) {
    const signed = `${signOf(sh.diff, r.difference)}${diffWithUnit}`;
    return tr('unclear', lang, { outcome, scale, s, ref, diff: signed, lo: sh.lo, hi: sh.hi });
  }
  const info = data.scenarioInfo.get(r.scenario);
  const region = info?.region ? tr('inRegion', lang, { region: info.region }) : '';
  const where = info?.from && info.to ? `${region} over ${info.from}–${info.to}` : region;
  let better = '';
  if (Number.isFinite(r.share_better)) {
    const how = spec.higherIsBetter === false ? tr('lowerIsBetter', lang) : '';
    better = r.paired
      ? tr('betterPaired', lang, { how, share: pct(r.share_better, lang), n: formatCount(r.n, lang) })
      : tr('betterUnpaired', lang, { how, share: pct(r.share_better, lang), s, ref });
  }
  return tr('clear', lang, {
    outcome,
    scale,
    s,
    where,
    diff: diffWithUnit,
    dir: tr(r.difference > 0 ? 'higher' : 'lower', lang),
    lo: sh.absLo,
    hi: sh.absHi,
    ref,
    ms: sh.ms,
    mr: sh.mr,
    better,
  });
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.map(escapeCell).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`),
  ];
}

function comparisonTableRow(r: ComparisonRow, spec: OutcomeSpec, lang: Lang): string[] {
  const name = measureName(spec.name, lang);
  const unit = isShare(spec) ? '%' : measureUnit(spec.name, lang) || spec.unit;
  if (r.test === 'none' || !Number.isFinite(r.ci_lo)) {
    return [name, unit, '–', '–', '–', '–', tr('na', lang)];
  }
  const sh = show(r, spec, lang);
  const signed = `${signOf(sh.diff, r.difference)}${sh.diff}${isShare(spec) ? ' pp' : ''}`;
  return [
    name,
    unit,
    sh.mr,
    sh.ms,
    `${signed} (${sh.lo} … ${sh.hi})`,
    Number.isFinite(r.share_better) ? pct(r.share_better, lang) : '–',
    isClear(r) ? tr('yes', lang) : tr('no', lang),
  ];
}

function months(x: number, lang: Lang): string {
  return formatFixed(x, Number.isInteger(x) ? 0 : 1, lang);
}

function survivalRow(label: string, type: 'arrangement' | 'membership', row: SurvivalSummaryRow | undefined, lang: Lang): string[] {
  const what = tr(type === 'arrangement' ? 'arrangements' : 'memberships', lang);
  if (!row || row.n === 0) return [label, what, '–', '–', '0', '0'];
  const median = Number.isFinite(row.median) ? months(row.median, lang) : tr('notReached', lang);
  let interval = '–';
  if (Number.isFinite(row.median_lo) && Number.isFinite(row.median_hi)) interval = tr('between', lang, { lo: months(row.median_lo, lang), hi: months(row.median_hi, lang) });
  else if (Number.isFinite(row.median_lo)) interval = tr('orMore', lang, { lo: months(row.median_lo, lang) });
  return [label, what, median, interval, formatCount(row.n, lang), formatCount(row.events, lang)];
}

/** The whole summary.md. */
export function renderSummaryMarkdown(a: SummaryInput, lang: Lang): string {
  const { data } = a;
  const specs = new Map(OUTCOMES.map((o) => [o.name, o] as const));
  const out: string[] = [];
  const dirName = data.dir.replace(/\/+$/, '').split('/').pop() ?? data.dir;
  out.push(`# ${tr('title', lang, { dir: dirName })}`, '');

  // Intro
  const runsPer = [...new Set(data.groups.map((g) => g.replications.length))];
  const nPoints = data.groups.length;
  const runsText =
    runsPer.length === 1
      ? lang === 'nl'
        ? `elk ${formatCount(runsPer[0]!, lang)} runs`
        : `${formatCount(runsPer[0]!, lang)} runs each`
      : lang === 'nl'
        ? `elk ${formatCount(Math.min(...runsPer), lang)} tot ${formatCount(Math.max(...runsPer), lang)} runs`
        : `${formatCount(Math.min(...runsPer), lang)} to ${formatCount(Math.max(...runsPer), lang)} runs each`;
  const k = data.scenarios.length;
  const scenariosText =
    nPoints > k
      ? lang === 'nl'
        ? `${k} scenario’s en ${nPoints} parameterpunten`
        : `${k} scenario${k === 1 ? '' : 's'} and ${nPoints} parameter points`
      : lang === 'nl'
        ? `${k} scenario${k === 1 ? '' : '’s'}`
        : `${k} scenario${k === 1 ? '' : 's'}`;
  const regions = [...new Set(data.scenarios.map((s) => data.scenarioInfo.get(s)?.region).filter((r): r is string => !!r))];
  const froms = [...new Set(data.scenarios.map((s) => data.scenarioInfo.get(s)?.from))];
  const tos = [...new Set(data.scenarios.map((s) => data.scenarioInfo.get(s)?.to))];
  const window = froms.length === 1 && tos.length === 1 && froms[0] && tos[0] ? tr('window', lang, { from: froms[0], to: tos[0] }) : '';
  const region = regions.length === 1 ? tr('inRegion', lang, { region: regions[0]! }) : '';
  out.push(tr('intro', lang, { runs: runsText, k: scenariosText, region, window }));
  if (data.planned !== undefined && data.done !== undefined && data.done < data.planned) {
    out.push('', tr('incomplete', lang, { done: formatCount(data.done, lang), planned: formatCount(data.planned, lang) }));
  }
  const anyPaired = a.comparison.some((r) => r.paired);
  if (anyPaired) out.push('', tr('pairedNote', lang));
  out.push('', tr('reference', lang, { ref: scenarioLabel(data, a.reference) }), '');

  // Comparisons, one section per compared point
  const sections = new Map<string, ComparisonRow[]>();
  for (const r of a.comparison) {
    const key = `${r.scenario}\u0000${r.point}`;
    let list = sections.get(key);
    if (!list) sections.set(key, (list = []));
    list.push(r);
  }
  const pointsPerScenario = new Map<string, number>();
  for (const g of data.groups) pointsPerScenario.set(g.scenario, (pointsPerScenario.get(g.scenario) ?? 0) + 1);
  let shown = 0;
  for (const rows of sections.values()) {
    if (shown === MAX_FULL_COMPARISONS) break;
    shown++;
    const first = rows[0]!;
    const group = data.groups.find((g) => g.point === first.point)!;
    const suffix =
      (pointsPerScenario.get(first.scenario) ?? 1) > 1 || Object.keys(group.params).length > 0
        ? Object.keys(group.params).length > 0
          ? tr('pointSuffix', lang, { point: first.point, params: paramsText(group.params, lang) })
          : ''
        : '';
    out.push(`## ${tr('compareHeading', lang, { s: first.scenario, ref: a.reference })}${suffix}`, '');
    const headline = HEADLINE_OUTCOMES.map((name) => rows.find((r) => r.outcome === name)).filter((r): r is ComparisonRow => !!r);
    for (const r of headline) out.push(`- ${comparisonSentence(r, specs.get(r.outcome)!, data, lang)}`);
    const rest = rows.filter((r) => !(HEADLINE_OUTCOMES as readonly string[]).includes(r.outcome));
    if (rest.length > 0) {
      out.push('', tr('otherOutcomes', lang), '');
      out.push(
        ...table(
          [tr('thOutcome', lang), tr('thUnit', lang), `*${a.reference}*`, `*${first.scenario}*`, tr('thDiff', lang), tr('thBetter', lang), tr('thClear', lang)],
          rest.map((r) => comparisonTableRow(r, specs.get(r.outcome)!, lang)),
        ),
      );
    }
    out.push('');
  }
  if (sections.size > MAX_FULL_COMPARISONS) out.push(tr('moreComparisons', lang, { n: sections.size - MAX_FULL_COMPARISONS }), '');
  if (a.unmatched.length > 0) {
    out.push(tr('unmatched', lang, { ref: `*${a.reference}*`, list: a.unmatched.map((u) => `${u.scenario} (${u.point})`).join(', ') }), '');
  }

  // Survival
  out.push(`## ${tr('survivalHeading', lang)}`, '', tr('survivalIntro', lang), '');
  const survRows = data.groups.slice(0, MAX_SURVIVAL_ROWS).flatMap((g) => {
    const label = (pointsPerScenario.get(g.scenario) ?? 1) > 1 ? `*${g.scenario}* (${g.point})` : `*${g.scenario}*`;
    return (['arrangement', 'membership'] as const).map((type) =>
      survivalRow(label, type, a.survivalSummary.find((r) => r.point === g.point && r.type === type), lang),
    );
  });
  out.push(
    ...table([tr('thScenario', lang), tr('thWhat', lang), tr('thMedian', lang), tr('thInterval', lang), tr('thCount', lang), tr('thEnded', lang)], survRows),
    '',
  );
  for (const type of ['arrangement', 'membership'] as const) {
    const r = a.survivalSummary.find((x) => x.type === type && Number.isFinite(x.logrank_p));
    if (!r) continue;
    const typeName = tr(type === 'arrangement' ? 'arrangements' : 'memberships', lang);
    out.push(`- ${tr(r.logrank_p < 0.05 ? 'logrankClear' : 'logrankUnclear', lang, { type: typeName, p: pValue(r.logrank_p, lang) })}`);
  }
  out.push('');

  // Precision
  out.push(`## ${tr('precisionHeading', lang)}`, '');
  const pctText = `${formatFixed(100 * a.precision, a.precision * 100 < 1 ? 1 : 0, lang)}%`;
  const need = new Map<string, { need: number; now: number }>();
  let anyZero = false;
  for (const r of a.summary) {
    if (!Number.isFinite(r.rel_half_width)) {
      if (r.n >= 2) anyZero = true;
      continue;
    }
    if (r.rel_half_width <= a.precision) continue;
    const prev = need.get(r.outcome);
    const needed = Number.isFinite(r.n_needed) ? r.n_needed : Infinity;
    if (!prev || needed > prev.need) need.set(r.outcome, { need: needed, now: r.n });
  }
  if (need.size === 0) out.push(tr('precisionAll', lang, { pct: pctText }));
  else {
    out.push(tr('precisionSome', lang, { pct: pctText }), '');
    for (const o of data.outcomes) {
      const x = need.get(o.name);
      if (!x) continue;
      out.push(`- ${tr('needs', lang, { outcome: measureName(o.name, lang), need: Number.isFinite(x.need) ? formatCount(x.need, lang) : '∞', now: formatCount(x.now, lang) })}`);
    }
  }
  if (anyZero) out.push('', tr('precisionZero', lang));
  out.push('');

  // Reading guide
  out.push(`## ${tr('readingHeading', lang)}`, '');
  for (const line of T.reading[lang]) out.push(`- ${line}`);
  out.push('');
  return out.join('\n');
}
