"""The command-line contract of DESIGN.md section 4, end to end on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NOTES_FILE
from tests.helpers import db_digest, run_cli

EXPECTED_EFFORTS = [6.5, 2.9, 10.0, 1.9, 2.0, 3.4, 1.5, 10.0]
EXPECTED_WEEKS = [1, 1, 2, 1, 1, 1, 1, 2]
EXPECTED_DATES = [
    ("2019-01-18", "2019-01-24"),
    ("2019-01-25", "2019-01-31"),
    ("2019-02-01", "2019-02-14"),
    ("2019-02-15", "2019-02-21"),
    ("2019-02-22", "2019-02-28"),
    ("2019-03-01", "2019-03-07"),
    ("2019-03-08", "2019-03-14"),
    ("2019-03-15", "2019-03-28"),
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    result = run_cli(
        path, "plan", "import", str(NOTES_FILE), "--start", "2019-01-18", "--profile", "DVA-C01"
    )
    assert result.status == 0, result.err
    assert "8 modules" in result.out
    return path


def test_import_then_show_json_lists_the_plan(db: Path) -> None:
    result = run_cli(db, "plan", "show", "--json")
    assert result.status == 0, result.err
    data = json.loads(result.out)
    assert data["profile"] == "DVA-C01"
    assert data["weeks"] == 10
    assert data["exam_date"] == "2019-03-29"
    assert data["as_at"] == "2019-01-18"
    modules = data["modules"]
    assert [m["effort_hours"] for m in modules] == EXPECTED_EFFORTS
    assert [m["weeks"] for m in modules] == EXPECTED_WEEKS
    assert [(m["planned_start"], m["planned_finish"]) for m in modules] == EXPECTED_DATES
    assert modules[0]["note"] == "but content all covered in SA"
    assert modules[0]["domains"] == {
        "Deployment": 0.1,
        "Security": 0.4,
        "Development with AWS Services": 0.4,
        "Refactoring": 0.1,
    }
    assert modules[7]["domains"] == {}
    assert data["planned_mocks"][:2] == ["Free Test - June 2018", "Free Test CDA"]


def test_plan_show_text(db: Path) -> None:
    result = run_cli(db, "plan", "show")
    assert result.status == 0
    assert "Revisit IAM / EC2 / S3" in result.out
    assert "2019-03-15 to 2019-03-28" in result.out


def test_log_prints_confirmation_after_commit(db: Path) -> None:
    result = run_cli(db, "log", "dynamo", "1h30m", "--on", "2019-02-16", "--at", "19:00")
    assert result.status == 0, result.err
    assert result.out == "saved 90 min on 2019-02-16 for module 4 (DynamoDB)\n"
    sessions = run_cli(db, "report", "--as-of", "2019-02-17", "--json")
    data = json.loads(sessions.out)
    assert data["modules"][3]["actual_hours"] == pytest.approx(1.5)


def test_progress_and_mock(db: Path) -> None:
    assert run_cli(db, "progress", "1", "--position", "3:10:00", "--on", "2019-01-20").status == 0
    assert run_cli(db, "progress", "2", "--percent", "50", "--on", "2019-01-30").status == 0
    assert run_cli(db, "progress", "look", "--done", "--on", "2019-01-31").status == 0
    result = run_cli(
        db,
        "mock", "add", "Test 1", "--on", "2019-03-16", "--score", "44/65",
        "--domain", "dep=9/14", "--domain", "sec=11/17", "--domain", "dev=15/20",
        "--domain", "ref=4/6", "--domain", "mon=5/8", "--minutes", "130",
    )  # fmt: skip
    assert result.status == 0, result.err
    assert result.out == "saved Test 1 on 2019-03-16: 44/65\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "99", "30"), "no module 99"),
        (("log", "zzz", "30"), "no module's name starts with 'zzz'"),
        (("log", "d", "30"), "matches several modules"),
        (("log", "1", "0"), ""),
        (("log", "1", "-5"), ""),
        (("log", "1", "25h"), ""),
        (("log", "1", "1500"), ""),
        (("log", "1", "abc"), ""),
        (("log", "1", "30", "--on", "2019-02-30"), "YYYY-MM-DD"),
        (("log", "1", "30", "--on", "yesterday"), "YYYY-MM-DD"),
        (("log", "1", "30", "--on", "9999-12-31"), ""),
        (("log", "1", "30", "--at", "25:00"), "HH:MM"),
        (("mock", "add", "T", "--on", "2019-03-01", "--score", "11/10"), "more than the total"),
        (("mock", "add", "T", "--on", "2019-03-01", "--score", "abc"), "CORRECT/TOTAL"),
        (
            ("mock", "add", "T", "--on", "2019-03-01", "--score", "5/10", "--domain", "xyz=1/2"),
            "xyz",
        ),
        (("mock", "add", "T", "--on", "2019-03-01", "--score", "5/10", "--domain", "d=1/2"), ""),
        (("mock", "add", " ", "--on", "2019-03-01", "--score", "5/10"), "empty"),
        (("progress", "1", "--percent", "120"), "between 0 and 100"),
        (("progress", "1", "--position", "9:00:00"), "long"),
        (("progress", "3", "--position", "1:00:00"), "no video"),
        (("plan", "set", "--exam", "2018-01-01"), "before the start"),
        (("plan", "set", "--profile", "NOPE"), "unknown exam profile"),
        (("plan", "set", "--pass-mark", "nan"), ""),
        (("report", "--as-of", "2019-13-01"), "YYYY-MM-DD"),
        (("nonsense",), "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    db: Path, args: tuple[str, ...], message: str
) -> None:
    before = db_digest(db)
    result = run_cli(db, *args)
    assert result.status == 2
    assert result.out == ""
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith("studyplanner: ")
    assert message in result.err
    assert db_digest(db) == before


def test_missing_notes_file(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "x.db", "plan", "import", str(tmp_path / "nope.txt"))
    assert result.status == 2
    assert "does not exist" in result.err


def test_file_that_is_not_a_notes_file(db: Path, tmp_path: Path) -> None:
    before = db_digest(db)
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 10)
    result = run_cli(db, "plan", "import", str(junk))
    assert result.status == 2
    assert result.err.count("\n") == 1
    assert db_digest(db) == before
    prose = tmp_path / "prose.txt"
    prose.write_text("Dear diary,\nToday I learned nothing about AWS.\n", encoding="utf-8")
    result = run_cli(db, "plan", "import", str(prose))
    assert result.status == 2
    assert "nothing was saved" in result.err
    assert db_digest(db) == before


def test_unreadable_plan_line_is_reported_with_its_number(db: Path, tmp_path: Path) -> None:
    before = db_digest(db)
    notes = tmp_path / "notes.txt"
    notes.write_text(
        "My notes\n- DynamoDB (1:36:02)\n- Lambda (sometime soon)\nTotal Time: 3 weeks\n",
        encoding="utf-8",
    )
    result = run_cli(db, "plan", "import", str(notes))
    assert result.status == 2
    assert "line 3" in result.err
    assert "Lambda (sometime soon)" in result.err
    assert db_digest(db) == before


def test_database_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is a text file, not a database\n" * 100)
    original = path.read_bytes()
    result = run_cli(path, "plan", "show")
    assert result.status == 2
    assert "not a SQLite database" in result.err
    # Kept byte for byte: where it was, or moved aside to quarantine (never deleted).
    kept = [p for p in tmp_path.rglob("not.db*") if p.is_file() and p.read_bytes() == original]
    assert kept, list(tmp_path.rglob("*"))


def test_no_plan_yet(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "x.db", "log", "1", "30")
    assert result.status == 2
    assert "no plan yet" in result.err


def test_entry_point_runs_as_a_module(db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "studyplanner", "--db", str(db), "plan", "show", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["modules"]) == 8
    version = subprocess.run(
        [sys.executable, "-m", "studyplanner", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert version.returncode == 0
    assert version.stdout.startswith("studyplanner ")
