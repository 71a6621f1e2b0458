"""2x scale (QT_SCALE_FACTOR=2, offscreen): the window grabs at twice its logical size, and no
text of the sidebar, the status bar or the Overview's headline cards is clipped.

The scale factor is read once when Qt starts, so the window is built in a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from studyplanner.ui.main_window import PAGES

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import datetime as dt
    import json
    import os
    import sys
    import tempfile
    from pathlib import Path

    sys.path.insert(0, sys.argv[1])
    import screenshots  # scripts/screenshots.py: settle()

    from PySide6.QtWidgets import QApplication, QLabel

    from studyplanner.demo import build_demo
    from studyplanner.services import StudyPlanner
    from studyplanner.store.db import open_database
    from studyplanner.ui.main_window import MainWindow, settings_at

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    today = dt.date(2026, 11, 27)
    now = dt.datetime(2026, 11, 27, 20, 0, tzinfo=dt.UTC)
    folder = Path(tempfile.mkdtemp(prefix="scale-"))
    db = open_database(folder / "demo.sqlite3")
    planner = StudyPlanner(db, clock=lambda: now, zone="UTC")
    build_demo(planner, today=today)
    window = MainWindow(planner, settings=settings_at(folder / "window.ini"))
    window.resize(1280, 800)
    window.show()
    screenshots.settle(window)
    image = window.grab().toImage()
    image.save(str(folder / "overview.png"))

    def label_row(area, label):
        hint = label.sizeHint()
        need_h = label.heightForWidth(label.width()) if label.wordWrap() else hint.height()
        need_w = 0 if label.wordWrap() else hint.width()
        return [area, label.accessibleName() or label.objectName() or label.text(),
                need_w, need_h, label.width(), label.height()]

    labels = [label_row("status", w) for w in window.statusBar().findChildren(QLabel)
              if w.isVisible()]
    labels += [label_row("overview", w) for w in window.overview_view.findChildren(QLabel)
               if w.isVisible()]
    sidebar = window.sidebar
    metrics = sidebar.fontMetrics()
    items = []
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        rect = sidebar.visualItemRect(item)
        items.append([item.text(), metrics.horizontalAdvance(item.text()), metrics.height(),
                      rect.width(), rect.height()])
    print(json.dumps({
        "scale": os.environ.get("QT_SCALE_FACTOR"),
        "logical": [window.width(), window.height()],
        "pixels": [image.width(), image.height()],
        "ratio": window.devicePixelRatio(),
        "labels": labels,
        "sidebar": items,
        "sidebar_viewport": sidebar.viewport().width(),
    }))
    sys.stdout.flush()
    window.close()
    db.close()
    os._exit(0)  # see scripts/screenshots.py: skip the interpreter's clean-up on 3.11
    """
)


@pytest.fixture(scope="module")
def measured() -> dict[str, Any]:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        QT_SCALE_FACTOR="2",
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", CHILD, str(ROOT / "scripts")],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    noise = [
        line
        for line in done.stderr.splitlines()
        if line.strip() and "does not support propagateSizeHints" not in line
    ]
    assert noise == [], "Qt or Python warnings at 2x"
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_grab_has_twice_the_pixels(measured: dict[str, Any]) -> None:
    assert measured["scale"] == "2"
    assert measured["ratio"] == 2.0
    width, height = measured["logical"]
    assert (width, height) == (1280, 800)
    assert measured["pixels"] == [2 * width, 2 * height]


def test_no_label_is_clipped(measured: dict[str, Any]) -> None:
    areas = {row[0] for row in measured["labels"]}
    assert areas == {"status", "overview"}
    clipped = [
        row for row in measured["labels"] if row[2] > row[4] or row[3] > row[5]
    ]  # area, name, needed width, needed height, width, height
    assert clipped == []
    assert len([r for r in measured["labels"] if r[0] == "status"]) >= 3


def test_sidebar_items_fit(measured: dict[str, Any]) -> None:
    items = measured["sidebar"]
    assert [i[0] for i in items] == [page.title for page in PAGES]
    for text, text_width, text_height, width, height in items:
        assert text_width <= width <= measured["sidebar_viewport"], text
        assert text_height <= height, text


def test_screenshots_script_scale_option(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("QT_SCALE_FACTOR", None)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "screenshots.py"),
            "--scale",
            "2",
            "--pages",
            "overview",
            "--size",
            "1280x800",
            "--today",
            "2026-11-27",
            "--out",
            str(tmp_path / "shots"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "shots").iterdir()) == ["overview-2x.png"]
    image = QImage(str(tmp_path / "shots" / "overview-2x.png"))
    assert (image.width(), image.height()) == (2560, 1600)
