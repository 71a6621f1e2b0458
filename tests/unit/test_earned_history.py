"""The burn-up's earned-value history in one pass equals one full report per plan week.

The oracle is the loop the window used to run (``report(day).schedule.ev_hours`` at every
plan-week boundary); it is checked on ANALYTICS.md Example 1 (hand values too) and on
hypothesis-generated logs with sessions before the start, same-day progress statements of every
kind, practice exams and topic quizzes.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.domain.history import (
    ProgressMark,
    earned_value_history,
    history_boundaries,
    module_status_at,
)
from studyplanner.domain.model import ModuleKind, ModuleStatus
from studyplanner.domain.schedule import compute_schedule, planned_value, planned_values
from studyplanner.services import StudyPlanner, report_to_json
from studyplanner.store.db import open_database
from tests.conftest import NOTES_FILE

D = dt.date
START = D(2019, 1, 18)
NOW = dt.datetime(2019, 9, 1, 12, 0, tzinfo=dt.UTC)


def per_week_reports(planner: StudyPlanner, as_of: dt.date) -> list[tuple[dt.date, float]]:
    """The old way: a full report at every plan-week boundary before *as_of*, then at *as_of*."""
    report = planner.report(as_of)
    points = [(report.plan.start, 0.0)]
    day = report.plan.start + dt.timedelta(days=7)
    while day < report.as_of:
        points.append((day, planner.report(day).schedule.ev_hours))
        day += dt.timedelta(days=7)
    if report.as_of > report.plan.start:
        points.append((report.as_of, report.schedule.ev_hours))
    return points


def _open(folder: Path) -> StudyPlanner:
    db = open_database(folder / "db.sqlite3")
    planner = StudyPlanner(db, clock=lambda: NOW, zone="UTC")
    planner.import_notes_file(NOTES_FILE, start=START, profile="DVA-C01")
    return planner


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[StudyPlanner]:
    planner = _open(tmp_path)
    yield planner
    planner.db.close()


def test_example_1(planner: StudyPlanner) -> None:
    m1, m2 = planner.modules()[:2]
    for minutes, day in [(120, 19), (90, 20), (90, 22), (120, 27)]:
        planner.log_session(m1.id, minutes, on=D(2019, 1, day))
    planner.record_progress(m1.id, done=True, on=D(2019, 1, 27))
    planner.log_session(m2.id, 60, on=D(2019, 1, 30))
    planner.log_session(m2.id, 30, on=D(2019, 2, 3))
    planner.record_progress(m2.id, percent=50, on=D(2019, 2, 3))

    history = planner.earned_value_history(D(2019, 2, 8))
    assert [d for d, _ in history] == [START, D(2019, 1, 25), D(2019, 2, 1), D(2019, 2, 8)]
    # Jan 25: M1 5 h of 6.5 h, not done yet; Feb 1: M1 done (6.5) + M2 1 h of 2.9 h; Feb 8: 7.95
    assert [v for _, v in history] == pytest.approx([0.0, 5.0, 7.5, 7.95], abs=1e-9)
    for as_of in (D(2019, 2, 8), D(2019, 2, 10), D(2019, 1, 18), D(2019, 1, 10), D(2019, 6, 1)):
        assert list(planner.earned_value_history(as_of)) == per_week_reports(planner, as_of)


def test_report_with_history_is_the_report(planner: StudyPlanner) -> None:
    m1 = planner.modules()[0]
    planner.log_session(m1.id, 200, on=D(2019, 1, 10))
    planner.log_session(m1.id, 100, on=D(2019, 1, 21))
    report, history = planner.report_with_history(D(2019, 2, 5))
    assert report_to_json(report) == report_to_json(planner.report(D(2019, 2, 5)))
    assert list(history) == per_week_reports(planner, D(2019, 2, 5))
    assert history[-1] == (report.as_of, report.schedule.ev_hours)


_session = st.tuples(st.integers(0, 40), st.integers(-20, 150), st.integers(1, 35))
_progress = st.tuples(
    st.integers(0, 40),
    st.sampled_from(["done", "percent", "position"]),
    st.integers(-10, 150),
    st.floats(0, 1),
)
_mock = st.tuples(st.integers(-5, 150), st.one_of(st.none(), st.integers(0, 40)))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    sessions=st.lists(_session, max_size=40),
    progress=st.lists(_progress, max_size=12),
    mocks=st.lists(_mock, max_size=6),
    as_of_offset=st.integers(-10, 170),
)
def test_equals_a_report_per_week_on_generated_logs(
    sessions: list[tuple[int, int, int]],
    progress: list[tuple[int, str, int, float]],
    mocks: list[tuple[int, int | None]],
    as_of_offset: int,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        planner = _open(Path(folder))
        try:
            modules = planner.modules()
            for index, offset, minutes in sessions:
                module = modules[index % len(modules)]
                planner.log_session(module.id, minutes, on=START + dt.timedelta(days=offset))
            for index, kind, offset, share in progress:
                module = modules[index % len(modules)]
                on = START + dt.timedelta(days=offset)
                if kind == "done":
                    planner.record_progress(module.id, done=True, on=on)
                elif kind == "percent" or not module.video_seconds:
                    planner.record_progress(module.id, percent=100 * share, on=on)
                else:
                    position = round(share * module.video_seconds)
                    planner.record_progress(module.id, position_seconds=position, on=on)
            for offset, topic in mocks:
                topic_id = None if topic is None else modules[topic % len(modules)].id
                planner.add_mock(
                    "mock",
                    taken_on=START + dt.timedelta(days=offset),
                    correct=30,
                    total=50,
                    topic_module_id=topic_id,
                )
            as_of = START + dt.timedelta(days=as_of_offset)
            expected = per_week_reports(planner, as_of)
            assert list(planner.earned_value_history(as_of)) == expected
            report, history = planner.report_with_history(as_of)
            assert list(history) == expected
            assert report_to_json(report) == report_to_json(planner.report(as_of))
        finally:
            planner.db.close()


# -- the pure function -----------------------------------------------------------------------


def _module(position: int, kind: ModuleKind, effort: float, start_day: int) -> ModuleStatus:
    return ModuleStatus(position, f"M{position}", kind, effort, 1.0, start_day, 7)


def test_pure_history_matches_compute_schedule() -> None:
    start, exam, as_of = D(2024, 1, 1), D(2024, 3, 1), D(2024, 1, 24)
    modules = [
        _module(1, ModuleKind.VIDEO, 4.0, 0),
        _module(2, ModuleKind.PRACTICE, 3.0, 7),
        _module(3, ModuleKind.READING, 2.0, 14),
    ]
    mock_tests = [None, 4, None]
    # minutes per day per module, with a session before the start
    logged = {
        0: {D(2023, 12, 30): 60, D(2024, 1, 2): 90, D(2024, 1, 9): 30, D(2024, 1, 23): 45},
        1: {},
        2: {D(2024, 1, 16): 120, D(2024, 1, 22): 30},
    }
    marks = [
        [ProgressMark(D(2024, 1, 10), 0.4), ProgressMark(D(2024, 1, 10), 0.6)],
        [],
        [ProgressMark(D(2024, 1, 17), done=True)],
    ]
    practice = [D(2024, 1, 8), D(2024, 1, 12)]
    weeks: list[dict[int, int]] = []
    for i in range(3):
        buckets: dict[int, int] = {}
        for day, minutes in logged[i].items():
            week = (day - start).days // 7
            buckets[week] = buckets.get(week, 0) + minutes
        weeks.append(buckets)

    history = earned_value_history(
        start=start,
        as_of=as_of,
        modules=modules,
        mock_tests=mock_tests,
        week_minutes=weeks,
        marks=marks,
        practice_dates=practice,
    )
    assert [d for d, _ in history] == [start, *history_boundaries(start, as_of)]
    assert [d for d, _ in history][1:] == [D(2024, 1, 8), D(2024, 1, 15), D(2024, 1, 22), as_of]
    for day, ev in history[1:]:
        statuses = []
        for i, base in enumerate(modules):
            before = [m for m in marks[i] if m.recorded_on < day]
            statuses.append(
                module_status_at(
                    base,
                    minutes=sum(v for d, v in logged[i].items() if d < day),
                    mark=before[-1] if before else None,
                    mock_tests=mock_tests[i],
                    practice_done=sum(1 for d in practice if d < day),
                )
            )
        schedule = compute_schedule(
            start=start, exam=exam, modules=statuses, daily_minutes={}, as_of=day
        )
        assert ev == schedule.ev_hours
    # Jan 15: M1 60 % (the later same-day mark wins) of 4 h, M2 2 of 4 practice exams of 3 h
    assert history[2][1] == pytest.approx(0.6 * 4.0 + 0.5 * 3.0)


def test_lengths_must_agree() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        earned_value_history(
            start=D(2024, 1, 1),
            as_of=D(2024, 2, 1),
            modules=[_module(1, ModuleKind.VIDEO, 1.0, 0)],
            mock_tests=[],
            week_minutes=[{}],
            marks=[[]],
            practice_dates=[],
        )


# -- PV at many days (the burn-up and weekly charts) ------------------------------------------

_window = st.tuples(st.floats(0, 50), st.integers(0, 60), st.integers(0, 30))


@given(windows=st.lists(_window, max_size=12), days=st.lists(st.integers(-5, 130), max_size=30))
def test_planned_values_equal_planned_value(
    windows: list[tuple[float, int, int]], days: list[int]
) -> None:
    modules = [
        ModuleStatus(i + 1, f"M{i + 1}", ModuleKind.READING, effort, 1.0, start_day, length)
        for i, (effort, start_day, length) in enumerate(windows)
    ]
    values = planned_values(modules, days)
    assert len(values) == len(days)
    for day, value in zip(days, values, strict=True):
        assert value == pytest.approx(planned_value(modules, day), abs=1e-9)
