"""Table model of study sessions, and the periods the Log page filters them by."""

from __future__ import annotations

import datetime as dt
import enum
import html
from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from studyplanner.domain.records import SessionInfo
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

SessionRole = Qt.ItemDataRole.UserRole + 1  # the whole SessionInfo
SortRole = Qt.ItemDataRole.UserRole + 2  # a value that sorts the column correctly


class Column(enum.IntEnum):
    DATE = 0
    START = enum.auto()
    MODULE = enum.auto()
    MINUTES = enum.auto()
    SOURCE = enum.auto()
    NOTE = enum.auto()


_HEADERS = {
    Column.DATE: QT_TRANSLATE_NOOP("SessionsTableModel", "Date"),
    Column.START: QT_TRANSLATE_NOOP("SessionsTableModel", "Start"),
    Column.MODULE: QT_TRANSLATE_NOOP("SessionsTableModel", "Module"),
    Column.MINUTES: QT_TRANSLATE_NOOP("SessionsTableModel", "Minutes"),
    Column.SOURCE: QT_TRANSLATE_NOOP("SessionsTableModel", "Source"),
    Column.NOTE: QT_TRANSLATE_NOOP("SessionsTableModel", "Note"),
}

_SOURCES = {
    "timer": QT_TRANSLATE_NOOP("SessionsTableModel", "Timer"),
    "manual": QT_TRANSLATE_NOOP("SessionsTableModel", "Manual"),
    "import": QT_TRANSLATE_NOOP("SessionsTableModel", "Import"),
}


class Period(enum.Enum):
    """The periods of the Log page's period filter."""

    THIS_WEEK = QT_TRANSLATE_NOOP("Period", "This week")
    PLAN_WEEK = QT_TRANSLATE_NOOP("Period", "This plan week")
    LAST_30_DAYS = QT_TRANSLATE_NOOP("Period", "Last 30 days")
    ALL = QT_TRANSLATE_NOOP("Period", "All")

    def label(self) -> str:
        """The period's name in the user's language (the value is the English source)."""
        return QCoreApplication.translate("Period", self.value)


def period_range(
    period: Period, today: dt.date, plan_start: dt.date
) -> tuple[dt.date | None, dt.date | None]:
    """First and last local date (inclusive) of *period*; ``None`` means open-ended.

    "This week" runs Monday to Sunday; "this plan week" is the 7-day week of the plan that holds
    *today* (week 1 before the plan has started).
    """
    if period is Period.THIS_WEEK:
        monday = today - dt.timedelta(days=today.weekday())
        return monday, monday + dt.timedelta(days=6)
    if period is Period.PLAN_WEEK:
        week = max(0, (today - plan_start).days // 7)
        first = plan_start + dt.timedelta(days=7 * week)
        return first, first + dt.timedelta(days=6)
    if period is Period.LAST_30_DAYS:
        return today - dt.timedelta(days=29), today
    return None, None


def local_start(session: SessionInfo) -> dt.datetime:
    """The session's start in the zone it was logged in (UTC if that zone is unknown here)."""
    try:
        zone = ZoneInfo(session.zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return session.started_at.astimezone(zone)


def one_line(text: str) -> str:
    """User text squeezed onto one table line."""
    return " ".join(text.split())


def plain_tooltip(text: str) -> str:
    """A tooltip that shows *text* literally: tooltips render rich text, so escape it."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class SessionsTableModel(QAbstractTableModel):
    """Sessions as rows, in the order given (the services give them newest first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionInfo] = []

    def set_sessions(self, sessions: Sequence[SessionInfo]) -> None:
        """Replace all rows (a plan has a few hundred sessions at most)."""
        self.beginResetModel()
        self._rows = list(sessions)
        self.endResetModel()

    def session_at(self, row: int) -> SessionInfo:
        return self._rows[row]

    def row_of(self, uuid: str) -> int | None:
        for row, session in enumerate(self._rows):
            if session.uuid == uuid:
                return row
        return None

    def total_minutes(self) -> int:
        return sum(s.minutes for s in self._rows)

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        session = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(session, column)
        if role == SortRole:
            return self._sort_key(session, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.NOTE and session.note:
            return plain_tooltip(session.note)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.MINUTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SessionRole:
            return session
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return QCoreApplication.translate("SessionsTableModel", _HEADERS[Column(section)])
        return None

    @staticmethod
    def _display(session: SessionInfo, column: Column) -> str:
        if column is Column.DATE:
            return session.local_date.isoformat()
        if column is Column.START:
            return f"{local_start(session):%H:%M}"
        if column is Column.MODULE:
            return session.module_name
        if column is Column.MINUTES:
            return str(session.minutes)
        if column is Column.SOURCE:
            return QCoreApplication.translate(
                "SessionsTableModel", _SOURCES.get(session.source, session.source)
            )
        return one_line(session.note)

    @staticmethod
    def _sort_key(session: SessionInfo, column: Column) -> object:
        if column in (Column.DATE, Column.START):
            return session.started_at.isoformat()
        if column is Column.MINUTES:
            return session.minutes
        return SessionsTableModel._display(session, column).casefold()
