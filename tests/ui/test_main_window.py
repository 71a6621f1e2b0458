"""MainWindow: pages and shortcuts, the status bar, the timer across restarts, saved state."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QXYSeries
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from studyplanner import paths
from studyplanner.services import Report, StudyPlanner, bundled_notes_path, report_to_json
from studyplanner.store.db import open_database
from studyplanner.store.errors import DatabaseCorrupt, DatabaseInUse
from studyplanner.ui import main as ui_main
from studyplanner.ui.charts import ChartView
from studyplanner.ui.main_window import (
    PAGES,
    MainWindow,
    NewPlanDialog,
    ShortcutsDialog,
    compute_snapshot,
    settings_at,
    timer_text,
    week_text,
)
from studyplanner.ui.startup import StartWindow, off_gui_thread, show_start_window
from studyplanner.ui.views.overview import OverviewView, format_p_pass
from studyplanner.ui.views.readiness_view import ReadinessView

START = dt.date(2026, 2, 2)
NOW = dt.datetime(2026, 2, 12, 18, 0, tzinfo=dt.UTC)  # day 10: week 2 of the plan


class Clock:
    """A settable clock for the services (the window's timer label reads it)."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db.sqlite3"


@pytest.fixture
def planner(db_path: Path, clock: Clock) -> Iterator[StudyPlanner]:
    db = open_database(db_path)
    yield StudyPlanner(db, clock=clock, zone="UTC")
    db.close()


@pytest.fixture
def seeded(planner: StudyPlanner) -> StudyPlanner:
    planner.import_notes_file(bundled_notes_path(), start=START)
    first = planner.modules()[0]
    planner.log_session(first.id, 90, on=START + dt.timedelta(days=1))
    planner.log_session(first.id, 60, on=START + dt.timedelta(days=8))
    planner.log_session(first.id, 45, on=START + dt.timedelta(days=9))
    return planner


def open_window(qtbot: QtBot, planner: StudyPlanner, ini: Path) -> MainWindow:
    window = MainWindow(planner, settings=settings_at(ini))
    qtbot.addWidget(window)
    wait_idle(qtbot, window)
    return window


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Show and activate the window: window shortcuts only fire in the active window."""
    window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)


@pytest.fixture
def window(qtbot: QtBot, seeded: StudyPlanner, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, seeded, tmp_path / "window.ini")
    yield win
    win.close()


def test_title_pages_and_sidebar(window: MainWindow) -> None:
    assert window.windowTitle().startswith("StudyPlanner")
    assert window.page_keys() == ["overview", "plan", "log", "mocks", "readiness", "settings"]
    assert window.stack.count() == window.sidebar.count() == 6
    for row, page in enumerate(PAGES):
        item = window.sidebar.item(row)
        assert item.text() == page.title
        assert item.data(Qt.ItemDataRole.AccessibleTextRole) == page.title
        assert window.views[page.key].accessibleName() == page.title
        assert window.stack.widget(row) is window.views[page.key]
    assert window.sidebar.accessibleName() == "Pages"


def test_ctrl_digit_switches_pages(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    for index, key in enumerate(reversed(window.page_keys())):
        digit = Qt.Key(int(Qt.Key.Key_6) - index)
        qtbot.keyClick(window, digit, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == key
        assert window.stack.currentWidget() is window.views[key]
        assert window.sidebar.currentRow() == window.page_keys().index(key)


def test_every_action_is_named_and_listed(qtbot: QtBot, window: MainWindow) -> None:
    actions = window.shortcut_actions()
    names = {a.objectName() for a in actions}
    assert {"quit", "undo", "redo", "refresh", "toggle_timer", "quick_log", "add_mock"} <= names
    for action in actions:
        assert action.text().replace("&", "").strip(), action.objectName()
        assert action.statusTip() or action.objectName() in {"undo", "redo"}
    keys = {a.objectName(): a.shortcuts() for a in actions}
    assert QKeySequence("Ctrl+Q") in keys["quit"]
    assert QKeySequence("Ctrl+Space") in keys["toggle_timer"]
    assert QKeySequence("Ctrl+L") in keys["quick_log"]
    assert QKeySequence("Ctrl+M") in keys["add_mock"]
    assert QKeySequence("F5") in keys["refresh"]
    assert keys["undo"] == [QKeySequence(QKeySequence.StandardKey.Undo)]
    for index, page in enumerate(PAGES, start=1):
        assert keys[f"page_{page.key}"] == [QKeySequence(f"Ctrl+{index}")]
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    items = [dialog.table.item(r, 0) for r in range(dialog.table.rowCount())]
    listed = {item.text() for item in items if item is not None}
    assert "Quick log…" in listed and "Start or stop the timer" in listed
    dialog.close()


def test_status_bar_shows_timer_week_and_p_pass(window: MainWindow, seeded: StudyPlanner) -> None:
    report = seeded.report()
    data = report_to_json(report)
    assert window.timer_label.text() == "No timer running"
    needed = data["schedule"]["required_hours_per_week"]
    # week 2 runs from day 7: the sessions of days 8 and 9 (105 min) count
    assert window.week_label.text() == f"Week 2: 1.8 h of {needed:.1f} h needed"
    p_pass = data["readiness"]["exam_day"]["p_pass"]
    assert window.p_pass_label.text() == f"P(pass) on exam day: {format_p_pass(p_pass)}"
    for label in (window.timer_label, window.week_label, window.p_pass_label):
        assert label.accessibleName()
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_timer_toggle_ticks_and_logs(
    qtbot: QtBot, window: MainWindow, seeded: StudyPlanner, clock: Clock
) -> None:
    window.toggle_timer()
    timer = seeded.timer()
    assert timer is not None
    assert timer.module_id == seeded.modules()[0].id  # the first unfinished module
    assert window.timer_label.text() == f"Timer: {timer.module_name} 0:00:00"
    assert window.tick_timer.isActive() and window.tick_timer.interval() == 1000
    clock.now = NOW + dt.timedelta(minutes=25, seconds=7)
    with qtbot.waitSignal(window.tick_timer.timeout, timeout=3000):
        pass
    assert window.timer_label.text() == f"Timer: {timer.module_name} 0:25:07"
    wait_idle(qtbot, window)
    window.toggle_timer()
    assert seeded.timer() is None
    assert window.timer_label.text() == "No timer running"
    logged = seeded.sessions()
    assert any(s.source == "timer" and s.minutes == 25 for s in logged)
    wait_idle(qtbot, window)


def test_timer_survives_a_restart(
    qtbot: QtBot, seeded: StudyPlanner, db_path: Path, tmp_path: Path, clock: Clock
) -> None:
    ini = tmp_path / "window.ini"
    first = open_window(qtbot, seeded, ini)
    first.toggle_timer()
    started = seeded.timer()
    assert started is not None
    wait_idle(qtbot, first)
    first.close()
    seeded.db.close()

    clock.now = NOW + dt.timedelta(hours=1)
    db = open_database(db_path)
    try:
        again = StudyPlanner(db, clock=clock, zone="UTC")
        timer = again.timer()
        assert timer is not None
        assert timer.started_at == started.started_at
        assert timer.module_id == started.module_id
        second = open_window(qtbot, again, ini)
        assert second.timer_label.text() == f"Timer: {timer.module_name} 1:00:00"
        second.close()
    finally:
        db.close()
    seeded.db = open_database(db_path)  # the fixture closes it again


def test_timer_survives_kill_9(seeded: StudyPlanner, db_path: Path) -> None:
    """A process that started a timer through the services is killed -9; the timer is kept."""
    seeded.db.close()
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from studyplanner.services import StudyPlanner
        from studyplanner.store.db import open_database
        planner = StudyPlanner(open_database(Path({str(db_path)!r})), zone="UTC")
        timer = planner.start_timer(planner.modules()[1].id)
        print(timer.started_at.isoformat(), flush=True)
        time.sleep(60)
        """
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env
    ) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline().strip()
            assert line, "the child did not start a timer"
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    db = open_database(db_path)
    try:
        timer = StudyPlanner(db, zone="UTC").timer()
        assert timer is not None
        assert timer.started_at == dt.datetime.fromisoformat(line)
        assert timer.module_id == StudyPlanner(db, zone="UTC").modules()[1].id
    finally:
        db.close()
    seeded.db = open_database(db_path)


