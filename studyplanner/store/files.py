"""File-level helpers of the store: private folders, directory fsync, UTC stamps and quarantine.

Nothing here opens the live database with Python file calls while SQLite has it open
(RELIABILITY.md REL-CONN-02): quarantine only *renames* files, which keeps SQLite's POSIX locks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from studyplanner.store.crash import crashpoint, register_crashpoint

QUARANTINE_DIRNAME = "quarantine"
BACKUP_DIRNAME = "backups"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

register_crashpoint("quarantine:db-moved")


def side_file(path: Path, suffix: str) -> Path:
    """``<db>-wal``, ``<db>-shm`` or ``<db>-journal`` beside *path*."""
    return path.with_name(path.name + suffix)


def lock_path(path: Path) -> Path:
    """The single-instance lock file of the database *path* (see ``store/db.py``)."""
    return path.with_name(path.name + ".lock")


def file_fingerprint(path: Path) -> str:
    """``file <size> <mtime_ns>`` of the main file, plus `` wal <inode>`` if a ``-wal`` exists."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    found = f"file {st.st_size} {st.st_mtime_ns}"
    with contextlib.suppress(OSError):
        found += f" wal {os.stat(side_file(path, '-wal')).st_ino}"
    return found


def unchanged_since_clean_close(path: Path, state: str, clean: str) -> bool:
    """True if the lock file's *state* line and *clean* close line (``clean <inode> <ctime_ns>
    <day> ...``) still describe *path*: its size and mtime, no ``-wal``, the same inode and ctime.
    The proof that the file is the one our own last clean close left (see ``store/db.py``)."""
    parts = clean.split(" ", 5)
    if not state.startswith("file ") or "wal" in state.split():
        return False
    if state != file_fingerprint(path) or len(parts) not in (4, 6) or parts[0] != "clean":
        return False
    try:
        st = os.stat(path)
    except OSError:
        return False
    return parts[1:3] == [str(st.st_ino), str(st.st_ctime_ns)]


def utc_stamp(now: dt.datetime | None = None) -> str:
    """``YYYYMMDDTHHMMSSZ`` of *now* (default: the current time) in UTC."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in *folder* durable (B5)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_atomically(
    target: Path, data: bytes, *, before_rename: Callable[[], None] | None = None
) -> None:
    """Make *target* hold *data*: the old whole file or the new one, never a part (B5).

    A 0600 temp file beside *target* is written and fsynced, then renamed over it, then the
    folder is fsynced (best effort: the content is already durable).  *before_rename* runs
    between the two (a crash point).  Raises :class:`OSError`; no temp file is left behind.
    """
    folder = target.parent
    temp = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if before_rename is not None:
            before_rename()
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    with contextlib.suppress(OSError):
        fsync_dir(folder)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def private_dir(folder: Path) -> Path:
    """Create *folder* (and parents) with mode 0700, whatever the umask; tighten it if it exists."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700, parents=True)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def quarantine_root(db_path: Path) -> Path:
    return db_path.parent / QUARANTINE_DIRNAME


def quarantined_copies(db_path: Path) -> list[Path]:
    """Quarantine folders that hold a copy of *db_path* (or of its ``-wal``), oldest first."""
    root = quarantine_root(db_path)
    if not root.is_dir():
        return []
    names = {db_path.name, db_path.name + "-wal"}
    found = [d for d in root.iterdir() if d.is_dir() and any((d / n).exists() for n in names)]
    return sorted(found, key=lambda d: d.name)


def quarantine(
    db_path: Path, now: dt.datetime | None = None, *, only_wal: bool = False
) -> Path | None:
    """Move the database file and its ``-wal`` to ``quarantine/<UTC stamp>/``; remove the ``-shm``.

    The files are moved (renamed), never copied and deleted, so their bytes are exactly those that
    were on disk. They get mode 0600 and the folders 0700. Returns the quarantine folder, or None
    when there was nothing to move. ``only_wal`` moves just the ``-wal`` (a journal that belongs
    to another file). The live connection, if any, may stay open until this returns:
    SQLite then sees the file as moved and does not checkpoint into it when it closes.
    """
    wal = side_file(db_path, "-wal")
    candidates = (wal,) if only_wal else (db_path, wal)
    movable = [p for p in candidates if p.exists() and not p.is_dir()]
    if not movable:
        return None
    root = private_dir(quarantine_root(db_path))
    stamp = utc_stamp(now)
    target: Path | None = None
    for n in range(1000):
        candidate = root / (stamp if n == 0 else f"{stamp}-{n}")
        try:
            candidate.mkdir(mode=0o700)
        except FileExistsError:
            continue
        target = candidate
        break
    if target is None:
        raise OSError(errno.EEXIST, "no free quarantine folder name", str(root))
    for index, source in enumerate(movable):
        destination = target / source.name
        os.rename(source, destination)
        with contextlib.suppress(OSError):
            destination.chmod(0o600)
        if index == 0 and len(movable) > 1:
            crashpoint("quarantine:db-moved")
    with contextlib.suppress(FileNotFoundError):
        side_file(db_path, "-shm").unlink()
    fsync_dir(target)
    fsync_dir(root)
    fsync_dir(db_path.parent)
    return target
