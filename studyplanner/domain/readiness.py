"""Exam readiness (ANALYTICS.md §3): discounted Beta-Binomial, FSRS retention, P(pass)."""

# Model (ANALYTICS.md §3.3-3.8), per exam domain d at the evaluation date T:
#   prior      mu0_d = g + (p_max - g)·cov_d,  X_d ~ Beta(κ0·mu0_d, κ0·(1 - mu0_d))
#   evidence   a_d += Σ λ_i c_id,  b_d += Σ λ_i (n_id - c_id),  λ_i = 0.5^((T - t_i)/h)
#   retention  R_d = (1 + F·(T - L_d)/S_d)^(-D),  S_d = min(S_max, S0·growth^(k_d - 1))
#   readiness  p_d = g + (X_d - g)·R_d;  P(pass) = Φ((Σ w_d μ_d - τ - δ) / √V)
#
# Monotonicity this module claims (REL-VAL-04; tested with Hypothesis in tests/unit):
#   * coverage of a domain never decreases when a module's earned hours grow;
#   * adding a mock with every answer correct on T never lowers P(pass) - as long as no domain's
#     Beta mean lies below the floor g (see the note on `compute_readiness`).
# Every result is finite for every valid input: sums use math.fsum (which also makes them
# independent of the order of modules and mocks), and means and bounds are clamped to [0, 1].

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import statistics
from collections.abc import Collection, Iterable, Mapping, Sequence

from studyplanner.domain.betadist import beta_quantile
from studyplanner.domain.model import DomainShares, ExamProfile, MockResult, ModuleStatus

__all__ = [
    "DEFAULT_DECAY",
    "DEFAULT_DELTA",
    "DEFAULT_FACTOR",
    "DEFAULT_FLOOR",
    "DEFAULT_GROWTH",
    "DEFAULT_HALF_LIFE_DAYS",
    "DEFAULT_KAPPA0",
    "DEFAULT_P_MAX",
    "DEFAULT_REVIEW_TARGET",
    "DEFAULT_RHO",
    "DEFAULT_S0_DAYS",
    "DEFAULT_SCORED_ITEMS",
    "DEFAULT_SIGMA_TAU",
    "DEFAULT_STABILITY_EXPONENT_CAP",
    "DEFAULT_S_MAX_DAYS",
    "DEFAULT_TAU",
    "THIN_EVIDENCE_N_EFF",
    "Z90",
    "DomainReadiness",
    "Readiness",
    "ReadinessParams",
    "ReviewSuggestion",
    "TopicReadiness",
    "compute_readiness",
    "compute_topic_readiness",
    "rank_review_next",
]

DEFAULT_FLOOR = 0.30  # g: accuracy with zero coverage
DEFAULT_P_MAX = 0.75  # expected accuracy after all planned content, before practice tests
DEFAULT_KAPPA0 = 6.0  # prior worth, in questions
DEFAULT_HALF_LIFE_DAYS = 14.0  # h: half-life of mock evidence
DEFAULT_S0_DAYS = 2.3065  # FSRS-6 stability after a first "Good" review
DEFAULT_GROWTH = 2.0  # stability multiplier per extra day of contact
DEFAULT_S_MAX_DAYS = 365.0  # stability cap
DEFAULT_STABILITY_EXPONENT_CAP = 60  # cap of k - 1 in growth^(k - 1)
DEFAULT_DECAY = 0.5  # D of the FSRS-4.5/5 power curve
DEFAULT_FACTOR = 19 / 81  # F = 0.9^(-1/D) - 1, so that R(S, S) = 0.9
DEFAULT_TAU = 0.72  # raw-proportion stand-in for the scaled cut 720
DEFAULT_DELTA = 0.0  # difficulty offset of the mock provider vs the real exam
DEFAULT_SIGMA_TAU = 0.03  # uncertainty of the raw cut
DEFAULT_RHO = 0.5  # correlation of domain abilities
DEFAULT_SCORED_ITEMS = 50  # N: scored questions of the exam
DEFAULT_REVIEW_TARGET = 0.80  # topic readiness that "what to review next" aims for

THIN_EVIDENCE_N_EFF = 20.0  # below this many questions-equivalent a domain rests on the plan only
# z of the two-sided 90 % band (1.6448536…; ANALYTICS.md §3.7 writes it as 1.645, and its
# Example 6 band [0.6226, 0.8484] is reproduced only with the exact value).
Z90 = statistics.NormalDist().inv_cdf(0.95)
_CRI_LOW = 0.05
_CRI_HIGH = 0.95


