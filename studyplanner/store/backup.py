"""Verified backups with the SQLite backup API, their names and their thinning (B5/B6).

A backup is written to a temporary file in the backup folder (created 0600), switched to a
self-contained rollback journal, checked with ``integrity_check``, fsync'd, renamed onto its final
name and the folder fsync'd. A file with a final name is therefore always a complete, verified
backup; a crash leaves at most a ``*.sqlite3.tmp*`` file, which :func:`clean_temp_files` removes
at the next start.

Names never collide and sort by a monotonic sequence number, not by the clock::

    <db stem>-<UTC YYYYMMDDTHHMMSSZ>-<sequence>-v<schema>-n<sessions>-<reason>.sqlite3

so thinning (:func:`retention`) is a pure function of the names and "now".
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import hashlib
import logging
import os
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from studyplanner.store.crash import crashpoint, register_crashpoint
from studyplanner.store.errors import BackupFailed, BackupNotVerified
from studyplanner.store.files import fsync_dir, fsync_file, private_dir, utc_stamp

log = logging.getLogger("studyplanner.store")

BACKUP_SUFFIX = ".sqlite3"
TEMP_MARKER = ".sqlite3.tmp"
DEFAULT_STEM = "studyplanner"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<seq>\d{6,})-v(?P<version>\d+)-n(?P<sessions>\d+)"
    r"-(?P<reason>[a-z0-9-]+)\.sqlite3(?P<temp>\.tmp)?$"
)

for _name in ("backup:copy", "backup:verified", "backup:rename"):
    register_crashpoint(_name)

__all__ = [
    "BackupFailed",
    "BackupInfo",
    "RetentionPolicy",
    "backup_infos",
    "clean_temp_files",
    "list_backups",
    "retention",
    "take_backup",
    "thin_backups",
]


@dataclasses.dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup's name says about it."""

    path: Path
    stem: str
    taken_at: dt.datetime  # aware, UTC
    sequence: int
    schema_version: int
    sessions: int
    reason: str


def parse_backup_name(path: Path) -> BackupInfo | None:
    """The :class:`BackupInfo` of a finished backup's file name, or None for any other file."""
    match = _NAME.match(path.name)
    if match is None or match["temp"]:
        return None
    taken = dt.datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    return BackupInfo(
        path=path,
        stem=match["stem"],
        taken_at=taken,
        sequence=int(match["seq"]),
        schema_version=int(match["version"]),
        sessions=int(match["sessions"]),
        reason=match["reason"],
    )


def backup_infos(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """Finished backups in *folder* (of the database *stem*, or all), newest first."""
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if (info := parse_backup_name(p)) is not None]
    if stem is not None:
        found = [info for info in found if info.stem == stem]
    return sorted(found, key=lambda i: (i.sequence, i.taken_at), reverse=True)


def list_backups(folder: Path, stem: str | None = None) -> list[Path]:
    """Paths of the finished backups in *folder*, newest first."""
    return [info.path for info in backup_infos(folder, stem)]


def clean_temp_files(folder: Path) -> list[Path]:
    """Remove leftovers of backups that a crash interrupted (they never had a final name)."""
    removed: list[Path] = []
    if folder.is_dir():
        for leftover in folder.iterdir():
            if TEMP_MARKER in leftover.name and leftover.is_file():
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
                    removed.append(leftover)
    return removed


def _next_sequence(folder: Path) -> int:
    highest = 0
    for p in folder.iterdir():
        match = _NAME.match(p.name)
        if match is not None:
            highest = max(highest, int(match["seq"]))
    return highest + 1


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _source_facts(source: sqlite3.Connection) -> tuple[int, int]:
    version = int(source.execute("PRAGMA user_version").fetchall()[0][0])
    try:
        sessions = int(source.execute("SELECT count(*) FROM study_session").fetchall()[0][0])
    except sqlite3.OperationalError:
        sessions = 0
    return version, sessions


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
    return isinstance(exc, sqlite3.Error) and "full" in str(exc).lower()


