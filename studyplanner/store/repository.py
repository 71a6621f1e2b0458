"""Repository functions: take a Session, return domain values, never rows.

Aggregations (sums per module and per day, distinct contact days) are done in SQL with SQLAlchemy
expressions, so that a report never loads every session into Python.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Integer, Table, Text, delete, func, type_coerce, update
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, SQLModel, col, select

from studyplanner.domain.model import ExamDomain, ExamProfile, ModuleKind
from studyplanner.domain.records import (
    MockInfo,
    ModuleInfo,
    PlanInfo,
    ProgressInfo,
    SessionInfo,
    TimerInfo,
)
from studyplanner.store.tables import (
    BaselineModuleRow,
    BaselineRow,
    ExamDomainRow,
    ExamProfileRow,
    MockDomainScoreRow,
    MockTestRow,
    ModuleDomainRow,
    ModuleRow,
    PlannedMockRow,
    PlanRow,
    ProgressRow,
    RunningTimerRow,
    StudySessionRow,
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


# -- exam profiles ---------------------------------------------------------------------------


def _profile_from_rows(row: ExamProfileRow, domains: Sequence[ExamDomainRow]) -> ExamProfile:
    ordered = sorted(domains, key=lambda d: d.position)
    return ExamProfile(
        name=row.name,
        title=row.title,
        domains=tuple(ExamDomain(d.name, d.weight) for d in ordered),
        scored_items=row.scored_items,
        pass_mark=row.pass_mark,
    )


def ensure_profile(session: Session, profile: ExamProfile, *, builtin: bool) -> int:
    """Insert *profile* unless a profile of that name exists; return its id."""
    existing = session.exec(
        select(ExamProfileRow).where(ExamProfileRow.name == profile.name)
    ).first()
    if existing is not None and existing.id is not None:
        return existing.id
    row = ExamProfileRow(
        name=profile.name,
        title=profile.title,
        scored_items=profile.scored_items,
        pass_mark=profile.pass_mark,
        builtin=int(builtin),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    for position, domain in enumerate(profile.domains, start=1):
        session.add(
            ExamDomainRow(
                profile_id=row.id, position=position, name=domain.name, weight=domain.weight
            )
        )
    session.flush()
    return row.id


def profile_id(session: Session, name: str) -> int | None:
    row = session.exec(select(ExamProfileRow).where(ExamProfileRow.name == name)).first()
    return None if row is None else row.id


def load_profile(session: Session, profile_id_: int) -> ExamProfile:
    row = session.get(ExamProfileRow, profile_id_)
    if row is None:
        raise LookupError(f"no exam profile {profile_id_}")
    domains = session.exec(
        select(ExamDomainRow).where(ExamDomainRow.profile_id == profile_id_)
    ).all()
    return _profile_from_rows(row, domains)


def list_profiles(session: Session) -> list[ExamProfile]:
    rows = session.exec(select(ExamProfileRow).order_by(col(ExamProfileRow.name))).all()
    return [load_profile(session, r.id) for r in rows if r.id is not None]


def domain_ids(session: Session, profile_id_: int) -> dict[str, int]:
    rows = session.exec(select(ExamDomainRow).where(ExamDomainRow.profile_id == profile_id_)).all()
    return {r.name: r.id for r in rows if r.id is not None}


# -- plans and modules -----------------------------------------------------------------------


def create_plan(
    session: Session,
    *,
    name: str,
    start: dt.date,
    exam: dt.date,
    profile_id_: int,
    effort_multiplier: float,
    weekly_budget_hours: float,
    pass_mark: float,
    as_at: dt.date | None,
    notes_text: str,
    planned_mocks: Sequence[str],
) -> int:
    row = PlanRow(
        name=name,
        start_date=start,
        exam_date=exam,
        profile_id=profile_id_,
        effort_multiplier=effort_multiplier,
        weekly_budget_hours=weekly_budget_hours,
        pass_mark=pass_mark,
        as_at=as_at,
        notes_text=notes_text,
        created_at=_now(),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    for position, mock_name in enumerate(planned_mocks, start=1):
        session.add(PlannedMockRow(plan_id=row.id, position=position, name=mock_name))
    return row.id


def current_plan_id(session: Session) -> int | None:
    return session.exec(select(func.max(PlanRow.id))).one()


def load_plan(session: Session, plan_id: int) -> PlanInfo:
    row = session.get(PlanRow, plan_id)
    if row is None:
        raise LookupError(f"no plan {plan_id}")
    mocks = session.exec(
        select(PlannedMockRow.name)
        .where(PlannedMockRow.plan_id == plan_id)
        .order_by(col(PlannedMockRow.position))
    ).all()
    return PlanInfo(
        id=plan_id,
        name=row.name,
        start=row.start_date,
        exam=row.exam_date,
        profile=load_profile(session, row.profile_id),
        effort_multiplier=row.effort_multiplier,
        weekly_budget_hours=row.weekly_budget_hours,
        pass_mark=row.pass_mark,
        as_at=row.as_at,
        notes_text=row.notes_text,
        planned_mocks=tuple(mocks),
    )


def plan_profile_id(session: Session, plan_id: int) -> int:
    row = session.get(PlanRow, plan_id)
    if row is None:
        raise LookupError(f"no plan {plan_id}")
    return row.profile_id


def update_plan(session: Session, plan_id: int, **values: object) -> None:
    if values:
        session.execute(update(PlanRow).where(col(PlanRow.id) == plan_id).values(**values))


def add_module(
    session: Session,
    *,
    plan_id: int,
    position: int,
    name: str,
    kind: ModuleKind,
    effort_hours: float,
    weeks: float,
    video_seconds: int | None,
    mock_tests: int | None,
    note: str,
) -> int:
    row = ModuleRow(
        plan_id=plan_id,
        position=position,
        name=name,
        kind=kind.value,
        effort_hours=effort_hours,
        weeks=weeks,
        video_seconds=video_seconds,
        mock_tests=mock_tests,
        note=note,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def set_module_shares(session: Session, module_id: int, shares: Mapping[int, float]) -> None:
    """Replace a module's domain shares (domain id -> share)."""
    session.execute(delete(ModuleDomainRow).where(col(ModuleDomainRow.module_id) == module_id))
    for domain_id, share in shares.items():
        session.add(ModuleDomainRow(module_id=module_id, domain_id=domain_id, share=share))


