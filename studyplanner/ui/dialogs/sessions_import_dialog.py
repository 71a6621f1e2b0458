"""File → Import sessions: preview a sessions CSV, then import it all or nothing.

The dialog reads the file with ``exchange.preview_sessions`` (which writes nothing) and shows
the rows that would be added, how many are already stored (skipped), every row whose module
could not be told (its line and the Project/Description text that matched no module) and every
problem.  Import stays disabled while there is a problem; rows that match no module block it too,
unless *Leave out rows that match no module* is ticked (the command line's ``--skip-unmatched``).
The import itself is one ``exchange.import_sessions`` call: one transaction, after a verified
backup that exchange takes first.  The File menu then puts it on the undo stack as one command
(``ImportSessionsCommand``: undo deletes exactly the imported sessions in one unit of work).

Both the preview and the import run on the worker pool (a file of 100,000 rows takes seconds):
while one runs, a busy bar shows and the format, zone and Import controls are disabled; Cancel
still closes the dialog.  Results come back through the worker's signals, on the GUI thread; one
that arrives after the dialog was closed is dropped.
"""

from __future__ import annotations

import csv
import io
import zoneinfo
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QListWidget,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studyplanner import exchange
from studyplanner.services import StudyPlanner, local_zone_name
from studyplanner.store.errors import StoreError
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP
from studyplanner.ui.safety import show_storage_fault
from studyplanner.ui.widgets.fields import ErrorLabel, plain_label
from studyplanner.ui.workers import Worker, app_pool

MAX_SHOWN_ROWS = 2000
"""The preview lists at most this many rows to add (the counts above it are always complete)."""

_FORMAT_LABELS = (
    (exchange.SessionFormat.APP, QT_TRANSLATE_NOOP("SessionsImportDialog", "StudyPlanner CSV")),
    (exchange.SessionFormat.TOGGL, QT_TRANSLATE_NOOP("SessionsImportDialog", "Toggl Track CSV")),
    (exchange.SessionFormat.CLOCKIFY, QT_TRANSLATE_NOOP("SessionsImportDialog", "Clockify CSV")),
)
_ROW_HEADERS = (
    QT_TRANSLATE_NOOP("SessionsImportDialog", "Line"),
    QT_TRANSLATE_NOOP("SessionsImportDialog", "Date"),
    QT_TRANSLATE_NOOP("SessionsImportDialog", "Minutes"),
    QT_TRANSLATE_NOOP("SessionsImportDialog", "Module"),
    QT_TRANSLATE_NOOP("SessionsImportDialog", "Note"),
)
_UNMATCHED_HEADERS = (
    QT_TRANSLATE_NOOP("SessionsImportDialog", "Line"),
    QT_TRANSLATE_NOOP("SessionsImportDialog", "Project"),
    QT_TRANSLATE_NOOP("SessionsImportDialog", "Description"),
    QT_TRANSLATE_NOOP("SessionsImportDialog", "Ambiguous between"),
)


def guess_format(path: Path) -> exchange.SessionFormat:
    """The layout the file's header line looks like (the app's own when it cannot be told).

    The app's export has ``uuid`` and ``started_at_utc``; Clockify's detailed report has
    ``Duration (h)`` or ``Duration (decimal)``; Toggl's has ``Start date`` and ``Duration``.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return exchange.SessionFormat.APP
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    first = text.splitlines()[0] if text else ""
    try:
        header = {cell.strip().casefold() for cell in next(csv.reader(io.StringIO(first)), [])}
    except csv.Error:
        return exchange.SessionFormat.APP
    if {"uuid", "started_at_utc"} <= header:
        return exchange.SessionFormat.APP
    if header & {"duration (h)", "duration (decimal)"}:
        return exchange.SessionFormat.CLOCKIFY
    if {"start date", "duration"} <= header:
        return exchange.SessionFormat.TOGGL
    return exchange.SessionFormat.APP


_kept_workers: list[Worker] = []
"""Every started worker, kept until the pool has surely let go of it (see :func:`_retire`).

