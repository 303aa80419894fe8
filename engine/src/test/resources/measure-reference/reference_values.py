#!/usr/bin/env python3
"""Independent reference values for the Fulcrum risk measures.

Plain python3 (no numpy/scipy): statistics.NormalDist for the normal distribution, formulas written
out as numpy/scipy define them (numpy.quantile method='linear' = Hyndman-Fan type 7,
scipy.stats.skew/kurtosis with bias=False). Re-run from this folder:

    python3 reference_values.py > python-reference.txt

It reads series.txt and portfolio-3-assets.txt, and also re-checks every row of hand-computed.txt.
"""
import math
import sys
from statistics import NormalDist, mean, stdev

N = NormalDist()


def load_series():
    series = {}
    for line in open("series.txt"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, kind, *values = line.split()
        series[name] = (kind, [float(v) for v in values])
    return series


def quantile_type7(xs, p):
    s = sorted(xs)
    h = (len(s) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (h - lo) * (s[hi] - s[lo])


def quantile_type1(xs, p):
    s = sorted(xs)
    return s[max(math.ceil(len(s) * p) - 1, 0)]


def acerbi_tasche(losses, alpha):
    worst_first = sorted(losses, reverse=True)
    m = len(losses) * (1 - alpha)
    whole = math.floor(m)
    total = sum(worst_first[:whole])
    if m > whole:
        total += (m - whole) * worst_first[whole]
    return total / m


def ewma_sigmas(xs, lam):
    var = xs[0] ** 2
    out = [math.sqrt(var)]
    for x in xs[1:]:
        var = lam * var + (1 - lam) * x * x
        out.append(math.sqrt(var))
    return out


def fhs(xs, lam):
    sig = ewma_sigmas(xs, lam)
    return [0.0 if s == 0 else x * sig[-1] / s for x, s in zip(xs, sig)]


def g1(xs):
    n, m, s = len(xs), mean(xs), stdev(xs)
    return n / ((n - 1) * (n - 2)) * sum(((x - m) / s) ** 3 for x in xs)


def g2(xs):
    n, m, s = len(xs), mean(xs), stdev(xs)
    a = n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * sum(((x - m) / s) ** 4 for x in xs)
    return a - 3 * (n - 1) ** 2 / ((n - 2) * (n - 3))


def spectral(losses, k):
    s = sorted(losses)
    n = len(s)
    big_phi = lambda p: math.exp(-k * (1 - p)) / (1 - math.exp(-k))  # antiderivative of phi
    return sum((big_phi(i / n) - big_phi((i - 1) / n)) * s[i - 1] for i in range(1, n + 1))


def aggregate(kind, xs, h):
    out = []
    for start in range(len(xs) - h + 1):
        window = xs[start:start + h]
        out.append(sum(window) if kind == "pnl" else math.prod(1 + x for x in window) - 1)
    return out


def series_measure(name, kind, xs, p):
    alpha = float(p.get("alpha", 0.99))
    lam = float(p.get("lambda", 0.94))
    h = int(p.get("horizonDays", 1))
    overlapping = p.get("horizonMethod") == "overlapping"
    if name.startswith("fhs-"):
        xs = fhs(xs, lam)
    if overlapping and h > 1:
        xs, scale = aggregate(kind, xs, h), 1.0
    else:
        scale = math.sqrt(h)
    losses = [-x for x in xs]
    if name in ("historical-var", "fhs-var"):
        q = quantile_type1 if p.get("estimationType") == "R_1" else quantile_type7
        v = q(losses, alpha)
    elif name in ("historical-es", "fhs-es"):
        v = acerbi_tasche(losses, alpha)
    elif name == "parametric-var":
        v = N.inv_cdf(alpha) * stdev(losses) + mean(losses)
    elif name == "parametric-es":
        z = N.inv_cdf(alpha)
        v = stdev(losses) * N.pdf(z) / (1 - alpha) + mean(losses)
    elif name == "cornish-fisher-var":
        z, S, K = N.inv_cdf(alpha), g1(losses), g2(losses)
        zcf = z + (z * z - 1) * S / 6 + (z ** 3 - 3 * z) * K / 24 - (2 * z ** 3 - 5 * z) * S * S / 36
        v = mean(losses) + zcf * stdev(losses)
    elif name == "ewma-volatility":
        v = ewma_sigmas(xs, lam)[-1]
    elif name == "spectral-exponential":
        v = spectral(losses, float(p.get("k", 10)))
    else:
        raise ValueError(name)
    return v * scale


def black76(right, f, k, t, vol, r):
    sd = vol * math.sqrt(t)
    d1 = (math.log(f / k) + sd * sd / 2) / sd
    d2 = d1 - sd
    df = math.exp(-r * t)
    if right == "call":
        return df * (f * N.cdf(d1) - k * N.cdf(d2))
    return df * (k * N.cdf(-d2) - f * N.cdf(-d1))


# Same books as ScenarioGridMeasureTest.book(name): (rate, prices, positions).
# position: (underlying, qty) for a future; (underlying, qty, right, K, T, vol) for an option.
BOOKS = {
    "hull-put": (0.09, {"OIL": 20.0}, [("OIL", 1.0, "put", 20.0, 4 / 12, 0.25)]),
    "crypto-book": (0.05, {"BTC": 65000.0, "ETH": 3500.0}, [
        ("BTC", 2.0),
        ("BTC", -5.0, "call", 70000.0, 0.25, 0.60),
        ("BTC", 3.0, "put", 60000.0, 0.25, 0.65),
        ("ETH", -10.0),
        ("ETH", 20.0, "call", 4000.0, 0.10, 0.70),
    ]),
}


def value(pos, f, shock, r):
    if len(pos) == 2:
        return pos[1] * f
    _, qty, right, k, t, vol = pos
    return qty * black76(right, f, k, t, vol * (1 + shock), r)


def scenario_grid(book, rng=0.16, steps=4, shocks=(-0.25, 0.0, 0.25)):
    r, prices, positions = BOOKS[book]
    total = 0.0
    for u, f in prices.items():
        on_u = [p for p in positions if p[0] == u]
        base = sum(value(p, f, 0.0, r) for p in on_u)
        worst = max(base - sum(value(p, f * (1 + rng * i / steps), v, r) for p in on_u)
                    for i in range(-steps, steps + 1) for v in shocks)
        total += max(0.0, worst)
    return total


def load_portfolio():
    rows, exposures = [], None
    for line in open("portfolio-3-assets.txt"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("exposures"):
            exposures = [float(v) for v in line.split()[1:]]
        elif not line.startswith("assets"):
            rows.append([float(v) for v in line.split()])
    return exposures, rows


def portfolio_var(alpha, method, lam=0.94):
    w, rows = load_portfolio()
    n, a = len(rows), len(w)
    if method == "sample":
        mu = [mean(r[j] for r in rows) for j in range(a)]
        cov = [[sum((r[i] - mu[i]) * (r[j] - mu[j]) for r in rows) / (n - 1) for j in range(a)]
               for i in range(a)]
    else:
        cov = [[rows[0][i] * rows[0][j] for j in range(a)] for i in range(a)]
        for r in rows[1:]:
            cov = [[lam * cov[i][j] + (1 - lam) * r[i] * r[j] for j in range(a)] for i in range(a)]
    sw = [sum(cov[i][j] * w[j] for j in range(a)) for i in range(a)]
    sd = math.sqrt(sum(w[i] * sw[i] for i in range(a)))
    z = N.inv_cdf(alpha)
    return z * sd, [z * w[i] * sw[i] / sd for i in range(a)]


def params(text):
    return {} if text == "-" else dict(kv.split("=", 1) for kv in text.split(";"))


def check_hand_file(series):
    for line in open("hand-computed.txt"):
        if not line.strip() or line.startswith("#") or line.startswith("measure"):
            continue
        measure, inp, p, expected, tol = [c.strip() for c in line.split("|")]
        kind, xs = series[inp]
        got = series_measure(measure, kind, xs, params(p))
        assert abs(got - float(expected)) <= float(tol), (line, got)


SERIES_ROWS = [
    ("historical-var", "mixed30", "alpha=0.95"),
    ("historical-var", "mixed30", "alpha=0.99"),
    ("historical-var", "mixed30", "alpha=0.9;estimationType=R_1"),
    ("historical-var", "pnl8", "alpha=0.8"),
    ("historical-var", "mixed30", "alpha=0.95;horizonDays=3;horizonMethod=overlapping"),
    ("historical-es", "mixed30", "alpha=0.95"),
    ("historical-es", "mixed30", "alpha=0.975"),
    ("historical-es", "pnl8", "alpha=0.7"),
    ("historical-es", "mixed30", "alpha=0.9;horizonDays=2;horizonMethod=sqrt-time"),
    ("parametric-var", "mixed30", "alpha=0.99"),
    ("parametric-var", "pnl8", "alpha=0.95"),
    ("parametric-es", "mixed30", "alpha=0.975"),
    ("parametric-es", "pnl8", "alpha=0.99;horizonDays=10"),
    ("cornish-fisher-var", "mixed30", "alpha=0.99"),
    ("cornish-fisher-var", "mixed30", "alpha=0.95"),
    ("cornish-fisher-var", "pnl8", "alpha=0.9"),
    ("ewma-volatility", "mixed30", "-"),
    ("ewma-volatility", "mixed30", "lambda=0.97"),
    ("fhs-var", "mixed30", "alpha=0.95"),
    ("fhs-var", "mixed30", "alpha=0.9;lambda=0.9;horizonDays=2;horizonMethod=overlapping"),
    ("fhs-es", "mixed30", "alpha=0.975"),
    ("fhs-es", "mixed30", "alpha=0.9;lambda=0.97"),
    ("spectral-exponential", "mixed30", "k=5"),
    ("spectral-exponential", "mixed30", "k=50"),
    ("spectral-exponential", "pnl8", "k=1"),
]


def main():
    series = load_series()
    check_hand_file(series)
    print(f"# Generated by reference_values.py (plain python3 {sys.version.split()[0]}, statistics.NormalDist, no numpy).")
    print("# Re-run: cd engine/src/test/resources/measure-reference && python3 reference_values.py > python-reference.txt")
    print("# tolerance: absolute, in the unit of the result; 1e-12 for fractions, 1e-6 for money.")
    print("# measure#path rows compare a detail of the result (e.g. a component) instead of its value.")
    print("# Every row of hand-computed.txt was re-checked by this script before writing.")
    print("measure | input | parameters | expected | tolerance")
    for measure, inp, p in SERIES_ROWS:
        kind, xs = series[inp]
        tol = "1e-12" if kind == "returns" else "1e-6"
        print(f"{measure} | {inp} | {p} | {series_measure(measure, kind, xs, params(p))!r} | {tol}")
    print(f"scenario-grid | hull-put | priceMoveRange=0.1;priceMoveSteps=2;volShocks=-0.2,0,0.2 | "
          f"{scenario_grid('hull-put', 0.1, 2, (-0.2, 0.0, 0.2))!r} | 1e-9")
    print(f"scenario-grid | crypto-book | - | {scenario_grid('crypto-book')!r} | 1e-6")
    for alpha, method, p in [(0.99, "sample", "alpha=0.99"), (0.975, "ewma", "alpha=0.975;covariance=ewma")]:
        var, comps = portfolio_var(alpha, method)
        print(f"portfolio-var | portfolio-3-assets | {p} | {var!r} | 1e-6")
        for asset, c in zip(["BTC", "ETH", "SOL"], comps):
            print(f"portfolio-var#componentVar.{asset} | portfolio-3-assets | {p} | {c!r} | 1e-6")
    print("# black-76: Hull's futures put example F=K=20, r=0.09, T=4/12, vol=0.25 (Hull prints 1.12)")
    print(f"black-76 | put;F=20;K=20;T=0.3333333333333333;vol=0.25;r=0.09 | - | {black76('put', 20, 20, 4/12, 0.25, 0.09)!r} | 1e-12")
    print(f"black-76 | call;F=65000;K=70000;T=0.25;vol=0.6;r=0.05 | - | {black76('call', 65000, 70000, 0.25, 0.6, 0.05)!r} | 1e-8")


if __name__ == "__main__":
    main()
