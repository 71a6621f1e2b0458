"""Reading a study-plan notes file: header, as-at date, plan lines, total, planned mocks, notes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from studyplanner.domain.durations import (
    CLOCK_PATTERN,
    UNITS_PATTERN,
    DurationError,
    parse_video_length,
)
from studyplanner.domain.model import ModuleKind

MAX_NOTES_BYTES = 1_000_000
"""A notes file is at most 1 MB of UTF-8 (the store keeps at most 10^6 characters of notes)."""

MAX_NAME_CHARS = 200
MAX_WEEKS = 104.0
MAX_MOCK_TESTS = 100
MAX_HOURS_PER_TEST = 10.0
MAX_EFFORT_HOURS = 1000.0
EARLIEST_AS_AT = dt.date(2000, 1, 1)
LATEST_AS_AT = dt.date(2100, 12, 31)

DATE_FORMS = "18-Jan-2019, 2019-01-18, 18/01/2019 (day first), January 18, 2019 or 18 Jan 2019"
PLAN_LINE_FORMS = (
    "'- DynamoDB (1:36:02)', '- Lambda (90 min)', '- Build an app (2 week project)',"
    " '- Practice Papers (2 weeks - 5 mock tests, 2 hours each)' or '- Read the FAQs (6 hours)'"
)

_SHOWN_CHARS = 100  # of a line's text in messages
_LISTED_PROBLEMS = 50  # in str(NotesError)
_WEEKS_TOL = 1e-9
_F = re.IGNORECASE | re.ASCII

# -- line shapes ---------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")
_BULLET = re.compile(
    r"^[ \t]*(?:[-*\u2022\u2013][ \t]*|[0-9]{1,3}[.)][ \t]+)(?P<body>[^-*\u2022\u2013\s].*)$"
)
_DECORATION = re.compile(r"^[\s\-=_*~#+.\u2022\u2013\u2014]+$")
_TOTAL = re.compile(
    r"^[ \t]*(?:[-*\u2022\u2013][ \t]*)?total\b"
    r"(?:[ \t]+(?:time|duration|length|plan|weeks|study[ \t]+time))?[ \t]*"
    r"(?::|=|-|\u2013|is\b)?[ \t]*"
    r"(?P<rest>(?:about[ \t]+|around[ \t]+|approx\.?[ \t]*|~[ \t]*)?[0-9].*)$",
    _F,
)
_AS_AT = re.compile(r"\bas[ \t]+(?:at|of)\b[ \t]*:?[ \t]*", _F)
_MOCK_WORD = re.compile(r"\b(?:tests?|exams?|mocks?|papers?|quiz(?:zes)?)\b", _F)

# -- quantities inside a plan line ---------------------------------------------------------------

_EDGE_BEFORE = r"(?<![\w.:\-])"
_EDGE_AFTER = r"(?![\w:\-]|\.[0-9])"
_LENGTH = rf"(?:{CLOCK_PATTERN}|{UNITS_PATTERN})"
_CLOCK_SEARCH = re.compile(rf"{_EDGE_BEFORE}{CLOCK_PATTERN}{_EDGE_AFTER}", _F)
_UNITS_SEARCH = re.compile(rf"{_EDGE_BEFORE}{UNITS_PATTERN}{_EDGE_AFTER}", _F)
_NUMBER = r"[0-9]{1,6}(?:\.[0-9]{1,6})?"
_WEEKS_SEARCH = re.compile(
    rf"{_EDGE_BEFORE}(?P<n>{_NUMBER})(?:[ \t]*|-)(?:weeks|week|wks|wk)(?![a-z])", _F
)
_TEST_NOUN = r"(?:tests?|exams?|mocks?|papers?|quiz(?:zes)?)"
_NOT_FILLER = (
    r"(?!(?:hours?|hrs?|h|minutes?|mins?|m|weeks?|wks?|days?|per|each|for|of|at|a|an|the|and|or)"
    r"(?![a-z]))"
)
_MOCKS_SEARCH = re.compile(
    rf"{_EDGE_BEFORE}(?P<n>[0-9]{{1,4}})[ \t]+(?:{_NOT_FILLER}[a-z][a-z\-]*[ \t]+){{0,2}}?"
    rf"{_TEST_NOUN}(?![a-z])",
    _F,
)
_APPROX = r"(?:about[ \t]+|around[ \t]+|approx\.?[ \t]*|roughly[ \t]+|~[ \t]*)?"
_PER_TEST_SEARCH = re.compile(
    rf"{_EDGE_BEFORE}(?P<a>{_LENGTH})[ \t]+(?:for[ \t]+)?"
    rf"(?:each\b|per[ \t]+{_TEST_NOUN}|a[ \t]+{_TEST_NOUN})"
    rf"|\b(?:of|at)[ \t]+{_APPROX}(?P<b>{_LENGTH}){_EDGE_AFTER}",
    _F,
)
_PROJECT_WORD = re.compile(r"\bprojects?\b", _F)
_READING_WORD = re.compile(
    r"\b(?:read|reading|re-?read|whitepapers?|white[ \t]+papers?|docs|documentation|books?"
    r"|articles?|faqs?|chapters?|guides?|blogs?)\b",
    _F,
)
_VIDEO_WORD = re.compile(
    r"\b(?:videos?|watch|watching|course|lectures?|lessons?|sections?|clips?|talks?)\b", _F
)
_SEGMENT_SEP = re.compile(r"[ \t]+[-\u2013\u2014][ \t]+|[ \t]*;[ \t]*|,[ \t]+")
_KIND_ONLY = re.compile(r"(?:project|reading|video|course)s?", _F)
_NAME_SEP = re.compile(r":[ \t]+|[ \t]+[-\u2013\u2014][ \t]+")
_CHAIN_GAP = re.compile(
    r"[ \t]*(?:[,;\-\u2013\u2014]|and\b|with\b|plus\b)[ \t,;\-\u2013\u2014]*", _F
)
_NAME_TRIM = " \t-:\u2013\u2014,;"

# -- dates ---------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MONTH = rf"(?P<mon>{_MONTH_NAMES})(?![a-z])\.?"
_WEEKDAY_NAMES = (
    "monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri"
    "|saturday|sat|sunday|sun"
)
_WEEKDAY = rf"(?:(?P<wd>{_WEEKDAY_NAMES})(?![a-z])\.?,?[ \t]+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE_SHAPES = tuple(
    re.compile(_WEEKDAY + shape, _F)
    for shape in (
        r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})",
        r"(?P<d>[0-9]{1,2})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})",
        rf"(?P<d>[0-9]{{1,2}}){_ORDINAL}(?:[ \t]+of)?(?:[ \t]+|-|/){_MONTH}(?:,?[ \t]+|-|/)"
        r"(?P<y>[0-9]{4})",
        rf"{_MONTH}[ \t]+(?P<d>[0-9]{{1,2}}){_ORDINAL},?[ \t]+(?P<y>[0-9]{{4}})",
    )
)
_DATE_END = re.compile(r"[.,;:)\]!?]*(?:[ \t]|$)")
_DATE_START = re.compile(rf"(?:[0-9]|(?:{_WEEKDAY_NAMES}|{_MONTH_NAMES})(?![a-z]))", _F)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclasses.dataclass(frozen=True, slots=True)
class LineProblem:
    """A problem with one line (``line_no`` 1-based) or, with ``line_no`` 0, the whole file."""

    line_no: int
    text: str
    message: str

    def __str__(self) -> str:
        if self.line_no <= 0:
            return self.message
        shown = self.text.strip()
        if len(shown) > _SHOWN_CHARS:
            shown = shown[: _SHOWN_CHARS - 1] + "\u2026"
        return f"line {self.line_no}: {shown}: {self.message}"


class NotesError(ValueError):
    """The notes cannot be imported; ``problems`` lists every problem found, in line order."""

    problems: tuple[LineProblem, ...]

    def __init__(self, problems: Iterable[LineProblem]) -> None:
        self.problems = tuple(problems) or (LineProblem(0, "", "the notes cannot be read"),)
        super().__init__(self.problems)

    def __reduce__(self) -> tuple[type[NotesError], tuple[tuple[LineProblem, ...]]]:
        return (type(self), (self.problems,))

    def __str__(self) -> str:
        listed = [str(p) for p in self.problems[:_LISTED_PROBLEMS]]
        if len(self.problems) > _LISTED_PROBLEMS:
            listed.append(f"... and {len(self.problems) - _LISTED_PROBLEMS} more problems")
        return "\n".join(listed)


@dataclasses.dataclass(frozen=True, slots=True)
class ParsedModule:
    """One plan line as written: only what the notes say (``None`` = not given).

    ``effort_hours`` is an explicit effort (the length of a READING line, or hours given for a
    PROJECT); ``planning`` derives the others.  ``line_no`` is 1-based.
    """

    name: str
    kind: ModuleKind
    video_seconds: int | None
    weeks: float | None
    mock_tests: int | None
    hours_per_test: float | None
    effort_hours: float | None
    note: str
    line_no: int


@dataclasses.dataclass(frozen=True, slots=True)
class ParsedNotes:
    """A notes file read whole: ``notes_text`` is everything after the planned mocks, verbatim."""

    title: str
    as_at: dt.date | None
    total_weeks: float | None
    modules: tuple[ParsedModule, ...]
    planned_mocks: tuple[str, ...]
    notes_text: str


def _whole_file(message: str) -> NotesError:
    return NotesError([LineProblem(0, "", message)])


def _clean(text: str) -> str:
    return " ".join(text.split())


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text)


def parse_notes_bytes(data: bytes) -> ParsedNotes:
    """:func:`parse_notes` for the raw bytes of a file: UTF-8 (with or without BOM) or UTF-16 with
    a BOM.  Anything else, and files over 1 MB, raise :class:`NotesError` (line 0)."""
    if len(data) > MAX_NOTES_BYTES:
        raise _whole_file(
            f"the file is {len(data)} bytes; a notes file is plain text of at most 1 MB"
        )
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            if b"\x00" in data:
                raise _whole_file("the file contains NUL bytes: it is binary, not a notes text")
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _whole_file("the file is not UTF-8 text; save the notes as UTF-8") from None
    return parse_notes(text)


def parse_notes(text: str) -> ParsedNotes:
    """Read a notes file; raise :class:`NotesError` listing every problem.

    The shape recognised (see ``tests/data/aws-dva-notes.txt``)::

        <title line>                                   the plan's title
        [more header lines, one may say "as at <date>" / "as of <date>"]
        - <name> (<details>)                           plan lines, one module each
        ...
        Total Time: <N> weeks                          ends the plan
        - <name of a mock test>                        optional: bullet lines naming tests
        ...                                            (they contain test/exam/mock/paper/quiz)
        <free notes>                                   everything else, kept verbatim

    Plan lines are bullets (``-``, ``*``, ``•``, ``–``, ``1.`` or ``1)``).  The details are the
    last parenthesised group holding a quantity (``- DynamoDB (1:36:02)``), else what follows
    ``: `` or `` - `` (``- DynamoDB - 1:36:02``), else quantities ending the line
    (``- DynamoDB 1:36:02``).  Quantities: a video length (``5:26:18``, ``26:18``, ``90 min``,
    ``1.5 hours``, ``2h 15m``), weeks (``2 weeks``, ``3 week project``), a number of mock tests
    (``5 mock tests``) and the time per test (``2 hours each``, ``about 2 hours for each test``,
    ``of 130 min``).  The kind of module follows:

    * a number of mock tests: PRACTICE (weeks and time per test optional);
    * ``project`` in the details (or in the name when no length is given): PROJECT, with weeks
      or hours;
    * a length: VIDEO, or READING when the line speaks of reading (read, whitepaper, docs, ...)
      and not of video (video, watch, course, ...); a READING length is the effort;
    * weeks only: READING (effort = weeks x weekly budget, see ``planning``).

    Parts of the details separated by `` - ``, ``;`` or ``, `` that hold no quantity become the
    module's note (``5:26:18 - but content all covered in SA`` -> ``but content all covered in
    SA``).  Without a ``Total`` line the plan is the first block of bullet lines (up to a blank
    or a non-bullet line).  After the plan, consecutive bullet lines naming a test, exam, mock,
    paper or quiz are the planned mocks; the free notes start at the next non-blank line.  Line
    endings are normalised to ``\\n`` (in ``notes_text`` too); a leading byte-order mark is
    dropped.

    Whole-file problems (line 0): empty, over 1 MB, NUL characters or invalid Unicode, no plan
    lines.  Line problems: plan lines without a readable quantity or with conflicting ones, bad
    names, an unreadable ``Total`` or as-at date, weeks that exceed the total.
    """
    if len(text) > MAX_NOTES_BYTES:
        raise _whole_file(
            f"the notes are {len(text)} characters; a notes file is plain text of at most 1 MB"
        )
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise _whole_file("the notes are not valid Unicode text") from None
    if size > MAX_NOTES_BYTES:
        raise _whole_file(f"the notes are {size} bytes; a notes file is plain text of at most 1 MB")
    if "\x00" in text:
        raise _whole_file("the notes contain NUL bytes: this is a binary file, not a notes text")
    text = _NEWLINE.sub("\n", text.removeprefix("\ufeff"))
    if not text.strip():
        raise _whole_file("the notes are empty")
    return _Reader(text).read()


class _Reader:
    """One pass over the lines of a normalised text; collects problems."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.offsets: list[int] = []
        pos = 0
        for line in self.lines:
            self.offsets.append(pos)
            pos += len(line) + 1
        self.problems: list[LineProblem] = []

    def problem(self, index: int, message: str) -> None:
        self.problems.append(LineProblem(index + 1, self.lines[index], message))

    def read(self) -> ParsedNotes:
        first_bullet = next(
            (
                i
                for i, line in enumerate(self.lines)
                if _BULLET.match(line) and not _TOTAL.match(line)
            ),
            None,
        )
        if first_bullet is None:
            raise _whole_file(
                "no plan lines found: a notes file lists its modules as bullet lines such as "
                + PLAN_LINE_FORMS
            )
        title, as_at, total, total_index = self._header(first_bullet)
        end = len(self.lines)
        if total_index is None:  # usual case: the Total line ends the plan
            total_index = next(
                (i for i in range(first_bullet, end) if _TOTAL.match(self.lines[i])), None
            )
            if total_index is not None:
                total = self._total(total_index)
        if total_index is not None and total_index > first_bullet:
            plan_end, after = total_index, total_index + 1
        else:  # no Total line, or one above the plan: the plan is the first block of bullets
            plan_end = first_bullet
            while plan_end < end and _BULLET.match(self.lines[plan_end]):
                plan_end += 1
            after = plan_end
        modules = self._plan(first_bullet, plan_end)
        mocks, notes_start = self._mocks(after)
        if not modules:
            self.problems.insert(0, LineProblem(0, "", "no plan line could be read"))
        elif total is not None and total_index is not None:
            self._check_total(modules, total, total_index)
        if self.problems:
            self.problems.sort(key=lambda p: p.line_no)
            raise NotesError(self.problems)
        notes = self.text[self.offsets[notes_start] :] if notes_start < end else ""
        return ParsedNotes(title, as_at, total, tuple(modules), tuple(mocks), notes)

    def _header(self, stop: int) -> tuple[str, dt.date | None, float | None, int | None]:
        title = ""
        as_at: dt.date | None = None
        total: float | None = None
        total_index: int | None = None
        for i in range(stop):
            line = self.lines[i]
            if not line.strip() or _DECORATION.match(line):
                continue
            if _TOTAL.match(line):
                total, total_index = self._total(i), i
                continue
            if not title:
                title = _clean(line)
                if _has_control(title):
                    self.problem(i, "the title contains control characters")
                elif len(title) > MAX_NAME_CHARS:
                    cut = title[: MAX_NAME_CHARS - 1].rsplit(" ", 1)[0]
                    title = cut + "\u2026"
            match = next(
                (m for m in _AS_AT.finditer(line) if _DATE_START.match(line, m.end())), None
            )
            if match is not None:
                if as_at is not None:
                    self.problem(i, "a second 'as at' date; the notes may give one")
                    continue
                try:
                    as_at, _ = _date_prefix(line[match.end() :])
                except ValueError as exc:
                    self.problem(i, str(exc))
        return title, as_at, total, total_index

    def _total(self, index: int) -> float | None:
        match = _TOTAL.match(self.lines[index])
        assert match is not None
        found = list(_WEEKS_SEARCH.finditer(match["rest"]))
        if len(found) != 1:
            self.problem(index, "the total must be a number of weeks, as in 'Total Time: 10 weeks'")
            return None
        weeks = float(found[0]["n"])
        if not 0 < weeks <= MAX_WEEKS:
            self.problem(index, f"the total must be more than 0 and at most {MAX_WEEKS:g} weeks")
            return None
        return weeks

    def _plan(self, start: int, stop: int) -> list[ParsedModule]:
        modules: list[ParsedModule] = []
        for i in range(start, stop):
            line = self.lines[i]
            if not line.strip() or _DECORATION.match(line):
                continue
            bullet = _BULLET.match(line)
            if bullet is None:
                self.problem(
                    i,
                    f"not a plan line; the plan lists modules as bullets such as {PLAN_LINE_FORMS}",
                )
                continue
            result = _plan_line(bullet["body"], i + 1)
            if isinstance(result, str):
                self.problem(i, result)
            else:
                modules.append(result)
        return modules

    def _mocks(self, start: int) -> tuple[list[str], int]:
        """The bullet lines naming mock tests after the plan; returns them and where notes start."""
        i = start
        end = len(self.lines)
        while i < end and not self.lines[i].strip():
            i += 1
        mocks: list[str] = []
        while i < end:
            bullet = _BULLET.match(self.lines[i])
            if bullet is None:
                break
            name = _clean(bullet["body"])
            if (
                not _MOCK_WORD.search(name)
                or len(name) > MAX_NAME_CHARS
                or _has_control(name)
                or _TOTAL.match(self.lines[i])
            ):
                break
            mocks.append(name)
            i += 1
        while i < end and not self.lines[i].strip():
            i += 1
        return mocks, i

    def _check_total(self, modules: list[ParsedModule], total: float, index: int) -> None:
        message = weeks_problem(modules, total)
        if message:
            self.problem(index, message)


