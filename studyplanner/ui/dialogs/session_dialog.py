"""Add or edit a study session: module, date, start time, duration text and note.

The dialog never writes.  On Save it parses the fields and hands a :class:`SessionValues` to the
caller's *submit* function, which writes through the services.  If *submit* (or the parsing)
refuses a value, the message appears next to the field, the dialog stays open with everything the
user typed, and nothing was written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.durations import DurationError, parse_study_minutes
from studyplanner.domain.records import ModuleInfo, SessionInfo
from studyplanner.services import EARLIEST_DATE, LATEST_DATE, ValidationError
from studyplanner.store.errors import StoreError
from studyplanner.ui.models.sessions_model import local_start
from studyplanner.ui.safety import storage_fault_message
from studyplanner.ui.widgets.fields import ErrorLabel, grow_to_fit, plain_label


@dataclasses.dataclass(frozen=True, slots=True)
class SessionValues:
    """What the dialog collected; the start is a local wall-clock time in the planner's zone."""

    module_id: int
    on: dt.date
    at: dt.time
    minutes: int
    note: str


Submit = Callable[[SessionValues], None]  # writes the values; raises ValidationError to refuse


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


# Which error label shows a refusal from the services, by ValidationError.field.
_FIELD_OF = {
    "duration": "duration",
    "minutes": "duration",
    "date": "date",
    "time": "time",
    "note": "note",
    "module": "module",
}


class SessionDialog(QDialog):
    """Log a session after the fact (``session=None``) or edit *session*."""

    def __init__(
        self,
        modules: Sequence[ModuleInfo],
        submit: Submit,
        *,
        default_date: dt.date,
        default_time: dt.time,
        zone_name: str,
        session: SessionInfo | None = None,
        default_module_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Edit study session") if session else self.tr("Log study time"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(460)

        self.module_combo = QComboBox()
        self.module_combo.setAccessibleName(self.tr("Module"))
        for module in modules:
            self.module_combo.addItem(f"{module.position}. {module.name}", module.id)

        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDateRange(to_qdate(EARLIEST_DATE), to_qdate(LATEST_DATE))

        self.time_edit = QTimeEdit()
        self.time_edit.setAccessibleName(self.tr("Start time"))
        self.time_edit.setDisplayFormat("HH:mm")

        self.duration_edit = QLineEdit()
        self.duration_edit.setAccessibleName(self.tr("Duration"))
        self.duration_edit.setPlaceholderText(self.tr("e.g. 90, 90m, 1h30m or 1:30"))
        self.duration_edit.setMaxLength(40)

        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Optional"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 4 + 12)

        self.errors = {
            "module": ErrorLabel(self.tr("Module")),
            "date": ErrorLabel(self.tr("Date")),
            "time": ErrorLabel(self.tr("Start time")),
            "duration": ErrorLabel(self.tr("Duration")),
            "note": ErrorLabel(self.tr("Note")),
            "general": ErrorLabel(self.tr("Session")),
        }

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        zone_label = plain_label(self.tr("local time ({0})").format(zone_name))
        zone_label.setAccessibleName(self.tr("Time zone"))
        rows: list[tuple[str, QWidget, str, QWidget | None]] = [
            (self.tr("&Module:"), self.module_combo, "module", None),
            (self.tr("&Date:"), self.date_edit, "date", None),
            (self.tr("&Start time:"), self.time_edit, "time", zone_label),
            (self.tr("D&uration:"), self.duration_edit, "duration", None),
            (self.tr("&Note:"), self.note_edit, "note", None),
        ]
        row = 0
        for text, field, key, extra in rows:
            label = QLabel(text)
            label.setBuddy(field)
            if field is self.note_edit:
                grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            else:
                grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            if extra is not None:
                grid.addWidget(extra, row, 2)
            grid.addWidget(self.errors[key], row + 1, 1, 1, 2)
            row += 2

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName(
            self.tr("Save session")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.errors["general"])
        layout.addWidget(buttons)

        if session is not None:
            self._select_module(session.module_id)
            local = local_start(session)
            self.date_edit.setDate(to_qdate(session.local_date))
            self.time_edit.setTime(QTime(local.hour, local.minute))
            self.duration_edit.setText(str(session.minutes))
            self.note_edit.setPlainText(session.note)
        else:
            if default_module_id is not None:
                self._select_module(default_module_id)
            self.date_edit.setDate(to_qdate(default_date))
            self.time_edit.setTime(QTime(default_time.hour, default_time.minute))
        self.duration_edit.setFocus()

    def _select_module(self, module_id: int) -> None:
        index = self.module_combo.findData(module_id)
        if index >= 0:
            self.module_combo.setCurrentIndex(index)

    def values(self) -> SessionValues:
        """The fields as values; raises DurationError or ValidationError for a bad field."""
        module_id = self.module_combo.currentData()
        if not isinstance(module_id, int):
            raise ValidationError("module", "choose a module")
        time = self.time_edit.time()
        return SessionValues(
            module_id=module_id,
            on=from_qdate(self.date_edit.date()),
            at=dt.time(time.hour(), time.minute()),
            minutes=parse_study_minutes(self.duration_edit.text()),
            note=self.note_edit.toPlainText(),
        )

    def show_error(self, field: str, message: str) -> None:
        """Show *message* next to *field* (a key of :attr:`errors`)."""
        label = self.errors.get(field, self.errors["general"])
        label.show_error(message or self.tr("This value is not accepted"))
        grow_to_fit(self)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_error()

    def accept(self) -> None:
        self.clear_errors()
        try:
            values = self.values()
        except DurationError as exc:
            self.show_error("duration", str(exc))
            self.duration_edit.setFocus()
            return
        except ValidationError as exc:
            self.show_error(_FIELD_OF.get(exc.field, "general"), exc.message)
            return
        try:
            self._submit(values)
        except ValidationError as exc:
            self.show_error(_FIELD_OF.get(exc.field, "general"), exc.message)
            return
        except (DurationError, ValueError) as exc:
            self.show_error("general", str(exc))
            return
        except StoreError as exc:  # disk full, read-only, in use: the typed values stay
            self.show_error("general", storage_fault_message(exc))
            return
        super().accept()
