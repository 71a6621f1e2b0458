"""The earned-value history for the burn-up chart (ANALYTICS.md 4.8) in one pass.

The burn-up shows EV at every plan-week boundary up to the as-of date.  Each point is what the
report as of that boundary says (``compute_schedule(...).ev_hours``), but computed from one
aggregation of the log instead of one report per week: per module, the minutes per plan week,
every progress statement and the dates of the practice exams.  A module's status at a boundary
is read by :func:`status_inputs` and :func:`~studyplanner.domain.model.percent_complete`, as the
report's own statuses are (:func:`module_status_at`), and the modules' EV summed with
:func:`~studyplanner.domain.schedule.earned_value`; a module is re-evaluated only at the
boundaries where something of it changed.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from studyplanner.domain.model import ModuleKind, ModuleStatus, percent_complete
from studyplanner.domain.schedule import earned_value


@dataclasses.dataclass(frozen=True, slots=True)
class ProgressMark:
    """One progress statement as the analytics read it, from the day after ``recorded_on`` on.

    ``done`` marks the module done on ``recorded_on``; otherwise ``explicit_pct`` is the stated
    fraction (percent done, or video position over length), or None when the statement says
    nothing usable (it still hides the practice-exam count, as the latest statement).
    """

    recorded_on: dt.date
    explicit_pct: float | None = None
    done: bool = False


def progress_mark(
    *,
    recorded_on: dt.date,
    kind: str,
    percent: float | None,
    position_seconds: int | None,
    video_seconds: int | None,
) -> ProgressMark:
    """Read a stored progress statement (kind ``done``, ``percent`` or ``position``)."""
    if kind == "done":
        return ProgressMark(recorded_on, done=True)
    if kind == "percent" and percent is not None:
        return ProgressMark(recorded_on, percent / 100.0)
    if position_seconds is not None and video_seconds:
        return ProgressMark(recorded_on, position_seconds / video_seconds)
    return ProgressMark(recorded_on)


def status_inputs(
    kind: ModuleKind, *, mark: ProgressMark | None, mock_tests: int | None, practice_done: int
) -> tuple[float | None, dt.date | None]:
    """A module's explicit completion and done date from its latest progress *mark*.

    Without a mark a practice-papers module with *mock_tests* planned is *practice_done* /
    *mock_tests* complete (capped at 1) once a practice exam was taken.
    """
    if mark is not None:
        return (None, mark.recorded_on) if mark.done else (mark.explicit_pct, None)
    if kind is ModuleKind.PRACTICE and mock_tests and practice_done:
        return min(1.0, practice_done / mock_tests), None
    return None, None


def module_status_at(
    base: ModuleStatus,
    *,
    minutes: int,
    mark: ProgressMark | None,
    mock_tests: int | None,
    practice_done: int,
) -> ModuleStatus:
    """The module as the analytics see it with *minutes* logged and its latest progress *mark*
    (see :func:`status_inputs`); the report builds every module status with this."""
    explicit, done_on = status_inputs(
        base.kind, mark=mark, mock_tests=mock_tests, practice_done=practice_done
    )
    return dataclasses.replace(
        base, actual_hours=minutes / 60.0, explicit_pct=explicit, done_on=done_on
    )


def module_earned_hours(
    base: ModuleStatus,
    *,
    minutes: int,
    mark: ProgressMark | None,
    mock_tests: int | None,
    practice_done: int,
) -> float:
    """``module_status_at(...).earned_hours`` without building the status (the same float)."""
    explicit, done_on = status_inputs(
        base.kind, mark=mark, mock_tests=mock_tests, practice_done=practice_done
    )
    pct = percent_complete(
        effort_hours=base.effort_hours,
        actual_hours=minutes / 60.0,
        explicit_pct=explicit,
        done=done_on is not None,
    )
    return pct * base.effort_hours


def history_boundaries(start: dt.date, as_of: dt.date) -> list[dt.date]:
    """The burn-up's EV dates after the start: each plan-week boundary before *as_of*, then
    *as_of* itself (nothing when *as_of* is not after the start)."""
    days: list[dt.date] = []
    day = start + dt.timedelta(days=7)
    while day < as_of:
        days.append(day)
        day += dt.timedelta(days=7)
    if as_of > start:
        days.append(as_of)
    return days


def earned_value_history(
    *,
    start: dt.date,
    as_of: dt.date,
    modules: Sequence[ModuleStatus],
    mock_tests: Sequence[int | None],
    week_minutes: Sequence[Mapping[int, int]],
    marks: Sequence[Sequence[ProgressMark]],
    practice_dates: Sequence[dt.date],
) -> tuple[tuple[dt.date, float], ...]:
    """EV (hours) at the plan start (0 by definition), at each plan-week boundary before *as_of*
    and at *as_of*: what ``compute_schedule(...).ev_hours`` gives as of each of those dates.

    ``modules`` are the plan's modules with their planned windows (logged hours and progress are
    ignored: they come from the other arguments), with ``mock_tests``, ``week_minutes`` and
    ``marks`` in the same order.  ``week_minutes`` maps a plan-week index ``(day − start) // 7``
    (negative before the start) to the minutes logged in it before *as_of*; ``marks`` are the
    module's progress statements before *as_of* oldest first (same day: in entry order);
    ``practice_dates`` are the dates of the practice exams (not topic quizzes) before *as_of*.
    """
    if not (len(modules) == len(mock_tests) == len(week_minutes) == len(marks)):
        raise ValueError("modules, mock_tests, week_minutes and marks differ in length")
    points: list[tuple[dt.date, float]] = [(start, 0.0)]
    boundaries = history_boundaries(start, as_of)
    if not boundaries:
        return tuple(points)
    last = len(boundaries) - 1  # as_of; boundary j < last is start + 7 (j + 1)
    # What changes at each boundary: minutes added per module, and the modules to re-evaluate.
    changes: list[dict[int, int]] = [{} for _ in boundaries]
    changes[0] = dict.fromkeys(range(len(modules)), 0)
    for i, weeks in enumerate(week_minutes):
        for week, minutes in weeks.items():
            # boundary j counts the weeks w <= j; as_of counts them all
            at = changes[min(max(week, 0), last)]
            at[i] = at.get(i, 0) + minutes
    for i, module_marks in enumerate(marks):
        for mark in module_marks:
            j = bisect.bisect_right(boundaries, mark.recorded_on)
            if j <= last:
                changes[j].setdefault(i, 0)
    practice = [
        i
        for i, (m, n) in enumerate(zip(modules, mock_tests, strict=True))
        if m.kind is ModuleKind.PRACTICE and n
    ]
    mocks = sorted(practice_dates)
    for day in mocks:
        j = bisect.bisect_right(boundaries, day)
        if j <= last:
            for i in practice:
                changes[j].setdefault(i, 0)
    mark_days = [[m.recorded_on for m in ms] for ms in marks]
    logged = [0] * len(modules)
    earned = [0.0] * len(modules)
    for boundary, changed in zip(boundaries, changes, strict=True):
        practice_done = bisect.bisect_left(mocks, boundary)
        for i, added in changed.items():
            logged[i] += added
            latest = bisect.bisect_left(mark_days[i], boundary) - 1
            earned[i] = module_earned_hours(
                modules[i],
                minutes=logged[i],
                mark=marks[i][latest] if latest >= 0 else None,
                mock_tests=mock_tests[i],
                practice_done=practice_done,
            )
        points.append((boundary, earned_value(earned)))
    return tuple(points)
