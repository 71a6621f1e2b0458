"""Input helpers shared by the plan, settings and module forms: strict number parsing and the
error label shown next to a field (RELIABILITY.md 3.8: a refused value is explained inline)."""

from __future__ import annotations

import datetime as dt
import math
import re

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDateEdit, QDialog, QLabel, QWidget

from studyplanner.services import EARLIEST_DATE, LATEST_DATE

# ASCII digits only: Python's float() also takes "1_000", "1e3", "nan", "inf" and Arabic-Indic or
# full-width digits, none of which a person typing an effort means.
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")


class InputError(ValueError):
    """Text that is not a value of the field's type (the field is named for the message)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def parse_decimal(text: str, field: str) -> float:
    """A plain decimal number such as ``6.5``, ``-1`` or ``2,5`` (comma accepted as the point)."""
    value = text.strip()
    if not value:
        raise InputError(field, QCoreApplication.translate("fields", "enter a number"))
    if not value.isascii() or _DECIMAL.fullmatch(value) is None:
        raise InputError(
            field, QCoreApplication.translate("fields", "'{0}' is not a number").format(value)
        )
    number = float(value.replace(",", "."))
    if not math.isfinite(number):
        raise InputError(
            field, QCoreApplication.translate("fields", "'{0}' is not a number").format(value)
        )
    return number


def format_number(value: float, decimals: int = 2) -> str:
    """``6.5`` -> ``"6.5"``, ``1.0`` -> ``"1"``: no trailing zeros, at most *decimals* places."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


class ErrorLabel(QLabel):
    """A message next to a field; hidden while there is nothing to say.

    Messages can quote what the user typed, so the text is always plain (REL-SEC-06).
    """

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("{0} error").format(field_name))
        self._apply_colour()
        self.hide()

    def _apply_colour(self) -> None:
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff8a80" if dark else "#b00020"))
        self.setPalette(palette)

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setAccessibleDescription(message)
        self.setVisible(bool(message))

    def clear_error(self) -> None:
        self.show_error("")


def grow_to_fit(dialog: QDialog) -> None:
    """Make *dialog* tall enough for the error messages just shown (wrapped labels that appear
    do not grow a dialog by themselves); it never shrinks."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    needed = max(
        dialog.heightForWidth(width) if dialog.hasHeightForWidth() else 0,
        dialog.minimumSizeHint().height(),
        dialog.sizeHint().height(),
    )
    if needed > dialog.height():
        dialog.resize(width, needed)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never interprets its text as HTML (for anything the user typed)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    label.setText(text)
    return label


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(accessible_name: str) -> QDateEdit:
    """A date field in the app's YYYY-MM-DD form, limited to the dates the services accept."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(to_qdate(EARLIEST_DATE))
    edit.setMaximumDate(to_qdate(LATEST_DATE))
    edit.setAccessibleName(accessible_name)
    return edit
