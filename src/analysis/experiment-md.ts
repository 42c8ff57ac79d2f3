/**
 * summary.md for an experiment, a batch whose points vary parameters: the file stays short
 * however many points there are. In place of a section per compared point (summary-md.ts) it
 * says, per comparison and outcome, at how many points each verdict holds and where in
 * parameter space the verdict changes; a table of the verdicts per point only up to
 * {@link MAX_POINT_ROWS} points; the survival of arrangements as a range across the points; and
 * it points to points-summary.csv for the numbers. Everything else (the introduction, "enough
 * runs", limitations, the reading guide) is summary-md's own. Pure.
 *
 * Where the verdict changes: two points of a scenario that differ in one varied parameter only
 * and are neighbours along it (no point with a value between them and the same other values)
 * mark a change when their verdicts differ; the change is reported as "from a to b" along that
 * parameter. Points that share no such neighbour (a Latin hypercube of two or more parameters)
 * are described by the ranges of the parameters where the less common verdicts hold.
 */
import { HEADLINE, RUN_MEASURES, type MeasureSpec } from '../core/measures.js';
import { formatter, measureName, t, type Lang, type MessageKey } from '../i18n/index.js';
import { scenarioTitle } from './batch-data.js';
import type { ComparisonRow } from './rows.js';
import {
  isClear, isConstant, markdownCode, markdownText, months, paramValue, renderSummaryMarkdown, table, type SummaryInput,
} from './summary-md.js';

/** A table of the verdict per point is written for at most this many points per comparison. */
export const MAX_POINT_ROWS = 12;
/** Other outcomes named in the line after the headline outcomes. */
const MAX_OTHERS = 6;
/** Changes along one parameter written out. */
const MAX_STEPS = 3;

/** What summary.md says of one comparison at one point. */
export type Category = 'better' | 'worse' | 'higher' | 'lower' | 'same' | 'chance' | 'na';
const ORDER: readonly Category[] = ['better', 'worse', 'higher', 'lower', 'same', 'chance', 'na'];
const WORD: Record<Category, MessageKey> = {
  better: 'summary.vBetter', worse: 'summary.vWorse', higher: 'summary.higher', lower: 'summary.lower', same: 'summary.vSame', chance: 'summary.vChance', na: 'summary.na',
};
const CELL: Partial<Record<Category, string>> = { same: '–', chance: '–', na: '?' };

/** The category of a comparison row: its verdict, with no-difference split into clear-but-negligible and could-be-chance. */
export function categoryOf(r: ComparisonRow): Category {
  if (r.test === 'none' || !Number.isFinite(r.ci_lo)) return 'na';
  if (r.verdict === 'better' || r.verdict === 'worse' || r.verdict === 'higher' || r.verdict === 'lower') return r.verdict;
  return isClear(r) ? 'same' : 'chance';
}

const code = (name: string): string => `\`${markdownCode(name)}\``;

/** A point of one comparison: its parameter values and the category of one outcome. */
interface Located {
  params: Record<string, number | null>;
  category: Category;
}

/** Changes of category between neighbouring points along each parameter: parameter → [a, b] steps. */
export function verdictChanges(points: readonly Located[], varied: readonly string[]): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const p of varied) {
    const slices = new Map<string, Located[]>();
    for (const x of points) {
      const v = x.params[p];
      if (v === null || v === undefined) continue;
      const key = JSON.stringify(varied.filter((q) => q !== p).map((q) => x.params[q] ?? null));
      let list = slices.get(key);
      if (!list) slices.set(key, (list = []));
      list.push(x);
    }
    const steps: [number, number][] = [];
    for (const list of slices.values()) {
      const sorted = [...list].sort((a, b) => a.params[p]! - b.params[p]!);
      for (let i = 1; i < sorted.length; i++) {
        const a = sorted[i - 1]!;
        const b = sorted[i]!;
        if (a.params[p] === b.params[p] || a.category === b.category) continue;
        if (!steps.some(([x, y]) => x === a.params[p] && y === b.params[p])) steps.push([a.params[p]!, b.params[p]!]);
      }
    }
    steps.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    if (steps.length > 0) out.set(p, steps);
  }
  return out;
}