def load_modules(session: Session, plan_id: int) -> list[ModuleInfo]:
    profile = plan_profile_id(session, plan_id)
    rows = session.exec(
        select(ModuleRow).where(ModuleRow.plan_id == plan_id).order_by(col(ModuleRow.position))
    ).all()
    share_rows = session.exec(
        select(ModuleDomainRow.module_id, ExamDomainRow.name, ModuleDomainRow.share)
        .join(ExamDomainRow, col(ExamDomainRow.id) == col(ModuleDomainRow.domain_id))
        .join(ModuleRow, col(ModuleRow.id) == col(ModuleDomainRow.module_id))
        .where(ModuleRow.plan_id == plan_id, ExamDomainRow.profile_id == profile)
    ).all()
    shares: dict[int, dict[str, float]] = defaultdict(dict)
    for module_id, domain_name, share in share_rows:
        if share > 0:
            shares[module_id][domain_name] = share
    return [
        ModuleInfo(
            id=r.id,
            position=r.position,
            name=r.name,
            kind=ModuleKind(r.kind),
            effort_hours=r.effort_hours,
            weeks=r.weeks,
            video_seconds=r.video_seconds,
            mock_tests=r.mock_tests,
            note=r.note,
            shares=dict(shares.get(r.id, {})),
        )
        for r in rows
        if r.id is not None
    ]


def update_module(session: Session, module_id: int, **values: object) -> None:
    if values:
        session.execute(update(ModuleRow).where(col(ModuleRow.id) == module_id).values(**values))


def delete_module(session: Session, module_id: int) -> None:
    session.execute(delete(ModuleRow).where(col(ModuleRow.id) == module_id))


def renumber_modules(session: Session, ordered_ids: Sequence[int]) -> None:
    for position, module_id in enumerate(ordered_ids, start=1):
        update_module(session, module_id, position=position)


def module_order(session: Session, plan_id: int) -> list[int]:
    """The ids of the plan's modules in position order."""
    found = session.exec(
        select(col(ModuleRow.id))
        .where(ModuleRow.plan_id == plan_id)
        .order_by(col(ModuleRow.position), col(ModuleRow.id))
    ).all()
    return [i for i in found if i is not None]


# -- a deleted module, kept for undo ---------------------------------------------------------

Values = Mapping[str, Any]


