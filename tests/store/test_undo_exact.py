"""Undo puts the database back exactly: a module delete, a mock test edit and a mock test delete
(services level).

The digest is tests/helpers.py's ``db_digest``: every row of every table, ids included.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import pickle
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyplanner.domain.records import MockInfo, ModuleInfo
from studyplanner.services import MockRecord, ModuleRecord, StudyPlanner, ValidationError
from studyplanner.store.db import open_database
from tests.conftest import NOTES_FILE
from tests.helpers import db_digest

NOW = dt.datetime(2024, 3, 20, 12, 0, tzinfo=dt.UTC)
START = dt.date(2024, 3, 4)
REPO = Path(__file__).resolve().parents[2]


def make_planner(path: Path) -> StudyPlanner:
    return StudyPlanner(open_database(path, backup_on_start=False), clock=lambda: NOW, zone="UTC")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "db.sqlite3"


@pytest.fixture
def planner(db_path: Path) -> Iterator[StudyPlanner]:
    made = make_planner(db_path)
    made.import_notes_file(NOTES_FILE, start=START)
    yield made
    made.db.close()


def count(planner: StudyPlanner, sql: str, *args: object) -> int:
    with planner.db.raw_connection() as conn:
        return int(conn.execute(sql, args).fetchone()[0])


def with_rowids(planner: StudyPlanner) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table with its rowid (``db_digest`` orders by content, not rowid)."""
    with planner.db.raw_connection() as conn:
        names = [
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            n: conn.execute(f'SELECT rowid, * FROM "{n}" ORDER BY rowid').fetchall() for n in names
        }


def digest(planner: StudyPlanner) -> str:
    """``db_digest`` of the planner's file: the database is closed for it and opened again (the
    process holds it exclusively while open)."""
    path = planner.db.path
    planner.db.close()
    try:
        return db_digest(path)
    finally:
        planner.db = open_database(path, backup_on_start=False)


def furnish(planner: StudyPlanner) -> ModuleInfo:
    """Give a middle module everything that hangs on a module; return it."""
    module = planner.modules()[2]
    other = planner.modules()[0]
    planner.log_session(module.id, 45, on=dt.date(2024, 3, 5), note="first")
    planner.log_session(module.id, 30, on=dt.date(2024, 3, 6))
    planner.log_session(other.id, 20, on=dt.date(2024, 3, 6))
    planner.record_progress(module.id, percent=40, on=dt.date(2024, 3, 5))
    planner.record_progress(module.id, done=True, on=dt.date(2024, 3, 7))
    planner.record_progress(other.id, percent=10, on=dt.date(2024, 3, 7))
    planner.add_mock(
        "quiz", taken_on=dt.date(2024, 3, 8), correct=7, total=10, topic_module_id=module.id
    )
    names = planner.require_plan().profile.domain_names()
    planner.add_mock(
        "exam", taken_on=dt.date(2024, 3, 9), correct=40, total=65, domain_counts={names[0]: (8, 9)}
    )
    planner.freeze_baseline()
    planner.start_timer(module.id)
    return module


def test_module_delete_and_undo_restore_the_database_exactly(planner: StudyPlanner) -> None:
    module = furnish(planner)
    # Check that every kind of row the delete touches is there (else the test proves little).
    where_module = [
        ("progress", "module_id"),
        ("study_session", "module_id"),
        ("module_domain", "module_id"),
        ("running_timer", "module_id"),
        ("mock_test", "topic_module_id"),
        ("baseline_module", "module_id"),
    ]
    for table, column in where_module:
        assert count(planner, f"SELECT count(*) FROM {table} WHERE {column} = ?", module.id) > 0
    profiles = count(
        planner,
        "SELECT count(DISTINCT d.profile_id) FROM module_domain m"
        " JOIN exam_domain d ON d.id = m.domain_id WHERE m.module_id = ?",
        module.id,
    )
    assert profiles > 1, "shares under other profiles than the plan's"

    before = digest(planner)
    stored = with_rowids(planner)
    record = planner.delete_module(module.id)
    deleted = digest(planner)
    assert deleted != before
    assert module.id not in [m.id for m in planner.modules()]
    assert [m.position for m in planner.modules()] == list(range(1, len(planner.modules()) + 1))
    assert planner.timer() is None
    for table, column in where_module[:4]:
        assert count(planner, f"SELECT count(*) FROM {table} WHERE {column} = ?", module.id) == 0

    restored = planner.restore_module(record)
    assert restored == module
    assert digest(planner) == before
    assert with_rowids(planner) == stored

    again = planner.delete_module(module.id)  # redo
    assert digest(planner) == deleted
    assert again == record
    planner.restore_module(again)  # undo again
    assert digest(planner) == before


