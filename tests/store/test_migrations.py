"""Migrations from the frozen schemas 1 and 2 (fixtures/db/v1.sql, v2.sql): REL-MIG-01/02/05/06.

Schema 3 rebuilds tables to add CHECKs (store/schema_v3.py): the tests below check that no row is
lost or changed, that the result equals a new file's schema, that a row which a new CHECK refuses
stops the migration cleanly with a message naming it, and that the report uses the new index.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from studyplanner import services
from studyplanner.store import backup, recovery, schema_v3
from studyplanner.store import db as store_db
from studyplanner.store.errors import DatabaseTooNew, MigrationFailed
from tests.reliability.harness import (
    db_digest,
    make_v1_database,
    make_v2_database,
    read_only,
    sha256,
)

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


def _pre_migration_backups(path: Path) -> list[Path]:
    return [p for p in backup.list_backups(path.parent / "backups") if "pre-migration" in p.name]


def _schema(path: Path) -> dict[str, str]:
    """Name -> normalised ``CREATE`` statement of every table and index (autoindexes aside)."""
    with read_only(path) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    found: dict[str, str] = {}
    for name, sql in rows:
        text = re.sub(r"\s+", " ", str(sql).replace('"', ""))
        text = re.sub(r"\s*([(),])\s*", r"\1", text).strip()
        found[str(name)] = re.sub(r"^CREATE TABLE \S+?\(", "CREATE TABLE (", text)
    return found


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    path = tmp_path / "data" / DB_NAME
    make_v1_database(path)
    return path


@pytest.fixture
def v2(tmp_path: Path) -> Path:
    path = tmp_path / "data" / DB_NAME
    make_v2_database(path)
    return path


@pytest.fixture(scope="module")
def new_schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    path = tmp_path_factory.mktemp("new") / "data" / DB_NAME
    store_db.open_database(path).close()
    return _schema(path)


def test_the_fixture_is_schema_1(v1: Path) -> None:
    assert store_db.SCHEMA_VERSION == 3, "add tests/fixtures/db/v3.sql before bumping the schema"
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
    target = f"pre-migration-to-v{store_db.SCHEMA_VERSION}"
    pre = [p for p in backup.list_backups(v1.parent / "backups") if target in p.name]
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
    assert _version(v1) == store_db.SCHEMA_VERSION


# -- schema 3: CHECKs added by table rebuilds, and the covering index of the report -----------


def test_the_v2_fixture_is_schema_2(v2: Path) -> None:
    with read_only(v2) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(study_session)")}
        empty = [
            table
            for table in store_db.table_names()
            if conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == 0
        ]
    assert "ix_session_module_date" in indexes
    assert "ix_session_module_date_minutes" not in indexes
    assert empty == [], "the v2 fixture must have rows in every table"


def test_rel_mig_01_02_v2_migrates_without_loss(v2: Path) -> None:
    original_digest, original_rows = db_digest(v2), _rows(v2)
    store_db.open_database(v2).close()
    assert _version(v2) == 3
    with read_only(v2) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        leftovers = conn.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE ?", (f"%{schema_v3.TEMP_SUFFIX}",)
        ).fetchall()
    assert leftovers == []
    assert db_digest(v2) == original_digest
    assert _rows(v2) == original_rows
    pre = _pre_migration_backups(v2)
    assert [p.name.endswith("pre-migration-to-v3.sqlite3") for p in pre] == [True]
    assert db_digest(pre[0]) == original_digest

    migrated = db_digest(v2)
    store_db.open_database(v2).close()
    assert db_digest(v2) == migrated
    assert _pre_migration_backups(v2) == pre


@pytest.mark.parametrize("make", [make_v1_database, make_v2_database], ids=["v1", "v2"])
def test_migrated_schema_equals_a_new_file(
    tmp_path: Path, new_schema: dict[str, str], make: Any
) -> None:
    path = tmp_path / "data" / DB_NAME
    make(path)
    store_db.open_database(path).close()
    assert _schema(path) == new_schema


def test_schema_3_rebuilds_exactly_the_tables_that_changed(
    v2: Path, new_schema: dict[str, str]
) -> None:
    old_schema = _schema(v2)
    tables = {name for name in new_schema if not name.startswith("ix_")}
    changed = {name for name in tables if old_schema.get(name) != new_schema[name]}
    assert changed == set(schema_v3.TABLES)
    added = {name for name in new_schema if name.startswith("ix_")} - set(old_schema)
    assert added == {"ix_session_module_date_minutes"}


def _break_rows(path: Path) -> None:
    """Values that schema 2 accepted and schema 3 refuses (only a raw edit could make them)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("UPDATE study_session SET local_date = '2023-02-29' WHERE id = 17")
        conn.execute("UPDATE module SET name = 'tab' || char(9) || 'name' WHERE id = 5")
    finally:
        conn.close()


