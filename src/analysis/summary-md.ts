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
 * - The headline outcomes (the measure registry's headline set, in its order) are written out
 *   as sentences, the others go in a table.
 * - Shares (units starting with "share") are shown as percentages, their differences in
 *   percentage points. Numbers are rounded to the precision their interval supports.
 */
import { HEADLINE, RUN_MEASURES, UNITS, type MeasureSpec } from '../core/measures.js';
import { decimalsFor, dissolutionRule, formatter, kindName, measureName, measureUnit, POOLED_KIND, t, type Lang } from '../i18n/index.js';
import { PARAMS } from '../core/params.js';
import { scenarioTitle, type BatchData } from './batch-data.js';
import { MIN_IMPORTANCE } from './importance.js';
import type { ComparisonRow, SummaryRow, SurvivalSummaryRow } from './rows.js';



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

export function isShare(spec: MeasureSpec): boolean {
  return UNITS[spec.unit].kind === 'share';
}

/** Outcomes on a 0-1 index scale (trust, Gini, stance): the scale is named once, not after every number. */
function isScale(spec: MeasureSpec): boolean {
  return UNITS[spec.unit].kind === 'index';
}

function pValue(p: number, lang: Lang): string {
  if (!Number.isFinite(p)) return '= –';
  const text = formatter(lang).p(p);
  return text.startsWith('<') ? text : `= ${text}`;
}

function pct(share: number, lang: Lang): string {
  return formatter(lang).percent(share);
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

/** The unit of a difference: percentage points for shares, else the measure's unit (summary.md and the brief). */
export function differenceUnit(spec: MeasureSpec, lang: Lang): string {
  return isShare(spec) ? (lang === 'nl' ? 'procentpunt' : 'percentage points') : measureUnit('run', spec.id, lang);
}

function show(r: ComparisonRow, spec: MeasureSpec, lang: Lang): Shown {
  const share = isShare(spec);
  const k = share ? 100 : 1;
  const half = (r.ci_hi - r.ci_lo) / 2;
  const d = decimalsFor(k * half, k * r.difference);
  const dm = decimalsFor(k * half, k * Math.max(Math.abs(r.mean_scenario), Math.abs(r.mean_reference)));
  const diffUnit = isScale(spec) && !share ? '' : differenceUnit(spec, lang);
  const [a, b] = [Math.abs(k * r.ci_lo), Math.abs(k * r.ci_hi)].sort((x, y) => x - y) as [number, number];
  const val = (x: number, dec: number): string => (share ? `${formatter(lang).decimal(k * x, dec)}%` : formatter(lang).decimal(x, dec));
  return {
    diff: formatter(lang).decimal(Math.abs(k * r.difference), d),
    lo: formatter(lang).decimal(k * r.ci_lo, d),
    hi: formatter(lang).decimal(k * r.ci_hi, d),
    absLo: formatter(lang).decimal(a, d),
    absHi: formatter(lang).decimal(b, d),
    ms: val(r.mean_scenario, dm),
    mr: val(r.mean_reference, dm),
    diffUnit,
  };
}

/**
 * Text from a user's files (titles, region names, scenario names) as Markdown that shows it
 * literally: the characters Markdown would read as markup or raw HTML are escaped with a
 * backslash, line breaks become spaces. `<b>` in a title stays the text `<b>` in every viewer.
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>&|~#!]/g, (c) => `\\${c}`);
}

/** Text inside a code span: a backtick would end it, a line break split it. */
export function markdownCode(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'");
}

/** Text in italics. */
const em = (text: string): string => `*${markdownText(text)}*`;

/** A scenario in prose: its readable title in the language, in italics. */
export function scen(data: BatchData, name: string, lang: Lang): string {
  return em(scenarioTitle(data.scenarioInfo.get(name), name, lang));
}

/** How the sections appended to summary.md (docking, robustness) name a batch's scenarios: as the comparison does. */
export function scenarioNamer(data: BatchData, lang: Lang): (name: string) => string {
  return (name) => scen(data, name, lang);
}

/** How large a difference is against the spread across runs (|difference| / sd of the reference). */
export function importanceWord(importance: number, lang: Lang): string {
  if (!Number.isFinite(importance) && importance > 0) return t('summary.impLarge', lang);
  if (!(importance >= MIN_IMPORTANCE)) return t('summary.impNegligible', lang);
  return t(importance >= 0.8 ? 'summary.impLarge' : importance >= 0.5 ? 'summary.impModerate' : 'summary.impSmall', lang);
}

/** The verdict of a comparison in words. */
export function verdictWord(r: ComparisonRow, lang: Lang): string {
  switch (r.verdict) {
    case 'better': return t('summary.vBetter', lang);
    case 'worse': return t('summary.vWorse', lang);
    case 'higher': return t('summary.higher', lang);
    case 'lower': return t('summary.lower', lang);
    default: return t('summary.vSame', lang);
  }
}

/** Whether an outcome is the same under both structures in every paired run (nothing the structure changes). */
export function isConstant(r: ComparisonRow): boolean {
  return r.paired && r.difference === 0 && r.ci_lo === 0 && r.ci_hi === 0;
}

/** A parameter value as the text shows it: its own digits, without trailing zeros ('–' when absent). */
export function paramValue(x: number | null, lang: Lang): string {
  return x === null ? '–' : formatter(lang).decimal(x, decimalsFor(NaN, x)).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '');
}

function paramsText(params: Record<string, number | null>, lang: Lang): string {
  const entries = Object.keys(params)
    .sort()
    .map((k) => `${k} = ${paramValue(params[k]!, lang)}`);
  return entries.join(', ');
}

/** Sign to show before a rounded magnitude: none when it rounds to zero. */
function signOf(shown: string, x: number): string {
  if (!/[1-9]/.test(shown)) return '';
  return x < 0 ? '−' : '+';
}

/** The typical range of a paired difference (10th to 90th percentile over the runs), in the row's precision. */
function typicalRange(r: ComparisonRow, spec: MeasureSpec, lang: Lang): string {
  if (!r.paired || !Number.isFinite(r.diff_p10) || !Number.isFinite(r.diff_p90)) return '';
  const k = isShare(spec) ? 100 : 1;
  const d = decimalsFor(k * (r.ci_hi - r.ci_lo) / 2, k * r.difference);
  const f = formatter(lang);
  const signed = (x: number): string => {
    const text = f.decimal(k * x, d);
    return `${signOf(text, x)}${text.replace(/^−/, '')}`;
  };
  return `${signed(r.diff_p10)} … ${signed(r.diff_p90)}`;
}

/** One plain-language sentence for a comparison row (a list item without the bullet). */
export function comparisonSentence(r: ComparisonRow, spec: MeasureSpec, data: BatchData, lang: Lang): string {
  const outcome = measureName('run', spec.id, lang);
  if (r.test === 'none' || !Number.isFinite(r.ci_lo)) return t('summary.tooFew', lang, { outcome });
  const sh = show(r, spec, lang);
  const s = scen(data, r.scenario, lang);
  const ref = scen(data, r.reference, lang);
  const diffWithUnit = `${sh.diff} ${sh.diffUnit}`.trim();
  const scale = isScale(spec) ? t('summary.scale', lang) : '';
  const signed = `${signOf(sh.diff, r.difference)}${diffWithUnit}`;
  if (!isClear(r)) return t('summary.unclear', lang, { outcome, scale, s, ref, diff: signed, lo: sh.lo, hi: sh.hi });
  const range = typicalRange(r, spec, lang);
  const typical = range === '' ? '' : t('summary.typical', lang, { range: range.replace(' … ', t('summary.to', lang)) });
  if (r.verdict === 'no-difference') {
    return t('summary.small', lang, { outcome, scale, s, ref, diff: signed, lo: sh.lo, hi: sh.hi, typical });
  }
  let better = '';
  if (Number.isFinite(r.share_better)) {
    const how = spec.direction === 'lower' ? t('summary.lowerIsBetter', lang) : '';
    better = r.paired
      ? t('summary.betterPaired', lang, { how, share: pct(r.share_better, lang), n: formatter(lang).count(r.n) })
      : t('summary.betterUnpaired', lang, { how, share: pct(r.share_better, lang), s, ref });
  }
  const verdict = r.verdict === 'better' || r.verdict === 'worse' ? t(r.verdict === 'better' ? 'summary.vBetterBold' : 'summary.vWorseBold', lang) : '';
  return t('summary.clear', lang, {
    outcome,
    scale,
    verdict,
    s,
    diff: diffWithUnit,
    dir: t(r.difference > 0 ? 'summary.higher' : 'summary.lower', lang),
    lo: sh.absLo,
    hi: sh.absHi,
    ref,
    ms: sh.ms,
    mr: sh.mr,
    better,
    typical,
    importance: importanceWord(r.importance, lang),
  });
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.map(escapeCell).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`),
  ];
}

function comparisonTableRow(r: ComparisonRow, spec: MeasureSpec, lang: Lang): string[] {
  const name = measureName('run', spec.id, lang);
  const unit = isShare(spec) ? '%' : measureUnit('run', spec.id, lang);
  if (r.test === 'none' || !Number.isFinite(r.ci_lo)) {
    return [name, unit, '–', '–', '–', '–', t('summary.na', lang), '–'];
  }
  const sh = show(r, spec, lang);
  const signed = `${signOf(sh.diff, r.difference)}${sh.diff}${isShare(spec) ? ' pp' : ''}`;
  return [
    name,
    unit,
    sh.mr,
    sh.ms,
    `${signed} (${sh.lo} … ${sh.hi})`,
    typicalRange(r, spec, lang) || '–',
    isClear(r) ? verdictWord(r, lang) : t('summary.vChance', lang),
    isClear(r) ? importanceWord(r.importance, lang) : '–',
  ];
}

export function months(x: number, lang: Lang): string {
  return formatter(lang).decimal(x, Number.isInteger(x) ? 0 : 1);
}

function survivalRow(label: string, type: 'arrangement' | 'membership', row: SurvivalSummaryRow | undefined, lang: Lang, kind: string): string[] {
  const what = t(type === 'arrangement' ? 'summary.arrangements' : 'summary.memberships', lang);
  if (!row || row.n === 0) return [label, what, kind, '–', '–', '0', '0'];
  const median = Number.isFinite(row.median) ? months(row.median, lang) : t('summary.notReached', lang);
  let interval = '–';
  if (Number.isFinite(row.median_lo) && Number.isFinite(row.median_hi)) interval = t('summary.between', lang, { lo: months(row.median_lo, lang), hi: months(row.median_hi, lang) });
  else if (Number.isFinite(row.median_lo)) interval = t('summary.orMore', lang, { lo: months(row.median_lo, lang) });
  return [label, what, kind, median, interval, formatter(lang).count(row.n), formatter(lang).count(row.events)];
}

/**
 * What a caller puts in place of the parts of summary.md that grow with the number of points
 * (src/analysis/experiment-md.ts for an experiment); the rest of the file stays as it is.
 */
export interface SummaryParts {
  /** Lines in place of the sections per compared point. */
  comparisons?: string[];
  /** Lines in place of the survival table (the log-rank lines follow them). */
  survival?: string[];
  /** "Are there enough runs?" lists only these outcomes, and counts the others. */
  precisionOutcomes?: readonly string[];
  /** More items of the reading guide. */
  reading?: string[];
}

/** The whole summary.md. */
export function renderSummaryMarkdown(a: SummaryInput, lang: Lang, parts: SummaryParts = {}): string {
  const { data } = a;
  const specs = new Map<string, MeasureSpec>(RUN_MEASURES.map((o) => [o.id, o] as const));
  const out: string[] = [];
  const dirName = data.dir.replace(/\/+$/, '').split('/').pop() ?? data.dir;
  out.push(`# ${t('summary.title', lang, { dir: markdownCode(dirName) })}`, '');

  // Intro
  const runsPer = [...new Set(data.groups.map((g) => g.replications.length))];
  const nPoints = data.groups.length;
  const runsText =
    runsPer.length === 1
      ? lang === 'nl'
        ? `elk ${formatter(lang).count(runsPer[0]!)} simulaties`
        : `${formatter(lang).count(runsPer[0]!)} runs each`
      : lang === 'nl'
        ? `elk ${formatter(lang).count(Math.min(...runsPer))} tot ${formatter(lang).count(Math.max(...runsPer))} simulaties`
        : `${formatter(lang).count(Math.min(...runsPer))} to ${formatter(lang).count(Math.max(...runsPer))} runs each`;
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
  const window = froms.length === 1 && tos.length === 1 && froms[0] && tos[0] ? t('summary.window', lang, { from: formatter(lang).month(froms[0]), to: formatter(lang).month(tos[0]) }) : '';
  const region = regions.length === 1 ? t('summary.inRegion', lang, { region: markdownText(regions[0]!) }) : '';
  out.push(`${t('summary.intro', lang, { runs: runsText, k: scenariosText, region, window })} ${t('report.intervalsKind', lang)}`);
  if (data.planned !== undefined && data.done !== undefined && data.done < data.planned) {
    out.push('', t('summary.incomplete', lang, { done: formatter(lang).count(data.done), planned: formatter(lang).count(data.planned) }));
  }
  const anyPaired = a.comparison.some((r) => r.paired);
  if (anyPaired) out.push('', t('summary.pairedNote', lang));
  out.push('', t('summary.reference', lang, { ref: scen(data, a.reference, lang) }), '');
  out.push(`${t('summary.scenarios', lang)}`, '');
  for (const name of data.scenarios) {
    const info = data.scenarioInfo.get(name);
    const d = info?.descriptions?.[lang];
    out.push(`- ${scen(data, name, lang)}${d ? `: ${markdownText(d)}` : ''}`);
  }
  out.push('');

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
  if (parts.comparisons) out.push(...parts.comparisons);
  for (const rows of parts.comparisons ? [] : sections.values()) {
    if (shown === MAX_FULL_COMPARISONS) break;
    shown++;
    const first = rows[0]!;
    const group = data.groups.find((g) => g.point === first.point)!;
    const suffix =
      (pointsPerScenario.get(first.scenario) ?? 1) > 1 || Object.keys(group.params).length > 0
        ? Object.keys(group.params).length > 0
          ? t('summary.pointSuffix', lang, { point: first.point, params: paramsText(group.params, lang) })
          : ''
        : '';
    out.push(`## ${t('summary.compareHeading', lang, { s: markdownText(scenarioTitle(data.scenarioInfo.get(first.scenario), first.scenario, lang)), ref: markdownText(scenarioTitle(data.scenarioInfo.get(a.reference), a.reference, lang)) })}${suffix}`, '');
    const headline = HEADLINE.map((name) => rows.find((r) => r.outcome === name)).filter((r): r is ComparisonRow => !!r);
    for (const r of headline) out.push(`- ${comparisonSentence(r, specs.get(r.outcome)!, data, lang)}`);
    const others = rows.filter((r) => !(HEADLINE as readonly string[]).includes(r.outcome));
    // Inputs read back and outcomes the same in every run are no result of the structures: named, not compared.
    const inputs = others.filter((r) => specs.get(r.outcome)!.readBack);
    const constant = others.filter((r) => !specs.get(r.outcome)!.readBack && isConstant(r));
    const rest = others.filter((r) => !inputs.includes(r) && !constant.includes(r));
    if (rest.length > 0) {
      out.push('', t('summary.otherOutcomes', lang), '');
      out.push(
        ...table(
          [t('summary.thOutcome', lang), t('summary.thUnit', lang), scen(data, a.reference, lang), scen(data, first.scenario, lang), t('summary.thDiff', lang), t('summary.thTypical', lang), t('summary.thVerdict', lang), t('summary.thImportance', lang)],
          rest.map((r) => comparisonTableRow(r, specs.get(r.outcome)!, lang)),
        ),
      );
    }
    const names = (list: ComparisonRow[]): string => list.map((r) => measureName('run', r.outcome, lang)).join(', ');
    if (inputs.length > 0) out.push('', t('summary.inputs', lang, { list: names(inputs) }));
    if (constant.length > 0) out.push('', t('summary.constant', lang, { list: names(constant) }));
    out.push('');
  }
  if (!parts.comparisons && sections.size > MAX_FULL_COMPARISONS) out.push(t('summary.moreComparisons', lang, { n: sections.size - MAX_FULL_COMPARISONS }), '');
  if (a.unmatched.length > 0) {
    out.push(t('summary.unmatched', lang, { ref: scen(data, a.reference, lang), list: a.unmatched.map((u) => `${markdownText(u.scenario)} (${u.point})`).join(', ') }), '');
  }

  // Survival
  // Per arrangement kind: pooled, the ad hoc networks (which dissolve after a fixed spell without
  // a decision) would set the median of every structure.
  const dormancy = data.manifest.experiment.points[0]?.parameters ?? {};
  const rule = dissolutionRule(lang, { months: dormancy['dormancyMonths'] ?? PARAMS.dormancyMonths.default, secretaryFactor: dormancy['dormancySecretaryFactor'] ?? PARAMS.dormancySecretaryFactor.default });
  out.push(`## ${t('summary.survivalHeading', lang)}`, '', `${t('summary.survivalIntro', lang)} ${t('summary.survivalByKind', lang)} ${rule}`, '');
  const survRows = data.groups.slice(0, MAX_SURVIVAL_ROWS).flatMap((g) => {
    const label = (pointsPerScenario.get(g.scenario) ?? 1) > 1 ? `${scen(data, g.scenario, lang)} (${g.point})` : scen(data, g.scenario, lang);
    return (['arrangement', 'membership'] as const).flatMap((type) => {
      const mine = a.survivalSummary.filter((r) => r.point === g.point && r.type === type);
      // the kinds that had spells; the pooled row only for a file without kinds
      const byKind = mine.filter((r) => r.kind !== POOLED_KIND && r.n > 0);
      const kinds = byKind.length > 0 ? byKind : mine.filter((r) => r.kind === POOLED_KIND && r.n > 0);
      if (kinds.length === 0) return [survivalRow(label, type, undefined, lang, '–')];
      return kinds.map((r) => survivalRow(label, type, r, lang, kindName(r.kind, lang)));
    });
  });
  out.push(
    ...(parts.survival ?? table([t('summary.thScenario', lang), t('summary.thWhat', lang), t('summary.thKind', lang), t('summary.thMedian', lang), t('summary.thInterval', lang), t('summary.thCount', lang), t('summary.thEnded', lang)], survRows)),
    '',
  );
  for (const type of ['arrangement', 'membership'] as const) {
    const r = a.survivalSummary.find((x) => x.type === type && x.kind === 'all' && Number.isFinite(x.logrank_p));
    if (!r) continue;
    const typeName = t(type === 'arrangement' ? 'summary.arrangements' : 'summary.memberships', lang);
    out.push(`- ${t(r.logrank_p < 0.05 ? 'summary.logrankClear' : 'summary.logrankUnclear', lang, { type: typeName, p: pValue(r.logrank_p, lang) })}`);
  }
  out.push('');

  // Enough runs: can the runs tell a difference of practical importance? (The same yardstick as the table.)
  out.push(`## ${t('summary.precisionHeading', lang)}`, '');
  const needMore = new Map<string, { need: number; now: number }>();
  for (const r of a.comparison) {
    const spec = specs.get(r.outcome);
    if (!spec || spec.readBack || isConstant(r) || !(r.sd_reference > 0) || !Number.isFinite(r.ci_lo) || r.n < 2) continue;
    // Decided already: a difference of practical importance, or an interval inside the band of negligible ones.
    if (r.verdict === 'better' || r.verdict === 'worse' || r.verdict === 'higher' || r.verdict === 'lower') continue;
    const band = MIN_IMPORTANCE * r.sd_reference;
    if (r.ci_lo > -band && r.ci_hi < band) continue;
    const half = (r.ci_hi - r.ci_lo) / 2;
    const target = band / 2;
    if (half <= target) continue;
    const need = Math.ceil(r.n * (half / target) ** 2);
    const prev = needMore.get(r.outcome);
    if (!prev || need > prev.need) needMore.set(r.outcome, { need, now: r.n });
  }
  const pctSd = formatter(lang).decimal(MIN_IMPORTANCE, 1);
  if (needMore.size === 0) out.push(t('summary.precisionAll', lang, { sd: pctSd }));
  else {
    out.push(t('summary.precisionSome', lang, { sd: pctSd }), '');
    const listed = parts.precisionOutcomes;
    for (const o of data.outcomes) {
      const x = needMore.get(o.id);
      if (x && (!listed || listed.includes(o.id))) out.push(`- ${t('summary.needs', lang, { outcome: measureName('run', o.id, lang), need: formatter(lang).count(x.need), now: formatter(lang).count(x.now) })}`);
    }
    const others = listed ? [...needMore.keys()].filter((id) => !listed.includes(id)).length : 0;
    if (others > 0) out.push(`- ${t('summary.needsOthers', lang, { n: formatter(lang).count(others) })}`);
  }
  out.push('');

  // Limitations
  out.push(`## ${t('summary.limitsHeading', lang)}`, '');
  for (const key of ['summary.limits1', 'summary.limits2', 'summary.limits3', 'summary.limits4'] as const) out.push(`- ${t(key, lang)}`);
  out.push('');

  // Reading guide
  out.push(`## ${t('summary.readingHeading', lang)}`, '');
  for (const key of ['summary.reading1', 'summary.reading2', 'summary.reading3', 'summary.reading4', 'summary.reading5'] as const) out.push(`- ${t(key, lang)}`);
  for (const line of parts.reading ?? []) out.push(`- ${line}`);
  out.push('');
  return out.join('\n');
}
