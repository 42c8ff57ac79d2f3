/**
 * Loading scenario files: read, parse YAML, check against the schema, resolve against the
 * regions, apply `--set` overrides. Every problem found on the way is collected and thrown at
 * once as a {@link UserError} (path, expected, found; with the line in the file where known).
 *
 * A scenario is named either by a path to a YAML file or by the name of a built-in scenario
 * (`scenarios/<name>.yaml` in the package, e.g. `basiscoalitie` or `examples/own-region`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isNode, isPair, isScalar, type Document, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { isParamName, PARAM_NAMES } from '../core/params.js';
import { resolveScenario, type Scenario } from '../core/scenario/resolve.js';
import { scenarioSchema } from '../core/scenario/schema.js';
import { closest, describeValue, UserError, type Problem } from './errors.js';
import { listRegions, loadRegion, packageRoot } from './regions.js';

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
    const data: unknown = parseDocument(readFileSync(file, 'utf8')).toJS();
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
// Paths and values

type Segment = string | number;

/** `arrangements[0].members[2]` from ['arrangements', 0, 'members', 2]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      out += /^[A-Za-z_$][\w$-]*$/.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

/** The inverse of formatPath for the paths resolveScenario writes (`events[3].arrangement.members[1]`). */
function parsePath(path: string): Segment[] | null {
  if (path.startsWith('-') || path === '') return null;
  const out: Segment[] = [];
  const re = /(?:^|\.)([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let pos = 0;
  while (pos < path.length) {
    re.lastIndex = pos;
    const m = re.exec(path);
    if (!m) return null;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(`"${m[3]}"`) as string);
    pos = re.lastIndex;
  }
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

// ------------------------------------------------------------------------------------------
// Schema lookup (to say what a field accepts: allowed keys, bounds)

type AnySchema = z.ZodType;

/** Strips optional/nullable/default wrappers. */
function unwrap(s: AnySchema): AnySchema {
  let cur: AnySchema = s;
  for (let i = 0; i < 10; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault) cur = cur.unwrap() as AnySchema;
    else break;
  }
  return cur;
}

/** The schema that describes the value at `path` of `data` (following the branch of a union the data takes). */
function schemaAt(root: AnySchema, data: unknown, path: readonly PropertyKey[]): AnySchema | undefined {
  let s: AnySchema | undefined = unwrap(root);
  let v: unknown = data;
  for (const seg of path) {
    if (!s) return undefined;
    s = pickBranch(s, v);
    if (!s) return undefined;
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, AnySchema>)[String(seg)];
    else if (s instanceof z.ZodArray) s = s.element as AnySchema;
    else if (s instanceof z.ZodRecord) s = s.valueType as AnySchema;
    else return undefined;
    s = s ? unwrap(s) : undefined;
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  }
  return s ? pickBranch(s, v) : undefined;
}

/** For a union, the branch matching the data's shape (discriminator, or object/array/string kind). */
function pickBranch(s: AnySchema, v: unknown): AnySchema | undefined {
  if (!(s instanceof z.ZodUnion)) return s;
  const options = s.options as readonly AnySchema[];
  const disc = (s.def as { discriminator?: string }).discriminator;
  if (disc !== undefined) {
    const tag = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[disc] : undefined;
    return options.find((o) => {
      const shape = o instanceof z.ZodObject ? (o.shape as Record<string, AnySchema>) : undefined;
      const lit = shape?.[disc];
      return lit instanceof z.ZodLiteral && lit.values.has(tag as never);
    });
  }
  const kind = Array.isArray(v) ? 'array' : v !== null && typeof v === 'object' ? 'object' : typeof v;
  return options.map(unwrap).find((o) => (kind === 'array' ? o instanceof z.ZodArray : kind === 'object' ? o instanceof z.ZodObject || o instanceof z.ZodRecord : false));
}

function allowedKeys(s: AnySchema | undefined): string[] | undefined {
  if (s instanceof z.ZodObject) return Object.keys(s.shape as object);
  if (s instanceof z.ZodRecord) {
    const keys = unwrap(s.keyType as AnySchema);
    if (keys instanceof z.ZodEnum) return (keys.options as unknown[]).map(String);
  }
  return undefined;
}

function numberPhrase(s: AnySchema | undefined): string | undefined {
  if (!(s instanceof z.ZodNumber)) return undefined;
  const what = s.isInt ? 'a whole number' : 'a number';
  const min = s.minValue;
  const max = s.maxValue;
  const bounded = (x: number | null): x is number => x !== null && Number.isFinite(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER;
  // Exclusive bounds (e.g. positive()) are reported through the checks.
  const checks = (s.def.checks ?? []) as { _zod: { def: { check: string; inclusive?: boolean; value?: unknown } } }[];
  const exclusiveMin = checks.some((c) => c._zod.def.check === 'greater_than' && c._zod.def.inclusive === false);
  if (bounded(min) && bounded(max)) return `${what} between ${min} and ${max}`;
  if (bounded(min)) return min === 0 && exclusiveMin ? `a positive ${s.isInt ? 'whole number' : 'number'}` : `${what} of at least ${min}`;
  if (bounded(max)) return `${what} of at most ${max}`;
  return what;
}

const TYPE_PHRASES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  null: 'nothing',
};

