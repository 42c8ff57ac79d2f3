/**
 * The checks of a scenario file's bytes, with no file system: YAML, the schema, resolution
 * against the regions and the parameter overrides, every problem with its line. The one home of
 * those checks for the CLI (src/io/scenario.ts reads the file and adds the `reference` check)
 * and for the playground page, which validates a loaded file with the same schema and the same
 * messages.
 */
import { resolveScenario, type ResolveResult } from '../core/scenario/resolve.js';
import { scenarioSchema, type ScenarioFile } from '../core/scenario/schema.js';
import type { MunicipalityUniverse, Region } from '../core/entities/region.js';
import type { Problem, Salvaged } from '../core/problems.js';
import { parseYamlBytes, type YamlDocument } from './yaml.js';
import { parsePath, salvage, zodIssuesToProblems } from './zod-problems.js';

export interface ScenarioCheck {
  /** The parsed document, when the YAML could be read. */
  doc?: YamlDocument;
  /** The part of the file that passed the schema (all of it when it passed). */
  usable?: ScenarioFile | Salvaged<ScenarioFile>;
  resolved?: ResolveResult;
  /** Stop here: the file could not be read far enough for further checks. */
  final: boolean;
  /** Adds a problem at a path of the file (shown with its line). */
  addInFile(path: readonly PropertyKey[], p: Omit<Problem, 'path'>, label?: string): void;
  /** Every problem so far: those without a line first, then those in the file by line. */
  problems(): Problem[];
}

/**
 * @param bytes the file's bytes
 * @param regions the built-in regions: their ids and a lookup; and the municipalities a region
 *   named by its members is filled in from (without them such a region is refused)
 * @param overrides parameter overrides applied last (`--set`)
 * @param before problems found before the file (of the overrides), reported first
 */
export function checkScenarioBytes(
  bytes: Uint8Array,
  regions: { ids: readonly string[]; load(id: string): Region; municipalities?: () => MunicipalityUniverse },
  overrides: Record<string, number> = {},
  before: readonly Problem[] = [],
): ScenarioCheck {
  const problems: Problem[] = [...before];
  const inFile: { problem: Problem; line: number }[] = [];
  const check: ScenarioCheck = {
    final: true,
    addInFile: (path, p, label) => {
      const { shown, line } = check.doc ? check.doc.at(path, label) : { shown: label ?? String(path.join('.')), line: undefined };
      inFile.push({ problem: { ...p, path: shown }, line: line ?? Number.POSITIVE_INFINITY });
    },
    problems: () => [...problems, ...[...inFile].sort((a, b) => a.line - b.line).map((x) => x.problem)],
  };
  const parsed = parseYamlBytes(bytes);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return check;
  }
  check.doc = parsed.doc;
  const data = parsed.doc.data;
  if (data === null || data === undefined) {
    problems.push({ path: '(top level)', expected: 'a scenario: a mapping with name, region, start and end', found: 'an empty file' });
    return check;
  }
  // The schema, then the checks after it (bounds, references, contradictions) on whatever part
  // of the file passed the schema: every problem in one pass.
  const checked = scenarioSchema.safeParse(data);
  if (!checked.success) {
    for (const p of zodIssuesToProblems(checked.error.issues, data, scenarioSchema)) check.addInFile(p.path, { expected: p.expected, found: p.found });
  }
  const usable = checked.success ? checked.data : salvage(scenarioSchema, data);
  if (usable === undefined) return check;
  check.usable = usable;
  check.final = false;
  const known = [...regions.ids];
  const uncheckedIds = checked.success ? undefined : idsOfFailedParts(data, usable);
  const resolved = resolveScenario(usable, (id) => (known.includes(id) ? regions.load(id) : undefined), known, overrides, {
    ...(regions.municipalities ? { municipalities: regions.municipalities } : {}),
    ...(uncheckedIds ? { uncheckedIds } : {}),
  });
  check.resolved = resolved;
  if (!resolved.ok) {
    for (const p of resolved.problems) {
      const segs = parsePath(p.path);
      if (segs) check.addInFile(segs, { expected: p.expected, found: p.found }, p.path);
      else problems.push(p);
    }
  }
  return check;
}

/**
 * Arrangement ids that arrangements and start events which failed the schema define: events
 * referring to them are not reported as referring to nothing.
 */
function idsOfFailedParts(data: unknown, usable: { arrangements?: unknown[]; events?: unknown[] }): Set<string> {
  const ids = new Set<string>();
  const rec = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const raw = rec(data);
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  list(raw?.['arrangements']).forEach((a, k) => {
    const id = rec(a)?.['id'];
    if (typeof id === 'string' && !usable.arrangements?.[k]) ids.add(id);
  });
  list(raw?.['events']).forEach((e, k) => {
    const id = rec(rec(e)?.['arrangement'])?.['id'];
    if (typeof id === 'string' && !usable.events?.[k]) ids.add(id);
  });
  return ids;
}