def weeks_problem(modules: Sequence[ParsedModule], total: float) -> str | None:
    """Why the explicit weeks of *modules* do not fit in *total* weeks, or ``None`` if they fit."""
    explicit = [m.weeks for m in modules if m.weeks is not None]
    unsized = sum(1 for m in modules if m.weeks is None)
    given = math.fsum(explicit)
    if unsized and given >= total - _WEEKS_TOL:
        return (
            f"the modules with weeks of their own take {given:g} of the {total:g} weeks,"
            f" which leaves no time for the {unsized} other modules"
        )
    if not unsized and abs(given - total) > _WEEKS_TOL:
        return f"the modules' weeks add up to {given:g}, not to the total of {total:g} weeks"
    return None


# -- one plan line -------------------------------------------------------------------------------


def _has_quantity(text: str) -> bool:
    return any(
        pattern.search(text)
        for pattern in (
            _CLOCK_SEARCH,
            _UNITS_SEARCH,
            _WEEKS_SEARCH,
            _MOCKS_SEARCH,
            _PER_TEST_SEARCH,
        )
    )


def _paren_groups(text: str) -> list[tuple[int, int]]:
    """Top-level ``(...)`` groups as (index of '(', index after ')'); [] when unbalanced."""
    groups: list[tuple[int, int]] = []
    depth = 0
    opened = 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == ")":
            if depth == 0:
                return []
            depth -= 1
            if depth == 0:
                groups.append((opened, i + 1))
    return groups if depth == 0 else []


