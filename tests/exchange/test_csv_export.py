"""CSV exports: formula escaping (REL-SEC-01), numeric columns, atomic 0600 files, round trip."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner import exchange
from studyplanner.services import StudyPlanner
from studyplanner.store import repository as repo
from tests.exchange.conftest import EXCHANGE, START, PlannerFactory

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
FIXED_VECTORS = [
    "=CMD|'/C calc'!A0",
    '=HYPERLINK("http://x","y")',
    "@SUM(1)",
    "+1",
    "-1+1",
    "\t=1",
]


def parse(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def assert_safe(data: bytes, numeric: frozenset[str]) -> list[dict[str, str]]:
    rows = parse(data)
    header = next(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert not any(h.startswith(DANGEROUS) for h in header)
    for row in rows:
        for column, value in row.items():
            if column in numeric:
                assert value == "" or value.isdigit(), (column, value)
            else:
                assert not value.startswith(DANGEROUS), (column, value)
    return rows


@pytest.mark.parametrize("text", FIXED_VECTORS)
def test_fixed_vectors_get_a_leading_quote(planner: StudyPlanner, text: str) -> None:
    module = planner.modules()[0]
    planner.update_module(module.id, name=text.strip())
    planner.log_session(module.id, 30, on=START, note=text)
    planner.add_mock(text.strip(), taken_on=START, correct=1, total=2)
    rows = assert_safe(exchange.sessions_csv(planner), exchange.SESSION_NUMERIC_COLUMNS)
    assert rows[0]["note"] == "'" + text
    assert rows[0]["module"] == "'" + text.strip()
    assert rows[0]["minutes"] == "30"
    mocks = assert_safe(exchange.mocks_csv(planner), exchange.MOCK_NUMERIC_COLUMNS)
    assert mocks[0]["name"] == "'" + text.strip()
    assert (mocks[0]["correct"], mocks[0]["total"]) == ("1", "2")


@pytest.mark.parametrize(
    "text",
    ["", "plain", "'", "''", "'=", "'x", "=1", "'=1", "''=1", "-", "a=b", "\r\n=", "'\t"],
)
def test_escape_is_reversible(text: str) -> None:
    escaped = exchange.escape_cell(text)
    assert not escaped.startswith(DANGEROUS)
    assert exchange.unescape_cell(escaped) == text


@given(st.text(max_size=40))
@settings(EXCHANGE, max_examples=1000)
def test_escape_property(text: str) -> None:
    escaped = exchange.escape_cell(text)
    assert not escaped.startswith(DANGEROUS)
    assert exchange.unescape_cell(escaped) == text
    if not text.startswith((*DANGEROUS, "'")):
        assert escaped == text


names = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)
notes = st.one_of(
    st.sampled_from([*FIXED_VECTORS, "=1+1", "-5 min", "@home", "\r=1", "a\tb\nc", "'=x", ""]),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=60),
)


@given(module_name=names, mock_name=names, session_notes=st.lists(notes, min_size=1, max_size=4))
@settings(EXCHANGE, max_examples=300)
def test_no_exported_text_cell_starts_a_formula(
    planner: StudyPlanner, module_name: str, mock_name: str, session_notes: list[str]
) -> None:
    module = planner.modules()[1]
    plan = planner.require_plan()
    ids = [repo.new_uuid() for _ in session_notes]
    mock_id = repo.new_uuid()
    previous = [x.id for x in planner.sessions()], [x.id for x in planner.mocks()]
    with planner.db.session() as s:  # one transaction per example keeps 300 examples fast
        for session_id in previous[0]:
            repo.delete_session(s, session_id)
        for old_mock in previous[1]:
            repo.delete_mock(s, old_mock)
        repo.update_module(s, module.id, name=module_name.strip())
        for day, (note, uid) in enumerate(zip(session_notes, ids, strict=True)):
            started = dt.datetime.combine(START, dt.time(12), dt.UTC) + dt.timedelta(days=day)
            repo.add_session(
                s,
                module_id=module.id,
                started_at=started,
                zone="UTC",
                local_date=started.date(),
                minutes=1,
                source="manual",
                note=note,
                uuid=uid,
            )
        repo.add_mock(
            s,
            plan_id=plan.id,
            name=mock_name.strip(),
            taken_on=START,
            correct=3,
            total=4,
            minutes=None,
            topic_module_id=module.id,
            domain_scores={},
            uuid=mock_id,
        )
    sessions = assert_safe(exchange.sessions_csv(planner), exchange.SESSION_NUMERIC_COLUMNS)
    assert [r["uuid"] for r in sessions] == ids
    assert [exchange.unescape_cell(r["note"]) for r in sessions] == session_notes
    assert {exchange.unescape_cell(r["module"]) for r in sessions} == {module_name.strip()}
    mocks = assert_safe(exchange.mocks_csv(planner), exchange.MOCK_NUMERIC_COLUMNS)
    [mock] = mocks
    assert mock["uuid"] == mock_id
    assert exchange.unescape_cell(mock["name"]) == mock_name.strip()
    assert mock["topic_position"] == str(module.position)


def test_sessions_csv_columns_and_order(planner: StudyPlanner) -> None:
    m = planner.modules()
    planner.log_session(m[3].id, 45, on=dt.date(2019, 2, 16), at=dt.time(19, 5), note="x")
    planner.log_session(m[0].id, 90, on=dt.date(2019, 1, 19), at=dt.time(8, 0))
    data = exchange.sessions_csv(planner)
    assert data.startswith(b"uuid,local_date,local_time,zone,started_at_utc,minutes,")
    assert b"\r\n" in data and not data.startswith(b"\xef\xbb\xbf")
    rows = parse(data)
    assert [r["local_date"] for r in rows] == ["2019-01-19", "2019-02-16"]
    assert rows[1] | {"uuid": ""} == {
        "uuid": "",
        "local_date": "2019-02-16",
        "local_time": "19:05:00",
        "zone": "Europe/Berlin",
        "started_at_utc": "2019-02-16T18:05:00Z",
        "minutes": "45",
        "module_position": "4",
        "module": "DynamoDB",
        "source": "manual",
        "note": "x",
    }


def test_mocks_csv_has_two_numeric_columns_per_domain(planner: StudyPlanner) -> None:
    planner.add_mock(
        "Test 1",
        taken_on=dt.date(2019, 3, 16),
        correct=44,
        total=65,
        minutes=120,
        domain_counts={"Security": (11, 17), "Deployment": (9, 14)},
    )
    rows = parse(exchange.mocks_csv(planner))
    assert rows[0]["Security correct"] == "11" and rows[0]["Security total"] == "17"
    assert rows[0]["Deployment correct"] == "9"
    assert rows[0]["Troubleshooting and Optimization total"] == ""
    assert (rows[0]["minutes"], rows[0]["topic"], rows[0]["topic_position"]) == ("120", "", "")


def test_export_files_are_atomic_and_private(planner: StudyPlanner, tmp_path: Path) -> None:
    planner.log_session(planner.modules()[0].id, 30, on=START)
    old_umask = os.umask(0)
    try:
        target = tmp_path / "out.csv"
        target.write_text("old")
        assert exchange.export_sessions_csv(planner, target) == 1
        assert exchange.export_mocks_csv(planner, tmp_path / "m.csv") == 0
        assert exchange.export_json(planner, tmp_path / "b.json") == 1
        assert exchange.export_ical(planner, tmp_path / "p.ics") == 15
    finally:
        os.umask(old_umask)
    for name in ("out.csv", "m.csv", "b.json", "p.ics"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    assert target.read_bytes() == exchange.sessions_csv(planner)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_export_refuses_the_database_and_missing_folders(
    planner: StudyPlanner, tmp_path: Path
) -> None:
    with pytest.raises(exchange.ExportError, match="database itself"):
        exchange.export_json(planner, planner.db.path)
    with pytest.raises(exchange.ExportError, match="does not exist"):
        exchange.export_sessions_csv(planner, tmp_path / "missing" / "x.csv")
    with pytest.raises(exchange.ExportError, match="folder"):
        exchange.export_ical(planner, tmp_path)


def test_csv_round_trip_into_a_plan_without_sessions(make_planner: PlannerFactory) -> None:
    source = make_planner()
    m = source.modules()
    texts = ["=1+1", "-5 min", "@home", "a\tb", "line\nbreak", "עברית", "😀", "'=x", ""]
    for day, text in enumerate(texts):
        source.log_session(m[day % 8].id, 20 + day, on=START + dt.timedelta(days=day), note=text)
    source.start_timer(m[2].id)
    target = make_planner()
    result = exchange.import_sessions(target, exchange.sessions_csv(source))
    assert (result.n, result.already_present) == (len(texts), 0)

    def key(planner: StudyPlanner) -> list[tuple[object, ...]]:
        return sorted(
            (s.uuid, s.module_name, s.started_at, s.zone, s.local_date, s.minutes, s.source, s.note)
            for s in planner.sessions()
        )

    assert key(target) == key(source)
    again = exchange.import_sessions(target, exchange.sessions_csv(source))
    assert (again.n, again.already_present) == (0, len(texts))
