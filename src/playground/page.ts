/// <reference lib="dom" />
/**
 * The playground page: scenario choice and validation, the controls generated from the
 * parameter registry, play/pause/step with the month shown, live charts, the map, the event
 * ticker, the paired comparison and the exports. It runs in the browser only (bundled into
 * playground.html by src/playground/build.ts); the model runs in the worker.
 *
 * The page's settings are a scenario file: the chosen scenario's YAML, edited by the controls.
 * Every change is checked as `regiosim validate` checks a file (src/io/scenario-check.ts), and
 * the exported YAML is exactly the text that was checked and run.
 */
import { parse as parseYamlText, stringify } from 'yaml';
import { feature } from 'topojson-client';
import { DOMAINS, type Domain } from '../core/domains.js';
import { ARRANGEMENT_KINDS } from '../core/entities/arrangement.js';
import { isBounded01, measure, HEADLINE, MONTH_INDEX, MUNICIPALITY_MEASURES, RUN_MEASURES, UNITS, domainName, type MonthMeasureId } from '../core/measures.js';
import { PARAM_GROUPS, PARAM_NAMES, PARAMS, type ParamName } from '../core/params.js';
import type { Scenario } from '../core/scenario/resolve.js';
import { formatter, measureName, measureTitle, measureUnit, paramText, t, type Lang } from '../i18n/index.js';
import { formatProblems } from '../io/errors.js';
import { checkScenarioBytes } from '../io/scenario-check.js';
import { comparisonSentence } from '../analysis/summary-md.js';
import type { BatchData } from '../analysis/batch-data.js';
import { DATA_ID, WORKER_ID, type PlaygroundData } from './data.js';
import type { Comparison, Frame, FromWorker, ToWorker } from './protocol.js';
import { tickerLines } from './ticker.js';

type Rec = Record<string, unknown>;
const SVG = 'http://www.w3.org/2000/svg';
const SPEEDS = [1, 2, 4, 8, 15, 30, 60];
const CHUNK = 24;

const data = JSON.parse(document.getElementById(DATA_ID)!.textContent!) as PlaygroundData;
const lang: Lang = data.lang;
const f = formatter(lang);
const tr = (key: Parameters<typeof t>[0], vars: Record<string, string | number> = {}): string => t(key, lang, vars);

/** The monthly series behind the headline measures (the run measure's series, or the monthly measure of the same id). */
export const CHART_SERIES: MonthMeasureId[] = [...new Set(HEADLINE.map((id) => {
  const spec = measure('run', id)!;
  const series = spec.from?.series ?? id;
  return measure('month', series) ? (series as MonthMeasureId) : undefined;
}).filter((x): x is MonthMeasureId => x !== undefined))];

// ------------------------------------------------------------------------------------------
// DOM helpers

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}
function svgEl(tag: string, attrs: Record<string, string | number> = {}): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}
const $ = (id: string): HTMLElement => document.getElementById(id)!;
/** Sets a text only when it changes (a frame should not lay out what did not change). */
function setText(e: Element, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}

// ------------------------------------------------------------------------------------------
// State

interface State {
  /** The built-in scenario the settings started from, or null for a loaded file. */
  base: string | null;
  /** The scenario file as loaded (reset returns to it). */
  original: Rec;
  /** The scenario file as the controls edited it. */
  file: Rec;
  fileLabel: string;
  seed: number;
  scenario: Scenario | null;
  token: number;
  months: number;
  frames: Frame[];
  /** Months shown (0: none yet). */
  shown: number;
  playing: boolean;
  speed: number;
  mapMeasure: number;
  ticker: string[];
  tickerShown: number;
  computing: boolean;
  compareToken: number;
  compareStarted: number;
  comparison: Comparison | null;
}

const S: State = {
  base: null, original: {}, file: {}, fileLabel: '', seed: 1, scenario: null, token: 0, months: 0, frames: [], shown: 0,
  playing: false, speed: 4, mapMeasure: MUNICIPALITY_MEASURES.findIndex((m) => m.id === 'trust_in'), ticker: [], tickerShown: 0,
  computing: false, compareToken: 1_000_000, compareStarted: 0, comparison: null,
};

const workerUrl = URL.createObjectURL(new Blob([document.getElementById(WORKER_ID)!.textContent!], { type: 'text/javascript' }));
const worker = new Worker(workerUrl);
const send = (m: ToWorker): void => worker.postMessage(m);

// ------------------------------------------------------------------------------------------
// The scenario as a file: check, export

/** The YAML text of the current settings (what `regiosim validate` and `regiosim run` read). */
export function settingsYaml(): string {
  return stringify(S.file, { lineWidth: 0 });
}

