"""The start window: the app's first paint, before the store, the services and the pages load.

Issue #7 (a): importing SQLAlchemy/SQLModel/NumPy, opening and checking the database, taking the
start backup and building the pages take from half a second (small plans) to many seconds (a
million sessions).  So ``python -m studyplanner`` first shows :class:`StartWindow`: the main
window's title, geometry and sidebar with a busy bar, built from QtWidgets alone.  Once it has been
painted, the heavy modules are imported and the database is opened on a helper thread
(:func:`off_gui_thread`) while this window stays responsive; then ``ui.main`` builds the
:class:`~studyplanner.ui.main_window.MainWindow` at the same place and closes this window.

This module must stay light: it imports nothing of the store, the services or the chart module.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from studyplanner import paths
from studyplanner.ui import bench_marks, i18n, theme
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

APP_ID = "io.github.studyplanner.StudyPlanner"
ORGANISATION = "StudyPlanner"
APPLICATION = "StudyPlanner"
WINDOW_TITLE = "StudyPlanner"
SETTINGS_FILE = "window.ini"
FIRST_PAINT_TIMEOUT_MS = 3000  # a window that is never exposed (minimised start) must not hang

# The titles and descriptions of the main window's pages by key, in sidebar order; translated
# where they are shown (context "Pages").  MainWindow.PAGES adds the page factories; the start
# window needs only the titles.
PAGE_TITLES: dict[str, tuple[str, str]] = {
    "overview": (
        QT_TRANSLATE_NOOP("Pages", "Overview"),
        QT_TRANSLATE_NOOP("Pages", "Readiness, schedule slip and charts"),
    ),
    "plan": (
        QT_TRANSLATE_NOOP("Pages", "Plan"),
        QT_TRANSLATE_NOOP("Pages", "The modules of the plan, dates and baseline"),
    ),
    "log": (
        QT_TRANSLATE_NOOP("Pages", "Log"),
        QT_TRANSLATE_NOOP("Pages", "Timer and study sessions"),
    ),
    "mocks": (
        QT_TRANSLATE_NOOP("Pages", "Mock tests"),
        QT_TRANSLATE_NOOP("Pages", "Practice exams and topic quizzes"),
    ),
    "readiness": (
        QT_TRANSLATE_NOOP("Pages", "Readiness"),
        QT_TRANSLATE_NOOP("Pages", "Readiness per exam domain and per topic"),
    ),
    "settings": (
        QT_TRANSLATE_NOOP("Pages", "Settings"),
        QT_TRANSLATE_NOOP("Pages", "Exam profiles, weights and plan parameters"),
    ),
}


def page_text(text: str) -> str:
    """A title or description of :data:`PAGE_TITLES` in the user's language."""
    return QCoreApplication.translate("Pages", text)


T = TypeVar("T")


def application() -> QApplication:
    """The QApplication (created if needed) with the app's names, style and icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")
    if not app.property("studyplanner_translators"):
        app.setProperty("studyplanner_translators", len(i18n.install_translator(app)) or -1)
    for candidate in ("studyplanner.svg", f"{APP_ID}.svg", "app.svg"):
        try:
            icon_path = paths.resources_dir() / "icons" / candidate
        except FileNotFoundError:
            break
        if icon_path.is_file():
            app.setWindowIcon(QIcon(str(icon_path)))
            break
    return app


def default_settings_path() -> Path:
    """The window state file that MainWindow uses by default."""
    return paths.config_dir() / SETTINGS_FILE


class StartWindow(QMainWindow):
    """The main window's outline (title, geometry, sidebar) with a busy bar, shown at once.

    *settings_path* is the ini file whose ``window/geometry`` MainWindow will restore (None: the
    default size).  The sidebar is disabled: pages exist only once the data is open.
    """

    def __init__(self, settings_path: Path | None = None) -> None:
        super().__init__()
        self.cancelled = False  # closed by the user before the data was open
        self.figures: QWidget | None = None  # the saved figures, once shown (show_figures)
        self._finishing = False
        self.setWindowTitle(WINDOW_TITLE)
        self.setObjectName("StartWindow")
        self.setAccessibleName(self.tr("StudyPlanner is starting"))
        sidebar = QListWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setAccessibleName(self.tr("Pages"))
        for title, _description in PAGE_TITLES.values():
            item = QListWidgetItem(page_text(title))
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 16))
            sidebar.addItem(item)
        font = sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        sidebar.setFont(font)
        sidebar.setFixedWidth(max(150, sidebar.sizeHintForColumn(0) + 40))
        sidebar.setFrameShape(QFrame.Shape.NoFrame)
        sidebar.setEnabled(False)
        self.message = QLabel(self.tr("Opening your study data…"))
        self.message.setObjectName("start_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar()
        self.busy.setObjectName("start_busy")
        self.busy.setAccessibleName(self.tr("Opening your study data"))
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(240)
        page = self._page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(self.message)
        column.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        central = QWidget()
        row = self._row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        row.addWidget(line)
        row.addWidget(page, 1)
        self.setCentralWidget(central)
        self.menuBar().setAccessibleName(self.tr("Menu bar"))
        self.statusBar().showMessage(self.tr("Opening your study data…"))
        self.resize(1280, 800)
        if settings_path is not None and settings_path.is_file():
            settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
            geometry = settings.value("window/geometry")
            if isinstance(geometry, QByteArray) and not geometry.isEmpty():
                self.restoreGeometry(geometry)

    def show_figures(self, view: QWidget) -> None:
        """Show *view* (the Overview of the figures saved at the last clean close) in place of
        the busy message; the busy bar moves to the status bar until the main window is ready."""
        self._row.replaceWidget(self._page, view)
        self._page.hide()
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.statusBar().addPermanentWidget(self.busy)
        self.busy.show()
        self.figures = view

    def finish(self) -> None:
        """Close this window because the main window has taken its place (once)."""
        if self._finishing:
            return
        self._finishing = True
        self.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._finishing:
            self.cancelled = True
        super().closeEvent(event)


class _PaintWatcher(QObject):
    """Quit *loop* once *widget* or a widget inside it has been painted and that paint pass is
    over."""

    def __init__(self, widget: QWidget, loop: QEventLoop) -> None:
        super().__init__()
        self._widget = widget
        self._loop = loop
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and (watched is self._widget or self._widget.isAncestorOf(watched))
        ):
            self.painted = True
            QTimer.singleShot(0, self._loop.quit)
        return False


def wait_for_first_paint(widget: QWidget, timeout_ms: int = FIRST_PAINT_TIMEOUT_MS) -> bool:
    """Run the event loop until *widget* (shown: a window, or a widget in one) has been painted
    once; False on the timeout."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    loop = QEventLoop()
    watcher = _PaintWatcher(widget, loop)
    app.installEventFilter(watcher)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    try:
        guard.start(timeout_ms)
        loop.exec()
    finally:
        guard.stop()
        app.removeEventFilter(watcher)
    return watcher.painted


