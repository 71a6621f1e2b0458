"""The notes importer: the real notes file, notes in the same spirit, errors and properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.durations import format_hms
from studyplanner.domain.model import ModuleKind
from studyplanner.domain.notes import (
    MAX_NOTES_BYTES,
    LineProblem,
    NotesError,
    ParsedModule,
    ParsedNotes,
    parse_as_at_date,
    parse_notes,
    parse_notes_bytes,
)
from tests.conftest import NOTES_FILE

FAST = settings(max_examples=150, deadline=None, database=None)

VIDEO = ModuleKind.VIDEO
PROJECT = ModuleKind.PROJECT
PRACTICE = ModuleKind.PRACTICE
READING = ModuleKind.READING


def module(
    name: str,
    kind: ModuleKind,
    line_no: int,
    *,
    video_seconds: int | None = None,
    weeks: float | None = None,
    mock_tests: int | None = None,
    hours_per_test: float | None = None,
    effort_hours: float | None = None,
    note: str = "",
) -> ParsedModule:
    return ParsedModule(
        name=name,
        kind=kind,
        video_seconds=video_seconds,
        weeks=weeks,
        mock_tests=mock_tests,
        hours_per_test=hours_per_test,
        effort_hours=effort_hours,
        note=note,
        line_no=line_no,
    )


def hms(h: int, m: int, s: int) -> int:
    return h * 3600 + m * 60 + s


def problems_of(text: str) -> tuple[LineProblem, ...]:
    with pytest.raises(NotesError) as info:
        parse_notes(text)
    return info.value.problems


# -- the real notes file -------------------------------------------------------------------------


def test_real_notes_file() -> None:
    text = NOTES_FILE.read_text(encoding="utf-8")
    parsed = parse_notes(text)
    assert parsed.title == (
        "This is my set of notes for the AWS Developer Associate Exams."
        " It based on having done the SA Associate"
    )
    assert parsed.as_at == dt.date(2019, 1, 18)
    assert parsed.total_weeks == 10
    assert parsed.modules == (
        module(
            "Revisit IAM / EC2 / S3",
            VIDEO,
            3,
            video_seconds=hms(5, 26, 18),
            note="but content all covered in SA",
        ),
        module("Look at Serverless", VIDEO, 4, video_seconds=hms(2, 26, 45)),
        module("Build something in Serverless", PROJECT, 5, weeks=2),
        module("DynamoDB", VIDEO, 6, video_seconds=hms(1, 36, 2)),
        module("KMS and Other AWS Services", VIDEO, 7, video_seconds=hms(1, 37, 54)),
        module("Developer Theory", VIDEO, 8, video_seconds=hms(2, 50, 50)),
        module("Advanced IAM, Monitoring", VIDEO, 9, video_seconds=hms(1, 15, 42)),
        module("Practice Papers", PRACTICE, 10, weeks=2, mock_tests=5, hours_per_test=2.0),
    )
    assert parsed.planned_mocks == (
        "Free Test - June 2018",
        "Free Test CDA",
        "Test 1",
        "Test 2",
        "Test 3",
        "Test 4",
        "Test 5",
    )
    start = text.index("- Use CloudTrail to monitor STS\n")
    assert text[:start].endswith("- Test 5\n")
    assert parsed.notes_text == text[start:]
    assert parsed.notes_text.endswith("need to install CloudWatch agent")  # no final newline


def test_real_notes_file_as_bytes_crlf_and_bom() -> None:
    raw = NOTES_FILE.read_bytes()
    expected = parse_notes(raw.decode("utf-8"))
    assert parse_notes_bytes(raw) == expected
    assert parse_notes_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")) == expected
    assert parse_notes("\ufeff" + raw.decode().replace("\n", "\r\n")) == expected
    assert parse_notes_bytes(raw.decode().encode("utf-16")) == expected


# -- notes in the same spirit --------------------------------------------------------------------

AZURE = (
    "\ufeffAzure Developer AZ-204: my plan\r\n"
    "Durations as of 2024-03-05\r\n"
    "\r\n"
    "* Compute (3:10:00)\r\n"
    "* Storage (45:30)\r\n"
    "\t\u2022\tFunctions (90 min)\r\n"
    "- Cosmos DB (1.5 hours - skip the SQL API bits)\r\n"
    "- Security (2h 15m)\r\n"
    "- Read the whitepapers (6 hours)\r\n"
    "- Capstone web app (3 week project)\r\n"
    "- Mock exams (4 mock tests)\r\n"
    "Total: 12 weeks\r\n"
    "- Practice exam A\r\n"
    "- Whizlabs test 2\r\n"
    "\r\n"
    "Some notes\r\n"
    "- Use managed identities\r\n"
)


def test_azure_notes_crlf_bom_tabs_and_bullets() -> None:
    parsed = parse_notes(AZURE)
    assert parsed.title == "Azure Developer AZ-204: my plan"
    assert parsed.as_at == dt.date(2024, 3, 5)
    assert parsed.total_weeks == 12
    assert parsed.modules == (
        module("Compute", VIDEO, 4, video_seconds=hms(3, 10, 0)),
        module("Storage", VIDEO, 5, video_seconds=hms(0, 45, 30)),
        module("Functions", VIDEO, 6, video_seconds=5400),
        module("Cosmos DB", VIDEO, 7, video_seconds=5400, note="skip the SQL API bits"),
        module("Security", VIDEO, 8, video_seconds=hms(2, 15, 0)),
        module("Read the whitepapers", READING, 9, effort_hours=6.0),
        module("Capstone web app", PROJECT, 10, weeks=3),
        module("Mock exams", PRACTICE, 11, mock_tests=4),
    )
    assert parsed.planned_mocks == ("Practice exam A", "Whizlabs test 2")
    assert parsed.notes_text == "Some notes\n- Use managed identities\n"


GCP = """Google Cloud Associate Engineer
Times shown as at January 5, 2020
1. Networking - 2:00:00
2. IAM and policies: 40 mins
3) Kubernetes Engine 1:05:30
4. Serverless project 2 weeks
5. Practice 3 practice exams, 2 hours each
Total Time - 8 weeks
Mock exam 1 went badly
"""


def test_gcp_notes_numbered_and_without_parentheses() -> None:
    parsed = parse_notes(GCP)
    assert parsed.title == "Google Cloud Associate Engineer"
    assert parsed.as_at == dt.date(2020, 1, 5)
    assert parsed.total_weeks == 8
    assert parsed.modules == (
        module("Networking", VIDEO, 3, video_seconds=7200),
        module("IAM and policies", VIDEO, 4, video_seconds=2400),
        module("Kubernetes Engine", VIDEO, 5, video_seconds=hms(1, 5, 30)),
        module("Serverless project", PROJECT, 6, weeks=2),
        module("Practice", PRACTICE, 7, mock_tests=3, hours_per_test=2.0),
    )
    assert parsed.planned_mocks == ()
    assert parsed.notes_text == "Mock exam 1 went badly\n"


SECURITY = """Security Specialty
Notes as at 03/02/2021.
Second header line
- KMS deep dive (1:20:00) (optional)
- Whitepaper reading (1 week - the well-architected security pillar)
- Build a guardrail pipeline (2 weeks, project; 12 hours)
- Practice Papers (1 week - 6 mock tests of about 90 min)

