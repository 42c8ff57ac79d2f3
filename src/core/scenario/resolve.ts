/**
 * Turns a schema-checked scenario file into a resolved scenario the model can run: the region
 * looked up or built, members resolved to municipality indices, dates to absolute months,
 * parameters merged with defaults and overrides. Semantic problems (members not in the region or
 * ambiguous, dates outside the horizon, a horizon or a run too long, unknown parameters, unknown
 * arrangement ids, contradictory events) are collected, all at once, instead of thrown.
 *
 * It also runs on the part of a file that passed the schema when another part did not (a
 * {@link Salvaged} file), so that the schema's problems and these come in one pass; it then
 * checks what it can and never returns a scenario.
 */
import { DOMAINS, type Domain } from '../domains.js';
import { FORMATION_KINDS, kindProperties, type ArrangementKind, type KindProperties } from '../entities/arrangement.js';
import { didYouMean, regionFromInline, regionFromMembers, type MunicipalityUniverse, type Region } from '../entities/region.js';
import { closest, describeValue, type Problem, type Salvaged } from '../problems.js';
import { defaultParams, paramProblem, type ParamName, type Params } from '../params.js';
import { fromAbsMonth, toAbsMonth } from '../time.js';
import { estimateWork, MAX_MONTHS, MAX_WORK, workText } from './limits.js';
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
  /** Start-up months when started by an event; undefined: the model decides (startupMonths, or kwartiermakerMonths with a kwartiermaker). */
  startup?: number;
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
  /** Title and description in Dutch (the English ones where the file gives none). */
  nl: { title: string; description: string };
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
  /** Kinds the municipalities may form themselves (they choose among them). */
  formationKinds: ArrangementKind[];
  arrangements: ArrangementSpec[];
  /** Sorted by date; events at the same date keep file order. */
  events: ScenarioEvent[];
}

/**
 * Default spin-up in months. Chosen by measuring when relationship stock, trust and council
 * stance stop drifting from their initial values (docs/ODD.md, section 5).
 */
export const DEFAULT_SPINUP_MONTHS = 192;

const domainIndex = (d: Domain): number => DOMAINS.indexOf(d);

export type ResolveResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return describeValue(v);
  return String(v);
}

export interface ResolveOptions {
  /**
   * Arrangement ids defined by parts of the file that failed the schema: references to them are
   * not reported again (the schema's problem is the one to fix).
   */
  uncheckedIds?: ReadonlySet<string>;
  /**
   * The municipalities a region named by its members (`region: {members: [...]}`) is built from;
   * called only for such a region. Without it such a region is refused.
   */
  municipalities?: () => MunicipalityUniverse;
}

/**
 * @param file the schema-checked file
 * @param lookupRegion finds a built-in region by id (undefined when unknown)
 * @param knownRegions ids of the built-in regions, for the message
 * @param overrides parameter overrides from the command line (`--set name=value`), applied last
 */
