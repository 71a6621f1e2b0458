"""Timing marks for the cold-start benchmark (``benchmarks/run.py``); off unless asked for.

With ``STUDYPLANNER_BENCH_MARKS`` set, the window prints ``MARK first-paint <t>`` once it has been
painted for the first time and ``MARK figures <t>`` once the Overview has been repainted with the
plan's first real report.  ``t`` is ``time.perf_counter()`` (CLOCK_MONOTONIC, shared by all
processes: the benchmark subtracts its own clock at spawn).  With the value ``exit`` the window
closes after the figures mark, so that the benchmark can collect the process's peak memory.
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


def _mark(name: str) -> None:
    print(f"MARK {name} {time.perf_counter():.6f}", flush=True)


class _Marks(QObject):
    def __init__(self, window: MainWindow, *, exit_after: bool) -> None:
        super().__init__(window)
        self._window = window
        self._exit_after = exit_after
        self._painted = False
        self._figures = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._painted = True
            QTimer.singleShot(0, lambda: _mark("first-paint"))  # once this paint pass is over
        return False

    def on_report(self, report: object) -> None:
        if report is None or self._figures:
            return
        self._figures = True
        self._window.repaint()
        _mark("figures")
        if self._exit_after:
            QTimer.singleShot(0, self._window.close)


def install(app: QApplication, window: MainWindow) -> None:
    """Print the marks for *window* if STUDYPLANNER_BENCH_MARKS is set; else do nothing."""
    value = os.environ.get(ENV, "")
    if not value:
        return
    marks = _Marks(window, exit_after=value == "exit")
    app.installEventFilter(marks)
    window.report_ready.connect(marks.on_report)
