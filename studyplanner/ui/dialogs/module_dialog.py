"""Add or edit a module of the plan.

The dialog collects values and never writes to the database.  The caller passes *commit*, which
writes through the services (usually by pushing an undo command) and raises ``ValidationError`` to
refuse: the dialog then shows the message next to the field it names, keeps every input and stays
open (RELIABILITY.md 3.8).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain import durations
from studyplanner.domain.model import ModuleKind
from studyplanner.domain.records import ModuleInfo
from studyplanner.services import ValidationError
from studyplanner.ui.models.plan_model import KIND_LABELS, kind_label
from studyplanner.ui.widgets.fields import ErrorLabel, InputError, format_number, parse_decimal


@dataclasses.dataclass(frozen=True, slots=True)
class ModuleValues:
    """What the dialog collected (checked by the services when the caller writes them)."""

    name: str
    kind: ModuleKind
    effort_hours: float
    weeks: float
    video_seconds: int | None
    note: str


Commit = Callable[[ModuleValues], object]
"""Writes the values; raises ``ValidationError`` to refuse them (the dialog then stays open)."""

# The services name the field of a refusal; these are the names the module use cases use.
_FIELD_OF_ERROR = {
    "module name": "name",
    "name": "name",
    "kind": "kind",
    "effort": "effort",
    "weeks": "weeks",
    "video length": "video",
    "note": "note",
}


class ModuleDialog(QDialog):
    """Name, kind, effort (h), weeks, video length (H:MM:SS) and a note of one module."""

    def __init__(
        self,
        *,
        commit: Commit | None = None,
        module: ModuleInfo | None = None,
        effort_multiplier: float = 1.2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self._module = module
        self._multiplier = effort_multiplier
        self._values: ModuleValues | None = None
        editing = module is not None
        self.setWindowTitle(self.tr("Edit module") if editing else self.tr("Add module"))
        self.setAccessibleName(self.windowTitle())

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Module name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. DynamoDB"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Module kind"))
        for kind in KIND_LABELS:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.effort_edit = QLineEdit()
        self.effort_edit.setAccessibleName(self.tr("Effort in hours"))
        self.effort_edit.setPlaceholderText(
            self.tr("hours, e.g. 6.5 (blank: {0} × video length)").format(
                format_number(effort_multiplier)
            )
        )
        self.weeks_edit = QLineEdit()
        self.weeks_edit.setAccessibleName(self.tr("Weeks"))
        self.weeks_edit.setPlaceholderText(self.tr("planned weeks, e.g. 1"))
        self.video_edit = QLineEdit()
        self.video_edit.setAccessibleName(self.tr("Video length"))
        self.video_edit.setPlaceholderText(self.tr("H:MM:SS, e.g. 5:26:18 (blank: no video)"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self.errors = {
            key: ErrorLabel(label)
            for key, label in (
                ("name", self.tr("Module name")),
                ("kind", self.tr("Module kind")),
                ("effort", self.tr("Effort")),
                ("weeks", self.tr("Weeks")),
                ("video", self.tr("Video length")),
                ("note", self.tr("Note")),
                ("form", self.tr("Module")),
            )
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for label, key, field in (
            (self.tr("&Name:"), "name", self.name_edit),
            (self.tr("&Kind:"), "kind", self.kind_combo),
            (self.tr("&Effort (h):"), "effort", self.effort_edit),
            (self.tr("&Weeks:"), "weeks", self.weeks_edit),
            (self.tr("&Video length:"), "video", self.video_edit),
            (self.tr("N&ote:"), "note", self.note_edit),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(self.errors[key])
            buddy = QLabel(label)
            buddy.setBuddy(field)
            form.addRow(buddy, column)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if editing else self.tr("Add"))
        self.ok_button.setAccessibleName(
            self.tr("Save module") if editing else self.tr("Add module")
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["form"])
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        if module is not None:
            self._fill(module)

    def _fill(self, module: ModuleInfo) -> None:
        self.name_edit.setText(module.name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(module.kind.value))
        self.effort_edit.setText(format_number(module.effort_hours))
        self.weeks_edit.setText(format_number(module.weeks))
        if module.video_seconds is not None:
            self.video_edit.setText(durations.format_hms(module.video_seconds))
        self.note_edit.setPlainText(module.note)

    # -- values ------------------------------------------------------------------------------

    def values(self) -> ModuleValues:
        """The typed values; raises InputError naming the field that is not a value."""
        video_text = self.video_edit.text().strip()
        video_seconds: int | None = None
        if video_text:
            try:
                video_seconds = durations.parse_video_length(video_text)
            except ValueError as exc:
                raise InputError("video", str(exc)) from None
        elif self._module is not None and self._module.video_seconds is not None:
            raise InputError("video", self.tr("a video length cannot be removed once set"))
        effort_text = self.effort_edit.text().strip()
        if not effort_text and video_seconds is not None:
            effort = round(self._multiplier * video_seconds / 3600, 1)
        else:
            effort = parse_decimal(effort_text, "effort")
        return ModuleValues(
            name=self.name_edit.text(),
            kind=ModuleKind(self.kind_combo.currentData()),
            effort_hours=effort,
            weeks=parse_decimal(self.weeks_edit.text(), "weeks"),
            video_seconds=video_seconds,
            note=self.note_edit.toPlainText(),
        )

    @property
    def result_values(self) -> ModuleValues | None:
        """The values the dialog was accepted with (None until then)."""
        return self._values

    def show_error(self, field: str, message: str) -> None:
        """Show *message* next to *field* (a key of :attr:`errors`) and focus that field."""
        key = field if field in self.errors else "form"
        self.errors[key].show_error(message)
        target = {
            "name": self.name_edit,
            "kind": self.kind_combo,
            "effort": self.effort_edit,
            "weeks": self.weeks_edit,
            "video": self.video_edit,
            "note": self.note_edit,
        }.get(key)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        for label in self.errors.values():
            label.clear_error()
        try:
            values = self.values()
        except InputError as exc:
            self.show_error(exc.field, _sentence(exc.message))
            return
        if self._commit is not None:
            try:
                self._commit(values)
            except ValidationError as exc:
                self.show_error(_FIELD_OF_ERROR.get(exc.field, "form"), _refusal(exc))
                return
        self._values = values
        super().accept()


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


def _refusal(exc: ValidationError) -> str:
    """``effort: must be above 0`` -> ``Effort must be above 0``."""
    return _sentence(f"{exc.field} {exc.message}")
