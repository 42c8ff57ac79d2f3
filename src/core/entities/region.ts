/**
 * Regions: the set of municipalities a simulation runs on, with their populations and the
 * neighbour graph inside the region.
 *
 * Pure code (no Node imports): it runs in the browser as well as in Node. Reading the data
 * files is done by src/io/regions.ts, which hands the parsed records to {@link buildRegion}.
 */
import { closest, describeValue, type Problem } from '../problems.js';

export interface RegionMunicipality {
  code: string;
  name: string;
  population: number;
  /** Codes of the municipalities in the same region that border this one (sorted). */
  neighbours: string[];
  /** [longitude, latitude] (WGS84). */
  centroid?: [number, number];
  province?: string;
}

export interface Region {
  id: string;
  name: string;
  /** Reference year of the municipal division the region is expressed in. */
  year: number;
  /** Where the data comes from (free text for reports). */
  source: string;
  /** Sorted by code. */
  municipalities: RegionMunicipality[];
}

/** One problem found in user input: where, what was expected, what was found. */
export type RegionProblem = Problem;

export interface RegionMeta {
  id: string;
  name: string;
  year: number;
  source: string;
}

/** A municipality record as found in a data file: neighbours may point outside any region. */
export interface MunicipalityRecord {
  code: string;
  name: string;
  population: number;
  neighbours: readonly string[];
  centroid?: readonly [number, number] | readonly number[];
  province?: string;
}

const byCode = (a: { code: string }, b: { code: string }): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/**
 * Builds a region from a universe of municipality records.
 *
 * `members` lists the member codes; `'all'` takes every record. Neighbours outside the region
 * are dropped and the relation is made symmetric (an edge listed by either side counts).
 * Throws for unknown or duplicate member codes: built-in definitions are program data, and a
 * mistake there is a bug, not user input.
 */
export function buildRegion(
  meta: RegionMeta,
  universe: readonly MunicipalityRecord[],
  members: readonly string[] | 'all',
): Region {
  const index = new Map<string, MunicipalityRecord>();
  for (const m of universe) {
    if (index.has(m.code)) throw new Error(`region ${meta.id}: duplicate municipality code ${m.code} in the data`);
    index.set(m.code, m);
  }
  const codes = members === 'all' ? [...index.keys()] : [...members];
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const c of codes) {
    if (seen.has(c)) throw new Error(`region ${meta.id}: member ${c} is listed twice`);
    seen.add(c);
    if (!index.has(c)) unknown.push(c);
  }
  if (unknown.length > 0) {
    throw new Error(`region ${meta.id}: member code(s) not in the data: ${unknown.join(', ')}`);
  }

  const edges = new Map<string, Set<string>>(codes.map((c) => [c, new Set<string>()]));
  for (const c of codes) {
    for (const n of index.get(c)!.neighbours) {
      if (n === c || !edges.has(n)) continue;
      edges.get(c)!.add(n);
      edges.get(n)!.add(c);
    }
  }

  const municipalities = codes.map((c): RegionMunicipality => {
    const rec = index.get(c)!;
    const m: RegionMunicipality = {
      code: rec.code,
      name: rec.name,
      population: rec.population,
      neighbours: [...edges.get(c)!].sort(),
    };
    if (rec.centroid !== undefined) m.centroid = [rec.centroid[0]!, rec.centroid[1]!];
    if (rec.province !== undefined) m.province = rec.province;
    return m;
  });
  municipalities.sort(byCode);
  return { id: meta.id, name: meta.name, year: meta.year, source: meta.source, municipalities };
}

// ------------------------------------------------------------------------------------------
// User-described regions

export interface InlineMunicipality {
  name: string;
  population: number;
  /** Optional; when absent a code `U001`, `U002`, … is generated from the position in the list. */
  code?: string;
  /** Names of neighbouring municipalities in the same definition. */
  neighbours?: string[];
}

export interface InlineRegionDef {
  /** Defaults to a slug of the name. */
  id?: string;
  name: string;
  /** Defaults to {@link DEFAULT_INLINE_YEAR}. */
  year?: number;
  source?: string;
  municipalities: InlineMunicipality[];
}

/** Year given to an inline region that states none: the reference year of the built-in data. */
export const DEFAULT_INLINE_YEAR = 2019;

