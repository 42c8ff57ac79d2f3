/**
 * Turns a schema-checked scenario file into a resolved scenario the model can run: the region
 * looked up or built, members resolved to municipality indices, dates to absolute months,
 * parameters merged with defaults and overrides. Semantic problems (members not in the region,
 * dates outside the horizon, unknown parameters, unknown arrangement ids) are collected, all
 * at once, instead of thrown.
 */
import type { Domain } from '../domains.js';
import { ARRANGEMENT_KINDS, kindProperties, type ArrangementKind, type KindProperties } from '../entities/arrangement.js';
import { regionFromInline, type Region } from '../entities/region.js';
import type { Problem } from '../problems.js';
import { defaultParams, paramProblem, type ParamName, type Params } from '../params.js';
import { toAbsMonth } from '../time.js';
import type { ArrangementDef, EventDef, KindOverrides, ScenarioFile } from './schema.js';

export type { Problem };

export interface ArrangementSpec {
  id: string;
  name: string;
  kind: ArrangementKind;
  props: KindProperties;
  members: number[];
  domains: Domain[];
  /** Modular only: explicit members per module; modules absent here are opted into by interest. */
  modules: Partial<Record<Domain, number[]>>;
  funding: Partial<Record<Domain, number>>;
  fundShare: number;
}

export type ScenarioEvent =
  | { at: number; type: 'start-arrangement'; label?: string; arrangement: ArrangementSpec }
  | { at: number; type: 'end-arrangement'; label?: string; arrangement: string; reason: string }
  | { at: number; type: 'change-arrangement'; label?: string; arrangement: string; properties: KindOverrides; funding?: Partial<Record<Domain, number>>; domains?: Domain[] }
  | { at: number; type: 'task-rate'; label?: string; domain: Domain; multiplier: number }
  | { at: number; type: 'austerity'; label?: string; capacity: number };

export interface Scenario {
  name: string;
  title: string;
  description: string;
  /** The scenario it is compared with (as written in the file), or null. */
  reference: string | null;
  region: Region;
  /** Absolute months (year*12 + month-1), inclusive: the reported horizon. */
  start: number;
  end: number;
  /** Months simulated before `start` and not reported (the spin-up); the simulation begins at start - spinup. */
  spinup: number;
  evaluation: { from: number; to: number };
  defaultSeed: number;
  params: Params;
  formation: boolean;
  formationKind: ArrangementKind;
  arrangements: ArrangementSpec[];
  /** Sorted by date; events at the same date keep file order. */
  events: ScenarioEvent[];
}

/**
 * Default spin-up in months. Chosen by measuring when relationship stock, trust and council
 * stance stop drifting from their initial values (docs/ODD.md, section 5).
 */
export const DEFAULT_SPINUP_MONTHS = 192;

export type ResolveResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

/**
 * @param file the schema-checked file
 * @param lookupRegion finds a built-in region by id (undefined when unknown)
 * @param knownRegions ids of the built-in regions, for the message
 * @param overrides parameter overrides from the command line (`--set name=value`), applied last
 */
