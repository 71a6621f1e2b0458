"""Data safety while the window is open (RELIABILITY.md B6, B7, section 4 "Backups").

- :class:`BackupScheduler`: a verified backup every 30 minutes while the window is open, taken on
  the worker pool (never on the GUI thread) and thinned by the store's retention scheme. A backup
  is dropped when nothing changed since the newest one, so an idle window adds no files.
- :func:`show_open_warnings`: the things the store noticed at open (``Database.warnings``: a
  skipped start backup, a journal set aside, ...) are shown once, non-modally, after the window.
- :func:`storage_fault_text` / :func:`show_storage_fault`: the message for a storage fault met
  *during* use (disk full, read-only, file in use): what happened, the fix, and that everything
  saved before is safe. The form that failed keeps what the user typed.
- :func:`write_settings_atomically`: the window's settings file is written as temp file, fsync,
  rename, fsync of the folder (B5), with ``settings:*`` crash points (REL-CRASH-02).
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from studyplanner.store import files
from studyplanner.store.crash import crashpoint, register_crashpoint
from studyplanner.store.db import Database
from studyplanner.store.errors import (
    BackupFailed,
    BackupNotVerified,
    DatabaseCorrupt,
    DatabaseInUse,
    StorageFull,
    StorageReadOnly,
    StorageUnavailable,
    StoreError,
)
from studyplanner.ui.workers import Worker, app_pool

BACKUP_INTERVAL_MS = 30 * 60 * 1000
WARNING_TIMEOUT_MS = 30_000

CRASH_SETTINGS_WRITTEN = register_crashpoint("settings:temp-written")
CRASH_SETTINGS_RENAMED = register_crashpoint("settings:renamed")

__all__ = [
    "BACKUP_INTERVAL_MS",
    "BackupScheduler",
    "install",
    "show_open_warnings",
    "show_storage_fault",
    "storage_fault_message",
    "storage_fault_text",
    "write_settings_atomically",
]


# -- scheduled backups -----------------------------------------------------------------------


def scheduled_backup(db: Database) -> str:
    """Take the scheduled backup and thin the old ones; return the backup's file name.

    Runs on a pool thread. Raises :class:`BackupFailed` (nothing left under a final name).
    """
    made = db.backup("scheduled", only_if_changed=True)
    db.thin_backups()
    return made.name


class BackupScheduler(QObject):
    """A verified backup every *interval_ms* while the window is open, off the GUI thread."""

    backup_done = Signal(str)  # the backup's file name
    backup_failed = Signal(str)  # the message for the user
    data_suspect = Signal(str)  # the backup copy did not verify: the live file may be damaged

    def __init__(
        self, db: Database, parent: QObject | None = None, interval_ms: int = BACKUP_INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._running: Worker | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.backup_now)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def is_running(self) -> bool:
        return self._running is not None

    def backup_now(self) -> bool:
        """Start a backup on the worker pool; False when one is still running or not possible."""
        if self._running is not None or self._db.read_only:
            return False
        db = self._db
        worker = Worker(lambda: _backup_job(db))
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_crashed)
        self._running = worker
        app_pool().start(worker)
        return True

    def _on_finished(self, result: object) -> None:
        self._running = None
        outcome = result if isinstance(result, BackupOutcome) else BackupOutcome(False, str(result))
        if outcome.ok:
            self.backup_done.emit(outcome.text)
        elif outcome.suspect:
            self.data_suspect.emit(outcome.text)
        else:
            self.backup_failed.emit(outcome.text)

    def _on_crashed(self, trace: str) -> None:
        self._running = None
        last = trace.strip().splitlines()[-1] if trace.strip() else ""
        self.backup_failed.emit(
            QCoreApplication.translate("Safety", "The scheduled backup failed: {0}").format(last)
        )


@dataclasses.dataclass(frozen=True, slots=True)
class BackupOutcome:
    """What a scheduled backup gives the GUI thread: the file name, or a message for the user."""

    ok: bool
    text: str
    suspect: bool = False  # the copy did not verify: the live data may be damaged


def _backup_job(db: Database) -> BackupOutcome:
    """The pool-thread part of a scheduled backup."""
    try:
        return BackupOutcome(True, scheduled_backup(db))
    except BackupNotVerified as exc:
        return BackupOutcome(False, str(exc), suspect=True)
    except (BackupFailed, StorageUnavailable, OSError) as exc:
        return BackupOutcome(
            False,
            QCoreApplication.translate("Safety", "The scheduled backup was skipped: {0}").format(
                exc
            ),
        )


def show_data_suspect(parent: QWidget | None, detail: str) -> QMessageBox:
    """Warn that a backup copy failed its check: restart to check the file and offer a restore.

    The database has marked itself suspect, so the next start runs the full integrity check
    (and offers the newest verified backup if the file is damaged).
    """
    title = QCoreApplication.translate("Safety", "Your data may be damaged")
    text = QCoreApplication.translate(
        "Safety",
        "A backup of your data failed its check ({0}). Your earlier backups are kept and"
        " nothing was deleted.\n\nQuit StudyPlanner and start it again: it will check the whole"
        " file and, if it is damaged, offer to restore the newest verified backup.",
    ).format(detail)
    return show_notice(parent, title, text, "data_suspect")


# -- messages --------------------------------------------------------------------------------


def storage_fault_text(exc: StoreError) -> tuple[str, str]:
    """A title and an explanation (with the fix) for a storage fault met while saving."""
    safe = QCoreApplication.translate(
        "Safety",
        "Everything saved before is safe, and what you typed is still in the form: save it"
        " again once the problem is fixed.",
    )
    if isinstance(exc, StorageFull):
        return (
            QCoreApplication.translate("Safety", "The disk is full"),
            QCoreApplication.translate(
                "Safety", "{0}.\n\nFix: free some space on the disk holding {1}, then save again."
            ).format(exc, exc.path.parent)
            + "\n\n"
            + safe,
        )
    if isinstance(exc, StorageReadOnly):
        return (
            QCoreApplication.translate("Safety", "The data file is read-only"),
            QCoreApplication.translate(
                "Safety",
                "{0}.\n\nFix: make {1} and its folder writable again (file permissions, a disk"
                " mounted read-only, a full or failing disk), then restart StudyPlanner.",
            ).format(exc, exc.path)
            + "\n\n"
            + safe,
        )
    if isinstance(exc, DatabaseInUse):
        return (
            QCoreApplication.translate("Safety", "The data file is in use"),
            QCoreApplication.translate(
                "Safety",
                "{0}.\n\nFix: close the other copy of StudyPlanner or the program holding the"
                " file, then save again.",
            ).format(exc)
            + "\n\n"
            + safe,
        )
    if isinstance(exc, DatabaseCorrupt):
        return (
            QCoreApplication.translate("Safety", "The data file is damaged"),
            QCoreApplication.translate(
                "Safety",
                "{0}.\n\nFix: quit and start StudyPlanner again; it will offer to restore the"
                " newest verified backup (or run: studyplanner restore --latest).",
            ).format(exc),
        )
    if isinstance(exc, BackupFailed):
        return (
            QCoreApplication.translate("Safety", "The backup could not be made"),
            QCoreApplication.translate(
                "Safety",
                "{0}.\n\nNothing was changed. Fix: free some space or check the backups folder,"
                " then try again.",
            ).format(exc),
        )
    if isinstance(exc, StorageUnavailable):
        return (
            QCoreApplication.translate("Safety", "The data file cannot be written"),
            QCoreApplication.translate(
                "Safety",
                "{0}.\n\nFix: check that the disk is connected and has space and that the folder"
                " is writable, then save again.",
            ).format(exc)
            + "\n\n"
            + safe,
        )
    return (
        QCoreApplication.translate("Safety", "StudyPlanner: data file problem"),
        f"{exc}.\n\n{safe}",
    )


def storage_fault_message(exc: StoreError) -> str:
    """The title and the explanation of :func:`storage_fault_text`, for an error label."""
    return "\n".join(storage_fault_text(exc))


def show_storage_fault(parent: QWidget | None, exc: StoreError) -> QMessageBox:
    """Show :func:`storage_fault_text` in a non-modal box (the form behind it stays usable)."""
    title, text = storage_fault_text(exc)
    return show_notice(parent, title, text, "storage_fault")


def show_notice(
    parent: QWidget | None,
    title: str,
    text: str,
    name: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """A non-modal message box named *name* (plain text) that deletes itself when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.setAccessibleName(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def show_open_warnings(window: QMainWindow, warnings: list[str]) -> QMessageBox | None:
    """Show what the store noticed at open, once: in the status bar and a non-modal notice."""
    if not warnings:
        return None
    text = "\n\n".join(w if w.endswith(".") else w + "." for w in warnings)
    window.statusBar().showMessage(" ".join(text.split()), WARNING_TIMEOUT_MS)
    title = QCoreApplication.translate("Safety", "StudyPlanner noticed a problem at start")
    box = show_notice(window, title, text, "open_warnings", QMessageBox.Icon.Information)
    warnings.clear()  # once: a second call shows nothing
    return box


def install(window: QMainWindow, db: Database) -> BackupScheduler:
    """Start the scheduled backups and show the open warnings once the event loop runs."""
    scheduler = BackupScheduler(db, window)
    scheduler.setObjectName("backup_scheduler")
    scheduler.backup_failed.connect(
        lambda message: window.statusBar().showMessage(message, WARNING_TIMEOUT_MS)
    )
    scheduler.data_suspect.connect(lambda detail: show_data_suspect(window, detail))
    scheduler.start()
    QTimer.singleShot(0, window, lambda: show_open_warnings(window, db.warnings))
    return scheduler


# -- the settings file -----------------------------------------------------------------------


def write_settings_atomically(settings: QSettings, values: Mapping[str, object]) -> bool:
    """Store *values* in the ini file of *settings*: the old whole file or the new one, never less.

    The new content is produced by a scratch ``QSettings`` (so the format is Qt's own), then
    written to a temp file beside the target, fsync'd, renamed onto it and the folder fsync'd.
    *settings* then re-reads the file. Settings that are not an ini file are set and synced the
    usual way. Returns False (the old file kept) when the file cannot be written.
    """
    target_name = settings.fileName()
    if settings.format() != QSettings.Format.IniFormat or not target_name:
        for key, value in values.items():
            settings.setValue(key, value)
        settings.sync()
        return settings.status() == QSettings.Status.NoError
    target = Path(target_name)
    settings.sync()  # pick up any other pending change first
    with tempfile.TemporaryDirectory(prefix="studyplanner-settings-") as scratch_dir:
        scratch_path = Path(scratch_dir) / "settings.ini"
        scratch = QSettings(str(scratch_path), QSettings.Format.IniFormat)
        for key in settings.allKeys():
            scratch.setValue(key, settings.value(key))
        for key, value in values.items():
            scratch.setValue(key, value)
        scratch.sync()
        ok = scratch.status() == QSettings.Status.NoError
        del scratch
        if not ok:
            return False
        data = scratch_path.read_bytes()
    if not _replace_file(target, data):
        return False
    settings.sync()  # nothing pending: re-reads the new file
    return True


def _replace_file(target: Path, data: bytes) -> bool:
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob(f".{target.name}.*.tmp"):  # from a write a crash cut short
            leftover.unlink()
        files.replace_atomically(
            target, data, before_rename=lambda: crashpoint(CRASH_SETTINGS_WRITTEN)
        )
    except OSError:
        return False
    crashpoint(CRASH_SETTINGS_RENAMED)
    return True
