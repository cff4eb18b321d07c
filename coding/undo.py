"""A Qt-free undo stack for the command line, scripts and tests (the GUI uses QUndoStack).

It knows commands only by their shape (`do`/`undo` on a target), so the project can keep one
without importing the commands, and the commands can name the project without a circle.
"""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from coding.types import Changes

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)


class Undoable(Protocol[T_contra]):
    def do(self, p: T_contra) -> Changes: ...

    def undo(self, p: T_contra) -> Changes: ...


class UndoStack(Generic[T]):
    def __init__(self, target: T) -> None:
        self._target = target
        self._done: list[Undoable[T]] = []
        self._undone: list[Undoable[T]] = []

    def push(self, cmd: Undoable[T]) -> Changes:
        """Run `cmd` and keep it for undo; a final step (``undoable = False``: withdrawing
        consent, confirming pseudonyms) clears the history instead: nothing before it can be
        taken back, and no snapshot of what it removed is kept."""
        changes = cmd.do(self._target)
        self._undone.clear()
        if getattr(cmd, "undoable", True):
            self._done.append(cmd)
        else:
            self._done.clear()
        return changes

    def undo(self) -> Changes:
        if not self._done:
            return Changes()
        cmd = self._done.pop()
        changes = cmd.undo(self._target)
        self._undone.append(cmd)
        return changes

    def redo(self) -> Changes:
        if not self._undone:
            return Changes()
        cmd = self._undone.pop()
        changes = cmd.do(self._target)
        self._done.append(cmd)
        return changes

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)
