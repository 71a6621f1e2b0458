"""Benchmark databases: a long multi-module plan with 1k, 10k, 100k or 1M study sessions.

Each database is what a learner leaves behind after years on one long plan: modules of every
kind mapped onto the DVA-C02 domains, sessions on most days (following the plan order, with
some review of earlier modules), video positions, percent and done marks, and 10, 100 or 1,000
mock tests (practice exams with per-domain counts, and topic quizzes).  The history ends on
``HISTORY_END``; the plan runs on for a quarter of its length after that, so the report's as-of
date ``AS_OF`` is mid-plan.

The plan and its modules go through the repository; the bulk (sessions, progress, mocks) is
inserted with SQLAlchemy Core through the store's own engine, one transaction per chunk.
Generation is seeded (the same size gives the same database) and is not what is measured.
Databases are cached under ``benchmarks/.cache/`` (git-ignored), named with ``GENERATOR_VERSION``:
change the version when the generator changes.

    .venv/bin/python -m benchmarks.generate 1k 10k 100k 1M
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import math
import os
import random
import shutil
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, insert
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

from benchmarks.sizes import (
    CACHE_DIR,
    HISTORY_END,
    PROFILE,
    SPECS,
    ZONE,
    Spec,
    cache_path,
    spec_for,
)
from studyplanner.domain.model import ModuleKind
from studyplanner.services import StudyPlanner
from studyplanner.store import repository as repo
from studyplanner.store.db import SCHEMA_VERSION, Database, open_database

PLAN_STRETCH = 1.25  # the plan is this much longer than the history: AS_OF is at 80 % of it
EFFORT_STRETCH = 1.05  # planned hours per logged hour: the learner runs a little behind
DAILY_MINUTES = 150  # average study time per day, whatever the number of sessions
CHUNK = 50_000
SEED = 20190118


def schema_fingerprint() -> str:
    """A short hash of the schema version and DDL: a new index, CHECK or column, or a migration
    (a cached file of an older schema would be migrated by the first open), means new databases.
    """
    dialect = sqlite_dialect()
    ddl: list[str] = [f"user_version {SCHEMA_VERSION}"]
    for table in SQLModel.metadata.sorted_tables:
        ddl.append(str(CreateTable(table).compile(dialect=dialect)))
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            ddl.append(str(CreateIndex(index).compile(dialect=dialect)))
    return hashlib.sha256("\n".join(ddl).encode()).hexdigest()[:8]


def ensure_database(label: str, folder: Path = CACHE_DIR, *, quiet: bool = False) -> Path:
    """The cached database of size *label* for the current schema, generated first if missing."""
    spec = spec_for(label)
    target = cache_path(spec, schema_fingerprint(), folder)
    if target.exists():
        return target
    work = folder / f"tmp-{spec.label}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        started = time.perf_counter()
        path = work / "studyplanner.sqlite3"
        generate(path, spec)
        for suffix in ("-wal", "-shm"):
            if path.with_name(path.name + suffix).exists():
                raise RuntimeError(f"{path.name}{suffix} is left after closing the database")
        os.replace(path, target)
        if not quiet:
            took = time.perf_counter() - started
            size = target.stat().st_size / 1e6
            print(f"generated {target.name}: {size:.0f} MB in {took:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


# -- the plan --------------------------------------------------------------------------------

_KINDS = (
    ModuleKind.VIDEO,
    ModuleKind.VIDEO,
    ModuleKind.READING,
    ModuleKind.VIDEO,
    ModuleKind.PROJECT,
    ModuleKind.VIDEO,
    ModuleKind.READING,
    ModuleKind.PRACTICE,
)
_TOPICS = (
    "IAM and Organizations",
    "Lambda",
    "API Gateway",
    "DynamoDB",
    "S3",
    "KMS",
    "CloudFormation",
    "CodePipeline",
    "X-Ray and CloudWatch",
    "SQS, SNS and EventBridge",
    "Cognito",
    "ECS and Fargate",
    "Step Functions",
    "ElastiCache",
)


@dataclasses.dataclass(slots=True)
class _Module:
    id: int
    kind: ModuleKind
    effort_hours: float
    video_seconds: int | None
    needed_hours: float  # logged hours after which the learner moves on
    hours: float = 0.0


def _plan_modules(spec: Spec, rng: random.Random) -> list[dict[str, Any]]:
    """Module rows: efforts add up to the logged hours × EFFORT_STRETCH × PLAN_STRETCH."""
    per_day = spec.sessions / spec.history_days
    minutes = _session_minutes(per_day)
    logged_hours = spec.sessions * (minutes[0] + minutes[1]) / 2 / 60
    total_effort = logged_hours * EFFORT_STRETCH * PLAN_STRETCH
    plan_weeks = spec.history_days * PLAN_STRETCH / 7
    weights = [rng.uniform(0.5, 1.5) for _ in range(spec.modules)]
    scale = 1 / math.fsum(weights)
    rows: list[dict[str, Any]] = []
    for index, weight in enumerate(weights):
        kind = _KINDS[index % len(_KINDS)]
        effort = min(1000.0, max(0.5, round(total_effort * weight * scale, 1)))
        weeks = min(104.0, max(0.5, round(plan_weeks * weight * scale, 2)))
        topic = _TOPICS[index % len(_TOPICS)]
        row: dict[str, Any] = {
            "position": index + 1,
            "name": f"{index + 1:03d} {kind.value.title()}: {topic}",
            "kind": kind,
            "effort_hours": effort,
            "weeks": weeks,
            "video_seconds": None,
            "mock_tests": None,
            "note": "",
        }
        if kind is ModuleKind.VIDEO:
            row["video_seconds"] = min(360_000, max(60, int(effort / 1.2 * 3600)))
        elif kind is ModuleKind.PRACTICE:
            row["mock_tests"] = rng.randint(5, 20)
        rows.append(row)
    return rows


def _shares(index: int, kind: ModuleKind, domain_ids: Sequence[int]) -> dict[int, float]:
    if kind is ModuleKind.PRACTICE:
        return {}
    first = domain_ids[index % len(domain_ids)]
    second = domain_ids[(index + 1) % len(domain_ids)]
    return {first: 0.7, second: 0.3}


def _session_minutes(per_day: float) -> tuple[int, int]:
    """The range of one session's minutes, so that a day has about DAILY_MINUTES."""
    mean = max(1.0, DAILY_MINUTES / max(per_day, 1e-9))
    low = max(1, round(mean * 0.3))
    return low, max(low, round(2 * mean - low))