/** Whether some two points differ in exactly one varied parameter (so changes along a parameter can be seen). */
function hasNeighbours(points: readonly Located[], varied: readonly string[]): boolean {
  for (const p of varied) {
    const seen = new Set<string>();
    for (const x of points) {
      const key = JSON.stringify(varied.filter((q) => q !== p).map((q) => x.params[q] ?? null));
      if (seen.has(key)) return true;
      seen.add(key);
    }
  }
  return false;
}

function countsText(points: readonly Located[], lang: Lang): string {
  const f = formatter(lang);
  return ORDER.map((c) => [c, points.filter((x) => x.category === c).length] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]))
    .map(([c, n]) => t('summary.expCount', lang, { verdict: t(WORD[c], lang), n: f.count(n) }))
    .join(', ');
}

/** One bullet: the counts of each verdict and where it changes. */
export function outcomeLine(outcome: string, points: readonly Located[], varied: readonly string[], lang: Lang): string {
  const head = t('summary.expOutcome', lang, { outcome: measureName('run', outcome, lang), n: formatter(lang).count(points.length), counts: countsText(points, lang) });
  const categories = new Set(points.map((x) => x.category));
  if (categories.size <= 1) return `${head}${t('summary.expSame', lang)}.`;
  if (hasNeighbours(points, varied)) {
    const changes = verdictChanges(points, varied);
    const parts = [...changes].map(([p, steps]) => {
      const shown = steps.slice(0, MAX_STEPS).map(([a, b]) => t('summary.expStep', lang, { a: paramValue(a, lang), b: paramValue(b, lang) }));
      return t('summary.expChanges', lang, { param: code(p), steps: `${shown.join('; ')}${steps.length > MAX_STEPS ? '; …' : ''}` });
    });
    return `${head}${parts.join('')}.`;
  }
  // No two points on a line: where the less common verdicts hold.
  const byCount = ORDER.filter((c) => categories.has(c)).sort((a, b) => points.filter((x) => x.category === b).length - points.filter((x) => x.category === a).length);
  const parts = byCount.slice(1).map((c) => {
    const here = points.filter((x) => x.category === c);
    const ranges = varied.map((p) => {
      const values = here.map((x) => x.params[p]).filter((v): v is number => typeof v === 'number');
      if (values.length === 0) return '';
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      return `${code(p)} ${lo === hi ? paramValue(lo, lang) : t('summary.between', lang, { lo: paramValue(lo, lang), hi: paramValue(hi, lang) })}`;
    }).filter((x) => x !== '');
    return t('summary.expWhere', lang, { verdict: t(WORD[c], lang), ranges: ranges.join(', ') });
  });
  return `${head}${parts.join('')}.`;
}

