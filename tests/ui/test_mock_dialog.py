"""The mock test dialog: counts in, every bad value refused inline, nothing written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from studyplanner.domain.records import MockInfo
from studyplanner.services import StudyPlanner
from studyplanner.ui.dialogs.mock_dialog import MockDialog, MockValues
from tests.ui.log_fixtures import Env, digest, env, unnamed_controls

__all__ = ["env"]  # the fixture, imported for pytest


def writer(planner: StudyPlanner) -> Callable[[MockValues], None]:
    """What the Mock tests page does on Save for a new test: add it through the services."""

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

    return submit


def open_dialog(
    qtbot: QtBot, planner: StudyPlanner, mock: MockInfo | None = None, *, quiz: bool = False
) -> MockDialog:
    plan = planner.require_plan()
    dialog = MockDialog(
        plan.profile,
        planner.modules(),
        writer(planner),
        default_date=planner.today(),
        mock=mock,
        topic_quiz=quiz,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot: QtBot, dialog: MockDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def refused(dialog: MockDialog, label_text: str) -> None:
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert label_text.strip()


def domain_names(planner: StudyPlanner) -> list[str]:
    return list(planner.require_plan().profile.domain_names())


def test_valid_test_with_domain_counts_adds_one_row(qtbot: QtBot, env: Env) -> None:
    dialog = open_dialog(qtbot, env.planner)
    first, second = domain_names(env.planner)[:2]
    qtbot.keyClicks(dialog.name_edit, "Test 1")
    dialog.date_edit.setDate(QDate(2024, 3, 19))
    qtbot.keyClicks(dialog.score_edit, "44/65")
    dialog.minutes_spin.setValue(130)
    qtbot.keyClicks(dialog.domain_edits[first], "8/9")
    qtbot.keyClicks(dialog.domain_edits[second], " 20 / 30 ")
    save(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    (mock,) = env.planner.mocks()
    assert (mock.name, mock.taken_on, mock.correct, mock.total, mock.minutes) == (
        "Test 1",
        dt.date(2024, 3, 19),
        44,
        65,
        130,
    )
    assert dict(mock.domain_counts) == {first: (8, 9), second: (20, 30)}
    assert mock.topic_module_id is None


def test_topic_quiz_is_saved_against_its_module(qtbot: QtBot, env: Env) -> None:
    dialog = open_dialog(qtbot, env.planner, quiz=True)
    assert dialog.topic_radio.isChecked()
    assert not dialog.domain_box.isEnabled()
    dialog.topic_combo.setCurrentIndex(3)
    dialog.name_edit.setText("DynamoDB quiz")
    dialog.score_edit.setText("8/9")
    save(qtbot, dialog)
    (mock,) = env.planner.mocks()
    assert mock.topic_module_id == env.planner.modules()[3].id
    assert dict(mock.domain_counts) == {}


@pytest.mark.parametrize(
    "score", ["11/10", "", "abc", "10", "5/0", "-1/10", "1.5/10", "٣/١٠", "1_0/20", "0/0"]
)
def test_bad_overall_score_is_refused(qtbot: QtBot, env: Env, score: str) -> None:
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    dialog.name_edit.setText("Test 1")
    dialog.score_edit.setText(score)
    save(qtbot, dialog)
    label = dialog.errors["score"]
    assert label.isVisible()
    refused(dialog, label.text())
    assert dialog.score_edit.text() == score
    assert dialog.name_edit.text() == "Test 1"
    assert digest(env.planner) == before


@pytest.mark.parametrize("name", ["", "   ", "a\x01b", "x" * 201])
def test_bad_name_is_refused(qtbot: QtBot, env: Env, name: str) -> None:
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    dialog.name_edit.setMaxLength(1000)
    dialog.name_edit.setText(name)
    dialog.score_edit.setText("40/65")
    save(qtbot, dialog)
    label = dialog.errors["name"]
    assert label.isVisible()
    refused(dialog, label.text())
    assert dialog.score_edit.text() == "40/65"
    assert digest(env.planner) == before


def test_bad_domain_count_is_refused_next_to_the_domain(qtbot: QtBot, env: Env) -> None:
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    first = domain_names(env.planner)[0]
    dialog.name_edit.setText("Test 1")
    dialog.score_edit.setText("40/65")
    dialog.domain_edits[first].setText("10/9")
    save(qtbot, dialog)
    label = dialog.domain_errors[first]
    assert label.isVisible()
    refused(dialog, label.text())
    assert dialog.domain_edits[first].text() == "10/9"
    assert digest(env.planner) == before


def test_domain_totals_above_the_total_are_refused(qtbot: QtBot, env: Env) -> None:
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    first, second = domain_names(env.planner)[:2]
    dialog.name_edit.setText("Test 1")
    dialog.score_edit.setText("10/20")
    dialog.domain_edits[first].setText("5/15")
    dialog.domain_edits[second].setText("5/15")
    save(qtbot, dialog)
    label = dialog.errors["domain"]
    assert label.isVisible()
    assert "more questions" in label.text()
    refused(dialog, label.text())
    assert digest(env.planner) == before


def test_future_date_is_refused(qtbot: QtBot, env: Env) -> None:
    before = digest(env.planner)
    dialog = open_dialog(qtbot, env.planner)
    dialog.name_edit.setText("Test 1")
    dialog.score_edit.setText("40/65")
    dialog.date_edit.setDate(QDate(2024, 4, 30))
    save(qtbot, dialog)
    label = dialog.errors["date"]
    assert label.isVisible()
    refused(dialog, label.text())
    assert digest(env.planner) == before


def test_all_unparseable_fields_are_reported_at_once(qtbot: QtBot, env: Env) -> None:
    dialog = open_dialog(qtbot, env.planner)
    first = domain_names(env.planner)[0]
    dialog.score_edit.setText("11/10")
    dialog.domain_edits[first].setText("x")
    save(qtbot, dialog)
    for label in (dialog.errors["name"], dialog.errors["score"], dialog.domain_errors[first]):
        assert label.isVisible()
        assert label.text()


def test_edit_dialog_is_prefilled_with_counts(qtbot: QtBot, env: Env) -> None:
    first = domain_names(env.planner)[0]
    mock = env.planner.add_mock(
        "<b>Test 2</b>",
        taken_on=dt.date(2024, 3, 15),
        correct=50,
        total=65,
        domain_counts={first: (8, 9)},
        minutes=120,
    )
    dialog = open_dialog(qtbot, env.planner, mock)
    assert dialog.windowTitle() == "Edit mock test"
    assert dialog.name_edit.text() == "<b>Test 2</b>"
    assert dialog.score_edit.text() == "50/65"
    assert dialog.domain_edits[first].text() == "8/9"
    assert dialog.minutes_spin.value() == 120
    assert dialog.practice_radio.isChecked()


def test_every_control_has_an_accessible_name(qtbot: QtBot, env: Env) -> None:
    dialog = open_dialog(qtbot, env.planner)
    assert unnamed_controls(dialog) == []
    for label in (*dialog.errors.values(), *dialog.domain_errors.values()):
        assert label.textFormat() == Qt.TextFormat.PlainText
