/** Arrangement kinds as labels (charts, tables) and the dissolution rule: one home for the survival chart and summary.md. */
import { ARRANGEMENT_KINDS, KIND_DEFAULTS, type Secretariat } from '../core/entities/arrangement.js';
import { t, type MessageKey } from './catalogue.js';
import { formatter } from './format.js';
import type { Lang } from './lang.js';

/** The kind of the survival rows that pool every kind (src/analysis/analyze.ts). */
export const POOLED_KIND = 'all';

/** An arrangement kind's name in a language ("Modulaire GR"; the kind itself when unknown). */
export function kindName(kind: string, lang: Lang): string {
  const key = `kind.${kind}` as MessageKey;
  return kind === POOLED_KIND ? t('kind.all', lang) : (ARRANGEMENT_KINDS as readonly string[]).includes(kind) ? t(key, lang) : kind;
}

/** A name inside a sentence: "Network" → "network", but "GR" stays. */
const lowerName = (name: string): string => (/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name);

/** The kinds that keep an arrangement of each secretariat, from the kind registry. */
function kindsWith(secretariat: Secretariat, lang: Lang): string {
  const names = ARRANGEMENT_KINDS.filter((k) => KIND_DEFAULTS[k].secretariat === secretariat && !KIND_DEFAULTS[k].mandatory).map((k) => lowerName(kindName(k, lang)));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${t('chart.or', lang)} ${names[names.length - 1]}`;
}

/** The subtitle sentence that explains why arrangements end: the dormancy rule with the batch's numbers. */
export function dissolutionRule(lang: Lang, dormancy: { months: number; secretaryFactor: number }): string {
  return t('chart.dissolutionRule', lang, {
    none: kindsWith('none', lang), secretary: kindsWith('secretary', lang), hub: kindsWith('hub', lang),
    months: formatter(lang).count(dormancy.months), secretaryMonths: formatter(lang).count(dormancy.months * dormancy.secretaryFactor),
  });
}

