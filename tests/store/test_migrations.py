"""Migrations from the frozen version-1 schema (tests/fixtures/db/v1.sql), REL-MIG-01/02/05/06."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studyplanner.store import backup
from studyplanner.store import db as store_db
from studyplanner.store.errors import DatabaseTooNew, MigrationFailed
from tests.reliability.harness import db_digest, make_v1_database, read_only, sha256

DB_NAME = "studyplanner.sqlite3"


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with read_only(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        found: dict[str, list[tuple[object, ...]]] = {}
        for table in tables:
            columns = [
                r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] != "note"
            ]
            query = f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY rowid'
            found[table] = conn.execute(query).fetchall()
    return found


def _version(path: Path) -> int:
    with read_only(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    path = tmp_path / "data" / DB_NAME
    make_v1_database(path)
    return path


def test_the_fixture_is_schema_1(v1: Path) -> None:
    assert store_db.SCHEMA_VERSION == 2, "add tests/fixtures/db/v2.sql before bumping the schema"
    with read_only(v1) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = {r[1] for r in conn.execute("PRAGMA table_info(study_session)")}
    assert "note" not in columns
    assert len(_rows(v1)["study_session"]) == 40


def test_rel_mig_01_02_v1_migrates_without_loss(v1: Path) -> None:
    original_digest, original_rows = db_digest(v1), _rows(v1)
    store_db.open_database(v1).close()
    assert _version(v1) == store_db.SCHEMA_VERSION
    with read_only(v1) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        notes = {r[0] for r in conn.execute("SELECT note FROM study_session")}
    assert notes == {""}
    assert _rows(v1) == original_rows
    pre = [p for p in backup.list_backups(v1.parent / "backups") if "pre-migration-to-v2" in p.name]
    assert len(pre) == 1
    assert db_digest(pre[0]) == original_digest

    migrated = db_digest(v1)
    store_db.open_database(v1).close()
    assert db_digest(v1) == migrated
    again = [p for p in backup.list_backups(v1.parent / "backups") if "pre-migration" in p.name]
    assert again == pre


def test_rel_mig_05_newer_file_is_refused_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    store_db.open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {store_db.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = sha256(path)
    side = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(DatabaseTooNew, match="newer StudyPlanner"):
        store_db.open_database(path)
    assert sha256(path) == before
    assert _version(path) == store_db.SCHEMA_VERSION + 1
    assert sorted(p.name for p in path.parent.iterdir()) == side


def test_rel_mig_06_failed_step_rolls_back(v1: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = db_digest(v1)
    real_step = store_db.MIGRATIONS[2]

    def broken(conn: sqlite3.Connection) -> None:
        real_step(conn)
        raise RuntimeError("step 2 exploded")

    monkeypatch.setitem(store_db.MIGRATIONS, 2, broken)
    with pytest.raises(MigrationFailed, match="your data is unchanged") as caught:
        store_db.open_database(v1)
    assert caught.value.backup is not None and caught.value.backup.exists()
    assert _version(v1) == 1
    assert db_digest(v1) == original
    monkeypatch.setitem(store_db.MIGRATIONS, 2, real_step)
    store_db.open_database(v1).close()
    assert _version(v1) == 2