def test_restore_when_the_ids_were_taken_meanwhile(planner: StudyPlanner) -> None:
    """Rows added after the delete keep their ids; the restored rows get new ones."""
    last = planner.modules()[-1]
    planner.log_session(last.id, 25, on=dt.date(2024, 3, 5))
    planner.record_progress(last.id, percent=50, on=dt.date(2024, 3, 5))
    record = planner.delete_module(last.id)
    newcomer = planner.add_module("Newcomer", effort_hours=2, weeks=1)
    assert newcomer.id == last.id  # SQLite gave the freed id again
    other = planner.modules()[0]
    planner.log_session(other.id, 15, on=dt.date(2024, 3, 7))
    planner.start_timer(other.id)

    restored = planner.restore_module(record)
    assert restored.id != last.id
    assert (restored.name, restored.position, restored.shares) == (
        last.name,
        last.position,
        last.shares,
    )
    assert [s.minutes for s in planner.sessions(module_id=restored.id)] == [25]
    assert [s.minutes for s in planner.sessions(module_id=newcomer.id)] == []
    assert count(planner, "SELECT count(*) FROM progress WHERE module_id = ?", restored.id) == 1
    timer = planner.timer()
    assert timer is not None and timer.module_id == other.id  # the running timer is kept
    assert [m.name for m in planner.modules()][-2:] == [last.name, "Newcomer"]


def test_restore_into_another_plan_is_refused(planner: StudyPlanner) -> None:
    module = planner.modules()[0]
    record = planner.delete_module(module.id)
    planner.import_notes_file(NOTES_FILE, start=START)  # a new plan becomes the current one
    before = digest(planner)
    with pytest.raises(ValidationError, match="plan"):
        planner.restore_module(record)
    assert digest(planner) == before


def test_deleting_a_module_that_is_gone_is_refused(planner: StudyPlanner) -> None:
    module = planner.modules()[0]
    planner.delete_module(module.id)
    with pytest.raises(ValidationError, match="no longer exists"):
        planner.delete_module(module.id)


# -- mock tests ------------------------------------------------------------------------------


def exam(planner: StudyPlanner) -> MockInfo:
    names = planner.require_plan().profile.domain_names()
    return planner.add_mock(
        "Test 1",
        taken_on=dt.date(2024, 3, 15),
        correct=44,
        total=65,
        domain_counts={names[0]: (8, 9), names[1]: (20, 30)},
        minutes=130,
    )


def write(planner: StudyPlanner, mock_id: int, target: MockInfo) -> MockInfo:
    return planner.update_mock(
        mock_id,
        name=target.name,
        taken_on=target.taken_on,
        correct=target.correct,
        total=target.total,
        domain_counts=target.domain_counts,
        topic_module_id=target.topic_module_id,
        minutes=target.minutes,
    )


def test_mock_update_is_in_place_and_undo_restores_exactly(planner: StudyPlanner) -> None:
    names = planner.require_plan().profile.domain_names()
    original = exam(planner)
    before = digest(planner)
    edited = planner.update_mock(
        original.id,
        name="  Test 1 (retake) ",
        taken_on=dt.date(2024, 3, 16),
        correct=50,
        total=65,
        domain_counts={names[0]: (9, 9), names[2]: (5, 5)},
        minutes=None,
    )
    assert (edited.id, edited.uuid) == (original.id, original.uuid)
    assert (edited.name, edited.taken_on, edited.correct, edited.minutes) == (
        "Test 1 (retake)",
        dt.date(2024, 3, 16),
        50,
        None,
    )
    assert dict(edited.domain_counts) == {names[0]: (9, 9), names[2]: (5, 5)}
    assert planner.mocks() == [edited]
    after = digest(planner)
    assert after != before

    assert write(planner, original.id, original) == original  # undo
    assert digest(planner) == before
    write(planner, original.id, edited)  # redo
    assert digest(planner) == after