@dataclasses.dataclass(frozen=True, slots=True)
class ReadinessParams:
    """Tunable constants of the readiness model (ANALYTICS.md §3.9).

    ``tau`` and ``scored_items`` describe the exam: build them from the plan's pass mark and the
    profile with `for_exam`.  The constructor rejects values the model cannot use (``ValueError``).
    """

    floor_g: float = DEFAULT_FLOOR
    p_max: float = DEFAULT_P_MAX
    kappa0: float = DEFAULT_KAPPA0
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS
    s0_days: float = DEFAULT_S0_DAYS
    growth: float = DEFAULT_GROWTH
    s_max_days: float = DEFAULT_S_MAX_DAYS
    stability_exponent_cap: int = DEFAULT_STABILITY_EXPONENT_CAP
    decay: float = DEFAULT_DECAY
    factor: float = DEFAULT_FACTOR
    tau: float = DEFAULT_TAU
    delta: float = DEFAULT_DELTA
    sigma_tau: float = DEFAULT_SIGMA_TAU
    rho: float = DEFAULT_RHO
    scored_items: int = DEFAULT_SCORED_ITEMS
    review_target: float = DEFAULT_REVIEW_TARGET

    def __post_init__(self) -> None:
        checks = {
            "floor_g must be in (0, p_max]": 0.0 < self.floor_g <= self.p_max,
            "p_max must be below 1": self.p_max < 1.0,
            "kappa0 must be positive": self.kappa0 > 0.0,
            "half_life_days must be positive": self.half_life_days > 0.0,
            "s0_days must be positive": self.s0_days > 0.0,
            "growth must be at least 1": self.growth >= 1.0,
            "s_max_days must be positive": self.s_max_days > 0.0,
            "stability_exponent_cap must not be negative": self.stability_exponent_cap >= 0,
            "decay must be positive": self.decay > 0.0,
            "factor must be positive": self.factor > 0.0,
            "tau must be in [0, 1]": 0.0 <= self.tau <= 1.0,
            "delta must be in [-1, 1]": -1.0 <= self.delta <= 1.0,
            "sigma_tau must not be negative": self.sigma_tau >= 0.0,
            "rho must be in [0, 1]": 0.0 <= self.rho <= 1.0,
            "scored_items must be at least 1": self.scored_items >= 1,
            "review_target must be in [0, 1]": 0.0 <= self.review_target <= 1.0,
        }
        for message, ok in checks.items():
            if not ok:
                raise ValueError(f"ReadinessParams: {message}")
        for field in dataclasses.fields(self):
            if not math.isfinite(getattr(self, field.name)):
                raise ValueError(f"ReadinessParams: {field.name} must be finite")

    def for_exam(self, profile: ExamProfile, pass_mark: float | None = None) -> ReadinessParams:
        """These parameters with τ = *pass_mark* (default: the profile's) and N from *profile*."""
        tau = profile.pass_mark if pass_mark is None else pass_mark
        return dataclasses.replace(self, tau=tau, scored_items=profile.scored_items)


@dataclasses.dataclass(frozen=True, slots=True)
class DomainReadiness:
    """Readiness on one exam domain: p_d = g + (X_d - g)·R_d with X_d ~ Beta(alpha, beta).

    ``mean``, ``variance``, ``lo90`` and ``hi90`` describe p_d (retention applied); ``alpha`` and
    ``beta`` are the Beta posterior before retention; ``n_eff`` is the recency-weighted number of
    mock questions; ``contact_days`` is k_d and ``last_contact`` is L_d (``None``: never touched).
    """

    name: str
    weight: float
    mean: float
    variance: float
    lo90: float
    hi90: float
    coverage: float
    retrievability: float
    n_eff: float
    alpha: float
    beta: float
    last_contact: dt.date | None
    contact_days: int


@dataclasses.dataclass(frozen=True, slots=True)
class Readiness:
    """Overall readiness at date ``at``: P(pass), expected exam score M with its 90 % band, V."""

    at: dt.date
    p_pass: float
    expected_score: float
    expected_score_lo90: float
    expected_score_hi90: float
    variance: float
    domains: tuple[DomainReadiness, ...]

    @property
    def evidence_is_thin(self) -> bool:
        """True while some domain has under 20 questions-equivalent of mock evidence.

        The UI then says "estimate from plan progress only — take a mock test".
        """
        return any(d.n_eff < THIN_EVIDENCE_N_EFF for d in self.domains)


@dataclasses.dataclass(frozen=True, slots=True)
class TopicReadiness:
    """Readiness on one plan module (topic), from its own progress, quizzes and study days."""

    position: int
    mean: float
    lo90: float
    hi90: float
    retrievability: float
    n_eff: float


