"""Opening the database: lock, checks, pragmas, migrations, backups and units of work.

The rules of DESIGN.md section 3 and RELIABILITY.md B1-B8 live here. :func:`open_database` does,
in this order, and writes nothing to the data file before step 5:

1. create the data folder 0700 if needed, then take the single-instance lock: ``fcntl.flock`` on
   ``<db>.lock`` (released by the kernel when the process dies, so a stale lock needs no prompt);
   a second copy of the app fails here with :class:`DatabaseInUse` and never touches the data;
2. remove temporary files that an interrupted backup or restore left;
3. look at the file before SQLite does: a folder, a non-SQLite header, a newer schema, or a
   missing/empty file while backups or quarantined copies exist (B4) is refused;
4. open the process's one connection and check it (``application_id``, ``user_version``,
   ``integrity_check``; WAL recovery happens here). A damaged file is moved to quarantine (with
   its ``-wal``) *before* the connection closes, so SQLite cannot checkpoint into it. The full
   ``integrity_check`` is left out when the file is provably the one that our own last clean
   close left (see ``trusted_since_clean_close``);
5. switch to ``locking_mode=EXCLUSIVE`` + WAL, create the schema or migrate (verified backup first,
   one transaction, foreign keys off, then ``foreign_key_check`` + ``integrity_check``);
6. take a verified start backup (none when nothing changed since the newest: a copy identical to
   it is dropped, and a file provably unchanged since it is not copied at all) and thin the
   backups. A failed start backup does not stop the app: it is listed in ``Database.warnings``.

Exactly one SQLite connection per process (``StaticPool``), guarded by a re-entrant lock so the GUI
thread and a worker thread never interleave statements. The only SQLite-specific SQL of the app is
here, in ``backup.py`` and in ``recovery.py``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import fcntl
import logging
import os
import sqlite3
import struct
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import String, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

from studyplanner.store import backup, files, schema_v3, tables
from studyplanner.store.crash import (
    CRASHPOINT_ENV,
    CRASHPOINTS,
    crashpoint,
    register_crashpoint,
)
from studyplanner.store.errors import (
    BackupFailed,
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseMissing,
    DatabaseTooNew,
    MigrationFailed,
    StorageFull,
    StorageReadOnly,
    StorageUnavailable,
    StoreError,
)
from studyplanner.store.files import file_fingerprint, lock_path, unchanged_since_clean_close

log = logging.getLogger("studyplanner.store")

APPLICATION_ID = 0x53505431  # "SPT1"
SCHEMA_VERSION = 3
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 200
RESTORE_TEMP_SUFFIX = ".restore.sqlite3.tmp"
WAL_CHECKPOINT_BYTES = 4 * 1024 * 1024

for _name in ("commit:before", "commit:after", "migration:before-commit"):
    register_crashpoint(_name)


@compiles(String, "sqlite")
def _compile_string_sqlite(element: String, compiler: Any, **kw: Any) -> str:
    """STRICT tables accept only INTEGER, REAL, TEXT, BLOB and ANY: strings are TEXT."""
    return "TEXT"


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 2: study sessions carry a free-text note."""
    conn.execute(
        "ALTER TABLE study_session ADD COLUMN note TEXT NOT NULL DEFAULT ''"
        " CHECK (length(note) <= 10000 AND instr(note, char(0)) = 0)"
    )


register_crashpoint("migration:step-3-tables")


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """Version 3: the CHECKs of REL-VAL-02 and the report's covering index (table rebuilds).

    A row that a new CHECK refuses stops the migration with a message naming it (nothing is
    dropped); see :mod:`studyplanner.store.schema_v3`.
    """
    for table in schema_v3.TABLES:
        schema_v3.rebuild_table(conn, table)
    crashpoint("migration:step-3-tables")
    schema_v3.create_indexes(conn)


# Step N upgrades a version N-1 database to version N. Append new steps; never edit old ones.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _v1_to_v2, 3: _v2_to_v3}
for _version in MIGRATIONS:
    register_crashpoint(f"migration:step-{_version}")

