"""Import preview: what a notes file would become, before anything is written.

The dialog parses the notes with the same domain code as the import (``notes.parse_notes`` and
``planning.plan_modules``), shows the modules with their planned dates for the chosen start, the
planned mock tests and every line the importer cannot read.  Import stays disabled while there is a
problem; the import itself is one call to the services (one transaction).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain import planning
from studyplanner.domain.durations import format_hms
from studyplanner.domain.notes import (
    MAX_NOTES_BYTES,
    LineProblem,
    NotesError,
    ParsedNotes,
    parse_notes,
)
from studyplanner.domain.records import PlanInfo
from studyplanner.services import StudyPlanner, ValidationError
from studyplanner.store.errors import StoreError
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP
from studyplanner.ui.models.plan_model import kind_label
from studyplanner.ui.safety import storage_fault_message
from studyplanner.ui.widgets.fields import (
    ErrorLabel,
    date_edit,
    format_number,
    from_qdate,
    plain_label,
    to_qdate,
)

DEFAULT_PROFILE = "DVA-C02"  # the services' default for a new plan

_PROBLEM_HEADERS = (
    QT_TRANSLATE_NOOP("ImportDialog", "Line"),
    QT_TRANSLATE_NOOP("ImportDialog", "Text"),
    QT_TRANSLATE_NOOP("ImportDialog", "Problem"),
)
_MODULE_HEADERS = (
    "#",
    QT_TRANSLATE_NOOP("ImportDialog", "Module"),
    QT_TRANSLATE_NOOP("ImportDialog", "Kind"),
    QT_TRANSLATE_NOOP("ImportDialog", "Video"),
    QT_TRANSLATE_NOOP("ImportDialog", "Effort (h)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Weeks"),
    QT_TRANSLATE_NOOP("ImportDialog", "Planned start"),
    QT_TRANSLATE_NOOP("ImportDialog", "Planned finish"),
)
_FIELD_OF_ERROR = {"start": "start", "exam": "exam", "profile": "profile"}


def _file_problem(message: str) -> NotesError:
    return NotesError([LineProblem(0, "", message)])


def read_notes_file(path: Path) -> str:
    """The text of a notes file (UTF-8, or UTF-16 with a byte-order mark).

    Raises NotesError (a whole-file problem, line 0) when it cannot be read as text.
    """
    try:
        if path.is_dir():
            raise _file_problem(
                QCoreApplication.translate(
                    "ImportDialog", "{0} is a folder, not a notes file"
                ).format(path)
            )
        size = path.stat().st_size
        if size > MAX_NOTES_BYTES:
            raise _file_problem(
                QCoreApplication.translate(
                    "ImportDialog",
                    "the file is {0} bytes; a notes file is plain text of at most 1 MB",
                ).format(size)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise _file_problem(
            QCoreApplication.translate("ImportDialog", "cannot read {0}: {1}").format(
                path, exc.strerror or exc
            )
        ) from None
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_problem(
            QCoreApplication.translate(
                "ImportDialog", "the file is not UTF-8 text; save the notes as UTF-8"
            )
        ) from None


def _item(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: tuple[str, ...], accessible: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(
        [QCoreApplication.translate("ImportDialog", h) for h in headers]
    )
    table.setAccessibleName(accessible)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    return table


class ImportDialog(QDialog):
    """Preview a notes file (or text) as a plan; Import creates it as the new current plan."""

    def __init__(
        self,
        planner: StudyPlanner,
        path: Path | None = None,
        *,
        text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.planner = planner
        self.imported_plan: PlanInfo | None = None
        self.parsed: ParsedNotes | None = None
        self.modules: tuple[planning.PlannedModule, ...] = ()
        self.problems: tuple[LineProblem, ...] = ()
        self.text = ""
        self._exam_touched = False
        self.setWindowTitle(self.tr("Import notes"))
        self.setAccessibleName(self.tr("Import notes"))

        self.source_label = plain_label(
            self.tr("File: {0}").format(path) if path is not None else ""
        )
        self.source_label.setAccessibleName(self.tr("Notes file"))
        self.source_label.setWordWrap(True)
        self.title_label = plain_label()
        self.title_label.setAccessibleName(self.tr("Plan found in the notes"))
        self.title_label.setWordWrap(True)

        self.start_edit = date_edit(self.tr("Plan start date"))
        self.start_edit.setDate(to_qdate(planner.today()))
        self.exam_edit = date_edit(self.tr("Exam date"))
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(self.tr("Exam profile"))
        for profile in planner.profiles():
            self.profile_combo.addItem(f"{profile.name}: {profile.title}", profile.name)
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(DEFAULT_PROFILE)))
        self.errors = {
            "start": ErrorLabel(self.tr("Plan start date")),
            "exam": ErrorLabel(self.tr("Exam date")),
            "profile": ErrorLabel(self.tr("Exam profile")),
            "form": ErrorLabel(self.tr("Import")),
        }
        grid = QGridLayout()
        for column, (text_, key, field) in enumerate(
            (
                (self.tr("&Start:"), "start", self.start_edit),
                (self.tr("E&xam:"), "exam", self.exam_edit),
                (self.tr("Exam &profile:"), "profile", self.profile_combo),
            )
        ):
            label = QLabel(text_)
            label.setBuddy(field)
            grid.addWidget(label, 0, 2 * column)
            grid.addWidget(field, 0, 2 * column + 1)
            grid.addWidget(self.errors[key], 1, 2 * column, 1, 2)
        grid.setColumnStretch(5, 1)

        self.modules_table = _table(_MODULE_HEADERS, self.tr("Modules to import"))
        header = self.modules_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mocks_list = QListWidget()
        self.mocks_list.setAccessibleName(self.tr("Planned mock tests"))
        self.problems_table = _table(_PROBLEM_HEADERS, self.tr("Problems in the notes"))
        header = self.problems_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems_table.setColumnWidth(1, 280)
        self.problems_table.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Import preview"))
        self.tabs.addTab(self.modules_table, self.tr("Modules"))
        self.tabs.addTab(self.mocks_list, self.tr("Planned mock tests"))
        self.tabs.addTab(self.problems_table, self.tr("Problems"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import the plan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addWidget(self.title_label)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors["form"])
        layout.addWidget(self.buttons)
        self.resize(900, 560)

        self._load(path, text)
        self.start_edit.dateChanged.connect(self._start_changed)
        self.exam_edit.dateChanged.connect(self._exam_changed)

    # -- parsing -----------------------------------------------------------------------------

    def _load(self, path: Path | None, text: str | None) -> None:
        try:
            self.text = read_notes_file(path) if path is not None else (text or "")
            self.parsed = parse_notes(self.text)
            self.modules = planning.plan_modules(self.parsed)
        except NotesError as exc:
            self.problems = exc.problems
            self.modules = ()
        if self.parsed is not None:
            self.mocks_list.addItems(list(self.parsed.planned_mocks))
        self._show_problems()
        self._default_exam()
        self._refresh()

    def _show_problems(self) -> None:
        table = self.problems_table
        table.setRowCount(len(self.problems))
        for row, problem in enumerate(self.problems):
            line = str(problem.line_no) if problem.line_no > 0 else "–"
            table.setItem(row, 0, _item(line, number=True))
            table.setItem(row, 1, _item(problem.text))
            table.setItem(row, 2, _item(problem.message))
        table.resizeRowsToContents()
        count = len(self.problems)
        self.tabs.setTabText(2, self.tr("Problems ({0})").format(count))
        self.tabs.setTabEnabled(2, bool(count))
        if count:
            self.tabs.setCurrentIndex(2)
            self.errors["form"].show_error(
                self.tr(
                    "The notes have %n problem(s) (listed with their line numbers). Nothing"
                    " will be imported: correct the notes file and open it again.",
                    "",
                    count,
                )
            )

    # -- dates -------------------------------------------------------------------------------

    def start(self) -> dt.date:
        return from_qdate(self.start_edit.date())

    def exam(self) -> dt.date:
        return from_qdate(self.exam_edit.date())

    def windows(self) -> list[tuple[dt.date, dt.date]]:
        return planning.planned_dates(self.start(), [m.weeks for m in self.modules])

    def _default_exam(self) -> None:
        """The exam defaults to the day after the planned end, as in the command line."""
        windows = self.windows()
        end = windows[-1][1] if windows else self.start()
        self.exam_edit.blockSignals(True)
        self.exam_edit.setDate(to_qdate(end + dt.timedelta(days=1)))
        self.exam_edit.blockSignals(False)

    def _start_changed(self) -> None:
        if not self._exam_touched:
            self._default_exam()
        self._refresh()

    def _exam_changed(self) -> None:
        self._exam_touched = True
        self._refresh()

    # -- display -----------------------------------------------------------------------------

    def _refresh(self) -> None:
        windows = self.windows()
        table = self.modules_table
        table.setRowCount(len(self.modules))
        for row, (module, (first, last)) in enumerate(zip(self.modules, windows, strict=True)):
            video = "" if module.video_seconds is None else format_hms(module.video_seconds)
            cells = (
                (str(module.position), True),
                (module.name, False),
                (kind_label(module.kind), False),
                (video, True),
                (f"{module.effort_hours:.1f}", True),
                (format_number(module.weeks), True),
                (first.isoformat(), False),
                (last.isoformat(), False),
            )
            for column, (text, number) in enumerate(cells):
                table.setItem(row, column, _item(text, number=number))
        self.tabs.setTabText(0, self.tr("Modules ({0})").format(len(self.modules)))
        mocks = len(self.parsed.planned_mocks) if self.parsed else 0
        self.tabs.setTabText(1, self.tr("Planned mock tests ({0})").format(mocks))
        if self.parsed is not None:
            effort = sum(m.effort_hours for m in self.modules)
            weeks = planning.total_weeks(self.parsed)
            as_at = (
                self.tr("; times as at {0}").format(self.parsed.as_at.isoformat())
                if self.parsed.as_at
                else ""
            )
            end = windows[-1][1].isoformat() if windows else self.start().isoformat()
            self.title_label.setText(
                self.tr("{0}: {1}, {2} weeks, {3:.1f} h, planned to end on {4}{5}").format(
                    self.parsed.title or self.tr("Study plan"),
                    self.tr("%n module(s)", "", len(self.modules)),
                    format_number(weeks),
                    effort,
                    end,
                    as_at,
                )
            )
        self.errors["exam"].clear_error()
        if self.exam() < self.start():
            self.errors["exam"].show_error(
                self.tr("Exam: the exam ({0}) is before the start ({1})").format(
                    self.exam().isoformat(), self.start().isoformat()
                )
            )
        self.import_button.setEnabled(self.can_import())

    def can_import(self) -> bool:
        return self.parsed is not None and not self.problems and self.exam() >= self.start()

    # -- import ------------------------------------------------------------------------------

    def accept(self) -> None:
        if not self.can_import():
            return
        for key in ("start", "profile", "form"):
            self.errors[key].clear_error()
        try:
            self.imported_plan = self.planner.import_notes(
                self.text,
                start=self.start(),
                exam=self.exam(),
                profile=str(self.profile_combo.currentData()),
            )
        except NotesError as exc:
            self.problems = exc.problems
            self._show_problems()
            self.import_button.setEnabled(False)
            return
        except ValidationError as exc:
            key = _FIELD_OF_ERROR.get(exc.field, "form")
            self.errors[key].show_error(f"{exc.field[:1].upper()}{exc.field[1:]}: {exc.message}")
            return
        except StoreError as exc:  # a failed pre-import backup, a full disk: nothing imported
            self.errors["form"].show_error(storage_fault_message(exc))
            return
        super().accept()
