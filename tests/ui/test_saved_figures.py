"""The figures saved at a clean close, shown by the next start before the data is open (issue #7
(a)): the same figures the database gives, drawn before SQLAlchemy is imported, and kept on
screen until the main window has its own report."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from studyplanner import paths
from studyplanner.services import StudyPlanner, bundled_notes_path
from studyplanner.store import figures_cache
from studyplanner.store.db import open_database
from studyplanner.ui import main as ui_main
from studyplanner.ui import startup
from studyplanner.ui.main_window import MainWindow
from studyplanner.ui.views.overview import OverviewView, figures

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database with the bundled plan, started ten days ago, and a few sessions."""
    path = tmp_path / "data" / "studyplanner.sqlite3"
    db = open_database(path)
    planner = StudyPlanner(db)
    start = planner.today() - dt.timedelta(days=10)
    planner.import_notes_file(bundled_notes_path(), start=start)
    first, second = planner.modules()[:2]
    for day, minutes in ((1, 90), (3, 40), (8, 75)):
        planner.log_session(first.id, minutes, on=start + dt.timedelta(days=day))
    planner.log_session(second.id, 30, on=start + dt.timedelta(days=9))
    db.close()
    return path


def _run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def _wait_for(condition: object, seconds: float = 20) -> None:
    deadline = dt.datetime.now() + dt.timedelta(seconds=seconds)
    while not condition() and dt.datetime.now() < deadline:  # type: ignore[operator]
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _run_once(db_path: Path, start: startup.StartWindow | None = None) -> list[object]:
    """run_gui with an event loop that waits for the window's first report and closes it;
    returns what it saw: [the main window's report, the start window's figures or None, whether
    the start window was still up, and the main window not yet, when the event loop began]."""
    seen: list[object] = []
    earlier = set(QApplication.topLevelWidgets())  # closed windows of earlier runs live on

    def fake_exec(_app: QApplication) -> int:
        (window,) = (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w not in earlier
        )
        # The first report arrives through the event loop: none yet.
        waiting = start is not None and start.isVisible() and not window.isVisible()
        _wait_for(lambda: window.isVisible() and not window.is_busy())
        seen.append(window.report)
        seen.append(None if start is None or start.figures is None else start.figures)
        seen.append(waiting)
        window.close()
        return 0

    original = QApplication.exec
    QApplication.exec = fake_exec  # type: ignore[method-assign, assignment]
    try:
        assert ui_main.run_gui(db_path, demo=False, start=start) == 0
    finally:
        QApplication.exec = original  # type: ignore[method-assign]
    return seen


@pytest.mark.usefixtures("app_state")
def test_the_next_start_shows_the_saved_figures_until_the_window_has_its_own(
    db_path: Path,
) -> None:
    target = figures_cache.cache_file(paths.cache_dir(), db_path)
    assert not target.exists()
    (first_report, _none, waited) = _run_once(db_path)
    assert not waited  # no saved figures: the main window shows at once
    assert target.exists()  # saved at the clean close

    start = startup.show_start_window(None)
    assert startup.show_saved_figures(start, db_path)
    view = start.figures
    assert isinstance(view, OverviewView) and view.isVisible()
    assert view.report == first_report  # the figures of the last session, for today
    shown = view.p_pass_card.value.text()
    assert shown and shown != "–"
    assert len(view.chart_widgets) == 5

    (report, kept, waited) = _run_once(db_path, start)
    assert report == first_report  # the database gives the very same figures
    assert kept is view
    assert waited  # the start window with the figures stayed up until the window had its report


@pytest.mark.usefixtures("app_state")
def test_no_saved_figures_after_a_change_from_the_command_line(db_path: Path) -> None:
    _run_once(db_path)
    db = open_database(db_path)  # what ``studyplanner log`` does
    planner = StudyPlanner(db)
    planner.log_session(planner.modules()[2].id, 25, on=planner.today() - dt.timedelta(days=1))
    db.close()
    start = startup.show_start_window(None)
    try:
        assert not startup.show_saved_figures(start, db_path)
        assert start.figures is None
    finally:
        start.finish()


def test_the_saved_figures_are_drawn_before_the_store_is_imported(
    db_path: Path, tmp_path: Path
) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        STUDYPLANNER_HOME=str(tmp_path / "home"),
        STUDYPLANNER_BENCH_MARKS="exit",
    )
    first = _run_python(["-m", "studyplanner", "--db", str(db_path)], env)
    assert first.returncode == 0, first.stderr
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from studyplanner.ui import startup
        start = startup.show_start_window(None)
        shown = startup.show_saved_figures(start, Path({str(db_path)!r}))
        heavy = ("sqlalchemy", "sqlmodel", "pydantic", "numpy", "studyplanner.services",
                 "studyplanner.store.db", "studyplanner.ui.main_window")
        print(shown, sorted(m for m in heavy if m in sys.modules))
        print(repr(start.figures.figures()))
        """
    )
    done = _run_python(["-c", code], env)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if not line.startswith("MARK ")]
    assert lines[0] == "True []"
    db = open_database(db_path)
    try:
        fresh = StudyPlanner(db).report()
    finally:
        db.close()
    assert lines[1] == repr(figures(fresh))


def test_sigterm_while_the_saved_figures_wait_for_the_window_ends_the_app(
    db_path: Path, tmp_path: Path
) -> None:
    """Until the main window has its first report only the start window is shown: a SIGTERM
    then must end the app too (found in review: the hidden window closed, the start window
    kept the event loop running)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDYPLANNER_HOME=str(tmp_path / "home"))
    first = _run_python(
        ["-m", "studyplanner", "--db", str(db_path)], env | {"STUDYPLANNER_BENCH_MARKS": "exit"}
    )
    assert first.returncode == 0, first.stderr
    code = textwrap.dedent(
        f"""
        import os, signal, time
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from studyplanner.ui import main as ui_main, main_window, startup

        compute = main_window.compute_snapshot

        def slow(*args, **kwargs):  # the window waits for its first report meanwhile
            time.sleep(2)
            return compute(*args, **kwargs)

        main_window.compute_snapshot = slow

        def poll():
            widgets = QApplication.topLevelWidgets()
            hidden = [w for w in widgets
                      if isinstance(w, main_window.MainWindow) and not w.isVisible()]
            showing = [w for w in widgets if isinstance(w, startup.StartWindow)
                       and w.isVisible() and w.figures is not None]
            if hidden and showing:
                os.kill(os.getpid(), signal.SIGTERM)
            else:
                QTimer.singleShot(20, poll)

        db = Path({str(db_path)!r})
        start = startup.show_start_window(None)
        print("figures", startup.show_saved_figures(start, db))
        QTimer.singleShot(20, poll)
        print("returned", ui_main.run_gui(db, demo=False, start=start))
        """
    )
    done = _run_python(["-c", code], env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == ["figures True", "returned 0"]
