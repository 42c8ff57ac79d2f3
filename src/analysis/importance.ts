/**
 * When a difference between structures counts: clear (Holm-significant, its interval excludes 0)
 * and of practical importance (at least MIN_IMPORTANCE standard deviations of the outcome across
 * the reference's runs). The one home of the verdict in comparison.csv, summary.md, report.html
 * and the brief. Pure.
 */
import type { MeasureSpec } from '../core/measures.js';
import type { ComparisonRow } from './rows.js';

/**
 * Smallest practical importance (|difference| / sd across the reference's runs) for a clear
 * difference to be called better or worse: Cohen's "small" effect (0.2 standard deviations). A
 * smaller shift is buried in how much one future differs from another, however many runs pin it
 * down. An analysis convention, not a model parameter.
 */
export const MIN_IMPORTANCE = 0.2;

/** better/worse (or higher/lower), no-difference, or input: the comparison's verdict (comparison.csv). */
export type Verdict = 'better' | 'worse' | 'higher' | 'lower' | 'no-difference' | 'input';

/** The verdict of a comparison row: clear, of practical importance, and signed by the outcome's direction. */
export function verdictOf(spec: MeasureSpec, r: Pick<ComparisonRow, 'significant' | 'ci_lo' | 'ci_hi' | 'difference' | 'importance'>): Verdict {
  if (spec.readBack) return 'input';
  const clear = r.significant && Number.isFinite(r.ci_lo) && Number.isFinite(r.ci_hi) && (r.ci_lo > 0 || r.ci_hi < 0);
  if (!clear || !(r.importance >= MIN_IMPORTANCE)) return 'no-difference';
  const up = r.difference > 0;
  if (spec.direction === 'neutral') return up ? 'higher' : 'lower';
  return up === (spec.direction === 'higher') ? 'better' : 'worse';
}
