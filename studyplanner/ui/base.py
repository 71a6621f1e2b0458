"""What every view of the main window shares: the report, and (for pages that write) the
services and the undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from studyplanner.domain.report import Report

if TYPE_CHECKING:
    from studyplanner.services import StudyPlanner


class ReportView(QWidget):
    """A page of the main window: it shows the report that the window hands it.

    The main window computes one :class:`Report` (off the GUI thread) after every change and
    hands it to every page with :meth:`set_report`.  A page that only shows the report (the
    Overview) needs nothing else, so it can also be shown before the services are loaded (the
    figures saved at the last clean close, :mod:`studyplanner.ui.startup`).
    """

    data_changed = Signal()  # something was written; the window recomputes the report
    status_message = Signal(str)  # a short message for the status bar

    def set_report(self, report: Report | None) -> None:
        """Show *report* (``None``: there is no plan yet)."""
        raise NotImplementedError


class View(ReportView):
    """A page that also writes: only through the services (usually inside a ``QUndoCommand``
    pushed on the shared undo stack), then it emits :attr:`data_changed` so that the window
    recomputes."""

    def __init__(
        self, planner: StudyPlanner, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.planner = planner
        self.undo_stack = undo_stack
