"""Stored things as the services hand them out: plain frozen values, never ORM rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from studyplanner.domain.model import ExamProfile, ModuleKind


@dataclasses.dataclass(frozen=True, slots=True)
class PlanInfo:
    id: int
    name: str
    start: dt.date
    exam: dt.date
    profile: ExamProfile
    effort_multiplier: float
    weekly_budget_hours: float
    pass_mark: float
    as_at: dt.date | None
    notes_text: str
    planned_mocks: tuple[str, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class ModuleInfo:
    id: int
    position: int
    name: str
    kind: ModuleKind
    effort_hours: float
    weeks: float
    video_seconds: int | None
    mock_tests: int | None
    note: str
    shares: Mapping[str, float]


@dataclasses.dataclass(frozen=True, slots=True)
class ProgressInfo:
    id: int
    module_id: int
    recorded_on: dt.date
    kind: str  # "percent" | "position" | "done"
    percent: float | None
    position_seconds: int | None


@dataclasses.dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    uuid: str
    module_id: int
    module_name: str
    started_at: dt.datetime
    zone: str
    local_date: dt.date
    minutes: int
    source: str
    note: str


@dataclasses.dataclass(frozen=True, slots=True)
class MockInfo:
    id: int
    uuid: str
    name: str
    taken_on: dt.date
    correct: int
    total: int
    minutes: int | None
    topic_module_id: int | None
    domain_counts: Mapping[str, tuple[int, int]]


@dataclasses.dataclass(frozen=True, slots=True)
class TimerInfo:
    module_id: int
    module_name: str
    started_at: dt.datetime
    zone: str
    paused_seconds: int
    paused_at: dt.datetime | None

    def elapsed_seconds(self, now: dt.datetime) -> int:
        """Running time so far, pauses excluded; never negative even if the clock jumped back."""
        end = self.paused_at or now
        return max(0, int((end - self.started_at).total_seconds()) - self.paused_seconds)

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None
