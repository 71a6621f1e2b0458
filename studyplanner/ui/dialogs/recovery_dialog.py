"""The "data file is damaged" dialog (RELIABILITY.md B4, B7, REL-CORR): restore, start empty, quit.

:func:`recover_and_open` is what the window does when ``open_database`` raises
:class:`~studyplanner.store.errors.DatabaseCorrupt` (or ``DatabaseMissing``): the damaged file is
already in quarantine. With verified backups, :class:`RecoveryDialog` lists them (date, size,
sessions) and restores the chosen one through :mod:`studyplanner.store.recovery`, which saves or
quarantines the current file first and never deletes anything. Without backups, a message offers
to start with an empty file. Starting empty happens only when the user picks it; cancelling
changes nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.store import recovery
from studyplanner.store.db import Database, open_database
from studyplanner.store.errors import DatabaseCorrupt, StoreError
from studyplanner.store.recovery import RestoreCandidate, RestoreResult
from studyplanner.ui.startup import off_gui_thread

__all__ = ["Choice", "RecoveryDialog", "candidate_text", "recover_and_open"]


class Choice(enum.Enum):
    CANCEL = "cancel"
    RESTORED = "restored"
    START_EMPTY = "start-empty"


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def candidate_text(candidate: RestoreCandidate) -> str:
    """``2025-03-01 14:05 (500 sessions), 1.2 MB`` for the list of backups."""
    try:
        size = _size_text(candidate.path.stat().st_size)
    except OSError:
        size = "?"
    return f"{candidate.label()}, {size}"


class RecoveryDialog(QDialog):
    """List the verified backups of *path*; restore one, start empty, or cancel.

    After ``exec()``, :attr:`choice` says what the user did and :attr:`result_info` holds the
    :class:`RestoreResult` of a restore. The dialog never opens the database itself.
    """

    def __init__(
        self,
        path: Path,
        error: DatabaseCorrupt,
        candidates: list[RestoreCandidate] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.error = error
        self.candidates = (
            recovery.find_restorable_backups(path) if candidates is None else candidates
        )
        self.choice = Choice.CANCEL
        self.result_info: RestoreResult | None = None
        self.setWindowTitle(QCoreApplication.translate("RecoveryDialog", "Restore your data"))
        self.setObjectName("recovery_dialog")
        self.setAccessibleName(QCoreApplication.translate("RecoveryDialog", "Restore your data"))

        layout = QVBoxLayout(self)
        self.message = QLabel(self._message_text())
        self.message.setObjectName("recovery_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.backup_list = QListWidget()
        self.backup_list.setObjectName("backup_list")
        self.backup_list.setAccessibleName(
            QCoreApplication.translate("RecoveryDialog", "Verified backups, newest first")
        )
        for candidate in self.candidates:
            item = QListWidgetItem(candidate_text(candidate))
            item.setToolTip(str(candidate.path))
            item.setData(Qt.ItemDataRole.UserRole, str(candidate.path))
            self.backup_list.addItem(item)
        if self.candidates:
            self.backup_list.setCurrentRow(0)
        self.backup_list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout.addWidget(self.backup_list)

        self.error_label = QLabel()
        self.error_label.setObjectName("recovery_error")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self._busy = False
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("recovery_busy")
        self.busy_bar.setAccessibleName(
            QCoreApplication.translate("RecoveryDialog", "Restoring the backup")
        )
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        layout.addWidget(self.busy_bar)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(
            QCoreApplication.translate("RecoveryDialog", "Restore the selected backup")
        )
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(bool(self.candidates))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(
            QCoreApplication.translate("RecoveryDialog", "Start with an empty file")
        )
        self.empty_button.setObjectName("start_empty_button")
        self.empty_button.setToolTip(
            QCoreApplication.translate(
                "RecoveryDialog",
                "The damaged file stays in the quarantine folder and the backups are kept",
            )
        )
        self.empty_button.clicked.connect(self.start_empty)
        self.cancel_button = QPushButton(
            QCoreApplication.translate("RecoveryDialog", "Quit without changing anything")
        )
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _message_text(self) -> str:
        kept = self.error.quarantined
        text = QCoreApplication.translate(
            "RecoveryDialog", "StudyPlanner cannot read its data file:\n{0}."
        ).format(self.error)
        if kept is not None and str(kept) not in str(self.error):
            text += "\n\n" + QCoreApplication.translate(
                "RecoveryDialog", "The damaged file is kept at {0}."
            ).format(kept)
        if self.candidates:
            text += "\n\n" + QCoreApplication.translate(
                "RecoveryDialog",
                "Choose a verified backup to restore. Your current file is saved or kept in"
                " quarantine first; nothing is deleted.",
            )
        else:
            text += "\n\n" + QCoreApplication.translate(
                "RecoveryDialog", "No verified backup was found in {0}."
            ).format(self.path.parent / "backups")
        return text

    def selected(self) -> RestoreCandidate | None:
        row = self.backup_list.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def restore_selected(self) -> bool:
        """Restore the selected backup; on success close the dialog with :attr:`Choice.RESTORED`."""
        chosen = self.selected()
        if chosen is None:
            self._show_error(QCoreApplication.translate("RecoveryDialog", "Choose a backup first."))
            return False
        self._set_busy(True)
        try:
            # Copying and verifying a large file takes seconds: the dialog stays responsive.
            self.result_info = off_gui_thread(lambda: recovery.restore_backup(self.path, chosen))
        except StoreError as exc:
            self._show_error(
                QCoreApplication.translate(
                    "RecoveryDialog", "The restore did not happen: {0}."
                ).format(exc)
            )
            return False
        finally:
            self._set_busy(False)
        self.choice = Choice.RESTORED
        self.accept()
        return True

    def is_busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        """While a restore runs: a busy bar, and no button, list or Escape that could act."""
        self._busy = busy
        self.busy_bar.setVisible(busy)
        for widget in (self.backup_list, self.restore_button, self.empty_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        if busy:
            self.error_label.hide()

    def reject(self) -> None:
        if not self._busy:  # a restore under way finishes first (it leaves no half state)
            super().reject()

    def start_empty(self) -> None:
        self.choice = Choice.START_EMPTY
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


Describe = Callable[[StoreError], tuple[str, str]]


def _no_backup_choice(error: DatabaseCorrupt, describe: Describe, parent: QWidget | None) -> Choice:
    """No verified backup: say so; the user may start with an empty file or close."""
    title, text = describe(error)
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close, parent
    )
    box.setAccessibleName(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    empty = box.addButton(
        QCoreApplication.translate("RecoveryDialog", "Start with an empty file"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.exec()
    return Choice.START_EMPTY if box.clickedButton() is empty else Choice.CANCEL


def recover_and_open(
    path: Path,
    error: DatabaseCorrupt,
    *,
    describe: Describe,
    on_error: Callable[[StoreError], None],
    parent: QWidget | None = None,
) -> Database | None:
    """Ask how to recover from *error*, do it, and open the database; None if the user quit.

    *describe* gives the title and text of the message shown when there is no verified backup.
    A store error while reopening goes to *on_error* (the caller's message box) and gives None.
    """
    try:  # each backup is verified (integrity_check of a copy): seconds for a large file
        candidates = off_gui_thread(lambda: recovery.find_restorable_backups(path))
    except (StoreError, OSError):
        candidates = []
    if candidates:
        dialog = RecoveryDialog(path, error, candidates, parent)
        dialog.exec()
        choice = dialog.choice
    else:
        choice = _no_backup_choice(error, describe, parent)
    if choice is Choice.CANCEL:
        return None
    try:
        return off_gui_thread(lambda: open_database(path, start_empty=choice is Choice.START_EMPTY))
    except StoreError as exc:
        on_error(exc)
        return None
