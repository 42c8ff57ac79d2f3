/**
 * The look shared by every chart: a colour-blind-safe palette (Okabe & Ito 2008) with a fixed
 * colour per scenario, the `default` and `slides` themes (slides: large type, bigger canvas),
 * and the Vega-Lite config that carries fonts, sizes and, for Dutch, the number locale.
 *
 * Pure: no file access, no Node imports.
 */
import { vegaLocale, type Lang } from '../i18n/index.js';

export const THEMES = ['default', 'slides'] as const;
export type ThemeName = (typeof THEMES)[number];

/** The font every chart asks for; src/render loads exactly this family for PNG output. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Okabe–Ito colours, distinguishable with the common forms of colour blindness. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/**
 * Scenarios that always get the same colour, in every chart and every batch. The Haaglanden
 * four and the Rivierenland pair; `none` and the plain `basiscoalitie` share colours with the
 * structures they stand for.
 */
export const FIXED_SCENARIO_COLOURS: Readonly<Record<string, string>> = {
  'wgr-plus-continues': OKABE_ITO.blue,
  'wgr-plus-abolished': OKABE_ITO.vermillion,
  basiscoalitie: OKABE_ITO.bluishGreen,
  'modular-gr': OKABE_ITO.orange,
  'rivierenland-basiscoalitie': OKABE_ITO.bluishGreen,
  'rivierenland-none': OKABE_ITO.vermillion,
  none: OKABE_ITO.vermillion,
};

/** Colours handed out, in this order, to scenarios without a fixed colour (yellow last: weak on white). */
const SPARE_COLOURS = [OKABE_ITO.skyBlue, OKABE_ITO.reddishPurple, OKABE_ITO.black, OKABE_ITO.yellow];
/** Beyond eight scenarios colours must repeat; these greys at least keep them distinct from the palette. */
const OVERFLOW_COLOURS = ['#666666', '#999999', '#333333', '#BBBBBB'];

export interface ColourScale {
  domain: string[];
  range: string[];
}

/**
 * Colour per scenario: known names get their fixed colour; the others, in the order given,
 * get the spare colours not already used by a fixed one in this set. Pass the full scenario
 * list of a batch to every chart, so a scenario keeps its colour even in a chart it is missing from.
 */
export function scenarioColours(scenarios: readonly string[]): ColourScale {
  const domain: string[] = [];
  for (const s of scenarios) if (!domain.includes(s)) domain.push(s);
  const used = new Set<string>();
  for (const s of domain) {
    const c = FIXED_SCENARIO_COLOURS[s];
    if (c !== undefined) used.add(c);
  }
  // Spare colours first; with more than four unknown scenarios, the fixed colours this set does not use.
  const candidates = [...SPARE_COLOURS, OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.orange];
  const spare = [...candidates.filter((c) => !used.has(c)), ...OVERFLOW_COLOURS];
  let next = 0;
  const range = domain.map((s) => FIXED_SCENARIO_COLOURS[s] ?? spare[next++ % spare.length]!);
  return { domain, range };
}

/** Sizes that differ between themes. */
export interface ThemeSizes {
  width: number;
  height: number;
  /** Height of one band (row) in charts with one row per category. */
  step: number;
  title: number;
  subtitle: number;
  label: number;
  axisTitle: number;
  annotation: number;
  strokeWidth: number;
  pointSize: number;
}

export const THEME_SIZES: Readonly<Record<ThemeName, ThemeSizes>> = {
  default: { width: 560, height: 300, step: 22, title: 16, subtitle: 12, label: 11, axisTitle: 12, annotation: 10, strokeWidth: 2, pointSize: 40 },
  slides: { width: 960, height: 480, step: 40, title: 30, subtitle: 21, label: 20, axisTitle: 22, annotation: 18, strokeWidth: 4, pointSize: 140 },
};

/** The Vega-Lite `config` of a theme and language. */
export function vegaLiteConfig(theme: ThemeName, lang: Lang): Record<string, unknown> {
  const s = THEME_SIZES[theme];
  const config: Record<string, unknown> = {
    font: FONT_FAMILY,
    background: '#ffffff',
    padding: theme === 'slides' ? 20 : 10,
    view: { continuousWidth: s.width, continuousHeight: s.height, step: s.step, stroke: null },
    title: {
      font: FONT_FAMILY, fontSize: s.title, subtitleFontSize: s.subtitle, anchor: 'start', color: '#1a1a1a',
      subtitleColor: '#4d4d4d', subtitlePadding: theme === 'slides' ? 8 : 4, offset: theme === 'slides' ? 18 : 10,
    },
    axis: {
      labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelFontSize: s.label, titleFontSize: s.axisTitle,
      titleFontWeight: 'normal', labelColor: '#333333', titleColor: '#1a1a1a', gridColor: '#e5e5e5',
      domainColor: '#888888', tickColor: '#888888', labelSeparation: theme === 'slides' ? 10 : 5, maxExtent: 800, titlePadding: theme === 'slides' ? 12 : 8, labelLimit: theme === 'slides' ? 360 : 220,
    },
    axisYQuantitative: { labelFlush: true },
    legend: {
      labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelFontSize: s.label, titleFontSize: s.axisTitle,
      titleFontWeight: 'normal', symbolSize: theme === 'slides' ? 260 : 90, symbolStrokeWidth: s.strokeWidth,
      labelLimit: theme === 'slides' ? 400 : 240, rowPadding: theme === 'slides' ? 8 : 4, columnPadding: theme === 'slides' ? 24 : 12,
    },
    header: {
      labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelFontSize: s.axisTitle, titleFontSize: s.axisTitle,
      labelColor: '#1a1a1a', labelFontWeight: 'bold', labelPadding: theme === 'slides' ? 10 : 6,
    },
    text: { font: FONT_FAMILY, fontSize: s.annotation },
    line: { strokeWidth: s.strokeWidth },
    rule: { strokeWidth: theme === 'slides' ? 2.5 : 1.2 },
    point: { size: s.pointSize, strokeWidth: theme === 'slides' ? 2.5 : 1.5 },
    concat: { spacing: theme === 'slides' ? 36 : 20 },
    facet: { spacing: theme === 'slides' ? 36 : 20 },
  };
  const locale = vegaLocale(lang);
  if (locale !== undefined) config['locale'] = locale;
  return config;
}

/** Sequential colour scheme for continuous values (perceptually uniform, colour-blind safe). */
export const SEQUENTIAL_SCHEME = 'viridis';
/** Colours of the two Sobol indices: neutral greys, so they are never read as scenarios. */
export const INDEX_COLOURS = { s1: '#9a9a9a', st: '#3a3a3a' } as const;
/** Colour of annotation rules and text (elections, abolition). */
export const ANNOTATION_COLOUR = '#6b6b6b';
