/**
 * story.md: a single run told in words, from its output files (summary.json, events.jsonl,
 * timeseries.csv): the arrangements at the start and who was in them, what happened month by
 * month (who joined, who left and why, what was formed and dissolved, what the scenario changed,
 * what each election changed), what the tables decided, the arrangements at the end and the
 * run's outcomes. `regiosim run` writes it into every run, `regiosim story` (re)writes it from
 * a run's folder, and the run report shows it.
 *
 * The sentences themselves come from src/i18n/story.ts (shared with the named timeline). Pure:
 * the same files give the same text, in English or Dutch.
 */
import { HEADLINE } from '../core/measures.js';
import type { RunSummary } from '../formats/json-files.js';
import {
  capitalise, domainText, formatter, kindText, listText, measureName, measureUnit, storyItems, runStoryNames, t, whoText, type Lang, type StoryEvent, type StoryItem, type StoryNames,
} from '../i18n/index.js';
import { markdownText } from './summary-md.js';

/** A value of timeseries.csv: one month, one column. */
export interface StorySeriesRow {
  date: string;
  measure: string;
  value: number | null;
}

export interface StoryInput {
  summary: RunSummary;
  events: readonly StoryEvent[];
  /** timeseries.csv in long form (optional: without it the story leaves out the trust line). */
  series?: readonly StorySeriesRow[];
}

/** The names of a run: its arrangements and municipalities, in the language. */
export function runNames(summary: RunSummary, lang: Lang): StoryNames {
  return runStoryNames(summary, lang);
}

/** The story's items (the named timeline draws the same ones). */
export function runStoryItems(input: StoryInput, lang: Lang): StoryItem[] {
  return storyItems(input.events, runNames(input.summary, lang));
}

type Spell = RunSummary['spells'][number];

/** Arrangement ids in the order they were set up (summary.json), then any other the spells name. */
function arrangementOrder(summary: RunSummary): string[] {
  const out = (summary.arrangements ?? []).map((a) => a.id);
  for (const s of summary.spells) if (!out.includes(s.arrangement)) out.push(s.arrangement);
  return out;
}

/** Members (names, in the region's order) of an arrangement's core whose spells `keep` selects. */
function members(summary: RunSummary, id: string, keep: (s: Spell) => boolean): string[] {
  const codes = new Set(summary.spells.filter((s) => s.type === 'membership' && s.arrangement === id && s.module === undefined && keep(s)).map((s) => s.municipality));
  return summary.municipalities.filter((m) => codes.has(m.code)).map((m) => m.name);
}

function arrangementLines(summary: RunSummary, names: StoryNames, keep: (s: Spell) => boolean, withDomains: boolean): string[] {
  const { lang } = names;
  const info = new Map((summary.arrangements ?? []).map((a) => [a.id, a]));
  const lines: string[] = [];
  for (const id of arrangementOrder(summary)) {
    const who = members(summary, id, keep);
    if (who.length === 0) continue;
    const a = info.get(id);
    const kind = a?.kind ?? summary.spells.find((s) => s.arrangement === id)?.kind ?? '';
    const own = summary.spells.find((s) => s.type === 'arrangement' && s.arrangement === id);
    const about = [kindText(kind, lang)];
    if (withDomains && a !== undefined && a.domains.length > 0) about.push(listText(a.domains.map((d) => domainText(d, lang)), lang));
    if (a?.formed && own !== undefined) about.push(t('story.formedIn', lang, { date: formatter(lang).month(own.start) }));
    lines.push(`- **${markdownText(capitalise(names.arrangement(id)))}** (${markdownText(about.join('; '))}): ${markdownText(whoText(who, names.total, lang))}.`);
  }
  return lines;
}

function countText(n: number, lang: Lang): string {
  return n === 1 ? t('story.arrangementOne', lang) : t('story.arrangementCount', lang, { n: formatter(lang).word(n) });
}

const DECIDED = ['decision', 'forced-vote', 'mandje', 'deadlock', 'completed', 'failed'] as const;

