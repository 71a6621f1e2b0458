"""Start the window: the QApplication, the database (or the demo), the first run, MainWindow.

The start window (:mod:`studyplanner.ui.startup`) is shown and painted first; the database is
opened on a helper thread while it stays responsive, then MainWindow takes its place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
import signal
import socket
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSocketNotifier
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from studyplanner import paths
from studyplanner.demo import build_demo
from studyplanner.services import NoPlanError, StudyPlanner
from studyplanner.store import figures_cache
from studyplanner.store.db import Database, open_database
from studyplanner.store.errors import (
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseTooNew,
    StorageUnavailable,
    StoreError,
)
from studyplanner.ui import bench_marks
from studyplanner.ui.main_window import MainWindow, NewPlanDialog, settings_at
from studyplanner.ui.startup import (
    APP_ID,
    APPLICATION,
    ORGANISATION,
    StartWindow,
    application,
    default_settings_path,
    off_gui_thread,
    show_start_window,
)
from studyplanner.ui.workers import app_pool

log = logging.getLogger(__name__)

__all__ = ["APPLICATION", "APP_ID", "ORGANISATION", "run_gui", "show_store_error"]


def store_error_text(exc: StoreError) -> tuple[str, str]:
    """A title and an explanation for a database that cannot be opened."""
    if isinstance(exc, DatabaseInUse):
        return (
            QCoreApplication.translate("StoreError", "StudyPlanner is already open"),
            QCoreApplication.translate(
                "StoreError",
                "{0}.\n\nClose the other copy of StudyPlanner (or the program holding the file)"
                " and start again. Nothing was changed.",
            ).format(exc),
        )
    if isinstance(exc, DatabaseTooNew):
        return (
            QCoreApplication.translate("StoreError", "StudyPlanner needs an update"),
            f"{exc}.",
        )
    if isinstance(exc, DatabaseCorrupt):
        return (
            QCoreApplication.translate("StoreError", "The data file cannot be read"),
            QCoreApplication.translate(
                "StoreError",
                "{0}.\n\nStudyPlanner did not delete it. Verified backups are kept in {1};"
                " restore one (studyplanner restore --latest), or start with an empty file"
                " (the damaged file stays in quarantine).",
            ).format(exc, exc.path.parent / "backups"),
        )
    if isinstance(exc, StorageUnavailable):
        return (
            QCoreApplication.translate("StoreError", "The data file cannot be written"),
            QCoreApplication.translate(
                "StoreError",
                "{0}.\n\nCheck that the disk has space and that the folder is writable, then"
                " start again.",
            ).format(exc),
        )
    return (
        QCoreApplication.translate("StoreError", "StudyPlanner cannot open its data"),
        f"{exc}.",
    )


def show_store_error(exc: StoreError, parent: QWidget | None = None) -> None:
    title, text = store_error_text(exc)
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close, parent
    )
    box.setAccessibleName(title)
    box.exec()


def _application() -> QApplication:
    from studyplanner.ui import theme

    return theme.follow_color_scheme(application())  # light/dark palette with the desktop


def _open(path: Path) -> Database | None:
    """Open the database; on damage, offer the verified backups (``recovery_dialog``)."""
    try:
        return off_gui_thread(lambda: open_database(path))  # the start window stays responsive
    except DatabaseCorrupt as exc:
        from studyplanner.ui.dialogs.recovery_dialog import recover_and_open

        return recover_and_open(path, exc, describe=store_error_text, on_error=show_store_error)
    except StoreError as exc:
        show_store_error(exc)
        return None


def _close_on_signals(window: MainWindow) -> Callable[[], None]:
    """Close the window (saving its state, cleaning up the demo) on SIGINT and SIGTERM.

    Python runs signal handlers only when it gets control; the wake-up fd makes Qt's event loop
    notice the signal.  Returns a function that restores the previous handlers.
    """
    receiver, sender = socket.socketpair()
    receiver.setblocking(False)
    sender.setblocking(False)
    previous_fd = signal.set_wakeup_fd(sender.fileno())
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in (signal.SIGINT, signal.SIGTERM)}
    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Type.Read, window)

    def on_signal() -> None:
        with contextlib.suppress(OSError):
            receiver.recv(64)
        # A modal dialog (the first-run dialog, a form) runs its own event loop: end it first,
        # or the window would close behind it and the process keep running.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        window.close()
        # Before its first report the window is not shown yet: the start window (with the saved
        # figures) is what keeps the event loop running.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, StartWindow) and widget.isVisible():
                widget.close()

    notifier.activated.connect(on_signal)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        receiver.close()
        sender.close()

    return restore


def _run_window(
    app: QApplication,
    planner: StudyPlanner,
    window: MainWindow,
    start: StartWindow | None = None,
    on_closed: Callable[[], None] | None = None,
) -> int:
    """Put *window* in the place of the start window, run it, and clean up after it.

    *on_closed* runs once the window has closed normally and no recompute is left, while
    SIGINT and SIGTERM are still caught (they end the window, not this last work).
    """
    restore = _close_on_signals(window)
    try:
        if start is not None:
            if start.figures is not None and planner.current_plan() is not None:
                _take_place_when_ready(window, start)
            else:
                _take_place(window, start)
        status = _show(app, planner, window)
        if on_closed is not None:
            window.close()
            app_pool().waitForDone()
            on_closed()
        return status
    finally:
        restore()
        window.close()
        app_pool().waitForDone()  # no recompute may outlive the database


def _take_place(window: MainWindow, start: StartWindow) -> None:
    """Show *window* where the start window is (the user may have moved it), close that one."""
    if start.isVisible():
        if not start.isMaximized() and not start.isFullScreen():
            window.setGeometry(start.geometry())
        window.show()
    start.finish()


def _take_place_when_ready(window: MainWindow, start: StartWindow) -> None:
    """Keep the start window with its saved figures until *window* has its own first report
    (or failed to compute it): the Overview never goes blank in between."""

    def swap(_result: object = None) -> None:
        for finished in (window.report_ready, window.report_failed):
            with contextlib.suppress(RuntimeError):
                finished.disconnect(swap)
        if not start.cancelled and not window.isVisible():
            _take_place(window, start)

    window.report_ready.connect(swap)
    window.report_failed.connect(swap)
    if not window.is_busy():
        swap()


def _show(app: QApplication, planner: StudyPlanner, window: MainWindow) -> int:
    bench_marks.install(app, window)  # timing marks for benchmarks/: off unless asked for
    from studyplanner.ui import safety

    safety.install(window, planner.db)  # scheduled backups, the warnings of the open
    from studyplanner.ui import tray

    tray.install(window)  # the tray icon where there is a tray, and the reminders
    if planner.current_plan() is None:
        NewPlanDialog(planner, window).exec()
        if not window.isVisible():  # closed by SIGINT/SIGTERM while the dialog was open
            return 0
        window.request_report()
    return app.exec()


def run_gui(db_path: Path | None, demo: bool, start: StartWindow | None = None) -> int:
    """Open the window on *db_path* (default: the per-user database), or on a demo database.

    *start* is the start window that ``studyplanner.app`` has already painted (else one is shown
    here).  A database that cannot be opened gives a clear message and exit status 0 once the
    user closes it; so does closing the start window before the data is open.  The demo lives in
    a temporary folder that is deleted on exit; nothing of the user's data or settings is read or
    written.
    """
    app = _application()
    if start is None:
        start = show_start_window(None if demo else default_settings_path())
    try:
        if demo:
            return _run_demo(app, start)
        db = _open(db_path or paths.default_db_path())
        if db is None:
            return 0
        figures: _SavedFigures | None = None
        try:
            if start.cancelled:
                return 0
            try:
                planner = StudyPlanner(db)
            except StoreError as exc:
                show_store_error(exc)
                return 0
            window = MainWindow(planner)

            def keep_figures() -> None:  # the window is closed: nothing writes any more
                nonlocal figures
                figures = _final_figures(planner)

            return _run_window(app, planner, window, start, on_closed=keep_figures)
        finally:
            db.close()
            _save_figures(db, figures)
    finally:
        start.finish()


_SavedFigures = tuple[list[figures_cache.SavedFigures], str]


def _final_figures(planner: StudyPlanner) -> _SavedFigures | None:
    """The reports to show at the next start, today's and tomorrow's (the first start of the
    day is the most common one), and their time zone.  None: no plan, or the data cannot
    vouch for them."""
    if planner.db.read_only or planner.db.suspect:
        return None
    today = planner.default_as_of()
    saved: list[figures_cache.SavedFigures] = []
    try:
        for as_of in (today, today + dt.timedelta(days=1)):
            saved.append(figures_cache.SavedFigures(*planner.report_with_history(as_of)))
    except NoPlanError:
        return None
    except Exception:  # the window showed this failure already: only the saved figures are lost
        log.exception("could not compute the figures to save")
        return None
    return saved, planner.zone_name


def _save_figures(db: Database, figures: _SavedFigures | None) -> None:
    """Save *figures* for the next start, tied to the clean close just made (or forget them)."""
    target = figures_cache.cache_file(paths.cache_dir(), db.path)
    if figures is None:
        figures_cache.discard(target)
    else:
        figures_cache.save(target, db.path, db.clean_close, figures[0], zone=figures[1])


def _run_demo(app: QApplication, start: StartWindow) -> int:
    folder = Path(tempfile.mkdtemp(prefix="studyplanner-demo-"))
    try:
        db = _open(folder / "demo.sqlite3")
        if db is None:
            return 0
        try:
            planner = StudyPlanner(db)
            off_gui_thread(lambda: build_demo(planner, today=planner.today()))
            if start.cancelled:
                return 0
            window = MainWindow(planner, settings=settings_at(folder / "window.ini"))
            window.setWindowTitle(
                QCoreApplication.translate("MainWindow", "StudyPlanner — demo (nothing is saved)")
            )
            return _run_window(app, planner, window, start)
        finally:
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