def _split_line(body: str) -> tuple[str, str, str] | None:
    """(name, details, remark outside the details) of a plan line's body, or None."""
    for start, stop in reversed(_paren_groups(body)):
        inner = body[start + 1 : stop - 1]
        if _has_quantity(inner):
            return body[:start], inner, body[stop:].strip(_NAME_TRIM + "()")
    for sep in _NAME_SEP.finditer(body):
        if _has_quantity(body[sep.end() :]):
            return body[: sep.start()], body[sep.end() :], ""
    return _trailing_details(body)


def _trailing_details(body: str) -> tuple[str, str, str] | None:
    """Split "Name 3 practice exams, 2 hours each" before the chain of quantities ending it.

    Links of the chain are separated by punctuation or "and"/"with"; plain spaces link only to a
    trailing kind word ("Capstone 2 week project"), so "Build 3 apps to test 2 weeks" and
    "Serverless project 2 weeks" keep their names whole.
    """
    ending = body.rstrip(" \t.")
    found = _find(ending)
    kind_spans = [(m.start(), m.end(), True) for m in _PROJECT_WORD.finditer(ending)]
    spans = sorted([(a, b, False) for a, b in found.spans()] + kind_spans)
    if not spans or spans[-1][1] != len(ending):
        return None
    chain = len(spans) - 1
    while chain > 0:
        prev, cur = spans[chain - 1], spans[chain]
        gap = ending[prev[1] : cur[0]]
        if (
            prev[2]
            or prev[1] > cur[0]
            or not (_CHAIN_GAP.fullmatch(gap) or (cur[2] and not gap.strip()))
        ):
            break
        chain -= 1
    if all(kind for _, _, kind in spans[chain:]):
        return None
    start = spans[chain][0]
    return body[:start], body[start:], ""


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, stop in spans:
        chars[start:stop] = " " * (stop - start)
    return "".join(chars)


