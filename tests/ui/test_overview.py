"""The Overview page: its figures equal the JSON report; five charts; plain-text labels."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCharts import QXYSeries
from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.services import Report, StudyPlanner, bundled_notes_path, report_to_json
from studyplanner.store.db import open_database
from studyplanner.ui import charts
from studyplanner.ui.views.overview import (
    EVIDENCE_NOTICE,
    HEATMAP_DAYS,
    MAX_LINE_POINTS,
    OverviewView,
    format_days_to_exam,
    format_p_pass,
    format_slip,
    next_module,
    prepare_overview,
)

NOW = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)
START = NOW.date() - dt.timedelta(days=20)
AS_OF = NOW.date() + dt.timedelta(days=1)


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[StudyPlanner]:
    db = open_database(tmp_path / "db.sqlite3")
    yield StudyPlanner(db, clock=lambda: NOW, zone="UTC")
    db.close()


@pytest.fixture
def seeded(planner: StudyPlanner) -> StudyPlanner:
    planner.import_notes_file(bundled_notes_path(), start=START)
    modules = planner.modules()
    for offset, minutes in ((0, 120), (1, 90), (3, 90), (9, 60), (12, 30)):
        module = modules[0] if offset < 7 else modules[1]
        planner.log_session(module.id, minutes, on=START + dt.timedelta(days=offset))
    planner.record_progress(modules[0].id, done=True, on=START + dt.timedelta(days=5))
    planner.record_progress(modules[1].id, percent=50, on=START + dt.timedelta(days=12))
    return planner


@pytest.fixture
def view(qtbot: QtBot, planner: StudyPlanner) -> OverviewView:
    widget = OverviewView()
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    return widget


def test_no_plan(view: OverviewView) -> None:
    view.set_report(None)
    assert view.pages.currentIndex() == 0
    assert view.figures() is None
    assert view.chart_widgets == {}


def test_figures_equal_the_json_report(view: OverviewView, seeded: StudyPlanner) -> None:
    report = seeded.report(AS_OF)
    data = report_to_json(seeded.report(AS_OF))  # a second, independent computation
    view.set_report(report)
    figures = view.figures()
    assert figures is not None
    exam_day = data["readiness"]["exam_day"]
    schedule = data["schedule"]
    assert figures.p_pass == exam_day["p_pass"]
    assert figures.expected_score == exam_day["expected_score"]
    assert figures.expected_score_lo90 == exam_day["expected_score_lo90"]
    assert figures.expected_score_hi90 == exam_day["expected_score_hi90"]
    days = (dt.date.fromisoformat(data["plan"]["exam_date"]) - NOW.date()).days
    assert figures.days_to_exam == days == 50
    assert figures.slip_days == -schedule["sv_days"]
    assert figures.required_hours_per_week == schedule["required_hours_per_week"]
    unfinished = [m for m in data["modules"] if m["percent_complete"] < 100]
    assert figures.next_module == unfinished[0]["position"] == 2

    assert view.p_pass_card.value.text() == format_p_pass(exam_day["p_pass"])
    lo, hi = exam_day["expected_score_lo90"], exam_day["expected_score_hi90"]
    assert f"90 %: {100 * lo:.0f} % to {100 * hi:.0f} %" in view.p_pass_card.detail.text()
    assert f"Expected score {100 * exam_day['expected_score']:.0f} %" in (
        view.p_pass_card.detail.text()
    )
    assert view.days_card.value.text() == "50 days"
    assert view.slip_card.value.text() == format_slip(-schedule["sv_days"])
    assert view.hours_card.value.text() == f"{schedule['required_hours_per_week']:.1f} h"
    assert view.next_card.value.text() == f"2. {unfinished[0]['name']}"
    assert "50 % done" in view.next_card.detail.text()


def test_five_charts_with_data(view: OverviewView, seeded: StudyPlanner) -> None:
    report = seeded.report(AS_OF)
    earned = [(START, 0.0), (START + dt.timedelta(days=7), 6.5), (AS_OF, 7.95)]
    view.set_earned_history(earned)
    view.set_report(report)
    assert set(view.chart_widgets) == {"readiness", "burnup", "mocks", "weekly", "heatmap"}
    burnup = view.chart_widgets["burnup"]
    assert isinstance(burnup, charts.ChartView)
    earned_series = next(s for s in burnup.chart().series() if s.name() == "Earned (EV)")
    assert isinstance(earned_series, QXYSeries)
    assert earned_series.count() == 3  # the window's weekly history
    heatmap = view.chart_widgets["heatmap"]
    assert isinstance(heatmap, charts.CalendarHeatmap)
    assert sum(c.minutes for c in heatmap.cells) == 390
    for widget in view.chart_widgets.values():
        assert widget.accessibleName()
        assert widget.accessibleDescription()
    view.set_report(seeded.report(AS_OF))  # replacing keeps exactly five
    assert len(view.chart_widgets) == 5


def test_evidence_notice(view: OverviewView, seeded: StudyPlanner) -> None:
    view.set_report(seeded.report(AS_OF))
    assert view.notice.isVisibleTo(view)
    assert view.notice.text().startswith(EVIDENCE_NOTICE)


def test_labels_are_plain_text(view: OverviewView, seeded: StudyPlanner) -> None:
    seeded.set_plan(name="<b>bold</b> & <i>plan</i>")
    first = seeded.modules()[1]
    seeded.update_module(first.id, name="<img src=x>Serverless")
    view.set_report(seeded.report(AS_OF))
    labels = view.findChildren(QLabel)
    assert labels
    for label in labels:
        assert label.textFormat().name == "PlainText", label.accessibleName()
    assert view.plan_label.text().startswith("<b>bold</b> & <i>plan</i>")
    assert view.next_card.value.text() == "2. <img src=x>Serverless"


def test_dark_palette_rebuilds_the_charts(view: OverviewView, seeded: StudyPlanner) -> None:
    view.set_report(seeded.report(AS_OF))
    burnup = view.chart_widgets["burnup"]
    assert isinstance(burnup, charts.ChartView)
    assert not charts.is_dark(burnup.palette())
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#262626"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1c1c1c"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    view.setPalette(dark)
    rebuilt = view.chart_widgets["burnup"]
    assert rebuilt is not burnup
    assert isinstance(rebuilt, charts.ChartView)
    assert rebuilt.chart().theme() == rebuilt.chart().ChartTheme.ChartThemeDark
    assert rebuilt.chart().backgroundBrush().color().lightness() < 60


def test_format_helpers() -> None:
    assert format_p_pass(0.563758) == "55 %"
    assert format_p_pass(0.5751) == "60 %"
    assert format_p_pass(0.002785) == "< 5 %"
    assert format_p_pass(0.99) == "> 95 %"
    assert format_slip(None) == "Not started"
    assert format_slip(0.01) == "On schedule"
    assert format_slip(10.5) == "10.5 days behind"
    assert format_slip(-2.0) == "2.0 days ahead"
    assert format_days_to_exam(0) == "Today"
    assert format_days_to_exam(1) == "1 day (tomorrow)"
    assert format_days_to_exam(-3) == "3 days ago"


def test_next_module_after_everything_is_done(seeded: StudyPlanner) -> None:
    for module in seeded.modules():
        seeded.record_progress(module.id, done=True, on=NOW.date())
    report: Report = seeded.report(AS_OF)
    found = next_module(report)
    assert found is not None
    chosen, why = found
    assert why.startswith("Every module is done: review it")
    assert chosen.module.kind.value != "practice"


def _interpolate(points: Sequence[tuple[dt.date, float]], day: dt.date) -> float:
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if d0 <= day <= d1:
            return v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days
    raise AssertionError(f"{day} is outside the line")


def _assert_same_weeks(fast: charts.WeeklyData, slow: charts.WeeklyData) -> None:
    assert dataclasses.replace(fast, planned=()) == dataclasses.replace(slow, planned=())
    assert fast.planned == pytest.approx(slow.planned, abs=1e-9)


def test_prepared_burnup_is_the_daily_line_with_fewer_points(seeded: StudyPlanner) -> None:
    for offset in range(0, 20, 2):  # a gap every other day: the actual line has corners
        on = START + dt.timedelta(days=offset)
        seeded.log_session(seeded.modules()[2].id, 30 + offset, on=on)
    report = seeded.report(AS_OF)
    earned = [(START, 0.0), (START + dt.timedelta(days=7), 6.5), (AS_OF, 7.95)]
    daily = charts.burnup_data(report, earned)  # one point per day
    data = prepare_overview(report, earned)
    fewer = data.burnup
    assert len(fewer.planned) < len(daily.planned)
    assert (fewer.first, fewer.last) == (daily.first, daily.last)
    for day, value in daily.planned:
        assert _interpolate(fewer.planned, day) == pytest.approx(value, abs=1e-9)
    for day, value in daily.actual:
        assert _interpolate(fewer.actual, day) == pytest.approx(value, abs=1e-9)
    assert fewer.earned == daily.earned == tuple(earned)
    xs = [point.x() for point in data.burnup_lines[1]]
    assert xs == [charts._msecs(day) for day, _ in earned]  # Qt's local midnight, as the chart
    assert [len(line) for line in data.burnup_lines] == [
        len(fewer.planned),
        len(fewer.earned),
        len(fewer.actual),
    ]
    _assert_same_weeks(data.weekly, charts.weekly_data(report))


def test_long_histories_are_thinned_and_the_calendar_shows_the_last_year(
    seeded: StudyPlanner,
) -> None:
    report = seeded.report(AS_OF)
    plan = dataclasses.replace(report.plan, start=START - dt.timedelta(days=3000))
    minutes = {plan.start + dt.timedelta(days=t): 10 + t % 7 for t in range(3020)}
    long = dataclasses.replace(report, plan=plan, daily_minutes=minutes)
    data = prepare_overview(long)
    assert len(data.burnup.actual) <= MAX_LINE_POINTS + 1
    assert data.burnup.actual[0] == (plan.start, 0.0)
    assert data.burnup.actual[-1][0] == AS_OF
    assert data.burnup.actual[-1][1] == pytest.approx(sum(minutes.values()) / 60)
    today = AS_OF - dt.timedelta(days=1)
    assert data.heatmap_first == today - dt.timedelta(days=HEATMAP_DAYS - 1)
    assert data.heatmap_last == max(plan.exam, today)
    _assert_same_weeks(data.weekly, charts.weekly_data(long))


def test_only_charts_whose_inputs_changed_are_rebuilt(
    view: OverviewView, seeded: StudyPlanner
) -> None:
    view.set_report(seeded.report(AS_OF))
    before = dict(view.chart_widgets)
    seeded.log_session(seeded.modules()[1].id, 25, on=NOW.date())  # a new session today
    view.set_report(seeded.report(AS_OF))
    after = view.chart_widgets
    assert list(after) == ["readiness", "burnup", "weekly", "mocks", "heatmap"]
    assert after["mocks"] is before["mocks"]  # no new mock test
    for name in ("burnup", "weekly"):
        assert after[name] is not before[name], name
    heatmap = after["heatmap"]
    assert heatmap is before["heatmap"]  # updated in place
    assert isinstance(heatmap, charts.CalendarHeatmap)
    assert sum(c.minutes for c in heatmap.cells) == 390 + 25
    report = view.report
    assert report is not None
    new = charts.CalendarHeatmap(
        report.daily_minutes,
        heatmap.first,
        heatmap.last,
        today=heatmap.today,
        exam=heatmap.exam,
    )
    assert (new.cells, new.columns, new.summary) == (
        heatmap.cells,
        heatmap.columns,
        heatmap.summary,
    )
    assert heatmap.accessibleDescription() == new.summary
    view.set_report(seeded.report(AS_OF))  # the same figures: nothing rebuilt
    assert all(view.chart_widgets[n] is after[n] for n in after)
    charts_in_focus_order: list[str] = []
    widget: QWidget | None = view.nextInFocusChain()
    while widget is not None and widget is not view:
        for name, chart in view.chart_widgets.items():
            if widget is chart and name not in charts_in_focus_order:
                charts_in_focus_order.append(name)
        widget = widget.nextInFocusChain()
    assert charts_in_focus_order == list(after)  # reading order although some were rebuilt


def test_heatmap_paints_and_hit_tests_only_the_columns_asked_for(qtbot: QtBot) -> None:
    """The calendar paints only the week columns of the exposed strip and hit-tests only the
    column under the pointer (issue #7 (d)): the same pixels and the same cells as painting and
    searching everything."""
    first, last = dt.date(2025, 3, 5), dt.date(2026, 4, 30)  # starts on a Wednesday
    minutes = {first + dt.timedelta(days=i): (i * 37) % 130 for i in range(0, 400, 3)}
    heatmap = charts.CalendarHeatmap(minutes, first, last, today=dt.date(2026, 1, 10), exam=last)
    qtbot.addWidget(heatmap)
    heatmap.resize(760, 230)
    whole = heatmap.grab().toImage()
    for x, width in ((0, 120), (173, 61), (400, 200), (690, 70)):
        strip = QRect(x, 0, width, heatmap.height())
        assert heatmap.grab(strip).toImage() == whole.copy(strip), x
    for x in range(0, heatmap.width(), 3):
        for y in range(0, heatmap.height(), 7):
            pos = QPointF(x + 0.5, y + 0.5)
            expected = next((c for c in heatmap.cells if heatmap._rect(c).contains(pos)), None)
            assert heatmap.cell_at(pos) == expected, (x, y)
