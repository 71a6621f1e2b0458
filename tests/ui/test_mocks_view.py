"""The Mock tests page: counts (never scaled scores), details per domain, undoable writes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from studyplanner.domain.records import MockInfo
from studyplanner.ui.dialogs.mock_dialog import MockDialog
from studyplanner.ui.models.mocks_model import (
    DomainColumn,
    DomainScoresModel,
    MockColumn,
    MockRole,
    MocksTableModel,
)
from studyplanner.ui.views.mocks_view import MocksView
from tests.ui.log_fixtures import Env, digest, env, unnamed_controls
from tests.ui.plan_fixtures import db_digest

__all__ = ["env"]  # the fixture, imported for pytest


def make_view(qtbot: QtBot, env: Env) -> tuple[MocksView, QUndoStack]:
    stack = QUndoStack()
    view = MocksView(env.planner, stack)
    qtbot.addWidget(view)
    view.set_report(env.planner.report())
    view.resize(1280, 800)
    view.show()
    return view, stack


def domains(env: Env) -> list[str]:
    return list(env.planner.require_plan().profile.domain_names())


def add_mock(env: Env, name: str = "Test 1", **counts: tuple[int, int]) -> MockInfo:
    names = domains(env)
    return env.planner.add_mock(
        name,
        taken_on=dt.date(2024, 3, 15),
        correct=44,
        total=65,
        domain_counts={names[int(k[1:])]: v for k, v in counts.items()},
        minutes=130,
    )


def click_save(qtbot: QtBot, dialog: MockDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def domain_rows(view: MocksView) -> list[tuple[str, str, str]]:
    model = view.domain_model
    return [
        (
            str(model.data(model.index(r, DomainColumn.DOMAIN))),
            str(model.data(model.index(r, DomainColumn.SCORE))),
            str(model.data(model.index(r, DomainColumn.PERCENT))),
        )
        for r in range(model.rowCount())
    ]


def test_models_contract(qtmodeltester: ModelTester, env: Env) -> None:
    quiz_module = env.planner.modules()[3]
    exam = add_mock(env, d0=(8, 9), d1=(20, 30))
    quiz = env.planner.add_mock(
        "quiz", taken_on=dt.date(2024, 3, 16), correct=7, total=10, topic_module_id=quiz_module.id
    )
    model = MocksTableModel()
    model.set_mocks(env.planner.mocks(), {quiz_module.id: quiz_module.name})
    qtmodeltester.check(model)
    row = model.row_of(exam.uuid)
    assert row is not None
    assert model.data(model.index(row, MockColumn.SCORE)) == "44/65"
    assert model.data(model.index(row, MockColumn.PERCENT)) == "67.7 %"
    assert model.data(model.index(row, MockColumn.TOPIC)) == ""
    assert model.data(model.index(row, 0), MockRole) == exam
    quiz_row = model.row_of(quiz.uuid)
    assert quiz_row is not None
    assert model.data(model.index(quiz_row, MockColumn.TOPIC)) == quiz_module.name

    details = DomainScoresModel()
    details.set_counts(exam.domain_counts, domains(env))
    qtmodeltester.check(details)
    assert details.data(details.index(0, DomainColumn.SCORE)) == "8/9"
    assert details.data(details.index(0, DomainColumn.PERCENT)) == "88.9 %"
    details.set_counts({})
    qtmodeltester.check(details)


def test_details_show_counts_per_domain_never_a_scaled_score(qtbot: QtBot, env: Env) -> None:
    names = domains(env)
    mock = add_mock(env, d0=(8, 9), d2=(3, 6))
    view, _ = make_view(qtbot, env)
    assert view.selected_mock() == mock
    assert domain_rows(view) == [(names[0], "8/9", "88.9 %"), (names[2], "3/6", "50.0 %")]
    assert "44/65" in view.details_label.text() and "67.7 %" in view.details_label.text()
    assert "Not reported" in view.domain_note.text()
    for text in [view.details_label.text(), *[c for row in domain_rows(view) for c in row]]:
        assert "1000" not in text and "scaled" not in text.lower()


def test_add_via_the_dialog_with_undo_and_redo(qtbot: QtBot, env: Env) -> None:
    view, stack = make_view(qtbot, env)
    first = domains(env)[0]
    before = digest(env.planner)
    dialog = view.open_add_mock()
    assert isinstance(dialog, MockDialog) and dialog.isVisible()
    assert dialog.name_edit.text() == "Free Test - June 2018"  # the first test of the notes
    dialog.score_edit.setText("44/65")
    dialog.domain_edits[first].setText("8/9")
    with qtbot.waitSignal(view.data_changed):
        click_save(qtbot, dialog)
    assert not dialog.isVisible()
    (added,) = env.planner.mocks()
    assert (added.correct, added.total, dict(added.domain_counts)) == (44, 65, {first: (8, 9)})
    assert view.selected_mock() == added
    assert domain_rows(view)[0][1] == "8/9"
    after = digest(env.planner, ids=False)

    stack.undo()
    assert digest(env.planner) == before
    assert view.model.rowCount() == 0
    stack.redo()
    (again,) = env.planner.mocks()
    assert again.uuid == added.uuid
    assert digest(env.planner, ids=False) == after


def test_topic_quiz_via_the_dialog(qtbot: QtBot, env: Env) -> None:
    view, _ = make_view(qtbot, env)
    dialog = view.open_add_quiz()
    assert dialog is not None and dialog.topic_radio.isChecked()
    module = env.planner.modules()[3]
    dialog.topic_combo.setCurrentIndex(dialog.topic_combo.findData(module.id))
    dialog.name_edit.setText("DynamoDB quiz")
    dialog.score_edit.setText("8/9")
    click_save(qtbot, dialog)
    (quiz,) = env.planner.mocks()
    assert quiz.topic_module_id == module.id
    row = view.model.row_of(quiz.uuid)
    assert row is not None
    assert view.model.data(view.model.index(row, MockColumn.TOPIC)) == module.name
    assert "Topic quiz on" in view.details_label.text()


def test_edit_updates_in_place_and_undo_restores_exactly(qtbot: QtBot, env: Env) -> None:
    names = domains(env)
    original = add_mock(env, d0=(8, 9), d1=(20, 30))
    view, stack = make_view(qtbot, env)
    before = db_digest(env.planner)
    dialog = view.edit_selected()
    assert isinstance(dialog, MockDialog)
    dialog.score_edit.setText("50/65")
    dialog.domain_edits[names[1]].setText("")
    dialog.domain_edits[names[2]].setText("5/5")
    with qtbot.waitSignal(view.data_changed):
        click_save(qtbot, dialog)
    assert not dialog.isVisible()
    (edited,) = env.planner.mocks()
    assert (edited.id, edited.uuid) == (original.id, original.uuid)  # an update, not a re-add
    assert (edited.correct, dict(edited.domain_counts)) == (
        50,
        {names[0]: (8, 9), names[2]: (5, 5)},
    )
    assert view.selected_mock() == edited
    assert [row[0] for row in domain_rows(view)] == [names[0], names[2]]
    after = db_digest(env.planner)
    assert stack.count() == 1 and "Test 1" in stack.undoText()

    stack.undo()
    assert db_digest(env.planner) == before  # every table, row ids and creation times included
    assert env.planner.mocks() == [original]
    assert view.selected_mock() == original
    stack.redo()
    assert db_digest(env.planner) == after
    stack.undo()
    assert db_digest(env.planner) == before


def test_edit_an_exam_into_a_topic_quiz_and_undo(qtbot: QtBot, env: Env) -> None:
    original = add_mock(env, d0=(8, 9))
    module = env.planner.modules()[3]
    view, stack = make_view(qtbot, env)
    before = db_digest(env.planner)
    dialog = view.edit_selected()
    assert dialog is not None
    dialog.topic_radio.setChecked(True)
    dialog.topic_combo.setCurrentIndex(dialog.topic_combo.findData(module.id))
    dialog.score_edit.setText("8/9")
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    (quiz,) = env.planner.mocks()
    assert (quiz.id, quiz.topic_module_id, dict(quiz.domain_counts)) == (original.id, module.id, {})
    assert "Topic quiz on" in view.details_label.text()
    stack.undo()
    assert db_digest(env.planner) == before
    assert view.domain_table.isVisibleTo(view)


def test_undo_of_an_edit_whose_test_is_gone_reports_the_failure(qtbot: QtBot, env: Env) -> None:
    add_mock(env, d0=(8, 9))
    view, stack = make_view(qtbot, env)
    dialog = view.edit_selected()
    assert dialog is not None
    dialog.score_edit.setText("40/65")
    click_save(qtbot, dialog)
    (edited,) = env.planner.mocks()
    env.planner.delete_mock(edited.id)  # behind the page's back
    with qtbot.waitSignal(view.status_message) as message:
        stack.undo()
    assert "no longer exists" in str(message.args[0])
    assert view.error_label.isVisible()
    assert env.planner.mocks() == []


def test_refused_edit_changes_nothing(qtbot: QtBot, env: Env) -> None:
    names = domains(env)
    add_mock(env, d0=(8, 9))
    view, stack = make_view(qtbot, env)
    before = db_digest(env.planner)
    dialog = view.edit_selected()
    assert dialog is not None
    dialog.domain_edits[names[1]].setText("40/60")  # 9 + 60 questions > 65
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["domain"].isVisible() and dialog.errors["domain"].text()
    assert db_digest(env.planner) == before  # the stored test was never touched
    assert stack.count() == 0
    dialog.domain_edits[names[1]].setText("")
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(60))
    click_save(qtbot, dialog)
    assert dialog.errors["date"].isVisible()
    assert db_digest(env.planner) == before
    assert stack.count() == 0


def test_delete_and_undo_restore_the_same_uuid_and_counts(qtbot: QtBot, env: Env) -> None:
    add_mock(env, "Test 1", d0=(8, 9))
    doomed = add_mock(env, "Test 2", d1=(7, 10))
    view, stack = make_view(qtbot, env)
    before = digest(env.planner, ids=False)
    assert view.select_mock(doomed.uuid)
    with qtbot.waitSignal(view.data_changed):
        qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in env.planner.mocks()] == ["Test 1"]
    stack.undo()
    assert digest(env.planner, ids=False) == before
    restored = next(m for m in env.planner.mocks() if m.uuid == doomed.uuid)
    assert dict(restored.domain_counts) == {domains(env)[1]: (7, 10)}
    stack.redo()
    assert [m.name for m in env.planner.mocks()] == ["Test 1"]


def test_delete_undo_redo_undo_restore_the_database_exactly(qtbot: QtBot, env: Env) -> None:
    add_mock(env, "Test 1", d0=(8, 9))
    doomed = add_mock(env, "Test 2", d1=(7, 10), d2=(3, 6))
    add_mock(env, "Test 3", d0=(1, 2))
    view, stack = make_view(qtbot, env)
    before = db_digest(env.planner)
    assert view.select_mock(doomed.uuid)
    with qtbot.waitSignal(view.data_changed):
        qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    deleted = db_digest(env.planner)
    assert deleted != before
    assert [m.name for m in env.planner.mocks()] == ["Test 1", "Test 3"]

    stack.undo()
    assert db_digest(env.planner) == before  # every table, row ids and creation times included
    assert doomed in env.planner.mocks()
    stack.redo()
    assert db_digest(env.planner) == deleted
    stack.undo()
    assert db_digest(env.planner) == before
    assert view.model.row_of(doomed.uuid) is not None


def test_score_history_chart_is_shown(qtbot: QtBot, env: Env) -> None:
    add_mock(env, d0=(8, 9))
    view, stack = make_view(qtbot, env)
    chart = view.chart
    assert chart is not None and chart.isVisible()
    assert chart.accessibleName()
    assert "Test 1" in chart.accessibleDescription()
    view.delete_selected()
    assert view.chart is not None and view.chart is not chart
    stack.undo()


def test_every_control_has_an_accessible_name(qtbot: QtBot, env: Env) -> None:
    add_mock(env, d0=(8, 9))
    view, _ = make_view(qtbot, env)
    assert unnamed_controls(view) == []
    assert view.chart is not None and view.chart.accessibleName()


def test_user_text_is_shown_as_plain_text(qtbot: QtBot, env: Env) -> None:
    hostile = '<b>x</b><a href="http://e">l</a><img src="/etc/hostname">'
    module = env.planner.modules()[3]
    env.planner.update_module(module.id, name=hostile)
    mock = env.planner.add_mock(
        hostile, taken_on=dt.date(2024, 3, 15), correct=5, total=9, topic_module_id=module.id
    )
    view, _ = make_view(qtbot, env)
    row = view.model.row_of(mock.uuid)
    assert row is not None
    assert view.model.data(view.model.index(row, MockColumn.NAME)) == hostile
    assert view.model.data(view.model.index(row, MockColumn.TOPIC)) == hostile
    assert hostile in view.details_label.text()
    for label in view.findChildren(QLabel):
        if hostile in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText
            assert not label.openExternalLinks()


def test_no_plan_disables_the_page(qtbot: QtBot, env: Env) -> None:
    view, _ = make_view(qtbot, env)
    view.set_report(None)
    assert view.no_plan_label.isVisible()
    assert not view.content.isEnabled()
    assert view.open_add_mock() is None
