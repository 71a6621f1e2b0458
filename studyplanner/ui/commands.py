"""Undoable commands shared by the pages, one section per subject.

Other pages keep their commands in their own modules (``log_commands.py``: sessions, mock tests);
every command derives from :class:`~studyplanner.ui.log_commands.PlannerCommand` and writes through
the services only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import weakref
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from studyplanner.domain.records import ModuleInfo
from studyplanner.services import ModuleRecord, StudyPlanner, ValidationError
from studyplanner.ui.log_commands import Changed, Failed, PlannerCommand

# -- plan and modules ------------------------------------------------------------------------
#
# A module has no uuid.  A module that is deleted and put back (undo of a delete, redo of an add)
# keeps its row id unless another row took it meanwhile; commands therefore name modules by a key
# from the undo stack's ModuleKeys, which follows the module from row id to row id.


class ModuleKeys:
    """Stable keys for modules, whose row id may change when a delete is undone."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)
        self._id_of: dict[int, int] = {}
        self._key_of: dict[int, int] = {}

    def key(self, module_id: int) -> int:
        """The key of the module now stored as *module_id* (a new key for a module not seen)."""
        if module_id not in self._key_of:
            key = next(self._counter)
            self._key_of[module_id] = key
            self._id_of[key] = module_id
        return self._key_of[module_id]

    def id(self, key: int) -> int:
        """The row id the module with *key* has now."""
        return self._id_of[key]

    def bind(self, key: int, module_id: int) -> None:
        """The module with *key* was put back as *module_id*."""
        self._id_of[key] = module_id
        self._key_of[module_id] = key

    def forget(self, key: int) -> None:
        """The module with *key* was deleted: its row id may be given to another module."""
        self._key_of.pop(self._id_of[key], None)


_keys_by_stack: weakref.WeakKeyDictionary[QUndoStack, ModuleKeys] = weakref.WeakKeyDictionary()


def module_keys(stack: QUndoStack) -> ModuleKeys:
    """The module keys of the commands on *stack* (one registry per undo stack)."""
    keys = _keys_by_stack.get(stack)
    if keys is None:
        keys = _keys_by_stack[stack] = ModuleKeys()
    return keys


def _current(planner: StudyPlanner, module_id: int) -> ModuleInfo:
    for module in planner.modules():
        if module.id == module_id:
            return module
    raise ValidationError(
        "module",
        QCoreApplication.translate("PlannerCommand", "module {0} no longer exists").format(
            module_id
        ),
    )


class _ModuleLifeCommand(PlannerCommand):
    """Add and delete are inverses: remove a module (keeping what the services return to undo
    the delete) or put it back exactly, row ids included."""

    def __init__(
        self,
        text: str,
        planner: StudyPlanner,
        keys: ModuleKeys,
        module: ModuleInfo,
        *,
        changed: Changed,
        failed: Failed,
        done: bool,
    ) -> None:
        super().__init__(text, planner, changed=changed, failed=failed, done=done)
        self.keys = keys
        self.key = keys.key(module.id)
        self.record: ModuleRecord | None = None

    def _remove(self) -> None:
        self.record = self.planner.delete_module(self.keys.id(self.key))
        self.keys.forget(self.key)

    def _put_back(self) -> None:
        assert self.record is not None, "put back before it was removed"
        restored = self.planner.restore_module(self.record)
        self.keys.bind(self.key, restored.id)


class AddModuleCommand(_ModuleLifeCommand):
    """A module the caller has just added: undo deletes it, redo puts it back."""

    def __init__(
        self,
        planner: StudyPlanner,
        keys: ModuleKeys,
        module: ModuleInfo,
        *,
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("AddModuleCommand", "Add module '{0}'").format(module.name),
            planner,
            keys,
            module,
            changed=changed,
            failed=failed,
            done=True,
        )

    def apply(self) -> None:
        self._put_back()

    def revert(self) -> None:
        self._remove()


class DeleteModuleCommand(_ModuleLifeCommand):
    """Delete a module with its sessions, progress and shares; undo puts every row back."""

    def __init__(
        self,
        planner: StudyPlanner,
        keys: ModuleKeys,
        module: ModuleInfo,
        *,
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("DeleteModuleCommand", "Delete module '{0}'").format(
                module.name
            ),
            planner,
            keys,
            module,
            changed=changed,
            failed=failed,
            done=False,
        )

    def apply(self) -> None:
        self._remove()

    def revert(self) -> None:
        self._put_back()


def write_module(planner: StudyPlanner, module_id: int, values: ModuleInfo) -> ModuleInfo:
    """Give the stored module *module_id* the editable fields of *values*.

    The services cannot clear a video length once set, so a video length of None is left as it is.
    """
    return planner.update_module(
        module_id,
        name=values.name,
        kind=values.kind,
        effort_hours=values.effort_hours,
        weeks=values.weeks,
        video_seconds=values.video_seconds,
        note=values.note,
    )


class EditModuleCommand(PlannerCommand):
    """A module changed by the edit dialog (the caller made the first write)."""

    def __init__(
        self,
        planner: StudyPlanner,
        keys: ModuleKeys,
        before: ModuleInfo,
        after: ModuleInfo,
        *,
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("EditModuleCommand", "Edit module '{0}'").format(
                before.name
            ),
            planner,
            changed=changed,
            failed=failed,
            done=True,
        )
        self.keys = keys
        self.key = keys.key(before.id)
        self.before = before
        self.after = after

    def apply(self) -> None:
        write_module(self.planner, self.keys.id(self.key), self.after)

    def revert(self) -> None:
        write_module(self.planner, self.keys.id(self.key), self.before)


