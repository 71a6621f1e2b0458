"""The import preview: modules, planned dates, planned mocks and line errors are shown before
anything is written; Import is refused while there is a problem."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from studyplanner.services import StudyPlanner
from studyplanner.ui.dialogs.import_dialog import ImportDialog
from studyplanner.ui.widgets.fields import to_qdate
from tests.conftest import NOTES_FILE
from tests.ui.log_fixtures import unnamed_controls
from tests.ui.plan_fixtures import EFFORTS, START, TRICKY, WINDOWS, db_digest, make_planner

BROKEN = """My plan
- Revisit IAM (5:26:18)
- Video thing (abc)
- DynamoDB (1:36:02)
- Foo (xyz weeks)
Total Time: 3 weeks
"""


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[StudyPlanner]:
    """A database without a plan (the first run)."""
    made = make_planner(tmp_path, imported=False)
    yield made
    made.db.close()


def make(
    qtbot: QtBot, planner: StudyPlanner, path: Path | None = None, *, text: str | None = None
) -> ImportDialog:
    dialog = ImportDialog(planner, path, text=text)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def column(dialog: ImportDialog, index: int) -> list[str]:
    return [
        cell(dialog.modules_table, row, index) for row in range(dialog.modules_table.rowCount())
    ]


def test_preview_shows_modules_dates_and_mocks_before_writing(
    qtbot: QtBot, empty: StudyPlanner
) -> None:
    digest = db_digest(empty)
    dialog = make(qtbot, empty, NOTES_FILE)
    dialog.start_edit.setDate(to_qdate(START))
    assert dialog.modules_table.rowCount() == 8
    assert [float(t) for t in column(dialog, 4)] == EFFORTS
    assert list(zip(column(dialog, 6), column(dialog, 7), strict=True)) == WINDOWS
    assert column(dialog, 3)[0] == "5:26:18"
    assert column(dialog, 2)[2] == "Project"
    assert dialog.mocks_list.count() == 7
    assert dialog.mocks_list.item(2).text() == "Test 1"
    assert dialog.exam() == dt.date(2019, 3, 29)  # the day after the planned end
    assert dialog.problems_table.rowCount() == 0
    assert dialog.import_button.isEnabled()
    assert "8 modules, 10 weeks, 38.2 h" in dialog.title_label.text()
    assert db_digest(empty) == digest
    assert empty.current_plan() is None


def test_import_writes_the_plan_with_the_chosen_dates_and_profile(
    qtbot: QtBot, empty: StudyPlanner
) -> None:
    dialog = make(qtbot, empty, NOTES_FILE)
    dialog.start_edit.setDate(to_qdate(START))
    dialog.exam_edit.setDate(to_qdate(dt.date(2019, 4, 2)))
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("DVA-C01"))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    plan = empty.require_plan()
    assert (plan.start, plan.exam, plan.profile.name) == (START, dt.date(2019, 4, 2), "DVA-C01")
    assert dialog.imported_plan == plan
    assert [m.effort_hours for m in empty.modules()] == EFFORTS


def test_moving_the_start_moves_the_dates_and_the_untouched_exam(
    qtbot: QtBot, empty: StudyPlanner
) -> None:
    dialog = make(qtbot, empty, NOTES_FILE)
    dialog.start_edit.setDate(to_qdate(dt.date(2019, 1, 25)))
    assert column(dialog, 6)[0] == "2019-01-25"
    assert dialog.exam() == dt.date(2019, 4, 5)
    dialog.exam_edit.setDate(to_qdate(dt.date(2019, 5, 1)))
    dialog.start_edit.setDate(to_qdate(dt.date(2019, 2, 1)))
    assert dialog.exam() == dt.date(2019, 5, 1)  # chosen by the user: kept


def test_line_errors_are_listed_and_nothing_is_imported(
    qtbot: QtBot, empty: StudyPlanner, tmp_path: Path
) -> None:
    notes = tmp_path / "broken.txt"
    notes.write_text(BROKEN, encoding="utf-8")
    digest = db_digest(empty)
    dialog = make(qtbot, empty, notes)
    table = dialog.problems_table
    rows = [tuple(cell(table, r, c) for c in range(3)) for r in range(table.rowCount())]
    assert [(line, text) for line, text, _ in rows] == [
        ("3", "- Video thing (abc)"),
        ("5", "- Foo (xyz weeks)"),
    ]
    assert all(message for _, _, message in rows)
    assert dialog.tabs.currentWidget() is table
    assert dialog.tabs.tabText(2) == "Problems (2)"
    assert not dialog.import_button.isEnabled()
    assert dialog.errors["form"].isVisible()
    dialog.accept()
    assert dialog.isVisible()
    assert empty.current_plan() is None
    assert db_digest(empty) == digest


def test_a_file_that_is_not_text_is_a_whole_file_problem(
    qtbot: QtBot, empty: StudyPlanner, tmp_path: Path
) -> None:
    notes = tmp_path / "latin1.txt"
    notes.write_bytes("Plan\n- Caf\xe9 (1:00:00)\n".encode("latin-1"))
    dialog = make(qtbot, empty, notes)
    assert dialog.problems_table.rowCount() == 1
    assert cell(dialog.problems_table, 0, 0) == "–"
    assert "UTF-8" in cell(dialog.problems_table, 0, 2)
    assert not dialog.import_button.isEnabled()


def test_a_missing_file_is_reported(qtbot: QtBot, empty: StudyPlanner, tmp_path: Path) -> None:
    dialog = make(qtbot, empty, tmp_path / "nope.txt")
    assert "cannot read" in cell(dialog.problems_table, 0, 2)
    assert not dialog.import_button.isEnabled()


def test_exam_before_start_is_refused_inline(qtbot: QtBot, empty: StudyPlanner) -> None:
    dialog = make(qtbot, empty, NOTES_FILE)
    dialog.start_edit.setDate(to_qdate(START))
    dialog.exam_edit.setDate(to_qdate(dt.date(2019, 1, 10)))
    assert dialog.errors["exam"].isVisible()
    assert "before the start" in dialog.errors["exam"].text()
    assert not dialog.import_button.isEnabled()
    dialog.accept()
    assert empty.current_plan() is None


def test_text_source_and_user_text_are_plain(qtbot: QtBot, empty: StudyPlanner) -> None:
    dialog = make(qtbot, empty, text=f"{TRICKY}\n- DynamoDB (1:36:02)\n")
    assert dialog.modules_table.rowCount() == 1
    showing = [label for label in dialog.findChildren(QLabel) if TRICKY in label.text()]
    assert showing
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in showing)


def test_every_control_has_an_accessible_name(qtbot: QtBot, empty: StudyPlanner) -> None:
    dialog = make(qtbot, empty, NOTES_FILE)
    assert unnamed_controls(dialog) == []
