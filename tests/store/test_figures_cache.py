"""The figures saved at a clean close (issue #7 (a)): shown at the next start only while they are
provably the database's figures for that day; never a way to run code."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
from pathlib import Path

import pytest

from studyplanner import services
from studyplanner.domain import schedule
from studyplanner.store import db as store_db
from studyplanner.store import figures_cache
from studyplanner.store.figures_cache import SavedFigures

NOW = dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC)
TODAY_END = dt.date(2024, 3, 2)  # the as-of date of a report "today"
TOMORROW_END = dt.date(2024, 3, 3)
ZONE = "UTC"


def _planner(db: store_db.Database) -> services.StudyPlanner:
    planner = services.StudyPlanner(db, clock=lambda: NOW, zone=ZONE)
    if planner.current_plan() is None:
        planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 1, 1))
        module = planner.modules()[0]
        for day in range(20):
            planner.log_session(module.id, 45 + day, on=dt.date(2024, 1, 2) + dt.timedelta(day))
    return planner


def _close_and_save(path: Path, target: Path) -> list[SavedFigures]:
    """Open *path*, take today's and tomorrow's reports, close it and save them (as the window
    does at its close)."""
    db = store_db.open_database(path)
    planner = _planner(db)
    saved = [SavedFigures(*planner.report_with_history(d)) for d in (TODAY_END, TOMORROW_END)]
    db.close()
    assert db.clean_close.startswith("clean ")
    assert figures_cache.save(target, path, db.clean_close, saved, zone=ZONE)
    return saved


@pytest.fixture
def closed(tmp_path: Path) -> tuple[Path, Path, list[SavedFigures]]:
    path = tmp_path / "data" / "studyplanner.sqlite3"
    target = figures_cache.cache_file(tmp_path / "cache", path)
    return path, target, _close_and_save(path, target)


def _load(path: Path, target: Path, as_of: dt.date = TODAY_END) -> SavedFigures | None:
    return figures_cache.load(target, path, as_of=as_of, zone=ZONE)


def test_the_saved_figures_are_the_reports_of_each_day(
    closed: tuple[Path, Path, list[SavedFigures]],
) -> None:
    path, target, saved = closed
    assert _load(path, target) == saved[0]
    assert _load(path, target, TOMORROW_END) == saved[1]
    assert _load(path, target, TOMORROW_END + dt.timedelta(days=1)) is None  # not saved
    assert _load(path, target, TODAY_END - dt.timedelta(days=1)) is None
    # and they are exactly what the database gives when it is opened again
    db = store_db.open_database(path)
    try:
        fresh = _planner(db).report_with_history(TODAY_END)
    finally:
        db.close()
    assert SavedFigures(*fresh) == saved[0]


def test_a_write_after_the_close_makes_them_unusable(
    closed: tuple[Path, Path, list[SavedFigures]],
) -> None:
    path, target, _saved = closed
    db = store_db.open_database(path)  # e.g. ``studyplanner log`` from the command line
    planner = _planner(db)
    module = planner.modules()[1]
    planner.log_session(module.id, 30, on=dt.date(2024, 3, 1))
    db.close()
    assert _load(path, target) is None


def test_a_file_changed_behind_the_apps_back_makes_them_unusable(
    closed: tuple[Path, Path, list[SavedFigures]],
) -> None:
    path, target, _saved = closed
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same times: only the ctime moves
    assert _load(path, target) is None


def test_a_file_copied_over_makes_them_unusable(
    closed: tuple[Path, Path, list[SavedFigures]], tmp_path: Path
) -> None:
    path, target, _saved = closed
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(path.read_bytes())
    os.utime(copy, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    os.replace(copy, path)  # same bytes, size and mtime: another inode
    assert _load(path, target) is None


def test_a_journal_beside_the_file_makes_them_unusable(
    closed: tuple[Path, Path, list[SavedFigures]],
) -> None:
    path, target, _saved = closed
    path.with_name(path.name + "-wal").write_bytes(b"\0" * 32)
    assert _load(path, target) is None


def test_an_app_still_running_or_crashed_makes_them_unusable(
    closed: tuple[Path, Path, list[SavedFigures]],
) -> None:
    path, target, _saved = closed
    db = store_db.open_database(path)
    try:
        assert _load(path, target) is None  # the lock file says "checkpointing" meanwhile
    finally:
        db.close()


def test_another_zone_or_other_code_makes_them_unusable(
    closed: tuple[Path, Path, list[SavedFigures]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, target, _saved = closed
    assert figures_cache.load(target, path, as_of=TODAY_END, zone="Europe/Paris") is None
    assert _load(path, target) is not None
    monkeypatch.setattr(figures_cache, "code_stamp", lambda: "another version")
    assert _load(path, target) is None


def _rewrite(target: Path, payload: bytes, *, fix_digest: bool) -> None:
    magic, header_line, _old = target.read_bytes().split(b"\n", 2)
    header = json.loads(header_line)
    if fix_digest:
        header["sha256"] = hashlib.sha256(payload).hexdigest()
    target.write_bytes(magic + b"\n" + json.dumps(header).encode() + b"\n" + payload)


def test_a_damaged_file_is_ignored(closed: tuple[Path, Path, list[SavedFigures]]) -> None:
    path, target, _saved = closed
    data = target.read_bytes()
    target.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    assert _load(path, target) is None
    target.write_bytes(data[: len(data) // 2])
    assert _load(path, target) is None
    target.write_bytes(b"not a figures file\n")
    assert _load(path, target) is None
    magic, header, payload = data.split(b"\n", 2)
    for days in ([TODAY_END.isoformat(), 5], [TODAY_END.isoformat(), "2024-02-30"], "x"):
        broken = json.loads(header) | {"as_of": days}
        target.write_bytes(magic + b"\n" + json.dumps(broken).encode() + b"\n" + payload)
        assert _load(path, target) is None
    target.unlink()
    assert _load(path, target) is None


class _RunsCode:
    """A pickle that would call ``Path.touch`` on unpickling."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return Path.touch, (self.marker,)


