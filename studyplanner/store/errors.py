"""Store errors, sorted the way RELIABILITY.md B7 asks: corruption versus operational problems.

``str()`` of every error is the message for the user: it names the file or folder and the cause.

- :class:`DatabaseCorrupt` (and :class:`DatabaseMissing`): the data cannot be read as a
  StudyPlanner database. The caller offers a restore (``store.recovery``); the damaged file has
  already been moved to quarantine (``.quarantined``), never deleted.
- Everything else is operational (:class:`DatabaseInUse`, :class:`StorageUnavailable` and its
  kinds, :class:`DatabaseTooNew`, :class:`MigrationFailed`): show the message, change nothing, and
  never offer a restore for it.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of everything the store raises on purpose; ``str()`` is the message for the user."""


class DatabaseCorrupt(StoreError):
    """The file is not a readable StudyPlanner database. Never treated as a first run.

    ``quarantined`` is the folder the damaged file (and its ``-wal``) was moved to, if it was moved.
    """

    def __init__(self, path: Path, detail: str, quarantined: Path | None = None) -> None:
        message = f"the data file {path} is damaged or is not a StudyPlanner database ({detail})"
        if quarantined is not None:
            message += f"; the damaged file is kept at {quarantined}"
        super().__init__(message)
        self.path = path
        self.detail = detail
        self.quarantined = quarantined


class DatabaseMissing(DatabaseCorrupt):
    """No usable data file, but backups or a quarantined file exist (rule B4: not a first run).

    The caller offers to restore a backup (``recovery.find_restorable_backups``) or to start empty
    (``open_database(path, start_empty=True)``); it never starts empty by itself.
    """

    def __init__(self, path: Path, detail: str, quarantined: Path | None = None) -> None:
        StoreError.__init__(
            self,
            f"the data file {path} is {detail}, but backups or a damaged copy exist: restore a"
            " backup or start with an empty file (the old files are kept)",
        )
        self.path = path
        self.detail = detail
        self.quarantined = quarantined


class DatabaseInUse(StoreError):
    """Another copy of the app (or another program) holds the database."""

    def __init__(self, path: Path, detail: str = "") -> None:
        message = (
            f"the data file {path} is in use by another copy of StudyPlanner or another program"
        )
        if detail:
            message += f" ({detail})"
        super().__init__(message)
        self.path = path
        self.detail = detail


class DatabaseTooNew(StoreError):
    def __init__(self, path: Path, version: int, supported: int) -> None:
        super().__init__(
            f"the data file {path} was created by a newer StudyPlanner (schema {version}; this"
            f" version knows up to {supported}); please update StudyPlanner."
            " The file was not changed"
        )
        self.path = path
        self.version = version


class StorageUnavailable(StoreError):
    """Operational: read-only, full disk, no access. Never corruption."""

    def __init__(self, path: Path, cause: str) -> None:
        super().__init__(f"cannot write to {path}: {cause}")
        self.path = path
        self.cause = cause


class StorageFull(StorageUnavailable):
    """The disk holding the data folder is full; nothing saved before is lost."""

    def __init__(self, path: Path, cause: str = "") -> None:
        folder = path.parent
        text = (
            f"the disk holding the data folder {folder} is full. Free some space on it, then save"
            " again; everything saved before is safe"
        )
        StoreError.__init__(self, f"cannot save: {text}" + (f" ({cause})" if cause else ""))
        self.path = path
        self.cause = text


class StorageReadOnly(StorageUnavailable):
    """The data file or its folder cannot be written (read-only file, folder or file system)."""

    def __init__(self, path: Path, cause: str = "") -> None:
        text = f"your data file {path} is read-only"
        if cause:
            text += f" ({cause})"
        StoreError.__init__(self, f"{text}: nothing can be saved to it")
        self.path = path
        self.cause = text


class MigrationFailed(StoreError):
    def __init__(self, path: Path, version: int, detail: str, backup: Path | None) -> None:
        where = f"; a backup is at {backup}" if backup else ""
        super().__init__(
            f"upgrading {path} to schema {version} failed ({detail}); your data is unchanged{where}"
        )
        self.path = path
        self.backup = backup


class BackupFailed(StoreError):
    """A backup could not be made or did not verify; no file with a final name was left."""


class BackupNotVerified(BackupFailed):
    """The backup copy failed its integrity check: the live data itself may be damaged."""


class RestoreRejected(StoreError):
    """A file chosen for restore is not a sound StudyPlanner database; nothing was changed."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} cannot be restored: {reason}. Your current data was not changed")
        self.path = path
        self.reason = reason
