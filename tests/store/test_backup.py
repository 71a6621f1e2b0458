"""Backup names and thinning (REL-BAK-03/04/05b), tested the way Anki tests its thinning:
hand-picked cases (``thinning_manual``) and generated series (``thinning_generic``)."""

from __future__ import annotations

import collections
import datetime as dt
import sqlite3
from pathlib import Path

from studyplanner.store import backup
from studyplanner.store import db as store_db
from studyplanner.store.backup import BackupInfo, RetentionPolicy, retention

NOW = dt.datetime(2025, 6, 15, 12, 0, tzinfo=dt.UTC)


def _info(seq: int, at: dt.datetime, *, sessions: int = 100, reason: str = "start") -> BackupInfo:
    return BackupInfo(Path(f"b{seq:06d}"), "studyplanner", at, seq, 2, sessions, reason)


def _series(days: int, every: dt.timedelta) -> list[BackupInfo]:
    out: list[BackupInfo] = []
    at, seq = NOW - dt.timedelta(days=days), 1
    while at <= NOW:
        out.append(_info(seq, at, sessions=seq))
        at += every
        seq += 1
    return out


def test_thinning_manual() -> None:
    backups = [
        _info(1, NOW - dt.timedelta(days=40)),
        _info(2, NOW - dt.timedelta(days=10, hours=1)),
        _info(3, NOW - dt.timedelta(days=10)),
        _info(4, NOW - dt.timedelta(days=3)),
        _info(5, NOW - dt.timedelta(hours=47)),
        _info(6, NOW - dt.timedelta(hours=1)),
    ]
    kept = retention(backups, NOW, current_schema=2, policy=RetentionPolicy(daily=2, weekly=0))
    assert kept == {
        Path("b000006"): "recent",
        Path("b000005"): "recent",
        Path("b000004"): "daily",
        Path("b000003"): "daily",
        Path("b000001"): "monthly",
    }


def test_rel_bak_03_thinning_generic_400_days() -> None:
    backups = _series(400, dt.timedelta(hours=6))
    kept = retention(backups, NOW, current_schema=2)
    counts = collections.Counter(kept.values())
    recent = [b for b in backups if NOW - b.taken_at <= dt.timedelta(hours=48)]
    assert counts["recent"] == len(recent) == 9
    assert (counts["daily"], counts["weekly"], counts["monthly"]) == (14, 8, 12)
    assert len(kept) <= 9 + 14 + 8 + 12
    days = [b.taken_at.date() for b in backups if kept.get(b.path) == "daily"]
    assert len(set(days)) == 14
    weeks = [b.taken_at.isocalendar()[:2] for b in backups if kept.get(b.path) == "weekly"]
    assert len(set(weeks)) == 8 and max(weeks) < min(
        b.taken_at.isocalendar()[:2] for b in backups if kept.get(b.path) == "daily"
    )
    for days_back in (1, 50, 200, 399):
        thinned = retention(_series(days_back, dt.timedelta(hours=3)), NOW, current_schema=2)
        assert len(thinned) <= 17 + 14 + 8 + 12


def test_rel_bak_03_pre_migration_backup_is_never_rotated_out() -> None:
    backups = _series(400, dt.timedelta(days=1))
    old = backups[3]
    pinned = _info(old.sequence, old.taken_at, sessions=old.sessions, reason="pre-migration-to-v2")
    backups[3] = pinned
    older_schema = _info(10, backups[10].taken_at, sessions=10, reason="pre-migration-to-v1")
    backups[10] = older_schema
    kept = retention(backups, NOW, current_schema=2)
    assert kept[pinned.path] == "pinned"
    assert older_schema.path not in kept


def test_rel_bak_05b_a_shrink_pins_the_larger_backup() -> None:
    backups = _series(100, dt.timedelta(days=1))
    largest = backups[5]
    backups = [
        _info(b.sequence, b.taken_at, sessions=5000 if b is largest else 50) for b in backups
    ]
    kept = retention(backups, NOW, current_schema=2)
    assert kept[largest.path] == "pinned"
    grown = [_info(b.sequence, b.taken_at, sessions=b.sequence) for b in backups]
    assert "pinned" not in retention(grown, NOW, current_schema=2).values()


def test_rel_bak_04_names_never_collide(tmp_path: Path) -> None:
    source = sqlite3.connect(":memory:")
    source.execute("CREATE TABLE study_session(id INTEGER PRIMARY KEY)")
    folder = tmp_path / "backups"
    berlin_fold = dt.datetime(2024, 10, 27, 0, 30, tzinfo=dt.UTC)
    stamps = [
        NOW,
        NOW,  # the same second
        berlin_fold,  # 02:30 CEST
        berlin_fold + dt.timedelta(hours=1),  # 02:30 CET, the repeated hour
        NOW - dt.timedelta(days=1),  # the clock set back a day
        NOW - dt.timedelta(days=1),
    ]
    made = [backup.take_backup(source, folder, reason="manual", now=at) for at in stamps]
    source.close()
    assert len(set(made)) == 6
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in made)
    infos = backup.backup_infos(folder)
    assert [i.path for i in infos] == list(reversed(made))  # newest by sequence, not by clock


def test_temp_files_are_cleaned_at_start(tmp_path: Path) -> None:
    path = tmp_path / "data" / "studyplanner.sqlite3"
    store_db.open_database(path).close()
    folder = path.parent / "backups"
    leftover = folder / "studyplanner-20250101T000000Z-000099-v2-n0-start.sqlite3.tmp"
    leftover.write_bytes(b"half a backup")
    (folder / (leftover.name + "-journal")).write_bytes(b"x")
    finished = backup.list_backups(folder)
    store_db.open_database(path).close()
    assert not [p for p in folder.iterdir() if ".tmp" in p.name]
    assert backup.list_backups(folder) == finished