function check(text: string, label: string): { scenario: Scenario } | { message: string } {
  const bytes = new TextEncoder().encode(text);
  const c = checkScenarioBytes(bytes, { ids: Object.keys(data.regions), load: (id) => structuredClone(data.regions[id]!), municipalities: () => data.municipalities });
  const problems = c.problems();
  if (problems.length > 0 || !c.resolved?.ok) return { message: formatProblems(label, problems) };
  return { scenario: c.resolved.scenario };
}

function showProblems(message: string | null): void {
  const box = $('problems');
  box.hidden = message === null;
  box.replaceChildren();
  if (message !== null) box.append(el('p', {}, tr('playground.problems')), el('pre', {}, message));
}

/** Checks the current settings and, when they are valid, starts the run over (at the month shown). */
function apply(keepMonth = true): void {
  const result = check(settingsYaml(), S.fileLabel);
  if ('message' in result) {
    S.scenario = null;
    showProblems(result.message);
    pause();
    return;
  }
  showProblems(null);
  S.scenario = result.scenario;
  startRun(keepMonth ? S.shown : 0);
  writeFragment();
}

// ------------------------------------------------------------------------------------------
// Running

let target = 0;
function startRun(show: number): void {
  S.token += 1;
  S.frames = [];
  S.months = 0;
  target = show;
  S.shown = 0;
  S.ticker = [];
  S.tickerShown = 0;
  S.computing = true;
  $('status').textContent = tr('playground.preparing');
  send({ type: 'start', token: S.token, scenario: S.scenario!, seed: S.seed });
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.type === 'error') {
    showProblems(m.message);
    return;
  }
  if (m.type === 'progress' || m.type === 'compared') {
    if (m.token !== S.compareToken) return;
    if (m.type === 'progress') $('compare-status').textContent = tr('playground.compareBusy', { done: f.count(m.done), n: f.count(m.total) });
    else showComparison(m.comparison);
    return;
  }
  if (m.token !== S.token) return;
  if (m.type === 'started') {
    S.months = m.months;
    send({ type: 'step', token: S.token, months: CHUNK });
  } else if (m.type === 'frames') {
    S.frames.push(...m.frames);
    if (!m.done) send({ type: 'step', token: S.token, months: CHUNK });
    else S.computing = false;
    if (target > S.shown) {
      showMonth(Math.min(target, S.frames.length));
      if (S.shown >= target) target = 0;
    } else if (S.shown === 0) draw();
    document.body.dataset['computed'] = String(S.frames.length);
  } else if (m.type === 'csv') {
    (window as unknown as Rec)['__timeseriesCsv'] = m.csv;
  }
};

function showMonth(k: number): void {
  const n = Math.max(0, Math.min(k, S.frames.length));
  for (let i = S.shown; i < n; i++) {
    const fr = S.frames[i]!;
    S.ticker.push(...tickerLines(fr.events, arrangementNames(), lang));
  }
  if (n < S.shown) {
    S.ticker = [];
    for (let i = 0; i < n; i++) S.ticker.push(...tickerLines(S.frames[i]!.events, arrangementNames(), lang));
  }
  S.shown = n;
  draw();
}

function arrangementNames(): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of S.scenario?.arrangements ?? []) out.set(a.id, a.name);
  for (const e of S.scenario?.events ?? []) if (e.type === 'start-arrangement') out.set(e.arrangement.id, e.arrangement.name);
  return out;
}

let last = 0;
let carry = 0;
function tick(now: number): void {
  if (!S.playing) return;
  const dt = last === 0 ? 1000 / 60 : Math.min(250, now - last);
  last = now;
  carry += (dt / 1000) * S.speed;
  const k = Math.floor(carry);
  if (k > 0) {
    carry -= k;
    if (S.shown < S.frames.length) showMonth(S.shown + k);
  }
  frameCount += 1;
  if (S.shown >= S.months && S.months > 0 && !S.computing) {
    pause();
    $('status').textContent = tr('playground.finished');
    document.body.dataset['finished'] = 'true';
    return;
  }
  requestAnimationFrame(tick);
}
let frameCount = 0;

function play(): void {
  if (!S.scenario) return;
  if (S.shown >= S.months && S.months > 0) showMonth(0);
  S.playing = true;
  last = 0;
  carry = 0;
  document.body.dataset['finished'] = 'false';
  $('play').textContent = tr('playground.pause');
  $('play').setAttribute('aria-pressed', 'true');
  requestAnimationFrame(tick);
}
function pause(): void {
  S.playing = false;
  $('play').textContent = tr('playground.play');
  $('play').setAttribute('aria-pressed', 'false');
}
function step(): void {
  pause();
  if (S.shown < S.frames.length) showMonth(S.shown + 1);
}

// ------------------------------------------------------------------------------------------
// Drawing

