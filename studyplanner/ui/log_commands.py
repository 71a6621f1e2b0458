"""Undoable writes of the Log and Mock tests pages: study sessions and mock tests.

Every command writes through the services only.  Records are found by their uuid, never by a
remembered row id, because undoing a delete may put the record back under a new id (a session
always; a mock test when another row took its id meanwhile).
A command whose first write the caller already made (so that a dialog could show a refusal before
anything reached the undo stack) is built with ``done=True`` and skips its first ``redo``.

A failure during undo or redo (the record vanished, the disk is full) must reach the user instead of
being lost in Qt's C++ caller: the command reports it through *failed* and makes itself obsolete, so
that the undo stack drops it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from studyplanner.domain.records import MockInfo, SessionInfo
from studyplanner.services import MockRecord, SessionRows, StudyPlanner, ValidationError
from studyplanner.ui.models.sessions_model import local_start

Changed = Callable[[], None]  # called after every redo and undo, even a failed one
Failed = Callable[[str], None]  # called with a message for the user when a write failed


class PlannerCommand(QUndoCommand):
    """Base of the commands here: error reporting, the ``done`` flag, the change callback."""

    def __init__(
        self,
        text: str,
        planner: StudyPlanner,
        *,
        changed: Changed,
        failed: Failed,
        done: bool = False,
    ) -> None:
        super().__init__(text)
        self.planner = planner
        self._changed = changed
        self._failed = failed
        self._skip_redo = done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            self._changed()
        else:
            self._run(self.apply, QCoreApplication.translate("PlannerCommand", "Redo"))

    def undo(self) -> None:
        self._run(self.revert, QCoreApplication.translate("PlannerCommand", "Undo"))

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def _run(self, action: Callable[[], None], verb: str) -> None:
        try:
            action()
        except Exception as exc:  # a failed write must reach the user, not Qt's C++ caller
            self.setObsolete(True)
            self._changed()
            self._failed(
                QCoreApplication.translate("PlannerCommand", "{0} '{1}' failed: {2}").format(
                    verb, self.text(), exc
                )
            )
        else:
            self._changed()


# -- study sessions --------------------------------------------------------------------------


def session_id(planner: StudyPlanner, uuid: str) -> int:
    """The current row id of the session with *uuid*."""
    for session in planner.sessions():
        if session.uuid == uuid:
            return session.id
    raise ValidationError(
        "session", QCoreApplication.translate("PlannerCommand", "this session no longer exists")
    )


def put_session(planner: StudyPlanner, target: SessionInfo) -> SessionInfo:
    """Make the stored session with ``target.uuid`` equal to *target*.

    Module, start, minutes and note are put back in one update when the session was logged in the
    planner's own zone; otherwise the session is deleted and put back exactly as *target*, with the
    same uuid.
    """
    current = planner.get_session(session_id(planner, target.uuid))
    moved = current.started_at != target.started_at
    if moved and target.zone != planner.zone_name:
        planner.delete_session(current.id)
        return planner.restore_session(target)
    start = local_start(target)
    return planner.update_session(
        current.id,
        module_id=target.module_id,
        minutes=target.minutes,
        note=target.note,
        on=start.date() if moved else None,
        at=start.time() if moved else None,
    )


class AddSessionCommand(PlannerCommand):
    """A logged session (by the quick log, the dialog or the timer): undo deletes it."""

    def __init__(
        self,
        planner: StudyPlanner,
        session: SessionInfo,
        *,
        changed: Changed,
        failed: Failed,
        text: str | None = None,
    ) -> None:
        super().__init__(
            text
            or QCoreApplication.translate("AddSessionCommand", "Log {0} min on {1}").format(
                session.minutes, session.module_name
            ),
            planner,
            changed=changed,
            failed=failed,
            done=True,
        )
        self.session = session

    def apply(self) -> None:
        self.session = self.planner.restore_session(self.session)

    def revert(self) -> None:
        self.planner.delete_session(session_id(self.planner, self.session.uuid))


class EditSessionCommand(PlannerCommand):
    """A session changed by the edit dialog: undo puts back every field as it was."""

    def __init__(
        self,
        planner: StudyPlanner,
        before: SessionInfo,
        after: SessionInfo,
        *,
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("EditSessionCommand", "Edit session of {0} on {1}").format(
                before.local_date, before.module_name
            ),
            planner,
            changed=changed,
            failed=failed,
            done=True,
        )
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.after = put_session(self.planner, self.after)

    def revert(self) -> None:
        self.before = put_session(self.planner, self.before)


class DeleteSessionCommand(PlannerCommand):
    """A deleted session: undo restores it with the same uuid."""

    def __init__(
        self, planner: StudyPlanner, session: SessionInfo, *, changed: Changed, failed: Failed
    ) -> None:
        super().__init__(
            QCoreApplication.translate(
                "DeleteSessionCommand", "Delete session of {0} on {1}"
            ).format(session.local_date, session.module_name),
            planner,
            changed=changed,
            failed=failed,
        )
        self.session = session

    def apply(self) -> None:
        self.session = self.planner.delete_session(session_id(self.planner, self.session.uuid))

    def revert(self) -> None:
        self.session = self.planner.restore_session(self.session)


class ImportSessionsCommand(PlannerCommand):
    """Sessions imported from a file (already written): undo deletes exactly those, in one unit
    of work; redo puts them back as they were stored."""

    def __init__(
        self,
        planner: StudyPlanner,
        uuids: Sequence[str],
        *,
        text: str,
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(text, planner, changed=changed, failed=failed, done=True)
        self.uuids = tuple(uuids)
        self.rows: SessionRows = ()

    def apply(self) -> None:
        self.planner.put_back_sessions(self.rows)

    def revert(self) -> None:
        self.rows = self.planner.take_sessions(self.uuids)


# -- mock tests ------------------------------------------------------------------------------


def mock_id(planner: StudyPlanner, uuid: str) -> int:
    """The current row id of the mock test with *uuid*."""
    for mock in planner.mocks():
        if mock.uuid == uuid:
            return mock.id
    raise ValidationError(
        "mock test",
        QCoreApplication.translate("PlannerCommand", "this mock test no longer exists"),
    )


def write_mock(planner: StudyPlanner, target: MockInfo) -> MockInfo:
    """Give the stored test with ``target.uuid`` every value of *target* (one update)."""
    return planner.update_mock(
        mock_id(planner, target.uuid),
        name=target.name,
        taken_on=target.taken_on,
        correct=target.correct,
        total=target.total,
        domain_counts=target.domain_counts,
        topic_module_id=target.topic_module_id,
        minutes=target.minutes,
    )


class AddMockCommand(PlannerCommand):
    """A mock test added by the dialog: undo deletes it, redo puts its rows back exactly."""

    def __init__(
        self, planner: StudyPlanner, mock: MockInfo, *, changed: Changed, failed: Failed
    ) -> None:
        super().__init__(
            QCoreApplication.translate("AddMockCommand", "Add mock test '{0}'").format(mock.name),
            planner,
            changed=changed,
            failed=failed,
            done=True,
        )
        self.mock = mock
        self.record: MockRecord | None = None

    def apply(self) -> None:
        assert self.record is not None, "put back before it was removed"
        self.mock = self.planner.restore_mock(self.record)

    def revert(self) -> None:
        self.record = self.planner.delete_mock(mock_id(self.planner, self.mock.uuid))


class EditMockCommand(PlannerCommand):
    """A mock test edited by the dialog: an update in place; undo writes the old values back."""

    def __init__(
        self,
        planner: StudyPlanner,
        before: MockInfo,
        after: MockInfo,
        *,
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("EditMockCommand", "Edit mock test '{0}'").format(
                before.name
            ),
            planner,
            changed=changed,
            failed=failed,
            done=True,
        )
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.after = write_mock(self.planner, self.after)

    def revert(self) -> None:
        self.before = write_mock(self.planner, self.before)


class DeleteMockCommand(PlannerCommand):
    """A deleted mock test: undo puts its rows back exactly (ids and creation time included)."""

    def __init__(
        self, planner: StudyPlanner, mock: MockInfo, *, changed: Changed, failed: Failed
    ) -> None:
        super().__init__(
            QCoreApplication.translate("DeleteMockCommand", "Delete mock test '{0}'").format(
                mock.name
            ),
            planner,
            changed=changed,
            failed=failed,
        )
        self.mock = mock
        self.record: MockRecord | None = None

    def apply(self) -> None:
        self.record = self.planner.delete_mock(mock_id(self.planner, self.mock.uuid))

    def revert(self) -> None:
        assert self.record is not None, "put back before it was removed"
        self.mock = self.planner.restore_mock(self.record)
