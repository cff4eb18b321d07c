"""Undoable commands: every user-visible change is one (STYLE.md rule 6).

A command holds IDs and the snapshots it needs, does its work through the project's managers and
returns `Changes`. The GUI runs each through `ProjectContext.run` (one transaction, one undo step,
one broadcast); headless code keeps them on `coding.undo.UndoStack`. Redo brings back the very
same IDs (snapshots restore rows with their IDs), so commands further up the stack stay valid.
`kind` is a stable code the GUI translates.

Long commands (pseudonymisation, merging a project) call `report_progress()` and check
`cancelled()` inside `do()`; whoever runs them binds both with `bind()`. Raising
`CommandCancelled` rolls the transaction back, so a cancelled command leaves nothing behind.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence

from coding.project import Project
from coding.types import Changes
from models.errors import DuidingError

Progress = Callable[[int, int, str], None]


class CommandCancelled(DuidingError):
    """The user cancelled a long command; its transaction was rolled back."""

    code = "cancelled"


def _no_progress(_done: int, _total: int, _text: str) -> None:
    return None


class Command(ABC):
    kind: str = "command"
    #: False for a final step that cannot be taken back (withdrawing consent, confirming the
    #: pseudonym key): it is run and reported like any change but never put on an undo stack.
    undoable: bool = True

    def __init__(self) -> None:
        self.detail = ""  # e.g. the code path, shown after the translated kind
        self._progress: Progress = _no_progress
        self._cancelled: Callable[[], bool] = bool

    @abstractmethod
    def do(self, p: Project) -> Changes: ...

    @abstractmethod
    def undo(self, p: Project) -> Changes: ...

    def is_empty(self) -> bool:
        """True when `do` changed nothing (a merge that found nothing new): not worth an undo
        step."""
        return False

    # -- long commands ---------------------------------------------------------------------------

    def bind(self, progress: Progress | None = None,
             cancelled: Callable[[], bool] | None = None) -> None:
        """Where `report_progress` goes and what `cancelled` asks (set by whoever runs the command)."""
        self._progress = progress or _no_progress
        self._cancelled = cancelled or bool

    def report_progress(self, done: int, total: int, text: str = "") -> None:
        self._progress(done, total, text)

    def cancelled(self) -> bool:
        return self._cancelled()

    def check_cancelled(self) -> None:
        """Raise `CommandCancelled` (rolling the transaction back) when the user cancelled."""
        if self._cancelled():
            raise CommandCancelled("cancelled")


class Macro(Command):
    """Several commands as one user action: one transaction, one undo step."""

    kind = "macro"

    def __init__(self, kind: str, children: Sequence[Command], detail: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.children = list(children)
        self.detail = detail

    def bind(self, progress: Progress | None = None,
             cancelled: Callable[[], bool] | None = None) -> None:
        super().bind(progress, cancelled)
        for child in self.children:
            child.bind(progress, cancelled)

    def do(self, p: Project) -> Changes:
        changes = Changes()
        with p.store.write():
            for index, child in enumerate(self.children):
                self.check_cancelled()
                changes = changes | child.do(p)
                self.report_progress(index + 1, len(self.children))
        return changes

    def undo(self, p: Project) -> Changes:
        changes = Changes()
        with p.store.write():
            for child in reversed(self.children):
                changes = changes | child.undo(p)
        return changes