@dataclasses.dataclass(slots=True)
class _Found:
    per_test: list[re.Match[str]]
    lengths: list[re.Match[str]]
    weeks: list[re.Match[str]]
    mocks: list[re.Match[str]]

    def spans(self) -> list[tuple[int, int]]:
        every = self.per_test + self.lengths + self.weeks + self.mocks
        return [m.span() for m in every]


def _find(details: str) -> _Found:
    per_test = list(_PER_TEST_SEARCH.finditer(details))
    rest = _mask(details, (m.span() for m in per_test))
    weeks = list(_WEEKS_SEARCH.finditer(rest))
    mocks = list(_MOCKS_SEARCH.finditer(rest))
    rest = _mask(rest, (m.span() for m in weeks + mocks))
    lengths = list(_CLOCK_SEARCH.finditer(rest))
    rest = _mask(rest, (m.span() for m in lengths))
    lengths += _UNITS_SEARCH.finditer(rest)
    lengths.sort(key=lambda m: m.start())
    return _Found(per_test, lengths, weeks, mocks)


def _note(details: str, spans: list[tuple[int, int]], remark: str) -> tuple[str, str]:
    """(note, the rest): the note is made of the parts of *details* that hold no quantity (nor
    only a kind word) and of *remark*; the rest is the other parts, which describe the module.

    Consecutive note parts keep their separators; separate runs are joined with " - ".
    """
    parts: list[tuple[int, int]] = []
    start = 0
    for sep in _SEGMENT_SEP.finditer(details):
        parts.append((start, sep.start()))
        start = sep.end()
    parts.append((start, len(details)))
    pieces: list[str] = []
    described: list[str] = []
    run: tuple[int, int] | None = None
    for a, b in parts:
        segment = details[a:b].strip()
        keep = (
            bool(segment)
            and not any(s < b and a < e for s, e in spans)
            and not _KIND_ONLY.fullmatch(segment)
        )
        if keep:
            run = (a, b) if run is None else (run[0], b)
            continue
        described.append(segment)
        if run is not None:
            pieces.append(details[run[0] : run[1]])
            run = None
    if run is not None:
        pieces.append(details[run[0] : run[1]])
    if remark:
        pieces.append(remark)
    return _clean(" - ".join(p.strip() for p in pieces)), " ".join(described)


