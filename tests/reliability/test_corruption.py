"""A damaged data file at startup: detection, quarantine and restore (REL-CORR-01..06).

Fixture: a data file with 500 sessions and two backups; every variant of RELIABILITY.md 3.4 runs
with the backups and without them. The store API is what the dialog calls:
``open_database`` (detects and quarantines), ``recovery.find_restorable_backups`` and
``recovery.restore_backup``, or ``open_database(start_empty=True)``.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from studyplanner import services
from studyplanner.store import backup, recovery
from studyplanner.store import db as store_db
from studyplanner.store.errors import (
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseMissing,
    StorageFull,
    StorageReadOnly,
    StorageUnavailable,
    StoreError,
)
from tests.reliability.harness import db_digest, isolated_env, read_only, sha256, start_writer

pytestmark = pytest.mark.reliability

DB_NAME = "studyplanner.sqlite3"
VARIANTS = [
    "a-header",
    "b-random",
    "c-truncated",
    "d-empty",
    "e-png",
    "f-stale-wal",
    "g-folder",
    "h-index",
]


def _populate(path: Path, sessions: int, first_day: dt.date) -> None:
    db = store_db.open_database(path)
    planner = services.StudyPlanner(
        db, clock=lambda: dt.datetime(2025, 1, 1, tzinfo=dt.UTC), zone="UTC"
    )
    if planner.current_plan() is None:
        planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 1, 1))
    modules = [m.id for m in planner.modules()]
    for n in range(sessions):
        day = first_day + dt.timedelta(days=n // 20)
        planner.log_session(
            modules[n % len(modules)], 30, on=day, at=dt.time(n % 20, 0), note=f"session {n}"
        )
    db.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ with 500 sessions and two backups of different content (newest: 500 sessions)."""
    root = tmp_path_factory.mktemp("corruption-base")
    path = root / "data" / DB_NAME
    _populate(path, 250, dt.date(2024, 1, 2))
    _populate(path, 250, dt.date(2024, 3, 1))
    store_db.open_database(path).close()
    assert len(backup.list_backups(path.parent / "backups")) >= 2
    return path.parent


def _hot_wal(folder: Path, root: Path) -> bytes:
    """Run a writer on *folder* and kill it while it holds 40 committed sessions in its -wal."""
    db = folder / DB_NAME
    writer = start_writer(db, 100_000, isolated_env(root), "--count", "40", "--hold-ms", "30000")
    assert writer.stdout is not None
    for _ in range(40):
        writer.stdout.readline()
    writer.kill()
    writer.communicate()
    return db.with_name(DB_NAME + "-wal").read_bytes()


