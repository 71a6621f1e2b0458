"""Editable module → exam-domain matrix (ANALYTICS.md 3.2): one row per module, one column per
domain of the plan's exam profile, and a read-only total.

A row is valid when every share lies in [0, 1] and the shares add up to 1 (within 0.001), or are
all 0 (the module maps to nothing).  Edits stay in the model until the page saves them; an invalid
row is highlighted and explained, and is never saved.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from studyplanner.domain.records import ModuleInfo
from studyplanner.ui.widgets.fields import InputError, format_number, parse_decimal

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

SUM_TOLERANCE = 0.001
_INVALID_BACKGROUND = QColor(229, 57, 53, 70)  # translucent red: readable on light and dark bases


def row_problem(shares: Sequence[float]) -> str | None:
    """Why a row of shares cannot be saved, or None."""
    if any(not math.isfinite(v) or v < 0 or v > 1 for v in shares):
        return QCoreApplication.translate("MatrixModel", "each share must be between 0 and 1")
    total = math.fsum(shares)
    if total != 0 and abs(total - 1) > SUM_TOLERANCE:
        return QCoreApplication.translate(
            "MatrixModel", "the shares add up to {0}; they must add up to 1, or all be 0"
        ).format(format_number(total, 3))
    return None


class MatrixModel(QAbstractTableModel):
    """Column 0 is the module, then one column per domain, then the row total."""

    refused = Signal(str)  # a cell edit that is not a number: the message for the user
    edited = Signal()  # a share changed (validity and dirtiness may have changed)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._modules: list[ModuleInfo] = []
        self._domains: list[str] = []
        self._saved: list[list[float]] = []
        self._values: list[list[float]] = []

    def set_matrix(self, modules: Sequence[ModuleInfo], domains: Sequence[str]) -> None:
        """Show the stored shares of *modules* over *domains* (discarding unsaved edits)."""
        self.beginResetModel()
        self._modules = list(modules)
        self._domains = list(domains)
        self._saved = [[m.shares.get(d, 0.0) for d in self._domains] for m in self._modules]
        self._values = [list(row) for row in self._saved]
        self.endResetModel()
        self.edited.emit()

    def revert_edits(self) -> None:
        self.set_matrix(self._modules, self._domains)

    @property
    def domains(self) -> list[str]:
        return list(self._domains)

    @property
    def modules(self) -> list[ModuleInfo]:
        return list(self._modules)

    def shares(self, row: int) -> dict[str, float]:
        """The row's non-zero shares by domain name (what the services store)."""
        return {d: v for d, v in zip(self._domains, self._values[row], strict=True) if v != 0}

    def problem(self, row: int) -> str | None:
        return row_problem(self._values[row])

    def problems(self) -> list[tuple[int, str]]:
        """``(row, message)`` for every row that cannot be saved."""
        found = ((row, self.problem(row)) for row in range(len(self._values)))
        return [(row, message) for row, message in found if message is not None]

    def changed_rows(self) -> list[int]:
        return [row for row in range(len(self._values)) if self._values[row] != self._saved[row]]

    def is_dirty(self) -> bool:
        return bool(self.changed_rows())

    # -- QAbstractTableModel interface -------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._modules)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._domains) + 2

    def _is_domain(self, column: int) -> bool:
        return 1 <= column <= len(self._domains)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._modules):
            return None
        row, column = index.row(), index.column()
        values = self._values[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                module = self._modules[row]
                return f"{module.position}. {module.name}"
            if self._is_domain(column):
                return format_number(values[column - 1], 3)
            return format_number(math.fsum(values), 3)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        problem = self.problem(row)
        if role == Qt.ItemDataRole.BackgroundRole and problem is not None:
            return _INVALID_BACKGROUND
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return problem
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._is_domain(index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self._is_domain(index.column()):
            return False
        domain = self._domains[index.column() - 1]
        try:
            number = parse_decimal(str(value), f"share of {domain}")
        except InputError as exc:
            self.refused.emit(self.tr("Share of {0}: {1}").format(domain, exc.message))
            return False
        row = index.row()
        self._values[row][index.column() - 1] = number
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.edited.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._modules) else None
        if section == 0:
            return self.tr("Module")
        if self._is_domain(section):
            return self._domains[section - 1]
        if section == len(self._domains) + 1:
            return self.tr("Total")
        return None
