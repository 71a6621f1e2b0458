"""The window's charts: the ONLY module that imports PySide6.QtCharts (deprecated since Qt 6.10).

Each ``*_chart`` function takes domain values and returns a widget with an accessible name and a
plain-text ``summary`` (also its accessible description), so that a screen reader gets the
numbers the picture shows.  The data shaping (``burnup_data``, ``weekly_data``, ``mock_points``,
``heatmap_cells`` ...) is plain Python, testable without widgets.  Colours come from the widget
palette, and the chart theme follows the palette's window lightness, so a dark palette gives dark
charts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QMargins,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTime,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from studyplanner.domain.report import Report
from studyplanner.domain.schedule import planned_value

# Colours that read on light and dark backgrounds (Tableau 10).
BLUE = "#4e79a7"
ORANGE = "#f28e2b"
RED = "#e15759"
TEAL = "#59a14f"
GREY = "#8c8c8c"
PURPLE = "#b07aa1"

HEAT_THRESHOLDS = (1, 30, 60, 90)
"""Minutes at which a heatmap day reaches level 1, 2, 3 and 4."""


# -- domain values the charts accept (structural, so any frozen dataclass with these fits) --------


class DomainEstimate(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def mean(self) -> float: ...

    @property
    def lo90(self) -> float: ...

    @property
    def hi90(self) -> float: ...


class MockScore(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def taken_on(self) -> dt.date: ...

    @property
    def correct(self) -> int: ...

    @property
    def total(self) -> int: ...

    @property
    def topic_module_id(self) -> int | None: ...


# -- data shaping (no widgets) ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class BurnupData:
    """Cumulative hours at 00:00 of each date (ANALYTICS.md 4.8).

    ``planned`` is PV(t) over the whole chart range; ``actual`` (AC) runs from the plan start to
    the as-of date; ``earned`` (EV) holds the known points (plan-week boundaries and as-of).
    """

    planned: tuple[tuple[dt.date, float], ...]
    earned: tuple[tuple[dt.date, float], ...]
    actual: tuple[tuple[dt.date, float], ...]
    bac: float
    as_of: dt.date
    exam: dt.date
    planned_finish: dt.date
    forecast_p50: dt.date | None
    forecast_p85: dt.date | None

    @property
    def first(self) -> dt.date:
        return self.planned[0][0]

    @property
    def last(self) -> dt.date:
        return self.planned[-1][0]


def burnup_data(
    report: Report, earned: Sequence[tuple[dt.date, float]] | None = None
) -> BurnupData:
    """Shape a report into burn-up series.

    *earned* is the EV history (date, hours); without it EV is known only at the plan start (0)
    and the as-of date.  The range runs from the plan start to the latest of the planned finish,
    the exam, the P85 forecast and the as-of date (one day past, so the last day shows).
    """
    start = report.plan.start
    schedule = report.schedule
    statuses = [m.status for m in report.modules]
    last = max(
        schedule.planned_finish + dt.timedelta(days=1),
        report.plan.exam,
        report.as_of,
        schedule.forecast_p85 + dt.timedelta(days=1) if schedule.forecast_p85 else start,
    )
    days = (last - start).days
    planned = tuple(
        (start + dt.timedelta(days=t), planned_value(statuses, t)) for t in range(days + 1)
    )
    actual: list[tuple[dt.date, float]] = []
    if report.as_of >= start:
        before = sum(m for d, m in report.daily_minutes.items() if d < start)
        running = float(before)
        for t in range((report.as_of - start).days + 1):
            day = start + dt.timedelta(days=t)
            if t > 0:
                running += report.daily_minutes.get(day - dt.timedelta(days=1), 0)
            actual.append((day, running / 60))
    if earned is None:
        points = [(start, 0.0)]
        if report.as_of > start:
            points.append((report.as_of, schedule.ev_hours))
        earned = points
    return BurnupData(
        planned=planned,
        earned=tuple(earned),
        actual=tuple(actual),
        bac=schedule.bac_hours,
        as_of=report.as_of,
        exam=report.plan.exam,
        planned_finish=schedule.planned_finish,
        forecast_p50=schedule.forecast_p50,
        forecast_p85=schedule.forecast_p85,
    )


@dataclasses.dataclass(frozen=True, slots=True)
class WeeklyData:
    """Hours per plan week: completed weeks, the current week so far, and the plan per week."""

    labels: tuple[str, ...]
    studied: tuple[float, ...]  # completed weeks (0 for the current week's slot)
    current: tuple[float, ...]  # the current week so far (0 for completed weeks)
    planned: tuple[float, ...]  # PV added in each week
    required: float | None  # hours per week needed from now
    this_week: int | None = None  # index of today's plan week (None: the plan has not started)


MAX_WEEKS_SHOWN = 26
"""The weekly chart shows at most this many weeks (half a year): up to WEEKS_AHEAD after this
week, the rest before it.  Hundreds of bars in a third of the window are neither readable nor
cheap to draw."""

WEEKS_AHEAD = 8

LABELLED_WEEKS = 12
"""Up to this many weeks every bar has its label; more get a label every few weeks."""


def weeks_shown(data: WeeklyData) -> range:
    """The indexes of the weeks that :func:`weekly_chart` shows (see MAX_WEEKS_SHOWN)."""
    count = len(data.labels)
    if count <= MAX_WEEKS_SHOWN:
        return range(count)
    now = data.this_week if data.this_week is not None else 0
    stop = min(count, max(now + 1 + WEEKS_AHEAD, MAX_WEEKS_SHOWN))
    return range(stop - MAX_WEEKS_SHOWN, stop)


def week_label(number: int) -> str:
    """``W3``: plan week 3 as the weekly chart labels it, in the user's language."""
    return QCoreApplication.translate("charts", "W{0}").format(number)


