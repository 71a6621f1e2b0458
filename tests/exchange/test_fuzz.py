"""Import fuzzing (RELIABILITY.md 3.7, REL-IMP-01/02/04): every format, arbitrary and near-miss.

Per format (app CSV, Toggl CSV, Clockify CSV, JSON backup): 1,000 examples of arbitrary bytes and
1,000 structured near-miss files, so 2,000 per format per run.  The importer must return
``ImportResult`` or raise ``ImportRejected``; a rejection leaves the database digest unchanged and
names the defect's line (CSV) or JSON path; a valid file grows the database by exactly its rows,
re-exports them, and imports again as "already present".

Each test uses one database: rejected imports write nothing, and the rows of an accepted import
are removed again (raw SQL, test-only) before the next example, checked by the digest.  The
re-export and the second import (REL-IMP-04) run on the files of up to 12 rows (90 % of them).
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import datetime as dt
import io
import json
import random
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner import exchange
from studyplanner.domain.records import ModuleInfo
from studyplanner.services import StudyPlanner
from studyplanner.store import repository as repo
from tests.exchange.conftest import (
    EXCHANGE,
    START,
    ZONE,
    PlannerFactory,
    drop_sessions_after,
    empty_database,
    max_session_id,
    session_count,
)
from tests.helpers import live_digest

BINARY_EXAMPLES = 1000
NEAR_MISS_EXAMPLES = 1000
BERLIN = ZoneInfo(ZONE)
NOTES = [
    "",
    "plain",
    "comma, inside",
    'quote " inside',
    "new\nline",
    "two\n\nlines, and, commas",
    "=1+1",
    "-5 min",
    "@home",
    "\t=1",
    "'=x",
    "עברית",
    "😀 emoji",
    "tab\there",
]
MINUTES_REJECTS = ["-1", "0", "-0", "1441", "1000000000", "1e3", "3.5", "NaN", "inf", "", " ",
                   "abc", "1_000", "٣٠", "１２"]  # fmt: skip
DATE_REJECTS = ["2023-02-29", "9999-12-31", "0001-01-01", "2019-13-01", "", "19-01-01"]


def outcome(planner: StudyPlanner, run: Callable[[], exchange.ImportResult]) -> object:
    """Run an import; return its result or the ImportRejected. Anything else fails the test."""
    try:
        return run()
    except exchange.ImportRejected as exc:
        return exc


def names_line(error: exchange.ImportRejected, line: int) -> bool:
    return any(m.startswith((f"line {line}:", f"line {line},")) for m in error.messages)


# -- REL-IMP-01: arbitrary bytes ---------------------------------------------------------------

CSV_HEADERS = {
    "app": ",".join(exchange.SESSION_COLUMNS).encode() + b"\r\n",
    "toggl": b"User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
    b"End date,End time,Duration,Tags,Amount ()\n",
    "clockify": b"Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,"
    b"Start Time,End Date,End Time,Duration (h),Duration (decimal)\n",
}


def arbitrary(prefix: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.binary(max_size=64_000),
        st.binary(max_size=2_000).map(lambda tail: prefix + tail),
        st.text(max_size=2_000).map(lambda tail: prefix + tail.encode("utf-8", "surrogatepass")),
    )


@pytest.mark.parametrize("fmt", ["app", "toggl", "clockify"])
def test_arbitrary_bytes_as_sessions_csv(planner: StudyPlanner, fmt: str) -> None:
    before = live_digest(planner.db)
    last = max_session_id(planner.db)

    @given(arbitrary(CSV_HEADERS[fmt]))
    @settings(EXCHANGE, max_examples=BINARY_EXAMPLES)
    def check(data: bytes) -> None:
        result = outcome(planner, lambda: exchange.import_sessions(planner, data, fmt))
        if isinstance(result, exchange.ImportResult):
            drop_sessions_after(planner.db, last)
        else:
            assert isinstance(result, exchange.ImportRejected)
            assert result.messages
        assert live_digest(planner.db) == before

    check()


def test_arbitrary_bytes_as_json_backup(make_planner: PlannerFactory) -> None:
    planner = make_planner(plan=False)
    before = live_digest(planner.db)

    @given(arbitrary(b'{"format": "studyplanner-backup", "plans": ['))
    @settings(EXCHANGE, max_examples=BINARY_EXAMPLES)
    def check(data: bytes) -> None:
        result = outcome(planner, lambda: exchange.import_json(planner, data))
        if isinstance(result, exchange.ImportResult):
            empty_database(planner.db)
        else:
            assert isinstance(result, exchange.ImportRejected)
        assert live_digest(planner.db) == before

    check()


# -- REL-IMP-02: near-miss CSV files -----------------------------------------------------------


@dataclasses.dataclass
class CsvCase:
    header: list[str]
    rows: list[list[str]]
    defect: str | None
    target: int  # index into rows of the mutated row
    crlf: bool
    bom: bool
    trailing_newline: bool
    invalid_utf8: bool = False
    lone_cr: bool = False

    def render(self) -> tuple[bytes, list[int]]:
        """The file and the first line number of every data row."""
        out = io.StringIO()
        ending = "\r\n" if self.crlf else "\n"
        writer = csv.writer(out, lineterminator=ending)
        writer.writerow(self.header)
        lines, line = [], 2
        for index, row in enumerate(self.rows):
            chunk = io.StringIO()
            csv.writer(chunk, lineterminator=ending).writerow(row)
            text = chunk.getvalue()
            if self.lone_cr and index == self.target:
                text = text[: -len(ending)] + "\r"
            if index == len(self.rows) - 1 and not self.trailing_newline and not self.lone_cr:
                text = text[: -len(ending)]
            lines.append(line)
            line += text.count("\n") + (1 if text.endswith("\r") else 0)
            out.write(text)
        data = out.getvalue().encode("utf-8")
        if self.invalid_utf8:
            data = data.replace(b"INVALIDHERE", b"\xffX")
        return (b"\xef\xbb\xbf" if self.bom else b"") + data, lines


APP_DEFECTS = [
    "minutes",
    "date",
    "missing column",
    "unknown column",
    "duplicate header",
    "lone cr",
    "nul",
    "invalid utf-8",
    "long field",
    "duplicate uuid",
    "unmatched module",
    "future",
    "zone",
    "source",
    "day over 1440",
]


# 1 to 500 rows; mostly few, so that 1,000 examples per format stay fast.
ROWS = st.integers(0, 9).flatmap(lambda k: st.integers(1, 500 if k == 0 else 12))


def session_start(index: int, rng: random.Random) -> tuple[dt.date, dt.time]:
    day = START - dt.timedelta(days=300) + dt.timedelta(days=index // 2)
    hour = rng.choice([0, 1, *range(3, 24)])  # 02:xx does not exist on spring-forward nights
    return day, dt.time(hour, rng.randrange(60), rng.randrange(60))


@st.composite
def app_files(draw: st.DrawFn, modules: list[ModuleInfo]) -> tuple[CsvCase, int]:
    rng = random.Random(draw(st.integers(0, 2**32)))
    count = draw(ROWS)
    defect = draw(st.one_of(st.none(), st.sampled_from(APP_DEFECTS)))
    if defect in ("duplicate uuid", "day over 1440"):
        count = max(count, 2)
    columns = list(exchange.SESSION_COLUMNS)
    optional = ["local_time", "zone", "started_at_utc", "module_position", "source", "note"]
    for column in optional:
        if rng.random() < 0.3:
            columns.remove(column)
    needed = {"zone": "zone", "source": "source", "long field": "note", "nul": "note"}
    needed |= {"invalid utf-8": "note"}
    if defect in needed and needed[defect] not in columns:
        columns.append(needed[defect])
    rng.shuffle(columns)
    rows: list[dict[str, str]] = []
    for index in range(count):
        module = rng.choice(modules)
        day, clock = session_start(index, rng)
        started = dt.datetime.combine(day, clock, tzinfo=BERLIN).astimezone(dt.UTC)
        rows.append(
            {
                "uuid": repo.new_uuid(),
                "local_date": day.isoformat(),
                "local_time": clock.strftime("%H:%M:%S"),
                "zone": ZONE,
                "started_at_utc": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "minutes": str(rng.randint(1, 600)),
                "module_position": str(module.position),
                "module": exchange.escape_cell(module.name),
                "source": rng.choice(exchange.SOURCES),
                "note": exchange.escape_cell(rng.choice(NOTES)),
            }
        )
    target = rng.randrange(1, count) if defect in ("duplicate uuid", "day over 1440") else 0
    if defect is not None and defect not in ("duplicate uuid", "day over 1440"):
        target = rng.randrange(count)
    row = rows[target]
    row["note"] = "x"
    case = CsvCase(columns, [], defect, target, draw(st.booleans()), draw(st.booleans()),
                   draw(st.booleans()))  # fmt: skip
    if defect == "minutes":
        row["minutes"] = rng.choice(MINUTES_REJECTS)
    elif defect == "date":
        row["local_date"] = rng.choice(DATE_REJECTS)
    elif defect == "missing column":
        case.header.remove(rng.choice(["minutes", "local_date"]))
    elif defect == "unknown column":
        case.header.insert(rng.randrange(len(columns) + 1), "bogus")
    elif defect == "duplicate header":
        case.header.append(rng.choice(columns))
    elif defect == "lone cr":
        case.lone_cr = True
    elif defect == "nul":
        row["note"] = "a\x00b"
    elif defect == "invalid utf-8":
        row["note"] = "INVALIDHERE"
        case.invalid_utf8 = True
    elif defect == "long field":
        row["note"] = "x" * (csv.field_size_limit() + 1)
    elif defect == "duplicate uuid":
        row["uuid"] = rows[0]["uuid"]
    elif defect == "unmatched module":
        row["module"] = "Zebra studies"
        row["module_position"] = "1"
    elif defect == "future":
        started = dt.datetime(2019, 7, 1, 12, tzinfo=BERLIN)
        row["local_date"] = "2019-07-01"
        row["local_time"] = "12:00:00"
        row["started_at_utc"] = started.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    elif defect == "zone":
        row["zone"] = "Mars/Olympus_Mons"
    elif defect == "source":
        row["source"] = "robot"
    elif defect == "day over 1440":
        first = rows[0]
        for key in ("local_date", "local_time", "started_at_utc"):
            row[key] = first[key]
        row["minutes"] = "1440"
    case.rows = [[r.get(c, "bogus") for c in case.header] for r in rows]
    return case, count


def header_defect(defect: str | None) -> bool:
    return defect in ("missing column", "unknown column", "duplicate header")


def check_valid_import(
    planner: StudyPlanner, data: bytes, fmt: str, count: int, last: int, before: str
) -> None:
    result = exchange.import_sessions(planner, data, fmt)
    assert (result.n, result.already_present) == (count, 0)
    assert session_count(planner.db) == count
    if count <= 12:  # re-export and REL-IMP-04 on the small files, to keep the run short
        exported = csv.DictReader(io.StringIO(exchange.sessions_csv(planner).decode(), newline=""))
        assert len({row["uuid"] for row in exported}) == count
        again = exchange.import_sessions(planner, data, fmt)
        assert (again.n, again.already_present) == (0, count)
    drop_sessions_after(planner.db, last)
    assert live_digest(planner.db) == before


def test_near_miss_app_csv(planner: StudyPlanner) -> None:
    before = live_digest(planner.db)
    last = max_session_id(planner.db)
    modules = planner.modules()

    @given(app_files(modules))
    @settings(EXCHANGE, max_examples=NEAR_MISS_EXAMPLES)
    def check(drawn: tuple[CsvCase, int]) -> None:
        case, count = drawn
        data, lines = case.render()
        if case.defect is None:
            check_valid_import(planner, data, "app", count, last, before)
            return
        result = outcome(planner, lambda: exchange.import_sessions(planner, data, "app"))
        assert isinstance(result, exchange.ImportRejected), case.defect
        line = 1 if header_defect(case.defect) else lines[case.target]
        assert names_line(result, line), (case.defect, line, result.messages)
        assert live_digest(planner.db) == before

    check()


TRACKER_DEFECTS = [
    "duration",
    "date",
    "time",
    "missing column",
    "duplicate header",
    "lone cr",
    "nul",
    "invalid utf-8",
    "long field",
    "unmatched module",
    "over a day",
    "future",
]
ALIASES = {
    0: ["Revisit IAM / EC2 / S3", "revisit"],
    1: ["Look at Serverless", "LOOK AT"],
    3: ["DynamoDB", "dynamo"],
    4: ["KMS and Other AWS Services", "kms"],
    5: ["Developer Theory", "developer"],
    6: ["Advanced IAM, Monitoring", "advanced iam"],
    7: ["Practice Papers", "practice"],
}
TRACKER_COLUMNS = {
    "toggl": ["User", "Email", "Client", "Project", "Task", "Description", "Billable",
              "Start date", "Start time", "End date", "End time", "Duration", "Tags",
              "Amount (USD)"],
    "clockify": ["Project", "Client", "Description", "Task", "User", "Group", "Email", "Tags",
                 "Billable", "Start Date", "Start Time", "End Date", "End Time", "Duration (h)",
                 "Duration (decimal)", "Billable Rate (USD)", "Billable Amount (USD)"],
}  # fmt: skip


def tracker_date(day: dt.date, style: str) -> str:
    return {
        "iso": day.isoformat(),
        "us": day.strftime("%m/%d/%Y"),
        "dot": day.strftime("%d.%m.%Y"),
    }[style]


def tracker_time(clock: dt.time, twelve: bool) -> str:
    if not twelve:
        return clock.strftime("%H:%M:%S")
    return f"{(clock.hour % 12) or 12:02d}:{clock.minute:02d}:{clock.second:02d} " + (
        "PM" if clock.hour >= 12 else "AM"
    )


@st.composite
def tracker_files(draw: st.DrawFn, fmt: str) -> tuple[CsvCase, int]:
    rng = random.Random(draw(st.integers(0, 2**32)))
    count = draw(ROWS)
    defect = draw(st.one_of(st.none(), st.sampled_from(TRACKER_DEFECTS)))
    style = "iso" if fmt == "toggl" else rng.choice(["iso", "us", "dot"])
    twelve = fmt == "clockify" and rng.random() < 0.5
    columns = list(TRACKER_COLUMNS[fmt])
    rng.shuffle(columns)
    start_date, start_time = ("Start date", "Start time") if fmt == "toggl" else (
        "Start Date", "Start Time")  # fmt: skip
    duration = "Duration" if fmt == "toggl" else "Duration (h)"
    rows: list[dict[str, str]] = []
    for index in range(count):
        position = rng.choice(sorted(ALIASES))
        day, clock = session_start(index, rng)
        seconds = rng.randint(60, 7200)
        ending = dt.datetime.combine(day, clock, tzinfo=BERLIN) + dt.timedelta(seconds=seconds)
        ending = ending.astimezone(dt.UTC).astimezone(BERLIN)
        project = rng.choice(ALIASES[position])
        rows.append(
            {
                "User": "Ana",
                "Email": "ana@example.com",
                "Project": project,
                "Description": rng.choice(NOTES),
                "Billable": "No",
                start_date: tracker_date(day, style),
                start_time: tracker_time(clock, twelve),
                "End date" if fmt == "toggl" else "End Date": tracker_date(ending.date(), style),
                "End time" if fmt == "toggl" else "End Time": tracker_time(ending.time(), twelve),
                duration: f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}",
                "Duration (decimal)": f"{seconds / 3600:.2f}",
            }
        )
    target = rng.randrange(count)
    row = rows[target]
    row["Description"] = "x"
    case = CsvCase(columns, [], defect, target, draw(st.booleans()), draw(st.booleans()),
                   draw(st.booleans()))  # fmt: skip
    if defect == "duration":
        for column in (duration, "Duration (decimal)", "End time", "End Time"):
            row[column] = "" if column.startswith("End") else rng.choice(["abc", "1:99:00", "-1"])
    elif defect == "date":
        row[start_date] = rng.choice(["2019-02-30", "31/31/2019", "yesterday", ""])
    elif defect == "time":
        row[start_time] = rng.choice(["25:00:00", "13:00 PM", "noon", ""])
    elif defect == "missing column":
        case.header.remove(rng.choice([start_date, start_time]))
    elif defect == "duplicate header":
        case.header.append(rng.choice(columns))
    elif defect == "lone cr":
        case.lone_cr = True
    elif defect == "nul":
        row["Description"] = "a\x00b"
    elif defect == "invalid utf-8":
        row["Description"] = "INVALIDHERE"
        case.invalid_utf8 = True
    elif defect == "long field":
        row["Description"] = "x" * (csv.field_size_limit() + 1)
    elif defect == "unmatched module":
        row["Project"] = row["Description"] = "Zebra studies"
    elif defect == "over a day":
        for column in ("End date", "End Date", "End time", "End Time"):
            row.pop(column, None)
        row[duration] = "25:00:00"
        row["Duration (decimal)"] = "25.00"
    elif defect == "future":
        for column in (start_date, "End date", "End Date"):
            row[column] = tracker_date(dt.date(2019, 7, 1), style)
    case.rows = [[r.get(c, "") for c in case.header] for r in rows]
    return case, count


@pytest.mark.parametrize("fmt", ["toggl", "clockify"])
def test_near_miss_tracker_csv(planner: StudyPlanner, fmt: str) -> None:
    before = live_digest(planner.db)
    last = max_session_id(planner.db)

    @given(tracker_files(fmt))
    @settings(EXCHANGE, max_examples=NEAR_MISS_EXAMPLES)
    def check(drawn: tuple[CsvCase, int]) -> None:
        case, count = drawn
        data, lines = case.render()
        if case.defect is None:
            check_valid_import(planner, data, fmt, count, last, before)
            return
        result = outcome(planner, lambda: exchange.import_sessions(planner, data, fmt))
        assert isinstance(result, exchange.ImportRejected), case.defect
        line = 1 if header_defect(case.defect) else lines[case.target]
        assert names_line(result, line), (case.defect, line, result.messages)
        assert live_digest(planner.db) == before

    check()


# -- REL-IMP-02: near-miss JSON backups ----------------------------------------------------------

JSON_DEFECTS = [
    "minutes",
    "nan",
    "infinity",
    "1e400",
    "deep nesting",
    "duplicate uuid",
    "missing field",
    "unknown field",
    "wrong type",
    "date",
    "duplicate key",
    "lone surrogate",
    "invalid utf-8",
    "nul",
]
MARKER = 987_654_321
NEWLINE = b"\n"


@st.composite
def json_files(draw: st.DrawFn, base: dict[str, Any]) -> tuple[bytes, str | None, str, int]:
    """(file, defect, the JSON path or line that must be named, number of sessions)."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    count = draw(ROWS)
    defect = draw(st.one_of(st.none(), st.sampled_from(JSON_DEFECTS)))
    document = copy.deepcopy(base)
    modules = document["plans"][0]["modules"]
    placed: list[tuple[int, int]] = []
    for index in range(count):
        module = rng.randrange(len(modules))
        day, clock = session_start(index, rng)
        started = dt.datetime.combine(day, clock, tzinfo=BERLIN).astimezone(dt.UTC)
        modules[module]["sessions"].append(
            {
                "id": index + 1,
                "uuid": repo.new_uuid(),
                "started_at": started.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                "zone": ZONE,
                "local_date": day.isoformat(),
                "minutes": rng.randint(1, 600),
                "source": rng.choice(exchange.SOURCES),
                "note": rng.choice(NOTES),
                "created_at": "2019-06-01T12:00:00.000000Z",
            }
        )
        placed.append((module, len(modules[module]["sessions"]) - 1))
    module, position = placed[rng.randrange(count)]
    record = modules[module]["sessions"][position]
    path = f"$.plans[0].modules[{module}].sessions[{position}]"
    raw: tuple[bytes, bytes] | None = None
    if defect == "minutes":
        record["minutes"] = rng.choice([0, -1, 1441, 10**9, 2.5, "45", None, True])
        path += ".minutes"
    elif defect in ("nan", "infinity", "1e400"):
        record["minutes"] = MARKER
        token = {"nan": b"NaN", "infinity": b"-Infinity", "1e400": b"1e400"}[defect]
        raw = (str(MARKER).encode(), token)
    elif defect == "deep nesting":
        record["note"] = str(MARKER)
        raw = (f'"{MARKER}"'.encode(), b"[" * 10_000 + b"]" * 10_000)
    elif defect == "duplicate uuid":
        first_module, first_position = placed[0]
        record["uuid"] = modules[first_module]["sessions"][first_position]["uuid"]
        if (module, position) == placed[0]:
            record["uuid"] = document["plans"][0]["mock_tests"][0]["uuid"]
            defect = None  # a session may share a uuid with a mock test: still valid
        later_module, later_position = max((module, position), placed[0])
        path = f"$.plans[0].modules[{later_module}].sessions[{later_position}].uuid"
    elif defect == "missing field":
        field = rng.choice(sorted(record))
        del record[field]
        path += f".{field}"
    elif defect == "unknown field":
        record["colour"] = "blue"
        path += ".'colour'"
    elif defect == "wrong type":
        field = rng.choice(["zone", "note", "uuid", "local_date"])
        record[field] = rng.choice([1, None, [], {}])
        path += f".{field}"
    elif defect == "date":
        record["local_date"] = rng.choice(DATE_REJECTS)
        path += ".local_date"
    elif defect == "duplicate key":
        record["minutes"] = MARKER
        raw = (f'"minutes": {MARKER}'.encode(), b'"minutes": 5, "minutes": 5')
        path = "$"
    elif defect == "lone surrogate":
        record["note"] = "\ud800"
        path += ".note"
    elif defect in ("invalid utf-8", "nul"):
        record["note"] = str(MARKER)
        raw = (str(MARKER).encode(), b"\xff" if defect == "invalid utf-8" else b"\x00")
    indent = rng.choice([None, 1, 2])
    text = json.dumps(document, indent=indent, sort_keys=rng.random() < 0.5)
    data = text.encode("utf-8")
    if raw is not None:
        at = data.index(raw[0])
        path = f"line {data[:at].count(NEWLINE) + 1}"
        if defect == "duplicate key":
            path = "$"
        data = data.replace(raw[0], raw[1], 1)
    if rng.random() < 0.3:
        data = b"\xef\xbb\xbf" + data
    if rng.random() < 0.5:
        data += b"\n"
    return data, defect, path, count


