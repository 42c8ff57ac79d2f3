/**
 * Directed trust between every pair of municipalities, in [0,1], with a personal part (held
 * by the people who meet) and an institutional part (held by a shared secretariat or hub).
 * Effective trust T[i][j] = w[i][j] * institutional + (1 - w[i][j]) * personal, where w is the
 * institutional weight of the strongest secretariat i and j share (0 when none).
 */
export class Trust {
  readonly n: number;
  readonly personal: Float64Array;
  readonly institutional: Float64Array;
  /** Institutional weight per ordered pair (symmetric), recomputed when structure changes. */
  readonly weight: Float64Array;

  constructor(n: number, initial: (i: number, j: number) => number) {
    this.n = n;
    this.personal = new Float64Array(n * n);
    this.institutional = new Float64Array(n * n);
    this.weight = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = i === j ? 1 : initial(i, j);
        this.personal[i * n + j] = v;
        this.institutional[i * n + j] = v;
      }
    }
  }

  get(i: number, j: number): number {
    const k = i * this.n + j;
    const w = this.weight[k]!;
    return w * this.institutional[k]! + (1 - w) * this.personal[k]!;
  }

  /** Applies a change to i's trust in j: the personal part always, the institutional part when a secretariat records it. */
  change(i: number, j: number, delta: number, institutional: boolean): void {
    if (i === j) return;
    const k = i * this.n + j;
    this.personal[k] = clamp01(this.personal[k]! + delta);
    if (institutional) this.institutional[k] = clamp01(this.institutional[k]! + delta);
  }

  /** Gain toward 1: delta = rate * (1 - T). */
  raise(i: number, j: number, rate: number, institutional: boolean): void {
    this.change(i, j, rate * (1 - this.get(i, j)), institutional);
  }

  /** Loss proportional to current trust: delta = -rate * T. */
  lower(i: number, j: number, rate: number, institutional: boolean): void {
    this.change(i, j, -rate * this.get(i, j), institutional);
  }

  /** Mean trust of i in the members of a group (excluding i); NaN for an empty group. */
  meanTrustIn(i: number, group: readonly number[]): number {
    let s = 0;
    let c = 0;
    for (const j of group) {
      if (j === i) continue;
      s += this.get(i, j);
      c++;
    }
    return c === 0 ? NaN : s / c;
  }

  /** Mean mutual trust within a group. */
  groupMean(group: readonly number[]): number {
    let s = 0;
    let c = 0;
    for (const i of group) {
      for (const j of group) {
        if (i === j) continue;
        s += this.get(i, j);
        c++;
      }
    }
    return c === 0 ? NaN : s / c;
  }

  /**
   * Monthly drift toward the base: personal at `rate`; institutional at `rate` where a shared
   * secretariat holds it and at `rateWithout` where none does.
   */
  drift(base: number, rate: number, rateWithout: number): void {
    const n = this.n;
    const { personal, institutional, weight } = this;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const k = i * n + j;
        personal[k] = personal[k]! + rate * (base - personal[k]!);
        const r = weight[k]! > 0 ? rate : rateWithout;
        institutional[k] = institutional[k]! + r * (base - institutional[k]!);
      }
    }
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

  matrix(kind: 'effective' | 'personal' | 'institutional'): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.n; i++) {
      const row: number[] = [];
      for (let j = 0; j < this.n; j++) {
        row.push(kind === 'effective' ? this.get(i, j) : kind === 'personal' ? this.personal[i * this.n + j]! : this.institutional[i * this.n + j]!);
      }
      out.push(row);
    }
    return out;
  }
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