@pytest.fixture(scope="module")
def foreign_wal(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The -wal of another database, left by a writer killed with committed sessions."""
    root = tmp_path_factory.mktemp("foreign-wal")
    return _hot_wal(root / "data", root)


def _damage_index(path: Path) -> None:
    """Change one key in the last leaf of an index: quick_check passes, integrity_check fails."""
    with read_only(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='ix_session_date'")
        page_no = int(root.fetchone()[0])
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    while True:
        page = data[(page_no - 1) * size : page_no * size]
        if page[0] == 0x02:  # interior index page: follow the right-most child
            page_no = int.from_bytes(page[8:12], "big")
            continue
        assert page[0] == 0x0A
        cells = int.from_bytes(page[3:5], "big")
        pointer = 8 + 2 * (cells - 1)
        offset = int.from_bytes(page[pointer : pointer + 2], "big")
        match = re.search(rb"\d{4}-\d{2}-\d{2}", bytes(page[offset:]))
        assert match is not None
        at = (page_no - 1) * size + offset + match.end() - 1
        data[at] += 1
        break
    path.write_bytes(bytes(data))


def _apply(variant: str, folder: Path, foreign_wal: bytes) -> None:
    path = folder / DB_NAME
    data = path.read_bytes()
    if variant == "a-header":
        path.write_bytes(b"\xa5" * 16 + data[16:])
    elif variant == "b-random":
        size = int.from_bytes(data[16:18], "big")
        damaged = bytearray(data)
        rng = random.Random(20)
        for _ in range(20):
            at = rng.randrange(2 * size, len(data) - 8)
            damaged[at : at + 8] = rng.randbytes(8)
        path.write_bytes(bytes(damaged))
    elif variant == "c-truncated":
        path.write_bytes(data[: len(data) // 2])
    elif variant == "d-empty":
        path.write_bytes(b"")
    elif variant == "e-png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    elif variant == "f-stale-wal":
        path.with_name(DB_NAME + "-wal").write_bytes(foreign_wal)
    elif variant == "g-folder":
        path.unlink()
        path.mkdir()
    elif variant == "h-index":
        _damage_index(path)
        with read_only(path) as conn:
            assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): sha256(p)
        for p in folder.rglob("*")
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.mark.parametrize("with_backups", [True, False], ids=["backups", "no-backups"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_rel_corr_01_02_03_detect_quarantine_restore(
    tmp_path: Path, base: Path, foreign_wal: bytes, variant: str, with_backups: bool
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(base, folder)
    if not with_backups:
        shutil.rmtree(folder / "backups")
    path = folder / DB_NAME
    placed_digest = db_digest(path)
    _apply(variant, folder, foreign_wal)
    before = _snapshot(folder)
    backups_before = {k: v for k, v in before.items() if k.startswith("backups/")}

    if variant == "g-folder":
        with pytest.raises(StorageUnavailable, match="folder") as operational:
            store_db.open_database(path)
        assert not isinstance(operational.value, DatabaseCorrupt)
        assert not (folder / "quarantine").exists()
        return
    if variant == "d-empty" and not with_backups:
        store_db.open_database(path).close()  # nothing to lose: a first run
        return
    if variant == "f-stale-wal":
        try:
            store_db.open_database(path).close()
        except DatabaseCorrupt:
            pass  # flagged: the choice is offered below
        else:
            assert db_digest(path) == placed_digest  # never a silent mix of the two
            return

    expected = DatabaseMissing if variant == "d-empty" else DatabaseCorrupt
    with pytest.raises(expected) as caught:
        store_db.open_database(path)
    assert str(path) in str(caught.value)
    quarantined = caught.value.quarantined
    assert quarantined is not None and quarantined.parent == folder / "quarantine"
    for name in (DB_NAME, DB_NAME + "-wal"):
        if name in before:
            moved = quarantined / name
            assert sha256(moved) == before[name], name
            assert stat.S_IMODE(moved.stat().st_mode) == 0o600
    assert not path.exists()
    assert not path.with_name(DB_NAME + "-shm").exists()
    for _ in range(3):
        with pytest.raises(DatabaseMissing):
            store_db.open_database(path)
    assert len(list((folder / "quarantine").iterdir())) == 1

    offered = recovery.find_restorable_backups(path)
    if not with_backups:
        assert offered == []
        store_db.open_database(path, start_empty=True).close()
        assert (quarantined / DB_NAME).exists()
        return
    newest = backup.list_backups(folder / "backups")[0]
    assert offered[0].path == newest
    assert offered[0].sessions == 500 and offered[0].taken_at is not None
    assert "500 sessions" in offered[0].label("Europe/Berlin")
    wanted = db_digest(newest)
    recovery.restore_backup(path, offered[0])
    assert db_digest(path) == wanted
    database = store_db.open_database(path)
    try:
        planner = services.StudyPlanner(database, zone="UTC")
        assert len(planner.sessions()) == 500
    finally:
        database.close()
    after = _snapshot(folder)
    assert {k: after.get(k) for k in backups_before} == backups_before
    with read_only(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_rel_corr_04_a_damaged_newest_backup_is_skipped(tmp_path: Path, base: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(base, folder)
    newest, older = backup.list_backups(folder / "backups")[:2]
    data = newest.read_bytes()
    newest.write_bytes(data[: len(data) // 2])
    path = folder / DB_NAME
    path.write_bytes(b"\x00" * 100)
    with pytest.raises(DatabaseCorrupt):
        store_db.open_database(path)
    offered = recovery.find_restorable_backups(path)
    assert [c.path for c in offered][:1] == [older]
    recovery.restore_backup(path, offered[0])
    assert db_digest(path) == db_digest(older)


def test_rel_corr_05_stale_wal_after_manual_replacement(tmp_path: Path, base: Path) -> None:
    """The Zotero case: a backup copied over the data file while its old -wal remains."""
    folder = tmp_path / "data"
    shutil.copytree(base, folder)
    old_wal = _hot_wal(folder, tmp_path)
    path = folder / DB_NAME
    older = backup.list_backups(folder / "backups")[-1]
    shutil.copyfile(older, path)
    placed = db_digest(older)
    database = store_db.open_database(path)
    try:
        assert any("replaced outside StudyPlanner" in w for w in database.warnings)
    finally:
        database.close()
    assert db_digest(path) == placed
    kept = list((folder / "quarantine").rglob(DB_NAME + "-wal"))
    assert [k.read_bytes() for k in kept] == [old_wal]


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("database is locked", DatabaseInUse),
        ("unable to open database file", StorageUnavailable),
        ("attempt to write a readonly database", StorageReadOnly),
        ("database or disk is full", StorageFull),
        ("disk I/O error", StorageUnavailable),
    ],
)
@pytest.mark.parametrize("where", ["open", "startup-check"])
def test_rel_corr_06_operational_errors_are_not_corruption(
    tmp_path: Path,
    base: Path,
    monkeypatch: pytest.MonkeyPatch,
    message: str,
    kind: type[StoreError],
    where: str,
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(base, folder)
    path = folder / DB_NAME
    before = sha256(path)

    def fail(*args: object, **kwargs: object) -> int:
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(
        store_db, "_check_existing" if where == "startup-check" else "_on_connect", fail
    )
    with pytest.raises(kind) as caught:
        store_db.open_database(path)
    assert not isinstance(caught.value, DatabaseCorrupt)
    assert str(folder) in str(caught.value)
    assert not (folder / "quarantine").exists()
    assert sha256(path) == before
