/**
 * The event ticker: one plain sentence per event of events.jsonl ("March 2018: new council in
 * Westland, which leaves the basiscoalitie: too little value"), in English or Dutch. Frequent
 * events of the daily work (decisions, majority votes, completions, lapses, civil servants
 * leaving) are not told: the charts show them. Pure.
 */
import { domainName } from '../core/measures.js';
import type { ModelEvent } from '../core/results.js';
import { formatter, t, type Lang, type MessageKey } from '../i18n/index.js';

/** The reason of an exit or dissolution as the model records it, in plain words. */
export function reasonText(reason: string, lang: Lang): string {
  const who = /^(new council|budget review|austerity): (.*)$/.exec(reason);
  const what = who ? who[2]! : reason;
  const prefix = who && who[1] === 'budget review' ? `${t('playground.why.review', lang)}, ` : who && who[1] === 'austerity' ? `${t('playground.why.austerity', lang)}, ` : '';
  const key = /^key member (.*) left$/.exec(what);
  const known: Record<string, MessageKey> = {
    'too little value': 'playground.why.tooLittleValue',
    'module gives too little value': 'playground.why.moduleTooLittleValue',
    'no modules left': 'playground.why.noModules',
    'grievances: bound against its interest or let down by partners': 'playground.why.grievances',
    'too few members': 'playground.why.tooFew',
    dormant: 'playground.why.dormant',
  };
  if (key) return prefix + t('playground.why.keyMember', lang, { m: key[1]! });
  const k = known[what];
  // A reason written in a scenario file (an end-arrangement event) is the user's own text.
  return k ? prefix + t(k, lang) : reason;
}

function names(ms: readonly string[], lang: Lang): string {
  if (ms.length <= 1) return ms[0] ?? '';
  return `${ms.slice(0, -1).join(', ')}${t('playground.and', lang)}${ms[ms.length - 1]}`;
}

/** Arrangement names by id, for the sentences (an id when the name is unknown). */
export type ArrangementNames = ReadonlyMap<string, string>;

/**
 * The sentences of one month's events, in the order they happened; an exit by a new council
 * right after its election is told with the election ("new council in X, which leaves ...").
 */
export function tickerLines(events: readonly ModelEvent[], arrangements: ArrangementNames, lang: Lang): string[] {
  const out: string[] = [];
  const f = formatter(lang);
  const told = new Set<number>();
  events.forEach((e, k) => {
    if (told.has(k)) return;
    const date = f.month(e.date);
    const m = names(e.municipalities, lang);
    const a = e.arrangement === undefined ? '' : (arrangements.get(e.arrangement) ?? e.arrangement);
    const d = e.detail ?? {};
    switch (e.type) {
      case 'election': {
        const exit = events.findIndex((x, i) => i > k && !told.has(i) && x.type === 'exit' && x.municipalities[0] === e.municipalities[0] && String(x.detail?.['reason'] ?? '').startsWith('new council: '));
        if (exit >= 0) {
          told.add(exit);
          const x = events[exit]!;
          out.push(t('playground.ev.exitAfterElection', lang, { date, m, a: x.arrangement === undefined ? '' : (arrangements.get(x.arrangement) ?? x.arrangement), reason: reasonText(String(x.detail?.['reason'] ?? ''), lang) }));
          return;
        }
        const before = Number(d['stance_before']);
        const after = Number(d['stance']);
        const key: MessageKey = after > before + 0.05 ? 'playground.ev.electionWarmer' : after < before - 0.05 ? 'playground.ev.electionCooler' : 'playground.ev.election';
        out.push(t(key, lang, { date, m }));
        return;
      }
      case 'exit':
        out.push(t('playground.ev.exit', lang, { date, m, a, reason: reasonText(String(d['reason'] ?? ''), lang) }));
        return;
      case 'join':
        out.push(t('playground.ev.join', lang, { date, m, a }));
        return;
      case 'formation':
        if (d['extended'] === true && e.domain !== undefined) out.push(t('playground.ev.extension', lang, { date, a, domain: domainName(e.domain)[lang] }));
        else out.push(t('playground.ev.formation', lang, { date, m, a }));
        return;
      case 'dissolution':
        out.push(t('playground.ev.dissolution', lang, { date, a, reason: reasonText(String(d['reason'] ?? ''), lang) }));
        return;
      case 'scenario': {
        const label = typeof d['label'] === 'string' ? d['label'] : '';
        if (label !== '') out.push(t('playground.ev.scenario', lang, { date, label }));
        return;
      }
      case 'secretary-turnover':
        out.push(t('playground.ev.secretary', lang, { date, m }));
        return;
      case 'austerity-choice':
        out.push(t(d['cut'] === 'regional work first' ? 'playground.ev.austerityRegional' : 'playground.ev.austerityOwn', lang, { date, m }));
        return;
      case 'agenda-revisit':
        out.push(t('playground.ev.agenda', lang, { date, a, n: f.count(Number(d['dropped'] ?? 0)) }));
        return;
      case 'mandje':
        if (a !== '') out.push(t('playground.ev.mandje', lang, { date, a }));
        return;
      case 'deadlock':
        if (a !== '') out.push(t('playground.ev.deadlock', lang, { date, a }));
        return;
      default:
        return;
    }
  });
  return out;
}