# Columns that each version added, so that the expected schema of an older version is known
# (restore of an old backup, REL-SEC-04). Append with every migration that adds columns.
COLUMNS_ADDED: dict[int, dict[str, tuple[str, ...]]] = {2: {"study_session": ("note",)}}
# The same for indexes: version -> (indexes it added, indexes it dropped).
INDEXES_CHANGED: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    3: (("ix_session_module_date_minutes",), ("ix_session_module_date",))
}


def classify_sqlite_error(path: Path, exc: BaseException) -> StoreError:
    """Sort a SQLite error into corruption or an operational problem (B7)."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    name = str(getattr(original, "sqlite_errorname", ""))
    text = str(original).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return DatabaseInUse(path, "the data file is locked by another program")
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return StorageReadOnly(path)
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return StorageFull(path)
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StorageUnavailable(
            path,
            f"could not write to the disk in {path.parent} (disk I/O error); nothing was saved",
        )
    if (
        name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"))
        or "unable to open" in text
    ):
        return StorageUnavailable(
            path, f"the data file or its folder {path.parent} cannot be opened (no access)"
        )
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or any(
        word in text for word in ("not a database", "malformed", "corrupt")
    ):
        return DatabaseCorrupt(path, str(original))
    return StorageUnavailable(path, str(original))


def _os_error(path: Path, folder: Path, exc: OSError, what: str) -> StoreError:
    """An operational error for a failed file-system call on *what* (a path) in *folder*."""
    if exc.errno == errno.EROFS:
        return StorageReadOnly(path, f"the folder {folder} is on a read-only file system")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull(path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return StorageUnavailable(path, f"no write access to {what} ({exc.strerror})")
    return StorageUnavailable(path, f"cannot use {what}: {exc.strerror or exc}")


@dataclasses.dataclass(frozen=True, slots=True)
class _FileState:
    is_new: bool
    header_version: int = 0


class Database:
    """The open database of this process: one engine, one connection, one OS lock.

    ``warnings`` holds messages for the user that did not stop the start (a skipped backup).
    ``read_only`` is True when the file was opened for viewing only.
    """

    def __init__(
        self, path: Path, engine: Engine, lock_fd: int, *, read_only: bool = False
    ) -> None:
        self.path = path
        self.engine = engine
        self._lock_fd = lock_fd
        self._mutex = threading.RLock()
        self.backup_dir = path.parent / files.BACKUP_DIRNAME
        self.read_only = read_only
        self.warnings: list[str] = []
        self._conn: sqlite3.Connection | None = None  # the one connection, once it is open
        # The UTC day of the last full integrity_check this file's content descends from (None:
        # never checked, e.g. read-only use); see trusted_since_clean_close().
        self.verified_on: dt.date | None = None
        self.full_check_skipped = False
        # Set when this session met signs of damage (a corrupt-class SQLite error, a backup that
        # failed): the next start must then run the full check, so close() vouches for nothing.
        self.suspect = False
        self.start_backup_reused = False  # the newest backup still holds this very content
        # The clean close line that close() wrote into the lock file ("": none, nothing vouches
        # for the file); what the figures saved at close are tied to (store/figures_cache.py).
        self.clean_close = ""
        self._start_backup_mark: tuple[Path, int] | None = None

    @property
    def stem(self) -> str:
        """The prefix of this database's backup names."""
        return self.path.name.removesuffix(".sqlite3").removesuffix(".db") or "studyplanner"

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: everything commits together, or nothing does."""
        with self._mutex, Session(self.engine, expire_on_commit=False) as session:
            driver = self._conn
            changes = -1 if driver is None else driver.total_changes
            try:
                yield session
                session.flush()
                wrote = driver is None or driver.total_changes != changes
                if wrote:
                    crashpoint("commit:before")
                session.commit()
                if wrote:
                    crashpoint("commit:after")
                    self._checkpoint_if_large()
            except DBAPIError as exc:
                with contextlib.suppress(DBAPIError, sqlite3.Error):
                    session.rollback()
                error = classify_sqlite_error(self.path, exc)
                if isinstance(error, DatabaseCorrupt):
                    self.suspect = True
                raise error from exc
            except BaseException:
                with contextlib.suppress(DBAPIError, sqlite3.Error):
                    session.rollback()
                raise

    def open_error(self) -> sqlite3.DatabaseError | None:
        """The error the connection met while it was being set up, if any (and forget it)."""
        fairy = self.engine.raw_connection()
        try:
            found = fairy.info.pop(_OPEN_ERROR, None)
        finally:
            fairy.close()
        return found if isinstance(found, sqlite3.DatabaseError) else None

    @contextlib.contextmanager
    def raw_connection(self) -> Iterator[sqlite3.Connection]:
        """The process's one DB-API connection, for backups and checks (holds the mutex)."""
        with self._mutex:
            fairy = self.engine.raw_connection()
            try:
                driver = fairy.driver_connection
                assert isinstance(driver, sqlite3.Connection)
                self._conn = driver
                yield driver
            finally:
                fairy.close()

    def backup(
        self,
        reason: str = "manual",
        *,
        only_if_changed: bool = True,
        now: dt.datetime | None = None,
    ) -> Path:
        """A verified backup now (before risky operations, every 30 min with changes).

        Returns the new backup, or the newest existing one when nothing changed since it. Raises
        :class:`~studyplanner.store.errors.BackupFailed` (nothing left under a final name).
        """
        try:
            with self.raw_connection() as conn:
                made = backup.take_backup(
                    conn,
                    self.backup_dir,
                    reason=reason,
                    now=now,
                    stem=self.stem,
                    only_if_changed=only_if_changed,
                )
        except BackupFailed:
            self.suspect = True  # maybe only a full disk, but a copy that did not verify is damage
            raise
        return made

    def list_backups(self) -> list[Path]:
        """This database's finished backups, newest first."""
        return backup.list_backups(self.backup_dir, self.stem)

    def thin_backups(self, now: dt.datetime | None = None) -> list[Path]:
        """Apply the retention scheme (48 h, 14 daily, 8 weekly, 12 monthly); return deletions."""
        return backup.thin_backups(
            self.backup_dir, stem=self.stem, now=now, current_schema=SCHEMA_VERSION
        )

    def checkpoint(self) -> None:
        """Fold the ``-wal`` into the main file (TRUNCATE) and record the main file's state."""
        if self.read_only or self._lock_fd < 0:
            return
        with self._mutex:
            write_lock_record(self._lock_fd, "checkpointing")
            with self.raw_connection() as conn:
                for attempt in range(3):
                    # Right after the switch to WAL the first checkpoint can report a locked
                    # table; the record stays "checkpointing" (the -wal is trusted) if it fails.
                    try:
                        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                        break
                    except sqlite3.Error as exc:
                        # Never fails a save that has committed: the -wal stays and is trusted.
                        if attempt == 2 or "locked" not in str(exc):
                            log.warning("checkpoint of %s failed: %s", self.path, exc)
                            return
            write_lock_record(self._lock_fd, file_fingerprint(self.path))

    def _checkpoint_if_large(self) -> None:
        try:
            size = os.stat(files.side_file(self.path, "-wal")).st_size
        except OSError:
            return
        if size > WAL_CHECKPOINT_BYTES:
            self.checkpoint()

    def note_start_backup(self, made: Path) -> None:
        """Remember the start backup and how many rows had changed when it was made."""
        with self.raw_connection() as conn:
            self._start_backup_mark = (made, conn.total_changes)

    def _unchanged_start_backup(self) -> Path | None:
        """The start backup if nothing changed since it and it is still the newest backup."""
        if self._start_backup_mark is None or self._conn is None:
            return None
        made, changes = self._start_backup_mark
        with self._mutex:
            try:
                if self._conn.total_changes != changes:
                    return None
            except sqlite3.Error:
                return None
        try:
            newest = self.list_backups()
        except OSError:  # close must not fail over the backup folder: copy again next time
            return None
        return made if newest and newest[0] == made else None

    def close(self) -> None:
        writable = self._lock_fd >= 0 and not self.read_only
        kept = self._unchanged_start_backup() if writable and not self.suspect else None
        if writable:
            write_lock_record(self._lock_fd, "checkpointing")
        self.engine.dispose()
        if self._lock_fd >= 0:
            if not self.read_only:
                clean = clean_close_line(
                    self.path, None if self.suspect else self.verified_on, kept
                )
                write_lock_record(self._lock_fd, file_fingerprint(self.path), clean)
                self.clean_close = clean
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = -1

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- the single-instance lock ----------------------------------------------------------------


