"""Finish-time distribution of ANALYTICS.md 4.7: exact when small, else a seeded Monte Carlo."""

from __future__ import annotations

import bisect
import dataclasses
import math
from collections.abc import Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
Method = Literal["auto", "exact", "monte_carlo"]

EXACT_STATE_LIMIT = 50_000
"""Most (week, partial sum) states the exact programme may visit before "auto" uses Monte Carlo."""

DEFAULT_SEED = 20190118

_TOL = 1e-9  # hours when testing "cumulative >= remaining", days in probability_within


@dataclasses.dataclass(frozen=True, slots=True)
class FinishDistribution:
    """Distribution of the finish offset x (days from the as-of date) of the remaining work.

    ``offsets`` holds the distinct finite offsets in increasing order and ``cdf`` the probability of
    finishing at or before each; the mass missing from ``cdf[-1]`` is "not done within the cap"
    (offset +inf).  Quantiles are the smallest x with F(x) >= q (numpy ``inverted_cdf``), +inf
    when the capped runs never reach q.
    """

    p50_days: float
    p85_days: float
    p95_days: float
    exact: bool
    offsets: tuple[float, ...] = dataclasses.field(default=(), repr=False)
    cdf: tuple[float, ...] = dataclasses.field(default=(), repr=False)

    def probability_within(self, days: float) -> float:
        """P(x <= days), with a 1e-9-day tolerance for floating-point noise in the offsets."""
        i = bisect.bisect_right(self.offsets, days + _TOL)
        return self.cdf[i - 1] if i else 0.0

    def quantile(self, q: float) -> float:
        """Smallest offset x with F(x) >= q (q compared with a 1e-9 tolerance), else +inf."""
        return _quantile(self.offsets, self.cdf, q)


def finish_distribution(
    remaining_hours: float,
    samples: Sequence[float],
    *,
    runs: int = 10_000,
    cap_weeks: int = 104,
    seed: int = DEFAULT_SEED,
    method: Method = "auto",
) -> FinishDistribution:
    """Distribution of the time to study ``remaining_hours`` drawing weekly hours from ``samples``.

    Each run draws weeks i.i.d. (equiprobable samples, duplicates count twice) until the cumulative
    hours reach the remaining work; a run finishing in week k (0-based) after ``before`` hours
    ends at offset ``7·(k + (remaining − before)/h_k)`` days.  Runs not done within ``cap_weeks``
    weeks end at +inf.  ``method="auto"`` uses the exact dynamic programme while it visits at most
    ``EXACT_STATE_LIMIT`` (week, partial sum) states, else a Monte Carlo of ``runs`` runs seeded
    with ``seed``; ``"exact"`` and ``"monte_carlo"`` force one.  The result depends only on the
    arguments (samples are sorted first, so their order does not matter).  Nothing remaining
    (``remaining_hours <= 0``) gives offset 0 with certainty.
    """
    if math.isnan(remaining_hours) or math.isinf(remaining_hours):
        raise ValueError(f"remaining hours must be finite, got {remaining_hours}")
    if not samples:
        raise ValueError("at least one weekly-hours sample is needed")
    values = np.sort(np.asarray(samples, dtype=np.float64))
    if not np.all(np.isfinite(values)) or float(values[0]) < 0:
        raise ValueError("weekly-hours samples must be finite and non-negative")
    if runs < 1 or cap_weeks < 1:
        raise ValueError("runs and cap_weeks must be at least 1")
    if remaining_hours <= _TOL:
        return _from_support(np.zeros(1), np.ones(1), exact=True)
    if _never_done(remaining_hours, values, cap_weeks):
        # No run can finish within the cap: both methods give no finite offset at all, and
        # only "exact" (the dynamic programme stayed under the state limit) is left to tell.
        exact = method != "monte_carlo" and (
            method == "exact" or _states_within(values, cap_weeks, EXACT_STATE_LIMIT)
        )
        return _from_support(np.zeros(0), np.zeros(0), exact=exact)
    if method != "monte_carlo":
        limit = None if method == "exact" else EXACT_STATE_LIMIT
        support = _exact_support(remaining_hours, values, cap_weeks, limit)
        if support is not None:
            return _from_support(*support, exact=True)
    offsets = _monte_carlo_offsets(remaining_hours, values, runs, cap_weeks, seed)
    finite = offsets[np.isfinite(offsets)]
    return _from_support(finite, np.full(finite.size, 1.0 / runs), exact=False)


def _never_done(remaining: float, values: FloatArray, cap_weeks: int) -> bool:
    """True when even the largest sample every week cannot reach *remaining* within the cap.

    The margin of 1e-9 h per week covers the rounding of the partial sums in `_exact_support`,
    so that neither method can record a finish (a shortcut, not a different answer).
    """
    return bool(remaining - _TOL > cap_weeks * (float(values[-1]) + 1e-9))


