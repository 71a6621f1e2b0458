"""The Overview page: headline figures and the five charts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import math
import time
import typing
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.readiness import THIN_EVIDENCE_N_EFF, Readiness, rank_review_next
from studyplanner.domain.report import ModuleReport, Report
from studyplanner.domain.schedule import planned_values
from studyplanner.ui import charts
from studyplanner.ui.base import ReportView
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP

THIN_EVIDENCE = THIN_EVIDENCE_N_EFF
"""Questions-equivalent per domain below which readiness is mostly the plan-progress prior."""

EVIDENCE_NOTICE = QT_TRANSLATE_NOOP(
    "OverviewView", "Estimate from plan progress only — take a mock test."
)
"""Untranslated (marked for lupdate): translate it where it is shown."""


# -- figures (plain functions: the tests compare them with report_to_json) ------------------------


def format_p_pass(p: float) -> str:
    """P(pass) rounded to 5 % steps (ANALYTICS.md 3.7), never shown as a flat 0 % or 100 %."""
    if not math.isfinite(p):
        return "–"
    step = round(p * 20) * 5
    if step <= 0:
        return "< 5 %"
    if step >= 100:
        return "> 95 %"
    return f"{step} %"


def format_pct(value: float) -> str:
    return f"{100 * value:.0f} %"


def days_to_exam(report: Report) -> int:
    """Whole days from today (the day before the as-of date) to the exam day."""
    return (report.plan.exam - (report.as_of - dt.timedelta(days=1))).days


def format_days_to_exam(days: int) -> str:
    # (lupdate extracts count forms from tr() only, not from translate(): one text per case)
    if days > 1:
        return QCoreApplication.translate("OverviewView", "{0} days").format(days)
    if days == 1:
        return QCoreApplication.translate("OverviewView", "1 day (tomorrow)")
    if days == 0:
        return QCoreApplication.translate("OverviewView", "Today")
    if days == -1:
        return QCoreApplication.translate("OverviewView", "1 day ago")
    return QCoreApplication.translate("OverviewView", "{0} days ago").format(-days)


def slip_days(report: Report) -> float | None:
    """Plan slip in days: positive = behind, negative = ahead (−SV(t)); None before the start."""
    sv = report.schedule.sv_days
    return None if sv is None else -sv


def format_slip(slip: float | None) -> str:
    if slip is None:
        return QCoreApplication.translate("OverviewView", "Not started")
    if abs(slip) < 0.05:
        return QCoreApplication.translate("OverviewView", "On schedule")
    one = abs(round(slip, 1)) == 1
    if slip > 0:
        text = (
            QCoreApplication.translate("OverviewView", "{0:.1f} day behind")
            if one
            else QCoreApplication.translate("OverviewView", "{0:.1f} days behind")
        )
    else:
        text = (
            QCoreApplication.translate("OverviewView", "{0:.1f} day ahead")
            if one
            else QCoreApplication.translate("OverviewView", "{0:.1f} days ahead")
        )
    return text.format(abs(slip))


def format_hours_per_week(hours: float | None) -> str:
    return "–" if hours is None else f"{hours:.1f} h"


def next_module(report: Report) -> tuple[ModuleReport, str] | None:
    """The module to study next and why: the first unfinished module in plan order; when all
    are finished, the first topic of "what to review next" (ANALYTICS.md 3.8), if any."""
    schedule = {m.position: m for m in report.schedule.modules}
    for m in report.modules:
        status = m.status
        if status.pct_complete >= 1.0:
            continue
        row = schedule.get(m.module.position)
        reason = QCoreApplication.translate(
            "OverviewView", "Next in plan order: {0:.0f} % done ({1:.1f} h of {2:.1f} h planned)"
        ).format(100 * status.pct_complete, status.actual_hours, status.effort_hours)
        if row is not None:
            reason += QCoreApplication.translate("OverviewView", "; planned to finish {0}").format(
                f"{row.planned_finish:%a %d %b}"
            )
            if row.slip_days >= 0.5:
                reason += QCoreApplication.translate(
                    "OverviewView", ", now {0:.1f} days behind"
                ).format(row.slip_days)
            elif row.slip_days <= -0.5:
                reason += QCoreApplication.translate("OverviewView", ", {0:.1f} days ahead").format(
                    -row.slip_days
                )
        return m, reason + "."
    ranked = rank_review_next(
        profile=report.plan.profile,
        matrix={m.module.position: m.module.shares for m in report.modules},
        topics=[m.topic_exam_day for m in report.modules],
        limit=1,
    )
    if not ranked:
        return None
    by_position = {m.module.position: m for m in report.modules}
    return by_position[ranked[0].position], QCoreApplication.translate(
        "OverviewView", "Every module is done: review it ({0})."
    ).format(ranked[0].reason)


def evidence_notice(readiness: Readiness) -> str:
    """The notice while some domain has under 20 questions-equivalent of mock evidence ("" if
    none): ANALYTICS.md 3.10."""
    thin = [d.name for d in readiness.domains if d.n_eff < THIN_EVIDENCE]
    if not thin:
        return ""
    notice = QCoreApplication.translate("OverviewView", EVIDENCE_NOTICE)
    if all(d.n_eff <= 0 for d in readiness.domains):
        return QCoreApplication.translate("OverviewView", "{0} No mock-test evidence yet.").format(
            notice
        )
    where = (
        QCoreApplication.translate("OverviewView", "every domain")
        if len(thin) == len(readiness.domains)
        else ", ".join(thin)
    )
    return QCoreApplication.translate(
        "OverviewView",
        "{0} Under {1:.0f} questions-equivalent of recent mock-test evidence for {2}: the"
        " estimate still leans on plan progress.",
    ).format(notice, THIN_EVIDENCE, where)


@dataclasses.dataclass(frozen=True, slots=True)
class Figures:
    """The Overview's headline numbers, unrounded (the labels round them)."""

    p_pass: float
    expected_score: float
    expected_score_lo90: float
    expected_score_hi90: float
    days_to_exam: int
    slip_days: float | None
    required_hours_per_week: float | None
    next_module: int | None  # position