def _holder_description(fd: int) -> str:
    """Who holds the lock, from the PID the holder wrote, and whether it is responding."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        pid = int(os.read(fd, 32).split()[0])
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, ValueError, IndexError):
        return "another copy of StudyPlanner is running"
    if state in ("T", "t", "D", "Z"):
        return f"another copy of StudyPlanner is running (process {pid}) but is not responding"
    return f"another copy of StudyPlanner is running (process {pid})"


def acquire_lock(path: Path, *, shared: bool = False) -> int:
    """Take the OS lock of *path*; raise :class:`DatabaseInUse` if another process has it.

    The kernel drops a ``flock`` when its holder dies, so a lock left by a killed process (or a
    lock file naming a reused PID) is taken over silently. Returns the lock file descriptor, or
    -1 when a read-only viewer cannot create the lock file on a read-only file system.
    """
    target = lock_path(path)
    try:
        fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        if shared:
            try:
                fd = os.open(target, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                return -1
        else:
            raise _os_error(path, path.parent, exc, f"the data folder {path.parent}") from exc
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            detail = _holder_description(fd)
            os.close(fd)
            raise DatabaseInUse(path, detail) from exc
        os.close(fd)
        raise
    if not shared:
        write_lock_record(fd, lock_record(fd), lock_record(fd, line=2))  # now with our PID
    return fd


# -- whose -wal is it? -----------------------------------------------------------------------
#
# Only checkpoints write the main file of a WAL database, and this app runs them itself
# (``wal_autocheckpoint=0``). From the start of an open until its first checkpoint, and around
# every checkpoint, the lock file says ``checkpointing``; after a checkpoint or a close it holds
# the size and mtime of the main file and the inode of the ``-wal`` (none after a clean close).
# A non-empty ``-wal`` at start belongs to the main file if the record says ``checkpointing``, is
# missing, or matches exactly. Otherwise the main file was replaced outside the app (a backup
# copied over it) or a ``-wal`` was put beside a cleanly closed file: replaying it would silently
# mix two databases (REL-CORR-05, RELIABILITY.md 3.4 f), so it is set aside in quarantine.


def lock_record(fd: int, line: int = 1) -> str:
    """The state line of the lock file (second line; *line* 2: the clean close), or ""."""
    try:
        lines = os.pread(fd, 4096, 0).decode("utf-8", "replace").splitlines()
    except OSError:
        return ""
    return lines[line] if len(lines) > line else ""


def write_lock_record(fd: int, state: str, clean: str = "") -> None:
    """Write ``<pid>``, *state* and the *clean* close line (if any) into the lock file, durably."""
    text = f"{os.getpid()}\n{state}\n" + (f"{clean}\n" if clean else "")
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, text.encode(), 0)
        os.fsync(fd)


def set_aside_foreign_wal(path: Path, record: str) -> Path | None:
    """Move a ``-wal`` that does not belong to the main file to quarantine; return where."""
    wal = files.side_file(path, "-wal")
    try:
        if wal.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    if not record.startswith("file ") or record == file_fingerprint(path):
        return None
    return files.quarantine(path, only_wal=True)


# -- the full integrity_check, or trust after our own clean close ----------------------------
#
# ``integrity_check`` reads every page: 4.4 s at a million sessions, linear in the file (issue #7).
# It is skipped, and only the structural checks of ``_check_existing`` run, when the file is
# provably the one that our own last clean close left.  ``Database.close()`` writes a third
# line ``clean <inode> <ctime_ns> <day>`` into the lock file after its final fingerprint; <day> is
# the UTC day of the full check that the content descends from (every session since then started
# either with a full check or with this proof, and changed the file only through SQLite).  The
# next open trusts the file iff the state line is exactly the fingerprint of the file now (size,
# mtime and no ``-wal``), its inode and ctime are the recorded ones (any write, ``utime``,
# ``chmod``, rename or copy over the file changes one of them, and ctime cannot be set back by a
# program), and that full check is less than FULL_CHECK_MAX_AGE old.  A crash leaves
# ``checkpointing`` and no clean line; a damaged, edited or replaced file fails the comparison:
# both get the full check, before the first write, as before.
#
# Damage that changes no metadata (media bit rot) is what a trusted start can miss.  The verified
# start backup usually sees it (``integrity_check`` of the copy, still inside ``open_database``,
# so before the first write too): when it fails on a trusted file, the full check runs after all
# (``_start_backup``).  When the session before changed no row after its start backup and that
# backup is still the newest, the clean line names it (``<size> <name>``) and the next trusted
# start takes it as its start backup without copying (``reusable_start_backup``): then nothing
# reads the pages at that start, and the full check at least every FULL_CHECK_MAX_AGE bounds how
# long such damage can go unnoticed.

FULL_CHECK_MAX_AGE = dt.timedelta(days=7)


def utc_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def clean_close_line(
    path: Path, verified_on: dt.date | None, unchanged_backup: Path | None = None
) -> str:
    """The lock file's third line after a clean close of *path* ("" if nothing can vouch).

    ``clean <inode> <ctime_ns> <day>``, then `` <size> <name>`` of *unchanged_backup*: the newest
    backup, made (or found identical) at this session's start, with no row changed since.
    """
    if verified_on is None:
        return ""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    line = f"clean {st.st_ino} {st.st_ctime_ns} {verified_on.isoformat()}"
    with contextlib.suppress(OSError):
        if unchanged_backup is not None:
            line += f" {unchanged_backup.stat().st_size} {unchanged_backup.name}"
    return line


def reusable_start_backup(database: Database, clean: str) -> Path | None:
    """The backup that the clean close line *clean* names, if it is still the newest, unchanged.

    Only for a file trusted since that clean close: its content is then the backup's content, so
    that verified backup is this start's backup and no new copy is needed.
    """
    parts = clean.split(" ", 5)
    if len(parts) != 6:
        return None
    try:
        newest = database.list_backups()
        if not newest or newest[0].name != parts[5]:
            return None
        same = newest[0].stat().st_size == int(parts[4])
    except (OSError, ValueError):
        return None
    return newest[0] if same else None


def trusted_since_clean_close(path: Path, lock_fd: int, today: dt.date) -> dt.date | None:
    """The day of the full check that still vouches for *path*, or None (see above)."""
    clean = lock_record(lock_fd, line=2)
    if not unchanged_since_clean_close(path, lock_record(lock_fd), clean):
        return None
    try:
        day = dt.date.fromisoformat(clean.split(" ", 5)[3])
    except ValueError:
        return None
    if not today - FULL_CHECK_MAX_AGE < day <= today:
        return None
    return day


# -- checks before SQLite opens the file -----------------------------------------------------


def has_recovery_material(path: Path) -> bool:
    """True if backups or quarantined copies of *path* exist (then an empty start is not silent)."""
    stem = path.name.removesuffix(".sqlite3").removesuffix(".db") or "studyplanner"
    return bool(backup.backup_infos(path.parent / files.BACKUP_DIRNAME, stem)) or bool(
        files.quarantined_copies(path)
    )


def _refuse_missing(path: Path, detail: str) -> DatabaseMissing:
    """Quarantine what is left (an empty file, an orphan ``-wal``) and describe the state."""
    moved = files.quarantine(path)
    copies = files.quarantined_copies(path)
    return DatabaseMissing(path, detail, moved or (copies[-1] if copies else None))


def _prepare_file(path: Path, *, start_empty: bool) -> _FileState:
    """Check the file before SQLite opens it; create it 0600 if a first run is allowed."""
    if path.is_dir():
        raise StorageUnavailable(path, "a folder is in the place of the data file")
    wal = files.side_file(path, "-wal")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        header = None
    except OSError as exc:
        raise StorageUnavailable(path, f"cannot read the data file: {exc.strerror}") from exc
    if header is None or not header:
        what = "missing" if header is None else "empty"
        orphan_wal = wal.exists() and wal.stat().st_size > 0
        if not start_empty and (orphan_wal or has_recovery_material(path)):
            raise _refuse_missing(path, what)
        if start_empty:
            files.quarantine(path)
        if not path.exists():
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            except OSError as exc:
                raise _os_error(path, path.parent, exc, f"the data file {path}") from exc
            os.close(fd)
            files.fsync_dir(path.parent)
        return _FileState(is_new=True)
    if len(header) < 100 or header[:16] != SQLITE_HEADER:
        moved = files.quarantine(path)
        raise DatabaseCorrupt(path, "this is not a SQLite database", moved)
    user_version, app_id = struct.unpack(">I4xI", header[60:72])
    if app_id == APPLICATION_ID and user_version > SCHEMA_VERSION:
        raise DatabaseTooNew(path, user_version, SCHEMA_VERSION)
    return _FileState(is_new=False, header_version=user_version)


def _on_connect(dbapi_conn: Any, record: Any) -> None:
    """Pragmas that are safe before the checks: they write nothing to the file.

    An error here (a damaged file) is kept on the pool record instead of raised, so that the
    connection stays open until the file has been moved to quarantine (see ``_start``): closing it
    first would let SQLite checkpoint a ``-wal`` into the damaged file.
    """
    dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself
    cursor = dbapi_conn.cursor()
    try:
        for pragma in (
            "foreign_keys=ON",
            "trusted_schema=OFF",
            "mmap_size=0",
            "cell_size_check=ON",
            "synchronous=FULL",
            "wal_autocheckpoint=0",
            f"busy_timeout={BUSY_TIMEOUT_MS}",
        ):
            cursor.execute(f"PRAGMA {pragma}")
    except sqlite3.DatabaseError as exc:
        record.info[_OPEN_ERROR] = exc
    finally:
        cursor.close()


_OPEN_ERROR = "studyplanner_open_error"


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path) -> Engine:
    """The engine of *path* with exactly one connection (B2) and the pragmas of B1."""
    engine = create_engine(
        f"sqlite:///{path}",
        poolclass=StaticPool,
        # One shared connection: a "reset" when a nested checkout is returned would roll back
        # the transaction of the unit of work that is still using it.
        pool_reset_on_return=None,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [str(r[0]) for r in rows]


def _check_existing(path: Path, conn: sqlite3.Connection, *, full: bool = True) -> int:
    """Return the schema version of an existing file, or raise before anything is written.

    ``full=False`` leaves out ``integrity_check`` (a file trusted since our clean close).
    """
    app_id = int(conn.execute("PRAGMA application_id").fetchall()[0][0])
    version = int(conn.execute("PRAGMA user_version").fetchall()[0][0])
    user_tables = _user_tables(conn)
    if not user_tables and app_id == 0 and version == 0:
        return 0
    if app_id != APPLICATION_ID:
        raise DatabaseCorrupt(path, "this SQLite file belongs to another program")
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(path, version, SCHEMA_VERSION)
    if not full:
        return version
    result = conn.execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in result[:3])
        raise DatabaseCorrupt(path, f"integrity check failed: {detail}")
    return version


def _is_writable(conn: sqlite3.Connection) -> bool:
    """Probe for a read-only file without writing: a write that is always rolled back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchall()[0][0])
        conn.execute(f"PRAGMA user_version = {version}")
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
            return False
        raise
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return True


