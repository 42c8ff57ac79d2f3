/**
 * The generated parts of docs/ODD.md: the parameter tables of section 8 (one per registry group)
 * and the table of the arrangement kinds' default properties in section 2.4, from the parameter
 * registry (src/core/params.ts) and KIND_DEFAULTS, so the model description cannot fall behind
 * the code. `npm run docs` writes them; tests/docs.test.ts fails when they are stale.
 */
import { ARRANGEMENT_KINDS, KIND_DEFAULTS, type KindProperties } from '../core/entities/arrangement.js';
import { PARAM_GROUPS, PARAM_NAMES, PARAMS, type ParamGroup } from '../core/params.js';
import { formatNumber } from '../formats/text.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One row per parameter of a group: | name | meaning | unit | default | bounds | justification |. */
export function paramsTable(group: ParamGroup): string {
  const lines = ['| Parameter | Meaning | Unit | Default | Bounds | Justification |', '|---|---|---|---|---|---|'];
  for (const name of PARAM_NAMES) {
    const s = PARAMS[name];
    if (s.group !== group) continue;
    const bounds = `${formatNumber(s.min)} – ${formatNumber(s.max)}${s.integer ? ' (integer)' : ''}${s.range ? `; sensitivity ${formatNumber(s.range.min)} – ${formatNumber(s.range.max)}` : ''}`;
    lines.push(`| \`${name}\` | ${cell(s.meaning)} | ${cell(s.unit)} | ${formatNumber(s.default)} | ${bounds} | ${cell(s.justification)} |`);
  }
  return lines.join('\n') + '\n';
}

const PROPERTY_ORDER: readonly (keyof KindProperties)[] = ['decisionRule', 'mandatory', 'secretariat', 'binding', 'meetingInterval', 'agendaCapacity', 'overheadFte', 'overheadEuroPerCapita', 'exitCostMonths', 'coordination', 'searchDiscount', 'modular'];

/** The kinds' default properties, one column per kind. */
export function kindTable(): string {
  const lines = [`| Property | ${ARRANGEMENT_KINDS.map((k) => `\`${k}\``).join(' | ')} |`, `|---|${ARRANGEMENT_KINDS.map(() => '---').join('|')}|`];
  for (const prop of PROPERTY_ORDER) {
    const values = ARRANGEMENT_KINDS.map((k) => {
      const v = KIND_DEFAULTS[k][prop];
      return typeof v === 'number' ? formatNumber(v) : String(v);
    });
    lines.push(`| \`${prop}\` | ${values.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

/** The generated blocks of docs/ODD.md, by marker name. */
export function oddBlocks(): Record<string, string> {
  const out: Record<string, string> = { 'kind-properties': kindTable() };
  for (const g of PARAM_GROUPS) out[`params-${g}`] = paramsTable(g);
  return out;
}
