/**
 * Node-side access to the regional data in data/: the 2019 municipality file and the
 * built-in region definitions (data/regions.json). Parsed files are cached per process.
 *
 * The package root is found from this module's own location, so the same code works from
 * src/io/ (vitest, tsx) and from the compiled dist/src/io/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildRegion, type MunicipalityRecord, type MunicipalityUniverse, type Region } from '../core/entities/region.js';

const PACKAGE_NAME = 'regiosim';

let rootCache: string | undefined;

/** The directory holding regiosim's package.json. */
export function packageRoot(): string {
  if (rootCache !== undefined) return rootCache;
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(pkg, 'utf8'));
        if (typeof parsed === 'object' && parsed !== null && (parsed as { name?: unknown }).name === PACKAGE_NAME) {
          rootCache = dir;
          return dir;
        }
      } catch {
        // not a readable package.json: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${start}`);
    }
    dir = parent;
  }
}

/** Absolute path of a file in the package's data/ directory. */
export function dataPath(file: string): string {
  return join(packageRoot(), 'data', file);
}

// ------------------------------------------------------------------------------------------
// File formats

const Code = z.string().regex(/^GM\d{4}$/, 'a GM code such as GM0518');

const MunicipalityFile = z.array(
  z.object({
    code: Code,
    name: z.string().min(1),
    province: z.string().min(1),
    population: z.number().int().positive(),
    centroid: z.tuple([z.number(), z.number()]),
    neighbours: z.array(Code),
  }),
);

const RegionBase = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().min(1),
  reference: z.string().min(1),
  year: z.number().int(),
  source: z.string().min(1),
});

const RegionDef = z.union([
  RegionBase.extend({ members: z.array(Code).min(1) }).strict(),
  RegionBase.extend({ all: z.literal(true) }).strict(),
  RegionBase.extend({ municipalities: MunicipalityFile.min(1) }).strict(),
]);

const RegionsFile = z.object({
  '//': z.string().optional(),
  regions: z.array(RegionDef).min(1),
});

export type RegionDefinition = z.infer<typeof RegionDef>;

/** What listRegions() tells about each built-in region. */
export interface RegionSummary {
  id: string;
  name: string;
  description: string;
  reference: string;
  year: number;
  municipalityCount: number;
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const path = dataPath(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} is not in the expected format:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

let municipalitiesCache: MunicipalityRecord[] | undefined;
let definitionsCache: RegionDefinition[] | undefined;

/** The 355 municipalities of data/nl-municipalities-2019.json (cached; do not mutate). */
export function municipalities2019(): readonly MunicipalityRecord[] {
  municipalitiesCache ??= readJson('nl-municipalities-2019.json', MunicipalityFile);
  return municipalitiesCache;
}

/** Where the records of data/nl-municipalities-2019.json come from (data/README.md). */
export const MUNICIPALITIES_2019_SOURCE =
  'data/nl-municipalities-2019.json: 2019 municipal boundaries (CBS/PDOK via cartomap/nl), population mid-2020 (CBS 37230ned via mzelst/covid-19)';

/**
 * Names people use for a municipality other than its official (CBS) name, which a region named
 * by its members accepts too. The official names are those of the 2019 file.
 */
export const MUNICIPALITY_ALIASES: Readonly<Record<string, string>> = {
  'Den Haag': 'GM0518',
  'The Hague': 'GM0518',
  'Den Bosch': 'GM0796',
  Nuenen: 'GM0820',
};

/** The 2019 municipalities, for regions named by their members (`region: {members: [...]}`). */
export function municipalityUniverse(): MunicipalityUniverse {
  return { year: 2019, source: MUNICIPALITIES_2019_SOURCE, records: municipalities2019(), aliases: MUNICIPALITY_ALIASES };
}

/** The region definitions of data/regions.json (cached; do not mutate). */
export function regionDefinitions(): readonly RegionDefinition[] {
  if (definitionsCache === undefined) {
    const defs = readJson('regions.json', RegionsFile).regions;
    const ids = new Set<string>();
    for (const d of defs) {
      if (ids.has(d.id)) throw new Error(`${dataPath('regions.json')}: region id "${d.id}" appears twice`);
      ids.add(d.id);
    }
    definitionsCache = defs;
  }
  return definitionsCache;
}

function memberCount(def: RegionDefinition): number {
  if ('members' in def) return def.members.length;
  if ('municipalities' in def) return def.municipalities.length;
  return municipalities2019().length;
}

/** The built-in regions, in the order of data/regions.json. */
export function listRegions(): RegionSummary[] {
  return regionDefinitions().map((d) => ({
    id: d.id,
    name: d.name,
    description: d.description,
    reference: d.reference,
    year: d.year,
    municipalityCount: memberCount(d),
  }));
}

/**
 * A built-in region by id. Returns a fresh object on every call (callers may modify it).
 * Throws for an unknown id, naming the known ones.
 */
export function loadRegion(id: string): Region {
  const defs = regionDefinitions();
  const def = defs.find((d) => d.id === id);
  if (def === undefined) {
    throw new Error(`unknown region "${id}"; known regions: ${defs.map((d) => d.id).join(', ')}`);
  }
  const meta = { id: def.id, name: def.name, year: def.year, source: def.source };
  if ('municipalities' in def) return buildRegion(meta, def.municipalities, def.municipalities.map((m) => m.code));
  return buildRegion(meta, municipalities2019(), 'members' in def ? def.members : 'all');
}