def figures(report: Report) -> Figures:
    found = next_module(report)
    p = report.readiness_exam_day
    return Figures(
        p_pass=p.p_pass,
        expected_score=p.expected_score,
        expected_score_lo90=p.expected_score_lo90,
        expected_score_hi90=p.expected_score_hi90,
        days_to_exam=days_to_exam(report),
        slip_days=slip_days(report),
        required_hours_per_week=report.schedule.required_hours_per_week,
        next_module=None if found is None else found[0].module.position,
    )


# -- chart data (plain values: prepared on the worker thread) ---------------------------------

MAX_LINE_POINTS = 400
"""At most about this many points on the burn-up's actual-hours line (a plot is a few hundred
pixels wide; a ten-year log has thousands of days)."""

HEATMAP_DAYS = 371
"""The study calendar shows at most the 53 weeks before today (and the days up to the exam)."""


@dataclasses.dataclass(frozen=True, slots=True)
class OverviewData:
    """Everything the charts show, computed from one report without touching a widget, so that
    :func:`prepare_overview` can run on the worker thread."""

    report: Report
    burnup: charts.BurnupData
    weekly: charts.WeeklyData
    heatmap_first: dt.date
    heatmap_last: dt.date
    burnup_lines: tuple[list[QPointF], list[QPointF], list[QPointF]]
    """PV, EV and AC as chart points (x: msecs since the epoch at local midnight)."""