def _plan_line(body: str, line_no: int) -> ParsedModule | str:
    """The module of one plan line, or a message saying why the line cannot be read."""
    split = _split_line(body)
    if split is None:
        return (
            "no video length, weeks, hours or number of mock tests found in this plan line;"
            f" write it like {PLAN_LINE_FORMS}"
        )
    raw_name, details, remark = split
    name = _clean(raw_name).strip(_NAME_TRIM)
    if not name:
        return "the plan line has no module name before its details"
    if _has_control(name):
        return "the module name contains control characters"
    if len(name) > MAX_NAME_CHARS:
        return f"the module name is {len(name)} characters long; the limit is {MAX_NAME_CHARS}"
    found = _find(details)
    errors: list[str] = []

    def one(matches: list[re.Match[str]], what: str) -> re.Match[str] | None:
        if len(matches) > 1:
            listed = ", ".join(repr(m.group(0).strip()) for m in matches[:3])
            if len(matches) > 3:
                listed += ", \u2026"
            errors.append(f"more than one {what} ({listed})")
            return None
        return matches[0] if matches else None

    def length(match: re.Match[str] | None, group: int | str = 0) -> int | None:
        if match is None:
            return None
        try:
            return parse_video_length(match[group])
        except DurationError as exc:
            errors.append(str(exc))
            return None

    per_test_match = one(found.per_test, "time per test")
    per_test_seconds = None
    if per_test_match is not None:
        per_test_seconds = length(per_test_match, "a" if per_test_match["a"] else "b")
    seconds = length(one(found.lengths, "length"))
    weeks_match = one(found.weeks, "number of weeks")
    mocks_match = one(found.mocks, "number of mock tests")
    weeks = None if weeks_match is None else float(weeks_match["n"])
    mocks = None if mocks_match is None else int(mocks_match["n"])
    if weeks is not None and not 0 < weeks <= MAX_WEEKS:
        errors.append(f"the weeks must be more than 0 and at most {MAX_WEEKS:g}")
    if mocks is not None and not 1 <= mocks <= MAX_MOCK_TESTS:
        errors.append(f"the number of mock tests must be 1 to {MAX_MOCK_TESTS}")
    hours_per_test = None if per_test_seconds is None else per_test_seconds / 3600
    if hours_per_test is not None and hours_per_test > MAX_HOURS_PER_TEST:
        errors.append(f"a mock test takes at most {MAX_HOURS_PER_TEST:g} hours")
    hours = None if seconds is None else seconds / 3600
    if hours is not None and hours > MAX_EFFORT_HOURS:
        errors.append(f"the effort must be at most {MAX_EFFORT_HOURS:g} hours")
    if errors:
        return "; ".join(errors)

    video_seconds: int | None = None
    effort: float | None = None
    note, described = _note(details, found.spans(), remark)
    words = f"{name} {described}"
    if mocks is not None:
        kind = ModuleKind.PRACTICE
        if seconds is not None:
            return (
                "say whether the time is per test or in total, as in"
                " '5 mock tests, 2 hours each' (practice papers take mock tests x time per test)"
            )
    elif hours_per_test is not None:
        return "a time per test is given but no number of mock tests, as in '5 mock tests'"
    elif _PROJECT_WORD.search(details) or (seconds is None and _PROJECT_WORD.search(name)):
        kind = ModuleKind.PROJECT
        effort = hours
        if weeks is None and effort is None:
            return "a project needs its weeks or hours, as in '2 week project'"
    elif seconds is not None:
        if _READING_WORD.search(words) and not _VIDEO_WORD.search(words):
            kind = ModuleKind.READING
            effort = hours
        else:
            kind = ModuleKind.VIDEO
            video_seconds = seconds
    else:
        kind = ModuleKind.READING  # weeks only
    return ParsedModule(
        name=name,
        kind=kind,
        video_seconds=video_seconds,
        weeks=weeks,
        mock_tests=mocks,
        hours_per_test=hours_per_test,
        effort_hours=effort,
        note=note,
        line_no=line_no,
    )


