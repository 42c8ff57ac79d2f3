/**
 * Reading a user's YAML file against a zod schema, with every problem at once: the bytes and
 * syntax (src/io/yaml.ts), the schema (with the line of each field), then the checks the schema
 * cannot make, run on the part of the file that passed. Used by the calibration targets file and
 * the ensemble file; the problem paths name their lines.
 */
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { UserError, type Problem } from './errors.js';
import { parseYamlBytes, readYamlFile } from './yaml.js';
import { salvage, zodIssuesToProblems, type Salvaged } from './zod-problems.js';

export interface CheckedYaml<T> {
  value: T;
  /** Absolute path of the file. */
  file: string;
  /** Its directory (relative references in it are resolved against this). */
  dir: string;
  /** The file's bytes as read (for a checksum in a manifest). */
  bytes: Uint8Array;
}

/**
 * @param file the path as the user gave it (named in every problem)
 * @param cwd where a relative path is resolved
 * @param what what the file should be ("a calibration targets file"), for unreadable or empty files
 * @param option the command-line option that named the file
 * @param check the checks after the schema: gets the file (or the part of it that passed, with
 *   partial = true) and returns the value or more problems
 */
export function readCheckedYaml<S extends z.ZodType, T>(
  file: string,
  cwd: string,
  schema: S,
  what: string,
  option: string,
  check: (data: Salvaged<z.infer<S>>, partial: boolean, dir: string) => { value?: T; problems: Problem[] },
): CheckedYaml<T> {
  const abs = resolve(cwd, file);
  const read = readYamlFile(abs);
  if (!read.ok) throw new UserError(file, [{ path: option, expected: `a readable file (YAML): ${what}`, found: read.found }]);
  const parsed = parseYamlBytes(read.bytes);
  if (!parsed.ok) throw new UserError(file, parsed.problems);
  const { doc } = parsed;
  const data = doc.data;
  if (data === null || data === undefined) throw new UserError(file, [{ path: '(top level)', expected: what, found: 'an empty file' }]);
  const shown = (path: readonly PropertyKey[] | string): string => doc.at(path).shown;
  const checked = schema.safeParse(data);
  const problems: Problem[] = checked.success
    ? []
    : zodIssuesToProblems(checked.error.issues, data, schema).map((p) => ({ path: shown(p.path), expected: p.expected, found: p.found }));
  const usable = (checked.success ? checked.data : salvage(schema, data)) as Salvaged<z.infer<S>> | undefined;
  if (usable === undefined) throw new UserError(file, problems);
  const more = check(usable, !checked.success, dirname(abs));
  problems.push(...more.problems.map((p) => ({ ...p, path: shown(p.path) })));
  if (problems.length > 0 || more.value === undefined) throw new UserError(file, problems);
  return { value: more.value, file: abs, dir: dirname(abs), bytes: read.bytes };
}
