"""Import and export: CSV, the JSON backup and iCalendar (one layer above the services).

Exports
    ``export_sessions_csv``, ``export_mocks_csv``, ``export_json`` and ``export_ical`` write one
    file each, atomically (RELIABILITY.md B5: a temp file in the same folder, fsync, ``os.replace``,
    fsync of the folder), mode 0600, UTF-8 without a byte-order mark.  CSV follows RFC 4180
    (comma, double quotes, CRLF).  A text cell that starts with ``= + - @``, TAB or CR gets a
    leading ``'`` so that a spreadsheet shows it as text instead of running it (REL-SEC-01); so
    does a text cell that starts with ``'`` followed by one of those characters or by another
    ``'``, which makes the escape reversible.  Numeric columns are written as plain numbers.

    Sessions CSV columns (``SESSION_COLUMNS``): ``uuid``; ``local_date`` (YYYY-MM-DD, the day the
    session counts for); ``local_time`` (HH:MM:SS in ``zone``); ``zone`` (IANA name);
    ``started_at_utc`` (YYYY-MM-DDTHH:MM:SS[.ffffff]Z, the exact instant); ``minutes`` (number);
    ``module_position`` (number); ``module`` (name); ``source`` (timer, manual or import);
    ``note``.  Oldest session first.

    Mock tests CSV columns (``MOCK_COLUMNS`` then two per exam domain): ``uuid``; ``taken_on``;
    ``name``; ``correct``, ``total``, ``minutes`` (numbers; minutes may be empty);
    ``topic_position`` (number, empty unless the test is a topic quiz); ``topic`` (module name);
    then ``<domain> correct`` and ``<domain> total`` (numbers, empty when not recorded) for every
    domain of the plan's exam profile, followed by any other domain a test has counts for.

    The JSON backup (``BACKUP_FORMAT``, version ``BACKUP_VERSION``) holds the whole database:
    exam profiles with their domains; every plan (the current one is ``current_plan_id``) with its
    planned mock tests, modules (domain shares, progress statements, study sessions), mock tests
    (per-domain counts) and baselines; and the running timer.  Every record keeps its database
    id and timestamps, and references are by id, so that restoring the file into an empty
    database gives the same database (the same RELIABILITY.md digest).

    The iCalendar file (RFC 5545) has one all-day event per module window and one per planned
    mock test, spread over the practice-papers window.  UIDs are derived from the plan's and the
    module's identity, so a re-export updates a subscribed calendar instead of duplicating it.

Imports (RELIABILITY.md B11 and section 3.7)
    ``preview_sessions`` reads a CSV of study sessions in the app's own format (the export
    above), a Toggl Track detailed-report export or a Clockify detailed-report export, and returns
    the parsed rows, the rows whose module could not be told, and the problems per line; it writes
    nothing.  ``import_sessions`` does the same and then writes every new row in one transaction,
    or raises ``ImportRejected`` and writes nothing.  ``import_json`` restores a JSON backup into
    an empty database.  The importers return ``ImportResult(n, already_present)`` or raise
    ``ImportRejected(messages)``, each message naming the line (CSV) or JSON path and the field.
    Nothing else escapes for bad input; a storage failure (full disk, read-only file) is not an
    input problem and propagates as the store's ``StoreError``.

    Files above ``MAX_IMPORT_BYTES`` are refused before they are read, and files with more than
    ``MAX_IMPORT_ROWS`` rows (or, for JSON, too many or too deeply nested containers) before they
    are parsed.  JSON is parsed strictly: no NaN or Infinity, no number that overflows, no
    duplicate keys, no lone surrogates.  Re-importing a file is idempotent: rows whose uuid is
    already stored are counted as "already present" and not written again.  Toggl and Clockify
    exports carry no id, so their rows get a uuid derived from the row's content.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import io
import json
import re
import unicodedata
import uuid as uuid_module
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from studyplanner import __version__
from studyplanner.domain.model import ModuleKind
from studyplanner.domain.records import MockInfo, ModuleInfo, PlanInfo, SessionInfo
from studyplanner.services import (
    EARLIEST_DATE,
    FUTURE_TOLERANCE,
    LATEST_DATE,
    MAX_SESSION_MINUTES,
    StudyPlanner,
    ValidationError,
    clean_note,
)
from studyplanner.store import files, snapshot
from studyplanner.store import repository as repo
from studyplanner.store.crash import crashpoint, register_crashpoint
from studyplanner.store.db import SCHEMA_VERSION

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_ROWS = 200_000
MAX_JSON_DEPTH = 20
MAX_JSON_CONTAINERS = 1_000_000
MAX_PROBLEMS = 200

BACKUP_FORMAT = "studyplanner-backup"
BACKUP_VERSION = 1

SESSION_COLUMNS = (
    "uuid",
    "local_date",
    "local_time",
    "zone",
    "started_at_utc",
    "minutes",
    "module_position",
    "module",
    "source",
    "note",
)
SESSION_NUMERIC_COLUMNS = frozenset({"minutes", "module_position"})
MOCK_COLUMNS = (
    "uuid",
    "taken_on",
    "name",
    "correct",
    "total",
    "minutes",
    "topic_position",
    "topic",
)
MOCK_NUMERIC_COLUMNS = frozenset({"correct", "total", "minutes", "topic_position"})

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SOURCES = ("timer", "manual", "import")

CRASH_EXPORT = register_crashpoint("export:before-rename")
CRASH_IMPORT = register_crashpoint("import:before-commit")

_UID_NAMESPACE = uuid_module.UUID("6f1d7c9e-3c1a-5b7e-9a55-2d8e0b4f7a10")
_IMPORT_NAMESPACE = uuid_module.UUID("0c4b8f52-8d0e-5f8c-b0a4-9e51d3f7c2a6")


class SessionFormat(enum.StrEnum):
    """The CSV layouts ``preview_sessions`` and ``import_sessions`` read."""

    APP = "app"
    TOGGL = "toggl"
    CLOCKIFY = "clockify"


class ImportRejected(ValueError):
    """The file was not imported, and nothing was written; ``messages`` say where and why."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = tuple(messages) or ("the file cannot be imported",)
        shown = "; ".join(self.messages[:3])
        more = len(self.messages) - 3
        super().__init__(shown + (f" (and {more} more problems)" if more > 0 else ""))


class ExportError(ValueError):
    """The export file could not be written; any earlier file of that name is unchanged."""


@dataclasses.dataclass(frozen=True, slots=True)
class ImportResult:
    n: int
    already_present: int
    what: str = "sessions"
    # The sessions imported, for undo; not part of what the result says (or compares).
    uuids: tuple[str, ...] = dataclasses.field(default=(), compare=False, repr=False)

    def __str__(self) -> str:
        text = f"{self.n} {self.what} imported"
        if self.already_present:
            text += f", {self.already_present} already present"
        return text


@dataclasses.dataclass(frozen=True, slots=True)
class SessionRow:
    """One importable row of a sessions file (``already_present``: its uuid is stored)."""

    line: int
    uuid: str
    module_id: int
    module_position: int
    module_name: str
    started_at: dt.datetime
    zone: str
    local_date: dt.date
    minutes: int
    source: str
    note: str
    already_present: bool


@dataclasses.dataclass(frozen=True, slots=True)
class UnmatchedRow:
    """A row whose module could not be told from its Project or Description (or module name).

    ``key`` is the text a caller can map to a module (``mapping={key: module_id}``);
    ``candidates`` names the modules it matched ambiguously, if any.
    """

    line: int
    project: str
    description: str
    candidates: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.project or self.description


