"""The main window: sidebar + pages, menus and shortcuts, the status bar, the report recompute."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDate,
    QSettings,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyplanner import paths
from studyplanner.domain.records import ModuleInfo, TimerInfo
from studyplanner.services import (
    NoPlanError,
    NotesError,
    Report,
    StudyPlanner,
    ValidationError,
    bundled_notes_path,
)
from studyplanner.store.errors import StoreError
from studyplanner.ui.base import ReportView
from studyplanner.ui.startup import PAGE_TITLES, page_text
from studyplanner.ui.views.log_view import LogView
from studyplanner.ui.views.mocks_view import MocksView
from studyplanner.ui.views.overview import (
    OverviewData,
    OverviewView,
    format_p_pass,
    next_module,
    prepare_overview,
)
from studyplanner.ui.views.plan_view import PlanView
from studyplanner.ui.views.readiness_view import ReadinessView
from studyplanner.ui.views.settings_view import SettingsView
from studyplanner.ui.workers import Worker, app_pool

WINDOW_TITLE = "StudyPlanner"
SETTINGS_FILE = "window.ini"


@dataclasses.dataclass(frozen=True, slots=True)
class Page:
    key: str
    title: str
    factory: Callable[[StudyPlanner, QUndoStack, QWidget | None], ReportView]
    description: str


def _overview(_planner: StudyPlanner, _undo: QUndoStack, parent: QWidget | None) -> ReportView:
    return OverviewView(parent)  # it only shows the report


_FACTORIES: dict[str, Callable[[StudyPlanner, QUndoStack, QWidget | None], ReportView]] = {
    "overview": _overview,
    "plan": PlanView,
    "log": LogView,
    "mocks": MocksView,
    "readiness": ReadinessView,
    "settings": SettingsView,
}
# The titles live in ui/startup.py, which the start window shows before this module is imported.
PAGES: tuple[Page, ...] = tuple(
    Page(key, title, _FACTORIES[key], description)
    for key, (title, description) in PAGE_TITLES.items()
)


class PageViews:
    """The window's pages by key, each built when it is first asked for (issue #7 (a)).

    ``views[key]`` and ``views.get(key)`` build the page if needed; ``values()`` and ``items()``
    are the pages built so far (a page built later is given the current report then), so that
    handing a report to "every view" does not build the pages nobody has opened.  *catch_up* is
    called with every built page that is asked for (``views[key]``, ``views.get(key)``): the
    window hands it the report it skipped while the page was hidden (issue #7 (d)).
    """

    def __init__(
        self,
        build: Callable[[str], ReportView],
        catch_up: Callable[[str, ReportView], None] | None = None,
    ) -> None:
        self._build = build
        self._catch_up = catch_up
        self._built: dict[str, ReportView] = {}

    def __getitem__(self, key: str) -> ReportView:
        view = self._built.get(key)
        if view is None:
            if key not in _FACTORIES:
                raise KeyError(key)
            view = self._built[key] = self._build(key)
        elif self._catch_up is not None:
            self._catch_up(key, view)
        return view

    def get(self, key: str) -> ReportView | None:
        return self[key] if key in _FACTORIES else None

    def __contains__(self, key: object) -> bool:
        return key in _FACTORIES

    def __iter__(self) -> Iterator[str]:
        return iter(_FACTORIES)

    def __len__(self) -> int:
        return len(_FACTORIES)

    def keys(self) -> list[str]:
        return list(_FACTORIES)

    def values(self) -> list[ReportView]:
        return list(self._built.values())

    def items(self) -> list[tuple[str, ReportView]]:
        return list(self._built.items())

    def is_built(self, key: str) -> bool:
        return key in self._built


@dataclasses.dataclass(frozen=True, slots=True)
class Snapshot:
    """What one recompute produces off the GUI thread.

    ``earned`` is the earned value (hours) at each plan-week boundary up to the as-of date, for
    the burn-up chart; the report itself has only today's value.  ``overview`` is the Overview's
    chart data, prepared off the GUI thread too (None without a plan).
    """

    report: Report | None
    timer: TimerInfo | None
    earned: tuple[tuple[dt.date, float], ...]
    overview: OverviewData | None = None


def compute_snapshot(planner: StudyPlanner, as_of: dt.date | None = None) -> Snapshot:
    """The report, the running timer, the weekly earned-value history (one read of the log:
    ``report_with_history``) and the Overview's chart data; a pure read, run on the worker."""
    timer = planner.timer()
    try:
        report, earned = planner.report_with_history(as_of)
    except NoPlanError:
        return Snapshot(None, timer, ())
    return Snapshot(report, timer, earned, prepare_overview(report, earned))


def format_elapsed(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def timer_text(timer: TimerInfo | None, now: dt.datetime) -> str:
    """The status bar's timer text (the module name is user text: show it as plain text)."""
    if timer is None:
        return QCoreApplication.translate("MainWindow", "No timer running")
    if timer.is_paused:
        text = QCoreApplication.translate("MainWindow", "Timer: {0} {1} (paused)")
    else:
        text = QCoreApplication.translate("MainWindow", "Timer: {0} {1}")
    return text.format(timer.module_name, format_elapsed(timer.elapsed_seconds(now)))


def week_text(report: Report | None, today: dt.date) -> str:
    """This plan week's hours against the hours needed per week from now."""
    if report is None:
        return QCoreApplication.translate("MainWindow", "No plan yet")
    start = report.plan.start
    if today < start:
        return QCoreApplication.translate("MainWindow", "Plan starts {0}").format(start.isoformat())
    week = (today - start).days // 7
    week_start = start + dt.timedelta(days=7 * week)
    minutes = sum(m for d, m in report.daily_minutes.items() if week_start <= d <= today)
    needed = report.schedule.required_hours_per_week
    if needed is None:
        return QCoreApplication.translate(
            "MainWindow", "Week {0}: {1:.1f} h studied, nothing more needed"
        ).format(week + 1, minutes / 60)
    return QCoreApplication.translate(
        "MainWindow", "Week {0}: {1:.1f} h of {2:.1f} h needed"
    ).format(week + 1, minutes / 60, needed)


def p_pass_text(report: Report | None) -> str:
    if report is None:
        return QCoreApplication.translate("MainWindow", "P(pass): no plan")
    return QCoreApplication.translate("MainWindow", "P(pass) on exam day: {0}").format(
        format_p_pass(report.readiness_exam_day.p_pass)
    )


class NewPlanDialog(QDialog):
    """First run (and File → New plan): the bundled AWS plan from a chosen start date, or empty.

    The plan is created when the user presses *Create plan*; a validation error is shown and the
    dialog stays open with the values kept.
    """

    def __init__(self, planner: StudyPlanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planner = planner
        self.setWindowTitle(self.tr("New study plan"))
        self.setAccessibleName(self.tr("New study plan"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Start from the bundled AWS Certified Developer – Associate plan (10 weeks of"
                " video modules, a project and practice papers), or from an empty plan."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.bundled_radio = QRadioButton(self.tr("&Bundled AWS Developer Associate plan"))
        self.bundled_radio.setAccessibleName(self.tr("Bundled AWS Developer Associate plan"))
        self.empty_radio = QRadioButton(self.tr("&Empty plan"))
        self.empty_radio.setAccessibleName(self.tr("Empty plan"))
        self.bundled_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.bundled_radio)
        group.addButton(self.empty_radio)
        layout.addWidget(self.bundled_radio)
        layout.addWidget(self.empty_radio)

        form = QFormLayout()
        today = planner.today()
        self.start_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.setAccessibleName(self.tr("Start date"))
        form.addRow(self.tr("&Start date:"), self.start_edit)
        exam = today + dt.timedelta(weeks=10)
        self.exam_edit = QDateEdit(QDate(exam.year, exam.month, exam.day))
        self.exam_edit.setCalendarPopup(True)
        self.exam_edit.setDisplayFormat("yyyy-MM-dd")
        self.exam_edit.setAccessibleName(self.tr("Exam date"))
        self.exam_edit.setToolTip(
            self.tr("For the bundled plan: leave as is for the day after the plan")
        )
        form.addRow(self.tr("E&xam date:"), self.exam_edit)
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(self.tr("Exam profile"))
        for profile in planner.profiles():
            self.profile_combo.addItem(profile.title, profile.name)
        found = self.profile_combo.findData("DVA-C02")
        self.profile_combo.setCurrentIndex(max(found, 0))
        form.addRow(self.tr("Exam &profile:"), self.profile_combo)
        self.name_edit = QLineEdit(self.tr("My study plan"))
        self.name_edit.setAccessibleName(self.tr("Plan name"))
        form.addRow(self.tr("Plan &name:"), self.name_edit)
        layout.addLayout(form)
        self.error_label = QLabel("")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Error"))
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create plan"))
        ok.setAccessibleName(self.tr("Create plan"))
        buttons.accepted.connect(self.create_plan)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.bundled_radio.toggled.connect(self._update_enabled)
        self._exam_touched = False
        self.exam_edit.dateChanged.connect(self._on_exam_changed)
        self._update_enabled()

    def _on_exam_changed(self) -> None:
        self._exam_touched = True

    def _update_enabled(self) -> None:
        self.name_edit.setEnabled(self.empty_radio.isChecked())

    def create_plan(self) -> None:
        """Create the chosen plan through the services; close the dialog when it worked."""
        start = self.start_edit.date().toPython()
        exam = self.exam_edit.date().toPython()
        profile = str(self.profile_combo.currentData())
        assert isinstance(start, dt.date) and isinstance(exam, dt.date)
        try:
            if self.bundled_radio.isChecked():
                self.planner.import_notes_file(
                    bundled_notes_path(),
                    start=start,
                    exam=exam if self._exam_touched else None,
                    profile=profile,
                )
            else:
                self.planner.create_empty_plan(self.name_edit.text(), start, exam, profile)
        except (ValidationError, NotesError, StoreError) as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: every action of the window with its shortcut."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        rows = [
            (a.text().replace("&", ""), a.shortcut()) for a in actions if not a.shortcut().isEmpty()
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (text, key) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(
                row, 1, QTableWidgetItem(key.toString(QKeySequence.SequenceFormat.NativeText))
            )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 420)


class MainWindow(QMainWindow):
    """Sidebar + stacked pages over one :class:`StudyPlanner`.

    After every view's ``data_changed`` (and undo/redo, F5, timer changes) the window recomputes
    the report on its worker pool and hands it to the Overview's and the shown page's
    ``set_report`` (the other pages get it when they are next shown: :meth:`apply_snapshot`).
    """

    report_ready = Signal(object)  # Report | None: the Overview and the page on show have it
    report_failed = Signal(str)  # the traceback of a failed recompute

    def __init__(
        self,
        planner: StudyPlanner,
        *,
        settings: QSettings | None = None,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.planner = planner
        self.undo_stack = QUndoStack(self)
        self._pool = pool or app_pool()
        if settings is None:
            folder = paths.config_dir()
            folder.mkdir(parents=True, exist_ok=True)
            settings = QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)
        self._settings = settings
        self.report: Report | None = None
        self.timer_info: TimerInfo | None = None
        self._running: Worker | None = None
        self._last_worker: Worker | None = None  # kept until the pool thread is surely done
        self._pending = False
        self._closing = False
        self.setWindowTitle(WINDOW_TITLE)
        self.setObjectName("MainWindow")
        self.setAccessibleName(self.tr("StudyPlanner main window"))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Pages"))
        self.sidebar.setAccessibleDescription(
            self.tr("Choose a page; Ctrl+1 to Ctrl+6 switch directly")
        )
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Page"))
        self._snapshot: Snapshot | None = None  # the last one applied
        self._stale: set[str] = set()  # built pages that skipped the last report while hidden
        self.views = PageViews(self._build_page, self._catch_up)
        for index, page in enumerate(PAGES, start=1):
            placeholder = QWidget()
            placeholder.setObjectName(f"{page.key}_placeholder")
            placeholder.setAccessibleName(page_text(page.title))
            self.stack.addWidget(placeholder)  # replaced by the page when it is first shown
            title = page_text(page.title)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, page_text(page.description))
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(page_text(page.description), index))
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 16))
            self.sidebar.addItem(item)
        font = self.sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.sidebar.setFont(font)
        self.sidebar.setFixedWidth(max(150, self.sidebar.sizeHintForColumn(0) + 40))
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.currentRowChanged.connect(self._on_page_chosen)
        # The Overview takes every report (and its chart data, apply_snapshot): built now, before
        # the first report; the other pages when they are first shown.
        self.views.get("overview")
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        row.addWidget(line)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self.actions_by_name: dict[str, QAction] = {}
        self._build_menus()
        self.undo_stack.indexChanged.connect(self.request_report)

        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self._update_timer_label)

        self._restore_state()
        self.timer_info = self._read_timer()
        self._update_timer_label()
        self.request_report()

    # -- public API (tests and the views rely on it) -------------------------------------------

    @property
    def overview_view(self) -> OverviewView:
        view = self.views["overview"]
        assert isinstance(view, OverviewView)
        return view

    @property
    def readiness_view(self) -> ReadinessView:
        view = self.views["readiness"]
        assert isinstance(view, ReadinessView)
        return view

    @property
    def log_view(self) -> ReportView:
        return self.views["log"]

    @property
    def mocks_view(self) -> ReportView:
        return self.views["mocks"]

    def page_keys(self) -> list[str]:
        return [p.key for p in PAGES]

    def _on_page_chosen(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.views.get(PAGES[row].key)  # built, or given the latest report, before shown
        self.stack.setCurrentIndex(row)

    def _build_page(self, key: str) -> ReportView:
        """Build the page *key* in the place of its placeholder and give it the current report."""
        index = self.page_keys().index(key)
        page = PAGES[index]
        view = page.factory(self.planner, self.undo_stack, None)
        view.setObjectName(f"{page.key}_view")
        view.setAccessibleName(page_text(page.title))
        view.data_changed.connect(self.request_report)
        view.status_message.connect(self._show_status_message)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex() == index
        self.stack.insertWidget(index, view)
        if current:
            self.stack.setCurrentIndex(index)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if self.report is not None:
            view.set_report(self.report)
        return view

    def current_page(self) -> str:
        return PAGES[max(0, self.stack.currentIndex())].key

    def show_page(self, key: str) -> ReportView:
        """Switch to the page *key* (``overview``, ``plan``, ``log``, ``mocks``, ...)."""
        index = self.page_keys().index(key)
        self.sidebar.setCurrentRow(index)
        return self.views[key]

    def quick_log(self) -> QDialog | None:
        """Ctrl+L: the Log page, with its quick-log dialog if the page has one (returned)."""
        return self._open_page_dialog("log", "open_quick_log")

    def add_mock(self) -> QDialog | None:
        """Ctrl+M: the Mock tests page, with its add dialog if the page has one (returned)."""
        return self._open_page_dialog("mocks", "open_add_mock")

    def _open_page_dialog(self, key: str, method: str) -> QDialog | None:
        view = self.show_page(key)
        opener = getattr(view, method, None)
        if not callable(opener):
            return None
        dialog = opener()
        return dialog if isinstance(dialog, QDialog) else None

    def toggle_timer(self) -> None:
        """Ctrl+Space: stop the running timer (logging it), or start one on the next module."""
        try:
            if self._read_timer() is not None:
                session = self.planner.stop_timer()
                if session is None:
                    self._show_status_message(
                        self.tr("Timer stopped under a minute: nothing logged")
                    )
                else:
                    self._show_status_message(
                        self.tr("Logged {0} min on {1}").format(
                            session.minutes, session.module_name
                        )
                    )
            else:
                module = self._timer_target()
                if module is None:
                    self._show_status_message(
                        self.tr("No plan yet: create one first (File → New plan)")
                    )
                    return
                self.planner.start_timer(module.id)
                self._show_status_message(self.tr("Timer started on {0}").format(module.name))
        except ValidationError as exc:
            self._show_status_message(str(exc))
        except StoreError as exc:
            self._show_store_error(exc)
        self.timer_info = self._read_timer()
        self._update_timer_label()
        self.request_report()

    def new_plan(self) -> bool:
        """File → New plan: the first-run dialog; True if a plan was created."""
        dialog = NewPlanDialog(self.planner, self)
        created = dialog.exec() == QDialog.DialogCode.Accepted
        if created:
            self.undo_stack.clear()
            self.request_report()
        return created

    def request_report(self) -> None:
        """Recompute the report off the GUI thread; calls arriving meanwhile coalesce into one."""
        if self._closing:
            return
        if self._running is not None:
            self._pending = True
            return
        planner = self.planner
        worker = Worker(lambda: compute_snapshot(planner))
        worker.signals.finished.connect(self._on_snapshot)
        worker.signals.failed.connect(self._on_report_failed)
        self._running = worker
        self.busy.show()
        self._pool.start(worker)

    def is_busy(self) -> bool:
        return self._running is not None or self._pending

    def shortcut_actions(self) -> list[QAction]:
        return list(self.actions_by_name.values())

    # -- building ------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setAccessibleName(self.tr("Status bar"))
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer_label")
        self.timer_label.setAccessibleName(self.tr("Running timer"))
        self.week_label = QLabel()
        self.week_label.setObjectName("week_label")
        self.week_label.setAccessibleName(self.tr("This week's hours"))
        self.p_pass_label = QLabel()
        self.p_pass_label.setObjectName("p_pass_label")
        self.p_pass_label.setAccessibleName(self.tr("Probability of passing"))
        for label in (self.timer_label, self.week_label, self.p_pass_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setContentsMargins(8, 0, 8, 0)
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setAccessibleName(self.tr("Recomputing the report"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.timer_label)
        bar.addPermanentWidget(self.week_label)
        bar.addPermanentWidget(self.p_pass_label)
        self.week_label.setText(week_text(None, self.planner.today()))
        self.p_pass_label.setText(p_pass_text(None))

    def _action(
        self,
        name: str,
        text: str,
        tip: str,
        slot: Callable[[], object],
        shortcuts: list[QKeySequence] | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setWhatsThis(tip)
        if shortcuts:
            keys = [k for k in shortcuts if not k.isEmpty()]
            unique = list(dict.fromkeys(keys, None))
            action.setShortcuts(unique)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        menu_bar.setAccessibleName(self.tr("Menu bar"))
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(
                "new_plan",
                self.tr("&New plan…"),
                self.tr("Create a plan from the bundled AWS plan or an empty one"),
                self.new_plan,
                [QKeySequence(QKeySequence.StandardKey.New), QKeySequence("Ctrl+N")],
            )
        )
        from studyplanner.ui import exchange_menu

        exchange_menu.install(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                "quit",
                self.tr("&Quit"),
                self.tr("Close StudyPlanner"),
                self.close,
                [QKeySequence(QKeySequence.StandardKey.Quit), QKeySequence("Ctrl+Q")],
            )
        )

        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setObjectName("undo")
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.setToolTip(self.tr("Undo the last change"))
        undo.setStatusTip(self.tr("Undo the last change"))
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setObjectName("redo")
        redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        redo.setToolTip(self.tr("Redo the change that was undone"))
        redo.setStatusTip(self.tr("Redo the change that was undone"))
        for action in (undo, redo):
            self.addAction(action)
            self.actions_by_name[action.objectName()] = action
            edit_menu.addAction(action)

        view_menu = menu_bar.addMenu(self.tr("&View"))
        for index, page in enumerate(PAGES, start=1):
            view_menu.addAction(
                self._action(
                    f"page_{page.key}",
                    f"&{index} {page_text(page.title)}",
                    self.tr("Show the {0} page").format(page_text(page.title)),
                    functools.partial(self.show_page, page.key),
                    [QKeySequence(f"Ctrl+{index}")],
                )
            )
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(
                "refresh",
                self.tr("&Refresh"),
                self.tr("Recompute the report"),
                self.request_report,
                [QKeySequence(QKeySequence.StandardKey.Refresh), QKeySequence("F5")],
            )
        )

        study_menu = menu_bar.addMenu(self.tr("&Study"))
        study_menu.addAction(
            self._action(
                "toggle_timer",
                self.tr("Start or stop the &timer"),
                self.tr("Start the timer on the next module, or stop the running timer and log it"),
                self.toggle_timer,
                [QKeySequence("Ctrl+Space")],
            )
        )
        study_menu.addAction(
            self._action(
                "quick_log",
                self.tr("Quick &log…"),
                self.tr("Log study time after the fact"),
                self.quick_log,
                [QKeySequence("Ctrl+L")],
            )
        )
        study_menu.addAction(
            self._action(
                "add_mock",
                self.tr("Add &mock test…"),
                self.tr("Log a practice exam or topic quiz"),
                self.add_mock,
                [QKeySequence("Ctrl+M")],
            )
        )

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                "shortcuts",
                self.tr("&Keyboard shortcuts"),
                self.tr("List every keyboard shortcut"),
                self.show_shortcuts,
                [QKeySequence(QKeySequence.StandardKey.HelpContents), QKeySequence("F1")],
            )
        )
        help_menu.addAction(
            self._action(
                "about",
                self.tr("&About StudyPlanner"),
                self.tr("Version and licence"),
                self._about,
            )
        )

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.shortcut_actions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _about(self) -> None:
        from studyplanner import __version__

        QMessageBox.about(
            self,
            self.tr("About StudyPlanner"),
            self.tr(
                "StudyPlanner {0}\n\nPlan, log and forecast your certification exam preparation."
            ).format(__version__),
        )

    # -- report --------------------------------------------------------------------------------

    def _on_snapshot(self, snapshot: object) -> None:
        self._last_worker, self._running = self._running, None
        assert isinstance(snapshot, Snapshot)
        if not self._closing:
            self.apply_snapshot(snapshot)
        self._after_run()

    def apply_snapshot(self, snapshot: Snapshot) -> None:
        """Hand the report to the Overview and the page on show; update the status bar.

        The other pages built so far only note that they missed it: a page is handed the latest
        report when it is next asked for (shown, or ``views[key]``), so that a hidden Log or Mock
        tests page does not reload from the database on the GUI thread after every report.  The
        Overview, the window's headline, takes every report (hidden, it is not repainted).
        """
        self.report = snapshot.report
        self.timer_info = snapshot.timer
        self._snapshot = snapshot
        current = self.current_page()
        for key, view in self.views.items():
            if key in (current, "overview"):
                self._stale.discard(key)
                self._give_report(key, view)
            else:
                self._stale.add(key)
        self._update_status(snapshot.report)
        self.report_ready.emit(snapshot.report)

    def _give_report(self, key: str, view: ReportView) -> None:
        snapshot = self._snapshot
        if key == "overview" and isinstance(view, OverviewView) and snapshot is not None:
            view.set_earned_history(snapshot.earned)
            view.set_overview_data(snapshot.overview)
        view.set_report(self.report)

    def _catch_up(self, key: str, view: ReportView) -> None:
        """Hand *view* the report it skipped while hidden (see :meth:`apply_snapshot`)."""
        if key in self._stale:
            self._stale.discard(key)
            self._give_report(key, view)

    def _on_report_failed(self, text: str) -> None:
        self._last_worker, self._running = self._running, None
        last = text.strip().splitlines()[-1] if text.strip() else self.tr("unknown error")
        sys.stderr.write(text)
        if not self._closing:
            self._show_status_message(self.tr("Could not compute the report: {0}").format(last))
            self.report_failed.emit(text)
        self._after_run()

    def _after_run(self) -> None:
        if self._pending and not self._closing:
            self._pending = False
            self.request_report()
        elif self._running is None:
            self.busy.hide()

    def _update_status(self, report: Report | None) -> None:
        self.week_label.setText(week_text(report, self.planner.today()))
        self.p_pass_label.setText(p_pass_text(report))
        if report is not None:
            p = report.readiness_exam_day
            self.p_pass_label.setToolTip(
                self.tr(
                    "Probability of passing on exam day ({0}) if you stopped studying now;"
                    " expected score {1:.0f} %"
                ).format(report.plan.exam.isoformat(), 100 * p.expected_score)
            )
        self._update_timer_label()

    def _update_timer_label(self) -> None:
        """Show the timer; tick each second only while one runs (nothing to do otherwise)."""
        text = timer_text(self.timer_info, self.planner.now())
        if text != self.timer_label.text():
            self.timer_label.setText(text)
        running = self.timer_info is not None and not self.timer_info.is_paused
        if running and not self._closing and not self.tick_timer.isActive():
            self.tick_timer.start()
        elif not running and self.tick_timer.isActive():
            self.tick_timer.stop()

    def _read_timer(self) -> TimerInfo | None:
        try:
            return self.planner.timer()
        except StoreError as exc:
            self._show_status_message(str(exc))
            return None

    def _timer_target(self) -> ModuleInfo | None:
        """The module a new timer runs on: the next module to study, else the first one."""
        try:
            modules = self.planner.modules()
        except NoPlanError:
            return None
        if not modules:
            return None
        if self.report is not None:
            found = next_module(self.report)
            if found is not None:
                for module in modules:
                    if module.position == found[0].module.position:
                        return module
        return modules[0]

    def _show_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _show_store_error(self, exc: StoreError) -> None:
        from studyplanner.ui.safety import show_storage_fault

        show_storage_fault(self, exc)

    # -- state ---------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        page = self._settings.value("window/page", PAGES[0].key)
        keys = self.page_keys()
        self.sidebar.setCurrentRow(keys.index(page) if page in keys else 0)

    def save_state(self) -> None:
        """Write the window's settings atomically: the old whole file or the new one (B5)."""
        from studyplanner.ui.safety import write_settings_atomically

        write_settings_atomically(
            self._settings,
            {
                "window/geometry": self.saveGeometry(),
                "window/state": self.saveState(),
                "window/page": self.current_page(),
            },
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self.tick_timer.stop()
        self.save_state()
        self._pool.waitForDone()
        super().closeEvent(event)


def settings_at(path: Path) -> QSettings:
    """A QSettings ini file at *path* (tests, the demo)."""
    return QSettings(str(path), QSettings.Format.IniFormat)