def weekly_data(report: Report) -> WeeklyData:
    start = report.plan.start
    statuses = [m.status for m in report.modules]
    completed = list(report.schedule.weekly_hours)
    today = report.as_of - dt.timedelta(days=1)
    plan_weeks = math.ceil((report.schedule.planned_finish - start).days / 7 + 1e-9)
    in_progress = 0.0
    has_current = start <= today and (today - start).days // 7 == len(completed)
    if has_current:
        week_start = start + dt.timedelta(days=7 * len(completed))
        in_progress = sum(m for d, m in report.daily_minutes.items() if week_start <= d <= today)
    count = max(plan_weeks, len(completed) + (1 if has_current else 0))
    studied = [completed[i] if i < len(completed) else 0.0 for i in range(count)]
    current = [0.0] * count
    if has_current:
        current[len(completed)] = in_progress / 60
    planned = [
        planned_value(statuses, 7 * (i + 1)) - planned_value(statuses, 7 * i) for i in range(count)
    ]
    return WeeklyData(
        labels=tuple(week_label(i + 1) for i in range(count)),
        studied=tuple(studied),
        current=tuple(current),
        planned=tuple(planned),
        required=report.schedule.required_hours_per_week,
        this_week=(today - start).days // 7 if start <= today else None,
    )


@dataclasses.dataclass(frozen=True, slots=True)
class MockPoint:
    name: str
    taken_on: dt.date
    percent: float
    topic: bool


def mock_points(mocks: Sequence[MockScore]) -> list[MockPoint]:
    """Mock tests in date order as percent correct (raw, never a scaled score)."""
    points = [
        MockPoint(m.name, m.taken_on, 100.0 * m.correct / m.total, m.topic_module_id is not None)
        for m in mocks
        if m.total > 0
    ]
    return sorted(points, key=lambda p: p.taken_on)


@dataclasses.dataclass(frozen=True, slots=True)
class HeatCell:
    day: dt.date
    minutes: int
    column: int  # week column, 0 = the week (Monday) of the first day
    row: int  # 0 = Monday ... 6 = Sunday
    level: int  # 0 = none, 1..4 = HEAT_THRESHOLDS


def heat_level(minutes: int) -> int:
    return sum(1 for threshold in HEAT_THRESHOLDS if minutes >= threshold)