function decidedTable(input: StoryInput, names: StoryNames): string[] {
  const { lang } = names;
  const f = formatter(lang);
  const rows = new Map<string, Record<(typeof DECIDED)[number] | 'value', number>>();
  const zero = (): Record<(typeof DECIDED)[number] | 'value', number> => ({ decision: 0, 'forced-vote': 0, mandje: 0, deadlock: 0, completed: 0, failed: 0, value: 0 });
  for (const e of input.events) {
    if (!(DECIDED as readonly string[]).includes(e.type)) continue;
    const key = e.arrangement ?? '';
    let row = rows.get(key);
    if (row === undefined) rows.set(key, (row = zero()));
    row[e.type as (typeof DECIDED)[number]] += 1;
    if (e.type === 'completed' || e.type === 'failed') {
      const v = e.detail?.['value'];
      if (typeof v === 'number' && Number.isFinite(v)) row.value += v;
    }
  }
  const total = zero();
  for (const row of rows.values()) for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += row[k];
  if (total.decision + total['forced-vote'] === 0) return [t('story.decidedNone', lang)];
  const order = [...arrangementOrder(input.summary).filter((id) => rows.has(id)), ...[...rows.keys()].filter((id) => id !== '' && !arrangementOrder(input.summary).includes(id)).sort(), ...(rows.has('') ? [''] : [])];
  const cells = (label: string, r: typeof total): string =>
    `| ${label} | ${f.count(r.decision + r['forced-vote'])} | ${f.count(r['forced-vote'])} | ${f.count(r.mandje)} | ${f.count(r.deadlock)} | ${f.count(r.completed)} | ${f.count(r.failed)} | ${f.decimal(r.value, 1)} |`;
  const head = ['colTable', 'colDecisions', 'colForced', 'colMandjes', 'colDeadlocks', 'colCompleted', 'colFailed', 'colValue'] as const;
  return [
    t('story.decidedIntro', lang),
    '',
    `| ${head.map((h) => t(`story.${h}`, lang)).join(' | ')} |`,
    `|---|${head.slice(1).map(() => '---:').join('|')}|`,
    ...order.map((id) => cells(markdownText(id === '' ? t('story.adHoc', lang) : capitalise(names.arrangement(id))), rows.get(id)!)),
    ...(order.length > 1 ? [cells(`**${t('story.total', lang)}**`, total)] : []),
  ];
}

function outcomeLines(input: StoryInput, lang: Lang): string[] {
  const f = formatter(lang);
  const { summary } = input;
  const lines = [t('story.outcomesIntro', lang, { from: f.month(summary.evaluation.from), to: f.month(summary.evaluation.to) }), ''];
  const outcomes = summary.outcomes as Record<string, number | null>;
  for (const id of HEADLINE) {
    const v = outcomes[id];
    if (v === undefined) continue;
    lines.push(`- ${measureName('run', id, lang)}: ${f.significant(v)} ${measureUnit('run', id, lang)}`);
  }
  const trust = (input.series ?? []).filter((r): r is StorySeriesRow & { value: number } => r.measure === 'trust_mean' && typeof r.value === 'number' && Number.isFinite(r.value));
  if (trust.length > 1) {
    const first = trust[0]!;
    const last = trust[trust.length - 1]!;
    lines.push('', t('story.trustLine', lang, { from: f.decimal(first.value, 2), start: f.month(first.date), to: f.decimal(last.value, 2), end: f.month(last.date) }));
  }
  const losers = summary.municipalities.filter((m) => {
    const net = (m.measures as Record<string, number | null>)['net'];
    return typeof net === 'number' && net < 0;
  });
  lines.push('', losers.length > 0 ? markdownText(t('story.losers', lang, { list: listText(losers.map((m) => m.name), lang) })) : t('story.noLosers', lang));
  return lines;
}

/** story.md of a run, in the language. */
export function runStory(input: StoryInput, lang: Lang): string {
  const f = formatter(lang);
  const { summary } = input;
  const names = runNames(summary, lang);
  const title = lang === 'nl' ? (summary.title_nl ?? summary.title) : summary.title;
  const out: string[] = [`# ${markdownText(t('story.title', lang, { title }))}`, ''];
  out.push(markdownText(t('story.intro', lang, {
    region: summary.region_name ?? summary.region, n: f.word(summary.municipalities.length), start: f.month(summary.start), end: f.month(summary.end),
    seed: summary.seed, from: f.month(summary.evaluation.from), to: f.month(summary.evaluation.to),
  })), '');

  out.push(`## ${t('story.atStart', lang)}`, '');
  const atStart = arrangementLines(summary, names, (s) => s.start < summary.start, false);
  out.push(atStart.length > 0 ? t('story.atStartIntro', lang, { date: f.month(summary.start), n: countText(atStart.length, lang) }) : t('story.atStartNone', lang, { date: f.month(summary.start) }));
  if (atStart.length > 0) out.push('', ...atStart);
  out.push('');

  out.push(`## ${t('story.happened', lang)}`, '');
  const items = storyItems(input.events, names);
  if (!items.some((i) => i.type !== 'election')) out.push(t('story.nothingHappened', lang), '');
  let year = '';
  for (const item of items) {
    const y = item.date.slice(0, 4);
    if (y !== year) {
      if (year !== '') out.push('');
      out.push(`### ${y}`, '');
      year = y;
    }
    out.push(`- **${capitalise(f.month(item.date))}.** ${markdownText(capitalise(item.text))}.`);
  }
  if (items.length > 0) out.push('');

  out.push(`## ${t('story.decided', lang)}`, '', ...decidedTable(input, names), '');

  out.push(`## ${t('story.atEnd', lang)}`, '');
  const atEnd = arrangementLines(summary, names, (s) => s.end === null, true);
  out.push(atEnd.length > 0 ? t('story.atEndIntro', lang, { date: f.month(summary.end), n: countText(atEnd.length, lang) }) : t('story.atEndNone', lang, { date: f.month(summary.end) }));
  if (atEnd.length > 0) out.push('', ...atEnd);
  out.push('');

  out.push(`## ${t('story.outcomes', lang)}`, '', ...outcomeLines(input, lang), '');
  out.push(`*${t('story.footer', lang)}*`, '');
  return out.join('\n');
}
