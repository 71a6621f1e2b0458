"""Whole-database snapshots (JSON backup export and restore) and uuid look-ups for imports.

A snapshot is every user table's rows, in primary-key order, as plain dicts keyed by column name,
with JSON-ready values: dates as ``YYYY-MM-DD``, instants as the stored UTC text
``YYYY-MM-DDTHH:MM:SS.ffffffZ``, everything else as int, float, str or None.  Loading a snapshot
into an empty database inserts the rows with their ids and timestamps unchanged, so the restored
database has the same RELIABILITY.md digest as the one that was dumped.

Table knowledge stays in ``store/``: the exchange layer shapes snapshots into its file format and
back, but never touches a table class.  Queries are SQLAlchemy expressions (no SQLite-only SQL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col

from studyplanner.store.tables import (
    BaselineModuleRow,
    BaselineRow,
    ExamDomainRow,
    ExamProfileRow,
    ISODate,
    MockDomainScoreRow,
    MockTestRow,
    ModuleDomainRow,
    ModuleRow,
    PlannedMockRow,
    PlanRow,
    ProgressRow,
    RunningTimerRow,
    StudySessionRow,
    UTCInstant,
)

INSTANT_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

# Parents before children, so that rows can be inserted in this order with foreign keys on.
_MODELS: tuple[type[SQLModel], ...] = (
    ExamProfileRow,
    ExamDomainRow,
    PlanRow,
    PlannedMockRow,
    ModuleRow,
    ModuleDomainRow,
    ProgressRow,
    StudySessionRow,
    MockTestRow,
    MockDomainScoreRow,
    BaselineRow,
    BaselineModuleRow,
    RunningTimerRow,
)

Snapshot = dict[str, list[dict[str, Any]]]


class SnapshotRejected(ValueError):
    """The database refused a snapshot row (a constraint the caller's validation missed)."""


def _table(model: type[SQLModel]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


TABLES: tuple[str, ...] = tuple(_table(m).name for m in _MODELS)


def columns(table_name: str) -> tuple[str, ...]:
    """The column names of a snapshot table, in table order."""
    for model in _MODELS:
        table = _table(model)
        if table.name == table_name:
            return tuple(c.name for c in table.columns)
    raise KeyError(table_name)


def format_instant(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime(INSTANT_FORMAT)


def parse_instant(text: str) -> dt.datetime:
    """The stored UTC text back to an aware instant (ValueError if it is not of that shape)."""
    if len(text) != 27:
        raise ValueError(f"'{text}' is not an instant of the form YYYY-MM-DDTHH:MM:SS.ffffffZ")
    return dt.datetime.strptime(text, INSTANT_FORMAT).replace(tzinfo=dt.UTC)


def _to_json(value: object) -> object:
    if isinstance(value, dt.datetime):
        return format_instant(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def dump(session: Session) -> Snapshot:
    """Every row of every user table, in primary-key order (one consistent read)."""
    snapshot: Snapshot = {}
    for model in _MODELS:
        table = _table(model)
        rows = session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        snapshot[table.name] = [{k: _to_json(v) for k, v in row.items()} for row in rows]
    return snapshot


def is_empty(session: Session) -> bool:
    """True when the database holds no plan (and so no modules, sessions or mock tests)."""
    plans = session.execute(select(func.count()).select_from(_table(PlanRow))).scalar_one()
    timers = session.execute(select(func.count()).select_from(_table(RunningTimerRow))).scalar_one()
    return int(plans) == 0 and int(timers) == 0


def _from_json(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is not None and isinstance(column.type, ISODate):
            value = dt.date.fromisoformat(str(value))
        elif value is not None and isinstance(column.type, UTCInstant):
            value = parse_instant(str(value))
        values[column.name] = value
    return values


def load(session: Session, snapshot: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
    """Insert a snapshot into an empty database, ids and timestamps unchanged.

    The exam profiles already present (the bundled ones, added on start) are replaced by the
    snapshot's, so that their ids match too.  Raises SnapshotRejected if the database refuses a
    row; the caller's unit of work then rolls everything back.
    """
    if not is_empty(session):
        raise SnapshotRejected("the database is not empty")
    session.execute(delete(_table(ExamDomainRow)))
    session.execute(delete(_table(ExamProfileRow)))
    for model in _MODELS:
        table = _table(model)
        rows = [_from_json(table, r) for r in snapshot.get(table.name, ())]
        if not rows:
            continue
        try:
            session.execute(insert(table), rows)
        except IntegrityError as exc:
            raise SnapshotRejected(f"{table.name}: {exc.orig}") from None


def session_uuids(session: Session, uuids: Iterable[str]) -> set[str]:
    """Which of *uuids* are already used by a study session (in any plan)."""
    return _present(session, col(StudySessionRow.uuid), uuids)


def mock_uuids(session: Session, uuids: Iterable[str]) -> set[str]:
    """Which of *uuids* are already used by a mock test (in any plan)."""
    return _present(session, col(MockTestRow.uuid), uuids)


def _present(session: Session, column: Any, uuids: Iterable[str]) -> set[str]:
    wanted = sorted(set(uuids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            str(u) for u in session.execute(select(column).where(column.in_(chunk))).scalars()
        )
    return found


def add_sessions(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many study sessions at once (keys: the ``study_session`` columns except ``id``)."""
    if rows:
        session.execute(insert(_table(StudySessionRow)), [dict(r) for r in rows])


__all__ = [
    "TABLES",
    "Snapshot",
    "SnapshotRejected",
    "add_sessions",
    "columns",
    "dump",
    "format_instant",
    "is_empty",
    "load",
    "mock_uuids",
    "parse_instant",
    "session_uuids",
]
