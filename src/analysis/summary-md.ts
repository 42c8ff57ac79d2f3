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
import { decimalsFor, formatter, measureName, measureUnit, t, type Lang } from '../i18n/index.js';
import type { BatchData } from './batch-data.js';
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

function isShare(spec: MeasureSpec): boolean {
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

function show(r: ComparisonRow, spec: MeasureSpec, lang: Lang): Shown {
  const share = isShare(spec);
  const k = share ? 100 : 1;
  const half = (r.ci_hi - r.ci_lo) / 2;
  const d = decimalsFor(k * half, k * r.difference);
  const dm = decimalsFor(k * half, k * Math.max(Math.abs(r.mean_scenario), Math.abs(r.mean_reference)));
  const unit = measureUnit('run', spec.id, lang);
  const diffUnit = share ? (lang === 'nl' ? 'procentpunt' : 'percentage points') : isScale(spec) ? '' : unit;
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

/** A scenario in prose: its name in italics, its title after it. */
const em = (name: string): string => `*${markdownText(name)}*`;

function scenarioLabel(data: BatchData, name: string): string {
  const title = data.scenarioInfo.get(name)?.title;
  return title && title !== name ? `${em(name)} (${markdownText(title)})` : em(name);
}

function paramsText(params: Record<string, number | null>, lang: Lang): string {
  const entries = Object.keys(params)
    .sort()
    .map((k) => `${k} = ${params[k] === null ? '–' : formatter(lang).decimal(params[k]!, decimalsFor(NaN, params[k]!)).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '')}`);
  return entries.join(', ');
}

/** Sign to show before a rounded magnitude: none when it rounds to zero. */
function signOf(shown: string, x: number): string {
  if (!/[1-9]/.test(shown)) return '';
  return x < 0 ? '−' : '+';
}

/** One plain-language sentence for a comparison row (a list item without the bullet). */
export function comparisonSentence(r: ComparisonRow, spec: MeasureSpec, data: BatchData, lang: Lang): string {
  const outcome = measureName('run', spec.id, lang);
  if (r.test === 'none' || !Number.isFinite(r.ci_lo)) return t('summary.tooFew', lang, { outcome });
  const sh = show(r, spec, lang);
  const s = em(r.scenario);
  const ref = em(r.reference);
  const diffWithUnit = `${sh.diff} ${sh.diffUnit}`.trim();
  const scale = isScale(spec) ? t('summary.scale', lang) : '';
  if (!isClear(r)) {
    const signed = `${signOf(sh.diff, r.difference)}${diffWithUnit}`;
    return t('summary.unclear', lang, { outcome, scale, s, ref, diff: signed, lo: sh.lo, hi: sh.hi });
  }
  const info = data.scenarioInfo.get(r.scenario);
  const region = info?.region ? t('summary.inRegion', lang, { region: markdownText(info.region) }) : '';
  const where = info?.from && info.to ? t('summary.where', lang, { region, from: formatter(lang).month(info.from), to: formatter(lang).month(info.to) }) : region;
  let better = '';
  if (Number.isFinite(r.share_better)) {
    const how = spec.direction === 'lower' ? t('summary.lowerIsBetter', lang) : '';
    better = r.paired
      ? t('summary.betterPaired', lang, { how, share: pct(r.share_better, lang), n: formatter(lang).count(r.n) })
      : t('summary.betterUnpaired', lang, { how, share: pct(r.share_better, lang), s, ref });
  }
  return t('summary.clear', lang, {
    outcome,
    scale,
    s,
    where,
    diff: diffWithUnit,
    dir: t(r.difference > 0 ? 'summary.higher' : 'summary.lower', lang),
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

function comparisonTableRow(r: ComparisonRow, spec: MeasureSpec, lang: Lang): string[] {
  const name = measureName('run', spec.id, lang);
  const unit = isShare(spec) ? '%' : measureUnit('run', spec.id, lang);
  if (r.test === 'none' || !Number.isFinite(r.ci_lo)) {
    return [name, unit, '–', '–', '–', '–', t('summary.na', lang)];
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
    isClear(r) ? t('summary.yes', lang) : t('summary.no', lang),
  ];
}

function months(x: number, lang: Lang): string {
  return formatter(lang).decimal(x, Number.isInteger(x) ? 0 : 1);
}

function survivalRow(label: string, type: 'arrangement' | 'membership', row: SurvivalSummaryRow | undefined, lang: Lang): string[] {
  const what = t(type === 'arrangement' ? 'summary.arrangements' : 'summary.memberships', lang);
  if (!row || row.n === 0) return [label, what, '–', '–', '0', '0'];
  const median = Number.isFinite(row.median) ? months(row.median, lang) : t('summary.notReached', lang);
  let interval = '–';
  if (Number.isFinite(row.median_lo) && Number.isFinite(row.median_hi)) interval = t('summary.between', lang, { lo: months(row.median_lo, lang), hi: months(row.median_hi, lang) });
  else if (Number.isFinite(row.median_lo)) interval = t('summary.orMore', lang, { lo: months(row.median_lo, lang) });
  return [label, what, median, interval, formatter(lang).count(row.n), formatter(lang).count(row.events)];
}

/** The whole summary.md. */
export function renderSummaryMarkdown(a: SummaryInput, lang: Lang): string {
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
        ? `elk ${formatter(lang).count(runsPer[0]!)} runs`
        : `${formatter(lang).count(runsPer[0]!)} runs each`
      : lang === 'nl'
        ? `elk ${formatter(lang).count(Math.min(...runsPer))} tot ${formatter(lang).count(Math.max(...runsPer))} runs`
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
  out.push('', t('summary.reference', lang, { ref: scenarioLabel(data, a.reference) }), '');

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
          ? t('summary.pointSuffix', lang, { point: first.point, params: paramsText(group.params, lang) })
          : ''
        : '';
    out.push(`## ${t('summary.compareHeading', lang, { s: markdownText(first.scenario), ref: markdownText(a.reference) })}${suffix}`, '');
    const headline = HEADLINE.map((name) => rows.find((r) => r.outcome === name)).filter((r): r is ComparisonRow => !!r);
    for (const r of headline) out.push(`- ${comparisonSentence(r, specs.get(r.outcome)!, data, lang)}`);
    const rest = rows.filter((r) => !(HEADLINE as readonly string[]).includes(r.outcome));
    if (rest.length > 0) {
      out.push('', t('summary.otherOutcomes', lang), '');
      out.push(
        ...table(
          [t('summary.thOutcome', lang), t('summary.thUnit', lang), em(a.reference), em(first.scenario), t('summary.thDiff', lang), t('summary.thBetter', lang), t('summary.thClear', lang)],
          rest.map((r) => comparisonTableRow(r, specs.get(r.outcome)!, lang)),
        ),
      );
    }
    out.push('');
  }
  if (sections.size > MAX_FULL_COMPARISONS) out.push(t('summary.moreComparisons', lang, { n: sections.size - MAX_FULL_COMPARISONS }), '');
  if (a.unmatched.length > 0) {
    out.push(t('summary.unmatched', lang, { ref: em(a.reference), list: a.unmatched.map((u) => `${markdownText(u.scenario)} (${u.point})`).join(', ') }), '');
  }

  // Survival
  out.push(`## ${t('summary.survivalHeading', lang)}`, '', t('summary.survivalIntro', lang), '');
  const survRows = data.groups.slice(0, MAX_SURVIVAL_ROWS).flatMap((g) => {
    const label = (pointsPerScenario.get(g.scenario) ?? 1) > 1 ? `${em(g.scenario)} (${g.point})` : em(g.scenario);
    return (['arrangement', 'membership'] as const).map((type) =>
      survivalRow(label, type, a.survivalSummary.find((r) => r.point === g.point && r.type === type), lang),
    );
  });
  out.push(
    ...table([t('summary.thScenario', lang), t('summary.thWhat', lang), t('summary.thMedian', lang), t('summary.thInterval', lang), t('summary.thCount', lang), t('summary.thEnded', lang)], survRows),
    '',
  );
  for (const type of ['arrangement', 'membership'] as const) {
    const r = a.survivalSummary.find((x) => x.type === type && Number.isFinite(x.logrank_p));
    if (!r) continue;
    const typeName = t(type === 'arrangement' ? 'summary.arrangements' : 'summary.memberships', lang);
    out.push(`- ${t(r.logrank_p < 0.05 ? 'summary.logrankClear' : 'summary.logrankUnclear', lang, { type: typeName, p: pValue(r.logrank_p, lang) })}`);
  }
  out.push('');

  // Precision
  out.push(`## ${t('summary.precisionHeading', lang)}`, '');
  const pctText = `${formatter(lang).decimal(100 * a.precision, a.precision * 100 < 1 ? 1 : 0)}%`;
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
  if (need.size === 0) out.push(t('summary.precisionAll', lang, { pct: pctText }));
  else {
    out.push(t('summary.precisionSome', lang, { pct: pctText }), '');
    for (const o of data.outcomes) {
      const x = need.get(o.id);
      if (!x) continue;
      out.push(`- ${t('summary.needs', lang, { outcome: measureName('run', o.id, lang), need: Number.isFinite(x.need) ? formatter(lang).count(x.need) : '∞', now: formatter(lang).count(x.now) })}`);
    }
  }
  if (anyZero) out.push('', t('summary.precisionZero', lang));
  out.push('');

  // Reading guide
  out.push(`## ${t('summary.readingHeading', lang)}`, '');
  for (const key of ['summary.reading1', 'summary.reading2', 'summary.reading3', 'summary.reading4', 'summary.reading5'] as const) out.push(`- ${t(key, lang)}`);
  out.push('');
  return out.join('\n');
}
