"""Screenshots of every page of the main window on the demo database.

Usage (from the repository root)::

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--size 1280x800]
        [--today YYYY-MM-DD] [--dark] [--scale 2] [--pages overview,plan]

Writes ``<out>/<page>.png`` (overview, plan, log, mocks, readiness, settings), with ``-dark``
and ``-2x`` (the scale) in the name when asked for.  ``--scale`` sets ``QT_SCALE_FACTOR``: the
window keeps its logical size and the picture has scale times the pixels, as on a high-DPI
screen.  The demo lives in
a temporary folder, the window state too: nothing of the user's data or settings is touched.
Runs on any Qt platform; by default offscreen (set ``QT_QPA_PLATFORM=xcb`` under Xvfb to use a
real X server, e.g. ``xvfb-run -a -s "-screen 0 1280x800x24"``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from studyplanner.demo import build_demo  # noqa: E402
from studyplanner.services import StudyPlanner  # noqa: E402
from studyplanner.store.db import open_database  # noqa: E402
from studyplanner.ui import tray  # noqa: E402
from studyplanner.ui.main_window import PAGES, MainWindow, settings_at  # noqa: E402
from studyplanner.ui.theme import dark_palette  # noqa: E402


def settle(window: MainWindow, seconds: float = 10.0) -> None:
    """Run the event loop until the report recompute is done, then 300 ms for the layouts.

    One nested event loop rather than a busy ``processEvents()`` loop: few Python-to-Qt calls
    (see the note at the end of ``main``).
    """
    loop = QEventLoop()
    if window.is_busy():
        window.report_ready.connect(loop.quit)
        window.report_failed.connect(loop.quit)
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        window.report_ready.disconnect(loop.quit)
        window.report_failed.disconnect(loop.quit)
        if window.is_busy():  # a recompute requested meanwhile
            settle(window, seconds)
            return
    QTimer.singleShot(300, loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--today", help="the demo's today (default: today)")
    parser.add_argument(
        "--dark", action="store_true", help="use a dark palette (file suffix -dark)"
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="QT_SCALE_FACTOR, e.g. 2 (file suffix -2x)"
    )
    parser.add_argument("--pages", help="comma-separated page keys (default: every page)")
    args = parser.parse_args(argv)
    keys = [page.key for page in PAGES]
    wanted = args.pages.split(",") if args.pages else keys
    unknown = sorted(set(wanted) - set(keys))
    if unknown:
        parser.error(f"unknown page(s) {', '.join(unknown)}; known: {', '.join(keys)}")
    if args.scale != 1.0:
        if QApplication.instance() is not None:
            parser.error("--scale must be given before Qt starts (run the script on its own)")
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    width, height = (int(v) for v in args.size.lower().split("x"))
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    now = dt.datetime.combine(today, dt.time(20, 0), tzinfo=dt.UTC)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName("StudyPlanner")
    app.setStyle("Fusion")
    if args.dark:
        app.setPalette(dark_palette())
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="studyplanner-shots-") as folder:
        db = open_database(Path(folder) / "demo.sqlite3")
        try:
            planner = StudyPlanner(db, clock=lambda: now, zone="UTC")
            build_demo(planner, today=today)
            window = MainWindow(planner, settings=settings_at(Path(folder) / "window.ini"))
            window.resize(width, height)
            tray.install(window)  # as the app does: the notification settings are bound
            window.show()
            settle(window)
            suffix = ("-dark" if args.dark else "") + (
                f"-{args.scale:g}x" if args.scale != 1.0 else ""
            )
            for key in wanted:
                window.show_page(key)
                settle(window)
                target = args.out / f"{key}{suffix}.png"
                window.grab().save(str(target))
                print(target)
            window.close()
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    # WORKAROUND: PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void Qt
    # call, so the interpreter's final clean-up can abort with "deallocating None" after the
    # files are written.  Skip that clean-up (CPython >= 3.12 has an immortal None).
    os._exit(status)
