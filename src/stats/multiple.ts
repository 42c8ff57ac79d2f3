/**
 * Multiple-comparison adjustment of p-values.
 */

/**
 * Holm's (1979) step-down adjustment, identical to R's
 * `p.adjust(p, method = "holm")`: with the m p-values sorted ascending,
 * p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1) · p₍ⱼ₎), returned in the input order.
 * NaN entries stay NaN and do not count towards m (as R does with NA).
 *
 * @param pValues - raw p-values in [0, 1] (or NaN)
 * @returns adjusted p-values aligned with the input
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  for (const p of pValues) {
    if (!Number.isNaN(p) && !(p >= 0 && p <= 1)) {
      throw new RangeError(`holmAdjust: p-values must lie in [0, 1], got ${p}`);
    }
  }
  const idx = pValues.map((_, i) => i).filter((i) => !Number.isNaN(pValues[i]!));
  // stable sort: equal p-values keep their input order, like R's order()
  idx.sort((a, b) => pValues[a]! - pValues[b]!);
  const m = idx.length;
  const out = pValues.map(() => NaN);
  let running = 0;
  idx.forEach((orig, j) => {
    running = Math.max(running, (m - j) * pValues[orig]!);
    out[orig] = Math.min(1, running);
  });
  return out;
}
