"""File menu import/restore/export (studyplanner.ui.exchange_menu) on a real window and files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from studyplanner import exchange
from studyplanner.services import Report, StudyPlanner
from studyplanner.store.db import open_database
from studyplanner.store.errors import StorageFull
from studyplanner.ui import exchange_menu
from studyplanner.ui.dialogs.sessions_import_dialog import SessionsImportDialog
from studyplanner.ui.exchange_menu import EXPORT_KINDS, ExchangeActions
from studyplanner.ui.main_window import MainWindow, ShortcutsDialog, settings_at
from tests.helpers import live_digest
from tests.ui.log_fixtures import NOW, PLAN_START, Clock, Env, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    made = make_env(tmp_path)
    first, second = made.planner.modules()[:2]
    made.planner.log_session(first.id, 90, on=PLAN_START + dt.timedelta(days=1))
    made.planner.log_session(second.id, 45, on=PLAN_START + dt.timedelta(days=3), note="=SUM(A1)")
    made.planner.add_mock(
        "Practice 1", taken_on=PLAN_START + dt.timedelta(days=5), correct=40, total=65
    )
    yield made
    made.planner.db.close()


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)


def open_window(qtbot: QtBot, planner: StudyPlanner, tmp_path: Path) -> MainWindow:
    window = MainWindow(planner, settings=settings_at(tmp_path / "window.ini"))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    wait_idle(qtbot, window)
    return window


@pytest.fixture
def window(qtbot: QtBot, env: Env, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, env.planner, tmp_path)
    yield win
    win.close()


def report_of(window: MainWindow) -> Report | None:
    """The window's report, read afresh (it changes when a recompute lands)."""
    return window.report


def actions_of(window: MainWindow) -> ExchangeActions:
    found = window.findChild(ExchangeActions, "exchange_actions")
    assert isinstance(found, ExchangeActions)
    return found


def export(qtbot: QtBot, window: MainWindow, key: str, path: Path) -> str:
    """Run the export *key* to *path* through the menu action; the status text it ends with."""
    actions = actions_of(window)
    with qtbot.waitSignal(actions.export_done, timeout=20_000) as blocker:
        window.actions_by_name[f"export_{key}"].trigger()
    assert not actions.is_exporting()
    text = blocker.args[0]
    assert isinstance(text, str)
    assert window.statusBar().currentMessage() == text
    return text


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, Path]]:
    """Replace the save dialog: answer tmp_path/<suggested name>; record caption and suggestion."""
    asked: list[tuple[str, Path]] = []

    def choose(parent: QWidget, caption: str, suggested: Path, file_filter: str) -> Path:
        asked.append((caption, suggested))
        return tmp_path / suggested.name

    monkeypatch.setattr(exchange_menu, "choose_save_path", choose)
    return asked


# -- the menu --------------------------------------------------------------------------------


