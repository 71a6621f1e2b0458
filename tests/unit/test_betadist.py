"""Tests for the pure-Python Beta CDF and quantile."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.betadist import beta_cdf, beta_pdf, beta_quantile, beta_sf, log_beta

# Shapes from 0.01 to 1e4, spread over the orders of magnitude.
shapes = st.floats(min_value=-2.0, max_value=4.0).map(lambda e: 10.0**e)
moderate_shapes = st.floats(min_value=0.5, max_value=500.0)
probabilities = st.floats(min_value=1e-12, max_value=1.0 - 1e-12)


def _binomial_tail(x: Fraction, a: int, b: int) -> float:
    """Exact ``I_x(a, b)`` for integer shapes: ``P(Binomial(a + b - 1, x) >= a)``, in integers."""
    n = a + b - 1
    num, den = x.numerator, x.denominator
    total = sum(math.comb(n, j) * num**j * (den - num) ** (n - j) for j in range(a, n + 1))
    return float(Fraction(total, den**n))


def _is_best_double(x: float, p: float, a: float, b: float, tol: float = 1e-9) -> bool:
    """True if ``cdf(x) = p`` within *tol*, or if p lies between the CDF at x's neighbours."""
    if abs(beta_cdf(x, a, b) - p) <= tol:
        return True
    below = beta_cdf(math.nextafter(x, 0.0), a, b)
    above = beta_cdf(math.nextafter(x, 1.0), a, b)
    return below - tol <= p <= above + tol


@pytest.mark.parametrize(
    ("x", "a", "b"),
    [
        ("3/10", 2, 3),
        ("1/2", 7, 7),
        ("1/20", 1, 40),
        ("93/100", 40, 1),
        ("31/50", 50, 30),
        ("12/25", 200, 200),
        ("1/5", 1000, 4000),
        ("41/200", 300, 1200),
        ("97/100", 60, 2),
    ],
)
def test_cdf_matches_exact_binomial_sum(x: str, a: int, b: int) -> None:
    exact = Fraction(x)
    assert beta_cdf(float(exact), a, b) == pytest.approx(_binomial_tail(exact, a, b), abs=1e-12)


@given(st.floats(min_value=0.0, max_value=1.0), probabilities)
def test_uniform_is_identity(x: float, p: float) -> None:
    assert beta_cdf(x, 1.0, 1.0) == pytest.approx(x, abs=1e-12)
    assert beta_quantile(p, 1.0, 1.0) == pytest.approx(p, abs=1e-12)


@given(st.floats(min_value=0.01, max_value=1e4), probabilities)
def test_beta_one_b_closed_form(b: float, p: float) -> None:
    expected = -math.expm1(math.log1p(-p) / b)  # 1 - (1 - p)^(1/b), computed without cancellation
    assert beta_quantile(p, 1.0, b) == pytest.approx(expected, rel=1e-9, abs=1e-12)


@given(st.floats(min_value=0.01, max_value=1e4))
def test_symmetric_median_is_one_half(a: float) -> None:
    assert beta_quantile(0.5, a, a) == pytest.approx(0.5, abs=1e-9)
    assert beta_cdf(0.5, a, a) == pytest.approx(0.5, abs=1e-10)


def test_example_5a_interval() -> None:
    """The cold-start prior Beta(1.8, 4.2) of ANALYTICS.md Example 5a."""
    assert beta_quantile(0.05, 1.8, 4.2) == pytest.approx(0.058977, abs=1e-6)
    assert beta_quantile(0.95, 1.8, 4.2) == pytest.approx(0.621277, abs=1e-6)


@settings(max_examples=300)
@given(shapes, shapes, probabilities)
def test_cdf_of_quantile_is_p(a: float, b: float, p: float) -> None:
    x = beta_quantile(p, a, b)
    assert 0.0 <= x <= 1.0
    assert _is_best_double(x, p, a, b)


@settings(max_examples=300)
@given(moderate_shapes, moderate_shapes, st.floats(min_value=0.0, max_value=1.0))
def test_quantile_of_cdf_is_x(a: float, b: float, x: float) -> None:
    p = beta_cdf(x, a, b)
    if not 1e-12 < p < 1.0 - 1e-12:
        return  # the far tails are flat: x is not recoverable from p in double precision
    x_back = beta_quantile(p, a, b)
    assert x_back == pytest.approx(x, abs=1e-9) or _is_best_double(x_back, p, a, b, tol=1e-15)


@settings(max_examples=200)
@given(shapes, shapes)
def test_quantile_reflects(a: float, b: float) -> None:
    """``Q(p; a, b) = 1 - Q(1 - p; b, a)`` by the symmetry of the Beta distribution."""
    for p in (0.05, 0.3, 0.95):
        assert beta_quantile(p, a, b) == pytest.approx(1.0 - beta_quantile(1.0 - p, b, a), abs=1e-9)


@settings(max_examples=200)
@given(shapes, shapes)
def test_extreme_shapes_are_finite_and_monotone(a: float, b: float) -> None:
    grid = [i / 20 for i in range(21)]
    cdfs = [beta_cdf(x, a, b) for x in grid]
    assert all(math.isfinite(c) and 0.0 <= c <= 1.0 for c in cdfs)
    assert all(lo <= hi for lo, hi in itertools.pairwise(cdfs))
    levels = [1e-9, 0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1.0 - 1e-9]
    quantiles = [beta_quantile(p, a, b) for p in levels]
    assert all(math.isfinite(q) and 0.0 <= q <= 1.0 for q in quantiles)
    assert all(lo <= hi for lo, hi in itertools.pairwise(quantiles))
    for x in grid:
        assert beta_cdf(x, a, b) + beta_sf(x, a, b) == pytest.approx(1.0, abs=1e-12)
        assert beta_pdf(x, a, b) >= 0.0


def test_cdf_and_quantile_bounds() -> None:
    assert beta_cdf(-0.5, 2.0, 3.0) == 0.0
    assert beta_cdf(1.5, 2.0, 3.0) == 1.0
    assert beta_quantile(0.0, 2.0, 3.0) == 0.0
    assert beta_quantile(1.0, 2.0, 3.0) == 1.0
    assert beta_quantile(-1.0, 2.0, 3.0) == 0.0


def test_pdf_known_values() -> None:
    assert beta_pdf(0.3, 2.0, 3.0) == pytest.approx(12 * 0.3 * 0.7**2, rel=1e-12)
    assert beta_pdf(0.0, 0.5, 2.0) == math.inf
    assert beta_pdf(1.0, 2.0, 1.0) == pytest.approx(2.0)
    assert beta_pdf(1.2, 2.0, 3.0) == 0.0
    assert math.exp(log_beta(2.0, 3.0)) == pytest.approx(1 / 12, rel=1e-12)


@pytest.mark.parametrize(("a", "b"), [(0.0, 1.0), (1.0, -2.0), (math.inf, 1.0), (1.0, math.nan)])
def test_invalid_shapes_are_rejected(a: float, b: float) -> None:
    with pytest.raises(ValueError, match="Beta shapes"):
        beta_cdf(0.5, a, b)
    with pytest.raises(ValueError, match="Beta shapes"):
        beta_quantile(0.5, a, b)


def test_nan_probability_is_rejected() -> None:
    with pytest.raises(ValueError, match="NaN"):
        beta_quantile(math.nan, 2.0, 2.0)
