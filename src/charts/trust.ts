/**
 * The trust matrix of one run (trust.csv) as heatmaps at chosen snapshot dates: rows are the
 * municipalities that trust, columns the ones trusted, colour is effective trust on one scale
 * shared by all snapshots, so they compare. Municipalities are ordered by population (given by the
 * caller) or, without populations, by the trust they receive.
 */
import { frame, resolveOptions, round, wrapText, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { t } from '../i18n/index.js';
import type { TrustRow } from './rows.js';
import { SEQUENTIAL_SCHEME } from './theme.js';

export interface TrustOptions extends ChartOptions {
  /** Snapshot dates to show (default: the first, the one nearest the middle, and the last). */
  dates?: readonly string[];
  /** Municipality codes in display order, e.g. by population, largest first. */
  order?: readonly string[];
}

/** The default snapshots: first, middle and last (distinct). */
export function defaultTrustDates(rows: readonly TrustRow[]): string[] {
  const dates = [...new Set(rows.map((row) => row.date))].sort();
  if (dates.length <= 3) return dates;
  const mid = dates[Math.floor((dates.length - 1) / 2)]!;
  return [dates[0]!, mid, dates[dates.length - 1]!];
}

export function trustChart(rows: readonly TrustRow[], opts: TrustOptions = {}): VlSpec {
  const r = resolveOptions(opts);
  if (rows.length === 0) throw new NoDataError('no trust rows');
  const dates = opts.dates ?? defaultTrustDates(rows);
  const chosen = rows.filter((row) => dates.includes(row.date));
  if (chosen.length === 0) throw new NoDataError(`no trust snapshots at ${dates.join(', ')}`);
  const names = new Map<string, string>();
  for (const row of rows) {
    names.set(row.from_code, row.from_name);
    names.set(row.to_code, row.to_name);
  }
  let order: string[];
  if (opts.order !== undefined) {
    order = opts.order.filter((c) => names.has(c));
    for (const c of [...names.keys()].sort()) if (!order.includes(c)) order.push(c);
  } else {
    // Seriation fallback: most trusted first, at the last chosen snapshot.
    const last = [...dates].sort().at(-1);
    const received = new Map<string, number>();
    for (const row of chosen) if (row.date === last) received.set(row.to_code, (received.get(row.to_code) ?? 0) + row.trust);
    order = [...names.keys()].sort((a, b) => (received.get(b) ?? 0) - (received.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  }
  const nameOrder = order.map((c) => names.get(c)!);
  const labelText = (label: string): string => (label === 'start' ? t('chart.start', r.lang) : label === 'end' ? t('chart.end', r.lang) : label === 'election' ? t('chart.election', r.lang).toLowerCase() : label);
  const snapshots: string[] = [];
  const values = chosen.map((row) => {
    const snapshot = `${row.date} (${labelText(row.label)})`;
    if (!snapshots.includes(snapshot)) snapshots.push(snapshot);
    return {
      snapshot, from: row.from_name, to: row.to_name, trust: round(row.trust, 4),
      personal: row.personal === null || row.personal === undefined ? null : round(row.personal, 4),
      institutional: row.institutional === null || row.institutional === undefined ? null : round(row.institutional, 4),
    };
  });
  snapshots.sort();
  const cell = r.theme === 'slides' ? Math.max(22, Math.min(44, Math.floor(560 / order.length))) : Math.max(14, Math.min(26, Math.floor(300 / order.length)));
  const columns = r.theme === 'slides' && order.length > 12 ? 1 : snapshots.length === 4 ? 2 : Math.min(snapshots.length, 3);
  // Colour range: the data's range widened to tenths and shared by all snapshots, so differences
  // show while snapshots stay comparable (the subtitle says the scale is cut).
  const trusts = values.map((v) => v.trust);
  const lo = Math.max(0, Math.floor(Math.min(...trusts) * 10) / 10);
  const hi = Math.min(1, Math.ceil(Math.max(...trusts) * 10) / 10);
  const domain = hi > lo ? [lo, hi] : [0, 1];
  const fmt = (x: number): string => x.toFixed(1).replace('.', r.lang === 'nl' ? ',' : '.');
  const subtitle = [
    ...wrapText(t('chart.trustDefinition', r.lang), r, Math.max(r.sizes.width, columns * order.length * cell)),
    t(opts.order !== undefined ? 'chart.trustSubtitle' : 'chart.trustSubtitleCustom', r.lang),
    ...(domain[0] !== 0 || domain[1] !== 1 ? [t('chart.trustRange', r.lang, { lo: fmt(domain[0]!), hi: fmt(domain[1]!) })] : []),
  ];
  return frame(r, t('chart.trustTitle', r.lang), subtitle, {
    data: { values },
    facet: { field: 'snapshot', type: 'nominal', title: null, sort: snapshots },
    columns,
    spec: {
      width: { step: cell },
      height: { step: cell },
      mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
      encoding: {
        x: { field: 'to', type: 'nominal', sort: nameOrder, title: t('chart.trusted', r.lang), axis: { labelAngle: -45, labelAlign: 'right' } },
        y: { field: 'from', type: 'nominal', sort: nameOrder, title: t('chart.trusting', r.lang) },
        color: {
          field: 'trust', type: 'quantitative', title: t('chart.trust', r.lang),
          scale: { scheme: SEQUENTIAL_SCHEME, domain },
          legend: { orient: 'right', gradientLength: r.theme === 'slides' ? 260 : 140, format: '.2f' },
        },
        tooltip: [
          { field: 'snapshot', type: 'nominal', title: t('chart.date', r.lang) },
          { field: 'from', type: 'nominal', title: t('chart.trusting', r.lang) },
          { field: 'to', type: 'nominal', title: t('chart.trusted', r.lang) },
          { field: 'trust', type: 'quantitative', title: t('chart.trust', r.lang), format: '.3f' },
          { field: 'personal', type: 'quantitative', title: t('chart.personal', r.lang), format: '.3f' },
          { field: 'institutional', type: 'quantitative', title: t('chart.institutional', r.lang), format: '.3f' },
        ],
      },
    },
  });
}
