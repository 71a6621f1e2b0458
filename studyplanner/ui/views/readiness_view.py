"""The Readiness page: per exam domain and per topic (module), today or on exam day."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.readiness import DomainReadiness, Readiness
from studyplanner.services import ModuleReport, Report, StudyPlanner
from studyplanner.ui import charts
from studyplanner.ui.base import View
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP
from studyplanner.ui.views.overview import (
    THIN_EVIDENCE,
    evidence_notice,
    format_p_pass,
    format_pct,
)

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

DomainRole = Qt.ItemDataRole.UserRole + 1
"""Custom role: the whole DomainReadiness (or ModuleReport) behind a row."""


class When(enum.Enum):
    EXAM_DAY = "exam day"
    TODAY = "today"


class DomainColumn(enum.IntEnum):
    DOMAIN = 0
    WEIGHT = enum.auto()
    MEAN = enum.auto()
    INTERVAL = enum.auto()
    EVIDENCE = enum.auto()
    COVERAGE = enum.auto()
    RETENTION = enum.auto()


_DOMAIN_HEADERS = {
    DomainColumn.DOMAIN: (
        QT_TRANSLATE_NOOP("ReadinessView", "Exam domain"),
        QT_TRANSLATE_NOOP("ReadinessView", "The exam's scored domain"),
    ),
    DomainColumn.WEIGHT: (
        QT_TRANSLATE_NOOP("ReadinessView", "Weight"),
        QT_TRANSLATE_NOOP("ReadinessView", "Share of the exam's questions"),
    ),
    DomainColumn.MEAN: (
        QT_TRANSLATE_NOOP("ReadinessView", "Readiness"),
        QT_TRANSLATE_NOOP(
            "ReadinessView", "Expected share of this domain's questions you get right"
        ),
    ),
    DomainColumn.INTERVAL: (
        QT_TRANSLATE_NOOP("ReadinessView", "90 % interval"),
        QT_TRANSLATE_NOOP("ReadinessView", "There is a 90 % chance the truth lies in here"),
    ),
    DomainColumn.EVIDENCE: (
        QT_TRANSLATE_NOOP("ReadinessView", "Evidence"),
        QT_TRANSLATE_NOOP(
            "ReadinessView",
            "Mock-test questions (q) on this domain,"
            " recent ones counting more (questions-equivalent)",
        ),
    ),
    DomainColumn.COVERAGE: (
        QT_TRANSLATE_NOOP("ReadinessView", "Coverage"),
        QT_TRANSLATE_NOOP("ReadinessView", "Planned content of this domain that you have studied"),
    ),
    DomainColumn.RETENTION: (
        QT_TRANSLATE_NOOP("ReadinessView", "Retention"),
        QT_TRANSLATE_NOOP(
            "ReadinessView",
            "How much is kept since the last contact with the domain (forgetting curve)",
        ),
    ),
}


class DomainTableModel(QAbstractTableModel):
    """One row per exam domain of a :class:`Readiness`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DomainReadiness] = []
        self.at: dt.date | None = None

    def set_domains(self, domains: Sequence[DomainReadiness], at: dt.date | None = None) -> None:
        """Show *domains* as evaluated at the date *at* (for "days since last contact")."""
        self.beginResetModel()
        self._rows = list(domains)
        self.at = at
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(DomainColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d = self._rows[index.row()]
        column = DomainColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                DomainColumn.DOMAIN: d.name,
                DomainColumn.WEIGHT: format_pct(d.weight),
                DomainColumn.MEAN: format_pct(d.mean),
                DomainColumn.INTERVAL: interval_text(d.lo90, d.hi90),
                DomainColumn.EVIDENCE: f"{d.n_eff:.1f} q",
                DomainColumn.COVERAGE: format_pct(d.coverage),
                DomainColumn.RETENTION: retention_text(d.retrievability, d.last_contact, self.at),
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not DomainColumn.DOMAIN:
            return _RIGHT
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column is DomainColumn.EVIDENCE
            and d.n_eff < THIN_EVIDENCE
        ):
            return self.tr("Under 20 questions-equivalent: mostly an estimate from plan progress")
        if role == DomainRole:
            return d
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(DomainColumn):
            return None
        text, tip = _DOMAIN_HEADERS[DomainColumn(section)]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReadinessView", text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("ReadinessView", tip)
        return None


class TopicColumn(enum.IntEnum):
    POSITION = 0
    MODULE = enum.auto()
    PROGRESS = enum.auto()
    HOURS = enum.auto()
    MEAN = enum.auto()
    INTERVAL = enum.auto()
    EVIDENCE = enum.auto()
    RETENTION = enum.auto()