@dataclasses.dataclass(frozen=True, slots=True)
class ModuleRecord:
    """Every stored row that deleting a module removes or changes, as stored (raw SQLite values,
    ``rowid`` included), so that :func:`restore_module` can write them back exactly.

    *module*: the module's row.  *rows*: per table, the rows that cascade with it (its domain
    shares under every profile, progress statements, sessions, the running timer).  *links*: per
    table and column, the rowids of the rows whose reference to the module the delete sets to NULL
    (topic quizzes, baseline entries).  Found from the foreign keys, so a new table that refers to
    modules is kept without a change here.
    """

    module: Values
    rows: tuple[tuple[str, tuple[Values, ...]], ...]
    links: tuple[tuple[str, str, tuple[int, ...]], ...]

    @property
    def module_id(self) -> int:
        return int(self.module["id"])

    @property
    def plan_id(self) -> int:
        return int(self.module["plan_id"])

    @property
    def position(self) -> int:
        return int(self.module["position"])


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _module_references() -> list[tuple[Table, str, str]]:
    """(table, column name, ON DELETE action) of every foreign key onto ``module.id``."""
    module_table = _table(ModuleRow.__tablename__)
    found: list[tuple[Table, str, str]] = []
    for table in SQLModel.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is module_table:
                found.append((table, fk.parent.name, (fk.ondelete or "NO ACTION").upper()))
    return found


def _rowid_alias(table: Table) -> str | None:
    """The column that is the table's rowid (a single INTEGER primary key), if any."""
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and isinstance(keys[0].type, Integer):
        return keys[0].name
    return None


def _chunks(values: Sequence[object], size: int = 500) -> Iterator[tuple[object, ...]]:
    """*values* in runs of at most *size*: each run is one ``IN (?, ...)`` under SQLite's limit
    on bound variables."""
    for start in range(0, len(values), size):
        yield tuple(values[start : start + size])


def _raw_rows(session: Session, table: Table, column: str, *values: object) -> tuple[Values, ...]:
    """The rows of *table* whose *column* holds one of *values*, exactly as stored (every column
    and the ``rowid``), in rowid order."""
    names = [c.name for c in table.columns]
    listed = ", ".join(f'"{n}"' for n in names)
    found: list[Values] = []
    for chunk in _chunks(values):
        marks = ", ".join("?" for _ in chunk)
        sql = f'SELECT rowid, {listed} FROM "{table.name}" WHERE "{column}" IN ({marks})'
        rows = session.connection().exec_driver_sql(sql, chunk)
        found += [dict(zip(["rowid", *names], row, strict=True)) for row in rows]
    return tuple(sorted(found, key=lambda row: int(row["rowid"])))


def _taken_rowids(session: Session, table: Table, wanted: Sequence[int]) -> set[int]:
    """Which of the rowids *wanted* rows of *table* hold now."""
    taken: set[int] = set()
    for chunk in _chunks(wanted):
        marks = ", ".join("?" for _ in chunk)
        sql = f'SELECT rowid FROM "{table.name}" WHERE rowid IN ({marks})'
        taken.update(session.connection().exec_driver_sql(sql, chunk).scalars())
    return taken


def _insert_raw(session: Session, table: Table, rows: Sequence[Values]) -> int:
    """Insert *rows* (from :func:`_raw_rows`) with their rowids, or new ones where another row
    holds that rowid now; returns the rowid of the last row inserted (0: none)."""
    alias = _rowid_alias(table)
    key = alias or "rowid"
    taken = _taken_rowids(session, table, [int(r[key]) for r in rows])
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        kept = dict(row)
        rowid = int(kept.pop("rowid"))
        if rowid in taken:
            kept.pop(key, None)
        elif alias is None:
            kept = {"rowid": rowid, **kept}
        groups[tuple(kept)].append(tuple(kept.values()))
    last = 0
    for names, values in groups.items():
        listed = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" for _ in names)
        sql = f'INSERT INTO "{table.name}" ({listed}) VALUES ({marks})'
        if len(values) == 1:
            last = session.connection().exec_driver_sql(sql, values[0]).lastrowid or 0
        else:
            session.connection().exec_driver_sql(sql, values)
    return last


