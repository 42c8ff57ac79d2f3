/**
 * `regiosim new`: a commented scenario for a chosen region (built-in, or named by its members)
 * and a chosen structure, that `regiosim validate` accepts as written. The comments are in the
 * language asked for; title and description are given in English and Dutch.
 */
import { stringify } from 'yaml';
import type { Region } from '../core/entities/region.js';
import { DOMAINS } from '../core/domains.js';
import { formatter, t, type Lang, type MessageKey } from '../i18n/index.js';

/** The structures `regiosim new` writes, with the arrangement kind each starts (none: no arrangement). */
export const NEW_STRUCTURES = ['basiscoalitie', 'modular-gr', 'gr', 'wgr-plus', 'none'] as const;
export type NewStructure = (typeof NEW_STRUCTURES)[number];

/** The name a body of each kind gets in the scenario (Dutch institutional terms, as proper names). */
const BODY: Record<Exclude<NewStructure, 'none'>, string> = {
  basiscoalitie: 'Basiscoalitie',
  'modular-gr': 'Modulaire GR',
  gr: 'Gemeenschappelijke regeling',
  'wgr-plus': 'Plusregio',
};

export interface NewScenarioOptions {
  /** The region: a built-in one (`builtin: true`, written as its id) or one named by its members. */
  region: Region;
  builtin: boolean;
  structure: NewStructure;
  /** The scenario's `name`; defaults to the region id and the structure. */
  name?: string;
  lang: Lang;
  /** Path of scenario.schema.json relative to the file (for the yaml-language-server comment). */
  schemaPath: string;
  /** How the file is called in the comment's commands. */
  file: string;
}

/** A YAML scalar: plain where that reads the same, quoted where it must be. */
const scalar = (v: string): string => stringify(v, { lineWidth: 0 }).trimEnd();

/** A comment block, wrapped at about 96 characters. */
function comment(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > 94 - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}# ${l}`);
}

/** Lowercase letters, digits and hyphens, at most 64 characters (the schema's name). */
function slug(text: string): string {
  const s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.slice(0, 64).replace(/-+$/, '') || 'own-region';
}

/** The scenario file's text. */
export function newScenarioYaml(o: NewScenarioOptions): string {
  const { region, structure, lang } = o;
  const fmt = formatter(lang);
  const structureTitle = (l: Lang): string => t(`new.title.${structure}` as MessageKey, l);
  const name = o.name ?? slug(`${region.id}-${structure}`);
  const title = (l: Lang): string => `${region.name}, ${structureTitle(l)}`;
  const description = (l: Lang): string => t('new.description', l, { region: region.name, n: region.municipalities.length, structure: structureTitle(l) });
  const out: string[] = [`# yaml-language-server: $schema=${o.schemaPath}`, '#'];
  out.push(...comment(t('new.head', lang, { what: title(lang) })), '#', `#   regiosim validate ${o.file}`, `#   regiosim run ${o.file} --seed 1`, '#');
  out.push(...comment(t('new.edit', lang)), ...comment(t('new.compare', lang, { file: o.file })), '');
  out.push(...comment(t('new.name', lang)), `name: ${scalar(name)}`);
  out.push(...comment(t('new.titles', lang)), `title: ${scalar(title('en'))}`, `description: ${scalar(description('en'))}`, 'nl:', `  title: ${scalar(title('nl'))}`, `  description: ${scalar(description('nl'))}`, '');
  if (o.builtin) {
    out.push(...comment(t('new.regionBuiltin', lang, { id: region.id })), `region: ${region.id}`, '');
  } else {
    out.push(...comment(t('new.regionMembers', lang)), 'region:', `  name: ${scalar(region.name)}`, '  members:');
    const items = region.municipalities.map((m) => `    - ${scalar(m.name)}`);
    const width = Math.max(...items.map((i) => i.length));
    region.municipalities.forEach((m, i) => {
      out.push(`${items[i]!.padEnd(width)}  # ${t('new.member', lang, { code: m.code, province: m.province ?? '', population: fmt.count(m.population) })}`);
    });
    out.push('');
  }
  out.push(...comment(t('new.horizon', lang)), 'start: 2015-01', 'end: 2030-12', '');
  out.push('structure:', ...comment(t('new.formation', lang), '  '), '  formation: true', '');
  out.push(...comment(t('new.events', lang)), 'events:', ...comment(t('new.social', lang), '  '));
  out.push('  - date: 2015-01', '    type: task-rate', '    domain: social', '    multiplier: 3', '    label: Social domain decentralised');
  out.push(...comment(t(`new.structure.${structure}` as MessageKey, lang), '  '));
  if (structure !== 'none') {
    out.push(...comment(t('new.starts', lang), '  '));
    out.push('  - date: 2015-01', '    type: start-arrangement', `    label: ${scalar(BODY[structure])}`, '    arrangement:');
    out.push(`      id: ${structure}`, `      name: ${scalar(`${BODY[structure]} ${region.name}`)}`, `      kind: ${structure}`, '      members: all', `      domains: [${DOMAINS.join(', ')}]`);
  }
  return out.join('\n') + '\n';
}
