"""Fixtures for the import/export tests: a planner on a fresh database with a fixed clock."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from studyplanner.services import StudyPlanner
from studyplanner.store.db import Database, open_database
from tests.conftest import NOTES_FILE

NOW = dt.datetime(2019, 6, 1, 12, 0, tzinfo=dt.UTC)
ZONE = "Europe/Berlin"
START = dt.date(2019, 1, 18)

# Hypothesis: derandomized in CI (RELIABILITY.md 3.7), 2 s per example at most.
settings.register_profile(
    "exchange",
    deadline=2000,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    print_blob=True,
)
EXCHANGE = settings.get_profile("exchange")

PlannerFactory = Callable[..., StudyPlanner]


def session_count(db: Database) -> int:
    with db.raw_connection() as conn:
        return int(conn.execute("SELECT count(*) FROM study_session").fetchone()[0])


def drop_sessions_after(db: Database, last_id: int) -> None:
    """Undo an import in a test: delete the sessions it added (rowids are reused afterwards)."""
    with db.raw_connection() as conn:
        conn.execute("DELETE FROM study_session WHERE id > ?", (last_id,))


def max_session_id(db: Database) -> int:
    with db.raw_connection() as conn:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM study_session").fetchone()[0])


def empty_database(db: Database) -> None:
    """Undo a backup restore in a test: remove every plan (cascades) and the timer."""
    with db.raw_connection() as conn:
        conn.execute("DELETE FROM running_timer")
        conn.execute("DELETE FROM plan")


@pytest.fixture
def make_planner(tmp_path: Path) -> Iterator[PlannerFactory]:
    """Open planners on fresh database files under tmp_path; all are closed at the end."""
    opened: list[Database] = []
    counter = iter(range(1_000_000))

    def make(*, plan: bool = True, profile: str = "DVA-C02") -> StudyPlanner:
        db = open_database(tmp_path / f"db{next(counter)}.sqlite3")
        opened.append(db)
        planner = StudyPlanner(db, clock=lambda: NOW, zone=ZONE)
        if plan:
            planner.import_notes_file(NOTES_FILE, start=START, profile=profile)
        return planner

    yield make
    for db in opened:
        with contextlib.suppress(Exception):
            db.close()


@pytest.fixture
def planner(make_planner: PlannerFactory) -> StudyPlanner:
    return make_planner()