def test_mock_update_to_a_topic_quiz_and_back(planner: StudyPlanner) -> None:
    original = exam(planner)
    before = digest(planner)
    module = planner.modules()[3]
    quiz = planner.update_mock(
        original.id,
        name="quiz",
        taken_on=original.taken_on,
        correct=7,
        total=9,
        topic_module_id=module.id,
    )
    assert (quiz.topic_module_id, dict(quiz.domain_counts)) == (module.id, {})
    assert count(planner, "SELECT count(*) FROM mock_domain_score") == 0
    write(planner, original.id, original)
    assert digest(planner) == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"correct": 70}, "score"),
        ({"name": "   "}, "mock test name"),
        ({"taken_on": dt.date(2024, 4, 30)}, "date"),
        ({"minutes": 0}, "minutes"),
        ({"domain_counts": {"No such domain": (1, 2)}}, "domain"),
        ({"domain": (9, 60)}, "domain"),  # 9 + 60 questions > 65
        ({"domain": (40, 50)}, "domain"),  # 40 correct + 8 > 44
        ({"topic_module_id": 99_999, "domain_counts": {}}, "module"),
    ],
)
def test_refused_mock_update_writes_nothing(
    planner: StudyPlanner, change: dict[str, object], field: str
) -> None:
    original = exam(planner)
    names = planner.require_plan().profile.domain_names()
    values: dict[str, object] = {
        "name": original.name,
        "taken_on": original.taken_on,
        "correct": original.correct,
        "total": original.total,
        "domain_counts": dict(original.domain_counts),
        "minutes": original.minutes,
    }
    extra = change.pop("domain", None)
    values.update(change)
    if extra is not None:
        values["domain_counts"] = {names[0]: (8, 9), names[3]: extra}
    before = digest(planner)
    with pytest.raises(ValidationError) as refused:
        planner.update_mock(original.id, **values)  # type: ignore[arg-type]
    assert refused.value.field == field
    assert digest(planner) == before


def test_updating_a_deleted_mock_is_refused(planner: StudyPlanner) -> None:
    original = exam(planner)
    planner.delete_mock(original.id)
    before = digest(planner)
    with pytest.raises(ValidationError, match="no longer exists"):
        write(planner, original.id, original)
    assert digest(planner) == before


def test_mock_delete_and_restore_put_the_database_back_exactly(planner: StudyPlanner) -> None:
    furnish(planner)  # a topic quiz and an exam with a domain score before this one
    original = exam(planner)
    later = planner.add_mock("Test 2", taken_on=dt.date(2024, 3, 16), correct=30, total=65)
    assert count(planner, "SELECT count(*) FROM mock_domain_score WHERE mock_id = ?", original.id)
    before = digest(planner)
    stored = with_rowids(planner)

    record = planner.delete_mock(original.id)
    deleted = digest(planner)
    assert deleted != before
    assert original.id not in [m.id for m in planner.mocks()]
    assert (
        count(planner, "SELECT count(*) FROM mock_domain_score WHERE mock_id = ?", original.id) == 0
    )

    restored = planner.restore_mock(record)
    assert restored == original
    assert digest(planner) == before  # same id, uuid and creation instant
    assert with_rowids(planner) == stored
    assert [m.id for m in planner.mocks()][-2:] == [original.id, later.id]

    again = planner.delete_mock(original.id)  # redo
    assert again == record
    assert digest(planner) == deleted
    planner.restore_mock(again)  # undo again
    assert digest(planner) == before


def test_mock_restore_when_its_id_was_taken_meanwhile(planner: StudyPlanner) -> None:
    original = exam(planner)
    record = planner.delete_mock(original.id)
    newcomer = planner.add_mock("Newcomer", taken_on=dt.date(2024, 3, 17), correct=3, total=9)
    assert newcomer.id == original.id  # SQLite gave the freed id again
    restored = planner.restore_mock(record)
    assert restored.id != original.id
    assert dataclasses.replace(restored, id=original.id) == original
    assert planner.mocks() == [restored, newcomer]
    assert dict(newcomer.domain_counts) == {}
    created = "SELECT created_at FROM mock_test WHERE id = ?"
    with planner.db.raw_connection() as conn:
        assert conn.execute(created, (restored.id,)).fetchone()[0] == record.mock["created_at"]


def test_mock_restore_into_another_plan_is_refused(planner: StudyPlanner) -> None:
    record = planner.delete_mock(exam(planner).id)
    planner.import_notes_file(NOTES_FILE, start=START)  # a new plan becomes the current one
    before = digest(planner)
    with pytest.raises(ValidationError, match="plan"):
        planner.restore_mock(record)
    assert digest(planner) == before


