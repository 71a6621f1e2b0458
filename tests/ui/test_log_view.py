"""The Log page: timer, video position, sessions table with filters, undoable writes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from studyplanner.domain.records import SessionInfo
from studyplanner.ui.dialogs.session_dialog import SessionDialog
from studyplanner.ui.models.sessions_model import (
    Column,
    Period,
    SessionRole,
    SessionsTableModel,
    period_range,
)
from studyplanner.ui.views.log_view import LogView
from tests.ui.log_fixtures import PLAN_START, Env, digest, env, unnamed_controls

__all__ = ["env"]  # the fixture, imported for pytest


def make_view(qtbot: QtBot, env: Env) -> tuple[LogView, QUndoStack]:
    stack = QUndoStack()
    view = LogView(env.planner, stack)
    qtbot.addWidget(view)
    view.set_report(env.planner.report())
    view.resize(1280, 800)
    view.show()
    return view, stack


def refresh(view: LogView, env: Env) -> None:
    """What the main window does after data_changed: a new report for every view."""
    view.set_report(env.planner.report())


def session(env: Env, minutes: int, day: dt.date, module: int = 0, note: str = "") -> SessionInfo:
    module_id = env.planner.modules()[module].id
    return env.planner.log_session(module_id, minutes, on=day, at=dt.time(9, 0), note=note)


def click_save(qtbot: QtBot, dialog: SessionDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


# -- the model -------------------------------------------------------------------------------


def test_sessions_model_contract(qtmodeltester: ModelTester, env: Env) -> None:
    first = session(env, 30, dt.date(2024, 3, 18), note="a\nb")
    session(env, 45, dt.date(2024, 3, 19), module=2)
    model = SessionsTableModel()
    model.set_records(env.planner.sessions())
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    row = model.row_of(first.uuid)
    assert row is not None
    assert model.data(model.index(row, Column.DATE)) == "2024-03-18"
    assert model.data(model.index(row, Column.START)) == "09:00"
    assert model.data(model.index(row, Column.MINUTES)) == "30"
    assert model.data(model.index(row, Column.SOURCE)) == "Manual"
    assert model.data(model.index(row, Column.NOTE)) == "a b"
    assert model.data(model.index(row, 0), SessionRole) == first
    model.set_records([])
    qtmodeltester.check(model)


def test_period_ranges() -> None:
    today = dt.date(2024, 3, 20)  # a Wednesday
    assert period_range(Period.THIS_WEEK, today, PLAN_START) == (
        dt.date(2024, 3, 18),
        dt.date(2024, 3, 24),
    )
    plan_start = dt.date(2024, 3, 6)
    assert period_range(Period.PLAN_WEEK, today, plan_start) == (
        dt.date(2024, 3, 20),
        dt.date(2024, 3, 26),
    )
    assert period_range(Period.PLAN_WEEK, dt.date(2024, 3, 1), plan_start) == (
        plan_start,
        dt.date(2024, 3, 12),
    )
    assert period_range(Period.LAST_30_DAYS, today, PLAN_START) == (dt.date(2024, 2, 20), today)
    assert period_range(Period.ALL, today, PLAN_START) == (None, None)


# -- the timer -------------------------------------------------------------------------------


def test_timer_runs_and_stop_logs_exactly_the_minutes(qtbot: QtBot, env: Env) -> None:
    view, stack = make_view(qtbot, env)
    first_module = env.planner.modules()[0]
    assert view.module_combo.currentData() == first_module.id  # nothing done yet
    assert view.elapsed_label.text() == "00:00:00"

    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert env.planner.timer() is not None
    assert not view.start_button.isEnabled()
    assert view.stop_button.isEnabled()
    env.clock.advance(minutes=25, seconds=10)
    view.update_elapsed()
    assert view.elapsed_label.text() == "00:25:10"

    before_stop = digest(env.planner)
    view.timer_note.setText("<b>deep work</b>")
    qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert env.planner.timer() is None
    (logged,) = env.planner.sessions()
    assert (logged.minutes, logged.source, logged.module_id) == (25, "timer", first_module.id)
    assert logged.note == "<b>deep work</b>"
    assert view.elapsed_label.text() == "00:00:00"
    assert view.model.row_of(logged.uuid) is not None

    stack.undo()
    assert env.planner.sessions() == []
    assert digest(env.planner) == before_stop
    stack.redo()
    (again,) = env.planner.sessions()
    assert again.uuid == logged.uuid
    assert (again.started_at, again.minutes, again.note) == (
        logged.started_at,
        logged.minutes,
        logged.note,
    )


def test_the_ticker_updates_the_display(qtbot: QtBot, env: Env) -> None:
    view, _ = make_view(qtbot, env)
    view.start_timer()
    env.clock.advance(seconds=75)
    qtbot.waitUntil(lambda: view.elapsed_label.text() == "00:01:15", timeout=2000)


def test_timer_started_before_the_view_is_shown_running(qtbot: QtBot, env: Env) -> None:
    module = env.planner.modules()[3]
    env.planner.start_timer(module.id)  # e.g. before a crash
    env.clock.advance(hours=1, minutes=2, seconds=3)
    view, _ = make_view(qtbot, env)
    assert view.elapsed_label.text() == "01:02:03"
    assert view.module_combo.currentData() == module.id
    assert not view.module_combo.isEnabled()
    assert "Running" in view.timer_status.text()
    assert view.stop_button.isEnabled() and view.pause_button.isEnabled()
    assert view._ticker.isActive()


def test_pause_and_resume_exclude_the_pause(qtbot: QtBot, env: Env) -> None:
    view, _ = make_view(qtbot, env)
    view.start_timer()
    env.clock.advance(minutes=10)
    qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    assert view.resume_button.isEnabled() and not view.pause_button.isEnabled()
    env.clock.advance(minutes=30)
    view.update_elapsed()
    assert view.elapsed_label.text() == "00:10:00"
    assert "Paused" in view.timer_status.text()
    qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)
    env.clock.advance(minutes=5)
    view.update_elapsed()
    assert view.elapsed_label.text() == "00:15:00"
    view.stop_timer()
    (logged,) = env.planner.sessions()
    assert logged.minutes == 15


def test_discard_asks_and_logs_nothing(
    qtbot: QtBot, env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    view, _ = make_view(qtbot, env)
    view.start_timer()
    env.clock.advance(minutes=20)
    answers = iter([False, True])
    monkeypatch.setattr(view, "confirm", lambda title, text: next(answers))
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert env.planner.timer() is not None
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert env.planner.timer() is None
    assert env.planner.sessions() == []


def test_stop_under_a_minute_logs_nothing(qtbot: QtBot, env: Env) -> None:
    view, stack = make_view(qtbot, env)
    view.start_timer()
    env.clock.advance(seconds=20)
    with qtbot.waitSignal(view.status_message) as blocker:
        view.stop_timer()
    assert "nothing logged" in blocker.args[0]
    assert env.planner.sessions() == [] and stack.count() == 0


# -- video position --------------------------------------------------------------------------


def module_percent(env: Env, index: int) -> float:
    return 100.0 * env.planner.report().modules[index].status.pct_complete


def test_video_position_updates_the_percent(qtbot: QtBot, env: Env) -> None:
    view, _ = make_view(qtbot, env)
    module = env.planner.modules()[0]
    assert module.video_seconds == 5 * 3600 + 26 * 60 + 18
    assert view.video_length_label.text().startswith("of 5:26:18")
    with qtbot.waitSignal(view.data_changed):
        qtbot.keyClicks(view.position_edit, "3:10:00")
        qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    assert module_percent(env, 0) == pytest.approx(100 * 11400 / 19578)
    refresh(view, env)
    assert "(now 58 % done)" in view.video_length_label.text()


@pytest.mark.parametrize("text", ["abc", "", "-1:00:00", "6:00:00"])
def test_bad_video_position_is_refused_inline(qtbot: QtBot, env: Env, text: str) -> None:
    view, _ = make_view(qtbot, env)
    before = module_percent(env, 0)
    view.position_edit.setText(text)
    view.record_position()
    assert view.position_error.isVisible()
    assert view.position_error.text().strip()
    assert view.position_edit.text() == text
    assert module_percent(env, 0) == before


def test_position_is_disabled_for_a_module_without_video(qtbot: QtBot, env: Env) -> None:
    view, _ = make_view(qtbot, env)
    project = next(m for m in env.planner.modules() if m.video_seconds is None)
    view.module_combo.setCurrentIndex(view.module_combo.findData(project.id))
    assert not view.position_edit.isEnabled()
    assert not view.record_button.isEnabled()


# -- sessions --------------------------------------------------------------------------------


def test_quick_log_adds_one_session_with_undo_and_redo(qtbot: QtBot, env: Env) -> None:
    view, stack = make_view(qtbot, env)
    before = digest(env.planner)
    dialog = view.open_quick_log()
    assert isinstance(dialog, SessionDialog) and dialog.isVisible()
    dialog.duration_edit.setText("1:30")
    dialog.note_edit.setPlainText("quick")
    with qtbot.waitSignal(view.data_changed):
        click_save(qtbot, dialog)
    assert not dialog.isVisible()
    (added,) = env.planner.sessions()
    assert added.minutes == 90 and added.note == "quick"
    assert added.started_at == dt.datetime(2024, 3, 20, 11, 0, tzinfo=dt.UTC)  # now - 1 h
    assert view.selected_session() == added
    after = digest(env.planner, ids=False)

    stack.undo()
    assert digest(env.planner) == before
    assert view.model.rowCount() == 0
    stack.redo()
    (again,) = env.planner.sessions()
    assert again.uuid == added.uuid
    assert digest(env.planner, ids=False) == after


def test_refused_quick_log_keeps_the_dialog_and_the_data(qtbot: QtBot, env: Env) -> None:
    session(env, 30, dt.date(2024, 3, 18))
    view, stack = make_view(qtbot, env)
    before = digest(env.planner)
    dialog = view.open_quick_log()
    assert dialog is not None
    dialog.duration_edit.setText("1441")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["duration"].isVisible()
    assert digest(env.planner) == before
    assert stack.count() == 0


def test_edit_changes_the_session_and_undo_restores_it(qtbot: QtBot, env: Env) -> None:
    original = session(env, 30, dt.date(2024, 3, 18), note="first")
    view, stack = make_view(qtbot, env)
    before = digest(env.planner)
    assert view.select_session(original.uuid)
    dialog = view.edit_selected()
    assert isinstance(dialog, SessionDialog)
    dialog.duration_edit.setText("45")
    dialog.time_edit.setTime(dialog.time_edit.time().addSecs(3600))
    dialog.module_combo.setCurrentIndex(2)
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    edited = env.planner.get_session(original.id)
    assert (edited.minutes, edited.module_id, edited.uuid) == (
        45,
        env.planner.modules()[2].id,
        original.uuid,
    )
    assert edited.started_at == original.started_at + dt.timedelta(hours=1)
    after = digest(env.planner)

    stack.undo()
    assert digest(env.planner) == before
    assert env.planner.get_session(original.id) == original
    stack.redo()
    assert digest(env.planner) == after


def test_edit_of_the_note_only_keeps_the_start_to_the_second(qtbot: QtBot, env: Env) -> None:
    view, stack = make_view(qtbot, env)
    view.start_timer()
    env.clock.advance(minutes=40, seconds=7)
    view.stop_timer()
    (logged,) = env.planner.sessions()
    assert view.select_session(logged.uuid)
    dialog = view.edit_selected()
    assert dialog is not None
    dialog.note_edit.setPlainText("added later")
    click_save(qtbot, dialog)
    edited = env.planner.get_session(logged.id)
    assert edited.started_at == logged.started_at and edited.note == "added later"
    stack.undo()
    assert env.planner.get_session(logged.id) == logged


def test_delete_and_undo_restore_the_same_uuid(qtbot: QtBot, env: Env) -> None:
    kept = session(env, 30, dt.date(2024, 3, 18))
    doomed = session(env, 50, dt.date(2024, 3, 19), note="<i>x</i>")
    view, stack = make_view(qtbot, env)
    before = digest(env.planner, ids=False)
    assert view.select_session(doomed.uuid)
    with qtbot.waitSignal(view.data_changed):
        qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert [s.uuid for s in env.planner.sessions()] == [kept.uuid]
    assert view.model.row_of(doomed.uuid) is None

    stack.undo()
    assert digest(env.planner, ids=False) == before
    restored = next(s for s in env.planner.sessions() if s.uuid == doomed.uuid)
    assert (restored.started_at, restored.minutes, restored.note) == (
        doomed.started_at,
        doomed.minutes,
        doomed.note,
    )
    assert view.model.row_of(doomed.uuid) is not None
    stack.redo()
    assert [s.uuid for s in env.planner.sessions()] == [kept.uuid]


def test_failed_undo_is_reported_not_raised(qtbot: QtBot, env: Env) -> None:
    doomed = session(env, 30, dt.date(2024, 3, 18))
    view, stack = make_view(qtbot, env)
    assert view.select_session(doomed.uuid)
    view.delete_selected()
    stack.undo()
    env.planner.delete_session(env.planner.sessions()[0].id)  # gone behind the page's back
    with qtbot.waitSignal(view.status_message) as blocker:
        stack.redo()
    assert "no longer exists" in blocker.args[0]
    assert view.sessions_error.isVisible()


def test_filters_by_module_and_period(qtbot: QtBot, env: Env) -> None:
    session(env, 30, dt.date(2024, 3, 5), module=0)  # plan week 1, 15 days ago
    session(env, 40, dt.date(2024, 3, 18), module=0)  # this week
    session(env, 50, dt.date(2024, 3, 20), module=1)  # today
    session(env, 60, dt.date(2024, 2, 1), module=1)  # more than 30 days ago
    view, _ = make_view(qtbot, env)

    def shown() -> list[int]:
        return sorted(s.minutes for s in view.visible_sessions())

    assert shown() == [30, 40, 50]  # last 30 days by default
    view.filter_period.setCurrentIndex(view.filter_period.findData(Period.ALL))
    assert shown() == [30, 40, 50, 60]
    view.filter_period.setCurrentIndex(view.filter_period.findData(Period.THIS_WEEK))
    assert shown() == [40, 50]
    view.filter_period.setCurrentIndex(view.filter_period.findData(Period.PLAN_WEEK))
    assert shown() == [40, 50]  # plan week 3 starts on Monday 2024-03-18
    view.filter_period.setCurrentIndex(view.filter_period.findData(Period.ALL))
    view.filter_module.setCurrentIndex(view.filter_module.findData(env.planner.modules()[1].id))
    assert shown() == [50, 60]
    assert view.summary_label.text() == "2 sessions, 1 h 50 min"
    refresh(view, env)  # a new report keeps the filters
    assert shown() == [50, 60]


def test_every_control_has_an_accessible_name(qtbot: QtBot, env: Env) -> None:
    view, _ = make_view(qtbot, env)
    assert unnamed_controls(view) == []


def test_user_text_is_shown_as_plain_text(qtbot: QtBot, env: Env) -> None:
    hostile = '<b>x</b><a href="http://e">l</a><img src="/etc/hostname">'
    module = env.planner.modules()[0]
    env.planner.update_module(module.id, name=hostile)
    logged = session(env, 30, dt.date(2024, 3, 18), note=hostile)
    env.planner.start_timer(module.id)
    view, _ = make_view(qtbot, env)
    row = view.model.row_of(logged.uuid)
    assert row is not None
    assert view.model.data(view.model.index(row, Column.NOTE)) == hostile
    assert view.model.data(view.model.index(row, Column.MODULE)) == hostile
    tooltip = view.model.data(view.model.index(row, Column.NOTE), Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tooltip, str) and "<b>" not in tooltip and "&lt;b&gt;" in tooltip
    assert hostile in view.timer_status.text()
    assert hostile in view.module_combo.currentText()
    for label in view.findChildren(QLabel):
        if hostile in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText
            assert not label.openExternalLinks()


def test_no_plan_disables_the_page(qtbot: QtBot, env: Env) -> None:
    view, _ = make_view(qtbot, env)
    view.set_report(None)
    assert view.no_plan_label.isVisible()
    assert not view.content.isEnabled()
    assert view.open_quick_log() is None
