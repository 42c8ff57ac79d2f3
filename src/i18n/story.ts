/**
 * What happened in a run, as sentences: the one home of how a join, an exit, a formation, a
 * dissolution, a scenario event or an election is told to people. story.md (src/analysis/story.ts),
 * the run report and the named timeline (src/charts/story-timeline.ts) all take their text from
 * {@link storyItems}.
 *
 * The model's reasons ("new council: too little value") are translated; a scenario's own texts
 * (its arrangement names, the reason it gives for ending one) are the user's words and are shown
 * as written, except that Dutch text leaves out a scenario's reason (it is usually English).
 *
 * Pure: no Node imports.
 */
import { domainName } from '../core/measures.js';
import { DOMAINS, type Domain } from '../core/domains.js';
import { MESSAGES, t, type MessageKey } from './catalogue.js';
import { formatter } from './format.js';
import type { Lang } from './lang.js';

/** An event as events.jsonl holds it (municipalities by name). */
export interface StoryEvent {
  date: string;
  type: string;
  municipalities?: readonly string[] | undefined;
  arrangement?: string | undefined;
  domain?: string | undefined;
  detail?: Readonly<Record<string, string | number | boolean | null>> | undefined;
}

/** An arrangement as summary.json `arrangements` holds it. */
export interface StoryArrangement {
  id: string;
  name: string;
  kind: string;
  formed: boolean;
  initiator?: string | undefined;
  domains: readonly string[];
}

export interface StoryMunicipality {
  code: string;
  name: string;
}

/** The names a story uses, in one language. */
export interface StoryNames {
  lang: Lang;
  /** Municipalities in the region. */
  total: number;
  /** An arrangement's name for people. */
  arrangement(id: string): string;
  /** A municipality's name from its code (the code when unknown). */
  municipality(code: string): string;
}

const isDomain = (d: string): d is Domain => (DOMAINS as readonly string[]).includes(d);

/** A domain's name in a language (the id when unknown). */
export function domainText(d: string, lang: Lang): string {
  return isDomain(d) ? domainName(d)[lang] : d;
}

/** A kind of arrangement in words ("gemeenschappelijke regeling"); the kind itself when unknown. */
export function kindText(kind: string, lang: Lang): string {
  const key = `story.kind.${kind}`;
  return key in MESSAGES ? t(key as MessageKey, lang) : kind;
}