def module_record(session: Session, module_id: int) -> ModuleRecord | None:
    """What :func:`restore_module` needs to undo the deletion of *module_id* (None: no module)."""
    session.flush()
    found = _raw_rows(session, _table(ModuleRow.__tablename__), "id", module_id)
    if not found:
        return None
    rows: list[tuple[str, tuple[Values, ...]]] = []
    links: list[tuple[str, str, tuple[int, ...]]] = []
    for table, column, action in _module_references():
        if action == "CASCADE":
            rows.append((table.name, _raw_rows(session, table, column, module_id)))
        elif action == "SET NULL":
            sql = f'SELECT rowid FROM "{table.name}" WHERE "{column}" = ? ORDER BY rowid'
            rowids = session.connection().exec_driver_sql(sql, (module_id,)).scalars().all()
            links.append((table.name, column, tuple(int(r) for r in rowids)))
    return ModuleRecord(found[0], tuple(rows), tuple(links))


def restore_module(session: Session, record: ModuleRecord) -> int:
    """Insert the rows of *record* again, each with its old rowid where that is still free.

    The module goes back to its position (the plan's other modules are renumbered around it).  A
    row whose rowid another row took meanwhile gets a new one; the running timer is put back
    only when no other timer runs now.  Returns the module's id.
    """
    session.flush()
    conn = session.connection()
    module_id = _insert_raw(session, _table(ModuleRow.__tablename__), [record.module])
    references = _module_references()
    for name, table_rows in record.rows:
        if name == RunningTimerRow.__tablename__ and get_timer(session) is not None:
            continue
        table = _table(name)
        moved = dict.fromkeys((column for t, column, _ in references if t is table), module_id)
        _insert_raw(session, table, [{**row, **moved} for row in table_rows])
    for name, column, rowids in record.links:
        sql = f'UPDATE "{name}" SET "{column}" = ? WHERE rowid = ? AND "{column}" IS NULL'
        for rowid in rowids:
            conn.exec_driver_sql(sql, (module_id, rowid))
    order = [i for i in module_order(session, record.plan_id) if i != module_id]
    order.insert(max(0, min(record.position - 1, len(order))), module_id)
    renumber_modules(session, order)
    session.flush()
    return module_id


# -- progress --------------------------------------------------------------------------------


