"""Use cases shared by the window and the command line: one unit of work each.

Inputs are validated here (the database checks them a second time); outputs are domain values.
Nothing here imports Qt.  "Now" comes from an injectable clock so tests and the analytics are
deterministic.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from studyplanner import paths
from studyplanner.clock import local_zone_name as local_zone_name
from studyplanner.clock import report_as_of
from studyplanner.domain import planning
from studyplanner.domain.history import (
    ProgressMark,
    earned_value_history,
    module_status_at,
    progress_mark,
)
from studyplanner.domain.model import (
    ExamDomain,
    ExamProfile,
    MockResult,
    ModuleKind,
    ModuleStatus,
)
from studyplanner.domain.notes import NotesError, parse_notes
from studyplanner.domain.readiness import (
    Readiness,
    ReadinessParams,
    TopicReadiness,
    compute_readiness,
    compute_topic_readiness,
)
from studyplanner.domain.records import (
    MockInfo,
    ModuleInfo,
    PlanInfo,
    ProgressInfo,
    SessionInfo,
    TimerInfo,
)
from studyplanner.domain.report import ModuleReport as ModuleReport
from studyplanner.domain.report import Report as Report
from studyplanner.domain.schedule import compute_schedule
from studyplanner.store import repository as repo
from studyplanner.store.db import Database

# What StudyPlanner.delete_module returns and restore_module takes (undo of a module delete).
ModuleRecord = repo.ModuleRecord
# What StudyPlanner.delete_mock returns and restore_mock takes (undo of a mock test delete).
MockRecord = repo.MockRecord
# What StudyPlanner.take_sessions returns and put_back_sessions takes (undo of an import).
SessionRows = repo.SessionRows

MAX_NOTES_BYTES = 1_000_000
MAX_SESSION_MINUTES = 1440
EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
FUTURE_TOLERANCE = dt.timedelta(minutes=5)


class ValidationError(ValueError):
    """Bad input: names the field and says what is wrong. Nothing was written."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NoPlanError(ValueError):
    def __init__(self) -> None:
        super().__init__("there is no plan yet: import one with 'studyplanner plan import NOTES'")


# -- validation helpers ----------------------------------------------------------------------


def clean_name(text: str, field: str, *, max_length: int = 200) -> str:
    value = text.strip()
    if not value:
        raise ValidationError(field, "must not be empty")
    if len(value) > max_length:
        raise ValidationError(field, f"is {len(value)} characters long; the limit is {max_length}")
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        raise ValidationError(field, "contains control characters")
    return value


def clean_note(text: str, field: str = "note", *, max_length: int = 10_000) -> str:
    if len(text) > max_length:
        raise ValidationError(field, f"is {len(text)} characters long; the limit is {max_length}")
    if "\x00" in text or any(unicodedata.category(ch) == "Cs" for ch in text):
        raise ValidationError(field, "contains a NUL byte or an invalid character")
    return text


def check_date(value: dt.date, field: str) -> dt.date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            field, f"{value.isoformat()} is outside {EARLIEST_DATE} to {LATEST_DATE}"
        )
    return value


def parse_date(text: str, field: str) -> dt.date:
    try:
        value = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(field, f"'{text}' is not a date of the form YYYY-MM-DD") from None
    if len(text.strip()) != 10:
        raise ValidationError(field, f"'{text}' is not a date of the form YYYY-MM-DD")
    return check_date(value, field)


def parse_score(text: str, field: str) -> tuple[int, int]:
    """``C/N`` with whole numbers, 0 <= C <= N, N >= 1."""
    correct_text, sep, total_text = text.strip().partition("/")
    if not sep or not correct_text.strip().isascii() or not total_text.strip().isascii():
        raise ValidationError(field, f"'{text}' is not a score of the form CORRECT/TOTAL, e.g. 8/9")
    try:
        correct, total = int(correct_text.strip()), int(total_text.strip())
    except ValueError:
        raise ValidationError(field, f"'{text}' is not a score of the form CORRECT/TOTAL") from None
    if "_" in text:
        raise ValidationError(field, f"'{text}' is not a score of the form CORRECT/TOTAL")
    return check_score(correct, total, field)


def check_score(correct: int, total: int, field: str) -> tuple[int, int]:
    if total < 1:
        raise ValidationError(field, "the number of questions must be at least 1")
    if total > 1000:
        raise ValidationError(field, f"{total} questions is more than the limit of 1000")
    if correct < 0:
        raise ValidationError(field, "the number correct cannot be negative")
    if correct > total:
        raise ValidationError(field, f"{correct} correct out of {total} is more than the total")
    return correct, total


# -- bundled resources -----------------------------------------------------------------------


def _profile_from_json(data: Mapping[str, Any]) -> ExamProfile:
    return ExamProfile(
        name=str(data["name"]),
        title=str(data["title"]),
        domains=tuple(ExamDomain(str(d["name"]), float(d["weight"])) for d in data["domains"]),
        scored_items=int(data["scored_items"]),
        pass_mark=float(data["pass_mark"]),
    )


