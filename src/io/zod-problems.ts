/**
 * Problems in a user's YAML or JSON file, from the issues zod reports: the field path, what the
 * field accepts (allowed keys, options of an enumeration, the type and bounds of a number) and
 * what was found. Shared by scenario, experiment and manifest reading.
 */
import { z } from 'zod';
import type { Salvaged } from '../core/problems.js';
import { closest, describeValue } from './errors.js';

// ------------------------------------------------------------------------------------------
// Paths and values

export type Segment = string | number;

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
export function parsePath(path: string): Segment[] | null {
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

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
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
  const fitting = options.map(unwrap).filter((o) => (kind === 'array' ? o instanceof z.ZodArray : kind === 'object' ? o instanceof z.ZodObject || o instanceof z.ZodRecord : false));
  return fitting.length > 1 && kind === 'object' ? bestObjectBranch(fitting, v as Record<string, unknown>) : fitting[0];
}

/**
 * Of several mapping branches (a region written out, or named by its members), the one the data
 * means: the one that knows most of its keys, then the one missing fewest of its required keys;
 * the first on a tie.
 */
function bestObjectBranch(options: readonly AnySchema[], v: Record<string, unknown>): AnySchema | undefined {
  const keys = Object.keys(v);
  let best: { o: AnySchema; known: number; missing: number } | undefined;
  for (const o of options) {
    if (!(o instanceof z.ZodObject)) continue;
    const shape = o.shape as Record<string, AnySchema>;
    const known = keys.filter((k) => k in shape).length;
    const missing = Object.entries(shape).filter(([k, sub]) => !(sub instanceof z.ZodOptional) && !(k in v)).length;
    if (best === undefined || known > best.known || (known === best.known && missing < best.missing)) best = { o, known, missing };
  }
  return best?.o ?? options[0];
}

/** The union at `path` of `data` itself (not the branch the data takes), or undefined. */
function unionAt(root: AnySchema, data: unknown, path: readonly PropertyKey[]): z.ZodUnion | undefined {
  if (path.length === 0) {
    const s = unwrap(root);
    return s instanceof z.ZodUnion ? s : undefined;
  }
  const parent = schemaAt(root, data, path.slice(0, -1));
  let s: AnySchema | undefined;
  if (parent instanceof z.ZodObject) s = (parent.shape as Record<string, AnySchema>)[String(path[path.length - 1])];
  else if (parent instanceof z.ZodArray) s = parent.element as AnySchema;
  else if (parent instanceof z.ZodRecord) s = parent.valueType as AnySchema;
  s = s ? unwrap(s) : undefined;
  return s instanceof z.ZodUnion ? s : undefined;
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
export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], data: unknown, schema: AnySchema, prefix: readonly PropertyKey[] = []): { path: PropertyKey[]; expected: string; found: string }[] {
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
          push(expected, `an unknown key ${describeValue(key)}${hint ? ` (did you mean ${hint}?)` : ''}`, [...path, key]);
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
        // A mapping where several branches take mappings: the problems of the branch it means.
        const value = valueAt(data, path);
        const union = isPlainObject(value) ? unionAt(schema, data, path) : undefined;
        const options = union ? (union.options as readonly AnySchema[]).map(unwrap) : [];
        const chosen = options.filter((o) => o instanceof z.ZodObject).length > 1 ? pickBranch(union!, value) : undefined;
        const meant = chosen ? u.errors[options.indexOf(chosen)] : undefined;
        const inner = meant ?? u.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
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
// What passed the schema (for checking the rest in the same pass)

/**
 * The parts of a file that pass the schema, so that the checks after the schema (parameter
 * bounds, cross-field checks, references) can run on them in the same pass and every problem
 * is reported at once: a mapping keeps the keys whose values pass (recursively, for nested
 * mappings and records), a list keeps its items in place with `null` for an item that fails,
 * anything else is kept whole when it passes and dropped otherwise.
 */
export type { Salvaged };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function salvage<S extends AnySchema>(schema: S, data: unknown): Salvaged<z.infer<S>> | undefined {
  return salvageAny(schema, data) as Salvaged<z.infer<S>> | undefined;
}

function salvageAny(schema: AnySchema, data: unknown): unknown {
  const whole = schema.safeParse(data);
  if (whole.success) return whole.data;
  const s = unwrap(schema);
  if (s instanceof z.ZodObject && isPlainObject(data)) {
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(s.shape as Record<string, AnySchema>)) {
      if (!Object.prototype.hasOwnProperty.call(data, key)) continue;
      const v = salvageAny(sub, data[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (s instanceof z.ZodRecord && isPlainObject(data)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      if (!(s.keyType as AnySchema).safeParse(key).success) continue;
      const v = (s.valueType as AnySchema).safeParse(value);
      if (v.success) out[key] = v.data;
    }
    return out;
  }
  if (s instanceof z.ZodArray && Array.isArray(data)) {
    const element = s.element as AnySchema;
    return data.map((item) => {
      const v = element.safeParse(item);
      return v.success ? v.data : null;
    });
  }
  return undefined;
}
