"""Memos on the project, a code (a theme's summary memo), a document or a case.

A memo's text is a small Markdown subset (`coding.memo_text`: paragraphs, emphasis, lists and
references to fragments), normalised when stored (NFC, ``\n``, no trailing white space). A target
holds at most one memo here; an emptied memo is removed.

A document memo may also sit on a span of the text (``MemoInfo.start``/``end``): a comment on a
passage without a code, as REFI-QDA annotations arrive. ``get``/``set`` address the one memo of a
target and leave those positioned memos alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import InstrumentedAttribute

from coding.codes import CodeManager
from coding.memo_text import normalise
from coding.types import CaseId, CodeId, DocumentId, MemoId
from models.base import utcnow
from models.schema import Case, Document, Memo
from models.sessions import StoreBase as ProjectStore


@dataclass(frozen=True)
class MemoTarget:
    """What a memo is about; all fields None is the project itself."""

    code_id: CodeId | None = None
    document_id: DocumentId | None = None
    case_id: CaseId | None = None

    @property
    def kind(self) -> str:
        """'code', 'document', 'case' or 'project' (stable: the CLI and GUI show it)."""
        if self.code_id is not None:
            return "code"
        if self.document_id is not None:
            return "document"
        if self.case_id is not None:
            return "case"
        return "project"


@dataclass(frozen=True)
class MemoInfo:
    id: MemoId
    target: MemoTarget
    title: str
    text: str
    guid: str
    name: str | None = None  # the code path, document or case name; None for the project
    modified: str = ""  # ISO date and time, UTC
    start: int | None = None  # a document memo on a span of the text (an annotation)
    end: int | None = None


_KINDS = ("project", "code", "document", "case")


class MemoManager:
    def __init__(self, store: ProjectStore, codes: CodeManager) -> None:
        self._store = store
        self._codes = codes

    def list(self) -> list[MemoInfo]:
        """Every memo with the name of what it is about: the project's first, then codes in
        codebook order, documents in project order, cases by name."""
        codes: dict[int, tuple[str, int]] = {
            c.id: (c.path, i) for i, c in enumerate(self._codes.tree())}
        with self._store.read() as s:
            docs: dict[int, tuple[str, int]] = {i: (n, p) for i, n, p in s.execute(
                select(Document.id, Document.name, Document.position))}
            cases: dict[int, tuple[str, str]] = {
                i: (n, n.casefold()) for i, n in s.execute(select(Case.id, Case.name))}
            found = []
            for m in s.scalars(select(Memo).order_by(Memo.id)):
                target = MemoTarget(
                    CodeId(m.code_id) if m.code_id is not None else None,
                    DocumentId(m.document_id) if m.document_id is not None else None,
                    CaseId(m.case_id) if m.case_id is not None else None)
                place = (codes.get(m.code_id) if m.code_id is not None
                         else docs.get(m.document_id) if m.document_id is not None
                         else cases.get(m.case_id) if m.case_id is not None else None)
                info = MemoInfo(MemoId(m.id), target, m.title, m.text, m.guid,
                                place[0] if place else None,
                                m.modified.isoformat(timespec="seconds"), m.start, m.end)
                found.append(((_KINDS.index(target.kind), place[1] if place else 0, m.id), info))
        return [info for _key, info in sorted(found, key=lambda pair: pair[0])]

    def get(self, target: MemoTarget) -> str:
        """The text of the (first) memo on a target; '' when there is none."""
        with self._store.read() as s:
            memo = s.scalar(self._query(target))
            return memo.text if memo is not None else ""

    def set(self, target: MemoTarget, text: str, title: str = "") -> str:
        """Write the memo on a target (creating it); returns the previous text."""
        text = normalise(text)
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
                                   eq(Memo.case_id, target.case_id), Memo.start.is_(None))
                .order_by(Memo.id).limit(1))
