"""The SQLModel tables: private to ``store/``; repositories turn rows into domain values.

Rules (DESIGN.md section 3, RELIABILITY.md B1/B9): every table is STRICT, every column that a user
can fill has a CHECK constraint that repeats the service-layer validation, dates are ISO text
(``YYYY-MM-DD``) and instants are UTC ISO text, so that a raw ``INSERT`` of a bad value fails too.
Since schema 3 the CHECKs also refuse impossible calendar dates (``2023-02-29``), malformed or
out-of-range instants and control characters in names (REL-VAL-02).

A change here is a schema change: bump ``db.SCHEMA_VERSION`` and add a migration (for new CHECKs
a table rebuild, see ``store/schema_v3.py``) whose result equals what ``create_all`` makes.

No ``from __future__ import annotations`` here: it breaks SQLModel's mapper set-up.
"""

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, Dialect, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlalchemy.types import REAL, TypeDecorator
from sqlmodel import Field, SQLModel

MIN_DATE = "2000-01-01"
MAX_DATE = "2100-12-31"
MAX_NAME = 200
MAX_NOTE = 10_000
# Instants: the date range widened for time zones and for a clock that was reset to the epoch.
MIN_INSTANT = "1970-01-01T00:00:00.000000Z"
MAX_INSTANT = "2101-01-01T23:59:59.999999Z"
# A GLOB pattern for a text holding a control character (Unicode category Cc, as the services'
# ``clean_name`` refuses): U+0001-U+001F, U+007F-U+009F. NUL is refused with ``instr`` instead.
_HAS_CONTROL = "'*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*'"


class ISODate(TypeDecorator[dt.date]):
    """A calendar date stored as ``YYYY-MM-DD`` text (sorts and compares as text)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: dt.date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.date | None:
        return None if value is None else dt.date.fromisoformat(str(value))


class UTCInstant(TypeDecorator[dt.datetime]):
    """An aware instant stored as fixed-width UTC text ``YYYY-MM-DDTHH:MM:SS.ffffffZ``."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("instants must be timezone-aware")
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        parsed = dt.datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%S.%fZ")
        return parsed.replace(tzinfo=dt.UTC)


def _date_check(column: str, *, nullable: bool = False) -> CheckConstraint:
    """``YYYY-MM-DD`` in range and a real calendar day.

    ``date(x, '+0 days')`` normalises an impossible day (``2023-02-29`` becomes ``2023-03-01``)
    and is NULL for a malformed one, so it equals *x* only for a real date. (``strftime`` without
    a modifier does not normalise in SQLite 3.40, so it would let ``2023-02-29`` through.)
    """
    condition = (
        f"length({column}) = 10 AND {column} BETWEEN '{MIN_DATE}' AND '{MAX_DATE}'"
        f" AND date({column}, '+0 days') IS {column}"
    )
    if nullable:
        condition = f"{column} IS NULL OR ({condition})"
    return CheckConstraint(condition, name=f"{column}_is_date")


def _instant_check(column: str, *, nullable: bool = False) -> CheckConstraint:
    """The fixed-width UTC text of :class:`UTCInstant`, in range and a real time of a real day."""
    seconds = f"substr({column}, 1, 19)"
    condition = (
        f"length({column}) = 27 AND {column} BETWEEN '{MIN_INSTANT}' AND '{MAX_INSTANT}'"
        f" AND substr({column}, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]Z'"
        f" AND strftime('%Y-%m-%dT%H:%M:%S', {seconds}, '+0 days') IS {seconds}"
    )
    if nullable:
        condition = f"{column} IS NULL OR ({condition})"
    return CheckConstraint(condition, name=f"{column}_is_instant")


def _name_check(column: str) -> CheckConstraint:
    return CheckConstraint(
        f"length(trim({column})) > 0 AND length({column}) <= {MAX_NAME}"
        f" AND instr({column}, char(0)) = 0 AND {column} NOT GLOB {_HAS_CONTROL}",
        name=f"{column}_is_name",
    )


def _note_check(column: str) -> CheckConstraint:
    return CheckConstraint(
        f"length({column}) <= {MAX_NOTE} AND instr({column}, char(0)) = 0",
        name=f"{column}_is_note",
    )


