/**
 * The decision brief (`regiosim brief`): what a batch's comparison says, in one or two pages for
 * an alderman. Pure: it turns the analysis (comparison.csv's verdicts, typical ranges and, when
 * present, the share of plausible worlds) into the texts and figures of the brief; src/render/brief.ts
 * lays them out as HTML and prints them to PDF.
 *
 * What it says follows the comparison's own verdicts (src/analysis/analyze.ts, verdictOf): a
 * structure is better or worse on an outcome only where the difference is clear and of practical
 * importance; "usually" is the 10th to 90th percentile of the run-by-run differences (seed
 * noise); "settings" is the share of plausible worlds in robustness.csv (parameter uncertainty).
 */
import { HEADLINE, measure, type MeasureSpec } from '../core/measures.js';
import type { RobustnessRow } from '../formats/files.js';
import { decimalsFor, formatter, measureDefinition, measureName, MONTH_NAMES, t, type Lang } from '../i18n/index.js';
import { scenarioTitle, type BatchData } from './batch-data.js';
import { differenceUnit, isShare } from './summary-md.js';
import type { ComparisonRow } from './rows.js';
import type { RobustnessMeta } from './uncertainty-md.js';

export interface BriefCell {
  scenario: string;
  verdict: 'better' | 'worse' | 'higher' | 'lower' | 'same';
  /** The verdict in words. */
  label: string;
  /** The mean difference, signed, in the row's unit. */
  difference: string;
  /** "usually a to b": the typical range of the difference across futures. */
  usually: string;
  /** "settings: better in 61%", when the comparison was repeated over plausible worlds. */
  settings?: string;
}

export interface BriefRow {
  outcome: string;
  name: string;
  /** Unit of the differences in this row. */
  unit: string;
  definition: string;
  cells: BriefCell[];
}

export interface Brief {
  lang: Lang;
  kicker: string;
  title: string;
  subtitle: string;
  keyLines: string[];
  reference: { name: string; title: string; description: string };
  scenarios: { name: string; title: string; description: string }[];
  outcomesIntro: string;
  rows: BriefRow[];
  caveats: string[];
  provenance: string;
  /** Readable titles of every scenario, for the chart. */
  titles: Record<string, string>;
}

export interface BriefInput {
  data: BatchData;
  reference: string;
  comparison: readonly ComparisonRow[];
  robustness?: { rows: readonly RobustnessRow[]; meta: RobustnessMeta } | null;
  lang: Lang;
  version: string;
}

/** A date of an ISO timestamp in words ("2 december 2026"), never the ISO form. */
export function dateInWords(iso: string | null | undefined, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return '';
  return `${Number(m[3])} ${MONTH_NAMES[lang][Number(m[2]) - 1]} ${m[1]}`;
}