def take_backup(
    source: sqlite3.Connection,
    folder: Path,
    *,
    reason: str,
    now: dt.datetime | None = None,
    stem: str = DEFAULT_STEM,
    only_if_changed: bool = False,
) -> Path:
    """Copy the live database into *folder*; return the verified backup's path.

    With *only_if_changed*, a copy that is byte-identical to the newest backup of *stem* is
    dropped and that backup's path is returned instead. Raises :class:`BackupFailed` (with no file
    left under a final name) if the copy cannot be written or does not verify; a damaged live
    database therefore never produces a backup.
    """
    try:
        private_dir(folder)
        version, sessions = _source_facts(source)
        name = (
            f"{stem}-{utc_stamp(now)}-{_next_sequence(folder):06d}-v{version}-n{sessions}"
            f"-{_slug(reason)}{BACKUP_SUFFIX}"
        )
        final = folder / name
        temp = folder / (name + ".tmp")
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(f"cannot prepare a backup in {folder}: {exc}") from exc
    try:
        fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        target = sqlite3.connect(temp, isolation_level=None)
        try:
            source.backup(target)
            crashpoint("backup:copy")
            target.execute("PRAGMA journal_mode = DELETE")
            result = target.execute("PRAGMA integrity_check").fetchall()
        finally:
            target.close()
        if result != [("ok",)]:
            raise BackupNotVerified(
                f"the backup did not verify ({result[0][0]}); the live data may be damaged"
            )
        crashpoint("backup:verified")
        if only_if_changed:
            newest = backup_infos(folder, stem)
            if newest and _sha256(newest[0].path) == _sha256(temp):
                temp.unlink()
                return newest[0].path
        fsync_file(temp)
        crashpoint("backup:rename")
        if final.exists():
            raise BackupFailed(f"a backup named {final.name} already exists")
        os.rename(temp, final)
        fsync_dir(folder)
    except BaseException as exc:
        for leftover in folder.glob(temp.name + "*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(exc, BackupFailed):
            raise
        if isinstance(exc, OSError | sqlite3.Error):
            if _is_disk_full(exc):
                raise BackupFailed(
                    f"the backup was skipped: not enough free disk space in {folder}; the"
                    " existing backups are unchanged"
                ) from exc
            raise BackupFailed(f"the backup into {folder} failed: {exc}") from exc
        raise
    return final


# -- thinning --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """Everything from the last ``recent``, then one per day/ISO week/month (UTC), newest first."""

    recent: dt.timedelta = dt.timedelta(hours=48)
    daily: int = 14
    weekly: int = 8
    monthly: int = 12


def retention(
    backups: Sequence[BackupInfo],
    now: dt.datetime,
    *,
    current_schema: int,
    policy: RetentionPolicy = RetentionPolicy(),
) -> dict[Path, str]:
    """Which backups to keep and why (``recent``, ``daily``, ``weekly``, ``monthly``, ``pinned``).

    A pure function, tested like Anki's ``thinning_manual``/``thinning_generic``. Walking from
    the newest backup back, a backup older than ``policy.recent`` is kept as daily if it is the
    newest of a day not kept yet (at most ``policy.daily`` days), else as weekly for a week older
    than the last kept one, else as monthly. Pinned, whatever their age:

    - every ``pre-migration-to-v<current_schema>`` backup (the way back from the last upgrade);
    - the newest backup with the most sessions when it has more than the newest backup
      (REL-BAK-05b: a shrink that the user did not ask for must not rotate the data out).

    Backups missing from the returned mapping are to be deleted.
    """
    ordered = sorted(backups, key=lambda b: (b.sequence, b.taken_at), reverse=True)
    kept: dict[Path, str] = {}
    daily, weekly, monthly = policy.daily, policy.weekly, policy.monthly
    last_day: dt.date | None = None
    last_week: tuple[int, int] | None = None
    last_month: tuple[int, int] | None = None
    for b in ordered:
        if now - b.taken_at <= policy.recent:
            kept[b.path] = "recent"
            continue
        day = b.taken_at.astimezone(dt.UTC).date()
        iso = day.isocalendar()
        week = (iso.year, iso.week)
        month = (day.year, day.month)
        if daily > 0 and day != last_day:
            daily -= 1
            kept[b.path] = "daily"
        elif weekly > 0 and week != last_week and (last_day is None or day < last_day):
            weekly -= 1
            kept[b.path] = "weekly"
        elif monthly > 0 and month != last_month and (last_day is None or day < last_day):
            monthly -= 1
            kept[b.path] = "monthly"
        else:
            continue
        last_day, last_week, last_month = day, week, month
    for b in ordered:
        if b.reason.startswith(f"pre-migration-to-v{current_schema}"):
            kept[b.path] = "pinned"
    if ordered:
        most = max(b.sessions for b in ordered)
        if most > ordered[0].sessions:
            largest = next(b for b in ordered if b.sessions == most)
            kept[largest.path] = "pinned"
    return kept


def thin_backups(
    folder: Path,
    *,
    stem: str = DEFAULT_STEM,
    now: dt.datetime | None = None,
    current_schema: int,
    policy: RetentionPolicy = RetentionPolicy(),
) -> list[Path]:
    """Delete the backups of *stem* that :func:`retention` does not keep; return them."""
    infos = backup_infos(folder, stem)
    keep = retention(
        infos, now or dt.datetime.now(dt.UTC), current_schema=current_schema, policy=policy
    )
    removed: list[Path] = []
    for info in infos:
        if info.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                info.path.unlink()
                removed.append(info.path)
    if removed:
        fsync_dir(folder)
        log.info("thinned %d old backups in %s", len(removed), folder)
    return removed
