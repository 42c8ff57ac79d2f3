/**
 * Directed trust between every pair of municipalities, in [0,1], with a personal part (held by
 * the people who meet) and an institutional part per domain (held by the secretariat or bureau
 * of the arrangement that works on that domain). Effective trust of i in j in domain d is
 * T_d[i][j] = w_d[i][j] * institutional_d[i][j] + (1 - w_d[i][j]) * personal[i][j], where w_d is
 * the institutional weight of the strongest secretariat of an arrangement that holds domain d
 * for both i and j (0 when none): a transport authority keeps transport relationships, not
 * housing ones.
 */
/** Sums of trust over the ordered pairs of a region (see Trust.sums). */
export interface TrustSums {
  effective: number;
  effectiveSquares: number;
  personal: number;
  institutional: number;
}

export class Trust {
  readonly n: number;
  /** Number of domains. */
  readonly domains: number;
  readonly personal: Float64Array;
  /** Institutional trust per domain: index d * n * n + i * n + j. */
  readonly institutional: Float64Array;
  /** Institutional weight per domain and ordered pair (symmetric), recomputed when structure changes. */
  readonly weight: Float64Array;

  constructor(n: number, domains: number, initial: (i: number, j: number) => number) {
    this.n = n;
    this.domains = domains;
    this.personal = new Float64Array(n * n);
    this.institutional = new Float64Array(domains * n * n);
    this.weight = new Float64Array(domains * n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = i === j ? 1 : initial(i, j);
        this.personal[i * n + j] = v;
        for (let d = 0; d < domains; d++) this.institutional[d * n * n + i * n + j] = v;
      }
    }
  }

  /** Effective trust of i in j in domain d. */
  get(i: number, j: number, d: number): number {
    const k = i * this.n + j;
    const kd = d * this.n * this.n + k;
    const w = this.weight[kd]!;
    return w * this.institutional[kd]! + (1 - w) * this.personal[k]!;
  }

  /** Effective trust of i in j, the mean over domains (for measures and snapshots). */
  mean(i: number, j: number): number {
    let s = 0;
    for (let d = 0; d < this.domains; d++) s += this.get(i, j, d);
    return s / this.domains;
  }

  /** Applies a change to i's trust in j: the personal part always, domain d's institutional part when a secretariat records it. */
  change(i: number, j: number, delta: number, institutional: boolean, d: number): void {
    if (i === j) return;
    const k = i * this.n + j;
    this.personal[k] = clamp01(this.personal[k]! + delta);
    if (institutional) {
      const kd = d * this.n * this.n + k;
      this.institutional[kd] = clamp01(this.institutional[kd]! + delta);
    }
  }

  /** Gain toward 1: delta = rate * (1 - T). */
  raise(i: number, j: number, rate: number, institutional: boolean, d: number): void {
    this.change(i, j, rate * (1 - this.get(i, j, d)), institutional, d);
  }

  /** Loss proportional to current trust: delta = -rate * T. */
  lower(i: number, j: number, rate: number, institutional: boolean, d: number): void {
    this.change(i, j, -rate * this.get(i, j, d), institutional, d);
  }

  /** Mean trust of i in the members of a group (excluding i) in domain d, or over domains when d is null; NaN for an empty group. */
  meanTrustIn(i: number, group: readonly number[], d: number | null): number {
    let s = 0;
    let c = 0;
    for (const j of group) {
      if (j === i) continue;
      s += d === null ? this.mean(i, j) : this.get(i, j, d);
      c++;
    }
    return c === 0 ? NaN : s / c;
  }

  /** Mean mutual trust within a group in domain d. */
  groupMean(group: readonly number[], d: number): number {
    let s = 0;
    let c = 0;
    for (const i of group) {
      for (const j of group) {
        if (i === j) continue;
        s += this.get(i, j, d);
        c++;
      }
    }
    return c === 0 ? NaN : s / c;
  }

  /**
   * Monthly drift toward the base: personal at `rate`; institutional at `rate` in a domain where
   * a shared secretariat holds it and at `rateWithout` where none does.
   */
  drift(base: number, rate: number, rateWithout: number): void {
    this.driftAndSum(base, rate, rateWithout);
  }

  /**
   * The drift and, in the same pass over the pairs, the sums over ordered pairs that observation
   * reports (those of `sums()` after the drift, bit for bit: the same additions in the same order).
   * One pass over the matrices instead of two (issue 14).
   */
  driftAndSum(base: number, rate: number, rateWithout: number): TrustSums {
    const n = this.n;
    const nn = n * n;
    const D = this.domains;
    const { personal, institutional, weight } = this;
    let ts = 0;
    let ts2 = 0;
    let tp = 0;
    let ti = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const k = i * n + j;
        const pk = personal[k]! + rate * (base - personal[k]!);
        personal[k] = pk;
        let v = 0;
        let ik = 0;
        for (let d = 0; d < D; d++) {
          const kd = d * nn + k;
          const w = weight[kd]!;
          const r = w > 0 ? rate : rateWithout;
          const inst = institutional[kd]! + r * (base - institutional[kd]!);
          institutional[kd] = inst;
          v += w * inst + (1 - w) * pk;
          ik += inst;
        }
        v /= D;
        ts += v;
        ts2 += v * v;
        tp += pk;
        ti += ik / D;
      }
    }
    return { effective: ts, effectiveSquares: ts2, personal: tp, institutional: ti };
  }

  /**
   * Sums over ordered pairs (i ≠ j) of effective trust (the mean over domains), its square, personal
   * trust and institutional trust (the mean over domains): the drift's pass at rate 0, which leaves
   * every value as it is (x + 0 * (b - x) is x for trust in [0, 1]).
   */
  sums(): TrustSums {
    return this.driftAndSum(0, 0, 0);
  }

  /** People leave: i's personal trust relations (both directions) move toward the base by `share`. */
  forget(i: number, share: number, base: number): void {
    const n = this.n;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const a = i * n + j;
      const b = j * n + i;
      this.personal[a] = base + (this.personal[a]! - base) * (1 - share);
      this.personal[b] = base + (this.personal[b]! - base) * (1 - share / 2);
    }
  }

  /** Trust matrices: effective and institutional as the mean over domains. */
  matrix(kind: 'effective' | 'personal' | 'institutional'): number[][] {
    const out: number[][] = [];
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const row: number[] = [];
      for (let j = 0; j < n; j++) {
        if (kind === 'effective') row.push(this.mean(i, j));
        else if (kind === 'personal') row.push(this.personal[i * n + j]!);
        else {
          let s = 0;
          for (let d = 0; d < this.domains; d++) s += this.institutional[d * n * n + i * n + j]!;
          row.push(s / this.domains);
        }
      }
      out.push(row);
    }
    return out;
  }
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
