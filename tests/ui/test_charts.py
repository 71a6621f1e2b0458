"""charts.py: the data shaping (no widgets) and the chart widgets (axes, points, palette)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QCategoryAxis,
    QChart,
    QLineSeries,
    QXYSeries,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from studyplanner.domain.schedule import planned_value
from studyplanner.services import Report, StudyPlanner, bundled_notes_path
from studyplanner.store.db import open_database
from studyplanner.ui import charts

NOW = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
START = TODAY - dt.timedelta(days=23)  # day 23 of the plan: week 4, mid-way through the project


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[StudyPlanner]:
    db = open_database(tmp_path / "db.sqlite3")
    yield StudyPlanner(db, clock=lambda: NOW, zone="UTC")
    db.close()


@pytest.fixture
def report(planner: StudyPlanner) -> Report:
    planner.import_notes_file(bundled_notes_path(), start=START)
    modules = planner.modules()
    for offset, minutes in ((0, 60), (1, 90), (3, 45), (8, 120), (9, 30), (15, 75), (22, 50)):
        index = 0 if offset < 7 else 1 if offset < 14 else 2
        planner.log_session(modules[index].id, minutes, on=START + dt.timedelta(days=offset))
    planner.record_progress(modules[0].id, done=True, on=START + dt.timedelta(days=6))
    planner.add_mock("Test 1", taken_on=TODAY - dt.timedelta(days=5), correct=40, total=65)
    planner.add_mock(
        "Quiz",
        taken_on=TODAY - dt.timedelta(days=2),
        correct=8,
        total=9,
        topic_module_id=modules[1].id,
    )
    return planner.report()


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.Highlight, "#3d8ee6"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def series_by_name(chart: QChart) -> dict[str, QXYSeries | QAbstractBarSeries]:
    found: dict[str, QXYSeries | QAbstractBarSeries] = {}
    for series in chart.series():
        assert isinstance(series, QXYSeries | QAbstractBarSeries)
        found[series.name()] = series
    return found


def assert_axes_titled(chart: QChart) -> None:
    """Both axes exist; every value or date axis has a title (a category axis of named
    domains may go without)."""
    horizontal = chart.axes(Qt.Orientation.Horizontal)
    vertical = chart.axes(Qt.Orientation.Vertical)
    assert horizontal and vertical
    for axis in (*horizontal, *vertical):
        if not isinstance(axis, QBarCategoryAxis):
            assert axis.titleText().strip()
            assert axis.isTitleVisible()


# -- data shaping ---------------------------------------------------------------------------------


def test_burnup_data_follows_the_report(report: Report) -> None:
    data = charts.burnup_data(report)
    statuses = [m.status for m in report.modules]
    assert data.first == START
    assert data.planned[0] == (START, 0.0)
    days = (data.last - START).days
    assert len(data.planned) == days + 1
    finish = report.schedule.planned_finish + dt.timedelta(days=1)
    assert dict(data.planned)[finish] == pytest.approx(report.schedule.bac_hours)
    assert dict(data.planned)[report.as_of] == pytest.approx(
        planned_value(statuses, (report.as_of - START).days)
    )
    assert data.actual[0] == (START, 0.0)
    assert data.actual[-1][0] == report.as_of
    assert data.actual[-1][1] == pytest.approx(report.schedule.ac_hours)
    assert data.earned == ((START, 0.0), (report.as_of, report.schedule.ev_hours))
    assert data.bac == pytest.approx(report.schedule.bac_hours)
    assert data.last >= report.plan.exam


def test_burnup_data_takes_an_earned_history(report: Report) -> None:
    history = [(START, 0.0), (START + dt.timedelta(days=7), 6.5), (report.as_of, 8.0)]
    assert charts.burnup_data(report, history).earned == tuple(history)


def test_weekly_data_has_one_bar_per_plan_week(report: Report) -> None:
    data = charts.weekly_data(report)
    assert data.labels == tuple(f"W{i}" for i in range(1, 11))
    completed = report.schedule.weekly_hours
    assert len(completed) == 3
    assert data.studied[:3] == pytest.approx(completed)
    assert data.studied[3:] == (0.0,) * 7
    assert data.current[3] == pytest.approx(50 / 60)  # day 22 is in week 4
    assert sum(data.current) == pytest.approx(50 / 60)
    assert sum(data.planned) == pytest.approx(report.schedule.bac_hours)
    assert data.required == report.schedule.required_hours_per_week


def test_mock_points_are_percent_in_date_order(report: Report) -> None:
    points = charts.mock_points(report.mocks)
    assert [p.name for p in points] == ["Test 1", "Quiz"]
    assert points[0].percent == pytest.approx(100 * 40 / 65)
    assert [p.topic for p in points] == [False, True]


def test_heatmap_cells_are_monday_columns() -> None:
    first = dt.date(2026, 1, 21)  # a Wednesday
    cells = charts.heatmap_cells({first: 45, dt.date(2026, 1, 26): 120}, first, dt.date(2026, 2, 1))
    assert len(cells) == 12
    assert (cells[0].column, cells[0].row, cells[0].minutes, cells[0].level) == (0, 2, 45, 2)
    monday = next(c for c in cells if c.day == dt.date(2026, 1, 26))
    assert (monday.column, monday.row, monday.level) == (1, 0, 4)
    assert cells[-1].row == 6
    assert [charts.heat_level(m) for m in (0, 1, 29, 30, 59, 60, 90)] == [0, 1, 1, 2, 2, 3, 4]


def test_longest_streak() -> None:
    d = dt.date(2026, 1, 1)
    days = [d, d + dt.timedelta(1), d + dt.timedelta(2), d + dt.timedelta(5)]
    assert charts.longest_streak(days) == 3
    assert charts.longest_streak([]) == 0


# -- widgets --------------------------------------------------------------------------------------


def test_readiness_chart(qtbot: QtBot, report: Report) -> None:
    domains = report.readiness_exam_day.domains
    view = charts.readiness_chart(domains, 0.72)
    qtbot.addWidget(view)
    chart = view.chart()
    assert_axes_titled(chart)
    named = series_by_name(chart)
    bars = named["Mean"]
    assert isinstance(bars, QAbstractBarSeries)
    (barset,) = bars.barSets()
    assert barset.count() == len(domains) == 4
    # horizontal bars, listed bottom-up so that the first domain is on top
    assert barset.at(3) == pytest.approx(100 * domains[0].mean)
    whiskers = [s for name, s in named.items() if name.startswith("90 % interval")]
    assert len(whiskers) == len(domains)
    top = whiskers[-1]
    assert isinstance(top, QXYSeries)
    xs = sorted(p.x() for p in top.points())
    assert xs[0] == pytest.approx(100 * domains[0].lo90)
    assert xs[-1] == pytest.approx(100 * domains[0].hi90)
    passing = named["Pass mark 72 %"]
    assert isinstance(passing, QLineSeries)
    assert [p.x() for p in passing.points()] == pytest.approx([72.0, 72.0])
    (categories,) = chart.axes(Qt.Orientation.Vertical)
    assert isinstance(categories, QBarCategoryAxis)
    assert categories.count() == 4
    assert "Security" in categories.categories()
    assert view.accessibleName() == "Readiness per domain chart"
    assert "Pass mark 72 %" in view.summary
    assert view.accessibleDescription() == view.summary


def test_burnup_chart(qtbot: QtBot, report: Report) -> None:
    data = charts.burnup_data(report)
    view = charts.burnup_chart(data)
    qtbot.addWidget(view)
    chart = view.chart()
    assert_axes_titled(chart)
    named = series_by_name(chart)
    planned = named["Planned (PV)"]
    actual = named["Actual (AC)"]
    earned = named["Earned (EV)"]
    assert isinstance(planned, QXYSeries) and isinstance(actual, QXYSeries)
    assert isinstance(earned, QXYSeries)
    assert planned.count() == len(data.planned)
    assert actual.count() == len(data.actual)
    assert earned.count() == 2
    assert any(name.startswith("P50 finish") for name in named)
    assert any(name.startswith("P85 finish") for name in named)
    assert any(name.startswith("Total") for name in named)
    assert any(name.startswith("Exam") for name in named)
    assert "earned" in view.summary


def test_mock_chart(qtbot: QtBot, report: Report) -> None:
    view = charts.mock_chart(report.mocks, 0.72)
    qtbot.addWidget(view)
    chart = view.chart()
    assert_axes_titled(chart)
    named = series_by_name(chart)
    exams = named["Practice exams"]
    quizzes = named["Topic quizzes"]
    assert isinstance(exams, QXYSeries) and isinstance(quizzes, QXYSeries)
    assert exams.count() == 1 and quizzes.count() == 1
    assert exams.at(0).y() == pytest.approx(100 * 40 / 65)
    assert "Test 1" in view.summary


def test_mock_chart_without_mocks(qtbot: QtBot) -> None:
    view = charts.mock_chart([], 0.72, first=dt.date(2026, 1, 1), last=dt.date(2026, 2, 1))
    qtbot.addWidget(view)
    assert_axes_titled(view.chart())
    assert "No mock tests yet" in view.summary


def test_weekly_chart(qtbot: QtBot, report: Report) -> None:
    data = charts.weekly_data(report)
    view = charts.weekly_chart(data)
    qtbot.addWidget(view)
    chart = view.chart()
    assert_axes_titled(chart)
    named = series_by_name(chart)
    bars = next(s for s in named.values() if isinstance(s, QAbstractBarSeries))
    studied, current = bars.barSets()
    assert studied.count() == current.count() == 10
    planned = named["Planned"]
    assert isinstance(planned, QXYSeries)
    assert planned.count() == 10
    needed = next(s for n, s in named.items() if n.startswith("Needed"))
    assert isinstance(needed, QXYSeries)
    assert needed.at(0).y() == pytest.approx(report.schedule.required_hours_per_week or 0)


def test_heatmap_widget(qtbot: QtBot, report: Report) -> None:
    widget = charts.heatmap_chart(
        report.daily_minutes, START, report.plan.exam, today=TODAY, exam=report.plan.exam
    )
    qtbot.addWidget(widget)
    widget.resize(420, 240)
    widget.show()
    qtbot.waitExposed(widget)
    assert len(widget.cells) == (report.plan.exam - START).days + 1
    studied = [c for c in widget.cells if c.minutes]
    assert len(studied) == 7
    assert "Studied on 7 of" in widget.summary
    assert widget.accessibleName() == "Study calendar heatmap"
    cell = studied[0]
    centre = widget._rect(cell).center()
    assert widget.cell_at(centre) == cell
    assert widget.cell_at(QPointF(-5, -5)) is None
    image = widget.grab().toImage()
    assert image.width() >= 420


def test_charts_follow_a_dark_palette(qtbot: QtBot, report: Report) -> None:
    dark = dark_palette()
    view = charts.burnup_chart(charts.burnup_data(report), palette=dark)
    qtbot.addWidget(view)
    chart = view.chart()
    assert chart.theme() == QChart.ChartTheme.ChartThemeDark
    assert chart.backgroundBrush().color().lightness() < 80
    assert chart.titleBrush().color().lightness() > 200
    for axis in chart.axes():
        assert axis.labelsBrush().color().lightness() > 200
    light = charts.readiness_chart(report.readiness_exam_day.domains, 0.72)
    qtbot.addWidget(light)
    assert light.chart().theme() == QChart.ChartTheme.ChartThemeLight
    heat = charts.heatmap_chart(report.daily_minutes, START, TODAY, palette=dark)
    qtbot.addWidget(heat)
    heat.resize(400, 220)
    image = heat.grab().toImage()
    assert QColor(image.pixel(2, 2)).lightness() < 80


def test_only_charts_py_imports_qtcharts() -> None:
    """QtCharts is deprecated since Qt 6.10: keep it behind ui/charts.py so a move is local."""
    package = Path(charts.__file__).resolve().parents[1]
    importers = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "QtCharts" in path.read_text(encoding="utf-8")
    )
    assert importers == ["ui/charts.py"]


@given(count=st.integers(0, 800), this_week=st.none() | st.integers(0, 800))
def test_the_weekly_chart_shows_half_a_year_around_this_week(
    count: int, this_week: int | None
) -> None:
    data = charts.WeeklyData(
        labels=tuple(f"W{i + 1}" for i in range(count)),
        studied=(0.0,) * count,
        current=(0.0,) * count,
        planned=(0.0,) * count,
        required=None,
        this_week=this_week,
    )
    shown = charts.weeks_shown(data)
    assert shown.step == 1 and 0 <= shown.start <= shown.stop <= count
    assert len(shown) == min(count, charts.MAX_WEEKS_SHOWN)
    if this_week is not None and this_week < count:
        assert this_week in shown  # this week is always in view ...
        assert shown.stop >= min(count, this_week + 1 + charts.WEEKS_AHEAD)  # ... with what's next


def test_a_long_plan_shows_recent_weeks_with_a_label_every_few_weeks(
    qtbot: QtBot, report: Report
) -> None:
    weeks = 300
    data = charts.WeeklyData(
        labels=tuple(f"W{i + 1}" for i in range(weeks)),
        studied=tuple(float(i % 9) for i in range(weeks)),
        current=tuple(2.5 if i == 280 else 0.0 for i in range(weeks)),
        planned=(5.0,) * weeks,
        required=4.0,
        this_week=280,
    )
    view = charts.weekly_chart(data)
    qtbot.addWidget(view)
    bars = next(s for s in view.chart().series() if isinstance(s, QAbstractBarSeries))
    studied, current = bars.barSets()
    assert studied.count() == current.count() == charts.MAX_WEEKS_SHOWN
    shown = charts.weeks_shown(data)
    assert [studied.at(i) for i in range(studied.count())] == list(data.studied[shown.start :][:26])
    axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QCategoryAxis)
    assert 2 <= len(axis.categoriesLabels()) <= 7
    assert axis.titleText() == f"Plan week (W{shown.start + 1} to W{shown.stop} of 300)"
    assert f"W{shown.start + 2} " in view.summary and "W1 " not in view.summary  # weeks shown
    assert f"W{shown.start + 1} to W{shown.stop} of 300: " in view.summary


def test_a_long_plan_with_nothing_studied_lately_says_so(qtbot: QtBot) -> None:
    weeks = 200
    data = charts.WeeklyData(
        labels=tuple(f"W{i + 1}" for i in range(weeks)),
        studied=tuple(10.0 if i < 50 else 0.0 for i in range(weeks)),
        current=(0.0,) * weeks,
        planned=(5.0,) * weeks,
        required=None,
        this_week=151,
    )
    view = charts.weekly_chart(data)
    qtbot.addWidget(view)
    assert "No completed week yet" not in view.summary  # weeks 1-50 were studied
    assert "W135 to W160 of 200: Nothing studied in these weeks." in view.summary


def test_apart_keeps_only_spans_that_do_not_overlap() -> None:
    assert charts.apart([], 4) == []
    assert charts.apart([(0, 30), (10, 30), (34, 30), (70, 5)], 4) == [0, 2, 3]
    assert charts.apart([(0, 10), (12, 10)], 4) == [0]


def test_a_year_of_calendar_in_a_small_cell_has_readable_labels(qtbot: QtBot) -> None:
    first, last = dt.date(2025, 1, 6), dt.date(2026, 1, 11)
    minutes = {first + dt.timedelta(days=d): 30 for d in range(0, 370, 3)}
    widget = charts.heatmap_chart(minutes, first, last, today=last, exam=last)
    qtbot.addWidget(widget)
    widget.resize(360, 270)
    fm = widget.fontMetrics()
    months = widget.month_label_places()
    assert 4 <= len(months) < 13  # not all twelve fit
    for (x0, name0), (x1, _name1) in itertools.pairwise(months):
        assert x0 + fm.horizontalAdvance(name0) + 4 <= x1
    days = widget.weekday_label_places()
    assert days and days[0][1] == "Mon"
    for (y0, _a), (y1, _b) in itertools.pairwise(days):
        assert y0 + fm.height() <= y1
    widget.resize(900, 400)  # room for every label again
    assert [name for _y, name in widget.weekday_label_places()] == ["Mon", "Wed", "Fri", "Sun"]


@pytest.mark.parametrize("top", [0.3, 1.0, 1.15, 2.3, 7.0, 11.5, 46.0])
def test_value_axis_ticks_never_read_the_same(qtbot: QtBot, top: float) -> None:
    axis = charts._value_axis(0, top, "Hours (h)", QPalette(), "%.0f")
    ticks = [
        axis.min() + i * (axis.max() - axis.min()) / (axis.tickCount() - 1)
        for i in range(axis.tickCount())
    ]
    texts = [axis.labelFormat() % value for value in ticks]
    assert len(set(texts)) == len(texts)
    assert axis.max() >= top
