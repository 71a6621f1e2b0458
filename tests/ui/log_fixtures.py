"""Shared set-up of the Log and Mock tests page tests: a planner over a temp database whose clock
the test moves, the AWS notes imported, and a digest of the stored sessions and mock tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from studyplanner.services import StudyPlanner
from studyplanner.store.db import open_database
from tests.conftest import NOTES_FILE

PLAN_START = dt.date(2024, 3, 4)  # a Monday
NOW = dt.datetime(2024, 3, 20, 12, 0, tzinfo=dt.UTC)  # Wednesday of plan week 3


class Clock:
    """A UTC clock that stands still until the test moves it."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclasses.dataclass
class Env:
    planner: StudyPlanner
    clock: Clock


def make_env(
    tmp_path: Path, *, zone: str = "UTC", now: dt.datetime = NOW, start: dt.date = PLAN_START
) -> Env:
    clock = Clock(now)
    planner = StudyPlanner(open_database(tmp_path / "db.sqlite3"), clock=clock, zone=zone)
    planner.import_notes_file(NOTES_FILE, start=start)
    return Env(planner, clock)


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    made = make_env(tmp_path)
    yield made
    made.planner.db.close()


def digest(planner: StudyPlanner, *, ids: bool = True) -> str:
    """sha256 of every stored session and mock test (row ids left out when *ids* is false)."""
    rows: list[str] = []
    for s in sorted(planner.sessions(), key=lambda s: s.uuid):
        fields = dataclasses.asdict(s)
        if not ids:
            fields.pop("id")
        rows.append(repr(sorted(fields.items())))
    for m in sorted(planner.mocks(), key=lambda m: m.uuid):
        fields = dataclasses.asdict(m)
        fields["domain_counts"] = sorted(m.domain_counts.items())
        if not ids:
            fields.pop("id")
        rows.append(repr(sorted(fields.items())))
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


CONTROL_TYPES = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QAbstractSpinBox,
    QAbstractItemView,
)


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls under *root* without an accessible name.  The parts of a compound control (the
    line edit of a spin box, the corner button of a table, a combo box's popup) are skipped."""
    missing: list[str] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROL_TYPES) or _is_part(widget, root):
            continue
        if not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def _is_part(widget: QWidget, root: QWidget) -> bool:
    if widget.window() is not root.window() and widget.window() is not root:
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False
