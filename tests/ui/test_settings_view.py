"""The Settings page: read-only profiles, plan parameters with inline refusals, and the module →
domain matrix editor (invalid rows highlighted and never saved), plus the service it writes with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from studyplanner.services import StudyPlanner, ValidationError
from studyplanner.ui.main_window import settings_at
from studyplanner.ui.models.matrix_model import MatrixModel
from studyplanner.ui.notifications import (
    MAX_LIMIT_MINUTES,
    NotificationPrefs,
    NotificationSettings,
)
from studyplanner.ui.views.settings_view import SettingsView
from tests.ui.log_fixtures import unnamed_controls
from tests.ui.plan_fixtures import TRICKY, db_digest, plan_state, planner, report, undo_stack

__all__ = ["planner", "undo_stack"]  # fixtures, imported for pytest

C01 = ["Deployment", "Security", "Development with AWS Services", "Refactoring"]
C01.append("Monitoring and Troubleshooting")


@pytest.fixture
def view(qtbot: QtBot, planner: StudyPlanner, undo_stack: QUndoStack) -> Iterator[SettingsView]:
    page = SettingsView(planner, undo_stack)
    qtbot.addWidget(page)

    def refresh() -> None:
        page.set_report(report(planner))

    page.data_changed.connect(refresh)
    undo_stack.indexChanged.connect(refresh)
    page.resize(1280, 800)
    refresh()
    page.show()
    yield page
    undo_stack.indexChanged.disconnect(refresh)


def edit(view: SettingsView, row: int, domain: str, text: str) -> bool:
    model = view.matrix_model
    return model.setData(model.index(row, model.domains.index(domain) + 1), text)


def shown(view: SettingsView, row: int, column: int) -> str:
    model = view.matrix_model
    return str(model.data(model.index(row, column)))


# -- profiles ----------------------------------------------------------------------------------


def test_profiles_show_their_weights_read_only(view: SettingsView) -> None:
    table = view.weights_table
    assert view.profile_combo.currentData() == "DVA-C01"
    items = [[table.item(r, c) for c in range(2)] for r in range(table.rowCount())]
    rows = [(name.text(), weight.text()) for name, weight in items if name and weight]
    assert rows == list(zip(C01, ["22", "26", "30", "10", "12"], strict=True))
    assert all(
        not item.flags() & Qt.ItemFlag.ItemIsEditable for row in items for item in row if item
    )
    view.profile_combo.setCurrentIndex(view.profile_combo.findData("DVA-C02"))
    assert table.rowCount() == 4
    assert "DVA-C02" in view.profile_title.text()


# -- plan parameters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("pass_mark", "0"),
        ("pass_mark", "100"),
        ("pass_mark", "abc"),
        ("effort_multiplier", "0"),
        ("effort_multiplier", "11"),
        ("effort_multiplier", "-1"),
        ("effort_multiplier", "1e3"),
        ("weekly_budget", "0"),
        ("weekly_budget", "113"),
        ("weekly_budget", ""),
    ],
)
def test_bad_parameters_are_refused_inline(
    view: SettingsView, planner: StudyPlanner, key: str, text: str
) -> None:
    digest = db_digest(planner)
    view.parameter_edits["weekly_budget"].setText("6")  # a valid change that must not be saved
    view.parameter_edits[key].setText(text)
    assert not view.apply_parameters()
    visible = [k for k, label in view.parameter_errors.items() if label.isVisible()]
    assert visible == [key]
    assert view.parameter_errors[key].text()
    assert view.parameter_edits[key].text() == text
    assert db_digest(planner) == digest


def test_parameters_are_saved_and_undoable(
    view: SettingsView, planner: StudyPlanner, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    before = plan_state(planner)
    view.parameter_edits["effort_multiplier"].setText("1.5")
    view.parameter_edits["weekly_budget"].setText("7,5")
    qtbot.mouseClick(view.apply_parameters_button, Qt.MouseButton.LeftButton)
    plan = planner.require_plan()
    assert (plan.effort_multiplier, plan.weekly_budget_hours, plan.pass_mark) == (1.5, 7.5, 0.72)
    undo_stack.undo()
    assert plan_state(planner) == before
    assert view.parameter_edits["weekly_budget"].text() == "5"


# -- the matrix --------------------------------------------------------------------------------


def test_matrix_model_passes_the_model_tester(
    qtmodeltester: ModelTester, planner: StudyPlanner
) -> None:
    model = MatrixModel()
    qtmodeltester.check(model)
    model.set_matrix(planner.modules(), C01)
    qtmodeltester.check(model)


def test_matrix_shows_the_default_shares(view: SettingsView) -> None:
    model = view.matrix_model
    assert model.rowCount() == 8 and model.domains == C01
    assert [shown(view, 0, c) for c in range(1, 7)] == ["0.1", "0.4", "0.4", "0.1", "0", "1"]
    assert shown(view, 7, 6) == "0"  # practice papers map to nothing
    assert model.problems() == []
    assert not view.save_matrix_button.isEnabled()


def test_a_row_not_adding_up_is_highlighted_and_not_saved(
    view: SettingsView, planner: StudyPlanner, qtbot: QtBot
) -> None:
    digest = db_digest(planner)
    assert edit(view, 3, "Security", "0.3")  # DynamoDB now adds up to 1.2
    model = view.matrix_model
    assert model.data(model.index(3, 2), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(2, 2), Qt.ItemDataRole.BackgroundRole) is None
    assert shown(view, 3, 6) == "1.2"
    assert view.matrix_message.isVisible()
    assert "Row 4 (DynamoDB)" in view.matrix_message.text()
    assert "add up to 1.2" in view.matrix_message.text()
    qtbot.mouseClick(view.save_matrix_button, Qt.MouseButton.LeftButton)
    assert "Nothing was saved" in view.matrix_message.text()
    assert db_digest(planner) == digest
    assert shown(view, 3, 2) == "0.3"  # the edit is kept for fixing


@pytest.mark.parametrize("text", ["1.5", "-0.5"])
def test_a_share_outside_0_to_1_makes_the_row_invalid(view: SettingsView, text: str) -> None:
    assert edit(view, 0, "Deployment", text)
    assert view.matrix_model.problems() == [(0, "each share must be between 0 and 1")]
    assert not view.save_matrix()


def test_text_that_is_not_a_number_is_refused(view: SettingsView) -> None:
    assert not edit(view, 0, "Deployment", "abc")
    assert shown(view, 0, 1) == "0.1"
    assert "not a number" in view.matrix_message.text()


def test_valid_rows_are_saved_together_and_undoable(
    view: SettingsView, planner: StudyPlanner, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    before = plan_state(planner)
    assert edit(view, 0, "Refactoring", "0")
    assert edit(view, 0, "Monitoring and Troubleshooting", "0.1")
    assert edit(view, 6, "Security", "0")
    assert edit(view, 6, "Monitoring and Troubleshooting", "0")  # all 0: maps to nothing
    assert view.matrix_model.problems() == []
    qtbot.mouseClick(view.save_matrix_button, Qt.MouseButton.LeftButton)
    modules = planner.modules()
    assert modules[0].shares == {
        "Deployment": 0.1,
        "Security": 0.4,
        "Development with AWS Services": 0.4,
        "Monitoring and Troubleshooting": 0.1,
    }
    assert modules[6].shares == {}
    assert undo_stack.count() == 1
    assert not view.matrix_model.is_dirty()
    undo_stack.undo()
    assert plan_state(planner) == before
    assert shown(view, 0, 4) == "0.1"


def test_saving_one_profile_keeps_the_other_profiles_shares(
    view: SettingsView, planner: StudyPlanner
) -> None:
    planner.set_plan(profile="DVA-C02")
    c02_before = planner.modules()[0].shares
    planner.set_plan(profile="DVA-C01")
    view.set_report(report(planner))
    assert edit(view, 0, "Deployment", "0")
    assert edit(view, 0, "Refactoring", "0.2")
    assert view.save_matrix()
    planner.set_plan(profile="DVA-C02")
    assert planner.modules()[0].shares == c02_before


def test_discard_puts_back_the_stored_shares(view: SettingsView) -> None:
    assert edit(view, 0, "Deployment", "0.9")
    assert view.revert_matrix_button.isEnabled()
    view.revert_matrix_button.click()
    assert shown(view, 0, 1) == "0.1"
    assert not view.matrix_message.isVisible()


@pytest.mark.parametrize(
    ("shares", "field"),
    [
        ({"Nope": 1.0}, "domain"),
        ({"Security": 1.5}, "share of Security"),
        ({"Security": float("nan")}, "share of Security"),
        ({"Security": 0.5, "Deployment": 0.4}, "shares of module 1"),
    ],
)
def test_set_module_shares_validates_and_writes_nothing(
    planner: StudyPlanner, shares: dict[str, float], field: str
) -> None:
    digest = db_digest(planner)
    with pytest.raises(ValidationError) as refused:
        planner.set_module_shares(planner.modules()[0].id, shares)
    assert refused.value.field == field
    assert db_digest(planner) == digest


def test_set_module_shares_accepts_sums_within_the_tolerance(planner: StudyPlanner) -> None:
    module = planner.modules()[0]
    planner.set_module_shares(module.id, {"Security": 0.6, "Deployment": 0.4005})
    assert planner.modules()[0].shares == {"Security": 0.6, "Deployment": 0.4005}
    planner.set_module_shares(module.id, {"Security": 0.0})
    assert planner.modules()[0].shares == {}


# -- accessibility and plain text --------------------------------------------------------------


def test_every_control_has_an_accessible_name(view: SettingsView) -> None:
    assert unnamed_controls(view) == []


def test_user_text_is_plain(view: SettingsView, planner: StudyPlanner) -> None:
    planner.update_module(planner.modules()[0].id, name=TRICKY)
    view.set_report(report(planner))
    assert shown(view, 0, 0) == f"1. {TRICKY}"
    assert edit(view, 0, "Deployment", "0.5")
    assert TRICKY in view.matrix_message.text()
    for label in view.findChildren(QLabel):
        if TRICKY in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText


# -- notifications -----------------------------------------------------------------------------


def test_notifications_group_is_disabled_until_bound(view: SettingsView) -> None:
    assert not view.notifications_group.isEnabled()
    assert view.notification_prefs() == NotificationPrefs()
    view.long_timer_check.setChecked(True)  # nowhere to save: nothing breaks
    assert view.notification_settings is None


def test_notifications_show_and_save_the_settings(view: SettingsView, tmp_path: Path) -> None:
    ini = tmp_path / "window.ini"
    stored = NotificationSettings(settings_at(ini))
    stored.set_prefs(NotificationPrefs(long_timer=False, limit_minutes=45, daily_nudge=True))
    view.bind_notifications(stored)
    assert view.notifications_group.isEnabled()
    assert not view.long_timer_check.isChecked()
    assert view.limit_spin.value() == 45
    assert not view.limit_spin.isEnabled(), "the limit only matters with the reminder on"
    assert view.nudge_check.isChecked()

    view.long_timer_check.setChecked(True)
    assert view.limit_spin.isEnabled()
    view.limit_spin.setValue(120)
    view.nudge_check.setChecked(False)
    reread = NotificationSettings(settings_at(ini)).prefs()
    assert reread == NotificationPrefs(long_timer=True, limit_minutes=120, daily_nudge=False)
    view.limit_spin.setValue(10_000)
    assert NotificationSettings(settings_at(ini)).prefs().limit_minutes == MAX_LIMIT_MINUTES
