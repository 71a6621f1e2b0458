"""The store's opening rules: pragmas (REL-CRASH-04), one connection (REL-CONN-01/02), file checks
before any write, file modes (REL-SEC-02) and the single-instance lock."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError

from studyplanner import services
from studyplanner.store import backup, files, recovery
from studyplanner.store import db as store_db
from studyplanner.store.errors import (
    BackupFailed,
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseMissing,
    StorageUnavailable,
)
from tests.reliability.harness import read_only, sha256

DB_NAME = "studyplanner.sqlite3"


def _planner(db: store_db.Database) -> services.StudyPlanner:
    planner = services.StudyPlanner(
        db, clock=lambda: dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC), zone="UTC"
    )
    if planner.current_plan() is None:
        planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 1, 1))
    return planner


def test_rel_crash_04_configuration_lock_in(tmp_path: Path) -> None:
    db = store_db.open_database(tmp_path / "data" / DB_NAME)
    try:
        with db.raw_connection() as conn:

            def pragma(name: str) -> object:
                return conn.execute(f"PRAGMA {name}").fetchone()[0]

            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2
            assert pragma("foreign_keys") == 1
            assert pragma("locking_mode") == "exclusive"
            assert pragma("trusted_schema") == 0
            assert pragma("mmap_size") == 0
            assert pragma("user_version") == store_db.SCHEMA_VERSION
            assert pragma("application_id") == store_db.APPLICATION_ID
            tables = conn.execute(
                "SELECT name, sql FROM sqlite_master"
                " WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        assert len(tables) == len(store_db.table_names())
        assert all(str(sql).rstrip().endswith("STRICT") for _, sql in tables), tables
    finally:
        db.close()


class _Watch:
    """Counts SQLite connections to one path and Python-level opens of its files."""

    def __init__(self, path: Path) -> None:
        self.names = {str(path), str(path) + "-wal", str(path) + "-shm"}
        self.connects = 0
        self.raw_opens: list[str] = []
        self.live = False

    def audit(self, event: str, args: tuple[Any, ...]) -> None:
        if self.live and event == "open" and args and str(args[0]) in self.names:
            self.raw_opens.append(str(args[0]))


_WATCHES: list[_Watch] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    for watch in _WATCHES:
        watch.audit(event, args)


sys.addaudithook(_audit)


@contextlib.contextmanager
def _watching(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[_Watch]:
    watch = _Watch(path)
    real = sqlite3.connect

    def counting(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(database).removeprefix("file:").split("?")[0] == str(path):
            watch.connects += 1
        made: sqlite3.Connection = real(database, *args, **kwargs)
        return made

    monkeypatch.setattr(sqlite3, "connect", counting)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", counting)
    _WATCHES.append(watch)
    try:
        yield watch
    finally:
        _WATCHES.remove(watch)
        monkeypatch.setattr(sqlite3, "connect", real)
        monkeypatch.setattr(sqlite3.dbapi2, "connect", real)


def test_rel_conn_01_02_one_connection_no_raw_access(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scripted session: create plan, log 20 sessions, backup, export, import, migrate."""
    from studyplanner import exchange

    path = tmp_path / "data" / DB_NAME
    with _watching(path, monkeypatch) as watch:
        db = store_db.open_database(path)
        watch.live = True
        planner = _planner(db)
        module = planner.modules()[0].id
        for n in range(20):
            planner.log_session(module, 30, on=dt.date(2024, 2, 1 + n), note=f"n{n}")
        db.backup("manual", only_if_changed=False)
        export = tmp_path / "sessions.csv"
        exchange.export_sessions_csv(planner, export)
        exchange.import_sessions(planner, export)
        planner.report()
        watch.live = False
        db.close()
    assert watch.connects == 1
    assert watch.raw_opens == []

    v1 = tmp_path / "v1" / DB_NAME
    from tests.reliability.harness import make_v1_database

    make_v1_database(v1)
    with _watching(v1, monkeypatch) as watch:
        store_db.open_database(v1).close()
    assert watch.connects == 1


def test_a_second_opener_in_use_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    first = store_db.open_database(path)
    try:
        before = sha256(path)
        with pytest.raises(DatabaseInUse, match="another copy of StudyPlanner is running"):
            store_db.open_database(path)
        assert sha256(path) == before
    finally:
        first.close()
    store_db.open_database(path).close()