def heatmap_cells(
    daily_minutes: Mapping[dt.date, int], first: dt.date, last: dt.date
) -> list[HeatCell]:
    """One cell per day from *first* to *last* inclusive, in columns of Monday-to-Sunday weeks."""
    monday = first - dt.timedelta(days=first.weekday())
    cells: list[HeatCell] = []
    for t in range((last - first).days + 1):
        day = first + dt.timedelta(days=t)
        minutes = int(daily_minutes.get(day, 0))
        cells.append(
            HeatCell(day, minutes, (day - monday).days // 7, day.weekday(), heat_level(minutes))
        )
    return cells


def longest_streak(days: Sequence[dt.date]) -> int:
    """The longest run of consecutive calendar days among *days*."""
    best = run = 0
    previous: dt.date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        best = max(best, run)
        previous = day
    return best


def _short(name: str, width: int = 14) -> str:
    """A category label wrapped onto at most two lines (escaped: axis labels are rich text)."""
    lines = textwrap.wrap(name, width) or [name]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "<br>".join(html.escape(line) for line in lines)


# -- widgets -----------------------------------------------------------------------------------


class ChartView(QChartView):
    """A QChartView that carries a plain-text summary of what it shows."""

    def __init__(self, chart: QChart, name: str, summary: str) -> None:
        super().__init__(chart)
        self.summary = summary
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.setMinimumSize(QSize(320, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _palette(widget: QWidget | None = None) -> QPalette:
    return widget.palette() if widget is not None else QApplication.palette()


def _new_chart(title: str, palette: QPalette) -> QChart:
    chart = QChart()
    dark = is_dark(palette)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    chart.setBackgroundRoundness(4)
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitle(title)
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPointSizeF(max(10.0, font.pointSizeF() + 1))
    chart.setTitleFont(font)
    chart.setTitleBrush(palette.color(QPalette.ColorRole.Text))
    chart.setMargins(QMargins(4, 4, 4, 4))
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setLabelColor(palette.color(QPalette.ColorRole.Text))
    small = QFont(QApplication.font())
    small.setPointSizeF(max(8.5, small.pointSizeF() - 0.5))
    legend.setFont(small)
    legend.setShowToolTips(True)
    return chart


def _style_axis(axis: QAbstractAxis, title: str, palette: QPalette) -> None:
    text = palette.color(QPalette.ColorRole.Text)
    axis.setTitleText(title)
    axis.setTruncateLabels(False)
    axis.setTitleBrush(text)
    axis.setLabelsColor(text)
    font = QFont(QApplication.font())
    font.setPointSizeF(max(8.5, font.pointSizeF() - 0.5))
    axis.setLabelsFont(font)
    axis.setTitleFont(font)
    grid = QColor(text)
    grid.setAlpha(40)
    axis.setGridLineColor(grid)
    line = QColor(text)
    line.setAlpha(120)
    axis.setLinePenColor(line)


def _pen(color: str, width: float = 2.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color))
    pen.setWidthF(width)
    pen.setStyle(style)
    return pen


def _msecs(day: dt.date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0)).toMSecsSinceEpoch())


