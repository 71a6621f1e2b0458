"""Timing marks for the cold-start benchmark (``benchmarks/run.py``); off unless asked for.

With ``STUDYPLANNER_BENCH_MARKS`` set, the app prints ``MARK first-paint <t>`` once its first
window has been painted for the first time (the start window of :mod:`studyplanner.ui.startup`,
which has the main window's title, geometry and sidebar; or the main window itself when it is
shown without one) and ``MARK figures <t>`` once the Overview has been repainted with the plan's
first real report.  ``t`` is ``time.perf_counter()`` (CLOCK_MONOTONIC, shared by all processes:
the benchmark subtracts its own clock at spawn).  With the value ``exit`` the window closes after
the figures mark, so that the benchmark can collect the process's peak memory.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from studyplanner.ui.main_window import MainWindow

ENV = "STUDYPLANNER_BENCH_MARKS"
_printed: set[str] = set()  # each mark once per process


def _mark(name: str) -> None:
    if name in _printed:
        return
    _printed.add(name)
    print(f"MARK {name} {time.perf_counter():.6f}", flush=True)


class _FirstPaint(QObject):
    """Print ``first-paint`` after the first paint event of a widget of *window* is handled."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(window)
        self._app = app
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, lambda: _mark("first-paint"))  # once this paint pass is over
        return False


class _Figures(QObject):
    def __init__(self, window: MainWindow, *, exit_after: bool) -> None:
        super().__init__(window)
        self._window = window
        self._exit_after = exit_after
        self._figures = False

    def on_report(self, report: object) -> None:
        if report is None or self._figures:
            return
        self._figures = True
        self._window.repaint()
        _mark("figures")
        if self._exit_after:
            QTimer.singleShot(0, self._window.close)


def mark_figures() -> None:
    """Print the figures mark now (the caller has painted the plan's real figures)."""
    if _value():
        _mark("figures")


def _value() -> str:
    return os.environ.get(ENV, "")


def install_first_paint(app: QApplication, window: QWidget) -> None:
    """Print the first-paint mark for *window* if STUDYPLANNER_BENCH_MARKS is set."""
    if _value() and "first-paint" not in _printed:
        app.installEventFilter(_FirstPaint(app, window))


def install(app: QApplication, window: MainWindow) -> None:
    """Print the marks for *window* if STUDYPLANNER_BENCH_MARKS is set; else do nothing."""
    value = _value()
    if not value:
        return
    install_first_paint(app, window)
    marks = _Figures(window, exit_after=value == "exit")
    window.report_ready.connect(marks.on_report)
