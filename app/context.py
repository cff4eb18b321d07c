"""ProjectContext: the one object every widget shares: the open project, its QUndoStack, the
current coder, and the `changed(Changes)` signal broadcast once per mutation (STYLE.md rule 7).

Widgets receive the context (or the managers they need), never the main window. They mutate the
project only through `push(command)` (undoable) or `notify(changes)` after work a worker did, and
refresh only what the broadcast `Changes` say they show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.undo import UndoableCommand
from coding.coders import coder_name, resolve_coder
from coding.commands import Command
from coding.project import Project
from coding.types import Changes

log = logging.getLogger(__name__)

class ProjectContext(QObject):
    changed = Signal(object)  # Changes, once per mutation (do, undo, redo, import)
    project_changed = Signal()  # another project was opened (or the project was closed)
    coder_changed = Signal(str)
    error = Signal(object)  # an exception raised while undoing/redoing; the window shows it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.undo_stack = QUndoStack(self)
        self._coder = ""
        self.hidden_coders: set[str] = set()  # blind coding: codings of these are not shown

    # -- project -------------------------------------------------------------------------------

    @property
    def readonly(self) -> bool:
        return self.project is not None and self.project.store.readonly

    def set_project(self, project: Project | None) -> None:
        """Make `project` the open project (closing the previous one); clears the undo stack."""
        old, self.project = self.project, project
        self.undo_stack.clear()
        self.undo_stack.setClean()
        if old is not None and old is not project:
            old.close()
        if project is not None and self._coder:
            project.coder = self._coder  # the window's choice outlives the project it was made in
        self.project_changed.emit()

    def close(self) -> None:
        self.set_project(None)

    # -- coder ---------------------------------------------------------------------------------

    @property
    def coder(self) -> str:
        """Who codes: the name chosen in this window, else the core's default (one rule)."""
        return self.project.coder if self.project is not None else resolve_coder(self._coder)

    @coder.setter
    def coder(self, name: str) -> None:
        name = coder_name(name)
        if not name or name == self._coder:
            return
        self._coder = name
        if self.project is not None:
            self.project.coder = name
        self.coder_changed.emit(name)

    # -- mutations -----------------------------------------------------------------------------

    def push(self, command: Command) -> Changes:
        """Run a core command now (one transaction) and put it on the undo stack.

        Errors (DuidingError...) propagate to the caller before anything is pushed.
        """
        if self.project is None:
            raise RuntimeError("no project is open")
        changes = command.do(self.project)
        self.undo_stack.push(UndoableCommand(command, self))
        self.changed.emit(changes)
        return changes

    @contextmanager
    def macro(self, kind: str, detail: str = "") -> Iterator[None]:
        """Several pushes as one undo step (a QUndoStack macro: parent with children)."""
        from app.undo import kind_text

        label = kind_text(kind)
        self.undo_stack.beginMacro(f"{label}: {detail}" if detail else label)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def notify(self, changes: Changes) -> None:
        """Broadcast changes made outside the undo stack (e.g. by a worker)."""
        if changes:
            self.changed.emit(changes)

    def run_step(self, step: Callable[[Project], Changes]) -> None:
        """Undo or redo one step (called by UndoableCommand); errors go to `error`."""
        if self.project is None:
            return
        try:
            changes = step(self.project)
        except Exception as exc:  # undo of a stale command: show it, never crash
            log.exception("undo/redo failed")
            self.error.emit(exc)
            return
        self.changed.emit(changes)
