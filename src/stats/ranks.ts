/**
 * Ranking helpers used by the rank-based tests (Wilcoxon signed-rank and
 * Mann–Whitney). Ties get the average of the ranks they span, as R's
 * `rank(x, ties.method = "average")` does.
 */

/** Result of {@link averageRanks}. */
export interface RankResult {
  /** 1-based ranks aligned with the input; tied values share their average rank. */
  ranks: number[];
  /** Sizes of all groups of tied values (only groups of size ≥ 2). */
  tieSizes: number[];
}

/**
 * Average ranks of `values` (1 = smallest). Ties are detected with exact
 * equality (`===`), like R's `rank` with its default `ties.method = "average"`.
 *
 * @param values - numbers to rank; must not contain NaN
 */
export function averageRanks(values: readonly number[]): RankResult {
  const n = values.length;
  for (const v of values) {
    if (Number.isNaN(v)) throw new RangeError('averageRanks: NaN values cannot be ranked');
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(n);
  const tieSizes: number[] = [];
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && values[order[j]!] === values[order[i]!]) j++;
    // positions i..j-1 (0-based) hold equal values: ranks i+1..j, average (i+1+j)/2
    const avg = (i + 1 + j) / 2;
    for (let m = i; m < j; m++) ranks[order[m]!] = avg;
    if (j - i > 1) tieSizes.push(j - i);
    i = j;
  }
  return { ranks, tieSizes };
}