def test_mock_restore_of_a_test_that_is_back_is_refused(planner: StudyPlanner) -> None:
    record = planner.delete_mock(exam(planner).id)
    planner.restore_mock(record)
    before = digest(planner)
    with pytest.raises(ValidationError, match="exists already"):
        planner.restore_mock(record)
    assert digest(planner) == before


def test_mock_restore_whose_topic_module_is_gone_is_refused(planner: StudyPlanner) -> None:
    module = planner.modules()[3]
    quiz = planner.add_mock(
        "quiz", taken_on=dt.date(2024, 3, 8), correct=7, total=10, topic_module_id=module.id
    )
    record = planner.delete_mock(quiz.id)
    planner.delete_module(module.id)
    before = digest(planner)
    with pytest.raises(ValidationError, match="no longer exists"):
        planner.restore_mock(record)
    assert digest(planner) == before


def test_deleting_a_mock_that_is_gone_is_refused(planner: StudyPlanner) -> None:
    original = exam(planner)
    planner.delete_mock(original.id)
    with pytest.raises(ValidationError, match="no longer exists"):
        planner.delete_mock(original.id)


# -- crash points: the new writes commit through Database.session (commit:before/after) -------

CRASHING_WRITE = textwrap.dedent(
    """
    import datetime as dt, pickle, sys
    from pathlib import Path
    from studyplanner.services import StudyPlanner
    from studyplanner.store.db import open_database

    planner = StudyPlanner(
        open_database(Path(sys.argv[1]), backup_on_start=False),
        clock=lambda: dt.datetime(2024, 3, 20, 12, tzinfo=dt.UTC),
        zone="UTC",
    )
    what, value = pickle.loads(Path(sys.argv[2]).read_bytes())
    if what == "restore":
        planner.restore_module(value)
    elif what == "restore mock":
        planner.restore_mock(value)
    else:
        planner.update_mock(value.id, name="changed", taken_on=value.taken_on, correct=1,
                            total=value.total, domain_counts={}, minutes=None)
    planner.db.close()
    """
)


def run_killed(db: Path, tmp_path: Path, what: str, value: object, point: str) -> None:
    job = tmp_path / "job.pickle"
    job.write_bytes(pickle.dumps((what, value)))
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_WRITE, str(db), str(job)],
        env={**_child_env(tmp_path), "STUDYPLANNER_CRASHPOINT": point},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


def _child_env(tmp_path: Path) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("STUDYPLANNER_")} | {
        "HOME": str(tmp_path / "home"),
        "STUDYPLANNER_HOME": str(tmp_path / "home" / "studyplanner"),
    }


@pytest.mark.parametrize("point", ["commit:before", "commit:after"])
def test_a_crash_in_a_restore_leaves_it_all_or_nothing(
    planner: StudyPlanner, db_path: Path, tmp_path: Path, point: str
) -> None:
    module = furnish(planner)
    before = digest(planner)
    record: ModuleRecord = planner.delete_module(module.id)
    deleted = digest(planner)
    planner.db.close()
    run_killed(db_path, tmp_path, "restore", record, point)
    planner.db = open_database(db_path, backup_on_start=False)  # recovers, as a start does
    assert digest(planner) == (deleted if point == "commit:before" else before)


@pytest.mark.parametrize("point", ["commit:before", "commit:after"])
def test_a_crash_in_a_mock_update_leaves_it_all_or_nothing(
    planner: StudyPlanner, db_path: Path, tmp_path: Path, point: str
) -> None:
    original = exam(planner)
    before = digest(planner)
    planner.db.close()
    run_killed(db_path, tmp_path, "update", original, point)
    planner.db = open_database(db_path, backup_on_start=False)
    if point == "commit:before":
        assert digest(planner) == before
    else:
        (found,) = planner.mocks()
        assert (found.id, found.name, found.correct, found.domain_counts) == (
            original.id,
            "changed",
            1,
            {},
        )


@pytest.mark.parametrize("point", ["commit:before", "commit:after"])
def test_a_crash_in_a_mock_restore_leaves_it_all_or_nothing(
    planner: StudyPlanner, db_path: Path, tmp_path: Path, point: str
) -> None:
    original = exam(planner)
    before = digest(planner)
    record: MockRecord = planner.delete_mock(original.id)
    deleted = digest(planner)
    planner.db.close()
    run_killed(db_path, tmp_path, "restore mock", record, point)
    planner.db = open_database(db_path, backup_on_start=False)
    assert digest(planner) == (deleted if point == "commit:before" else before)