const CW = 360;
const CH = 150;
const PAD = { l: 44, r: 8, t: 22, b: 22 };

function range(values: number[], bounded: boolean): [number, number] {
  if (bounded) return [0, 1];
  let lo = 0;
  let hi = 0;
  for (const v of values) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (hi === lo) hi = lo + 1;
  return [lo, hi];
}

function drawCharts(): void {
  const box = $('charts');
  if (box.childElementCount !== CHART_SERIES.length) {
    box.replaceChildren();
    for (const id of CHART_SERIES) {
      const svg = svgEl('svg', { viewBox: `0 0 ${CW} ${CH}`, role: 'img', 'data-series': id, class: 'chart' }) as SVGSVGElement;
      const title = svgEl('text', { x: 4, y: 14, class: 'chart-title' });
      title.textContent = measureTitle('month', id, lang);
      svg.append(title, svgEl('line', { x1: PAD.l, x2: CW - PAD.r, y1: CH - PAD.b, y2: CH - PAD.b, class: 'axis' }), svgEl('line', { x1: PAD.l, x2: PAD.l, y1: PAD.t, y2: CH - PAD.b, class: 'axis' }));
      for (const cls of ['ylo', 'yhi', 'xlo', 'xhi']) svg.append(svgEl('text', { class: `tick ${cls}` }));
      svg.append(svgEl('polyline', { class: 'series', fill: 'none', points: '' }));
      svg.append(svgEl('circle', { class: 'now', r: 3, cx: -10, cy: -10 }));
      box.append(el('figure', {}, svg));
    }
  }
  const n = S.months || 1;
  box.querySelectorAll('svg').forEach((svg) => {
    const id = svg.getAttribute('data-series') as MonthMeasureId;
    const col = MONTH_INDEX[id];
    const all = S.frames.map((fr) => fr.values[col]!);
    const share = UNITS[measure('month', id)!.unit].kind === 'share';
    const [lo, hi] = range(all, isBounded01(measure('month', id)!));
    const x = (i: number): number => PAD.l + ((CW - PAD.l - PAD.r) * i) / Math.max(1, n - 1);
    const y = (v: number): number => CH - PAD.b - ((CH - PAD.t - PAD.b) * (v - lo)) / (hi - lo);
    const pts: string[] = [];
    for (let i = 0; i < S.shown; i++) {
      const v = all[i]!;
      if (Number.isFinite(v)) pts.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    }
    svg.querySelector('polyline')!.setAttribute('points', pts.join(' '));
    const now = svg.querySelector('circle')!;
    const lastV = S.shown > 0 ? all[S.shown - 1]! : NaN;
    now.setAttribute('cx', S.shown > 0 && Number.isFinite(lastV) ? x(S.shown - 1).toFixed(1) : '-10');
    now.setAttribute('cy', Number.isFinite(lastV) ? y(lastV).toFixed(1) : '-10');
    svg.setAttribute('aria-label', `${measureTitle('month', id, lang)}: ${Number.isFinite(lastV) ? (share ? f.percent(lastV) : f.significant(lastV)) : '–'}`);
    const label = (cls: string, text: string, ax: number, ay: number, anchor: string): void => {
      const e = svg.querySelector(`.${cls}`)!;
      if (e.textContent === text) return;
      e.textContent = text;
      e.setAttribute('x', String(ax));
      e.setAttribute('y', String(ay));
      e.setAttribute('text-anchor', anchor);
    };
    const fmt = (v: number): string => (share ? f.percent(v, 0) : f.short(v));
    label('ylo', fmt(lo), PAD.l - 4, CH - PAD.b, 'end');
    label('yhi', fmt(hi), PAD.l - 4, PAD.t + 8, 'end');
    label('xlo', S.frames[0] ? S.frames[0].date.slice(0, 4) : '', PAD.l, CH - 6, 'start');
    label('xhi', S.frames.length >= n && S.frames[n - 1] ? S.frames[n - 1]!.date.slice(0, 4) : '', CW - PAD.r, CH - 6, 'end');
  });
}

// The map: the region's municipalities from the 2019 TopoJSON, in a simple equirectangular
// projection scaled by the cosine of the region's latitude (fine at the scale of a region).
interface MapShape { codes: string[]; paths: Map<string, string>; centre: Map<string, [number, number]>; w: number; h: number }
let mapShape: MapShape | null = null;
let mapRegion = '';

