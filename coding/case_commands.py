"""Undoable edits of cases: their attributes (a family's gemeente, number of children) and names.

Kept apart from `coding/commands.py` so the case editor can grow without touching the core's
command module. `AttributeManager.set_case_value` cannot clear a value and does not check that
the case exists (SQLite would answer with a bare IntegrityError), so the two small writes below
do that in one transaction each and return the previous value, which is all undo needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.attributes import AttributeManager
from coding.commands import Command
from coding.types import AttributeScope, CaseId, Changes
from models.errors import NotFoundError, ValidationError
from models.schema import Attribute, Case, CaseAttributeValue

if TYPE_CHECKING:
    from coding.project import Project


def set_case_value(p: Project, case_id: CaseId, name: str, value: str | None) -> str | None:
    """Set (or with None or "", clear) a case's attribute value; returns the previous value.

    A new name creates the case attribute (matched case-insensitively, like document attributes).
    """
    with p.store.write() as s:
        if s.get(Case, case_id) is None:
            raise NotFoundError(f"case {case_id} does not exist.")
        attr_id = _case_attribute(s, name, create=bool(value and value.strip()))
        if attr_id is None:
            return None
        row = s.get(CaseAttributeValue, (case_id, attr_id))
        old = row.value if row is not None else None
        if value is None or not value.strip():
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(CaseAttributeValue(case_id=case_id, attribute_id=attr_id, value=value.strip()))
        else:
            row.value = value.strip()
        return old


def _case_attribute(s: Session, name: str, *, create: bool) -> int | None:
    """The case attribute's id; created only when a value is being set (clearing creates none)."""
    if create:
        return AttributeManager._ensure(s, name, scope=AttributeScope.CASE)
    wanted = name.strip().casefold()
    for attr_id, existing in s.execute(select(Attribute.id, Attribute.name)
                                       .where(Attribute.scope == AttributeScope.CASE)):
        if existing.casefold() == wanted:
            return int(attr_id)
    return None


def rename_case(p: Project, case_id: CaseId, name: str) -> str:
    """Give a case a new (unique) name; returns the old name."""
    name = name.strip()
    if not name:
        raise ValidationError("A case needs a name.")
    with p.store.write() as s:
        case = s.get(Case, case_id)
        if case is None:
            raise NotFoundError(f"case {case_id} does not exist.")
        other = s.scalar(select(Case.id).where(Case.name == name, Case.id != case_id))
        if other is not None:
            raise ValidationError(f"There is already a case named {name!r}.")
        old, case.name = case.name, name
        return old


class SetCaseAttribute(Command):
    """A case's attribute value (None or "" clears it)."""

    kind = "set_case_attribute"

    def __init__(self, case_id: CaseId, name: str, value: str | None) -> None:
        super().__init__()
        self.case_id, self.name, self.value = case_id, name, value
        self.detail = name
        self._old: str | None = None

    def do(self, p: Project) -> Changes:
        self._old = set_case_value(p, self.case_id, self.name, self.value)
        return Changes(attributes=True)

    def undo(self, p: Project) -> Changes:
        set_case_value(p, self.case_id, self.name, self._old)
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
        self._old = rename_case(p, self.case_id, self.name)
        return Changes(attributes=True, documents=True)

    def undo(self, p: Project) -> Changes:
        rename_case(p, self.case_id, self._old)
        return Changes(attributes=True, documents=True)
