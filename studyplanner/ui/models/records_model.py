"""What the tables of logged records (study sessions, mock tests) share: one record per row, in
the order given, found again by its uuid; a display text, a sort key and an alignment per
column; translated headers."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QTableView

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

RecordRole = Qt.ItemDataRole.UserRole + 1  # the whole record of the row
SortRole = Qt.ItemDataRole.UserRole + 2  # a value that sorts the column correctly


class _Record(Protocol):
    @property
    def uuid(self) -> str: ...


R = TypeVar("R", bound=_Record)
C = TypeVar("C", bound=enum.IntEnum)


class RecordsTableModel(QAbstractTableModel, Generic[R, C]):
    """Records as rows, in the order given.

    A subclass names its column enum (``COLUMNS``), the header of each column (``HEADERS``,
    marked with ``QT_TRANSLATE_NOOP`` in the context ``CONTEXT``) and the right-aligned columns,
    and says what a cell shows (:meth:`display`) and how its column sorts (:meth:`sort_key`).
    """

    COLUMNS: ClassVar[type[enum.IntEnum]]
    HEADERS: ClassVar[Mapping[int, str]]
    CONTEXT: ClassVar[str]
    RIGHT_ALIGNED: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> R:
        return self._rows[row]

    def records(self) -> list[R]:
        return list(self._rows)

    def row_of(self, uuid: str) -> int | None:
        for row, record in enumerate(self._rows):
            if record.uuid == uuid:
                return row
        return None

    def display(self, record: R, column: C) -> str:
        raise NotImplementedError

    def sort_key(self, record: R, column: C) -> object:
        """How *column* sorts (default: its text, case-insensitively)."""
        return self.display(record, column).casefold()

    def tooltip(self, record: R, column: C) -> str | None:
        return None

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        column: C = self.COLUMNS(index.column())  # type: ignore[assignment]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == SortRole:
            return self.sort_key(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT_ALIGNED:
            return RIGHT
        if role == RecordRole:
            return record
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return column_header(self.CONTEXT, self.HEADERS, section, orientation, role)


def column_header(
    context: str, headers: Mapping[int, str], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """``headerData`` of a table whose columns are titled by *headers* (source texts marked in
    *context*): the title in the user's language; nothing for rows or other roles."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and section in headers
    ):
        return QCoreApplication.translate(context, headers[section])
    return None


def selected_record(
    table: QTableView, proxy: QSortFilterProxyModel, model: RecordsTableModel[R, C]
) -> R | None:
    """The record of the first selected row of *table* (which shows *model* through *proxy*)."""
    selection = table.selectionModel()
    rows = selection.selectedRows() if selection is not None else []
    if not rows:
        return None
    return model.record_at(proxy.mapToSource(rows[0]).row())


def select_record(
    table: QTableView, proxy: QSortFilterProxyModel, model: RecordsTableModel[R, C], uuid: str
) -> bool:
    """Select and show the row of the record with *uuid*; False if it is not in *model*."""
    row = model.row_of(uuid)
    if row is None:
        return False
    index = proxy.mapFromSource(model.index(row, 0))
    table.selectRow(index.row())
    table.scrollTo(index)
    return True
