"""Reminders: a timer past its limit (once per run) and a daily nudge when behind (once a day).

"Now" is a parameter of every check: nothing here sleeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from studyplanner.domain.records import TimerInfo
from studyplanner.services import StudyPlanner, bundled_notes_path
from studyplanner.store.db import open_database
from studyplanner.ui import tray
from studyplanner.ui.main_window import MainWindow, settings_at
from studyplanner.ui.notifications import (
    DEFAULT_LIMIT_MINUTES,
    NotificationController,
    NotificationPrefs,
    NotificationSettings,
    StatusBarNotifier,
    behind_nudge,
    duration_text,
    slip_days,
    timer_key,
    timer_reminder,
    window_settings,
)

START = dt.date(2026, 2, 2)
NOW = dt.datetime(2026, 2, 12, 18, 0, tzinfo=dt.UTC)  # day 11, about 9 days behind
ON = NotificationPrefs(long_timer=True, limit_minutes=90, daily_nudge=True)


class Recorder:
    """A notifier that keeps what it was asked to show."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.shown.append((title, text))


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[StudyPlanner]:
    db = open_database(tmp_path / "db.sqlite3")
    made = StudyPlanner(db, clock=lambda: NOW, zone="UTC")
    made.import_notes_file(bundled_notes_path(), start=START)
    made.log_session(made.modules()[0].id, 90, on=START + dt.timedelta(days=1))
    yield made
    db.close()


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "window.ini"


@pytest.fixture
def window(qtbot: QtBot, planner: StudyPlanner, ini: Path) -> Iterator[MainWindow]:
    win = MainWindow(planner, settings=settings_at(ini))
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.report is not None and not win.is_busy(), timeout=10_000)
    yield win
    win.close()


def running_timer(started: dt.datetime, paused: bool = False) -> TimerInfo:
    return TimerInfo(
        module_id=3,
        module_name="Lambda & <b>API</b>",
        started_at=started,
        zone="UTC",
        paused_seconds=0,
        paused_at=started + dt.timedelta(minutes=5) if paused else None,
    )


def test_duration_text() -> None:
    assert duration_text(59) == "0 min"
    assert duration_text(45 * 60 + 30) == "45 min"
    assert duration_text(92 * 60) == "1 h 32 min"
    assert duration_text(10 * 3600 + 5 * 60) == "10 h 05 min"


def test_settings_default_off_and_round_trip(ini: Path) -> None:
    settings = NotificationSettings(settings_at(ini))
    assert settings.prefs() == NotificationPrefs(False, DEFAULT_LIMIT_MINUTES, False)
    assert settings.last_nudge() is None
    assert settings.reminded_timer() == ""
    settings.set_prefs(NotificationPrefs(True, 45, True))
    settings.set_last_nudge(dt.date(2026, 2, 12))
    settings.set_reminded_timer("3@x")
    again = NotificationSettings(settings_at(ini))  # a new QSettings reads the file
    assert again.prefs() == NotificationPrefs(True, 45, True)
    assert again.last_nudge() == dt.date(2026, 2, 12)
    assert again.reminded_timer() == "3@x"


def test_settings_tolerate_hand_edited_values(ini: Path) -> None:
    raw = settings_at(ini)
    raw.setValue("notifications/long_timer", "yes")
    raw.setValue("notifications/limit_minutes", "100000")
    raw.setValue("notifications/daily_nudge", "nonsense")
    raw.setValue("notifications/last_nudge", "not a date")
    raw.sync()
    settings = NotificationSettings(settings_at(ini))
    assert settings.prefs() == NotificationPrefs(True, 600, False)
    assert settings.last_nudge() is None
    raw.setValue("notifications/limit_minutes", "abc")
    assert settings.prefs().limit_minutes == DEFAULT_LIMIT_MINUTES