def test_quick_log_and_add_mock_open_the_page_dialogs(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(window.log_view, "open_quick_log", lambda: calls.append("log"), False)
    monkeypatch.setattr(window.mocks_view, "open_add_mock", lambda: calls.append("mock"), False)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "log"
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "mocks"
    assert calls == ["log", "mock"]


def test_data_changed_recomputes_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, seeded: StudyPlanner
) -> None:
    seeded.log_session(seeded.modules()[0].id, 120, on=NOW.date())
    with qtbot.waitSignal(window.report_ready, timeout=10_000) as blocker:
        window.overview_view.data_changed.emit()
        assert window.busy.isVisibleTo(window)
    report = blocker.args[0]
    assert report.schedule.ac_hours == pytest.approx((90 + 60 + 45 + 120) / 60)
    assert window.week_label.text().startswith("Week 2: 3.8 h of ")
    assert not window.busy.isVisibleTo(window)
    assert window.readiness_view.report is report
    assert window.overview_view.report is report


def test_recomputes_coalesce(qtbot: QtBot, window: MainWindow) -> None:
    received: list[object] = []
    window.report_ready.connect(received.append)
    for _ in range(5):
        window.request_report()
    wait_idle(qtbot, window)
    assert 1 <= len(received) <= 2


def test_snapshot_has_weekly_earned_history(seeded: StudyPlanner) -> None:
    snapshot = compute_snapshot(seeded)
    assert snapshot.report is not None
    days = [d for d, _ in snapshot.earned]
    assert days == [START, START + dt.timedelta(days=7), snapshot.report.as_of]
    assert snapshot.earned[-1][1] == pytest.approx(snapshot.report.schedule.ev_hours)
    # each point is what a full report as of that day says (the old one-report-per-week way)
    week = START + dt.timedelta(days=7)
    assert snapshot.earned[1] == (week, seeded.report(week).schedule.ev_hours)
    assert snapshot.earned[1][1] == pytest.approx(1.5)  # 90 min of the first module by day 7
    # the Overview's chart data is prepared on the worker too, for this very report
    assert snapshot.overview is not None
    assert snapshot.overview.report is snapshot.report
    assert snapshot.overview.burnup.earned == snapshot.earned


