/**
 * A map of the region's municipalities coloured by a per-municipality outcome
 * (municipalities.csv: the mean over runs; one panel per scenario). The boundaries come from a
 * TopoJSON topology the caller has read (data/nl-gemeente-2019.topojson); only the region's
 * municipalities are kept, converted to GeoJSON and inlined, so the spec stands alone.
 *
 * With `difference`, each scenario's panel shows its mean minus the reference scenario's mean,
 * per municipality, on a diverging scale centred on 0 whose blue end is better (by the measure's
 * direction). Legends use fixed-decimal formats (never 3e+1).
 */
import { read } from 'vega';
import { measure as measureSpec } from '../core/measures.js';
import { definitionLines, directionCue, distinct, finite, firstPoints, frame, resolveOptions, round, scenarioOrder, scenarioTitle, valueFormat, type ChartOptions, type VlSpec, NoDataError } from './common.js';
import { measureName, measureUnit, t } from '../i18n/index.js';
import type { MunicipalityRow, Topology } from './rows.js';

export interface MapOptions extends ChartOptions {
  /** The column of municipalities.csv to colour by (default value_per_inhabitant). */
  measure?: string;
  /** The topology object holding the municipalities (default: the first). */
  object?: string;
  /** Subtitle override, e.g. for a single run. */
  subtitle?: string;
  /**
   * Factor applied to every value, with the unit it gives: municipalities.csv holds value per
   * inhabitant over the whole evaluation window; 12 / months turns it into EUR per inhabitant per year.
   */
  scale?: { factor: number; unit: string };
  /** Draw each scenario's difference from this reference scenario instead of its level. */
  difference?: { reference: string };
}

type Position = number[];
interface Geometry {
  type: string;
  coordinates: unknown;
}
interface Feature {
  type: 'Feature';
  id?: string | number;
  properties?: Record<string, unknown>;
  geometry: Geometry | null;
}

/** GeoJSON features of a topology object (vega's TopoJSON reader, which wraps topojson-client). */
export function topologyFeatures(topology: Topology, object?: string): Feature[] {
  const name = object ?? Object.keys(topology.objects)[0];
  if (name === undefined || topology.objects[name] === undefined) throw new NoDataError(`the topology has no object ${object ?? ''}`);
  return read(topology as unknown as string, { type: 'topojson', feature: name } as Parameters<typeof read>[1]) as unknown as Feature[];
}

/** The GM code of a feature: `properties.statcode` (cartomap/nl) or the feature id. */
export function featureCode(f: Feature): string | undefined {
  const code = f.properties?.['statcode'] ?? f.id;
  return code === undefined ? undefined : String(code);
}

function roundCoordinates(c: unknown): unknown {
  if (typeof c === 'number') return Math.round(c * 1e5) / 1e5;
  if (Array.isArray(c)) return c.map(roundCoordinates);
  return c;
}

function ringArea(ring: Position[]): { area: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const cross = x0! * y1! - x1! * y0!;
    a += cross;
    cx += (x0! + x1!) * cross;
    cy += (y0! + y1!) * cross;
  }
  a /= 2;
  return a === 0 ? { area: 0, cx: ring[0]![0]!, cy: ring[0]![1]! } : { area: a, cx: cx / (6 * a), cy: cy / (6 * a) };
}

/** Label position: the centroid of the largest outer ring (lon/lat; fine at municipal scale). */
export function labelPoint(geometry: Geometry): [number, number] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates as Position[][]] : geometry.type === 'MultiPolygon' ? (geometry.coordinates as Position[][][]) : [];
  let best: { area: number; cx: number; cy: number } | null = null;
  for (const poly of polygons) {
    const outer = poly[0];
    if (outer === undefined || outer.length < 3) continue;
    const c = ringArea(outer);
    if (best === null || Math.abs(c.area) > Math.abs(best.area)) best = c;
  }
  return best === null ? null : [round(best.cx, 7), round(best.cy, 7)];
}