@dataclasses.dataclass(frozen=True, slots=True)
class SessionPreview:
    format: SessionFormat
    rows: tuple[SessionRow, ...]
    unmatched: tuple[UnmatchedRow, ...]
    problems: tuple[str, ...]
    skipped: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()

    @property
    def new_rows(self) -> tuple[SessionRow, ...]:
        return tuple(r for r in self.rows if not r.already_present)

    @property
    def already_present(self) -> int:
        return sum(1 for r in self.rows if r.already_present)

    @property
    def ready(self) -> bool:
        """True when ``import_sessions`` would accept the file as it is."""
        return not self.problems and not self.unmatched


@dataclasses.dataclass(frozen=True, slots=True)
class BackupPreview:
    plans: int
    modules: int
    sessions: int
    mock_tests: int
    problems: tuple[str, ...]


Source = Path | bytes


# -- writing files ---------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* so that the path holds either the old or the new whole content."""
    target = path.expanduser()
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist")
    try:
        files.replace_atomically(target, data, before_rename=lambda: crashpoint(CRASH_EXPORT))
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _check_target(planner: StudyPlanner, path: Path) -> None:
    """Never let an export replace the database (or its journal or lock) by mistake."""
    database = planner.db.path.resolve()
    protected = {database.with_name(database.name + s) for s in ("", "-wal", "-shm", ".lock")}
    if path.expanduser().resolve() in protected:
        raise ExportError(f"{path} is the StudyPlanner database itself; choose another file")


# -- CSV -------------------------------------------------------------------------------------


def escape_cell(text: str) -> str:
    """A text cell made safe for spreadsheets (REL-SEC-01); ``unescape_cell`` reverses it."""
    if text.startswith(FORMULA_PREFIXES) or unescape_cell(text) != text:
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    if text.startswith("'") and text[1:].startswith((*FORMULA_PREFIXES, "'")):
        return text[1:]
    return text


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str | int | None]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([escape_cell(h) for h in header])
    for row in rows:
        writer.writerow(
            ["" if v is None else (str(v) if isinstance(v, int) else escape_cell(v)) for v in row]
        )
    return buffer.getvalue().encode("utf-8")


def _instant_text(value: dt.datetime) -> str:
    utc = value.astimezone(dt.UTC)
    if utc.microsecond:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def sessions_csv(planner: StudyPlanner) -> bytes:
    """The current plan's sessions as CSV (``SESSION_COLUMNS``), oldest first."""
    return _sessions_csv(planner)[0]


def _sessions_csv(planner: StudyPlanner) -> tuple[bytes, int]:
    sessions = list(reversed(planner.sessions()))
    positions = {m.id: m.position for m in planner.modules()}
    data = _csv_bytes(SESSION_COLUMNS, (_session_cells(s, positions) for s in sessions))
    return data, len(sessions)


def _session_cells(s: SessionInfo, positions: Mapping[int, int]) -> list[str | int | None]:
    local = s.started_at.astimezone(_zone_info(s.zone))
    return [
        s.uuid,
        s.local_date.isoformat(),
        local.strftime("%H:%M:%S"),
        s.zone,
        _instant_text(s.started_at),
        s.minutes,
        positions.get(s.module_id),
        s.module_name,
        s.source,
        s.note,
    ]


def mocks_csv(planner: StudyPlanner) -> bytes:
    """The current plan's mock tests and topic quizzes as CSV, oldest first."""
    return _mocks_csv(planner)[0]


def _mocks_csv(planner: StudyPlanner) -> tuple[bytes, int]:
    plan = planner.require_plan()
    mocks = planner.mocks()
    modules = {m.id: m for m in planner.modules()}
    domains = list(plan.profile.domain_names())
    extra = sorted({d for m in mocks for d in m.domain_counts} - set(domains))
    domains += extra
    header = [*MOCK_COLUMNS]
    for domain in domains:
        header += [f"{domain} correct", f"{domain} total"]
    return _csv_bytes(header, (_mock_cells(m, modules, domains) for m in mocks)), len(mocks)


def _mock_cells(
    m: MockInfo, modules: Mapping[int, ModuleInfo], domains: Sequence[str]
) -> list[str | int | None]:
    topic = modules.get(m.topic_module_id) if m.topic_module_id is not None else None
    cells: list[str | int | None] = [
        m.uuid,
        m.taken_on.isoformat(),
        m.name,
        m.correct,
        m.total,
        m.minutes,
        None if topic is None else topic.position,
        "" if topic is None else topic.name,
    ]
    for domain in domains:
        counts = m.domain_counts.get(domain)
        cells += [None, None] if counts is None else [counts[0], counts[1]]
    return cells


def export_sessions_csv(planner: StudyPlanner, path: Path) -> int:
    """Write the sessions CSV to *path*; return the number of sessions written."""
    _check_target(planner, path)
    data, count = _sessions_csv(planner)
    write_atomic(path, data)
    return count


def export_mocks_csv(planner: StudyPlanner, path: Path) -> int:
    """Write the mock tests CSV to *path*; return the number of tests written."""
    _check_target(planner, path)
    data, count = _mocks_csv(planner)
    write_atomic(path, data)
    return count


# -- JSON backup -----------------------------------------------------------------------------

# Nesting of the backup: (key in the parent object, table, column pointing at the parent).
_CHILDREN: dict[str, tuple[tuple[str, str, str], ...]] = {
    "exam_profile": (("domains", "exam_domain", "profile_id"),),
    "plan": (
        ("planned_mocks", "planned_mock", "plan_id"),
        ("modules", "module", "plan_id"),
        ("mock_tests", "mock_test", "plan_id"),
        ("baselines", "baseline", "plan_id"),
    ),
    "module": (
        ("shares", "module_domain", "module_id"),
        ("progress", "progress", "module_id"),
        ("sessions", "study_session", "module_id"),
    ),
    "mock_test": (("domain_scores", "mock_domain_score", "mock_id"),),
    "baseline": (("modules", "baseline_module", "baseline_id"),),
}
_ROOTS = (("profiles", "exam_profile"), ("plans", "plan"))


def backup_document(planner: StudyPlanner) -> dict[str, Any]:
    """The whole database as the JSON backup document (see the module docstring)."""
    with planner.db.session() as s:
        rows = snapshot.dump(s)
        current = repo.current_plan_id(s)
    children: dict[tuple[str, object], list[dict[str, Any]]] = {}
    for specs in _CHILDREN.values():
        for _, table, fk in specs:
            for row in rows[table]:
                children.setdefault((table, row[fk]), []).append(row)

    def nest(table: str, row: Mapping[str, Any], parent_fk: str | None) -> dict[str, Any]:
        obj = {k: v for k, v in row.items() if k != parent_fk}
        for key, child_table, fk in _CHILDREN.get(table, ()):
            obj[key] = [
                nest(child_table, c, fk) for c in children.get((child_table, row["id"]), [])
            ]
        return obj

    timers = rows["running_timer"]
    document: dict[str, Any] = {
        "format": BACKUP_FORMAT,
        "format_version": BACKUP_VERSION,
        "app_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "exported_at": snapshot.format_instant(planner.now()),
        "current_plan_id": current,
    }
    for key, table in _ROOTS:
        document[key] = [nest(table, r, None) for r in rows[table]]
    document["timer"] = dict(timers[0]) if timers else None
    return document


def _backup_bytes(document: Mapping[str, Any]) -> bytes:
    # Compact (no indentation): about 240 bytes a session, so that backups of up to about 80,000
    # sessions stay under the import size cap.  Pretty-print with any JSON tool to read it.
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text + "\n").encode("utf-8")


def backup_json(planner: StudyPlanner) -> bytes:
    return _backup_bytes(backup_document(planner))


def export_json(planner: StudyPlanner, path: Path) -> int:
    """Write the whole-database JSON backup to *path*; return the number of sessions in it."""
    _check_target(planner, path)
    document = backup_document(planner)
    write_atomic(path, _backup_bytes(document))
    return sum(len(m["sessions"]) for p in document["plans"] for m in p["modules"])


# -- iCalendar -------------------------------------------------------------------------------