export type InlineRegionResult =
  | {
      ok: true;
      region: Region;
      /** True when no municipality listed neighbours, so every pair was made neighbours. */
      compact: boolean;
      problems: [];
    }
  | { ok: false; problems: RegionProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  return typeof v;
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'inline' : s;
}

/** Code generated for the municipality at position `index` (0-based) of an inline definition. */
export function inlineCode(index: number): string {
  return `U${String(index + 1).padStart(3, '0')}`;
}

/**
 * Builds a region from a user's description (for example a scenario file).
 *
 * Never throws for bad input: it returns every problem found, each with the path of the
 * field, what was expected and what was found. When no municipality lists neighbours, every
 * pair is treated as neighbours (a compact region) and `compact` is true; the region's
 * `source` says so too. When some do, the relation is made symmetric.
 */
export function regionFromInline(def: unknown): InlineRegionResult {
  const problems: RegionProblem[] = [];
  const problem = (path: string, expected: string, found: unknown): void => {
    problems.push({ path, expected, found: describe(found) });
  };

  if (!isRecord(def)) {
    problem('', 'an object with name and municipalities', def);
    return { ok: false, problems };
  }

  const name = def['name'];
  if (typeof name !== 'string' || name.trim() === '') problem('name', 'a non-empty string', name);
  const id = def['id'];
  if (id !== undefined && (typeof id !== 'string' || id.trim() === '')) problem('id', 'a non-empty string', id);
  const year = def['year'];
  if (year !== undefined && !(typeof year === 'number' && Number.isInteger(year))) {
    problem('year', 'an integer year', year);
  }
  const source = def['source'];
  if (source !== undefined && typeof source !== 'string') problem('source', 'a string', source);

  const list = def['municipalities'];
  if (!Array.isArray(list)) {
    problem('municipalities', 'an array of at least 2 municipalities', list);
    return { ok: false, problems };
  }
  if (list.length < 2) problem('municipalities', 'at least 2 municipalities', list);

  interface Entry {
    name: string;
    population: number;
    code: string;
    neighbours: string[] | undefined;
  }
  const entries: (Entry | undefined)[] = [];
  // Kept apart from `entries` so that neighbour names are checked even where another field is bad.
  const given: { name: string; neighbours: string[] }[] = [];
  let anyNeighbours = false;
  const nameAt = new Map<string, number>();
  const codeAt = new Map<string, number>();

  list.forEach((raw: unknown, i: number) => {
    const at = `municipalities[${i}]`;
    if (!isRecord(raw)) {
      problem(at, 'an object with name and population', raw);
      entries.push(undefined);
      return;
    }
    let ok = true;
    const mName = raw['name'];
    if (typeof mName !== 'string' || mName.trim() === '') {
      problem(`${at}.name`, 'a non-empty string', mName);
      ok = false;
    } else if (nameAt.has(mName)) {
      problem(`${at}.name`, `a name not used before (also at municipalities[${nameAt.get(mName)}])`, mName);
      ok = false;
    } else {
      nameAt.set(mName, i);
    }

    const pop = raw['population'];
    if (!(typeof pop === 'number' && Number.isInteger(pop) && pop > 0)) {
      problem(`${at}.population`, 'a positive integer', pop);
      ok = false;
    }

    const rawCode = raw['code'];
    let code = inlineCode(i);
    if (rawCode !== undefined) {
      if (typeof rawCode !== 'string' || rawCode.trim() === '') {
        problem(`${at}.code`, 'a non-empty string', rawCode);
        ok = false;
      } else {
        code = rawCode;
      }
    }
    if (codeAt.has(code)) {
      problem(`${at}.code`, `a code not used before (also at municipalities[${codeAt.get(code)}])`, code);
      ok = false;
    } else {
      codeAt.set(code, i);
    }

    const rawNb = raw['neighbours'];
    let neighbours: string[] | undefined;
    if (rawNb !== undefined) {
      if (!Array.isArray(rawNb)) {
        problem(`${at}.neighbours`, 'an array of municipality names', rawNb);
        ok = false;
      } else {
        anyNeighbours = true;
        neighbours = [];
        rawNb.forEach((n: unknown, j: number) => {
          if (typeof n !== 'string') {
            problem(`${at}.neighbours[${j}]`, 'a municipality name', n);
            ok = false;
          } else {
            neighbours!.push(n);
          }
        });
      }
    }
    given[i] = { name: typeof mName === 'string' ? mName : '', neighbours: neighbours ?? [] };
    entries.push(ok ? { name: mName as string, population: pop as number, code, neighbours } : undefined);
  });

  // Neighbour names can only be checked once every name is known.
  const compact = !anyNeighbours;
  given.forEach((g, i) => {
    g.neighbours.forEach((n, j) => {
      const path = `municipalities[${i}].neighbours[${j}]`;
      if (n === g.name) problem(path, 'the name of another municipality (not itself)', n);
      else if (!nameAt.has(n)) problem(path, 'the name of a municipality in this region', n);
    });
  });

  if (problems.length > 0) return { ok: false, problems };

  const valid = entries as Entry[];
  const codeOf = new Map(valid.map((e) => [e.name, e.code]));
  const records: MunicipalityRecord[] = valid.map((e) => ({
    code: e.code,
    name: e.name,
    population: e.population,
    neighbours: compact
      ? valid.filter((o) => o !== e).map((o) => o.code)
      : (e.neighbours ?? []).map((n) => codeOf.get(n)!),
  }));

  const regionName = (name as string).trim();
  const baseSource = typeof source === 'string' && source.trim() !== '' ? source : 'inline definition';
  const region = buildRegion(
    {
      id: typeof id === 'string' ? id : slug(regionName),
      name: regionName,
      year: typeof year === 'number' ? year : DEFAULT_INLINE_YEAR,
      source: compact ? `${baseSource} (no neighbours given: every pair treated as neighbours)` : baseSource,
    },
    records,
    records.map((r) => r.code),
  );
  return { ok: true, region, compact, problems: [] };
}