function listOptions(values: readonly unknown[]): string {
  if (values.length === 1) return JSON.stringify(values[0]);
  return `one of ${values.map((v) => String(v)).join(', ')}`;
}

/** What a union accepts, from the first issue of each branch: `"all" or a list`. */
function unionExpected(branches: readonly (readonly z.core.$ZodIssue[])[]): string {
  const parts: string[] = [];
  for (const issues of branches) {
    const top = issues.find((i) => i.path.length === 0);
    if (!top) continue;
    let phrase: string;
    if (top.code === 'invalid_type') phrase = TYPE_PHRASES[top.expected] ?? top.expected;
    else if (top.code === 'invalid_value') phrase = listOptions(top.values);
    else if (top.code === 'invalid_format') phrase = top.message.startsWith('Invalid') ? `text in the form ${(top as { pattern?: string }).pattern ?? top.format}` : top.message;
    else phrase = top.message;
    if (!parts.includes(phrase)) parts.push(phrase);
  }
  return parts.join(' or ');
}

/**
 * Turns zod issues into problems a person can act on: the field path, what the field accepts
 * (allowed keys, options of an enumeration, the type and bounds of a number) and what was found.
 * Exported for tests.
 */
export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], data: unknown, schema: AnySchema = scenarioSchema, prefix: readonly PropertyKey[] = []): { path: PropertyKey[]; expected: string; found: string }[] {
  const out: { path: PropertyKey[]; expected: string; found: string }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const found = valueAt(data, path);
    const push = (expected: string, foundText = describeValue(found), at: PropertyKey[] = path): void => {
      out.push({ path: at, expected, found: foundText });
    };
    switch (issue.code) {
      case 'invalid_type': {
        const num = issue.expected === 'number' || issue.expected === 'int' ? numberPhrase(schemaAt(schema, data, path)) : undefined;
        const phrase = num ?? TYPE_PHRASES[issue.expected] ?? issue.expected;
        if (found === undefined) push(`${phrase} (this field is required)`);
        else push(phrase);
        break;
      }
      case 'invalid_value':
        push(listOptions(issue.values));
        break;
      case 'invalid_format':
        push(issue.message.startsWith('Invalid') ? `text in the form ${(issue as { pattern?: string }).pattern ?? issue.format}` : issue.message);
        break;
      case 'too_small':
      case 'too_big': {
        const s = schemaAt(schema, data, path);
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const op = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
        if (issue.origin === 'number' || issue.origin === 'int') push(numberPhrase(s) ?? `a number ${op} ${String(bound)}`);
        else if (issue.origin === 'array' || issue.origin === 'set') push(`a list of ${op} ${String(bound)} item${Number(bound) === 1 ? '' : 's'}`);
        else if (issue.origin === 'string') push(Number(bound) === 1 && issue.code === 'too_small' ? 'non-empty text' : `text of ${op} ${String(bound)} characters`);
        else push(issue.message);
        break;
      }
      case 'unrecognized_keys': {
        const allowed = allowedKeys(schemaAt(schema, data, path)) ?? [];
        for (const key of issue.keys) {
          const hint = closest(key, allowed);
          const expected = allowed.length ? `one of the keys ${allowed.join(', ')}` : 'no such key';
          push(expected, `an unknown key ${JSON.stringify(key)}${hint ? ` (did you mean ${hint}?)` : ''}`, [...path, key]);
        }
        break;
      }
      case 'invalid_union': {
        const u = issue as z.core.$ZodIssueInvalidUnion & { note?: string; options?: unknown[]; discriminator?: string };
        if (u.note === 'No matching discriminator' || (u.errors.length === 0 && u.options)) {
          push(listOptions(u.options ?? []));
          break;
        }
        // A branch whose problems all lie inside the value matched its kind (e.g. a list with a bad
        // element): report those. Otherwise no branch fits: say what each would accept.
        const inner = u.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
        if (inner) out.push(...zodIssuesToProblems(inner, data, schema, path));
        else push(unionExpected(u.errors));
        break;
      }
      default:
        push(issue.message);
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Line numbers

function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  // The deepest node that exists on the path (for an unknown key: the key itself).
  for (let n = path.length; n >= 0; n--) {
    const head = path.slice(0, n) as Segment[];
    if (n === path.length && n > 0) {
      const parent = doc.getIn(head.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(head[head.length - 1]));
        if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]).line;
      }
    }
    const node = (n === 0 ? doc.contents : doc.getIn(head, true)) as YamlNode | null | undefined;
    if (node && isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------
// Overrides

/** What to do about the YAML mistakes people make most. */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'text that contains ": " must be put in quotes',
  MULTILINE_IMPLICIT_KEY: 'check the indentation, and put text that contains ": " in quotes',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'each key may appear once in a mapping',
  BAD_INDENT: 'check the indentation and the closing bracket',
};

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Splits `--set name=value` arguments into a name → text map (a later value for the same name
 * wins). An argument without `=` maps to an empty text, which loadScenario reports.
 */
