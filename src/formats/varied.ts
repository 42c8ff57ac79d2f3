/**
 * The parameters an experiment varies: those with more than one value among the points of some
 * scenario. The one definition of "an experiment across parameter space", used by the analysis
 * (points-summary.csv, the compact summary.md) and by the chart registry (the charts against the
 * parameters), from points.csv or from the points the batch manifest lists.
 *
 * Pure: no Node imports.
 */
import { PARAM_NAMES } from '../core/params.js';

/** A parameter point as points.csv or the manifest has it. */
export interface ParamPoint {
  scenario: string;
  params: Readonly<Record<string, number | null>>;
}

/**
 * The varied parameters, in the order of the parameter registry (then any other name, sorted).
 * None for a batch with one point per scenario, or whose points share their values.
 */
export function variedParameters(points: readonly ParamPoint[]): string[] {
  const values = new Map<string, Map<string, Set<number | null>>>();
  for (const p of points) {
    let byParam = values.get(p.scenario);
    if (!byParam) values.set(p.scenario, (byParam = new Map()));
    for (const [name, v] of Object.entries(p.params)) {
      let set = byParam.get(name);
      if (!set) byParam.set(name, (set = new Set()));
      set.add(v);
    }
  }
  const varied = new Set<string>();
  for (const byParam of values.values()) for (const [name, set] of byParam) if (set.size > 1) varied.add(name);
  const known = PARAM_NAMES.filter((n) => varied.has(n));
  const other = [...varied].filter((n) => !(PARAM_NAMES as readonly string[]).includes(n)).sort();
  return [...known, ...other];
}