/** "A, B and C" / "A, B en C". */
export function listText(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${t('story.and', lang)}${items[items.length - 1]}`;
}

/** The municipalities as a list, or "all nine municipalities" when it is all of them. */
export function whoText(names: readonly string[], total: number, lang: Lang): string {
  if (names.length === total && total > 2) return t('story.all', lang, { n: formatter(lang).word(total) });
  return listText(names, lang);
}

/** The first letter in upper case (sentences that begin with "the ..." or "de ..."). */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * The names of a run's arrangements and municipalities. A scenario's arrangement is called by its
 * name (by its kind when the scenario gave none); one the municipalities formed by its kind,
 * domain and initiator, with the year it was formed when two would read the same (`since`: the
 * month each arrangement began, from the spells).
 */
export function storyNames(arrangements: readonly StoryArrangement[] | undefined, municipalities: readonly StoryMunicipality[], lang: Lang, since: Readonly<Record<string, string>> = {}): StoryNames {
  const byCode = new Map(municipalities.map((m) => [m.code, m.name]));
  const municipality = (code: string): string => byCode.get(code) ?? code;
  const base = (a: StoryArrangement): string => {
    if (!a.formed) return a.name !== a.id ? a.name : t('story.scenarioKind', lang, { kind: kindText(a.kind, lang) });
    const key = `story.formed.${a.kind}`;
    const domain = domainText(a.domains[0] ?? '', lang);
    const initiator = a.initiator !== undefined ? municipality(a.initiator) : '?';
    return key in MESSAGES ? t(key as MessageKey, lang, { domain, initiator }) : a.name;
  };
  const labels = new Map((arrangements ?? []).map((a) => [a.id, base(a)]));
  const counts = new Map<string, number>();
  for (const l of labels.values()) counts.set(l, (counts.get(l) ?? 0) + 1);
  for (const [id, l] of labels) {
    const start = since[id];
    if ((counts.get(l) ?? 0) > 1 && start !== undefined) labels.set(id, `${l} ${t('story.since', lang, { year: start.slice(0, 4) })}`);
  }
  return {
    lang,
    total: municipalities.length,
    municipality,
    arrangement: (id) => labels.get(id) ?? id,
  };
}

/** The names of a run from its summary.json (arrangements, municipalities, and the spells for when each arrangement began). */
export function runStoryNames(summary: { arrangements?: readonly StoryArrangement[] | undefined; municipalities: readonly StoryMunicipality[]; spells: ReadonlyArray<{ type: string; arrangement: string; start: string }> }, lang: Lang): StoryNames {
  const since: Record<string, string> = {};
  for (const s of summary.spells) if (s.type === 'arrangement') since[s.arrangement] = s.start;
  return storyNames(summary.arrangements, summary.municipalities, lang, since);
}

const WHO = ['new council', 'budget review', 'austerity'] as const;
const WHY = ['too little value', 'no modules left', 'module gives too little value'] as const;

/** Why a member left or an arrangement ended, in words; a text the model does not write (a scenario's) as it is. */
export function reasonText(reason: string, lang: Lang): string {
  const m = /^(.+?): (.+)$/.exec(reason);
  if (m && (WHO as readonly string[]).includes(m[1]!) && (WHY as readonly string[]).includes(m[2]!)) {
    return `${t(`story.who.${m[1]}` as MessageKey, lang)}: ${t(`story.why.${m[2]}` as MessageKey, lang)}`;
  }
  if (reason.startsWith('grievances:')) return t('story.reason.grievances', lang);
  if (reason === 'dormant') return t('story.reason.dormant', lang);
  if (reason === 'too few members') return t('story.reason.tooFew', lang);
  const key = /^key member (.+) left$/.exec(reason);
  if (key) return t('story.reason.keyMember', lang, { name: key[1]! });
  return reason;
}

/** One thing that happened, told: a row of the named timeline, a line of the story. */
export interface StoryItem {
  date: string;
  /** The event type it tells (election: all elections of the month; scenario: with the austerity choices it caused). */
  type: string;
  /** The municipalities it concerns (names). */
  municipalities: string[];
  arrangement?: string;
  /** A short sentence: who and what (a chart label). */
  short: string;
  /** The whole sentence: with the reason, or what an election changed. */
  text: string;
}

/** The event types a story tells (the others are counted in its table of decisions). */
export const STORY_TYPES = ['scenario', 'election', 'formation', 'join', 'exit', 'dissolution'] as const;

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

function electionItem(date: string, elections: readonly StoryEvent[], revisits: readonly StoryEvent[], names: StoryNames): StoryItem {
  const { lang } = names;
  const f = formatter(lang);
  const who = elections.flatMap((e) => e.municipalities ?? []);
  const short = t('story.election', lang, { who: whoText(who, names.total, lang) });
  const parts: string[] = [];
  const warmer: string[] = [];
  const cooler: string[] = [];
  let before = 0;
  let after = 0;
  let n = 0;
  for (const e of elections) {
    const b = num(e.detail?.['stance_before']);
    const a = num(e.detail?.['stance']);
    if (a === undefined || b === undefined) continue;
    before += b;
    after += a;
    n += 1;
    const name = e.municipalities?.[0] ?? '?';
    if (a - b >= 0.1) warmer.push(name);
    else if (a - b <= -0.1) cooler.push(name);
  }
  if (warmer.length > 0) parts.push(t('story.electionWarmer', lang, { list: listText(warmer, lang) }));
  if (cooler.length > 0) parts.push(t('story.electionCooler', lang, { list: listText(cooler, lang) }));
  if (n > 0 && warmer.length === 0 && cooler.length === 0) parts.push(t('story.electionSteady', lang));
  if (n > 0) parts.push(t('story.electionMean', lang, { from: f.decimal(before / n, 2), to: f.decimal(after / n, 2) }));
  const dropped = revisits.reduce((s, e) => s + (num(e.detail?.['dropped']) ?? 0), 0);
  if (dropped > 0) parts.push(t('story.agendaDropped', lang, { n: dropped === 1 ? t('story.item', lang) : t('story.items', lang, { n: f.count(dropped) }) }));
  return { date, type: 'election', municipalities: who, short, text: parts.length > 0 ? `${short}: ${parts.join('; ')}` : short };
}

function scenarioItem(e: StoryEvent, choices: readonly StoryEvent[], names: StoryNames): StoryItem | undefined {
  const { lang } = names;
  const f = formatter(lang);
  const event = str(e.detail?.['event']);
  const arrangement = e.arrangement !== undefined ? names.arrangement(e.arrangement) : '';
  const who = [...(e.municipalities ?? [])];
  const base = { date: e.date, type: 'scenario', municipalities: who, ...(e.arrangement !== undefined ? { arrangement: e.arrangement } : {}) };
  switch (event) {
    case 'start-arrangement': {
      const short = capitalise(t('story.decreeStart', lang, { arrangement, kind: kindText(str(e.detail?.['kind']) ?? '', lang), who: whoText(who, names.total, lang) }));
      return { ...base, short, text: short };
    }
    case 'end-arrangement': {
      const short = capitalise(t('story.decreeEnd', lang, { arrangement }));
      const reason = str(e.detail?.['reason']);
      return { ...base, short, text: lang === 'en' && reason !== undefined && reason !== 'scenario event' ? t('story.because', lang, { sentence: short, reason }) : short };
    }
    case 'change-arrangement': {
      const short = t('story.decreeChange', lang, { arrangement });
      return { ...base, short, text: short };
    }
    case 'task-rate': {
      const short = capitalise(t('story.taskRate', lang, { domain: domainText(e.domain ?? '', lang), factor: f.significant(num(e.detail?.['multiplier'])) }));
      return { ...base, short, text: short };
    }
    case 'austerity': {
      const capacity = num(e.detail?.['capacity']);
      const short = t('story.austerity', lang, { percent: capacity === undefined ? '?' : f.percent(1 - capacity) });
      const regional = choices.filter((c) => c.detail?.['cut'] === 'regional work first').flatMap((c) => c.municipalities ?? []);
      const how = choices.length === 0 ? undefined
        : regional.length === 0 ? t('story.austerityNone', lang)
          : regional.length === choices.length ? t('story.austerityAll', lang)
            : t('story.austerityChoices', lang, { list: listText(regional, lang) });
      return { ...base, short, text: how === undefined ? short : `${short}: ${how}` };
    }
    default:
      return undefined;
  }
}

/**
 * The story of a run's events, in order: every join, exit, formation and dissolution, every
 * scenario event (an austerity with the choices it caused, an arrangement ended from outside
 * instead of its dissolution), and each month of council elections as one item with what it
 * changed.
 */
export function storyItems(events: readonly StoryEvent[], names: StoryNames): StoryItem[] {
  const { lang } = names;
  const items: StoryItem[] = [];
  const byMonth = new Map<string, StoryEvent[]>();
  for (const e of events) {
    let list = byMonth.get(e.date);
    if (list === undefined) byMonth.set(e.date, (list = []));
    list.push(e);
  }
  /** Memberships a municipality has left before (arrangement|module|name), to tell a return. */
  const left = new Set<string>();
  const months = [...byMonth.keys()].sort();
  for (const month of months) {
    const list = byMonth.get(month)!;
    const decreed = new Set(list.filter((e) => e.type === 'scenario' && e.detail?.['event'] === 'end-arrangement').map((e) => e.arrangement));
    let electionDone = false;
    for (const e of list) {
      const arrangement = e.arrangement !== undefined ? names.arrangement(e.arrangement) : '';
      const involved = [...(e.municipalities ?? [])];
      const who = listText(involved, lang);
      const domain = e.domain !== undefined ? domainText(e.domain, lang) : undefined;
      const base = { date: e.date, type: e.type, municipalities: involved, ...(e.arrangement !== undefined ? { arrangement: e.arrangement } : {}) };
      const because = (short: string, reason: string | undefined): string => (reason === undefined ? short : t('story.because', lang, { sentence: short, reason: reasonText(reason, lang) }));
      switch (e.type) {
        case 'election': {
          if (electionDone) break;
          electionDone = true;
          items.push(electionItem(month, list.filter((x) => x.type === 'election'), list.filter((x) => x.type === 'agenda-revisit'), names));
          break;
        }
        case 'scenario': {
          const item = scenarioItem(e, e.detail?.['event'] === 'austerity' ? list.filter((x) => x.type === 'austerity-choice') : [], names);
          if (item) items.push(item);
          break;
        }
        case 'formation': {
          const short = e.detail?.['extended'] === true
            ? capitalise(t('story.extended', lang, { arrangement, domain: domain ?? '' }))
            : t('story.formation', lang, { who, arrangement });
          items.push({ ...base, short, text: short });
          break;
        }
        case 'join': {
          const key = `${e.arrangement}|${e.domain ?? ''}|${who}`;
          const short = domain !== undefined ? t('story.joinModule', lang, { who, domain, arrangement }) : t(left.has(key) ? 'story.rejoin' : 'story.join', lang, { who, arrangement });
          items.push({ ...base, short, text: short });
          break;
        }
        case 'exit': {
          left.add(`${e.arrangement}|${e.domain ?? ''}|${who}`);
          const short = domain !== undefined ? t('story.exitModule', lang, { who, domain, arrangement }) : t('story.exit', lang, { who, arrangement });
          items.push({ ...base, short, text: because(short, str(e.detail?.['reason'])) });
          break;
        }
        case 'dissolution': {
          if (decreed.has(e.arrangement)) break;
          const short = capitalise(t('story.dissolution', lang, { arrangement }));
          items.push({ ...base, short, text: because(short, str(e.detail?.['reason'])) });
          break;
        }
        default:
          break;
      }
    }
  }
  return items;
}