Module-level, not on the dialog: a dialog closed (and deleted) while its job runs must not take
the worker's last reference with it.
"""


def _keep(worker: Worker) -> None:
    _kept_workers.append(worker)


def _retire(worker: Worker) -> None:
    """*worker* has reported: drop the workers started before it (the pool's one thread ran
    them to the end before this one began), keep it until the next one reports."""
    if worker in _kept_workers:
        del _kept_workers[: _kept_workers.index(worker)]


def _item(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SessionsImportDialog(QDialog):
    """Preview a sessions CSV; *Import* adds its new rows to the current plan in one go.

    After an accepted dialog, :attr:`imported` holds what was imported.
    """

    def __init__(self, planner: StudyPlanner, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planner = planner
        self.path = path
        self.preview: exchange.SessionPreview | None = None
        self.imported: exchange.ImportResult | None = None
        self._worker: Worker | None = None  # the preview or import running now
        self._refresh_again = False  # format or zone changed while a job ran
        self._closed = False
        self.setWindowTitle(self.tr("Import sessions"))
        self.setAccessibleName(self.tr("Import sessions"))

        file_label = plain_label(self.tr("File: {0}").format(path))
        file_label.setAccessibleName(self.tr("Sessions file"))
        file_label.setWordWrap(True)

        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("File format"))
        for fmt, label in _FORMAT_LABELS:
            self.format_combo.addItem(self.tr(label), fmt.value)
        self.format_combo.setCurrentIndex(
            max(0, self.format_combo.findData(guess_format(path).value))
        )
        self.zone_combo = QComboBox()
        self.zone_combo.setAccessibleName(self.tr("Time zone of the times in the file"))
        self.zone_combo.setToolTip(
            self.tr(
                "Toggl and Clockify write local times without a zone: the zone they were"
                " recorded in (this computer's by default)"
            )
        )
        self.zone_combo.addItems(sorted(zoneinfo.available_timezones()))
        zone = local_zone_name()
        if self.zone_combo.findText(zone) < 0:
            self.zone_combo.addItem(zone)
        self.zone_combo.setCurrentText(zone)
        self.skip_check = QCheckBox(self.tr("&Leave out rows that match no module"))
        self.skip_check.setAccessibleName(self.tr("Leave out rows that match no module"))
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format_combo)
        form.addRow(self.tr("Time &zone:"), self.zone_combo)
        form.addRow("", self.skip_check)

        self.summary_label = plain_label()
        self.summary_label.setObjectName("summary")
        self.summary_label.setAccessibleName(self.tr("What the import would do"))
        self.summary_label.setWordWrap(True)

        self.rows_table = self._table(_ROW_HEADERS, self.tr("Sessions to add"))
        self.unmatched_table = self._table(_UNMATCHED_HEADERS, self.tr("Rows that match no module"))
        self.problems_list = QListWidget()
        self.problems_list.setAccessibleName(self.tr("Problems and notes"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Preview"))
        self.tabs.addTab(self.rows_table, self.tr("To add"))
        self.tabs.addTab(self.unmatched_table, self.tr("No module"))
        self.tabs.addTab(self.problems_list, self.tr("Problems"))

        backup_note = plain_label(
            self.tr(
                "Nothing is written until you press Import, and then every new row is added in"
                " one step or none is. Edit → Undo takes the whole import back; a verified backup"
                " of the database is also made just before (listed by 'studyplanner backups')."
            )
        )
        backup_note.setWordWrap(True)
        backup_note.setAccessibleName(self.tr("About the backup"))
        self.error_label = ErrorLabel(self.tr("Import"))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(self.tr("Reading the file"))
        self.busy_bar.setVisible(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setAccessibleName(self.tr("Import"))
        self.buttons.accepted.connect(self.import_now)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(self._on_closed)

        layout = QVBoxLayout(self)
        layout.addWidget(file_label)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(backup_note)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(760, 520)

        self.format_combo.currentIndexChanged.connect(self.refresh)
        self.zone_combo.currentTextChanged.connect(self.refresh)
        self.skip_check.toggled.connect(self._update_enabled)
        self.refresh()

    def _table(self, headers: tuple[str, ...], accessible: str) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels([self.tr(h) for h in headers])
        table.setAccessibleName(accessible)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    # -- state -------------------------------------------------------------------------------

    def session_format(self) -> exchange.SessionFormat:
        return exchange.SessionFormat(str(self.format_combo.currentData()))

    def zone(self) -> str:
        return self.zone_combo.currentText()

    def is_busy(self) -> bool:
        """A preview or an import is running on the worker pool."""
        return self._worker is not None

    def can_import(self) -> bool:
        """Import is possible: no problem, something new, and no unmatched row kept in."""
        if self.is_busy():
            return False
        preview = self.preview
        if preview is None or preview.problems or not preview.new_rows:
            return False
        return not preview.unmatched or self.skip_check.isChecked()

    # -- preview -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the file again (on the worker pool) with the chosen format and zone, then show
        what it would do.  While a job runs, the read is done again once it has finished."""
        if self._closed:
            return
        if self.is_busy():
            self._refresh_again = True
            return
        self._refresh_again = False
        self.error_label.clear_error()
        planner, path = self.planner, self.path
        fmt, zone = self.session_format(), self.zone()
        self._start(
            lambda: exchange.preview_sessions(planner, path, fmt, zone=zone),
            self._on_preview_done,
        )

    def _on_preview_done(self, outcome: object) -> None:
        if isinstance(outcome, StoreError):
            self.preview = None
            self.error_label.show_error(str(outcome))
        else:
            assert isinstance(outcome, exchange.SessionPreview)
            self.preview = outcome
        self._show_preview()

    # -- running jobs ------------------------------------------------------------------------

    def _start(self, job: Callable[[], object], done: Callable[[object], None]) -> None:
        """Run *job* on the worker pool; *done* gets its result, or the ``StoreError`` or
        ``ImportRejected`` it raised, on the GUI thread (unless the dialog was closed)."""

        def guarded() -> object:
            try:
                return job()
            except (StoreError, exchange.ImportRejected) as exc:
                return exc

        worker = Worker(guarded)
        worker.signals.finished.connect(lambda outcome: self._on_job_done(worker, done, outcome))
        worker.signals.failed.connect(lambda trace: self._on_job_crashed(worker, trace))
        _keep(worker)
        self._worker = worker
        self._set_busy(True)
        app_pool().start(worker)

    def _on_job_done(self, worker: Worker, done: Callable[[object], None], outcome: object) -> None:
        _retire(worker)
        if not self._accepts_result_of(worker):
            return
        self._worker = None
        self._set_busy(False)
        done(outcome)
        self._update_enabled()
        if self._refresh_again and not self._closed and not self.is_busy():
            self.refresh()

    def _on_job_crashed(self, worker: Worker, trace: str) -> None:
        _retire(worker)
        if not self._accepts_result_of(worker):
            return
        self._worker = None
        self._set_busy(False)
        last = trace.strip().splitlines()[-1] if trace.strip() else ""
        self.error_label.show_error(self.tr("The file could not be read: {0}").format(last))
        self._update_enabled()
        if self._refresh_again and not self._closed:
            self.refresh()

    def _accepts_result_of(self, worker: Worker) -> bool:
        """*worker* is this dialog's current job and the dialog is still open (not deleted)."""
        return shiboken6.isValid(self) and not self._closed and worker is self._worker

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.format_combo.setEnabled(not busy)
        self.zone_combo.setEnabled(
            not busy and self.session_format() is not exchange.SessionFormat.APP
        )
        self.skip_check.setEnabled(not busy)
        self._update_enabled()

    def _on_closed(self) -> None:
        """Closed (Cancel, Escape or after an import): any result still to come is dropped."""
        self._closed = True
        self._refresh_again = False

    def _show_preview(self) -> None:
        preview = self.preview
        rows = () if preview is None else preview.new_rows
        unmatched = () if preview is None else preview.unmatched
        problems = () if preview is None else preview.problems
        parts = [
            self.tr("%n session(s) to add", "", len(rows)),
            self.tr("{0} already stored (left out)").format(
                0 if preview is None else preview.already_present
            ),
            self.tr("%n row(s) with no matching module", "", len(unmatched)),
            self.tr("%n problem(s)", "", len(problems)),
        ]
        self.summary_label.setText("; ".join(parts))
        shown = rows[:MAX_SHOWN_ROWS]
        self.rows_table.setRowCount(len(shown))
        for index, row in enumerate(shown):
            cells = [
                _item(str(row.line), number=True),
                _item(row.local_date.isoformat()),
                _item(str(row.minutes), number=True),
                _item(f"{row.module_position}. {row.module_name}"),
                _item(row.note),
            ]
            for column, cell in enumerate(cells):
                self.rows_table.setItem(index, column, cell)
        self.unmatched_table.setRowCount(len(unmatched))
        for index, miss in enumerate(unmatched):
            cells = [
                _item(str(miss.line), number=True),
                _item(miss.project),
                _item(miss.description),
                _item(", ".join(miss.candidates)),
            ]
            for column, cell in enumerate(cells):
                self.unmatched_table.setItem(index, column, cell)
        self.problems_list.clear()
        if preview is not None:
            self.problems_list.addItems([*preview.problems, *preview.skipped, *preview.notices])
        self.tabs.setTabText(1, self.tr("No module ({0})").format(len(unmatched)))
        self.tabs.setTabText(2, self.tr("Problems ({0})").format(len(problems)))
        if problems:
            self.tabs.setCurrentIndex(2)
        elif unmatched:
            self.tabs.setCurrentIndex(1)
        else:
            self.tabs.setCurrentIndex(0)

    def _update_enabled(self) -> None:
        self.import_button.setEnabled(self.can_import())

    # -- import ------------------------------------------------------------------------------

    def import_now(self) -> None:
        """Import the file (one transaction, on the worker pool); close on success, else show
        why and re-read."""
        if not self.can_import():
            return
        self.error_label.clear_error()
        planner, path = self.planner, self.path
        fmt, zone, skip = self.session_format(), self.zone(), self.skip_check.isChecked()
        self._start(
            lambda: exchange.import_sessions(planner, path, fmt, zone=zone, skip_unmatched=skip),
            self._on_import_done,
        )

    def _on_import_done(self, outcome: object) -> None:
        if isinstance(outcome, exchange.ImportRejected):
            self.refresh()
            self.error_label.show_error(
                self.tr("Nothing was imported: {0}").format("; ".join(outcome.messages[:5]))
            )
            return
        if isinstance(outcome, StoreError):
            show_storage_fault(self, outcome)
            self.error_label.show_error(self.tr("Nothing was imported: {0}").format(outcome))
            return
        assert isinstance(outcome, exchange.ImportResult)
        self.imported = outcome
        self.accept()
