"""The Settings page: exam profiles and weights, the plan's parameters, the module → domain matrix.

Writes go through undo commands (``ui/commands.py``); a refused value is explained next to its field
(or its matrix row) and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.model import ExamProfile
from studyplanner.domain.records import ModuleInfo, PlanInfo
from studyplanner.services import Report, StudyPlanner, ValidationError
from studyplanner.ui.base import View
from studyplanner.ui.commands import PlanSettings, change_plan, change_shares
from studyplanner.ui.i18n import QT_TRANSLATE_NOOP
from studyplanner.ui.models.matrix_model import MatrixModel
from studyplanner.ui.notifications import (
    MAX_LIMIT_MINUTES,
    MIN_LIMIT_MINUTES,
    NotificationPrefs,
    NotificationSettings,
)
from studyplanner.ui.widgets.fields import (
    ErrorLabel,
    InputError,
    format_number,
    parse_decimal,
    plain_label,
)

# Labels, hints and messages are marked for lupdate here and translated where they are shown.
_PARAMETERS = (
    # key, label, accessible name, ValidationError field of the services (a key: never shown)
    (
        "pass_mark",
        QT_TRANSLATE_NOOP("SettingsView", "Pass &mark (%):"),
        QT_TRANSLATE_NOOP("SettingsView", "Pass mark in percent"),
        "pass mark",
    ),
    (
        "effort_multiplier",
        QT_TRANSLATE_NOOP("SettingsView", "&Effort multiplier:"),
        QT_TRANSLATE_NOOP("SettingsView", "Effort multiplier"),
        "effort multiplier",
    ),
    (
        "weekly_budget",
        QT_TRANSLATE_NOOP("SettingsView", "&Weekly budget (h):"),
        QT_TRANSLATE_NOOP("SettingsView", "Weekly budget in hours"),
        "weekly budget",
    ),
)
_HINTS = {
    "pass_mark": QT_TRANSLATE_NOOP(
        "SettingsView",
        "Share of questions to answer correctly to pass (72 % stands in for 720/1000).",
    ),
    "effort_multiplier": QT_TRANSLATE_NOOP(
        "SettingsView", "Planned hours per hour of video, for a module added without an effort."
    ),
    "weekly_budget": QT_TRANSLATE_NOOP("SettingsView", "Hours of study you plan per week."),
}
_MESSAGES = {
    "pass_mark": QT_TRANSLATE_NOOP(
        "SettingsView", "Pass mark: must be between 0 and 100 %, e.g. 72"
    ),
    "effort_multiplier": QT_TRANSLATE_NOOP(
        "SettingsView", "Effort multiplier: must be above 0 and at most 10, e.g. 1.2"
    ),
    "weekly_budget": QT_TRANSLATE_NOOP(
        "SettingsView", "Weekly budget: must be above 0 and at most 112 hours, e.g. 5"
    ),
}


class SettingsView(View):
    """Profiles (read only), plan parameters and the editable module → domain matrix."""

    def __init__(
        self, planner: StudyPlanner, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(planner, undo_stack, parent)
        self.report: Report | None = None
        self._profiles: list[ExamProfile] = []
        self._loaded_plan: PlanInfo | None = None
        self._loaded_matrix: tuple[object, ...] | None = None

        self._build_profiles()
        self._build_parameters()
        self._build_notifications()
        self._build_matrix()

        self.no_plan_label = plain_label(
            self.tr("There is no plan yet: the plan settings appear here.")
        )
        self.no_plan_label.setAccessibleName(self.tr("No plan"))
        top = QHBoxLayout()
        top.addWidget(self.profiles_group, 3)
        top.addWidget(self.parameters_group, 2)
        top_widget = QWidget()
        top_widget.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setAccessibleName(self.tr("Settings sections"))
        self.splitter.addWidget(top_widget)
        self.splitter.addWidget(self.matrix_group)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_plan_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.notifications_group)
        self._update_enabled()

    # -- construction ------------------------------------------------------------------------

    def _build_profiles(self) -> None:
        self.profiles_group = QGroupBox(self.tr("Exam profiles"))
        self.profiles_group.setAccessibleName(self.tr("Exam profiles"))
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(self.tr("Exam profile to show"))
        self.profile_combo.currentIndexChanged.connect(self._show_profile)
        self.profile_title = plain_label()
        self.profile_title.setAccessibleName(self.tr("Exam profile title"))
        self.profile_title.setWordWrap(True)
        self.profile_details = plain_label()
        self.profile_details.setAccessibleName(self.tr("Exam profile details"))
        self.weights_table = QTableWidget(0, 2)
        self.weights_table.setAccessibleName(self.tr("Domain weights"))
        self.weights_table.setHorizontalHeaderLabels([self.tr("Domain"), self.tr("Weight (%)")])
        self.weights_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.weights_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.weights_table.verticalHeader().setVisible(False)
        header = self.weights_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        note = plain_label(self.tr("The bundled profiles are read-only."))
        note.setAccessibleName(self.tr("Profiles note"))
        label = QLabel(self.tr("&Profile:"))
        label.setBuddy(self.profile_combo)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.profile_combo, 1)
        layout = QVBoxLayout(self.profiles_group)
        layout.addLayout(row)
        layout.addWidget(self.profile_title)
        layout.addWidget(self.profile_details)
        layout.addWidget(self.weights_table, 1)
        layout.addWidget(note)

    def _build_parameters(self) -> None:
        self.parameters_group = QGroupBox(self.tr("Plan parameters"))
        self.parameters_group.setAccessibleName(self.tr("Plan parameters"))
        self.parameter_edits: dict[str, QLineEdit] = {}
        self.parameter_errors: dict[str, ErrorLabel] = {}
        grid = QGridLayout(self.parameters_group)
        for row, (key, text, name, _field) in enumerate(_PARAMETERS):
            edit = QLineEdit()
            accessible = self.tr(name)
            edit.setAccessibleName(accessible)
            edit.returnPressed.connect(self.apply_parameters)
            label = QLabel(self.tr(text))
            label.setBuddy(edit)
            edit.setToolTip(self.tr(_HINTS[key]))
            hint = plain_label(self.tr(_HINTS[key]))
            hint.setWordWrap(True)
            hint.setAccessibleName(self.tr("{0} hint").format(accessible))
            hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            error = ErrorLabel(accessible)
            grid.addWidget(label, 3 * row, 0)
            grid.addWidget(edit, 3 * row, 1)
            grid.addWidget(hint, 3 * row + 1, 1)
            grid.addWidget(error, 3 * row + 2, 1)
            self.parameter_edits[key] = edit
            self.parameter_errors[key] = error
        end = 3 * len(_PARAMETERS)
        self.parameter_errors["form"] = ErrorLabel(self.tr("Plan parameters"))
        grid.addWidget(self.parameter_errors["form"], end, 0, 1, 2)
        self.apply_parameters_button = QPushButton(self.tr("&Apply"))
        self.apply_parameters_button.setAccessibleName(self.tr("Apply plan parameters"))
        self.apply_parameters_button.clicked.connect(self.apply_parameters)
        self.revert_parameters_button = QPushButton(self.tr("Re&vert"))
        self.revert_parameters_button.setAccessibleName(self.tr("Revert plan parameters"))
        self.revert_parameters_button.clicked.connect(self._revert_parameters)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_parameters_button)
        buttons.addWidget(self.revert_parameters_button)
        grid.addLayout(buttons, end + 1, 0, 1, 2)
        grid.setRowStretch(end + 2, 1)
        grid.setColumnStretch(1, 1)

    def _build_notifications(self) -> None:
        """The reminder choices; enabled once bound to the window's settings (``ui/tray.py``)."""
        self.notification_settings: NotificationSettings | None = None
        self.notifications_group = QGroupBox(self.tr("Notifications"))
        self.notifications_group.setAccessibleName(self.tr("Notifications"))
        self.long_timer_check = QCheckBox(self.tr("Remind me when a &timer runs longer than"))
        self.long_timer_check.setAccessibleName(self.tr("Remind me about a long-running timer"))
        self.limit_spin = QSpinBox()
        self.limit_spin.setAccessibleName(self.tr("Timer reminder limit in minutes"))
        self.limit_spin.setRange(MIN_LIMIT_MINUTES, MAX_LIMIT_MINUTES)
        self.limit_spin.setSingleStep(15)
        self.limit_spin.setSuffix(self.tr(" min"))
        self.nudge_check = QCheckBox(self.tr("Daily &nudge when the plan is behind"))
        self.nudge_check.setAccessibleName(self.tr("Daily nudge when the plan is behind"))
        self.nudge_check.setToolTip(
            self.tr("At most once a day, when the schedule slip is half a day or more")
        )
        where = plain_label(self.tr("Shown by the system tray, else in the status bar."))
        where.setAccessibleName(self.tr("Where notifications appear"))
        where.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        row = QHBoxLayout(self.notifications_group)
        row.addWidget(self.long_timer_check)
        row.addWidget(self.limit_spin)
        row.addSpacing(24)
        row.addWidget(self.nudge_check)
        row.addSpacing(24)
        row.addWidget(where, 1)
        self._show_notification_prefs(NotificationPrefs())
        self.long_timer_check.toggled.connect(self._save_notification_prefs)
        self.limit_spin.valueChanged.connect(self._save_notification_prefs)
        self.nudge_check.toggled.connect(self._save_notification_prefs)
        self.notifications_group.setEnabled(False)

    def bind_notifications(self, settings: NotificationSettings) -> None:
        """Show and edit the notification choices kept in *settings* (saved on every change)."""
        self.notification_settings = settings
        self._show_notification_prefs(settings.prefs())
        self.notifications_group.setEnabled(True)

    def notification_prefs(self) -> NotificationPrefs:
        """The choices as the controls show them."""
        return NotificationPrefs(
            long_timer=self.long_timer_check.isChecked(),
            limit_minutes=self.limit_spin.value(),
            daily_nudge=self.nudge_check.isChecked(),
        )

    def _show_notification_prefs(self, prefs: NotificationPrefs) -> None:
        controls = (self.long_timer_check, self.limit_spin, self.nudge_check)
        for control in controls:
            control.blockSignals(True)
        self.long_timer_check.setChecked(prefs.long_timer)
        self.limit_spin.setValue(prefs.limit_minutes)
        self.nudge_check.setChecked(prefs.daily_nudge)
        for control in controls:
            control.blockSignals(False)
        self.limit_spin.setEnabled(prefs.long_timer)

    def _save_notification_prefs(self) -> None:
        prefs = self.notification_prefs()
        self.limit_spin.setEnabled(prefs.long_timer)
        if self.notification_settings is not None:
            self.notification_settings.set_prefs(prefs)

    def _build_matrix(self) -> None:
        self.matrix_group = QGroupBox(self.tr("Module → domain matrix"))
        self.matrix_group.setAccessibleName(self.tr("Module to domain matrix"))
        self.matrix_model = MatrixModel(self)
        self.matrix_model.edited.connect(self._matrix_edited)
        self.matrix_model.refused.connect(self._matrix_refused)
        self.matrix_table = QTableView()
        self.matrix_table.setModel(self.matrix_model)
        self.matrix_table.setAccessibleName(self.tr("Module to domain shares"))
        self.matrix_table.setAccessibleDescription(
            self.tr(
                "Share of each module's content per exam domain; each row adds up to 1, or is all 0"
            )
        )
        self.matrix_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.matrix_table.verticalHeader().setVisible(False)
        header = self.matrix_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(70)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setFixedHeight(2 * self.fontMetrics().lineSpacing() + 10)
        self.matrix_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        help_label = plain_label(
            self.tr(
                "How much of each module's content belongs to each exam domain. Each row must add"
                " up to 1 (or be all 0: the module counts for no domain, like practice papers)."
            )
        )
        help_label.setWordWrap(True)
        help_label.setAccessibleName(self.tr("Matrix help"))
        self.matrix_message = ErrorLabel(self.tr("Module to domain matrix"))
        self.save_matrix_button = QPushButton(self.tr("&Save matrix"))
        self.save_matrix_button.setAccessibleName(self.tr("Save module to domain matrix"))
        self.save_matrix_button.clicked.connect(self.save_matrix)
        self.revert_matrix_button = QPushButton(self.tr("&Discard changes"))
        self.revert_matrix_button.setAccessibleName(self.tr("Discard matrix changes"))
        self.revert_matrix_button.clicked.connect(self.matrix_model.revert_edits)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_matrix_button)
        buttons.addWidget(self.revert_matrix_button)
        layout = QVBoxLayout(self.matrix_group)
        layout.addWidget(help_label)
        layout.addWidget(self.matrix_table, 1)
        layout.addWidget(self.matrix_message)
        layout.addLayout(buttons)

    # -- the report --------------------------------------------------------------------------

    def set_report(self, report: Report | None) -> None:
        self.report = report
        self._profiles = self.planner.profiles()
        shown = self.profile_combo.currentData()
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in self._profiles:
            self.profile_combo.addItem(profile.name, profile.name)
        self.profile_combo.blockSignals(False)
        wanted = shown if shown is not None else (report.plan.profile.name if report else None)
        index = self.profile_combo.findData(wanted)
        self.profile_combo.setCurrentIndex(max(0, index))
        self._show_profile()
        if report is None:
            self._loaded_plan = None
            self._loaded_matrix = None
            self.matrix_model.set_matrix([], [])
        else:
            plan = report.plan
            if self._loaded_plan is None or _parameters_of(self._loaded_plan) != _parameters_of(
                plan
            ):
                self._fill_parameters(plan)
            modules = [m.module for m in report.modules]
            matrix = _matrix_of(plan, modules)
            if matrix != self._loaded_matrix:
                self._loaded_matrix = matrix
                self.matrix_model.set_matrix(modules, plan.profile.domain_names())
                self.matrix_group.setTitle(
                    self.tr("Module → domain matrix ({0})").format(plan.profile.name)
                )
                last = len(plan.profile.domains) + 1
                self.matrix_table.horizontalHeader().setSectionResizeMode(
                    last, QHeaderView.ResizeMode.ResizeToContents
                )
        self._update_enabled()

    def _show_profile(self) -> None:
        index = self.profile_combo.currentIndex()
        if not 0 <= index < len(self._profiles):
            self.weights_table.setRowCount(0)
            self.profile_title.setText("")
            self.profile_details.setText("")
            return
        profile = self._profiles[index]
        self.profile_title.setText(profile.title)
        self.profile_details.setText(
            self.tr("%n scored question(s); pass mark {0} %", "", profile.scored_items).format(
                format_number(profile.pass_mark * 100, 1)
            )
        )
        self.weights_table.setRowCount(len(profile.domains))
        for row, domain in enumerate(profile.domains):
            name = QTableWidgetItem(domain.name)
            weight = QTableWidgetItem(format_number(domain.weight * 100, 1))
            weight.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for item in (name, weight):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.weights_table.setItem(row, 0, name)
            self.weights_table.setItem(row, 1, weight)

    def _update_enabled(self) -> None:
        has_plan = self.report is not None
        self.no_plan_label.setVisible(not has_plan)
        self.parameters_group.setEnabled(has_plan)
        self.matrix_group.setEnabled(has_plan)

    # -- plan parameters ---------------------------------------------------------------------

    def _fill_parameters(self, plan: PlanInfo) -> None:
        self._loaded_plan = plan
        for label in self.parameter_errors.values():
            label.clear_error()
        self.parameter_edits["pass_mark"].setText(format_number(plan.pass_mark * 100, 1))
        self.parameter_edits["effort_multiplier"].setText(format_number(plan.effort_multiplier))
        self.parameter_edits["weekly_budget"].setText(format_number(plan.weekly_budget_hours))

    def _revert_parameters(self) -> None:
        if self._loaded_plan is not None:
            self._fill_parameters(self._loaded_plan)

    def parameters_change(self) -> PlanSettings:
        """The parameters whose typed value differs from the plan (raises InputError)."""
        plan = self._loaded_plan
        assert plan is not None
        typed: dict[str, float] = {}
        for key, _text, _accessible, _field in _PARAMETERS:
            typed[key] = parse_decimal(self.parameter_edits[key].text(), key)
        pass_mark = typed["pass_mark"] / 100

        def changed(new: float, old: float) -> float | None:
            return None if abs(new - old) < 1e-12 else new

        return PlanSettings(
            pass_mark=changed(pass_mark, plan.pass_mark),
            effort_multiplier=changed(typed["effort_multiplier"], plan.effort_multiplier),
            weekly_budget_hours=changed(typed["weekly_budget"], plan.weekly_budget_hours),
        )

    def apply_parameters(self) -> bool:
        """Save the parameters; a refused value is shown next to its field, nothing is saved."""
        if self._loaded_plan is None:
            return False
        for label in self.parameter_errors.values():
            label.clear_error()
        try:
            change = self.parameters_change()
        except InputError as exc:
            text = {k: t for k, t, _a, _f in _PARAMETERS}[exc.field]
            name = self.tr(text).replace("&", "").rstrip(":")
            self.parameter_errors[exc.field].show_error(f"{name}: {exc.message}")
            return False
        if change == PlanSettings():
            return True
        try:
            change_plan(
                self.undo_stack,
                self.planner,
                change,
                changed=self.data_changed.emit,
                failed=self.status_message.emit,
                text=self.tr("Change plan parameters"),
            )
        except ValidationError as exc:
            key = {f: k for k, _t, _a, f in _PARAMETERS}.get(exc.field, "form")
            message = self.tr(_MESSAGES[key]) if key in _MESSAGES else f"{exc.field}: {exc.message}"
            self.parameter_errors[key].show_error(message)
            return False
        self.status_message.emit(self.tr("Plan parameters saved"))
        return True

    # -- the matrix --------------------------------------------------------------------------

    def _matrix_edited(self) -> None:
        problems = self.matrix_model.problems()
        if problems:
            lines = []
            for row, message in problems:
                module = self.matrix_model.modules[row]
                lines.append(self.tr("Row {0} ({1}): {2}").format(row + 1, module.name, message))
            self.matrix_message.show_error("\n".join(lines))
        else:
            self.matrix_message.clear_error()
        dirty = self.matrix_model.is_dirty()
        self.save_matrix_button.setEnabled(dirty)
        self.revert_matrix_button.setEnabled(dirty)

    def _matrix_refused(self, message: str) -> None:
        self.matrix_message.show_error(message)

    def save_matrix(self) -> bool:
        """Save every changed row, or none if any row is invalid (those rows stay highlighted)."""
        model = self.matrix_model
        problems = model.problems()
        if problems:
            rows = ", ".join(str(row + 1) for row, _ in problems)
            self.matrix_message.show_error(
                self.tr("Nothing was saved: fix row {0} first (highlighted).").format(rows)
                if len(problems) == 1
                else self.tr("Nothing was saved: fix rows {0} first (highlighted).").format(rows)
            )
            return False
        changes: list[tuple[ModuleInfo, dict[str, float]]] = [
            (model.modules[row], model.shares(row)) for row in model.changed_rows()
        ]
        if not changes:
            return True
        try:
            change_shares(
                self.undo_stack,
                self.planner,
                changes,
                changed=self.data_changed.emit,
                failed=self.status_message.emit,
            )
        except ValidationError as exc:
            self.matrix_message.show_error(self.tr("Nothing was saved: {0}").format(exc))
            return False
        self._loaded_matrix = None  # the next report shows what was stored
        self.status_message.emit(self.tr("Module → domain matrix saved"))
        return True


def _parameters_of(plan: PlanInfo) -> tuple[object, ...]:
    return (plan.pass_mark, plan.effort_multiplier, plan.weekly_budget_hours)


def _matrix_of(plan: PlanInfo, modules: list[ModuleInfo]) -> tuple[object, ...]:
    return (
        plan.profile.name,
        tuple((m.id, m.position, m.name, tuple(sorted(m.shares.items()))) for m in modules),
    )
