"""The plan as iCalendar, parsed back with the icalendar library."""

from __future__ import annotations

import datetime as dt

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner import exchange
from studyplanner.services import StudyPlanner
from tests.exchange.conftest import EXCHANGE, PlannerFactory

MODULE_WINDOWS = [
    (dt.date(2019, 1, 18), dt.date(2019, 1, 25)),
    (dt.date(2019, 1, 25), dt.date(2019, 2, 1)),
    (dt.date(2019, 2, 1), dt.date(2019, 2, 15)),
    (dt.date(2019, 2, 15), dt.date(2019, 2, 22)),
    (dt.date(2019, 2, 22), dt.date(2019, 3, 1)),
    (dt.date(2019, 3, 1), dt.date(2019, 3, 8)),
    (dt.date(2019, 3, 8), dt.date(2019, 3, 15)),
    (dt.date(2019, 3, 15), dt.date(2019, 3, 29)),
]


def events(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return [c for c in calendar.walk("VEVENT") if isinstance(c, icalendar.Event)]


def test_one_all_day_event_per_module_and_planned_mock(planner: StudyPlanner) -> None:
    text = exchange.ical_text(planner)
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]).startswith("-//StudyPlanner//")
    found = events(text)
    modules, mocks = found[:8], found[8:]
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in modules] == MODULE_WINDOWS
    assert all(type(e.decoded("DTSTART")) is dt.date for e in found)
    assert str(modules[0]["SUMMARY"]) == "1. Revisit IAM / EC2 / S3"
    assert "but content all covered in SA" in str(modules[0]["DESCRIPTION"])
    plan = planner.require_plan()
    assert [str(e["SUMMARY"]) for e in mocks] == [f"Mock test: {n}" for n in plan.planned_mocks]
    practice_first, practice_end = MODULE_WINDOWS[-1]
    days = [e.decoded("DTSTART") for e in mocks]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert all(practice_first <= d < practice_end for d in days)
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1) for e in mocks)
    uids = [str(e["UID"]) for e in found]
    assert len(set(uids)) == len(uids)
    assert all(e.decoded("DTSTAMP") == dt.datetime(2019, 6, 1, 12, tzinfo=dt.UTC) for e in found)


def test_uids_are_stable_across_exports_and_edits(planner: StudyPlanner) -> None:
    before = [str(e["UID"]) for e in events(exchange.ical_text(planner))]
    module = planner.modules()[2]
    planner.update_module(module.id, name="Renamed project", weeks=3)
    planner.set_plan(start=dt.date(2019, 2, 1))
    after = events(exchange.ical_text(planner))
    assert [str(e["UID"]) for e in after] == before
    assert after[0].decoded("DTSTART") == dt.date(2019, 2, 1)


def test_lines_are_crlf_folded_at_75_octets(planner: StudyPlanner) -> None:
    module = planner.modules()[0]
    planner.update_module(module.id, name="Ü" * 150, note="é😀" * 300)
    text = exchange.ical_text(planner)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    first = events(text)[0]
    assert str(first["SUMMARY"]) == "1. " + "Ü" * 150
    assert str(first["DESCRIPTION"]).endswith("é😀" * 300)


texts = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=80).filter(
    lambda s: s.strip() != ""
)


@given(name=texts, note=st.text(st.characters(exclude_categories=["Cs"]), max_size=200))
@settings(EXCHANGE, max_examples=60)
def test_escaping_round_trips_through_icalendar(
    planner: StudyPlanner, name: str, note: str
) -> None:
    module = planner.modules()[1]
    planner.update_module(module.id, name=name, note=note.replace("\x00", ""))
    event = events(exchange.ical_text(planner))[1]
    assert str(event["SUMMARY"]) == f"2. {name.strip()}"
    expected = note.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    expected = "".join(c for c in expected if c in "\n\t" or not (ord(c) < 32 or ord(c) == 127))
    expected = "".join(c for c in expected if not 0x80 <= ord(c) <= 0x9F)
    description = str(event["DESCRIPTION"])
    assert description.endswith(expected) if expected else description.endswith(("week.", "weeks."))


def test_no_practice_module_means_no_mock_events(make_planner: PlannerFactory) -> None:
    planner = make_planner()
    practice = [m for m in planner.modules() if m.kind.value == "practice"]
    planner.delete_module(practice[0].id)
    assert len(events(exchange.ical_text(planner))) == 7
