"""``studyplanner export ...`` and ``studyplanner import ...`` on real database files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import NOTES_FILE
from tests.exchange.test_trackers import CLOCKIFY, TOGGL
from tests.helpers import db_digest, run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "a.sqlite3"
    assert run_cli(path, "plan", "import", str(NOTES_FILE), "--start", "2019-01-18").status == 0
    assert run_cli(path, "log", "dynamo", "45", "--on", "2019-02-16", "--note", "=1+1").status == 0
    return path


def test_export_everything(db: Path, tmp_path: Path) -> None:
    for what, name, expected in (
        ("sessions", "s.csv", "exported 1 session(s) to"),
        ("mocks", "m.csv", "exported 0 mock test(s) to"),
        ("json", "b.json", "exported a backup with 1 session(s) to"),
        ("ical", "p.ics", "exported 15 calendar event(s) to"),
    ):
        result = run_cli(db, "export", what, str(tmp_path / name))
        assert (result.status, result.err) == (0, "")
        assert result.out.startswith(expected)
    assert b",'=1+1\r\n" in (tmp_path / "s.csv").read_bytes()
    assert json.loads((tmp_path / "b.json").read_text())["format"] == "studyplanner-backup"


def test_backup_restore_round_trip(db: Path, tmp_path: Path) -> None:
    assert run_cli(db, "export", "json", str(tmp_path / "b.json")).status == 0
    restored = tmp_path / "restored.sqlite3"
    result = run_cli(restored, "import", "json", str(tmp_path / "b.json"))
    assert (result.status, result.err) == (0, "")
    assert result.out.startswith("backup restored from")
    assert db_digest(restored) == db_digest(db)
    again = run_cli(db, "import", "json", str(tmp_path / "b.json"))
    assert again.out.endswith("0 sessions imported, 1 already present\n")


def test_import_sessions_formats(db: Path) -> None:
    result = run_cli(db, "import", "sessions", str(CLOCKIFY), "--format", "clockify")
    assert (result.status, result.out) == (0, f"4 sessions imported from {CLOCKIFY}\n")
    before = db_digest(db)
    rejected = run_cli(db, "import", "sessions", str(TOGGL), "--format", "toggl")
    assert rejected.status == 2 and rejected.out == ""
    assert rejected.err == (
        "studyplanner: import: nothing was imported: line 4: module: no module matches"
        " 'Serverless' (it matches Look at Serverless, Build something in Serverless)\n"
    )
    assert db_digest(db) == before
    skipped = run_cli(db, "import", "sessions", str(TOGGL), "--format", "toggl", "--skip-unmatched")
    assert skipped.out.startswith("4 sessions imported")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "sessions", "missing.csv"], "file: missing.csv does not exist"),
        (["import", "json", "x.json", "--format", "toggl"], "--format and --skip-unmatched"),
        (["import", "sessions", "x.csv", "--format", "excel"], "invalid choice: 'excel'"),
        (["export", "pdf", "x.pdf"], "invalid choice: 'pdf'"),
        (["export", "json", "/no/such/folder/x.json"], "its folder does not exist"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(db: Path, args: list[str], message: str) -> None:
    before = db_digest(db)
    result = run_cli(db, *args)
    assert result.status == 2 and result.out == ""
    assert result.err.count("\n") == 1 and message in result.err
    assert db_digest(db) == before


def test_export_onto_the_database_is_refused(db: Path) -> None:
    result = run_cli(db, "export", "json", str(db))
    assert result.status == 2
    assert "is the StudyPlanner database itself" in result.err
    assert run_cli(db, "plan", "show").status == 0


def test_a_broken_file_names_its_line(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"local_date,minutes,module\n2019-02-16,45,DynamoDB\n2019-02-17,1e3,DynamoDB\n")
    result = run_cli(db, "import", "sessions", str(bad))
    assert result.status == 2
    assert "line 3: minutes: '1e3' is not a whole number" in result.err
