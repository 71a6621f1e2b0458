"""The Log page: a study timer, the video position of a module, and the table of study sessions.

The timer lives in the database (a crash or a restart does not lose it), so the page shows whatever
timer is stored, including one started before the app opened.  Logging, editing and deleting
sessions go through undo commands (``ui/log_commands.py``); starting, pausing and resuming the timer
are not undoable, and discarding it asks first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.durations import DurationError, format_hms, parse_position
from studyplanner.domain.records import ModuleInfo, SessionInfo, TimerInfo
from studyplanner.services import Report, StudyPlanner, ValidationError
from studyplanner.ui.base import View
from studyplanner.ui.dialogs.session_dialog import SessionDialog, SessionValues
from studyplanner.ui.log_commands import (
    AddSessionCommand,
    DeleteSessionCommand,
    EditSessionCommand,
)
from studyplanner.ui.models.records_model import select_record, selected_record
from studyplanner.ui.models.sessions_model import (
    Column,
    Period,
    SessionsTableModel,
    SortRole,
    local_start,
    period_range,
)
from studyplanner.ui.widgets.fields import ErrorLabel, plain_label

TICK_MS = 250


def format_elapsed(seconds: int) -> str:
    """``hh:mm:ss`` for the big timer display (hours keep counting past 99)."""
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def format_total(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours:
        return QCoreApplication.translate("LogView", "{0} h {1:02d} min").format(hours, rest)
    return QCoreApplication.translate("LogView", "{0} min").format(rest)


def first_incomplete(report: Report) -> ModuleInfo | None:
    """The first module of the plan that is not complete yet (else the last module)."""
    for item in report.modules:
        if item.status.pct_complete < 1.0:
            return item.module
    return report.modules[-1].module if report.modules else None


class LogView(View):
    """Timer panel on top, sessions below; ``open_quick_log()`` is the window's Ctrl+L."""

    timer_changed = Signal()  # the stored timer was started, paused, resumed, stopped or discarded

    def __init__(
        self, planner: StudyPlanner, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(planner, undo_stack, parent)
        self.report: Report | None = None
        self.timer_info: TimerInfo | None = None
        self._modules: list[ModuleInfo] = []
        self._percent: dict[int, float] = {}
        self.dialog: QDialog | None = None  # the last dialog opened by the page

        self.no_plan_label = plain_label(self.tr("No plan yet: create or import one first."))
        self.no_plan_label.setAccessibleName(self.tr("No plan"))
        self.content = QWidget()
        self.content.setAccessibleName(self.tr("Log"))
        outer = QVBoxLayout(self)
        outer.addWidget(self.no_plan_label)
        outer.addWidget(self.content)

        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_timer_panel())
        layout.addWidget(self._build_sessions_panel(), 1)

        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.update_elapsed)

        self.set_report(None)
        self.reload_timer()

    # -- construction --------------------------------------------------------------------------

    def _build_timer_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Timer"))
        box.setAccessibleName(self.tr("Timer"))

        self.module_combo = QComboBox()
        self.module_combo.setAccessibleName(self.tr("Timer module"))
        self.module_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.module_combo.currentIndexChanged.connect(self._on_module_changed)
        module_label = QLabel(self.tr("&Module:"))
        module_label.setBuddy(self.module_combo)

        self.elapsed_label = QLabel(format_elapsed(0))
        self.elapsed_label.setAccessibleName(self.tr("Elapsed time"))
        self.elapsed_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.elapsed_label.font())
        font.setPointSizeF(font.pointSizeF() * 3)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.elapsed_label.setFont(font)
        self.elapsed_label.setMinimumWidth(
            self.elapsed_label.fontMetrics().horizontalAdvance("000:00:00") + 16
        )
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.timer_status = plain_label(self.tr("No timer running"))
        self.timer_status.setAccessibleName(self.tr("Timer status"))
        self.timer_status.setWordWrap(True)

        self.timer_note = QLineEdit()
        self.timer_note.setAccessibleName(self.tr("Timer session note"))
        self.timer_note.setPlaceholderText(self.tr("Note for the session when you stop (optional)"))
        self.timer_note.setMaxLength(10_000)

        def button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
            widget = QPushButton(text)
            widget.setAccessibleName(name)
            widget.clicked.connect(slot)
            return widget

        self.start_button = button(self.tr("&Start"), self.tr("Start timer"), self.start_timer)
        self.pause_button = button(self.tr("&Pause"), self.tr("Pause timer"), self.pause_timer)
        self.resume_button = button(self.tr("&Resume"), self.tr("Resume timer"), self.resume_timer)
        self.stop_button = button(
            self.tr("S&top and log"), self.tr("Stop timer and log the session"), self.stop_timer
        )
        self.discard_button = button(
            self.tr("&Discard"), self.tr("Discard timer"), self.discard_timer
        )
        self.start_button.setDefault(False)
        self.timer_error = ErrorLabel(self.tr("Timer"))

        self.position_edit = QLineEdit()
        self.position_edit.setAccessibleName(self.tr("Video position"))
        self.position_edit.setPlaceholderText(self.tr("h:mm:ss"))
        self.position_edit.setMaxLength(12)
        self.position_edit.setMaximumWidth(110)
        self.position_edit.returnPressed.connect(self.record_position)
        position_label = QLabel(self.tr("Watched &to:"))
        position_label.setBuddy(self.position_edit)
        self.video_length_label = plain_label()
        self.video_length_label.setAccessibleName(self.tr("Video length and progress"))
        self.record_button = button(
            self.tr("Record &position"), self.tr("Record video position"), self.record_position
        )
        self.position_error = ErrorLabel(self.tr("Video position"))

        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.addWidget(module_label, 0, 0)
        grid.addWidget(self.module_combo, 0, 1)
        grid.addWidget(self.timer_status, 1, 1)
        grid.addWidget(QLabel(self.tr("Note:")), 2, 0)
        grid.addWidget(self.timer_note, 2, 1)
        grid.addWidget(self.elapsed_label, 0, 2, 3, 1)
        buttons = QHBoxLayout()
        for widget in (
            self.start_button,
            self.pause_button,
            self.resume_button,
            self.stop_button,
            self.discard_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 1, 1, 2)
        grid.addWidget(self.timer_error, 4, 1, 1, 2)
        position = QHBoxLayout()
        position.addWidget(self.position_edit)
        position.addWidget(self.video_length_label)
        position.addWidget(self.record_button)
        position.addStretch(1)
        grid.addWidget(position_label, 5, 0)
        grid.addLayout(position, 5, 1, 1, 2)
        grid.addWidget(self.position_error, 6, 1, 1, 2)
        return box

    def _build_sessions_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Study sessions"))
        box.setAccessibleName(self.tr("Study sessions"))

        self.filter_module = QComboBox()
        self.filter_module.setAccessibleName(self.tr("Filter by module"))
        self.filter_module.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_module.currentIndexChanged.connect(self.reload_sessions)
        self.filter_period = QComboBox()
        self.filter_period.setAccessibleName(self.tr("Filter by period"))
        for period in Period:
            self.filter_period.addItem(period.label(), period)
        self.filter_period.setCurrentIndex(self.filter_period.findData(Period.LAST_30_DAYS))
        self.filter_period.currentIndexChanged.connect(self.reload_sessions)
        module_label = QLabel(self.tr("Mod&ule:"))
        module_label.setBuddy(self.filter_module)
        period_label = QLabel(self.tr("Peri&od:"))
        period_label.setBuddy(self.filter_period)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setAccessibleName(self.tr("Add session"))
        self.add_button.setToolTip(self.tr("Log study time after the fact (Ctrl+L)"))
        self.add_button.clicked.connect(self.open_quick_log)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit session"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setAccessibleName(self.tr("Delete session"))
        self.delete_button.setToolTip(
            self.tr("Delete the selected session (Del); undo brings it back")
        )
        self.delete_button.clicked.connect(self.delete_selected)

        self.summary_label = plain_label()
        self.summary_label.setAccessibleName(self.tr("Sessions summary"))
        self.sessions_error = ErrorLabel(self.tr("Sessions"))

        self.model = SessionsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Study sessions table"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.MODULE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(Column.MODULE, 300)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        edit_key = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        edit_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit_key.activated.connect(self.edit_selected)

        top = QHBoxLayout()
        top.addWidget(module_label)
        top.addWidget(self.filter_module)
        top.addWidget(period_label)
        top.addWidget(self.filter_period)
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.sessions_error)
        layout.addWidget(self.table, 1)
        return box

    # -- the report ----------------------------------------------------------------------------

    def set_report(self, report: Report | None) -> None:
        self.report = report
        self.no_plan_label.setVisible(report is None)
        self.content.setEnabled(report is not None)
        if report is None:
            self._modules = []
            self._percent = {}
        else:
            self._modules = [m.module for m in report.modules]
            self._percent = {m.module.id: 100.0 * m.status.pct_complete for m in report.modules}
        self._fill_module_combos(report)
        self.reload_timer()
        self.reload_sessions()

    def _fill_module_combos(self, report: Report | None) -> None:
        keep_timer = self.module_combo.currentData()
        keep_filter = self.filter_module.currentData()
        self.module_combo.blockSignals(True)
        self.filter_module.blockSignals(True)
        self.module_combo.clear()
        self.filter_module.clear()
        self.filter_module.addItem(self.tr("All modules"), None)
        for module in self._modules:
            text = f"{module.position}. {module.name}"
            self.module_combo.addItem(text, module.id)
            self.filter_module.addItem(text, module.id)
        if keep_timer is None and report is not None:
            default = first_incomplete(report)
            keep_timer = default.id if default is not None else None
        self.module_combo.setCurrentIndex(max(0, self.module_combo.findData(keep_timer)))
        self.filter_module.setCurrentIndex(max(0, self.filter_module.findData(keep_filter)))
        self.module_combo.blockSignals(False)
        self.filter_module.blockSignals(False)
        self._on_module_changed()

    def _module(self, module_id: object) -> ModuleInfo | None:
        for module in self._modules:
            if module.id == module_id:
                return module
        return None

    def selected_module(self) -> ModuleInfo | None:
        """The module the timer panel is about (the running timer's module while it runs)."""
        if self.timer_info is not None:
            return self._module(self.timer_info.module_id)
        return self._module(self.module_combo.currentData())

    # -- the timer -----------------------------------------------------------------------------

    def reload_timer(self) -> None:
        """Read the stored timer again and show it."""
        try:
            self.timer_info = self.planner.timer()
        except Exception as exc:  # a storage problem: say so, keep the page usable
            self.timer_info = None
            self.timer_error.show_error(str(exc))
        timer = self.timer_info
        if timer is not None:
            index = self.module_combo.findData(timer.module_id)
            if index >= 0:
                self.module_combo.blockSignals(True)
                self.module_combo.setCurrentIndex(index)
                self.module_combo.blockSignals(False)
        self._update_timer_controls()
        self.update_elapsed()
        if timer is not None and not timer.is_paused:
            self._ticker.start()
        else:
            self._ticker.stop()

    def update_elapsed(self) -> None:
        """Show the running time of the stored timer (called by the ticker)."""
        timer = self.timer_info
        seconds = 0 if timer is None else timer.elapsed_seconds(self.planner.now())
        self.elapsed_label.setText(format_elapsed(seconds))
        self.elapsed_label.setAccessibleDescription(
            self.tr("No timer running")
            if timer is None
            else self.tr("{0} elapsed").format(format_elapsed(seconds))
        )

    def _update_timer_controls(self) -> None:
        timer = self.timer_info
        has_plan = self.report is not None
        running = timer is not None
        paused = timer is not None and timer.is_paused
        self.module_combo.setEnabled(not running and has_plan)
        self.start_button.setEnabled(not running and has_plan and self.module_combo.count() > 0)
        self.pause_button.setEnabled(running and not paused)
        self.resume_button.setEnabled(paused)
        self.stop_button.setEnabled(running)
        self.discard_button.setEnabled(running)
        if timer is None:
            self.timer_status.setText(self.tr("No timer running"))
        else:
            since = timer.started_at.astimezone(self.planner.zone)
            state = self.tr("Paused") if paused else self.tr("Running")
            day = "" if since.date() == self.planner.today() else f"{since.date().isoformat()} "
            self.timer_status.setText(
                self.tr("{0} on {1} since {2}{3:%H:%M}").format(
                    state, timer.module_name, day, since
                )
            )
        self._on_module_changed()

    def _timer_action(self, action: Callable[[], object], done: str) -> None:
        self.timer_error.clear_error()
        try:
            action()
        except ValueError as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            self.timer_error.show_error(message)
        else:
            self.status_message.emit(done)
        self.reload_timer()
        self.timer_changed.emit()
        self.data_changed.emit()

    def start_timer(self) -> None:
        module = self._module(self.module_combo.currentData())
        if module is None or self.timer_info is not None:
            return
        self._timer_action(
            lambda: self.planner.start_timer(module.id),
            self.tr("Timer started on {0}").format(module.name),
        )

    def pause_timer(self) -> None:
        if self.timer_info is not None and not self.timer_info.is_paused:
            self._timer_action(self.planner.pause_timer, self.tr("Timer paused"))

    def resume_timer(self) -> None:
        if self.timer_info is not None and self.timer_info.is_paused:
            self._timer_action(self.planner.resume_timer, self.tr("Timer resumed"))

    def toggle_timer(self) -> None:
        """Start, pause or resume, whichever applies (for a keyboard shortcut)."""
        if self.timer_info is None:
            self.start_timer()
        elif self.timer_info.is_paused:
            self.resume_timer()
        else:
            self.pause_timer()

    def stop_timer(self) -> None:
        """Stop the timer and log its minutes as an undoable session."""
        if self.timer_info is None:
            return
        self.timer_error.clear_error()
        try:
            session = self.planner.stop_timer(note=self.timer_note.text())
        except ValueError as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            self.timer_error.show_error(message)
            self.reload_timer()
            return
        if session is None:
            self.status_message.emit(self.tr("Timer stopped under a minute: nothing logged"))
        else:
            self.timer_note.clear()
            self.undo_stack.push(
                AddSessionCommand(
                    self.planner,
                    session,
                    changed=self._on_sessions_changed,
                    failed=self._on_failed,
                    text=self.tr("Stop timer: {0} min on {1}").format(
                        session.minutes, session.module_name
                    ),
                )
            )
            self.status_message.emit(
                self.tr("Logged {0} min on {1}").format(session.minutes, session.module_name)
            )
        self.reload_timer()
        self.timer_changed.emit()
        self.data_changed.emit()

    def discard_timer(self) -> None:
        """Throw the running timer away without logging it (asks first: this cannot be undone)."""
        timer = self.timer_info
        if timer is None:
            return
        elapsed = format_elapsed(timer.elapsed_seconds(self.planner.now()))
        if not self.confirm(
            self.tr("Discard timer"),
            self.tr("Discard the timer on {0} ({1}) without logging it?").format(
                timer.module_name, elapsed
            ),
        ):
            return
        self._timer_action(self.planner.discard_timer, self.tr("Timer discarded"))

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (the text is plain: it can hold user text)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    # -- video position ------------------------------------------------------------------------

    def _on_module_changed(self) -> None:
        module = self.selected_module()
        video = module is not None and module.video_seconds is not None
        for widget in (self.position_edit, self.record_button):
            widget.setEnabled(video)
        if module is None:
            self.video_length_label.setText("")
        elif module.video_seconds is None:
            self.video_length_label.setText(self.tr("(not a video module)"))
        else:
            percent = self._percent.get(module.id, 0.0)
            self.video_length_label.setText(
                self.tr("of {0}  (now {1:.0f} % done)").format(
                    format_hms(module.video_seconds), percent
                )
            )
        self.position_error.clear_error()

    def record_position(self) -> None:
        """Record how far the selected video module has been watched."""
        module = self.selected_module()
        if module is None or module.video_seconds is None:
            return
        self.position_error.clear_error()
        try:
            seconds = parse_position(self.position_edit.text())
            self.planner.record_progress(module.id, position_seconds=seconds)
        except DurationError as exc:
            self.position_error.show_error(str(exc))
            return
        except ValidationError as exc:
            self.position_error.show_error(exc.message)
            return
        self.status_message.emit(
            self.tr("{0}: watched to {1} of {2}").format(
                module.name, format_hms(seconds), format_hms(module.video_seconds)
            )
        )
        self.data_changed.emit()

    # -- sessions ------------------------------------------------------------------------------

    def period(self) -> Period:
        data = self.filter_period.currentData()
        return data if isinstance(data, Period) else Period.ALL

    def reload_sessions(self) -> None:
        """Read the sessions matching the filters again, keeping the selected one selected."""
        if self.report is None:
            self.model.set_records([])
            self.summary_label.setText("")
            self._update_buttons()
            return
        keep = self.selected_session()
        since, until = period_range(self.period(), self.planner.today(), self.report.plan.start)
        module_id = self.filter_module.currentData()
        try:
            sessions = self.planner.sessions(
                module_id=module_id if isinstance(module_id, int) else None,
                since=since,
                until=until,
            )
        except ValueError as exc:
            self.sessions_error.show_error(str(exc))
            sessions = []
        self.model.set_records(sessions)
        count = len(sessions)
        total = format_total(self.model.total_minutes())
        self.summary_label.setText(self.tr("%n session(s), {0}", "", count).format(total))
        if keep is not None:
            self.select_session(keep.uuid)
        self._update_buttons()

    def selected_session(self) -> SessionInfo | None:
        return selected_record(self.table, self.proxy, self.model)

    def select_session(self, uuid: str) -> bool:
        return select_record(self.table, self.proxy, self.model, uuid)

    def _update_buttons(self) -> None:
        selected = self.selected_session() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.add_button.setEnabled(self.report is not None and bool(self._modules))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_selected()

    def _on_sessions_changed(self) -> None:
        self.sessions_error.clear_error()
        self.reload_sessions()
        self.data_changed.emit()

    def _on_failed(self, message: str) -> None:
        self.sessions_error.show_error(message)
        self.status_message.emit(message)

    def _dialog(
        self, submit: Callable[[SessionValues], None], session: SessionInfo | None = None
    ) -> SessionDialog:
        now = self.planner.now().astimezone(self.planner.zone)
        start = now - dt.timedelta(hours=1)
        if start.date() != now.date():
            start = now.replace(hour=0, minute=0)
        module = self.selected_module()
        return SessionDialog(
            self._modules,
            submit,
            default_date=now.date(),
            default_time=start.time(),
            zone_name=self.planner.zone_name,
            session=session,
            default_module_id=module.id if module is not None else None,
            parent=self,
        )

    def open_quick_log(self) -> SessionDialog | None:
        """Ask for a session done without the timer and log it (undoable). Ctrl+L."""
        if self.report is None or not self._modules:
            self.status_message.emit(self.tr("No plan yet: create or import one first"))
            return None
        dialog = self._dialog(self._add_session)
        self._run_dialog(dialog)
        return dialog

    def _add_session(self, values: SessionValues) -> None:
        session = self.planner.log_session(
            values.module_id, values.minutes, on=values.on, at=values.at, note=values.note
        )
        self.undo_stack.push(
            AddSessionCommand(
                self.planner, session, changed=self._on_sessions_changed, failed=self._on_failed
            )
        )
        self.status_message.emit(
            self.tr("Logged {0} min on {1}").format(session.minutes, session.module_name)
        )
        self.select_session(session.uuid)

    def edit_selected(self) -> SessionDialog | None:
        """Edit the selected session in a dialog (undoable)."""
        before = self.selected_session()
        if before is None:
            return None
        dialog = self._dialog(lambda values: self._edit_session(before, values), before)
        self._run_dialog(dialog)
        return dialog

    def _edit_session(self, before: SessionInfo, values: SessionValues) -> None:
        start = local_start(before)
        moved = values.on != before.local_date or values.at != start.time().replace(
            second=0, microsecond=0, fold=0
        )
        changed = (
            moved
            or values.module_id != before.module_id
            or values.minutes != before.minutes
            or values.note != before.note
        )
        if not changed:
            return
        after = self.planner.update_session(
            before.id,
            module_id=values.module_id,
            minutes=values.minutes,
            note=values.note,
            on=values.on if moved else None,
            at=values.at if moved else None,
        )
        self.undo_stack.push(
            EditSessionCommand(
                self.planner,
                before,
                after,
                changed=self._on_sessions_changed,
                failed=self._on_failed,
            )
        )
        self.select_session(after.uuid)

    def delete_selected(self) -> None:
        """Delete the selected session; undo restores it with the same uuid."""
        session = self.selected_session()
        if session is None:
            return
        self.undo_stack.push(
            DeleteSessionCommand(
                self.planner, session, changed=self._on_sessions_changed, failed=self._on_failed
            )
        )
        self.status_message.emit(
            self.tr("Deleted the session of {0} (Ctrl+Z undoes)").format(session.local_date)
        )

    def _run_dialog(self, dialog: QDialog) -> None:
        """Open *dialog* window-modal without a nested event loop; it is kept until the next one."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def visible_sessions(self) -> Sequence[SessionInfo]:
        """The sessions the table shows, in the model's order."""
        return [self.model.record_at(row) for row in range(self.model.rowCount())]
