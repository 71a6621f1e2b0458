"""Shared set-up of the Plan and Settings page tests: the AWS notes imported with start 2019-01-18
and profile DVA-C01 (the plan of ANALYTICS.md section 5), a fixed clock, and ways to compare what
is stored before and after a change."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from studyplanner.services import Report, StudyPlanner
from studyplanner.store import db as store_db
from tests.conftest import NOTES_FILE

START = dt.date(2019, 1, 18)
AS_OF = dt.date(2019, 2, 8)
NOW = dt.datetime(2019, 2, 8, 12, 0, tzinfo=dt.UTC)
EFFORTS = [6.5, 2.9, 10.0, 1.9, 2.0, 3.4, 1.5, 10.0]
WINDOWS = [
    ("2019-01-18", "2019-01-24"),
    ("2019-01-25", "2019-01-31"),
    ("2019-02-01", "2019-02-14"),
    ("2019-02-15", "2019-02-21"),
    ("2019-02-22", "2019-02-28"),
    ("2019-03-01", "2019-03-07"),
    ("2019-03-08", "2019-03-14"),
    ("2019-03-15", "2019-03-28"),
]
TRICKY = '<b>x</b><a href="http://e">l</a><img src="/etc/hostname">'


def make_planner(tmp_path: Path, *, imported: bool = True) -> StudyPlanner:
    planner = StudyPlanner(
        store_db.open_database(tmp_path / "db.sqlite3"), clock=lambda: NOW, zone="UTC"
    )
    if imported:
        planner.import_notes_file(NOTES_FILE, start=START, profile="DVA-C01")
    return planner


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[StudyPlanner]:
    made = make_planner(tmp_path)
    yield made
    made.db.close()


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


def report(planner: StudyPlanner) -> Report:
    return planner.report(AS_OF)


def db_digest(planner: StudyPlanner) -> str:
    """sha256 over every row of every table (RELIABILITY.md 3.0 "DB digest")."""
    hasher = hashlib.sha256()
    with planner.db.raw_connection() as conn:
        for table in store_db.table_names():
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                hasher.update(repr(row).encode())
    return hasher.hexdigest()


def plan_state(planner: StudyPlanner, *, ids: bool = True) -> object:
    """The plan, its modules (with shares) and their sessions, comparable with ``==``.

    With ``ids=False`` row ids are left out and a session names its module by position: a
    module that is deleted and put back gets a new row id.
    """
    plan = dataclasses.replace(planner.require_plan(), notes_text="")
    modules = planner.modules()
    position = {m.id: m.position for m in modules}
    module_rows = []
    for m in modules:
        fields = dataclasses.asdict(m)
        fields["shares"] = sorted(m.shares.items())
        if not ids:
            fields.pop("id")
        module_rows.append(sorted(fields.items()))
    session_rows = []
    for s in sorted(planner.sessions(), key=lambda s: s.uuid):
        fields = dataclasses.asdict(s)
        if not ids:
            fields.pop("id")
            fields["module_id"] = position[s.module_id]
        session_rows.append(sorted(fields.items()))
    return plan, module_rows, session_rows


def run_modal(trigger: Callable[[], object], interact: Callable[[QWidget], None]) -> None:
    """Call *trigger*, which opens a modal dialog, and *interact* with that dialog while it runs.

    If *interact* fails, the dialog is closed so that the test fails instead of hanging.
    """
    failures: list[BaseException] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, step)
            return
        try:
            interact(dialog)
        except BaseException as exc:
            failures.append(exc)
        if dialog.isVisible():
            failures.append(AssertionError(f"{type(dialog).__name__} is still open"))
            dialog.close()

    QTimer.singleShot(0, step)
    trigger()
    if failures:
        raise failures[0]
