"""The Plan page: the modules table and its model, the timeline, undoable module actions through
the keyboard and buttons, the plan settings with inline refusals, baseline and import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from studyplanner.domain.model import ModuleKind
from studyplanner.services import StudyPlanner
from studyplanner.store import repository
from studyplanner.ui.dialogs.import_dialog import ImportDialog
from studyplanner.ui.dialogs.module_dialog import ModuleDialog
from studyplanner.ui.models.plan_model import Column, PlanTableModel, Slip, rows_from_report
from studyplanner.ui.views.plan_view import PlanView
from studyplanner.ui.widgets.fields import to_qdate
from tests.conftest import NOTES_FILE
from tests.ui.log_fixtures import unnamed_controls
from tests.ui.plan_fixtures import (
    EFFORTS,
    TRICKY,
    WINDOWS,
    db_digest,
    plan_state,
    planner,
    report,
    run_modal,
    undo_stack,
)

__all__ = ["planner", "undo_stack"]  # fixtures, imported for pytest


@pytest.fixture
def view(qtbot: QtBot, planner: StudyPlanner, undo_stack: QUndoStack) -> Iterator[PlanView]:
    """The page as the main window drives it: every change brings the next report."""
    page = PlanView(planner, undo_stack)
    qtbot.addWidget(page)

    def refresh() -> None:
        page.set_report(report(planner))

    page.data_changed.connect(refresh)
    undo_stack.indexChanged.connect(refresh)
    page.resize(1280, 800)
    page.set_report(report(planner))
    page.show()
    activate(qtbot, page)
    yield page
    undo_stack.indexChanged.disconnect(refresh)


def activate(qtbot: QtBot, page: PlanView) -> None:
    """Make the page's window active with the table focused, as for a person at the keyboard
    (the offscreen platform does not give the activation back when a modal dialog closes)."""
    if not page.isActiveWindow():
        with qtbot.waitActive(page):
            page.activateWindow()
    page.table.setFocus()


def cell(view: PlanView, row: int, column: Column) -> str:
    return str(view.model.data(view.model.index(row, column)))


def names(planner: StudyPlanner) -> list[str]:
    return [m.name for m in planner.modules()]


# -- the table ---------------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, planner: StudyPlanner) -> None:
    model = PlanTableModel()
    qtmodeltester.check(model)
    model.set_rows(rows_from_report(report(planner)))
    qtmodeltester.check(model)


def test_table_shows_the_eight_modules_with_efforts_and_dates(view: PlanView) -> None:
    assert view.model.rowCount() == 8
    efforts = [float(cell(view, row, Column.EFFORT)) for row in range(8)]
    assert efforts == EFFORTS
    dates = [
        (cell(view, row, Column.PLANNED_START), cell(view, row, Column.PLANNED_FINISH))
        for row in range(8)
    ]
    assert dates == WINDOWS
    assert cell(view, 0, Column.NAME) == "Revisit IAM / EC2 / S3"
    assert cell(view, 2, Column.KIND) == "Project"
    assert cell(view, 7, Column.WEEKS) == "2"
    assert [cell(view, row, Column.POSITION) for row in range(8)] == [str(i) for i in range(1, 9)]


def test_progress_actual_hours_and_slip_follow_the_log(
    qtbot: QtBot, planner: StudyPlanner, undo_stack: QUndoStack
) -> None:
    """ANALYTICS.md example 1: M1 done 3 days late, M2 half done and 10.5 days behind."""
    first, second = planner.modules()[:2]
    for day, minutes in ((19, 120), (20, 90), (22, 90), (27, 120)):
        planner.log_session(first.id, minutes, on=dt.date(2019, 1, day))
    planner.record_progress(first.id, done=True, on=dt.date(2019, 1, 27))
    planner.log_session(second.id, 60, on=dt.date(2019, 1, 30))
    planner.log_session(second.id, 30, on=dt.date(2019, 2, 3))
    planner.record_progress(second.id, percent=50, on=dt.date(2019, 2, 3))
    page = PlanView(planner, undo_stack)
    qtbot.addWidget(page)
    page.set_report(report(planner))
    assert [cell(page, 0, c) for c in (Column.PROGRESS, Column.ACTUAL, Column.SLIP)] == [
        "100",
        "7.0",
        "3.0",
    ]
    assert cell(page, 0, Column.PROJECTED) == "2019-01-27"
    assert [cell(page, 1, c) for c in (Column.PROGRESS, Column.ACTUAL, Column.SLIP)] == [
        "50",
        "1.5",
        "10.5",
    ]
    rows = page.model.rows()
    assert rows[0].slip is Slip.SLIGHTLY_LATE
    assert rows[1].slip is Slip.LATE


def test_timeline_paints_a_row_per_module(view: PlanView) -> None:
    timeline = view.timeline
    assert not timeline.grab().isNull()
    assert timeline.row_at(0) == -1
    heights = {timeline.row_at(y) for y in range(timeline.height())}
    assert set(range(8)) <= heights
    assert "8 modules" in timeline.accessibleDescription()
    assert "exam on 2019-03-29" in timeline.accessibleDescription()


# -- module actions ----------------------------------------------------------------------------


def test_add_through_insert_then_undo_and_redo(
    view: PlanView, planner: StudyPlanner, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    before = plan_state(planner)
    view.select_row(1)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ModuleDialog)
        qtbot.keyClicks(dialog.name_edit, "Lambda deep dive")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ModuleKind.VIDEO.value))
        qtbot.keyClicks(dialog.video_edit, "1:30:00")
        qtbot.keyClicks(dialog.weeks_edit, "1")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    run_modal(lambda: qtbot.keyClick(view.table, Qt.Key.Key_Insert), fill)
    modules = planner.modules()
    assert len(modules) == 9
    added = modules[2]  # after the selected module 2
    assert (added.name, added.kind, added.effort_hours, added.weeks, added.video_seconds) == (
        "Lambda deep dive",
        ModuleKind.VIDEO,
        1.8,  # 1.2 x 1.5 h
        1.0,
        5400,
    )
    assert view.model.rowCount() == 9
    assert view.selected_row() == 2
    after = plan_state(planner, ids=False)

    undo_stack.undo()
    assert plan_state(planner) == before
    undo_stack.redo()
    assert plan_state(planner, ids=False) == after
    undo_stack.undo()
    assert plan_state(planner) == before


def test_edit_through_f2_then_undo_and_redo(
    view: PlanView, planner: StudyPlanner, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    before = plan_state(planner)
    view.select_row(3)

    def change(dialog: QWidget) -> None:
        assert isinstance(dialog, ModuleDialog)
        assert dialog.name_edit.text() == "DynamoDB"
        assert dialog.video_edit.text() == "1:36:02"
        dialog.name_edit.setText("DynamoDB and DAX")
        dialog.effort_edit.setText("2.5")
        dialog.weeks_edit.setText("1.5")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    run_modal(lambda: qtbot.keyClick(view.table, Qt.Key.Key_F2), change)
    module = planner.modules()[3]
    assert (module.name, module.effort_hours, module.weeks) == ("DynamoDB and DAX", 2.5, 1.5)
    assert cell(view, 3, Column.NAME) == "DynamoDB and DAX"
    after = plan_state(planner)

    undo_stack.undo()
    assert plan_state(planner) == before
    undo_stack.redo()
    assert plan_state(planner) == after


def test_enter_opens_the_edit_dialog(view: PlanView, qtbot: QtBot) -> None:
    view.select_row(0)
    seen: list[str] = []

    def close(dialog: QWidget) -> None:
        assert isinstance(dialog, ModuleDialog)
        seen.append(dialog.name_edit.text())
        dialog.reject()

    run_modal(lambda: qtbot.keyClick(view.table, Qt.Key.Key_Return), close)
    assert seen == ["Revisit IAM / EC2 / S3"]


def test_delete_asks_then_undo_restores_the_database_exactly(
    view: PlanView, planner: StudyPlanner, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    """Undo puts back the module, its sessions, progress, shares under every profile, the topic
    quizzes' and the baseline's links to it and the timer running on it: every row, same ids."""
    dynamo = planner.modules()[3]
    planner.log_session(dynamo.id, 45, on=dt.date(2019, 2, 5), note="GSI vs LSI")
    planner.log_session(dynamo.id, 30, on=dt.date(2019, 2, 6))
    planner.record_progress(dynamo.id, percent=60, on=dt.date(2019, 2, 6))
    planner.add_mock(
        "DynamoDB quiz", taken_on=dt.date(2019, 2, 7), correct=8, total=9, topic_module_id=dynamo.id
    )
    planner.freeze_baseline()
    planner.start_timer(dynamo.id)
    view.set_report(report(planner))
    before = plan_state(planner, ids=False)
    exact = db_digest(planner)
    view.select_row(3)

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert "DynamoDB" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    run_modal(lambda: qtbot.keyClick(view.table, Qt.Key.Key_Delete), cancel)
    assert plan_state(planner, ids=False) == before
    assert undo_stack.count() == 0
    activate(qtbot, view)

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    run_modal(lambda: qtbot.keyClick(view.table, Qt.Key.Key_Delete), confirm)
    assert "DynamoDB" not in names(planner)
    assert len(planner.sessions()) == 0
    assert planner.timer() is None
    assert [m.topic_module_id for m in planner.mocks()] == [None]
    assert view.model.rowCount() == 7
    after = plan_state(planner, ids=False)
    deleted = db_digest(planner)

    undo_stack.undo()
    assert plan_state(planner, ids=False) == before
    assert db_digest(planner) == exact
    assert view.model.rowCount() == 8
    undo_stack.redo()
    assert plan_state(planner, ids=False) == after
    assert db_digest(planner) == deleted
    undo_stack.undo()
    assert db_digest(planner) == exact


def test_edit_after_an_undone_delete_reaches_the_restored_module(
    view: PlanView, planner: StudyPlanner, undo_stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Older commands on the stack still find a module whose delete was undone."""
    monkeypatch.setattr(view, "confirm_delete", lambda module: True)
    view.select_row(4)
    view.move_module(-1)  # KMS to position 4
    view.select_row(3)
    view.delete_module()
    undo_stack.undo()  # KMS back, with a new id
    undo_stack.undo()  # the move is undone on the restored module
    assert names(planner)[3:5] == ["DynamoDB", "KMS and Other AWS Services"]
    undo_stack.redo()
    undo_stack.redo()
    assert "KMS and Other AWS Services" not in names(planner)


