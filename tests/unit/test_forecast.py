"""Finish-date distribution (ANALYTICS.md 4.7): Example 3, exact vs Monte Carlo, properties."""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain import forecast
from studyplanner.domain.forecast import FinishDistribution, finish_distribution

TOL = 1e-6

EXAMPLE3_TABLE = [  # offset (days), P, from the Example 3 table of ANALYTICS.md section 5
    (7 + 7 / 6, Fraction(1, 9)),
    (8.75, Fraction(1, 9)),
    (10.5, Fraction(2, 9)),
    (12.25, Fraction(1, 9)),
    (7 + 7 * 5 / 6, Fraction(1, 9)),
    (14 + 7 / 6, Fraction(2, 27)),
    (15.75, Fraction(2, 27)),
    (17.5, Fraction(3, 27)),
    (19.25, Fraction(1, 27)),
    (21 + 7 / 6, Fraction(1, 81)),
    (22.75, Fraction(1, 81)),
]


def brute_force(remaining: float, samples: list[int], cap: int) -> dict[float, Fraction]:
    """Enumerate every sequence of weekly draws: P(offset) with exact rational probabilities."""
    out: dict[float, Fraction] = defaultdict(Fraction)

    def walk(week: int, done: int, prob: Fraction) -> None:
        if week == cap:
            out[math.inf] += prob
            return
        for h in samples:
            p = prob / len(samples)
            if done + h >= remaining:
                out[7 * (week + (remaining - done) / h)] += p
            else:
                walk(week + 1, done + h, p)

    walk(0, 0, Fraction(1))
    return out


def brute_quantile(dist: dict[float, Fraction], q: Fraction) -> float:
    total = Fraction(0)
    for x in sorted(dist):
        total += dist[x]
        if total >= q:
            return x
    return math.inf


def test_example3_exact_percentiles() -> None:
    d = finish_distribution(7.0, [2, 4, 6])
    assert d.exact
    assert d.p50_days == pytest.approx(12.25, abs=TOL)
    assert d.p85_days == pytest.approx(17.5, abs=TOL)
    assert d.p95_days == pytest.approx(19.25, abs=TOL)
    assert d.probability_within(14) == pytest.approx(2 / 3, abs=1e-12)
    assert d.quantile(0.5) == d.p50_days


def test_example3_full_exact_table() -> None:
    d = finish_distribution(7.0, [2, 4, 6])
    cdf = Fraction(0)
    for (offset, p), got_x, got_f in zip(EXAMPLE3_TABLE, d.offsets, d.cdf, strict=False):
        cdf += p
        assert got_x == pytest.approx(offset, abs=TOL)
        assert got_f == pytest.approx(float(cdf), abs=1e-12)
    assert d.cdf[-1] == pytest.approx(1.0, abs=1e-12)
    assert d.probability_within(8) == 0.0
    assert d.probability_within(12.25) == pytest.approx(5 / 9, abs=1e-12)


def test_example3_monte_carlo_within_one_day_of_exact() -> None:
    exact = finish_distribution(7.0, [2, 4, 6], method="exact")
    mc = finish_distribution(7.0, [2, 4, 6], method="monte_carlo")
    assert exact.exact and not mc.exact
    for got, want in [
        (mc.p50_days, exact.p50_days),
        (mc.p85_days, exact.p85_days),
        (mc.p95_days, exact.p95_days),
    ]:
        assert abs(got - want) <= 1.0
    assert abs(mc.probability_within(14) - 2 / 3) <= 0.02
    assert mc.cdf[-1] == pytest.approx(1.0)


@pytest.mark.parametrize("method", ["auto", "exact", "monte_carlo"])
def test_deterministic_and_order_free(method: forecast.Method) -> None:
    a = finish_distribution(7.0, [2, 4, 6], method=method)
    b = finish_distribution(7.0, [2, 4, 6], method=method)
    c = finish_distribution(7.0, [6, 2, 4], method=method)
    assert a == b == c


def test_seed_changes_only_the_monte_carlo() -> None:
    assert finish_distribution(7.0, [2, 4, 6], seed=1) == finish_distribution(7.0, [2, 4, 6])
    a = finish_distribution(7.0, [2, 4, 6], method="monte_carlo", seed=1)
    b = finish_distribution(7.0, [2, 4, 6], method="monte_carlo", seed=2)
    assert a.cdf != b.cdf


def test_duplicate_samples_weigh_more() -> None:
    d = finish_distribution(4.0, [4, 4, 2])
    # one week of 4 h (2/3) finishes at day 7; 2 h then anything: 2+2 at 14, 2+4 at 7 + 3.5
    assert d.offsets == pytest.approx((7.0, 10.5, 14.0))
    assert d.cdf == pytest.approx((2 / 3, 2 / 3 + 2 / 9, 1.0))


def test_nothing_remaining_is_certain_zero() -> None:
    for remaining in (0.0, -3.0):
        d = finish_distribution(remaining, [0.0])
        assert (d.p50_days, d.p85_days, d.p95_days) == (0.0, 0.0, 0.0)
        assert d.probability_within(0) == 1.0


def test_all_zero_samples_never_finish() -> None:
    for method in ("auto", "monte_carlo"):
        d = finish_distribution(5.0, [0, 0, 0], method=method)
        assert d.p50_days == d.p85_days == d.p95_days == math.inf
        assert d.probability_within(10_000) == 0.0


def test_cap_makes_slow_runs_infinite() -> None:
    d = finish_distribution(10.0, [0, 10], cap_weeks=2)  # done in week 1 or 2 with P 3/4
    assert d.probability_within(1e9) == pytest.approx(0.75)
    assert d.p50_days == pytest.approx(7.0)
    assert d.p85_days == math.inf
    mc = finish_distribution(10.0, [0, 10], cap_weeks=2, method="monte_carlo")
    assert mc.p95_days == math.inf
    assert abs(mc.probability_within(1e9) - 0.75) < 0.02