def _thin(points: Sequence[tuple[dt.date, float]], limit: int) -> tuple[tuple[dt.date, float], ...]:
    """The same polyline without the inner points of straight runs; then, if still over *limit*
    points, every k-th one (the first and the last always kept)."""
    kept: list[tuple[dt.date, float]] = []
    for point in points:
        if len(kept) >= 2:
            (d0, v0), (d1, v1) = kept[-2], kept[-1]
            if (v1 - v0) * (point[0] - d1).days == (point[1] - v1) * (d1 - d0).days:
                kept[-1] = point  # d1 lies on the line from d0 to the new point
                continue
        kept.append(point)
    if len(kept) > limit:
        step = math.ceil(len(kept) / limit)
        kept = [*kept[:-1:step], kept[-1]]
    return tuple(kept)


def burnup_data(
    report: Report, earned: Sequence[tuple[dt.date, float]] | None = None
) -> charts.BurnupData:
    """:func:`charts.burnup_data` with fewer points: PV only where its slope can change (module
    window edges, each with the day before, and the as-of date: the same line as one point per
    day) and the actual hours thinned by :func:`_thin`."""
    start = report.plan.start
    schedule = report.schedule
    last = max(
        schedule.planned_finish + dt.timedelta(days=1),
        report.plan.exam,
        report.as_of,
        schedule.forecast_p85 + dt.timedelta(days=1) if schedule.forecast_p85 else start,
    )
    days = (last - start).days
    statuses = [m.status for m in report.modules]
    edges = {0, days, (report.as_of - start).days}
    for m in statuses:
        for t in (m.planned_start_day, m.planned_finish_day):
            edges.update((t - 1, t))
    ts = sorted(e for e in edges if 0 <= e <= days)
    planned = tuple(
        (start + dt.timedelta(days=t), pv)
        for t, pv in zip(ts, planned_values(statuses, ts), strict=True)
    )
    actual: list[tuple[dt.date, float]] = []
    if report.as_of >= start:
        minutes = report.daily_minutes
        running = float(sum(m for d, m in minutes.items() if d < start))
        one_day = dt.timedelta(days=1)
        day = start
        for t in range((report.as_of - start).days + 1):
            if t > 0:
                running += minutes.get(day - one_day, 0)
            actual.append((day, running / 60))
            day += one_day
    if earned is None:
        earned = [(start, 0.0)]
        if report.as_of > start:
            earned.append((report.as_of, report.schedule.ev_hours))
    return charts.BurnupData(
        planned=planned,
        earned=tuple(earned),
        actual=_thin(actual, MAX_LINE_POINTS),
        bac=schedule.bac_hours,
        as_of=report.as_of,
        exam=report.plan.exam,
        planned_finish=schedule.planned_finish,
        forecast_p50=schedule.forecast_p50,
        forecast_p85=schedule.forecast_p85,
    )


def weekly_data(report: Report) -> charts.WeeklyData:
    """:func:`charts.weekly_data` with PV at the week boundaries from one sweep
    (:func:`planned_values`): the same numbers up to rounding."""
    shell = charts.weekly_data(dataclasses.replace(report, modules=()))
    statuses = [m.status for m in report.modules]
    cumulative = planned_values(statuses, [7 * i for i in range(len(shell.planned) + 1)])
    planned = tuple(b - a for a, b in itertools.pairwise(cumulative))
    return dataclasses.replace(shell, planned=planned)


def prepare_overview(
    report: Report, earned: Sequence[tuple[dt.date, float]] | None = None
) -> OverviewData:
    """The Overview's chart data for *report* (*earned*: the EV history); no widgets involved."""
    today = report.as_of - dt.timedelta(days=1)
    first = max(report.plan.start, today - dt.timedelta(days=HEATMAP_DAYS - 1))
    burnup = burnup_data(report, earned)
    return OverviewData(
        report=report,
        burnup=burnup,
        weekly=weekly_data(report),
        heatmap_first=first,
        heatmap_last=max(report.plan.exam, today),
        burnup_lines=(_xy(burnup.planned), _xy(burnup.earned), _xy(burnup.actual)),
    )


