"""Optional reminders: a timer that has run too long, and a daily nudge when the plan is behind.

Both are off by default and are per-user settings in the window's QSettings (group
``notifications``), edited on the Settings page.  The decisions are pure functions of "now"
(:func:`timer_reminder`, :func:`behind_nudge`); :class:`NotificationController` runs them on the
window's one-second timer tick, after every report and once a minute, and hands what is due to a
:class:`Notifier`: the tray's balloon when there is a tray, else the status bar.

What was already said is remembered in the settings, so that a restart does not repeat it: the
start time of the timer run that got its reminder, and the day of the last nudge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer

from studyplanner.domain.records import TimerInfo
from studyplanner.services import Report

if TYPE_CHECKING:
    from studyplanner.ui.main_window import MainWindow

DEFAULT_LIMIT_MINUTES = 90
MIN_LIMIT_MINUTES = 5
MAX_LIMIT_MINUTES = 600
BEHIND_DAYS = 0.5
"""Slip (days) from which the plan counts as behind: where the summary starts saying "behind"."""

CHECK_INTERVAL_MS = 60_000
STATUS_MESSAGE_MS = 30_000


def duration_text(seconds: int) -> str:
    """``1 h 32 min`` (or ``45 min``): how long a timer has run, in words."""
    hours, minutes = divmod(seconds // 60, 60)
    if hours == 0:
        return QCoreApplication.translate("Notifications", "{m} min").format(m=minutes)
    return QCoreApplication.translate("Notifications", "{h} h {m:02d} min").format(
        h=hours, m=minutes
    )


@dataclasses.dataclass(frozen=True, slots=True)
class NotificationPrefs:
    """The user's choices; both reminders are off until switched on."""

    long_timer: bool = False
    limit_minutes: int = DEFAULT_LIMIT_MINUTES
    daily_nudge: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class Notice:
    """One message to show; ``key`` identifies what it is about (remembered once shown)."""

    title: str
    text: str
    key: str


def _as_bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return default


def _as_int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


class NotificationSettings:
    """The notification choices and memory, in the ``notifications`` group of a QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def prefs(self) -> NotificationPrefs:
        s = self.settings
        limit = _as_int(s.value("notifications/limit_minutes"), DEFAULT_LIMIT_MINUTES)
        return NotificationPrefs(
            long_timer=_as_bool(s.value("notifications/long_timer"), False),
            limit_minutes=min(MAX_LIMIT_MINUTES, max(MIN_LIMIT_MINUTES, limit)),
            daily_nudge=_as_bool(s.value("notifications/daily_nudge"), False),
        )

    def set_prefs(self, prefs: NotificationPrefs) -> None:
        self.settings.setValue("notifications/long_timer", prefs.long_timer)
        self.settings.setValue("notifications/limit_minutes", prefs.limit_minutes)
        self.settings.setValue("notifications/daily_nudge", prefs.daily_nudge)
        self.settings.sync()

    def last_nudge(self) -> dt.date | None:
        value = self.settings.value("notifications/last_nudge")
        try:
            return dt.date.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    def set_last_nudge(self, day: dt.date) -> None:
        self.settings.setValue("notifications/last_nudge", day.isoformat())
        self.settings.sync()

    def reminded_timer(self) -> str:
        value = self.settings.value("notifications/reminded_timer")
        return str(value) if value else ""

    def set_reminded_timer(self, key: str) -> None:
        self.settings.setValue("notifications/reminded_timer", key)
        self.settings.sync()


def timer_key(timer: TimerInfo) -> str:
    """What identifies one timer run: its module and start time."""
    return f"{timer.module_id}@{timer.started_at.isoformat()}"


def timer_reminder(
    prefs: NotificationPrefs, timer: TimerInfo | None, now: dt.datetime, reminded: str
) -> Notice | None:
    """The reminder for a running timer past the limit, unless this run already had it."""
    if not prefs.long_timer or timer is None or timer.is_paused:
        return None
    elapsed = timer.elapsed_seconds(now)
    if elapsed < prefs.limit_minutes * 60:
        return None
    key = timer_key(timer)
    if key == reminded:
        return None
    text = QCoreApplication.translate(
        "Notifications",
        "The timer on {module} has run for {elapsed}. Still studying? Stop it to log it.",
    )
    return Notice(
        QCoreApplication.translate("Notifications", "Timer still running"),
        text.format(module=timer.module_name, elapsed=duration_text(elapsed)),
        key,
    )


def slip_days(report: Report) -> float:
    """Days behind plan (0 when on or ahead of plan, or not started)."""
    sv = report.schedule.sv_days
    return 0.0 if sv is None or sv >= 0 else -sv


def behind_nudge(
    prefs: NotificationPrefs, report: Report | None, today: dt.date, last: dt.date | None
) -> Notice | None:
    """Once a day: the nudge when the plan is behind (the day is the key)."""
    if not prefs.daily_nudge or report is None or last == today:
        return None
    slip = slip_days(report)
    if slip < BEHIND_DAYS:
        return None
    text = QCoreApplication.translate(
        "Notifications", "Your plan is {days:.1f} days behind."
    ).format(days=slip)
    needed = report.schedule.required_hours_per_week
    if needed is not None:
        more = QCoreApplication.translate(
            "Notifications", "Studying {hours:.1f} h per week from now catches up by the exam."
        )
        text = f"{text} {more.format(hours=needed)}"
    return Notice(
        QCoreApplication.translate("Notifications", "Plan behind schedule"), text, today.isoformat()
    )


class Notifier(Protocol):
    """Where notices go (the tray balloon, the status bar, a test's list)."""

    def notify(self, title: str, text: str) -> None: ...


class StatusBarNotifier:
    """Without a tray: the message in the window's status bar (non-modal, for 30 s)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def notify(self, title: str, text: str) -> None:
        self.window.statusBar().showMessage(f"{title}: {text}", STATUS_MESSAGE_MS)


def window_settings(window: MainWindow) -> QSettings:
    """The window's QSettings (MainWindow keeps it private; it has no public accessor yet)."""
    return window._settings


class NotificationController(QObject):
    """Checks the reminders on the window's tick, after each report and once a minute."""

    def __init__(
        self,
        window: MainWindow,
        settings: NotificationSettings,
        notifier: Notifier,
        *,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.notifier = notifier
        self.shown: list[Notice] = []
        window.tick_timer.timeout.connect(self._check_now)
        window.report_ready.connect(self._check_now)
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(interval_ms)
        self.check_timer.timeout.connect(self._check_now)
        self.check_timer.start()

    def _check_now(self) -> None:
        self.check(self.window.planner.now())

    def check(self, now: dt.datetime) -> list[Notice]:
        """Show what is due at *now* and remember it; returns the notices shown."""
        prefs = self.settings.prefs()
        window = self.window
        today = now.astimezone(window.planner.zone).date()
        due: list[Notice] = []
        reminder = timer_reminder(prefs, window.timer_info, now, self.settings.reminded_timer())
        if reminder is not None:
            self.settings.set_reminded_timer(reminder.key)
            due.append(reminder)
        nudge = behind_nudge(prefs, window.report, today, self.settings.last_nudge())
        if nudge is not None:
            self.settings.set_last_nudge(today)
            due.append(nudge)
        for notice in due:
            self.notifier.notify(notice.title, notice.text)
        self.shown.extend(due)
        return due
