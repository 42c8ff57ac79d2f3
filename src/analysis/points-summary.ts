/**
 * An experiment's results by parameter point (the varied parameters: src/formats/varied.ts):
 * points-summary.csv, one tidy table of every point's outcomes per scenario (from summary.csv)
 * and of every point's difference between structures (from comparison.csv), with the varied
 * parameters on every row, so that a chart or a spreadsheet can put any outcome against the
 * parameters without a join. The numbers are those of summary.csv and comparison.csv: this file
 * derives, it computes nothing new. Pure.
 */
import type { PointsSummaryRow } from '../formats/files.js';
import { PARAM_PREFIX } from '../formats/schema.js';
import type { BatchData } from './batch-data.js';
import type { ComparisonRow, SummaryRow } from './rows.js';

export { variedParameters } from '../formats/varied.js';

export type { PointsSummaryRow };

/** The parameter cells (param_<name>) of every point, for the varied parameters. */
function paramCellsByPoint(data: Pick<BatchData, 'points'>, varied: readonly string[]): Map<number, Record<string, number | null>> {
  const out = new Map<number, Record<string, number | null>>();
  for (const p of data.points) {
    const cells: Record<string, number | null> = {};
    for (const name of varied) cells[`${PARAM_PREFIX}${name}`] = p.params[name] ?? null;
    out.set(p.point, cells);
  }
  return out;
}

/**
 * The rows of points-summary.csv: a scenario row per summary row, then a difference row per
 * comparison row, each with the point's values of the varied parameters.
 */
export function pointsSummaryRows(
  data: Pick<BatchData, 'points'>,
  summary: readonly SummaryRow[],
  comparison: readonly ComparisonRow[],
  varied: readonly string[],
): PointsSummaryRow[] {
  const cells = paramCellsByPoint(data, varied);
  const paramCells = (point: number): Record<string, number | null> => cells.get(point) ?? {};
  const rows: PointsSummaryRow[] = [];
  for (const s of summary) {
    rows.push({
      kind: 'scenario', scenario: s.scenario, reference: null, point: s.point, outcome: s.outcome, n: s.n,
      estimate: s.mean, ci_lo: s.ci_lo, ci_hi: s.ci_hi, sd: s.sd, share_better: null, importance: null, verdict: null,
      ...paramCells(s.point),
    });
  }
  for (const c of comparison) {
    rows.push({
      kind: 'difference', scenario: c.scenario, reference: c.reference, point: c.point, outcome: c.outcome, n: c.n,
      estimate: c.difference, ci_lo: c.ci_lo, ci_hi: c.ci_hi, sd: c.sd_reference, share_better: c.share_better, importance: c.importance, verdict: c.verdict,
      ...paramCells(c.point),
    });
  }
  return rows;
}
