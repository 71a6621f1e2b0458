"""Screenshots of every page of the main window on the demo database.

Usage (from the repository root)::

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--size 1280x800]
        [--today YYYY-MM-DD] [--dark]

Writes ``<out>/<page>.png`` (overview, plan, log, mocks, readiness, settings).  The demo lives in
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
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from studyplanner.demo import build_demo  # noqa: E402
from studyplanner.services import StudyPlanner  # noqa: E402
from studyplanner.store.db import open_database  # noqa: E402
from studyplanner.ui.main_window import MainWindow, settings_at  # noqa: E402


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2d2d2d"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, "#1f1f1f"),
        (QPalette.ColorRole.AlternateBase, "#292929"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#eeeeee"),
        (QPalette.ColorRole.Highlight, "#3d8ee6"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#353535"),
        (QPalette.ColorRole.ToolTipText, "#eeeeee"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


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
    args = parser.parse_args(argv)
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
            window.show()
            settle(window)
            suffix = "-dark" if args.dark else ""
            for key in window.page_keys():
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
