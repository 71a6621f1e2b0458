"""The last report, saved at a clean close and shown at the next start before the data is open.

Issue #7 (a): between the first paint and the Overview's figures, loading SQLAlchemy, SQLModel
and pydantic alone takes some 300 ms, longer than the whole start should.  A report depends
only on the database's content, the as-of date and the code that computes it.  So the window
saves its report at a clean close (:func:`save`) and the next start shows it at once
(:func:`load`), if and only if all of these still hold:

- the lock file still holds the clean close line that this report was saved with, its state
  line is the fingerprint of the file now (size, mtime, no ``-wal``), and the file's inode and
  ctime are the ones the clean line records: the same proof by which ``store/db.py`` skips the
  full integrity check.  Any write by any program (a ``studyplanner log`` from the command line,
  a restore, a copy over the file), and a crash, break it;
- the as-of date is the end of today in the machine's time zone, now;
- the package version, the code that computes reports (the domain, the repository and the
  services modules) and the bundled exam profiles (by size and mtime) are those that saved it.

Otherwise :func:`load` returns None and nothing is shown from it.  The window then computes its
own report from the database as usual and shows that in place of the saved one.

The file: a magic line, one JSON line (the conditions above and the SHA-256 of the payload),
then the payload: ``(report, earned value history)`` pickled.  It lives in the user's own cache
folder, but a cache must never be a way to run code: the unpickler accepts only the value
classes of ``studyplanner.domain`` (frozen dataclasses and enums) and ``datetime`` dates.
Saving never fails the close (a full disk loses only the cache); nothing here imports
SQLAlchemy, SQLModel or Qt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import hashlib
import io
import json
import logging
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import studyplanner
from studyplanner import paths
from studyplanner.domain.report import Report
from studyplanner.store.files import (
    lock_path,
    private_dir,
    replace_atomically,
    unchanged_since_clean_close,
)

log = logging.getLogger(__name__)

MAGIC = b"StudyPlanner saved figures 1\n"
MAX_BYTES = 64 * 1024 * 1024
_DOMAIN = "studyplanner.domain."
_DATES = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timedelta")}
_PACKAGE_DIR = Path(studyplanner.__file__).resolve().parent
_REPORT_CODE = ("domain", "store/repository.py", "services.py")
"""What computes a report, under the package folder: its files' sizes and mtimes are in the key."""

EarnedHistory = tuple[tuple[dt.date, float], ...]


@dataclasses.dataclass(frozen=True, slots=True)
class SavedFigures:
    report: Report
    earned: EarnedHistory


def cache_file(cache_dir: Path, db_path: Path) -> Path:
    """The saved figures of the database at *db_path* (one file per database)."""
    key = hashlib.sha256(str(db_path.expanduser().absolute()).encode()).hexdigest()[:16]
    return cache_dir / f"figures-{key}.bin"


