"""The measurements, each in a process of its own; each prints one JSON object on stdout.

    python -m benchmarks.probe machine              CPU, cores, RAM, Python, SQLite, Qt
    python -m benchmarks.probe generate SIZE        the cached database (generated if missing)
    python -m benchmarks.probe report DB N          (b) report + JSON: N warm runs, in ms
    python -m benchmarks.probe log DB N             (c) N logged sessions, durable, in ms
    python -m benchmarks.probe report-memory DB     (e) peak RSS of the report path (no Qt)
    python -m benchmarks.probe refresh DB N         (d) Overview refresh after a new session

Run by ``benchmarks.run`` on work copies (``log`` and ``refresh`` add sessions).  The runner
itself stays small, so that every process it spawns starts with a small ru_maxrss.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import platform
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.sizes import AS_OF, HISTORY_END, ZONE


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fixed_clock() -> dt.datetime:
    """The benchmarks' "now": the evening of the last day of the history."""
    return dt.datetime.combine(HISTORY_END, dt.time(18, 0), tzinfo=dt.UTC)


def machine() -> dict[str, Any]:
    cpu = ram = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": ram,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "qt": f"Qt {qVersion()} (PySide6 {pyside_version})",
    }


def _timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of *repeat* calls after one warm-up call (imports, caches, page cache)."""
    fn()
    times: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def bench_report(db_path: Path, repeat: int) -> dict[str, Any]:
    from studyplanner.services import StudyPlanner, report_to_json
    from studyplanner.store.db import open_database

    gc.freeze()  # as the app does after its imports (studyplanner/app.py)

    db = open_database(db_path, backup_on_start=False)
    try:
        planner = StudyPlanner(db, clock=fixed_clock, zone=ZONE)
        return {"ms": _timed(lambda: report_to_json(planner.report(AS_OF)), repeat)}
    finally:
        db.close()


def bench_log(db_path: Path, count: int) -> dict[str, Any]:
    """Log *count* one-minute sessions through the services, each its own durable commit."""
    from studyplanner.services import StudyPlanner
    from studyplanner.store.db import open_database

    db = open_database(db_path, backup_on_start=False)
    try:
        planner = StudyPlanner(db, clock=fixed_clock, zone=ZONE)
        module = planner.modules()[-1]
        return {"ms": _timed(lambda: planner.log_session(module.id, 1), count)}
    finally:
        db.close()


def report_memory(db_path: Path) -> dict[str, Any]:
    """Peak RSS after the imports, then after opening the database and building the report."""
    from studyplanner.services import StudyPlanner, report_to_json
    from studyplanner.store.db import open_database

    imported = _maxrss_mb()
    db = open_database(db_path, backup_on_start=False)
    try:
        planner = StudyPlanner(db, clock=fixed_clock, zone=ZONE)
        opened = _maxrss_mb()
        report_to_json(planner.report(AS_OF))
    finally:
        db.close()
    return {"imported_mb": imported, "opened_mb": opened, "peak_mb": _maxrss_mb()}


def refresh(db_path: Path, count: int, timeout: float = 300.0) -> dict[str, Any]:
    """Log a session, then time the window's recompute until the Overview shows it.

    Each refresh is timed from ``request_report()`` to the end of the repaint after
    ``report_ready``; a 5 ms GUI-thread timer records the longest gap between its ticks
    meanwhile (how long the window was unresponsive).
    """
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from studyplanner.services import StudyPlanner
    from studyplanner.store.db import open_database
    from studyplanner.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    db = open_database(db_path, backup_on_start=False)
    times: list[float] = []
    stalls: list[float] = []
    try:
        planner = StudyPlanner(db, clock=fixed_clock, zone=ZONE)
        folder = Path(tempfile.mkdtemp(prefix="studyplanner-bench-"))
        settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(planner, settings=settings)
        window.show()
        loop = QEventLoop()
        window.report_ready.connect(lambda _report: loop.quit())
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)

        def wait_for_report(before: object) -> None:
            started = time.perf_counter()
            while window.report is before and time.perf_counter() - started < timeout:
                guard.start(1000)
                loop.exec()

        wait_for_report(None)  # the first report, started by the constructor
        if window.report is None:
            raise RuntimeError("the window showed no report")
        module = planner.modules()[0]
        gap = {"last": 0.0, "max": 0.0}
        clock = QElapsedTimer()
        ticker = QTimer()
        ticker.setInterval(5)

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e9
            gap["max"] = max(gap["max"], now - gap["last"])
            gap["last"] = now

        ticker.timeout.connect(tick)
        for _ in range(count):
            planner.log_session(module.id, 1)
            before = window.report
            clock.start()
            gap.update(last=0.0, max=0.0)
            ticker.start()
            started = time.perf_counter()
            window.request_report()
            wait_for_report(before)
            window.repaint()
            times.append(time.perf_counter() - started)
            ticker.stop()
            tick()
            stalls.append(gap["max"])
            if window.report is before:
                raise RuntimeError(f"no report within {timeout:.0f} s")
        window.close()
        app.processEvents()
    finally:
        db.close()
    return {"refresh_s": times, "stall_s": stalls, "peak_mb": _maxrss_mb()}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command, rest = (args[0], args[1:]) if args else ("", [])
    result: dict[str, Any]
    if command == "machine":
        result = machine()
    elif command == "generate" and len(rest) == 1:
        from benchmarks.generate import ensure_database

        result = {"path": str(ensure_database(rest[0]))}
    elif command == "report" and len(rest) == 2:
        result = bench_report(Path(rest[0]), int(rest[1]))
    elif command == "log" and len(rest) == 2:
        result = bench_log(Path(rest[0]), int(rest[1]))
    elif command == "report-memory" and len(rest) == 1:
        result = report_memory(Path(rest[0]))
    elif command == "refresh" and len(rest) == 2:
        result = refresh(Path(rest[0]), int(rest[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result), flush=True)
    if command == "refresh":
        # PySide6 6.12 can abort while Python finalises its objects ("none_dealloc"): the
        # figures are out, so leave without finalising.
        sys.stderr.flush()
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
