"""File menu: import sessions, restore a JSON backup, and the exports (issue #6).

:func:`install` adds to the window's File menu:

- *Import sessions…* (Ctrl+I): a CSV in the app's own format or a Toggl Track / Clockify
  export, previewed in :class:`SessionsImportDialog` before one all-or-nothing import;
- *Restore JSON backup…*: ``exchange.preview_json`` counts what the backup holds, the user
  confirms, then ``exchange.import_json`` restores it (into an empty database only);
- *Export*: sessions CSV, mock tests CSV, the whole database as JSON, the plan as iCalendar, the
  Overview as a PNG image and as a PDF report.

Every export runs on the worker pool (100,000 sessions take seconds), one at a time: a busy
message stays in the status bar until the result (what was written, and where) replaces it.
The file is written atomically by ``exchange.write_atomic`` (the old file or the new one).  An
``ExportError`` is shown in a message box; a storage fault through
:func:`~studyplanner.ui.safety.show_storage_fault`.  The Overview image and report are drawn on
the GUI thread (widgets cannot be painted elsewhere) and only their bytes are written by the
worker.

File names are chosen with :func:`choose_save_path` / :func:`choose_open_path` (tests replace
them) and :func:`confirm` asks before a restore.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QObject,
    QPoint,
    QRect,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from studyplanner import exchange
from studyplanner.services import StudyPlanner
from studyplanner.store.errors import StoreError
from studyplanner.summary import text_summary
from studyplanner.ui.dialogs.sessions_import_dialog import SessionsImportDialog
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP
from studyplanner.ui.log_commands import ImportSessionsCommand
from studyplanner.ui.safety import show_storage_fault
from studyplanner.ui.workers import Worker, app_pool

if TYPE_CHECKING:
    from studyplanner.ui.main_window import MainWindow

STATUS_TIMEOUT_MS = 15_000
PDF_DPI = 150


def _label(text: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("ExchangeMenu", ...)``, translated."""
    return QCoreApplication.translate("ExchangeMenu", text)


@dataclasses.dataclass(frozen=True, slots=True)
class ExportKind:
    """One entry of File → Export: what it writes and how it names the result."""

    key: str
    label: str  # menu text (marked for translation)
    stem: str  # default file name: studyplanner-<stem>-<date>.<suffix>
    suffix: str
    file_filter: str  # marked for translation


EXPORT_KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        "sessions",
        QT_TRANSLATE_NOOP("ExchangeMenu", "&Sessions as CSV…"),
        "sessions",
        "csv",
        QT_TRANSLATE_NOOP("ExchangeMenu", "CSV files (*.csv)"),
    ),
    ExportKind(
        "mocks",
        QT_TRANSLATE_NOOP("ExchangeMenu", "&Mock tests as CSV…"),
        "mock-tests",
        "csv",
        QT_TRANSLATE_NOOP("ExchangeMenu", "CSV files (*.csv)"),
    ),
    ExportKind(
        "json",
        QT_TRANSLATE_NOOP("ExchangeMenu", "Whole database as &JSON…"),
        "backup",
        "json",
        QT_TRANSLATE_NOOP("ExchangeMenu", "JSON backups (*.json)"),
    ),
    ExportKind(
        "ical",
        QT_TRANSLATE_NOOP("ExchangeMenu", "Plan as i&Calendar…"),
        "plan",
        "ics",
        QT_TRANSLATE_NOOP("ExchangeMenu", "iCalendar files (*.ics)"),
    ),
    ExportKind(
        "png",
        QT_TRANSLATE_NOOP("ExchangeMenu", "Overview as &PNG image…"),
        "overview",
        "png",
        QT_TRANSLATE_NOOP("ExchangeMenu", "PNG images (*.png)"),
    ),
    ExportKind(
        "pdf",
        QT_TRANSLATE_NOOP("ExchangeMenu", "Overview as P&DF report…"),
        "report",
        "pdf",
        QT_TRANSLATE_NOOP("ExchangeMenu", "PDF files (*.pdf)"),
    ),
)
KINDS_BY_KEY = {kind.key: kind for kind in EXPORT_KINDS}