def _ical_clean(value: str) -> str:
    """Line ends as LF; control characters other than LF and TAB dropped (RFC 5545 TEXT)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in value if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs"))


def _ical_text(value: str) -> str:
    value = _ical_clean(value)
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(plain, escaped)
    return value


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines of at most 75 octets, never splitting a UTF-8 character."""
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _ical_date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _plan_key(plan: PlanInfo) -> str:
    return f"{plan.id}:{hashlib.sha256(plan.notes_text.encode('utf-8')).hexdigest()[:16]}"


def ical_text(planner: StudyPlanner) -> str:
    """The plan as an iCalendar document (CRLF line ends, folded, escaped)."""
    plan = planner.require_plan()
    modules = planner.modules()
    windows = planner.planned_windows(plan, modules)
    stamp = planner.now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    key = _plan_key(plan)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//StudyPlanner//StudyPlanner {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_ical_text(plan.name)}",
    ]

    def event(uid: str, first: dt.date, last: dt.date, summary: str, description: str) -> None:
        lines.extend(
            [
                "BEGIN:VEVENT",
                f"UID:{uid}@studyplanner",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{_ical_date(first)}",
                f"DTEND;VALUE=DATE:{_ical_date(last + dt.timedelta(days=1))}",
                f"SUMMARY:{_ical_text(summary)}",
                f"DESCRIPTION:{_ical_text(description)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        )

    for module, (first, last) in zip(modules, windows, strict=True):
        detail = (
            f"{module.kind.value.capitalize()} module {module.position} of {len(modules)}:"
            f" {module.effort_hours:.1f} h planned over {module.weeks:g}"
            f" week{'' if module.weeks == 1 else 's'}."
        )
        if _ical_clean(module.note):
            detail += "\n" + module.note
        uid = uuid_module.uuid5(_UID_NAMESPACE, f"{key}:module:{module.id}")
        event(str(uid), first, last, f"{module.position}. {module.name}", detail)

    practice = [w for m, w in zip(modules, windows, strict=True) if m.kind is ModuleKind.PRACTICE]
    if practice and plan.planned_mocks:
        first, last = practice[-1]
        days = (last - first).days + 1
        count = len(plan.planned_mocks)
        for index, name in enumerate(plan.planned_mocks):
            day = first + dt.timedelta(days=index * days // count)
            uid = uuid_module.uuid5(_UID_NAMESPACE, f"{key}:mock:{index + 1}")
            event(
                str(uid),
                day,
                day,
                f"Mock test: {name}",
                f"Planned mock test {index + 1} of {count} ({plan.name}).",
            )
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def export_ical(planner: StudyPlanner, path: Path) -> int:
    """Write the plan as an iCalendar file to *path*; return the number of events."""
    _check_target(planner, path)
    text = ical_text(planner)
    write_atomic(path, text.encode("utf-8"))
    return text.count("BEGIN:VEVENT")


# -- reading import files --------------------------------------------------------------------


def _reject(message: str) -> NoReturn:
    raise ImportRejected([message])


def _read(source: Source) -> bytes:
    if isinstance(source, bytes):
        data = source
    else:
        try:
            size = source.stat().st_size
            if source.is_dir():
                _reject(f"file: {source} is a folder, not a file")
            if size > MAX_IMPORT_BYTES:
                _reject(f"file: {source} is {size:,} bytes; the limit is 20 MB")
            with source.open("rb") as handle:
                data = handle.read(MAX_IMPORT_BYTES + 1)
        except FileNotFoundError:
            _reject(f"file: {source} does not exist")
        except OSError as exc:
            _reject(f"file: cannot read {source}: {exc.strerror or exc}")
    if len(data) > MAX_IMPORT_BYTES:
        _reject(f"file: the file is larger than the limit of 20 MB ({MAX_IMPORT_BYTES:,} bytes)")
    return data


def _decode(data: bytes) -> str:
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        _reject(f"line {line}: the file is not UTF-8 text (byte {exc.start + 1} is invalid)")
    nul = text.find("\x00")
    if nul >= 0:
        _reject(f"line {text.count(chr(10), 0, nul) + 1}: contains a NUL character")
    return text


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


_QUOTE_OR_CR = re.compile(r'"|\r\n?')


def _check_lone_cr(text: str) -> None:
    """A CR that is not part of CRLF is only allowed inside a quoted field."""
    if not re.search(r"\r(?!\n)", text):
        return
    quoted = False
    for match in _QUOTE_OR_CR.finditer(text):
        token = match.group()
        if token == '"':
            quoted = not quoted
        elif token == "\r" and not quoted:
            _reject(f"line {_line_at(text, match.start())}: a line ends with a lone CR character")


@dataclasses.dataclass(frozen=True, slots=True)
class _Table:
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (first line of the row, cells)


def _read_csv(text: str) -> _Table:
    if text.count("\n") > 2 * MAX_IMPORT_ROWS + 1:
        _reject(f"file: the file has more than {MAX_IMPORT_ROWS:,} rows (the limit)")
    _check_lone_cr(text)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, tuple[str, ...]]] = []
    next_line = 1
    try:
        for cells in reader:
            line, next_line = next_line, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            rows.append((line, tuple(cells)))
            if len(rows) > MAX_IMPORT_ROWS + 1:
                _reject(f"file: the file has more than {MAX_IMPORT_ROWS:,} rows (the limit)")
    except csv.Error as exc:
        _reject(f"line {reader.line_num}: {exc}")
    if not rows:
        _reject("line 1: the file is empty (no header line)")
    header = tuple(h.strip() for h in rows[0][1])
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        folded = name.casefold()
        if folded and folded in seen:
            _reject(f"line {rows[0][0]}: column {name!r} appears twice")
        seen[folded] = index
    return _Table(header, tuple(rows[1:]))


# -- parsing session rows --------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class _Parsed:
    """A session row as read, before its module is known."""

    line: int
    uuid: str
    derived_uuid: bool
    project: str
    description: str
    position: int | None
    started_at: dt.datetime
    zone: str
    local_date: dt.date
    minutes: int
    source: str
    note: str


@dataclasses.dataclass
class _ParseOutcome:
    rows: list[_Parsed] = dataclasses.field(default_factory=list)
    problems: list[str] = dataclasses.field(default_factory=list)
    skipped: list[str] = dataclasses.field(default_factory=list)
    notices: list[str] = dataclasses.field(default_factory=list)


class _RowProblem(ValueError):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(f"{column}: {message}")


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_SLASH_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_DOT_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?")
_HMS = re.compile(r"([0-9]{1,5}):([0-9]{2})(?::([0-9]{2}))?")
_DECIMAL = re.compile(r"[0-9]{1,5}(?:\.[0-9]{1,6})?")
_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?Z")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _date(text: str, column: str, day_first: bool = False) -> dt.date:
    value = text.strip()
    try:
        if match := _ISO_DATE.fullmatch(value):
            year, month, day = (int(g) for g in match.groups())
        elif match := _SLASH_DATE.fullmatch(value):
            a, b, year = (int(g) for g in match.groups())
            day, month = (a, b) if day_first else (b, a)
        elif match := _DOT_DATE.fullmatch(value):
            day, month, year = (int(g) for g in match.groups())
        else:
            raise ValueError
        result = dt.date(year, month, day)
    except ValueError:
        raise _RowProblem(column, f"{text!r} is not a date") from None
    if not EARLIEST_DATE <= result <= LATEST_DATE:
        raise _RowProblem(column, f"{result} is outside {EARLIEST_DATE} to {LATEST_DATE}")
    return result


def _clock(text: str, column: str) -> dt.time:
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        raise _RowProblem(column, f"{text!r} is not a time of day")
    hours, minutes = int(match.group(1)), int(match.group(2))
    seconds = int(match.group(3) or 0)
    half = match.group(4)
    if half is not None:
        if not 1 <= hours <= 12:
            raise _RowProblem(column, f"{text!r} is not a time of day")
        hours = hours % 12 + (12 if half in "Pp" else 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise _RowProblem(column, f"{text!r} is not a time of day")
    return dt.time(hours, minutes, seconds)


def _duration_seconds(text: str, column: str, *, decimal_hours: bool = True) -> int:
    value = text.strip()
    if match := _HMS.fullmatch(value):
        hours, minutes, seconds = int(match.group(1)), int(match.group(2)), match.group(3)
        if minutes > 59 or (seconds is not None and int(seconds) > 59):
            raise _RowProblem(column, f"{text!r} is not a duration")
        return hours * 3600 + minutes * 60 + int(seconds or 0)
    if decimal_hours and _DECIMAL.fullmatch(value):
        whole, _, fraction = value.partition(".")
        micro_hours = int(whole) * 1_000_000 + int((fraction + "000000")[:6])
        return (micro_hours * 3600 + 500_000) // 1_000_000
    raise _RowProblem(column, f"{text!r} is not a duration")


def _local_instant(day: dt.date, clock: dt.time, zone: ZoneInfo, column: str) -> dt.datetime:
    local = dt.datetime.combine(day, clock, tzinfo=zone)
    back = local.astimezone(dt.UTC).astimezone(zone)
    if back.replace(tzinfo=None) != local.replace(tzinfo=None):
        raise _RowProblem(column, f"{day} {clock} does not exist in {zone.key} (clocks changed)")
    return local.astimezone(dt.UTC)


@functools.lru_cache(maxsize=64)
def _zone_info(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _zone(text: str, column: str) -> ZoneInfo:
    name = text.strip()
    if not name or len(name) > 64:
        raise _RowProblem(column, f"{text!r} is not a time zone name")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise _RowProblem(column, f"{text!r} is not a time zone name") from None


def _minutes_from_seconds(seconds: int) -> int:
    return (seconds + 30) // 60


def _whole(text: str, column: str, low: int, high: int) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()):
        raise _RowProblem(column, f"{text!r} is not a whole number")
    number = int(value)
    if not low <= number <= high:
        raise _RowProblem(column, f"{number} is outside {low} to {high}")
    return number


def _note(text: str, column: str) -> str:
    try:
        return clean_note(text, column)
    except ValidationError as exc:
        raise _RowProblem(column, exc.message) from None


def _parse_app(table: _Table, zone_name: str) -> _ParseOutcome:
    outcome = _ParseOutcome()
    known = set(SESSION_COLUMNS)
    for name in table.header:
        if name not in known:
            _reject(
                f"line 1: unknown column {name!r} (the columns are {', '.join(SESSION_COLUMNS)})"
            )
    index = {name: i for i, name in enumerate(table.header)}
    for required in ("local_date", "minutes"):
        if required not in index:
            _reject(f"line 1: the column {required!r} is missing")
    if "module" not in index and "module_position" not in index:
        _reject("line 1: a 'module' or 'module_position' column is needed")
    width = len(table.header)
    for line, cells in table.rows:
        if len(cells) != width:
            outcome.problems.append(f"line {line}: has {len(cells)} fields; the header has {width}")
            continue

        def cell(name: str, cells: tuple[str, ...] = cells) -> str:
            return unescape_cell(cells[index[name]]) if name in index else ""

        try:
            outcome.rows.append(_app_row(line, cell, zone_name))
        except _RowProblem as exc:
            outcome.problems.append(f"line {line}: {exc}")
    return outcome


def _app_row(line: int, cell: Callable[[str], str], default_zone: str) -> _Parsed:
    raw_uuid = cell("uuid").strip()
    if raw_uuid and not _UUID.fullmatch(raw_uuid):
        raise _RowProblem("uuid", f"{raw_uuid!r} is not a UUID")
    zone = _zone(cell("zone") or default_zone, "zone")
    day = _date(cell("local_date"), "local_date")
    if not _ISO_DATE.fullmatch(cell("local_date").strip()):
        raise _RowProblem("local_date", f"{cell('local_date')!r} is not a date YYYY-MM-DD")
    minutes = _whole(cell("minutes"), "minutes", 1, MAX_SESSION_MINUTES)
    instant_text = cell("started_at_utc").strip()
    if instant_text:
        if not _INSTANT.fullmatch(instant_text):
            raise _RowProblem("started_at_utc", f"{instant_text!r} is not a UTC instant")
        try:
            started = dt.datetime.fromisoformat(instant_text[:-1]).replace(tzinfo=dt.UTC)
        except ValueError:
            raise _RowProblem("started_at_utc", f"{instant_text!r} is not a UTC instant") from None
        actual_day = started.astimezone(zone).date()
        if actual_day != day:
            raise _RowProblem(
                "local_date", f"{day} is not the day of started_at_utc in {zone.key} ({actual_day})"
            )
    else:
        clock_text = cell("local_time").strip()
        clock = _clock(clock_text, "local_time") if clock_text else dt.time(12, 0)
        started = _local_instant(day, clock, zone, "local_time")
    position_text = cell("module_position").strip()
    position = _whole(position_text, "module_position", 1, 10_000) if position_text else None
    source = cell("source").strip() or "import"
    if source not in SOURCES:
        raise _RowProblem("source", f"{source!r} is not one of {', '.join(SOURCES)}")
    module = cell("module").strip()
    if not module and position is None:
        raise _RowProblem("module", "give the module's name or position")
    note = _note(cell("note"), "note")
    identity = [module, str(position), started.isoformat(), str(minutes), note]
    return _Parsed(
        line=line,
        uuid=raw_uuid or _derived_uuid("app", identity),
        derived_uuid=not raw_uuid,
        project=module,
        description="",
        position=position,
        started_at=started,
        zone=zone.key,
        local_date=day,
        minutes=minutes,
        source=source,
        note=note,
    )


def _derived_uuid(kind: str, parts: Sequence[str]) -> str:
    return str(uuid_module.uuid5(_IMPORT_NAMESPACE, "\x1f".join([kind, *parts])))


@dataclasses.dataclass(frozen=True, slots=True)
class _Layout:
    """Where a time tracker's detailed report keeps what a session needs (header names)."""

    kind: str
    start_date: str
    start_time: str
    end_date: str
    end_time: str
    durations: tuple[tuple[str, bool], ...]  # (column, may be decimal hours), in preference order


# Toggl Track, Reports > Detailed > Export CSV. Header (verified from Toggl's CSV import guide,
# support.toggl.com "Editing and uploading a CSV file", which says the importer reads the detailed
# report's format, and from many public fixtures of real exports):
#   User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,
#   Duration,Tags,Amount (<currency>)
# Dates are YYYY-MM-DD and times HH:MM:SS; Duration is H:MM:SS (or decimal hours, a profile
# setting).  Times are in the exporting user's time zone, which the file does not name.
_TOGGL = _Layout("toggl", "start date", "start time", "end date", "end time", (("duration", True),))
# Clockify, Reports > Detailed > Export > Save as CSV. Header (from public fixtures of real
# exports; clockify.me/help does not list it and could not be fetched here, so not verified
# against Clockify's own documentation):
#   Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,
#   End Date,End Time,Duration (h),Duration (decimal),Billable Rate (<cur>),Billable Amount (<cur>)
# Some exports lack Group or the rate columns.  Dates follow the workspace's date format
# (MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY or YYYY-MM-DD) and times may be 12-hour with AM/PM.
_CLOCKIFY = _Layout(
    "clockify",
    "start date",
    "start time",
    "end date",
    "end time",
    (("duration (h)", False), ("duration (decimal)", True)),
)


def _slash_order(values: Iterable[tuple[int, str]]) -> bool:
    """True if the file's slash dates are day/month/year, False if month/day/year.

    A date whose first part is above 12 shows day first, one whose second part is, month first;
    with neither, month first (Clockify's default).  A file that shows both is rejected, naming
    the first line that contradicts an earlier one.
    """
    seen: dict[bool, int] = {}
    for line, value in values:
        match = _SLASH_DATE.fullmatch(value.strip())
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 and second <= 12:
            seen.setdefault(True, line)
        elif second > 12 and first <= 12:
            seen.setdefault(False, line)
        if len(seen) == 2:
            _reject(
                f"line {max(seen.values())}: the dates mix day/month/year (line {seen[True]})"
                f" and month/day/year (line {seen[False]})"
            )
    return seen.get(True) is not None


def _parse_tracker(table: _Table, layout: _Layout, zone_name: str) -> _ParseOutcome:
    outcome = _ParseOutcome()
    index = {name.casefold(): i for i, name in enumerate(table.header) if name}
    for required in (layout.start_date, layout.start_time):
        if required not in index:
            _reject(f"line 1: the column {required.title()!r} is missing")
    has_end = layout.end_date in index and layout.end_time in index
    if not has_end and not any(c in index for c, _ in layout.durations):
        _reject(f"line 1: the column {layout.durations[0][0].title()!r} is missing")
    if "project" not in index and "description" not in index:
        _reject("line 1: the column 'Project' is missing")
    zone = ZoneInfo(zone_name)
    width = len(table.header)

    def get(cells: tuple[str, ...], name: str) -> str:
        position = index.get(name)
        return cells[position] if position is not None and position < len(cells) else ""

    date_cells = [
        (line, get(cells, column))
        for line, cells in table.rows
        for column in (layout.start_date, layout.end_date)
    ]
    day_first = _slash_order(date_cells)
    if any(_SLASH_DATE.fullmatch(v.strip()) for _, v in date_cells):
        order = "day/month/year" if day_first else "month/day/year"
        outcome.notices.append(f"dates of the form 01/02/2019 were read as {order}")
    for line, cells in table.rows:
        if len(cells) != width:
            outcome.problems.append(f"line {line}: has {len(cells)} fields; the header has {width}")
            continue
        try:
            parsed = _tracker_row(line, cells, get, layout, zone, day_first)
        except _RowProblem as exc:
            outcome.problems.append(f"line {line}: {exc}")
            continue
        if parsed is None:
            outcome.skipped.append(f"line {line}: shorter than half a minute")
        else:
            outcome.rows.append(parsed)
    return outcome


def _tracker_row(
    line: int,
    cells: tuple[str, ...],
    get: Callable[[tuple[str, ...], str], str],
    layout: _Layout,
    zone: ZoneInfo,
    day_first: bool,
) -> _Parsed | None:
    day = _date(get(cells, layout.start_date), layout.start_date.title(), day_first)
    clock = _clock(get(cells, layout.start_time), layout.start_time.title())
    started = _local_instant(day, clock, zone, layout.start_time.title())
    seconds: int | None = None
    for column, decimal in layout.durations:
        text = get(cells, column).strip()
        if text:
            seconds = _duration_seconds(text, column.title(), decimal_hours=decimal)
            break
    end_date_text = get(cells, layout.end_date).strip()
    end_time_text = get(cells, layout.end_time).strip()
    if seconds is None or (layout.kind == "clockify" and end_date_text and end_time_text):
        if not (end_date_text and end_time_text):
            raise _RowProblem("Duration", "the row has neither a duration nor an end")
        end_day = _date(end_date_text, layout.end_date.title(), day_first)
        end_clock = _clock(end_time_text, layout.end_time.title())
        ended = _local_instant(end_day, end_clock, zone, layout.end_time.title())
        if ended < started:
            raise _RowProblem("End time", "the session ends before it starts")
        exact = int((ended - started).total_seconds())
        seconds = exact if seconds is None or abs(exact - seconds) > 60 else seconds
    minutes = _minutes_from_seconds(seconds)
    if minutes < 1:
        return None
    if minutes > MAX_SESSION_MINUTES:
        raise _RowProblem("Duration", f"{minutes} minutes is more than 24 hours")
    project = get(cells, "project").strip()
    description = get(cells, "description").strip()
    if not project and not description:
        raise _RowProblem("Project", "the row has neither a project nor a description")
    identity = [
        get(cells, "email").strip().casefold(),
        project,
        description,
        started.isoformat(),
        str(seconds),
    ]
    return _Parsed(
        line=line,
        uuid=_derived_uuid(layout.kind, identity),
        derived_uuid=True,
        project=project,
        description=description,
        position=None,
        started_at=started,
        zone=zone.key,
        local_date=started.astimezone(zone).date(),
        minutes=minutes,
        source="import",
        note=_note(description, "Description"),
    )


def _parse_sessions(source: Source, fmt: SessionFormat, zone_name: str) -> _ParseOutcome:
    table = _read_csv(_decode(_read(source)))
    if fmt is SessionFormat.APP:
        return _parse_app(table, zone_name)
    return _parse_tracker(table, _TOGGL if fmt is SessionFormat.TOGGL else _CLOCKIFY, zone_name)


# -- matching rows to modules ----------------------------------------------------------------


def match_module(text: str, modules: Sequence[ModuleInfo]) -> tuple[ModuleInfo | None, list[str]]:
    """The module *text* names: exact name, else unique prefix, else unique containment.

    Case-insensitive.  Returns ``(module, [])`` or ``(None, names it matched ambiguously)``.
    """
    wanted = text.strip().casefold()
    if not wanted:
        return None, []
    for test in (
        lambda name: name == wanted,
        lambda name: name.startswith(wanted),
        lambda name: name in wanted or wanted in name,
    ):
        found = [m for m in modules if test(m.name.casefold())]
        if len(found) == 1:
            return found[0], []
        if found:
            return None, [m.name for m in found]
    return None, []


def _resolve(
    row: _Parsed,
    modules: Sequence[ModuleInfo],
    mapping: Mapping[str, ModuleInfo],
) -> tuple[ModuleInfo | None, list[str]]:
    for text in (row.project, row.description):
        if text and text.casefold() in mapping:
            return mapping[text.casefold()], []
    if row.position is not None:
        by_position = [m for m in modules if m.position == row.position]
        named = [m for m in by_position if m.name.casefold() == row.project.casefold()]
        if named or (by_position and not row.project):
            return (named or by_position)[0], []
    candidates: list[str] = []
    for text in (row.project, row.description):
        module, ambiguous = match_module(text, modules)
        if module is not None:
            return module, []
        candidates = candidates or ambiguous
    return None, candidates


# -- preview and commit ----------------------------------------------------------------------


def _evaluate(
    planner: StudyPlanner,
    s: Any,
    fmt: SessionFormat,
    parsed: _ParseOutcome,
    mapping: Mapping[str, int] | None,
) -> SessionPreview:
    problems = list(parsed.problems)
    skipped = list(parsed.skipped)
    plan_id = repo.current_plan_id(s)
    if plan_id is None:
        problems.insert(0, "file: there is no plan yet: import a plan before importing sessions")
        return SessionPreview(fmt, (), (), tuple(problems), tuple(skipped), tuple(parsed.notices))
    plan = repo.load_plan(s, plan_id)
    modules = repo.load_modules(s, plan_id)
    by_id = {m.id: m for m in modules}
    chosen: dict[str, ModuleInfo] = {}
    for key, module_id in (mapping or {}).items():
        if module_id not in by_id:
            problems.append(f"mapping: {key!r}: module {module_id} is not in the plan")
        else:
            chosen[key.strip().casefold()] = by_id[module_id]
    present = snapshot.session_uuids(s, (r.uuid for r in parsed.rows))
    totals = repo.minutes_by_day(s, plan_id, LATEST_DATE + dt.timedelta(days=1))
    earliest = max(EARLIEST_DATE, plan.start - dt.timedelta(days=365))
    latest_start = planner.now() + FUTURE_TOLERANCE
    first_line: dict[str, int] = {}
    rows: list[SessionRow] = []
    unmatched: list[UnmatchedRow] = []
    for row in parsed.rows:
        if row.uuid in first_line:
            if row.derived_uuid:
                skipped.append(f"line {row.line}: the same entry as line {first_line[row.uuid]}")
            else:
                problems.append(
                    f"line {row.line}: uuid: the same uuid as line {first_line[row.uuid]}"
                )
            continue
        first_line[row.uuid] = row.line
        module, candidates = _resolve(row, modules, chosen)
        if module is None:
            unmatched.append(
                UnmatchedRow(row.line, row.project, row.description, tuple(candidates))
            )
            continue
        already = row.uuid in present
        if not already:
            if row.local_date < earliest:
                problems.append(
                    f"line {row.line}: date: {row.local_date} is more than a year before the plan"
                    f" starts ({plan.start})"
                )
                continue
            if row.started_at > latest_start:
                problems.append(f"line {row.line}: date: {row.local_date} is in the future")
                continue
            total = totals.get(row.local_date, 0) + row.minutes
            if total > MAX_SESSION_MINUTES:
                problems.append(
                    f"line {row.line}: minutes: {row.local_date} would have {total} minutes of"
                    " study; a day has 1440"
                )
                continue
            totals[row.local_date] = total
        rows.append(
            SessionRow(
                line=row.line,
                uuid=row.uuid,
                module_id=module.id,
                module_position=module.position,
                module_name=module.name,
                started_at=row.started_at,
                zone=row.zone,
                local_date=row.local_date,
                minutes=row.minutes,
                source=row.source,
                note=row.note,
                already_present=already,
            )
        )
    return SessionPreview(
        fmt,
        tuple(rows),
        tuple(unmatched),
        tuple(problems[:MAX_PROBLEMS]),
        tuple(skipped),
        tuple(parsed.notices),
    )


def _format(fmt: SessionFormat | str) -> SessionFormat:
    try:
        return SessionFormat(fmt)
    except ValueError:
        _reject(f"format: {fmt!r} is not one of {', '.join(f.value for f in SessionFormat)}")


def preview_sessions(
    planner: StudyPlanner,
    source: Source,
    fmt: SessionFormat | str = SessionFormat.APP,
    *,
    mapping: Mapping[str, int] | None = None,
    zone: str | None = None,
) -> SessionPreview:
    """Read a sessions file and say what importing it would do; writes nothing.

    *mapping* maps a Project or Description text (case-insensitive) to a module id, for rows
    that cannot be matched by name.  *zone* is the time zone of Toggl and Clockify times
    (default: the planner's).  Problems that concern the whole file are returned as the only
    problem, with no rows.
    """
    chosen = _format(fmt)
    try:
        parsed = _parse_sessions(source, chosen, zone or planner.zone_name)
    except ImportRejected as exc:
        return SessionPreview(chosen, (), (), exc.messages)
    with planner.db.session() as s:
        return _evaluate(planner, s, chosen, parsed, mapping)


def import_sessions(
    planner: StudyPlanner,
    source: Source,
    fmt: SessionFormat | str = SessionFormat.APP,
    *,
    mapping: Mapping[str, int] | None = None,
    zone: str | None = None,
    skip_unmatched: bool = False,
) -> ImportResult:
    """Import a sessions file into the current plan: every new row in one transaction, or none.

    Rows whose module cannot be told are a problem unless *skip_unmatched* is set.
    """
    chosen = _format(fmt)
    parsed = _parse_sessions(source, chosen, zone or planner.zone_name)
    if parsed.problems:  # rows that cannot be read: no need to look at the database
        raise ImportRejected(parsed.problems[:MAX_PROBLEMS])
    created = planner.now()
    planner.backup_before("pre-import")
    with planner.db.session() as s:
        preview = _evaluate(planner, s, chosen, parsed, mapping)
        messages = list(preview.problems)
        if not skip_unmatched:
            messages += [
                f"line {u.line}: module: no module matches {u.key!r}"
                + (f" (it matches {', '.join(u.candidates)})" if u.candidates else "")
                for u in preview.unmatched
            ]
        if messages:
            raise ImportRejected(messages)
        new = preview.new_rows
        snapshot.add_sessions(
            s,
            [
                {
                    "uuid": r.uuid,
                    "module_id": r.module_id,
                    "started_at": r.started_at,
                    "zone": r.zone,
                    "local_date": r.local_date,
                    "minutes": r.minutes,
                    "source": r.source,
                    "note": r.note,
                    "created_at": created,
                }
                for r in new
            ],
        )
        crashpoint(CRASH_IMPORT)
    return ImportResult(len(new), preview.already_present, uuids=tuple(r.uuid for r in new))


# -- strict JSON -----------------------------------------------------------------------------

_JSON_TOKEN = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{]|[\]}]|-?Infinity|NaN'
    r"|-?[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]+|-?[0-9]{300,}(?:\.[0-9]+)?"
)