// ------------------------------------------------------------------------------------------
// Regions named by their members

/**
 * The municipalities a scenario may name (`region: {members: [...]}`): the records of one
 * municipal division, with where they come from. src/io/regions.ts reads them from data/.
 */
export interface MunicipalityUniverse {
  /** Reference year of the division (the region's `year`). */
  year: number;
  /** Where the records come from (the start of the region's `source`). */
  source: string;
  records: readonly MunicipalityRecord[];
  /** Other names people write for a municipality (Den Haag for 's-Gravenhage): name → code. */
  aliases?: Readonly<Record<string, string>>;
}

export interface MembersRegionDef {
  /** Defaults to a slug of the name. */
  id?: string;
  /** Defaults to {@link membersRegionName} of the members. */
  name?: string;
  /** Names (in any case, with or without accents and punctuation) or CBS codes (GM0637). */
  members: readonly string[];
}

export type MembersRegionResult = { ok: true; region: Region; problems: [] } | { ok: false; problems: RegionProblem[] };

/** A name reduced for matching: no accents, lower case, every run of other characters one space. */
export function normalName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What a reference to a municipality found: one, several, or none (with the names it may have meant). */
export type MunicipalityMatch =
  | { kind: 'one'; record: MunicipalityRecord }
  | { kind: 'many'; records: MunicipalityRecord[] }
  | { kind: 'none'; hints: string[] };

/**
 * Finds the municipality a user means: by CBS code (any case), by name as written, else by its
 * {@link normalName} among the names and aliases. When nothing matches, the hints are the
 * municipalities whose name starts with the reference as a whole word ("Bergen": Bergen (L.)
 * and Bergen (NH.)), else the nearest name by edit distance ({@link closest}); a hint is never
 * taken for an answer.
 */
