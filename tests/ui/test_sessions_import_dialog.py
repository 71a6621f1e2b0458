"""The sessions import preview dialog on real CSV files (app, Toggl Track, Clockify)."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from studyplanner import exchange
from studyplanner.services import StudyPlanner
from studyplanner.store.db import open_database
from studyplanner.store.errors import StorageFull
from studyplanner.ui.dialogs import sessions_import_dialog
from studyplanner.ui.dialogs.sessions_import_dialog import SessionsImportDialog, guess_format
from studyplanner.ui.workers import app_pool
from tests.conftest import NOTES_FILE
from tests.ui.log_fixtures import Clock

DATA = Path(__file__).resolve().parents[1] / "exchange" / "data"
NOW = dt.datetime(2019, 6, 1, 12, 0, tzinfo=dt.UTC)
START = dt.date(2019, 1, 18)
ZONE = "Europe/Berlin"


@pytest.fixture
def planner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StudyPlanner]:
    # The dialog's default zone is this computer's: make it the zone the fixtures were made in.
    monkeypatch.setattr(sessions_import_dialog, "local_zone_name", lambda: ZONE)
    made = StudyPlanner(open_database(tmp_path / "db.sqlite3"), clock=Clock(NOW), zone=ZONE)
    made.import_notes_file(NOTES_FILE, start=START)
    yield made
    made.db.close()


def copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copy(DATA / name, target)
    return target


def wait_idle(qtbot: QtBot, dialog: SessionsImportDialog) -> None:
    """Until the preview or import running on the worker pool has been applied."""
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)


def open_dialog(qtbot: QtBot, planner: StudyPlanner, path: Path) -> SessionsImportDialog:
    dialog = SessionsImportDialog(planner, path)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, dialog)
    return dialog


def table_texts(dialog: SessionsImportDialog, which: str) -> list[list[str]]:
    table = dialog.rows_table if which == "rows" else dialog.unmatched_table
    texts = []
    for r in range(table.rowCount()):
        items = [table.item(r, c) for c in range(table.columnCount())]
        texts.append([item.text() if item is not None else "" for item in items])
    return texts


def test_guess_format_from_the_header(tmp_path: Path, planner: StudyPlanner) -> None:
    assert guess_format(DATA / "toggl.csv") is exchange.SessionFormat.TOGGL
    assert guess_format(DATA / "clockify.csv") is exchange.SessionFormat.CLOCKIFY
    app = tmp_path / "app.csv"
    app.write_bytes(exchange.sessions_csv(planner))
    assert guess_format(app) is exchange.SessionFormat.APP
    assert guess_format(tmp_path / "missing.csv") is exchange.SessionFormat.APP


def test_toggl_preview_shows_unmatched_rows_and_blocks_import(
    qtbot: QtBot, planner: StudyPlanner, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, planner, copy("toggl.csv", tmp_path))
    assert dialog.session_format() is exchange.SessionFormat.TOGGL
    assert dialog.zone() == ZONE and dialog.zone_combo.isEnabled()
    expected = exchange.preview_sessions(planner, DATA / "toggl.csv", "toggl", zone=ZONE)
    assert dialog.preview == expected
    assert len(expected.new_rows) == 4 and len(expected.unmatched) == 1
    assert table_texts(dialog, "unmatched") == [
        [
            "4",
            "Serverless",
            "Deploy a SAM app",
            "Look at Serverless, Build something in Serverless",
        ]
    ]
    assert len(table_texts(dialog, "rows")) == 4
    assert dialog.summary_label.text() == (
        "4 sessions to add; 0 already stored (left out); 1 row with no matching module; 0 problems"
    )
    assert dialog.tabs.currentWidget() is dialog.unmatched_table
    problems = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert problems == ["line 6: shorter than half a minute"]
    assert not dialog.import_button.isEnabled()
    dialog.skip_check.setChecked(True)
    assert dialog.import_button.isEnabled()


def test_import_skipping_unmatched_rows_writes_them_all_at_once(
    qtbot: QtBot, planner: StudyPlanner, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, planner, copy("toggl.csv", tmp_path))
    dialog.skip_check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.imported == exchange.ImportResult(4, 0)
    sessions = planner.sessions()
    assert len(sessions) == 4
    assert {s.source for s in sessions} == {"import"}
    # the same file again: everything already stored, nothing to import
    again = open_dialog(qtbot, planner, dialog.path)
    again.skip_check.setChecked(True)
    assert again.preview is not None and again.preview.already_present == 4
    assert not again.import_button.isEnabled()
    assert "0 sessions to add; 4 already stored" in again.summary_label.text()


def test_clockify_imports_and_zone_changes_the_times(
    qtbot: QtBot, planner: StudyPlanner, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, planner, copy("clockify.csv", tmp_path))
    assert dialog.session_format() is exchange.SessionFormat.CLOCKIFY
    berlin = dialog.preview
    assert berlin is not None and berlin.ready and len(berlin.new_rows) == 4
    dialog.zone_combo.setCurrentText("America/New_York")
    wait_idle(qtbot, dialog)
    new_york = dialog.preview
    assert new_york is not None and new_york is not berlin
    # the same wall-clock times: 6 h later in UTC in winter, 5 h once New York is on DST
    shifts = [
        (n.started_at - b.started_at) / dt.timedelta(hours=1)
        for n, b in zip(new_york.rows, berlin.rows, strict=True)
    ]
    assert shifts == [6, 6, 5, 5]
    assert dialog.import_button.isEnabled()
    dialog.import_now()
    wait_idle(qtbot, dialog)
    assert dialog.imported == exchange.ImportResult(4, 0)
    assert {s.zone for s in planner.sessions()} == {"America/New_York"}


def test_app_format_problem_is_listed_and_blocks_import(
    qtbot: QtBot, planner: StudyPlanner, tmp_path: Path
) -> None:
    module = planner.modules()[0]
    planner.log_session(module.id, 30, on=START + dt.timedelta(days=2))
    path = tmp_path / "app.csv"
    exchange.export_sessions_csv(planner, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    header, row = lines[0], lines[1]
    broken = row.replace(",30,", ",-5,", 1)
    assert broken != row
    path.write_text(f"{header}\r\n{broken}\r\n", encoding="utf-8")
    dialog = open_dialog(qtbot, planner, path)
    assert dialog.session_format() is exchange.SessionFormat.APP
    assert not dialog.zone_combo.isEnabled()
    problems = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert problems and problems[0].startswith("line 2: minutes")
    assert dialog.tabs.currentWidget() is dialog.problems_list
    assert dialog.tabs.tabText(2) == "Problems (1)"
    assert not dialog.import_button.isEnabled()
    dialog.skip_check.setChecked(True)
    assert not dialog.import_button.isEnabled()


def test_file_changed_after_the_preview_is_rejected_whole(
    qtbot: QtBot, planner: StudyPlanner, tmp_path: Path
) -> None:
    path = copy("clockify.csv", tmp_path)
    dialog = open_dialog(qtbot, planner, path)
    assert dialog.import_button.isEnabled()
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "DynamoDB,,x,,A,,a@b.c,,No,02/30/2019,07:00:00 PM,,,01:00:00,1,0,0\n")
    dialog.import_now()
    wait_idle(qtbot, dialog)
    assert dialog.imported is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text().startswith("Nothing was imported: line 6")
    assert planner.sessions() == []
    assert not dialog.import_button.isEnabled()  # the preview was read again


def test_storage_fault_on_import_is_shown_and_nothing_written(
    qtbot: QtBot, planner: StudyPlanner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, planner, copy("clockify.csv", tmp_path))

    def full(*args: object, **kwargs: object) -> exchange.ImportResult:
        raise StorageFull(planner.db.path, "no space left on the device")

    monkeypatch.setattr(exchange, "import_sessions", full)
    dialog.import_now()
    wait_idle(qtbot, dialog)
    box = dialog.findChild(QMessageBox, "storage_fault")
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "The disk is full"
    assert dialog.imported is None
    assert "no space left" in dialog.error_label.text()
    assert planner.sessions() == []
    box.close()


def test_preview_runs_off_the_gui_thread_with_a_busy_bar(
    qtbot: QtBot, planner: StudyPlanner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = exchange.preview_sessions

    def recording(
        planner: StudyPlanner, source: Path, fmt: str, *, zone: str | None = None
    ) -> exchange.SessionPreview:
        threads.append(threading.current_thread())
        return real(planner, source, fmt, zone=zone)

    monkeypatch.setattr(exchange, "preview_sessions", recording)
    dialog = SessionsImportDialog(planner, copy("clockify.csv", tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.is_busy() and not dialog.busy_bar.isHidden()
    assert not dialog.import_button.isEnabled() and not dialog.format_combo.isEnabled()
    assert not dialog.zone_combo.isEnabled()
    wait_idle(qtbot, dialog)
    assert dialog.busy_bar.isHidden() and dialog.format_combo.isEnabled()
    berlin = dialog.preview
    assert berlin is not None and len(berlin.new_rows) == 4
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    # closed while a preview runs: the late result is dropped
    dialog.zone_combo.setCurrentText("America/New_York")
    assert dialog.is_busy()
    dialog.reject()
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=10_000)
    app_pool().waitForDone(10_000)
    qtbot.wait(50)
    assert dialog.preview is berlin  # the New York result came after the close
