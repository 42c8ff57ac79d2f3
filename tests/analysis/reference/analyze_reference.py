"""Independent reference values for tests/analysis/analyze.test.ts (scipy, not regiosim code).

Run: python3 tests/analysis/reference/analyze_reference.py
The synthetic batch is the one the test writes (FIXTURE in analyze.test.ts).
"""
import math
import numpy as np
from scipy import stats

nan = float('nan')
A = {
    'cooperation_stability': [0.25, 0.5, 0.375, 0.625, 0.5, 0.25],
    'exits': [4, 6, 5, 7, 3, 8],
    'tasks_arrived': [10, 12, 11, 13, 9, 14],
    'exits_after_election_share': [0.5, nan, 0.25, 0.75, nan, 0.5],
}
B = {
    'cooperation_stability': [0.28125, 0.5625, 0.46875, 0.75, 0.5, 0.09375],
    'exits': [2, 5, 5, 4, 1, 6],
    'tasks_arrived': [10, 12, 11, 13, 9, 14],
    'exits_after_election_share': [0.25, 0.5, nan, 0.5, 0, 0.25],
}
C = {
    'cooperation_stability': [0.375, 0.5, 0.625, 0.75, 0.4375, 0.5625],
    'exits': [3, 3, 4, 6, 2, 5],
    'tasks_arrived': [11, 12, 10, 15, 9, 13],
    'exits_after_election_share': [nan, nan, nan, nan, nan, 1],
}
HIGHER = {'cooperation_stability': True, 'exits': False, 'tasks_arrived': None, 'exits_after_election_share': None}


def summary(x, precision=0.05):
    x = np.array([v for v in x if not math.isnan(v)], dtype=float)
    n = len(x)
    m = x.mean(); sd = x.std(ddof=1)
    q1, med, q3 = np.quantile(x, [0.25, 0.5, 0.75])  # numpy 'linear' = R type 7
    half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
    target = precision * abs(m)
    k = 2
    while stats.t.ppf(0.975, k - 1) * sd / math.sqrt(k) > target:
        k += 1
    return dict(n=n, mean=m, sd=sd, median=med, q1=q1, q3=q3, ci_lo=m - half, ci_hi=m + half, rel=half / abs(m), n_needed=k)


def holm(ps):
    idx = [i for i, p in enumerate(ps) if not math.isnan(p)]
    m = len(idx)
    order = sorted(idx, key=lambda i: ps[i])
    out = [nan] * len(ps)
    run = 0.0
    for j, i in enumerate(order):
        run = max(run, min(1.0, (m - j) * ps[i]))
        out[i] = run
    return out


def paired(ref, alt, higher):
    pairs = [(r, a) for r, a in zip(ref, alt) if not (math.isnan(r) or math.isnan(a))]
    r = np.array([p[0] for p in pairs]); a = np.array([p[1] for p in pairs])
    d = a - r
    n = len(d)
    md = d.mean(); sd = d.std(ddof=1)
    half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
    nz = d[d != 0]
    if len(nz) == 0:
        V, p = 0.0, 1.0
    else:
        ranks = stats.rankdata(np.abs(nz))
        V = ranks[nz > 0].sum()
        ties = len(np.unique(np.abs(nz))) != len(nz)
        if len(nz) < 50 and not ties and len(nz) == n:
            p = stats.wilcoxon(nz, method='exact').pvalue
        else:
            p = stats.wilcoxon(nz, zero_method='wilcox', correction=True, method='asymptotic').pvalue
    better = sum(0.5 if x == 0 else (1 if (x > 0) == bool(higher) else 0) for x in d) / n if higher is not None else nan
    es = md / sd if sd > 0 else nan
    return dict(n=n, mean_ref=r.mean(), mean_s=a.mean(), diff=md, lo=md - half, hi=md + half, es=es, better=better, V=V, p=p)


def unpaired(ref, alt, higher):
    x = np.array([v for v in alt if not math.isnan(v)]); y = np.array([v for v in ref if not math.isnan(v)])
    if len(x) < 2 or len(y) < 2:
        return dict(n=len(x), p=nan)
    w = stats.ttest_ind(x, y, equal_var=False)
    ci = w.confidence_interval(0.95)
    ties = len(np.unique(np.concatenate([x, y]))) != len(x) + len(y)
    mw = stats.mannwhitneyu(x, y, alternative='two-sided', use_continuity=True, method='asymptotic' if ties else 'exact')
    U = mw.statistic
    sup = U / (len(x) * len(y))
    d = (x.mean() - y.mean()) / math.sqrt((x.var(ddof=1) + y.var(ddof=1)) / 2)
    better = nan if higher is None else (sup if higher else 1 - sup)
    return dict(n=len(x), mean_ref=y.mean(), mean_s=x.mean(), diff=x.mean() - y.mean(), lo=ci.low, hi=ci.high, es=d, better=better, W=U, p=mw.pvalue)


def km(times, events):
    z = stats.norm.ppf(0.975)
    order = sorted(set(times))
    n = len(times); s = 1.0; g = 0.0; rows = []
    for t in order:
        d = sum(1 for ti, e in zip(times, events) if ti == t and e == 1)
        c = sum(1 for ti, e in zip(times, events) if ti == t and e == 0)
        if d:
            s *= 1 - d / n
            g += d / (n * (n - d)) if n > d else math.inf
        if s == 1:
            lo = hi = 1.0
        elif s == 0:
            lo = hi = nan
        else:
            w = z * math.sqrt(g) / abs(math.log(s))
            lo = s ** math.exp(w); hi = s ** math.exp(-w)
        rows.append((t, n, d, c, s, lo, hi))
        n -= d + c
    return rows


def logrank(groups):
    """k-group log-rank (Mantel-Haenszel), textbook form: (O-E)' V^-1 (O-E) over the first k-1 groups."""
    k = len(groups)
    times = sorted({t for ts, es in groups for t, e in zip(ts, es) if e == 1})
    O = np.zeros(k); E = np.zeros(k); V = np.zeros((k, k))
    for t in times:
        nj = np.array([sum(1 for x in ts if x >= t) for ts, _ in groups], dtype=float)
        dj = np.array([sum(1 for x, e in zip(ts, es) if x == t and e == 1) for ts, es in groups], dtype=float)
        n = nj.sum(); d = dj.sum()
        O += dj; E += d * nj / n
        if n > 1:
            V += d * (n - d) / (n - 1) * (np.diag(nj / n) - np.outer(nj / n, nj / n))
    u = (O - E)[:-1]
    chi = float(u @ np.linalg.solve(V[:-1, :-1], u))
    return chi, k - 1, stats.chi2.sf(chi, k - 1)


if __name__ == '__main__':
    np.set_printoptions(precision=17)
    for name in A:
        print('summary a', name, summary(A[name]))
    for label, other, fn in (('b', B, paired), ('c', C, unpaired)):
        res = {k: fn(A[k], other[k], HIGHER[k]) for k in A}
        ps = [res[k]['p'] for k in A]
        for k, ph in zip(A, holm(ps)):
            print('compare', label, k, repr(res[k]), 'p_holm', repr(ph))
    arr_a = ([3, 5, 5, 8, 10], [1, 0, 1, 1, 0])
    arr_b = ([12, 12, 6], [0, 0, 1])
    arr_c = ([2, 4, 4], [1, 1, 1])
    for label, g in (('a', arr_a), ('b', arr_b), ('c', arr_c)):
        for row in km(*g):
            print('km', label, repr(row))
    print('logrank arrangements a-b-c', logrank([arr_a, arr_b, arr_c]))
