"""Readiness model (ANALYTICS.md §3): Examples 5a and 6 as exact oracles, edge cases, properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from collections.abc import Collection, Mapping, Sequence
from typing import Any, TypeVar, cast

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from studyplanner.domain.model import (
    DomainShares,
    ExamDomain,
    ExamProfile,
    MockResult,
    ModuleKind,
    ModuleStatus,
)
from studyplanner.domain.readiness import (
    DEFAULT_DECAY,
    DEFAULT_DELTA,
    DEFAULT_FACTOR,
    DEFAULT_FLOOR,
    DEFAULT_GROWTH,
    DEFAULT_HALF_LIFE_DAYS,
    DEFAULT_KAPPA0,
    DEFAULT_P_MAX,
    DEFAULT_REVIEW_TARGET,
    DEFAULT_RHO,
    DEFAULT_S0_DAYS,
    DEFAULT_S_MAX_DAYS,
    DEFAULT_SCORED_ITEMS,
    DEFAULT_SIGMA_TAU,
    DEFAULT_STABILITY_EXPONENT_CAP,
    DEFAULT_TAU,
    Readiness,
    ReadinessParams,
    compute_readiness,
    compute_topic_readiness,
    rank_review_next,
)

T = TypeVar("T")
D = dt.date
TOL = 1e-6
DEP, SEC, DEV, REF, MON = (
    "Deployment",
    "Security",
    "Development with AWS Services",
    "Refactoring",
    "Monitoring and Troubleshooting",
)
C01 = ExamProfile(
    name="DVA-C01",
    title="AWS Certified Developer - Associate (DVA-C01)",
    domains=(
        ExamDomain(DEP, 0.22),
        ExamDomain(SEC, 0.26),
        ExamDomain(DEV, 0.30),
        ExamDomain(REF, 0.10),
        ExamDomain(MON, 0.12),
    ),
)
NAMES = C01.domain_names()
EFFORTS = (6.5, 2.9, 10.0, 1.9, 2.0, 3.4, 1.5, 10.0)
# ANALYTICS.md §3.2, C01 columns DEP / SEC / DEV / REF / MON; M8 (practice papers) maps to nothing.
C01_ROWS = {
    1: (0.1, 0.4, 0.4, 0.1, 0.0),
    2: (0.2, 0.0, 0.6, 0.1, 0.1),
    3: (0.3, 0.0, 0.5, 0.0, 0.2),
    4: (0.0, 0.1, 0.7, 0.2, 0.0),
    5: (0.0, 0.5, 0.3, 0.2, 0.0),
    6: (0.7, 0.0, 0.2, 0.0, 0.1),
    7: (0.0, 0.5, 0.0, 0.0, 0.5),
}
MATRIX: dict[int, DomainShares] = {
    position: dict(zip(NAMES, row, strict=True)) for position, row in C01_ROWS.items()
}
EXAM = D(2019, 3, 29)
TODAY = D(2019, 3, 25)
TOTALS = (14, 17, 20, 6, 8)  # per-domain questions of each 65-question mock of Example 6


def modules(pct: float = 1.0) -> list[ModuleStatus]:
    """The eight modules of the common plan of ANALYTICS.md §5, all at *pct* complete."""
    return [
        ModuleStatus(i, f"M{i}", ModuleKind.VIDEO, effort, 1.0, 7 * (i - 1), 7, explicit_pct=pct)
        for i, effort in enumerate(EFFORTS, start=1)
    ]


def per_domain_mock(name: str, on: dt.date, correct: Sequence[float]) -> MockResult:
    """A 65-question mock with the per-domain totals of Example 6 (fractional counts allowed)."""
    counts = {d: (c, n) for d, c, n in zip(NAMES, correct, TOTALS, strict=True)}
    score = sum(correct)
    return MockResult(name, on, round(score), 65, cast("dict[str, tuple[int, int]]", counts))


MOCK1 = per_domain_mock("Mock 1", D(2019, 3, 16), (9, 11, 15, 4, 5))
MOCK2 = per_domain_mock("Mock 2", D(2019, 3, 23), (10, 13, 16, 5, 6))
# Example 6: twelve distinct study days on every module, the last on 2019-03-23 (so S = 365 days).
CONTACTS: dict[int, set[dt.date]] = {
    position: {D(2019, 3, 12) + dt.timedelta(days=i) for i in range(12)} for position in MATRIX
}


def example6(
    mocks: Sequence[MockResult] = (MOCK1, MOCK2),
    at: dt.date = EXAM,
    params: ReadinessParams | None = None,
) -> Readiness:
    return compute_readiness(
        profile=C01,
        modules=modules(1.0),
        matrix=MATRIX,
        contact_days=CONTACTS,
        mocks=mocks,
        at=at,
        params=params or ReadinessParams(),
    )


# ----------------------------------------------------------------------------------------------
# Parameters


def test_default_params_are_the_named_constants_of_section_3_9() -> None:
    assert ReadinessParams() == ReadinessParams(
        floor_g=DEFAULT_FLOOR,
        p_max=DEFAULT_P_MAX,
        kappa0=DEFAULT_KAPPA0,
        half_life_days=DEFAULT_HALF_LIFE_DAYS,
        s0_days=DEFAULT_S0_DAYS,
        growth=DEFAULT_GROWTH,
        s_max_days=DEFAULT_S_MAX_DAYS,
        stability_exponent_cap=DEFAULT_STABILITY_EXPONENT_CAP,
        decay=DEFAULT_DECAY,
        factor=DEFAULT_FACTOR,
        tau=DEFAULT_TAU,
        delta=DEFAULT_DELTA,
        sigma_tau=DEFAULT_SIGMA_TAU,
        rho=DEFAULT_RHO,
        scored_items=DEFAULT_SCORED_ITEMS,
        review_target=DEFAULT_REVIEW_TARGET,
    )
    defaults = ReadinessParams()
    assert (defaults.floor_g, defaults.p_max, defaults.kappa0) == (0.30, 0.75, 6.0)
    assert (defaults.half_life_days, defaults.s0_days, defaults.growth) == (14.0, 2.3065, 2.0)
    assert (defaults.s_max_days, defaults.stability_exponent_cap) == (365.0, 60)
    assert defaults.decay == 0.5
    assert defaults.factor == pytest.approx(0.9 ** (-1 / 0.5) - 1, abs=1e-15)
    assert (defaults.tau, defaults.delta, defaults.sigma_tau, defaults.rho) == (
        0.72,
        0.0,
        0.03,
        0.5,
    )
    assert (defaults.scored_items, defaults.review_target) == (50, 0.80)


@pytest.mark.parametrize(
    "changes",
    [
        {"floor_g": 0.0},
        {"floor_g": 0.8},
        {"p_max": 1.0},
        {"kappa0": 0.0},
        {"half_life_days": 0.0},
        {"growth": 0.5},
        {"rho": 1.5},
        {"sigma_tau": -0.01},
        {"scored_items": 0},
        {"tau": math.nan},
        {"delta": math.inf},
    ],
)
def test_params_reject_unusable_values(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="ReadinessParams"):
        dataclasses.replace(ReadinessParams(), **changes)


def test_for_exam_takes_pass_mark_and_scored_items() -> None:
    profile = dataclasses.replace(C01, scored_items=65, pass_mark=0.70)
    params = ReadinessParams(rho=0.2).for_exam(profile)
    assert (params.tau, params.scored_items, params.rho) == (0.70, 65, 0.2)
    assert ReadinessParams().for_exam(profile, pass_mark=0.75).tau == 0.75


# ----------------------------------------------------------------------------------------------
# Example 5a: cold start


def test_example_5a_nothing_studied() -> None:
    r = compute_readiness(
        profile=C01, modules=modules(0.0), matrix=MATRIX, contact_days={}, mocks=[], at=EXAM
    )
    assert [d.name for d in r.domains] == list(NAMES)
    for d in r.domains:
        assert d.alpha == pytest.approx(1.8)
        assert d.beta == pytest.approx(4.2)
        assert d.mean == pytest.approx(0.30, abs=TOL)
        assert d.variance == pytest.approx(0.03, abs=TOL)
        assert d.lo90 == pytest.approx(0.058977, abs=TOL)
        assert d.hi90 == pytest.approx(0.621277, abs=TOL)
        assert (d.coverage, d.retrievability, d.n_eff) == (0.0, 1.0, 0.0)
        assert (d.last_contact, d.contact_days) == (None, 0)
    assert r.expected_score == pytest.approx(0.30, abs=TOL)
    assert r.variance == pytest.approx(0.022956, abs=TOL)
    assert r.p_pass == pytest.approx(0.002785, abs=TOL)
    assert r.evidence_is_thin
    assert r.at == EXAM


def test_no_data_at_all_is_the_cold_start() -> None:
    """REL-VAL-04: no modules, sessions or mocks gives the finite cold start, not an error."""
    r = compute_readiness(profile=C01, modules=[], matrix={}, contact_days={}, mocks=[], at=EXAM)
    assert r.p_pass == pytest.approx(0.002785, abs=TOL)
    assert all(d.mean == pytest.approx(0.30) for d in r.domains)


# ----------------------------------------------------------------------------------------------
# Example 6: two per-domain mocks

EXAMPLE6_TABLE = [
    # name, a, b, mean, sd, lo90, hi90
    (DEP, 16.658376, 7.098880, 0.700420, 0.091818, 0.539828, 0.841411),
    (SEC, 19.938124, 7.624258, 0.722568, 0.083539, 0.576111, 0.850324),
    (DEV, 24.268629, 7.098880, 0.772776, 0.073409, 0.642546, 0.882941),
    (REF, 10.316499, 3.293754, 0.757114, 0.111836, 0.552739, 0.917236),
    (MON, 11.584874, 4.562129, 0.716660, 0.108519, 0.523163, 0.878756),
]


@pytest.mark.parametrize(("name", "a", "b", "mean", "sd", "lo", "hi"), EXAMPLE6_TABLE)
def test_example_6_domain_table(
    name: str, a: float, b: float, mean: float, sd: float, lo: float, hi: float
) -> None:
    (d,) = [d for d in example6().domains if d.name == name]
    assert d.alpha == pytest.approx(a, abs=TOL)
    assert d.beta == pytest.approx(b, abs=TOL)
    assert d.mean == pytest.approx(mean, abs=TOL)
    assert math.sqrt(d.variance) == pytest.approx(sd, abs=TOL)
    assert d.lo90 == pytest.approx(lo, abs=TOL)
    assert d.hi90 == pytest.approx(hi, abs=TOL)
    assert d.coverage == 1.0
    assert d.retrievability == pytest.approx(0.998078, abs=TOL)
    assert (d.last_contact, d.contact_days) == (D(2019, 3, 23), 12)
    n = TOTALS[NAMES.index(name)]
    assert d.n_eff == pytest.approx((0.525378 + 0.742997) * n, abs=1e-5)


def test_example_6_overall() -> None:
    r = example6()
    assert r.expected_score == pytest.approx(0.735504, abs=TOL)
    assert r.variance == pytest.approx(0.009330, abs=TOL)
    assert r.p_pass == pytest.approx(0.563758, abs=TOL)
    assert round(r.expected_score_lo90, 4) == 0.6226
    assert round(r.expected_score_hi90, 4) == 0.8484
    var_epi = ((r.expected_score_hi90 - r.expected_score_lo90) / (2 * 1.6448536)) ** 2
    assert var_epi == pytest.approx(0.004715, abs=TOL)
    # Refactoring has 6 questions a mock: n_eff = 7.6 < 20, so the UI still says "take a mock".
    assert r.evidence_is_thin


def test_example_6_today() -> None:
    r = example6(at=TODAY)
    assert r.expected_score == pytest.approx(0.735313, abs=TOL)
    assert r.p_pass == pytest.approx(0.565059, abs=TOL)


def test_example_6_mock_2_overall_only() -> None:
    overall = MockResult("Mock 2", D(2019, 3, 23), 50, 65)
    r = example6(mocks=(MOCK1, overall))
    assert r.expected_score == pytest.approx(0.735770, abs=TOL)
    assert r.p_pass == pytest.approx(0.564768, abs=TOL)


@pytest.mark.parametrize(("fraction", "p_pass"), [(0.85, 0.743), (0.80, 0.670)])
def test_example_6_third_mock(fraction: float, p_pass: float) -> None:
    """The doc's numbers need the third mock spread as fraction x the same per-domain totals.

    At 85 % that is 11.9/14, 14.45/17, 17/20, 5.1/6, 6.8/8 (55.25/65): fractional counts, which
    §3.4 allows although MockResult types them as ints.  An overall-only 55/65 gives 0.738 instead.
    """
    third = per_domain_mock("Mock 3", D(2019, 3, 27), [fraction * n for n in TOTALS])
    r = example6(mocks=(MOCK1, MOCK2, third))
    assert round(r.p_pass, 3) == p_pass
    assert all(d.last_contact == D(2019, 3, 27) and d.contact_days == 13 for d in r.domains)


@pytest.mark.parametrize(("fraction", "p_pass"), [(0.80, 0.77), (0.85, 0.89)])
def test_two_recent_mocks_heuristic_of_section_2_6(fraction: float, p_pass: float) -> None:
    mocks = [
        per_domain_mock(name, on, [fraction * n for n in TOTALS])
        for name, on in (("Mock 1", D(2019, 3, 16)), ("Mock 2", D(2019, 3, 23)))
    ]
    assert round(example6(mocks=mocks).p_pass, 2) == p_pass


@pytest.mark.parametrize(
    ("changes", "p_pass"),
    [
        ({}, 0.564),
        ({"tau": 0.75}, 0.440),
        ({"sigma_tau": 0.05}, 0.559),
        ({"rho": 0.0}, 0.578),
        ({"rho": 1.0}, 0.555),
        ({"scored_items": 65}, 0.567),
        ({"half_life_days": 28.0}, 0.550),
    ],
)
def test_sensitivity_line_of_section_3_9(changes: dict[str, Any], p_pass: float) -> None:
    params = dataclasses.replace(ReadinessParams(), **changes)
    assert round(example6(params=params).p_pass, 3) == p_pass


def test_sensitivity_half_life_7_days() -> None:
    """§3.9 prints 0.585; the model gives 0.584464 (0.5845 to 4 places, so 0.585 was rounded twice).

    The other six numbers of the line and every number of Example 6 match, and h enters only λ.
    """
    p_pass = example6(params=ReadinessParams(half_life_days=7.0)).p_pass
    assert p_pass == pytest.approx(0.584464, abs=TOL)
    assert round(p_pass, 4) == 0.5845


# ----------------------------------------------------------------------------------------------
# Evidence rules


def test_evidence_after_at_is_ignored() -> None:
    later = D(2019, 3, 30)
    contacts = {p: {*days, later} for p, days in CONTACTS.items()}
    future_mock = MockResult("Mock 3", later, 65, 65)
    r = compute_readiness(
        profile=C01,
        modules=modules(1.0),
        matrix=MATRIX,
        contact_days=contacts,
        mocks=[MOCK1, MOCK2, future_mock],
        at=EXAM,
    )
    assert r == example6()


def test_topic_quiz_is_a_contact_but_not_domain_evidence() -> None:
    quiz = MockResult("KMS quiz", D(2019, 3, 1), 7, 10, topic_position=5)
    r = compute_readiness(
        profile=C01, modules=modules(0.0), matrix=MATRIX, contact_days={}, mocks=[quiz], at=EXAM
    )
    by_name = {d.name: d for d in r.domains}
    for name in (SEC, DEV, REF):  # M5 maps to these
        assert by_name[name].n_eff == 0.0
        assert (by_name[name].last_contact, by_name[name].contact_days) == (D(2019, 3, 1), 1)
        assert by_name[name].retrievability < 1.0
    for name in (DEP, MON):
        assert (by_name[name].last_contact, by_name[name].retrievability) == (None, 1.0)


def test_overall_only_mock_is_spread_by_weight() -> None:
    mock = MockResult("Mock", EXAM, 40, 50)
    r = compute_readiness(
        profile=C01, modules=modules(0.0), matrix=MATRIX, contact_days={}, mocks=[mock], at=EXAM
    )
    for d in r.domains:
        assert d.alpha == pytest.approx(1.8 + 40 * d.weight)
        assert d.beta == pytest.approx(4.2 + 10 * d.weight)
        assert d.n_eff == pytest.approx(50 * d.weight)
        assert (d.last_contact, d.retrievability) == (EXAM, 1.0)


def test_unknown_domains_and_empty_counts_are_ignored() -> None:
    mock = MockResult(
        "Mock", EXAM, 8, 12, {SEC: (5, 6), "Troubleshooting and Optimization": (3, 6), DEP: (0, 0)}
    )
    empty = MockResult("Empty", EXAM, 0, 0)
    r = compute_readiness(
        profile=C01,
        modules=modules(0.0),
        matrix=MATRIX,
        contact_days={},
        mocks=[mock, empty],
        at=EXAM,
    )
    by_name = {d.name: d for d in r.domains}
    assert by_name[SEC].alpha == pytest.approx(6.8)
    assert by_name[SEC].beta == pytest.approx(5.2)
    assert by_name[SEC].last_contact == EXAM
    for name in (DEP, DEV, REF, MON):
        assert by_name[name].n_eff == 0.0
        assert by_name[name].last_contact is None


def test_coverage_uses_earned_hours_weighted_by_shares() -> None:
    status = modules(0.0)
    status[0] = dataclasses.replace(status[0], explicit_pct=0.5)  # M1: 6.5 h, half done
    status[7] = dataclasses.replace(status[7], explicit_pct=1.0)  # practice papers: no domain
    r = compute_readiness(
        profile=C01, modules=status, matrix=MATRIX, contact_days={}, mocks=[], at=EXAM
    )
    by_name = {d.name: d for d in r.domains}
    planned_dep = 0.1 * 6.5 + 0.2 * 2.9 + 0.3 * 10.0 + 0.7 * 3.4
    assert by_name[DEP].coverage == pytest.approx(0.1 * 3.25 / planned_dep)
    assert by_name[MON].coverage == 0.0
    assert by_name[DEP].mean == pytest.approx(0.30 + 0.45 * by_name[DEP].coverage)


def test_retention_follows_the_fsrs_curve() -> None:
    """One study day 30 days ago on M7: S = 2.3065, R = (1 + (19/81)·30/2.3065)^(-1/2)."""
    r = compute_readiness(
        profile=C01,
        modules=modules(1.0),
        matrix=MATRIX,
        contact_days={7: [D(2019, 2, 27)]},
        mocks=[],
        at=EXAM,
    )
    by_name = {d.name: d for d in r.domains}
    expected_r = (1 + 19 / 81 * 30 / 2.3065) ** -0.5
    assert by_name[MON].retrievability == pytest.approx(expected_r, rel=1e-12)
    assert by_name[MON].mean == pytest.approx(0.30 + (0.75 - 0.30) * expected_r, rel=1e-12)
    assert by_name[MON].variance == pytest.approx(expected_r**2 * 0.75 * 0.25 / 7, rel=1e-12)
    assert by_name[DEP].retrievability == 1.0  # M7 does not map to Deployment


def test_many_contact_days_do_not_overflow() -> None:
    days = [D(2015, 1, 1) + dt.timedelta(days=i) for i in range(1500)]
    params = ReadinessParams(growth=1e6, stability_exponent_cap=1000)
    r = compute_readiness(
        profile=C01,
        modules=modules(1.0),
        matrix=MATRIX,
        contact_days={1: days},
        mocks=[],
        at=D(2030, 1, 1),
        params=params,
    )
    assert all(math.isfinite(d.retrievability) and 0.0 < d.retrievability <= 1.0 for d in r.domains)


def test_forgetting_pulls_a_below_floor_domain_up() -> None:
    """§3.6 as written: p = g + (X - g)·R moves toward g from below too.

    So for a domain whose mocks put its Beta mean under g, one correct answer today (R back to 1)
    can lower its readiness and P(pass).  This pins the normative behaviour; the monotonicity
    property below therefore assumes every Beta mean is at least g.
    """
    profile = ExamProfile(
        "X", "X", (ExamDomain("A", 0.1), ExamDomain("B", 0.45), ExamDomain("C", 0.45))
    )
    at = D(2020, 6, 1)
    status = [
        ModuleStatus(p, f"M{p}", ModuleKind.VIDEO, 5.0, 1.0, 0, 7, explicit_pct=1.0) for p in (1, 2)
    ]
    matrix: dict[int, DomainShares] = {1: {"A": 1.0}, 2: {"B": 0.5, "C": 0.5}}
    contacts = {2: {at - dt.timedelta(days=i) for i in range(10)}}
    old = MockResult(
        "Old", at - dt.timedelta(days=10), 52, 120, {"A": (0, 60), "B": (26, 30), "C": (26, 30)}
    )
    perfect = MockResult("One question", at, 1, 1, {"A": (1, 1)})

    def run(mocks: Sequence[MockResult]) -> Readiness:
        return compute_readiness(
            profile=profile,
            modules=status,
            matrix=matrix,
            contact_days=contacts,
            mocks=mocks,
            at=at,
        )

    before, after = run([old]), run([old, perfect])
    assert before.domains[0].alpha / (before.domains[0].alpha + before.domains[0].beta) < 0.3
    assert after.domains[0].mean < before.domains[0].mean
    assert after.p_pass < before.p_pass


# ----------------------------------------------------------------------------------------------
# Topic readiness and "what to review next"


def test_topic_readiness_cold_and_with_a_quiz() -> None:
    status = modules(0.0)
    status[4] = dataclasses.replace(status[4], explicit_pct=1.0)
    quiz = MockResult("KMS quiz", EXAM, 8, 10, topic_position=5)
    full_mock = MockResult("Mock", EXAM, 10, 65)  # domain evidence only
    topics = compute_topic_readiness(
        modules=list(reversed(status)),
        contact_days={5: [D(2019, 3, 20)]},
        mocks=[quiz, full_mock],
        at=EXAM,
    )
    assert [t.position for t in topics] == list(range(1, 9))
    cold = topics[0]
    assert cold.mean == pytest.approx(0.30, abs=TOL)
    assert cold.lo90 == pytest.approx(0.058977, abs=TOL)
    assert cold.hi90 == pytest.approx(0.621277, abs=TOL)
    assert (cold.retrievability, cold.n_eff) == (1.0, 0.0)
    kms = topics[4]
    assert kms.mean == pytest.approx(
        12.5 / 16, rel=1e-12
    )  # Beta(4.5 + 8, 1.5 + 2), quiz today: R = 1
    assert (kms.retrievability, kms.n_eff) == (1.0, 10.0)
    assert kms.lo90 < kms.mean < kms.hi90


def test_topic_retention_uses_its_own_study_days() -> None:
    topics = compute_topic_readiness(
        modules=modules(1.0), contact_days={2: [D(2019, 2, 27)]}, mocks=[], at=EXAM
    )
    expected_r = (1 + 19 / 81 * 30 / 2.3065) ** -0.5
    assert topics[1].retrievability == pytest.approx(expected_r, rel=1e-12)
    assert topics[1].mean == pytest.approx(0.30 + 0.45 * expected_r, rel=1e-12)
    assert all(t.retrievability == 1.0 for t in topics if t.position != 2)


def test_rank_review_next() -> None:
    status = [dataclasses.replace(m, explicit_pct=0.0) for m in modules(1.0)]
    status[2] = dataclasses.replace(status[2], explicit_pct=1.0)  # M3 done
    quiz = MockResult("IAM quiz", EXAM, 20, 20, topic_position=1)
    topics = compute_topic_readiness(
        modules=status,
        contact_days={1: [EXAM], 3: [D(2019, 2, 10)]},
        mocks=[quiz],
        at=EXAM,
    )
    ranked = rank_review_next(profile=C01, matrix=MATRIX, topics=topics)
    by_position = {t.position: t for t in topics}
    weights = {d.name: d.weight for d in C01.domains}
    positions = [s.position for s in ranked]
    assert 8 not in positions  # practice papers map to no domain
    assert 1 not in positions  # Beta(1.8 + 20, 4.2): readiness 0.838 is above the 0.80 target
    for suggestion in ranked:
        share = sum(s * weights[n] for n, s in MATRIX[suggestion.position].items())
        gap = 0.80 - by_position[suggestion.position].mean
        assert suggestion.priority == pytest.approx(share * gap, rel=1e-12)
        assert "of the exam" in suggestion.reason
    assert [s.priority for s in ranked] == sorted((s.priority for s in ranked), reverse=True)
    assert (
        ranked[0].position == 4
    )  # readiness 0.30 on .26·.1 + .30·.7 + .10·.2 = 25.6 % of the exam
    assert next(s for s in ranked if s.position == 3).reason.startswith("fading")
    assert next(s for s in ranked if s.position == 2).reason.startswith("no quiz yet")
    assert rank_review_next(profile=C01, matrix=MATRIX, topics=topics, limit=2) == ranked[:2]
    assert rank_review_next(profile=C01, matrix=MATRIX, topics=topics, limit=0) == ()


# ----------------------------------------------------------------------------------------------
# Properties (REL-VAL-04)

AT = D(2021, 6, 1)


@dataclasses.dataclass(frozen=True)
class Scenario:
    profile: ExamProfile
    modules: list[ModuleStatus]
    matrix: dict[int, DomainShares]
    contact_days: dict[int, list[dt.date]]
    mocks: list[MockResult]

    def run(
        self,
        *,
        modules: Sequence[ModuleStatus] | None = None,
        mocks: Sequence[MockResult] | None = None,
        contact_days: Mapping[int, Collection[dt.date]] | None = None,
    ) -> Readiness:
        return compute_readiness(
            profile=self.profile,
            modules=self.modules if modules is None else modules,
            matrix=self.matrix,
            contact_days=self.contact_days if contact_days is None else contact_days,
            mocks=self.mocks if mocks is None else mocks,
            at=AT,
        )


days_around_at = st.integers(min_value=-400, max_value=30).map(lambda n: AT + dt.timedelta(days=n))


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    n_domains = draw(st.integers(min_value=1, max_value=5))
    raw = draw(st.lists(st.floats(0.05, 1.0), min_size=n_domains, max_size=n_domains))
    names = [f"D{i}" for i in range(n_domains)]
    profile = ExamProfile(
        "P", "P", tuple(ExamDomain(n, w / sum(raw)) for n, w in zip(names, raw, strict=True))
    )
    n_modules = draw(st.integers(min_value=0, max_value=6))
    status: list[ModuleStatus] = []
    matrix: dict[int, DomainShares] = {}
    contacts: dict[int, list[dt.date]] = {}
    for position in range(1, n_modules + 1):
        effort = draw(st.floats(0.0, 40.0))
        pct = draw(st.one_of(st.none(), st.floats(0.0, 1.0)))
        hours = draw(st.floats(0.0, 60.0))
        status.append(
            ModuleStatus(position, f"M{position}", ModuleKind.VIDEO, effort, 1.0, 0, 7, hours, pct)
        )
        if draw(st.booleans()):
            matrix[position] = {n: draw(st.floats(0.0, 1.0)) for n in names if draw(st.booleans())}
        contacts[position] = draw(st.lists(days_around_at, max_size=6))
    mocks: list[MockResult] = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        total = draw(st.integers(min_value=0, max_value=80))
        correct = draw(st.integers(min_value=0, max_value=total))
        on = draw(days_around_at)
        kind = draw(st.sampled_from(["overall", "domains", "topic"]))
        counts: dict[str, tuple[int, int]] = {}
        topic = None
        if kind == "domains":
            for n in names:
                if draw(st.booleans()):
                    n_total = draw(st.integers(min_value=0, max_value=30))
                    counts[n] = (draw(st.integers(min_value=0, max_value=n_total)), n_total)
        elif kind == "topic":
            topic = draw(st.integers(min_value=1, max_value=max(1, n_modules)))
        mocks.append(MockResult("m", on, correct, total, counts, topic))
    return Scenario(profile, status, matrix, contacts, mocks)


def _assert_sane(r: Readiness) -> None:
    values = [r.p_pass, r.expected_score, r.expected_score_lo90, r.expected_score_hi90, r.variance]
    assert all(math.isfinite(v) for v in values)
    assert 0.0 <= r.p_pass <= 1.0
    assert 0.0 <= r.expected_score_lo90 <= r.expected_score <= r.expected_score_hi90 <= 1.0
    assert r.variance > 0.0
    for d in r.domains:
        fields = [d.mean, d.variance, d.lo90, d.hi90, d.coverage, d.retrievability, d.n_eff]
        assert all(math.isfinite(v) for v in [*fields, d.alpha, d.beta])
        assert 0.0 <= d.lo90 <= d.mean <= d.hi90 <= 1.0
        assert 0.0 <= d.coverage <= 1.0
        assert 0.0 < d.retrievability <= 1.0
        assert d.variance >= 0.0 and d.n_eff >= 0.0


@given(scenarios())
def test_readiness_is_finite_and_bounded(s: Scenario) -> None:
    _assert_sane(s.run())
    topics = compute_topic_readiness(
        modules=s.modules, contact_days=s.contact_days, mocks=s.mocks, at=AT
    )
    for t in topics:
        assert 0.0 <= t.lo90 <= t.mean <= t.hi90 <= 1.0
        assert math.isfinite(t.n_eff) and 0.0 < t.retrievability <= 1.0
    for suggestion in rank_review_next(profile=s.profile, matrix=s.matrix, topics=topics):
        assert suggestion.priority > 0.0 and suggestion.reason


@given(scenarios(), st.randoms(use_true_random=False))
def test_readiness_does_not_depend_on_order(s: Scenario, rng: random.Random) -> None:
    def shuffled(items: Sequence[T]) -> list[T]:
        return rng.sample(list(items), len(items))

    contacts = {p: shuffled(days) for p, days in shuffled(list(s.contact_days.items()))}
    reordered = s.run(modules=shuffled(s.modules), mocks=shuffled(s.mocks), contact_days=contacts)
    assert reordered == s.run()
    topics = compute_topic_readiness(
        modules=shuffled(s.modules), contact_days=contacts, mocks=shuffled(s.mocks), at=AT
    )
    assert topics == compute_topic_readiness(
        modules=s.modules, contact_days=s.contact_days, mocks=s.mocks, at=AT
    )


@given(scenarios(), st.data())
def test_coverage_never_decreases_when_earned_hours_grow(s: Scenario, data: st.DataObject) -> None:
    assume(s.modules)
    index = data.draw(st.integers(min_value=0, max_value=len(s.modules) - 1))
    module = s.modules[index]
    grown = data.draw(
        st.one_of(
            st.builds(
                lambda p: dataclasses.replace(module, explicit_pct=p),
                st.floats(module.pct_complete, 1.0),
            ),
            st.just(dataclasses.replace(module, done_on=AT)),
        )
    )
    assert grown.earned_hours >= module.earned_hours
    before = s.run()
    after = s.run(modules=[*s.modules[:index], grown, *s.modules[index + 1 :]])
    for b, a in zip(before.domains, after.domains, strict=True):
        assert a.coverage >= b.coverage


@given(scenarios(), st.integers(min_value=1, max_value=65), st.data())
def test_a_perfect_mock_today_never_lowers_p_pass(
    s: Scenario, questions: int, data: st.DataObject
) -> None:
    """Holds while every domain's Beta mean is at least g (see test_forgetting_pulls_...)."""
    before = s.run()
    assume(all(d.alpha / (d.alpha + d.beta) >= DEFAULT_FLOOR for d in before.domains))
    names = list(s.profile.domain_names())
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
    counts = {n: (questions, questions) for n in chosen}
    perfect = MockResult(
        "perfect", AT, questions * max(1, len(chosen)), questions * max(1, len(chosen)), counts
    )
    after = s.run(mocks=[*s.mocks, perfect])
    assert after.p_pass >= before.p_pass - 1e-12
    _assert_sane(after)


