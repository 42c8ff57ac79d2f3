/**
 * The story charts of a single run: who is in which arrangement, month by month (from the
 * membership spells of summary.json), and a timeline with names (every join, exit, formation,
 * dissolution, scenario event and election on its own row, labelled with who and what, from
 * events.jsonl through the story's sentences, src/i18n/story.ts).
 *
 * Pure: no file access.
 */
import type { RunSummary } from '../formats/json-files.js';
import { capitalise, domainText, eventName, formatter, kindText, reasonText, storyItems, runStoryNames, t, type StoryEvent } from '../i18n/index.js';
import { chartMarkers, frame, markersNote, NoDataError, resolveOptions, round, timeMarkerLayers, yearAxis, yearFraction, type ChartOptions, type VlSpec } from './common.js';
import { OKABE_ITO } from './theme.js';

export interface RunStoryChartOptions extends ChartOptions {
  scenario: string;
  seed: number | string;
}

/** Colours of the kinds of arrangement (the same in every run). */
const KIND_COLOURS: Readonly<Record<string, string>> = {
  'wgr-plus': OKABE_ITO.blue, gr: OKABE_ITO.vermillion, 'modular-gr': OKABE_ITO.reddishPurple, basiscoalitie: OKABE_ITO.bluishGreen,
  convenant: OKABE_ITO.orange, network: OKABE_ITO.skyBlue, centrumgemeente: '#7a5c00',
};

/**
 * Membership over time: one panel per arrangement (and per module of a modular one), one row per
 * municipality (largest first; every municipality, so an empty row is one that was not a member),
 * a bar for the months it was a member, coloured by the kind of arrangement.
 */
export function membershipChart(summary: RunSummary, opts: RunStoryChartOptions): VlSpec {
  const r = resolveOptions(opts);
  const f = formatter(r.lang);
  const names = runStoryNames(summary, r.lang);
  const from = yearFraction(summary.start);
  const to = yearFraction(summary.end) + 1 / 12;
  const order = [...summary.municipalities].sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : 1)).map((m) => m.name);
  const ids = (summary.arrangements ?? []).map((a) => a.id);
  for (const s of summary.spells) if (!ids.includes(s.arrangement)) ids.push(s.arrangement);
  const panels: Array<{ key: string; title: string; values: Array<Record<string, unknown>> }> = [];
  for (const id of ids) {
    const spells = summary.spells.filter((s) => s.type === 'membership' && s.arrangement === id);
    const modules = [...new Set(spells.map((s) => s.module ?? ''))].sort();
    for (const module of modules) {
      const own = spells.filter((s) => (s.module ?? '') === module);
      if (own.length === 0) continue;
      const arrangement = capitalise(names.arrangement(id));
      const title = module === '' ? arrangement : t('chart.module', r.lang, { arrangement, domain: domainText(module, r.lang) });
      panels.push({
        key: `${id}|${module}`, title,
        values: own.map((s) => ({
          municipality: names.municipality(s.municipality ?? ''),
          kind: kindText(s.kind, r.lang),
          x: round(Math.max(from, yearFraction(s.start)), 8),
          x2: round(s.end === null ? to : yearFraction(s.end), 8),
          from: f.month(s.start),
          until: s.end === null ? t('chart.untilEnd', r.lang) : f.month(s.end),
          ended: s.end === null ? '' : s.ended === 0 ? t('chart.endedFromOutside', r.lang) : capitalise(reasonText(s.reason, r.lang)),
        })),
      });
    }
  }
  if (panels.length === 0) throw new NoDataError('no memberships');
  const kinds = [...new Set(summary.spells.filter((s) => s.type === 'membership').map((s) => s.kind))];
  const domain = kinds.map((k) => kindText(k, r.lang));
  const range = kinds.map((k) => KIND_COLOURS[k] ?? OKABE_ITO.black);
  const markers = chartMarkers(r, opts, [opts.scenario]);
  const step = r.theme === 'slides' ? 26 : 14;
  return frame(r, t('chart.membershipTitle', r.lang, { scenario: opts.scenario, seed: opts.seed }), [t('chart.membershipSubtitle', r.lang), markersNote(from, to, r, markers)], {
    vconcat: panels.map((p, i) => {
      const last = i === panels.length - 1;
      const base = yearAxis(from, to, r, last ? t('chart.year', r.lang) : null);
      return {
        title: { text: p.title, fontSize: r.sizes.axisTitle, fontWeight: 'bold', anchor: 'start' },
        width: r.sizes.width,
        height: { step },
        layer: [
          ...timeMarkerLayers(from, to, r, markers, { labels: i === 0 }),
          {
            data: { values: p.values },
            mark: { type: 'bar', cornerRadius: 2 },
            encoding: {
              x: { ...base, axis: { ...(base['axis'] as Record<string, unknown>), labels: last } },
              x2: { field: 'x2' },
              y: { field: 'municipality', type: 'nominal', sort: order, scale: { domain: order }, title: null, axis: { grid: true, gridColor: '#f0f0f0' } },
              color: { field: 'kind', type: 'nominal', title: t('chart.kind', r.lang), scale: { domain, range }, legend: { orient: 'bottom', direction: 'horizontal', titleOrient: 'left' } },
              tooltip: [
                { field: 'municipality', type: 'nominal', title: t('chart.member', r.lang) },
                { field: 'kind', type: 'nominal', title: t('chart.kind', r.lang) },
                { field: 'from', type: 'nominal', title: t('chart.from', r.lang) },
                { field: 'until', type: 'nominal', title: t('chart.until', r.lang) },
                { field: 'ended', type: 'nominal', title: t('chart.howEnded', r.lang) },
              ],
            },
          },
        ],
      };
    }),
    spacing: r.theme === 'slides' ? 24 : 14,
    resolve: { scale: { color: 'shared' } },
  });
}

