"""The report: one plan's schedule, readiness, mock tests and study log as of one date.

Plain frozen values of the domain: the services build it from the database, the window and the
command line show it, and the window keeps the last one across a clean close
(:mod:`studyplanner.store.figures_cache`) without importing the services.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from studyplanner.domain.model import ModuleStatus
from studyplanner.domain.readiness import Readiness, TopicReadiness
from studyplanner.domain.records import MockInfo, ModuleInfo, PlanInfo
from studyplanner.domain.schedule import ScheduleReport


@dataclasses.dataclass(frozen=True, slots=True)
class ModuleReport:
    module: ModuleInfo
    status: ModuleStatus
    topic_today: TopicReadiness
    topic_exam_day: TopicReadiness


@dataclasses.dataclass(frozen=True, slots=True)
class Report:
    as_of: dt.date
    plan: PlanInfo
    schedule: ScheduleReport
    modules: tuple[ModuleReport, ...]
    readiness_today: Readiness
    readiness_exam_day: Readiness
    mocks: tuple[MockInfo, ...]
    daily_minutes: Mapping[dt.date, int]

    @property
    def bac_hours(self) -> float:
        return sum(m.status.effort_hours for m in self.modules)