/** The parameters varied, with their number of values and their range. */
function variedText(a: SummaryInput, varied: readonly string[], lang: Lang): string {
  const items = varied.map((p) => {
    const values = [...new Set(a.data.points.map((x) => x.params[p]).filter((v): v is number => typeof v === 'number'))];
    return t('summary.expParam', lang, {
      param: code(p), n: formatter(lang).count(values.length),
      lo: paramValue(values.length > 0 ? Math.min(...values) : null, lang), hi: paramValue(values.length > 0 ? Math.max(...values) : null, lang),
    });
  });
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${t('summary.expAnd', lang)}${items[items.length - 1]}`;
}

/** The experiment's section: per comparison, a line per headline outcome, the others in one line, a table of points when few. */
export function experimentSection(a: SummaryInput, varied: readonly string[], lang: Lang): string[] {
  const { data } = a;
  const specs = new Map<string, MeasureSpec>(RUN_MEASURES.map((o) => [o.id, o] as const));
  const params = new Map(data.points.map((p) => [p.point, p.params] as const));
  const perScenario = Math.max(...data.scenarios.map((s) => data.points.filter((p) => p.scenario === s).length));
  const out: string[] = [`## ${t('summary.expHeading', lang)}`, '', t('summary.expIntro', lang, { list: variedText(a, varied, lang), n: formatter(lang).count(perScenario) }), ''];
  const title = (s: string): string => markdownText(scenarioTitle(data.scenarioInfo.get(s), s, lang));
  const compared = data.scenarios.filter((s) => a.comparison.some((r) => r.scenario === s));
  for (const s of compared) {
    const rows = a.comparison.filter((r) => r.scenario === s);
    const located = (outcome: string): Located[] =>
      rows.filter((r) => r.outcome === outcome).map((r) => ({ params: params.get(r.point) ?? {}, category: categoryOf(r) }));
    out.push(`### ${t('summary.compareHeading', lang, { s: title(s), ref: title(a.reference) })}`, '');
    const headline = HEADLINE.filter((o) => rows.some((r) => r.outcome === o));
    for (const o of headline) out.push(`- ${outcomeLine(o, located(o), varied, lang)}`);
    // The other outcomes: named only where a verdict of practical importance holds somewhere.
    const others = data.outcomes
      .map((o) => o.id)
      .filter((o) => !headline.includes(o as (typeof HEADLINE)[number]) && !specs.get(o)?.readBack)
      .filter((o) => rows.some((r) => r.outcome === o && !isConstant(r)))
      .map((o) => ({ o, points: located(o) }))
      .filter((x) => x.points.some((p) => ['better', 'worse', 'higher', 'lower'].includes(p.category)));
    const list = others.slice(0, MAX_OTHERS).map((x) => `${markdownText(measureName('run', x.o, lang))} (${countsText(x.points.filter((p) => ['better', 'worse', 'higher', 'lower'].includes(p.category)), lang)})`);
    const more = others.length > MAX_OTHERS ? t('summary.expOthersMore', lang, { n: formatter(lang).count(others.length - MAX_OTHERS) }) : '';
    out.push('', others.length > 0 ? t('summary.expOthers', lang, { list: `${list.join(', ')}${more}` }) : t('summary.expOthersNone', lang), '');
    const points = [...new Set(rows.map((r) => r.point))];
    if (points.length <= MAX_POINT_ROWS && headline.length > 0) {
      out.push(t('summary.expTableNote', lang), '');
      out.push(
        ...table(
          [...varied.map(code), ...headline.map((o) => measureName('run', o, lang))],
          points.map((p) => [
            ...varied.map((v) => paramValue(params.get(p)?.[v] ?? null, lang)),
            ...headline.map((o) => {
              const r = rows.find((x) => x.point === p && x.outcome === o);
              if (!r) return '?';
              const c = categoryOf(r);
              return CELL[c] ?? t(WORD[c], lang);
            }),
          ]),
        ),
        '',
      );
    }
  }
  out.push(t('summary.expPointer', lang), '');
  return out;
}

/** The survival table across points: per scenario and kind of spell, the range of the medians over its points. */
export function survivalAcrossPoints(a: SummaryInput, lang: Lang): string[] {
  const { data } = a;
  const f = formatter(lang);
  const rows = data.scenarios.flatMap((s) =>
    (['arrangement', 'membership'] as const).map((type) => {
      const list = a.survivalSummary.filter((r) => r.scenario === s && r.type === type);
      const reached = list.filter((r) => r.n > 0 && Number.isFinite(r.median)).map((r) => r.median);
      const notReached = list.filter((r) => r.n > 0 && !Number.isFinite(r.median)).length;
      const lo = Math.min(...reached);
      const hi = Math.max(...reached);
      const median = reached.length === 0 ? '–' : lo === hi ? months(lo, lang) : t('summary.between', lang, { lo: months(lo, lang), hi: months(hi, lang) });
      return [
        `*${title(s)}*`,
        t(type === 'arrangement' ? 'summary.arrangements' : 'summary.memberships', lang),
        median,
        `${f.count(notReached)} / ${f.count(list.length)}`,
        f.count(list.reduce((n, r) => n + r.n, 0)),
        f.count(list.reduce((n, r) => n + r.events, 0)),
      ];
    }),
  );
  function title(s: string): string {
    return markdownText(scenarioTitle(data.scenarioInfo.get(s), s, lang));
  }
  return table(
    [t('summary.thScenario', lang), t('summary.thWhat', lang), t('summary.expThMedian', lang), t('summary.expThNotReached', lang), t('summary.thCount', lang), t('summary.thEnded', lang)],
    rows,
  );
}

/** The whole summary.md of an experiment: summary-md's file with the parts that grow with the points made compact. */
export function renderExperimentMarkdown(a: SummaryInput, varied: readonly string[], lang: Lang): string {
  return renderSummaryMarkdown(a, lang, {
    comparisons: experimentSection(a, varied, lang),
    survival: survivalAcrossPoints(a, lang),
    precisionOutcomes: HEADLINE,
    reading: [t('summary.expReading', lang)],
  });
}