def test_applying_a_snapshot_uses_its_prepared_chart_data(
    window: MainWindow, seeded: StudyPlanner
) -> None:
    snapshot = compute_snapshot(seeded)
    assert snapshot.overview is not None
    prepared = snapshot.overview.burnup_lines
    window.apply_snapshot(snapshot)
    view = window.overview_view
    assert view.report is snapshot.report
    burnup = view.chart_widgets["burnup"]
    assert isinstance(burnup, ChartView)
    lines = burnup.chart().series()[:3]
    assert [s.name() for s in lines] == ["Planned (PV)", "Earned (EV)", "Actual (AC)"]
    for line, points in zip(lines, prepared, strict=True):
        assert isinstance(line, QXYSeries)
        assert line.points() == points
    assert len(prepared[1]) == len(snapshot.earned)


def test_geometry_and_page_are_restored(qtbot: QtBot, seeded: StudyPlanner, tmp_path: Path) -> None:
    ini = tmp_path / "window.ini"
    first = open_window(qtbot, seeded, ini)
    first.resize(700, 500)  # the offscreen screen is 800 x 600: restoring clamps to it
    first.show_page("readiness")
    first.close()
    assert ini.is_file()
    second = open_window(qtbot, seeded, ini)
    assert second.current_page() == "readiness"
    assert (second.width(), second.height()) == (700, 500)
    second.close()


def test_default_settings_live_in_the_config_dir(
    qtbot: QtBot, seeded: StudyPlanner, tmp_path: Path
) -> None:
    window = MainWindow(seeded)
    qtbot.addWidget(window)
    wait_idle(qtbot, window)
    window.close()
    assert (Path(os.environ["STUDYPLANNER_HOME"]) / "config" / "window.ini").is_file()


