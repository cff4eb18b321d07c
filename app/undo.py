"""Undo/redo: a QUndoCommand wrapping a Qt-free core `Command` (STYLE.md rule 6).

The core command does the work and returns `Changes`; this wrapper only runs it on redo/undo and
hands the changes to `ProjectContext`, which broadcasts them once. The first redo() that
QUndoStack.push() triggers is skipped: the context has already run the command so that an error
reaches the caller as an exception (a dialog) and nothing lands on the stack.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from coding.commands import Command

if TYPE_CHECKING:
    from app.context import ProjectContext

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("UndoText", text)


def command_text(cmd: Command) -> str:
    """'Apply code: toegang/wachttijd' in the user's language, by the command's stable kind."""
    label = kind_text(cmd.kind)
    return f"{label}: {cmd.detail}" if cmd.detail else label


def kind_text(kind: str) -> str:
    table = {
        "apply_code": _t("Apply code"),
        "remove_coding": _t("Remove coding"),
        "edit_segment": _t("Edit fragment"),
        "change_span": _t("Change fragment span"),
        "segment_memo": _t("Fragment memo"),
        "key_quote": _t("Key quote"),
        "set_valence": _t("Set valence"),
        "in_vivo": _t("In-vivo code"),
        "add_code": _t("New code"),
        "add_codebook": _t("Add codebook"),
        "update_code": _t("Edit code"),
        "rename_code": _t("Rename code"),
        "move_code": _t("Move code"),
        "delete_code": _t("Delete code"),
        "merge_codes": _t("Merge codes"),
        "import_documents": _t("Import documents"),
        "delete_documents": _t("Delete documents"),
        "rename_document": _t("Rename document"),
        "set_attribute": _t("Set attribute"),
        "assign_case": _t("Assign case"),
        "set_memo": _t("Memo"),
        "set_speaker": _t("Edit speaker"),
        "set_role_everywhere": _t("Set speaker role everywhere"),
    }
    return table.get(kind, _t("Change"))


class UndoableCommand(QUndoCommand):
    """One user action on the project's QUndoStack."""

    def __init__(self, command: Command, ctx: ProjectContext) -> None:
        super().__init__(command_text(command))
        self.command = command
        self._ctx = ctx
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done by ProjectContext.push
            self._first = False
            return
        self._ctx.run_step(self.command.do)

    def undo(self) -> None:
        self._ctx.run_step(self.command.undo)
