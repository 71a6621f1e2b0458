"""Run blocking work off the GUI thread and report back through signals (STYLE.md 3.2 (4))."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Generator

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

Job = Callable[[], Generator[tuple[int, int], None, object] | object]
"""A job returns its result, or is a generator that yields ``(done, total)`` and returns it."""

_POOL_NAME = "studyplanner-worker-pool"


class WorkerSignals(QObject):
    """Signals live on a QObject; the QRunnable only holds a reference to it."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the job's return value
    failed = Signal(str)  # formatted traceback


class Worker(QRunnable):
    """Run *job* on a pool thread.

    The job must not touch widgets.  It may call the services: the database object serialises
    access with a lock, and every call opens its own unit of work.  Every exception reaches the
    GUI through :attr:`WorkerSignals.failed` instead of being lost on the pool thread.
    """

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            result = self._job()
            if isinstance(result, Generator):
                result = self._drain(result)
        except Exception:  # report every failure to the GUI instead of losing it
            self.signals.failed.emit(traceback.format_exc())
        else:
            self.signals.finished.emit(result)

    def _drain(self, gen: Generator[tuple[int, int], None, object]) -> object:
        while True:
            try:
                done, total = next(gen)
            except StopIteration as stop:
                return stop.value
            self.signals.progress.emit(done, total)


def app_pool() -> QThreadPool:
    """The application's own thread pool (not ``globalInstance()``), owned by the QApplication.

    One thread: work that reads or writes the database is serialised by the database lock anyway,
    and jobs then finish in the order they were started.  Close-down calls ``waitForDone()``.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before the worker pool")
    pool = app.findChild(QThreadPool, _POOL_NAME)
    if pool is None:
        pool = QThreadPool(app)
        pool.setObjectName(_POOL_NAME)
        pool.setMaxThreadCount(1)
    return pool