_TOPIC_HEADERS = {
    TopicColumn.POSITION: ("#", QT_TRANSLATE_NOOP("ReadinessView", "Position in the plan")),
    TopicColumn.MODULE: (
        QT_TRANSLATE_NOOP("ReadinessView", "Topic (module)"),
        QT_TRANSLATE_NOOP("ReadinessView", "The plan's module"),
    ),
    TopicColumn.PROGRESS: (
        QT_TRANSLATE_NOOP("ReadinessView", "Progress"),
        QT_TRANSLATE_NOOP("ReadinessView", "Share of the module done"),
    ),
    TopicColumn.HOURS: (
        QT_TRANSLATE_NOOP("ReadinessView", "Hours"),
        QT_TRANSLATE_NOOP("ReadinessView", "Hours studied of the planned hours"),
    ),
    TopicColumn.MEAN: (
        QT_TRANSLATE_NOOP("ReadinessView", "Readiness"),
        QT_TRANSLATE_NOOP("ReadinessView", "Expected share right on this topic's questions"),
    ),
    TopicColumn.INTERVAL: (
        QT_TRANSLATE_NOOP("ReadinessView", "90 % interval"),
        QT_TRANSLATE_NOOP("ReadinessView", "There is a 90 % chance the truth lies in here"),
    ),
    TopicColumn.EVIDENCE: (
        QT_TRANSLATE_NOOP("ReadinessView", "Evidence"),
        QT_TRANSLATE_NOOP("ReadinessView", "Topic-quiz questions (q), recent ones counting more"),
    ),
    TopicColumn.RETENTION: (
        QT_TRANSLATE_NOOP("ReadinessView", "Retention"),
        QT_TRANSLATE_NOOP("ReadinessView", "How much is kept since the last study of the topic"),
    ),
}


