"""The floor of the cold-start benchmark: the least a PySide6 + QtCharts app can do.

A QMainWindow with one QtCharts line chart, shown; it prints ``MARK first-paint <t>`` when the
window has been painted for the first time (the first paint event of any of its widgets, marked
once that event loop pass is over) (``t`` is ``time.perf_counter()``, CLOCK_MONOTONIC,
which the runner subtracts from its own clock at spawn), then quits.  Run it as
``QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.floor``.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCharts import QChart, QChartView, QLineSeries
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class _FirstPaint(QObject):
    """Print the mark once, after the event that first painted the window has been handled."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__()
        self._app = app
        self._window = window
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._seen = True
            QTimer.singleShot(0, self._mark)
        return False

    def _mark(self) -> None:
        print(f"MARK first-paint {time.perf_counter():.6f}", flush=True)
        print(f"MARK figures {time.perf_counter():.6f}", flush=True)
        self._app.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("floor")
    series = QLineSeries()
    for x, y in ((0, 1.0), (1, 3.0), (2, 2.0), (3, 5.0), (4, 4.0)):
        series.append(x, y)
    chart = QChart()
    chart.addSeries(series)
    chart.createDefaultAxes()
    chart.setTitle("Hours per week")
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    window.setCentralWidget(view)
    window.resize(1280, 800)
    watcher = _FirstPaint(app, window)
    app.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(60_000, app.quit)  # never hang a benchmark run
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