export function parseSetArgs(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim();
    out[name] = eq < 0 ? '' : item.slice(eq + 1).trim();
  }
  return out;
}

function parseOverrides(raw: Record<string, number | string>, problems: Problem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(raw)) {
    const path = `--set ${name}`;
    if (!isParamName(name)) {
      const hint = closest(name, PARAM_NAMES);
      problems.push({
        path,
        expected: `the name of a model parameter (${PARAM_NAMES.length} of them: see \`regiosim params\`)`,
        found: `an unknown parameter ${JSON.stringify(name)}${hint ? ` (did you mean ${hint}?)` : ''}`,
      });
      continue;
    }
    if (typeof value === 'number') {
      out[name] = value;
    } else if (value === '') {
      problems.push({ path, expected: 'a number (write --set name=value)', found: 'nothing' });
    } else if (!NUMBER.test(value)) {
      problems.push({ path, expected: 'a number (for example 0.25 or 1e-3)', found: JSON.stringify(value) });
    } else {
      out[name] = Number(value);
    }
  }
  return out;
}

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
  const problems: Problem[] = [];
  const parsedOverrides = parseOverrides(overrides, problems);

  const where = locate(fileOrBuiltinName, options.cwd ?? process.cwd());
  if (!where) {
    const builtins = builtinScenarioNames();
    throw new UserError(fileOrBuiltinName, [
      ...problems,
      { path: fileOrBuiltinName, expected: `a scenario file or a built-in scenario (${builtins.join(', ')})`, found: 'no such file' },
    ]);
  }
  const file = where.builtin ? where.path : fileOrBuiltinName;
  let bytes: Buffer;
  try {
    if (statSync(where.path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = readFileSync(where.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const found = code === 'EISDIR' ? 'a directory' : code === 'EACCES' ? 'a file that cannot be read (permission denied)' : `a file that cannot be read (${(err as Error).message})`;
    throw new UserError(file, [...problems, { path: fileOrBuiltinName, expected: 'a readable YAML scenario file', found }]);
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  const text = bytes.toString('utf8');

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      const hint = YAML_HINTS[e.code];
      problems.push({ path: `line ${pos.line}, column ${pos.col}`, expected: 'valid YAML', found: `a syntax error: ${e.message}${hint ? ` (${hint})` : ''}` });
    }
    throw new UserError(file, problems);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  // Problems in the file, sorted by line at the end (those without a line keep their order, last).
  const inFile: { problem: Problem; line: number }[] = [];
  const addInFile = (path: readonly PropertyKey[], p: Omit<Problem, 'path'>, label = formatPath(path)): void => {
    const line = lineOf(doc, lines, path);
    const shown = line === undefined ? label : `${label || '(top level)'} (line ${line})`;
    inFile.push({ problem: { ...p, path: shown }, line: line ?? Number.POSITIVE_INFINITY });
  };
  const fail = (): UserError => {
    inFile.sort((a, b) => a.line - b.line);
    return new UserError(file, [...problems, ...inFile.map((x) => x.problem)]);
  };

  if (data === null || data === undefined) {
    throw new UserError(file, [...problems, { path: '(top level)', expected: 'a scenario: a mapping with name, region, start and end', found: 'an empty file' }]);
  }
  const checked = scenarioSchema.safeParse(data);
  if (!checked.success) {
    for (const p of zodIssuesToProblems(checked.error.issues, data)) addInFile(p.path, { expected: p.expected, found: p.found });
    throw fail();
  }

  const knownRegions = listRegions().map((r) => r.id);
  const resolved = resolveScenario(checked.data, (id) => (knownRegions.includes(id) ? loadRegion(id) : undefined), knownRegions, parsedOverrides);
  if (!resolved.ok) {
    for (const p of resolved.problems) {
      const segs = parsePath(p.path);
      if (segs) addInFile(segs, { expected: p.expected, found: p.found }, p.path);
      else problems.push(p);
    }
  }
  if (problems.length > 0 || inFile.length > 0 || !resolved.ok) throw fail();
  return { scenario: resolved.scenario, file, builtin: where.builtin, hash, overrides: parsedOverrides };
}

/** The path of a scenario as recorded in manifests: `scenarios/<name>.yaml` for a built-in (machine-independent), else as given. */
export function manifestPath(loaded: Pick<LoadedScenario, 'file' | 'builtin'>): string {
  return loaded.builtin ? relative(packageRoot(), loaded.file).split('\\').join('/') : loaded.file;
}
