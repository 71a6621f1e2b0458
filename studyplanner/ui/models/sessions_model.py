"""Table model of study sessions, and the periods the Log page filters them by."""

from __future__ import annotations

import datetime as dt
import enum
import html
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication

from studyplanner.domain.records import SessionInfo
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP
from studyplanner.ui.models.records_model import RecordRole, RecordsTableModel
from studyplanner.ui.models.records_model import SortRole as SortRole

SessionRole = RecordRole  # the whole SessionInfo


class Column(enum.IntEnum):
    DATE = 0
    START = enum.auto()
    MODULE = enum.auto()
    MINUTES = enum.auto()
    SOURCE = enum.auto()
    NOTE = enum.auto()


_HEADERS: dict[int, str] = {
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


class SessionsTableModel(RecordsTableModel[SessionInfo, Column]):
    """Sessions as rows, in the order given (the services give them newest first)."""

    COLUMNS = Column
    HEADERS = _HEADERS
    CONTEXT = "SessionsTableModel"
    RIGHT_ALIGNED = frozenset({Column.MINUTES})

    def total_minutes(self) -> int:
        return sum(s.minutes for s in self._rows)

    def display(self, record: SessionInfo, column: Column) -> str:
        if column is Column.DATE:
            return record.local_date.isoformat()
        if column is Column.START:
            return f"{local_start(record):%H:%M}"
        if column is Column.MODULE:
            return record.module_name
        if column is Column.MINUTES:
            return str(record.minutes)
        if column is Column.SOURCE:
            return QCoreApplication.translate(
                "SessionsTableModel", _SOURCES.get(record.source, record.source)
            )
        return one_line(record.note)

    def sort_key(self, record: SessionInfo, column: Column) -> object:
        if column in (Column.DATE, Column.START):
            return record.started_at.isoformat()
        if column is Column.MINUTES:
            return record.minutes
        return super().sort_key(record, column)

    def tooltip(self, record: SessionInfo, column: Column) -> str | None:
        return plain_tooltip(record.note) if column is Column.NOTE and record.note else None
