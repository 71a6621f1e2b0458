"""The system tray icon (where a tray exists) and the notifications, installed on the main window.

:func:`install` is called once from ``ui/main.py`` after the window is built.  With a tray
(``QSystemTrayIcon.isSystemTrayAvailable()``) a :class:`TrayController` shows the running timer
in its icon and tooltip, updated on the window's one-second tick, and offers Start/Stop timer,
Show window and Quit in its menu; a click on the icon shows and raises the window.  Without a
tray nothing of the window changes: the timer stays in the status bar and Ctrl+Space.

Closing the window still quits the app; the tray icon does not keep it running.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from studyplanner.services import NoPlanError
from studyplanner.store.errors import StoreError
from studyplanner.ui.main_window import MainWindow, format_elapsed
from studyplanner.ui.notifications import (
    NotificationController,
    NotificationSettings,
    Notifier,
    StatusBarNotifier,
    window_settings,
)
from studyplanner.ui.views.overview import next_module
from studyplanner.ui.views.settings_view import SettingsView

ICON_SIZE = 64
MESSAGE_MS = 10_000
RUNNING_DOT = "#e15759"


def tray_icon(base: QIcon, running: bool) -> QIcon:
    """The app icon (a drawn clock face if the app has none), with a red dot while timing."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if base.isNull():
        painter.setPen(QPen(QColor("#4e79a7"), 6))
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawEllipse(QRectF(5, 5, ICON_SIZE - 10, ICON_SIZE - 10))
        centre = QPointF(ICON_SIZE / 2, ICON_SIZE / 2)
        painter.drawLine(centre, QPointF(ICON_SIZE / 2, 16))
        painter.drawLine(centre, QPointF(ICON_SIZE - 20, ICON_SIZE / 2))
    else:
        base.paint(painter, 0, 0, ICON_SIZE, ICON_SIZE)
    if running:
        painter.setPen(QPen(QColor("#ffffff"), 3))
        painter.setBrush(QBrush(QColor(RUNNING_DOT)))
        painter.drawEllipse(QRectF(ICON_SIZE - 28, ICON_SIZE - 28, 26, 26))
    painter.end()
    return QIcon(pixmap)


class TrayController(QObject):
    """The tray icon and its menu over a :class:`MainWindow` (owned by the window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._base_icon = QApplication.windowIcon()
        self._running: bool | None = None
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu(window)
        self.menu.setAccessibleName(QCoreApplication.translate("Tray", "StudyPlanner tray menu"))
        self.timer_action = QAction(self.menu)
        self.timer_action.setObjectName("tray_toggle_timer")
        self.timer_action.triggered.connect(self.toggle_timer)
        self.show_action = QAction(QCoreApplication.translate("Tray", "&Show window"), self.menu)
        self.show_action.setObjectName("tray_show_window")
        self.show_action.triggered.connect(self.show_window)
        self.quit_action = QAction(QCoreApplication.translate("Tray", "&Quit"), self.menu)
        self.quit_action.setObjectName("tray_quit")
        self.quit_action.triggered.connect(window.close)
        self.menu.addAction(self.timer_action)
        self.menu.addAction(self.show_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.menu.aboutToShow.connect(self.refresh)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        window.tick_timer.timeout.connect(self.refresh)
        window.report_ready.connect(self.refresh)
        self.refresh()
        self.icon.show()

    def refresh(self) -> None:
        """Icon, tooltip and menu text from the window's timer (each tick, each report)."""
        timer = self.window.timer_info
        now = self.window.planner.now()
        if timer is None:
            tip = QCoreApplication.translate("Tray", "StudyPlanner: no timer running")
            target = self._start_target()
            self.timer_action.setText(
                QCoreApplication.translate("Tray", "S&tart timer ({module})").format(
                    module=target.replace("&", "&&")
                )
                if target
                else QCoreApplication.translate("Tray", "S&tart timer")
            )
            self.timer_action.setEnabled(target is not None)
        else:
            elapsed = format_elapsed(timer.elapsed_seconds(now))
            paused = QCoreApplication.translate("Tray", " (paused)") if timer.is_paused else ""
            tip = QCoreApplication.translate(
                "Tray", "StudyPlanner: {module} {elapsed}{paused}"
            ).format(module=timer.module_name, elapsed=elapsed, paused=paused)
            self.timer_action.setText(
                QCoreApplication.translate("Tray", "S&top timer ({module}, {elapsed})").format(
                    module=timer.module_name.replace("&", "&&"), elapsed=elapsed
                )
            )
            self.timer_action.setEnabled(True)
        if tip != self.icon.toolTip():
            self.icon.setToolTip(tip)
        running = timer is not None and not timer.is_paused
        if running != self._running:
            self._running = running
            self.icon.setIcon(tray_icon(self._base_icon, running))

    def _start_target(self) -> str | None:
        """The module a new timer would run on (the window's choice: next module, else first)."""
        report = self.window.report
        if report is not None:
            found = next_module(report)
            if found is not None:
                return found[0].module.name
        try:
            modules = self.window.planner.modules()
        except (NoPlanError, StoreError):
            return None
        return modules[0].name if modules else None

    def toggle_timer(self) -> None:
        self.window.toggle_timer()
        self.refresh()

    def show_window(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window()


class TrayNotifier:
    """Notices as tray balloons (the desktop's notifications where the tray forwards them)."""

    def __init__(self, tray: TrayController) -> None:
        self.tray = tray

    def notify(self, title: str, text: str) -> None:
        self.tray.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)


@dataclasses.dataclass(frozen=True, slots=True)
class DesktopIntegration:
    """What :func:`install` set up (both are owned by the window)."""

    tray: TrayController | None
    notifications: NotificationController


def install(window: MainWindow) -> DesktopIntegration:
    """The tray icon if the desktop has a tray, the reminders either way, the settings UI bound."""
    tray = TrayController(window) if QSystemTrayIcon.isSystemTrayAvailable() else None
    notifier: Notifier = StatusBarNotifier(window) if tray is None else TrayNotifier(tray)
    settings = NotificationSettings(window_settings(window))
    controller = NotificationController(window, settings, notifier)
    settings_view = window.views.get("settings")
    if isinstance(settings_view, SettingsView):
        settings_view.bind_notifications(settings)
    return DesktopIntegration(tray, controller)
