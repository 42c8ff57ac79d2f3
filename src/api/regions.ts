/**
 * Regions for the user: the built-in regions with their size and provinces, one of them by id
 * (an unknown id refused with a "did you mean"), and a region named by its members
 * (`regiosim new --members`). What `regiosim regions` and `regiosim new` print and write is made
 * from these.
 */
import { regionFromMembers, totalPopulation, type Region } from '../core/entities/region.js';
import { closest, describeValue, UserError, type Problem } from '../io/errors.js';
import { listRegions, loadRegion, municipalityUniverse } from '../io/regions.js';

export interface RegionListing {
  id: string;
  /** The name in data/regions.json. */
  name: string;
  municipalities: number;
  population: number;
  /** The provinces of its municipalities, sorted. */
  provinces: string[];
}

/** The built-in regions in the order of data/regions.json, each with its size and provinces. */
export function builtinRegions(): RegionListing[] {
  return listRegions().map((r) => {
    const region = loadRegion(r.id);
    const provinces = [...new Set(region.municipalities.map((m) => m.province).filter((p): p is string => p !== undefined))].sort();
    return { id: r.id, name: r.name, municipalities: region.municipalities.length, population: totalPopulation(region), provinces };
  });
}

/** The problem with a region id given at `path`, or null when it is a built-in one. */
export function regionIdProblem(id: string, path: string): Problem | null {
  const ids = listRegions().map((r) => r.id);
  if (ids.includes(id)) return null;
  const hint = closest(id, ids);
  return { path, expected: `a built-in region (${ids.join(', ')})`, found: `${describeValue(id)}${hint ? ` (did you mean ${hint}?)` : ''}` };
}

/** A built-in region by id; an unknown id is a UserError about the command line at `path`. */
export function builtinRegion(id: string, path = 'id'): Region {
  const bad = regionIdProblem(id, path);
  if (bad) throw new UserError('the command line', [bad]);
  return loadRegion(id);
}

/**
 * A region named by its members, as a scenario's `region: {members: [...]}` is, with the problems
 * of the references placed at `path[k]` (e.g. `--members[2]`).
 */
export function regionOfMembers(members: readonly string[], path: string): { ok: true; region: Region } | { ok: false; problems: Problem[] } {
  const built = regionFromMembers({ members }, municipalityUniverse());
  if (built.ok) return { ok: true, region: built.region };
  return { ok: false, problems: built.problems.map((p) => ({ ...p, path: p.path.replace(/^members/, path) })) };
}
