"""Table model of the plan's modules: what was planned, what was done, how far each slipped."""

from __future__ import annotations

import dataclasses
import enum
import math
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from studyplanner.domain.model import ModuleKind
from studyplanner.domain.records import ModuleInfo
from studyplanner.domain.schedule import ModuleSchedule
from studyplanner.services import Report
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP
from studyplanner.ui.widgets.fields import format_number

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

ModuleRole = Qt.ItemDataRole.UserRole + 1  # the row's ModuleInfo
SlipRole = Qt.ItemDataRole.UserRole + 2  # the row's Slip

ON_TIME_DAYS = 0.5  # a slip up to half a day shows as on time (it rounds to 0)
LATE_DAYS = 7.0  # more than a week behind is late; in between, slightly late


class Column(enum.IntEnum):
    POSITION = 0
    NAME = enum.auto()
    KIND = enum.auto()
    EFFORT = enum.auto()
    WEEKS = enum.auto()
    PLANNED_START = enum.auto()
    PLANNED_FINISH = enum.auto()
    PROGRESS = enum.auto()
    ACTUAL = enum.auto()
    SLIP = enum.auto()
    PROJECTED = enum.auto()


HEADERS = {
    Column.POSITION: "#",
    Column.NAME: QT_TRANSLATE_NOOP("PlanTableModel", "Module"),
    Column.KIND: QT_TRANSLATE_NOOP("PlanTableModel", "Kind"),
    Column.EFFORT: QT_TRANSLATE_NOOP("PlanTableModel", "Effort (h)"),
    Column.WEEKS: QT_TRANSLATE_NOOP("PlanTableModel", "Weeks"),
    Column.PLANNED_START: QT_TRANSLATE_NOOP("PlanTableModel", "Planned start"),
    Column.PLANNED_FINISH: QT_TRANSLATE_NOOP("PlanTableModel", "Planned finish"),
    Column.PROGRESS: QT_TRANSLATE_NOOP("PlanTableModel", "Progress (%)"),
    Column.ACTUAL: QT_TRANSLATE_NOOP("PlanTableModel", "Actual (h)"),
    Column.SLIP: QT_TRANSLATE_NOOP("PlanTableModel", "Slip (days)"),
    Column.PROJECTED: QT_TRANSLATE_NOOP("PlanTableModel", "Projected finish"),
}

KIND_LABELS = {
    ModuleKind.VIDEO: QT_TRANSLATE_NOOP("PlanTableModel", "Video"),
    ModuleKind.PROJECT: QT_TRANSLATE_NOOP("PlanTableModel", "Project"),
    ModuleKind.PRACTICE: QT_TRANSLATE_NOOP("PlanTableModel", "Practice papers"),
    ModuleKind.READING: QT_TRANSLATE_NOOP("PlanTableModel", "Reading"),
}


def kind_label(kind: ModuleKind) -> str:
    """The name of a module kind in the user's language."""
    return QCoreApplication.translate("PlanTableModel", KIND_LABELS[kind])


_NUMERIC = {
    Column.POSITION,
    Column.EFFORT,
    Column.WEEKS,
    Column.PROGRESS,
    Column.ACTUAL,
    Column.SLIP,
}


class Slip(enum.Enum):
    ON_TIME = "on time"
    SLIGHTLY_LATE = "slightly late"
    LATE = "late"


def classify_slip(slip_days: float) -> Slip:
    """On time, slightly late (up to a week) or late; an undefined slip counts as on time."""
    if not math.isfinite(slip_days) or slip_days <= ON_TIME_DAYS:
        return Slip.ON_TIME
    return Slip.SLIGHTLY_LATE if slip_days <= LATE_DAYS else Slip.LATE


