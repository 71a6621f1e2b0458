"""The recovery dialog on real damaged files: restore is digest-equal, cancel changes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from studyplanner import services
from studyplanner.store import backup, recovery
from studyplanner.store.db import open_database
from studyplanner.store.errors import DatabaseCorrupt, DatabaseMissing, StoreError
from studyplanner.ui import main as ui_main
from studyplanner.ui.dialogs.recovery_dialog import Choice, RecoveryDialog, recover_and_open
from tests.helpers import db_digest

DB_NAME = "studyplanner.sqlite3"


def _populate(path: Path, sessions: int) -> None:
    db = open_database(path)
    try:
        planner = services.StudyPlanner(
            db, clock=lambda: dt.datetime(2025, 1, 1, tzinfo=dt.UTC), zone="UTC"
        )
        if planner.current_plan() is None:
            planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 1, 1))
        modules = [m.id for m in planner.modules()]
        for n in range(sessions):
            planner.log_session(
                modules[n % len(modules)],
                30,
                on=dt.date(2024, 1, 2) + dt.timedelta(days=n // 10),
                at=dt.time(n % 10, 0),
                note=f"session {n}",
            )
    finally:
        db.close()


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, str]:
    """A data file with 40 sessions and a backup of it, then its header overwritten.

    Returns the path and the digest of the data before the damage.
    """
    path = tmp_path / "data" / DB_NAME
    _populate(path, 40)
    open_database(path).close()  # the start backup now holds the 40 sessions
    digest = db_digest(path)
    data = path.read_bytes()
    path.write_bytes(b"\xa5" * 16 + data[16:])  # as tests/reliability/test_corruption.py "a-header"
    return path, digest


def _corrupt_error(path: Path) -> DatabaseCorrupt:
    with pytest.raises(DatabaseCorrupt) as caught:
        open_database(path)
    return caught.value


def _tree(folder: Path) -> dict[str, str]:
    """Every file under *folder* with its SHA-256 (what "nothing changed" compares)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def test_the_dialog_lists_verified_backups_and_restores_digest_equal(
    qtbot: QtBot, damaged: tuple[Path, str]
) -> None:
    path, before = damaged
    error = _corrupt_error(path)
    assert error.quarantined is not None and not path.exists()
    dialog = RecoveryDialog(path, error)
    qtbot.addWidget(dialog)
    assert dialog.backup_list.count() >= 1
    first = dialog.backup_list.item(0).text()
    assert "40 sessions" in first and "KB" in first
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is Choice.RESTORED
    assert dialog.result() == int(RecoveryDialog.DialogCode.Accepted)
    assert db_digest(path) == before
    db = open_database(path)
    try:
        assert len(services.StudyPlanner(db).sessions()) == 40
    finally:
        db.close()
    assert (error.quarantined / DB_NAME).is_file()  # the damaged file is kept, never deleted


def test_cancel_changes_nothing(qtbot: QtBot, damaged: tuple[Path, str]) -> None:
    path, _ = damaged
    error = _corrupt_error(path)
    before = _tree(path.parent)
    dialog = RecoveryDialog(path, error)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is Choice.CANCEL
    assert dialog.result() == int(RecoveryDialog.DialogCode.Rejected)
    assert _tree(path.parent) == before
    with pytest.raises(DatabaseMissing):  # still no silent first run (B4)
        open_database(path)


def test_a_failed_restore_says_why_and_keeps_the_dialog_open(
    qtbot: QtBot, damaged: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = damaged
    error = _corrupt_error(path)
    dialog = RecoveryDialog(path, error)
    qtbot.addWidget(dialog)
    chosen = dialog.selected()
    assert chosen is not None
    chosen.path.write_bytes(b"now damaged too")  # the backup went bad after it was listed
    before = _tree(path.parent)
    assert dialog.restore_selected() is False
    assert dialog.choice is Choice.CANCEL
    assert "cannot be restored" in dialog.error_label.text()
    assert not dialog.error_label.isHidden()
    assert _tree(path.parent) == before


def _answer_when_shown(click: str) -> None:
    """Click the button named *click* of the modal recovery dialog as soon as it is shown."""

    def press() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, RecoveryDialog) and widget.isVisible():
                getattr(widget, click).click()
                return
        QTimer.singleShot(20, press)

    QTimer.singleShot(0, press)


