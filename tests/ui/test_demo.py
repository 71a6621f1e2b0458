"""The demo database: deterministic for a date, and data for every chart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.demo import DEMO_WEEKS, build_demo
from studyplanner.domain.model import ModuleKind
from studyplanner.services import StudyPlanner, report_to_json
from studyplanner.store.db import open_database
from studyplanner.ui import charts
from studyplanner.ui.main_window import compute_snapshot
from studyplanner.ui.views.overview import OverviewView

TODAY = dt.date(2026, 11, 27)
NOW = dt.datetime.combine(TODAY, dt.time(21, 30), tzinfo=dt.UTC)


def make(path: Path, today: dt.date = TODAY) -> tuple[StudyPlanner, dict[str, object]]:
    db = open_database(path)
    now = dt.datetime.combine(today, dt.time(21, 30), tzinfo=dt.UTC)
    planner = StudyPlanner(db, clock=lambda: now, zone="UTC")
    build_demo(planner, today=today)
    return planner, report_to_json(planner.report())


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[StudyPlanner]:
    planner, _ = make(tmp_path / "demo.sqlite3")
    yield planner
    planner.db.close()


def test_deterministic_for_a_date(tmp_path: Path) -> None:
    first, first_json = make(tmp_path / "a.sqlite3")
    second, second_json = make(tmp_path / "b.sqlite3")
    try:
        assert first_json == second_json
        sessions = [(s.local_date, s.minutes, s.module_name, s.note) for s in first.sessions()]
        assert sessions == [
            (s.local_date, s.minutes, s.module_name, s.note) for s in second.sessions()
        ]
    finally:
        first.db.close()
        second.db.close()


def test_a_realistic_six_week_history(demo: StudyPlanner) -> None:
    plan = demo.require_plan()
    assert plan.start == TODAY - dt.timedelta(weeks=DEMO_WEEKS)
    assert plan.profile.name == "DVA-C02"
    sessions = demo.sessions()
    days = {s.local_date for s in sessions}
    assert len(days) >= 21  # most days
    assert all(30 <= s.minutes <= 120 for s in sessions)
    assert all(plan.start <= s.local_date < TODAY for s in sessions)
    order = [s.module_id for s in sorted(sessions, key=lambda s: s.started_at)]
    positions = {m.id: m.position for m in demo.modules()}
    assert [positions[i] for i in order] == sorted(positions[i] for i in order)  # plan order
    report = demo.report()
    assert report.schedule.sv_days is not None and report.schedule.sv_days < 0  # behind
    current = next(m for m in report.modules if m.status.pct_complete < 1)
    assert current.status.explicit_pct is not None
    video = next(
        m
        for m in report.modules
        if m.module.kind is ModuleKind.VIDEO and 0 < m.status.pct_complete < 1
    )
    assert video.module.video_seconds
    assert sum(1 for m in report.modules if m.status.done_on is not None) >= 2


def test_two_mocks_with_domain_counts_in_the_last_two_weeks(demo: StudyPlanner) -> None:
    mocks = demo.mocks()
    assert len(mocks) == 2
    for mock in mocks:
        assert TODAY - dt.timedelta(days=14) <= mock.taken_on <= TODAY
        assert set(mock.domain_counts) == set(demo.require_plan().profile.domain_names())
        assert sum(n for _, n in mock.domain_counts.values()) == mock.total
        assert sum(c for c, _ in mock.domain_counts.values()) == mock.correct


def test_every_chart_has_data(qtbot: QtBot, demo: StudyPlanner) -> None:
    snapshot = compute_snapshot(demo)
    report = snapshot.report
    assert report is not None
    assert len(snapshot.earned) == DEMO_WEEKS + 2
    assert all(b[1] >= a[1] for a, b in zip(snapshot.earned, snapshot.earned[1:], strict=False))
    burnup = charts.burnup_data(report, snapshot.earned)
    assert burnup.actual[-1][1] > 10 and burnup.earned[-1][1] > 10
    assert burnup.forecast_p50 is not None and burnup.forecast_p85 is not None
    weekly = charts.weekly_data(report)
    assert sum(1 for h in weekly.studied if h > 0) == DEMO_WEEKS
    assert len(charts.mock_points(report.mocks)) == 2
    assert all(d.n_eff > 0 and d.coverage > 0 for d in report.readiness_today.domains)
    cells = charts.heatmap_cells(report.daily_minutes, report.plan.start, TODAY)
    assert len({c.level for c in cells}) >= 4
    view = OverviewView()
    qtbot.addWidget(view)
    view.set_earned_history(snapshot.earned)
    view.set_report(report)
    assert len(view.chart_widgets) == 5
