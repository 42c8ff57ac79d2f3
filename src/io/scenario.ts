/**
 * Loading scenario files: read, parse YAML, check against the schema, resolve against the
 * regions, apply `--set` overrides. Every problem found on the way is collected and thrown at
 * once as a {@link UserError} (path, expected, found; with the line in the file where known).
 *
 * A scenario is named either by a path to a YAML file or by the name of a built-in scenario
 * (`scenarios/<name>.yaml` in the package, e.g. `basiscoalitie` or `examples/own-region`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Scenario } from '../core/scenario/resolve.js';
import { UserError, type Problem } from './errors.js';
import { parseOverrides } from './overrides.js';
import { parseYaml, readYamlFile } from './yaml.js';
import { checkScenarioBytes } from './scenario-check.js';
import { listRegions, loadRegion, municipalityUniverse, packageRoot } from './regions.js';

export interface LoadedScenario {
  scenario: Scenario;
  /** The file as the user can open it: the path given, or the absolute path of a built-in. */
  file: string;
  /** Name of the built-in scenario (e.g. `basiscoalitie`), or null for a user's file. */
  builtin: string | null;
  /** sha256 (hex) of the file's bytes. */
  hash: string;
  /** The parameter overrides after parsing (name → number), in the order given. */
  overrides: Record<string, number>;
  /** The scenario's `reference` as loadScenario takes it (a built-in name, or an absolute file path), or null. */
  reference: string | null;
}

export interface BuiltinScenario {
  /** What to type on the command line (`basiscoalitie`, `examples/own-region`). */
  name: string;
  /** Absolute path of the file. */
  file: string;
  title: string;
  description: string;
}

/** Directory holding the built-in scenario files. */
export function scenariosDir(): string {
  return join(packageRoot(), 'scenarios');
}

const BUILTIN_NAME = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/;

/** Built-in scenario names: `scenarios/*.yaml`, then `scenarios/examples/*.yaml` as `examples/<name>`, each sorted. */
export function builtinScenarioNames(): string[] {
  const dir = scenariosDir();
  const names = (sub: string): string[] => {
    const d = join(dir, sub);
    if (!existsSync(d)) return [];
    return readdirSync(d)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => (sub ? `${sub}/` : '') + f.slice(0, -'.yaml'.length))
      .sort();
  };
  return [...names(''), ...names('examples')];
}

/** The built-in scenarios with their title and description (read from the files, not validated). */
export function listBuiltinScenarios(): BuiltinScenario[] {
  return builtinScenarioNames().map((name) => {
    const file = join(scenariosDir(), `${name}.yaml`);
    const parsed = parseYaml(readFileSync(file, 'utf8'));
    const data: unknown = parsed.ok ? parsed.doc.data : undefined;
    const rec = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const text = (v: unknown): string => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '');
    return { name, file, title: text(rec['title']) || name, description: text(rec['description']) };
  });
}

/** Where a scenario argument points: a file that exists, else a built-in of that name, else nothing. */
function locate(arg: string, cwd: string): { path: string; builtin: string | null } | null {
  const asFile = resolve(cwd, arg);
  if (existsSync(asFile)) return { path: asFile, builtin: null };
  const name = arg.replace(/\.yaml$/, '');
  if (BUILTIN_NAME.test(name)) {
    const path = join(scenariosDir(), `${name}.yaml`);
    if (existsSync(path)) return { path, builtin: name };
  }
  return null;
}

// ------------------------------------------------------------------------------------------
// Overrides

// ------------------------------------------------------------------------------------------

/**
 * Reads, checks and resolves a scenario.
 *
 * @param fileOrBuiltinName a path to a YAML file, or the name of a built-in scenario
 * @param overrides parameter overrides (`--set`): numbers, or texts still to be parsed
 * @param options.cwd directory a relative file path is resolved against (default: the process's)
 * @throws UserError with every problem found (file, YAML syntax, schema, region, overrides)
 */
export function loadScenario(fileOrBuiltinName: string, overrides: Record<string, number | string> = {}, options: { cwd?: string } = {}): LoadedScenario {
  const parsed0 = parseOverrides(overrides);
  const problems: Problem[] = [...parsed0.problems];
  const parsedOverrides = parsed0.values;

  const where = locate(fileOrBuiltinName, options.cwd ?? process.cwd());
  if (!where) {
    const builtins = builtinScenarioNames();
    throw new UserError(fileOrBuiltinName, [
      ...problems,
      { path: fileOrBuiltinName, expected: `a scenario file or a built-in scenario (${builtins.join(', ')})`, found: 'no such file' },
    ]);
  }
  const file = where.builtin ? where.path : fileOrBuiltinName;
  const read = readYamlFile(where.path);
  if (!read.ok) throw new UserError(file, [...problems, { path: fileOrBuiltinName, expected: 'a readable YAML scenario file', found: read.found }]);
  const bytes = read.bytes;
  const hash = createHash('sha256').update(bytes).digest('hex');

  const knownRegions = listRegions().map((r) => r.id);
  const check = checkScenarioBytes(bytes, { ids: knownRegions, load: loadRegion, municipalities: municipalityUniverse }, parsedOverrides, problems);
  const fail = (): UserError => new UserError(file, check.problems());
  if (check.final || check.usable === undefined) throw fail();
  const usable = check.usable;
  const resolved = check.resolved!;
  const reference = usable.reference;
  let referenceArg: string | null = null;
  if (reference !== undefined) {
    const found = locate(reference, dirname(where.path));
    if (found) referenceArg = found.builtin ?? found.path;
    const self = found !== null && resolve(found.path) === resolve(where.path);
    if (!found || self) check.addInFile(['reference'], { expected: `another scenario: a built-in name (${builtinScenarioNames().join(', ')}) or a scenario file relative to this one`, found: self ? 'this scenario itself' : `${JSON.stringify(reference)}, which does not exist` });
  }
  if (check.problems().length > 0 || !resolved.ok) throw fail();
  return { scenario: resolved.scenario, file, builtin: where.builtin, hash, overrides: parsedOverrides, reference: referenceArg };
}

/** The path of a scenario as recorded in manifests: `scenarios/<name>.yaml` for a built-in (machine-independent), else as given. */
export function manifestPath(loaded: Pick<LoadedScenario, 'file' | 'builtin'>): string {
  return loaded.builtin ? relative(packageRoot(), loaded.file).split('\\').join('/') : loaded.file;
}