def _states_within(values: FloatArray, cap_weeks: int, limit: int) -> bool:
    """Whether `_exact_support` stays within *limit* states when no run ever finishes.

    The same partial sums as the programme (rounded the same way), without the probabilities.
    Each week's sums are one sorted run per sample value, so a stable (merging) sort and a
    neighbour comparison give the distinct sums faster than ``np.unique``.
    """
    distinct = np.unique(values)
    states: FloatArray = np.zeros(1)
    visited = 0
    for _ in range(cap_weeks):
        visited += states.size
        if visited > limit:
            return False
        sums = np.round((distinct[:, None] + states[None, :]).ravel(), 9)
        sums.sort(kind="stable")
        keep = np.empty(sums.size, dtype=bool)
        keep[0] = True
        np.not_equal(sums[1:], sums[:-1], out=keep[1:])
        states = sums[keep]
    return True


def _exact_support(
    remaining: float, values: FloatArray, cap_weeks: int, limit: int | None
) -> tuple[FloatArray, FloatArray] | None:
    """Finite finish offsets and their probabilities, or None when more than ``limit`` states."""
    distinct, counts = np.unique(values, return_counts=True)
    probs = counts / counts.sum()
    states: FloatArray = np.zeros(1)
    mass: FloatArray = np.ones(1)
    out_offsets: list[FloatArray] = []
    out_probs: list[FloatArray] = []
    visited = 0
    for week in range(cap_weeks):
        visited += states.size
        if limit is not None and visited > limit:
            return None
        totals = states[:, None] + distinct[None, :]
        weights = mass[:, None] * probs[None, :]
        hit = totals >= remaining - _TOL
        if hit.any():
            before = np.broadcast_to(states[:, None], totals.shape)[hit]
            hours = np.broadcast_to(distinct[None, :], totals.shape)[hit]
            # Rounding the states (below) can lift a live total onto the threshold; it then
            # "hits" in a zero-hour week: done at that week's start, not a division by zero.
            fraction = np.minimum(
                np.divide(remaining - before, hours, out=np.zeros_like(before), where=hours > 0),
                1.0,
            )
            out_offsets.append(7.0 * (week + fraction))
            out_probs.append(weights[hit])
        live = ~hit
        if not live.any():
            break
        keys, inverse = np.unique(np.round(totals[live], 9), return_inverse=True)
        states = keys.astype(np.float64)
        mass = np.bincount(inverse.ravel(), weights=weights[live]).astype(np.float64)
    if not out_offsets:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(out_offsets), np.concatenate(out_probs)


def _monte_carlo_offsets(
    remaining: float, values: FloatArray, runs: int, cap_weeks: int, seed: int
) -> FloatArray:
    """Finish offsets of ``runs`` seeded runs (a runs × cap matrix of draws), +inf if not done."""
    rng = np.random.default_rng(seed)
    draws = values[rng.integers(0, values.size, size=(runs, cap_weeks))]
    cumulative = np.cumsum(draws, axis=1)
    hit = cumulative >= remaining - _TOL
    rows = np.flatnonzero(hit.any(axis=1))
    week = np.argmax(hit[rows], axis=1)
    hours = draws[rows, week]
    before = cumulative[rows, week] - hours
    fraction = np.clip((remaining - before) / hours, 0.0, 1.0)
    offsets: FloatArray = np.full(runs, np.inf)
    offsets[rows] = 7.0 * (week + fraction)
    return offsets


def _from_support(offsets: FloatArray, probs: FloatArray, *, exact: bool) -> FinishDistribution:
    """Merge equal offsets, accumulate the CDF and read the three reported quantiles."""
    if offsets.size:
        unique, inverse = np.unique(offsets, return_inverse=True)
        cdf = np.minimum(np.cumsum(np.bincount(inverse.ravel(), weights=probs)), 1.0)
    else:
        unique, cdf = np.zeros(0), np.zeros(0)
    xs = tuple(float(x) for x in unique)
    fs = tuple(float(f) for f in cdf)
    return FinishDistribution(
        p50_days=_quantile(xs, fs, 0.50),
        p85_days=_quantile(xs, fs, 0.85),
        p95_days=_quantile(xs, fs, 0.95),
        exact=exact,
        offsets=xs,
        cdf=fs,
    )


def _quantile(offsets: tuple[float, ...], cdf: tuple[float, ...], q: float) -> float:
    i = bisect.bisect_left(cdf, q - _TOL)
    return offsets[i] if i < len(offsets) else math.inf
