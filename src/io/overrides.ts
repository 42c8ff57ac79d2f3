/**
 * Parameter overrides as a user gives them: `--set name=value` on the command line, or numbers in
 * an experiment file. One parser of the text and one check (src/core/params.ts, paramProblem)
 * for run, batch, experiment files and sensitivity; values are used at the precision of the
 * output files (10 significant digits), so a value written to runs.csv is exactly the value
 * that ran.
 */
import { paramProblem } from '../core/params.js';
import type { Problem } from '../core/problems.js';
import { roundNumber } from '../formats/text.js';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A number written by a person (`0.25`, `-3`, `1e-3`); undefined for anything else (NaN, Infinity and empty text included). */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Splits `--set name=value` arguments into a name → text map (a later value for the same name
 * wins). An argument without `=` maps to an empty text, which {@link parseOverrides} reports.
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

/**
 * Parses and checks overrides (texts from the command line, or numbers from a file), in the
 * order given; every problem is collected.
 *
 * @param pathOf how a problem names the override (default `--set <name>`)
 */
export function parseOverrides(raw: Readonly<Record<string, number | string>>, pathOf: (name: string) => string = (n) => `--set ${n}`): { values: Record<string, number>; problems: Problem[] } {
  const values: Record<string, number> = {};
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const path = pathOf(name);
    const unknown = paramProblem(path, name);
    if (unknown) {
      problems.push(unknown);
      continue;
    }
    let v: number | undefined;
    if (typeof value === 'number') v = value;
    else if (value === '') problems.push({ path, expected: 'a number (write --set name=value)', found: 'nothing' });
    else {
      v = parseNumberText(value);
      if (v === undefined) problems.push({ path, expected: 'a number (for example 0.25 or 1e-3)', found: JSON.stringify(value) });
    }
    if (v === undefined) continue;
    const rounded = roundNumber(v);
    const bad = paramProblem(path, name, rounded);
    if (bad) problems.push(bad);
    else values[name] = rounded;
  }
  return { values, problems };
}
