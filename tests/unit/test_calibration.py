"""Simulation-based calibration of the readiness model (ANALYTICS.md §3.10, item 4)."""

# Learners are drawn from the model's own generative story: random parameters, random coverage, true
# ability X_d ~ Beta(κ0·mu0_d, κ0·(1 - mu0_d)), random study days (retention R_d), mock counts
# c ~ Binomial(n, X_d), true readiness p_d = g + (X_d - g)·R_d.  Mocks are taken on the evaluation
# date (λ = 1): only then is the discounted posterior the exact Bayesian one; older mocks make the
# intervals wider on purpose.  A correct implementation covers p_d with its 90 % interval 90 % of
# the time; a wrong quantile, a swapped a/b or a mis-applied retention shows up at once.

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np
import pytest

from studyplanner.domain.model import (
    DomainShares,
    ExamDomain,
    ExamProfile,
    MockResult,
    ModuleKind,
    ModuleStatus,
)
from studyplanner.domain.readiness import ReadinessParams, compute_readiness

SEED = 20190329
LEARNERS = 1500
AT = dt.date(2019, 3, 29)
PROFILE = ExamProfile(
    "DVA-C01",
    "AWS Certified Developer - Associate (DVA-C01)",
    (
        ExamDomain("Deployment", 0.22),
        ExamDomain("Security", 0.26),
        ExamDomain("Development with AWS Services", 0.30),
        ExamDomain("Refactoring", 0.10),
        ExamDomain("Monitoring and Troubleshooting", 0.12),
    ),
)
NAMES = PROFILE.domain_names()
# One module per domain, so that cov_d is exactly that module's pct.
MATRIX: dict[int, DomainShares] = {i: {name: 1.0} for i, name in enumerate(NAMES, start=1)}
EXAM_ITEMS = (11, 13, 15, 5, 6)  # w_d x 50 scored items


@dataclasses.dataclass(frozen=True)
class Outcome:
    covered: list[bool]  # per domain: true p_d inside the 90 % interval
    p_pass: float
    passed: bool


def _retention(days: set[dt.date], params: ReadinessParams) -> float:
    """§3.5, written out independently of the implementation."""
    if not days:
        return 1.0
    stability = min(params.s_max_days, params.s0_days * params.growth ** (len(days) - 1))
    elapsed = (AT - max(days)).days
    return float((1.0 + params.factor * elapsed / stability) ** -params.decay)


def _learner(rng: np.random.Generator, rho: float | None) -> Outcome:
    """Draw one learner from the generative story, fit the model and simulate the real exam."""
    params = ReadinessParams(
        floor_g=float(rng.uniform(0.2, 0.4)),
        p_max=float(rng.uniform(0.65, 0.9)),
        kappa0=float(rng.uniform(2.0, 20.0)),
        tau=float(rng.uniform(0.45, 0.75)),
        sigma_tau=float(rng.uniform(0.01, 0.05)),
        rho=float(rng.uniform(0.0, 1.0)) if rho is None else rho,
    )
    g = params.floor_g
    pcts = rng.uniform(0.3, 1.0, size=len(NAMES))
    modules = [
        ModuleStatus(i, f"M{i}", ModuleKind.VIDEO, 5.0, 1.0, 0, 7, explicit_pct=float(pct))
        for i, pct in enumerate(pcts, start=1)
    ]
    mu0 = g + (params.p_max - g) * pcts
    ability = rng.beta(params.kappa0 * mu0, params.kappa0 * (1.0 - mu0))
    contacts = {
        i: {AT - dt.timedelta(days=int(d)) for d in rng.integers(0, 90, size=rng.integers(0, 6))}
        for i in MATRIX
    }
    mocks: list[MockResult] = []
    for m in range(int(rng.integers(0, 4))):
        counts: dict[str, tuple[int, int]] = {}
        for name, x in zip(NAMES, ability, strict=True):
            if rng.uniform() < 0.7:
                n = int(rng.integers(1, 25))
                counts[name] = (int(rng.binomial(n, x)), n)
        if counts:
            c = sum(c for c, _ in counts.values())
            mocks.append(MockResult(f"Mock {m}", AT, c, sum(n for _, n in counts.values()), counts))
    truth = []
    for i, (name, x) in enumerate(zip(NAMES, ability, strict=True), start=1):
        days = set(contacts[i]) | {mock.taken_on for mock in mocks if name in mock.domain_counts}
        truth.append(g + (float(x) - g) * _retention(days, params))
    r = compute_readiness(
        profile=PROFILE,
        modules=modules,
        matrix=MATRIX,
        contact_days=contacts,
        mocks=mocks,
        at=AT,
        params=params,
    )
    covered = [d.lo90 <= p <= d.hi90 for d, p in zip(r.domains, truth, strict=True)]
    score = sum(int(rng.binomial(n, p)) for n, p in zip(EXAM_ITEMS, truth, strict=True)) / 50
    cut = params.tau + params.sigma_tau * float(rng.standard_normal())
    return Outcome(covered, r.p_pass, score >= cut)


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    rng = np.random.default_rng(SEED)
    return [_learner(rng, rho=None) for _ in range(LEARNERS)]


def test_90_percent_intervals_cover_90_percent(outcomes: list[Outcome]) -> None:
    per_domain = [sum(o.covered[i] for o in outcomes) / len(outcomes) for i in range(len(NAMES))]
    pooled = sum(per_domain) / len(per_domain)
    assert 0.88 <= pooled <= 0.92, pooled  # 7500 intervals: 0.90 ± 0.0035 (1 sd)
    assert all(0.85 <= c <= 0.95 for c in per_domain), per_domain


def test_p_pass_is_calibrated_with_independent_domains() -> None:
    """With ρ = 0 (the story draws domains independently) P(pass) bins match pass frequencies.

    The exam is simulated as Binomial(w_d·50, p_d) per domain against a cut τ + σ_τ·Z.  Expected
    calibration error over 5 bins stays below 0.05, the target of §3.10 item 2.
    """
    rng = np.random.default_rng(SEED + 1)
    sample = [_learner(rng, rho=0.0) for _ in range(LEARNERS)]
    bins: list[list[Outcome]] = [[] for _ in range(5)]
    for o in sample:
        bins[min(4, int(o.p_pass * 5))].append(o)
    ece = math.fsum(
        abs(math.fsum(o.p_pass for o in b) - sum(o.passed for o in b)) for b in bins if b
    ) / len(sample)
    assert ece < 0.05, ece
    for b in bins:  # every bin holds 170-500 learners here: 0.12 is over 3 standard errors
        gap = abs(math.fsum(o.p_pass for o in b) - sum(o.passed for o in b)) / len(b)
        assert gap < 0.12, (len(b), gap)
