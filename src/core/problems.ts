/**
 * Problems in what a user gave (a file, an option), as data: where, what was expected, what was
 * found. The core reports them (scenario resolution, parameter checks) without knowing how they
 * are shown; src/io/errors.ts turns them into the user's message. Pure.
 */

/**
 * The parts of a file that passed its schema (see salvage in src/io/zod-problems.ts): mappings
 * keep the keys whose values passed, lists keep their items in place with `null` for one that
 * failed. The checks after the schema run on this, so every problem is found in one pass.
 */
export type Salvaged<T> = T extends readonly (infer E)[] ? (E | null)[] : T extends object ? { [K in keyof T]?: Salvaged<T[K]> } : T;

/** One problem in user input: where (a field path, `--set name`, `line 3, column 5`), what was expected, what was found. */
export interface Problem {
  path: string;
  expected: string;
  found: string;
}

/** Longest text quoted whole in a problem; longer text is cut (a whole file is never echoed). */
export const MAX_SHOWN = 60;

/**
 * Describes a value the user gave, for the `found` part of a problem: strings quoted, lists and
 * mappings by their size and keys, a missing value as `nothing`. Long text is cut after
 * {@link MAX_SHOWN} characters; keys are shortened the same way.
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value (null)';
  if (typeof v === 'string') return v.length > MAX_SHOWN ? `${JSON.stringify(v.slice(0, MAX_SHOWN))}... (${v.length} characters)` : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return 'an empty mapping';
    const shown = keys.slice(0, 5).map((k) => (k.length > 30 ? `${k.slice(0, 30)}...` : k)).join(', ');
    return `a mapping with keys ${shown}${keys.length > 5 ? ', ...' : ''}`;
  }
  return typeof v;
}

/** Edit distance (Levenshtein) between two short strings, case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The candidate closest to a misspelt name, for "did you mean ...?" hints; undefined when none is
 * close (at most a third of the name's length, minimum 1, edits away). Ties go to the first candidate.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
