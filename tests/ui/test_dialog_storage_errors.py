"""A storage fault while a form dialog saves (disk full, read-only, file in use, failed backup).

The dialog stays open with what the user typed and shows the fault and its fix in its general
error label (``studyplanner.ui.safety.storage_fault_text``); nothing escapes the Qt slot and
nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from studyplanner.services import StudyPlanner
from studyplanner.store.errors import (
    BackupFailed,
    DatabaseInUse,
    StorageFull,
    StorageReadOnly,
    StorageUnavailable,
    StoreError,
)
from studyplanner.ui.dialogs.import_dialog import ImportDialog
from studyplanner.ui.dialogs.mock_dialog import MockDialog, MockValues
from studyplanner.ui.dialogs.session_dialog import SessionDialog, SessionValues
from studyplanner.ui.safety import storage_fault_text
from studyplanner.ui.widgets.fields import ErrorLabel, to_qdate
from tests.conftest import NOTES_FILE
from tests.ui.log_fixtures import Env, digest, env
from tests.ui.plan_fixtures import START, db_digest, make_planner

__all__ = ["env"]  # the fixture, imported for pytest


def faults(path: Path) -> list[StoreError]:
    return [
        StorageFull(path),
        StorageReadOnly(path, "permission denied"),
        StorageUnavailable(path, "disk I/O error"),
        DatabaseInUse(path),
    ]


def raiser(exc: StoreError) -> Callable[..., NoReturn]:
    """A stand-in for a planner method that meets *exc* (whatever it is called with)."""

    def fail(*_args: object, **_kwargs: object) -> NoReturn:
        raise exc

    return fail


def assert_fault_shown(dialog: QDialog, label: ErrorLabel, exc: StoreError) -> None:
    title, text = storage_fault_text(exc)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert label.isVisible()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert title in label.text()
    assert text in label.text()


def click_save(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    qtbot.mouseClick(
        buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


# -- the session dialog --------------------------------------------------------------------------


def session_dialog(qtbot: QtBot, planner: StudyPlanner) -> SessionDialog:
    def submit(values: SessionValues) -> None:
        planner.log_session(
            values.module_id, values.minutes, on=values.on, at=values.at, note=values.note
        )

    dialog = SessionDialog(
        planner.modules(),
        submit,
        default_date=planner.today(),
        default_time=dt.time(9, 0),
        zone_name=planner.zone_name,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize("which", range(4))
def test_session_dialog_shows_a_storage_fault_and_stays_open(
    qtbot: QtBot, env: Env, monkeypatch: pytest.MonkeyPatch, which: int
) -> None:
    exc = faults(env.planner.db.path)[which]
    before = digest(env.planner)
    monkeypatch.setattr(env.planner, "log_session", raiser(exc))
    dialog = session_dialog(qtbot, env.planner)
    dialog.module_combo.setCurrentIndex(2)
    dialog.date_edit.setDate(QDate(2024, 3, 19))
    qtbot.keyClicks(dialog.duration_edit, "1h30m")
    dialog.note_edit.setPlainText("chapter 3")
    click_save(qtbot, dialog.buttons)

    assert_fault_shown(dialog, dialog.errors["general"], exc)
    # what the user typed is still there, to save again once the disk is fixed
    assert dialog.duration_edit.text() == "1h30m"
    assert dialog.note_edit.toPlainText() == "chapter 3"
    assert dialog.module_combo.currentIndex() == 2
    monkeypatch.undo()
    assert digest(env.planner) == before
    click_save(qtbot, dialog.buttons)  # the fault is gone: the same values are saved
    assert dialog.result() == QDialog.DialogCode.Accepted
    (session,) = env.planner.sessions()
    assert (session.minutes, session.note) == (90, "chapter 3")


# -- the mock test dialog ------------------------------------------------------------------------


def mock_dialog(qtbot: QtBot, planner: StudyPlanner) -> MockDialog:
    def submit(values: MockValues) -> None:
        planner.add_mock(
            values.name,
            taken_on=values.taken_on,
            correct=values.correct,
            total=values.total,
            domain_counts=values.domain_counts,
            topic_module_id=values.topic_module_id,
            minutes=values.minutes,
        )

    dialog = MockDialog(
        planner.require_plan().profile,
        planner.modules(),
        submit,
        default_date=planner.today(),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize("which", range(4))
def test_mock_dialog_shows_a_storage_fault_and_stays_open(
    qtbot: QtBot, env: Env, monkeypatch: pytest.MonkeyPatch, which: int
) -> None:
    exc = faults(env.planner.db.path)[which]
    before = digest(env.planner)
    monkeypatch.setattr(env.planner, "add_mock", raiser(exc))
    dialog = mock_dialog(qtbot, env.planner)
    qtbot.keyClicks(dialog.name_edit, "Test 1")
    dialog.date_edit.setDate(QDate(2024, 3, 19))
    qtbot.keyClicks(dialog.score_edit, "44/65")
    click_save(qtbot, dialog.buttons)

    assert_fault_shown(dialog, dialog.errors["general"], exc)
    assert (dialog.name_edit.text(), dialog.score_edit.text()) == ("Test 1", "44/65")
    monkeypatch.undo()
    assert digest(env.planner) == before
    click_save(qtbot, dialog.buttons)
    assert dialog.result() == QDialog.DialogCode.Accepted
    (mock,) = env.planner.mocks()
    assert (mock.name, mock.correct, mock.total) == ("Test 1", 44, 65)


# -- the import dialog ---------------------------------------------------------------------------


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[StudyPlanner]:
    """A database without a plan (the first run)."""
    made = make_planner(tmp_path, imported=False)
    yield made
    made.db.close()


@pytest.mark.parametrize("which", range(5))
def test_import_dialog_shows_a_storage_fault_and_stays_open(
    qtbot: QtBot, empty: StudyPlanner, monkeypatch: pytest.MonkeyPatch, which: int
) -> None:
    path = empty.db.path
    exc = [*faults(path), BackupFailed("the pre-import backup did not verify")][which]
    before = db_digest(empty)
    monkeypatch.setattr(empty, "import_notes", raiser(exc))
    dialog = ImportDialog(empty, NOTES_FILE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_edit.setDate(to_qdate(START))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert_fault_shown(dialog, dialog.errors["form"], exc)
    assert dialog.start() == START
    assert dialog.imported_plan is None
    assert db_digest(empty) == before
    assert empty.current_plan() is None
    monkeypatch.undo()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert empty.require_plan().start == START