@functools.lru_cache(maxsize=8192)
def _msecs(day: dt.date) -> float:
    """Local midnight of *day* in msecs since the epoch (QDateTime's local time, computed
    without a QDateTime per point); remembered, as every report asks for mostly the same days
    (``mktime`` per point was a third of preparing the burn-up)."""
    return time.mktime(day.timetuple()) * 1000.0


def _xy(points: Sequence[tuple[dt.date, float]]) -> list[QPointF]:
    return [QPointF(_msecs(day), value) for day, value in points]


def _outline(
    points: Sequence[tuple[dt.date, float]], *keep: dt.date
) -> tuple[tuple[dt.date, float], ...]:
    """The first, highest and last points of a line (and those on the dates *keep*): what the
    chart's axes and summary read; the line itself is set afterwards (``QXYSeries.replace``)."""
    if not points:
        return ()
    top = max(points, key=lambda p: p[1])
    chosen = {points[0], top, points[-1], *(p for p in points if p[0] in keep)}
    return tuple(sorted(chosen))


def burnup_view(data: OverviewData, palette: QPalette) -> charts.ChartView:
    """The burn-up chart of *data*: built by :func:`charts.burnup_chart` from a few points per
    line (same axes, legend and summary), then each line's prepared points set in one
    ``replace`` call instead of one ``append`` (and one QDateTime) per point."""
    full = data.burnup
    outline = dataclasses.replace(
        full,
        planned=_outline(full.planned, full.as_of),
        earned=_outline(full.earned),
        actual=_outline(full.actual),
    )
    view = charts.burnup_chart(outline, palette=palette)
    series = view.chart().series()
    for line, points in zip(series[:3], data.burnup_lines, strict=True):
        assert isinstance(line, _PointSeries)
        line.replace(points)
    return view


@typing.runtime_checkable
class _PointSeries(typing.Protocol):
    """A line series (``QXYSeries``), named without importing the chart module's Qt classes:
    only ui/charts.py imports those."""

    def replace(self, points: Sequence[QPointF], /) -> None: ...


# -- widgets ----------------------------------------------------------------------------------


class FigureCard(QFrame):
    """One headline figure: a caption, a big value and a detail line (all plain text)."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(name)
        self.setAccessibleName(caption)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        self.caption = QLabel(caption)
        self.value = QLabel("–")
        self.detail = QLabel("")
        for label in (self.caption, self.value, self.detail):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.value.setAccessibleName(self.tr("{0} value").format(caption))
        self.detail.setAccessibleName(self.tr("{0} detail").format(caption))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.detail.setForegroundRole(self.detail.foregroundRole())
        layout.addStretch(1)

    def set(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value}. {detail}")


CHART_CELLS: dict[str, tuple[int, int, int, int]] = {
    "readiness": (0, 0, 1, 1),
    "burnup": (0, 1, 1, 2),
    "weekly": (1, 0, 1, 1),
    "mocks": (1, 1, 1, 1),
    "heatmap": (1, 2, 1, 1),
}
"""Each chart's place in the grid: row, column, row span, column span."""


