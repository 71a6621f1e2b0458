"""The Mock tests page: practice exams and topic quizzes, their per-domain counts, score history.

Scores are shown as counts (``44/65``, ``8/9``) and the plain percent correct, never as the exam's
scaled score.  Adding, editing (an update in place) and deleting are undoable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.records import MockInfo, ModuleInfo
from studyplanner.services import Report, StudyPlanner
from studyplanner.ui import charts
from studyplanner.ui.base import View
from studyplanner.ui.dialogs.mock_dialog import MockDialog, MockValues
from studyplanner.ui.log_commands import (
    AddMockCommand,
    DeleteMockCommand,
    EditMockCommand,
    mock_id,
)
from studyplanner.ui.models.mocks_model import (
    DomainColumn,
    DomainScoresModel,
    MockColumn,
    MocksTableModel,
    SortRole,
    counts_text,
    percent_text,
)
from studyplanner.ui.models.records_model import select_record, selected_record
from studyplanner.ui.views.log_view import first_incomplete
from studyplanner.ui.widgets.fields import ErrorLabel, plain_label

_TABLE_FLAGS = (
    QAbstractItemView.SelectionBehavior.SelectRows,
    QAbstractItemView.SelectionMode.SingleSelection,
)


def score_history_chart(mocks: Sequence[MockInfo], pass_mark: float, parent: QWidget) -> QWidget:
    """The score-history chart of ``ui/charts.py`` (percent correct over time, pass line)."""
    return charts.mock_chart(
        list(mocks),
        pass_mark,
        title=QCoreApplication.translate("MocksView", "Score history"),
        palette=parent.palette(),
    )


def mock_summary(mock: MockInfo, topic_name: str) -> str:
    """One line about *mock*: name, date, counts and percent (plain text: it holds user text)."""
    text = QCoreApplication.translate("MocksView", "{0}, {1}: {2} correct ({3})").format(
        mock.name,
        mock.taken_on.isoformat(),
        counts_text(mock.correct, mock.total),
        percent_text(mock.correct, mock.total),
    )
    if mock.minutes:
        text += QCoreApplication.translate("MocksView", " in {0} min").format(mock.minutes)
    if mock.topic_module_id is not None:
        text += QCoreApplication.translate("MocksView", ". Topic quiz on {0}").format(topic_name)
    return text


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(_TABLE_FLAGS[0])
    table.setSelectionMode(_TABLE_FLAGS[1])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    return table


class MocksView(View):
    """Table of tests, the selected test's domains, the score history; ``open_add_mock()``."""

    def __init__(
        self, planner: StudyPlanner, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(planner, undo_stack, parent)
        self.report: Report | None = None
        self._modules: list[ModuleInfo] = []
        self.dialog: QDialog | None = None  # the last dialog opened by the page
        self.chart: QWidget | None = None

        self.no_plan_label = plain_label(self.tr("No plan yet: create or import one first."))
        self.no_plan_label.setAccessibleName(self.tr("No plan"))
        self.content = QWidget()
        self.content.setAccessibleName(self.tr("Mock tests"))
        outer = QVBoxLayout(self)
        outer.addWidget(self.no_plan_label)
        outer.addWidget(self.content)

        self.add_button = self._button(
            self.tr("&Add mock test…"), self.tr("Add mock test"), self.open_add_mock
        )
        self.add_button.setToolTip(
            self.tr("Add a practice exam with its per-domain counts (Ctrl+M)")
        )
        self.quiz_button = self._button(
            self.tr("Add topic &quiz…"), self.tr("Add topic quiz"), self.open_add_quiz
        )
        self.edit_button = self._button(
            self.tr("&Edit…"), self.tr("Edit mock test"), self.edit_selected
        )
        self.delete_button = self._button(
            self.tr("De&lete"), self.tr("Delete mock test"), self.delete_selected
        )
        self.summary_label = plain_label()
        self.summary_label.setAccessibleName(self.tr("Mock tests summary"))
        self.error_label = ErrorLabel(self.tr("Mock tests"))

        self.model = MocksTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = _table(self.tr("Mock tests table"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MockColumn.DATE, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        for column in MockColumn:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MockColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        edit_key = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        edit_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit_key.activated.connect(self.edit_selected)

        self.details_box = QGroupBox(self.tr("Selected test"))
        self.details_box.setAccessibleName(self.tr("Selected test"))
        self.details_label = plain_label(
            self.tr("Select a test to see its counts per exam domain.")
        )
        self.details_label.setAccessibleName(self.tr("Selected test summary"))
        self.details_label.setWordWrap(True)
        self.domain_model = DomainScoresModel(self)
        self.domain_table = _table(self.tr("Per-domain counts"))
        self.domain_table.setModel(self.domain_model)
        self.domain_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        domain_header = self.domain_table.horizontalHeader()
        domain_header.setSectionResizeMode(DomainColumn.DOMAIN, QHeaderView.ResizeMode.Stretch)
        for domain_column in (DomainColumn.SCORE, DomainColumn.PERCENT):
            domain_header.setSectionResizeMode(
                domain_column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.domain_note = plain_label()
        self.domain_note.setAccessibleName(self.tr("Per-domain note"))
        self.domain_note.setWordWrap(True)
        details = QVBoxLayout(self.details_box)
        details.addWidget(self.details_label)
        details.addWidget(self.domain_note)
        details.addWidget(self.domain_table, 1)
        details.addStretch(0)

        self.chart_box = QGroupBox(self.tr("Score history"))
        self.chart_box.setAccessibleName(self.tr("Score history"))
        self._chart_layout = QVBoxLayout(self.chart_box)

        buttons = QHBoxLayout()
        for widget in (self.add_button, self.quiz_button, self.edit_button, self.delete_button):
            buttons.addWidget(widget)
        buttons.addWidget(self.summary_label, 1)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.setChildrenCollapsible(False)
        upper.addWidget(self.table)
        upper.addWidget(self.details_box)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.chart_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.splitter, 1)

        self.set_report(None)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    # -- the report ----------------------------------------------------------------------------

    def set_report(self, report: Report | None) -> None:
        self.report = report
        self.no_plan_label.setVisible(report is None)
        self.content.setEnabled(report is not None)
        self._modules = [] if report is None else [m.module for m in report.modules]
        self.reload_mocks()

    def reload_mocks(self) -> None:
        """Read the tests again; keep the selected one selected; redraw the chart."""
        keep = self.selected_mock()
        mocks: list[MockInfo] = []
        if self.report is not None:
            try:
                mocks = self.planner.mocks()
            except ValueError as exc:
                self.error_label.show_error(str(exc))
        self.model.set_mocks(mocks, {m.id: m.name for m in self._modules})
        exams = [m for m in mocks if m.topic_module_id is None]
        if mocks:
            best = max(exams or mocks, key=lambda m: m.correct / m.total)
            quizzes = len(mocks) - len(exams)
            self.summary_label.setText(
                self.tr("{0}, {1}; best {2}").format(
                    self.tr("%n practice exam(s)", "", len(exams)),
                    self.tr("%n topic quiz(zes)", "", quizzes),
                    percent_text(best.correct, best.total),
                )
            )
        else:
            self.summary_label.setText(self.tr("No mock tests yet"))
        if (keep is None or not self.select_mock(keep.uuid)) and mocks:
            self.table.selectRow(0)
        self._show_details()
        self._replace_chart(mocks)
        self._update_buttons()

    def _replace_chart(self, mocks: Sequence[MockInfo]) -> None:
        if self.chart is not None:
            self._chart_layout.removeWidget(self.chart)
            self.chart.deleteLater()
            self.chart = None
        if self.report is None:
            return
        self.chart = score_history_chart(mocks, self.report.plan.pass_mark, self)
        self._chart_layout.addWidget(self.chart)

    # -- selection and details -----------------------------------------------------------------

    def selected_mock(self) -> MockInfo | None:
        return selected_record(self.table, self.proxy, self.model)

    def select_mock(self, uuid: str) -> bool:
        return select_record(self.table, self.proxy, self.model, uuid)

    def _on_selection_changed(self) -> None:
        self._show_details()
        self._update_buttons()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_selected()

    def _show_details(self) -> None:
        mock = self.selected_mock()
        order = () if self.report is None else self.report.plan.profile.domain_names()
        if mock is None:
            self.details_label.setText(self.tr("Select a test to see its counts per exam domain."))
            self.domain_model.set_counts({})
            self.domain_table.setVisible(False)
            self.domain_note.setText("")
            return
        self.details_label.setText(mock_summary(mock, self.model.topic_name(mock)))
        self.domain_model.set_counts(mock.domain_counts, order)
        self.domain_table.setVisible(bool(mock.domain_counts))
        if mock.topic_module_id is not None:
            self.domain_note.setText(
                self.tr("A topic quiz counts for its module, not per exam domain.")
            )
        elif not mock.domain_counts:
            self.domain_note.setText(
                self.tr(
                    "Only the overall score was recorded; readiness spreads it by domain weight."
                )
            )
        else:
            missing = [d for d in order if d not in mock.domain_counts]
            self.domain_note.setText(
                self.tr("Not reported: ") + ", ".join(missing)
                if missing
                else self.tr("All domains reported.")
            )

    def _update_buttons(self) -> None:
        has_plan = self.report is not None
        selected = self.selected_mock() is not None
        self.add_button.setEnabled(has_plan)
        self.quiz_button.setEnabled(has_plan and bool(self._modules))
        self.edit_button.setEnabled(has_plan and selected)
        self.delete_button.setEnabled(has_plan and selected)

    # -- writes --------------------------------------------------------------------------------

    def _on_changed(self) -> None:
        self.error_label.clear_error()
        self.reload_mocks()
        self.data_changed.emit()

    def _on_failed(self, message: str) -> None:
        self.error_label.show_error(message)
        self.status_message.emit(message)

    def _next_name(self) -> str:
        """The first test named in the plan's notes that has not been logged yet."""
        if self.report is None:
            return ""
        done = {m.name.casefold() for m in self.model_mocks()}
        for name in self.report.plan.planned_mocks:
            if name.casefold() not in done:
                return name
        return ""

    def model_mocks(self) -> list[MockInfo]:
        return [self.model.record_at(row) for row in range(self.model.rowCount())]

    def _dialog(self, *, mock: MockInfo | None = None, topic_quiz: bool = False) -> MockDialog:
        assert self.report is not None
        default_topic = first_incomplete(self.report)
        if mock is None:
            submit = self._add_mock
        else:
            before = mock

            def submit(values: MockValues) -> None:
                self._edit_mock(before, values)

        return MockDialog(
            self.report.plan.profile,
            self._modules,
            submit,
            default_date=self.planner.today(),
            mock=mock,
            default_name="" if topic_quiz else self._next_name(),
            topic_quiz=topic_quiz,
            default_topic_id=default_topic.id if default_topic is not None else None,
            parent=self,
        )

    def _run_dialog(self, dialog: QDialog) -> None:
        """Open *dialog* window-modal without a nested event loop; it is kept until the next one."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def open_add_mock(self) -> MockDialog | None:
        """Ask for a practice exam's results and add it (undoable). Ctrl+M."""
        if self.report is None:
            self.status_message.emit(self.tr("No plan yet: create or import one first"))
            return None
        dialog = self._dialog()
        self._run_dialog(dialog)
        return dialog

    def open_add_quiz(self) -> MockDialog | None:
        """Ask for a topic quiz's result against a module and add it (undoable)."""
        if self.report is None or not self._modules:
            return None
        dialog = self._dialog(topic_quiz=True)
        self._run_dialog(dialog)
        return dialog

    def edit_selected(self) -> MockDialog | None:
        mock = self.selected_mock()
        if mock is None or self.report is None:
            return None
        dialog = self._dialog(mock=mock)
        self._run_dialog(dialog)
        return dialog

    def _add_mock(self, values: MockValues) -> None:
        mock = self.planner.add_mock(
            values.name,
            taken_on=values.taken_on,
            correct=values.correct,
            total=values.total,
            domain_counts=values.domain_counts,
            topic_module_id=values.topic_module_id,
            minutes=values.minutes,
        )
        self.undo_stack.push(
            AddMockCommand(self.planner, mock, changed=self._on_changed, failed=self._on_failed)
        )
        self.select_mock(mock.uuid)
        self.status_message.emit(
            self.tr("Added {0}: {1}").format(mock.name, counts_text(mock.correct, mock.total))
        )

    def _edit_mock(self, before: MockInfo, values: MockValues) -> None:
        unchanged = (
            values.name.strip() == before.name
            and values.taken_on == before.taken_on
            and (values.correct, values.total) == (before.correct, before.total)
            and dict(values.domain_counts) == dict(before.domain_counts)
            and values.topic_module_id == before.topic_module_id
            and values.minutes == before.minutes
        )
        if unchanged:
            return
        after = self.planner.update_mock(
            mock_id(self.planner, before.uuid),
            name=values.name,
            taken_on=values.taken_on,
            correct=values.correct,
            total=values.total,
            domain_counts=values.domain_counts,
            topic_module_id=values.topic_module_id,
            minutes=values.minutes,
        )
        self.undo_stack.push(
            EditMockCommand(
                self.planner, before, after, changed=self._on_changed, failed=self._on_failed
            )
        )
        self.select_mock(after.uuid)

    def delete_selected(self) -> None:
        """Delete the selected test; undo restores it with the same uuid and counts."""
        mock = self.selected_mock()
        if mock is None:
            return
        self.undo_stack.push(
            DeleteMockCommand(self.planner, mock, changed=self._on_changed, failed=self._on_failed)
        )
        self.status_message.emit(self.tr("Deleted {0} (Ctrl+Z undoes)").format(mock.name))
