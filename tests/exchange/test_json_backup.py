"""The whole-database JSON backup: exact round trip (REL-IMP-05) and strict, named rejections."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner import exchange
from studyplanner.services import StudyPlanner, ValidationError
from tests.conftest import NOTES_FILE
from tests.exchange.conftest import EXCHANGE, START, PlannerFactory, session_count
from tests.helpers import live_digest

SPECIAL = [
    "=1+1",
    "-5 min",
    "@home",
    "a\tb",
    "line\nbreak\r\nx",
    "שלום עולם",
    "😀👩‍💻",
    "'=x",
    "\u202e",
]
names = st.one_of(
    st.sampled_from([s for s in SPECIAL if "\n" not in s and "\t" not in s]),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=40),
).filter(lambda s: s.strip() != "")
notes = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=80),
)
sessions = st.lists(
    st.tuples(
        st.integers(0, 7),
        st.integers(-30, 130),
        st.integers(1, 180),
        st.integers(0, 23),
        notes,
    ),
    max_size=8,
)
mocks = st.lists(
    st.tuples(
        names,
        st.integers(0, 130),
        st.integers(1, 65),
        st.booleans(),
        st.one_of(st.none(), st.integers(0, 7)),
    ),
    max_size=3,
)


def populate(
    planner: StudyPlanner,
    *,
    plan_name: str,
    renames: list[tuple[int, str, str]],
    logged: list[tuple[int, int, int, int, str]],
    tests: list[tuple[str, int, int, bool, int | None]],
    delete_first: bool,
    extras: bool,
) -> None:
    planner.set_plan(name=plan_name, pass_mark=0.7)
    modules = planner.modules()
    for index, name, note in renames:
        planner.update_module(modules[index].id, name=name, note=note)
    for index, offset, minutes, hour, note in logged:
        with contextlib.suppress(ValidationError):  # a day over 1440 min, a DST gap
            planner.log_session(
                modules[index].id,
                minutes,
                on=START + dt.timedelta(days=offset),
                at=dt.time(hour, 30),
                note=note,
            )
    domains = planner.require_plan().profile.domain_names()
    for name, offset, total, by_domain, topic in tests:
        counts = (
            {domains[0]: (total // 3, max(1, total // 2))} if by_domain and topic is None else {}
        )
        planner.add_mock(
            name,
            taken_on=START + dt.timedelta(days=offset),
            correct=total // 2,
            total=total,
            domain_counts=counts,
            topic_module_id=None if topic is None else modules[topic].id,
            minutes=90,
        )
    if delete_first and planner.sessions():
        planner.delete_session(planner.sessions()[-1].id)
    if extras:
        planner.record_progress(modules[0].id, percent=42.5, on=START)
        planner.record_progress(modules[1].id, position_seconds=600, on=START)
        planner.record_progress(modules[2].id, done=True, on=START)
        planner.freeze_baseline()
        planner.start_timer(modules[3].id)
        planner.pause_timer()


@given(
    plan_name=names,
    renames=st.lists(st.tuples(st.integers(0, 7), names, notes), max_size=3),
    logged=sessions,
    tests=mocks,
    delete_first=st.booleans(),
    extras=st.booleans(),
    second_plan=st.booleans(),
)
@settings(EXCHANGE, max_examples=30)
def test_backup_round_trips_to_an_equal_digest(
    make_planner: PlannerFactory,
    plan_name: str,
    renames: list[tuple[int, str, str]],
    logged: list[tuple[int, int, int, int, str]],
    tests: list[tuple[str, int, int, bool, int | None]],
    delete_first: bool,
    extras: bool,
    second_plan: bool,
) -> None:
    source = make_planner()
    if second_plan:
        source.log_session(source.modules()[0].id, 30, on=START)
        source.import_notes_file(NOTES_FILE, start=START + dt.timedelta(days=7), profile="DVA-C01")
    populate(
        source,
        plan_name=plan_name,
        renames=renames,
        logged=logged,
        tests=tests,
        delete_first=delete_first,
        extras=extras,
    )
    data = exchange.backup_json(source)
    target = make_planner(plan=False)
    result = exchange.import_json(target, data)
    assert result.n == session_count(source.db)
    assert live_digest(target.db) == live_digest(source.db)
    assert exchange.backup_json(target) == data
    again = exchange.import_json(target, data)
    assert (again.n, again.already_present) == (0, session_count(source.db))
    source.db.close()
    target.db.close()


def backup(planner: StudyPlanner) -> dict[str, Any]:
    planner.log_session(planner.modules()[3].id, 45, on=dt.date(2019, 2, 16), note="x")
    planner.add_mock("T", taken_on=START, correct=1, total=2, domain_counts={"Security": (1, 1)})
    return exchange.backup_document(planner)


def rejected(planner: StudyPlanner, data: bytes) -> tuple[str, ...]:
    before = live_digest(planner.db)
    with pytest.raises(exchange.ImportRejected) as caught:
        exchange.import_json(planner, data)
    assert live_digest(planner.db) == before
    assert exchange.preview_json(planner, data).problems
    return caught.value.messages


def session_path() -> str:
    return "$.plans[0].modules[3].sessions[0]"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d["plans"][0]["modules"][3]["sessions"][0].update(minutes=0), ".minutes: 0 is"),
        (
            lambda d: d["plans"][0]["modules"][3]["sessions"][0].update(minutes=2.5),
            ".minutes: must",
        ),
        (
            lambda d: d["plans"][0]["modules"][3]["sessions"][0].update(minutes=True),
            ".minutes: must",
        ),
        (lambda d: d["plans"][0]["modules"][3]["sessions"][0].pop("zone"), ".zone: is missing"),
        (lambda d: d["plans"][0]["modules"][3]["sessions"][0].update(zone="Mars/Base"), ".zone: "),
        (lambda d: d["plans"][0]["modules"][3]["sessions"][0].update(x=1), ".'x': is not a field"),
        (
            lambda d: d["plans"][0]["modules"][3]["sessions"][0].update(local_date="2023-02-29"),
            ".local_date: '2023-02-29' is not a date",
        ),
        (
            lambda d: d["plans"][0]["modules"][3]["sessions"][0].update(local_date="9999-12-31"),
            ".local_date: 9999-12-31 is outside",
        ),
        (
            lambda d: d["plans"][0]["modules"][3]["sessions"][0].update(note="a\x00b"),
            ".note: contains a NUL",
        ),
        (
            lambda d: d["plans"][0]["modules"][3]["sessions"][0].update(started_at="2019"),
            ".started_at: must be a UTC instant",
        ),
    ],
)
def test_bad_session_fields_are_named_by_path(
    make_planner: PlannerFactory, edit: Any, expected: str
) -> None:
    document = backup(make_planner())
    edit(document)
    messages = rejected(make_planner(plan=False), json.dumps(document).encode())
    assert messages[0].startswith(session_path() + expected), messages


def test_duplicate_uuid_and_dangling_references(make_planner: PlannerFactory) -> None:
    document = backup(make_planner())
    sessions = document["plans"][0]["modules"][3]["sessions"]
    sessions.append(dict(sessions[0], id=99))
    empty = make_planner(plan=False)
    messages = rejected(empty, json.dumps(document).encode())
    assert messages[0].startswith("$.plans[0].modules[3].sessions[1].uuid: '") and messages[
        0
    ].endswith("is already used by $.plans[0].modules[3].sessions[0]"), messages
    document = backup(make_planner())
    document["plans"][0]["profile_id"] = 77
    messages = rejected(empty, json.dumps(document).encode())
    assert messages == ("$.plans[0].profile_id: 77 is not the id of any record",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": NaN}', "line 1: NaN is not a finite number"),
        ('{\n"a": -Infinity}', "line 2: -Infinity is not a finite number"),
        ('{"a": [1e400]}', "line 1: 1e400 is not a finite number"),
        ('{"a": 1, "a": 2}', "$: the key 'a' appears twice"),
        ('["\\ud800"]', "$: must be an object"),
        ("[" * 10_000 + "]" * 10_000, "line 1: nested more than 20 levels deep"),
        ('{"a": 1', "line 1, column 8: Expecting ',' delimiter"),
        ("", "line 1, column 1: Expecting value"),
        ('{"format": "other"}', "$.format: must be 'studyplanner-backup'"),
    ],
)
def test_strict_json(make_planner: PlannerFactory, text: str, expected: str) -> None:
    messages = rejected(make_planner(plan=False), text.encode())
    assert any(m.startswith(expected) for m in messages), messages


def test_lone_surrogates_wrong_format_and_newer_versions(make_planner: PlannerFactory) -> None:
    document = backup(make_planner())
    empty = make_planner(plan=False)
    document["plans"][0]["name"] = "\ud800"
    data = json.dumps(document).encode()
    assert rejected(empty, data)[0] == "$.plans[0].name: is not valid Unicode text (lone surrogate)"
    document = backup(make_planner())
    document["format_version"] = 2
    assert "newer" in rejected(empty, json.dumps(document).encode())[0]
    document["format"] = "something-else"
    assert "not a StudyPlanner backup" in rejected(empty, json.dumps(document).encode())[0]


def test_restore_needs_an_empty_database(make_planner: PlannerFactory) -> None:
    data = json.dumps(backup(make_planner())).encode()
    other = make_planner()
    other.log_session(other.modules()[0].id, 10, on=START)
    messages = rejected(other, data)
    assert "restored into an empty database only (1 sessions" in messages[0]


def test_caps_are_checked_before_parsing(make_planner: PlannerFactory, tmp_path: Any) -> None:
    planner = make_planner(plan=False)
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(exchange.MAX_IMPORT_BYTES + 1)
    assert rejected(planner, big.read_bytes())[0].startswith("file: the file is larger than")
    with pytest.raises(exchange.ImportRejected, match="limit is 20 MB"):
        exchange.import_json(planner, big)
    with pytest.raises(exchange.ImportRejected, match="does not exist"):
        exchange.import_json(planner, tmp_path / "missing.json")
    many = b"[" + b"{}," * (exchange.MAX_JSON_CONTAINERS + 1) + b"{}]"
    with pytest.raises(exchange.ImportRejected, match="1,000,000 objects and arrays"):
        exchange.import_json(planner, many)