class OverviewView(ReportView):
    """Headline figures (P(pass), days to the exam, slip, hours needed per week, next module)
    and the readiness, burn-up, mock-score, weekly-hours and calendar charts.

    It only shows reports: it needs neither the services nor the undo stack, so the start window
    can show it before they are loaded.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self._earned: tuple[tuple[dt.date, float], ...] | None = None
        self._data: OverviewData | None = None
        self.chart_widgets: dict[str, QWidget] = {}
        self._chart_inputs: dict[str, object] = {}  # what each chart was built from

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)

        self.empty_label = QLabel(
            self.tr(
                "There is no plan yet. Create one with File → New plan (Ctrl+N): the bundled AWS"
                " Developer Associate plan or an empty plan."
            )
        )
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(self.tr("No plan"))
        self.pages.addWidget(self.empty_label)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Overview"))
        content = QWidget()
        scroll.setWidget(content)
        self.pages.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)

        self.plan_label = QLabel("")
        self.plan_label.setTextFormat(Qt.TextFormat.PlainText)
        self.plan_label.setAccessibleName(self.tr("Plan"))
        self.plan_label.setWordWrap(True)
        layout.addWidget(self.plan_label)

        cards = QHBoxLayout()
        cards.setSpacing(8)
        self.p_pass_card = FigureCard(self.tr("P(pass) on exam day"), "p_pass_card")
        self.days_card = FigureCard(self.tr("Days to the exam"), "days_card")
        self.slip_card = FigureCard(self.tr("Plan slip"), "slip_card")
        self.hours_card = FigureCard(self.tr("Hours needed per week"), "hours_card")
        self.next_card = FigureCard(self.tr("Study next"), "next_card")
        for card, stretch in (
            (self.p_pass_card, 3),
            (self.days_card, 2),
            (self.slip_card, 2),
            (self.hours_card, 2),
            (self.next_card, 4),
        ):
            cards.addWidget(card, stretch)
        layout.addLayout(cards)

        self.notice = QLabel("")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.hide()
        layout.addWidget(self.notice)

        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        for column in range(3):
            self.grid.setColumnStretch(column, 1)
        self.grid.setRowStretch(0, 1)
        self.grid.setRowStretch(1, 1)
        layout.addLayout(self.grid, 1)

    # -- View --------------------------------------------------------------------------------

    def set_earned_history(self, points: Sequence[tuple[dt.date, float]]) -> None:
        """The earned value at past plan-week boundaries, for the burn-up of the next report."""
        self._earned = tuple(points) or None

    def set_overview_data(self, data: OverviewData | None) -> None:
        """Chart data prepared off the GUI thread (:func:`prepare_overview`) for the report that
        :meth:`set_report` gets next; without it (or for another report) the view prepares it."""
        self._data = data

    def set_report(self, report: Report | None) -> None:
        self.report = report
        if report is None:
            self.pages.setCurrentIndex(0)
            self._clear_charts()
            return
        self.pages.setCurrentIndex(1)
        self._show_figures(report)
        self._show_charts(report)

    def figures(self) -> Figures | None:
        """The unrounded numbers behind the headline (None: no plan)."""
        return None if self.report is None else figures(self.report)

    # -- figures -----------------------------------------------------------------------------

    def _show_figures(self, report: Report) -> None:
        plan = report.plan
        self.plan_label.setText(
            self.tr("{0} ({1}) · {2} to exam {3} · status at the end of {4}").format(
                plan.name,
                plan.profile.name,
                f"{plan.start:%d %b %Y}",
                f"{plan.exam:%a %d %b %Y}",
                f"{report.as_of - dt.timedelta(days=1):%a %d %b %Y}",
            )
        )
        p = report.readiness_exam_day
        self.p_pass_card.set(
            format_p_pass(p.p_pass),
            self.tr(
                "Expected score {0} (90 %: {1} to {2}); pass mark {3}. If you stopped studying now."
            ).format(
                format_pct(p.expected_score),
                format_pct(p.expected_score_lo90),
                format_pct(p.expected_score_hi90),
                format_pct(plan.pass_mark),
            ),
        )
        days = days_to_exam(report)
        self.days_card.set(
            format_days_to_exam(days), self.tr("Exam on {0}").format(f"{plan.exam:%a %d %b %Y}")
        )
        s = report.schedule
        slip = slip_days(report)
        finish = s.forecast_p50 or s.forecast_ewma
        slip_detail = self.tr("Planned finish {0}").format(f"{s.planned_finish:%d %b}")
        if finish is not None:
            slip_detail += self.tr("; forecast {0}").format(f"{finish:%d %b}")
        if s.p_finish_before_exam is not None:
            slip_detail += self.tr("; {0} chance to finish before the exam").format(
                format_pct(s.p_finish_before_exam)
            )
        self.slip_card.set(format_slip(slip), slip_detail + ".")
        self.hours_card.set(
            format_hours_per_week(s.required_hours_per_week),
            self.tr("{0:.1f} h of study left; your recent pace {1:.1f} h per week.").format(
                s.etc_hours, s.ewma_hours_per_week
            ),
        )
        found = next_module(report)
        if found is None:
            self.next_card.set(
                "–", self.tr("The plan has no modules yet: add some on the Plan page.")
            )
        else:
            module, why = found
            self.next_card.set(f"{module.module.position}. {module.module.name}", why)
        notice = evidence_notice(report.readiness_exam_day)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))

    # -- charts ------------------------------------------------------------------------------

    def _clear_charts(self) -> None:
        for widget in self.chart_widgets.values():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.chart_widgets = {}
        self._chart_inputs = {}

    def _prepared(self, report: Report) -> OverviewData:
        if self._data is None or self._data.report is not report:
            self._data = prepare_overview(report, self._earned)
        return self._data

    def _show_charts(self, report: Report) -> None:
        """Build the charts whose inputs changed since the last report (a new session leaves
        the readiness and mock-test charts as they are, for example); keep the others."""
        data = self._prepared(report)
        pal = self.palette()
        plan = report.plan
        today = report.as_of - dt.timedelta(days=1)
        last_mock_day = max(today, plan.start)
        charts_by_name: dict[str, tuple[object, Callable[[], QWidget]]] = {
            "readiness": (
                (report.readiness_exam_day.domains, plan.pass_mark),
                lambda: charts.readiness_chart(
                    report.readiness_exam_day.domains,
                    plan.pass_mark,
                    title=self.tr("Readiness per domain on exam day"),
                    palette=pal,
                ),
            ),
            "burnup": (data.burnup, lambda: burnup_view(data, pal)),
            "weekly": (data.weekly, lambda: charts.weekly_chart(data.weekly, palette=pal)),
            "mocks": (
                (report.mocks, plan.pass_mark, plan.start, last_mock_day),
                lambda: charts.mock_chart(
                    report.mocks, plan.pass_mark, palette=pal, first=plan.start, last=last_mock_day
                ),
            ),
            "heatmap": (
                (report.daily_minutes, data.heatmap_first, data.heatmap_last, today, plan.exam),
                lambda: charts.heatmap_chart(
                    report.daily_minutes,
                    data.heatmap_first,
                    data.heatmap_last,
                    today=today,
                    exam=plan.exam,
                    palette=pal,
                ),
            ),
        }

        def update_heatmap(widget: QWidget) -> bool:
            if not isinstance(widget, charts.CalendarHeatmap):
                return False
            widget.set_data(
                report.daily_minutes,
                data.heatmap_first,
                data.heatmap_last,
                today=today,
                exam=plan.exam,
            )
            return True

        # Charts that can take new data in place (no new widget to lay out: issue #7 (d)).
        updaters: dict[str, Callable[[QWidget], bool]] = {"heatmap": update_heatmap}
        for name, (inputs, build) in charts_by_name.items():
            old = self.chart_widgets.get(name)
            if old is not None and self._chart_inputs.get(name) == inputs:
                continue
            update = updaters.get(name)
            if old is not None and update is not None and update(old):
                self._chart_inputs[name] = inputs
                continue
            widget = build()
            if old is not None:
                self.grid.removeWidget(old)
                old.deleteLater()
            self.grid.addWidget(widget, *CHART_CELLS[name])
            self.chart_widgets[name] = widget
            self._chart_inputs[name] = inputs
        for before, after in itertools.pairwise(self.chart_widgets[n] for n in CHART_CELLS):
            QWidget.setTabOrder(before, after)  # reading order, whichever charts were rebuilt

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.report is not None:
            self._clear_charts()  # every chart takes its colours from the palette
            self._show_charts(self.report)
