"""The benchmark suite: prints a table of figures (medians) with the machine and the command.

    .venv/bin/python -m benchmarks.run [--sizes 1k,10k,100k,1M] [--repeat N] [--markdown]
                                       [--only a,b,c,d,e]

Figures, for each database size (see benchmarks/generate.py; cached under benchmarks/.cache/):

(b) report      StudyPlanner.report(as-of mid-plan) + report_to_json, in process, warm.
(c) log         StudyPlanner.log_session with its durable commit (synchronous=FULL): p50 / p95.
(a) cold start  subprocesses under QT_QPA_PLATFORM=offscreen, alternating with the floor
                (benchmarks/floor.py: a QMainWindow with one QtCharts chart): time from spawn to
                the first paint of the app's first window (the start window: the main window's
                title, geometry and sidebar with a busy bar, studyplanner/ui/startup.py) and to
                the Overview showing the plan's real figures, read from the ``MARK first-paint`` /
                ``MARK figures`` lines that the app prints under STUDYPLANNER_BENCH_MARKS=exit;
                ratios to the floor.  All runs share one work copy of the database: the first
                start sees a file it did not close itself and runs the full integrity_check (its
                figures are shown on their own row); the later starts find it unchanged since
                their own clean close and skip it (studyplanner/store/db.py), and show the
                figures saved at that close while the database opens
                (studyplanner/store/figures_cache.py).  Each round also starts the app once
                with the saved figures deleted (the first start after a change from the command
                line, or a new day without tomorrow's figures): its own row.  Python bytecode is
                compiled first (python -m compileall), as pip does at install: with
                PYTHONDONTWRITEBYTECODE set, every start would compile the app's modules again.
(d) refresh     in a window (subprocess): log a session, then time request_report() until the
                Overview has been repainted with the new report; the longest GUI-thread stall.
(e) memory      peak RSS (ru_maxrss) of the app process in (a) against the floor's, and of the
                report path alone (no Qt: imports, open, report).

Every figure is the median of --repeat runs (after one warm-up where it is in-process); the
log benchmark takes --log-count samples.  Work copies of the cached databases live in
benchmarks/.cache/work/ and are deleted at the end.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.sizes import CACHE_DIR, spec_for

ROOT = Path(__file__).resolve().parent.parent
MARK_ENV = "STUDYPLANNER_BENCH_MARKS"
TARGETS = {
    "report_ms": 100.0,  # (b) at 100k
    "log_p95_ms": 20.0,  # (c)
    "refresh_ms": 100.0,  # (d) at 100k
    "memory_over_floor_mb": 100.0,  # (e) at 1M
}
COLD_TARGETS = {"10k": (1.5, 3.0), "1M": (2.0, 4.0)}  # (a) first paint, figures: × floor


@dataclasses.dataclass(slots=True)
class SizeResult:
    label: str
    sessions: int
    years: int
    modules: int
    mocks: int
    db_mb: float
    report_ms: list[float] = dataclasses.field(default_factory=list)
    log_ms: list[float] = dataclasses.field(default_factory=list)
    first_paint_ms: list[float] = dataclasses.field(default_factory=list)
    figures_ms: list[float] = dataclasses.field(default_factory=list)
    unsaved_figures_ms: list[float] = dataclasses.field(default_factory=list)
    first_start_figures_ms: float | None = None  # the first run: full integrity_check
    app_rss_mb: list[float] = dataclasses.field(default_factory=list)
    floor_paint_ms: list[float] = dataclasses.field(default_factory=list)
    floor_rss_mb: list[float] = dataclasses.field(default_factory=list)
    refresh_ms: list[float] = dataclasses.field(default_factory=list)
    stall_ms: list[float] = dataclasses.field(default_factory=list)
    report_rss_mb: float | None = None
    import_rss_mb: float | None = None
    notes: list[str] = dataclasses.field(default_factory=list)


# -- helpers ---------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The nearest-rank percentile (q in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


# -- (a) cold start and (e) memory -----------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class ColdRun:
    marks: dict[str, float]  # name -> seconds since spawn
    rss_mb: float
    status: int
    error: str


def _spawn(command: list[str], env: dict[str, str], timeout: float) -> ColdRun:
    """Run *command*, read its MARK lines, return the marks and its peak RSS (wait4)."""
    started = time.perf_counter()
    process = _Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        err += f"\n(killed after {timeout:.0f} s)"
    marks: dict[str, float] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "MARK":
            marks.setdefault(parts[1], float(parts[2]) - started)
    rusage = process.rusage
    rss = rusage.ru_maxrss / 1024 if rusage is not None else float("nan")
    return ColdRun(marks, rss, process.returncode, err.strip()[-400:])


class _Popen(subprocess.Popen[str]):
    """Popen that keeps the child's resource usage (for ru_maxrss) when it reaps it."""

    rusage: Any = None

    def _try_wait(self, wait_flags: int) -> tuple[int, int]:  # CPython's reaping hook
        try:
            pid, status, rusage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return self.pid, 0
        if pid == self.pid:
            self.rusage = rusage
        return pid, status