class _Calls:
    """A pickle that would call *function* with no argument on unpickling."""

    def __init__(self, function: object) -> None:
        self.function = function

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return self.function, ()


def test_the_file_cannot_run_code(
    closed: tuple[Path, Path, list[SavedFigures]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, target, saved = closed
    marker = tmp_path / "ran"
    evil = pickle.dumps(((saved[0].report, _RunsCode(marker)),))
    _rewrite(target, evil, fix_digest=True)  # the digest matches: only the unpickler stands
    assert _load(path, target) is None
    assert not marker.exists()
    other = pickle.dumps(((saved[0].report, (dt.UTC,)),))  # a class not in the list
    _rewrite(target, other, fix_digest=True)
    assert _load(path, target) is None
    called: list[object] = []

    def recording(*args: object) -> None:
        called.append(args)

    recording.__module__, recording.__qualname__ = schedule.__name__, "compute_schedule"
    monkeypatch.setattr(schedule, "compute_schedule", recording)
    function = pickle.dumps(((saved[0].report, _Calls(recording)),))
    _rewrite(target, function, fix_digest=True)  # a domain function, not a value class
    assert _load(path, target) is None
    assert called == []


def test_nothing_is_saved_without_a_clean_close(tmp_path: Path) -> None:
    path = tmp_path / "data" / "studyplanner.sqlite3"
    target = figures_cache.cache_file(tmp_path / "cache", path)
    saved = _close_and_save(path, target)
    db = store_db.open_database(path)
    db.suspect = True  # this session met damage: its close vouches for nothing
    db.close()
    assert db.clean_close == ""
    assert not figures_cache.save(target, path, db.clean_close, saved, zone=ZONE)
    assert not target.exists()  # the old figures are gone too


def test_nothing_is_saved_once_another_process_has_opened_the_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "studyplanner.sqlite3"
    target = figures_cache.cache_file(tmp_path / "cache", path)
    db = store_db.open_database(path)
    planner = _planner(db)
    saved = [SavedFigures(*planner.report_with_history(TODAY_END))]
    db.close()
    other = store_db.open_database(path)  # between our close and our save
    _planner(other).log_session(_planner(other).modules()[2].id, 20, on=dt.date(2024, 3, 1))
    other.close()
    assert not figures_cache.save(target, path, db.clean_close, saved, zone=ZONE)
    assert _load(path, target) is None


def test_one_file_per_database(tmp_path: Path) -> None:
    first = figures_cache.cache_file(tmp_path, tmp_path / "a.sqlite3")
    assert first == figures_cache.cache_file(tmp_path, tmp_path / "a.sqlite3")
    assert first != figures_cache.cache_file(tmp_path, tmp_path / "b.sqlite3")
    assert first.parent == tmp_path
