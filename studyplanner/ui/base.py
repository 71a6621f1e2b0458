"""What every view of the main window shares: the services, the undo stack, and the report."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from studyplanner.services import Report, StudyPlanner


class View(QWidget):
    """A page of the main window.

    The main window computes one :class:`Report` (off the GUI thread) after every change and
    hands it to every view with :meth:`set_report`.  A view writes only through the services
    (usually inside a ``QUndoCommand`` pushed on the shared undo stack) and then emits
    :attr:`data_changed` so that the window recomputes.
    """

    data_changed = Signal()  # something was written; the window recomputes the report
    status_message = Signal(str)  # a short message for the status bar

    def __init__(
        self, planner: StudyPlanner, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.planner = planner
        self.undo_stack = undo_stack

    def set_report(self, report: Report | None) -> None:
        """Show *report* (``None``: there is no plan yet)."""
        raise NotImplementedError