def test_timer_reminder_after_the_limit_once_per_run() -> None:
    timer = running_timer(NOW)
    at_limit = NOW + dt.timedelta(minutes=90)
    assert timer_reminder(ON, timer, at_limit - dt.timedelta(seconds=1), "") is None
    notice = timer_reminder(ON, timer, at_limit, "")
    assert notice is not None
    assert notice.key == timer_key(timer)
    assert "Lambda & <b>API</b>" in notice.text
    assert "1 h 30 min" in notice.text
    assert timer_reminder(ON, timer, at_limit, notice.key) is None, "this run had it"
    later_run = running_timer(NOW + dt.timedelta(hours=3))
    assert timer_reminder(ON, later_run, NOW + dt.timedelta(hours=5), notice.key) is not None
    off = NotificationPrefs(long_timer=False, daily_nudge=True)
    assert timer_reminder(off, timer, at_limit, "") is None
    assert timer_reminder(ON, None, at_limit, "") is None
    assert timer_reminder(ON, running_timer(NOW, paused=True), at_limit, "") is None
    short = NotificationPrefs(long_timer=True, limit_minutes=30)
    assert timer_reminder(short, timer, NOW + dt.timedelta(minutes=30), "") is not None


def test_behind_nudge_once_a_day(planner: StudyPlanner) -> None:
    report = planner.report()
    today = NOW.date()
    assert slip_days(report) > 9
    notice = behind_nudge(ON, report, today, None)
    assert notice is not None
    assert notice.key == today.isoformat()
    assert f"{slip_days(report):.1f} days behind" in notice.text
    assert f"{report.schedule.required_hours_per_week:.1f} h per week" in notice.text
    assert behind_nudge(ON, report, today, today) is None
    assert behind_nudge(ON, report, today, today - dt.timedelta(days=1)) is not None
    assert behind_nudge(NotificationPrefs(long_timer=True), report, today, None) is None
    assert behind_nudge(ON, None, today, None) is None
    on_plan_start = planner.report(START)
    assert slip_days(on_plan_start) == 0
    assert behind_nudge(ON, on_plan_start, START, None) is None


def test_controller_reminds_once_and_remembers_across_restarts(
    window: MainWindow, planner: StudyPlanner, ini: Path
) -> None:
    settings = NotificationSettings(window_settings(window))
    recorder = Recorder()
    controller = NotificationController(window, settings, recorder)
    settings.set_prefs(ON)
    settings.set_last_nudge(NOW.date())  # today's nudge is done: only the timer here
    window.toggle_timer()
    assert window.timer_info is not None
    assert controller.check(NOW + dt.timedelta(minutes=89)) == []
    shown = controller.check(NOW + dt.timedelta(minutes=91))
    assert [n.title for n in shown] == ["Timer still running"]
    assert recorder.shown == [(shown[0].title, shown[0].text)]
    assert controller.check(NOW + dt.timedelta(minutes=200)) == []

    again = NotificationController(window, NotificationSettings(settings_at(ini)), recorder)
    assert again.check(NOW + dt.timedelta(minutes=300)) == [], "a restart does not repeat it"
    next_day = again.check(NOW + dt.timedelta(days=1))
    assert [n.title for n in next_day] == ["Plan behind schedule"]
    assert again.check(NOW + dt.timedelta(days=1, hours=2)) == []
    assert len(recorder.shown) == 2


def test_nudge_at_start_when_the_first_report_arrives(
    qtbot: QtBot, window: MainWindow, ini: Path
) -> None:
    settings = NotificationSettings(window_settings(window))
    settings.set_prefs(NotificationPrefs(daily_nudge=True))
    recorder = Recorder()
    NotificationController(window, settings, recorder)
    with qtbot.waitSignal(window.report_ready, timeout=10_000):
        window.request_report()
    assert [title for title, _ in recorder.shown] == ["Plan behind schedule"]
    assert NotificationSettings(settings_at(ini)).last_nudge() == NOW.date()


def test_everything_off_by_default(window: MainWindow) -> None:
    recorder = Recorder()
    controller = NotificationController(
        window, NotificationSettings(window_settings(window)), recorder
    )
    window.toggle_timer()
    assert controller.check(NOW + dt.timedelta(hours=8)) == []
    assert controller.check(NOW + dt.timedelta(days=3)) == []
    assert recorder.shown == []


def test_without_a_tray_notices_go_to_the_status_bar(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    installed = tray.install(window)
    assert installed.tray is None
    assert isinstance(installed.notifications.notifier, StatusBarNotifier)
    settings: QSettings = window_settings(window)
    NotificationSettings(settings).set_prefs(NotificationPrefs(daily_nudge=True))
    shown = installed.notifications.check(NOW)
    assert len(shown) == 1
    message = window.statusBar().currentMessage()
    assert message.startswith("Plan behind schedule: Your plan is")
