"""The add/edit module dialog: it collects values, never writes, and shows every refusal (its own
parsing or the services') next to the field while keeping the input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from studyplanner.domain.model import ModuleKind
from studyplanner.domain.records import ModuleInfo
from studyplanner.services import ValidationError
from studyplanner.ui.dialogs.module_dialog import ModuleDialog, ModuleValues
from studyplanner.ui.widgets.fields import InputError, parse_decimal
from tests.ui.log_fixtures import unnamed_controls
from tests.ui.plan_fixtures import TRICKY

DYNAMO = ModuleInfo(
    id=4,
    position=4,
    name="DynamoDB",
    kind=ModuleKind.VIDEO,
    effort_hours=1.9,
    weeks=1.0,
    video_seconds=5762,
    mock_tests=None,
    note="",
    shares={},
)


def make(qtbot: QtBot, **kwargs: object) -> ModuleDialog:
    dialog = ModuleDialog(**kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(dialog: ModuleDialog, *, name: str, effort: str, weeks: str, video: str = "") -> None:
    dialog.name_edit.setText(name)
    dialog.effort_edit.setText(effort)
    dialog.weeks_edit.setText(weeks)
    dialog.video_edit.setText(video)


def visible_errors(dialog: ModuleDialog) -> dict[str, str]:
    return {key: label.text() for key, label in dialog.errors.items() if label.isVisible()}


def test_valid_values_are_returned_through_commit(qtbot: QtBot) -> None:
    seen: list[ModuleValues] = []
    dialog = make(qtbot, commit=seen.append)
    fill(dialog, name="Step Functions", effort="2,5", weeks="0.5")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ModuleKind.READING.value))
    dialog.note_edit.setPlainText("states\tand\nchoices")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    expected = ModuleValues(
        "Step Functions", ModuleKind.READING, 2.5, 0.5, None, "states\tand\nchoices"
    )
    assert seen == [expected]
    assert dialog.result_values == expected
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_blank_effort_follows_the_video_length(qtbot: QtBot) -> None:
    dialog = make(qtbot, effort_multiplier=1.2)
    fill(dialog, name="IAM", effort="", weeks="1", video="5:26:18")
    assert dialog.values().effort_hours == 6.5
    assert dialog.values().video_seconds == 19578


@pytest.mark.parametrize(
    ("field", "text", "error"),
    [
        ("effort_edit", "abc", "effort"),
        ("effort_edit", "", "effort"),
        ("effort_edit", "nan", "effort"),
        ("effort_edit", "1_000", "effort"),
        ("effort_edit", "１２", "effort"),
        ("weeks_edit", "inf", "weeks"),
        ("weeks_edit", "", "weeks"),
        ("video_edit", "5:61:00", "video"),
        ("video_edit", "-1:00:00", "video"),
    ],
)
def test_unparseable_values_are_refused_before_commit(
    qtbot: QtBot, field: str, text: str, error: str
) -> None:
    calls: list[ModuleValues] = []
    dialog = make(qtbot, commit=calls.append)
    fill(dialog, name="X", effort="1", weeks="1")
    getattr(dialog, field).setText(text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert calls == []
    assert dialog.isVisible() and dialog.result_values is None
    assert list(visible_errors(dialog)) == [error]
    assert getattr(dialog, field).text() == text


@pytest.mark.parametrize(
    ("field", "error"),
    [
        ("module name", "name"),
        ("effort", "effort"),
        ("weeks", "weeks"),
        ("video length", "video"),
        ("note", "note"),
        ("plan", "form"),
    ],
)
def test_a_refusal_from_the_services_is_shown_next_to_its_field(
    qtbot: QtBot, field: str, error: str
) -> None:
    def refuse(values: ModuleValues) -> None:
        raise ValidationError(field, "is wrong <b>here</b>")

    dialog = make(qtbot, commit=refuse)
    fill(dialog, name="Kept", effort="3", weeks="2", video="1:00:00")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    shown = visible_errors(dialog)
    assert list(shown) == [error]
    assert shown[error].endswith("is wrong <b>here</b>")
    assert dialog.errors[error].textFormat() == Qt.TextFormat.PlainText
    assert (dialog.name_edit.text(), dialog.effort_edit.text(), dialog.video_edit.text()) == (
        "Kept",
        "3",
        "1:00:00",
    )


def test_errors_clear_once_the_value_is_fixed(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    fill(dialog, name="X", effort="abc", weeks="1")
    dialog.accept()
    assert visible_errors(dialog)
    dialog.effort_edit.setText("2")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert not visible_errors(dialog)


def test_edit_is_prefilled_and_cannot_drop_the_video_length(qtbot: QtBot) -> None:
    dialog = make(qtbot, module=DYNAMO)
    assert dialog.windowTitle() == "Edit module"
    assert dialog.ok_button.text() == "Save"
    assert (
        dialog.name_edit.text(),
        dialog.kind_combo.currentData(),
        dialog.effort_edit.text(),
        dialog.weeks_edit.text(),
        dialog.video_edit.text(),
    ) == ("DynamoDB", "video", "1.9", "1", "1:36:02")
    dialog.video_edit.clear()
    dialog.accept()
    assert "video" in visible_errors(dialog)


def test_cancel_returns_nothing(qtbot: QtBot) -> None:
    calls: list[ModuleValues] = []
    dialog = make(qtbot, commit=calls.append)
    fill(dialog, name="X", effort="1", weeks="1")
    dialog.reject()
    assert calls == [] and dialog.result_values is None


def test_user_text_stays_literal(qtbot: QtBot) -> None:
    dialog = make(qtbot, module=DYNAMO)
    dialog.name_edit.setText(TRICKY)
    assert dialog.values().name == TRICKY


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert unnamed_controls(dialog) == []


@pytest.mark.parametrize("text", ["6.5", " 2 ", "-1", "0", ".5", "3,25"])
def test_parse_decimal_accepts_plain_numbers(text: str) -> None:
    assert parse_decimal(text, "effort") == float(text.strip().replace(",", "."))


@pytest.mark.parametrize("text", ["", "abc", "1e3", "nan", "inf", "1_0", "٣٠", "１２", "1.2.3"])
def test_parse_decimal_rejects_everything_else(text: str) -> None:
    with pytest.raises(InputError):
        parse_decimal(text, "effort")
