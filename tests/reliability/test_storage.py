"""Storage faults: full disk (REL-FULL-01/02/03) and read-only data (REL-RO-01/02).

Root bypasses ``chmod``, so read-only uses ``chattr +i`` (works on the ext4 that holds the test
temp folder here) and a read-only tmpfs remount; a full disk is a small tmpfs. Each test is skipped
with a message when its mount or ``chattr`` is refused (not root, or a file system without it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyplanner import services
from studyplanner.store import backup
from studyplanner.store import db as store_db
from studyplanner.store.errors import (
    BackupFailed,
    DatabaseCorrupt,
    StorageFull,
    StorageReadOnly,
    StorageUnavailable,
)
from tests.reliability.harness import REPO, db_digest, isolated_env, read_only, sha256

pytestmark = pytest.mark.reliability

DB_NAME = "studyplanner.sqlite3"
CLOCK = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _planner(db: store_db.Database) -> services.StudyPlanner:
    planner = services.StudyPlanner(db, clock=lambda: CLOCK, zone="UTC")
    if planner.current_plan() is None:
        planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 1, 1))
    return planner


def _log(planner: services.StudyPlanner, n: int) -> str:
    module = planner.modules()[n % 3].id
    day = dt.date(2024, 1, 1) + dt.timedelta(days=n // 40)
    saved = planner.log_session(
        module, 30, on=day, at=dt.time(n % 40 // 2, 30 * (n % 2)), note="x" * 300, uuid=f"{n:036d}"
    )
    return saved.uuid


def _fill(folder: Path) -> Path:
    """Take all free space of the file system of *folder*; return the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)
    return filler


def _backups(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in backup.list_backups(folder)}


def test_rel_full_01_disk_full_then_recovery_without_restart(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt", "512k") as mount:
        path = mount / "data" / DB_NAME
        db = store_db.open_database(path)
        try:
            planner = _planner(db)
            acked = {_log(planner, n) for n in range(5)}
            kept = _backups(path.parent / "backups")
            filler = _fill(mount)
            failed: StorageUnavailable | None = None
            n = 5
            for n in range(5, 2000):
                try:
                    acked.add(_log(planner, n))
                except StorageUnavailable as exc:
                    failed = exc
                    break
            assert isinstance(failed, StorageFull), failed
            text = str(failed).lower()
            assert "disk" in text and "full" in text and str(path.parent) in str(failed)
            filler.unlink()
            acked.add(_log(planner, n))  # the same save, no restart
            assert set(s.uuid for s in planner.sessions()) >= acked
        finally:
            db.close()
        with read_only(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            present = {r[0] for r in conn.execute("SELECT uuid FROM study_session")}
        assert acked <= present
        assert {k: v for k, v in _backups(path.parent / "backups").items() if k in kept} == kept
        assert not [p for p in (path.parent / "backups").iterdir() if ".tmp" in p.name]


FSIZE_SCRIPT = textwrap.dedent(
    """
    import datetime as dt, resource, signal, sys
    from pathlib import Path
    from studyplanner import services
    from studyplanner.store.db import open_database
    from studyplanner.store.errors import StoreError
    path = Path(sys.argv[1])
    db = open_database(path)
    clock = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)
    planner = services.StudyPlanner(db, clock=lambda: clock, zone="UTC")
    module = planner.modules()[0].id
    sizes = [p.stat().st_size for p in path.parent.iterdir() if p.name.startswith(path.name)]
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max(sizes) + 16384, hard))
    n = 0
    while True:
        day = dt.date(2024, 2, 1) + dt.timedelta(days=n // 40)
        try:
            saved = planner.log_session(module, 30, on=day, at=dt.time(n % 40 // 2, 30 * (n % 2)),
                                        note="y" * 2000, uuid=f"{n:036d}")
        except StoreError as exc:
            print("FAILED", exc, flush=True)
            break
        print("ACK", saved.uuid, flush=True)
        n += 1
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    saved = planner.log_session(module, 30, on=day, at=dt.time(n % 40 // 2, 30 * (n % 2)),
                                note="y" * 2000, uuid=f"{n:036d}")
    print("ACK", saved.uuid, flush=True)
    print("RECOVERED", flush=True)
    db.close()
    """
)


def test_rel_full_02_rlimit_fsize(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    db = store_db.open_database(path)
    _planner(db)
    db.close()
    kept = _backups(path.parent / "backups")
    done = subprocess.run(
        [sys.executable, "-c", FSIZE_SCRIPT, str(path)],
        capture_output=True,
        text=True,
        env=isolated_env(tmp_path),
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    failed = [line for line in lines if line.startswith("FAILED")]
    assert failed and "could not write" in failed[0] and str(path.parent) in failed[0]
    assert lines[-1] == "RECOVERED"
    acked = {line.split()[1] for line in lines if line.startswith("ACK ")}
    with read_only(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        present = {r[0] for r in conn.execute("SELECT uuid FROM study_session")}
    assert acked <= present
    assert {k: v for k, v in _backups(path.parent / "backups").items() if k in kept} == kept


def test_rel_full_03_backup_on_a_nearly_full_disk(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt", "1m") as mount:
        path = mount / "data" / DB_NAME
        db = store_db.open_database(path)
        try:
            planner = _planner(db)
            for n in range(20):
                _log(planner, n)
            folder = path.parent / "backups"
            kept = _backups(folder)
            filler = _fill(mount)
            with pytest.raises(BackupFailed, match="not enough free disk space"):
                db.backup("manual", only_if_changed=False)
            assert _backups(folder) == kept
            assert not [p for p in folder.iterdir() if ".tmp" in p.name]
            filler.unlink()
            made = db.backup("manual", only_if_changed=False)
            assert made.name not in kept
        finally:
            db.close()


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"chattr +i does not work on {path.parent}: {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_rel_ro_01_immutable_data_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    db = store_db.open_database(path)
    planner = _planner(db)
    _log(planner, 0)
    db.close()
    before_bytes, before_digest = sha256(path), db_digest(path)
    with immutable(path):
        with pytest.raises(StorageReadOnly) as refused:
            store_db.open_database(path)
        assert "read-only" in str(refused.value) and str(path) in str(refused.value)
        assert not isinstance(refused.value, DatabaseCorrupt)
        viewer = store_db.open_database(path, read_only=True)
        try:
            planner = services.StudyPlanner(viewer, clock=lambda: CLOCK, zone="UTC")
            assert len(planner.sessions()) == 1
            for n in (1, 2):
                with pytest.raises(StorageReadOnly, match="read-only"):
                    _log(planner, n)
        finally:
            viewer.close()
        assert sha256(path) == before_bytes
    assert db_digest(path) == before_digest
    assert not (path.parent / "quarantine").exists()
    assert sorted(p.name for p in tmp_path.rglob("*.sqlite3") if "backups" not in p.parts) == [
        DB_NAME
    ]


def test_rel_ro_02_read_only_mount(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt", "4m") as mount:
        path = mount / "data" / DB_NAME
        db = store_db.open_database(path)
        _log(_planner(db), 0)
        db.close()
        before = sha256(path)
        remount = subprocess.run(
            ["mount", "-o", "remount,ro", str(mount)], capture_output=True, text=True, check=False
        )
        if remount.returncode != 0:
            pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
        with pytest.raises(StorageUnavailable) as refused:
            store_db.open_database(path)
        assert not isinstance(refused.value, DatabaseCorrupt)
        assert "read-only" in str(refused.value) and str(path.parent) in str(refused.value)
        assert sha256(path) == before
        subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=False)
        store_db.open_database(path).close()
