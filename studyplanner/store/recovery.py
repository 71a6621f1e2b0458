"""Quarantine and restore: the store side of the "data file is damaged" dialog (B4, B7, B12).

The flow for a caller (GUI or CLI) when :func:`~studyplanner.store.db.open_database` raises
:class:`~studyplanner.store.errors.DatabaseCorrupt` (or its subclass ``DatabaseMissing``):

1. the damaged file and its ``-wal`` are already in ``exc.quarantined`` (moved, never deleted);
2. :func:`find_restorable_backups` lists verified backups, newest first, each with its time and
   session count; show them, plus "start empty (your damaged file is kept at ...)" and "quit";
3. on a choice, :func:`restore_backup` (then ``open_database`` again), or
   ``open_database(path, start_empty=True)``; on "quit", do nothing: nothing more is changed.

"Restore from file..." uses :func:`restore_backup` too: every file is treated as untrusted. It is
copied to a private temp file beside the database and checked there with ``trusted_schema=OFF``,
``cell_size_check=ON``, ``mmap_size=0``: header, ``integrity_check`` first, then
``application_id``, ``user_version`` and the exact set of tables, columns and indexes (no
triggers or views). The current database is saved as a verified backup before it is replaced,
so a restore never loses the present (REL-BAK-06). All functions need the database closed in this
process; they take the single-instance lock themselves.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import SQLModel

from studyplanner.store import backup, files
from studyplanner.store.crash import crashpoint, register_crashpoint
from studyplanner.store.db import (
    APPLICATION_ID,
    COLUMNS_ADDED,
    INDEXES_CHANGED,
    RESTORE_TEMP_SUFFIX,
    SCHEMA_VERSION,
    SQLITE_HEADER,
    acquire_lock,
    clean_leftovers,
    lock_record,
    set_aside_foreign_wal,
)
from studyplanner.store.errors import BackupFailed, RestoreRejected, StorageUnavailable

for _name in ("restore:validated", "restore:pre-backup-done", "restore:swap"):
    register_crashpoint(_name)

MAX_RESTORE_BYTES = 2 * 1024**3

__all__ = [
    "RestoreCandidate",
    "RestoreResult",
    "expected_schema",
    "find_restorable_backups",
    "quarantine",
    "restore_backup",
    "verify_restore_file",
]


@dataclasses.dataclass(frozen=True, slots=True)
class RestoreCandidate:
    """A file that passed every restore check."""

    path: Path
    sessions: int
    schema_version: int
    taken_at: dt.datetime | None  # UTC, from a backup's name; None for other files

    def label(self, zone: str | None = None) -> str:
        """``2025-03-01 14:05 (500 sessions)`` in the local time of *zone* (default: system)."""
        count = f"{self.sessions} session" + ("" if self.sessions == 1 else "s")
        if self.taken_at is None:
            return f"{self.path.name} ({count})"
        local = self.taken_at.astimezone(ZoneInfo(zone)) if zone else self.taken_at.astimezone()
        return f"{local:%Y-%m-%d %H:%M} ({count})"


@dataclasses.dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    pre_restore_backup: Path | None  # the replaced database, saved as a verified backup
    quarantined: Path | None  # where a damaged replaced database (or stray -wal) was moved


def expected_schema(version: int = SCHEMA_VERSION) -> dict[str, frozenset[str]]:
    """Table name -> column names of schema *version*, plus ``"<indexes>"`` -> index names."""
    added: dict[str, set[str]] = {}
    for later, by_table in COLUMNS_ADDED.items():
        if later > version:
            for added_to, names in by_table.items():
                added.setdefault(added_to, set()).update(names)
    schema: dict[str, frozenset[str]] = {}
    indexes: set[str] = set()
    for table_name, table in SQLModel.metadata.tables.items():
        columns = frozenset(c.name for c in table.columns)
        schema[table_name] = columns - added.get(table_name, set())
        indexes.update(str(i.name) for i in table.indexes)
    for later in sorted(INDEXES_CHANGED, reverse=True):
        if later > version:
            added_indexes, dropped_indexes = INDEXES_CHANGED[later]
            indexes.difference_update(added_indexes)
            indexes.update(dropped_indexes)
    schema["<indexes>"] = frozenset(indexes)
    return schema


def _actual_schema(conn: sqlite3.Connection) -> tuple[dict[str, frozenset[str]], set[str]]:
    rows = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    schema: dict[str, frozenset[str]] = {}
    indexes: set[str] = set()
    others: set[str] = set()
    for kind, name in rows.fetchall():
        if kind == "table":
            schema[name] = frozenset()
        elif kind == "index":
            indexes.add(name)
        else:
            others.add(f"{kind} {name}")
    for name in schema:
        quoted = name.replace('"', '""')
        columns = conn.execute(f'PRAGMA table_info("{quoted}")').fetchall()
        schema[name] = frozenset(str(c[1]) for c in columns)
    schema["<indexes>"] = frozenset(indexes)
    return schema, others


def _check_open_file(conn: sqlite3.Connection, source: Path) -> tuple[int, int]:
    """The checks of B12 on an open untrusted copy; returns (schema version, sessions)."""
    for pragma in ("trusted_schema=OFF", "cell_size_check=ON", "mmap_size=0", "query_only=ON"):
        conn.execute(f"PRAGMA {pragma}")
    result = conn.execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        raise RestoreRejected(source, f"the file is damaged ({result[0][0]})")
    app_id = int(conn.execute("PRAGMA application_id").fetchall()[0][0])
    if app_id != APPLICATION_ID:
        raise RestoreRejected(source, "it is not a StudyPlanner database (wrong application id)")
    version = int(conn.execute("PRAGMA user_version").fetchall()[0][0])
    if version > SCHEMA_VERSION:
        raise RestoreRejected(
            source, f"it was made by a newer StudyPlanner (schema {version}); please update first"
        )
    if version < 1:
        raise RestoreRejected(source, "it has no StudyPlanner schema version")
    actual, others = _actual_schema(conn)
    if others:
        raise RestoreRejected(source, f"it contains unexpected {', '.join(sorted(others))}")
    expected = expected_schema(version)
    if actual != expected:
        extra = sorted(set(actual) - set(expected))
        missing = sorted(set(expected) - set(actual))
        changed = sorted(t for t in set(actual) & set(expected) if actual[t] != expected[t])
        detail = "; ".join(
            f"{label}: {', '.join(names)}"
            for label, names in (
                ("unknown tables", extra),
                ("missing tables", missing),
                ("different columns or indexes in", changed),
            )
            if names
        )
        raise RestoreRejected(source, f"its tables are not those of StudyPlanner ({detail})")
    sessions = int(conn.execute("SELECT count(*) FROM study_session").fetchall()[0][0])
    return version, sessions


def _copy_private(source: Path, target: Path) -> None:
    """Copy *source* into a new 0600 *target* and fsync it; reject what is not a database."""
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise RestoreRejected(source, "it is not a file")
    except OSError as exc:
        raise RestoreRejected(source, f"it cannot be read ({exc.strerror})") from exc
    if size == 0:
        raise RestoreRejected(source, "the file is empty")
    if size > MAX_RESTORE_BYTES:
        raise RestoreRejected(source, f"the file is larger than {MAX_RESTORE_BYTES} bytes")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        with source.open("rb") as handle:
            header = handle.read(100)
            if len(header) < 100 or header[:16] != SQLITE_HEADER:
                raise RestoreRejected(source, "it is not a SQLite database")
            os.write(fd, header)
            for block in iter(lambda: handle.read(1 << 20), b""):
                os.write(fd, block)
        os.fsync(fd)
    except OSError as exc:
        raise RestoreRejected(source, f"it cannot be copied ({exc.strerror})") from exc
    finally:
        os.close(fd)


def _verify_copy(source: Path, copy: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{copy}?mode=rw", uri=True, isolation_level=None)
    try:
        for pragma in ("trusted_schema=OFF", "cell_size_check=ON", "mmap_size=0"):
            conn.execute(f"PRAGMA {pragma}")
        # A backup may carry the WAL flag; make the copy self-contained before checking it.
        conn.execute("PRAGMA journal_mode = DELETE")
        return _check_open_file(conn, source)
    except sqlite3.DatabaseError as exc:
        raise RestoreRejected(source, f"the file is damaged or not a database ({exc})") from exc
    finally:
        conn.close()


def verify_restore_file(candidate: Path, *, scratch: Path | None = None) -> RestoreCandidate:
    """Check *candidate* without changing it; raise :class:`RestoreRejected` with the reason.

    The checks run on a private copy in *scratch* (default: the candidate's folder is not written;
    a copy goes to the system temp folder), so a hostile file is never opened in place.
    """
    import tempfile

    with tempfile.TemporaryDirectory(dir=scratch) as folder:
        copy = Path(folder) / "candidate.sqlite3"
        _copy_private(candidate, copy)
        version, sessions = _verify_copy(candidate, copy)
    info = backup.parse_backup_name(candidate)
    return RestoreCandidate(candidate, sessions, version, info.taken_at if info else None)


def find_restorable_backups(path: Path, *, limit: int = 5) -> list[RestoreCandidate]:
    """The newest backups of *path* that pass every restore check (at most *limit*), newest first.

    Damaged backups are skipped (REL-CORR-04: fall back to older good ones).
    """
    path = path.expanduser().absolute()
    folder = path.parent / files.BACKUP_DIRNAME
    stem = path.name.removesuffix(".sqlite3").removesuffix(".db") or "studyplanner"
    found: list[RestoreCandidate] = []
    for info in backup.backup_infos(folder, stem):
        try:
            checked = verify_restore_file(info.path, scratch=path.parent)
        except RestoreRejected:
            continue
        found.append(dataclasses.replace(checked, taken_at=info.taken_at))
        if len(found) >= limit:
            break
    return found


def quarantine(path: Path) -> Path | None:
    """Move the database at *path* and its ``-wal`` to ``quarantine/<UTC stamp>/`` (lock held)."""
    path = path.expanduser().absolute()
    fd = acquire_lock(path)
    try:
        return files.quarantine(path)
    finally:
        os.close(fd)


def _save_current(path: Path, stem: str) -> tuple[Path | None, Path | None]:
    """Save the live database as a verified backup, or quarantine it if it is damaged."""
    if not path.exists():
        return None, files.quarantine(path)
    conn = sqlite3.connect(path, isolation_level=None)
    saved: Path | None = None
    try:
        for pragma in ("trusted_schema=OFF", "cell_size_check=ON", "mmap_size=0"):
            conn.execute(f"PRAGMA {pragma}")
        healthy = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        if healthy:
            saved = backup.take_backup(
                conn, path.parent / files.BACKUP_DIRNAME, reason="pre-restore", stem=stem
            )
    except sqlite3.DatabaseError:
        healthy = False
    except BackupFailed as exc:
        conn.close()
        raise StorageUnavailable(path, f"the current data could not be saved first: {exc}") from exc
    if not healthy:
        moved = files.quarantine(path)
        conn.close()
        return None, moved
    conn.close()
    return saved, None


def restore_backup(path: Path, chosen: Path | RestoreCandidate) -> RestoreResult:
    """Replace the database at *path* with the file *chosen*, after checking it as untrusted.

    Order: copy + verify the chosen file into a temp file beside *path*; save the current database
    as a verified ``pre-restore`` backup (or quarantine it if it is damaged); atomically rename
    the temp file onto *path*. A crash at any point leaves either the old database or the chosen
    one, never a mix; leftovers are removed by the next ``open_database``.
    """
    path = path.expanduser().absolute()
    source = chosen.path if isinstance(chosen, RestoreCandidate) else Path(chosen)
    stem = path.name.removesuffix(".sqlite3").removesuffix(".db") or "studyplanner"
    fd = acquire_lock(path)
    try:
        clean_leftovers(path)
        foreign_wal = set_aside_foreign_wal(path, lock_record(fd))
        temp = path.with_name(path.name + RESTORE_TEMP_SUFFIX)
        try:
            _copy_private(source, temp)
            _verify_copy(source, temp)
            crashpoint("restore:validated")
            saved, moved = _save_current(path, stem)
            moved = moved or foreign_wal
            crashpoint("restore:pre-backup-done")
            if files.side_file(path, "-wal").exists():
                moved = files.quarantine(path) or moved
            with contextlib.suppress(FileNotFoundError):
                files.side_file(path, "-shm").unlink()
            crashpoint("restore:swap")
            os.rename(temp, path)
            files.fsync_dir(path.parent)
        finally:
            for leftover in path.parent.glob(temp.name + "*"):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
    finally:
        os.close(fd)
    return RestoreResult(source, saved, moved)
