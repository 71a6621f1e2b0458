"""Sessions from Toggl Track and Clockify detailed-report CSV exports: preview, commit, mapping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from studyplanner import exchange
from studyplanner.services import StudyPlanner
from tests.exchange.conftest import PlannerFactory, session_count
from tests.helpers import live_digest

DATA = Path(__file__).parent / "data"
TOGGL = DATA / "toggl.csv"
CLOCKIFY = DATA / "clockify.csv"
TOGGL_HEADER = (
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
    "End date,End time,Duration,Tags,Amount ()\n"
)


def by_line(preview: exchange.SessionPreview) -> dict[int, exchange.SessionRow]:
    return {r.line: r for r in preview.rows}


def test_toggl_preview_matches_modules_and_writes_nothing(planner: StudyPlanner) -> None:
    before = live_digest(planner.db)
    preview = exchange.preview_sessions(planner, TOGGL, "toggl")
    assert live_digest(planner.db) == before
    assert preview.problems == ()
    rows = by_line(preview)
    assert sorted(rows) == [2, 3, 5, 7]
    dynamo = rows[2]
    assert (dynamo.module_position, dynamo.minutes, dynamo.source) == (4, 90, "import")
    assert dynamo.started_at == dt.datetime(2019, 2, 16, 18, 0, tzinfo=dt.UTC)
    assert dynamo.note == 'Streams, TTL and "global" tables'
    assert (
        rows[3].module_name == "Look at Serverless"
    )  # by Description: Project "AWS DVA" fits none
    assert rows[5].minutes == 60  # 01:30 to 03:30 on the night the clocks go forward
    assert rows[5].module_name == "KMS and Other AWS Services"
    assert rows[7].local_date == dt.date(2019, 2, 20) and rows[7].minutes == 75
    assert rows[7].note == '=HYPERLINK("http://x","y")'
    [unmatched] = preview.unmatched
    assert (unmatched.line, unmatched.key) == (4, "Serverless")
    assert unmatched.candidates == ("Look at Serverless", "Build something in Serverless")
    assert preview.skipped == ("line 6: shorter than half a minute",)
    assert not preview.ready


def test_toggl_commit_is_all_or_nothing_then_idempotent(planner: StudyPlanner) -> None:
    before = live_digest(planner.db)
    with pytest.raises(exchange.ImportRejected) as caught:
        exchange.import_sessions(planner, TOGGL, "toggl")
    assert caught.value.messages == (
        "line 4: module: no module matches 'Serverless' (it matches Look at Serverless,"
        " Build something in Serverless)",
    )
    assert live_digest(planner.db) == before
    build = planner.resolve_module("build")
    result = exchange.import_sessions(planner, TOGGL, "toggl", mapping={"serverless": build.id})
    assert (result.n, result.already_present) == (5, 0)
    assert str(result) == "5 sessions imported"
    assert session_count(planner.db) == 5
    assert [s.minutes for s in planner.sessions(module_id=build.id)] == [120]
    again = exchange.import_sessions(planner, TOGGL, "toggl", mapping={"serverless": build.id})
    assert (again.n, again.already_present) == (0, 5)
    assert str(again) == "0 sessions imported, 5 already present"
    assert session_count(planner.db) == 5


def test_skip_unmatched(planner: StudyPlanner) -> None:
    result = exchange.import_sessions(planner, TOGGL, "toggl", skip_unmatched=True)
    assert (result.n, result.already_present) == (4, 0)


def test_clockify_month_first_and_twelve_hour_times(planner: StudyPlanner) -> None:
    preview = exchange.preview_sessions(planner, CLOCKIFY, "clockify")
    assert preview.problems == () and preview.unmatched == ()
    assert preview.notices == ("dates of the form 01/02/2019 were read as month/day/year",)
    rows = by_line(preview)
    assert rows[2].started_at == dt.datetime(2019, 2, 16, 18, 0, tzinfo=dt.UTC)
    assert rows[3].local_date == dt.date(2019, 1, 19)  # 12:00 AM is midnight
    assert rows[3].started_at == dt.datetime(2019, 1, 18, 23, 0, tzinfo=dt.UTC)
    assert rows[4].module_name == "Advanced IAM, Monitoring" and rows[4].minutes == 35
    assert rows[5].module_name == "Practice Papers" and rows[5].minutes == 120
    result = exchange.import_sessions(planner, CLOCKIFY, "clockify")
    assert (result.n, result.already_present) == (4, 0)


def test_clockify_day_first_dates_and_short_times(planner: StudyPlanner) -> None:
    data = (
        b"Project,Client,Description,Task,User,Email,Tags,Billable,Start Date,Start Time,"
        b"End Date,End Time,Duration (h),Duration (decimal)\n"
        b"DynamoDB,,x,,A,a@b.c,,No,16/02/2019,19:00,16/02/2019,20:00,01:00:00,1.00\n"
        b"DynamoDB,,y,,A,a@b.c,,No,03.02.2019,08:00,,,,0.5\n"
    )
    preview = exchange.preview_sessions(planner, data, "clockify")
    assert preview.problems == ()
    assert [r.local_date for r in preview.rows] == [dt.date(2019, 2, 16), dt.date(2019, 2, 3)]
    assert [r.minutes for r in preview.rows] == [60, 30]


def test_conflicting_date_orders_are_rejected(planner: StudyPlanner) -> None:
    data = (
        b"Project,Description,Start Date,Start Time,Duration (h)\n"
        b"DynamoDB,x,16/02/2019,19:00,01:00:00\n"
        b"DynamoDB,x,02/17/2019,19:00,01:00:00\n"
    )
    with pytest.raises(exchange.ImportRejected, match="line 3: the dates mix day/month/year"):
        exchange.import_sessions(planner, data, "clockify")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("DynamoDB,,2019-02-30,10:00:00,01:00:00", "line 2: Start Date: '2019-02-30' is not"),
        ("DynamoDB,,2019-02-03,25:00:00,01:00:00", "line 2: Start Time: '25:00:00' is not"),
        ("DynamoDB,,2019-02-03,10:00:00,abc", "line 2: Duration: 'abc' is not a duration"),
        ("DynamoDB,,2019-02-03,10:00:00,25:00:00", "line 2: Duration: 1500 minutes is more"),
        ("DynamoDB,,2019-03-31,02:30:00,01:00:00", "line 2: Start Time: 2019-03-31 02:30:00 does"),
        ("DynamoDB,,2019-07-01,10:00:00,01:00:00", "line 2: date: 2019-07-01 is in the future"),
        ("DynamoDB,,2017-01-01,10:00:00,01:00:00", "line 2: date: 2017-01-01 is more than a year"),
        (",,2019-02-03,10:00:00,01:00:00", "line 2: Project: the row has neither"),
    ],
)
def test_toggl_row_problems_name_line_and_field(
    planner: StudyPlanner, row: str, expected: str
) -> None:
    data = f"Project,Description,Start date,Start time,Duration\n{row}\n".encode()
    before = live_digest(planner.db)
    with pytest.raises(exchange.ImportRejected) as caught:
        exchange.import_sessions(planner, data, "toggl")
    assert caught.value.messages[0].startswith(expected), caught.value.messages
    assert live_digest(planner.db) == before


def test_a_day_cannot_exceed_1440_minutes(planner: StudyPlanner) -> None:
    planner.log_session(planner.modules()[3].id, 1000, on=dt.date(2019, 2, 3), at=dt.time(1, 0))
    data = (
        TOGGL_HEADER + ",,,DynamoDB,,a,No,2019-02-03,18:00:00,,,07:20:00,,\n"
        ",,,DynamoDB,,b,No,2019-02-03,20:00:00,,,00:01:00,,\n"
    ).encode()
    with pytest.raises(exchange.ImportRejected) as caught:
        exchange.import_sessions(planner, data, "toggl")
    assert caught.value.messages == (
        "line 3: minutes: 2019-02-03 would have 1441 minutes of study; a day has 1440",
    )


def test_identical_tracker_rows_are_skipped_not_doubled(planner: StudyPlanner) -> None:
    row = "A,a@b.c,,DynamoDB,,x,No,2019-02-03,18:00:00,,,01:00:00,,\n"
    preview = exchange.preview_sessions(planner, (TOGGL_HEADER + row + row).encode(), "toggl")
    assert len(preview.rows) == 1
    assert preview.skipped == ("line 3: the same entry as line 2",)


def test_missing_columns_and_bad_mapping(planner: StudyPlanner) -> None:
    with pytest.raises(exchange.ImportRejected, match="line 1: the column 'Start Time'"):
        exchange.import_sessions(
            planner, b"Project,Start date,Duration\nx,2019-01-01,1:00:00\n", "toggl"
        )
    with pytest.raises(exchange.ImportRejected, match="line 1: the column 'Duration"):
        exchange.import_sessions(
            planner, b"Project,Start Date,Start Time\nx,1/1/2019,1:00\n", "clockify"
        )
    with pytest.raises(exchange.ImportRejected, match="mapping: 'x': module 999"):
        exchange.import_sessions(planner, TOGGL, "toggl", mapping={"x": 999})
    with pytest.raises(exchange.ImportRejected, match="format: 'excel'"):
        exchange.import_sessions(planner, TOGGL, "excel")


def test_no_plan_is_a_problem_not_a_crash(make_planner: PlannerFactory) -> None:
    planner = make_planner(plan=False)
    preview = exchange.preview_sessions(planner, TOGGL, "toggl")
    assert preview.problems[0].startswith("file: there is no plan yet")
    with pytest.raises(exchange.ImportRejected, match="no plan yet"):
        exchange.import_sessions(planner, TOGGL, "toggl")


def test_app_rows_without_uuid_are_idempotent(planner: StudyPlanner) -> None:
    data = (
        b"local_date,local_time,minutes,module,note\n"
        b"2019-02-16,19:00,45,dynamodb,a\n"
        b"2019-02-16,19:00,45,dynamodb,a\n"
        b"2019-02-16,19:00,30,DynamoDB,b\n"
    )
    preview = exchange.preview_sessions(planner, data)
    assert preview.skipped == ("line 3: the same entry as line 2",)
    assert exchange.import_sessions(planner, data).n == 2
    again = exchange.import_sessions(planner, data)
    assert (again.n, again.already_present) == (0, 2)