- Final review (45m - flash cards; re-watch weak spots)
- Total: 6.5 weeks
- Tutorials Dojo exam 1
- Tutorials Dojo exam 2
- Official practice quiz
- Some unrelated note
more notes"""


def test_security_notes_remarks_blank_lines_and_fractional_total() -> None:
    parsed = parse_notes(SECURITY)
    assert parsed.title == "Security Specialty"
    assert parsed.as_at == dt.date(2021, 2, 3)  # day first
    assert parsed.total_weeks == 6.5
    assert parsed.modules == (
        module("KMS deep dive", VIDEO, 4, video_seconds=4800, note="optional"),
        module(
            "Whitepaper reading",
            READING,
            5,
            weeks=1,
            note="the well-architected security pillar",
        ),
        module("Build a guardrail pipeline", PROJECT, 6, weeks=2, effort_hours=12.0),
        module("Practice Papers", PRACTICE, 7, weeks=1, mock_tests=6, hours_per_test=1.5),
        module(
            "Final review",
            VIDEO,
            9,
            video_seconds=2700,
            note="flash cards; re-watch weak spots",
        ),
    )
    assert parsed.planned_mocks == (
        "Tutorials Dojo exam 1",
        "Tutorials Dojo exam 2",
        "Official practice quiz",
    )
    assert parsed.notes_text == "- Some unrelated note\nmore notes"


def test_plan_without_total_is_the_first_block_of_bullets() -> None:
    parsed = parse_notes("My plan\n- A (1:00:00)\n- B (2 week project)\n\n- a note\n- more\n")
    assert parsed.total_weeks is None
    assert [m.name for m in parsed.modules] == ["A", "B"]
    assert parsed.notes_text == "- a note\n- more\n"


def test_total_before_the_plan() -> None:
    parsed = parse_notes("My plan\nTotal: 3 weeks\n- A (1:00:00)\n- B (2 weeks project)\nnotes\n")
    assert parsed.total_weeks == 3
    assert [m.name for m in parsed.modules] == ["A", "B"]
    assert parsed.notes_text == "notes\n"


def test_no_title_when_the_file_starts_with_the_plan() -> None:
    parsed = parse_notes("- A (1:00:00)\n")
    assert parsed.title == ""
    assert parsed.as_at is None


def test_long_title_is_shortened_at_a_word() -> None:
    parsed = parse_notes("word " * 100 + "\n- A (1:00:00)\n")
    assert len(parsed.title) <= 200
    assert parsed.title.endswith("word\u2026")


def test_as_of_prose_is_not_a_date() -> None:
    parsed = parse_notes("Plan\nAs of now I mostly watch videos\n- A (1:00:00)\n")
    assert parsed.as_at is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18-Jan-2019", dt.date(2019, 1, 18)),
        ("2019-01-18", dt.date(2019, 1, 18)),
        ("18/01/2019", dt.date(2019, 1, 18)),
        ("January 18, 2019", dt.date(2019, 1, 18)),
        ("18 Jan 2019", dt.date(2019, 1, 18)),
        ("18 January 2019", dt.date(2019, 1, 18)),
        ("18th of January 2019", dt.date(2019, 1, 18)),
        ("Fri 18 Jan 2019", dt.date(2019, 1, 18)),
        ("Friday, January 18, 2019", dt.date(2019, 1, 18)),
        ("18.01.2019", dt.date(2019, 1, 18)),
        ("1/2/2019", dt.date(2019, 2, 1)),
        ("Sept 9 2019", dt.date(2019, 9, 9)),
        ("29-feb-2024", dt.date(2024, 2, 29)),
        ("18-Jan-2019.", dt.date(2019, 1, 18)),
    ],
)
def test_as_at_forms(text: str, expected: dt.date) -> None:
    assert parse_as_at_date(text) == expected
    parsed = parse_notes(f"Plan\nTimes shown as at {text} (UK)\n- A (1:00:00)\n")
    assert parsed.as_at == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "18-Jnu-2019",
        "31/02/2019",
        "29-Feb-2019",
        "2019-13-01",
        "18/01/19",
        "01/18/2019",
        "Thu 18 Jan 2019",  # 18 Jan 2019 was a Friday
        "1999-12-31",
        "2101-01-01",
        "18-Jan-2019T10:00",
        "18-Jan-2019 extra",
        "2019-01-18-01",
        "18 Janvier 2019",
    ],
)
def test_as_at_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=r"18-Jan-2019|calendar date|outside|Friday") as info:
        parse_as_at_date(text)
    assert not isinstance(info.value, NotesError)


# -- errors --------------------------------------------------------------------------------------


def test_every_bad_plan_line_is_reported_with_number_and_text() -> None:
    text = (
        "Plan\n"
        "- Good one (1:00:00)\n"
        "- No details here\n"
        "- Vague (a while)\n"
        "A heading inside the plan\n"
        "- Two lengths (1:00:00 - 2:00:00)\n"
        "- (1:00:00)\n"
        "- Range (1-2 hours)\n"
        "- Ambiguous practice (4 mock tests, 8 hours)\n"
        "- Per test alone (2 hours per test)\n"
        "- Project without size (project)\n"
        "- Zero (0:00:00)\n"
        "- Too many weeks (200 weeks)\n"
        "- Bad\x01name (1:00:00)\n"
        "Total: 10 weeks\n"
    )
    problems = problems_of(text)
    assert [p.line_no for p in problems] == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    lines = text.split("\n")
    for p in problems:
        assert p.text == lines[p.line_no - 1]
    messages = {p.line_no: p.message for p in problems}
    assert "no video length, weeks, hours or number of mock tests" in messages[3]
    assert "not a plan line" in messages[5]
    assert "more than one length ('1:00:00', '2:00:00')" in messages[6]
    assert "no module name" in messages[7]
    assert "per test or in total" in messages[9]
    assert "no number of mock tests" in messages[10]
    assert "longer than 0" in messages[12]
    assert "at most 104" in messages[13]
    assert "control characters" in messages[14]
    with pytest.raises(NotesError) as info:
        parse_notes(text)
    shown = str(info.value).splitlines()
    assert shown[0].startswith("line 3: - No details here: no video length")
    assert len(shown) == len(problems)


def test_over_committed_total_names_the_total_line() -> None:
    text = (
        "Plan\n- A (1:00:00)\n- B (2 week project)\n- C (5 mock tests, 2 weeks)\nTotal: 4 weeks\n"
    )
    (problem,) = problems_of(text)
    assert problem.line_no == 5
    assert problem.text == "Total: 4 weeks"
    assert "leaves no time for the 1 other modules" in problem.message
    assert str(NotesError([problem])).startswith("line 5: Total: 4 weeks: the modules")


def test_explicit_weeks_must_add_up_to_the_total() -> None:
    (problem,) = problems_of(
        "Plan\n- B (2 week project)\n- C (3 weeks, 4 mock tests)\nTotal: 6 weeks\n"
    )
    assert problem.line_no == 4
    assert "add up to 5, not to the total of 6 weeks" in problem.message


@pytest.mark.parametrize(
    ("text", "line_no", "message"),
    [
        ("Plan\n- A (1:00:00)\nTotal: 38 hours\n", 3, "must be a number of weeks"),
        ("Plan\n- A (1:00:00)\nTotal: 0 weeks\n", 3, "more than 0"),
        ("Plan\nas at 31/02/2019\n- A (1:00:00)\n", 2, "not a calendar date"),
        ("Plan\nas at 18-Jnu-2019\n- A (1:00:00)\n", 2, "cannot read the date"),
        ("Plan\nas at 2019-01-18\nas of 2019-01-19\n- A (1:00:00)\n", 3, "second 'as at'"),
        ("Plan\x02\n- A (1:00:00)\n", 1, "control characters"),
        (f"Plan\n- {'x' * 201} (1:00:00)\n", 2, "the limit is 200"),
        ("Plan\n- A (7 mock tests, 11 hours each)\n", 2, "at most 10 hours"),
        ("Plan\n- A (101 mock tests)\n", 2, "1 to 100"),
        ("Plan\n- A (1:00:00, 2 weeks, 3 weeks)\n", 2, "more than one number of weeks"),
    ],
)
def test_line_problems(text: str, line_no: int, message: str) -> None:
    problems = [p for p in problems_of(text) if p.line_no]  # line 0: "no plan line could be read"
    assert [p.line_no for p in problems] == [line_no]
    assert message in problems[0].message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("  \n\t\r\n", "empty"),
        ("\ufeff", "empty"),
        ("Just some prose\nwithout any list\n", "no plan lines found"),
        ("Plan\n- A (1:00:00)\x00\n", "NUL"),
        ("Plan\n- A (1:00:00)\n\ud800\n", "not valid Unicode"),
        ("x" * (MAX_NOTES_BYTES + 1), "at most 1 MB"),
        ("\u00e9" * (MAX_NOTES_BYTES // 2 + 1), "bytes"),
    ],
)
def test_not_a_notes_file(text: str, message: str) -> None:
    (problem,) = problems_of(text)
    assert problem.line_no == 0
    assert message in problem.message
    assert message in str(NotesError([problem]))


def test_nothing_readable_says_so_and_lists_the_lines() -> None:
    problems = problems_of("- a\n- b\n")
    assert [p.line_no for p in problems] == [0, 1, 2]
    assert problems[0].message == "no plan line could be read"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Plan\n- A (1:00:00)\n\x00\x01\x02", "NUL"),
        (b"Plan\n- A (\xff\xfe1:00:00)\n", "not UTF-8"),
        (b"x" * (MAX_NOTES_BYTES + 1), "at most 1 MB"),
        (b"\xff\xfeP\x00\x00\xd8", "not UTF-8"),
    ],
)
def test_not_a_notes_file_from_bytes(data: bytes, message: str) -> None:
    with pytest.raises(NotesError, match=message) as info:
        parse_notes_bytes(data)
    assert info.value.problems[0].line_no == 0


def test_notes_error_formatting_and_pickling() -> None:
    problems = [LineProblem(7, "- " + "y" * 300, "bad"), LineProblem(0, "", "whole file")]
    error = NotesError(problems)
    first, second = str(error).splitlines()
    assert first.startswith("line 7: - yyy") and first.endswith("\u2026: bad")
    assert len(first) < 130
    assert second == "whole file"
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems
    many = NotesError([LineProblem(i, "x", "bad") for i in range(1, 80)])
    assert str(many).splitlines()[-1] == "... and 29 more problems"
    assert NotesError([]).problems[0].line_no == 0


# -- properties ----------------------------------------------------------------------------------

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

DATE_STYLES: tuple[Callable[[dt.date], str], ...] = (
    lambda d: f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day}-{MONTHS[d.month - 1].lower()}-{d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3].upper()} {d.day} {d.year}",
)


@settings(max_examples=200, deadline=None, database=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
def test_every_date_in_every_as_at_form_parses_back(date: dt.date) -> None:
    for style in DATE_STYLES:
        assert parse_as_at_date(style(date)) == date


@FAST
@given(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(DATE_STYLES))
def test_as_at_line_in_notes(date: dt.date, style: Callable[[dt.date], str]) -> None:
    parsed = parse_notes(f"Plan\nTimes shown as at {style(date)}\n- A (1:00:00)\n")
    assert parsed.as_at == date


FRAGMENTS = st.sampled_from(
    [
        "\n",
        "\r\n",
        "- ",
        "* ",
        "\u2022 ",
        "1. ",
        "\t",
        " ",
        "(",
        ")",
        "Total: ",
        "Total Time: 10 weeks",
        "as at ",
        "18-Jan-2019",
        "31/02/2019",
        "5:26:18",
        "99:99",
        "90 min",
        "1.5 hours",
        "2h 15m",
        "2 week project",
        "3 weeks",
        "0 weeks",
        "5 mock tests",
        "2 hours each",
        "of 130 min",
        " - ",
        ", ",
        "Read ",
        "Test 1",
        "\ufeff",
        "\x00",
        "\x01",
        "9" * 30,
    ]
)
NOTES_LIKE = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(max_size=400), NOTES_LIKE))
def test_arbitrary_text_raises_only_notes_error(text: str) -> None:
    try:
        parsed = parse_notes(text)
    except NotesError as exc:
        assert exc.problems
        assert str(exc)
        return
    assert parsed.modules
    for m in parsed.modules:
        assert m.name and len(m.name) <= 200
        assert m.weeks is None or 0 < m.weeks <= 104
        assert m.video_seconds is None or m.video_seconds > 0


# -- a generated valid plan parses to the generated modules --------------------------------------

WORDS = [
    "Lambda",
    "DynamoDB",
    "IAM",
    "S3",
    "Networking",
    "Kinesis",
    "Cognito",
    "CloudFormation",
    "Beanstalk",
    "ECS",
    "SQS",
    "SNS",
    "Route53",
    "Monitoring",
    "Security",
    "Containers",
    "Storage",
    "Identity",
    "Serverless",
    "Basics",
    "Advanced",
]
NAMES = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
REMARKS = st.sampled_from(["", "mostly review", "skip the labs", "see the FAQ"])


@st.composite
def video_line(draw: st.DrawFn) -> tuple[str, ParsedModule]:
    name = draw(NAMES)
    seconds = draw(st.integers(60, 20 * 3600))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    forms = [format_hms(seconds)]
    if seconds < 6000:
        forms.append(f"{seconds // 60}:{s:02d}")
    if s == 0:
        forms.append(f"{seconds // 60} min")
        forms.append(f"{h}h {m}m" if h and m else f"{seconds // 60}m")
        if m in (0, 30):
            forms.append(f"{seconds / 3600:g} hours")
    length = draw(st.sampled_from(forms))
    remark = draw(REMARKS)
    details = f"{length} - {remark}" if remark else length
    return f"{name} ({details})", module(name, VIDEO, 0, video_seconds=seconds, note=remark)


@st.composite
def project_line(draw: st.DrawFn) -> tuple[str, ParsedModule]:
    name = "Build " + draw(NAMES)
    weeks = draw(st.integers(1, 4))
    return f"{name} ({weeks} week project)", module(name, PROJECT, 0, weeks=weeks)


@st.composite
def practice_line(draw: st.DrawFn) -> tuple[str, ParsedModule]:
    weeks = draw(st.integers(1, 3))
    mocks = draw(st.integers(1, 20))
    hours = draw(st.sampled_from([1, 2, 3]))
    details = f"{weeks} weeks - {mocks} mock tests allowing about {hours} hours for each test"
    expected = module(
        "Practice Papers", PRACTICE, 0, weeks=weeks, mock_tests=mocks, hours_per_test=hours
    )
    return f"Practice Papers ({details})", expected


@st.composite
def reading_line(draw: st.DrawFn) -> tuple[str, ParsedModule]:
    name = "Read the " + draw(NAMES) + " whitepaper"
    hours = draw(st.integers(1, 12))
    return f"{name} ({hours} hours)", module(name, READING, 0, effort_hours=hours)


@st.composite
def notes_files(draw: st.DrawFn) -> tuple[str, ParsedNotes]:
    lines = draw(
        st.lists(
            st.one_of(video_line(), project_line(), practice_line(), reading_line()),
            min_size=1,
            max_size=10,
        )
    )
    title = "Notes for " + draw(NAMES)
    as_at = draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
    header = [title]
    if as_at is not None:
        header.append(f"Times shown as at {draw(st.sampled_from(DATE_STYLES))(as_at)}")
    bullet = draw(st.sampled_from(["- ", "* ", "\u2022 ", "-\t"]))
    explicit = sum(m.weeks or 0 for _, m in lines)
    unsized = sum(1 for _, m in lines if m.weeks is None)
    total: float | None = None
    if unsized:
        total = draw(st.none() | st.integers(1, 3).map(lambda k: explicit + k * unsized))
    elif draw(st.booleans()):
        total = explicit
    mocks = draw(st.lists(st.integers(1, 9).map(lambda n: f"Practice exam {n}"), max_size=4))
    notes = draw(st.sampled_from(["", "Free notes\n- with bullets\n", "- a last note"]))
    body = [*header]
    modules = []
    for line, wanted in lines:
        body.append(bullet + line)
        modules.append(dataclasses.replace(wanted, line_no=len(body)))
    if total is not None:
        body.append(f"Total Time: {total:g} weeks")
    elif mocks or notes:
        body.append("")
    body += [f"- {m}" for m in mocks]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(body) + newline + notes.replace("\n", newline)
    if draw(st.booleans()):
        text = "\ufeff" + text
    expected = ParsedNotes(
        title=title,
        as_at=as_at,
        total_weeks=total,
        modules=tuple(modules),
        planned_mocks=tuple(mocks),
        notes_text=notes,
    )
    return text, expected


@settings(max_examples=150, deadline=None, database=None)
@given(notes_files())
def test_generated_plan_parses_to_the_generated_modules(case: tuple[str, ParsedNotes]) -> None:
    text, expected = case
    assert parse_notes(text) == expected
