/** A model parameter's meaning and unit in a language, from the parameter registry (src/core/params.ts). */
import { PARAMS, type ParamName } from '../core/params.js';
import { kindName } from './kinds.js';
import type { Lang } from './lang.js';

/** The meaning and unit of a parameter; in Dutch a kind parameter's meaning starts with the kind's Dutch name. */
export function paramText(name: ParamName, lang: Lang): { meaning: string; unit: string } {
  const spec = PARAMS[name];
  if (lang === 'en') return { meaning: spec.meaning, unit: spec.unit };
  return { meaning: spec.kind ? `${kindName(spec.kind, 'nl')}: ${spec.nl.meaning}` : spec.nl.meaning, unit: spec.nl.unit };
}