STRICT = {"sqlite_strict": True}


class ExamProfileRow(SQLModel, table=True):
    __tablename__ = "exam_profile"
    __table_args__ = (
        _name_check("name"),
        CheckConstraint("scored_items BETWEEN 1 AND 1000", name="scored_items_range"),
        CheckConstraint("pass_mark > 0 AND pass_mark < 1", name="pass_mark_range"),
        UniqueConstraint("name"),
        STRICT,
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=Text)
    title: str = Field(sa_type=Text)
    scored_items: int = Field(sa_type=Integer)
    pass_mark: float = Field(sa_type=REAL)
    builtin: int = Field(default=0, sa_type=Integer)


class ExamDomainRow(SQLModel, table=True):
    __tablename__ = "exam_domain"
    __table_args__ = (
        _name_check("name"),
        CheckConstraint("weight >= 0 AND weight <= 1", name="weight_range"),
        UniqueConstraint("profile_id", "name"),
        STRICT,
    )

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = Field(
        sa_type=Integer, sa_column_args=[ForeignKey("exam_profile.id", ondelete="CASCADE")]
    )
    position: int = Field(sa_type=Integer)
    name: str = Field(sa_type=Text)
    weight: float = Field(sa_type=REAL)


class PlanRow(SQLModel, table=True):
    __tablename__ = "plan"
    __table_args__ = (
        _name_check("name"),
        _date_check("start_date"),
        _date_check("exam_date"),
        _date_check("as_at", nullable=True),
        CheckConstraint("exam_date >= start_date", name="exam_after_start"),
        CheckConstraint("effort_multiplier > 0 AND effort_multiplier <= 10", name="multiplier"),
        CheckConstraint("weekly_budget_hours > 0 AND weekly_budget_hours <= 112", name="budget"),
        CheckConstraint("pass_mark > 0 AND pass_mark < 1", name="plan_pass_mark"),
        CheckConstraint("length(notes_text) <= 1000000", name="notes_text_size"),
        _instant_check("created_at"),
        STRICT,
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=Text)
    start_date: dt.date = Field(sa_type=ISODate)
    exam_date: dt.date = Field(sa_type=ISODate)
    profile_id: int = Field(sa_type=Integer, sa_column_args=[ForeignKey("exam_profile.id")])
    effort_multiplier: float = Field(sa_type=REAL)
    weekly_budget_hours: float = Field(sa_type=REAL)
    pass_mark: float = Field(sa_type=REAL)
    as_at: dt.date | None = Field(default=None, sa_type=ISODate)
    notes_text: str = Field(default="", sa_type=Text)
    created_at: dt.datetime = Field(sa_type=UTCInstant)


class PlannedMockRow(SQLModel, table=True):
    __tablename__ = "planned_mock"
    __table_args__ = (_name_check("name"), STRICT)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(
        sa_type=Integer, sa_column_args=[ForeignKey("plan.id", ondelete="CASCADE")]
    )
    position: int = Field(sa_type=Integer)
    name: str = Field(sa_type=Text)


