"""The session dialog: every bad value is refused next to its field and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from studyplanner.domain.records import SessionInfo
from studyplanner.services import StudyPlanner
from studyplanner.ui.dialogs.session_dialog import SessionDialog, SessionValues
from tests.ui.log_fixtures import Env, digest, env, make_env, unnamed_controls

__all__ = ["env"]  # the fixture, imported for pytest


def writer(planner: StudyPlanner) -> Callable[[SessionValues], None]:
    """What the Log page does on Save: write through the services (which may refuse)."""

    def submit(values: SessionValues) -> None:
        planner.log_session(
            values.module_id, values.minutes, on=values.on, at=values.at, note=values.note
        )

    return submit


def open_dialog(
    qtbot: QtBot, planner: StudyPlanner, session: SessionInfo | None = None
) -> SessionDialog:
    today = planner.today()
    dialog = SessionDialog(
        planner.modules(),
        writer(planner),
        default_date=today,
        default_time=dt.time(9, 0),
        zone_name=planner.zone_name,
        session=session,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot: QtBot, dialog: SessionDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def assert_refused(dialog: SessionDialog, field: str) -> str:
    label = dialog.errors[field]
    assert label.isVisible(), f"no visible error next to {field}"
    assert label.text().strip()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    return label.text()


def test_valid_values_add_exactly_one_session(qtbot: QtBot, env: Env) -> None:
    dialog = open_dialog(qtbot, env.planner)
    dialog.module_combo.setCurrentIndex(2)
    dialog.date_edit.setDate(QDate(2024, 3, 19))
    dialog.time_edit.setTime(QTime(18, 30))
    qtbot.keyClicks(dialog.duration_edit, "1h30m")
    dialog.note_edit.setPlainText("chapter 3\n<b>not bold</b>")
    save(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    (session,) = env.planner.sessions()
    module = env.planner.modules()[2]
    assert (session.module_id, session.minutes, session.source) == (module.id, 90, "manual")
    assert session.local_date == dt.date(2024, 3, 19)
    assert session.started_at == dt.datetime(2024, 3, 19, 18, 30, tzinfo=dt.UTC)
    assert session.note == "chapter 3\n<b>not bold</b>"


@pytest.mark.parametrize("text", ["90", "90m", "1h30m", "1:30", " 45 "])
def test_duration_forms_are_accepted(qtbot: QtBot, env: Env, text: str) -> None:
    dialog = open_dialog(qtbot, env.planner)
    dialog.duration_edit.setText(text)
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(env.planner.sessions()) == 1


@pytest.mark.parametrize(
    "text",
    ["", " ", "abc", "0", "-1", "-0", "3.5", "1e3", "1_000", "٣٠", "１２", "NaN", "inf", "1441",
     "24h1m", "25:00", str(10**9)],
)  # fmt: skip
def test_bad_duration_is_refused_inline(qtbot: QtBot, env: Env, text: str) -> None:
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    dialog.duration_edit.setText(text)
    dialog.note_edit.setPlainText("kept")
    save(qtbot, dialog)

    assert assert_refused(dialog, "duration")
    assert dialog.duration_edit.text() == text
    assert dialog.note_edit.toPlainText() == "kept"
    assert digest(env.planner) == before


def test_day_total_over_1440_is_refused(qtbot: QtBot, env: Env) -> None:
    module = env.planner.modules()[0]
    env.planner.log_session(module.id, 1400, on=dt.date(2024, 3, 18), at=dt.time(0, 10))
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    dialog.date_edit.setDate(QDate(2024, 3, 18))
    dialog.duration_edit.setText("41")
    save(qtbot, dialog)
    assert "1441" in assert_refused(dialog, "duration")
    assert digest(env.planner) == before

    dialog.duration_edit.setText("40")  # exactly 1440 in the day is fine
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert env.planner.minutes_on(dt.date(2024, 3, 18)) == 1440


@pytest.mark.parametrize(
    ("day", "time"),
    [(dt.date(2024, 3, 21), dt.time(9, 0)), (dt.date(2024, 3, 20), dt.time(13, 0))],
)
def test_future_start_is_refused(qtbot: QtBot, env: Env, day: dt.date, time: dt.time) -> None:
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.time_edit.setTime(QTime(time.hour, time.minute))
    dialog.duration_edit.setText("30")
    save(qtbot, dialog)
    assert "future" in assert_refused(dialog, "date")
    assert dialog.date_edit.date() == QDate(day.year, day.month, day.day)
    assert digest(env.planner) == before


def test_date_long_before_the_plan_is_refused(qtbot: QtBot, env: Env) -> None:
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    dialog.date_edit.setDate(QDate(2021, 1, 5))
    dialog.duration_edit.setText("30")
    save(qtbot, dialog)
    assert assert_refused(dialog, "date")
    assert digest(env.planner) == before


def test_overlong_note_is_refused(qtbot: QtBot, env: Env) -> None:
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    dialog.duration_edit.setText("30")
    dialog.note_edit.setPlainText("x" * 10_001)
    save(qtbot, dialog)
    assert assert_refused(dialog, "note")
    assert len(dialog.note_edit.toPlainText()) == 10_001
    assert digest(env.planner) == before


def test_nonexistent_local_time_is_refused_in_berlin(qtbot: QtBot, tmp_path: Path) -> None:
    berlin = make_env(
        tmp_path, zone="Europe/Berlin", now=dt.datetime(2024, 4, 2, 10, 0, tzinfo=dt.UTC)
    )
    try:
        before = digest(berlin.planner)
        dialog = open_dialog(qtbot, berlin.planner)
        dialog.date_edit.setDate(QDate(2024, 3, 31))
        dialog.time_edit.setTime(QTime(2, 30))
        dialog.duration_edit.setText("60")
        save(qtbot, dialog)
        message = assert_refused(dialog, "time")
        assert "does not exist" in message
        assert digest(berlin.planner) == before

        dialog.time_edit.setTime(QTime(3, 30))  # after the gap: accepted, stored as 01:30 UTC
        save(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted
        (session,) = berlin.planner.sessions()
        assert session.started_at == dt.datetime(2024, 3, 31, 1, 30, tzinfo=dt.UTC)
        assert session.zone == "Europe/Berlin"
    finally:
        berlin.planner.db.close()


def test_errors_clear_when_the_value_is_fixed(qtbot: QtBot, env: Env) -> None:
    dialog = open_dialog(qtbot, env.planner)
    dialog.duration_edit.setText("abc")
    save(qtbot, dialog)
    assert dialog.errors["duration"].isVisible()
    dialog.duration_edit.setText("25")
    save(qtbot, dialog)
    assert not dialog.errors["duration"].isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_edit_dialog_is_prefilled(qtbot: QtBot, env: Env) -> None:
    module = env.planner.modules()[1]
    session = env.planner.log_session(
        module.id, 75, on=dt.date(2024, 3, 12), at=dt.time(7, 45), note="<i>n</i>"
    )
    dialog = open_dialog(qtbot, env.planner, session)
    assert dialog.windowTitle() == "Edit study session"
    assert dialog.module_combo.currentData() == module.id
    assert dialog.date_edit.date() == QDate(2024, 3, 12)
    assert dialog.time_edit.time() == QTime(7, 45)
    assert dialog.duration_edit.text() == "75"
    assert dialog.note_edit.toPlainText() == "<i>n</i>"


def test_every_control_has_an_accessible_name(qtbot: QtBot, env: Env) -> None:
    dialog = open_dialog(qtbot, env.planner)
    assert unnamed_controls(dialog) == []
    for label in dialog.errors.values():
        assert label.accessibleName()
        assert label.textFormat() == Qt.TextFormat.PlainText
