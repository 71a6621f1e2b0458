"""Backups: REL-BAK-01 (when), -02 (consistent while writing), -05a (never from a damaged file),
-06 (restore never loses the present). Thinning and names (REL-BAK-03/04/05b) are pure functions
tested in tests/store/test_backup.py."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from studyplanner import services
from studyplanner.store import backup, recovery
from studyplanner.store import db as store_db
from studyplanner.store.errors import BackupFailed
from tests.reliability.harness import db_digest, read_only
from tests.reliability.test_corruption import _damage_index

pytestmark = pytest.mark.reliability

DB_NAME = "studyplanner.sqlite3"
CLOCK = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)


def _planner(db: store_db.Database) -> services.StudyPlanner:
    planner = services.StudyPlanner(db, clock=lambda: CLOCK, zone="UTC")
    if planner.current_plan() is None:
        planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 5, 1))
    return planner


def _log(planner: services.StudyPlanner, n: int) -> None:
    planner.log_session(
        planner.modules()[0].id,
        1,
        on=dt.date(2024, 5, 1) + dt.timedelta(days=n // 1000),
        at=dt.time(12, 0),
        uuid=f"{n:036d}",
    )


def test_rel_bak_01_backup_at_start_and_only_when_changed(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    db = store_db.open_database(path)
    try:
        first = db.list_backups()
        assert len(first) == 1 and "-start." in first[0].name
        planner = _planner(db)
        changed = db.backup("scheduled")
        assert changed != first[0]
        assert db.backup("scheduled") == changed  # nothing changed: no new file
        _log(planner, 0)
        assert db.backup("before-import") not in {changed, first[0]}
    finally:
        db.close()
    count = len(backup.list_backups(path.parent / "backups"))
    store_db.open_database(path).close()  # unchanged since the newest: no start backup
    assert len(backup.list_backups(path.parent / "backups")) == count
    for made in backup.list_backups(path.parent / "backups"):
        with read_only(made) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_rel_bak_02_backups_while_writing_hold_a_prefix(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    db = store_db.open_database(path)
    planner = _planner(db)
    done = threading.Event()
    made: list[Path] = []
    errors: list[BaseException] = []

    def backups() -> None:
        try:
            while not done.is_set():
                made.append(db.backup("loop", only_if_changed=False))
                done.wait(0.05)
        except BaseException as exc:  # reported below
            errors.append(exc)

    thread = threading.Thread(target=backups)
    thread.start()
    try:
        for n in range(1000):
            _log(planner, n)
    finally:
        done.set()
        thread.join()
        db.close()
    assert not errors
    assert len(made) >= 5
    for copy in made:
        with read_only(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            numbers = sorted(int(r[0]) for r in conn.execute("SELECT uuid FROM study_session"))
        assert numbers == list(range(len(numbers))), copy.name


def test_rel_bak_05a_no_backup_from_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    db = store_db.open_database(path)
    planner = _planner(db)
    for n in range(300):
        _log(planner, n)
    db.close()
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copyfile(path, damaged)
    _damage_index(damaged)
    folder = tmp_path / "backups"
    source = sqlite3.connect(damaged)
    try:
        with pytest.raises(BackupFailed, match="did not verify"):
            backup.take_backup(source, folder, reason="scheduled")
    finally:
        source.close()
    assert list(folder.iterdir()) == []


def test_rel_bak_06_restore_keeps_the_present(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    db = store_db.open_database(path)
    planner = _planner(db)
    _log(planner, 0)
    older = db.backup("manual")
    for n in range(1, 50):
        _log(planner, n)
    db.close()
    present = db_digest(path)
    result = recovery.restore_backup(path, older)
    assert db_digest(path) == db_digest(older)
    assert result.pre_restore_backup is not None
    with read_only(result.pre_restore_backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    recovery.restore_backup(path, result.pre_restore_backup)
    assert db_digest(path) == present
    reopened = store_db.open_database(path)
    try:
        assert len(_planner(reopened).sessions()) == 50
    finally:
        reopened.close()