def compile_bytecode() -> None:
    """Compile the app's and the floor's modules, as an install does (see the docstring)."""
    for package in ("studyplanner", "benchmarks"):
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / package)],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def bench_cold(
    db_path: Path, home: Path, runs: int, timeout: float
) -> tuple[list[ColdRun], list[ColdRun], list[ColdRun]]:
    """Alternate the floor, the app and the app without saved figures, *runs* times each."""
    floor_runs: list[ColdRun] = []
    app_runs: list[ColdRun] = []
    unsaved_runs: list[ColdRun] = []
    python = sys.executable
    app_env = _env(**{MARK_ENV: "exit", "STUDYPLANNER_HOME": str(home)})
    command = [python, "-m", "studyplanner", "--db", str(db_path)]
    for _ in range(runs):
        floor_runs.append(_spawn([python, "-m", "benchmarks.floor"], _env(), timeout))
        app_runs.append(_spawn(command, app_env, timeout))
        shutil.rmtree(home / "cache", ignore_errors=True)  # saved again at this run's close
        unsaved_runs.append(_spawn(command, app_env, timeout))
    return floor_runs, app_runs, unsaved_runs


def probe(args: list[str], timeout: float) -> dict[str, Any]:
    """Run ``python -m benchmarks.probe ARGS`` and return the JSON object it printed."""
    command = [sys.executable, "-m", "benchmarks.probe", *args]
    done = subprocess.run(
        command, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=timeout
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{args[0]} failed: {done.stderr.strip()[-600:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


# -- the run ---------------------------------------------------------------------------------


def run_size(
    label: str, figures: set[str], repeat: int, log_count: int, cold_timeout: float
) -> SizeResult:
    spec = spec_for(label)
    cached = Path(probe(["generate", label], 3600)["path"])
    work = CACHE_DIR / "work" / f"{label}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db_path = work / "studyplanner.sqlite3"
    shutil.copyfile(cached, db_path)
    db_path.chmod(0o600)
    result = SizeResult(
        label,
        spec.sessions,
        spec.years,
        spec.modules,
        spec.mocks,
        db_mb=cached.stat().st_size / 1e6,
    )
    timeout = 600.0
    try:
        if "b" in figures:
            result.report_ms = probe(["report", str(db_path), str(repeat)], timeout)["ms"]
        if "e" in figures:
            memory = probe(["report-memory", str(db_path)], timeout)
            result.report_rss_mb = float(memory["peak_mb"])
            result.import_rss_mb = float(memory["imported_mb"])
        if "a" in figures or "e" in figures:
            compile_bytecode()
            floor_runs, app_runs, unsaved = bench_cold(db_path, work / "home", repeat, cold_timeout)
            result.unsaved_figures_ms = [
                r.marks["figures"] * 1000 for r in unsaved if "figures" in r.marks
            ]
            result.app_rss_mb = [r.rss_mb for r in unsaved]
            result.floor_paint_ms = [r.marks["first-paint"] * 1000 for r in floor_runs if r.marks]
            result.floor_rss_mb = [r.rss_mb for r in floor_runs]
            for run in app_runs:
                if "first-paint" in run.marks:
                    result.first_paint_ms.append(run.marks["first-paint"] * 1000)
                if "figures" in run.marks:
                    result.figures_ms.append(run.marks["figures"] * 1000)
                result.app_rss_mb.append(run.rss_mb)
            if app_runs and "figures" in app_runs[0].marks:
                result.first_start_figures_ms = app_runs[0].marks["figures"] * 1000
            missing = [r for r in [*app_runs, *unsaved] if "figures" not in r.marks]
            if missing:
                why = missing[0].error.splitlines()[-1:] or ["no MARK lines"]
                result.notes.append(
                    f"cold start: {len(missing)} of {2 * len(app_runs)} runs printed"
                    " no figures mark"
                    f" (exit {missing[0].status}: {why[0]})"
                )
        if "d" in figures:
            try:
                refresh = probe(["refresh", str(db_path), str(repeat)], timeout * 4)
                result.refresh_ms = [t * 1000 for t in refresh["refresh_s"]]
                result.stall_ms = [t * 1000 for t in refresh["stall_s"]]
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                result.notes.append(f"refresh: {str(exc).splitlines()[-1]}")
        if "c" in figures:
            result.log_ms = probe(["log", str(db_path), str(log_count)], timeout)["ms"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


# -- output ----------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str = "", digits: int = 1) -> str:
    if value is None or value != value:
        return "n/a"
    return f"{value:,.{digits}f}{unit}"


def _spread(values: Sequence[float], unit: str = " ms") -> str:
    """``min–max`` of the runs (the machine may be loaded: the medians alone hide that)."""
    if not values:
        return "n/a"
    return f"{min(values):,.0f}–{max(values):,.0f}{unit}"


def _ratio(value: float | None, floor: float | None) -> float | None:
    if value is None or floor is None or floor <= 0:
        return None
    return value / floor


def rows(results: Sequence[SizeResult]) -> tuple[list[str], list[list[str]]]:
    """The table: one row per figure, one column per size, and the target."""
    header = ["figure", *[r.label for r in results], "target"]
    table: list[list[str]] = []

    def add(name: str, target: str, cell: Callable[[SizeResult], str]) -> None:
        table.append([name, *[cell(r) for r in results], target])

    add(
        "sessions / years / modules / mocks",
        "",
        lambda r: f"{r.sessions:,}/{r.years}/{r.modules}/{r.mocks}",
    )
    add("database size", "", lambda r: _fmt(r.db_mb, " MB", 0))
    add("(b) report + JSON, median", "≤ 100 ms at 100k", lambda r: _fmt(median(r.report_ms), " ms"))
    add("(c) log session p50", "", lambda r: _fmt(median(r.log_ms), " ms", 2))
    add("(c) log session p95", "≤ 20 ms", lambda r: _fmt(percentile(r.log_ms, 95), " ms", 2))
    add("(a) floor: first paint", "", lambda r: _fmt(median(r.floor_paint_ms), " ms", 0))
    add("(a) floor: first paint, min–max", "", lambda r: _spread(r.floor_paint_ms))
    add("(a) app: first paint", "", lambda r: _fmt(median(r.first_paint_ms), " ms", 0))
    add("(a) app: first paint, min–max", "", lambda r: _spread(r.first_paint_ms))
    add(
        "(a) first paint ÷ floor",
        "≤ 1.5× at 10k, ≤ 2× at 1M",
        lambda r: _fmt(_ratio(median(r.first_paint_ms), median(r.floor_paint_ms)), "×", 2),
    )
    add("(a) app: real figures", "", lambda r: _fmt(median(r.figures_ms), " ms", 0))
    add(
        "(a) real figures ÷ floor",
        "≤ 3× at 10k, ≤ 4× at 1M",
        lambda r: _fmt(_ratio(median(r.figures_ms), median(r.floor_paint_ms)), "×", 2),
    )
    add(
        "(a) real figures, no saved figures",
        "",
        lambda r: _fmt(median(r.unsaved_figures_ms), " ms", 0),
    )
    add(
        "(a) real figures, no saved figures ÷ floor",
        "",
        lambda r: _fmt(_ratio(median(r.unsaved_figures_ms), median(r.floor_paint_ms)), "×", 2),
    )
    add(
        "(a) real figures, 1st start (full check)",
        "",
        lambda r: _fmt(r.first_start_figures_ms, " ms", 0),
    )
    add(
        "(d) refresh after a new session",
        "≤ 100 ms at 100k",
        lambda r: _fmt(median(r.refresh_ms), " ms"),
    )
    add("(d) longest GUI stall meanwhile", "", lambda r: _fmt(median(r.stall_ms), " ms"))
    add("(e) floor peak RSS", "", lambda r: _fmt(median(r.floor_rss_mb), " MB", 0))
    add("(e) app peak RSS", "", lambda r: _fmt(median(r.app_rss_mb), " MB", 0))
    add(
        "(e) app − floor",
        "≤ 100 MB at 1M",
        lambda r: _fmt(
            None
            if median(r.app_rss_mb) is None or median(r.floor_rss_mb) is None
            else median(r.app_rss_mb) - median(r.floor_rss_mb),  # type: ignore[operator]
            " MB",
            0,
        ),
    )
    add("(e) report path peak RSS (no Qt)", "", lambda r: _fmt(r.report_rss_mb, " MB", 0))
    add(
        "(e) report path − its imports",
        "",
        lambda r: _fmt(
            None
            if r.report_rss_mb is None or r.import_rss_mb is None
            else r.report_rss_mb - r.import_rss_mb,
            " MB",
            0,
        ),
    )
    return header, table


def render_text(results: Sequence[SizeResult], info: dict[str, str], command: str) -> str:
    header, table = rows(results)
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(len(header))]
    lines = [
        f"command: {command}",
        "machine: " + ", ".join(f"{k} {v}" for k, v in info.items()),
        f"date:    {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    for row in table:
        cells = [row[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(row[1:-1], widths[1:-1], strict=True)]
        cells.append(row[-1])
        lines.append("  ".join(cells))
    lines += [f"note ({r.label}): {n}" for r in results for n in r.notes]
    return "\n".join(lines)


def render_markdown(results: Sequence[SizeResult], info: dict[str, str], command: str) -> str:
    header, table = rows(results)
    lines = [
        f"Command: `{command}`",
        "",
        "Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()),
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(header) - 2) + ["---"]) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in table]
    notes = [f"- {r.label}: {n}" for r in results for n in r.notes]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="StudyPlanner's benchmark suite: prints a table of medians.",
    )
    parser.add_argument("--sizes", default="1k,10k,100k,1M", help="comma-separated: 1k,10k,100k,1M")
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (default 7)")
    parser.add_argument("--log-count", type=int, default=200, help="sessions logged for (c)")
    parser.add_argument("--only", default="a,b,c,d,e", help="figures to measure (default all)")
    parser.add_argument(
        "--cold-timeout", type=float, default=180.0, help="seconds before a cold start is killed"
    )
    parser.add_argument("--markdown", action="store_true", help="print a README-ready table")
    parser.add_argument("--json", type=Path, help="also write the raw figures to this file")
    args = parser.parse_args(argv)
    labels = [s.strip() for s in args.sizes.split(",") if s.strip()]
    figures = {f.strip() for f in args.only.split(",")}
    command = shlex.join([".venv/bin/python", "-m", "benchmarks.run", *(argv or sys.argv[1:])])
    info: dict[str, str] = probe(["machine"], 120)
    results: list[SizeResult] = []
    for label in labels:
        print(f"… {label}", file=sys.stderr, flush=True)
        results.append(
            run_size(label, figures, max(1, args.repeat), max(2, args.log_count), args.cold_timeout)
        )
    render = render_markdown if args.markdown else render_text
    print(render(results, info, command))
    if args.json:
        data = {
            "command": command,
            "machine": info,
            "results": [dataclasses.asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(data, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
