/**
 * The message catalogue: every user-facing phrase of regiosim in English and Dutch, with one
 * lookup ({@link t}). Phrases live in src/i18n/messages/ by area (charts, summary, report,
 * console); the names, units and definitions of measures, events and units live with their
 * registries in src/core (measures.ts, events.ts) and are read through the accessors below.
 *
 * Pure: no Node imports.
 */
import { EVENTS, type EventSpec } from '../core/events.js';
import { chartDefinition, measure, UNITS, type Bi, type Level, type MeasureSpec, type Unit, type UnitId } from '../core/measures.js';
import type { Lang } from './lang.js';
import { CHART_MESSAGES } from './messages/charts.js';
import { CLI_MESSAGES } from './messages/cli.js';
import { REPORT_MESSAGES } from './messages/report.js';
import { SUMMARY_MESSAGES } from './messages/summary.js';
import { UNCERTAINTY_MESSAGES } from './messages/uncertainty.js';
import { BRIEF_MESSAGES } from './messages/brief.js';
import { NEW_MESSAGES } from './messages/new.js';
import { PLAYGROUND_MESSAGES } from './messages/playground.js';
import { STORY_MESSAGES } from './messages/story.js';

const PARTS = [CHART_MESSAGES, SUMMARY_MESSAGES, REPORT_MESSAGES, CLI_MESSAGES, UNCERTAINTY_MESSAGES, BRIEF_MESSAGES, NEW_MESSAGES, PLAYGROUND_MESSAGES, STORY_MESSAGES] as const;

export type MessageKey = keyof typeof CHART_MESSAGES | keyof typeof SUMMARY_MESSAGES | keyof typeof REPORT_MESSAGES | keyof typeof CLI_MESSAGES | keyof typeof UNCERTAINTY_MESSAGES | keyof typeof BRIEF_MESSAGES | keyof typeof NEW_MESSAGES | keyof typeof PLAYGROUND_MESSAGES | keyof typeof STORY_MESSAGES;

function join(): Readonly<Record<MessageKey, Bi>> {
  const out: Record<string, Bi> = {};
  for (const part of PARTS) {
    for (const [key, text] of Object.entries(part)) {
      if (key in out) throw new Error(`message ${key} is defined twice in src/i18n/messages`);
      out[key] = text;
    }
  }
  return out as Record<MessageKey, Bi>;
}

export const MESSAGES = join();
export const MESSAGE_KEYS = Object.keys(MESSAGES) as MessageKey[];

/** A phrase in a language, with `{name}` placeholders filled in (unknown placeholders stay). */
export function t(key: MessageKey, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function spec(level: Level, id: string): MeasureSpec | undefined {
  return measure(level, id);
}

/** A measure's name (falls back to the column name with spaces for a column the registry does not know). */
export function measureName(level: Level, id: string, lang: Lang): string {
  return spec(level, id)?.name[lang] ?? id.replace(/_/g, ' ');
}

/** A measure's unit ('' for a column the registry does not know). */
export function measureUnit(level: Level, id: string, lang: Lang): string {
  const s = spec(level, id);
  return s ? UNITS[s.unit].text[lang] : '';
}

/** A measure's one-line definition ('' when unknown). */
export function measureDefinition(level: Level, id: string, lang: Lang): string {
  return spec(level, id)?.definition[lang] ?? '';
}

/** The short definition a chart carries in its subtitle ('' when unknown). */
export function measureChartDefinition(level: Level, id: string, lang: Lang): string {
  const s = spec(level, id);
  return s ? chartDefinition(s)[lang] : '';
}

/** Whether a measure is a share, drawn on a percent axis. */
export function isShareMeasure(level: Level, id: string): boolean {
  const s = spec(level, id);
  return s !== undefined && UNITS[s.unit].kind === 'share';
}

/** The unit on an axis: "% of pairs" for a share (its values drawn as percentages), else the unit. */
export function measureAxisUnit(level: Level, id: string, lang: Lang): string {
  const s = spec(level, id);
  if (!s) return '';
  const u: Unit = UNITS[s.unit];
  return (u.percent ?? u.text)[lang];
}

/** "Name (% of pairs)": the title of an axis or legend that shows the measure. */
export function measureAxisTitle(level: Level, id: string, lang: Lang): string {
  const unit = measureAxisUnit(level, id, lang);
  const name = measureName(level, id, lang);
  return unit === '' ? name : `${name} (${unit})`;
}

/** "Name (unit)", the form of titles and axis titles. */
export function measureTitle(level: Level, id: string, lang: Lang): string {
  const unit = measureUnit(level, id, lang);
  const name = measureName(level, id, lang);
  return unit === '' ? name : `${name} (${unit})`;
}

/** A measure's name inside a sentence: first letter lower-case ("Trust" → "trust"). */
export function measureInSentence(level: Level, id: string, lang: Lang): string {
  const name = measureName(level, id, lang);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function unitText(unitId: UnitId, lang: Lang): string {
  return UNITS[unitId].text[lang];
}

/** An event type's name (falls back to the type). */
export function eventName(type: string, lang: Lang): string {
  return (EVENTS as readonly EventSpec[]).find((e) => e.type === type)?.name[lang] ?? type;
}