def test_file_menu_has_import_restore_and_exports(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    names = [a.objectName() for a in file_menu.actions() if a.objectName()]
    assert names[:3] == ["new_plan", "import_sessions", "restore_json"]
    assert names[-1] == "quit"
    export_menu = file_menu.findChild(QMenu, "export_menu")
    assert isinstance(export_menu, QMenu)
    assert [a.objectName() for a in export_menu.actions()] == [
        f"export_{kind.key}" for kind in EXPORT_KINDS
    ]
    assert window.actions_by_name["import_sessions"].shortcuts() == [QKeySequence("Ctrl+I")]


def test_shortcuts_dialog_lists_import(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    rows = {}
    for r in range(dialog.table.rowCount()):
        action, key = dialog.table.item(r, 0), dialog.table.item(r, 1)
        assert action is not None and key is not None
        rows[action.text()] = key.text()
    assert rows["Import sessions…"] == QKeySequence("Ctrl+I").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    dialog.close()


# -- exports ---------------------------------------------------------------------------------


def test_sessions_csv_export_from_menu(
    qtbot: QtBot, window: MainWindow, env: Env, save_to: list[tuple[str, Path]], tmp_path: Path
) -> None:
    text = export(qtbot, window, "sessions", tmp_path / "unused")
    caption, suggested = save_to[0]
    assert caption == "Export Sessions as CSV"
    assert suggested.name == f"studyplanner-sessions-{NOW.date().isoformat()}.csv"
    path = tmp_path / suggested.name
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == len(env.planner.sessions()) == 2
    assert {r["note"] for r in rows} == {"", "'=SUM(A1)"}
    assert text == f"Exported 2 sessions to {path}"
    assert path.read_bytes() == exchange.sessions_csv(env.planner)


def test_mocks_json_and_ical_exports(
    qtbot: QtBot, window: MainWindow, env: Env, save_to: list[tuple[str, Path]], tmp_path: Path
) -> None:
    assert export(qtbot, window, "mocks", tmp_path).startswith("Exported 1 mock test to ")
    mocks = (tmp_path / save_to[-1][1].name).read_bytes()
    assert mocks == exchange.mocks_csv(env.planner)

    assert export(qtbot, window, "json", tmp_path).startswith("Exported a backup with 2 sessions")
    document = json.loads((tmp_path / save_to[-1][1].name).read_text(encoding="utf-8"))
    assert document["format"] == exchange.BACKUP_FORMAT

    text = export(qtbot, window, "ical", tmp_path)
    ics = (tmp_path / save_to[-1][1].name).read_text(encoding="utf-8")
    events = ics.count("BEGIN:VEVENT")
    assert events > 0
    assert text.startswith(f"Exported {events} calendar events to ")
    assert [s[1].suffix for s in save_to] == [".csv", ".json", ".ics"]


def test_cancelled_save_dialog_exports_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(exchange_menu, "choose_save_path", lambda *args: None)
    assert actions_of(window).export("sessions") is False
    assert not actions_of(window).is_exporting()
    assert list(tmp_path.glob("*.csv")) == []


def test_export_error_is_shown(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    actions = actions_of(window)
    target = tmp_path / "missing-folder" / "sessions.csv"
    with qtbot.waitSignal(actions.export_failed, timeout=10_000) as blocker:
        assert actions.export_to("sessions", target)
    assert "does not exist" in blocker.args[0]
    box = actions.message_box
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Export failed"
    assert "missing-folder" in box.text()
    assert "missing-folder" in window.statusBar().currentMessage()
    assert not target.exists()
    box.close()


def test_storage_fault_during_export_is_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def full(planner: StudyPlanner, path: Path) -> int:
        raise StorageFull(path, "no space left on the device")

    monkeypatch.setitem(exchange_menu._WRITERS, "sessions", full)
    actions = actions_of(window)
    with qtbot.waitSignal(actions.export_failed, timeout=10_000):
        assert actions.export_to("sessions", tmp_path / "s.csv")
    box = window.findChild(QMessageBox, "storage_fault")
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "The disk is full"
    box.close()


def test_one_export_at_a_time(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    actions = actions_of(window)
    with qtbot.waitSignal(actions.export_done, timeout=10_000):
        assert actions.export_to("sessions", tmp_path / "a.csv")
        assert actions.is_exporting()
        assert window.statusBar().currentMessage().startswith("Exporting to ")
        assert actions.export_to("mocks", tmp_path / "b.csv") is False
    assert (tmp_path / "a.csv").exists()
    assert not (tmp_path / "b.csv").exists()


def test_export_refuses_the_database_file(qtbot: QtBot, window: MainWindow, env: Env) -> None:
    actions = actions_of(window)
    database = env.planner.db.path
    before = database.stat().st_size
    for key in ("sessions", "png"):
        with qtbot.waitSignal(actions.export_failed, timeout=10_000) as blocker:
            actions.export_to(key, database)
        assert "database itself" in blocker.args[0]
        assert actions.message_box is not None
        actions.message_box.close()
    assert database.stat().st_size == before


# -- the Overview ----------------------------------------------------------------------------


def test_overview_png_has_the_widgets_size(
    qtbot: QtBot, window: MainWindow, save_to: list[tuple[str, Path]], tmp_path: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, window)
    text = export(qtbot, window, "png", tmp_path)
    path = tmp_path / save_to[-1][1].name
    assert path.name.startswith("studyplanner-overview-")
    image = QImage(str(path))
    assert not image.isNull()
    view = window.overview_view
    ratio = view.devicePixelRatioF()
    assert (image.width(), image.height()) == (
        round(view.width() * ratio),
        round(view.height() * ratio),
    )
    assert text == f"Exported the Overview as an image of {path.stat().st_size} bytes to {path}"


def test_overview_pdf_report(
    qtbot: QtBot, window: MainWindow, save_to: list[tuple[str, Path]], tmp_path: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, window)
    charts = len(window.overview_view.chart_widgets)
    assert charts == 5
    text = export(qtbot, window, "pdf", tmp_path)
    path = tmp_path / save_to[-1][1].name
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    pages = 1 + (charts + 1) // 2
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) == pages
    assert text == f"Exported a report of {pages} pages to {path}"


def test_overview_exports_need_a_plan(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(tmp_path / "empty.sqlite3")
    try:
        window = open_window(qtbot, StudyPlanner(db, clock=Clock(NOW), zone="UTC"), tmp_path)
        actions = actions_of(window)
        for key in ("png", "pdf"):
            assert actions.export_to(key, tmp_path / f"o.{key}") is False
            assert "no plan yet" in window.statusBar().currentMessage()
            assert actions.message_box is not None
            actions.message_box.close()
        assert list(tmp_path.glob("o.*")) == []
        window.close()
    finally:
        db.close()


# -- import and restore ----------------------------------------------------------------------


def other_planner(tmp_path: Path) -> Env:
    """A second database with the same plan and one session of 30 minutes on module 3."""
    folder = tmp_path / "other"
    folder.mkdir()
    other = make_env(folder)
    module = other.planner.modules()[2]
    other.planner.log_session(module.id, 30, on=PLAN_START + dt.timedelta(days=6))
    return other


def open_import_preview(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, other: Env, source: Path
) -> SessionsImportDialog:
    """Export *other*'s sessions to *source*, choose it with File > Import sessions, and wait
    for the preview dialog to have read it."""
    exchange.export_sessions_csv(other.planner, source)
    other.planner.db.close()
    monkeypatch.setattr(exchange_menu, "choose_open_path", lambda *args: source)
    window.actions_by_name["import_sessions"].trigger()
    dialog = window.findChild(SessionsImportDialog)
    assert isinstance(dialog, SessionsImportDialog)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)
    return dialog


def test_import_action_opens_the_preview_and_refreshes(
    qtbot: QtBot, window: MainWindow, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = other_planner(tmp_path)
    dialog = open_import_preview(qtbot, window, monkeypatch, other, tmp_path / "other.csv")
    assert dialog.isVisible()
    assert dialog.preview is not None and len(dialog.preview.new_rows) == 1
    actions = actions_of(window)
    with qtbot.waitSignal(actions.imported, timeout=10_000) as blocker:
        dialog.import_now()
    assert blocker.args[0] == "Imported 1 session from other.csv; 0 already stored"
    wait_idle(qtbot, window)
    assert len(env.planner.sessions()) == 3
    assert window.report is not None
    assert sum(window.report.daily_minutes.values()) == 90 + 45 + 30


def restore_setup(tmp_path: Path, env: Env) -> tuple[Path, StudyPlanner]:
    backup = tmp_path / "backup.json"
    exchange.export_json(env.planner, backup)
    db = open_database(tmp_path / "fresh.sqlite3")
    return backup, StudyPlanner(db, clock=Clock(NOW), zone="UTC")


def test_restore_json_backup_into_an_empty_database(
    qtbot: QtBot, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    backup, fresh = restore_setup(tmp_path, env)
    asked: list[str] = []

    def confirm(parent: QWidget, title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(exchange_menu, "confirm", confirm)
    monkeypatch.setattr(exchange_menu, "choose_open_path", lambda *args: backup)
    try:
        window = open_window(qtbot, fresh, tmp_path)
        assert report_of(window) is None
        actions = actions_of(window)
        with qtbot.waitSignal(actions.imported, timeout=10_000) as blocker:
            window.actions_by_name["restore_json"].trigger()
        assert (
            "1 plan(s)" in asked[0] and "2 session(s)" in asked[0] and "1 mock test(s)" in asked[0]
        )
        assert "nothing is replaced" in asked[0]
        assert blocker.args[0] == "Restored the backup backup.json: 2 sessions; 0 already stored"
        wait_idle(qtbot, window)
        assert report_of(window) is not None
        assert len(fresh.sessions()) == 2 and len(fresh.mocks()) == 1
        window.close()
    finally:
        fresh.db.close()


def test_restore_cancelled_or_refused_changes_nothing(
    qtbot: QtBot, window: MainWindow, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    backup, fresh = restore_setup(tmp_path, env)
    try:
        monkeypatch.setattr(exchange_menu, "confirm", lambda *args: False)
        fresh_window = open_window(qtbot, fresh, tmp_path)
        assert actions_of(fresh_window).restore_backup_from(backup) is False
        assert fresh.current_plan() is None
        fresh_window.close()
    finally:
        fresh.db.close()
    # a database with a plan refuses a backup of other data, before asking
    second = other_planner(tmp_path)
    other = tmp_path / "other.json"
    exchange.export_json(second.planner, other)
    second.planner.db.close()
    monkeypatch.setattr(exchange_menu, "confirm", lambda *args: pytest.fail("asked"))
    actions = actions_of(window)
    before = len(env.planner.sessions())
    assert actions.restore_backup_from(other) is False
    box = actions.message_box
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "The backup cannot be restored"
    assert len(env.planner.sessions()) == before
    box.close()


def test_restore_of_the_same_data_is_a_noop(
    qtbot: QtBot, window: MainWindow, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    backup = tmp_path / "same.json"
    exchange.export_json(env.planner, backup)
    asked: list[str] = []

    def confirm(parent: QWidget, title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(exchange_menu, "confirm", confirm)
    actions = actions_of(window)
    with qtbot.waitSignal(actions.imported, timeout=10_000) as blocker:
        assert actions.restore_backup_from(backup)
    assert "nothing will be replaced or added" in asked[0]
    assert blocker.args[0] == "Restored the backup same.json: 0 sessions; 2 already stored"
    assert len(env.planner.sessions()) == 2


def import_through_the_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, other: Env, source: Path
) -> SessionsImportDialog:
    """:func:`open_import_preview`, then import and wait until the window has the new report;
    the (closed) preview dialog."""
    dialog = open_import_preview(qtbot, window, monkeypatch, other, source)
    with qtbot.waitSignal(actions_of(window).imported, timeout=10_000):
        dialog.import_now()
    wait_idle(qtbot, window)
    return dialog


def test_an_import_is_undone_and_redone_exactly(
    qtbot: QtBot, window: MainWindow, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = other_planner(tmp_path)
    for day in range(7, 12):
        other.planner.log_session(
            other.planner.modules()[1].id, 20 + day, on=PLAN_START + dt.timedelta(days=day)
        )
    before = live_digest(env.planner.db)
    import_through_the_menu(qtbot, window, monkeypatch, other, tmp_path / "other.csv")
    imported = live_digest(env.planner.db)
    assert len(env.planner.sessions()) == 2 + 6
    assert window.undo_stack.undoText() == "Import 6 sessions from other.csv"

    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert live_digest(env.planner.db) == before  # exactly as before the import
    assert len(env.planner.sessions()) == 2
    assert window.report is not None and sum(window.report.daily_minutes.values()) == 90 + 45

    window.undo_stack.redo()
    wait_idle(qtbot, window)
    assert live_digest(env.planner.db) == imported  # the same rows, ids and all
    assert len(env.planner.sessions()) == 8


def test_an_import_whose_undo_fails_says_so_in_a_message(
    qtbot: QtBot, window: MainWindow, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = other_planner(tmp_path)
    import_through_the_menu(qtbot, window, monkeypatch, other, tmp_path / "other.csv")

    def full(_uuids: object) -> None:
        raise StorageFull(env.planner.db.path)

    monkeypatch.setattr(env.planner, "take_sessions", full)
    window.undo_stack.undo()
    box = actions_of(window).message_box
    assert box is not None and box.isVisible()
    assert box.text().startswith("Undo 'Import 1 session from other.csv' failed: cannot save")
    assert len(env.planner.sessions()) == 3  # nothing was taken back