# -- dates ---------------------------------------------------------------------------------------


def _date_prefix(text: str) -> tuple[dt.date, int]:
    """The date at the start of *text* and where it ends; ValueError says what is wrong."""
    for shape in _DATE_SHAPES:
        match = shape.match(text)
        if match is None or not _DATE_END.match(text, match.end()):
            continue
        year = int(match["y"])
        day = int(match["d"])
        if match.groupdict().get("mon"):
            month = _MONTHS.index(match["mon"][:3].lower()) + 1
        else:
            month = int(match["m"])
        try:
            value = dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"{match.group(0)!r} is not a calendar date") from None
        if match["wd"] and _WEEKDAYS.index(match["wd"][:3].lower()) != value.weekday():
            raise ValueError(f"{match.group(0)!r}: {value} is a {_DAY_NAMES[value.weekday()]}")
        if not EARLIEST_AS_AT <= value <= LATEST_AS_AT:
            raise ValueError(
                f"{match.group(0)!r} is outside {EARLIEST_AS_AT.year} to {LATEST_AS_AT.year}"
            )
        return value, match.end()
    shown = text.strip()[:40]
    raise ValueError(f"cannot read the date {shown!r}; write it as {DATE_FORMS}")


def parse_as_at_date(text: str) -> dt.date:
    """A date in one of the as-at forms (18-Jan-2019, 2019-01-18, 18/01/2019 day first,
    January 18, 2019, 18 Jan 2019; also 18th January 2019, Fri 18 Jan 2019, 18.01.2019).

    The whole text must be the date (a trailing '.' is allowed).  English month names only; no
    guessing: anything else raises ValueError naming the accepted forms.
    """
    value = text.strip().removesuffix(".").strip()
    date, end = _date_prefix(value)
    if end != len(value):
        raise ValueError(f"cannot read the date {value!r}; write it as {DATE_FORMS}")
    return date