def test_near_miss_json_backup(make_planner: PlannerFactory) -> None:
    source = make_planner()
    source.add_mock("Test 1", taken_on=START, correct=1, total=2)
    base = exchange.backup_document(source)
    planner = make_planner(plan=False)
    before = live_digest(planner.db)

    @given(json_files(base))
    @settings(EXCHANGE, max_examples=NEAR_MISS_EXAMPLES)
    def check(drawn: tuple[bytes, str | None, str, int]) -> None:
        data, defect, where, count = drawn
        result = outcome(planner, lambda: exchange.import_json(planner, data))
        if defect is None:
            assert isinstance(result, exchange.ImportResult), result
            assert (result.n, session_count(planner.db)) == (count, count)
            if count <= 12:
                again = exchange.import_json(planner, data)
                assert (again.n, again.already_present) == (0, count)
            empty_database(planner.db)
        else:
            assert isinstance(result, exchange.ImportRejected), defect
            assert any(m.startswith(where) for m in result.messages), (
                defect,
                where,
                result.messages,
            )
        assert live_digest(planner.db) == before

    check()


# -- REL-IMP-03: caps ----------------------------------------------------------------------------


def test_row_cap_is_checked_before_parsing(planner: StudyPlanner) -> None:
    header = CSV_HEADERS["app"]
    data = header + b"x\n" * (2 * exchange.MAX_IMPORT_ROWS + 1)
    with pytest.raises(exchange.ImportRejected, match="more than 200,000 rows"):
        exchange.import_sessions(planner, data, "app")
    rows = header + b"a,b\n" * (exchange.MAX_IMPORT_ROWS + 1)
    with pytest.raises(exchange.ImportRejected, match="more than 200,000 rows"):
        exchange.import_sessions(planner, rows, "app")
    with pytest.raises(exchange.ImportRejected, match="limit of 20 MB"):
        exchange.import_sessions(planner, b" " * (exchange.MAX_IMPORT_BYTES + 1), "toggl")