def describe_slip(slip_days: float) -> str:
    if not math.isfinite(slip_days):
        return QCoreApplication.translate("PlanTableModel", "no slip can be computed")
    if abs(slip_days) <= ON_TIME_DAYS:
        return QCoreApplication.translate("PlanTableModel", "on time")
    days = format_number(abs(slip_days), 1)
    if slip_days < 0:
        return QCoreApplication.translate("PlanTableModel", "{0} days ahead").format(days)
    return QCoreApplication.translate("PlanTableModel", "{0} days late").format(days)


@dataclasses.dataclass(frozen=True, slots=True)
class PlanRow:
    """One module as the Plan page shows it."""

    module: ModuleInfo
    schedule: ModuleSchedule
    percent_complete: float  # 0..100
    actual_hours: float

    @property
    def delay_days(self) -> int | None:
        """Days from the planned to the projected finish (None: no projection)."""
        finish = self.schedule.projected_finish
        return None if finish is None else (finish - self.schedule.planned_finish).days

    @property
    def slip(self) -> Slip:
        """How late the module is, or is projected to be: a module not yet due can already be
        projected to finish late (ANALYTICS.md 4.6, slip vs plan)."""
        delay = self.delay_days
        worst = self.schedule.slip_days if delay is None else max(self.schedule.slip_days, delay)
        return classify_slip(worst)

    def describe(self) -> str:
        """The slip and the projection in words (tooltips, screen readers)."""
        slip = describe_slip(self.schedule.slip_days)
        delay = self.delay_days
        if delay is None:
            return QCoreApplication.translate(
                "PlanTableModel", "slip: {0}; no projected finish yet"
            ).format(slip)
        if delay > 0:
            return QCoreApplication.translate(
                "PlanTableModel", "slip: {0}; projected to finish {1} days after the planned finish"
            ).format(slip, delay)
        return QCoreApplication.translate(
            "PlanTableModel", "slip: {0}; projected to finish on time"
        ).format(slip)


def rows_from_report(report: Report) -> list[PlanRow]:
    schedules = {m.position: m for m in report.schedule.modules}
    return [
        PlanRow(
            module=m.module,
            schedule=schedules[m.module.position],
            percent_complete=100.0 * m.status.pct_complete,
            actual_hours=m.status.actual_hours,
        )
        for m in report.modules
    ]


class PlanTableModel(QAbstractTableModel):
    """Read-only rows; edits go through dialogs and undo commands, then a new report."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = []

    def set_rows(self, rows: Sequence[PlanRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[PlanRow]:
        return list(self._rows)

    def row_of_module(self, module_id: int) -> int:
        """The row showing *module_id*, or -1."""
        for row, item in enumerate(self._rows):
            if item.module.id == module_id:
                return row
        return -1

    # -- QAbstractTableModel interface -------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.SLIP, Column.PROJECTED):
            return item.describe()
        if role == ModuleRole:
            return item.module
        if role == SlipRole:
            return item.slip
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return QCoreApplication.translate("PlanTableModel", HEADERS[Column(section)])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


def _display(item: PlanRow, column: Column) -> str:
    module, schedule = item.module, item.schedule
    match column:
        case Column.POSITION:
            return str(module.position)
        case Column.NAME:
            return module.name
        case Column.KIND:
            return kind_label(module.kind)
        case Column.EFFORT:
            return f"{module.effort_hours:.1f}"
        case Column.WEEKS:
            return format_number(module.weeks, 2)
        case Column.PLANNED_START:
            return schedule.planned_start.isoformat()
        case Column.PLANNED_FINISH:
            return schedule.planned_finish.isoformat()
        case Column.PROGRESS:
            return f"{item.percent_complete:.0f}"
        case Column.ACTUAL:
            return f"{item.actual_hours:.1f}"
        case Column.SLIP:
            if not math.isfinite(schedule.slip_days):
                return "–"
            text = f"{schedule.slip_days:.1f}"
            return "0.0" if text == "-0.0" else text
        case Column.PROJECTED:
            return (
                "–" if schedule.projected_finish is None else schedule.projected_finish.isoformat()
            )