export function resolveScenario(
  file: ScenarioFile | Salvaged<ScenarioFile>,
  lookupRegion: (id: string) => Region | undefined,
  knownRegions: string[],
  overrides: Record<string, number> = {},
  options: ResolveOptions = {},
): ResolveResult {
  const unchecked = options.uncheckedIds ?? new Set<string>();
  const problems: Problem[] = [];
  const problem = (path: string, expected: string, found: unknown): void => {
    problems.push({ path, expected, found: show(found) });
  };

  // Region
  let region: Region | undefined;
  if (file.region === undefined) {
    // missing or failed the schema: nothing to check against
  } else if (typeof file.region === 'string') {
    region = lookupRegion(file.region);
    if (!region) problem('region', `a built-in region (${knownRegions.join(', ')}) or an inline region`, file.region);
  } else if ('members' in file.region) {
    if (options.municipalities === undefined) problems.push({ path: 'region', expected: 'a built-in region id or a region written out (no municipality data to look members up in)', found: 'a region named by its members' });
    else if (file.region.members?.every((m) => typeof m === 'string')) {
      const { id, name } = file.region;
      const members = file.region.members as string[];
      const built = regionFromMembers({ members, ...(id !== undefined ? { id } : {}), ...(name !== undefined ? { name } : {}) }, options.municipalities());
      if (built.ok) region = built.region;
      else for (const p of built.problems) problems.push({ ...p, path: `region.${p.path}` });
    }
  } else {
    const built = regionFromInline(file.region);
    if (built.ok) region = built.region;
    else for (const p of built.problems) problems.push({ ...p, path: p.path ? `region.${p.path}` : 'region' });
  }

  // Dates
  const start = file.start !== undefined ? toAbsMonth(file.start) : undefined;
  const end = file.end !== undefined ? toAbsMonth(file.end) : undefined;
  const horizon = start !== undefined && end !== undefined && end >= start;
  if (start !== undefined && end !== undefined) {
    if (end < start) problem('end', `a month not before start (${file.start})`, file.end);
    else if (end - start + 1 > MAX_MONTHS) {
      problems.push({ path: 'end', expected: `a month at most ${MAX_MONTHS / 12} years after start (${MAX_MONTHS} months: ${file.start} to ${fromAbsMonth(start + MAX_MONTHS - 1)})`, found: `${show(file.end)} (${end - start + 1} months)` });
    }
  }
  const inHorizon = (path: string, date: string): number => {
    const at = toAbsMonth(date);
    if (horizon && (at < start! || at > end!)) problem(path, `a month within the horizon ${file.start} to ${file.end}`, date);
    return at;
  };
  const evalFrom = file.evaluation?.from !== undefined ? inHorizon('evaluation.from', file.evaluation.from) : start;
  const evalTo = file.evaluation?.to !== undefined ? inHorizon('evaluation.to', file.evaluation.to) : end;
  if (file.evaluation?.from !== undefined && file.evaluation?.to !== undefined && evalTo! < evalFrom!) problem('evaluation.to', 'a month not before evaluation.from', file.evaluation.to);

  // Parameters
  const params: Params = defaultParams();
  const setParam = (path: string, name: string, value: number): void => {
    const bad = paramProblem(path, name, value);
    if (bad) problems.push(bad);
    else params[name as ParamName] = value;
  };
  for (const [name, value] of Object.entries(file.parameters ?? {})) if (value !== undefined) setParam(`parameters.${name}`, name, value);
  for (const [name, value] of Object.entries(overrides)) setParam(`--set ${name}`, name, value);
  if (params.taskDurationMax < params.taskDurationMin) problem('parameters.taskDurationMax', `at least taskDurationMin (${params.taskDurationMin})`, params.taskDurationMax);

  // Members: by code or name as written, else by name in any case. A reference that fits more
  // than one municipality (the name of one and the code of another, or two names that differ
  // only in case) is refused, naming the candidates, rather than guessed.
  const byExact = new Map<string, Set<number>>();
  const byLower = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, key: string, i: number): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(i);
  };
  if (region) {
    region.municipalities.forEach((m, i) => {
      add(byExact, m.code, i);
      add(byExact, m.name, i);
      add(byLower, m.name.toLowerCase(), i);
    });
  }
  const describeCandidate = (ref: string, i: number): string => {
    const m = region!.municipalities[i]!;
    if (m.code === ref) return `the code of ${m.name}`;
    if (m.name === ref) return `the name of ${m.name} (code ${m.code})`;
    return `${m.name} (code ${m.code}) in another case`;
  };
  /** Whether the last call of resolveMembers found every reference. */
  let allFound = true;
  const resolveMembers = (path: string, list: 'all' | string[]): number[] => {
    allFound = true;
    if (!region) return [];
    if (list === 'all') return region.municipalities.map((_, i) => i);
    const out = new Set<number>();
    list.forEach((ref, k) => {
      const candidates = [...(byExact.get(ref) ?? byLower.get(ref.toLowerCase()) ?? [])].sort((a, b) => a - b);
      if (candidates.length !== 1) allFound = false;
      if (candidates.length === 0) {
        const hint = closest(ref, region!.municipalities.map((m) => m.name));
        problems.push({ path: `${path}[${k}]`, expected: `a municipality of region ${region!.name}`, found: `${show(ref)}${didYouMean(hint === undefined ? [] : [hint])}` });
      }
      else if (candidates.length > 1) {
        problems.push({
          path: `${path}[${k}]`,
          expected: 'a reference to one municipality (write its code, or its name exactly)',
          found: `${show(ref)}, which is ${candidates.map((i) => describeCandidate(ref, i)).join(' and ')}`,
        });
      } else out.add(candidates[0]!);
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
    if (region && allFound && members.length < 2) problem(`${path}.members`, 'at least 2 members', members.length);
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
      ...(def.startup !== undefined ? { startup: def.startup } : {}),
    };
  };

  const arrangements: ArrangementSpec[] = [];
  (file.arrangements ?? []).forEach((a, k) => {
    if (a) arrangements.push(resolveArrangement(`arrangements[${k}]`, a));
  });

  const events: ScenarioEvent[] = [];
  const rawEvents = file.events ?? [];
  // Ids are introduced in date order, so check references after sorting by date.
  const order = rawEvents
    .map((e, k) => (e ? { e, k, at: toAbsMonth(e.date) } : null))
    .filter((x): x is { e: EventDef; k: number; at: number } => x !== null)
    .sort((a, b) => a.at - b.at || a.k - b.k);
  // What earlier events did, to refuse contradictions: an arrangement ended (by which event, when),
  // the task-rate and change events of each month.
  const ended = new Map<string, { k: number; date: string }>();
  const rates = new Map<string, { k: number; multiplier: number }>();
  const changes = new Map<string, { k: number; values: Map<string, string> }>();
  const activeRef = (path: string, e: { arrangement: string; date: string }): boolean => {
    if (unchecked.has(e.arrangement)) return false;
    if (!ids.has(e.arrangement)) {
      problem(`${path}.arrangement`, `the id of an arrangement defined before ${e.date} (${[...ids].join(', ') || 'none'})`, e.arrangement);
      return false;
    }
    const end = ended.get(e.arrangement);
    if (end) {
      problems.push({ path: `${path}.arrangement`, expected: `an arrangement that is active on ${e.date}`, found: `${show(e.arrangement)}, which events[${end.k}] already ended on ${end.date}` });
      return false;
    }
    return true;
  };
  for (const { e, k, at } of order) {
    const path = `events[${k}]`;
    inHorizon(`${path}.date`, e.date);
    const label = e.label;
    switch (e.type) {
      case 'start-arrangement':
        events.push({ at, type: e.type, label, arrangement: resolveArrangement(`${path}.arrangement`, e.arrangement) });
        break;
      case 'end-arrangement':
        if (activeRef(path, e)) ended.set(e.arrangement, { k, date: e.date });
        events.push({ at, type: e.type, label, arrangement: e.arrangement, reason: e.reason ?? 'scenario event' });
        break;
      case 'change-arrangement': {
        if (activeRef(path, e)) {
          // Two changes of one arrangement in one month may not set one thing to two values.
          const key = `${e.arrangement}@${at}`;
          const values = new Map<string, string>();
          for (const [name, v] of Object.entries(e.properties ?? {})) values.set(`properties.${name}`, JSON.stringify(v));
          for (const [d, v] of Object.entries(e.funding ?? {})) values.set(`funding.${d}`, JSON.stringify(v));
          if (e.domains) values.set('domains', JSON.stringify([...new Set(e.domains)].sort()));
          const before = changes.get(key);
          if (before) {
            for (const [field, v] of values) {
              const was = before.values.get(field);
              if (was !== undefined && was !== v) {
                problems.push({ path: `${path}.${field}`, expected: `one value for ${field} of ${e.arrangement} on ${e.date}`, found: `${v}, while events[${before.k}] sets it to ${was} on the same date` });
              }
              before.values.set(field, v);
            }
          } else changes.set(key, { k, values });
        }
        events.push({ at, type: e.type, label, arrangement: e.arrangement, properties: e.properties ?? {}, funding: e.funding, domains: e.domains });
        break;
      }
      case 'task-rate': {
        const key = `${e.domain}@${at}`;
        const before = rates.get(key);
        if (before && before.multiplier !== e.multiplier) {
          problems.push({ path: `${path}.multiplier`, expected: `one task rate for ${e.domain} on ${e.date}`, found: `${e.multiplier}, while events[${before.k}] sets it to ${before.multiplier} on the same date` });
        } else if (!before) rates.set(key, { k, multiplier: e.multiplier });
        events.push({ at, type: e.type, label, domain: e.domain, multiplier: e.multiplier });
        break;
      }
      case 'austerity':
        events.push({ at, type: e.type, label, capacity: e.capacity });
        break;
    }
  }

  const formationKinds = [...new Set(file.structure?.formationKinds ?? FORMATION_KINDS)].filter((k): k is ArrangementKind => k !== null);

  // The cost of the run as a whole, refused up front when it would take too long.
  if (region && horizon && end! - start! + 1 <= MAX_MONTHS) {
    const maxRateMultipliers = [1, 1, 1, 1, 1];
    for (const e of events) if (e.type === 'task-rate') maxRateMultipliers[domainIndex(e.domain)] = Math.max(maxRateMultipliers[domainIndex(e.domain)]!, e.multiplier);
    // The spin-up is simulated too (its months cost the same; it takes no trust snapshots, so counting its elections over-estimates a little).
    const spinup = file.spinup ?? DEFAULT_SPINUP_MONTHS;
    const simulated = end! - start! + 1 + spinup;
    const work = estimateWork({ municipalities: region.municipalities.length, months: simulated, start: start! - spinup, params, maxRateMultipliers });
    if (work.units > MAX_WORK) {
      problems.push({
        path: 'end',
        expected: `a run of at most ${workText(MAX_WORK)} work units (about a minute and a half of one core): a shorter horizon or spin-up, fewer municipalities or lower task rates`,
        found: `${workText(work.units)} units: ${simulated} months (${spinup} of them spin-up), ${region.municipalities.length} municipalities, about ${Math.round(work.tasksPerMonth)} tasks a month and ${work.snapshots} trust snapshots`,
      });
    }
  }

  const complete = file.name !== undefined && start !== undefined && end !== undefined && evalFrom !== undefined && evalTo !== undefined;
  if (problems.length > 0 || !region || !complete) return { ok: false, problems };
  return {
    ok: true,
    scenario: {
      name: file.name!,
      title: file.title ?? file.name!,
      description: file.description ?? '',
      nl: { title: file.nl?.title ?? file.title ?? file.name!, description: file.nl?.description ?? file.description ?? '' },
      reference: file.reference ?? null,
      region,
      start,
      end,
      spinup: file.spinup ?? DEFAULT_SPINUP_MONTHS,
      evaluation: { from: evalFrom, to: evalTo },
      defaultSeed: file.seed ?? 1,
      params,
      formation: file.structure?.formation ?? true,
      formationKinds,
      arrangements,
      events,
    },
  };
}
