"""From parsed notes to planned modules: efforts, weeks and day windows (ANALYTICS.md 1-2, 4.1)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from studyplanner.domain.model import ModuleKind
from studyplanner.domain.notes import LineProblem, NotesError, ParsedNotes, weeks_problem

DEFAULT_EFFORT_MULTIPLIER = 1.2
DEFAULT_WEEKLY_BUDGET_HOURS = 5.0
DEFAULT_HOURS_PER_MOCK = 2.0
DEFAULT_WEEKS_PER_MODULE = 1.0
"""Weeks of a module without weeks of its own when the notes give no total."""

_TENTH = Decimal("0.1")


@dataclasses.dataclass(frozen=True, slots=True)
class PlannedModule:
    """One module of a new plan: ``position`` is 1-based, ``effort_hours`` and ``weeks`` > 0."""

    position: int
    name: str
    kind: ModuleKind
    effort_hours: float
    weeks: float
    video_seconds: int | None
    mock_tests: int | None
    note: str


def _decimal(value: float, what: str) -> Decimal:
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{what} must be a positive number, not {value!r}")
    return Decimal(repr(float(value)))


def _tenths(value: Decimal) -> float:
    return float(max(_TENTH, value.quantize(_TENTH, rounding=ROUND_HALF_UP)))


def video_effort_hours(seconds: int, multiplier: float) -> float:
    """``multiplier`` x ``seconds`` in hours, rounded half-up to 0.1 h (5:26:18 x 1.2 -> 6.5).

    Exact decimal arithmetic: 1:15:00 x 1.2 = 1.5 h exactly and 0:02:15 x 1.2 = 0.045 -> 0.0.
    """
    if seconds < 0:
        raise ValueError(f"a video length cannot be negative ({seconds} s)")
    hours = Decimal(seconds) * _decimal(multiplier, "the effort multiplier") / 3600
    return float(hours.quantize(_TENTH, rounding=ROUND_HALF_UP))


def _weeks(parsed: ParsedNotes) -> list[float]:
    """Each module's weeks (see the module docstring); NotesError when they exceed the total."""
    modules = parsed.modules
    unsized = sum(1 for m in modules if m.weeks is None)
    if parsed.total_weeks is None:
        share = DEFAULT_WEEKS_PER_MODULE
    else:
        message = weeks_problem(modules, parsed.total_weeks)
        if message:
            line = f"Total: {parsed.total_weeks:g} weeks"
            raise NotesError([LineProblem(0, line, f"{line}: {message}")])
        given = math.fsum(m.weeks for m in modules if m.weeks is not None)
        share = (parsed.total_weeks - given) / unsized if unsized else 0.0
    return [share if m.weeks is None else m.weeks for m in modules]


def total_weeks(parsed: ParsedNotes) -> float:
    """The notes' total, or without one the sum of the modules' weeks (1 week each if not given)."""
    if parsed.total_weeks is not None:
        return parsed.total_weeks
    return math.fsum(_weeks(parsed))


def plan_modules(
    parsed: ParsedNotes,
    *,
    effort_multiplier: float = DEFAULT_EFFORT_MULTIPLIER,
    weekly_budget_hours: float = DEFAULT_WEEKLY_BUDGET_HOURS,
    hours_per_mock: float = DEFAULT_HOURS_PER_MOCK,
) -> tuple[PlannedModule, ...]:
    """The modules of *parsed* with efforts and weeks (ANALYTICS.md decisions 1 and 2).

    Efforts (decision 1), all rounded half-up to 0.1 h and at least 0.1 h:

    * VIDEO: effort multiplier x video length;
    * PROJECT: its explicit hours, else weeks x weekly budget;
    * PRACTICE: mock tests x hours per test (the notes' figure, else ``DEFAULT_HOURS_PER_MOCK``);
    * READING: its explicit hours, else weeks x weekly budget.

    Weeks (decision 2): a module keeps the weeks its line gives.  The others (timed modules, and any
    module whose line gives no weeks) share the rest of the notes' total equally: seed
    (10 - 2 - 2) / 6 = 1 week each.  Without a total, each of them gets ``DEFAULT_WEEKS_PER_MODULE``
    (1 week), and the plan's total is the sum of the modules' weeks.

    Raises NotesError (line 0, naming the total) when the explicit weeks leave no room, and
    ValueError for a non-positive multiplier, budget or hours per mock.
    """
    budget = _decimal(weekly_budget_hours, "the weekly budget")
    _decimal(effort_multiplier, "the effort multiplier")
    default_per_mock = _decimal(hours_per_mock, "the hours per mock test")
    planned: list[PlannedModule] = []
    for position, (module, weeks) in enumerate(zip(parsed.modules, _weeks(parsed), strict=True), 1):
        by_weeks = Decimal(repr(weeks)) * budget
        if module.kind is ModuleKind.VIDEO and module.video_seconds is not None:
            effort = max(0.1, video_effort_hours(module.video_seconds, effort_multiplier))
        elif module.effort_hours is not None:
            effort = _tenths(Decimal(repr(module.effort_hours)))
        elif module.kind is ModuleKind.PRACTICE and module.mock_tests is not None:
            per_mock = (
                default_per_mock
                if module.hours_per_test is None
                else Decimal(repr(module.hours_per_test))
            )
            effort = _tenths(module.mock_tests * per_mock)
        else:
            effort = _tenths(by_weeks)
        planned.append(
            PlannedModule(
                position=position,
                name=module.name,
                kind=module.kind,
                effort_hours=effort,
                weeks=weeks,
                video_seconds=module.video_seconds,
                mock_tests=module.mock_tests,
                note=module.note,
            )
        )
    return tuple(planned)


def module_windows(weeks: Sequence[float]) -> list[tuple[int, int]]:
    """(planned_start_day, planned_days) of sequential modules, day 0 = the plan start.

    A window ends at day round(7 x the weeks so far) (half-up), so whole weeks give 7-day
    multiples and fractional weeks never drift (0.5 + 0.5 weeks = 4 + 3 days, not 4 + 4); every
    window has at least 1 day.
    """
    windows: list[tuple[int, int]] = []
    start = 0
    elapsed = Decimal(0)
    for w in weeks:
        elapsed += _decimal(w, "the weeks of a module")
        end = int((7 * elapsed).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        end = max(start + 1, end)
        windows.append((start, end - start))
        start = end
    return windows


def planned_dates(start: dt.date, weeks: Sequence[float]) -> list[tuple[dt.date, dt.date]]:
    """First and last day (inclusive) of each module's window from *start*."""
    return [
        (start + dt.timedelta(days=first), start + dt.timedelta(days=first + days - 1))
        for first, days in module_windows(weeks)
    ]