def test_the_window_start_restores_then_opens(qtbot: QtBot, damaged: tuple[Path, str]) -> None:
    path, before = damaged
    _answer_when_shown("restore_button")
    db = ui_main._open(path)
    assert db is not None
    try:
        assert len(services.StudyPlanner(db).sessions()) == 40
    finally:
        db.close()
    assert db_digest(path) == before


def test_the_window_start_cancel_opens_nothing(qtbot: QtBot, damaged: tuple[Path, str]) -> None:
    path, _ = damaged
    error = _corrupt_error(path)
    before = _tree(path.parent)
    _answer_when_shown("cancel_button")
    shown: list[StoreError] = []
    assert (
        recover_and_open(path, error, describe=ui_main.store_error_text, on_error=shown.append)
        is None
    )
    assert _tree(path.parent) == before and not shown


def test_start_empty_only_on_request_and_the_damaged_file_stays(
    qtbot: QtBot, damaged: tuple[Path, str]
) -> None:
    path, _ = damaged
    error = _corrupt_error(path)
    assert error.quarantined is not None
    kept = (error.quarantined / DB_NAME).read_bytes()
    backups = {p: p.read_bytes() for p in backup.list_backups(path.parent / "backups")}
    _answer_when_shown("empty_button")
    db = recover_and_open(path, error, describe=ui_main.store_error_text, on_error=print)
    assert db is not None
    try:
        assert services.StudyPlanner(db).current_plan() is None
    finally:
        db.close()
    assert (error.quarantined / DB_NAME).read_bytes() == kept
    for old, data in backups.items():
        assert old.read_bytes() == data


def test_without_backups_a_message_offers_start_empty(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data" / DB_NAME
    path.parent.mkdir()
    path.write_bytes(b"this is not a database at all" * 10)
    error = _corrupt_error(path)
    assert recovery.find_restorable_backups(path) == []
    titles: list[str] = []

    def choose(box: QMessageBox, label: str) -> int:
        titles.append(box.windowTitle())
        wanted = next(b for b in box.buttons() if b.text() == label)
        wanted.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: choose(box, "Close"))
    assert recover_and_open(path, error, describe=ui_main.store_error_text, on_error=print) is None
    assert not path.exists()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: choose(box, "Start with an empty file"))
    db = recover_and_open(path, error, describe=ui_main.store_error_text, on_error=print)
    assert db is not None
    db.close()
    assert titles == ["The data file cannot be read"] * 2


def test_verifying_and_restoring_run_off_the_gui_thread(
    qtbot: QtBot, damaged: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each listed backup is verified and a restore copies and verifies a whole file: seconds
    at a million sessions, during which the windows must stay responsive."""
    path, before = damaged
    gui = threading.get_ident()
    threads: dict[str, int] = {}
    find, restore = recovery.find_restorable_backups, recovery.restore_backup
    busy_during_restore: list[bool] = []

    def finding(*args: Any, **kwargs: Any) -> list[recovery.RestoreCandidate]:
        threads["find"] = threading.get_ident()
        return find(*args, **kwargs)

    def restoring(*args: Any, **kwargs: Any) -> recovery.RestoreResult:
        threads["restore"] = threading.get_ident()
        return restore(*args, **kwargs)

    def check_busy() -> None:  # on the GUI thread, while the restore runs
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, RecoveryDialog) and widget.is_busy():
                busy_during_restore.append(
                    not widget.restore_button.isEnabled() and not widget.cancel_button.isEnabled()
                )
                widget.reject()  # Escape meanwhile: ignored, the restore finishes
                return
        if "restore" not in threads:
            QTimer.singleShot(1, check_busy)

    def slow_restoring(*args: Any, **kwargs: Any) -> recovery.RestoreResult:
        result = restoring(*args, **kwargs)
        deadline = time.monotonic() + 5
        while not busy_during_restore and time.monotonic() < deadline:
            time.sleep(0.01)
        return result

    monkeypatch.setattr(recovery, "find_restorable_backups", finding)
    monkeypatch.setattr(recovery, "restore_backup", slow_restoring)
    error = _corrupt_error(path)
    _answer_when_shown("restore_button")
    QTimer.singleShot(0, check_busy)
    db = recover_and_open(path, error, describe=ui_main.store_error_text, on_error=print)
    assert db is not None
    db.close()
    assert threads["find"] != gui and threads["restore"] != gui
    assert busy_during_restore == [True]
    assert db_digest(path) == before