def off_gui_thread(job: Callable[[], T], poll_ms: int = 5) -> T:
    """Run *job* on a helper thread while the GUI thread keeps handling events; its result.

    For the blocking steps of the start (imports, opening and checking the database, the start
    backup): the windows stay painted and movable meanwhile.  The job must not touch widgets.
    Its exception is raised here, on the calling thread.  Returns only when the job is done,
    even if the application is asked to quit meanwhile (the job may hold the database).
    """
    outcome: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(job())
        except BaseException as exc:  # handed to the calling thread below
            failure.append(exc)

    thread = threading.Thread(target=target, name="studyplanner-start", daemon=True)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(poll_ms)
    poll.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    thread.start()
    poll.start()
    while thread.is_alive():
        loop.exec()  # returns early if the application quits: then keep waiting for the job
        if thread.is_alive():
            thread.join(poll_ms / 1000)
    poll.stop()
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]


@contextlib.contextmanager
def _without_pyside_source_scan() -> Iterator[None]:
    """Keep PySide6's import hook from reading the source of the modules imported meanwhile.

    Once PySide6 is imported, its ``__feature__`` import hook reads the source of every newly
    imported module (``inspect.getsource``, to see whether the module uses PySide6 at all) and
    ``linecache`` keeps it: for SQLAlchemy, SQLModel, NumPy and the store that is some 360 files
    and 27 MB of peak memory, plus 70 ms (measured, PySide6 6.11).  The store and the services
    never import Qt (import-linter), so the hook is told meanwhile that no module uses PySide6;
    such modules are then left alone by the ``__feature__`` machinery, which this app does not use.
    Without the hook's module (another PySide6 version) this does nothing.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        yield
        return
    feature._mod_uses_pyside = lambda _module: False  # type: ignore[attr-defined]
    try:
        yield
    finally:
        feature._mod_uses_pyside = original  # type: ignore[attr-defined]


def import_heavy_modules() -> None:
    """Import the store and the services (SQLAlchemy, SQLModel, NumPy): no Qt, thread-safe."""
    with _without_pyside_source_scan():
        import studyplanner.services
        import studyplanner.store.db  # noqa: F401


def show_start_window(settings_path: Path | None) -> StartWindow:
    """The QApplication and the start window, shown and painted once."""
    app = theme.follow_color_scheme(application())  # the palette that the main window will have
    window = StartWindow(settings_path)
    bench_marks.install_first_paint(app, window)
    window.show()
    wait_for_first_paint(window)
    return window


def show_saved_figures(window: StartWindow, db_path: Path) -> bool:
    """Show the figures saved at the last clean close of *db_path* in *window*, if they are
    still the database's figures for today (``store/figures_cache.py`` says when); True if shown.

    Runs after the first paint and before the store and the services are imported: it needs only
    the domain's value classes and the Overview with its charts.  The main window later shows its
    own report from the database in their place.  Any failure here only means that the figures
    wait for the database.
    """
    try:
        with _without_pyside_source_scan():
            import datetime as dt
            from zoneinfo import ZoneInfo

            from studyplanner import clock
            from studyplanner.store import figures_cache

            zone = clock.local_zone_name()
            as_of = clock.report_as_of(dt.datetime.now(dt.UTC), ZoneInfo(zone))
            source = figures_cache.cache_file(paths.cache_dir(), db_path)
            saved = figures_cache.load(source, db_path, as_of=as_of, zone=zone)
            if saved is None or window.cancelled:
                return False
            from studyplanner.ui.views.overview import OverviewView

        view = OverviewView()
        view.setObjectName("saved_figures")
        try:
            view.set_earned_history(saved.earned)
            view.set_report(saved.report)
        except BaseException:
            view.deleteLater()
            raise
    except Exception:
        log.exception("could not show the saved figures")
        return False
    window.show_figures(view)
    wait_for_first_paint(view)
    bench_marks.mark_figures()
    return True