_WRITERS: dict[str, Callable[[StudyPlanner, Path], int]] = {
    "sessions": exchange.export_sessions_csv,
    "mocks": exchange.export_mocks_csv,
    "json": exchange.export_json,
    "ical": exchange.export_ical,
}


# -- what tests replace ----------------------------------------------------------------------


def choose_save_path(
    parent: QWidget, caption: str, suggested: Path, file_filter: str
) -> Path | None:
    """Ask for the file to write (None: cancelled)."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    return Path(name) if name else None


def choose_open_path(parent: QWidget, caption: str, file_filter: str) -> Path | None:
    """Ask for the file to read (None: cancelled)."""
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(default_folder()), file_filter)
    return Path(name) if name else None


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question (modal)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def default_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def default_name(kind: ExportKind, today: dt.date) -> str:
    """``studyplanner-sessions-2026-02-12.csv`` and the like."""
    return f"studyplanner-{kind.stem}-{today.isoformat()}.{kind.suffix}"


# -- rendering the Overview ------------------------------------------------------------------


def overview_png(widget: QWidget) -> bytes:
    """The widget as it looks now, as PNG bytes (its own size, in device pixels)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not widget.grab().save(buffer, "PNG"):
        raise exchange.ExportError(
            QCoreApplication.translate(
                "ExchangeMenu", "the Overview could not be drawn as an image"
            )
        )
    buffer.close()
    return bytes(data.data())


