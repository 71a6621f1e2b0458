"""The tray icon: the running timer in its tooltip, Start/Stop, Show window and Quit; no tray,
no change.

Offscreen Qt has no tray, so ``isSystemTrayAvailable`` is monkeypatched; showing the icon there
logs a harmless warning from Qt's X11 fallback, ignored by the marker below.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from studyplanner.services import StudyPlanner, bundled_notes_path
from studyplanner.store.db import open_database
from studyplanner.ui import tray
from studyplanner.ui.main_window import MainWindow, settings_at
from studyplanner.ui.notifications import (
    NotificationController,
    NotificationPrefs,
    NotificationSettings,
    window_settings,
)
from studyplanner.ui.views.settings_view import SettingsView

START = dt.date(2026, 2, 2)
NOW = dt.datetime(2026, 2, 12, 18, 0, tzinfo=dt.UTC)
NO_TRAY_SIGNAL = r"No such signal QPlatformNativeInterface::systemTrayWindowChanged"


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def planner(tmp_path: Path, clock: Clock) -> Iterator[StudyPlanner]:
    db = open_database(tmp_path / "db.sqlite3")
    made = StudyPlanner(db, clock=clock, zone="UTC")
    made.import_notes_file(bundled_notes_path(), start=START)
    made.log_session(made.modules()[0].id, 90, on=START + dt.timedelta(days=1))
    yield made
    db.close()


@pytest.fixture
def window(qtbot: QtBot, planner: StudyPlanner, tmp_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(planner, settings=settings_at(tmp_path / "window.ini"))
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.report is not None and not win.is_busy(), timeout=10_000)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))


@pytest.fixture
def installed(with_tray: None, window: MainWindow) -> tray.TrayController:
    integration = tray.install(window)
    assert integration.tray is not None
    return integration.tray


def texts(controller: tray.TrayController) -> list[str]:
    """The menu's texts without mnemonics (``&&`` is a literal ``&``)."""
    return [
        a.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        for a in controller.menu.actions()
        if not a.isSeparator()
    ]


pytestmark = pytest.mark.qt_log_ignore(NO_TRAY_SIGNAL)


def test_tray_shows_idle_state_and_menu(installed: tray.TrayController, window: MainWindow) -> None:
    assert installed.icon.isVisible()
    assert not installed.icon.icon().isNull()
    assert installed.icon.toolTip() == "StudyPlanner: no timer running"
    first = window.planner.modules()[0].name
    assert texts(installed) == [f"Start timer ({first})", "Show window", "Quit"]
    assert installed.icon.contextMenu() is installed.menu
    assert installed.parent() is window


def test_start_tick_and_stop_from_the_menu(
    qtbot: QtBot, installed: tray.TrayController, window: MainWindow, clock: Clock
) -> None:
    first = window.planner.modules()[0]
    window.planner.update_module(first.id, name="IAM & <b>S3</b>")
    window.request_report()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
    module = window.planner.modules()[0].name
    assert texts(installed)[0] == f"Start timer ({module})"
    idle_icon = installed.icon.icon().cacheKey()
    installed.timer_action.trigger()
    assert window.planner.timer() is not None
    assert installed.icon.toolTip() == f"StudyPlanner: {module} 0:00:00"
    assert installed.icon.icon().cacheKey() != idle_icon, "the running icon has a dot"
    clock.now = NOW + dt.timedelta(minutes=25, seconds=7)
    window.tick_timer.timeout.emit()
    assert installed.icon.toolTip() == f"StudyPlanner: {module} 0:25:07"
    assert texts(installed)[0] == f"Stop timer ({module}, 0:25:07)"
    assert window.tick_timer.isActive(), "the window ticks each second while a timer runs"

    installed.timer_action.trigger()
    assert window.planner.timer() is None
    assert installed.icon.toolTip() == "StudyPlanner: no timer running"
    assert sorted(s.minutes for s in window.planner.sessions()) == [25, 90]
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)


def test_clicking_the_icon_shows_the_window(
    installed: tray.TrayController, window: MainWindow
) -> None:
    window.hide()
    installed.icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)
    assert not window.isVisible(), "the right click only opens the menu"
    installed.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert window.isVisible()
    window.showMinimized()
    installed.show_action.trigger()
    assert window.isVisible()
    assert not window.isMinimized()


def test_quit_closes_the_window(installed: tray.TrayController, window: MainWindow) -> None:
    installed.quit_action.trigger()
    assert not window.isVisible()


CLOSE_QUITS = textwrap.dedent(
    """
    import datetime as dt, os, sys, tempfile
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon
    from studyplanner.services import StudyPlanner
    from studyplanner.store.db import open_database
    from studyplanner.ui import tray
    from studyplanner.ui.main_window import MainWindow, settings_at

    QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    db = open_database(folder / "db.sqlite3")
    window = MainWindow(StudyPlanner(db, zone="UTC"), settings=settings_at(folder / "w.ini"))
    window.show()
    integration = tray.install(window)
    assert integration.tray is not None and integration.tray.icon.isVisible()
    QTimer.singleShot(300, window.close)
    QTimer.singleShot(10_000, lambda: app.exit(3))  # still running: the tray kept it alive
    status = app.exec()
    db.close()
    print("exit", status, flush=True)
    os._exit(status)
    """
)


def test_closing_the_window_quits_even_with_a_tray() -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", CLOSE_QUITS],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "exit 0"


def test_notices_go_to_the_tray(
    installed: tray.TrayController, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    integration_notifier = tray.TrayNotifier(installed)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        installed.icon, "showMessage", lambda title, text, *_: shown.append((title, text))
    )
    integration_notifier.notify("T", "body")
    assert shown == [("T", "body")]
    controllers = [c for c in window.findChildren(NotificationController) if c.parent() is window]
    assert len(controllers) == 1
    assert isinstance(controllers[0].notifier, tray.TrayNotifier)
    NotificationSettings(window_settings(window)).set_prefs(NotificationPrefs(daily_nudge=True))
    controllers[0].check(NOW)
    assert [title for title, _ in shown][-1] == "Plan behind schedule"


def test_settings_page_is_bound(installed: tray.TrayController, window: MainWindow) -> None:
    page = window.views["settings"]
    assert isinstance(page, SettingsView)
    assert page.notifications_group.isEnabled()
    page.nudge_check.setChecked(True)
    assert NotificationSettings(window_settings(window)).prefs().daily_nudge


def test_no_tray_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    actions = set(window.actions_by_name)
    integration = tray.install(window)
    assert integration.tray is None
    assert window.findChildren(QSystemTrayIcon) == []
    assert window.findChildren(tray.TrayController) == []
    assert set(window.actions_by_name) == actions
    window.toggle_timer()  # the timer works from the window alone
    assert window.timer_label.text().startswith("Timer: ")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)


def test_tray_icon_drawing() -> None:
    idle = tray.tray_icon(QIcon(), running=False)
    running = tray.tray_icon(QIcon(), running=True)
    size = tray.ICON_SIZE
    idle_image = idle.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    run_image = running.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert idle_image.pixelColor(size // 2, size // 2).alpha() == 255, "a drawn face"
    dot = run_image.pixelColor(size - 15, size - 15)
    assert dot.name() == tray.RUNNING_DOT
    assert idle_image.pixelColor(size - 15, size - 15).name() != tray.RUNNING_DOT