export function resolveScenario(
  file: ScenarioFile,
  lookupRegion: (id: string) => Region | undefined,
  knownRegions: string[],
  overrides: Record<string, number> = {},
): ResolveResult {
  const problems: Problem[] = [];
  const problem = (path: string, expected: string, found: unknown): void => {
    problems.push({ path, expected, found: show(found) });
  };

  // Region
  let region: Region | undefined;
  if (typeof file.region === 'string') {
    region = lookupRegion(file.region);
    if (!region) problem('region', `a built-in region (${knownRegions.join(', ')}) or an inline region`, file.region);
  } else {
    const built = regionFromInline(file.region);
    if (built.ok) region = built.region;
    else for (const p of built.problems) problems.push({ ...p, path: p.path ? `region.${p.path}` : 'region' });
  }

  // Dates
  const start = toAbsMonth(file.start);
  const end = toAbsMonth(file.end);
  if (end < start) problem('end', `a month not before start (${file.start})`, file.end);
  const inHorizon = (path: string, date: string): number => {
    const at = toAbsMonth(date);
    if (at < start || at > end) problem(path, `a month within the horizon ${file.start} to ${file.end}`, date);
    return at;
  };
  const evaluation = file.evaluation
    ? { from: inHorizon('evaluation.from', file.evaluation.from), to: inHorizon('evaluation.to', file.evaluation.to) }
    : { from: start, to: end };
  if (evaluation.to < evaluation.from) problem('evaluation.to', 'a month not before evaluation.from', file.evaluation?.to);

  // Parameters
  const params: Params = defaultParams();
  const setParam = (path: string, name: string, value: number): void => {
    const bad = paramProblem(path, name, value);
    if (bad) problems.push(bad);
    else params[name as ParamName] = value;
  };
  for (const [name, value] of Object.entries(file.parameters ?? {})) setParam(`parameters.${name}`, name, value);
  for (const [name, value] of Object.entries(overrides)) setParam(`--set ${name}`, name, value);
  if (params.taskDurationMax < params.taskDurationMin) problem('parameters.taskDurationMax', `at least taskDurationMin (${params.taskDurationMin})`, params.taskDurationMax);

  // Members
  const index = new Map<string, number>();
  if (region) {
    region.municipalities.forEach((m, i) => {
      index.set(m.code, i);
      index.set(m.name, i);
      index.set(m.name.toLowerCase(), i);
    });
  }
  const resolveMembers = (path: string, list: 'all' | string[]): number[] => {
    if (!region) return [];
    if (list === 'all') return region.municipalities.map((_, i) => i);
    const out = new Set<number>();
    list.forEach((name, k) => {
      const i = index.get(name) ?? index.get(name.toLowerCase());
      if (i === undefined) problem(`${path}[${k}]`, `a municipality of region ${region!.name}`, name);
      else out.add(i);
    });
    return [...out].sort((a, b) => a - b);
  };

  const ids = new Set<string>();
  const resolveArrangement = (path: string, def: ArrangementDef): ArrangementSpec => {
    if (ids.has(def.id)) problem(`${path}.id`, 'an id not used by another arrangement', def.id);
    ids.add(def.id);
    // The kind's properties under this scenario's parameters (kind.<kind>.<property>); the arrangement's own `properties:` win.
    const props: KindProperties = { ...kindProperties(def.kind, params), ...(def.properties ?? {}) };
    const members = resolveMembers(`${path}.members`, def.members);
    if (region && members.length < 2) problem(`${path}.members`, 'at least 2 members', members.length);
    const modules: Partial<Record<Domain, number[]>> = {};
    if (def.modules) {
      if (!props.modular) problem(`${path}.modules`, 'modules only on a modular arrangement (kind modular-gr)', def.kind);
      for (const [d, list] of Object.entries(def.modules) as [Domain, 'all' | string[]][]) {
        if (!def.domains.includes(d)) problem(`${path}.modules.${d}`, `a domain listed in domains (${def.domains.join(', ')})`, d);
        const mods = resolveMembers(`${path}.modules.${d}`, list);
        for (const m of mods) {
          if (!members.includes(m)) problem(`${path}.modules.${d}`, 'module members that are members of the arrangement', region?.municipalities[m]?.name);
        }
        modules[d] = mods;
      }
    }
    for (const d of Object.keys(def.funding ?? {})) {
      if (!def.domains.includes(d as Domain)) problem(`${path}.funding.${d}`, `a domain listed in domains (${def.domains.join(', ')})`, d);
    }
    return {
      id: def.id,
      name: def.name ?? def.id,
      kind: def.kind,
      props,
      members,
      domains: [...new Set(def.domains)],
      modules,
      funding: { ...(def.funding ?? {}) },
      fundShare: def.fundShare ?? 0.5,
    };
  };

  const arrangements = (file.arrangements ?? []).map((a, k) => resolveArrangement(`arrangements[${k}]`, a));

  const events: ScenarioEvent[] = [];
  const rawEvents: EventDef[] = file.events ?? [];
  // Ids are introduced in date order, so check references after sorting by date.
  const order = rawEvents.map((e, k) => ({ e, k, at: toAbsMonth(e.date) })).sort((a, b) => a.at - b.at || a.k - b.k);
  for (const { e, k, at } of order) {
    const path = `events[${k}]`;
    inHorizon(`${path}.date`, e.date);
    const label = e.label;
    switch (e.type) {
      case 'start-arrangement':
        events.push({ at, type: e.type, label, arrangement: resolveArrangement(`${path}.arrangement`, e.arrangement) });
        break;
      case 'end-arrangement':
        if (!ids.has(e.arrangement)) problem(`${path}.arrangement`, `the id of an arrangement defined before ${e.date} (${[...ids].join(', ') || 'none'})`, e.arrangement);
        events.push({ at, type: e.type, label, arrangement: e.arrangement, reason: e.reason ?? 'scenario event' });
        break;
      case 'change-arrangement':
        if (!ids.has(e.arrangement)) problem(`${path}.arrangement`, `the id of an arrangement defined before ${e.date} (${[...ids].join(', ') || 'none'})`, e.arrangement);
        events.push({ at, type: e.type, label, arrangement: e.arrangement, properties: e.properties ?? {}, funding: e.funding, domains: e.domains });
        break;
      case 'task-rate':
        events.push({ at, type: e.type, label, domain: e.domain, multiplier: e.multiplier });
        break;
      case 'austerity':
        events.push({ at, type: e.type, label, capacity: e.capacity });
        break;
    }
  }

  const formationKind = file.structure?.formationKind ?? 'network';
  if (!ARRANGEMENT_KINDS.includes(formationKind)) problem('structure.formationKind', ARRANGEMENT_KINDS.join(', '), formationKind);

  if (problems.length > 0 || !region) return { ok: false, problems };
  return {
    ok: true,
    scenario: {
      name: file.name,
      title: file.title ?? file.name,
      description: file.description ?? '',
      reference: file.reference ?? null,
      region,
      start,
      end,
      spinup: file.spinup ?? DEFAULT_SPINUP_MONTHS,
      evaluation,
      defaultSeed: file.seed ?? 1,
      params,
      formation: file.structure?.formation ?? true,
      formationKind,
      arrangements,
      events,
    },
  };
}
