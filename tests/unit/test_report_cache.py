"""The cached inputs of ``report_with_history`` (issue #7 (d)) never change a figure.

``StudyPlanner`` keeps the aggregates it read for the last report; logging a session applies its
delta to them, any other write (through the services or not) makes the next report read the
database again.  The oracle is a fresh ``StudyPlanner`` on the same database, which has no cache:
after random sequences of writes and reports, the cached inputs equal freshly loaded ones and the
report and its EV history equal the fresh planner's, exactly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.services import StudyPlanner, ValidationError, report_to_json
from studyplanner.store import repository as repo
from studyplanner.store.db import open_database
from tests.conftest import NOTES_FILE

D = dt.date
START = D(2019, 1, 18)
NOW = dt.datetime(2019, 9, 1, 12, 0, tzinfo=dt.UTC)
AS_OFS = (START + dt.timedelta(days=60), START + dt.timedelta(days=100))


def _open(folder: Path) -> StudyPlanner:
    db = open_database(folder / "db.sqlite3")
    planner = StudyPlanner(db, clock=lambda: NOW, zone="UTC")
    planner.import_notes_file(NOTES_FILE, start=START, profile="DVA-C01")
    return planner


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[StudyPlanner]:
    planner = _open(tmp_path)
    yield planner
    planner.db.close()


def _fresh(planner: StudyPlanner) -> StudyPlanner:
    """A planner over the same database with nothing cached."""
    return StudyPlanner(planner.db, clock=planner.clock, zone=planner.zone_name)


def assert_matches_fresh(planner: StudyPlanner, as_of: dt.date) -> None:
    """The cached inputs (as they stand now) equal freshly read ones, and the report with its
    history equals a fresh planner's."""
    cached = planner._inputs
    fresh = _fresh(planner)
    report, history = planner.report_with_history(as_of)
    expected_report, expected_history = fresh.report_with_history(as_of)
    assert report == expected_report
    assert report_to_json(report) == report_to_json(expected_report)
    assert history == expected_history
    assert history == fresh.earned_value_history(as_of)
    if cached is not None and cached.as_of == as_of:
        loaded = fresh._report_inputs(cached.plan, as_of)
        if cached.token == loaded.token:  # still current: it is what a read would give
            assert cached.modules == loaded.modules
            assert cached.totals == loaded.totals
            assert list(cached.totals.by_day) == sorted(cached.totals.by_day)
            assert cached.weeks == loaded.weeks
            assert cached.statements == loaded.statements
            assert cached.mocks == loaded.mocks


_op = st.one_of(
    st.tuples(st.just("log"), st.integers(0, 40), st.integers(-20, 130), st.integers(1, 120)),
    st.tuples(st.just("edit"), st.integers(0, 1000), st.integers(-20, 130), st.integers(1, 90)),
    st.tuples(st.just("delete"), st.integers(0, 1000), st.just(0), st.just(0)),
    st.tuples(st.just("progress"), st.integers(0, 40), st.integers(-10, 130), st.integers(0, 100)),
    st.tuples(st.just("mock"), st.integers(0, 40), st.integers(-5, 130), st.integers(0, 50)),
    st.tuples(st.just("raw"), st.integers(0, 40), st.integers(-20, 130), st.integers(1, 60)),
    st.tuples(st.just("report"), st.integers(0, 1), st.just(0), st.just(0)),
)


def _apply(planner: StudyPlanner, op: tuple[str, int, int, int]) -> None:
    kind, pick, offset, amount = op
    modules = planner.modules()
    module = modules[pick % len(modules)]
    day = START + dt.timedelta(days=offset)
    if kind == "log":
        planner.log_session(module.id, amount, on=day)
    elif kind in ("edit", "delete"):
        sessions = planner.sessions()
        if not sessions:
            return
        chosen = sessions[pick % len(sessions)]
        if kind == "edit":
            planner.update_session(chosen.id, minutes=amount, on=day)
        else:
            planner.delete_session(chosen.id)
    elif kind == "progress":
        planner.record_progress(module.id, percent=float(amount), on=day)
    elif kind == "mock":
        topic = module.id if pick % 2 else None
        planner.add_mock("mock", taken_on=day, correct=amount, total=50, topic_module_id=topic)
    elif kind == "raw":  # a write that bypasses the services (as the importers' may)
        with planner.db.session() as s:
            repo.add_session(
                s,
                module_id=module.id,
                started_at=dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC),
                zone="UTC",
                local_date=day,
                minutes=amount,
                source="manual",
                note="",
                uuid=None,
            )
    else:
        assert_matches_fresh(planner, AS_OFS[pick])


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ops=st.lists(_op, max_size=40))
def test_cached_report_equals_a_fresh_one_after_random_writes(
    ops: list[tuple[str, int, int, int]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        planner = _open(Path(folder))
        try:
            planner.report_with_history(AS_OFS[0])  # fill the cache first
            for op in ops:
                with contextlib.suppress(ValidationError):  # e.g. a day over 1440 minutes
                    _apply(planner, op)
            for as_of in AS_OFS:
                assert_matches_fresh(planner, as_of)
        finally:
            planner.db.close()


def _count_log_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = repo.session_totals_by_week

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(repo, "session_totals_by_week", counting)
    return calls


def test_a_logged_session_is_applied_without_reading_the_log(
    planner: StudyPlanner, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_log_reads(monkeypatch)
    module = planner.modules()[1]
    as_of = AS_OFS[1]
    planner.report_with_history(as_of)
    assert len(calls) == 1
    for offset in (99, 99, 95, 40, -3, 100, 150):  # this week, earlier weeks, before, after
        planner.log_session(module.id, 25, on=START + dt.timedelta(days=offset))
        planner.report_with_history(as_of)
    assert len(calls) == 1  # every session applied as a delta
    assert_matches_fresh(planner, as_of)


def test_other_writes_drop_the_cache(
    planner: StudyPlanner, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = planner.modules()[0]
    as_of = AS_OFS[0]
    planner.report_with_history(as_of)
    calls = _count_log_reads(monkeypatch)
    session = planner.log_session(module.id, 30, on=START + dt.timedelta(days=10))
    planner.report_with_history(as_of)
    assert calls == []  # applied as a delta
    planner.update_session(session.id, minutes=45)
    planner.report_with_history(as_of)
    assert calls == [1]  # an edit: read again
    planner.report_with_history(AS_OFS[1])
    assert calls == [1, 1]  # another as-of date
    planner.report_with_history(AS_OFS[1])
    assert calls == [1, 1]
    planner.record_progress(module.id, percent=50.0, on=START + dt.timedelta(days=20))
    planner.report_with_history(AS_OFS[1])
    assert calls == [1, 1, 1]
    assert_matches_fresh(planner, AS_OFS[1])


def test_reports_on_a_worker_thread_while_sessions_are_logged(planner: StudyPlanner) -> None:
    as_of = AS_OFS[1]
    module = planner.modules()[2]
    planner.report_with_history(as_of)
    stop = threading.Event()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            while not stop.is_set():
                planner.report_with_history(as_of)
        except BaseException as exc:  # reported to the main thread below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    try:
        for offset in range(40):
            planner.log_session(module.id, 5 + offset, on=START + dt.timedelta(days=offset + 60))
    finally:
        stop.set()
        worker.join()
    assert errors == []
    assert_matches_fresh(planner, as_of)