def code_stamp() -> str:
    """The package version and the size and mtime of every file that computes a report, and of
    the bundled exam profiles (the start writes them into the database)."""
    parts = [studyplanner.__version__]
    sources = [path for name in _REPORT_CODE for path in _files(_PACKAGE_DIR / name, "*.py")]
    with contextlib.suppress(FileNotFoundError):
        sources += _files(paths.resources_dir() / "profiles", "*.json")
    for source in sources:
        with contextlib.suppress(OSError):
            st = source.stat()
            parts.append(f"{source.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _files(path: Path, pattern: str) -> list[Path]:
    return sorted(path.glob(pattern)) if path.is_dir() else [path]


def save(
    target: Path,
    db_path: Path,
    clean_close: str,
    figures: Sequence[SavedFigures],
    zone: str,
) -> bool:
    """Save *figures* (reports of the file that ``Database.close()`` has just closed with the
    clean line *clean_close*, for one as-of date each) to *target*.  Without a clean line, or if
    the file is no longer the one closed, delete *target* instead.  Never raises: returns
    whether the figures were saved."""
    state, clean = _lock_lines(db_path)
    if not figures or not clean_close or clean != clean_close:
        discard(target)  # nothing vouches for the file (or another process has opened it since)
        return False
    if not unchanged_since_clean_close(db_path, state, clean):
        discard(target)
        return False
    try:
        pairs = tuple((f.report, f.earned) for f in figures)
        payload = pickle.dumps(pairs, protocol=pickle.HIGHEST_PROTOCOL)
        header = _header(clean_close, [f.report.as_of for f in figures], zone, payload)
        data = MAGIC + json.dumps(header).encode() + b"\n" + payload
        replace_atomically(private_dir(target.parent) / target.name, data)
    except Exception:  # a full disk, say: only the saved figures are lost
        log.warning("could not save the figures to %s", target, exc_info=True)
        discard(target)
        return False
    return True


def load(source: Path, db_path: Path, *, as_of: dt.date, zone: str) -> SavedFigures | None:
    """The figures saved in *source* if they are those of *db_path* as it is now, for *as_of*
    in *zone* (see the module docstring); else None.  Never raises: whatever is wrong with the
    file only means that nothing is shown from it."""
    try:
        return _load(source, db_path, as_of, zone)
    except Exception:
        log.debug("saved figures not usable", exc_info=True)
        return None


def _load(source: Path, db_path: Path, as_of: dt.date, zone: str) -> SavedFigures | None:
    try:
        with source.open("rb") as file:
            if file.readline() != MAGIC:
                return None
            header = json.loads(file.readline())
            payload = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    if not isinstance(header, dict) or len(payload) > MAX_BYTES:
        return None
    state, clean = _lock_lines(db_path)
    saved_days = header.get("as_of")
    if not clean or not isinstance(saved_days, list) or as_of.isoformat() not in saved_days:
        return None
    expected = _header(clean, [dt.date.fromisoformat(d) for d in saved_days], zone, payload)
    if header != expected or not unchanged_since_clean_close(db_path, state, clean):
        return None
    pairs = _DomainUnpickler(io.BytesIO(payload)).load()
    found = [(r, e) for r, e in pairs if isinstance(r, Report) and r.as_of == as_of]
    if len(found) != 1 or not isinstance(found[0][1], tuple):
        return None
    return SavedFigures(*found[0])


def _header(clean: str, days: Sequence[dt.date], zone: str, payload: bytes) -> dict[str, Any]:
    return {
        "clean": clean,
        "as_of": [day.isoformat() for day in days],
        "zone": zone,
        "code": code_stamp(),
        "sha256": hashlib.sha256(payload).hexdigest(),
    }


def discard(target: Path) -> None:
    with contextlib.suppress(OSError):
        target.unlink(missing_ok=True)


def _lock_lines(db_path: Path) -> tuple[str, str]:
    """The state and clean close lines of *db_path*'s lock file ("" where there is none)."""
    try:
        with lock_path(db_path).open("rb") as file:
            lines = file.read(4096).decode("utf-8", "replace").splitlines()
    except OSError:
        return "", ""
    return (lines[1] if len(lines) > 1 else ""), (lines[2] if len(lines) > 2 else "")


class _DomainUnpickler(pickle.Unpickler):
    """Unpickles only dates and the public frozen dataclasses and enums of the domain modules
    that are loaded already (the report's: see the module docstring); nothing else is called."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _DATES:
            return super().find_class(module, name)
        loaded = sys.modules.get(module) if module.startswith(_DOMAIN) else None
        found = getattr(loaded, name, None) if name.isidentifier() else None
        if (
            isinstance(found, type)
            and not name.startswith("_")
            and found.__module__ == module
            and (_frozen_dataclass(found) or issubclass(found, enum.Enum))
        ):
            return found
        raise pickle.UnpicklingError(f"not a value of the report: {module}.{name}")


def _frozen_dataclass(cls: type) -> bool:
    params = getattr(cls, "__dataclass_params__", None)
    return dataclasses.is_dataclass(cls) and bool(getattr(params, "frozen", False))