@dataclasses.dataclass(frozen=True, slots=True)
class ReviewSuggestion:
    """One entry of "what to review next": ``priority`` = w·(target - μ_topic), largest first."""

    position: int
    priority: float
    reason: str


@dataclasses.dataclass(frozen=True, slots=True)
class _Posterior:
    """A Beta posterior with retention applied (the shared machinery of domains and topics)."""

    alpha: float
    beta: float
    mean: float
    variance: float
    lo90: float
    hi90: float
    retrievability: float
    n_eff: float
    last_contact: dt.date | None
    contact_days: int


@dataclasses.dataclass(slots=True)
class _Evidence:
    """Recency-weighted counts and contact dates collected for one domain or topic."""

    correct: list[float] = dataclasses.field(default_factory=list)
    wrong: list[float] = dataclasses.field(default_factory=list)
    questions: list[float] = dataclasses.field(default_factory=list)
    days: set[dt.date] = dataclasses.field(default_factory=set)

    def add(self, weight: float, correct: float, total: float, day: dt.date) -> None:
        self.correct.append(weight * correct)
        self.wrong.append(weight * (total - correct))
        self.questions.append(weight * total)
        self.days.add(day)


def _clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))


def _normal_cdf(z: float) -> float:
    """Φ(z), accurate in both tails (``erfc`` rather than ``1 + erf``)."""
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def _evidence_weight(taken_on: dt.date, at: dt.date, params: ReadinessParams) -> float:
    """λ = 0.5^(age / h), with the age in whole days."""
    return math.pow(0.5, (at - taken_on).days / params.half_life_days)


def _mock_counts(mock: MockResult) -> tuple[float, float] | None:
    """The mock's overall (correct, total) with 0 <= c <= n; ``None`` if it has no questions."""
    total = float(mock.total)
    if not total > 0.0:
        return None
    return _clamp_count(mock.correct, total), total


def _clamp_count(correct: float, total: float) -> float:
    return min(total, max(0.0, float(correct)))


def _retrievability(
    days: Collection[dt.date], at: dt.date, params: ReadinessParams
) -> tuple[float, dt.date | None, int]:
    """``(R, L, k)`` of §3.5 for a set of contact dates (all on or before *at*)."""
    if not days:
        return 1.0, None, 0
    last = max(days)
    k = len(days)
    exponent = min(k - 1, params.stability_exponent_cap)
    log_stability = math.log(params.s0_days) + exponent * math.log(params.growth)
    stability = min(params.s_max_days, math.exp(min(log_stability, 700.0)))
    elapsed = float((at - last).days)
    return math.pow(1.0 + params.factor * elapsed / stability, -params.decay), last, k


_Quantiles = dict[tuple[float, float], tuple[float, float]]
"""(alpha, beta) -> the Beta's 5 % and 95 % quantiles, shared within one computation."""


def _on_or_before(days: Collection[dt.date], at: dt.date) -> Collection[dt.date]:
    """The dates of *days* on or before *at* (*days* itself when none is later: the usual case)."""
    if not days or max(days) <= at:
        return days
    return {day for day in days if day <= at}


def _posterior(
    mu0: float,
    evidence: _Evidence,
    at: dt.date,
    params: ReadinessParams,
    quantiles: _Quantiles | None = None,
) -> _Posterior:
    """Prior Beta(κ0·mu0, κ0·(1 - mu0)) + discounted counts, then the affine retention transform.

    *quantiles* memoises the (pure, slow) Beta quantiles: topics often share a posterior, e.g.
    every finished module without quizzes.
    """
    alpha = params.kappa0 * mu0 + math.fsum(evidence.correct)
    beta = params.kappa0 * (1.0 - mu0) + math.fsum(evidence.wrong)
    bounds = None if quantiles is None else quantiles.get((alpha, beta))
    if bounds is None:
        bounds = (beta_quantile(_CRI_LOW, alpha, beta), beta_quantile(_CRI_HIGH, alpha, beta))
        if quantiles is not None:
            quantiles[alpha, beta] = bounds
    total = alpha + beta
    x_mean = alpha / total
    x_var = (x_mean * (beta / total)) / (total + 1.0)
    r, last, k = _retrievability(evidence.days, at, params)
    g = params.floor_g
    return _Posterior(
        alpha=alpha,
        beta=beta,
        mean=_clamp01(g + (x_mean - g) * r),
        variance=max(0.0, r * r * x_var),
        lo90=_clamp01(g + (bounds[0] - g) * r),
        hi90=_clamp01(g + (bounds[1] - g) * r),
        retrievability=r,
        n_eff=math.fsum(evidence.questions),
        last_contact=last,
        contact_days=k,
    )