def bundled_profiles() -> list[ExamProfile]:
    folder = paths.resources_dir() / "profiles"
    return [
        _profile_from_json(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(folder.glob("*.json"))
    ]


@dataclasses.dataclass(frozen=True, slots=True)
class TemplateModule:
    keywords: tuple[str, ...]
    shares: Mapping[str, Mapping[str, float]]  # profile name -> domain -> share


def bundled_template() -> list[TemplateModule]:
    data = json.loads(
        (paths.resources_dir() / "templates" / "aws-dva.json").read_text(encoding="utf-8")
    )
    return [
        TemplateModule(
            keywords=tuple(m["match"]),
            shares={k: dict(v) for k, v in m.items() if k != "match"},
        )
        for m in data["modules"]
    ]


def bundled_notes_path() -> Path:
    return paths.resources_dir() / "templates" / "aws-dva-notes.txt"


def match_template(
    names: Sequence[str], template: Sequence[TemplateModule]
) -> list[TemplateModule | None]:
    """Pair each module name with the first unused template module whose keywords it contains."""
    used: set[int] = set()
    matches: list[TemplateModule | None] = []
    for name in names:
        lowered = name.lower()
        found: TemplateModule | None = None
        for index, candidate in enumerate(template):
            if index not in used and all(k in lowered for k in candidate.keywords):
                used.add(index)
                found = candidate
                break
        matches.append(found)
    return matches


def _plan_name(title: str, matches: Sequence[TemplateModule | None]) -> str:
    """The bundled template's name when every module matched it, else the notes' first line."""
    if matches and all(m is not None for m in matches):
        data = json.loads(
            (paths.resources_dir() / "templates" / "aws-dva.json").read_text(encoding="utf-8")
        )
        return str(data["name"])
    title = " ".join(title.split())
    if len(title) > 80:
        title = title[:79].rstrip() + "…"
    return title or "Study plan"


def default_shares(
    kind: ModuleKind, profile: ExamProfile, template: TemplateModule | None
) -> dict[str, float]:
    """The module's default mapping onto the profile's domains (ANALYTICS.md decision 3)."""
    if template is not None and profile.name in template.shares:
        return {d: s for d, s in template.shares[profile.name].items() if s > 0}
    if kind is ModuleKind.PRACTICE:
        return {}
    share = 1.0 / len(profile.domains)
    return {d.name: share for d in profile.domains}


# -- the report ------------------------------------------------------------------------------


def _topic_json(t: TopicReadiness) -> dict[str, Any]:
    return {"mean": t.mean, "lo90": t.lo90, "hi90": t.hi90}


def _readiness_json(r: Readiness) -> dict[str, Any]:
    return {
        "p_pass": r.p_pass,
        "expected_score": r.expected_score,
        "expected_score_lo90": r.expected_score_lo90,
        "expected_score_hi90": r.expected_score_hi90,
        "domains": [
            {
                "name": d.name,
                "weight": d.weight,
                "mean": d.mean,
                "lo90": d.lo90,
                "hi90": d.hi90,
                "coverage": d.coverage,
                "retrievability": d.retrievability,
                "n_eff": d.n_eff,
            }
            for d in r.domains
        ],
    }


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _number(value: float | None) -> float | None:
    """JSON has no NaN or infinity: an undefined or unbounded number is null."""
    if value is None or not math.isfinite(value):
        return None
    return value


def report_to_json(report: Report) -> dict[str, Any]:
    """The JSON object of DESIGN.md section 4 (numbers unrounded, undefined values null)."""
    s = report.schedule
    module_schedules = {m.position: m for m in s.modules}
    return {
        "as_of": report.as_of.isoformat(),
        "plan": {
            "name": report.plan.name,
            "start": report.plan.start.isoformat(),
            "planned_finish": s.planned_finish.isoformat(),
            "exam_date": report.plan.exam.isoformat(),
            "profile": report.plan.profile.name,
            "weeks": sum(m.status.weeks for m in report.modules),
            "bac_hours": s.bac_hours,
        },
        "schedule": {
            "pv_hours": s.pv_hours,
            "ev_hours": s.ev_hours,
            "ac_hours": s.ac_hours,
            "sv_hours": s.sv_hours,
            "spi": _number(s.spi),
            "cv_hours": s.cv_hours,
            "cpi": _number(s.cpi),
            "eac_hours": _number(s.eac_hours),
            "etc_hours": _number(s.etc_hours),
            "vac_hours": _number(s.vac_hours),
            "tcpi": _number(s.tcpi),
            "at_days": s.at_days,
            "es_days": _number(s.es_days),
            "sv_days": _number(s.sv_days),
            "spi_t": _number(s.spi_t),
            "tspi_plan": _number(s.tspi_plan),
            "tspi_exam": _number(s.tspi_exam),
            "ieac_past_efficiency": _iso(s.ieac_past_efficiency),
            "ieac_plan_pace": _iso(s.ieac_plan_pace),
            "required_hours_per_week": _number(s.required_hours_per_week),
            "weekly_hours": list(s.weekly_hours),
            "ewma_hours_per_week": _number(s.ewma_hours_per_week),
            "forecast_ewma": _iso(s.forecast_ewma),
            "forecast_p50": _iso(s.forecast_p50),
            "forecast_p85": _iso(s.forecast_p85),
            "forecast_p95": _iso(s.forecast_p95),
            "p_finish_before_exam": _number(s.p_finish_before_exam),
        },
        "modules": [
            {
                "position": m.module.position,
                "name": m.module.name,
                "kind": m.module.kind.value,
                "effort_hours": m.module.effort_hours,
                "weeks": m.module.weeks,
                "planned_start": module_schedules[m.module.position].planned_start.isoformat(),
                "planned_finish": module_schedules[m.module.position].planned_finish.isoformat(),
                "actual_hours": m.status.actual_hours,
                "percent_complete": 100.0 * m.status.pct_complete,
                "sv_days": _number(module_schedules[m.module.position].sv_days),
                "slip_days": _number(module_schedules[m.module.position].slip_days),
                "projected_finish": _iso(module_schedules[m.module.position].projected_finish),
                "readiness": {
                    "today": _topic_json(m.topic_today),
                    "exam_day": _topic_json(m.topic_exam_day),
                },
            }
            for m in report.modules
        ],
        "readiness": {
            "today": _readiness_json(report.readiness_today),
            "exam_day": _readiness_json(report.readiness_exam_day),
        },
    }


# -- the services ----------------------------------------------------------------------------


def _base_status(module: ModuleInfo, window: tuple[int, int]) -> ModuleStatus:
    """The module with its planned window, nothing logged and no progress yet."""
    start_day, days = window
    return ModuleStatus(
        position=module.position,
        name=module.name,
        kind=module.kind,
        effort_hours=module.effort_hours,
        weeks=module.weeks,
        planned_start_day=start_day,
        planned_days=days,
    )


def _progress_mark(info: ProgressInfo, module: ModuleInfo) -> ProgressMark:
    return progress_mark(
        recorded_on=info.recorded_on,
        kind=info.kind,
        percent=info.percent,
        position_seconds=info.position_seconds,
        video_seconds=module.video_seconds,
    )


def _earned_history(
    plan: PlanInfo,
    as_of: dt.date,
    modules: Sequence[ModuleInfo],
    weeks: Mapping[int, Mapping[int, int]],
    statements: Sequence[ProgressInfo],
    mocks: Sequence[MockInfo],
) -> tuple[tuple[dt.date, float], ...]:
    """The EV history from the aggregates read before *as_of* (see ``earned_value_history``)."""
    windows = planning.module_windows([m.weeks for m in modules])
    by_module: dict[int, list[ProgressMark]] = {}
    module_of = {m.id: m for m in modules}
    for info in statements:
        by_module.setdefault(info.module_id, []).append(
            _progress_mark(info, module_of[info.module_id])
        )
    return earned_value_history(
        start=plan.start,
        as_of=as_of,
        modules=[_base_status(m, w) for m, w in zip(modules, windows, strict=True)],
        mock_tests=[m.mock_tests for m in modules],
        week_minutes=[weeks.get(m.id, {}) for m in modules],
        marks=[by_module.get(m.id, []) for m in modules],
        practice_dates=[m.taken_on for m in mocks if m.topic_module_id is None],
    )


@dataclasses.dataclass(frozen=True, slots=True)
class _ReportInputs:
    """What :meth:`StudyPlanner.report_with_history` reads from the database, for one plan and
    as-of date, tagged with the connection's ``total_changes`` when it was read (``token``).

    Never mutated once built: a write that can be applied as a delta (logging a session) builds
    a new value that shares the unchanged parts (copy on write), so a report being computed on
    a worker thread from an older value is never disturbed.
    """

    plan: PlanInfo
    as_of: dt.date
    token: tuple[int, int]
    modules: tuple[ModuleInfo, ...]
    totals: repo.SessionTotals
    weeks: Mapping[int, Mapping[int, int]]
    statements: tuple[ProgressInfo, ...]
    mocks: tuple[MockInfo, ...]
    history_head: tuple[tuple[dt.date, float], ...] | None = None
    """The EV history of these inputs but its last point (the one at ``as_of``, which is the
    report's ``schedule.ev_hours``), once computed; None: not known."""

    def with_session(self, info: SessionInfo, token: tuple[int, int]) -> _ReportInputs:
        """These inputs plus the new session *info* (what re-reading the log would give).

        The EV history's points at the plan-week boundaries before the session's day stay
        valid; if that is all of them but the last (the usual case: a session of this week),
        ``history_head`` is kept.
        """
        day = info.local_date
        if day >= self.as_of or all(m.id != info.module_id for m in self.modules):
            return dataclasses.replace(self, token=token)
        head = self.history_head
        if head is not None and len(head) > 1 and day < head[-1][0]:
            head = None  # the session counts at an earlier plan-week boundary
        module_id, minutes = info.module_id, info.minutes
        totals = self.totals
        by_module = dict(totals.by_module)
        by_module[module_id] = by_module.get(module_id, 0) + minutes
        by_day = dict(totals.by_day)
        known = day in by_day
        by_day[day] = by_day.get(day, 0) + minutes
        if not known and totals.by_day and day < next(reversed(totals.by_day)):
            by_day = dict(sorted(by_day.items()))
        contacts = dict(totals.contact_days)
        contacts[module_id] = contacts.get(module_id, set()) | {day}
        week = (day - self.plan.start).days // 7
        module_weeks = dict(self.weeks.get(module_id, {}))
        module_weeks[week] = module_weeks.get(week, 0) + minutes
        weeks = dict(self.weeks)
        weeks[module_id] = module_weeks
        return dataclasses.replace(
            self,
            token=token,
            totals=repo.SessionTotals(by_module, by_day, contacts),
            weeks=weeks,
            history_head=head,
        )


def _total_changes(session: Session) -> tuple[int, int]:
    """The rows this process's one connection has changed since it was opened (with which
    connection that is, should it ever be opened again): every write, through any unit of work,
    moves it (the database's mutex is held while *session* is open)."""
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return id(driver), driver.total_changes


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class StudyPlanner:
    """The application's use cases over one open database."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Callable[[], dt.datetime] = _utc_now,
        zone: str | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.zone_name = zone or local_zone_name()
        self.zone = ZoneInfo(self.zone_name)
        # The last inputs of report_with_history (issue #7 (d)); see _report_inputs().
        self._inputs: _ReportInputs | None = None
        self._inputs_lock = threading.Lock()
        self._ensure_profiles()

    # -- time ------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().astimezone(self.zone).date()

    def default_as_of(self) -> dt.date:
        """The end of today (00:00 tomorrow), so that what was logged today counts."""
        return report_as_of(self.clock(), self.zone)

    # -- profiles --------------------------------------------------------------------------

    def _ensure_profiles(self) -> None:
        with self.db.session() as s:
            for profile in bundled_profiles():
                repo.ensure_profile(s, profile, builtin=True)

    def profiles(self) -> list[ExamProfile]:
        with self.db.session() as s:
            return repo.list_profiles(s)

    def _resolve_profile(self, name: str) -> ExamProfile:
        profiles = self.profiles()
        exact = [p for p in profiles if p.name.lower() == name.strip().lower()]
        if exact:
            return exact[0]
        known = ", ".join(p.name for p in profiles)
        raise ValidationError("profile", f"unknown exam profile '{name}' (known: {known})")

    # -- plans -----------------------------------------------------------------------------

    def backup_before(self, reason: str) -> Path | None:
        """A verified backup before a risky operation (import, restore): RELIABILITY.md B6.

        Skipped when the database holds no plan (so no module, session or mock test: nothing
        to lose), and the newest backup is returned when nothing changed since it. Raises
        :class:`~studyplanner.store.errors.BackupFailed`, so the operation does not start
        without its way back.
        """
        with self.db.session() as s:
            if repo.current_plan_id(s) is None:
                return None
        return self.db.backup(reason, only_if_changed=True)

    def import_notes_file(
        self,
        path: Path,
        *,
        start: dt.date | None = None,
        exam: dt.date | None = None,
        profile: str | None = None,
    ) -> PlanInfo:
        """Read a notes file and import it as the new current plan (all or nothing)."""
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise ValidationError("file", f"{path} does not exist") from None
        except OSError as exc:
            raise ValidationError("file", f"cannot read {path}: {exc.strerror}") from None
        if path.is_dir():
            raise ValidationError("file", f"{path} is a folder, not a notes file")
        if size > MAX_NOTES_BYTES:
            raise ValidationError("file", f"{path} is {size} bytes; a notes file is at most 1 MB")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ValidationError("file", f"cannot read {path}: {exc.strerror}") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("file", f"{path} is not a text notes file (not UTF-8)") from None
        return self.import_notes(text, start=start, exam=exam, profile=profile)

    def import_notes(
        self,
        text: str,
        *,
        start: dt.date | None = None,
        exam: dt.date | None = None,
        profile: str | None = None,
        name: str | None = None,
    ) -> PlanInfo:
        parsed = parse_notes(text)  # raises NotesError with line numbers
        start = check_date(start or self.today(), "start")
        modules = planning.plan_modules(parsed)
        weeks = [m.weeks for m in modules]
        windows = planning.planned_dates(start, weeks)
        planned_end = windows[-1][1] if windows else start
        exam = check_date(exam or planned_end + dt.timedelta(days=1), "exam")
        if exam < start:
            raise ValidationError("exam", f"the exam ({exam}) is before the start ({start})")
        chosen = self._resolve_profile(profile or "DVA-C02")
        template = bundled_template()
        matches = match_template([m.name for m in modules], template)
        plan_name = clean_name(name or _plan_name(parsed.title, matches), "plan name")
        self.backup_before("pre-import")
        with self.db.session() as s:
            profile_id = repo.profile_id(s, chosen.name)
            assert profile_id is not None
            plan_id = repo.create_plan(
                s,
                name=plan_name,
                start=start,
                exam=exam,
                profile_id_=profile_id,
                effort_multiplier=planning.DEFAULT_EFFORT_MULTIPLIER,
                weekly_budget_hours=planning.DEFAULT_WEEKLY_BUDGET_HOURS,
                pass_mark=chosen.pass_mark,
                as_at=parsed.as_at,
                notes_text=parsed.notes_text,
                planned_mocks=parsed.planned_mocks,
            )
            all_profiles = {p.name: p for p in repo.list_profiles(s)}
            for planned, match in zip(modules, matches, strict=True):
                module_id = repo.add_module(
                    s,
                    plan_id=plan_id,
                    position=planned.position,
                    name=clean_name(planned.name, f"module {planned.position} name"),
                    kind=planned.kind,
                    effort_hours=planned.effort_hours,
                    weeks=planned.weeks,
                    video_seconds=planned.video_seconds,
                    mock_tests=planned.mock_tests,
                    note=clean_note(planned.note),
                )
                self._store_default_shares(s, module_id, planned.kind, all_profiles, match)
            return repo.load_plan(s, plan_id)

    def _store_default_shares(
        self,
        s: Any,
        module_id: int,
        kind: ModuleKind,
        profiles: Mapping[str, ExamProfile],
        match: TemplateModule | None,
    ) -> None:
        shares: dict[int, float] = {}
        for profile in profiles.values():
            pid = repo.profile_id(s, profile.name)
            assert pid is not None
            ids = repo.domain_ids(s, pid)
            for domain, share in default_shares(kind, profile, match).items():
                shares[ids[domain]] = share
        repo.set_module_shares(s, module_id, shares)

    def current_plan(self) -> PlanInfo | None:
        with self.db.session() as s:
            plan_id = repo.current_plan_id(s)
            return None if plan_id is None else repo.load_plan(s, plan_id)

    def require_plan(self) -> PlanInfo:
        plan = self.current_plan()
        if plan is None:
            raise NoPlanError()
        return plan

    def modules(self) -> list[ModuleInfo]:
        plan = self.require_plan()
        with self.db.session() as s:
            return repo.load_modules(s, plan.id)

    def planned_windows(
        self, plan: PlanInfo, modules: Sequence[ModuleInfo]
    ) -> list[tuple[dt.date, dt.date]]:
        return planning.planned_dates(plan.start, [m.weeks for m in modules])

    def set_plan(
        self,
        *,
        start: dt.date | None = None,
        exam: dt.date | None = None,
        profile: str | None = None,
        pass_mark: float | None = None,
        effort_multiplier: float | None = None,
        weekly_budget_hours: float | None = None,
        name: str | None = None,
    ) -> PlanInfo:
        plan = self.require_plan()
        values: dict[str, object] = {}
        new_start = check_date(start, "start") if start else plan.start
        new_exam = check_date(exam, "exam") if exam else plan.exam
        if new_exam < new_start:
            raise ValidationError(
                "exam", f"the exam ({new_exam}) is before the start ({new_start})"
            )
        if start:
            values["start_date"] = new_start
        if exam:
            values["exam_date"] = new_exam
        if pass_mark is not None:
            if not (math.isfinite(pass_mark) and 0 < pass_mark < 1):
                raise ValidationError(
                    "pass mark", "must be a proportion between 0 and 1, e.g. 0.72"
                )
            values["pass_mark"] = pass_mark
        if effort_multiplier is not None:
            if not (math.isfinite(effort_multiplier) and 0 < effort_multiplier <= 10):
                raise ValidationError("effort multiplier", "must be above 0 and at most 10")
            values["effort_multiplier"] = effort_multiplier
        if weekly_budget_hours is not None:
            if not (math.isfinite(weekly_budget_hours) and 0 < weekly_budget_hours <= 112):
                raise ValidationError("weekly budget", "must be above 0 and at most 112 hours")
            values["weekly_budget_hours"] = weekly_budget_hours
        if name is not None:
            values["name"] = clean_name(name, "plan name")
        with self.db.session() as s:
            if profile is not None:
                chosen = self._resolve_profile(profile)
                pid = repo.profile_id(s, chosen.name)
                values["profile_id"] = pid
            repo.update_plan(s, plan.id, **values)
            return repo.load_plan(s, plan.id)

    # -- modules ---------------------------------------------------------------------------

    def resolve_module(self, ref: str) -> ModuleInfo:
        """A module by 1-based position or by unique case-insensitive name prefix."""
        modules = self.modules()
        text = ref.strip()
        if text.isascii() and text.isdigit():
            position = int(text)
            for m in modules:
                if m.position == position:
                    return m
            raise ValidationError(
                "module", f"there is no module {position} (the plan has {len(modules)})"
            )
        if not text:
            raise ValidationError("module", "give a module number or the start of its name")
        lowered = text.lower()
        found = [m for m in modules if m.name.lower().startswith(lowered)]
        if len(found) == 1:
            return found[0]
        if not found:
            raise ValidationError("module", f"no module's name starts with '{text}'")
        names = ", ".join(f"{m.position} {m.name}" for m in found)
        raise ValidationError("module", f"'{text}' matches several modules: {names}")

    def add_module(
        self,
        name: str,
        *,
        kind: ModuleKind = ModuleKind.READING,
        effort_hours: float,
        weeks: float,
        position: int | None = None,
        video_seconds: int | None = None,
        note: str = "",
    ) -> ModuleInfo:
        plan = self.require_plan()
        clean = clean_name(name, "module name")
        self._check_effort(effort_hours, weeks)
        modules = self.modules()
        at = len(modules) + 1 if position is None else max(1, min(position, len(modules) + 1))
        with self.db.session() as s:
            module_id = repo.add_module(
                s,
                plan_id=plan.id,
                position=len(modules) + 1,
                name=clean,
                kind=kind,
                effort_hours=effort_hours,
                weeks=weeks,
                video_seconds=video_seconds,
                mock_tests=None,
                note=clean_note(note),
            )
            all_profiles = {p.name: p for p in repo.list_profiles(s)}
            self._store_default_shares(s, module_id, kind, all_profiles, None)
            order = [m.id for m in modules]
            order.insert(at - 1, module_id)
            repo.renumber_modules(s, order)
        return self._module_by_id(module_id)

    def _check_effort(self, effort_hours: float, weeks: float) -> None:
        if not (math.isfinite(effort_hours) and 0 < effort_hours <= 1000):
            raise ValidationError("effort", "must be above 0 and at most 1000 hours")
        if not (math.isfinite(weeks) and 0 < weeks <= 104):
            raise ValidationError("weeks", "must be above 0 and at most 104")

    def _module_by_id(self, module_id: int) -> ModuleInfo:
        for m in self.modules():
            if m.id == module_id:
                return m
        raise ValidationError("module", f"module {module_id} no longer exists")

    def update_module(
        self,
        module_id: int,
        *,
        name: str | None = None,
        effort_hours: float | None = None,
        weeks: float | None = None,
        note: str | None = None,
        kind: ModuleKind | None = None,
        video_seconds: int | None = None,
    ) -> ModuleInfo:
        current = self._module_by_id(module_id)
        values: dict[str, object] = {}
        if name is not None:
            values["name"] = clean_name(name, "module name")
        self._check_effort(
            current.effort_hours if effort_hours is None else effort_hours,
            current.weeks if weeks is None else weeks,
        )
        if effort_hours is not None:
            values["effort_hours"] = effort_hours
        if weeks is not None:
            values["weeks"] = weeks
        if note is not None:
            values["note"] = clean_note(note)
        if kind is not None:
            values["kind"] = kind.value
        if video_seconds is not None:
            if not 0 < video_seconds <= 360_000:
                raise ValidationError("video length", "must be between 1 second and 100 hours")
            values["video_seconds"] = video_seconds
        with self.db.session() as s:
            repo.update_module(s, module_id, **values)
        return self._module_by_id(module_id)

    def delete_module(self, module_id: int) -> ModuleRecord:
        """Delete a module with its sessions, progress, shares and a timer running on it.

        Returns every row the delete removed or changed, for :meth:`restore_module` (undo).
        """
        plan = self.require_plan()
        with self.db.session() as s:
            record = repo.module_record(s, module_id)
            if record is None or record.plan_id != plan.id:
                raise ValidationError("module", f"module {module_id} no longer exists")
            remaining = [i for i in repo.module_order(s, plan.id) if i != module_id]
            repo.delete_module(s, module_id)
            repo.renumber_modules(s, remaining)
        return record

    def restore_module(self, record: ModuleRecord) -> ModuleInfo:
        """Undo :meth:`delete_module`: put every row of *record* back, in one transaction.

        Rows keep their ids unless another row took one meanwhile; the database is then as it
        was before the delete (unless something else changed in between).
        """
        plan = self.require_plan()
        if record.plan_id != plan.id:
            raise ValidationError("module", "the module belonged to a plan that is gone")
        with self.db.session() as s:
            module_id = repo.restore_module(s, record)
        return self._module_by_id(module_id)

    def move_module(self, module_id: int, new_position: int) -> None:
        order = [m.id for m in self.modules()]
        if module_id not in order:
            raise ValidationError("module", f"module {module_id} no longer exists")
        order.remove(module_id)
        order.insert(max(0, min(new_position - 1, len(order))), module_id)
        with self.db.session() as s:
            repo.renumber_modules(s, order)

    def freeze_baseline(self) -> int:
        plan = self.require_plan()
        modules = self.modules()
        with self.db.session() as s:
            return repo.freeze_baseline(s, plan.id, plan.start, plan.exam, modules)

    # -- study sessions --------------------------------------------------------------------

    def _session_start(
        self, minutes: int, on: dt.date | None, at: dt.time | None
    ) -> tuple[dt.datetime, dt.date]:
        now = self.now()
        if on is None and at is None:
            started = now - dt.timedelta(minutes=minutes)
            return started, started.astimezone(self.zone).date()
        day = on or self.today()
        clock_time = at or dt.time(12, 0)
        local = dt.datetime.combine(day, clock_time, tzinfo=self.zone)
        round_trip = local.astimezone(dt.UTC).astimezone(self.zone)
        if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
            raise ValidationError(
                "time",
                f"{day} {clock_time:%H:%M} does not exist in {self.zone_name}"
                " (the clocks changed); pick another time",
            )
        return local.astimezone(dt.UTC), day

    def _validate_session(
        self,
        plan: PlanInfo,
        minutes: int,
        started: dt.datetime,
        day: dt.date,
        *,
        exclude_id: int | None = None,
    ) -> None:
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            raise ValidationError("duration", "must be a whole number of minutes")
        if minutes < 1:
            raise ValidationError("duration", "must be at least 1 minute")
        if minutes > MAX_SESSION_MINUTES:
            raise ValidationError(
                "duration", f"{minutes} minutes is more than 24 hours; split it into several days"
            )
        check_date(day, "date")
        earliest = max(EARLIEST_DATE, plan.start - dt.timedelta(days=365))
        if day < earliest:
            raise ValidationError("date", f"{day} is more than a year before the plan starts")
        if started > self.now() + FUTURE_TOLERANCE:
            raise ValidationError("date", f"{day} is in the future")
        with self.db.session() as s:
            logged = repo.day_total_minutes(s, plan.id, day, exclude_id=exclude_id)
        if logged + minutes > MAX_SESSION_MINUTES:
            raise ValidationError(
                "duration",
                f"{day} would have {logged + minutes} minutes of study; a day has 1440",
            )

    def log_session(
        self,
        module_id: int,
        minutes: int,
        *,
        on: dt.date | None = None,
        at: dt.time | None = None,
        note: str = "",
        source: str = "manual",
        uuid: str | None = None,
    ) -> SessionInfo:
        plan = self.require_plan()
        module = self._module_by_id(module_id)
        started, day = self._session_start(minutes, on, at)
        self._validate_session(plan, minutes, started, day)
        note = clean_note(note)
        with self.db.session() as s:
            before = _total_changes(s)
            session_id = repo.add_session(
                s,
                module_id=module.id,
                started_at=started,
                zone=self.zone_name,
                local_date=day,
                minutes=minutes,
                source=source,
                note=note,
                uuid=uuid,
            )
            info = repo.get_session(s, session_id)
            assert info is not None
            s.flush()
            after = _total_changes(s)
        self._inputs_logged(info, before, after)
        return info

    def get_session(self, session_id: int) -> SessionInfo:
        with self.db.session() as s:
            found = repo.get_session(s, session_id)
        if found is None:
            raise ValidationError("session", f"session {session_id} no longer exists")
        return found

    def update_session(
        self,
        session_id: int,
        *,
        module_id: int | None = None,
        minutes: int | None = None,
        on: dt.date | None = None,
        at: dt.time | None = None,
        note: str | None = None,
    ) -> SessionInfo:
        plan = self.require_plan()
        current = self.get_session(session_id)
        new_minutes = current.minutes if minutes is None else minutes
        if on is None and at is None:
            started, day = current.started_at, current.local_date
        else:
            local = current.started_at.astimezone(ZoneInfo(current.zone))
            started, day = self._session_start(
                new_minutes, on or current.local_date, at or local.time().replace(second=0)
            )
        self._validate_session(plan, new_minutes, started, day, exclude_id=session_id)
        values: dict[str, object] = {
            "minutes": new_minutes,
            "started_at": started,
            "local_date": day,
        }
        if module_id is not None:
            values["module_id"] = self._module_by_id(module_id).id
        if note is not None:
            values["note"] = clean_note(note)
        with self.db.session() as s:
            repo.update_session(s, session_id, **values)
        return self.get_session(session_id)

    def delete_session(self, session_id: int) -> SessionInfo:
        """Delete a session and return it, so that the caller can offer undo."""
        current = self.get_session(session_id)
        with self.db.session() as s:
            repo.delete_session(s, session_id)
        return current

    def restore_session(self, info: SessionInfo) -> SessionInfo:
        """Put back a deleted session exactly as it was (undo)."""
        with self.db.session() as s:
            session_id = repo.add_session(
                s,
                module_id=info.module_id,
                started_at=info.started_at,
                zone=info.zone,
                local_date=info.local_date,
                minutes=info.minutes,
                source=info.source,
                note=info.note,
                uuid=info.uuid,
            )
        return self.get_session(session_id)

    def take_sessions(self, uuids: Sequence[str]) -> SessionRows:
        """Delete the sessions with *uuids* in one unit of work and return them exactly as
        stored, so that :meth:`put_back_sessions` can undo it (the undo of an import)."""
        with self.db.session() as s:
            return repo.take_sessions(s, list(uuids))

    def put_back_sessions(self, rows: SessionRows) -> None:
        """Put back the sessions that :meth:`take_sessions` removed, as they were."""
        with self.db.session() as s:
            repo.put_back_sessions(s, rows)

    def sessions(
        self,
        *,
        module_id: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
    ) -> list[SessionInfo]:
        plan = self.require_plan()
        with self.db.session() as s:
            return repo.list_sessions(
                s, plan.id, module_id=module_id, since=since, until=until, limit=limit
            )

    def minutes_on(self, day: dt.date) -> int:
        plan = self.require_plan()
        with self.db.session() as s:
            return repo.day_total_minutes(s, plan.id, day)

    # -- progress --------------------------------------------------------------------------

    def record_progress(
        self,
        module_id: int,
        *,
        percent: float | None = None,
        position_seconds: int | None = None,
        done: bool = False,
        on: dt.date | None = None,
    ) -> None:
        module = self._module_by_id(module_id)
        day = check_date(on or self.today(), "date")
        chosen = sum(x is not None for x in (percent, position_seconds)) + int(done)
        if chosen != 1:
            raise ValidationError("progress", "give exactly one of a percent, a position or done")
        with self.db.session() as s:
            if done:
                repo.add_progress(s, module_id=module.id, recorded_on=day, kind="done")
            elif percent is not None:
                if not (math.isfinite(percent) and 0 <= percent <= 100):
                    raise ValidationError("percent", "must be between 0 and 100")
                repo.add_progress(
                    s, module_id=module.id, recorded_on=day, kind="percent", percent=percent
                )
            else:
                assert position_seconds is not None
                if module.video_seconds is None:
                    raise ValidationError(
                        "position", f"module {module.position} ({module.name}) has no video length"
                    )
                if not 0 <= position_seconds <= module.video_seconds:
                    raise ValidationError(
                        "position",
                        f"the video of module {module.position} is only"
                        f" {module.video_seconds // 3600}:{module.video_seconds % 3600 // 60:02d}:"
                        f"{module.video_seconds % 60:02d} long",
                    )
                repo.add_progress(
                    s,
                    module_id=module.id,
                    recorded_on=day,
                    kind="position",
                    position_seconds=position_seconds,
                )

    # -- the timer -------------------------------------------------------------------------

    def timer(self) -> TimerInfo | None:
        with self.db.session() as s:
            return repo.get_timer(s)

    def start_timer(self, module_id: int) -> TimerInfo:
        if self.timer() is not None:
            raise ValidationError("timer", "a timer is already running; stop it first")
        module = self._module_by_id(module_id)
        timer = TimerInfo(module.id, module.name, self.now(), self.zone_name, 0, None)
        with self.db.session() as s:
            repo.set_timer(s, timer)
        return timer

    def pause_timer(self) -> TimerInfo:
        timer = self._require_timer()
        if timer.is_paused:
            return timer
        paused = dataclasses.replace(timer, paused_at=max(self.now(), timer.started_at))
        with self.db.session() as s:
            repo.set_timer(s, paused)
        return paused

    def resume_timer(self) -> TimerInfo:
        timer = self._require_timer()
        if timer.paused_at is None:
            return timer
        pause = max(0, int((self.now() - timer.paused_at).total_seconds()))
        resumed = dataclasses.replace(
            timer, paused_at=None, paused_seconds=timer.paused_seconds + pause
        )
        with self.db.session() as s:
            repo.set_timer(s, resumed)
        return resumed

    def stop_timer(self, *, note: str = "") -> SessionInfo | None:
        """Stop the timer and log its minutes; a timer under a minute is discarded (None)."""
        timer = self._require_timer()
        plan = self.require_plan()
        minutes = min(MAX_SESSION_MINUTES, round(timer.elapsed_seconds(self.now()) / 60))
        if minutes < 1:
            with self.db.session() as s:
                repo.clear_timer(s)
            return None
        started = timer.started_at
        day = started.astimezone(ZoneInfo(timer.zone)).date()
        self._validate_session(plan, minutes, started, day)
        with self.db.session() as s:
            session_id = repo.add_session(
                s,
                module_id=timer.module_id,
                started_at=started,
                zone=timer.zone,
                local_date=day,
                minutes=minutes,
                source="timer",
                note=clean_note(note),
            )
            repo.clear_timer(s)
        return self.get_session(session_id)

    def discard_timer(self) -> None:
        with self.db.session() as s:
            repo.clear_timer(s)

    def _require_timer(self) -> TimerInfo:
        timer = self.timer()
        if timer is None:
            raise ValidationError("timer", "no timer is running")
        return timer

    # -- mock tests ------------------------------------------------------------------------

    def resolve_domain(self, profile: ExamProfile, text: str) -> str:
        lowered = text.strip().lower()
        if not lowered:
            raise ValidationError("domain", "give a domain name")
        found = [d.name for d in profile.domains if d.name.lower().startswith(lowered)]
        exact = [d.name for d in profile.domains if d.name.lower() == lowered]
        if exact:
            return exact[0]
        if len(found) == 1:
            return found[0]
        known = ", ".join(d.name for d in profile.domains)
        if not found:
            raise ValidationError("domain", f"'{text}' is not a domain of {profile.name} ({known})")
        raise ValidationError("domain", f"'{text}' matches several domains: {', '.join(found)}")

    def add_mock(
        self,
        name: str,
        *,
        taken_on: dt.date,
        correct: int,
        total: int,
        domain_counts: Mapping[str, tuple[int, int]] | None = None,
        topic_module_id: int | None = None,
        minutes: int | None = None,
        uuid: str | None = None,
    ) -> MockInfo:
        plan = self.require_plan()
        clean, counts = self._check_mock(
            name, taken_on, correct, total, domain_counts, topic_module_id, minutes
        )
        with self.db.session() as s:
            ids = repo.domain_ids(s, repo.plan_profile_id(s, plan.id))
            scores = self._domain_scores(ids, counts)
            mock_id = repo.add_mock(
                s,
                plan_id=plan.id,
                name=clean,
                taken_on=taken_on,
                correct=correct,
                total=total,
                minutes=minutes,
                topic_module_id=topic_module_id,
                domain_scores=scores,
                uuid=uuid,
            )
            return next(m for m in repo.list_mocks(s, plan.id) if m.id == mock_id)

    def _check_mock(
        self,
        name: str,
        taken_on: dt.date,
        correct: int,
        total: int,
        domain_counts: Mapping[str, tuple[int, int]] | None,
        topic_module_id: int | None,
        minutes: int | None,
    ) -> tuple[str, dict[str, tuple[int, int]]]:
        """The checks of a mock test's values; returns the cleaned name and the counts."""
        clean = clean_name(name, "mock test name")
        check_date(taken_on, "date")
        if taken_on > self.today() + dt.timedelta(days=1):
            raise ValidationError("date", f"{taken_on} is in the future")
        check_score(correct, total, "score")
        if minutes is not None and not 1 <= minutes <= MAX_SESSION_MINUTES:
            raise ValidationError("minutes", "must be between 1 and 1440")
        counts = dict(domain_counts or {})
        if topic_module_id is not None:
            self._module_by_id(topic_module_id)
            if counts:
                raise ValidationError("domain", "a topic quiz has no per-domain counts")
        for domain, (c, n) in counts.items():
            check_score(c, n, f"domain {domain}")
        if counts:
            if sum(n for _, n in counts.values()) > total:
                raise ValidationError(
                    "domain", "the domain totals add up to more questions than the test had"
                )
            if sum(c for c, _ in counts.values()) > correct:
                raise ValidationError("domain", "the domain scores add up to more than the score")
        return clean, counts

    @staticmethod
    def _domain_scores(
        ids: Mapping[str, int], counts: Mapping[str, tuple[int, int]]
    ) -> dict[int, tuple[int, int]]:
        """*counts* keyed by domain row id (*ids*: the plan's domains); refuses unknown names."""
        unknown = [d for d in counts if d not in ids]
        if unknown:
            raise ValidationError("domain", f"'{unknown[0]}' is not a domain of the plan's exam")
        return {ids[d]: v for d, v in counts.items()}

    def update_mock(
        self,
        mock_id: int,
        *,
        name: str,
        taken_on: dt.date,
        correct: int,
        total: int,
        domain_counts: Mapping[str, tuple[int, int]] | None = None,
        topic_module_id: int | None = None,
        minutes: int | None = None,
    ) -> MockInfo:
        """Give mock test *mock_id* these values (checked as by :meth:`add_mock`).

        One transaction: the test's row is updated in place (id, uuid and creation time stay) and
        its per-domain scores are replaced; a refusal writes nothing.
        """
        plan = self.require_plan()
        clean, counts = self._check_mock(
            name, taken_on, correct, total, domain_counts, topic_module_id, minutes
        )
        with self.db.session() as s:
            if not any(m.id == mock_id for m in repo.list_mocks(s, plan.id)):
                raise ValidationError("mock test", f"mock test {mock_id} no longer exists")
            ids = repo.domain_ids(s, repo.plan_profile_id(s, plan.id))
            scores = self._domain_scores(ids, counts)
            repo.update_mock(
                s,
                mock_id,
                name=clean,
                taken_on=taken_on,
                correct=correct,
                total=total,
                minutes=minutes,
                topic_module_id=topic_module_id,
                domain_scores=scores,
            )
            return next(m for m in repo.list_mocks(s, plan.id) if m.id == mock_id)

    def mocks(self) -> list[MockInfo]:
        plan = self.require_plan()
        with self.db.session() as s:
            return repo.list_mocks(s, plan.id)

    def delete_mock(self, mock_id: int) -> MockRecord:
        """Delete mock test *mock_id* with its per-domain scores.

        Returns the rows the delete removed, for :meth:`restore_mock` (undo).
        """
        plan = self.require_plan()
        with self.db.session() as s:
            record = repo.mock_record(s, mock_id)
            if record is None or record.plan_id != plan.id:
                raise ValidationError("mock test", f"mock test {mock_id} no longer exists")
            repo.delete_mock(s, mock_id)
        return record

    def restore_mock(self, record: MockRecord) -> MockInfo:
        """Undo :meth:`delete_mock`: put the rows of *record* back, in one transaction.

        Rows keep their ids unless another row took one meanwhile; the database is then as it
        was before the delete (unless something else changed in between).  Refused, writing
        nothing, when the plan was replaced or what the test refers to is gone.
        """
        plan = self.require_plan()
        if record.plan_id != plan.id:
            raise ValidationError("mock test", "the mock test belonged to a plan that is gone")
        with self.db.session() as s:
            if repo.mock_id_of_uuid(s, record.uuid) is not None:
                raise ValidationError("mock test", "this mock test exists already")
            topic = record.topic_module_id
            if topic is not None and topic not in repo.module_order(s, plan.id):
                raise ValidationError("module", f"module {topic} no longer exists")
            if repo.existing_domain_ids(s, record.domain_ids) != record.domain_ids:
                raise ValidationError("domain", "a domain of this mock test no longer exists")
            restored = repo.restore_mock(s, record)
            return next(m for m in repo.list_mocks(s, plan.id) if m.id == restored)

    # -- the report ------------------------------------------------------------------------

    def report(self, as_of: dt.date | None = None) -> Report:
        """Everything the analytics say as of 00:00 of *as_of* (default: the end of today)."""
        plan = self.require_plan()
        as_of = check_date(as_of or self.default_as_of(), "as-of date")
        with self.db.session() as s:
            modules = repo.load_modules(s, plan.id)
            totals = repo.session_totals(s, plan.id, as_of)
            progress = repo.latest_progress(s, plan.id, as_of)
            mocks = repo.list_mocks(s, plan.id, before=as_of)
        return self._build_report(plan, as_of, modules, totals, progress, mocks)

    def report_with_history(
        self, as_of: dt.date | None = None
    ) -> tuple[Report, tuple[tuple[dt.date, float], ...]]:
        """:meth:`report` and :meth:`earned_value_history` from one read of the log.

        The read is cached (:meth:`_report_inputs`): after a logged session the next call reads
        nothing from the log; after any other write it reads everything again.
        """
        plan = self.require_plan()
        as_of = check_date(as_of or self.default_as_of(), "as-of date")
        inputs = self._report_inputs(plan, as_of)
        modules, statements, mocks = inputs.modules, inputs.statements, inputs.mocks
        progress = {p.module_id: p for p in statements}  # oldest first: the latest one wins
        report = self._build_report(plan, as_of, modules, inputs.totals, progress, mocks)
        if as_of <= plan.start:
            history = _earned_history(plan, as_of, modules, inputs.weeks, statements, mocks)
        elif inputs.history_head is not None:
            history = (*inputs.history_head, (as_of, report.schedule.ev_hours))
        else:
            history = _earned_history(plan, as_of, modules, inputs.weeks, statements, mocks)
            with self._inputs_lock:
                if self._inputs is inputs:
                    self._inputs = dataclasses.replace(inputs, history_head=history[:-1])
        return report, history

    def _report_inputs(self, plan: PlanInfo, as_of: dt.date) -> _ReportInputs:
        """The report's aggregates for *plan* as of *as_of*: the cached ones if no write has
        happened since they were read (the connection's ``total_changes`` is unchanged: this
        catches every write, whoever makes it), else freshly read and cached.

        Thread safe: the database's mutex serialises this read with every write, and the cache
        is only replaced (never changed in place) under ``_inputs_lock``.
        """
        with self.db.session() as s:
            token = _total_changes(s)
            with self._inputs_lock:
                cached = self._inputs
            if (
                cached is not None
                and cached.token == token
                and cached.as_of == as_of
                and cached.plan == plan
            ):
                return cached
            totals, weeks = repo.session_totals_by_week(s, plan.id, as_of, plan.start)
            inputs = _ReportInputs(
                plan=plan,
                as_of=as_of,
                token=token,
                modules=tuple(repo.load_modules(s, plan.id)),
                totals=totals,
                weeks=weeks,
                statements=tuple(repo.progress_history(s, plan.id, as_of)),
                mocks=tuple(repo.list_mocks(s, plan.id, before=as_of)),
            )
            with self._inputs_lock:
                self._inputs = inputs
        return inputs

    def _inputs_logged(
        self, info: SessionInfo, before: tuple[int, int], after: tuple[int, int]
    ) -> None:
        """Apply a session just logged (and committed) to the cached report inputs, if they
        were read right before its write (``total_changes`` *before*); else leave them: their
        token no longer matches, so the next report reads the log again."""
        with self._inputs_lock:
            cached = self._inputs
            if cached is not None and cached.token == before:
                self._inputs = cached.with_session(info, after)

    def earned_value_history(
        self, as_of: dt.date | None = None
    ) -> tuple[tuple[dt.date, float], ...]:
        """The earned value (hours) for the burn-up chart: 0 at the plan start, then at each
        plan-week boundary before *as_of* and at *as_of* (when after the start), each what
        ``report(day).schedule.ev_hours`` says, from one aggregation of the log."""
        plan = self.require_plan()
        as_of = check_date(as_of or self.default_as_of(), "as-of date")
        with self.db.session() as s:
            modules = repo.load_modules(s, plan.id)
            _, weeks = repo.session_totals_by_week(s, plan.id, as_of, plan.start)
            statements = repo.progress_history(s, plan.id, as_of)
            mocks = repo.list_mocks(s, plan.id, before=as_of)
        return _earned_history(plan, as_of, modules, weeks, statements, mocks)

    def _build_report(
        self,
        plan: PlanInfo,
        as_of: dt.date,
        modules: Sequence[ModuleInfo],
        totals: repo.SessionTotals,
        progress: Mapping[int, ProgressInfo],
        mocks: Sequence[MockInfo],
    ) -> Report:
        windows = planning.module_windows([m.weeks for m in modules])
        practice_done = sum(1 for m in mocks if m.topic_module_id is None)
        statuses: list[ModuleStatus] = []
        for module, window in zip(modules, windows, strict=True):
            latest = progress.get(module.id)
            statuses.append(
                module_status_at(
                    _base_status(module, window),
                    minutes=totals.by_module.get(module.id, 0),
                    mark=None if latest is None else _progress_mark(latest, module),
                    mock_tests=module.mock_tests,
                    practice_done=practice_done,
                )
            )
        schedule = compute_schedule(
            start=plan.start,
            exam=plan.exam,
            modules=statuses,
            daily_minutes=totals.by_day,
            as_of=as_of,
        )
        position_of = {m.id: m.position for m in modules}
        matrix = {m.position: m.shares for m in modules}
        contacts = {position_of[mid]: days for mid, days in totals.contact_days.items()}
        results = [
            MockResult(
                name=m.name,
                taken_on=m.taken_on,
                correct=m.correct,
                total=m.total,
                domain_counts=m.domain_counts,
                topic_position=position_of.get(m.topic_module_id)
                if m.topic_module_id is not None
                else None,
                minutes=m.minutes,
            )
            for m in mocks
        ]
        profile = dataclasses.replace(plan.profile, pass_mark=plan.pass_mark)
        params = ReadinessParams(tau=plan.pass_mark, scored_items=profile.scored_items)
        readiness = {
            at: compute_readiness(
                profile=profile,
                modules=statuses,
                matrix=matrix,
                contact_days=contacts,
                mocks=results,
                at=at,
                params=params,
            )
            for at in {as_of, plan.exam}
        }
        topics = {
            at: compute_topic_readiness(
                modules=statuses, contact_days=contacts, mocks=results, at=at, params=params
            )
            for at in {as_of, plan.exam}
        }
        by_position = {at: {t.position: t for t in ts} for at, ts in topics.items()}
        return Report(
            as_of=as_of,
            plan=plan,
            schedule=schedule,
            modules=tuple(
                ModuleReport(
                    module=m,
                    status=st,
                    topic_today=by_position[as_of][m.position],
                    topic_exam_day=by_position[plan.exam][m.position],
                )
                for m, st in zip(modules, statuses, strict=True)
            ),
            readiness_today=readiness[as_of],
            readiness_exam_day=readiness[plan.exam],
            mocks=tuple(mocks),
            daily_minutes=totals.by_day,
        )

    # -- the module -> domain matrix ---------------------------------------------------------

    def set_module_shares(self, module_id: int, shares: Mapping[str, float]) -> None:
        """Replace how a module maps onto the plan's exam domains (ANALYTICS.md 3.2).

        *shares* maps domain names of the plan's profile to shares in [0, 1] that add up to 1
        (within 0.001); an empty mapping, or all zeros, means the module maps to nothing.  The
        module's mappings onto the other profiles are kept.
        """
        plan = self.require_plan()
        module = self._module_by_id(module_id)
        known = plan.profile.domain_names()
        for domain, share in shares.items():
            if domain not in known:
                raise ValidationError(
                    "domain",
                    f"'{domain}' is not a domain of {plan.profile.name} ({', '.join(known)})",
                )
            if isinstance(share, bool) or not (math.isfinite(share) and 0 <= share <= 1):
                raise ValidationError(f"share of {domain}", "must be between 0 and 1")
        total = math.fsum(shares.values())
        if total != 0 and abs(total - 1) > 0.001:
            raise ValidationError(
                f"shares of module {module.position}",
                f"add up to {total:.3f}; they must add up to 1, or all be 0",
            )
        with self.db.session() as s:
            profile_id_ = repo.plan_profile_id(s, plan.id)
            # The repository replaces all of a module's shares at once and reads them only for
            # the plan's profile: read the others by pointing the plan at each profile in turn,
            # inside this one transaction, so that they are written back unchanged.
            kept: dict[int, float] = {}
            for other in repo.list_profiles(s):
                other_id = repo.profile_id(s, other.name)
                if other_id is None or other_id == profile_id_:
                    continue
                repo.update_plan(s, plan.id, profile_id=other_id)
                ids = repo.domain_ids(s, other_id)
                for m in repo.load_modules(s, plan.id):
                    if m.id == module_id:
                        kept.update({ids[d]: v for d, v in m.shares.items()})
            repo.update_plan(s, plan.id, profile_id=profile_id_)
            ids = repo.domain_ids(s, profile_id_)
            kept.update({ids[d]: v for d, v in shares.items() if v > 0})
            repo.set_module_shares(s, module_id, kept)

    def create_empty_plan(
        self, name: str, start: dt.date, exam: dt.date, profile: str = "DVA-C02"
    ) -> PlanInfo:
        """Create a new current plan with no modules (the first run's "empty plan")."""
        clean = clean_name(name, "plan name")
        start = check_date(start, "start")
        exam = check_date(exam, "exam")
        if exam < start:
            raise ValidationError("exam", f"the exam ({exam}) is before the start ({start})")
        chosen = self._resolve_profile(profile)
        with self.db.session() as s:
            profile_id_ = repo.profile_id(s, chosen.name)
            assert profile_id_ is not None
            plan_id = repo.create_plan(
                s,
                name=clean,
                start=start,
                exam=exam,
                profile_id_=profile_id_,
                effort_multiplier=planning.DEFAULT_EFFORT_MULTIPLIER,
                weekly_budget_hours=planning.DEFAULT_WEEKLY_BUDGET_HOURS,
                pass_mark=chosen.pass_mark,
                as_at=None,
                notes_text="",
                planned_mocks=(),
            )
            return repo.load_plan(s, plan_id)


__all__ = [
    "NoPlanError",
    "NotesError",
    "Report",
    "StudyPlanner",
    "ValidationError",
    "report_to_json",
]
