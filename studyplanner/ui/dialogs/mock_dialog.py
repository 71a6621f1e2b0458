"""Add or edit a mock test: name, date, overall score, optional per-domain counts, or a topic quiz.

Scores are typed as counts (``44/65``, ``8/9``), never as a scaled score.  The dialog never writes:
on Save it hands a :class:`MockValues` to the caller's *submit* function, which writes through the
services.  A refused value is explained next to its field, the dialog stays open with the input
kept, and nothing was written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.model import ExamProfile
from studyplanner.domain.records import MockInfo, ModuleInfo
from studyplanner.services import (
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_SESSION_MINUTES,
    ValidationError,
    clean_name,
    parse_score,
)
from studyplanner.store.errors import StoreError
from studyplanner.ui.dialogs.session_dialog import from_qdate, to_qdate
from studyplanner.ui.safety import storage_fault_message
from studyplanner.ui.widgets.fields import ErrorLabel, grow_to_fit, plain_label


@dataclasses.dataclass(frozen=True, slots=True)
class MockValues:
    name: str
    taken_on: dt.date
    correct: int
    total: int
    domain_counts: Mapping[str, tuple[int, int]]
    topic_module_id: int | None
    minutes: int | None


Submit = Callable[[MockValues], None]  # writes the values; raises ValidationError to refuse


class MockDialog(QDialog):
    """Add a mock test (``mock=None``) or edit *mock*."""

    def __init__(
        self,
        profile: ExamProfile,
        modules: Sequence[ModuleInfo],
        submit: Submit,
        *,
        default_date: dt.date,
        mock: MockInfo | None = None,
        default_name: str = "",
        topic_quiz: bool = False,
        default_topic_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._profile = profile
        self.setWindowTitle(self.tr("Edit mock test") if mock else self.tr("Add mock test"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Test 1"))
        self.name_edit.setMaxLength(200)

        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName(self.tr("Date taken"))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDateRange(to_qdate(EARLIEST_DATE), to_qdate(LATEST_DATE))

        self.score_edit = QLineEdit()
        self.score_edit.setAccessibleName(self.tr("Score"))
        self.score_edit.setPlaceholderText(self.tr("correct/total, e.g. 44/65"))
        self.score_edit.setMaxLength(20)

        self.minutes_spin = QSpinBox()
        self.minutes_spin.setAccessibleName(self.tr("Minutes taken"))
        self.minutes_spin.setRange(0, MAX_SESSION_MINUTES)
        self.minutes_spin.setSpecialValueText(self.tr("not recorded"))
        self.minutes_spin.setSuffix(self.tr(" min"))

        self.practice_radio = QRadioButton(self.tr("&Practice exam"))
        self.practice_radio.setAccessibleName(self.tr("Practice exam"))
        self.topic_radio = QRadioButton(self.tr("&Topic quiz on"))
        self.topic_radio.setAccessibleName(self.tr("Topic quiz"))
        kind_group = QButtonGroup(self)
        kind_group.addButton(self.practice_radio)
        kind_group.addButton(self.topic_radio)
        self.topic_combo = QComboBox()
        self.topic_combo.setAccessibleName(self.tr("Topic quiz module"))
        for module in modules:
            self.topic_combo.addItem(f"{module.position}. {module.name}", module.id)

        self.errors = {
            "name": ErrorLabel(self.tr("Name")),
            "date": ErrorLabel(self.tr("Date")),
            "score": ErrorLabel(self.tr("Score")),
            "minutes": ErrorLabel(self.tr("Minutes")),
            "topic": ErrorLabel(self.tr("Topic quiz")),
            "domain": ErrorLabel(self.tr("Domains")),
            "general": ErrorLabel(self.tr("Mock test")),
        }

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0
        for text, field, key in (
            (self.tr("&Name:"), self.name_edit, "name"),
            (self.tr("&Date:"), self.date_edit, "date"),
            (self.tr("&Score:"), self.score_edit, "score"),
            (self.tr("&Minutes:"), self.minutes_spin, "minutes"),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(self.errors[key], row + 1, 1)
            row += 2
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.practice_radio)
        kind_row.addWidget(self.topic_radio)
        kind_row.addWidget(self.topic_combo, 1)
        grid.addWidget(QLabel(self.tr("Kind:")), row, 0)
        grid.addLayout(kind_row, row, 1)
        grid.addWidget(self.errors["topic"], row + 1, 1)

        self.domain_box = QGroupBox(self.tr("Per-domain counts (optional)"))
        self.domain_box.setAccessibleName(self.tr("Per-domain counts"))
        domain_grid = QGridLayout(self.domain_box)
        domain_grid.setColumnStretch(0, 1)
        hint = plain_label(self.tr("Leave a domain empty if the test did not report it."))
        hint.setWordWrap(True)
        domain_grid.addWidget(hint, 0, 0, 1, 2)
        self.domain_edits: dict[str, QLineEdit] = {}
        self.domain_errors: dict[str, ErrorLabel] = {}
        for i, domain in enumerate(profile.domains):
            label = plain_label(f"{domain.name} ({domain.weight:.0%})")
            edit = QLineEdit()
            edit.setAccessibleName(self.tr("{0} score").format(domain.name))
            edit.setPlaceholderText(self.tr("e.g. 8/9"))
            edit.setMaxLength(20)
            edit.setMaximumWidth(120)
            label.setBuddy(edit)
            error = ErrorLabel(self.tr("{0} score").format(domain.name))
            domain_grid.addWidget(label, 1 + 2 * i, 0)
            domain_grid.addWidget(edit, 1 + 2 * i, 1)
            domain_grid.addWidget(error, 2 + 2 * i, 0, 1, 2)
            self.domain_edits[domain.name] = edit
            self.domain_errors[domain.name] = error
        domain_grid.addWidget(self.errors["domain"], 2 + 2 * len(profile.domains), 0, 1, 2)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName(
            self.tr("Save mock test")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.domain_box)
        layout.addWidget(self.errors["general"])
        layout.addWidget(buttons)

        self.practice_radio.toggled.connect(self._on_kind_toggled)
        if mock is not None:
            self.name_edit.setText(mock.name)
            self.date_edit.setDate(to_qdate(mock.taken_on))
            self.score_edit.setText(f"{mock.correct}/{mock.total}")
            self.minutes_spin.setValue(mock.minutes or 0)
            for name, (c, n) in mock.domain_counts.items():
                if name in self.domain_edits:
                    self.domain_edits[name].setText(f"{c}/{n}")
            topic_quiz = mock.topic_module_id is not None
            if topic_quiz:
                index = self.topic_combo.findData(mock.topic_module_id)
                self.topic_combo.setCurrentIndex(max(0, index))
        else:
            self.name_edit.setText(default_name)
            self.date_edit.setDate(to_qdate(default_date))
            if default_topic_id is not None:
                self.topic_combo.setCurrentIndex(
                    max(0, self.topic_combo.findData(default_topic_id))
                )
        has_modules = self.topic_combo.count() > 0
        self.topic_radio.setEnabled(has_modules)
        (self.topic_radio if topic_quiz and has_modules else self.practice_radio).setChecked(True)
        self._on_kind_toggled()
        self.name_edit.setFocus()

    def _on_kind_toggled(self) -> None:
        practice = self.practice_radio.isChecked()
        self.topic_combo.setEnabled(not practice)
        self.domain_box.setEnabled(practice)

    def values(self) -> MockValues:
        """The fields as values; raises ValidationError naming the first bad field."""
        problems = self._check()
        if problems:
            raise problems[0]
        return self._values()

    def _check(self) -> list[ValidationError]:
        """Every field that cannot even be parsed, so that all their messages show at once."""
        problems: list[ValidationError] = []
        checks: list[Callable[[], object]] = [
            functools.partial(clean_name, self.name_edit.text(), "mock test name"),
            functools.partial(parse_score, self.score_edit.text(), "score"),
        ]
        if self.practice_radio.isChecked():
            for name, edit in self.domain_edits.items():
                if edit.text().strip():
                    checks.append(functools.partial(parse_score, edit.text(), f"domain {name}"))
        elif not isinstance(self.topic_combo.currentData(), int):
            problems.append(ValidationError("topic", "choose the module the quiz was on"))
        for check in checks:
            try:
                check()
            except ValidationError as exc:
                problems.append(exc)
        return problems

    def _values(self) -> MockValues:
        correct, total = parse_score(self.score_edit.text(), "score")
        counts: dict[str, tuple[int, int]] = {}
        topic: int | None = None
        if self.topic_radio.isChecked():
            data = self.topic_combo.currentData()
            assert isinstance(data, int)
            topic = data
        else:
            for domain, edit in self.domain_edits.items():
                if edit.text().strip():
                    counts[domain] = parse_score(edit.text(), f"domain {domain}")
        minutes = self.minutes_spin.value()
        return MockValues(
            name=self.name_edit.text(),
            taken_on=from_qdate(self.date_edit.date()),
            correct=correct,
            total=total,
            domain_counts=counts,
            topic_module_id=topic,
            minutes=minutes or None,
        )

    def show_error(self, field: str, message: str) -> None:
        """Show *message* next to the field that a ValidationError's *field* names."""
        self._place_error(field, message)
        grow_to_fit(self)

    def _place_error(self, field: str, message: str) -> None:
        text = message or self.tr("This value is not accepted")
        if field.startswith("domain "):
            name = field.removeprefix("domain ")
            if name in self.domain_errors:
                self.domain_errors[name].show_error(text)
                return
        key = {
            "mock test name": "name",
            "name": "name",
            "date": "date",
            "score": "score",
            "minutes": "minutes",
            "module": "topic",
            "topic": "topic",
            "domain": "domain",
        }.get(field, "general")
        if key == "domain" and not self.domain_box.isEnabled():
            key = "topic"
        self.errors[key].show_error(text)

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), *self.domain_errors.values()):
            label.clear_error()

    def accept(self) -> None:
        self.clear_errors()
        problems = self._check()
        for problem in problems:
            self.show_error(problem.field, problem.message)
        if problems:
            return
        try:
            self._submit(self._values())
        except ValidationError as exc:
            self.show_error(exc.field, exc.message)
            return
        except ValueError as exc:
            self.show_error("general", str(exc))
            return
        except StoreError as exc:  # disk full, read-only, in use: the typed values stay
            self.show_error("general", storage_fault_message(exc))
            return
        super().accept()