class TopicTableModel(QAbstractTableModel):
    """One row per module of the plan, with its topic readiness today or on exam day."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ModuleReport] = []
        self._when = When.EXAM_DAY

    def set_modules(self, modules: Sequence[ModuleReport], when: When) -> None:
        self.beginResetModel()
        self._rows = list(modules)
        self._when = when
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(TopicColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        t = m.topic_exam_day if self._when is When.EXAM_DAY else m.topic_today
        column = TopicColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                TopicColumn.POSITION: str(m.module.position),
                TopicColumn.MODULE: m.module.name,
                TopicColumn.PROGRESS: format_pct(m.status.pct_complete),
                TopicColumn.HOURS: f"{m.status.actual_hours:.1f} of {m.status.effort_hours:.1f}",
                TopicColumn.MEAN: format_pct(t.mean),
                TopicColumn.INTERVAL: interval_text(t.lo90, t.hi90),
                TopicColumn.EVIDENCE: f"{t.n_eff:.1f} q",
                TopicColumn.RETENTION: format_pct(t.retrievability),
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not TopicColumn.MODULE:
            return _RIGHT
        if role == DomainRole:
            return m
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(TopicColumn):
            return None
        text, tip = _TOPIC_HEADERS[TopicColumn(section)]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReadinessView", text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("ReadinessView", tip)
        return None


def interval_text(lo: float, hi: float) -> str:
    return f"{100 * lo:.0f}–{100 * hi:.0f} %"


def retention_text(retention: float, last_contact: dt.date | None, at: dt.date | None) -> str:
    """Retention with the age of the last contact, e.g. ``92 % (12 d ago)``."""
    if last_contact is None:
        return QCoreApplication.translate("ReadinessView", "{0} (never studied)").format(
            format_pct(retention)
        )
    if at is None:
        return format_pct(retention)
    return QCoreApplication.translate("ReadinessView", "{0} ({1} d ago)").format(
        format_pct(retention), max(0, (at - last_contact).days)
    )


def _table(model: QAbstractTableModel, name: str, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _captioned(title: str, table: QTableView) -> QWidget:
    box = QWidget()
    box_layout = QVBoxLayout(box)
    box_layout.setContentsMargins(0, 4, 0, 0)
    caption = QLabel(title)
    caption.setTextFormat(Qt.TextFormat.PlainText)
    bold = caption.font()
    bold.setBold(True)
    caption.setFont(bold)
    caption.setBuddy(table)
    box_layout.addWidget(caption)
    box_layout.addWidget(table)
    return box


class ReadinessView(View):
    """Readiness per domain and per topic; a switch between today and exam day (if you stopped
    studying now), and a notice while mock-test evidence is thin."""

    def __init__(
        self, planner: StudyPlanner, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(planner, undo_stack, parent)
        self.report: Report | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        empty = QLabel(self.tr("There is no plan yet. Create one with File → New plan (Ctrl+N)."))
        empty.setTextFormat(Qt.TextFormat.PlainText)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setAccessibleName(self.tr("No plan"))
        self.pages.addWidget(empty)

        content = QWidget()
        self.pages.addWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 8, 10, 8)

        switch = QHBoxLayout()
        label = QLabel(self.tr("Show readiness:"))
        label.setTextFormat(Qt.TextFormat.PlainText)
        switch.addWidget(label)
        self.exam_day_radio = QRadioButton(self.tr("On &exam day, if you stop studying now"))
        self.exam_day_radio.setAccessibleName(
            self.tr("Readiness on exam day if you stop studying now")
        )
        self.today_radio = QRadioButton(self.tr("&Today"))
        self.today_radio.setAccessibleName(self.tr("Readiness today"))
        self.exam_day_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.exam_day_radio)
        group.addButton(self.today_radio)
        switch.addWidget(self.exam_day_radio)
        switch.addWidget(self.today_radio)
        switch.addStretch(1)
        layout.addLayout(switch)

        self.headline = QLabel("")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Readiness summary"))
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)

        self.notice = QLabel("")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setAccessibleName(self.tr("Evidence notice"))
        self.notice.setContentsMargins(6, 4, 6, 4)
        self.notice.hide()
        layout.addWidget(self.notice)

        self.domain_model = DomainTableModel(self)
        self.topic_model = TopicTableModel(self)
        self.domain_table = _table(self.domain_model, self.tr("Readiness per exam domain"), 0)
        self.domain_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.domain_table.horizontalHeader().setStretchLastSection(True)
        self.topic_table = _table(self.topic_model, self.tr("Readiness per topic"), 1)
        self.chart: QWidget | None = None
        top = QWidget()
        self.top_layout = QHBoxLayout(top)
        self.top_layout.setContentsMargins(0, 0, 0, 0)
        self.top_layout.addWidget(
            _captioned(self.tr("Per exam domain (these decide P(pass))"), self.domain_table), 2
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(_captioned(self.tr("Per topic (module of the plan)"), self.topic_table))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.exam_day_radio.toggled.connect(self._refresh)

    @property
    def when(self) -> When:
        return When.EXAM_DAY if self.exam_day_radio.isChecked() else When.TODAY

    def set_when(self, when: When) -> None:
        (self.exam_day_radio if when is When.EXAM_DAY else self.today_radio).setChecked(True)

    def set_report(self, report: Report | None) -> None:
        self.report = report
        self.pages.setCurrentIndex(0 if report is None else 1)
        self._refresh()

    def readiness(self) -> Readiness | None:
        if self.report is None:
            return None
        if self.when is When.EXAM_DAY:
            return self.report.readiness_exam_day
        return self.report.readiness_today

    def _refresh(self) -> None:
        report = self.report
        readiness = self.readiness()
        if report is None or readiness is None:
            self.domain_model.set_domains([])
            self.topic_model.set_modules([], self.when)
            return
        if self.when is When.EXAM_DAY:
            when = self.tr("on exam day ({0:%a %d %b %Y}) if you stop studying now").format(
                report.plan.exam
            )
        else:
            when = self.tr("today ({0:%a %d %b %Y})").format(report.as_of - dt.timedelta(days=1))
        self.headline.setText(
            self.tr(
                "P(pass) {0}: {1}.\nExpected score {2} (90 %: {3} to {4}); pass mark {5}."
            ).format(
                when,
                format_p_pass(readiness.p_pass),
                format_pct(readiness.expected_score),
                format_pct(readiness.expected_score_lo90),
                format_pct(readiness.expected_score_hi90),
                format_pct(report.plan.pass_mark),
            )
        )
        text = evidence_notice(readiness)
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.domain_model.set_domains(readiness.domains, readiness.at)
        self.topic_model.set_modules(report.modules, self.when)
        self._show_chart(report, readiness)

    def _show_chart(self, report: Report, readiness: Readiness) -> None:
        if self.chart is not None:
            self.top_layout.removeWidget(self.chart)
            self.chart.deleteLater()
        title = "Readiness per domain " + ("on exam day" if self.when is When.EXAM_DAY else "today")
        self.chart = charts.readiness_chart(
            readiness.domains, report.plan.pass_mark, title=title, palette=self.palette()
        )
        self.top_layout.addWidget(self.chart, 1)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.report is not None:
            self._refresh()
