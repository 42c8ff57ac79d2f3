/**
 * Scenario discovery (Bryant & Lempert 2010): which conditions on the uncertain parameters a
 * binary outcome depends on ("the structure is better unless …"), found with a classification
 * tree (CART, Breiman et al. 1984; the ml-cart library fits it) and reported as boxes: every
 * leaf is a conjunction of conditions on the parameters, with how many cases it holds
 * (coverage) and how pure it is (density), the two measures PRIM reports.
 *
 * Thresholds are rounded to three significant digits for reading, and the boxes are counted
 * again with the rounded thresholds, so that what a rule says is exactly what its figures count.
 */
import { DecisionTreeClassifier, type TreeNode } from 'ml-cart';

export interface Condition {
  /** Index of the variable (column of x). */
  variable: number;
  op: '<' | '>=';
  value: number;
}

export interface Box {
  conditions: Condition[];
  /** Cases in the box. */
  cases: number;
  /** Cases in the box with y = 1. */
  positives: number;
}

export interface DiscoveryOptions {
  /** Depth of the tree: conditions per box (default 2). */
  maxDepth?: number;
  /** A node with this many cases or fewer is not split (default max(3, 10% of the cases)). */
  minCases?: number;
}

function round3(x: number): number {
  return Number(x.toPrecision(3));
}

function inBox(row: readonly number[], conditions: readonly Condition[]): boolean {
  return conditions.every((c) => (c.op === '<' ? row[c.variable]! < c.value : row[c.variable]! >= c.value));
}

/**
 * The leaves of a classification tree of y (0 or 1) on x, as boxes, left to right.
 * With one class only, or nothing to split on, the one box without conditions.
 */
export function discoverBoxes(x: readonly (readonly number[])[], y: readonly number[], options: DiscoveryOptions = {}): Box[] {
  if (x.length !== y.length) throw new RangeError(`discoverBoxes: ${x.length} rows of x but ${y.length} values of y`);
  if (x.length === 0) return [];
  if (!y.every((v) => v === 0 || v === 1)) throw new RangeError('discoverBoxes: y must be 0 or 1');
  const all = (): Box => ({ conditions: [], cases: x.length, positives: y.filter((v) => v === 1).length });
  const positives = y.filter((v) => v === 1).length;
  if (positives === 0 || positives === y.length || x[0]!.length === 0) return [all()];
  const maxDepth = options.maxDepth ?? 2;
  const minCases = options.minCases ?? Math.max(3, Math.ceil(0.1 * x.length));
  const tree = new DecisionTreeClassifier({ gainFunction: 'gini', maxDepth, minNumSamples: minCases });
  tree.train(x.map((r) => [...r]), [...y]);
  const leaves: Condition[][] = [];
  const walk = (node: TreeNode, path: Condition[]): void => {
    if (node.splitColumn === undefined || node.splitValue === undefined || !node.left || !node.right) {
      leaves.push(path);
      return;
    }
    const value = round3(node.splitValue);
    walk(node.left, [...path, { variable: node.splitColumn, op: '<', value }]);
    walk(node.right, [...path, { variable: node.splitColumn, op: '>=', value }]);
  };
  walk(tree.root, []);
  return leaves
    .map((conditions) => {
      let cases = 0;
      let pos = 0;
      x.forEach((row, i) => {
        if (inBox(row, conditions)) {
          cases += 1;
          pos += y[i]!;
        }
      });
      return { conditions: simplify(conditions), cases, positives: pos };
    })
    .filter((b) => b.cases > 0);
}

/** Drops conditions implied by a stricter one on the same variable (x < 3 and x < 2: x < 2). */
function simplify(conditions: readonly Condition[]): Condition[] {
  const out: Condition[] = [];
  for (const c of conditions) {
    const same = out.findIndex((o) => o.variable === c.variable && o.op === c.op);
    if (same < 0) out.push(c);
    else if (c.op === '<' ? c.value < out[same]!.value : c.value > out[same]!.value) out[same] = c;
  }
  return out;
}

/**
 * The box that best describes where y = `cls` holds, in the spirit of PRIM's trade-off between
 * density (share of the box's cases in the class) and coverage (share of the class's cases in
 * the box): the box with at least `minCases` cases, in which the class is the majority and denser
 * than in the whole set, that maximises density × coverage. Null when no box with conditions
 * qualifies (then no condition on the variables describes where the class holds).
 */
export function bestBox(boxes: readonly Box[], cls: 0 | 1, minCases = 1): (Box & { density: number; coverage: number }) | null {
  const total = boxes.reduce((n, b) => n + (cls === 1 ? b.positives : b.cases - b.positives), 0);
  const cases = boxes.reduce((n, b) => n + b.cases, 0);
  if (total === 0 || cases === 0) return null;
  const base = total / cases;
  let best: (Box & { density: number; coverage: number }) | null = null;
  for (const b of boxes) {
    if (b.conditions.length === 0 || b.cases < minCases) continue;
    const k = cls === 1 ? b.positives : b.cases - b.positives;
    const density = k / b.cases;
    const coverage = k / total;
    if (density <= base || density <= 0.5) continue;
    if (!best || density * coverage > best.density * best.coverage) best = { ...b, density, coverage };
  }
  return best;
}

/** A box's conditions as text, with variable names ("exitThreshold < 0.12 & altruism >= 0.4"). */
export function conditionText(conditions: readonly Condition[], names: readonly string[], and = ' & '): string {
  return conditions.map((c) => `${names[c.variable]} ${c.op === '<' ? '<' : '≥'} ${c.value}`).join(and);
}
