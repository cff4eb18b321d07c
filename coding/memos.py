"""Memos on the project, a code (a theme's summary memo), a document or a case."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import InstrumentedAttribute

from coding.types import CaseId, CodeId, DocumentId, MemoId
from models.base import utcnow
from models.schema import Memo
from models.sessions import StoreBase as ProjectStore


@dataclass(frozen=True)
class MemoTarget:
    code_id: CodeId | None = None
    document_id: DocumentId | None = None
    case_id: CaseId | None = None


@dataclass(frozen=True)
class MemoInfo:
    id: MemoId
    target: MemoTarget
    title: str
    text: str
    guid: str


class MemoManager:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def list(self) -> list[MemoInfo]:
        with self._store.read() as s:
            return [MemoInfo(MemoId(m.id), MemoTarget(
                CodeId(m.code_id) if m.code_id is not None else None,
                DocumentId(m.document_id) if m.document_id is not None else None,
                CaseId(m.case_id) if m.case_id is not None else None), m.title, m.text, m.guid)
                    for m in s.scalars(select(Memo).order_by(Memo.id))]

    def get(self, target: MemoTarget) -> str:
        """The text of the (first) memo on a target; '' when there is none."""
        with self._store.read() as s:
            memo = s.scalar(self._query(target))
            return memo.text if memo is not None else ""

    def set(self, target: MemoTarget, text: str, title: str = "") -> str:
        """Write the memo on a target (creating it); returns the previous text."""
        with self._store.write() as s:
            memo = s.scalar(self._query(target))
            old = memo.text if memo is not None else ""
            if memo is None:
                if not text:
                    return old
                memo = Memo(code_id=target.code_id, document_id=target.document_id,
                            case_id=target.case_id, title=title)
                s.add(memo)
            if not text and not title and not memo.title:
                s.delete(memo)  # an emptied memo is no memo (and undo of a new memo removes it)
                return old
            memo.text = text
            if title:
                memo.title = title
            memo.modified = utcnow()
            return old

    @staticmethod
    def _query(target: MemoTarget) -> Select[Memo]:
        def eq(col: InstrumentedAttribute[int | None], value: int | None) -> ColumnElement[bool]:
            return col.is_(None) if value is None else col == value

        return (select(Memo).where(eq(Memo.code_id, target.code_id),
                                   eq(Memo.document_id, target.document_id),
                                   eq(Memo.case_id, target.case_id)).order_by(Memo.id).limit(1))
