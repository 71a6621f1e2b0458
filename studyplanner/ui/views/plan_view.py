"""The Plan page: the modules in order with their schedule, a timeline, and the plan's settings.

Every write goes through the services inside an undo command (``ui/commands.py``); the page then
emits ``data_changed`` and shows the next report it is given.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.records import ModuleInfo, PlanInfo
from studyplanner.services import Report, StudyPlanner, ValidationError
from studyplanner.ui.base import View
from studyplanner.ui.commands import (
    AddModuleCommand,
    DeleteModuleCommand,
    EditModuleCommand,
    MoveModuleCommand,
    PlanSettings,
    change_plan,
    module_keys,
)
from studyplanner.ui.dialogs.import_dialog import ImportDialog
from studyplanner.ui.dialogs.module_dialog import ModuleDialog, ModuleValues
from studyplanner.ui.models.plan_model import Column, ModuleRole, PlanTableModel, rows_from_report
from studyplanner.ui.widgets.fields import (
    ErrorLabel,
    InputError,
    date_edit,
    format_number,
    from_qdate,
    parse_decimal,
    plain_label,
    to_qdate,
)
from studyplanner.ui.widgets.timeline import TimelineWidget

_SETTINGS_FIELD_OF_ERROR = {
    "start": "start",
    "exam": "exam",
    "profile": "profile",
    "pass mark": "pass_mark",
}


class PlanView(View):
    """Modules table + timeline, module actions (undoable), plan settings, baseline, import."""

    def __init__(
        self, planner: StudyPlanner, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(planner, undo_stack, parent)
        self.report: Report | None = None
        self._loaded_plan: PlanInfo | None = None
        self._select_after_report: int | None = None
        self._baseline_frozen = False
        self._fitted_rows = -1

        self.summary = plain_label()
        self.summary.setAccessibleName(self.tr("Plan summary"))
        self.summary.setWordWrap(True)

        self._build_settings()
        self._build_modules_panel()

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.settings_group)
        layout.addWidget(self.modules_panel, 1)
        self._update_enabled()

    # -- construction ------------------------------------------------------------------------

    def _build_settings(self) -> None:
        self.settings_group = QGroupBox(self.tr("Plan settings"))
        self.settings_group.setAccessibleName(self.tr("Plan settings"))
        self.start_edit = date_edit(self.tr("Plan start date"))
        self.exam_edit = date_edit(self.tr("Exam date"))
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(self.tr("Exam profile"))
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.pass_mark_edit = QLineEdit()
        self.pass_mark_edit.setAccessibleName(self.tr("Pass mark in percent"))
        self.pass_mark_edit.setPlaceholderText(self.tr("e.g. 72"))
        self.pass_mark_edit.setMaximumWidth(90)
        self.pass_mark_edit.returnPressed.connect(self.apply_settings)
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setAccessibleName(self.tr("Apply plan settings"))
        self.apply_button.setToolTip(
            self.tr("Save the start date, exam date, exam profile and pass mark")
        )
        self.apply_button.clicked.connect(self.apply_settings)
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.revert_button.setAccessibleName(self.tr("Revert plan settings"))
        self.revert_button.setToolTip(self.tr("Show the saved plan settings again"))
        self.revert_button.clicked.connect(self._revert_settings)

        self.settings_errors = {
            "start": ErrorLabel(self.tr("Plan start date")),
            "exam": ErrorLabel(self.tr("Exam date")),
            "profile": ErrorLabel(self.tr("Exam profile")),
            "pass_mark": ErrorLabel(self.tr("Pass mark")),
            "form": ErrorLabel(self.tr("Plan settings")),
        }
        grid = QGridLayout(self.settings_group)
        fields: tuple[tuple[str, str, QWidget], ...] = (
            (self.tr("&Start:"), "start", self.start_edit),
            (self.tr("E&xam:"), "exam", self.exam_edit),
            (self.tr("Exam &profile:"), "profile", self.profile_combo),
            (self.tr("Pass &mark (%):"), "pass_mark", self.pass_mark_edit),
        )
        for column, (text, key, field) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, 0, 2 * column)
            grid.addWidget(field, 0, 2 * column + 1)
            # to the right edge: one refusal is shown at a time, starting under its field
            grid.addWidget(self.settings_errors[key], 1, 2 * column, 1, -1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.revert_button)
        grid.addLayout(buttons, 0, 2 * len(fields))
        grid.addWidget(self.settings_errors["form"], 2, 0, 1, 2 * len(fields) + 1)
        grid.setColumnStretch(2 * len(fields) + 1, 1)

    def _build_modules_panel(self) -> None:
        self.modules_panel = QWidget()
        self.model = PlanTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Modules of the plan"))
        self.table.setAccessibleDescription(
            self.tr(
                "Insert adds, Enter or F2 edits, Delete deletes,"
                " Ctrl+Up and Ctrl+Down move a module"
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_module())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_enabled())

        self.add_action = self._action(
            self.tr("&Add module…"),
            self.tr("Add a module after the selected one"),
            [QKeySequence(Qt.Key.Key_Insert)],
            self.add_module,
        )
        self.edit_action = self._action(
            self.tr("&Edit module…"),
            self.tr("Edit the selected module"),
            [QKeySequence(Qt.Key.Key_F2)],
            self.edit_module,
        )
        self.delete_action = self._action(
            self.tr("&Delete module"),
            self.tr("Delete the selected module"),
            [QKeySequence(QKeySequence.StandardKey.Delete)],
            self.delete_module,
        )
        self.up_action = self._action(
            self.tr("Move &up"),
            self.tr("Move the selected module one place earlier"),
            [QKeySequence("Ctrl+Up")],
            lambda: self.move_module(-1),
        )
        self.down_action = self._action(
            self.tr("Move do&wn"),
            self.tr("Move the selected module one place later"),
            [QKeySequence("Ctrl+Down")],
            lambda: self.move_module(1),
        )
        for action in (
            self.add_action,
            self.edit_action,
            self.delete_action,
            self.up_action,
            self.down_action,
        ):
            self.modules_panel.addAction(action)
        self.enter_action = QAction(self.tr("Edit module"), self.table)
        self.enter_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.enter_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.enter_action.triggered.connect(self.edit_module)
        self.table.addAction(self.enter_action)

        self.add_button = self._button(self.add_action, self.tr("Add…"), self.tr("Add module"))
        self.edit_button = self._button(self.edit_action, self.tr("Edit…"), self.tr("Edit module"))
        self.delete_button = self._button(
            self.delete_action, self.tr("Delete"), self.tr("Delete module")
        )
        self.up_button = self._button(self.up_action, self.tr("Move up"), self.tr("Move module up"))
        self.down_button = self._button(
            self.down_action, self.tr("Move down"), self.tr("Move module down")
        )
        self.freeze_button = QPushButton(self.tr("&Freeze baseline"))
        self.freeze_button.setAccessibleName(self.tr("Freeze baseline"))
        self.freeze_button.setToolTip(
            self.tr("Keep a copy of today's planned dates and efforts to measure slip against")
        )
        self.freeze_button.clicked.connect(self.freeze_baseline)
        self.import_button = QPushButton(self.tr("&Import notes…"))
        self.import_button.setAccessibleName(self.tr("Import notes"))
        self.import_button.setToolTip(self.tr("Create a new plan from a notes file"))
        self.import_button.clicked.connect(self.open_import)

        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.freeze_button)
        buttons.addWidget(self.import_button)

        self.timeline = TimelineWidget()
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setWidget(self.timeline)
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setAccessibleName(self.tr("Plan timeline area"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setAccessibleName(self.tr("Modules and timeline"))
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.timeline_scroll)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)

        self.empty_label = plain_label(
            self.tr("There is no plan yet. Import a notes file to create one (Import notes…).")
        )
        self.empty_label.setAccessibleName(self.tr("No plan"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self.modules_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.splitter, 1)

    def _action(self, text: str, tip: str, keys: list[QKeySequence], slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        action.setToolTip(f"{tip} ({shortcut})")
        action.setStatusTip(tip)
        assert callable(slot)
        action.triggered.connect(slot)
        return action

    def _button(self, action: QAction, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        return button

    # -- the report --------------------------------------------------------------------------

    def set_report(self, report: Report | None) -> None:
        selected = self._select_after_report or self.selected_module_id()
        self._select_after_report = None
        self.report = report
        if report is None:
            self.model.set_rows([])
            self.summary.setText("")
            self._loaded_plan = None
            self._update_enabled()
            return
        rows = rows_from_report(report)
        self.model.set_rows(rows)
        self.timeline.set_rows(
            rows, start=report.plan.start, exam=report.plan.exam, today=report.as_of
        )
        plan = report.plan
        s = report.schedule
        self.summary.setText(
            self.tr(
                "{0}: {1} modules, {2:.1f} h planned from {3} to {4}; exam on {5} ({6})"
            ).format(
                plan.name,
                len(rows),
                s.bac_hours,
                plan.start.isoformat(),
                s.planned_finish.isoformat(),
                plan.exam.isoformat(),
                plan.profile.name,
            )
        )
        if self._loaded_plan is None or _settings_of(self._loaded_plan) != _settings_of(plan):
            self._fill_settings(plan)
        if selected is not None and (row := self.model.row_of_module(selected)) >= 0:
            self.select_row(row)
        self._update_enabled()
        self._fit_splitter()

    def _fit_splitter(self) -> None:
        """Give the table the height of its rows and the timeline the rest (once per row count;
        after that the user's splitter position stays)."""
        total = self.splitter.height()
        rows = self.model.rowCount()
        if total <= 0 or rows == self._fitted_rows:
            return
        self._fitted_rows = rows
        table = (
            self.table.horizontalHeader().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
            + 6
        )
        table = max(total // 4, min(table, total - self.timeline.minimumSizeHint().height()))
        self.splitter.setSizes([table, max(0, total - table)])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_splitter()

    def _fill_settings(self, plan: PlanInfo) -> None:
        self._loaded_plan = plan
        for label in self.settings_errors.values():
            label.clear_error()
        self.start_edit.setDate(to_qdate(plan.start))
        self.exam_edit.setDate(to_qdate(plan.exam))
        self.profile_combo.clear()
        for profile in self.planner.profiles():
            self.profile_combo.addItem(profile.name, profile.name)
        self.profile_combo.setCurrentIndex(self.profile_combo.findData(plan.profile.name))
        self.pass_mark_edit.setText(format_number(plan.pass_mark * 100, 1))

    def _revert_settings(self) -> None:
        if self._loaded_plan is not None:
            self._fill_settings(self._loaded_plan)

    def _update_enabled(self) -> None:
        has_plan = self.report is not None
        row = self.selected_row()
        count = self.model.rowCount()
        self.settings_group.setEnabled(has_plan)
        self.splitter.setVisible(has_plan)
        self.empty_label.setVisible(not has_plan)
        self.add_action.setEnabled(has_plan)
        self.edit_action.setEnabled(row >= 0)
        self.enter_action.setEnabled(row >= 0)
        self.delete_action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)
        self.freeze_button.setEnabled(has_plan)
        self.freeze_button.setText(
            self.tr("Re-&freeze baseline") if self._baseline_frozen else self.tr("&Freeze baseline")
        )
        for button, action in (
            (self.add_button, self.add_action),
            (self.edit_button, self.edit_action),
            (self.delete_button, self.delete_action),
            (self.up_button, self.up_action),
            (self.down_button, self.down_action),
        ):
            button.setEnabled(action.isEnabled())

    # -- selection ---------------------------------------------------------------------------

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_module(self) -> ModuleInfo | None:
        row = self.selected_row()
        if row < 0:
            return None
        module = self.model.data(self.model.index(row, 0), ModuleRole)
        assert isinstance(module, ModuleInfo)
        return module

    def selected_module_id(self) -> int | None:
        module = self.selected_module()
        return None if module is None else module.id

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    # -- module actions ----------------------------------------------------------------------

    def _changed(self) -> None:
        self.data_changed.emit()

    def _failed(self, message: str) -> None:
        self.status_message.emit(message)

    def module_dialog(self, module: ModuleInfo | None = None) -> ModuleDialog:
        """The add (``module=None``) or edit dialog, wired to write through undo commands."""
        multiplier = self.report.plan.effort_multiplier if self.report else 1.2
        if module is None:
            selected = self.selected_module()
            position = None if selected is None else selected.position + 1
            return ModuleDialog(
                commit=lambda values: self._commit_add(values, position),
                effort_multiplier=multiplier,
                parent=self,
            )
        return ModuleDialog(
            commit=lambda values: self._commit_edit(module, values),
            module=module,
            effort_multiplier=multiplier,
            parent=self,
        )

    def _commit_add(self, values: ModuleValues, position: int | None) -> None:
        created = self.planner.add_module(
            values.name,
            kind=values.kind,
            effort_hours=values.effort_hours,
            weeks=values.weeks,
            position=position,
            video_seconds=values.video_seconds,
            note=values.note,
        )
        self._select_after_report = created.id
        self.undo_stack.push(
            AddModuleCommand(
                self.planner,
                module_keys(self.undo_stack),
                created,
                changed=self._changed,
                failed=self._failed,
            )
        )
        self.status_message.emit(
            self.tr("Added module {0}: {1}").format(created.position, created.name)
        )

    def _commit_edit(self, before: ModuleInfo, values: ModuleValues) -> None:
        after = self.planner.update_module(
            before.id,
            name=values.name,
            kind=values.kind,
            effort_hours=values.effort_hours,
            weeks=values.weeks,
            video_seconds=values.video_seconds,
            note=values.note,
        )
        if after == before:
            return
        self.undo_stack.push(
            EditModuleCommand(
                self.planner,
                module_keys(self.undo_stack),
                before,
                after,
                changed=self._changed,
                failed=self._failed,
            )
        )

    def add_module(self) -> None:
        if self.report is not None:
            self.module_dialog().exec()

    def edit_module(self) -> None:
        module = self.selected_module()
        if module is not None:
            self.module_dialog(module).exec()

    def confirm_delete(self, module: ModuleInfo) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete module"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Delete module {0}, {1}?").format(module.position, module.name))
        box.setInformativeText(
            self.tr(
                "Its study sessions and progress are deleted with it. Undo (Ctrl+Z) brings all of"
                " it back."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def delete_module(self) -> None:
        module = self.selected_module()
        if module is None or not self.confirm_delete(module):
            return
        self.undo_stack.push(
            DeleteModuleCommand(
                self.planner,
                module_keys(self.undo_stack),
                module,
                changed=self._changed,
                failed=self._failed,
            )
        )

    def move_module(self, step: int) -> None:
        module = self.selected_module()
        if module is None:
            return
        target = module.position + step
        if not 1 <= target <= self.model.rowCount():
            return
        self._select_after_report = module.id
        self.undo_stack.push(
            MoveModuleCommand(
                self.planner,
                module_keys(self.undo_stack),
                module,
                target,
                changed=self._changed,
                failed=self._failed,
            )
        )

    # -- plan settings -----------------------------------------------------------------------

    def settings_change(self) -> PlanSettings:
        """The fields whose typed value differs from the stored plan (raises InputError)."""
        plan = self._loaded_plan
        assert plan is not None
        start = from_qdate(self.start_edit.date())
        exam = from_qdate(self.exam_edit.date())
        profile = self.profile_combo.currentData()
        pass_mark = parse_decimal(self.pass_mark_edit.text(), "pass mark") / 100
        return PlanSettings(
            start=None if start == plan.start else start,
            exam=None if exam == plan.exam else exam,
            profile=None if profile == plan.profile.name else str(profile),
            pass_mark=None if abs(pass_mark - plan.pass_mark) < 1e-12 else pass_mark,
        )

    def apply_settings(self) -> bool:
        """Save the plan settings; a refused value is shown next to its field, nothing is saved."""
        if self._loaded_plan is None:
            return False
        for label in self.settings_errors.values():
            label.clear_error()
        try:
            change = self.settings_change()
        except InputError as exc:
            self.settings_errors["pass_mark"].show_error(
                self.tr("Pass mark: {0}").format(exc.message)
            )
            return False
        if change == PlanSettings():
            return True
        try:
            change_plan(
                self.undo_stack,
                self.planner,
                change,
                changed=self._changed,
                failed=self._failed,
            )
        except ValidationError as exc:
            key = _SETTINGS_FIELD_OF_ERROR.get(exc.field, "form")
            message = f"{exc.field[:1].upper()}{exc.field[1:]}: {exc.message}"
            if key == "pass_mark":
                message = self.tr("Pass mark: must be between 0 and 100 %, e.g. 72")
            self.settings_errors[key].show_error(message)
            return False
        self.status_message.emit(self.tr("Plan settings saved"))
        return True

    # -- baseline and import -----------------------------------------------------------------

    def freeze_baseline(self) -> None:
        if self.report is None:
            return
        if self._baseline_frozen:
            answer = QMessageBox.question(
                self,
                self.tr("Re-freeze baseline"),
                self.tr(
                    "Replace the current baseline by today's plan?"
                    " The old one is kept in the history."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.planner.freeze_baseline()
        except ValidationError as exc:
            self.status_message.emit(str(exc))
            return
        self._baseline_frozen = True
        self._update_enabled()
        self.status_message.emit(
            self.tr("Baseline frozen: the planned dates and efforts were saved")
        )
        self.data_changed.emit()

    def import_dialog(self, path: Path) -> ImportDialog:
        return ImportDialog(self.planner, path, parent=self)

    def open_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import notes"),
            str(Path.home()),
            self.tr("Notes (*.txt *.md);;All files (*)"),
        )
        if not name:
            return
        if self.import_dialog(Path(name)).exec() == ImportDialog.DialogCode.Accepted:
            self.imported()

    def imported(self) -> None:
        """A new plan was imported: the old plan's undo history no longer applies."""
        self.undo_stack.clear()
        self._loaded_plan = None
        self._baseline_frozen = False
        self.status_message.emit(self.tr("Plan imported"))
        self.data_changed.emit()


def _settings_of(plan: PlanInfo) -> tuple[object, ...]:
    return (plan.start, plan.exam, plan.profile.name, plan.pass_mark)
