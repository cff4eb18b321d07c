"""Attributes (respondent type, gemeente, meting, gezin...) on documents and cases, and cases.

Values are stored as text and typed by their attribute (text, number, date, choice). A `gezin`
attribute, when present, is what groups documents into cases (`cases_from_attribute`).
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Collection

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from coding.types import AttributeId, AttributeScope, AttributeType, CaseId, DocumentId
from models.errors import NotFoundError, ValidationError
from models.schema import Attribute, Case, CaseAttributeValue, Document, DocumentAttributeValue
from models.sessions import StoreBase as ProjectStore

CASE_ATTRIBUTE_NAMES = ("gezin", "gezin_id", "case", "casus", "familie")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}-\d{1,2}-\d{4}$")


def guess_type(values: list[str]) -> AttributeType:
    filled = [v for v in values if v.strip()]
    if filled and all(_NUMBER.match(v.strip()) for v in filled):
        return AttributeType.NUMBER
    if filled and all(_DATE.match(v.strip()) for v in filled):
        return AttributeType.DATE
    return AttributeType.TEXT


class AttributeManager:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def list(self, scope: AttributeScope = AttributeScope.DOCUMENT) -> list[
            tuple[AttributeId, str, AttributeType]]:
        with self._store.read() as s:
            q = (select(Attribute.id, Attribute.name, Attribute.type)
                 .where(Attribute.scope == scope).order_by(Attribute.position, Attribute.id))
            return [(AttributeId(i), n, t) for i, n, t in s.execute(q)]

    def names(self) -> builtins.list[str]:
        return [n for _, n, _ in self.list()]

    def values(self, name: str) -> builtins.list[str]:
        """The distinct values an attribute has on documents, sorted."""
        with self._store.read() as s:
            q = (select(DocumentAttributeValue.value)
                 .join(Attribute, Attribute.id == DocumentAttributeValue.attribute_id)
                 .where(Attribute.name == name, Attribute.scope == AttributeScope.DOCUMENT)
                 .distinct())
            return sorted(v for v in s.scalars(q) if v != "")

    def values_by_name(self) -> dict[str, builtins.list[str]]:
        """{attribute name: its distinct non-empty values on documents}, in one query."""
        with self._store.read() as s:
            q = (select(Attribute.name, DocumentAttributeValue.value)
                 .join(Attribute, Attribute.id == DocumentAttributeValue.attribute_id)
                 .where(Attribute.scope == AttributeScope.DOCUMENT).distinct())
            out: dict[str, list[str]] = {}
            for name, value in s.execute(q):
                if value != "":
                    out.setdefault(name, []).append(value)
            return out

    def document_values(self, s: Session | None = None,
                        documents: Collection[int] | None = None) -> dict[int, dict[str, str]]:
        """{document id: {attribute name: value}}, in attribute order (of `documents` only,
        when given)."""
        if s is None:
            with self._store.read() as s2:
                return self.document_values(s2, documents)
        out: dict[int, dict[str, str]] = {}
        q = (select(DocumentAttributeValue.document_id, Attribute.name,
                    DocumentAttributeValue.value)
             .join(Attribute, Attribute.id == DocumentAttributeValue.attribute_id)
             .order_by(Attribute.position, Attribute.id))
        if documents is not None:
            q = q.where(DocumentAttributeValue.document_id.in_(documents))
        for doc_id, name, value in s.execute(q):
            out.setdefault(doc_id, {})[name] = value
        return out

    def ensure(self, name: str, type: AttributeType = AttributeType.TEXT,
               scope: AttributeScope = AttributeScope.DOCUMENT) -> AttributeId:
        with self._store.write() as s:
            return AttributeId(self._ensure(s, name, type, scope))

    @staticmethod
    def _find(s: Session, name: str, scope: AttributeScope) -> int | None:
        wanted = name.strip().casefold()
        for attr_id, existing in s.execute(select(Attribute.id, Attribute.name)
                                           .where(Attribute.scope == scope)):
            if existing.casefold() == wanted:
                return int(attr_id)
        return None

    @staticmethod
    def _ensure(s: Session, name: str, type: AttributeType = AttributeType.TEXT,
                scope: AttributeScope = AttributeScope.DOCUMENT) -> int:
        name = name.strip()
        if not name:
            raise ValidationError("An attribute needs a name.")
        # Names match case-insensitively: a docx table's "Gemeente" is the sheet's "gemeente".
        found = AttributeManager._find(s, name, scope)
        if found is not None:
            return found
        position = (s.scalar(select(func.max(Attribute.position))) or 0) + 1
        attr = Attribute(name=name, type=type, scope=scope, position=position)
        s.add(attr)
        s.flush()
        return attr.id

    def set_document_value_in(self, s: Session, doc_id: int, name: str, value: str) -> str | None:
        """Within a running transaction; returns the previous value (None: there was none)."""
        attr_id = self._ensure(s, name)
        row = s.get(DocumentAttributeValue, (doc_id, attr_id))
        old = row.value if row is not None else None
        value = value.strip()
        if row is None:
            s.add(DocumentAttributeValue(document_id=doc_id, attribute_id=attr_id, value=value))
        else:
            row.value = value
        return old

    def set_new_document_values_in(self, s: Session, doc_id: int,
                                   values: dict[str, str]) -> builtins.list[str]:
        """Within a running transaction, give a new document its values (linear in their
        number: the attribute index is read once, not once per value). Returns the names of
        the attributes this created, typed from these values in the same transaction, so an
        import interrupted after this document leaves `meting` a number, not text."""
        index = {name.casefold(): attr_id for attr_id, name in s.execute(
            select(Attribute.id, Attribute.name).where(Attribute.scope == AttributeScope.DOCUMENT))}
        position = s.scalar(select(func.max(Attribute.position))) or 0
        created: list[str] = []
        rows: dict[int, DocumentAttributeValue] = {}  # "Gemeente" and "gemeente" are one
        for raw_name, raw_value in values.items():
            name, value = raw_name.strip(), raw_value.strip()
            if not name:
                raise ValidationError("An attribute needs a name.")
            attr_id = index.get(name.casefold())
            if attr_id is None:
                position += 1
                attr = Attribute(name=name, type=guess_type([value]),
                                 scope=AttributeScope.DOCUMENT, position=position)
                s.add(attr)
                s.flush()
                attr_id = index[name.casefold()] = attr.id
                created.append(name)
            rows[attr_id] = DocumentAttributeValue(document_id=doc_id, attribute_id=attr_id,
                                                   value=value)
        s.add_all(rows.values())
        return created

    def set_document_value(self, doc_id: DocumentId, name: str, value: str | None) -> str | None:
        """Set (or with None, clear) a document's attribute value; returns the previous value."""
        with self._store.write() as s:
            if s.get(Document, doc_id) is None:
                raise NotFoundError(f"document {doc_id} does not exist.")
            if value is None:
                attr_id = self._ensure(s, name)
                row = s.get(DocumentAttributeValue, (doc_id, attr_id))
                old = row.value if row is not None else None
                if row is not None:
                    s.delete(row)
                return old
            return self.set_document_value_in(s, doc_id, name, value)

    def set_types(self, types: dict[str, AttributeType]) -> None:
        with self._store.write() as s:
            for attr in s.scalars(select(Attribute).where(Attribute.name.in_(types))):
                attr.type = types[attr.name]

    # -- cases ---------------------------------------------------------------------------------

    def cases(self) -> builtins.list[tuple[CaseId, str, builtins.list[DocumentId]]]:
        with self._store.read() as s:
            members: dict[int, list[DocumentId]] = {}
            for doc_id, case_id in s.execute(select(Document.id, Document.case_id)
                                             .where(Document.case_id.is_not(None))
                                             .order_by(Document.position)):
                if case_id is not None:
                    members.setdefault(case_id, []).append(DocumentId(doc_id))
            return [(CaseId(i), n, members.get(i, []))
                    for i, n in s.execute(select(Case.id, Case.name).order_by(Case.name))]

    def case_values(self) -> dict[int, dict[str, str]]:
        with self._store.read() as s:
            out: dict[int, dict[str, str]] = {}
            q = (select(CaseAttributeValue.case_id, Attribute.name, CaseAttributeValue.value)
                 .join(Attribute, Attribute.id == CaseAttributeValue.attribute_id))
            for case_id, name, value in s.execute(q):
                out.setdefault(case_id, {})[name] = value
            return out

    def set_case_value(self, case_id: CaseId, name: str, value: str | None) -> str | None:
        """Set (or with None or "", clear) a case's attribute value; returns the previous value.

        A new name creates the case attribute (matched case-insensitively, like document
        attributes); clearing a value creates nothing.
        """
        with self._store.write() as s:
            if s.get(Case, case_id) is None:
                raise NotFoundError(f"case {case_id} does not exist.")
            clear = value is None or not value.strip()
            attr_id = self._find(s, name, AttributeScope.CASE) if clear \
                else self._ensure(s, name, scope=AttributeScope.CASE)
            if attr_id is None:
                return None
            row = s.get(CaseAttributeValue, (case_id, attr_id))
            old = row.value if row is not None else None
            if clear:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(CaseAttributeValue(case_id=case_id, attribute_id=attr_id,
                                         value=(value or "").strip()))
            else:
                row.value = (value or "").strip()
            return old

    def rename_case(self, case_id: CaseId, name: str) -> str:
        """Give a case a new, unique name; returns the old name."""
        name = name.strip()
        if not name:
            raise ValidationError("A case needs a name.")
        with self._store.write() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFoundError(f"case {case_id} does not exist.")
            if s.scalar(select(Case.id).where(Case.name == name, Case.id != case_id)) is not None:
                raise ValidationError(f"There is already a case named {name!r}.")
            old, case.name = case.name, name
            return old

    def ensure_case(self, name: str) -> CaseId:
        name = name.strip()
        if not name:
            raise ValidationError("A case needs a name.")
        with self._store.write() as s:
            found = s.scalar(select(Case.id).where(Case.name == name))
            if found is None:
                case = Case(name=name)
                s.add(case)
                s.flush()
                found = case.id
            return CaseId(found)

    def assign_case(self, doc_id: DocumentId, case_id: CaseId | None) -> CaseId | None:
        """Put a document in a case (or none); returns the previous case."""
        with self._store.write() as s:
            doc = s.get(Document, doc_id)
            if doc is None:
                raise NotFoundError(f"document {doc_id} does not exist.")
            old, doc.case_id = doc.case_id, case_id
            return CaseId(old) if old is not None else None

    def remove_empty_cases(self) -> None:
        with self._store.write() as s:
            used = select(Document.case_id).where(Document.case_id.is_not(None))
            s.execute(delete(Case).where(Case.id.not_in(used)))

    def cases_from_attribute(self, name: str | None = None) -> dict[DocumentId, CaseId | None]:
        """Group documents into cases by a case attribute (default: the first of `gezin`...).

        Returns the previous case of every document that changed, for undo.
        """
        names = [name] if name else list(CASE_ATTRIBUTE_NAMES)
        values = self.document_values()
        changed: dict[DocumentId, CaseId | None] = {}
        for doc_id, attrs in values.items():
            key = next((attrs[n] for n in names if attrs.get(n, "").strip()), None)
            if key:
                case_id = self.ensure_case(key)
                old = self.assign_case(DocumentId(doc_id), case_id)
                if old != case_id:
                    changed[DocumentId(doc_id)] = old
        return changed