def add_progress(
    session: Session,
    *,
    module_id: int,
    recorded_on: dt.date,
    kind: str,
    percent: float | None = None,
    position_seconds: int | None = None,
) -> int:
    row = ProgressRow(
        module_id=module_id,
        recorded_on=recorded_on,
        kind=kind,
        percent=percent,
        position_seconds=position_seconds,
        created_at=_now(),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def latest_progress(session: Session, plan_id: int, before: dt.date) -> dict[int, ProgressInfo]:
    """The newest progress statement per module recorded before *before* (ties: newest entry).

    One indexed look-up per module (``ix_progress_module``), not a scan of the plan's history.
    """
    newer = aliased(ProgressRow)
    newest = (
        select(newer.id)
        .where(newer.module_id == ModuleRow.id, col(newer.recorded_on) < before)
        .order_by(col(newer.recorded_on).desc(), col(newer.id).desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = session.connection().execute(
        sa_select(
            col(ProgressRow.id),
            col(ProgressRow.module_id),
            col(ProgressRow.recorded_on),
            col(ProgressRow.kind),
            col(ProgressRow.percent),
            col(ProgressRow.position_seconds),
        )
        .join(ModuleRow, col(ModuleRow.id) == col(ProgressRow.module_id))
        .where(col(ModuleRow.plan_id) == plan_id, col(ProgressRow.id) == newest)
    )
    latest: dict[int, ProgressInfo] = {}
    for row_id, module_id, recorded_on, kind, percent, position_seconds in rows:
        assert row_id is not None
        latest[module_id] = ProgressInfo(
            row_id, module_id, recorded_on, kind, percent, position_seconds
        )
    return latest


# -- study sessions --------------------------------------------------------------------------


def add_session(
    session: Session,
    *,
    module_id: int,
    started_at: dt.datetime,
    zone: str,
    local_date: dt.date,
    minutes: int,
    source: str,
    note: str = "",
    uuid: str | None = None,
) -> int:
    row = StudySessionRow(
        uuid=uuid or new_uuid(),
        module_id=module_id,
        started_at=started_at,
        zone=zone,
        local_date=local_date,
        minutes=minutes,
        source=source,
        note=note,
        created_at=_now(),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def update_session(session: Session, session_id: int, **values: object) -> None:
    if values:
        session.execute(
            update(StudySessionRow).where(col(StudySessionRow.id) == session_id).values(**values)
        )


def delete_session(session: Session, session_id: int) -> None:
    session.execute(delete(StudySessionRow).where(col(StudySessionRow.id) == session_id))


SessionRows = tuple[Values, ...]
"""Study sessions exactly as stored (every column and the rowid): what undo puts back."""


def take_sessions(session: Session, uuids: Sequence[str]) -> SessionRows:
    """Delete the study sessions with *uuids* and return their rows as stored, for
    :func:`put_back_sessions` (uuids not stored are passed over)."""
    table = _table(StudySessionRow.__tablename__)
    session.flush()
    taken = _raw_rows(session, table, "uuid", *uuids)
    for chunk in _chunks(uuids):
        marks = ", ".join("?" for _ in chunk)
        sql = f'DELETE FROM "{table.name}" WHERE "uuid" IN ({marks})'
        session.connection().exec_driver_sql(sql, chunk)
    return taken


def put_back_sessions(session: Session, rows: SessionRows) -> None:
    """Insert the sessions that :func:`take_sessions` returned, with their ids where free."""
    if rows:
        _insert_raw(session, _table(StudySessionRow.__tablename__), rows)


def _session_info(row: StudySessionRow, module_name: str) -> SessionInfo:
    assert row.id is not None
    return SessionInfo(
        id=row.id,
        uuid=row.uuid,
        module_id=row.module_id,
        module_name=module_name,
        started_at=row.started_at,
        zone=row.zone,
        local_date=row.local_date,
        minutes=row.minutes,
        source=row.source,
        note=row.note,
    )


def get_session(session: Session, session_id: int) -> SessionInfo | None:
    found = session.exec(
        select(StudySessionRow, ModuleRow.name)
        .join(ModuleRow, col(ModuleRow.id) == col(StudySessionRow.module_id))
        .where(StudySessionRow.id == session_id)
    ).first()
    return None if found is None else _session_info(found[0], found[1])


def list_sessions(
    session: Session,
    plan_id: int,
    *,
    module_id: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> list[SessionInfo]:
    """Sessions newest first, optionally filtered by module and by local date (inclusive)."""
    query = (
        select(StudySessionRow, ModuleRow.name)
        .join(ModuleRow, col(ModuleRow.id) == col(StudySessionRow.module_id))
        .where(ModuleRow.plan_id == plan_id)
    )
    if module_id is not None:
        query = query.where(StudySessionRow.module_id == module_id)
    if since is not None:
        query = query.where(col(StudySessionRow.local_date) >= since)
    if until is not None:
        query = query.where(col(StudySessionRow.local_date) <= until)
    query = query.order_by(col(StudySessionRow.started_at).desc(), col(StudySessionRow.id).desc())
    if limit is not None:
        query = query.limit(limit)
    return [_session_info(row, name) for row, name in session.exec(query).all()]


def day_total_minutes(
    session: Session, plan_id: int, day: dt.date, *, exclude_id: int | None = None
) -> int:
    query = (
        select(func.coalesce(func.sum(StudySessionRow.minutes), 0))
        .join(ModuleRow, col(ModuleRow.id) == col(StudySessionRow.module_id))
        .where(ModuleRow.plan_id == plan_id, StudySessionRow.local_date == day)
    )
    if exclude_id is not None:
        query = query.where(StudySessionRow.id != exclude_id)
    return int(session.exec(query).one())


def _plan_module_ids(plan_id: int) -> Any:
    """``module_id IN (the plan's modules)``: lets SQLite walk the covering
    ix_session_module_date_minutes in (module, date) order, reading no table rows."""
    return col(StudySessionRow.module_id).in_(
        select(col(ModuleRow.id)).where(ModuleRow.plan_id == plan_id)
    )


def minutes_by_day(
    session: Session, plan_id: int, before: dt.date, *, since: dt.date | None = None
) -> dict[dt.date, int]:
    query = select(col(StudySessionRow.local_date), func.sum(StudySessionRow.minutes)).where(
        _plan_module_ids(plan_id), col(StudySessionRow.local_date) < before
    )
    if since is not None:
        query = query.where(col(StudySessionRow.local_date) >= since)
    rows = session.exec(query.group_by(col(StudySessionRow.local_date))).all()
    return {day: int(total) for day, total in rows}


@dataclasses.dataclass(frozen=True, slots=True)
class SessionTotals:
    """The report's session aggregates: minutes per module id, minutes per local date (in date
    order) and the distinct local dates of study per module id."""

    by_module: dict[int, int]
    by_day: dict[dt.date, int]
    contact_days: dict[int, set[dt.date]]


def session_totals(session: Session, plan_id: int, before: dt.date) -> SessionTotals:
    """Minutes per module, minutes per day and contact days per module, in one query.

    One pass over the covering ``ix_session_module_date_minutes`` grouped by (module, date), read
    through a Core connection (no ORM row processing) with each date parsed once.
    """
    day_text = type_coerce(col(StudySessionRow.local_date), Text)
    query = (
        sa_select(col(StudySessionRow.module_id), day_text, func.sum(StudySessionRow.minutes))
        .where(_plan_module_ids(plan_id), col(StudySessionRow.local_date) < before)
        .group_by(col(StudySessionRow.module_id), col(StudySessionRow.local_date))
    )
    parsed: dict[str, dt.date] = {}
    by_module: dict[int, int] = {}
    by_day: dict[dt.date, int] = {}
    contacts: dict[int, set[dt.date]] = {}
    current: int | None = None
    days: list[dt.date] = []
    total = 0
    for module_id, text, minutes in session.connection().execute(query).all():
        day = parsed.get(text)
        if day is None:
            day = parsed[text] = dt.date.fromisoformat(text)
        if module_id != current:
            if current is not None:
                by_module[current], contacts[current] = total, set(days)
            current, days, total = module_id, [], 0
        minutes = int(minutes)
        days.append(day)
        total += minutes
        by_day[day] = by_day.get(day, 0) + minutes
    if current is not None:
        by_module[current], contacts[current] = total, set(days)
    return SessionTotals(by_module, dict(sorted(by_day.items())), contacts)


def session_totals_by_week(
    session: Session, plan_id: int, before: dt.date, start: dt.date
) -> tuple[SessionTotals, dict[int, dict[int, int]]]:
    """:func:`session_totals` plus the minutes per module id per plan week, in the same query.

    Plan week ``w`` holds the local dates ``start + 7w`` to ``start + 7w + 6`` (``w < 0``: before
    the start).  For the earned-value history (one aggregation instead of a report per week).
    """
    day_text = type_coerce(col(StudySessionRow.local_date), Text)
    query = (
        sa_select(col(StudySessionRow.module_id), day_text, func.sum(StudySessionRow.minutes))
        .where(_plan_module_ids(plan_id), col(StudySessionRow.local_date) < before)
        .group_by(col(StudySessionRow.module_id), col(StudySessionRow.local_date))
    )
    parsed: dict[str, tuple[dt.date, int]] = {}
    by_module: dict[int, int] = {}
    by_day: dict[dt.date, int] = {}
    contacts: dict[int, set[dt.date]] = {}
    weeks: dict[int, dict[int, int]] = {}
    for module_id, text, minutes in session.connection().execute(query):  # streamed: no list
        found = parsed.get(text)
        if found is None:
            day = dt.date.fromisoformat(text)
            found = parsed[text] = (day, (day - start).days // 7)
        day, week = found
        minutes = int(minutes)
        by_module[module_id] = by_module.get(module_id, 0) + minutes
        contacts.setdefault(module_id, set()).add(day)
        module_weeks = weeks.setdefault(module_id, {})
        module_weeks[week] = module_weeks.get(week, 0) + minutes
        by_day[day] = by_day.get(day, 0) + minutes
    return SessionTotals(by_module, dict(sorted(by_day.items())), contacts), weeks


def progress_history(session: Session, plan_id: int, before: dt.date) -> list[ProgressInfo]:
    """Every progress statement of the plan recorded before *before*, per module oldest first
    (same day: in entry order); the last one of a module is :func:`latest_progress`'s."""
    rows = session.connection().execute(
        sa_select(
            col(ProgressRow.id),
            col(ProgressRow.module_id),
            col(ProgressRow.recorded_on),
            col(ProgressRow.kind),
            col(ProgressRow.percent),
            col(ProgressRow.position_seconds),
        )
        .join(ModuleRow, col(ModuleRow.id) == col(ProgressRow.module_id))
        .where(col(ModuleRow.plan_id) == plan_id, col(ProgressRow.recorded_on) < before)
        .order_by(col(ProgressRow.module_id), col(ProgressRow.recorded_on), col(ProgressRow.id))
    )
    history: list[ProgressInfo] = []
    for row_id, module_id, recorded_on, kind, percent, position_seconds in rows:
        assert row_id is not None
        history.append(
            ProgressInfo(row_id, module_id, recorded_on, kind, percent, position_seconds)
        )
    return history


# -- mock tests ------------------------------------------------------------------------------


def add_mock(
    session: Session,
    *,
    plan_id: int,
    name: str,
    taken_on: dt.date,
    correct: int,
    total: int,
    minutes: int | None,
    topic_module_id: int | None,
    domain_scores: Mapping[int, tuple[int, int]],
    uuid: str | None = None,
) -> int:
    row = MockTestRow(
        uuid=uuid or new_uuid(),
        plan_id=plan_id,
        name=name,
        taken_on=taken_on,
        correct=correct,
        total=total,
        minutes=minutes,
        topic_module_id=topic_module_id,
        created_at=_now(),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    for domain_id, (c, n) in domain_scores.items():
        session.add(MockDomainScoreRow(mock_id=row.id, domain_id=domain_id, correct=c, total=n))
    session.flush()  # reads that follow in this unit of work bypass autoflush
    return row.id


def delete_mock(session: Session, mock_id: int) -> None:
    session.execute(delete(MockTestRow).where(col(MockTestRow.id) == mock_id))


@dataclasses.dataclass(frozen=True, slots=True)
class MockRecord:
    """The stored rows that deleting a mock test removes, as stored (raw SQLite values, ``rowid``
    included), so that :func:`restore_mock` can write them back exactly.

    *mock*: the test's row (id, uuid, creation instant...).  *scores*: its per-domain scores.
    """

    mock: Values
    scores: tuple[Values, ...]

    @property
    def mock_id(self) -> int:
        return int(self.mock["id"])

    @property
    def plan_id(self) -> int:
        return int(self.mock["plan_id"])

    @property
    def uuid(self) -> str:
        return str(self.mock["uuid"])

    @property
    def topic_module_id(self) -> int | None:
        value = self.mock["topic_module_id"]
        return None if value is None else int(value)

    @property
    def domain_ids(self) -> frozenset[int]:
        return frozenset(int(row["domain_id"]) for row in self.scores)


def mock_record(session: Session, mock_id: int) -> MockRecord | None:
    """What :func:`restore_mock` needs to undo the deletion of *mock_id* (None: no such test)."""
    session.flush()
    found = _raw_rows(session, _table(MockTestRow.__tablename__), "id", mock_id)
    if not found:
        return None
    scores = _raw_rows(session, _table(MockDomainScoreRow.__tablename__), "mock_id", mock_id)
    return MockRecord(found[0], scores)


def mock_id_of_uuid(session: Session, uuid: str) -> int | None:
    """The id of the stored mock test with *uuid* (in any plan), if there is one."""
    session.flush()
    return session.exec(select(MockTestRow.id).where(MockTestRow.uuid == uuid)).first()


def existing_domain_ids(session: Session, wanted: Iterable[int]) -> set[int]:
    """Which of the exam domain ids *wanted* are stored (under any profile)."""
    ids = list(wanted)
    if not ids:
        return set()
    found = session.exec(select(ExamDomainRow.id).where(col(ExamDomainRow.id).in_(ids))).all()
    return {i for i in found if i is not None}


def restore_mock(session: Session, record: MockRecord) -> int:
    """Insert the rows of *record* again, each with its old rowid where that is still free (a
    row that another row took meanwhile gets a new one).  Returns the test's id."""
    session.flush()
    mock_id = _insert_raw(session, _table(MockTestRow.__tablename__), [record.mock])
    scores = [{**row, "mock_id": mock_id} for row in record.scores]
    _insert_raw(session, _table(MockDomainScoreRow.__tablename__), scores)
    session.flush()
    return mock_id


def update_mock(
    session: Session,
    mock_id: int,
    *,
    name: str,
    taken_on: dt.date,
    correct: int,
    total: int,
    minutes: int | None,
    topic_module_id: int | None,
    domain_scores: Mapping[int, tuple[int, int]],
) -> None:
    """Give the stored test new values and replace its per-domain scores (uuid, id and creation
    time stay)."""
    session.execute(
        update(MockTestRow)
        .where(col(MockTestRow.id) == mock_id)
        .values(
            name=name,
            taken_on=taken_on,
            correct=correct,
            total=total,
            minutes=minutes,
            topic_module_id=topic_module_id,
        )
    )
    session.execute(delete(MockDomainScoreRow).where(col(MockDomainScoreRow.mock_id) == mock_id))
    for domain_id, (c, n) in domain_scores.items():
        session.add(MockDomainScoreRow(mock_id=mock_id, domain_id=domain_id, correct=c, total=n))
    session.flush()


def list_mocks(session: Session, plan_id: int, *, before: dt.date | None = None) -> list[MockInfo]:
    query = sa_select(
        col(MockTestRow.id),
        col(MockTestRow.uuid),
        col(MockTestRow.name),
        col(MockTestRow.taken_on),
        col(MockTestRow.correct),
        col(MockTestRow.total),
        col(MockTestRow.minutes),
        col(MockTestRow.topic_module_id),
    ).where(col(MockTestRow.plan_id) == plan_id)
    if before is not None:
        query = query.where(col(MockTestRow.taken_on) < before)
    order = (col(MockTestRow.taken_on), col(MockTestRow.id))
    rows = session.connection().execute(query.order_by(*order)).all()
    counts: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    if rows:
        in_query = select(col(MockTestRow.id)).where(MockTestRow.plan_id == plan_id)
        if before is not None:
            in_query = in_query.where(col(MockTestRow.taken_on) < before)
        score_rows = session.connection().execute(
            sa_select(
                col(MockDomainScoreRow.mock_id),
                col(ExamDomainRow.name),
                col(MockDomainScoreRow.correct),
                col(MockDomainScoreRow.total),
            )
            .join(ExamDomainRow, col(ExamDomainRow.id) == col(MockDomainScoreRow.domain_id))
            .where(col(MockDomainScoreRow.mock_id).in_(in_query))
        )
        for mock_id, domain_name, c, n in score_rows:
            counts[mock_id][domain_name] = (c, n)
    return [
        MockInfo(
            id=mock_id,
            uuid=uuid,
            name=name,
            taken_on=taken_on,
            correct=correct,
            total=total,
            minutes=minutes,
            topic_module_id=topic_module_id,
            domain_counts=dict(counts.get(mock_id, {})),
        )
        for mock_id, uuid, name, taken_on, correct, total, minutes, topic_module_id in rows
        if mock_id is not None
    ]


# -- baselines -------------------------------------------------------------------------------


def freeze_baseline(
    session: Session, plan_id: int, start: dt.date, exam: dt.date, modules: Iterable[ModuleInfo]
) -> int:
    row = BaselineRow(plan_id=plan_id, frozen_at=_now(), start_date=start, exam_date=exam)
    session.add(row)
    session.flush()
    assert row.id is not None
    for m in modules:
        session.add(
            BaselineModuleRow(
                baseline_id=row.id,
                position=m.position,
                module_id=m.id,
                name=m.name,
                effort_hours=m.effort_hours,
                weeks=m.weeks,
            )
        )
    return row.id


def baseline_count(session: Session, plan_id: int) -> int:
    return int(
        session.exec(
            select(func.count()).select_from(BaselineRow).where(BaselineRow.plan_id == plan_id)
        ).one()
    )


# -- the running timer -----------------------------------------------------------------------


def get_timer(session: Session) -> TimerInfo | None:
    found = session.exec(
        select(RunningTimerRow, ModuleRow.name).join(
            ModuleRow, col(ModuleRow.id) == col(RunningTimerRow.module_id)
        )
    ).first()
    if found is None:
        return None
    row, name = found
    return TimerInfo(
        row.module_id, name, row.started_at, row.zone, row.paused_seconds, row.paused_at
    )


def set_timer(session: Session, timer: TimerInfo) -> None:
    session.execute(delete(RunningTimerRow))
    session.add(
        RunningTimerRow(
            id=1,
            module_id=timer.module_id,
            started_at=timer.started_at,
            zone=timer.zone,
            paused_seconds=timer.paused_seconds,
            paused_at=timer.paused_at,
        )
    )


def clear_timer(session: Session) -> None:
    session.execute(delete(RunningTimerRow))
