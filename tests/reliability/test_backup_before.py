"""A verified backup before every import (RELIABILITY.md B6, section 4 "before every risky op").

Each import path (notes through the services, sessions CSV and JSON through ``exchange``) leaves
a ``pre-import`` backup whose data equals the data just before the import; a backup that cannot
be made stops the import with nothing changed. Restore's own pre-restore backup is covered by
tests/store/test_recovery.py and tests/e2e/test_cli_recovery.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyplanner import exchange, services
from studyplanner.store import backup
from studyplanner.store.db import open_database
from studyplanner.store.errors import BackupFailed
from tests.helpers import db_digest, run_cli

pytestmark = pytest.mark.reliability


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "studyplanner.sqlite3"
    notes = str(services.bundled_notes_path())
    assert run_cli(path, "plan", "import", notes, "--start", "2026-01-05").status == 0
    assert run_cli(path, "log", "1", "45", "--on", "2026-01-06").status == 0
    return path


def _backup_digests(path: Path) -> set[str]:
    return {db_digest(p) for p in backup.list_backups(path.parent / "backups")}


@contextlib.contextmanager
def _planner(path: Path) -> Iterator[services.StudyPlanner]:
    """The services on *path* opened without a start backup (only the import may make one)."""
    opened = open_database(path, backup_on_start=False)
    try:
        yield services.StudyPlanner(
            opened, clock=lambda: dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)
        )
    finally:
        opened.close()


def _changed_since_the_last_backup(path: Path) -> str:
    """Log one more session without a backup; return the digest of the data now."""
    with _planner(path) as planner:
        planner.log_session(planner.modules()[0].id, 25, on=dt.date(2026, 1, 9))
    digest = db_digest(path)
    assert digest not in _backup_digests(path)
    return digest


def test_a_fresh_database_needs_no_pre_import_backup(tmp_path: Path) -> None:
    path = tmp_path / "data" / "studyplanner.sqlite3"
    with _planner(path) as planner:
        planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2026, 1, 5))
    assert _backup_digests(path) == set()  # nothing to protect: there was no plan


def test_notes_import_leaves_a_backup_of_the_data_before(db: Path) -> None:
    before = _changed_since_the_last_backup(db)
    with _planner(db) as planner:
        planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2026, 2, 2))
    assert before in _backup_digests(db)
    assert db_digest(db) != before


def test_sessions_csv_import_leaves_a_backup_of_the_data_before(db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "sessions.csv"
    assert run_cli(db, "export", "sessions", str(exported)).status == 0
    assert run_cli(db, "log", "1", "30", "--on", "2026-01-07").status == 0
    other = tmp_path / "other" / "studyplanner.sqlite3"
    other.parent.mkdir()
    shutil.copy(db, other)
    before = _changed_since_the_last_backup(other)
    with _planner(other) as planner:
        result = exchange.import_sessions(planner, exported)
    assert result.n == 0 and result.already_present >= 1
    assert before in _backup_digests(other)


def test_json_import_leaves_a_backup_of_the_data_before(db: Path, tmp_path: Path) -> None:
    document = tmp_path / "backup.json"
    assert run_cli(db, "export", "json", str(document)).status == 0
    before = _changed_since_the_last_backup(db)
    with _planner(db) as planner:
        result = exchange.import_json(planner, document)  # its sessions are all present
    assert result.n == 0 and result.already_present >= 1
    assert before in _backup_digests(db)
    assert db_digest(db) == before


def test_an_import_does_not_start_when_its_backup_cannot_be_made(db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "sessions.csv"
    assert run_cli(db, "export", "sessions", str(exported)).status == 0
    opened = open_database(db, backup_on_start=False)
    try:
        planner = services.StudyPlanner(
            opened, clock=lambda: dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)
        )
        planner.log_session(planner.modules()[0].id, 25, on=dt.date(2026, 1, 9))
        shutil.rmtree(opened.backup_dir)
        opened.backup_dir.write_text("a file where the backups folder should be")
        count = len(planner.sessions())
        with pytest.raises(BackupFailed):
            exchange.import_sessions(planner, exported)
        with pytest.raises(BackupFailed):
            planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2026, 3, 2))
        assert len(planner.sessions()) == count
        assert planner.current_plan() is not None
        assert planner.current_plan().start == dt.date(2026, 1, 5)  # type: ignore[union-attr]
    finally:
        opened.close()
