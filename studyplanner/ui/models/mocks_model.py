"""Table models of mock tests and of one test's per-domain counts (counts, never scaled scores)."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from studyplanner.domain.records import MockInfo
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

MockRole = Qt.ItemDataRole.UserRole + 1  # the whole MockInfo
SortRole = Qt.ItemDataRole.UserRole + 2  # a value that sorts the column correctly


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


_MOCK_HEADERS = {
    MockColumn.DATE: QT_TRANSLATE_NOOP("MocksTableModel", "Date"),
    MockColumn.NAME: QT_TRANSLATE_NOOP("MocksTableModel", "Name"),
    MockColumn.SCORE: QT_TRANSLATE_NOOP("MocksTableModel", "Score"),
    MockColumn.PERCENT: QT_TRANSLATE_NOOP("MocksTableModel", "Percent"),
    MockColumn.TOPIC: QT_TRANSLATE_NOOP("MocksTableModel", "Topic quiz on"),
}


class MocksTableModel(QAbstractTableModel):
    """Mock tests and topic quizzes, one per row, in the order given (oldest first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MockInfo] = []
        self._module_names: dict[int, str] = {}

    def set_mocks(self, mocks: Sequence[MockInfo], module_names: Mapping[int, str]) -> None:
        """Replace all rows; *module_names* names the modules that topic quizzes point at."""
        self.beginResetModel()
        self._rows = list(mocks)
        self._module_names = dict(module_names)
        self.endResetModel()

    def mock_at(self, row: int) -> MockInfo:
        return self._rows[row]

    def row_of(self, uuid: str) -> int | None:
        for row, mock in enumerate(self._rows):
            if mock.uuid == uuid:
                return row
        return None

    def topic_name(self, mock: MockInfo) -> str:
        if mock.topic_module_id is None:
            return ""
        return self._module_names.get(mock.topic_module_id, "(deleted module)")

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(MockColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        mock = self._rows[index.row()]
        column = MockColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(mock, column)
        if role == SortRole:
            if column is MockColumn.DATE:
                return mock.taken_on.isoformat()
            if column in (MockColumn.SCORE, MockColumn.PERCENT):
                return mock.correct / mock.total
            return self._display(mock, column).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            MockColumn.SCORE,
            MockColumn.PERCENT,
        ):
            return _RIGHT
        if role == MockRole:
            return mock
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(MockColumn)
        ):
            return QCoreApplication.translate("MocksTableModel", _MOCK_HEADERS[MockColumn(section)])
        return None

    def _display(self, mock: MockInfo, column: MockColumn) -> str:
        if column is MockColumn.DATE:
            return mock.taken_on.isoformat()
        if column is MockColumn.NAME:
            return mock.name
        if column is MockColumn.SCORE:
            return counts_text(mock.correct, mock.total)
        if column is MockColumn.PERCENT:
            return percent_text(mock.correct, mock.total)
        return self.topic_name(mock)


class DomainColumn(enum.IntEnum):
    DOMAIN = 0
    SCORE = enum.auto()
    PERCENT = enum.auto()


_DOMAIN_HEADERS = {
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

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(DomainColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
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
            return _RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(DomainColumn)
        ):
            return QCoreApplication.translate(
                "MocksTableModel", _DOMAIN_HEADERS[DomainColumn(section)]
            )
        return None