class _JsonValueError(ValueError):
    pass


def _prescan_json(text: str) -> None:
    """Depth, container count and non-finite numbers, before json builds anything."""
    depth = containers = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == '"':
            continue
        if first in "[{":
            depth += 1
            containers += 1
            if depth > MAX_JSON_DEPTH:
                _reject(
                    f"line {_line_at(text, match.start())}: nested more than"
                    f" {MAX_JSON_DEPTH} levels deep"
                )
            if containers > MAX_JSON_CONTAINERS:
                _reject(f"file: more than {MAX_JSON_CONTAINERS:,} objects and arrays (the limit)")
        elif first in "]}":
            depth -= 1
        elif "N" in token or "I" in token or float(token) in (float("inf"), float("-inf")):
            _reject(f"line {_line_at(text, match.start())}: {token[:20]} is not a finite number")


def _strict_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _JsonValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> NoReturn:
    raise _JsonValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _JsonValueError(f"{text[:20]} is not a finite number")
    return value


def load_strict_json(data: bytes) -> Any:
    """Parse JSON strictly (RELIABILITY.md B11); raise ImportRejected naming the line."""
    text = _decode(data)
    _prescan_json(text)
    try:
        return json.loads(
            text,
            object_pairs_hook=_strict_pairs,
            parse_constant=_no_constant,
            parse_float=_finite,
        )
    except json.JSONDecodeError as exc:
        _reject(f"line {exc.lineno}, column {exc.colno}: {exc.msg}")
    except _JsonValueError as exc:
        _reject(f"$: {exc}")
    except RecursionError:
        _reject(f"$: nested more than {MAX_JSON_DEPTH} levels deep")
    except ValueError as exc:
        _reject(f"$: {exc}")