def overview_pdf(
    summary: str, figures: list[tuple[str, str, str]], charts: list[QWidget]
) -> tuple[bytes, int]:
    """An A4 PDF: the headline figures and the text summary on page 1, then the charts.

    *figures* are (caption, value, detail); each chart widget is drawn scaled to the page width
    (two to a page).  Returns the bytes and the number of pages.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(QCoreApplication.translate("ExchangeMenu", "StudyPlanner report"))
    writer.setCreator("StudyPlanner")
    pages = 1
    painter = QPainter()
    if not painter.begin(writer):
        raise exchange.ExportError(
            QCoreApplication.translate("ExchangeMenu", "the PDF report could not be started")
        )
    try:
        area = writer.pageLayout().paintRectPixels(PDF_DPI)
        width, height = area.width(), area.height()
        y = 0
        title_font = QFont()
        title_font.setPointSizeF(16)
        title_font.setBold(True)
        painter.setFont(title_font)
        line = painter.fontMetrics().lineSpacing()
        painter.drawText(
            QRect(0, y, width, line),
            Qt.AlignmentFlag.AlignLeft,
            QCoreApplication.translate("ExchangeMenu", "StudyPlanner report"),
        )
        y += line * 2
        caption_font = QFont()
        caption_font.setPointSizeF(10)
        caption_font.setBold(True)
        body_font = QFont()
        body_font.setPointSizeF(10)
        for caption, value, detail in figures:
            painter.setFont(caption_font)
            text = f"{caption}: {value}"
            box = painter.boundingRect(QRect(0, y, width, height), Qt.TextFlag.TextWordWrap, text)
            painter.drawText(box, Qt.TextFlag.TextWordWrap, text)
            y = box.bottom() + 2
            painter.setFont(body_font)
            box = painter.boundingRect(QRect(0, y, width, height), Qt.TextFlag.TextWordWrap, detail)
            painter.drawText(box, Qt.TextFlag.TextWordWrap, detail)
            y = box.bottom() + line // 2
        y += line
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(8.5)
        painter.setFont(mono)
        box = painter.boundingRect(
            QRect(0, y, width, height - y), Qt.TextFlag.TextWordWrap, summary
        )
        painter.drawText(box, Qt.TextFlag.TextWordWrap, summary)
        slot = height // 2
        for index, chart in enumerate(charts):
            if index % 2 == 0:
                writer.newPage()
                pages += 1
            size = chart.size()
            if size.width() <= 0 or size.height() <= 0:
                continue
            scale = min(width / size.width(), (slot - line) / size.height())
            top = (index % 2) * slot
            painter.save()
            painter.translate(0, top)
            painter.scale(scale, scale)
            QWidget.render(chart, painter, QPoint())  # a chart view overrides render()
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), pages


# -- the menu --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class _Outcome:
    count: int
    error: Exception | None = None


def _write_job(write: Callable[[], int]) -> _Outcome:
    """The pool-thread part of an export: the count, or the error to show on the GUI."""
    try:
        return _Outcome(write())
    except (exchange.ExportError, StoreError) as exc:
        return _Outcome(0, exc)


def _write_bytes(path: Path, data: bytes, count: int) -> int:
    exchange.write_atomic(path, data)
    return count


class ExchangeActions(QObject):
    """The File menu's import, restore and export actions of one main window."""

    export_done = Signal(str)  # the status text: what was written, and where
    export_failed = Signal(str)  # the message shown
    imported = Signal(str)  # the status text after an import or a restore

    def __init__(self, window: MainWindow, planner: StudyPlanner) -> None:
        super().__init__(window)
        self.setObjectName("exchange_actions")
        self.window = window
        self.planner = planner
        self._running: Worker | None = None
        self._last_worker: Worker | None = None  # kept until the pool thread is surely done
        self.message_box: QMessageBox | None = None  # the last error or notice shown

    # -- exports -----------------------------------------------------------------------------

    def is_exporting(self) -> bool:
        return self._running is not None

    def done_text(self, key: str, count: int, path: Path) -> str:
        """The status text after the export *key* wrote *count* things to *path*."""
        if key == "sessions":
            text = self.tr("Exported %n session(s) to {0}", "", count)
        elif key == "mocks":
            text = self.tr("Exported %n mock test(s) to {0}", "", count)
        elif key == "json":
            text = self.tr("Exported a backup with %n session(s) to {0}", "", count)
        elif key == "ical":
            text = self.tr("Exported %n calendar event(s) to {0}", "", count)
        elif key == "png":
            text = self.tr("Exported the Overview as an image of %n byte(s) to {0}", "", count)
        else:
            text = self.tr("Exported a report of %n page(s) to {0}", "", count)
        return text.format(path)

    def export(self, key: str) -> bool:
        """Ask for a file name (with today's date), then export; False if nothing started."""
        kind = KINDS_BY_KEY[key]
        suggested = default_folder() / default_name(kind, self.planner.today())
        path = choose_save_path(
            self.window,
            QCoreApplication.translate("ExchangeMenu", "Export {0}").format(
                _label(kind.label).replace("&", "").rstrip("…")
            ),
            suggested,
            _label(kind.file_filter),
        )
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix("." + kind.suffix)
        return self.export_to(key, path)

    def export_to(self, key: str, path: Path) -> bool:
        """Start the export *key* to *path* on the worker pool; False if one is still running."""
        if self._running is not None:
            self._status(
                QCoreApplication.translate(
                    "ExchangeMenu", "An export is still running; try again when it has finished"
                )
            )
            return False
        kind = KINDS_BY_KEY[key]
        try:
            job = self._job(kind, path)
        except exchange.ExportError as exc:
            self._show_error(str(exc))
            return False
        worker = Worker(lambda: _write_job(job))
        worker.signals.finished.connect(lambda outcome: self._on_finished(kind, path, outcome))
        worker.signals.failed.connect(self._on_crashed)
        self._running = worker
        self.window.statusBar().showMessage(
            QCoreApplication.translate("ExchangeMenu", "Exporting to {0}…").format(path)
        )
        app_pool().start(worker)
        return True

    def _job(self, kind: ExportKind, path: Path) -> Callable[[], int]:
        planner = self.planner
        writer = _WRITERS.get(kind.key)
        if writer is not None:
            return lambda: writer(planner, path)
        _refuse_database(planner, path)
        overview = self.window.overview_view
        report = self.window.report
        if report is None:
            raise exchange.ExportError(
                QCoreApplication.translate(
                    "ExchangeMenu",
                    "there is no plan yet, so no Overview to export: create one first",
                )
            )
        if kind.key == "png":
            data = overview_png(overview)
            count = len(data)
        else:
            figures = [
                (card.caption.text(), card.value.text(), card.detail.text())
                for card in (
                    overview.p_pass_card,
                    overview.days_card,
                    overview.slip_card,
                    overview.hours_card,
                    overview.next_card,
                )
            ]
            charts = [overview.chart_widgets[name] for name in overview.chart_widgets]
            data, count = overview_pdf(text_summary(report), figures, charts)
        return lambda: _write_bytes(path, data, count)

    def _on_finished(self, kind: ExportKind, path: Path, outcome: object) -> None:
        self._last_worker, self._running = self._running, None
        assert isinstance(outcome, _Outcome)
        if isinstance(outcome.error, StoreError):
            self.window.statusBar().clearMessage()
            show_storage_fault(self.window, outcome.error)
            self.export_failed.emit(str(outcome.error))
        elif outcome.error is not None:
            self._show_error(str(outcome.error))
        else:
            text = self.done_text(kind.key, outcome.count, path)
            self._status(text)
            self.export_done.emit(text)

    def _on_crashed(self, trace: str) -> None:
        self._last_worker, self._running = self._running, None
        last = trace.strip().splitlines()[-1] if trace.strip() else ""
        self._show_error(last)

    def _show_error(self, text: str) -> None:
        message = QCoreApplication.translate("ExchangeMenu", "The export failed: {0}").format(text)
        self.window.statusBar().showMessage(message, STATUS_TIMEOUT_MS)
        self.message_box = self._box(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ExchangeMenu", "Export failed"),
            message,
        )
        self.export_failed.emit(message)

    # -- imports -----------------------------------------------------------------------------

    def import_sessions(self) -> SessionsImportDialog | None:
        """File → Import sessions: choose a CSV, then the preview dialog (returned, open)."""
        path = choose_open_path(
            self.window,
            QCoreApplication.translate("ExchangeMenu", "Import sessions"),
            QCoreApplication.translate("ExchangeMenu", "CSV files (*.csv);;All files (*)"),
        )
        return None if path is None else self.import_sessions_from(path)

    def import_sessions_from(self, path: Path) -> SessionsImportDialog:
        """The preview dialog for *path*, opened (window-modal); refreshes after an import."""
        dialog = SessionsImportDialog(self.planner, path, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_sessions_import(dialog))
        dialog.open()
        return dialog

    def _after_sessions_import(self, dialog: SessionsImportDialog) -> None:
        result = dialog.imported
        if result is None:
            return
        count = result.n
        text = self.tr("Imported %n session(s) from {0}; {1} already stored", "", count).format(
            dialog.path.name, result.already_present
        )
        if result.uuids:  # Edit > Undo takes the whole import back
            self.window.undo_stack.push(
                ImportSessionsCommand(
                    self.planner,
                    result.uuids,
                    text=self.tr("Import %n session(s) from {0}", "", count).format(
                        dialog.path.name
                    ),
                    changed=self.window.request_report,
                    failed=self._undo_failed,
                )
            )
        self._refresh(text)

    def restore_backup(self) -> bool:
        """File → Restore JSON backup: choose the file, then :meth:`restore_backup_from`."""
        path = choose_open_path(
            self.window,
            QCoreApplication.translate("ExchangeMenu", "Restore JSON backup"),
            QCoreApplication.translate("ExchangeMenu", "JSON backups (*.json);;All files (*)"),
        )
        return path is not None and self.restore_backup_from(path)

    def restore_backup_from(self, path: Path) -> bool:
        """Check the backup, say what it holds and what happens, confirm, restore; True if so."""
        try:
            preview = exchange.preview_json(self.planner, path)
            empty = self.planner.current_plan() is None
        except StoreError as exc:
            show_storage_fault(self.window, exc)
            return False
        if preview.problems:
            self.message_box = self._box(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("ExchangeMenu", "The backup cannot be restored"),
                QCoreApplication.translate("ExchangeMenu", "Nothing was changed. {0}").format(
                    "\n".join(preview.problems[:10])
                ),
            )
            return False
        holds = QCoreApplication.translate(
            "ExchangeMenu",
            "The backup {0} holds {1} plan(s), {2} module(s), {3} session(s) and {4} mock test(s).",
        ).format(path.name, preview.plans, preview.modules, preview.sessions, preview.mock_tests)
        if empty:
            effect = QCoreApplication.translate(
                "ExchangeMenu",
                "This database holds no plan, so nothing is replaced: everything in the backup"
                " is added as it was.",
            )
        else:
            effect = QCoreApplication.translate(
                "ExchangeMenu",
                "This database already holds everything in the backup: nothing will be replaced"
                " or added.",
            )
        if not confirm(
            self.window,
            QCoreApplication.translate("ExchangeMenu", "Restore JSON backup"),
            f"{holds}\n\n{effect}",
        ):
            return False
        try:
            result = exchange.import_json(self.planner, path)
        except exchange.ImportRejected as exc:
            self.message_box = self._box(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("ExchangeMenu", "The backup cannot be restored"),
                QCoreApplication.translate("ExchangeMenu", "Nothing was changed. {0}").format(
                    "\n".join(exc.messages[:10])
                ),
            )
            return False
        except StoreError as exc:
            show_storage_fault(self.window, exc)
            return False
        if result.n:
            # the commands on the undo stack refer to the database before the restore
            self.window.undo_stack.clear()
        count = result.n
        self._refresh(
            self.tr("Restored the backup {0}: %n session(s); {1} already stored", "", count).format(
                path.name, result.already_present
            )
        )
        return True

    # -- helpers -----------------------------------------------------------------------------

    def _refresh(self, text: str) -> None:
        self.window.request_report()
        self._status(text)
        self.imported.emit(text)

    def _undo_failed(self, text: str) -> None:
        """An undo or redo of an import that could not be written: say so until dismissed."""
        self.message_box = self._box(QMessageBox.Icon.Warning, self.tr("Import sessions"), text)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def _box(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAccessibleName(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        return box


def _refuse_database(planner: StudyPlanner, path: Path) -> None:
    """The Overview exports never replace the database file (exchange checks its own exports)."""
    database = planner.db.path.resolve()
    protected = {database.with_name(database.name + s) for s in ("", "-wal", "-shm", ".lock")}
    if path.expanduser().resolve() in protected:
        raise exchange.ExportError(
            QCoreApplication.translate(
                "ExchangeMenu", "{0} is the StudyPlanner database itself; choose another file"
            ).format(path)
        )


def install(window: MainWindow, file_menu: QMenu) -> ExchangeActions:
    """Add the import, restore and export actions to *file_menu* (after the entries so far).

    The actions are the window's own (``window.actions_by_name``), so the keyboard shortcuts
    dialog lists them.
    """
    actions = ExchangeActions(window, window.planner)
    add = window._action
    file_menu.addSeparator()
    file_menu.addAction(
        add(
            "import_sessions",
            QCoreApplication.translate("ExchangeMenu", "&Import sessions…"),
            QCoreApplication.translate(
                "ExchangeMenu",
                "Import study sessions from a StudyPlanner, Toggl Track or Clockify CSV",
            ),
            actions.import_sessions,
            [QKeySequence("Ctrl+I")],
        )
    )
    file_menu.addAction(
        add(
            "restore_json",
            QCoreApplication.translate("ExchangeMenu", "&Restore JSON backup…"),
            QCoreApplication.translate(
                "ExchangeMenu", "Restore a whole-database JSON backup into an empty database"
            ),
            actions.restore_backup,
        )
    )
    export_menu = file_menu.addMenu(QCoreApplication.translate("ExchangeMenu", "&Export"))
    export_menu.setObjectName("export_menu")
    for kind in EXPORT_KINDS:
        export_menu.addAction(
            add(
                f"export_{kind.key}",
                _label(kind.label),
                QCoreApplication.translate("ExchangeMenu", "Write {0} to a file").format(
                    _label(kind.label).replace("&", "").rstrip("…")
                ),
                functools.partial(actions.export, kind.key),
            )
        )
    return actions