export function findMunicipality(ref: string, universe: MunicipalityUniverse): MunicipalityMatch {
  const index = new Map(universe.records.map((r) => [r.code, r]));
  const code = index.get(ref.trim().toUpperCase());
  if (code !== undefined) return { kind: 'one', record: code };
  const exact = universe.records.filter((r) => r.name === ref);
  if (exact.length === 1) return { kind: 'one', record: exact[0]! };
  const key = normalName(ref);
  const found = new Map<string, MunicipalityRecord>();
  for (const r of universe.records) if (normalName(r.name) === key) found.set(r.code, r);
  for (const [alias, c] of Object.entries(universe.aliases ?? {})) {
    const r = index.get(c);
    if (r !== undefined && normalName(alias) === key) found.set(r.code, r);
  }
  const records = [...found.values()].sort(byCode);
  if (records.length === 1) return { kind: 'one', record: records[0]! };
  if (records.length > 1) return { kind: 'many', records };
  const prefixed = key === '' ? [] : universe.records.filter((r) => normalName(r.name).startsWith(`${key} `)).map((r) => r.name);
  if (prefixed.length > 0) return { kind: 'none', hints: prefixed.sort() };
  const near = closest(ref, [...universe.records.map((r) => r.name), ...Object.keys(universe.aliases ?? {})]);
  return { kind: 'none', hints: near === undefined ? [] : [near] };
}

/** "did you mean X?" / "did you mean X or Y?" for the hints of a failed match ('' when none). */
export function didYouMean(hints: readonly string[]): string {
  if (hints.length === 0) return '';
  const list = hints.length === 1 ? hints[0]! : `${hints.slice(0, -1).join(', ')} or ${hints[hints.length - 1]!}`;
  return ` (did you mean ${list}?)`;
}

/**
 * The name a region named by its members gets when the file gives none: the members' names in
 * the order given, at most three, then how many more (`Delft, Zoetermeer, Westland +5`). It uses
 * no words, so it reads the same in English and Dutch output.
 */
export function membersRegionName(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`;
}

/** Longest id a region gets from its name (the scenario schema's bound on ids). */
const MAX_REGION_ID = 64;

/**
 * Builds a region from the names or codes of its members, with everything else taken from the
 * universe: code, name, population, province, centroid and the neighbours among the members
 * (borders with municipalities outside the region are dropped; a member that borders none of the
 * others has no neighbours). `year` is the universe's; `source` says where the figures come from
 * and that the members were named in the scenario.
 *
 * Never throws for bad input: every reference that fits no municipality (with a "did you mean"),
 * fits several, or names a municipality named before is a problem at `members[k]`.
 */
export function regionFromMembers(def: MembersRegionDef, universe: MunicipalityUniverse): MembersRegionResult {
  const problems: RegionProblem[] = [];
  const codes: string[] = [];
  const at = new Map<string, number>();
  def.members.forEach((ref, k) => {
    const path = `members[${k}]`;
    const match = findMunicipality(ref, universe);
    if (match.kind === 'none') {
      problems.push({
        path,
        expected: `the name or CBS code (GM0000) of a Dutch municipality of ${universe.year} (\`regiosim regions netherlands\` lists them)`,
        found: `${describeValue(ref)}${didYouMean(match.hints)}`,
      });
    } else if (match.kind === 'many') {
      problems.push({
        path,
        expected: 'a reference to one municipality (write its code, or its name exactly)',
        found: `${describeValue(ref)}, which fits ${match.records.map((r) => `${r.name} (${r.code})`).join(' and ')}`,
      });
    } else {
      const c = match.record.code;
      const before = at.get(c);
      if (before !== undefined) {
        problems.push({ path, expected: 'a municipality not named before in members', found: `${describeValue(ref)}, which is ${match.record.name} (${c}) again, as at members[${before}]` });
      } else {
        at.set(c, k);
        codes.push(c);
      }
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  if (codes.length < 2) return { ok: false, problems: [{ path: 'members', expected: 'at least 2 municipalities', found: `${codes.length}` }] };
  const nameOf = new Map(universe.records.map((r) => [r.code, r.name]));
  const name = def.name?.trim() || membersRegionName(codes.map((c) => nameOf.get(c)!));
  const id = def.id ?? (slug(name).slice(0, MAX_REGION_ID).replace(/-+$/, '') || 'own-region');
  const region = buildRegion({ id, name, year: universe.year, source: `${universe.source}; members named in the scenario` }, universe.records, codes);
  return { ok: true, region, problems: [] };
}

// ------------------------------------------------------------------------------------------
// Small helpers used by reports and tests

export function totalPopulation(region: Region): number {
  return region.municipalities.reduce((s, m) => s + m.population, 0);
}

/** Number of undirected neighbour pairs. */
export function neighbourPairs(region: Region): number {
  return region.municipalities.reduce((s, m) => s + m.neighbours.length, 0) / 2;
}