/** "a, b and c". */
function list(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t('brief.and', lang)} ${items[items.length - 1]}`;
}

/** At most two items (in headline order, the most important first), then "and n more". */
function capped(items: readonly string[], lang: Lang): string {
  if (items.length <= 3) return list(items, lang);
  return `${items.slice(0, 2).join(', ')} ${t('brief.andMore', lang, { n: formatter(lang).word(items.length - 2) })}`;
}

function upperFirst(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function signed(x: number, decimals: number, lang: Lang): string {
  const text = formatter(lang).decimal(x, decimals);
  return x > 0 && text !== formatter(lang).decimal(0, decimals) ? `+${text}` : text;
}

function cell(row: ComparisonRow, spec: MeasureSpec, lang: Lang, rob: RobustnessRow | undefined): BriefCell {
  const k = isShare(spec) ? 100 : 1;
  // As precise as the interval of the mean allows, and no more precise than the typical range needs.
  const half = (row.ci_hi - row.ci_lo) / 2;
  const d = Math.min(decimalsFor(k * half, k * row.difference), decimalsFor(k * Math.abs(row.diff_p90 - row.diff_p10) / 20, k * row.difference));
  const v = row.verdict === 'better' || row.verdict === 'worse' || row.verdict === 'higher' || row.verdict === 'lower' ? row.verdict : 'same';
  const out: BriefCell = {
    scenario: row.scenario,
    verdict: v,
    label: t(v === 'same' ? 'brief.same' : (`brief.${v}` as const), lang),
    difference: signed(k * row.difference, d, lang),
    usually: Number.isFinite(row.diff_p10) ? t('brief.usually', lang, { lo: signed(k * row.diff_p10, d, lang), hi: signed(k * row.diff_p90, d, lang) }) : '',
  };
  if (rob && spec.direction !== 'neutral') out.settings = t('brief.settings', lang, { share: formatter(lang).percent(rob.share_better) });
  return out;
}

/** The brief of a batch's comparison against `reference` (first parameter point of each scenario). */
export function buildBrief(input: BriefInput): Brief {
  const { data, reference, lang } = input;
  const f = formatter(lang);
  const info = (s: string) => data.scenarioInfo.get(s);
  const title = (s: string): string => scenarioTitle(info(s), s, lang);
  const description = (s: string): string => info(s)?.descriptions?.[lang] ?? '';
  const firstPoint = new Map<string, number>();
  for (const r of input.comparison) if (!firstPoint.has(r.scenario) || r.point < firstPoint.get(r.scenario)!) firstPoint.set(r.scenario, r.point);
  const rows = input.comparison.filter((r) => r.reference === reference && r.point === firstPoint.get(r.scenario));
  const others = data.scenarios.filter((s) => s !== reference && rows.some((r) => r.scenario === s));
  const outcomes = HEADLINE.filter((o) => rows.some((r) => r.outcome === o));
  const rob = input.robustness && input.robustness.meta.reference === reference ? input.robustness : null;
  const robRow = (s: string, o: string) => rob?.rows.find((r) => r.scenario === s && r.outcome === o);

  const table: BriefRow[] = outcomes.map((o) => {
    const spec = measure('run', o)!;
    return {
      outcome: o, name: measureName('run', o, lang), unit: differenceUnit(spec, lang), definition: measureDefinition('run', o, lang),
      cells: others.map((s) => cell(rows.find((r) => r.scenario === s && r.outcome === o)!, spec, lang, robRow(s, o))),
    };
  });

  // Five lines: one per structure (at most three), the price or the dominance, the caveat.
  const keyLines: string[] = [];
  const worseSomewhere: boolean[] = [];
  for (const s of others.slice(0, 3)) {
    const better = table.filter((r) => r.cells.find((c) => c.scenario === s)?.verdict === 'better').map((r) => lowerFirst(r.name));
    const worse = table.filter((r) => r.cells.find((c) => c.scenario === s)?.verdict === 'worse').map((r) => lowerFirst(r.name));
    worseSomewhere.push(worse.length > 0);
    const parts: string[] = [];
    if (better.length > 0) parts.push(t('brief.keyBetterOn', lang, { list: capped(better, lang) }));
    if (worse.length > 0) parts.push(t('brief.keyWorseOn', lang, { list: capped(worse, lang) }));
    if (parts.length === 0) parts.push(t('brief.keyNothing', lang));
    const net = rows.find((r) => r.scenario === s && r.outcome === HEADLINE[0]);
    if (net && Number.isFinite(net.share_better)) {
      const w = robRow(s, HEADLINE[0]!);
      parts.push(t('brief.keyNet', lang, { runs: f.percent(net.share_better) }) + (w ? t('brief.keyNetWorlds', lang, { worlds: f.percent(w.share_better) }) : ''));
    }
    keyLines.push(t('brief.keyScenario', lang, { title: title(s), verdicts: parts.join('; ') }));
  }
  if (others.length > 0 && worseSomewhere.every((w) => w)) keyLines.push(t('brief.keyPrice', lang));
  else {
    const dominant = others.slice(0, 3).filter((_, i) => !worseSomewhere[i]);
    for (const s of dominant.slice(0, 1)) keyLines.push(t('brief.keyDominant', lang, { title: title(s), reference: title(reference) }));
  }
  keyLines.push(t('brief.keyCaveat', lang));

  const region = info(reference)?.region ?? '';
  const from = info(reference)?.from;
  const to = info(reference)?.to;
  const runs = Math.max(0, ...rows.map((r) => r.n));
  const caveats = [t('brief.caveatTool', lang, { region }), t('brief.caveatUnits', lang)];
  const calibrated = rob?.meta.source.kind === 'ensemble' ? rob.meta.source.provenance : undefined;
  const targets = Array.isArray(calibrated?.['targets']) ? (calibrated['targets'] as { measure?: string }[]) : [];
  if (calibrated && typeof calibrated['accepted'] === 'number' && typeof calibrated['tried'] === 'number' && targets.length > 0) {
    caveats.push(t('brief.caveatCalibrated', lang, {
      accepted: f.count(calibrated['accepted']), tried: f.count(calibrated['tried']), targets: f.word(targets.length),
      list: list(targets.map((x) => lowerFirst(measureName('run', x.measure ?? '', lang))), lang),
    }));
  } else caveats.push(t('brief.caveatUncalibrated', lang));
  caveats.push(t('brief.caveatNoDifference', lang));

  const titles: Record<string, string> = {};
  for (const s of data.scenarios) titles[s] = title(s);
  return {
    lang,
    kicker: t('brief.kicker', lang),
    title: t('brief.title', lang, { region }),
    subtitle: upperFirst(t('brief.subtitle', lang, { n: f.word(others.length + 1), from: f.month(from), to: f.month(to) })),
    keyLines,
    reference: { name: reference, title: title(reference), description: description(reference) },
    scenarios: others.map((s) => ({ name: s, title: title(s), description: description(s) })),
    outcomesIntro: t('brief.outcomesIntro', lang, {
      reference: title(reference), runs: f.count(runs),
      worlds: rob ? t('brief.outcomesWorlds', lang, { worlds: f.count(rob.meta.worlds) }) : '',
    }),
    rows: table,
    caveats,
    provenance: t('brief.provenance', lang, {
      version: input.version, date: dateInWords(data.manifest.finished ?? data.manifest.started, lang), runs: f.count(runs), hash: data.manifest.experiment.hash.slice(0, 12),
    }),
    titles,
  };
}