def _positive_shares(shares: DomainShares, names: Iterable[str]) -> dict[str, float]:
    """The profile domains a module maps to, with their (positive, finite) shares."""
    wanted = set(names)
    return {
        name: share
        for name, share in shares.items()
        if name in wanted and math.isfinite(share) and share > 0.0
    }


def _coverage(
    name: str, modules: Sequence[ModuleStatus], matrix: Mapping[int, DomainShares]
) -> float:
    """cov_d = Σ M[m,d]·EV_m / Σ M[m,d]·E_m over the modules mapped to d (0 if none)."""
    earned: list[float] = []
    planned: list[float] = []
    for module in modules:
        share = matrix.get(module.position, {}).get(name, 0.0)
        effort = module.effort_hours
        if not (math.isfinite(share) and share > 0.0 and math.isfinite(effort) and effort > 0.0):
            continue
        earned.append(share * module.pct_complete * effort)
        planned.append(share * effort)
    denominator = math.fsum(planned)
    return _clamp01(math.fsum(earned) / denominator) if denominator > 0.0 else 0.0


def compute_readiness(
    *,
    profile: ExamProfile,
    modules: Sequence[ModuleStatus],
    matrix: Mapping[int, DomainShares],
    contact_days: Mapping[int, Collection[dt.date]],
    mocks: Sequence[MockResult],
    at: dt.date,
    params: ReadinessParams = ReadinessParams(),
) -> Readiness:
    """Per-domain readiness and P(pass) at *at* (ANALYTICS.md §3.3-3.7).

    *matrix* maps a module position to its domain shares (absent or empty: maps to nothing);
    *contact_days* maps a module position to the local dates of its study sessions.  Only sessions
    and mocks dated on or before *at* count; *modules* is the caller's as-of snapshot of progress.

    A mock with domain counts gives evidence (and a contact) on each profile domain with a positive
    total; other names are ignored.  A mock without domain counts is spread by the profile weights
    (n·w_d, c·w_d).  A topic quiz is not domain evidence; it is a contact for its module's domains.
    τ and N come from *params* (see `ReadinessParams.for_exam`), not from the profile.

    Retention pulls p_d toward the floor g from either side, so a domain whose mocks put its Beta
    mean below g reads higher after a long break; that is the model of §3.6 as written.
    """
    names = profile.domain_names()
    evidence = {name: _Evidence() for name in names}
    for position, days in contact_days.items():
        recent = _on_or_before(days, at)
        for name in _positive_shares(matrix.get(position, {}), names):
            evidence[name].days.update(recent)
    for mock in mocks:
        counts = _mock_counts(mock)
        if mock.taken_on > at or counts is None:
            continue
        if mock.topic_position is not None:
            for name in _positive_shares(matrix.get(mock.topic_position, {}), names):
                evidence[name].days.add(mock.taken_on)
            continue
        weight = _evidence_weight(mock.taken_on, at, params)
        if mock.domain_counts:
            for name, (correct, total) in mock.domain_counts.items():
                if name in evidence and total > 0:
                    evidence[name].add(
                        weight, _clamp_count(correct, total), float(total), mock.taken_on
                    )
        else:
            overall_correct, overall_total = counts
            for domain in profile.domains:
                if domain.weight > 0.0:
                    evidence[domain.name].add(
                        weight,
                        overall_correct * domain.weight,
                        overall_total * domain.weight,
                        mock.taken_on,
                    )

    g = params.floor_g
    domains: list[DomainReadiness] = []
    for domain in profile.domains:
        coverage = _coverage(domain.name, modules, matrix)
        post = _posterior(g + (params.p_max - g) * coverage, evidence[domain.name], at, params)
        domains.append(
            DomainReadiness(
                name=domain.name,
                weight=domain.weight,
                mean=post.mean,
                variance=post.variance,
                lo90=post.lo90,
                hi90=post.hi90,
                coverage=coverage,
                retrievability=post.retrievability,
                n_eff=post.n_eff,
                alpha=post.alpha,
                beta=post.beta,
                last_contact=post.last_contact,
                contact_days=post.contact_days,
            )
        )
    return _overall(tuple(domains), at, params)


