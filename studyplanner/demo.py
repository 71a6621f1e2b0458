"""The demo database: the bundled AWS plan with six weeks of realistic, seeded history.

Everything goes through the services, exactly as a user's input would.  The history depends only
on *today*: the same date gives the same database (the random generator has a fixed seed).
"""

from __future__ import annotations

import datetime as dt
import random

from studyplanner.domain.model import ModuleKind
from studyplanner.domain.records import ModuleInfo
from studyplanner.services import StudyPlanner, bundled_notes_path

DEMO_SEED = 20190118
DEMO_WEEKS = 6
DEMO_PROFILE = "DVA-C02"
PROJECT_LEFT_AT = 0.7

_VIDEO_NOTES = ("", "", "", "watched on the train", "made flash cards", "re-watched the hard bits")
_PROJECT_NOTES = (
    "",
    "",
    "API Gateway + Lambda wiring",
    "DynamoDB table design",
    "fixed IAM errors",
)


def build_demo(planner: StudyPlanner, *, today: dt.date) -> None:
    """Import the bundled plan starting six weeks before *today* and log a history into it.

    Sessions of 30–120 min on most days follow the plan order; each video takes somewhat more
    time than planned and the project is left at 70 % to finish later, so the demo runs a few
    days behind.  Video modules get a watched position after each session and are marked done
    when finished; the project gets percent marks.  Two practice exams with per-domain counts
    fall in the last two weeks.
    """
    start = today - dt.timedelta(weeks=DEMO_WEEKS)
    planner.import_notes_file(bundled_notes_path(), start=start, profile=DEMO_PROFILE)
    rng = random.Random(DEMO_SEED)
    modules = [m for m in planner.modules() if m.kind is not ModuleKind.PRACTICE]
    # Each video takes longer than planned; the project is left at PROJECT_LEFT_AT to be
    # finished later, which is where the slip comes from.
    needed = [
        m.effort_hours * rng.uniform(1.3, 1.4) * (PROJECT_LEFT_AT if m.video_seconds is None else 1)
        for m in modules
    ]
    index = 0
    spent = 0.0
    for offset in range((today - start).days):
        day = start + dt.timedelta(days=offset)
        slow_week = offset // 7 == 2  # a busy week at work: the slip starts here
        if rng.random() > (0.35 if slow_week else 0.59) or index >= len(modules):
            continue
        module = modules[index]
        minutes = rng.randrange(30, 125, 5)
        at = dt.time(rng.choice((7, 12, 18, 19, 20)), rng.choice((0, 15, 30)))
        planner.log_session(
            module.id,
            minutes,
            on=day,
            at=at,
            note=rng.choice(_VIDEO_NOTES if module.video_seconds else _PROJECT_NOTES),
        )
        spent += minutes / 60
        share = min(1.0, spent / needed[index])
        if share < 1.0:
            _record_share(planner, module, share, day)
            continue
        if module.video_seconds is None:
            planner.record_progress(module.id, percent=100 * PROJECT_LEFT_AT, on=day)
        else:
            planner.record_progress(module.id, done=True, on=day)
        index += 1
        spent = 0.0
    if index < len(modules) and spent == 0.0:
        _record_share(planner, modules[index], 0.05, today - dt.timedelta(days=1))
    _add_mocks(planner, rng, today)


def _record_share(planner: StudyPlanner, module: ModuleInfo, share: float, day: dt.date) -> None:
    """A video module's watched position, or another module's percent done."""
    if module.video_seconds:
        planner.record_progress(
            module.id, position_seconds=int(module.video_seconds * share), on=day
        )
    else:
        planner.record_progress(module.id, percent=round(100 * share, 1), on=day)


def _add_mocks(planner: StudyPlanner, rng: random.Random, today: dt.date) -> None:
    plan = planner.require_plan()
    domains = plan.profile.domains
    questions = 65
    totals = [round(questions * d.weight) for d in domains]
    totals[0] += questions - sum(totals)
    for name, days_ago, skill in (
        ("Free Test - June 2018", 11, 0.61),
        ("Free Test CDA", 4, 0.68),
    ):
        counts: dict[str, tuple[int, int]] = {}
        for domain, total in zip(domains, totals, strict=True):
            p = min(0.95, max(0.2, skill + rng.uniform(-0.1, 0.1)))
            correct = sum(1 for _ in range(total) if rng.random() < p)
            counts[domain.name] = (correct, total)
        planner.add_mock(
            name,
            taken_on=today - dt.timedelta(days=days_ago),
            correct=sum(c for c, _ in counts.values()),
            total=questions,
            domain_counts=counts,
            minutes=130,
        )
