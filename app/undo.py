"""Undo/redo: a QUndoCommand wrapping a Qt-free core `Command` (STYLE.md rule 6), and the
translated undo texts.

The core command does the work and returns `Changes`; this wrapper only hands its `do`/`undo`
to the `step` it was given (`ProjectContext` runs and broadcasts them). The first redo() that
QUndoStack.push() triggers is skipped: `ProjectContext.run` has already run the command, so an
error reaches the user before anything lands on the stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from coding.commands import Command
from coding.project import Project
from coding.types import Changes

Step = Callable[[Callable[[Project], Changes]], bool]


def command_text(cmd: Command) -> str:
    """'Apply code: toegang/wachttijd' in the user's language, by the command's stable kind."""
    label = kind_text(cmd.kind)
    return f"{label}: {cmd.detail}" if cmd.detail else label


def kind_text(kind: str) -> str:
    table = {
        "apply_code": QCoreApplication.translate("UndoText", "Apply code"),
        "remove_coding": QCoreApplication.translate("UndoText", "Remove coding"),
        "edit_segment": QCoreApplication.translate("UndoText", "Edit fragment"),
        "change_span": QCoreApplication.translate("UndoText", "Change fragment span"),
        "segment_memo": QCoreApplication.translate("UndoText", "Fragment memo"),
        "key_quote": QCoreApplication.translate("UndoText", "Key quote"),
        "set_valence": QCoreApplication.translate("UndoText", "Set valence"),
        "in_vivo": QCoreApplication.translate("UndoText", "In-vivo code"),
        "add_code": QCoreApplication.translate("UndoText", "New code"),
        "add_codebook": QCoreApplication.translate("UndoText", "Add codebook"),
        "update_code": QCoreApplication.translate("UndoText", "Edit code"),
        "rename_code": QCoreApplication.translate("UndoText", "Rename code"),
        "move_code": QCoreApplication.translate("UndoText", "Move code"),
        "delete_code": QCoreApplication.translate("UndoText", "Delete code"),
        "merge_codes": QCoreApplication.translate("UndoText", "Merge codes"),
        "import_documents": QCoreApplication.translate("UndoText", "Import documents"),
        "delete_documents": QCoreApplication.translate("UndoText", "Delete documents"),
        "rename_document": QCoreApplication.translate("UndoText", "Rename document"),
        "set_attribute": QCoreApplication.translate("UndoText", "Set attribute"),
        "assign_case": QCoreApplication.translate("UndoText", "Assign case"),
        "set_case_attribute": QCoreApplication.translate("UndoText", "Set case attribute"),
        "rename_case": QCoreApplication.translate("UndoText", "Rename case"),
        "set_memo": QCoreApplication.translate("UndoText", "Memo"),
        "set_speaker": QCoreApplication.translate("UndoText", "Edit speaker"),
        "set_role_everywhere": QCoreApplication.translate("UndoText", "Set speaker role everywhere"),
        "merge_projects": QCoreApplication.translate("UndoText", "Merge projects"),
        "cell_summary": QCoreApplication.translate("UndoText", "Matrix cell summary"),
        "pseudonymise": QCoreApplication.translate("UndoText", "Pseudonymise"),
        "confirm_pseudonyms": QCoreApplication.translate("UndoText", "Confirm pseudonyms"),
        "withdraw_consent": QCoreApplication.translate("UndoText", "Withdraw consent"),
        "pseudonym_names_add": QCoreApplication.translate("UndoText", "Add to the name list"),
        "pseudonym_name_remove": QCoreApplication.translate("UndoText",
                                                            "Remove from the name list"),
        "pseudonym_name_edit": QCoreApplication.translate("UndoText", "Edit the name list"),
        "pseudonym_attribute": QCoreApplication.translate("UndoText",
                                                          "Identifying attribute"),
        "pseudonym_reject": QCoreApplication.translate("UndoText", "Keep original"),
        "rename_coder": QCoreApplication.translate("UndoText", "Rename coder"),
        "code_search_hits": QCoreApplication.translate("UndoText", "Code all hits"),
        "accept_suggestions": QCoreApplication.translate("UndoText", "Accept suggestions"),
        "import_codebook": QCoreApplication.translate("UndoText", "Import codebook"),
        "mark_event": QCoreApplication.translate("UndoText", "Mark event"),
        "edit_event": QCoreApplication.translate("UndoText", "Edit event"),
        "remove_event": QCoreApplication.translate("UndoText", "Remove event"),
        "add_event_type": QCoreApplication.translate("UndoText", "New event type"),
        "update_event_type": QCoreApplication.translate("UndoText", "Edit event type"),
        "remove_event_type": QCoreApplication.translate("UndoText", "Remove event type"),
        "import_survey": QCoreApplication.translate("UndoText", "Import questionnaire"),
        "survey_top_box": QCoreApplication.translate("UndoText", "Questionnaire top box"),
        "survey_link": QCoreApplication.translate("UndoText", "Link questionnaire item"),
        "create_group": QCoreApplication.translate("UndoText", "New group"),
        "delete_group": QCoreApplication.translate("UndoText", "Delete group"),
        "rename_group": QCoreApplication.translate("UndoText", "Rename group"),
        "group_members": QCoreApplication.translate("UndoText", "Change group"),
    }
    return table.get(kind, QCoreApplication.translate("UndoText", "Change"))


class UndoableCommand(QUndoCommand):
    """One user action on the project's QUndoStack."""

    def __init__(self, command: Command, step: Step) -> None:
        super().__init__(command_text(command))
        self.command = command
        self._step = step
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done by ProjectContext.run
            self._first = False
            return
        if not self._step(self.command.do):
            self.setObsolete(True)

    def undo(self) -> None:
        # A step that failed changed nothing (someone else changed the same fragment since,
        # say): it leaves the history, so the stack never claims what the project does not hold.
        if not self._step(self.command.undo):
            self.setObsolete(True)
