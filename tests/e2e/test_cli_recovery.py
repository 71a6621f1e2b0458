"""`studyplanner backups` and `studyplanner restore`, and the hint on a damaged data file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from studyplanner import cli
from studyplanner.services import bundled_notes_path
from studyplanner.store import backup
from studyplanner.store.db import open_database
from tests.helpers import db_digest, run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A data file with a plan and 3 sessions; its newest backup holds exactly that data."""
    path = tmp_path / "data" / "studyplanner.sqlite3"
    assert (
        run_cli(path, "plan", "import", str(bundled_notes_path()), "--start", "2026-01-05").status
        == 0
    )
    for day in ("2026-01-05", "2026-01-06", "2026-01-07"):
        assert run_cli(path, "log", "1", "45", "--on", day).status == 0
    open_database(path).close()  # the start backup holds the 3 sessions
    return path


def _damage(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(b"\xa5" * 16 + data[16:])


def test_backups_lists_verified_backups_newest_first(db: Path) -> None:
    result = run_cli(db, "backups")
    assert result.status == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) >= 2
    assert lines[0].split()[0] == "1" and "(3 sessions)" in lines[0] and "KB" in lines[0]
    listed = run_cli(db, "backups", "--json")
    rows = json.loads(listed.out)
    assert [r["number"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["sessions"] == 3 and rows[0]["bytes"] > 0
    assert rows[0]["path"] == str(backup.list_backups(db.parent / "backups")[0])


def test_backups_skips_a_damaged_backup(db: Path) -> None:
    newest = backup.list_backups(db.parent / "backups")[0]
    newest.write_bytes(b"garbage")
    rows = json.loads(run_cli(db, "backups", "--json").out)
    assert str(newest) not in {r["path"] for r in rows}


def test_a_damaged_file_names_the_fix_then_restore_latest_brings_it_back(db: Path) -> None:
    before = db_digest(db)
    _damage(db)
    failed = run_cli(db, "report")
    assert failed.status == 2
    assert failed.err.count("\n") == 1
    assert "studyplanner restore --latest" in failed.err and "damaged" in failed.err
    again = run_cli(db, "plan", "show")  # now the file is in quarantine: still not a first run
    assert again.status == 2 and "studyplanner restore --latest" in again.err
    restored = run_cli(db, "restore", "--latest", "--yes")
    assert restored.status == 0, restored.err
    assert "restored" in restored.out and "(3 sessions)" in restored.out
    assert db_digest(db) == before
    assert run_cli(db, "report", "--json").status == 0
    assert any((db.parent / "quarantine").rglob("studyplanner.sqlite3"))  # kept, not deleted


def test_restore_by_number_and_by_path_keeps_the_current_data_as_a_backup(db: Path) -> None:
    first = db_digest(db)
    assert run_cli(db, "log", "1", "30", "--on", "2026-01-08").status == 0
    current = db_digest(db)
    restored = run_cli(db, "restore", "1", "--yes")
    assert restored.status == 0, restored.err
    assert db_digest(db) == first
    assert "kept at" in restored.out
    pre = [p for p in backup.list_backups(db.parent / "backups") if "pre-restore" in p.name]
    assert pre and db_digest(pre[0]) == current
    back = run_cli(db, "restore", str(pre[0]), "--yes")  # undo the restore from its backup
    assert back.status == 0, back.err
    assert db_digest(db) == current


def test_restore_refuses_without_a_verified_backup(tmp_path: Path) -> None:
    db = tmp_path / "data" / "studyplanner.sqlite3"
    db.parent.mkdir()
    db.write_bytes(b"not a database" * 100)
    result = run_cli(db, "restore", "--latest", "--yes")
    assert result.status == 2
    assert result.err.count("\n") == 1
    assert "no verified backup" in result.err and "nothing was changed" in result.err
    assert db.read_bytes() == b"not a database" * 100
    assert run_cli(db, "backups").out.startswith("no verified backup")


def test_restore_asks_for_confirmation(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli(db, "log", "1", "30", "--on", "2026-01-08").status == 0
    current = db_digest(db)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: never confirmed
    refused = run_cli(db, "restore", "--latest")
    assert refused.status == 2 and "--yes" in refused.err
    assert db_digest(db) == current

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    assert run_cli(db, "restore", "--latest").status == 2
    assert db_digest(db) == current
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert run_cli(db, "restore", "--latest").status == 0
    assert db_digest(db) != current


def test_restore_usage_errors_and_a_rejected_file(db: Path, tmp_path: Path) -> None:
    before = db_digest(db)
    both = run_cli(db, "restore", "1", "--latest", "--yes")
    assert both.status == 2 and "either BACKUP or --latest" in both.err
    neither = run_cli(db, "restore", "--yes")
    assert neither.status == 2
    missing = run_cli(db, "restore", "99", "--yes")
    assert missing.status == 2 and "no backup number 99" in missing.err
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    rejected = run_cli(db, "restore", str(other), "--yes")
    assert rejected.status == 2 and "cannot be restored" in rejected.err
    assert rejected.err.count("\n") == 1
    assert db_digest(db) == before


def test_restore_while_the_data_is_open_elsewhere_changes_nothing(db: Path) -> None:
    holder = open_database(db)
    try:
        result = run_cli(db, "restore", "--latest", "--yes")
    finally:
        holder.close()
    assert result.status == 2 and "in use" in result.err


def test_help_has_an_example_for_each_new_command(capsys: pytest.CaptureFixture[str]) -> None:
    top = cli.build_parser().format_help()
    assert "studyplanner backups" in top and "studyplanner restore --latest --yes" in top
    for name, example in (("backups", "studyplanner backups"), ("restore", "restore 2 --yes")):
        with pytest.raises(SystemExit) as exited:
            cli.build_parser().parse_args([name, "--help"])
        assert exited.value.code == 0
        assert example in capsys.readouterr().out