def test_a_week_exactly_reaching_the_remaining_work_finishes_it() -> None:
    d = finish_distribution(38.2, [3.82] * 5)  # 10 x 3.82 is 38.199999... in floating point
    assert d.offsets == (70.0,)
    mc = finish_distribution(38.2, [3.82] * 5, method="monte_carlo")
    assert mc.offsets == (70.0,)


def test_auto_falls_back_to_monte_carlo_over_the_state_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exact = finish_distribution(7.0, [2, 4, 6])
    monkeypatch.setattr(forecast, "EXACT_STATE_LIMIT", 3)
    auto = finish_distribution(7.0, [2, 4, 6])
    assert not auto.exact
    assert auto == finish_distribution(7.0, [2, 4, 6], method="monte_carlo")
    assert abs(auto.p50_days - exact.p50_days) <= 1.0


def test_irregular_samples_large_remaining_use_monte_carlo_quickly() -> None:
    samples = [0.0, 1.1, 2.3, 3.7, 5.3, 7.9, 11.3, 13.1]
    d = finish_distribution(200.0, samples)
    assert not d.exact
    assert d.p50_days <= d.p85_days <= d.p95_days < math.inf


@pytest.mark.parametrize(
    ("remaining", "samples", "runs", "cap"),
    [
        (math.nan, [1.0], 1, 1),
        (math.inf, [1.0], 1, 1),
        (1.0, [], 1, 1),
        (1.0, [-1.0], 1, 1),
        (1.0, [math.nan], 1, 1),
        (1.0, [1.0], 0, 1),
        (1.0, [1.0], 1, 0),
    ],
)
def test_rejects_bad_input(remaining: float, samples: list[float], runs: int, cap: int) -> None:
    with pytest.raises(ValueError):
        finish_distribution(remaining, samples, runs=runs, cap_weeks=cap)


def test_empty_distribution_helpers() -> None:
    d = FinishDistribution(math.inf, math.inf, math.inf, exact=True)
    assert d.probability_within(5) == 0.0
    assert d.quantile(0.1) == math.inf


small_samples = st.lists(st.integers(0, 6), min_size=1, max_size=4).filter(any)
halves = st.integers(1, 24).map(lambda n: n / 2)


@settings(max_examples=40, deadline=None)
@given(remaining=halves, samples=small_samples, cap=st.integers(1, 5))
def test_exact_matches_brute_force_enumeration(
    remaining: float, samples: list[int], cap: int
) -> None:
    d = finish_distribution(remaining, samples, cap_weeks=cap, method="exact")
    oracle = brute_force(remaining, samples, cap)
    finite = sorted(x for x in oracle if x != math.inf)
    assert d.offsets == pytest.approx(finite, abs=TOL)
    for x in finite:
        want = float(sum((p for y, p in oracle.items() if y <= x), Fraction(0)))
        assert d.probability_within(x) == pytest.approx(want, abs=1e-12)
    for q, got in [("0.5", d.p50_days), ("0.85", d.p85_days), ("0.95", d.p95_days)]:
        assert got == pytest.approx(brute_quantile(oracle, Fraction(q)), abs=TOL)


@settings(max_examples=40, deadline=None)
@given(
    remaining=st.floats(0, 60, allow_nan=False),
    samples=st.lists(st.floats(0, 12, allow_nan=False), min_size=1, max_size=8),
    method=st.sampled_from(["auto", "monte_carlo"]),
)
def test_percentiles_are_ordered(remaining: float, samples: list[float], method: str) -> None:
    d = finish_distribution(remaining, samples, method=method, runs=500)  # type: ignore[arg-type]
    assert 0.0 <= d.p50_days <= d.p85_days <= d.p95_days
    assert list(d.offsets) == sorted(d.offsets)
    assert list(d.cdf) == sorted(d.cdf)
    assert all(0.0 <= f <= 1.0 for f in d.cdf)


@settings(max_examples=40, deadline=None)
@given(
    r1=halves,
    extra=st.integers(0, 20).map(lambda n: n / 2),
    samples=small_samples,
    method=st.sampled_from(["exact", "monte_carlo"]),
    days=st.floats(0, 100),
)
def test_more_remaining_work_never_finishes_earlier(
    r1: float, extra: float, samples: list[int], method: str, days: float
) -> None:
    kw = {"method": method, "runs": 500, "cap_weeks": 30}
    a = finish_distribution(r1, samples, **kw)  # type: ignore[arg-type]
    b = finish_distribution(r1 + extra, samples, **kw)  # type: ignore[arg-type]
    assert a.p50_days <= b.p50_days + 1e-9
    assert a.p85_days <= b.p85_days + 1e-9
    assert a.p95_days <= b.p95_days + 1e-9
    assert a.probability_within(days) >= b.probability_within(days) - 1e-9


def test_a_state_rounded_onto_the_threshold_finishes_in_a_zero_hour_week_without_warning() -> None:
    """Found by a threaded cache test: with a zero-hour sample, a live total just under
    ``remaining - TOL`` that rounding to 9 decimals lifts onto it must not divide by zero."""
    week = 0.5 + 6e-10  # after one such week the total is live (below 0.5 + 8e-10) ...
    remaining = 0.5 + 1.8e-9  # ... but rounds to 0.500000001, onto the threshold
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dist = finish_distribution(remaining, [0.0, week], cap_weeks=10, method="exact")
    assert dist.exact
    assert math.isfinite(dist.p50_days) and dist.p50_days <= 14.0
