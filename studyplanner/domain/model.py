"""Domain values shared by the importer, the analytics and the services.

Everything here is an immutable value: the store turns rows into these, the services hand them to
the analytics and to the window. Validation of user input happens in the services (and again in the
database); these classes only document and carry the data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Mapping


class ModuleKind(enum.StrEnum):
    """What a plan item is; it decides how its planned effort is derived (ANALYTICS.md dec. 1)."""

    VIDEO = "video"  # a timed video course section: effort = multiplier x video length
    PROJECT = "project"  # a build project: effort = weeks x weekly-hours budget
    PRACTICE = "practice"  # practice papers: effort = mock tests x hours per test
    READING = "reading"  # anything else with an explicit effort


@dataclasses.dataclass(frozen=True, slots=True)
class ExamDomain:
    """One scored domain of an exam blueprint, with its weight (weights of a profile sum to 1)."""

    name: str
    weight: float


@dataclasses.dataclass(frozen=True, slots=True)
class ExamProfile:
    """An exam's blueprint: domains with weights, number of scored items, default pass mark."""

    name: str
    title: str
    domains: tuple[ExamDomain, ...]
    scored_items: int = 50
    pass_mark: float = 0.72

    def domain_names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.domains)


def percent_complete(
    *, effort_hours: float, actual_hours: float, explicit_pct: float | None, done: bool
) -> float:
    """``pct_m`` of ANALYTICS.md 4.2 (see :attr:`ModuleStatus.pct_complete`)."""
    if done:
        return 1.0
    if explicit_pct is not None:
        return min(1.0, max(0.0, explicit_pct))
    if effort_hours <= 0:
        return 0.0
    return min(1.0, actual_hours / effort_hours)


@dataclasses.dataclass(frozen=True, slots=True)
class ModuleStatus:
    """One module of the plan as the analytics see it at an as-of date.

    ``planned_start_day`` and ``planned_days`` are day indices counted from the plan start
    (``PS_m`` and ``PF_m - PS_m`` of ANALYTICS.md section 4.1).  ``explicit_pct`` is the progress
    the user gave (percent done, video position, mock tests done); ``None`` means "derive it from
    the logged hours".  ``done_on`` is the local date on which the module was marked done.
    """

    position: int
    name: str
    kind: ModuleKind
    effort_hours: float
    weeks: float
    planned_start_day: int
    planned_days: int
    actual_hours: float = 0.0
    explicit_pct: float | None = None
    done_on: dt.date | None = None

    @property
    def planned_finish_day(self) -> int:
        """``PF_m``: the day index at which the module's window closes (exclusive)."""
        return self.planned_start_day + self.planned_days

    @property
    def pct_complete(self) -> float:
        """``pct_m`` of ANALYTICS.md 4.2: 1 when done, else the explicit %, else min(1, AC/E)."""
        return percent_complete(
            effort_hours=self.effort_hours,
            actual_hours=self.actual_hours,
            explicit_pct=self.explicit_pct,
            done=self.done_on is not None,
        )

    @property
    def earned_hours(self) -> float:
        """``EV_m = pct_m * E_m``."""
        return self.pct_complete * self.effort_hours


@dataclasses.dataclass(frozen=True, slots=True)
class MockResult:
    """A logged practice exam or topic quiz.

    ``domain_counts`` maps exam-domain names to ``(correct, total)``; empty when only the overall
    score was logged (the analytics then spread it by the domain weights).  A topic quiz has
    ``topic_position`` set to the module it tests and no domain counts.
    """

    name: str
    taken_on: dt.date
    correct: int
    total: int
    domain_counts: Mapping[str, tuple[int, int]] = dataclasses.field(default_factory=dict)
    topic_position: int | None = None
    minutes: int | None = None

    @property
    def fraction(self) -> float:
        return self.correct / self.total if self.total else 0.0


# A module's mapping onto the exam domains: domain name -> share of the module's content (sums to 1,
# or is empty for a module that maps to nothing, such as practice papers).
DomainShares = Mapping[str, float]
