"""Undoable edits of cases: their attributes (a family's gemeente, number of children) and names.

Kept apart from `coding/commands.py` so the case editor can grow without touching the core's
command module. The writes themselves are `AttributeManager.set_case_value` and `rename_case`;
each returns the previous value, which is all undo needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coding.commands import Command
from coding.types import CaseId, Changes

if TYPE_CHECKING:
    from coding.project import Project


class SetCaseAttribute(Command):
    """A case's attribute value (None or "" clears it)."""

    kind = "set_case_attribute"

    def __init__(self, case_id: CaseId, name: str, value: str | None) -> None:
        super().__init__()
        self.case_id, self.name, self.value = case_id, name, value
        self.detail = name
        self._old: str | None = None

    def do(self, p: Project) -> Changes:
        self._old = p.attributes.set_case_value(self.case_id, self.name, self.value)
        return Changes(attributes=True)

    def undo(self, p: Project) -> Changes:
        p.attributes.set_case_value(self.case_id, self.name, self._old)
        return Changes(attributes=True)


class RenameCase(Command):
    """A case's name (shown in the document list's case column, so documents change too)."""

    kind = "rename_case"

    def __init__(self, case_id: CaseId, name: str) -> None:
        super().__init__()
        self.case_id, self.name = case_id, name
        self.detail = name
        self._old = ""

    def do(self, p: Project) -> Changes:
        self._old = p.attributes.rename_case(self.case_id, self.name)
        return Changes(attributes=True, documents=True)

    def undo(self, p: Project) -> Changes:
        p.attributes.rename_case(self.case_id, self._old)
        return Changes(attributes=True, documents=True)
