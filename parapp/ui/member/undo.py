"""Undoable scoring edits: every edit, its undo and its redo call a scoring service at once.

The first save happens before the command is pushed, so a refused value (not a number, wrong
phase) shows its error and leaves nothing on the stack; the pushed command's first ``redo`` is then
a no-op. Each later undo or redo is one more committed service call: closing or crashing loses
nothing.

The editor keeps the open unit's sheet (from ``set_unit``, then each save's ``ScoreChange.sheet``)
and hands it to the next save, so that a save reads neither the member's scope nor the unit again;
the service drops it by itself when the round's phase has changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from parapp.core.errors import UserFacingError
from parapp.core.numbers import canonical
from parapp.services.sheets import ScoreChange, UnitSheet

if TYPE_CHECKING:
    from parapp.services.context import RoundContext

# The scoring service (and with it the store, SQLAlchemy) is imported by the first save: a window
# shown from a quick read of the workspace is ready before it loads (``services.quick_open``).

log = logging.getLogger(__name__)

Value = str | bool
"""A score as canonical text ("" for none), a comment, or an N/A mark."""


class EditKind(Enum):
    """What an edit changes."""

    SCORE = 1
    COMMENT = 2
    NOT_APPLICABLE = 3


def _score_text(change: ScoreChange, new: bool) -> str:
    stored = change.new if new else change.old
    value = stored.value if stored is not None else None
    return "" if value is None else canonical(value)


def _values(kind: EditKind, change: ScoreChange) -> tuple[Value, Value]:
    """The edited field before and after ``change``."""
    old = change.old
    if kind is EditKind.SCORE:
        return _score_text(change, False), _score_text(change, True)
    if kind is EditKind.COMMENT:
        return (old.comment if old else ""), change.new.comment
    return (old.not_applicable if old else False), change.new.not_applicable


class EditCommand(QUndoCommand):
    """One saved edit of one leaf; consecutive edits of the same cell merge into one step."""

    def __init__(
        self,
        editor: ScoreEditor,
        kind: EditKind,
        unit_id: str,
        code: str,
        old: Value,
        new: Value,
    ) -> None:
        super().__init__()
        self._editor = editor
        self.kind = kind
        self.unit_id = unit_id
        self.code = code
        self.old = old
        self.new = new
        self._pending_first_redo = True
        self.setText(self._describe())

    def _describe(self) -> str:
        texts = {
            EditKind.SCORE: QCoreApplication.translate("undo", "score of %1"),
            EditKind.COMMENT: QCoreApplication.translate("undo", "comment on %1"),
            EditKind.NOT_APPLICABLE: QCoreApplication.translate("undo", "N/A mark of %1"),
        }
        return texts[self.kind].replace("%1", self.code)

    def redo(self) -> None:
        if self._pending_first_redo:
            # The edit was saved before the push (see the module docstring).
            self._pending_first_redo = False
            return
        self._editor.apply(self.kind, self.unit_id, self.code, self.new)

    def undo(self) -> None:
        self._editor.apply(self.kind, self.unit_id, self.code, self.old)

    def id(self) -> int:
        return self.kind.value

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not (
            isinstance(other, EditCommand)
            and other.kind is self.kind
            and other.unit_id == self.unit_id
            and other.code == self.code
        ):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class ScoreEditor(QObject):
    """Saves a member's edits through the scoring services and records them on an undo stack."""

    changed = Signal(object)
    """A ``ScoreChange`` was saved (by an edit, an undo or a redo)."""
    failed = Signal(object)
    """A save was refused; carries the exception."""

    def __init__(
        self,
        ctx: RoundContext | Callable[[], RoundContext],
        member_id: str,
        stack: QUndoStack,
        parent: QObject | None = None,
    ) -> None:
        """``ctx``: the open round, or a function that returns it (opening it on first use)."""
        super().__init__(parent)
        self._store: Callable[[], RoundContext] = ctx if callable(ctx) else (lambda: ctx)
        self._member_id = member_id
        self._stack = stack
        self._unit_id = ""
        self._sheet: UnitSheet | None = None

    def set_unit(self, unit_id: str, sheet: UnitSheet | None = None) -> None:
        """The unit whose leaves ``set_*`` edit, and its sheet as just loaded (kept for the
        saves; None: the first save reads it)."""
        self._unit_id = unit_id
        self._sheet = sheet if sheet is not None and sheet.unit.id == unit_id else None

    def forget_sheet(self) -> None:
        """Drop the kept sheet (the next save reads the scope, phase and unit afresh)."""
        self._sheet = None

    def unit_id(self) -> str:
        """The unit being edited."""
        return self._unit_id

    def stack(self) -> QUndoStack:
        """The undo stack."""
        return self._stack

    def set_score(self, code: str, text: str) -> bool:
        """Save a typed score ("8,5", "8.5"; blank clears); False when refused."""
        return self._edit(EditKind.SCORE, code, text.strip())

    def set_comment(self, code: str, comment: str) -> bool:
        """Save the member's comment; False when refused."""
        return self._edit(EditKind.COMMENT, code, comment)

    def set_not_applicable(self, code: str, not_applicable: bool) -> bool:
        """Mark or clear "not applicable"; False when refused."""
        return self._edit(EditKind.NOT_APPLICABLE, code, not_applicable)

    def _edit(self, kind: EditKind, code: str, value: Value) -> bool:
        change = self._save(kind, self._unit_id, code, value)
        if change is None:
            return False
        old, new = _values(kind, change)
        if old != new:
            self._stack.push(EditCommand(self, kind, self._unit_id, code, old, new))
        return True

    def apply(self, kind: EditKind, unit_id: str, code: str, value: Value) -> None:
        """Save ``value`` again (an undo or a redo)."""
        self._save(kind, unit_id, code, value)

    def _save(self, kind: EditKind, unit_id: str, code: str, value: Value) -> ScoreChange | None:
        from parapp.services import scoring  # noqa: PLC0415 - see the imports

        member = self._member_id
        try:
            ctx = self._store()  # may open the store first, and drop a sheet it no longer holds
            sheet = self._sheet
            kept = sheet if sheet is not None and sheet.unit.id == unit_id else None
            if kind is EditKind.SCORE:
                change = scoring.save_appraisal(ctx, member, unit_id, code, str(value), sheet=kept)
            elif kind is EditKind.COMMENT:
                change = scoring.save_comment(ctx, member, unit_id, code, str(value), sheet=kept)
            else:
                change = scoring.set_not_applicable(
                    ctx, member, unit_id, code, bool(value), sheet=kept
                )
        except UserFacingError as exc:
            log.info("edit of %s/%s refused: %s", unit_id, code, exc)
            self._sheet = None
            self.failed.emit(exc)
            return None
        if unit_id == self._unit_id:
            self._sheet = change.sheet
        self.changed.emit(change)
        return change