def _date_axis(
    first: dt.date, last: dt.date, title: str, palette: QPalette, ticks: int = 8
) -> QDateTimeAxis:
    axis = QDateTimeAxis()
    axis.setFormat("d MMM")
    axis.setRange(
        QDateTime(QDate(first.year, first.month, first.day), QTime(0, 0)),
        QDateTime(QDate(last.year, last.month, last.day), QTime(0, 0)),
    )
    axis.setTickCount(min(ticks, max(2, (last - first).days // 7 + 1)))
    _style_axis(axis, title, palette)
    return axis


def _value_axis(low: float, high: float, title: str, palette: QPalette, fmt: str) -> QValueAxis:
    """A value axis over at least *low*..*high* with nice ticks.  A whole-number format (*fmt*
    ``%.0f``) gets decimals when the ticks fall between whole numbers (0, 0.5, 1 ... for a
    small range), so that no two ticks read the same."""
    axis = QValueAxis()
    axis.setRange(low, high)
    axis.setLabelFormat(fmt)
    axis.applyNiceNumbers()
    interval = (axis.max() - axis.min()) / max(1, axis.tickCount() - 1)
    if fmt == "%.0f" and not math.isclose(interval, round(interval)):
        axis.setLabelFormat("%.1f" if math.isclose(interval * 10, round(interval * 10)) else "%.2f")
    _style_axis(axis, title, palette)
    return axis


def _attach(chart: QChart, series: QLineSeries | QScatterSeries, *axes: QAbstractAxis) -> None:
    chart.addSeries(series)
    for axis in axes:
        series.attachAxis(axis)


def _hide_from_legend(chart: QChart, series: QLineSeries | QScatterSeries) -> None:
    for marker in chart.legend().markers(series):
        marker.setVisible(False)


def _pct(value: float) -> str:
    return f"{100 * value:.0f} %"


def readiness_chart(
    domains: Sequence[DomainEstimate],
    pass_mark: float,
    *,
    title: str | None = None,
    palette: QPalette | None = None,
) -> ChartView:
    """Horizontal bars of each domain's mean readiness (domain names read on the left), with
    90 % interval whiskers and the pass line τ."""
    pal = palette or _palette()
    if title is None:
        title = QCoreApplication.translate("charts", "Readiness per exam domain (exam day)")
    chart = _new_chart(title, pal)
    bars = QBarSet(QCoreApplication.translate("charts", "Mean"))
    bars.setColor(QColor(BLUE))
    bars.setBorderColor(QColor(BLUE))
    # The category axis runs bottom to top: list the domains reversed so the first is on top.
    ordered = list(reversed(domains))
    for d in ordered:
        bars.append(100 * d.mean)
    series = QHorizontalBarSeries()
    series.setName(QCoreApplication.translate("charts", "Mean"))
    series.append(bars)
    series.setBarWidth(0.55)
    chart.addSeries(series)
    y = QBarCategoryAxis()
    y.append(
        [_short(d.name, 16) for d in ordered]
        or [QCoreApplication.translate("charts", "(no domains)")]
    )
    _style_axis(y, "", pal)
    y.setTitleVisible(False)
    x = _value_axis(0, 100, QCoreApplication.translate("charts", "Readiness (% right)"), pal, "%d")
    x.setTickCount(6)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    whisker_pen = _pen(pal.color(QPalette.ColorRole.Text).name(), 1.6)
    for i, d in enumerate(ordered):
        whisker = QLineSeries()
        whisker.setName(
            QCoreApplication.translate("charts", "90 % interval")
            if i == 0
            else QCoreApplication.translate("charts", "90 % interval {0}").format(i + 1)
        )
        whisker.setPen(whisker_pen)
        for px, py in (
            (100 * d.lo90, i - 0.12),
            (100 * d.lo90, i + 0.12),
            (100 * d.lo90, i),
            (100 * d.hi90, i),
            (100 * d.hi90, i - 0.12),
            (100 * d.hi90, i + 0.12),
        ):
            whisker.append(px, py)
        _attach(chart, whisker, x, y)
        if i > 0:
            _hide_from_legend(chart, whisker)
    line = QLineSeries()
    line.setName(QCoreApplication.translate("charts", "Pass mark {0}").format(_pct(pass_mark)))
    line.setPen(_pen(RED, 2.0, Qt.PenStyle.DashLine))
    line.append(100 * pass_mark, -0.5)
    line.append(100 * pass_mark, max(len(domains), 1) - 0.5)
    _attach(chart, line, x, y)
    parts = [
        QCoreApplication.translate("charts", "{0} {1} (90 %: {2} to {3})").format(
            d.name, _pct(d.mean), _pct(d.lo90), _pct(d.hi90)
        )
        for d in domains
    ]
    below = [d.name for d in domains if d.mean < pass_mark]
    summary = QCoreApplication.translate("charts", "{0}. Pass mark {1}. {2}.").format(
        title, _pct(pass_mark), "; ".join(parts)
    )
    if below:
        summary += QCoreApplication.translate("charts", " Below the pass mark: {0}.").format(
            ", ".join(below)
        )
    return ChartView(
        chart, QCoreApplication.translate("charts", "Readiness per domain chart"), summary
    )


def burnup_chart(
    data: BurnupData, *, title: str | None = None, palette: QPalette | None = None
) -> ChartView:
    """Planned (PV), earned (EV) and actual (AC) cumulative hours against BAC, with the
    forecast cone from today's EV to BAC at the P50 and P85 dates, and the exam day."""
    pal = palette or _palette()
    if title is None:
        title = QCoreApplication.translate("charts", "Burn-up (hours)")
    chart = _new_chart(title, pal)
    top = max([data.bac, *(v for _, v in data.actual), *(v for _, v in data.earned)], default=1.0)
    x = _date_axis(data.first, data.last, QCoreApplication.translate("charts", "Date"), pal)
    y = _value_axis(
        0,
        max(1.0, top * 1.08),
        QCoreApplication.translate("charts", "Cumulative hours (h)"),
        pal,
        "%d",
    )
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)

    def line(name: str, points: Sequence[tuple[dt.date, float]], pen: QPen) -> QLineSeries:
        series = QLineSeries()
        series.setName(name)
        series.setPen(pen)
        for day, value in points:
            series.append(_msecs(day), value)
        _attach(chart, series, x, y)
        return series

    line(QCoreApplication.translate("charts", "Planned (PV)"), data.planned, _pen(GREY, 2.0))
    line(QCoreApplication.translate("charts", "Earned (EV)"), data.earned, _pen(BLUE, 2.6))
    line(QCoreApplication.translate("charts", "Actual (AC)"), data.actual, _pen(ORANGE, 2.0))
    line(
        QCoreApplication.translate("charts", "Total {0:.1f} h").format(data.bac),
        [(data.first, data.bac), (data.last, data.bac)],
        _pen(TEAL, 1.4, Qt.PenStyle.DashLine),
    )
    ev_now = data.earned[-1][1] if data.earned else 0.0
    cone = []
    if data.forecast_p50 is not None:
        cone.append(("P50", data.forecast_p50))
    if data.forecast_p85 is not None:
        cone.append(("P85", data.forecast_p85))
    for label, day in cone:
        finish = day + dt.timedelta(days=1)
        line(
            QCoreApplication.translate("charts", "{0} finish {1}").format(label, f"{day:%d %b}"),
            [(data.as_of, ev_now), (finish, data.bac)],
            _pen(BLUE, 1.4, Qt.PenStyle.DashLine if label == "P50" else Qt.PenStyle.DotLine),
        )
    exam = line(
        QCoreApplication.translate("charts", "Exam {0}").format(f"{data.exam:%d %b}"),
        [(data.exam, 0.0), (data.exam, max(1.0, top * 1.08))],
        _pen(RED, 1.4, Qt.PenStyle.DashDotLine),
    )
    exam.setPointsVisible(False)
    ac_now = data.actual[-1][1] if data.actual else 0.0
    pv_now = next((v for d, v in data.planned if d >= data.as_of), data.bac)
    summary = QCoreApplication.translate(
        "charts",
        "{0}. As of {1}: planned {2:.1f} h, earned {3:.1f} h, actual {4:.1f} h of {5:.1f} h in"
        " total. Planned finish {6}, exam {7}.",
    ).format(
        title,
        data.as_of.isoformat(),
        pv_now,
        ev_now,
        ac_now,
        data.bac,
        data.planned_finish.isoformat(),
        data.exam.isoformat(),
    )
    if cone:
        summary += QCoreApplication.translate("charts", " Forecast finish: {0}.").format(
            ", ".join(f"{k} {d.isoformat()}" for k, d in cone)
        )
    else:
        summary += QCoreApplication.translate("charts", " No forecast yet.")
    return ChartView(chart, QCoreApplication.translate("charts", "Burn-up chart"), summary)


def mock_chart(
    mocks: Sequence[MockScore],
    pass_mark: float,
    *,
    title: str | None = None,
    palette: QPalette | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> ChartView:
    """Percent correct per mock test over time (topic quizzes apart) against the pass line."""
    pal = palette or _palette()
    if title is None:
        title = QCoreApplication.translate("charts", "Mock test scores")
    chart = _new_chart(title, pal)
    points = mock_points(mocks)
    days = [p.taken_on for p in points]
    lo = min([*days, *([first] if first else [])], default=dt.date.today())
    hi = max([*days, *([last] if last else [])], default=lo)
    lo, hi = lo - dt.timedelta(days=1), hi + dt.timedelta(days=1)
    x = _date_axis(lo, hi, QCoreApplication.translate("charts", "Date taken"), pal, ticks=4)
    y = _value_axis(0, 100, QCoreApplication.translate("charts", "Score (% right, raw)"), pal, "%d")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    exams = QLineSeries()
    exams.setName(QCoreApplication.translate("charts", "Practice exams"))
    exams.setPen(_pen(BLUE, 2.4))
    exams.setPointsVisible(True)
    exams.setMarkerSize(9.0)
    quizzes = QScatterSeries()
    quizzes.setName(QCoreApplication.translate("charts", "Topic quizzes"))
    quizzes.setColor(QColor(PURPLE))
    quizzes.setBorderColor(QColor(PURPLE))
    quizzes.setMarkerSize(9.0)
    for p in points:
        (quizzes if p.topic else exams).append(_msecs(p.taken_on), p.percent)
    _attach(chart, exams, x, y)
    if any(p.topic for p in points):
        _attach(chart, quizzes, x, y)
    passing = QLineSeries()
    passing.setName(QCoreApplication.translate("charts", "Pass mark {0}").format(_pct(pass_mark)))
    passing.setPen(_pen(RED, 2.0, Qt.PenStyle.DashLine))
    passing.append(_msecs(lo), 100 * pass_mark)
    passing.append(_msecs(hi), 100 * pass_mark)
    _attach(chart, passing, x, y)
    if points:
        listed = "; ".join(
            (
                QCoreApplication.translate("charts", "{0} on {1}: {2:.0f} % (topic quiz)")
                if p.topic
                else QCoreApplication.translate("charts", "{0} on {1}: {2:.0f} %")
            ).format(p.name, p.taken_on.isoformat(), p.percent)
            for p in points
        )
        summary = QCoreApplication.translate("charts", "{0}. Pass mark {1}. {2}.").format(
            title, _pct(pass_mark), listed
        )
    else:
        summary = QCoreApplication.translate("charts", "{0}. No mock tests yet.").format(title)
    return ChartView(chart, QCoreApplication.translate("charts", "Mock test scores chart"), summary)


def weekly_chart(
    data: WeeklyData, *, title: str | None = None, palette: QPalette | None = None
) -> ChartView:
    """Bars of studied hours per plan week (this week so far apart), the planned hours per week
    and the hours per week needed from now; at most MAX_WEEKS_SHOWN weeks around this week."""
    pal = palette or _palette()
    if title is None:
        title = QCoreApplication.translate("charts", "Hours per plan week")
    shown = weeks_shown(data)
    labels = data.labels[shown.start : shown.stop]
    studied_hours = data.studied[shown.start : shown.stop]
    chart = _new_chart(title, pal)
    studied = QBarSet(QCoreApplication.translate("charts", "Studied"))
    studied.setColor(QColor(BLUE))
    studied.setBorderColor(QColor(BLUE))
    studied.append(list(studied_hours))
    current = QBarSet(QCoreApplication.translate("charts", "This week"))
    light = QColor(BLUE)
    light.setAlpha(110)
    current.setColor(light)
    current.setBorderColor(QColor(BLUE))
    this_week = data.current[shown.start : shown.stop]
    current.append(list(this_week))
    series = QStackedBarSeries()
    series.setName(QCoreApplication.translate("charts", "Hours studied"))
    series.append(studied)
    series.append(current)
    series.setBarWidth(0.6)
    chart.addSeries(series)
    x = _week_axis(labels, pal, of=len(data.labels) if len(labels) < len(data.labels) else None)
    planned_hours = data.planned[shown.start : shown.stop]
    top = max([*studied_hours, *this_week, *planned_hours, data.required or 0.0, 1.0])
    y = _value_axis(0, top * 1.15, QCoreApplication.translate("charts", "Hours (h)"), pal, "%.0f")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    planned = QLineSeries()
    planned.setName(QCoreApplication.translate("charts", "Planned"))
    planned.setPen(_pen(GREY, 2.0))
    planned.setPointsVisible(True)
    for i, hours in enumerate(planned_hours):
        planned.append(float(i), hours)
    _attach(chart, planned, x, y)
    if data.required is not None:
        needed = QLineSeries()
        needed.setName(
            QCoreApplication.translate("charts", "Needed {0:.1f} h").format(data.required)
        )
        needed.setPen(_pen(RED, 2.0, Qt.PenStyle.DashLine))
        needed.append(-0.5, data.required)
        needed.append(len(labels) - 0.5, data.required)
        _attach(chart, needed, x, y)
    done = [f"{label} {h:.1f} h" for label, h in zip(labels, studied_hours, strict=True) if h]
    if done:
        studied_text = "; ".join(done)
    elif any(data.studied):
        studied_text = QCoreApplication.translate("charts", "Nothing studied in these weeks")
    else:
        studied_text = QCoreApplication.translate("charts", "No completed week yet")
    if len(labels) < len(data.labels):
        studied_text = QCoreApplication.translate("charts", "{0} to {1} of {2}: {3}").format(
            labels[0], labels[-1], len(data.labels), studied_text
        )
    summary = QCoreApplication.translate("charts", "{0}. {1}.").format(title, studied_text)
    if any(data.current):
        summary += QCoreApplication.translate("charts", " This week so far: {0:.1f} h.").format(
            sum(data.current)
        )
    if data.required is not None:
        summary += QCoreApplication.translate(
            "charts", " Needed from now: {0:.1f} h per week."
        ).format(data.required)
    return ChartView(chart, QCoreApplication.translate("charts", "Hours per week chart"), summary)


def _week_axis(labels: Sequence[str], palette: QPalette, *, of: int | None) -> QAbstractAxis:
    """The weekly chart's x axis: one label per bar for a few weeks, else a label every few
    weeks (the bars stand at 0, 1, 2 ... either way).  *of*: the plan's number of weeks when
    only some are shown (the title says which)."""
    title = QCoreApplication.translate("charts", "Plan week")
    if of is not None and labels:
        title = QCoreApplication.translate("charts", "Plan week ({0} to {1} of {2})").format(
            labels[0], labels[-1], of
        )
    if len(labels) <= LABELLED_WEEKS:
        bars = QBarCategoryAxis()
        bars.append(list(labels) or [week_label(1)])
        _style_axis(bars, title, palette)
        return bars
    axis = QCategoryAxis()
    axis.setRange(-0.5, len(labels) - 0.5)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    step = math.ceil(len(labels) / 6)
    for i in range(0, len(labels), step):
        axis.append(labels[i], i)
    _style_axis(axis, title, palette)
    return axis


def apart(spans: Sequence[tuple[float, float]], gap: float) -> list[int]:
    """The indexes of the *spans* (start, length), in order, that are kept when each must start
    at least *gap* after the end of the last one kept (the first is always kept)."""
    kept: list[int] = []
    end = -math.inf
    for index, (start, length) in enumerate(spans):
        if start >= end + gap:
            kept.append(index)
            end = start + length
    return kept


class CalendarHeatmap(QWidget):
    """Study minutes per day over the plan, one column per week (Monday on top), like Anki's
    review calendar.  Levels start at 1, 30, 60 and 90 minutes; today has an outline, the exam
    day a red one, days still to come are empty outlines.  Hover a day for its minutes."""

    CELL_MAX = 22
    GAP = 3

    def __init__(
        self,
        daily_minutes: Mapping[dt.date, int],
        first: dt.date,
        last: dt.date,
        *,
        today: dt.date | None = None,
        exam: dt.date | None = None,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if title is None:
            title = self.tr("Study calendar (minutes per day)")
        self.title = title
        self.columns = 0
        self.set_data(daily_minutes, first, last, today=today, exam=exam)
        self.setAccessibleName(self.tr("Study calendar heatmap"))
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(320, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_data(
        self,
        daily_minutes: Mapping[dt.date, int],
        first: dt.date,
        last: dt.date,
        *,
        today: dt.date | None = None,
        exam: dt.date | None = None,
    ) -> None:
        """Show these days instead (in place: cheaper than a new widget after every report)."""
        columns = self.columns
        self.first, self.last = first, last
        self.today, self.exam = today, exam
        self.cells = heatmap_cells(daily_minutes, first, last)
        self.columns = (self.cells[-1].column + 1) if self.cells else 0
        studied = [c for c in self.cells if c.minutes > 0]
        total = sum(c.minutes for c in self.cells)
        days_so_far = [c for c in self.cells if today is None or c.day <= today]
        busiest = max(studied, key=lambda c: c.minutes, default=None)
        self.summary = self.tr(
            "{0}. Studied on {1} of {2} days so far, {3:.1f} h in total; longest streak {4} days"
        ).format(
            self.title,
            len(studied),
            len(days_so_far),
            total / 60,
            longest_streak([c.day for c in studied]),
        )
        if busiest is not None:
            self.summary += self.tr("; most in one day {0} min on {1}").format(
                busiest.minutes, busiest.day.isoformat()
            )
        self.summary += self.tr(
            ". Shades start at 1, 30, 60 and 90 minutes; today is outlined, the exam day in red."
        )
        self.setAccessibleDescription(self.summary)
        if columns != self.columns:
            self.updateGeometry()  # the size hint follows the number of weeks
        self.update()

    # geometry: title line, month labels, 7 rows, legend line
    def _metrics(self) -> tuple[float, float, float, float]:
        fm = self.fontMetrics()
        left = self._weekday_width() + 10
        top = fm.height() * 2 + 12
        usable_w = self.width() - left - 10
        usable_h = self.height() - top - fm.height() - 16
        cell = min(
            self.CELL_MAX,
            (usable_w / max(self.columns, 1)) - self.GAP,
            (usable_h / 7) - self.GAP,
        )
        return left, top, max(cell, 4.0), fm.height()

    def weekday_labels(self) -> tuple[tuple[int, str], ...]:
        """The rows labelled with a weekday (Monday is row 0), in the user's language."""
        return ((0, self.tr("Mon")), (2, self.tr("Wed")), (4, self.tr("Fri")), (6, self.tr("Sun")))

    def weekday_label_places(self) -> list[tuple[float, str]]:
        """The top y of each weekday label drawn, centred on its row; when the rows are closer
        than a line of text, only labels that do not overlap the one above."""
        _left, top, size, line = self._metrics()
        step = size + self.GAP
        places = [
            (top + row * step + (size - line) / 2, name) for row, name in self.weekday_labels()
        ]
        return [places[i] for i in apart([(y, line) for y, _name in places], gap=0.0)]

    def month_label_places(self) -> list[tuple[float, str]]:
        """The left x of each month label drawn (above the first week column of the month);
        when the columns are narrow, only labels that do not overlap the one before."""
        left, _top, size, _line = self._metrics()
        fm = self.fontMetrics()
        places: list[tuple[float, str]] = []
        seen: set[tuple[int, int]] = set()
        for cell in self.cells:
            key = (cell.day.year, cell.day.month)
            if key not in seen and (cell.row == 0 or cell is self.cells[0]):
                seen.add(key)
                places.append((left + cell.column * (size + self.GAP), cell.day.strftime("%b")))
        spans = [(x, float(fm.horizontalAdvance(name))) for x, name in places]
        fits = [i for i in apart(spans, gap=4.0) if spans[i][0] + spans[i][1] <= self.width()]
        return [places[i] for i in fits]

    def _weekday_width(self) -> int:
        fm = self.fontMetrics()
        return max(fm.horizontalAdvance(name) for _row, name in self.weekday_labels())

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        width = self._weekday_width() + 20 + self.columns * (18 + self.GAP)
        return QSize(max(320, width), fm.height() * 3 + 28 + 7 * (18 + self.GAP))

    def _colour(self, level: int) -> QColor:
        pal = self.palette()
        if level == 0:
            empty = QColor(pal.color(QPalette.ColorRole.Text))
            empty.setAlpha(28)
            return empty
        colour = QColor(pal.color(QPalette.ColorRole.Highlight))
        colour.setAlpha(70 + 185 * level // 4)
        return colour

    def _rect(
        self, cell: HeatCell, metrics: tuple[float, float, float, float] | None = None
    ) -> QRectF:
        left, top, size, _ = metrics or self._metrics()
        step = size + self.GAP
        return QRectF(left + cell.column * step, top + cell.row * step, size, size)

    def _cells_between(
        self, x0: float, x1: float, metrics: tuple[float, float, float, float]
    ) -> range:
        """The indexes into ``cells`` of the week columns that meet x0..x1, plus one column
        either side (for the outlines drawn around a cell): what a paint of that strip, or a
        hit test at a point, needs to look at (issue #7 (d): not all ~1,300 days)."""
        if not self.cells:
            return range(0)
        left, _top, size, _line = metrics
        step = size + self.GAP
        first_column = max(0, math.floor((x0 - left) / step) - 1)
        last_column = math.floor((x1 - left) / step) + 1
        offset = self.cells[0].row  # the cells start on this weekday of column 0
        start = min(len(self.cells), max(0, first_column * 7 - offset))
        stop = min(len(self.cells), max(0, (last_column + 1) * 7 - offset))
        return range(start, max(start, stop))

    def cell_at(self, pos: QPointF) -> HeatCell | None:
        metrics = self._metrics()
        for index in self._cells_between(pos.x(), pos.x(), metrics):
            cell = self.cells[index]
            if self._rect(cell, metrics).contains(pos):
                return cell
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text = pal.color(QPalette.ColorRole.Text)
        left, top, size, line = self._metrics()
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(max(10.0, title_font.pointSizeF() + 1))
        painter.setFont(title_font)
        painter.setPen(text)
        painter.drawText(
            QRectF(0, 4, self.width(), line + 4), Qt.AlignmentFlag.AlignHCenter, self.title
        )
        painter.setFont(self.font())
        for y, name in self.weekday_label_places():
            painter.drawText(
                QRectF(0, y, left - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        for x, name in self.month_label_places():
            painter.drawText(QRectF(x, top - line - 4, 60, line), name)
        future = QColor(text)
        future.setAlpha(60)
        future_pen = QPen(future, 1.0)
        colours = [self._colour(level) for level in range(5)]
        metrics = (left, top, size, line)
        exposed = event.rect()
        # Only the columns in the exposed strip; the colours and geometry computed once.
        for index in self._cells_between(exposed.left(), exposed.right() + 1, metrics):
            cell = self.cells[index]
            rect = self._rect(cell, metrics)
            if self.today is not None and cell.day > self.today:
                painter.setPen(future_pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colours[cell.level])
                painter.drawRoundedRect(rect, 2, 2)
            if cell.day == self.today or cell.day == self.exam:
                marker = QPen(QColor(RED) if cell.day == self.exam else text)
                marker.setWidthF(1.5)
                painter.setPen(marker)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 2, 2)
        legend_y = top + 7 * (size + self.GAP) + 6
        x = left
        painter.setPen(text)
        less = self.tr("Less")
        painter.drawText(QRectF(x, legend_y, self.width() - x, line), less)
        x += self.fontMetrics().horizontalAdvance(less) + 6
        for level in range(5):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colour(level))
            painter.drawRoundedRect(QRectF(x, legend_y + 2, line - 4, line - 4), 2, 2)
            x += line
        painter.setPen(text)
        legend = self.tr("More")
        painter.drawText(QRectF(x + 4, legend_y, self.width() - x, line), legend)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cell = self.cell_at(QPointF(event.pos()))
            if cell is None:
                QToolTip.showText(event.globalPos(), self.summary, self)
            else:
                QToolTip.showText(
                    event.globalPos(),
                    self.tr("{0}: {1} min").format(f"{cell.day:%a %d %b %Y}", cell.minutes),
                    self,
                )
            return True
        return super().event(event)


def heatmap_chart(
    daily_minutes: Mapping[dt.date, int],
    first: dt.date,
    last: dt.date,
    *,
    today: dt.date | None = None,
    exam: dt.date | None = None,
    palette: QPalette | None = None,
) -> CalendarHeatmap:
    widget = CalendarHeatmap(daily_minutes, first, last, today=today, exam=exam)
    if palette is not None:
        widget.setPalette(palette)
    return widget