/** Rows the named timeline shows at most (a run with more structural events shows the first ones, and says so). */
export const STORY_TIMELINE_MAX = 80;

/** Colours of the kinds of story event. */
const EVENT_COLOURS: Readonly<Record<string, string>> = {
  scenario: '#333333', election: OKABE_ITO.skyBlue, formation: OKABE_ITO.bluishGreen, join: OKABE_ITO.blue, exit: OKABE_ITO.vermillion, dissolution: OKABE_ITO.reddishPurple,
};

/**
 * The timeline with names: one row per thing that happened (the story's items), labelled with
 * the month, who and what; the mark's colour says the kind of event, the tooltip the whole
 * sentence (with the reason, or what an election changed).
 */
export function storyTimelineChart(events: readonly StoryEvent[], summary: RunSummary, opts: RunStoryChartOptions): VlSpec {
  const r = resolveOptions(opts);
  const f = formatter(r.lang);
  const all = storyItems(events, runStoryNames(summary, r.lang));
  if (all.length === 0) throw new NoDataError('nothing happened');
  const items = all.slice(0, STORY_TIMELINE_MAX);
  const seen = new Map<string, number>();
  const values = items.map((item) => {
    let label = `${f.month(item.date)} · ${capitalise(item.short)}`;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    if (n > 1) label = `${label} (${n})`;
    return { x: round(yearFraction(item.date), 8), label, type: eventName(item.type, r.lang), text: capitalise(item.text), date: f.month(item.date) };
  });
  const types = [...new Set(items.map((i) => i.type))];
  const from = yearFraction(summary.start);
  const to = yearFraction(summary.end) + 1 / 12;
  const markers = chartMarkers(r, opts, [opts.scenario]);
  const notes = [t('chart.storyTimelineSubtitle', r.lang), markersNote(from, to, r, markers), ...(all.length > items.length ? [t('chart.storyTimelineCut', r.lang, { n: items.length, total: all.length })] : [])];
  return frame(r, t('chart.storyTimelineTitle', r.lang, { scenario: opts.scenario, seed: opts.seed }), notes, {
    width: r.sizes.width,
    height: { step: r.theme === 'slides' ? 34 : 18 },
    layer: [
      ...timeMarkerLayers(from, to, r, markers, { labels: false }),
      {
        data: { values },
        mark: { type: 'point', filled: true, size: r.sizes.pointSize * 1.5, opacity: 0.9 },
        encoding: {
          x: yearAxis(from, to, r),
          y: { field: 'label', type: 'nominal', sort: values.map((v) => v.label), title: null, axis: { grid: true, gridColor: '#f0f0f0', labelLimit: r.theme === 'slides' ? 900 : 520 } },
          color: { field: 'type', type: 'nominal', title: t('chart.event', r.lang), scale: { domain: types.map((ty) => eventName(ty, r.lang)), range: types.map((ty) => EVENT_COLOURS[ty] ?? OKABE_ITO.black) }, legend: { orient: 'bottom', direction: 'horizontal', titleOrient: 'left' } },
          tooltip: [
            { field: 'date', type: 'nominal', title: t('chart.date', r.lang) },
            { field: 'text', type: 'nominal', title: t('chart.what', r.lang) },
          ],
        },
      },
    ],
  });
}