def test_no_plan_shows_empty_pages(qtbot: QtBot, planner: StudyPlanner, tmp_path: Path) -> None:
    window = open_window(qtbot, planner, tmp_path / "w.ini")
    assert window.report is None
    assert window.p_pass_label.text() == "P(pass): no plan"
    assert window.week_label.text() == "No plan yet"
    assert window.overview_view.pages.currentIndex() == 0
    window.toggle_timer()
    assert planner.timer() is None
    window.close()


def test_timer_text() -> None:
    assert timer_text(None, NOW) == "No timer running"


def test_store_errors_give_a_message_and_exit_0(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return int(QMessageBox.StandardButton.Close)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database at all" * 10)
    assert ui_main.run_gui(bad, demo=False) == 0
    assert shown and shown[0][0] == "The data file cannot be read"
    assert "damaged" in shown[0][1]

    held = open_database(tmp_path / "held.sqlite3")
    try:
        assert ui_main.run_gui(tmp_path / "held.sqlite3", demo=False) == 0
    finally:
        held.close()
    assert shown[-1][0] == "StudyPlanner is already open"
    assert QApplication.instance() is not None


def test_store_error_texts() -> None:
    path = Path("/tmp/x.sqlite3")
    title, text = ui_main.store_error_text(DatabaseInUse(path))
    assert "already open" in title and "Nothing was changed" in text
    title, text = ui_main.store_error_text(DatabaseCorrupt(path, "bad header"))
    assert "backups" in text


def _fake_exec(seen: list[MainWindow]) -> Callable[[QApplication], int]:
    """Stand in for the event loop: wait for the first report, look, then close the window."""

    def fake(_app: QApplication) -> int:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        seen.append(window)
        starting = [w for w in QApplication.topLevelWidgets() if isinstance(w, StartWindow)]
        assert not [w for w in starting if w.isVisible()]  # the main window took its place
        deadline = dt.datetime.now() + dt.timedelta(seconds=10)
        while window.is_busy() and dt.datetime.now() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        window.close()
        return 0

    return fake


@pytest.mark.usefixtures("app_state")
def test_first_run_offers_a_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def choose_empty(dialog: NewPlanDialog) -> int:
        offered.append(dialog.windowTitle())
        assert dialog.bundled_radio.isChecked()  # the bundled AWS plan is the default
        assert dialog.start_edit.date().toPython() == dialog.planner.today()
        dialog.empty_radio.setChecked(True)
        dialog.name_edit.setText("My exam")
        dialog.create_plan()
        return int(dialog.result())

    seen: list[MainWindow] = []
    monkeypatch.setattr(NewPlanDialog, "exec", choose_empty)
    monkeypatch.setattr(QApplication, "exec", _fake_exec(seen))
    path = tmp_path / "first.sqlite3"
    assert ui_main.run_gui(path, demo=False) == 0
    assert offered == ["New study plan"]
    assert seen and seen[0].report is not None
    assert seen[0].report.plan.name == "My exam"
    assert seen[0].report.modules == ()
    db = open_database(path)  # closed again by run_gui: the lock is free
    db.close()


@pytest.mark.usefixtures("app_state")
def test_demo_runs_in_a_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    seen: list[MainWindow] = []
    monkeypatch.setattr(QApplication, "exec", _fake_exec(seen))
    assert ui_main.run_gui(None, demo=True) == 0
    (window,) = seen
    assert window.windowTitle().startswith("StudyPlanner")
    assert window.report is not None and len(window.report.mocks) == 2
    assert list(scratch.iterdir()) == []  # the demo folder is gone
    assert not paths.default_db_path().exists()  # nothing of the user's was touched


# -- the fast start (issue #7 (a)): the start window, pages built when first shown -----------


def test_pages_are_built_when_first_shown(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.current_page() == "overview"
    assert [k for k in window.page_keys() if window.views.is_built(k)] == ["overview"]
    assert window.stack.count() == len(PAGES)
    assert window.report is not None
    given: list[object] = []
    monkeypatch.setattr(ReadinessView, "set_report", lambda _view, report: given.append(report))

    view = window.show_page("readiness")

    assert window.views.is_built("readiness") and not window.views.is_built("log")
    assert given == [window.report]  # a page built after the report is given it at once
    index = window.page_keys().index("readiness")
    assert window.stack.widget(index) is view is window.stack.currentWidget()
    assert window.stack.count() == len(PAGES)
    assert set(window.views.values()) == {window.overview_view, view}
    assert window.show_page("readiness") is view  # built once
    assert window.views.get("nothing") is None and "log" in window.views
    with pytest.raises(KeyError):
        window.views["nothing"]


def test_start_window_shows_the_pages_at_the_saved_geometry(qtbot: QtBot, tmp_path: Path) -> None:
    ini = tmp_path / "window.ini"
    settings = settings_at(ini)
    shaped = StartWindow()
    shaped.resize(640, 470)
    settings.setValue("window/geometry", shaped.saveGeometry())
    settings.sync()
    shaped.deleteLater()

    start = StartWindow(ini)
    qtbot.addWidget(start)

    assert (start.width(), start.height()) == (640, 470)
    assert start.windowTitle() == "StudyPlanner"
    sidebar = start.findChild(QListWidget)
    assert sidebar is not None and not sidebar.isEnabled()
    assert [sidebar.item(r).text() for r in range(sidebar.count())] == [p.title for p in PAGES]
    start.finish()
    assert not start.cancelled


def test_off_gui_thread_runs_the_job_elsewhere_and_keeps_its_exception(qapp: QApplication) -> None:
    gui = threading.get_ident()
    assert off_gui_thread(threading.get_ident) != gui
    with pytest.raises(DatabaseInUse):
        off_gui_thread(lambda: (_ for _ in ()).throw(DatabaseInUse(Path("/tmp/x.sqlite3"))))


@pytest.mark.usefixtures("app_state")
def test_closing_the_start_window_while_opening_ends_the_app(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_window(_app: QApplication) -> int:
        raise AssertionError("the main window must not run")

    monkeypatch.setattr(QApplication, "exec", no_window)
    windows = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}
    start = show_start_window(None)
    start.close()  # the user closes it before the data is open
    assert start.cancelled
    path = tmp_path / "db.sqlite3"
    assert ui_main.run_gui(path, demo=False, start=start) == 0
    now = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}
    assert now <= windows  # no main window was built
    open_database(path).close()  # the database was closed again


def _run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_the_first_paint_comes_before_the_store_is_imported(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDYPLANNER_HOME=str(tmp_path))
    code = textwrap.dedent(
        """
        import sys
        from studyplanner.ui import startup
        from studyplanner.ui.startup import wait_for_first_paint
        window = startup.show_start_window(None)
        heavy = ("sqlalchemy", "sqlmodel", "numpy", "studyplanner.services",
                 "studyplanner.store.db", "studyplanner.ui.main_window", "PySide6.QtCharts")
        print(sorted(m for m in heavy if m in sys.modules), window.isVisible())
        import linecache
        feature = sys.modules["shibokensupport.feature"]
        scan = feature._mod_uses_pyside
        startup.off_gui_thread(startup.import_heavy_modules)
        files = [f for f in linecache.cache if f.endswith(".py")]
        read = [f for f in files if "sqlalchemy" in f or "studyplanner/store" in f]
        print("studyplanner.services" in sys.modules, read, feature._mod_uses_pyside is scan)
        """
    )
    done = _run_python(code, env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "[] True"
    # imported after the paint, without PySide6's hook keeping their sources (memory, e)
    assert lines[1] == "True [] True"


def test_sigterm_while_the_first_run_dialog_is_open_ends_the_app(tmp_path: Path) -> None:
    """The first-run dialog runs its own event loop: a SIGTERM must end it too, not only close
    the window behind it (found by running the README's command under Xvfb)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDYPLANNER_HOME=str(tmp_path / "home"))
    code = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from studyplanner.ui import main as ui_main
        from studyplanner.ui.main_window import NewPlanDialog
        from studyplanner.ui.startup import application

        def poll():
            dialogs = [w for w in QApplication.topLevelWidgets()
                       if isinstance(w, NewPlanDialog) and w.isVisible()]
            if dialogs:
                os.kill(os.getpid(), signal.SIGTERM)
            else:
                QTimer.singleShot(50, poll)

        application()
        QTimer.singleShot(50, poll)
        print("returned", ui_main.run_gui(Path({str(tmp_path / "db.sqlite3")!r}), demo=False))
        """
    )
    done = _run_python(code, env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "returned 0"


def test_a_cold_start_prints_first_paint_then_figures(tmp_path: Path, db_path: Path) -> None:
    db = open_database(db_path)
    StudyPlanner(db).import_notes_file(bundled_notes_path(), start=dt.date.today())
    db.close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        STUDYPLANNER_HOME=str(tmp_path / "home"),
        STUDYPLANNER_BENCH_MARKS="exit",
    )
    code = (
        f"import sys; from studyplanner.app import main; sys.exit(main(['--db', {str(db_path)!r}]))"
    )
    done = _run_python(code, env)
    assert done.returncode == 0, done.stderr
    marks = [line.split() for line in done.stdout.splitlines() if line.startswith("MARK ")]
    assert [m[1] for m in marks] == ["first-paint", "figures"]
    assert float(marks[0][2]) < float(marks[1][2])


def test_hidden_pages_skip_reports_and_get_the_latest_when_shown(
    qtbot: QtBot, window: MainWindow, seeded: StudyPlanner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Log and Mock tests pages reload from the database in set_report: once opened, they
    must not do it on the GUI thread after every report while hidden (issue #7 (d))."""
    log, mocks = window.show_page("log"), window.show_page("mocks")
    window.show_page("overview")
    given: list[tuple[str, object]] = []
    for key, view in (("log", log), ("mocks", mocks)):
        original = type(view).set_report

        def counting(
            view: object, report: Report | None, key: str = key, original: object = original
        ) -> None:
            given.append((key, report))
            original(view, report)  # type: ignore[operator]

        monkeypatch.setattr(type(view), "set_report", counting)
    module = seeded.modules()[0]
    for minutes in (20, 25):
        seeded.log_session(module.id, minutes, on=NOW.date())
        with qtbot.waitSignal(window.report_ready, timeout=10_000):
            window.request_report()
    assert given == []
    assert window.overview_view.report is window.report  # the Overview takes every report
    assert window.show_page("log") is log
    assert given == [("log", window.report)]  # the latest one, as the page is shown
    assert window.report is not None
    assert log.report is window.report  # type: ignore[attr-defined]
    seeded.log_session(module.id, 30, on=NOW.date())
    with qtbot.waitSignal(window.report_ready, timeout=10_000):
        window.request_report()
    assert given[-1] == ("log", window.report)  # the shown page gets every report
    assert len(given) == 2
    assert window.mocks_view is mocks  # asked for through the window: caught up too
    assert given[-1] == ("mocks", window.report) and len(given) == 3


def test_a_restored_page_and_the_overview_are_built_and_given_each_report_once(
    qtbot: QtBot, seeded: StudyPlanner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ini = tmp_path / "window.ini"
    first = open_window(qtbot, seeded, ini)
    first.show_page("log")
    first.close()
    given: list[object] = []
    original = OverviewView.set_report

    def counting(view: OverviewView, report: Report | None) -> None:
        given.append(report)
        original(view, report)

    monkeypatch.setattr(OverviewView, "set_report", counting)
    second = open_window(qtbot, seeded, ini)
    try:
        assert second.current_page() == "log"
        built = [k for k in second.page_keys() if second.views.is_built(k)]
        assert built == ["overview", "log"]
        assert second.report is not None and given == [second.report]
        second.show_page("overview")
        assert given == [second.report]  # not given it a second time as it is shown
    finally:
        second.close()


def test_week_text_when_nothing_more_is_needed(seeded: StudyPlanner) -> None:
    report = seeded.report(START + dt.timedelta(days=11))
    done = dataclasses.replace(
        report, schedule=dataclasses.replace(report.schedule, required_hours_per_week=None)
    )
    today = START + dt.timedelta(days=10)
    assert week_text(report, today).startswith("Week 2: 1.8 h of ")
    assert week_text(done, today) == "Week 2: 1.8 h studied, nothing more needed"
