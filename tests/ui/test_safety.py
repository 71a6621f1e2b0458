"""The window's data safety: open warnings, scheduled backups, storage-fault messages, settings."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from studyplanner.services import StudyPlanner, bundled_notes_path
from studyplanner.store import backup
from studyplanner.store.db import Database, open_database
from studyplanner.store.errors import (
    BackupNotVerified,
    DatabaseInUse,
    StorageFull,
    StorageReadOnly,
    StorageUnavailable,
    StoreError,
)
from studyplanner.ui import main as ui_main
from studyplanner.ui import safety
from studyplanner.ui.main_window import MainWindow, settings_at
from studyplanner.ui.workers import app_pool
from tests.helpers import live_digest


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(tmp_path / "data" / "studyplanner.sqlite3")
    planner = StudyPlanner(opened)
    planner.import_notes_file(bundled_notes_path(), start=dt.date(2026, 1, 5))
    yield opened
    app_pool().waitForDone()
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    shown = MainWindow(StudyPlanner(db), settings=settings_at(tmp_path / "window.ini"))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()
    app_pool().waitForDone()


def _boxes(name: str) -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]


def _close_boxes() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            w.close()


# -- Database.warnings -----------------------------------------------------------------------


def test_open_warnings_are_shown_once_after_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data" / "studyplanner.sqlite3"
    first = open_database(path)
    StudyPlanner(first).import_notes_file(bundled_notes_path(), start=dt.date(2026, 1, 5))
    first.close()
    for old in (path.parent / "backups").iterdir():
        old.unlink()
    (path.parent / "backups").rmdir()
    (path.parent / "backups").write_text("a file where the backups folder should be")
    db = open_database(path)  # a real warning: the start backup cannot be made
    assert db.warnings and "no backup was made at start" in db.warnings[0]
    seen: list[tuple[str, str]] = []
    planner = StudyPlanner(db)
    window = MainWindow(planner, settings=settings_at(tmp_path / "window.ini"))
    qtbot.addWidget(window)

    def fake_exec(_app: QApplication) -> int:
        qtbot.waitUntil(lambda: bool(_boxes("open_warnings")))
        (box,) = _boxes("open_warnings")
        seen.append((box.text(), window.statusBar().currentMessage()))
        _close_boxes()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    try:
        assert ui_main._show(QApplication.instance(), planner, window) == 0  # type: ignore[arg-type]
        app_pool().waitForDone()
    finally:
        db.close()
    ((text, status),) = seen
    assert "no backup was made at start" in text
    assert "no backup was made at start" in status
    assert db.warnings == []  # shown once
    assert safety.show_open_warnings(window, db.warnings) is None


# -- scheduled backups -----------------------------------------------------------------------


def test_scheduled_backup_runs_off_the_gui_thread_and_thins(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_day = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    for hour in (1, 2, 3):
        with db.raw_connection() as conn:
            backup.take_backup(
                conn, db.backup_dir, reason="old", now=old_day.replace(hour=hour), stem=db.stem
            )
    old = [p for p in db.list_backups() if "-old" in p.name]
    assert len(old) == 3
    planner = StudyPlanner(db)
    planner.log_session(planner.modules()[0].id, 30)
    threads: list[threading.Thread] = []
    real = safety.scheduled_backup

    def recording(database: Database) -> str:
        threads.append(threading.current_thread())
        return real(database)

    monkeypatch.setattr(safety, "scheduled_backup", recording)
    scheduler = safety.BackupScheduler(db, window, interval_ms=30)
    assert safety.BACKUP_INTERVAL_MS == 30 * 60 * 1000
    with qtbot.waitSignal(scheduler.backup_done, timeout=10_000) as done:
        scheduler.start()
    scheduler.stop()
    app_pool().waitForDone()
    name = str(done.args[0]) if done.args else ""
    assert "-scheduled" in name and (db.backup_dir / name).is_file()
    assert threads and all(t is not threading.main_thread() for t in threads)
    with db.raw_connection() as conn:
        assert conn.execute("SELECT count(*) FROM study_session").fetchone()[0] == 1
    assert "-n1-" in name
    remaining = [p for p in old if p.exists()]
    assert len(remaining) == 1  # one per day is kept once older than 48 h


def test_a_failed_scheduled_backup_is_reported_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    StudyPlanner(db).log_session(StudyPlanner(db).modules()[0].id, 20)
    for old in db.backup_dir.iterdir():
        old.unlink()
    db.backup_dir.rmdir()
    db.backup_dir.write_text("not a folder")
    scheduler = safety.install(window, db)
    with qtbot.waitSignal(scheduler.backup_failed, timeout=10_000) as failed:
        assert scheduler.backup_now()
    scheduler.stop()
    message = str(failed.args[0]) if failed.args else ""
    assert "backup was skipped" in message
    assert "backup was skipped" in window.statusBar().currentMessage()
    _close_boxes()


def test_a_backup_that_does_not_verify_warns_and_makes_the_next_start_check_everything(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged_copy(*args: object, **kwargs: object) -> Path:
        raise BackupNotVerified(
            "the backup did not verify (page 7 is never used); the live data may be damaged"
        )

    monkeypatch.setattr(backup, "take_backup", damaged_copy)
    scheduler = safety.install(window, db)
    with qtbot.waitSignal(scheduler.data_suspect, timeout=10_000):
        assert scheduler.backup_now()
    scheduler.stop()
    box = window.findChild(QMessageBox, "data_suspect")
    assert box is not None and box.isVisible()
    assert "start it again" in box.text() and "page 7" in box.text()
    assert db.suspect  # so close() writes no clean line and the next start runs the full check
    _close_boxes()


def test_the_scheduler_does_not_start_a_second_backup_while_one_runs(
    window: MainWindow, db: Database
) -> None:
    scheduler = safety.BackupScheduler(db, window)
    assert scheduler.backup_now()
    assert scheduler.backup_now() is False  # the first is still running
    app_pool().waitForDone()
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    assert not scheduler.is_running()


# -- storage faults during use ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "title", "fix"),
    [
        (lambda p: StorageFull(p), "The disk is full", "free some space"),
        (lambda p: StorageReadOnly(p), "The data file is read-only", "writable again"),
        (lambda p: DatabaseInUse(p, "locked"), "The data file is in use", "close the other copy"),
        (
            lambda p: StorageUnavailable(p, "disk I/O error"),
            "The data file cannot be written",
            "disk is connected",
        ),
    ],
)
def test_storage_faults_during_use_name_the_fix_and_lose_nothing(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    make: object,
    title: str,
    fix: str,
) -> None:
    planner = window.planner
    saved = planner.log_session(planner.modules()[0].id, 45)
    before = live_digest(db)
    assert callable(make)
    fault: StoreError = make(db.path)

    def failing(*_args: object, **_kwargs: object) -> None:
        raise fault

    monkeypatch.setattr(planner, "start_timer", failing)
    window.toggle_timer()  # Ctrl+Space: the save fails with the injected store error
    qtbot.waitUntil(lambda: bool(_boxes("storage_fault")))
    (box,) = _boxes("storage_fault")
    assert box.windowTitle() == title
    assert fix in box.text().lower() or fix in box.text()
    assert str(db.path.parent) in box.text()
    assert "saved before is safe" in box.text()
    assert not box.isModal()
    box.close()
    assert planner.timer() is None
    assert live_digest(db) == before
    assert saved.uuid in {s.uuid for s in planner.sessions()}


# -- the settings file -----------------------------------------------------------------------


def test_save_state_writes_the_settings_file_atomically(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    ini = tmp_path / "conf" / "window.ini"
    ini.parent.mkdir()
    settings = settings_at(ini)
    settings.setValue("other/key", "kept")
    settings.sync()
    window = MainWindow(StudyPlanner(db), settings=settings)
    qtbot.addWidget(window)
    window.show_page("log")
    window.save_state()
    assert sorted(p.name for p in ini.parent.iterdir()) == ["window.ini"]  # no temp file left
    reread = QSettings(str(ini), QSettings.Format.IniFormat)
    assert reread.value("window/page") == "log"
    assert reread.value("other/key") == "kept"
    geometry = reread.value("window/geometry")
    assert isinstance(geometry, QByteArray) and not geometry.isEmpty()
    assert settings.value("window/page") == "log"
    window.close()


def test_a_settings_file_that_cannot_be_written_keeps_the_old_one(tmp_path: Path) -> None:
    ini = tmp_path / "window.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    assert safety.write_settings_atomically(settings, {"window/page": "log"})
    old = ini.read_bytes()
    blocked = QSettings(str(tmp_path / "missing" / "x" / "window.ini"), QSettings.Format.IniFormat)
    (tmp_path / "missing").write_text("a file, not a folder")
    assert safety.write_settings_atomically(blocked, {"window/page": "plan"}) is False
    assert ini.read_bytes() == old