def test_a_row_refused_by_a_new_check_stops_the_migration(v2: Path) -> None:
    _break_rows(v2)
    original = db_digest(v2)
    with pytest.raises(MigrationFailed, match="your data is unchanged") as caught:
        store_db.open_database(v2)
    message = str(caught.value)
    assert "module row id 5" in message and "name_is_name" in message
    assert caught.value.backup is not None and db_digest(caught.value.backup) == original
    assert _version(v2) == 2
    assert db_digest(v2) == original

    conn = sqlite3.connect(v2, isolation_level=None)
    conn.execute("UPDATE module SET name = 'tab name' WHERE id = 5")
    conn.close()
    with pytest.raises(MigrationFailed, match=r"study_session row id 17 .*local_date_is_date"):
        store_db.open_database(v2)
    assert _version(v2) == 2

    conn = sqlite3.connect(v2, isolation_level=None)
    conn.execute("UPDATE study_session SET local_date = '2023-02-28' WHERE id = 17")
    conn.close()
    fixed = _rows(v2)
    store_db.open_database(v2).close()
    assert _version(v2) == 3
    assert _rows(v2) == fixed


def test_a_failed_v3_step_rolls_back(v2: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = db_digest(v2)
    real_step = store_db.MIGRATIONS[3]

    def broken(conn: sqlite3.Connection) -> None:
        real_step(conn)
        raise RuntimeError("step 3 exploded")

    monkeypatch.setitem(store_db.MIGRATIONS, 3, broken)
    with pytest.raises(MigrationFailed, match="step 3 exploded"):
        store_db.open_database(v2)
    assert _version(v2) == 2
    assert db_digest(v2) == original
    with read_only(v2) as conn:
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(study_session)")}
    assert "ix_session_module_date" in indexes


def test_the_report_reads_session_minutes_from_the_covering_index(v2: Path) -> None:
    """Every per-module/per-day sum of the report is answered from the index alone."""
    db = store_db.open_database(v2)
    statements: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, params: Any, *args: Any) -> None:
        if "sum(study_session.minutes)" in statement:
            statements.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        planner = services.StudyPlanner(db, clock=lambda: dt.datetime(2024, 3, 1, tzinfo=dt.UTC))
        planner.report()
        assert statements, "the report ran no session aggregation"
        with db.raw_connection() as conn:
            plans = [
                " ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
                for sql, params in statements
            ]
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
        db.close()
    grouped = [p for p in plans if "USING COVERING INDEX ix_session_module_date_minutes" in p]
    assert grouped, plans


@pytest.mark.parametrize(("make", "version"), [(make_v1_database, 1), (make_v2_database, 2)])
def test_rel_sec_04_an_old_file_can_still_be_restored(
    tmp_path: Path, make: Any, version: int
) -> None:
    """The restore checks know each old schema's indexes (INDEXES_CHANGED), not only today's."""
    old = tmp_path / "old" / DB_NAME
    make(old)
    original = _rows(old)
    candidate = recovery.verify_restore_file(old, scratch=tmp_path)
    assert candidate.schema_version == version
    live = tmp_path / "data" / DB_NAME
    store_db.open_database(live).close()
    recovery.restore_backup(live, candidate)
    store_db.open_database(live).close()
    assert _version(live) == store_db.SCHEMA_VERSION
    assert _rows(live) == original