function buildMap(): MapShape | null {
  const sc = S.scenario!;
  const codes = sc.region.municipalities.map((m) => m.code);
  const topo = data.topology as { objects: Record<string, unknown> };
  const fc = feature(topo, topo.objects[Object.keys(topo.objects)[0]!]);
  const byCode = new Map(fc.features.map((x) => [String(x.properties?.['statcode'] ?? x.id), x] as const));
  if (!codes.every((c) => byCode.has(c))) return null;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  const rings = new Map<string, number[][][]>();
  for (const c of codes) {
    const g = byCode.get(c)!.geometry!;
    const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
    const rs = polys.flat();
    rings.set(c, rs);
    for (const r of rs) for (const [lon, lat] of r) { minX = Math.min(minX, lon!); maxX = Math.max(maxX, lon!); minY = Math.min(minY, lat!); maxY = Math.max(maxY, lat!); }
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const w = 400;
  const scale = w / ((maxX - minX) * k);
  const h = Math.max(120, (maxY - minY) * scale);
  const px = (lon: number, lat: number): [number, number] => [(lon - minX) * k * scale, (maxY - lat) * scale];
  const paths = new Map<string, string>();
  for (const [c, rs] of rings) paths.set(c, rs.map((r) => 'M' + r.map(([lon, lat]) => px(lon!, lat!).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z').join(''));
  const centre = new Map<string, [number, number]>();
  for (const m of sc.region.municipalities) if (m.centroid) centre.set(m.code, px(m.centroid[0], m.centroid[1]));
  return { codes, paths, centre, w, h };
}

function colour(v: number, lo: number, hi: number): string {
  if (!Number.isFinite(v)) return '#ddd';
  const s = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  // light yellow to dark blue-green
  const a = [255, 247, 188];
  const b = [8, 88, 158];
  return `rgb(${a.map((x, i) => Math.round(x + (b[i]! - x) * s)).join(',')})`;
}

function drawMap(): void {
  const sc = S.scenario;
  const box = $('map');
  if (!sc) return;
  if (mapRegion !== sc.region.id) {
    mapRegion = sc.region.id;
    mapShape = buildMap();
    box.replaceChildren();
    if (!mapShape) {
      box.append(el('p', {}, tr('playground.noMap')));
      return;
    }
    const svg = svgEl('svg', { viewBox: `0 0 ${mapShape.w} ${mapShape.h.toFixed(0)}`, role: 'img', class: 'mapsvg' });
    sc.region.municipalities.forEach((m, i) => {
      const p = svgEl('path', { d: mapShape!.paths.get(m.code)!, class: 'muni', 'data-i': i });
      const title = svgEl('title');
      title.textContent = m.name;
      p.append(title);
      svg.append(p);
    });
    svg.append(svgEl('g', { class: 'ties' }));
    box.append(svg);
  }
  if (!mapShape) return;
  const fr = S.shown > 0 ? S.frames[S.shown - 1] : undefined;
  const svg = box.querySelector('svg')!;
  const spec = MUNICIPALITY_MEASURES[S.mapMeasure]!;
  const vals = fr ? fr.municipalities.map((r) => r[S.mapMeasure]!) : [];
  const bounded = isBounded01(spec);
  const finite = vals.filter(Number.isFinite);
  const lo = bounded ? 0 : Math.min(0, ...finite);
  const hi = bounded ? 1 : Math.max(1e-9, ...finite);
  svg.querySelectorAll('path.muni').forEach((p) => {
    const i = Number(p.getAttribute('data-i'));
    const v = vals[i] ?? NaN;
    const fill = colour(v, lo, hi);
    if (p.getAttribute('fill') !== fill) p.setAttribute('fill', fill);
    setText(p.querySelector('title')!, `${sc.region.municipalities[i]!.name}: ${Number.isFinite(v) ? f.significant(v) : '–'} ${measureUnit('municipality', spec.id, lang)}`);
  });
  const g = svg.querySelector('g.ties')!;
  let used = 0;
  for (const [i, j, trust] of fr?.ties ?? []) {
    const a = mapShape.centre.get(sc.region.municipalities[i]!.code);
    const b = mapShape.centre.get(sc.region.municipalities[j]!.code);
    if (!a || !b) continue;
    const line = (g.children[used] as SVGElement | undefined) ?? g.appendChild(svgEl('line'));
    used += 1;
    const attrs: Record<string, string> = { x1: a[0].toFixed(1), y1: a[1].toFixed(1), x2: b[0].toFixed(1), y2: b[1].toFixed(1), 'stroke-opacity': Math.max(0.1, Math.min(1, (trust - 0.3) / 0.5)).toFixed(2) };
    for (const [k, v] of Object.entries(attrs)) if (line.getAttribute(k) !== v) line.setAttribute(k, v);
  }
  while (g.children.length > used) g.lastElementChild!.remove();
  setText($('map-legend'), `${measureTitle('municipality', spec.id, lang)}: ${f.significant(lo)} … ${f.significant(hi)}`);
}

function drawTicker(): void {
  const list = $('ticker');
  if (S.ticker.length < S.tickerShown || list.childElementCount === 0) {
    list.replaceChildren();
    S.tickerShown = 0;
  }
  for (let i = S.tickerShown; i < S.ticker.length; i++) list.prepend(el('li', {}, S.ticker[i]!));
  S.tickerShown = S.ticker.length;
  while (list.childElementCount > 200) list.lastElementChild!.remove();
  if (S.ticker.length === 0 && list.childElementCount === 0) list.append(el('li', { class: 'empty' }, tr('playground.tickerEmpty')));
}

function draw(): void {
  const fr = S.shown > 0 ? S.frames[S.shown - 1] : undefined;
  setText($('month'), fr ? tr('playground.monthOf', { date: f.month(fr.date), k: f.count(S.shown), n: f.count(S.months) }) : tr('playground.notStarted'));
  document.body.dataset['shown'] = String(S.shown);
  if (!S.playing && !(S.shown >= S.months && S.months > 0)) setText($('status'), S.computing ? tr('playground.preparing') : '');
  drawCharts();
  drawMap();
  drawTicker();
}

// ------------------------------------------------------------------------------------------
// Controls

function params(): Rec {
  const p = (S.file['parameters'] as Rec | undefined) ?? {};
  return p;
}
function currentValue(name: ParamName): number {
  const v = params()[name];
  return typeof v === 'number' ? v : (S.scenario?.params[name] ?? PARAMS[name].default);
}
function setParam(name: ParamName, value: number): void {
  const p = { ...params(), [name]: value };
  S.file = { ...S.file, parameters: p };
}

function buildParamControls(): void {
  const box = $('params');
  box.replaceChildren();
  for (const group of PARAM_GROUPS) {
    const names = PARAM_NAMES.filter((n) => PARAMS[n].group === group);
    const details = el('details', {}, el('summary', {}, `${tr(`playground.group.${group}` as Parameters<typeof t>[0])} (${f.count(names.length)})`));
    for (const name of names) {
      const spec = PARAMS[name];
      const id = `p-${name.replace(/\./g, '-')}`;
      const value = currentValue(name);
      // A round step (0.001, 0.01, ...) of at most a hundredth of the range, so typed values stay exact.
      const stepSize = spec.integer ? 1 : 10 ** Math.floor(Math.log10((spec.max - spec.min) / 100));
      const input = el('input', { type: 'range', id, min: String(spec.min), max: String(spec.max), step: String(stepSize), value: String(value), 'data-param': name });
      const out = el('output', { for: id }, f.significant(value));
      const text = paramText(name, lang);
      const help = `${text.meaning} (${text.unit}; ${tr('playground.bounds', { min: f.significant(spec.min), max: f.significant(spec.max), default: f.significant(spec.default) })})`;
      input.addEventListener('input', () => {
        out.textContent = f.significant(Number(input.value));
      });
      input.addEventListener('change', () => {
        const v = spec.integer ? Math.round(Number(input.value)) : Number(Number(input.value).toPrecision(6));
        setParam(name, v);
        apply(true);
      });
      details.append(el('div', { class: 'param' }, el('label', { for: id }, el('code', {}, name), ' ', out), input, el('small', {}, help)));
    }
    box.append(details);
  }
}

function buildStructureControls(): void {
  const box = $('structure');
  box.replaceChildren();
  const arrangements = (S.file['arrangements'] as Rec[] | undefined) ?? [];
  if (arrangements.length === 0) box.append(el('p', {}, tr('playground.noArrangements')));
  arrangements.forEach((a, k) => {
    const fs = el('fieldset', {}, el('legend', {}, tr('playground.arrangement', { name: String(a['name'] ?? a['id']) })));
    const kindId = `kind-${k}`;
    const kind = el('select', { id: kindId, 'data-arrangement': String(k) });
    for (const x of ARRANGEMENT_KINDS) kind.append(el('option', x === a['kind'] ? { value: x, selected: '' } : { value: x }, tr(`playground.kindName.${x}` as Parameters<typeof t>[0])));
    kind.addEventListener('change', () => edit(k, (b) => ({ ...b, kind: kind.value })));
    fs.append(el('label', { for: kindId }, tr('playground.kind')), kind);
    const ruleId = `rule-${k}`;
    const rule = el('select', { id: ruleId });
    const props = (a['properties'] as Rec | undefined) ?? {};
    for (const r of ['default', 'majority', 'consensus', 'willing']) {
      const selected = (props['decisionRule'] ?? 'default') === r;
      rule.append(el('option', selected ? { value: r, selected: '' } : { value: r }, tr(`playground.rule.${r}` as Parameters<typeof t>[0])));
    }
    rule.addEventListener('change', () =>
      edit(k, (b) => {
        const p = { ...((b['properties'] as Rec | undefined) ?? {}) };
        if (rule.value === 'default') delete p['decisionRule'];
        else p['decisionRule'] = rule.value;
        const out: Rec = { ...b, properties: p };
        if (Object.keys(p).length === 0) delete out["properties"];
        return out;
      }),
    );
    fs.append(el('label', { for: ruleId }, tr('playground.decisionRule')), rule);
    const doms = el('div', { class: 'domains', role: 'group', 'aria-label': tr('playground.domains') }, el('span', {}, tr('playground.domains')));
    const current = (a['domains'] as string[] | undefined) ?? [];
    for (const d of DOMAINS) {
      const id = `dom-${k}-${d}`;
      const cb = el('input', current.includes(d) ? { type: 'checkbox', id, checked: '' } : { type: 'checkbox', id });
      cb.addEventListener('change', () => edit(k, (b) => ({ ...b, domains: DOMAINS.filter((x: Domain) => (x === d ? cb.checked : ((b['domains'] as string[] | undefined) ?? []).includes(x))) })));
      doms.append(el('label', { for: id }, cb, ' ', domainName(d)[lang]));
    }
    fs.append(doms);
    box.append(fs);
  });
  const formation = ((S.file['structure'] as Rec | undefined)?.['formation'] ?? true) !== false;
  const cb = el('input', formation ? { type: 'checkbox', id: 'formation', checked: '' } : { type: 'checkbox', id: 'formation' });
  cb.addEventListener('change', () => {
    S.file = { ...S.file, structure: { ...((S.file['structure'] as Rec | undefined) ?? {}), formation: cb.checked } };
    apply(true);
  });
  box.append(el('label', { for: 'formation', class: 'check' }, cb, ' ', tr('playground.formation')));
}

function edit(k: number, change: (a: Rec) => Rec): void {
  const list = [...((S.file['arrangements'] as Rec[] | undefined) ?? [])];
  list[k] = change(list[k]!);
  S.file = { ...S.file, arrangements: list };
  apply(true);
}

function loadText(text: string, label: string, base: string | null, extra?: { file?: Rec; seed?: number }): void {
  pause();
  const parsed = (() => {
    try {
      return parseYamlText(text) as unknown;
    } catch {
      return undefined;
    }
  })();
  const first = check(text, label);
  S.base = base;
  S.fileLabel = label;
  if ('message' in first || typeof parsed !== 'object' || parsed === null) {
    showProblems('message' in first ? first.message : formatProblems(label, []));
    S.scenario = null;
    return;
  }
  S.original = parsed as Rec;
  S.file = extra?.file ?? structuredClone(S.original);
  S.seed = extra?.seed ?? first.scenario.defaultSeed;
  ($('seed') as HTMLInputElement).value = String(S.seed);
  S.scenario = first.scenario;
  mapRegion = '';
  apply(false);
  buildParamControls();
  buildStructureControls();
  buildCompareChoices();
}

// ------------------------------------------------------------------------------------------
// Comparison

function buildCompareChoices(): void {
  for (const id of ['compare-a', 'compare-b']) {
    const sel = $(id) as HTMLSelectElement;
    const keep = sel.value;
    sel.replaceChildren(el('option', { value: '' }, tr('playground.compareCurrent')));
    for (const s of data.scenarios) sel.append(el('option', { value: s.name }, s.title));
    sel.value = keep;
  }
}

function scenarioFor(choice: string): Scenario | null {
  if (choice === '') return S.scenario;
  const s = data.scenarios.find((x) => x.name === choice)!;
  const r = check(s.yaml, s.name);
  return 'scenario' in r ? r.scenario : null;
}

function runComparison(): void {
  const a = scenarioFor(($('compare-a') as HTMLSelectElement).value);
  const b = scenarioFor(($('compare-b') as HTMLSelectElement).value);
  if (!a || !b) return;
  S.compareToken += 1;
  S.compareStarted = performance.now();
  document.body.dataset['compared'] = 'false';
  const runs = Math.max(2, Math.min(500, Math.round(Number(($('compare-n') as HTMLInputElement).value) || 50)));
  $('compare-status').textContent = tr('playground.compareBusy', { done: '0', n: f.count(runs) });
  // A second worker, so that the run on screen keeps playing while the futures are computed.
  compareWorker().postMessage({ type: 'compare', token: S.compareToken, reference: a, scenario: b, runs, masterSeed: S.seed } satisfies ToWorker);
}

let cw: Worker | undefined;
function compareWorker(): Worker {
  if (!cw) {
    cw = new Worker(workerUrl);
    cw.onmessage = worker.onmessage;
  }
  return cw;
}

function showComparison(c: Comparison): void {
  const ms = performance.now() - S.compareStarted;
  c.ms = ms;
  S.comparison = c;
  (window as unknown as Rec)['__comparison'] = c;
  $('compare-status').textContent = tr('playground.compareDone', { n: f.count(c.runs), seconds: f.decimal(ms / 1000, 1) });
  const a = scenarioFor(($('compare-a') as HTMLSelectElement).value)!;
  const b = scenarioFor(($('compare-b') as HTMLSelectElement).value)!;
  const info = new Map([a, b].map((s) => [s.name, { title: lang === 'nl' ? s.nl.title : s.title }]));
  const batch = { scenarioInfo: info } as unknown as BatchData;
  const box = $('compare-result');
  box.replaceChildren();
  for (const id of HEADLINE) {
    const i = RUN_MEASURES.findIndex((m) => m.id === id);
    const row = c.rows[i]!;
    const spec = RUN_MEASURES[i]!;
    const diffs = c.differences[i]!.filter(Number.isFinite);
    const fig = el('figure', { class: 'dist' });
    fig.append(dotPlot(diffs, `${measureName('run', id, lang)} (${measureUnit('run', id, lang)})`));
    const sentence = comparisonSentence(row, spec, batch, lang).replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\*([^*]+)\*/g, '$1');
    fig.append(el('figcaption', { 'data-verdict': row.verdict }, sentence));
    box.append(fig);
  }
  document.body.dataset['compared'] = 'true';
}

/** The distribution of the paired differences: one dot per future, with the zero line. */
function dotPlot(values: number[], title: string): SVGSVGElement {
  const W = 360;
  const H = 90;
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart', 'aria-label': title }) as SVGSVGElement;
  const text = svgEl('text', { x: 4, y: 14, class: 'chart-title' });
  text.textContent = title;
  svg.append(text);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi > lo ? hi - lo : 1;
  const x = (v: number): number => 20 + ((W - 40) * (v - lo)) / span;
  svg.append(svgEl('line', { x1: x(0), x2: x(0), y1: 20, y2: H - 18, class: 'zero' }));
  const bins = new Map<number, number>();
  for (const v of values) {
    const bx = Math.round(x(v) / 6);
    const k = bins.get(bx) ?? 0;
    bins.set(bx, k + 1);
    svg.append(svgEl('circle', { cx: (bx * 6).toFixed(1), cy: (H - 22 - k * 5).toFixed(1), r: 2.4, class: 'dot' }));
  }
  for (const [v, anchor] of [[lo, 'start'], [hi, 'end']] as const) {
    const tx = svgEl('text', { x: anchor === 'start' ? 4 : W - 4, y: H - 4, class: 'tick', 'text-anchor': anchor });
    tx.textContent = f.significant(v);
    svg.append(tx);
  }
  return svg;
}

// ------------------------------------------------------------------------------------------
// Export

function download(name: string, blob: Blob): void {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

/** The charts on screen as one SVG document. */
export function chartsSvg(): string {
  const svgs = Array.from($("charts").querySelectorAll("svg"));
  const cols = 2;
  const W = CW * cols;
  const H = CH * Math.ceil(svgs.length / cols);
  const style = `<style>text{font-family:DejaVu Sans,sans-serif;font-size:11px;fill:#222}.chart-title{font-weight:bold}.axis{stroke:#888}.series{stroke:#08589e;stroke-width:2}.now{fill:#08589e}</style>`;
  const parts = svgs.map((s, i) => `<g transform="translate(${(i % cols) * CW},${Math.floor(i / cols) * CH})">${s.innerHTML}</g>`);
  return `<svg xmlns="${SVG}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="100%" height="100%" fill="#fff"/>${style}${parts.join('')}</svg>`;
}

function exportPng(): void {
  const svg = chartsSvg();
  const img = new Image();
  img.onload = () => {
    const c = el('canvas', { width: String(img.width * 2), height: String(img.height * 2) });
    const g = c.getContext('2d')!;
    g.scale(2, 2);
    g.drawImage(img, 0, 0);
    c.toBlob((b) => b && download(`${S.scenario?.name ?? 'playground'}-charts.png`, b), 'image/png');
  };
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function yamlName(): string {
  return `${S.scenario?.name ?? 'playground'}-seed-${S.seed}.yaml`;
}

// The URL fragment: the scenario file and the seed, as JSON.
function writeFragment(): void {
  const state = { base: S.base, seed: S.seed, file: S.file };
  history.replaceState(null, '', `#${encodeURIComponent(JSON.stringify(state))}`);
}

function readFragment(): boolean {
  if (location.hash.length < 2) return false;
  try {
    const state = JSON.parse(decodeURIComponent(location.hash.slice(1))) as { base: string | null; seed: number; file: Rec };
    const base = data.scenarios.find((s) => s.name === state.base);
    const text = stringify(state.file, { lineWidth: 0 });
    loadText(text, base ? base.name : 'playground.yaml', base ? base.name : null, { file: state.file, seed: state.seed });
    if (base) ($('scenario') as HTMLSelectElement).value = base.name;
    S.original = base ? (parseYamlText(base.yaml) as Rec) : state.file;
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------------------------------
// Wiring

function init(): void {
  const sel = $('scenario') as HTMLSelectElement;
  for (const s of data.scenarios) sel.append(el('option', { value: s.name }, s.title));
  sel.addEventListener('change', () => {
    const s = data.scenarios.find((x) => x.name === sel.value)!;
    loadText(s.yaml, s.name, s.name);
  });
  ($('file') as HTMLInputElement).addEventListener('change', async () => {
    const file = ($('file') as HTMLInputElement).files?.[0];
    if (!file) return;
    loadText(await file.text(), file.name, null);
  });
  $('play').addEventListener('click', () => (S.playing ? pause() : play()));
  $('step').addEventListener('click', step);
  $('restart').addEventListener('click', () => { pause(); showMonth(0); });
  $('reset').addEventListener('click', () => {
    S.file = structuredClone(S.original);
    const r = check(settingsYaml(), S.fileLabel);
    S.seed = 'scenario' in r ? r.scenario.defaultSeed : S.seed;
    ($('seed') as HTMLInputElement).value = String(S.seed);
    apply(false);
    buildParamControls();
    buildStructureControls();
  });
  const seed = $('seed') as HTMLInputElement;
  seed.addEventListener('change', () => {
    const v = Math.round(Number(seed.value));
    if (Number.isInteger(v) && v >= 0 && v <= 2 ** 32 - 1) {
      S.seed = v;
      S.file = { ...S.file, seed: v };
      apply(true);
    }
  });
  const speed = $('speed') as HTMLInputElement;
  speed.max = String(SPEEDS.length - 1);
  speed.value = String(SPEEDS.indexOf(S.speed));
  const showSpeed = (): void => {
    S.speed = SPEEDS[Number(speed.value)]!;
    $('speed-out').textContent = f.count(S.speed);
  };
  speed.addEventListener('input', showSpeed);
  showSpeed();
  const mm = $('map-measure') as HTMLSelectElement;
  MUNICIPALITY_MEASURES.forEach((m, i) => mm.append(el('option', i === S.mapMeasure ? { value: String(i), selected: '' } : { value: String(i) }, measureName('municipality', m.id, lang))));
  mm.addEventListener('change', () => { S.mapMeasure = Number(mm.value); drawMap(); });
  $('compare-run').addEventListener('click', runComparison);
  $('export-svg').addEventListener('click', () => download(`${S.scenario?.name ?? 'playground'}-charts.svg`, new Blob([chartsSvg()], { type: 'image/svg+xml' })));
  $('export-png').addEventListener('click', exportPng);
  $('export-yaml').addEventListener('click', () => {
    download(yamlName(), new Blob([settingsYaml()], { type: 'text/yaml' }));
    $('export-status').textContent = tr('playground.yamlHint', { file: yamlName() });
  });
  $('export-link').addEventListener('click', () => { writeFragment(); $('export-status').textContent = tr('playground.linkReady'); });
  const large = $('large') as HTMLInputElement;
  large.addEventListener('change', () => document.body.classList.toggle('large', large.checked));
  document.addEventListener('keydown', (e) => {
    const tag = (e.target as HTMLElement).tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'SUMMARY') return;
    // A focused button takes space and Enter itself.
    if (tag === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    if (e.key === ' ') { e.preventDefault(); if (S.playing) pause(); else play(); }
    else if (e.key === 'ArrowRight') step();
    else if (e.key === 'r') { pause(); showMonth(0); }
    else if (e.key === '+' || e.key === '=') { speed.value = String(Math.min(SPEEDS.length - 1, Number(speed.value) + 1)); showSpeed(); }
    else if (e.key === '-') { speed.value = String(Math.max(0, Number(speed.value) - 1)); showSpeed(); }
  });
  // For tests and the benchmark: the page's own state, read-only in spirit.
  (window as unknown as Rec)['playground'] = {
    settingsYaml, chartsSvg,
    state: () => ({ shown: S.shown, months: S.months, computed: S.frames.length, frames: frameCount, scenario: S.scenario?.name ?? null, seed: S.seed }),
    requestCsv: () => send({ type: 'csv', token: S.token }),
    setSpeed: (v: number) => { S.speed = v; },
    /** Shows month k (1 = the first) and draws it, as one frame of play does. */
    drawMonth: (k: number) => { pause(); showMonth(k); },
  };
  buildCompareChoices();
  if (!readFragment()) {
    const first = data.scenarios[0]!;
    sel.value = first.name;
    loadText(first.yaml, first.name, first.name);
  }
}

init();