def _create_schema(engine: Engine) -> None:
    with engine.begin() as conn:
        SQLModel.metadata.create_all(conn)
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def migrate(
    path: Path,
    conn: sqlite3.Connection,
    version: int,
    backup_dir: Path,
    *,
    stem: str = "studyplanner",
) -> Path:
    """Upgrade from *version* to SCHEMA_VERSION: backup first, one transaction, then checks.

    Returns the pre-migration backup. On any failure the transaction is rolled back, the file is
    unchanged and :class:`MigrationFailed` names the backup.
    """
    try:
        backup_path = backup.take_backup(
            conn,
            backup_dir,
            reason=f"pre-migration-to-v{SCHEMA_VERSION}",
            stem=stem,
            only_if_changed=True,
        )
    except BackupFailed as exc:
        raise MigrationFailed(path, SCHEMA_VERSION, f"no verified backup: {exc}", None) from exc
    if not backup_path.name.endswith(f"-pre-migration-to-v{SCHEMA_VERSION}.sqlite3"):
        # Identical to a backup with another reason: keep a pinned pre-migration copy anyway.
        backup_path = backup.take_backup(
            conn, backup_dir, reason=f"pre-migration-to-v{SCHEMA_VERSION}", stem=stem
        )
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[target](conn)
            crashpoint(f"migration:step-{target}")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise sqlite3.IntegrityError(f"foreign key check failed: {problems[:3]}")
        checked = conn.execute("PRAGMA integrity_check").fetchall()
        if checked != [("ok",)]:
            raise sqlite3.IntegrityError(f"integrity check failed: {checked[:3]}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        crashpoint("migration:before-commit")
        conn.execute("COMMIT")
    except Exception as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise MigrationFailed(path, SCHEMA_VERSION, str(exc), backup_path) from exc
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return backup_path


def clean_leftovers(path: Path) -> None:
    """Remove temporary files of interrupted backups and restores (never a final-named file)."""
    backup.clean_temp_files(path.parent / files.BACKUP_DIRNAME)
    for leftover in path.parent.glob(path.name + RESTORE_TEMP_SUFFIX + "*"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def _prepare_folder(path: Path) -> None:
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise StorageUnavailable(path, f"{folder} is a file, not a folder")
    if folder.is_dir():
        return
    try:
        files.private_dir(folder)
    except OSError as exc:
        raise _os_error(path, folder.parent, exc, f"the folder {folder}") from exc


def open_database(
    path: Path,
    *,
    start_empty: bool = False,
    read_only: bool = False,
    backup_on_start: bool = True,
) -> Database:
    """Open (or create) the database at *path* for this process's exclusive use.

    Raises a :class:`~studyplanner.store.errors.StoreError`; see the module docstring for the
    order of the checks. ``start_empty=True`` is the user's explicit "start with an empty file"
    answer to :class:`DatabaseMissing` (the old files stay in quarantine and backups).
    ``read_only=True`` opens a read-only file for viewing instead of refusing it.
    """
    path = path.expanduser().absolute()
    _prepare_folder(path)
    lock_fd = acquire_lock(path, shared=read_only)
    set_aside: Path | None = None
    today = utc_today()
    trusted_on: dt.date | None = None
    clean = ""
    try:
        if not read_only:
            clean_leftovers(path)
            trusted_on = trusted_since_clean_close(path, lock_fd, today)
            clean = lock_record(lock_fd, line=2)
            set_aside = set_aside_foreign_wal(path, lock_record(lock_fd))
            write_lock_record(lock_fd, "checkpointing")
        state = _prepare_file(path, start_empty=start_empty)
        engine = make_engine(path)
    except BaseException:
        if lock_fd >= 0:
            os.close(lock_fd)
        raise
    database = Database(path, engine, lock_fd, read_only=read_only)
    if set_aside is not None:
        database.warnings.append(
            f"the data file {path} was replaced outside StudyPlanner; the journal of the"
            f" previous file was not applied and is kept at {set_aside}"
        )
    try:
        _start(database, state, start_empty=start_empty, trusted_on=trusted_on)
        if not database.read_only:
            database.verified_on = trusted_on or today
            database.full_check_skipped = trusted_on is not None and not state.is_new
        database.checkpoint()
    except BaseException:
        database.close()
        raise
    if backup_on_start and not database.read_only:
        try:
            trusted = database.full_check_skipped
            _start_backup(database, reusable_start_backup(database, clean) if trusted else None)
        except BaseException:
            database.close()
            raise
    _restrict_modes(path)
    return database


def _start(
    database: Database,
    state: _FileState,
    *,
    start_empty: bool,
    trusted_on: dt.date | None = None,
) -> None:
    path = database.path
    try:
        with database.raw_connection() as conn:
            failed = database.open_error()
            if failed is not None:
                raise failed
            version = _check_and_configure(database, conn, state, full=trusted_on is None)
            if version < 0:
                return
            if version == 0:
                if not state.is_new and not start_empty and has_recovery_material(path):
                    raise DatabaseMissing(path, "empty", None)
                _create_schema(database.engine)
            elif version < SCHEMA_VERSION:
                migrate(path, conn, version, database.backup_dir, stem=database.stem)
    except DatabaseCorrupt as exc:
        if exc.quarantined is not None or isinstance(exc, DatabaseMissing):
            raise
        # Moved while the connection is still open: SQLite then cannot checkpoint into it.
        raise DatabaseCorrupt(path, exc.detail, files.quarantine(path)) from exc
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        error = classify_sqlite_error(path, exc)
        if isinstance(error, DatabaseCorrupt):
            raise DatabaseCorrupt(path, error.detail, files.quarantine(path)) from exc
        raise error from exc


def _check_and_configure(
    database: Database, conn: sqlite3.Connection, state: _FileState, *, full: bool = True
) -> int:
    """The pre-write checks, then EXCLUSIVE + WAL; the schema version, or -1 for read-only use."""
    path = database.path
    version = 0 if state.is_new else _check_existing(path, conn, full=full)
    if not state.is_new and not _is_writable(conn):
        if not database.read_only:
            raise StorageReadOnly(path)
        return -1
    if database.read_only:
        return -1
    conn.execute("PRAGMA locking_mode = EXCLUSIVE").fetchall()
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchall()[0][0]
    if str(mode).lower() != "wal":
        raise StorageUnavailable(path, f"cannot switch to WAL journal (got {mode})")
    return version


def _start_backup(database: Database, reuse: Path | None = None) -> None:
    """The verified start backup; if it fails on a file whose full check was skipped, check now.

    *reuse* is the newest backup when the file is provably unchanged since it (see
    ``reusable_start_backup``): it stands for this start's backup.  Raises
    :class:`DatabaseCorrupt` (the file moved to quarantine) when the check fails; the caller closes
    the database.
    """
    try:
        made = reuse if reuse is not None else database.backup("start", only_if_changed=True)
        database.start_backup_reused = reuse is not None
        database.note_start_backup(made)
        database.thin_backups()
    except (BackupFailed, OSError) as exc:
        if database.full_check_skipped:
            _full_check_now(database)
        message = f"no backup was made at start: {exc}"
        log.warning(message)
        database.warnings.append(message)


def _full_check_now(database: Database) -> None:
    """``integrity_check`` on the open connection; quarantine and raise if the file is damaged."""
    path = database.path
    with database.raw_connection() as conn:
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            error = classify_sqlite_error(path, exc)
            if not isinstance(error, DatabaseCorrupt):
                raise error from exc
            result = [(error.detail,)]
        if result != [("ok",)]:
            detail = "; ".join(str(r[0]) for r in result[:3])
            # Moved while the connection is still open: SQLite then cannot checkpoint into it.
            moved = files.quarantine(path)
            raise DatabaseCorrupt(path, f"integrity check failed: {detail}", moved)
    database.full_check_skipped = False


def _restrict_modes(path: Path) -> None:
    """Keep the database and its -wal/-shm files private (0600)."""
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError, PermissionError, OSError):
            if candidate.stat().st_mode & 0o077:
                candidate.chmod(0o600)


def table_names() -> list[str]:
    return sorted(SQLModel.metadata.tables)


__all__ = [
    "APPLICATION_ID",
    "CRASHPOINTS",
    "CRASHPOINT_ENV",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Database",
    "classify_sqlite_error",
    "crashpoint",
    "open_database",
    "register_crashpoint",
    "tables",
]