# -- validating a backup ---------------------------------------------------------------------


class _Check:
    """Collects problems, each named by JSON path and field."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"{path}: {message}")

    def obj(self, value: Any, path: str, fields: Sequence[str]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(path, "must be an object")
            return None
        for key in value:
            if key not in fields:
                self.fail(f"{path}.{key!r}", "is not a field of this record")
        missing = [k for k in fields if k not in value]
        for key in missing:
            self.fail(f"{path}.{key}", "is missing")
        return None if missing else value

    def array(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(path, "must be an array")
            return []
        return value

    def integer(
        self, value: Any, path: str, low: int, high: int, *, null: bool = False
    ) -> int | None:
        if value is None and null:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, "must be a whole number" + (" or null" if null else ""))
            return None
        if not low <= value <= high:
            self.fail(path, f"{value} is outside {low} to {high}")
            return None
        return value

    def real(
        self,
        value: Any,
        path: str,
        low: float,
        high: float,
        *,
        open_low: bool = False,
        null: bool = False,
    ) -> float | None:
        if value is None and null:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, "must be a number" + (" or null" if null else ""))
            return None
        number = float(value)
        if not (low < number if open_low else low <= number) or number > high:
            self.fail(path, f"{value} is outside {'above ' if open_low else ''}{low} to {high}")
            return None
        return number

    def text(
        self, value: Any, path: str, *, limit: int, name: bool = False, null: bool = False
    ) -> str | None:
        if value is None and null:
            return None
        if not isinstance(value, str):
            self.fail(path, "must be a string" + (" or null" if null else ""))
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.fail(path, "is not valid Unicode text (lone surrogate)")
            return None
        if len(value) > limit:
            self.fail(path, f"is {len(value)} characters long; the limit is {limit}")
            return None
        if name and (not value.strip(" ") or "\x00" in value):
            self.fail(path, "must be a non-empty name without NUL characters")
            return None
        if not name and limit <= 10_000 and "\x00" in value:
            self.fail(path, "contains a NUL character")
            return None
        return value

    def day(self, value: Any, path: str, *, null: bool = False, bounded: bool = True) -> str | None:
        if value is None and null:
            return None
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            self.fail(path, "must be a date YYYY-MM-DD" + (" or null" if null else ""))
            return None
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            self.fail(path, f"{value!r} is not a date")
            return None
        if bounded and not EARLIEST_DATE <= day <= LATEST_DATE:
            self.fail(path, f"{value} is outside {EARLIEST_DATE} to {LATEST_DATE}")
            return None
        return value

    def instant(self, value: Any, path: str, *, null: bool = False) -> str | None:
        if value is None and null:
            return None
        try:
            if not isinstance(value, str):
                raise ValueError
            snapshot.parse_instant(value)
        except ValueError:
            self.fail(path, "must be a UTC instant YYYY-MM-DDTHH:MM:SS.ffffffZ")
            return None
        return value

    def choice(self, value: Any, path: str, choices: Sequence[str]) -> str | None:
        if value not in choices:
            self.fail(path, f"must be one of {', '.join(choices)}")
            return None
        return str(value)

    def zone(self, value: Any, path: str) -> str | None:
        text = self.text(value, path, limit=64)
        if text is None:
            return None
        try:
            _zone(text, "zone")
        except _RowProblem:
            self.fail(path, f"{text!r} is not a time zone name")
            return None
        return text


_ID_MAX = 2**62
_FieldCheck = Callable[[_Check, Any, str], Any]


def _spec() -> dict[str, dict[str, _FieldCheck]]:
    """Per table: field -> check (mirrors the CHECK constraints of store/tables.py)."""

    def ident(c: _Check, v: Any, p: str) -> Any:
        return c.integer(v, p, 1, _ID_MAX)

    def ref(c: _Check, v: Any, p: str) -> Any:
        return c.integer(v, p, 1, _ID_MAX, null=True)

    def name(c: _Check, v: Any, p: str) -> Any:
        return c.text(v, p, limit=200, name=True)

    def note(c: _Check, v: Any, p: str) -> Any:
        return c.text(v, p, limit=10_000)

    def day(c: _Check, v: Any, p: str) -> Any:
        return c.day(v, p)

    def any_day(c: _Check, v: Any, p: str) -> Any:
        return c.day(v, p, bounded=False)

    def instant(c: _Check, v: Any, p: str) -> Any:
        return c.instant(v, p)

    def uuid(c: _Check, v: Any, p: str) -> Any:
        text = c.text(v, p, limit=36)
        if text is not None and len(text) != 36:
            c.fail(p, "must be a uuid of 36 characters")
            return None
        return text

    def real(low: float, high: float, *, open_low: bool = False, null: bool = False) -> _FieldCheck:
        return lambda c, v, p: c.real(v, p, low, high, open_low=open_low, null=null)

    def whole(low: int, high: int, *, null: bool = False) -> _FieldCheck:
        return lambda c, v, p: c.integer(v, p, low, high, null=null)

    def choice(*values: str) -> _FieldCheck:
        return lambda c, v, p: c.choice(v, p, values)

    big = 1e12
    return {
        "exam_profile": {
            "id": ident,
            "name": name,
            "title": lambda c, v, p: c.text(v, p, limit=10_000),
            "scored_items": whole(1, 1000),
            "pass_mark": real(0, 1, open_low=True),
            "builtin": whole(0, 1),
        },
        "exam_domain": {
            "id": ident,
            "position": whole(-_ID_MAX, _ID_MAX),
            "name": name,
            "weight": real(0, 1),
        },
        "plan": {
            "id": ident,
            "name": name,
            "start_date": day,
            "exam_date": day,
            "profile_id": ident,
            "effort_multiplier": real(0, 10, open_low=True),
            "weekly_budget_hours": real(0, 112, open_low=True),
            "pass_mark": real(0, 1, open_low=True),
            "as_at": lambda c, v, p: c.day(v, p, null=True),
            "notes_text": lambda c, v, p: c.text(v, p, limit=1_000_000),
            "created_at": instant,
        },
        "planned_mock": {"id": ident, "position": whole(-_ID_MAX, _ID_MAX), "name": name},
        "module": {
            "id": ident,
            "position": whole(1, _ID_MAX),
            "name": name,
            "kind": choice(*(k.value for k in ModuleKind)),
            "effort_hours": real(0, 1000, open_low=True),
            "weeks": real(0, 104, open_low=True),
            "video_seconds": whole(1, 360_000, null=True),
            "mock_tests": whole(0, 100, null=True),
            "note": note,
        },
        "module_domain": {"domain_id": ident, "share": real(0, 1)},
        "progress": {
            "id": ident,
            "recorded_on": day,
            "kind": choice("percent", "position", "done"),
            "percent": real(0, 100, null=True),
            "position_seconds": whole(0, 360_000, null=True),
            "created_at": instant,
        },
        "study_session": {
            "id": ident,
            "uuid": uuid,
            "started_at": instant,
            "zone": lambda c, v, p: c.zone(v, p),
            "local_date": day,
            "minutes": whole(1, MAX_SESSION_MINUTES),
            "source": choice(*SOURCES),
            "note": note,
            "created_at": instant,
        },
        "mock_test": {
            "id": ident,
            "uuid": uuid,
            "name": name,
            "taken_on": day,
            "correct": whole(0, 1000),
            "total": whole(1, 1000),
            "minutes": whole(1, MAX_SESSION_MINUTES, null=True),
            "topic_module_id": ref,
            "created_at": instant,
        },
        "mock_domain_score": {
            "domain_id": ident,
            "correct": whole(0, 1000),
            "total": whole(1, 1000),
        },
        "baseline": {
            "id": ident,
            "frozen_at": instant,
            "start_date": any_day,
            "exam_date": any_day,
        },
        "baseline_module": {
            "position": whole(-_ID_MAX, _ID_MAX),
            "module_id": ref,
            "name": lambda c, v, p: c.text(v, p, limit=10_000),
            "effort_hours": real(-big, big),
            "weeks": real(-big, big),
        },
        "running_timer": {
            "id": whole(1, 1),
            "module_id": ident,
            "started_at": instant,
            "zone": lambda c, v, p: c.zone(v, p),
            "paused_seconds": whole(0, _ID_MAX),
            "paused_at": lambda c, v, p: c.instant(v, p, null=True),
        },
    }


_ROOT_FIELDS = (
    "format",
    "format_version",
    "app_version",
    "schema_version",
    "exported_at",
    "current_plan_id",
    "profiles",
    "plans",
    "timer",
)


def _backup_rows(document: Any) -> tuple[snapshot.Snapshot, list[str]]:
    """Validate a backup document and flatten it into snapshot rows (or problems)."""
    check = _Check()
    spec = _spec()
    rows: snapshot.Snapshot = {t: [] for t in snapshot.TABLES}
    if isinstance(document, dict) and document.get("format") != BACKUP_FORMAT:
        check.fail("$.format", f"must be {BACKUP_FORMAT!r} (this is not a StudyPlanner backup)")
        return rows, check.problems
    root = check.obj(document, "$", _ROOT_FIELDS)
    if root is None:
        return rows, check.problems
    version = root["format_version"]
    if isinstance(version, int) and not isinstance(version, bool) and version > BACKUP_VERSION:
        check.fail("$.format_version", f"{version} is newer than this StudyPlanner reads")
        return rows, check.problems
    check.integer(version, "$.format_version", 1, BACKUP_VERSION)
    check.text(root["app_version"], "$.app_version", limit=100)
    check.integer(root["schema_version"], "$.schema_version", 1, 10_000)
    check.instant(root["exported_at"], "$.exported_at")
    check.integer(root["current_plan_id"], "$.current_plan_id", 1, _ID_MAX, null=True)
    sessions = 0
    paths: dict[int, str] = {}

    def walk(value: Any, path: str, table: str, parent: tuple[str, Any] | None) -> None:
        nonlocal sessions
        fields = spec[table]
        nested = _CHILDREN.get(table, ())
        obj = check.obj(value, path, [*fields, *(key for key, _, _ in nested)])
        if obj is None:
            return
        row = {f: check_field(check, obj[f], f"{path}.{f}") for f, check_field in fields.items()}
        if parent is not None:
            row[parent[0]] = parent[1]
        rows[table].append(row)
        paths[id(row)] = path
        if table == "study_session":
            sessions += 1
            if sessions > MAX_IMPORT_ROWS:
                check.fail(path, f"the backup has more than {MAX_IMPORT_ROWS:,} sessions")
                raise _TooMany
        for key, child_table, fk in nested:
            for i, child in enumerate(check.array(obj[key], f"{path}.{key}")):
                walk(child, f"{path}.{key}[{i}]", child_table, (fk, obj.get("id")))

    try:
        for key, table in _ROOTS:
            for i, item in enumerate(check.array(root[key], f"$.{key}")):
                walk(item, f"$.{key}[{i}]", table, None)
        if root["timer"] is not None:
            walk(root["timer"], "$.timer", "running_timer", None)
    except _TooMany:
        return rows, check.problems
    if not check.problems:
        _check_references(rows, paths, check, root["current_plan_id"])
    return rows, check.problems


class _TooMany(Exception):
    pass


def _check_references(
    rows: snapshot.Snapshot, paths: Mapping[int, str], check: _Check, current: Any
) -> None:
    """Unique keys and references between records, each named by its JSON path."""

    def where(row: dict[str, Any], field: str) -> str:
        return f"{paths.get(id(row), '$')}.{field}"

    def unique(table: str, fields: Sequence[str]) -> set[object]:
        seen: dict[object, dict[str, Any]] = {}
        for row in rows[table]:
            value = tuple(row[f] for f in fields) if len(fields) > 1 else row[fields[0]]
            if value in seen:
                first = paths.get(id(seen[value]), "$")
                check.fail(where(row, fields[-1]), f"{value!r} is already used by {first}")
            else:
                seen[value] = row
        return set(seen)

    profiles = unique("exam_profile", ["id"])
    unique("exam_profile", ["name"])
    domains = unique("exam_domain", ["id"])
    unique("exam_domain", ["profile_id", "name"])
    plans = unique("plan", ["id"])
    modules = unique("module", ["id"])
    for table, fields in (
        ("mock_test", ["id"]),
        ("mock_test", ["uuid"]),
        ("planned_mock", ["id"]),
        ("progress", ["id"]),
        ("study_session", ["id"]),
        ("study_session", ["uuid"]),
        ("baseline", ["id"]),
        ("module_domain", ["module_id", "domain_id"]),
        ("mock_domain_score", ["mock_id", "domain_id"]),
        ("baseline_module", ["baseline_id", "position"]),
    ):
        unique(table, fields)
    for table, column, known in (
        ("plan", "profile_id", profiles),
        ("module_domain", "domain_id", domains),
        ("mock_domain_score", "domain_id", domains),
        ("mock_test", "topic_module_id", modules),
        ("baseline_module", "module_id", modules),
        ("running_timer", "module_id", modules),
    ):
        for row in rows[table]:
            if row[column] is not None and row[column] not in known:
                check.fail(where(row, column), f"{row[column]} is not the id of any record")
    for row in rows["plan"]:
        if row["exam_date"] < row["start_date"]:
            check.fail(where(row, "exam_date"), "is before the start date")
    for table in ("mock_test", "mock_domain_score"):
        for row in rows[table]:
            if row["correct"] > row["total"]:
                check.fail(where(row, "correct"), "is more than total")
    if current is not None and current not in plans:
        check.fail("$.current_plan_id", f"{current} is not a plan of the backup")
    elif current is not None and plans and current != max(p for p in plans if isinstance(p, int)):
        check.fail("$.current_plan_id", "must be the newest plan")


def preview_json(planner: StudyPlanner, source: Source) -> BackupPreview:
    """Check a JSON backup against this database and count what it holds; writes nothing."""
    try:
        rows, problems = _backup_rows(load_strict_json(_read(source)))
    except ImportRejected as exc:
        return BackupPreview(0, 0, 0, 0, exc.messages)
    if not problems:
        with planner.db.session() as s:
            blocker, _ = _restore_state(s, rows)
        problems = [blocker] if blocker else []
    return BackupPreview(
        len(rows["plan"]),
        len(rows["module"]),
        len(rows["study_session"]),
        len(rows["mock_test"]),
        tuple(problems),
    )


def _restore_state(s: Any, rows: snapshot.Snapshot) -> tuple[str | None, int | None]:
    """(why the backup cannot be restored here, or None; sessions already present, or None).

    An empty database takes the backup (None, None).  A database that already holds every
    session and mock test of the backup takes it as a no-op (None, count).
    """
    if snapshot.is_empty(s):
        return None, None
    session_ids = [r["uuid"] for r in rows["study_session"]]
    mock_ids = [r["uuid"] for r in rows["mock_test"]]
    present = snapshot.session_uuids(s, session_ids)
    if len(present) == len(session_ids) and len(snapshot.mock_uuids(s, mock_ids)) == len(mock_ids):
        return None, len(present)
    return (
        "$: the database already holds a plan; a backup is restored into an empty database"
        f" only ({len(session_ids) - len(present)} sessions of the backup are not in it)",
        None,
    )


def import_json(planner: StudyPlanner, source: Source) -> ImportResult:
    """Restore a JSON backup into an empty database (ids and timestamps kept).

    Into a database that already holds the backup's data (every session and mock test uuid
    present), nothing is written and the sessions are reported as already present; into any
    other non-empty database the backup is rejected.
    """
    rows, problems = _backup_rows(load_strict_json(_read(source)))
    if problems:
        raise ImportRejected(problems)
    planner.backup_before("pre-import")
    with planner.db.session() as s:
        blocker, already = _restore_state(s, rows)
        if blocker is not None:
            raise ImportRejected([blocker])
        if already is not None:
            return ImportResult(0, already)
        try:
            snapshot.load(s, rows)
        except snapshot.SnapshotRejected as exc:
            raise ImportRejected([f"$: the database refused the backup: {exc}"]) from None
        crashpoint(CRASH_IMPORT)
    return ImportResult(len(rows["study_session"]), 0)


__all__ = [
    "BACKUP_FORMAT",
    "BACKUP_VERSION",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_ROWS",
    "MOCK_COLUMNS",
    "SESSION_COLUMNS",
    "BackupPreview",
    "ExportError",
    "ImportRejected",
    "ImportResult",
    "SessionFormat",
    "SessionPreview",
    "SessionRow",
    "UnmatchedRow",
    "backup_document",
    "backup_json",
    "escape_cell",
    "export_ical",
    "export_json",
    "export_mocks_csv",
    "export_sessions_csv",
    "ical_text",
    "import_json",
    "import_sessions",
    "load_strict_json",
    "match_module",
    "mocks_csv",
    "preview_json",
    "preview_sessions",
    "sessions_csv",
    "unescape_cell",
    "write_atomic",
]
