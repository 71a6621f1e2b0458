"""Table models of mock tests and of one test's per-domain counts (counts, never scaled scores)."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)

from studyplanner.domain.records import MockInfo
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP
from studyplanner.ui.models.records_model import (
    RIGHT,
    Index,
    RecordRole,
    RecordsTableModel,
    column_header,
)
from studyplanner.ui.models.records_model import SortRole as SortRole

_ROOT = QModelIndex()

MockRole = RecordRole  # the whole MockInfo


def counts_text(correct: int, total: int) -> str:
    """``8/9``: how a score is shown everywhere."""
    return f"{correct}/{total}"


def percent_text(correct: int, total: int) -> str:
    """``88.9 %``: the plain proportion correct (never the exam's scaled 100-1000 score)."""
    return f"{100.0 * correct / total:.1f} %" if total else "–"


class MockColumn(enum.IntEnum):
    DATE = 0
    NAME = enum.auto()
    SCORE = enum.auto()
    PERCENT = enum.auto()
    TOPIC = enum.auto()


_MOCK_HEADERS: dict[int, str] = {
    MockColumn.DATE: QT_TRANSLATE_NOOP("MocksTableModel", "Date"),
    MockColumn.NAME: QT_TRANSLATE_NOOP("MocksTableModel", "Name"),
    MockColumn.SCORE: QT_TRANSLATE_NOOP("MocksTableModel", "Score"),
    MockColumn.PERCENT: QT_TRANSLATE_NOOP("MocksTableModel", "Percent"),
    MockColumn.TOPIC: QT_TRANSLATE_NOOP("MocksTableModel", "Topic quiz on"),
}


class MocksTableModel(RecordsTableModel[MockInfo, MockColumn]):
    """Mock tests and topic quizzes, one per row, in the order given (oldest first)."""

    COLUMNS = MockColumn
    HEADERS = _MOCK_HEADERS
    CONTEXT = "MocksTableModel"
    RIGHT_ALIGNED = frozenset({MockColumn.SCORE, MockColumn.PERCENT})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._module_names: dict[int, str] = {}

    def set_mocks(self, mocks: Sequence[MockInfo], module_names: Mapping[int, str]) -> None:
        """Replace all rows; *module_names* names the modules that topic quizzes point at."""
        self._module_names = dict(module_names)
        self.set_records(mocks)

    def topic_name(self, mock: MockInfo) -> str:
        if mock.topic_module_id is None:
            return ""
        return self._module_names.get(mock.topic_module_id, "(deleted module)")

    def display(self, record: MockInfo, column: MockColumn) -> str:
        if column is MockColumn.DATE:
            return record.taken_on.isoformat()
        if column is MockColumn.NAME:
            return record.name
        if column is MockColumn.SCORE:
            return counts_text(record.correct, record.total)
        if column is MockColumn.PERCENT:
            return percent_text(record.correct, record.total)
        return self.topic_name(record)

    def sort_key(self, record: MockInfo, column: MockColumn) -> object:
        if column is MockColumn.DATE:
            return record.taken_on.isoformat()
        if column in (MockColumn.SCORE, MockColumn.PERCENT):
            return record.correct / record.total
        return super().sort_key(record, column)


class DomainColumn(enum.IntEnum):
    DOMAIN = 0
    SCORE = enum.auto()
    PERCENT = enum.auto()


_DOMAIN_HEADERS: dict[int, str] = {
    DomainColumn.DOMAIN: QT_TRANSLATE_NOOP("MocksTableModel", "Domain"),
    DomainColumn.SCORE: QT_TRANSLATE_NOOP("MocksTableModel", "Correct"),
    DomainColumn.PERCENT: QT_TRANSLATE_NOOP("MocksTableModel", "Percent"),
}


class DomainScoresModel(QAbstractTableModel):
    """One test's per-domain counts: domain, ``8/9``, ``88.9 %``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, int]] = []

    def set_counts(self, counts: Mapping[str, tuple[int, int]], order: Sequence[str] = ()) -> None:
        """Show *counts*; domains named in *order* come first, in that order."""
        rank = {name: i for i, name in enumerate(order)}
        names = sorted(counts, key=lambda n: (rank.get(n, len(rank)), n))
        self.beginResetModel()
        self._rows = [(n, counts[n][0], counts[n][1]) for n in names]
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(DomainColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        name, correct, total = self._rows[index.row()]
        column = DomainColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is DomainColumn.DOMAIN:
                return name
            if column is DomainColumn.SCORE:
                return counts_text(correct, total)
            return percent_text(correct, total)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not DomainColumn.DOMAIN:
            return RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return column_header("MocksTableModel", _DOMAIN_HEADERS, section, orientation, role)