class MoveModuleCommand(PlannerCommand):
    """Move a module to another position in the plan."""

    def __init__(
        self,
        planner: StudyPlanner,
        keys: ModuleKeys,
        module: ModuleInfo,
        new_position: int,
        *,
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(
            QCoreApplication.translate(
                "MoveModuleCommand", "Move module '{0}' to position {1}"
            ).format(module.name, new_position),
            planner,
            changed=changed,
            failed=failed,
        )
        self.keys = keys
        self.key = keys.key(module.id)
        self.old_position = module.position
        self.new_position = new_position

    def apply(self) -> None:
        self.planner.move_module(self.keys.id(self.key), self.new_position)

    def revert(self) -> None:
        self.planner.move_module(self.keys.id(self.key), self.old_position)


@dataclasses.dataclass(frozen=True, slots=True)
class PlanSettings:
    """Plan fields for :meth:`StudyPlanner.set_plan`; None leaves a field as it is."""

    start: dt.date | None = None
    exam: dt.date | None = None
    profile: str | None = None
    pass_mark: float | None = None
    effort_multiplier: float | None = None
    weekly_budget_hours: float | None = None

    def write(self, planner: StudyPlanner) -> None:
        planner.set_plan(
            start=self.start,
            exam=self.exam,
            profile=self.profile,
            pass_mark=self.pass_mark,
            effort_multiplier=self.effort_multiplier,
            weekly_budget_hours=self.weekly_budget_hours,
        )

    def current(self, planner: StudyPlanner) -> PlanSettings:
        """The stored values of the fields this change sets (what undo puts back)."""
        plan = planner.require_plan()
        return PlanSettings(
            start=None if self.start is None else plan.start,
            exam=None if self.exam is None else plan.exam,
            profile=None if self.profile is None else plan.profile.name,
            pass_mark=None if self.pass_mark is None else plan.pass_mark,
            effort_multiplier=None if self.effort_multiplier is None else plan.effort_multiplier,
            weekly_budget_hours=(
                None if self.weekly_budget_hours is None else plan.weekly_budget_hours
            ),
        )


class SetPlanCommand(PlannerCommand):
    """Plan settings changed (the caller made the first write, so a refusal is shown inline)."""

    def __init__(
        self,
        planner: StudyPlanner,
        before: PlanSettings,
        after: PlanSettings,
        *,
        changed: Changed,
        failed: Failed,
        text: str | None = None,
    ) -> None:
        if text is None:
            text = QCoreApplication.translate("SetPlanCommand", "Change plan settings")
        super().__init__(text, planner, changed=changed, failed=failed, done=True)
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.after.write(self.planner)

    def revert(self) -> None:
        self.before.write(self.planner)


def change_plan(
    stack: QUndoStack,
    planner: StudyPlanner,
    after: PlanSettings,
    *,
    changed: Changed,
    failed: Failed,
    text: str | None = None,
) -> None:
    """Write *after* (a ValidationError propagates, nothing is written), then make it undoable."""
    before = after.current(planner)
    after.write(planner)
    stack.push(SetPlanCommand(planner, before, after, changed=changed, failed=failed, text=text))


class SetSharesCommand(PlannerCommand):
    """New module → domain shares for one or more modules, written all together or not at all."""

    def __init__(
        self,
        planner: StudyPlanner,
        keys: ModuleKeys,
        changes: Sequence[tuple[ModuleInfo, Mapping[str, float]]],
        *,
        changed: Changed,
        failed: Failed,
    ) -> None:
        count = len(changes)
        text = (
            QCoreApplication.translate("SetSharesCommand", "Edit domain shares of '{0}'").format(
                changes[0][0].name
            )
            if count == 1
            else QCoreApplication.translate(
                "SetSharesCommand", "Edit domain shares of {0} modules"
            ).format(count)
        )
        super().__init__(text, planner, changed=changed, failed=failed, done=True)
        self.keys = keys
        self.changes = [(keys.key(m.id), dict(m.shares), dict(new)) for m, new in changes]

    def apply(self) -> None:
        self._write([(key, new) for key, _, new in self.changes])

    def revert(self) -> None:
        self._write([(key, old) for key, old, _ in self.changes])

    def _write(self, rows: Sequence[tuple[int, Mapping[str, float]]]) -> None:
        """Write each row; if one is refused, put back those already written and re-raise."""
        written: list[tuple[int, dict[str, float]]] = []
        try:
            for key, shares in rows:
                module_id = self.keys.id(key)
                before = dict(_current(self.planner, module_id).shares)
                self.planner.set_module_shares(module_id, shares)
                written.append((module_id, before))
        except BaseException:
            for module_id, previous in reversed(written):
                self.planner.set_module_shares(module_id, previous)
            raise


def change_shares(
    stack: QUndoStack,
    planner: StudyPlanner,
    changes: Sequence[tuple[ModuleInfo, Mapping[str, float]]],
    *,
    changed: Changed,
    failed: Failed,
) -> None:
    """Write the shares (a ValidationError propagates, nothing stays written); make it undoable."""
    command = SetSharesCommand(planner, module_keys(stack), changes, changed=changed, failed=failed)
    command.apply()
    stack.push(command)
