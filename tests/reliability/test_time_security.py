"""Time and security at the store/service level: REL-TIME-01/03, REL-SEC-03 (b, c), REL-VAL-02.

REL-SEC-02 (file modes) is in tests/store/test_db.py.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from studyplanner import services
from studyplanner.store import db as store_db
from tests.reliability.harness import REPO, isolated_env

pytestmark = pytest.mark.reliability

DB_NAME = "studyplanner.sqlite3"


class _Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.mark.parametrize(
    ("start_utc", "end_utc", "minutes"),
    [
        # 01:30 -> 03:30 Europe/Berlin on the spring-forward day: one real hour.
        (
            dt.datetime(2024, 3, 31, 0, 30, tzinfo=dt.UTC),
            dt.datetime(2024, 3, 31, 1, 30, tzinfo=dt.UTC),
            60,
        ),
        # 01:30 -> 03:30 Europe/Berlin on the fall-back day: three real hours.
        (
            dt.datetime(2024, 10, 26, 23, 30, tzinfo=dt.UTC),
            dt.datetime(2024, 10, 27, 2, 30, tzinfo=dt.UTC),
            180,
        ),
    ],
)
def test_rel_time_01_dst_durations(
    tmp_path: Path, start_utc: dt.datetime, end_utc: dt.datetime, minutes: int
) -> None:
    berlin = __import__("zoneinfo").ZoneInfo("Europe/Berlin")
    local_start, local_end = start_utc.astimezone(berlin), end_utc.astimezone(berlin)
    assert (local_start.hour, local_start.minute, local_end.hour, local_end.minute) == (
        1,
        30,
        3,
        30,
    )
    assert local_end.replace(tzinfo=berlin) - local_start.replace(tzinfo=berlin) == dt.timedelta(
        hours=2
    )  # the trap: same-tzinfo subtraction says 2 h on both days
    clock = _Clock(start_utc)
    db = store_db.open_database(tmp_path / "data" / DB_NAME)
    try:
        planner = services.StudyPlanner(db, clock=clock, zone="Europe/Berlin")
        planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 3, 1))
        module = planner.modules()[0].id
        planner.start_timer(module)
        clock.now = end_utc
        timed = planner.stop_timer()
        assert timed is not None and timed.minutes == minutes
        assert timed.local_date == local_start.date()
        entered = planner.log_session(module, minutes, on=local_start.date(), at=dt.time(0, 5))
        assert entered.minutes == minutes
    finally:
        db.close()


TZ_SCRIPT = textwrap.dedent(
    """
    import datetime as dt, json, sys
    from pathlib import Path
    from studyplanner import services
    from studyplanner.store.db import open_database
    db = open_database(Path(sys.argv[1]))
    planner = services.StudyPlanner(db, clock=lambda: dt.datetime(2024, 6, 20, 12, tzinfo=dt.UTC))
    if sys.argv[2] == "log":
        planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 6, 1))
        module = planner.modules()[0].id
        for day in range(2, 9):
            planner.log_session(module, 45, on=dt.date(2024, 6, day), at=dt.time(23, 30))
            planner.log_session(module, 15, on=dt.date(2024, 6, day), at=dt.time(0, 10))
    sessions = planner.sessions()
    days = sorted({s.local_date for s in sessions})
    print(json.dumps({
        "zone": planner.zone_name,
        "dates": sorted([s.uuid, s.local_date.isoformat()] for s in sessions),
        "daily": {d.isoformat(): planner.minutes_on(d) for d in days},
        "report_daily": {
            d.isoformat(): m for d, m in sorted(planner.report().daily_minutes.items())
        },
    }))
    db.close()
    """
)


def test_rel_time_03_time_zone_change_between_runs(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME

    def run(zone: str, action: str) -> dict[str, object]:
        done = subprocess.run(
            [sys.executable, "-c", TZ_SCRIPT, str(path), action],
            capture_output=True,
            text=True,
            env=isolated_env(tmp_path, TZ=zone),
            cwd=REPO,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        result: dict[str, object] = json.loads(done.stdout)
        return result

    los_angeles = run("America/Los_Angeles", "log")
    tokyo = run("Asia/Tokyo", "read")
    assert (los_angeles["zone"], tokyo["zone"]) == ("America/Los_Angeles", "Asia/Tokyo")
    assert tokyo["dates"] == los_angeles["dates"]
    assert tokyo["daily"] == los_angeles["daily"]
    assert tokyo["report_daily"] == los_angeles["report_daily"]
    daily = los_angeles["daily"]
    assert isinstance(daily, dict) and len(daily) == 7 and set(daily.values()) == {60}


NETWORK_SCRIPT = textwrap.dedent(
    """
    import datetime as dt, json, sys
    events = []
    def hook(event, args):
        if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname"):
            events.append(event)
    sys.addaudithook(hook)
    from pathlib import Path
    from studyplanner import exchange, services
    from studyplanner.store import recovery
    from studyplanner.store.db import open_database
    path = Path(sys.argv[1])
    db = open_database(path)
    planner = services.StudyPlanner(db, clock=lambda: dt.datetime(2024, 6, 20, 12, tzinfo=dt.UTC))
    planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 6, 1))
    module = planner.modules()[0].id
    for n in range(20):
        planner.log_session(module, 30, on=dt.date(2024, 6, 2 + n % 10), at=dt.time(n, 0))
    planner.add_mock("Test 1", taken_on=dt.date(2024, 6, 15), correct=40, total=65)
    planner.report()
    exported = path.parent / "sessions.csv"
    exchange.export_sessions_csv(planner, exported)
    exchange.import_sessions(planner, exported)
    made = db.backup("manual", only_if_changed=False)
    db.close()
    recovery.restore_backup(path, made)
    open_database(path).close()
    banned = ["urllib.request", "http.client", "requests", "PySide6.QtNetwork"]
    # SQLAlchemy imports asyncio, which imports ssl; nothing else may bring it in.
    if "ssl" in sys.modules and "asyncio.sslproto" not in sys.modules:
        banned.append("ssl")
    print(json.dumps({"events": events, "modules": [m for m in banned if m in sys.modules]}))
    """
)


def test_rel_sec_03_no_network_in_a_scripted_session(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", NETWORK_SCRIPT, str(tmp_path / "data" / DB_NAME)],
        capture_output=True,
        text=True,
        env=isolated_env(tmp_path),
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result == {"events": [], "modules": []}


# -- REL-VAL-02: the DB layer rejects the section 3.8 values by itself -------------------------


def _case(table: str, column: str, value: object) -> object:
    return pytest.param(table, column, value, id=f"{table}.{column}={value!r:.24}")


REJECTS = [
    *(
        _case("study_session", "minutes", v)
        for v in (
            -1,
            0,
            1441,
            10**9,
            3.5,
            math.nan,
            math.inf,
            "",
            " ",
            "abc",
            "1_000",
            "٣٠",
            "１２",
        )
    ),
    *(_case("study_session", "local_date", v) for v in ("9999-12-31", "0001-01-01")),
    *(
        _case("study_session", "local_date", v)
        for v in ("2023-02-29", "2024-13-01", "2024-04-31", "2024-06-00", "2024-6-2 ", "2024/06/02")
    ),
    *(
        _case("study_session", column, v)
        for column in ("started_at", "created_at")
        for v in (
            "9999-12-31T00:00:00.000000Z",
            "1969-12-31T23:59:59.999999Z",
            "2024-06-02T10:00:00Z",
            "2024-06-02 10:00:00.000000Z",
            "2024-06-02T10:00:00.000000+00:00",
            "2024-06-02T24:00:00.000000Z",
            "2024-06-02T10:60:00.000000Z",
            "2023-02-29T10:00:00.000000Z",
            "2024-06-02T10:00:00.00000xZ",
            "",
        )
    ),
    _case("study_session", "note", "x" * 10_001),
    _case("study_session", "note", "a\x00b"),
    *(_case("mock_test", "total", v) for v in (0, -5, math.nan)),
    *(_case("mock_test", "correct", v) for v in (-1, 66, math.nan)),
    _case("plan", "exam_date", "9999-01-01"),
    *(_case("plan", "weekly_budget_hours", v) for v in (0, -1, 112.5, math.nan)),
    *(_case("plan", "name", v) for v in ("", "   ", "x" * 201, "a\x00b")),
    *(_case("plan", "name", v) for v in ("\t", "a\x01b", "line\nbreak", "a\x7fb", "a\x85b")),
    _case("plan", "start_date", "2023-02-29"),
    _case("plan", "created_at", "2024-06-01"),
    _case("module", "name", "a\x1fb"),
    _case("mock_test", "name", "Mock\r"),
    _case("mock_test", "taken_on", "2024-02-30"),
]

# Values next to the refused ones that must still be accepted.
ACCEPTS = [
    *(_case("study_session", "local_date", v) for v in ("2024-02-29", "2000-01-01")),
    *(
        _case("study_session", "started_at", v)
        for v in ("1999-12-31T10:00:00.000000Z", "2024-06-02T23:59:59.999999Z")
    ),
    *(_case("plan", "name", v) for v in ("Grüße, 東京 ✓", "a-b [x] *?", "a\xa0b")),
    _case("module", "name", "Naïve ‘quotes’ — dash"),
]

GOOD_ROWS: dict[str, Callable[[sqlite3.Connection], dict[str, object]]] = {
    "study_session": lambda c: {
        "uuid": "00000000-0000-0000-0000-00000000beef",
        "module_id": c.execute("SELECT min(id) FROM module").fetchall()[0][0],
        "started_at": "2024-06-02T10:00:00.000000Z",
        "zone": "UTC",
        "local_date": "2024-06-02",
        "minutes": 30,
        "source": "manual",
        "note": "",
        "created_at": "2024-06-02T10:30:00.000000Z",
    },
    "mock_test": lambda c: {
        "uuid": "00000000-0000-0000-0000-00000000cafe",
        "plan_id": 1,
        "name": "Mock",
        "taken_on": "2024-06-10",
        "correct": 40,
        "total": 65,
        "created_at": "2024-06-10T10:00:00.000000Z",
    },
    "plan": lambda c: {
        "name": "Plan",
        "start_date": "2024-06-01",
        "exam_date": "2024-08-01",
        "profile_id": 1,
        "effort_multiplier": 1.2,
        "weekly_budget_hours": 5.0,
        "pass_mark": 0.72,
        "notes_text": "",
        "created_at": "2024-06-01T00:00:00.000000Z",
    },
    "module": lambda c: {
        "plan_id": 1,
        "position": 99,
        "name": "Reading",
        "kind": "reading",
        "effort_hours": 2.0,
        "weeks": 1.0,
        "note": "",
    },
}


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("val") / "data" / DB_NAME
    db = store_db.open_database(path)
    planner = services.StudyPlanner(
        db, clock=lambda: dt.datetime(2024, 6, 20, tzinfo=dt.UTC), zone="UTC"
    )
    planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 6, 1))
    db.close()
    return path


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, object]) -> None:
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))


@pytest.mark.parametrize("table", sorted(GOOD_ROWS))
def test_rel_val_02_the_good_rows_are_accepted(filled: Path, table: str) -> None:
    conn = sqlite3.connect(filled, isolation_level=None)
    try:
        conn.execute("BEGIN")
        _insert(conn, table, GOOD_ROWS[table](conn))
        conn.execute("ROLLBACK")
    finally:
        conn.close()


@pytest.mark.parametrize(("table", "column", "value"), ACCEPTS)
def test_rel_val_02_raw_inserts_of_good_values_next_to_bad_ones_pass(
    filled: Path, table: str, column: str, value: object
) -> None:
    conn = sqlite3.connect(filled, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        row = GOOD_ROWS[table](conn)
        row[column] = value
        _insert(conn, table, row)
        conn.execute("ROLLBACK")
    finally:
        conn.close()


@pytest.mark.parametrize(("table", "column", "value"), REJECTS)
def test_rel_val_02_raw_inserts_of_bad_values_fail(
    filled: Path, table: str, column: str, value: object
) -> None:
    conn = sqlite3.connect(filled, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        row = GOOD_ROWS[table](conn)
        row[column] = value
        with pytest.raises((sqlite3.IntegrityError, sqlite3.DataError)):
            _insert(conn, table, row)
        conn.execute("ROLLBACK")
    finally:
        conn.close()