def _overall(
    domains: tuple[DomainReadiness, ...], at: dt.date, params: ReadinessParams
) -> Readiness:
    """M, V and P(pass) of §3.7 from the per-domain readiness."""
    expected = math.fsum(d.weight * d.mean for d in domains)
    spread = math.fsum(d.weight * math.sqrt(d.variance) for d in domains)
    var_epi = (1.0 - params.rho) * math.fsum(
        d.weight * d.weight * d.variance for d in domains
    ) + params.rho * spread * spread
    var_exam = (
        math.fsum(d.weight * max(0.0, d.mean * (1.0 - d.mean) - d.variance) for d in domains)
        / params.scored_items
    )
    variance = max(0.0, var_epi) + max(0.0, var_exam) + params.sigma_tau**2
    margin = expected - (params.tau + params.delta)
    if variance > 0.0:
        p_pass = _clamp01(_normal_cdf(margin / math.sqrt(variance)))
    else:
        p_pass = 1.0 if margin >= 0.0 else 0.0
    half_band = Z90 * math.sqrt(max(0.0, var_epi))
    return Readiness(
        at=at,
        p_pass=p_pass,
        expected_score=expected,
        expected_score_lo90=_clamp01(expected - half_band),
        expected_score_hi90=_clamp01(expected + half_band),
        variance=variance,
        domains=domains,
    )


def compute_topic_readiness(
    *,
    modules: Sequence[ModuleStatus],
    contact_days: Mapping[int, Collection[dt.date]],
    mocks: Sequence[MockResult],
    at: dt.date,
    params: ReadinessParams = ReadinessParams(),
) -> tuple[TopicReadiness, ...]:
    """Readiness per module (§3.8), in plan order: the domain machinery applied to one topic.

    Prior from the module's own pct_complete; evidence from its topic quizzes (full mocks are
    domain evidence only); contacts are its own study days and quiz days, up to *at*.
    """
    g = params.floor_g
    quizzes: dict[int, list[MockResult]] = {}  # topic position -> its quizzes, in mocks order
    for mock in mocks:
        if mock.topic_position is not None:
            quizzes.setdefault(mock.topic_position, []).append(mock)
    topics: list[TopicReadiness] = []
    quantiles: _Quantiles = {}
    for module in sorted(modules, key=lambda m: m.position):
        evidence = _Evidence()
        evidence.days.update(_on_or_before(contact_days.get(module.position, ()), at))
        for mock in quizzes.get(module.position, ()):
            counts = _mock_counts(mock)
            if mock.taken_on > at or counts is None:
                continue
            correct, total = counts
            evidence.add(_evidence_weight(mock.taken_on, at, params), correct, total, mock.taken_on)
        mu0 = g + (params.p_max - g) * _clamp01(module.pct_complete)
        post = _posterior(mu0, evidence, at, params, quantiles)
        topics.append(
            TopicReadiness(
                position=module.position,
                mean=post.mean,
                lo90=post.lo90,
                hi90=post.hi90,
                retrievability=post.retrievability,
                n_eff=post.n_eff,
            )
        )
    return tuple(topics)


def rank_review_next(
    *,
    profile: ExamProfile,
    matrix: Mapping[int, DomainShares],
    topics: Sequence[TopicReadiness],
    params: ReadinessParams = ReadinessParams(),
    limit: int | None = None,
) -> tuple[ReviewSuggestion, ...]:
    """Rank topics for "what to review next" (§3.8) by w·(target - μ_topic), largest first.

    w is the topic's share of the exam, Σ_d M[m,d]·w_d; topics that map to no domain (practice
    papers) or already reach the target are left out.  Ties go to the lower retrievability, then to
    the earlier module.  Each suggestion carries a one-line reason for the UI.
    """
    names = profile.domain_names()
    weights = {d.name: d.weight for d in profile.domains}
    target = params.review_target
    ranked: list[tuple[float, float, int, ReviewSuggestion]] = []
    for topic in topics:
        shares = _positive_shares(matrix.get(topic.position, {}), names)
        exam_share = math.fsum(share * weights[name] for name, share in shares.items())
        priority = exam_share * (target - topic.mean)
        if not priority > 0.0:
            continue
        reason = _review_reason(topic, exam_share, target)
        suggestion = ReviewSuggestion(position=topic.position, priority=priority, reason=reason)
        ranked.append((-priority, topic.retrievability, topic.position, suggestion))
    ranked.sort(key=lambda item: item[:3])
    chosen = [item[3] for item in ranked]
    return tuple(chosen if limit is None else chosen[: max(0, limit)])


def _review_reason(topic: TopicReadiness, exam_share: float, target: float) -> str:
    readiness = f"readiness {topic.mean:.0%} vs target {target:.0%}, {exam_share:.0%} of the exam"
    if topic.retrievability < 0.9:
        return f"fading: retention {topic.retrievability:.0%} since last study; {readiness}"
    if topic.n_eff <= 0.0:
        return f"no quiz yet; {readiness}"
    return readiness