# -- the history -----------------------------------------------------------------------------


def _day_counts(spec: Spec, rng: random.Random) -> list[int]:
    """Sessions per day: most days, more at weekends, exactly ``spec.sessions`` in all."""
    weights: list[float] = []
    for offset in range(spec.history_days):
        day = spec.start + dt.timedelta(days=offset)
        skip = rng.random() < 0.12
        weekend = 1.4 if day.weekday() >= 5 else 1.0
        weights.append(0.0 if skip else weekend * rng.uniform(0.5, 1.5))
    total = math.fsum(weights)
    counts = [int(spec.sessions * w / total) for w in weights]
    studied = [i for i, w in enumerate(weights) if w > 0]
    for _ in range(spec.sessions - sum(counts)):
        counts[rng.choice(studied)] += 1
    return counts


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _sessions_and_progress(
    spec: Spec, modules: list[_Module], rng: random.Random
) -> Iterator[tuple[str, dict[str, Any]]]:
    """("session", row) and ("progress", row) in date order."""
    zone = ZoneInfo(ZONE)
    per_day = spec.sessions / spec.history_days
    low, high = _session_minutes(per_day)
    current = 0
    sources = ("timer",) * 12 + ("manual",) * 7 + ("import",)
    notes = ("",) * 9 + ("re-watched the hard bits",)
    for offset, count in enumerate(_day_counts(spec, rng)):
        if count == 0:
            continue
        day = spec.start + dt.timedelta(days=offset)
        first = dt.datetime.combine(day, dt.time(6, 0), tzinfo=zone).astimezone(dt.UTC)
        gap = dt.timedelta(minutes=min(960 // count, 3 * high))
        touched: set[int] = set()
        for i in range(count):
            review = current > 0 and rng.random() < 0.15
            index = rng.randrange(current) if review else current
            module = modules[index]
            minutes = rng.randint(low, high)
            started = first + i * gap
            yield (
                "session",
                {
                    "uuid": _uuid(rng),
                    "module_id": module.id,
                    "started_at": started,
                    "zone": ZONE,
                    "local_date": day,
                    "minutes": minutes,
                    "source": rng.choice(sources),
                    "note": rng.choice(notes),
                    "created_at": started + dt.timedelta(minutes=minutes),
                },
            )
            module.hours += minutes / 60
            touched.add(index)
            if not review and module.hours >= module.needed_hours and current < len(modules) - 1:
                yield "progress", _mark(module, day, done=True)
                current += 1
        if current in touched and offset % 3 == 0:
            yield "progress", _mark(modules[current], day, done=False)


def _mark(module: _Module, day: dt.date, *, done: bool) -> dict[str, Any]:
    share = min(1.0, module.hours / module.needed_hours)
    created = dt.datetime.combine(day, dt.time(23, 0), tzinfo=dt.UTC)
    row: dict[str, Any] = {
        "module_id": module.id,
        "recorded_on": day,
        "kind": "percent",
        "percent": None,
        "position_seconds": None,
        "created_at": created,
    }
    if done and module.kind is not ModuleKind.PROJECT:
        row["kind"] = "done"
    elif module.kind is ModuleKind.VIDEO and module.video_seconds:
        row["kind"] = "position"
        row["position_seconds"] = int(module.video_seconds * share)
    else:
        row["percent"] = round(100 * share, 1)
    return row


def _mock_rows(
    spec: Spec,
    plan_id: int,
    module_ids: Sequence[int],
    domains: Sequence[tuple[int, float]],
    rng: random.Random,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Mock tests spread over the history: 3 in 4 practice exams with per-domain counts."""
    tests: list[dict[str, Any]] = []
    scores: list[dict[str, Any]] = []
    questions = 65
    totals = [round(questions * w) for _, w in domains]
    totals[0] += questions - sum(totals)
    for n in range(spec.mocks):
        fraction = (n + 0.5) / spec.mocks
        day = spec.start + dt.timedelta(days=int(fraction * (spec.history_days - 1)))
        skill = 0.45 + 0.35 * fraction
        mock_id = n + 1
        row: dict[str, Any] = {
            "id": mock_id,
            "uuid": _uuid(rng),
            "plan_id": plan_id,
            "name": f"Practice exam {n + 1}",
            "taken_on": day,
            "correct": 0,
            "total": questions,
            "minutes": 130,
            "topic_module_id": None,
            "created_at": dt.datetime.combine(day, dt.time(20, 0), tzinfo=dt.UTC),
        }
        if n % 4 == 3:
            reached = max(1, int(fraction * len(module_ids)))
            total = rng.randint(10, 20)
            row.update(
                name=f"Topic quiz {n + 1}",
                total=total,
                minutes=20,
                correct=sum(rng.random() < skill for _ in range(total)),
                topic_module_id=module_ids[rng.randrange(reached)],
            )
        else:
            for (domain_id, _), total in zip(domains, totals, strict=True):
                p = min(0.95, max(0.2, skill + rng.uniform(-0.1, 0.1)))
                correct = sum(rng.random() < p for _ in range(total))
                row["correct"] += correct
                scores.append(
                    {"mock_id": mock_id, "domain_id": domain_id, "correct": correct, "total": total}
                )
        tests.append(row)
    return tests, scores


# -- writing ---------------------------------------------------------------------------------


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _insert_chunks(db: Database, table: str, rows: Iterator[dict[str, Any]]) -> int:
    """Bulk-insert *rows* through the store's engine, one transaction per CHUNK rows."""
    statement = insert(_table(table))
    written = 0
    chunk: list[dict[str, Any]] = []

    def flush() -> None:
        with db.session() as s:
            s.connection().execute(statement, chunk)
        chunk.clear()

    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            written += len(chunk)
            flush()
    if chunk:
        written += len(chunk)
        flush()
    return written


def generate(path: Path, spec: Spec) -> None:
    """Write the database of *spec* at *path* (which must not exist yet)."""
    rng = random.Random(f"{SEED}-{spec.label}")
    db = open_database(path, backup_on_start=False)
    try:
        clock_now = dt.datetime.combine(HISTORY_END, dt.time(20, 0), tzinfo=dt.UTC)
        planner = StudyPlanner(db, clock=lambda: clock_now, zone=ZONE)
        plan_weeks = spec.history_days * PLAN_STRETCH / 7
        exam = spec.start + dt.timedelta(days=math.ceil(plan_weeks * 7) + 14)
        plan = planner.create_empty_plan(
            f"Benchmark plan ({spec.label} sessions)", spec.start, exam, PROFILE
        )
        module_rows = _plan_modules(spec, rng)
        with db.session() as s:
            pid = repo.plan_profile_id(s, plan.id)
            ids_by_name = repo.domain_ids(s, pid)
            domains = [(ids_by_name[d.name], d.weight) for d in plan.profile.domains]
            modules: list[_Module] = []
            for index, row in enumerate(module_rows):
                module_id = repo.add_module(s, plan_id=plan.id, **row)
                repo.set_module_shares(
                    s, module_id, _shares(index, row["kind"], [d for d, _ in domains])
                )
                modules.append(
                    _Module(
                        id=module_id,
                        kind=row["kind"],
                        effort_hours=row["effort_hours"],
                        video_seconds=row["video_seconds"],
                        needed_hours=row["effort_hours"] / EFFORT_STRETCH * rng.uniform(0.8, 1.1),
                    )
                )
        progress: list[dict[str, Any]] = []

        def sessions() -> Iterator[dict[str, Any]]:
            for kind, row in _sessions_and_progress(spec, modules, rng):
                if kind == "session":
                    yield row
                else:
                    progress.append(row)

        _insert_chunks(db, "study_session", sessions())
        _insert_chunks(db, "progress", iter(progress))
        tests, scores = _mock_rows(spec, plan.id, [m.id for m in modules], domains, rng)
        _insert_chunks(db, "mock_test", iter(tests))
        _insert_chunks(db, "mock_domain_score", iter(scores))
    finally:
        db.close()
    lock = path.with_name(path.name + ".lock")
    lock.unlink(missing_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the cached benchmark databases.")
    parser.add_argument("sizes", nargs="*", default=list(SPECS), help="1k 10k 100k 1M")
    parser.add_argument("--force", action="store_true", help="regenerate even if cached")
    args = parser.parse_args(argv)
    for label in args.sizes:
        spec = spec_for(label)
        if args.force:
            cache_path(spec, schema_fingerprint()).unlink(missing_ok=True)
        path = ensure_database(label)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
