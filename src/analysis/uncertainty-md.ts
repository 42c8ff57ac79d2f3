/**
 * The calibration and robustness sections of summary.md (and of the reports of `regiosim
 * calibrate` and `regiosim robustness`), in English or Dutch. Pure: tables in, Markdown out.
 *
 * Every sentence here is about parameter uncertainty and says so; the seed-noise intervals of a
 * batch are described elsewhere (summary-md.ts).
 */
import { quantileSorted } from 'simple-statistics';
import { measure, UNITS } from '../core/measures.js';
import { decimalsFor, formatter, measureName, measureUnit, t, type Lang } from '../i18n/index.js';
import type { CalibrationPointRow, DiscoveryRow, DockingComparisonRow, RobustnessRow } from '../formats/files.js';
import type { Target } from './calibrate.js';
import type { ParamRange } from './sensitivity.js';

export interface RobustnessMeta {
  reference: string;
  scenarios: string[];
  worlds: number;
  replications: number;
  ranges: ParamRange[];
  source: { kind: 'ensemble'; name: string; provenance: Record<string, unknown> } | { kind: 'lhs'; samples: number };
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

function sourceText(m: RobustnessMeta, lang: Lang): string {
  const f = formatter(lang);
  if (m.source.kind === 'lhs') return t('unc.sourceLhs', lang, { n: m.source.samples, k: m.ranges.length, list: m.ranges.map((r) => `\`${r.name}\``).join(', ') });
  const p = m.source.provenance;
  const accepted = num(p['accepted']);
  const tried = num(p['tried']);
  const targets = Array.isArray(p['targets']) ? p['targets'].length : undefined;
  const how = accepted !== undefined && tried !== undefined && targets !== undefined && tried > 0
    ? t('unc.sourceCalibrated', lang, { targets, accepted, tried, rate: f.percent(accepted / tried, 1) })
    : '';
  return t('unc.sourceEnsemble', lang, { name: m.source.name, how });
}

/** How an outcome's differences are shown: shares in percentage points, others in their unit. */
function diffFormat(outcome: string, lang: Lang, spread: number, size: number): { k: number; unit: string; d: number } {
  const spec = measure('run', outcome);
  const share = spec !== undefined && UNITS[spec.unit].kind === 'share';
  const k = share ? 100 : 1;
  return { k, unit: share ? t('unc.pp', lang) : measureUnit('run', outcome, lang), d: Math.min(3, decimalsFor((k * spread) / 20, k * size)) };
}

function signed(x: number, d: number, lang: Lang): string {
  const s = formatter(lang).decimal(x, d);
  return x > 0 ? `+${s}` : s;
}

/** One sentence per outcome: the share of worlds, the range, and the conditions where the sign turns. */
export function robustnessLine(r: RobustnessRow, discovery: readonly DiscoveryRow[], lang: Lang): string {
  const f = formatter(lang);
  const outcome = measureName('run', r.outcome, lang);
  if (r.worlds === 0 || r.share_better === null) return `**${outcome}**: –`;
  const spread = (r.p95 ?? 0) - (r.p05 ?? 0);
  const size = Math.max(Math.abs(r.min ?? 0), Math.abs(r.max ?? 0));
  const { k, unit, d } = diffFormat(r.outcome, lang, spread, size);
  const clear = r.share_clearly_better !== null && r.share_clearly_worse !== null
    ? t('unc.clear', lang, { b: f.percent(r.share_clearly_better), w: f.percent(r.share_clearly_worse) })
    : '';
  const mine = discovery.filter((x) => x.scenario === r.scenario && x.outcome === r.outcome);
  let rule = '';
  const box = mine.find((x) => x.highlight !== null);
  if (box) {
    const worse = box.highlight === 'worse';
    const kIn = worse ? box.worlds - box.better : box.better;
    const cov = worse ? box.coverage_worse : box.coverage_better;
    // discovery.csv writes thresholds as in every CSV (a decimal point); the text writes them as the language does
    const local = (c: string): string => c.replace(/-?\d+(\.\d+)?(e-?\d+)?$/, (x) => f.significant(Number(x), 3));
    const text = box.rule.split(' & ').map((c) => `\`${local(c)}\``).join(t('unc.and', lang));
    rule = t(worse ? 'unc.ruleWorse' : 'unc.ruleBetter', lang, { rule: text, k: kIn, m: box.worlds, c: f.percent(cov ?? 0) });
  } else if (mine.length > 0) rule = t(r.share_better >= 0.5 ? 'unc.noRule' : 'unc.noRuleBetter', lang);
  const vars = {
    worse: f.percent(r.share_worse), ties: r.share_worse !== null && r.share_better + r.share_worse < 1 - 1e-9 ? t('unc.ties', lang, { p: f.percent(1 - r.share_better - r.share_worse) }) : '',
    outcome, better: t('unc.better', lang), share: f.percent(r.share_better), lo: f.percent(r.share_better_lo), hi: f.percent(r.share_better_hi),
    min: signed(k * r.min!, d, lang), max: signed(k * r.max!, d, lang), median: signed(k * r.median!, d, lang), unit, clear, rule,
  };
  return t(r.direction === 'neutral' ? 'unc.lineNeutral' : 'unc.line', lang, vars);
}

/** A scenario by its name, in a code span: how a section names scenarios when it is not told their titles. */
const byName = (name: string): string => `\`${name}\``;

/**
 * The robustness section: intro, one block per structure, and how large the ensemble must be.
 * `named` writes a scenario in prose (summary.md passes the readable titles it uses itself).
 */
export function robustnessMarkdown(rows: readonly RobustnessRow[], discovery: readonly DiscoveryRow[], m: RobustnessMeta, lang: Lang, level = 2, withFiles = false, named: (name: string) => string = byName): string {
  const h = '#'.repeat(level);
  const out: string[] = [`${h} ${t('unc.robustHeading', lang)}`, ''];
  out.push(t('unc.robustIntro', lang, { ref: named(m.reference), worlds: m.worlds, source: sourceText(m, lang), reps: m.replications }), '');
  if (m.ranges.length > 0) out.push(t('unc.varied', lang, { list: m.ranges.map((r) => `\`${r.name}\` (${formatter(lang).significant(r.min, 3)} … ${formatter(lang).significant(r.max, 3)})`).join(', ') }), '');
  for (const s of m.scenarios) {
    if (s === m.reference) continue;
    const mine = rows.filter((r) => r.scenario === s);
    if (mine.length === 0) continue;
    out.push(`${h}# ${t('unc.compareHeading', lang, { s: named(s), ref: named(m.reference) })}`, '');
    for (const r of mine) out.push(`- ${robustnessLine(r, discovery, lang)}`);
    out.push('');
  }
  const halves = rows.filter((r) => r.share_better_lo !== null && r.share_better_hi !== null).map((r) => (r.share_better_hi! - r.share_better_lo!) / 2);
  const needed = rows.map((r) => r.worlds_needed ?? 0);
  if (halves.length > 0) out.push(t('unc.stability', lang, { worlds: m.worlds, half: Math.round(100 * Math.max(...halves)), needed: Math.max(...needed) }), '');
  if (withFiles) out.push(t('unc.files', lang), '');
  return out.join('\n');
}

export interface CalibrationMeta {
  name: string;
  title: string;
  scenarios: string[];
  replications: number;
  tried: number;
  accepted: number;
  ranges: ParamRange[];
  targets: Target[];
  /** Per target, how many sets meet it. */
  met: number[];
  /** The accepted sets' parameter values. */
  points: readonly CalibrationPointRow[];
}

/** summary.md of a calibration: what was drawn, what was accepted, the targets and the ranges before and after. */
export function calibrationMarkdown(c: CalibrationMeta, lang: Lang): string {
  const f = formatter(lang);
  const out: string[] = [`# ${t('unc.calTitle', lang, { name: `\`${c.name}\`` })}`, ''];
  out.push(t('unc.calIntro', lang, {
    tried: c.tried, reps: c.replications, scenarios: c.scenarios.map((s) => `\`${s}\``).join(', '), stat: t('unc.calStat', lang),
    accepted: c.accepted, rate: f.percent(c.tried > 0 ? c.accepted / c.tried : 0, 1), written: t(c.accepted > 0 ? 'unc.calWritten' : 'unc.calNone', lang),
  }), '');
  out.push(`## ${t('unc.targetsHeading', lang)}`, '', t('unc.targetsTable', lang), '|---|---|---|---|---|---|');
  const bound = (x: number): string => (Number.isFinite(x) ? f.significant(x, 3) : t('unc.noBound', lang));
  c.targets.forEach((tg, j) => {
    out.push(`| ${tg.id} | \`${tg.measure}\` (${t(tg.statistic === 'mean' ? 'unc.statMean' : 'unc.statMedian', lang)}) | \`${tg.scenario}\` | ${bound(tg.min)} – ${bound(tg.max)} | ${c.met[j]} (${f.percent(c.tried > 0 ? c.met[j]! / c.tried : 0)}) | ${tg.source.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
  });
  out.push('', `## ${t('unc.priorHeading', lang)}`, '', t('unc.priorTable', lang), '|---|---|---|---|---|');
  const accepted = c.points.filter((p) => p.accepted);
  for (const r of c.ranges) {
    const v = accepted.map((p) => p[`param_${r.name}`]).filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
    const med = v.length > 0 ? quantileSorted(v, 0.5) : null;
    out.push(`| \`${r.name}\` | ${f.significant(r.min, 3)} – ${f.significant(r.max, 3)} | ${v.length > 0 ? f.significant(v[0]!, 3) : '–'} | ${med !== null ? f.significant(med, 3) : '–'} | ${v.length > 0 ? f.significant(v[v.length - 1]!, 3) : '–'} |`);
  }
  out.push('', t('unc.calNoise', lang, { reps: c.replications }), '', t('unc.calFiles', lang), '');
  return out.join('\n');
}

/** The docking section: how much of the model's differences the static baseline gives; `named` as for robustnessMarkdown. */
export function dockingMarkdown(rows: readonly DockingComparisonRow[], lang: Lang, level = 2, named: (name: string) => string = byName): string {
  const f = formatter(lang);
  const ref = rows[0]?.reference ?? '';
  const out = [`${'#'.repeat(level)} ${t('unc.dockHeading', lang)}`, '', t('unc.dockIntro', lang, { ref: named(ref) }), '', t('unc.dockTable', lang), '|---|---|---|---|---|'];
  for (const r of rows) {
    const { k, unit, d } = diffFormat(r.outcome, lang, Math.abs(r.model_difference ?? 0), Math.abs(r.model_difference ?? 0));
    const show = (x: number | null): string => (x === null ? '–' : `${signed(k * x, Math.max(d, 1), lang)} ${unit}`);
    out.push(`| ${named(r.scenario)} | ${measureName('run', r.outcome, lang)} | ${show(r.model_difference)} | ${show(r.baseline_difference)} | ${r.share_explained === null ? '–' : f.percent(r.share_explained)} |`);
  }
  out.push('', t('unc.dockNote', lang), '');
  return out.join('\n');
}