def test_ctrl_down_and_up_move_then_undo(
    view: PlanView, planner: StudyPlanner, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    before = plan_state(planner)
    view.select_row(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(planner)[:2] == ["Look at Serverless", "Revisit IAM / EC2 / S3"]
    assert view.selected_row() == 1
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(planner)[2] == "Revisit IAM / EC2 / S3"
    qtbot.keyClick(view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(planner)[1] == "Revisit IAM / EC2 / S3"
    assert undo_stack.count() == 3
    while undo_stack.canUndo():
        undo_stack.undo()
    assert plan_state(planner) == before


def test_buttons_follow_the_selection(view: PlanView, qtbot: QtBot, planner: StudyPlanner) -> None:
    view.table.clearSelection()
    assert not view.edit_button.isEnabled() and not view.delete_button.isEnabled()
    view.select_row(0)
    assert not view.up_button.isEnabled() and view.down_button.isEnabled()
    view.select_row(7)
    assert view.up_button.isEnabled() and not view.down_button.isEnabled()
    qtbot.mouseClick(view.up_button, Qt.MouseButton.LeftButton)
    assert names(planner)[6] == "Practice Papers"


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("name_edit", "", "Module name"),
        ("name_edit", "   ", "Module name"),
        ("effort_edit", "0", "Effort"),
        ("effort_edit", "-1", "Effort"),
        ("effort_edit", "abc", "not a number"),
        ("weeks_edit", "0", "Weeks"),
        ("weeks_edit", "1e3", "not a number"),
        ("video_edit", "abc", "not a video length"),
    ],
)
def test_bad_module_values_are_refused_inline(
    view: PlanView, planner: StudyPlanner, qtbot: QtBot, field: str, text: str, expected: str
) -> None:
    digest = db_digest(planner)
    dialog = view.module_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("New module")
    dialog.effort_edit.setText("2")
    dialog.weeks_edit.setText("1")
    getattr(dialog, field).setText(text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert getattr(dialog, field).text() == text
    shown = [label.text() for label in dialog.errors.values() if label.isVisible()]
    assert len(shown) == 1 and expected in shown[0]
    assert db_digest(planner) == digest


def test_bad_edit_keeps_the_module_unchanged(
    view: PlanView, planner: StudyPlanner, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    digest = db_digest(planner)
    dialog = view.module_dialog(planner.modules()[0])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.weeks_edit.setText("0")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors["weeks"].isVisible()
    assert db_digest(planner) == digest
    assert undo_stack.count() == 0


# -- plan settings -----------------------------------------------------------------------------


def test_exam_before_start_is_refused_inline(view: PlanView, planner: StudyPlanner) -> None:
    digest = db_digest(planner)
    view.exam_edit.setDate(to_qdate(dt.date(2019, 1, 10)))
    assert not view.apply_settings()
    error = view.settings_errors["exam"]
    assert error.isVisible() and "before the start" in error.text()
    assert view.exam_edit.date() == to_qdate(dt.date(2019, 1, 10))
    assert db_digest(planner) == digest


@pytest.mark.parametrize("text", ["abc", "0", "100", "150", "-5", ""])
def test_bad_pass_marks_are_refused_inline(
    view: PlanView, planner: StudyPlanner, text: str
) -> None:
    digest = db_digest(planner)
    view.start_edit.setDate(to_qdate(dt.date(2019, 1, 21)))
    view.pass_mark_edit.setText(text)
    assert not view.apply_settings()
    assert view.settings_errors["pass_mark"].isVisible()
    assert view.pass_mark_edit.text() == text
    assert db_digest(planner) == digest  # the valid start date was not saved either


def test_plan_settings_are_saved_and_undoable(
    view: PlanView, planner: StudyPlanner, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    before = plan_state(planner)
    view.exam_edit.setDate(to_qdate(dt.date(2019, 4, 5)))
    view.profile_combo.setCurrentIndex(view.profile_combo.findData("DVA-C02"))
    view.pass_mark_edit.setText("75")
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    plan = planner.require_plan()
    assert (plan.exam, plan.profile.name, plan.pass_mark) == (dt.date(2019, 4, 5), "DVA-C02", 0.75)
    assert not any(label.isVisible() for label in view.settings_errors.values())
    undo_stack.undo()
    assert plan_state(planner) == before
    assert view.pass_mark_edit.text() == "72"
    assert view.profile_combo.currentData() == "DVA-C01"


def test_unsaved_settings_survive_a_new_report(view: PlanView, planner: StudyPlanner) -> None:
    view.pass_mark_edit.setText("80")
    view.set_report(report(planner))
    assert view.pass_mark_edit.text() == "80"


# -- baseline, import --------------------------------------------------------------------------


def test_freeze_baseline(view: PlanView, planner: StudyPlanner, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.status_message) as message:
        qtbot.mouseClick(view.freeze_button, Qt.MouseButton.LeftButton)
    assert "Baseline frozen" in message.args[0]
    with planner.db.session() as s:
        assert repository.baseline_count(s, planner.require_plan().id) == 1
    assert "Re-" in view.freeze_button.text()


def test_import_notes_opens_the_preview_and_imports(
    view: PlanView,
    planner: StudyPlanner,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old_plan = planner.require_plan().id
    view.select_row(0)
    view.move_module(1)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(NOTES_FILE), "")
    )

    def accept(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()

    run_modal(view.open_import, accept)
    assert planner.require_plan().id != old_plan
    assert undo_stack.count() == 0
    assert view.model.rowCount() == 8


def test_no_plan_shows_an_empty_page(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.ui.plan_fixtures import make_planner

    empty = make_planner(tmp_path, imported=False)
    page = PlanView(empty, QUndoStack())
    qtbot.addWidget(page)
    page.set_report(None)
    page.show()
    assert page.empty_label.isVisible()
    assert not page.add_button.isEnabled()
    assert page.import_button.isEnabled()
    empty.db.close()


# -- accessibility and plain text --------------------------------------------------------------


def test_every_control_has_an_accessible_name(view: PlanView, qtbot: QtBot) -> None:
    assert unnamed_controls(view) == []
    view.select_row(0)
    dialog = view.module_dialog(view.selected_module())
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []


def test_shortcuts_are_bound(view: PlanView) -> None:
    keys = {
        action.text(): [k.toString() for k in action.shortcuts()]
        for action in (
            view.add_action,
            view.edit_action,
            view.delete_action,
            view.up_action,
            view.down_action,
            view.enter_action,
        )
    }
    assert keys["&Add module…"] == ["Ins"]
    assert keys["&Edit module…"] == ["F2"]
    assert keys["Move &up"] == ["Ctrl+Up"] and keys["Move do&wn"] == ["Ctrl+Down"]
    assert keys["Edit module"] == ["Return", "Enter"]
    assert view.delete_action.shortcuts()


def test_user_text_is_shown_as_plain_text(
    view: PlanView, planner: StudyPlanner, qtbot: QtBot
) -> None:
    planner.update_module(planner.modules()[0].id, name=TRICKY)
    planner.set_plan(name=TRICKY)
    view.set_report(report(planner))
    showing = [label for label in view.findChildren(QLabel) if TRICKY in label.text()]
    assert showing and all(
        label.textFormat() == Qt.TextFormat.PlainText and not label.openExternalLinks()
        for label in showing
    )
    assert cell(view, 0, Column.NAME) == TRICKY
    tooltip = view.timeline._tooltip(view.model.rows()[0])
    assert "<b>" not in tooltip and "&lt;b&gt;x&lt;/b&gt;" in tooltip
    dialog = view.module_dialog(planner.modules()[0])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.weeks_edit.setText("0")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in dialog.errors.values())
    assert dialog.name_edit.text() == TRICKY