def test_a_directory_at_the_data_path_is_operational(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    path.mkdir(parents=True)
    with pytest.raises(StorageUnavailable, match="folder"):
        store_db.open_database(path)
    assert not (path.parent / "quarantine").exists()


def _make_db(path: Path, sessions: int = 5) -> None:
    db = store_db.open_database(path)
    planner = _planner(db)
    module = planner.modules()[0].id
    for n in range(sessions):
        planner.log_session(module, 10, on=dt.date(2024, 2, 1), at=dt.time(8, n))
    db.close()


@pytest.mark.parametrize(
    "damage",
    ["png", "header", "truncated", "other-app"],
)
def test_damaged_files_are_refused_before_any_write(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "data" / DB_NAME
    _make_db(path)
    data = path.read_bytes()
    if damage == "png":
        data = b"\x89PNG\r\n\x1a\n" + os.urandom(200)
    elif damage == "header":
        data = os.urandom(16) + data[16:]
    elif damage == "truncated":
        data = data[: len(data) // 2]
    path.write_bytes(data)
    if damage == "other-app":
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA application_id = 42")
            conn.commit()
        data = path.read_bytes()
    with pytest.raises(DatabaseCorrupt) as caught:
        store_db.open_database(path)
    assert caught.value.quarantined is not None
    moved = caught.value.quarantined / DB_NAME
    assert moved.read_bytes() == data
    assert stat.S_IMODE(moved.stat().st_mode) == 0o600
    assert not path.exists()
    with pytest.raises(DatabaseMissing):
        store_db.open_database(path)
    assert len(list((path.parent / "quarantine").iterdir())) == 1


def test_empty_file_with_backups_is_not_a_first_run(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    _make_db(path)
    assert backup.list_backups(path.parent / "backups")
    path.write_bytes(b"")
    with pytest.raises(DatabaseMissing, match="empty"):
        store_db.open_database(path)
    assert not path.exists()
    path.unlink(missing_ok=True)
    with pytest.raises(DatabaseMissing, match="missing"):
        store_db.open_database(path)
    fresh = store_db.open_database(path, start_empty=True)
    fresh.close()
    assert recovery.find_restorable_backups(path)


def test_empty_file_without_anything_else_is_a_first_run(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    path.parent.mkdir()
    path.write_bytes(b"")
    store_db.open_database(path).close()
    with read_only(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store_db.SCHEMA_VERSION


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_rel_sec_02_file_modes(tmp_path: Path, umask: int) -> None:
    from studyplanner import exchange

    old = os.umask(umask)
    try:
        path = tmp_path / "data" / DB_NAME
        db = store_db.open_database(path)
        planner = _planner(db)
        planner.log_session(planner.modules()[0].id, 30, on=dt.date(2024, 2, 1))
        db.backup("manual", only_if_changed=False)
        export = tmp_path / "data" / "export.csv"
        exchange.export_sessions_csv(planner, export)
        found = {p: stat.S_IMODE(p.stat().st_mode) for p in path.parent.rglob("*")}
        db.close()
        damaged = tmp_path / "other" / DB_NAME
        damaged.parent.mkdir(mode=0o700)
        damaged.write_bytes(b"not a database at all" * 10)
        damaged.chmod(0o644)
        with pytest.raises(DatabaseCorrupt) as caught:
            store_db.open_database(damaged)
        assert caught.value.quarantined is not None
        found.update({p: stat.S_IMODE(p.stat().st_mode) for p in damaged.parent.rglob("*")})
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert any(p.name.endswith("-wal") for p in found)
    wide = {str(p): oct(m) for p, m in found.items() if m != (0o700 if p.is_dir() else 0o600)}
    assert not wide


# -- the full integrity_check, or trust after our own clean close ----------------------------


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record, for every check of an existing file, whether it ran the full integrity_check."""
    seen: list[bool] = []
    original = store_db._check_existing

    def recording(path: Path, conn: sqlite3.Connection, *, full: bool = True) -> int:
        seen.append(full)
        return original(path, conn, full=full)

    monkeypatch.setattr(store_db, "_check_existing", recording)
    return seen


def _reopen(path: Path) -> store_db.Database:
    db = store_db.open_database(path)
    db.close()
    return db


def test_a_file_unchanged_since_our_clean_close_skips_only_the_full_check(
    tmp_path: Path, full_checks: list[bool]
) -> None:
    path = tmp_path / "data" / DB_NAME
    _make_db(path)  # a new file, then a clean close
    assert _reopen(path).full_check_skipped
    assert full_checks == [False]
    db = store_db.open_database(path)
    try:
        assert db.full_check_skipped and db.verified_on == store_db.utc_today()
        planner = _planner(db)
        planner.log_session(planner.modules()[0].id, 5, on=dt.date(2024, 2, 2))
    finally:
        db.close()
    assert _reopen(path).full_check_skipped  # our own writes keep the trust
    assert full_checks == [False, False, False]


def test_a_crash_an_edit_a_copy_or_an_old_check_bring_back_the_full_check(
    tmp_path: Path, full_checks: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data" / DB_NAME
    _make_db(path)
    lock = files.lock_path(path)
    # A crash: the lock file says "checkpointing" and has no clean line.
    lock.write_text("999999\ncheckpointing\n")
    assert not _reopen(path).full_check_skipped
    # A touch that keeps size and mtime: the ctime changes.
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert not _reopen(path).full_check_skipped
    # A copy of the whole folder, lock file included, with the same size and mtime: a new inode.
    assert _reopen(path).full_check_skipped
    copy = tmp_path / "copy"
    shutil.copytree(path.parent, copy)
    assert not _reopen(copy / DB_NAME).full_check_skipped
    # The last full check is more than FULL_CHECK_MAX_AGE old.
    assert _reopen(path).full_check_skipped
    later = store_db.utc_today() + store_db.FULL_CHECK_MAX_AGE
    monkeypatch.setattr(store_db, "utc_today", lambda: later)
    assert not _reopen(path).full_check_skipped
    assert full_checks == [True, True, False, True, False, True]


def test_a_session_that_met_damage_does_not_vouch_for_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data" / DB_NAME
    _make_db(path)
    assert _reopen(path).full_check_skipped
    # A read that meets a malformed page: the next start must check the whole file again.
    db = store_db.open_database(path)
    try:
        with pytest.raises(DatabaseCorrupt), db.session() as session:
            session.connection().exec_driver_sql("SELECT 1")
            raise DBAPIError(
                "SELECT", {}, sqlite3.DatabaseError("database disk image is malformed")
            )
        assert db.suspect
    finally:
        db.close()
    assert not _reopen(path).full_check_skipped
    # A backup that fails (e.g. its copy did not verify) is treated the same way.
    assert _reopen(path).full_check_skipped
    db = store_db.open_database(path)

    def failing(*args: object, **kwargs: object) -> Path:
        raise BackupFailed("the backup did not verify (page 3); the live data may be damaged")

    try:
        with monkeypatch.context() as patch, pytest.raises(BackupFailed):
            patch.setattr(backup, "take_backup", failing)
            db.backup("scheduled", only_if_changed=False)
    finally:
        db.close()
    assert not _reopen(path).full_check_skipped


def test_damage_that_keeps_size_and_mtime_is_still_found_before_any_write(tmp_path: Path) -> None:
    from tests.reliability.test_corruption import _damage_index

    path = tmp_path / "data" / DB_NAME
    _make_db(path, sessions=50)
    st = path.stat()
    _damage_index(path)  # quick_check passes, integrity_check fails
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    damaged = path.read_bytes()
    with pytest.raises(DatabaseCorrupt) as caught:
        store_db.open_database(path)
    assert caught.value.quarantined is not None
    assert (caught.value.quarantined / DB_NAME).read_bytes() == damaged


def test_a_failed_start_backup_of_a_trusted_file_runs_the_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Media damage that changes no metadata: the start backup's verification sees it."""
    from tests.reliability.test_corruption import _damage_index

    path = tmp_path / "data" / DB_NAME
    _make_db(path, sessions=50)
    _damage_index(path)
    damaged = path.read_bytes()
    monkeypatch.setattr(store_db, "trusted_since_clean_close", lambda *_args: store_db.utc_today())
    with pytest.raises(DatabaseCorrupt, match="integrity check failed") as caught:
        store_db.open_database(path)
    assert caught.value.quarantined is not None
    assert (caught.value.quarantined / DB_NAME).read_bytes() == damaged
    assert not path.exists()
    fresh = store_db.open_database(tmp_path / "other" / DB_NAME)  # the lock was given back
    fresh.close()
    with pytest.raises(DatabaseMissing):
        store_db.open_database(path)


def test_an_operational_backup_failure_on_a_trusted_file_is_only_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data" / DB_NAME
    _make_db(path)

    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise backup.BackupFailed("the backup was skipped: not enough free disk space")

    monkeypatch.setattr(backup, "take_backup", full_disk)
    db = store_db.open_database(path)
    try:
        assert not db.full_check_skipped  # checked after all: the file is fine
        assert any("not enough free disk space" in w for w in db.warnings)
    finally:
        db.close()


def test_the_start_backup_is_reused_only_while_nothing_changed_since_it(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    _make_db(path)  # rows changed after its start backup
    db = _reopen(path)
    assert db.full_check_skipped and not db.start_backup_reused
    made = db.list_backups()
    db = _reopen(path)  # nothing changed since the backup of the last start
    assert db.full_check_skipped and db.start_backup_reused
    assert db.list_backups() == made
    db = store_db.open_database(path)
    try:
        planner = _planner(db)
        planner.log_session(planner.modules()[0].id, 5, on=dt.date(2024, 2, 3))
    finally:
        db.close()
    db = _reopen(path)  # a row changed: a new verified backup
    assert not db.start_backup_reused and len(db.list_backups()) == len(made) + 1
    assert _reopen(path).start_backup_reused
    newest = db.list_backups()[0]
    newest.unlink()  # the backup it named is gone: copy again
    db = _reopen(path)
    assert db.full_check_skipped and not db.start_backup_reused
    assert db.list_backups()[0].exists()
