"""The plan timeline: per module the planned bar and, below it, the actual/projected bar.

The lower bar runs from the planned start to the projected finish; the part already done is solid,
the rest is lighter.  Its colour says how far the module slipped (on time, slightly late, late; late
bars are also hatched, so the colour is not the only cue).  A dashed line marks today and a solid
one the exam.  The table above the timeline carries the same numbers as text (ECOSYSTEM.md B10).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from studyplanner.ui.models.plan_model import PlanRow, Slip

_BAR = 9  # height of one bar in pixels
_GAP = 3  # between the planned and the actual bar
_PAD = 6
_LIGHT = {Slip.ON_TIME: "#2e7d32", Slip.SLIGHTLY_LATE: "#b26a00", Slip.LATE: "#c62828"}
_DARK = {Slip.ON_TIME: "#66bb6a", Slip.SLIGHTLY_LATE: "#ffb74d", Slip.LATE: "#ef5350"}
_EXAM_LIGHT, _EXAM_DARK = "#6a1b9a", "#ce93d8"
_OVERFLOW_WEEKS = 8  # projected bars further than this past the exam or plan end are cut off


@dataclasses.dataclass(frozen=True, slots=True)
class _Layout:
    label_width: int
    left: int
    right: int
    axis_height: int
    row_height: int
    first: dt.date
    last: dt.date  # exclusive

    def x(self, day: dt.date) -> float:
        span = max(1, (self.last - self.first).days)
        return self.left + (day - self.first).days / span * (self.right - self.left)


class TimelineWidget(QWidget):
    """Custom-painted Gantt-style timeline of the plan's modules."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = []
        self._start = dt.date.today()
        self._exam = self._start
        self._today = self._start
        self.setAccessibleName(self.tr("Plan timeline"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_rows(
        self, rows: Sequence[PlanRow], *, start: dt.date, exam: dt.date, today: dt.date
    ) -> None:
        self._rows = list(rows)
        self._start, self._exam, self._today = start, exam, today
        late = sum(1 for r in self._rows if r.slip is not Slip.ON_TIME)
        end = max((r.schedule.planned_finish for r in self._rows), default=start)
        self.setAccessibleDescription(
            self.tr(
                "{0} modules planned from {1} to {2}; exam on {3}; today is {4};"
                " {5} modules behind plan"
            ).format(
                len(self._rows),
                start.isoformat(),
                end.isoformat(),
                exam.isoformat(),
                today.isoformat(),
                late,
            )
        )
        self.updateGeometry()
        self.update()

    # -- geometry ----------------------------------------------------------------------------

    def _row_height(self) -> int:
        return max(2 * _BAR + _GAP + 2 * _PAD, self.fontMetrics().height() + 2 * _PAD)

    def _axis_height(self) -> int:
        return 2 * self.fontMetrics().height() + _PAD

    def _legend_height(self) -> int:
        return self.fontMetrics().height() + 2 * _PAD

    def sizeHint(self) -> QSize:
        rows = max(1, len(self._rows))
        return QSize(
            720, self._axis_height() + rows * self._row_height() + self._legend_height() + _PAD
        )

    def minimumSizeHint(self) -> QSize:
        rows = max(1, min(3, len(self._rows)))
        return QSize(
            360, self._axis_height() + rows * self._row_height() + self._legend_height() + _PAD
        )

    def _layout(self) -> _Layout:
        label_width = min(220, max(120, self.width() // 4))
        planned_end = max((r.schedule.planned_finish for r in self._rows), default=self._start)
        first = min([self._start, self._today, *(r.schedule.planned_start for r in self._rows)])
        horizon = max(self._exam, planned_end) + dt.timedelta(weeks=_OVERFLOW_WEEKS)
        candidates = [self._exam, planned_end, self._today]
        candidates += [
            r.schedule.projected_finish for r in self._rows if r.schedule.projected_finish
        ]
        last = min(horizon, max(candidates)) + dt.timedelta(days=2)
        return _Layout(
            label_width=label_width,
            left=label_width + _PAD,
            right=self.width() - 2 * _PAD,
            axis_height=self._axis_height(),
            row_height=self._row_height(),
            first=first,
            last=last,
        )

    # -- painting ----------------------------------------------------------------------------

    def _colours(self) -> tuple[dict[Slip, QColor], QColor]:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        slips = {k: QColor(v) for k, v in (_DARK if dark else _LIGHT).items()}
        return slips, QColor(_EXAM_DARK if dark else _EXAM_LIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            palette = self.palette()
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            if not self._rows:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(
                    self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No modules in the plan yet")
                )
                return
            layout = self._layout()
            slip_colours, exam_colour = self._colours()
            self._paint_axis(painter, layout)
            for index, row in enumerate(self._rows):
                self._paint_row(painter, layout, index, row, slip_colours)
            self._paint_marker(
                painter,
                layout,
                self._today,
                self.tr("Today"),
                palette.color(QPalette.ColorRole.Highlight),
                Qt.PenStyle.DashLine,
                0,
            )
            self._paint_marker(
                painter, layout, self._exam, self.tr("Exam"), exam_colour, Qt.PenStyle.SolidLine, 1
            )
            self._paint_legend(painter, layout, slip_colours, exam_colour)
        finally:
            painter.end()

    def _paint_axis(self, painter: QPainter, layout: _Layout) -> None:
        palette = self.palette()
        metrics = QFontMetrics(self.font())
        text_colour = palette.color(QPalette.ColorRole.Text)
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        grid.setAlpha(110)
        bottom = layout.axis_height + len(self._rows) * layout.row_height
        label_width = metrics.horizontalAdvance("28 Mar 00") + _PAD
        week_width = max(1.0, layout.x(self._start + dt.timedelta(weeks=1)) - layout.x(self._start))
        step = 1
        while step * week_width < label_width:
            step += 1
        week = -((self._start - layout.first).days // 7 + 1)
        day = self._start + dt.timedelta(weeks=week)
        last_label_right = -1.0
        while day < layout.last:
            if day >= layout.first:
                x = layout.x(day)
                painter.setPen(QPen(grid, 1))
                painter.drawLine(int(x), layout.axis_height - 2, int(x), bottom)
                if week % step == 0 and x > last_label_right:
                    text = f"{day.day} {day:%b}"
                    painter.setPen(text_colour)
                    painter.drawText(int(x) + 2, metrics.ascent() + 1, text)
                    last_label_right = x + metrics.horizontalAdvance(text) + _PAD
            week += 1
            day += dt.timedelta(weeks=1)

    def _paint_row(
        self,
        painter: QPainter,
        layout: _Layout,
        index: int,
        row: PlanRow,
        slip_colours: dict[Slip, QColor],
    ) -> None:
        palette = self.palette()
        top = layout.axis_height + index * layout.row_height
        if index % 2:
            painter.fillRect(
                0,
                top,
                self.width(),
                layout.row_height,
                palette.color(QPalette.ColorRole.AlternateBase),
            )
        metrics = QFontMetrics(self.font())
        label = metrics.elidedText(
            f"{row.module.position}. {row.module.name}",
            Qt.TextElideMode.ElideRight,
            layout.label_width - _PAD,
        )
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(_PAD, top, layout.label_width - _PAD, layout.row_height),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            label,
        )
        bars_top = top + (layout.row_height - 2 * _BAR - _GAP) / 2
        schedule = row.schedule
        planned = self._bar_rect(layout, schedule.planned_start, schedule.planned_finish, bars_top)
        painter.fillRect(planned, palette.color(QPalette.ColorRole.Mid))

        colour = slip_colours[row.slip]
        actual_top = bars_top + _BAR + _GAP
        finish = schedule.projected_finish
        if finish is None:
            outline = self._bar_rect(
                layout, schedule.planned_start, schedule.planned_finish, actual_top
            )
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(outline.adjusted(0, 0, -1, -1))
            return
        whole = self._bar_rect(layout, schedule.planned_start, finish, actual_top)
        done = QRectF(whole)
        done.setWidth(whole.width() * max(0.0, min(1.0, row.percent_complete / 100.0)))
        light = QColor(colour)
        light.setAlpha(90)
        painter.fillRect(whole, light)
        painter.fillRect(done, colour)
        if row.slip is Slip.LATE:
            painter.fillRect(whole, QBrush(colour.darker(160), Qt.BrushStyle.BDiagPattern))
        if finish >= layout.last:
            self._paint_overflow(painter, whole, colour)

    def _bar_rect(self, layout: _Layout, first: dt.date, last: dt.date, top: float) -> QRectF:
        left = max(layout.left, layout.x(first))
        right = min(layout.right, layout.x(last + dt.timedelta(days=1)))
        return QRectF(left, top, max(2.0, right - left), _BAR)

    def _paint_overflow(self, painter: QPainter, bar: QRectF, colour: QColor) -> None:
        """A small arrow head at the right edge: the bar goes on beyond the visible range."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        x, y, h = bar.right(), bar.top(), bar.height()
        painter.drawPolygon(
            [
                QPoint(int(x), int(y - 2)),
                QPoint(int(x + _PAD), int(y + h / 2)),
                QPoint(int(x), int(y + h + 2)),
            ]
        )

    def _paint_marker(
        self,
        painter: QPainter,
        layout: _Layout,
        day: dt.date,
        text: str,
        colour: QColor,
        style: Qt.PenStyle,
        slot: int,
    ) -> None:
        if not layout.first <= day < layout.last:
            return
        metrics = QFontMetrics(self.font())
        x = int(layout.x(day))
        bottom = layout.axis_height + len(self._rows) * layout.row_height
        painter.setPen(QPen(colour, 2, style))
        painter.drawLine(x, metrics.height(), x, bottom)
        painter.setPen(colour)
        width = metrics.horizontalAdvance(text)
        label_x = x + 3 if slot == 0 else x - width - 3
        label_x = max(layout.left, min(label_x, layout.right - width))
        painter.drawText(label_x, metrics.height() + metrics.ascent(), text)

    def _paint_legend(
        self, painter: QPainter, layout: _Layout, slip_colours: dict[Slip, QColor], exam: QColor
    ) -> None:
        palette = self.palette()
        metrics = QFontMetrics(self.font())
        top = layout.axis_height + len(self._rows) * layout.row_height + _PAD
        x = _PAD
        # (text, colour, swatch): a bar (plain or hatched) or a marker line (dashed or solid)
        entries: list[tuple[str, QColor, str]] = [
            (self.tr("Planned"), palette.color(QPalette.ColorRole.Mid), "bar"),
            (self.tr("On time"), slip_colours[Slip.ON_TIME], "bar"),
            (self.tr("Slightly late"), slip_colours[Slip.SLIGHTLY_LATE], "bar"),
            (self.tr("Late"), slip_colours[Slip.LATE], "hatched"),
            (self.tr("Today"), palette.color(QPalette.ColorRole.Highlight), "dashed"),
            (self.tr("Exam"), exam, "solid"),
        ]
        text_colour = palette.color(QPalette.ColorRole.Text)
        for text, colour, swatch_kind in entries:
            swatch = QRectF(x, top + (metrics.height() - _BAR) / 2, 2 * _BAR, _BAR)
            if swatch_kind in ("dashed", "solid"):
                style = Qt.PenStyle.DashLine if swatch_kind == "dashed" else Qt.PenStyle.SolidLine
                painter.setPen(QPen(colour, 2, style))
                mid = int(swatch.center().y())
                painter.drawLine(int(swatch.left()), mid, int(swatch.right()), mid)
            else:
                painter.fillRect(swatch, colour)
                if swatch_kind == "hatched":
                    painter.fillRect(swatch, QBrush(colour.darker(160), Qt.BrushStyle.BDiagPattern))
            painter.setPen(text_colour)
            x += 2 * _BAR + 4
            painter.drawText(x, top + metrics.ascent(), text)
            x += metrics.horizontalAdvance(text) + 3 * _PAD

    # -- tooltips ----------------------------------------------------------------------------

    def row_at(self, y: int) -> int:
        """The row index painted at *y*, or -1."""
        if not self._rows:
            return -1
        offset = y - self._axis_height()
        index = offset // self._row_height() if offset >= 0 else -1
        return index if 0 <= index < len(self._rows) else -1

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.row_at(event.pos().y())
            if index < 0:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self._tooltip(self._rows[index]), self)
            return True
        return super().event(event)

    @staticmethod
    def _tooltip(row: PlanRow) -> str:
        """Rich text with every user-typed part escaped: the name shows literally (REL-SEC-06)."""
        s = row.schedule
        projected = (
            QCoreApplication.translate("TimelineWidget", "no forecast yet")
            if s.projected_finish is None
            else s.projected_finish.isoformat()
        )
        lines = [
            f"{row.module.position}. {row.module.name}",
            QCoreApplication.translate("TimelineWidget", "Planned {0} to {1}").format(
                s.planned_start.isoformat(), s.planned_finish.isoformat()
            ),
            QCoreApplication.translate(
                "TimelineWidget", "{0:.0f} % done, projected finish {1}"
            ).format(row.percent_complete, projected),
            row.describe()[:1].upper() + row.describe()[1:],
        ]
        return "<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>"
