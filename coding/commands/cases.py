"""Commands on cases: which case a document belongs to, a case's attributes and its name.

The writes themselves are `AttributeManager.assign_case`, `set_case_value` and `rename_case`;
each returns the previous value, which is all undo needs.
"""

from __future__ import annotations

from coding.commands.base import Command
from coding.project import Project
from coding.types import CaseId, Changes, DocumentId


class AssignCase(Command):
    kind = "assign_case"

    def __init__(self, doc_id: DocumentId, case_name: str | None) -> None:
        super().__init__()
        self.doc_id, self.case_name = doc_id, case_name
        self._old: CaseId | None = None

    def do(self, p: Project) -> Changes:
        case_id = p.attributes.ensure_case(self.case_name) if self.case_name else None
        self._old = p.attributes.assign_case(self.doc_id, case_id)
        return Changes(documents=True, attributes=True)

    def undo(self, p: Project) -> Changes:
        p.attributes.assign_case(self.doc_id, self._old)
        return Changes(documents=True, attributes=True)


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
