"""Planned efforts, weeks and windows: the seed plan of ANALYTICS.md section 5 and properties."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.model import ModuleKind
from studyplanner.domain.notes import NotesError, ParsedModule, ParsedNotes, parse_notes
from studyplanner.domain.planning import (
    DEFAULT_EFFORT_MULTIPLIER,
    DEFAULT_HOURS_PER_MOCK,
    DEFAULT_WEEKLY_BUDGET_HOURS,
    PlannedModule,
    module_windows,
    plan_modules,
    planned_dates,
    total_weeks,
    video_effort_hours,
)
from tests.conftest import NOTES_FILE

FAST = settings(max_examples=200, deadline=None, database=None)
SEED_START = dt.date(2019, 1, 18)


def seed() -> ParsedNotes:
    return parse_notes(NOTES_FILE.read_text(encoding="utf-8"))


def parsed(*modules: ParsedModule, total: float | None = None) -> ParsedNotes:
    return ParsedNotes("Plan", None, total, modules, (), "")


def video(seconds: int, weeks: float | None = None) -> ParsedModule:
    return ParsedModule("V", ModuleKind.VIDEO, seconds, weeks, None, None, None, "", 1)


def other(
    kind: ModuleKind,
    *,
    weeks: float | None = None,
    mocks: int | None = None,
    per_test: float | None = None,
    effort: float | None = None,
) -> ParsedModule:
    return ParsedModule(kind.value, kind, None, weeks, mocks, per_test, effort, "", 1)


def test_defaults() -> None:
    assert DEFAULT_EFFORT_MULTIPLIER == 1.2
    assert DEFAULT_WEEKLY_BUDGET_HOURS == 5.0
    assert DEFAULT_HOURS_PER_MOCK == 2.0


def test_seed_plan() -> None:
    modules = plan_modules(seed())
    assert [m.effort_hours for m in modules] == [6.5, 2.9, 10.0, 1.9, 2.0, 3.4, 1.5, 10.0]
    assert [m.weeks for m in modules] == [1, 1, 2, 1, 1, 1, 1, 2]
    assert [m.position for m in modules] == list(range(1, 9))
    assert modules[0] == PlannedModule(
        position=1,
        name="Revisit IAM / EC2 / S3",
        kind=ModuleKind.VIDEO,
        effort_hours=6.5,
        weeks=1.0,
        video_seconds=19578,
        mock_tests=None,
        note="but content all covered in SA",
    )
    assert modules[7].kind is ModuleKind.PRACTICE and modules[7].mock_tests == 5
    assert sum(m.effort_hours for m in modules) == pytest.approx(38.2)
    assert total_weeks(seed()) == 10


def test_seed_windows_and_dates() -> None:
    weeks = [m.weeks for m in plan_modules(seed())]
    windows = module_windows(weeks)
    starts = [0, 7, 14, 28, 35, 42, 49, 56]
    assert windows == [(s, e - s) for s, e in zip(starts, [*starts[1:], 70], strict=True)]
    dates = planned_dates(SEED_START, weeks)
    assert dates[0] == (dt.date(2019, 1, 18), dt.date(2019, 1, 24))
    assert dates[1] == (dt.date(2019, 1, 25), dt.date(2019, 1, 31))
    assert dates[2] == (dt.date(2019, 2, 1), dt.date(2019, 2, 14))
    assert dates[6] == (dt.date(2019, 3, 8), dt.date(2019, 3, 14))
    assert dates[7] == (dt.date(2019, 3, 15), dt.date(2019, 3, 28))


def test_video_effort_rounds_half_up_in_decimal() -> None:
    assert video_effort_hours(19578, 1.2) == 6.5
    assert video_effort_hours(750, 1.2) == 0.3  # exactly 0.25: float round() would give 0.2
    assert video_effort_hours(4500, 1.2) == 1.5
    assert video_effort_hours(0, 1.2) == 0.0
    assert video_effort_hours(3600, 1.0) == 1.0
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            video_effort_hours(60, bad)
    with pytest.raises(ValueError):
        video_effort_hours(-1, 1.2)


@FAST
@given(st.integers(0, 360_000), st.sampled_from([1.0, 1.2, 1.25, 1.5, 2.0, 0.8]))
def test_video_effort_matches_exact_arithmetic(seconds: int, multiplier: float) -> None:
    exact = Fraction(seconds) * Fraction(str(multiplier)) / 3600
    tenths = (exact * 10 + Fraction(1, 2)).__floor__()
    assert video_effort_hours(seconds, multiplier) == float(Fraction(tenths, 10))


def test_multiplier_and_budget_change_the_derived_efforts() -> None:
    modules = plan_modules(seed(), effort_multiplier=1.0, weekly_budget_hours=4.0)
    assert modules[0].effort_hours == 5.4  # 5:26:18 = 5.438 h
    assert modules[2].effort_hours == 8.0  # 2 weeks x 4 h
    assert modules[7].effort_hours == 10.0  # mock tests x hours per test: no budget involved
    with pytest.raises(ValueError, match="weekly budget"):
        plan_modules(seed(), weekly_budget_hours=0)
    with pytest.raises(ValueError, match="multiplier"):
        plan_modules(seed(), effort_multiplier=float("nan"))


def test_reading_project_and_practice_efforts() -> None:
    notes = parsed(
        other(ModuleKind.READING, effort=6.0),
        other(ModuleKind.READING, weeks=1),
        other(ModuleKind.PROJECT, weeks=3),
        other(ModuleKind.PROJECT, effort=12.04),
        other(ModuleKind.PRACTICE, mocks=4),
        other(ModuleKind.PRACTICE, mocks=6, per_test=1.5, weeks=1),
        other(ModuleKind.PRACTICE, weeks=1),
        total=10,
    )
    modules = plan_modules(notes)
    assert [m.effort_hours for m in modules] == [6.0, 5.0, 15.0, 12.0, 8.0, 9.0, 5.0]
    # 10 - (1 + 3 + 1 + 1) = 4 weeks over the 3 modules without weeks
    shared = pytest.approx(4 / 3)
    assert [m.weeks for m in modules] == [shared, 1, 3, shared, shared, 1, 1]
    assert modules[0].effort_hours == 6.0
    assert plan_modules(notes, hours_per_mock=3)[4].effort_hours == 12.0


def test_tiny_efforts_are_at_least_a_tenth_of_an_hour() -> None:
    modules = plan_modules(parsed(video(60), other(ModuleKind.READING, effort=0.01)))
    assert [m.effort_hours for m in modules] == [0.1, 0.1]


def test_without_a_total_each_unsized_module_gets_one_week() -> None:
    notes = parsed(video(3600), other(ModuleKind.PROJECT, weeks=3), video(60))
    assert [m.weeks for m in plan_modules(notes)] == [1, 3, 1]
    assert total_weeks(notes) == 5


def test_explicit_weeks_only() -> None:
    notes = parsed(
        other(ModuleKind.PROJECT, weeks=2), other(ModuleKind.READING, weeks=1.5), total=3.5
    )
    assert [m.weeks for m in plan_modules(notes)] == [2, 1.5]
    assert total_weeks(notes) == 3.5


@pytest.mark.parametrize(
    ("modules", "total", "message"),
    [
        ((video(60), other(ModuleKind.PROJECT, weeks=4)), 4, "leaves no time for the 1 other"),
        ((video(60), other(ModuleKind.PROJECT, weeks=5)), 4, "leaves no time"),
        ((other(ModuleKind.PROJECT, weeks=5),), 4, "add up to 5, not to the total of 4"),
        ((other(ModuleKind.PROJECT, weeks=3),), 4, "add up to 3, not to the total of 4"),
    ],
)
def test_over_committed_totals(
    modules: tuple[ParsedModule, ...], total: float, message: str
) -> None:
    with pytest.raises(NotesError) as info:
        plan_modules(parsed(*modules, total=total))
    (problem,) = info.value.problems
    assert message in problem.message
    assert f"Total: {total:g} weeks" in str(info.value)


def test_module_windows_fractional_weeks_do_not_drift() -> None:
    assert module_windows([0.5, 0.5]) == [(0, 4), (4, 3)]
    assert module_windows([8 / 3] * 3) == [(0, 19), (19, 18), (37, 19)]
    # windows of under a day take one day each; the plan still ends at round(7 x 1.02) = 7
    assert module_windows([0.01, 0.01, 1]) == [(0, 1), (1, 1), (2, 5)]
    assert module_windows([]) == []
    for bad in ([0.0], [-1.0], [float("nan")], [float("inf")]):
        with pytest.raises(ValueError):
            module_windows(bad)


def test_planned_dates_cross_a_leap_day() -> None:
    assert planned_dates(dt.date(2024, 2, 26), [1, 0.5]) == [
        (dt.date(2024, 2, 26), dt.date(2024, 3, 3)),
        (dt.date(2024, 3, 4), dt.date(2024, 3, 7)),
    ]


WEEKS = st.lists(
    st.one_of(st.integers(1, 10).map(float), st.floats(0.01, 20, allow_nan=False)),
    max_size=30,
)


@FAST
@given(WEEKS)
def test_module_windows_are_sequential_and_follow_the_weeks(weeks: list[float]) -> None:
    windows = module_windows(weeks)
    assert len(windows) == len(weeks)
    day = 0
    for (start, days), w in zip(windows, weeks, strict=True):
        assert start == day
        assert days >= 1
        day = start + days
        if all(x == int(x) for x in weeks):
            assert days == 7 * w
    exact = sum((Decimal(repr(w)) for w in weeks), Decimal(0)) * 7
    end = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert day >= end
    if all(w * 7 >= 1 for w in weeks):
        assert day == end  # no drift while every window can hold its own day


@FAST
@given(WEEKS, st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)))
def test_planned_dates_match_the_windows(weeks: list[float], start: dt.date) -> None:
    dates = planned_dates(start, weeks)
    for (first, last), (day, days) in zip(dates, module_windows(weeks), strict=True):
        assert (first - start).days == day
        assert (last - first).days == days - 1


@FAST
@given(
    st.lists(st.integers(1, 4), max_size=4),
    st.integers(1, 8),
    st.one_of(st.none(), st.integers(1, 20)),
)
def test_weeks_fill_the_total(explicit: list[int], unsized: int, spare: int | None) -> None:
    modules = [other(ModuleKind.PROJECT, weeks=w) for w in explicit]
    modules += [video(600) for _ in range(unsized)]
    total = None if spare is None else sum(explicit) + spare
    notes = parsed(*modules, total=total)
    weeks = [m.weeks for m in plan_modules(notes)]
    assert sum(weeks) == pytest.approx(total_weeks(notes))
    assert weeks[: len(explicit)] == explicit
    assert len(set(weeks[len(explicit) :])) == 1
    assert all(w > 0 for w in weeks)