class ModuleRow(SQLModel, table=True):
    __tablename__ = "module"
    __table_args__ = (
        _name_check("name"),
        _note_check("note"),
        CheckConstraint("kind IN ('video', 'project', 'practice', 'reading')", name="module_kind"),
        CheckConstraint("effort_hours > 0 AND effort_hours <= 1000", name="effort_range"),
        CheckConstraint("weeks > 0 AND weeks <= 104", name="weeks_range"),
        CheckConstraint("position >= 1", name="position_positive"),
        CheckConstraint(
            "video_seconds IS NULL OR (video_seconds > 0 AND video_seconds <= 360000)",
            name="video_range",
        ),
        CheckConstraint(
            "mock_tests IS NULL OR (mock_tests >= 0 AND mock_tests <= 100)", name="mocks_range"
        ),
        Index("ix_module_plan", "plan_id", "position"),
        STRICT,
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(
        sa_type=Integer, sa_column_args=[ForeignKey("plan.id", ondelete="CASCADE")]
    )
    position: int = Field(sa_type=Integer)
    name: str = Field(sa_type=Text)
    kind: str = Field(sa_type=Text)
    effort_hours: float = Field(sa_type=REAL)
    weeks: float = Field(sa_type=REAL)
    video_seconds: int | None = Field(default=None, sa_type=Integer)
    mock_tests: int | None = Field(default=None, sa_type=Integer)
    note: str = Field(default="", sa_type=Text)


class ModuleDomainRow(SQLModel, table=True):
    """How much of a module's content belongs to an exam domain (ANALYTICS.md 3.2)."""

    __tablename__ = "module_domain"
    __table_args__ = (CheckConstraint("share >= 0 AND share <= 1", name="share_range"), STRICT)

    module_id: int = Field(
        primary_key=True,
        sa_type=Integer,
        sa_column_args=[ForeignKey("module.id", ondelete="CASCADE")],
    )
    domain_id: int = Field(
        primary_key=True,
        sa_type=Integer,
        sa_column_args=[ForeignKey("exam_domain.id", ondelete="CASCADE")],
    )
    share: float = Field(sa_type=REAL)


class ProgressRow(SQLModel, table=True):
    """A progress statement about a module on a date: percent, video position, or done."""

    __tablename__ = "progress"
    __table_args__ = (
        _date_check("recorded_on"),
        CheckConstraint("kind IN ('percent', 'position', 'done')", name="progress_kind"),
        CheckConstraint("percent IS NULL OR (percent >= 0 AND percent <= 100)", name="pct_range"),
        CheckConstraint(
            "position_seconds IS NULL OR (position_seconds >= 0 AND position_seconds <= 360000)",
            name="position_range",
        ),
        _instant_check("created_at"),
        Index("ix_progress_module", "module_id", "recorded_on"),
        STRICT,
    )

    id: int | None = Field(default=None, primary_key=True)
    module_id: int = Field(
        sa_type=Integer, sa_column_args=[ForeignKey("module.id", ondelete="CASCADE")]
    )
    recorded_on: dt.date = Field(sa_type=ISODate)
    kind: str = Field(sa_type=Text)
    percent: float | None = Field(default=None, sa_type=REAL)
    position_seconds: int | None = Field(default=None, sa_type=Integer)
    created_at: dt.datetime = Field(sa_type=UTCInstant)


class StudySessionRow(SQLModel, table=True):
    """Minutes of study on a module at an instant (B10: UTC instant + IANA zone + local date)."""

    __tablename__ = "study_session"
    __table_args__ = (
        _date_check("local_date"),
        _note_check("note"),
        CheckConstraint("minutes >= 1 AND minutes <= 1440", name="minutes_range"),
        CheckConstraint("source IN ('timer', 'manual', 'import')", name="session_source"),
        CheckConstraint("length(uuid) = 36", name="uuid_shape"),
        CheckConstraint("length(zone) BETWEEN 1 AND 64", name="zone_shape"),
        _instant_check("started_at"),
        _instant_check("created_at"),
        UniqueConstraint("uuid"),
        # Covers the report's per-module and per-day sums (repository.session_totals): the
        # minutes are read from the index, never from the table.
        Index("ix_session_module_date_minutes", "module_id", "local_date", "minutes"),
        Index("ix_session_date", "local_date"),
        STRICT,
    )

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(sa_type=Text)
    module_id: int = Field(
        sa_type=Integer, sa_column_args=[ForeignKey("module.id", ondelete="CASCADE")]
    )
    started_at: dt.datetime = Field(sa_type=UTCInstant)
    zone: str = Field(sa_type=Text)
    local_date: dt.date = Field(sa_type=ISODate)
    minutes: int = Field(sa_type=Integer)
    source: str = Field(sa_type=Text)
    note: str = Field(default="", sa_type=Text)
    created_at: dt.datetime = Field(sa_type=UTCInstant)


class MockTestRow(SQLModel, table=True):
    __tablename__ = "mock_test"
    __table_args__ = (
        _name_check("name"),
        _date_check("taken_on"),
        CheckConstraint("total >= 1 AND total <= 1000", name="mock_total"),
        CheckConstraint("correct >= 0 AND correct <= total", name="mock_correct"),
        CheckConstraint("minutes IS NULL OR (minutes >= 1 AND minutes <= 1440)", name="mock_min"),
        CheckConstraint("length(uuid) = 36", name="mock_uuid_shape"),
        _instant_check("created_at"),
        UniqueConstraint("uuid"),
        Index("ix_mock_plan_date", "plan_id", "taken_on"),
        STRICT,
    )

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(sa_type=Text)
    plan_id: int = Field(
        sa_type=Integer, sa_column_args=[ForeignKey("plan.id", ondelete="CASCADE")]
    )
    name: str = Field(sa_type=Text)
    taken_on: dt.date = Field(sa_type=ISODate)
    correct: int = Field(sa_type=Integer)
    total: int = Field(sa_type=Integer)
    minutes: int | None = Field(default=None, sa_type=Integer)
    topic_module_id: int | None = Field(
        default=None,
        sa_type=Integer,
        sa_column_args=[ForeignKey("module.id", ondelete="SET NULL")],
    )
    created_at: dt.datetime = Field(sa_type=UTCInstant)


class MockDomainScoreRow(SQLModel, table=True):
    __tablename__ = "mock_domain_score"
    __table_args__ = (
        CheckConstraint("total >= 1 AND total <= 1000", name="score_total"),
        CheckConstraint("correct >= 0 AND correct <= total", name="score_correct"),
        STRICT,
    )

    mock_id: int = Field(
        primary_key=True,
        sa_type=Integer,
        sa_column_args=[ForeignKey("mock_test.id", ondelete="CASCADE")],
    )
    domain_id: int = Field(
        primary_key=True,
        sa_type=Integer,
        sa_column_args=[ForeignKey("exam_domain.id", ondelete="CASCADE")],
    )
    correct: int = Field(sa_type=Integer)
    total: int = Field(sa_type=Integer)


class BaselineRow(SQLModel, table=True):
    """A frozen copy of the planned dates and efforts; slip is measured against the newest one."""

    __tablename__ = "baseline"
    __table_args__ = (
        _instant_check("frozen_at"),
        _date_check("start_date"),
        _date_check("exam_date"),
        STRICT,
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(
        sa_type=Integer, sa_column_args=[ForeignKey("plan.id", ondelete="CASCADE")]
    )
    frozen_at: dt.datetime = Field(sa_type=UTCInstant)
    start_date: dt.date = Field(sa_type=ISODate)
    exam_date: dt.date = Field(sa_type=ISODate)


class BaselineModuleRow(SQLModel, table=True):
    __tablename__ = "baseline_module"
    __table_args__ = (STRICT,)

    baseline_id: int = Field(
        primary_key=True,
        sa_type=Integer,
        sa_column_args=[ForeignKey("baseline.id", ondelete="CASCADE")],
    )
    position: int = Field(primary_key=True, sa_type=Integer)
    module_id: int | None = Field(
        default=None,
        sa_type=Integer,
        sa_column_args=[ForeignKey("module.id", ondelete="SET NULL")],
    )
    name: str = Field(sa_type=Text)
    effort_hours: float = Field(sa_type=REAL)
    weeks: float = Field(sa_type=REAL)


class RunningTimerRow(SQLModel, table=True):
    """The started, not yet stopped session (at most one), persisted so a crash loses nothing."""

    __tablename__ = "running_timer"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_timer"),
        CheckConstraint("paused_seconds >= 0", name="paused_nonnegative"),
        _instant_check("started_at"),
        _instant_check("paused_at", nullable=True),
        STRICT,
    )

    id: int = Field(default=1, primary_key=True, sa_type=Integer)
    module_id: int = Field(
        sa_type=Integer, sa_column_args=[ForeignKey("module.id", ondelete="CASCADE")]
    )
    started_at: dt.datetime = Field(sa_type=UTCInstant)
    zone: str = Field(sa_type=Text)
    paused_seconds: int = Field(default=0, sa_type=Integer)
    paused_at: dt.datetime | None = Field(default=None, sa_type=UTCInstant)