def test_contact_days_accept_any_collection() -> None:
    as_list: Mapping[int, Collection[dt.date]] = {
        p: sorted(days) * 2 for p, days in CONTACTS.items()
    }
    r = compute_readiness(
        profile=C01,
        modules=modules(1.0),
        matrix=MATRIX,
        contact_days=as_list,
        mocks=[MOCK1, MOCK2],
        at=EXAM,
    )
    assert r == example6()


@st.composite
def any_params(draw: st.DrawFn) -> ReadinessParams:
    floor_g = draw(st.floats(1e-6, 0.9))
    return ReadinessParams(
        floor_g=floor_g,
        p_max=draw(st.floats(floor_g, 0.999999)),
        kappa0=draw(st.floats(1e-3, 1e4)),
        half_life_days=draw(st.floats(1e-3, 1e4)),
        s0_days=draw(st.floats(1e-3, 1e4)),
        growth=draw(st.floats(1.0, 1e6)),
        s_max_days=draw(st.floats(1e-3, 1e6)),
        stability_exponent_cap=draw(st.integers(0, 1000)),
        decay=draw(st.floats(1e-3, 10.0)),
        factor=draw(st.floats(1e-3, 100.0)),
        tau=draw(st.floats(0.0, 1.0)),
        delta=draw(st.floats(-1.0, 1.0)),
        sigma_tau=draw(st.floats(0.0, 1.0)),
        rho=draw(st.floats(0.0, 1.0)),
        scored_items=draw(st.integers(1, 1000)),
        review_target=draw(st.floats(0.0, 1.0)),
    )


@given(scenarios(), any_params())
def test_readiness_is_finite_for_any_valid_params(s: Scenario, params: ReadinessParams) -> None:
    r = compute_readiness(
        profile=s.profile,
        modules=s.modules,
        matrix=s.matrix,
        contact_days=s.contact_days,
        mocks=s.mocks,
        at=AT,
        params=params,
    )
    assert 0.0 <= r.p_pass <= 1.0
    assert all(
        math.isfinite(v) and 0.0 <= v <= 1.0
        for d in r.domains
        for v in (d.mean, d.lo90, d.hi90, d.retrievability)
    )
    assert all(math.isfinite(d.variance) and d.lo90 <= d.hi90 for d in r.domains)
    topics = compute_topic_readiness(
        modules=s.modules, contact_days=s.contact_days, mocks=s.mocks, at=AT, params=params
    )
    assert all(math.isfinite(t.mean) and 0.0 <= t.lo90 <= t.hi90 <= 1.0 for t in topics)
