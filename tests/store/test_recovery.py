"""Untrusted restore files (REL-SEC-04): every crafted file is rejected and nothing changes."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from studyplanner.store import db as store_db
from studyplanner.store import recovery
from studyplanner.store.errors import RestoreRejected
from tests.reliability.harness import db_digest

DB_NAME = "studyplanner.sqlite3"


def _edit(sql: str) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.executescript(sql)

    return apply


def _zip(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("studyplanner.sqlite3", path.read_bytes())
    path.write_bytes(buffer.getvalue())


def _corrupt_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // size):
        data[page * size + 8 : page * size + 40] = b"\xff" * 32
    path.write_bytes(bytes(data))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _other_app(path: Path) -> None:
    _empty(path)
    _edit("CREATE TABLE songs(id INTEGER PRIMARY KEY, title TEXT);")(path)


CRAFTED: dict[str, tuple[Callable[[Path], None], str]] = {
    "wrong-application-id": (_edit("PRAGMA application_id = 1;"), "application id"),
    "newer-version": (_edit(f"PRAGMA user_version = {store_db.SCHEMA_VERSION + 1};"), "newer"),
    "trigger": (
        _edit(
            "CREATE TRIGGER wipe AFTER INSERT ON study_session"
            " BEGIN DELETE FROM study_session; END;"
        ),
        "trigger",
    ),
    "extra-view": (_edit("CREATE VIEW v AS SELECT 1;"), "view"),
    "extra-table": (_edit("CREATE TABLE extra(x INTEGER) STRICT;"), "unknown tables"),
    "renamed-column": (
        _edit("ALTER TABLE study_session RENAME COLUMN zone TO tz;"),
        "different columns",
    ),
    "corrupt-pages": (_corrupt_pages, "damaged"),
    "other-app": (_other_app, "application id"),
    "zero-bytes": (_empty, "empty"),
    "zip": (_zip, "not a SQLite database"),
}


@pytest.mark.parametrize("kind", sorted(CRAFTED))
def test_rel_sec_04_crafted_restore_files_are_rejected(tmp_path: Path, kind: str) -> None:
    live = tmp_path / "data" / DB_NAME
    store_db.open_database(live).close()
    before = db_digest(live)
    crafted = tmp_path / "chosen" / "backup.sqlite3"
    crafted.parent.mkdir()
    crafted.write_bytes(live.read_bytes())
    make, reason = CRAFTED[kind]
    make(crafted)
    chosen_bytes = crafted.read_bytes()
    with pytest.raises(RestoreRejected, match=reason) as caught:
        recovery.restore_backup(live, crafted)
    assert "was not changed" in str(caught.value)
    assert db_digest(live) == before
    assert crafted.read_bytes() == chosen_bytes
    assert sorted(p.name for p in crafted.parent.iterdir()) == ["backup.sqlite3"]
    assert not list(live.parent.glob("*.tmp*"))


def test_a_sound_file_is_accepted_and_described(tmp_path: Path) -> None:
    live = tmp_path / "data" / DB_NAME
    database = store_db.open_database(live)
    made = database.backup("manual", only_if_changed=False)
    database.close()
    checked = recovery.verify_restore_file(made)
    assert checked.schema_version == store_db.SCHEMA_VERSION
    assert checked.sessions == 0 and checked.taken_at is not None
    assert recovery.expected_schema()["study_session"] >= {"uuid", "note", "minutes"}
    assert "note" not in recovery.expected_schema(1)["study_session"]