export function mapChart(topology: Topology, rows: readonly MunicipalityRow[], opts: MapOptions = {}): VlSpec {
  const r = resolveOptions(opts);
  const measure = opts.measure ?? 'value_per_inhabitant';
  const points = firstPoints(rows);
  const kept = rows.filter(points.keep);
  // Mean per scenario and municipality, in a fixed order.
  const sums = new Map<string, { scenario: string; code: string; name: string; population: number; sum: number; n: number }>();
  for (const row of kept) {
    const raw = (row as Record<string, unknown>)[measure];
    const v = typeof raw === 'number' ? finite(raw) : null;
    const key = `${row.scenario}\u0000${row.code}`;
    let acc = sums.get(key);
    if (acc === undefined) sums.set(key, (acc = { scenario: row.scenario, code: row.code, name: row.name, population: row.population, sum: 0, n: 0 }));
    if (v !== null) {
      acc.sum += v;
      acc.n += 1;
    }
  }
  const byCode = new Map<string, Feature>();
  for (const f of topologyFeatures(topology, opts.object)) {
    const code = featureCode(f);
    if (code !== undefined && f.geometry !== null) byCode.set(code, f);
  }
  const codes = distinct(kept.map((row) => row.code));
  const missing = codes.filter((c) => !byCode.has(c));
  if (missing.length === codes.length) throw new NoDataError(`none of the municipalities (${codes.slice(0, 3).join(', ')}, ...) is in the topology`);
  const order = scenarioOrder(kept, opts.scenarios);
  const reference = opts.difference?.reference;
  if (reference !== undefined && !kept.some((row) => row.scenario === reference)) throw new NoDataError(`the reference scenario ${reference} has no municipality rows`);
  const present = order.filter((s) => s !== reference && kept.some((row) => row.scenario === s));
  if (present.length === 0) throw new NoDataError('no scenario besides the reference');
  const meanOf = (scenario: string, code: string): number | null => {
    const acc = sums.get(`${scenario}\u0000${code}`);
    return acc === undefined || acc.n === 0 ? null : (acc.sum / acc.n) * (opts.scale?.factor ?? 1);
  };
  const features: Array<Record<string, unknown>> = [];
  const labels: Array<Record<string, unknown>> = [];
  for (const scenario of present) {
    for (const code of codes) {
      const acc = sums.get(`${scenario}\u0000${code}`);
      const f = byCode.get(code);
      if (acc === undefined || f === undefined) continue;
      const level = meanOf(scenario, code);
      const base = reference === undefined ? 0 : meanOf(reference, code);
      const value = level === null || base === null ? null : round(level - base);
      features.push({
        type: 'Feature',
        geometry: { type: f.geometry!.type, coordinates: roundCoordinates(f.geometry!.coordinates) },
        properties: { scenario, code, name: acc.name, population: acc.population, value, n: acc.n },
      });
      const p = labelPoint(f.geometry!);
      if (p !== null) labels.push({ scenario, name: acc.name, lon: p[0], lat: p[1] });
    }
  }
  const ns = distinct([...sums.values()].map((a) => a.n)).sort((a, b) => a - b);
  const nText = ns.length === 1 ? String(ns[0]) : `${ns[0]}-${ns[ns.length - 1]}`;
  const panel = r.theme === 'slides' ? 420 : present.length > 1 ? 270 : 420;
  const labelSize = r.theme === 'slides' ? 15 : 9;
  const unit = opts.scale?.unit ?? measureUnit('municipality', measure, r.lang);
  const name = measureName('municipality', measure, r.lang);
  const valuesOnMap = features.map((f) => (f['properties'] as { value: number | null }).value).filter((v): v is number => v !== null);
  const format = valueFormat(undefined, undefined, valuesOnMap, { share: false, sign: reference !== undefined });
  const cue = directionCue('municipality', measure, r.lang);
  const differenceTitle = t(unit === '' ? 'chart.mapDifferenceLegend' : 'chart.mapDifferenceLegendUnit', r.lang, { reference: reference ?? '', unit });
  const title = reference !== undefined ? (cue === '' ? differenceTitle : [differenceTitle, cue]) : unit === '' ? name : `${name} (${unit})`;
  const width = Math.min(present.length, 2) * panel;
  const subtitle = [
    ...definitionLines('municipality', measure, r, width),
    opts.subtitle ?? t('chart.mapSubtitle', r.lang, { n: nText }),
    t(reference !== undefined ? 'chart.mapDifferenceNote' : 'chart.mapRange', r.lang, { reference: reference !== undefined ? scenarioTitle(r, reference) : '' }),
  ];
  // Levels: a sequential scale over the values' range (said in the subtitle). Differences: a
  // diverging scale symmetric about 0, blue for better.
  const largest = Math.max(0, ...valuesOnMap.map(Math.abs));
  const lowerIsBetter = measureSpec('municipality', measure)?.direction === 'lower';
  const colourScale = reference === undefined
    ? { scheme: 'blues', zero: false, nice: false }
    : { scheme: 'redblue', domain: [round(-largest || -1, 4), round(largest || 1, 4)], domainMid: 0, reverse: lowerIsBetter };
  const facetSpec = {
    width: panel,
    height: panel,
    projection: { type: 'mercator' },
    layer: [
      {
        data: { values: features },
        mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: r.theme === 'slides' ? 1.5 : 1 },
        encoding: {
          color: {
            field: 'properties.value', type: 'quantitative', title,
            scale: colourScale,
            legend: { orient: 'bottom', direction: 'horizontal', gradientLength: r.theme === 'slides' ? 420 : 260, titleOrient: 'top', titleLimit: 600, tickCount: 5, format },
          },
          tooltip: [
            { field: 'properties.name', type: 'nominal', title: t('chart.municipality', r.lang) },
            { field: 'properties.scenario', type: 'nominal', title: t('chart.scenario', r.lang) },
            { field: 'properties.value', type: 'quantitative', title: reference !== undefined ? differenceTitle : title, format: reference !== undefined ? '+,.3~f' : ',.3~f' },
            { field: 'properties.population', type: 'quantitative', title: t('chart.population', r.lang), format: ',d' },
          ],
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', fontSize: labelSize, stroke: '#ffffff', strokeWidth: r.theme === 'slides' ? 3.5 : 2, strokeOpacity: 0.7, strokeJoin: 'round', color: '#ffffff' },
        encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'name' } },
      },
      {
        data: { values: labels },
        mark: { type: 'text', fontSize: labelSize, color: '#1a1a1a' },
        encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'name' } },
      },
    ],
  };
  const heading = reference !== undefined ? t('chart.mapDifferenceTitle', r.lang, { measure: name, reference: scenarioTitle(r, reference), unit }) : t('chart.mapTitle', r.lang, { measure: name, unit });
  if (present.length <= 1) {
    const only = present[0] ?? '';
    if (only !== '') subtitle.splice(subtitle.length - 2, 1, `${only}. ${subtitle[subtitle.length - 2]}`);
    return frame(r, heading, subtitle, facetSpec);
  }
  // A layered facet needs the facet field in every layer: repeat the layers per scenario instead.
  const columns = r.theme === 'slides' ? 2 : Math.min(present.length, 2);
  return frame(r, heading, subtitle, {
    columns,
    concat: present.map((scenario) => ({
      title: { text: scenarioTitle(r, scenario), fontSize: r.sizes.axisTitle, fontWeight: 'bold', anchor: 'middle' },
      ...facetSpec,
      layer: facetSpec.layer.map((layer) => ({
        ...layer,
        data: { values: (layer.data.values as Array<Record<string, unknown>>).filter((v) => (v['scenario'] ?? (v['properties'] as Record<string, unknown> | undefined)?.['scenario']) === scenario) },
      })),
    })),
    resolve: { scale: { color: 'shared' } },
  });
}
