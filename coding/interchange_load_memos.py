"""Storing the memos, annotations and sets of a ``QdaProject`` (the second half of the loader).

Memos arrive in several shapes and must land once each:

- notes (``QdaNote``) attached to codes, documents, cases, the project, or a selection;
- descriptions: Duiding writes every memo also into the description of its document, case,
  code or the project (``coding.interchange_conventions``), and tools that keep only
  descriptions (QualCoder) send them back that way;
- annotations: a selection without codings that carries a comment (MAXQDA, QualCoder).

A memo whose text is already on the same target (from its note, from an earlier import of the
same file, or written by hand) is not stored again. A note or annotation on a coded passage
becomes part of that fragment's memo; on a passage without a fragment it becomes a document memo
with a position. ``ImportReport.memos`` counts where each went.

Sets become code groups and document groups (``coding.groups`` says why); ATLAS.ti's
``attribute: value`` document sets become attribute values, as ATLAS.ti means them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select

from coding.interchange import QdaNote, QdaSelection, QdaSet, derived_guid
from coding.interchange_conventions import MemoText, parse_description, same_text
from coding.interchange_state import LoadState
from coding.memo_text import normalise
from models.base import utcnow
from models.group_models import CodeGroupMember, DocumentGroupMember, Group, GroupKind
from models.schema import (
    Attribute,
    AttributeScope,
    DocumentAttributeValue,
    Memo,
    Segment,
)

# (code_id, document_id, case_id, start, end) of a memo; all None: the project.
_Key = tuple[int | None, int | None, int | None, int | None, int | None]
_PROJECT: _Key = (None, None, None, None, None)


class MemoLoader:
    def __init__(self, st: LoadState) -> None:
        self.st = st
        self._code_memos: dict[str, list[MemoText]] = {}
        self._annotations: dict[str, QdaSelection] = {}
        self._texts: dict[_Key, list[str]] = {}
        self._rows: dict[_Key, Memo] = {}  # the one memo of a project/code/document/case
        self._guids: set[str] = set()

    # -- collected while the first half runs ---------------------------------------------------

    def code_memos(self, code_guid: str, memos: Sequence[MemoText]) -> None:
        if memos:
            self._code_memos[code_guid] = list(memos)

    def annotation(self, sel: QdaSelection) -> None:
        self._annotations[sel.guid] = sel

    # -- storing -------------------------------------------------------------------------------

    def run(self, codes_only: bool) -> None:
        s = self.st.s
        self._guids = {g.upper() for g in s.scalars(select(Memo.guid))}
        for m in s.scalars(select(Memo).order_by(Memo.id)):
            key = (m.code_id, m.document_id, m.case_id, m.start, m.end)
            self._texts.setdefault(key, []).append(m.text)
            if m.start is None:
                self._rows.setdefault(key, m)
        if not codes_only:
            for note in self.st.qda.notes:
                self._note(note)
            self._descriptions()
            for sel in self._annotations.values():
                self._on_span(sel, "", sel.description, derived_guid(sel.guid, "memo"), None)
        for code_guid, memos in self._code_memos.items():
            if code_guid in self.st.codes and (not codes_only
                                               or code_guid in self.st.created_codes):
                key = (self.st.codes[code_guid], None, None, None, None)
                notes = [n.text for n in self.st.qda.notes if code_guid in n.target_guids]
                self._from_description(key, memos, notes, code_guid, "code")

    def _note(self, note: QdaNote) -> None:
        st = self.st
        coder = st.coder(note.creator_guid) if note.creator_guid else None
        placed = 0
        for target in note.target_guids:
            guid = derived_guid(note.guid, target) if placed else note.guid
            if target in st.codes:
                key: _Key = (st.codes[target], None, None, None, None)
                placed += self._add(key, note, guid, coder, "code")
            elif target in st.docs:
                placed += self._add((None, st.docs[target], None, None, None), note, guid, coder,
                                    "document")
            elif target in st.cases:
                placed += self._add((None, None, st.cases[target], None, None), note, guid,
                                    coder, "case")
            elif target in st.segments or target in self._annotations:
                sel = self._annotations.get(target)
                placed += self._on_span(sel, note.name, note.text, guid, coder,
                                        st.segments.get(target))
        if not note.target_guids or note.on_project:
            self._add(_PROJECT, note, derived_guid(note.guid, "project") if placed else note.guid,
                      coder, "project")

    def _add(self, key: _Key, note: QdaNote | MemoText, guid: str, coder: int | None,
             where: str) -> int:
        """Store a memo on ``key``; a target already holding one gets this text added to it
        (a project, code, document or case has one memo in Duiding). Returns 1 when placed."""
        title = note.name if isinstance(note, QdaNote) else note.title
        text = normalise(note.text)
        if not text:
            return 0
        flat = " ".join(text.split())
        if guid.upper() in self._guids or any(flat in " ".join(t.split())
                                              for t in self._texts.get(key, [])):
            return 1  # there already
        row = self._rows.get(key)
        if row is not None:
            block = f"**{title}**\n\n{text}" if title and title != row.title else text
            row.text = normalise(f"{row.text}\n\n{block}")
            row.modified = utcnow()
            self._texts[key] = [row.text]
        else:
            when = (note.created if isinstance(note, QdaNote) else None) or utcnow()
            code_id, document_id, case_id, start, end = key
            row = Memo(guid=guid.lower(), title=title, text=text, coder_id=coder,
                       code_id=code_id, document_id=document_id, case_id=case_id,
                       start=start, end=end, created=when, modified=when)
            self.st.s.add(row)
            self._guids.add(guid.upper())
            self._texts.setdefault(key, []).append(text)
            if start is None:
                self._rows[key] = row
        self.st.result.memos += 1
        self.st.report.memos[where] += 1
        return 1

    def _on_span(self, sel: QdaSelection | None, title: str, text: str, guid: str,
                 coder: int | None, segment_id: int | None = None) -> int:
        """A comment on a passage: part of the fragment there, else a memo with a position."""
        st = self.st
        if not text.strip():
            return 0
        if segment_id is None and sel is not None:
            segment_id = st.s.scalar(select(Segment.id).where(
                Segment.document_id == st.docs[sel.source_guid], Segment.start == sel.start,
                Segment.end == sel.end).order_by(Segment.id).limit(1))
        if segment_id is not None:
            seg = st.s.get(Segment, segment_id)
            if seg is None:
                return 0
            line = f"{title}: {text}" if title else text
            if line not in seg.memo and text not in seg.memo:
                seg.memo = "\n\n".join(p for p in (seg.memo, line) if p)
                st.result.memos += 1
                st.report.memos["fragment"] += 1
            return 1
        if sel is None:
            return 0
        key = (None, st.docs[sel.source_guid], None, sel.start, sel.end)
        return self._add(key, MemoText(title, text), guid, coder, "document_position")

    def _descriptions(self) -> None:
        st, qda = self.st, self.st.qda
        project_notes = [n.text for n in qda.notes if n.on_project or not n.target_guids]
        lead, memos = parse_description(qda.description)
        self._from_description(_PROJECT, _with_lead(lead, memos), project_notes, "project",
                               "project")
        for src in qda.sources:
            if src.guid in st.docs and src.description.strip():
                lead, memos = parse_description(src.description)
                notes = [n.text for n in qda.notes if src.guid in n.target_guids]
                self._from_description((None, st.docs[src.guid], None, None, None),
                                       _with_lead(lead, memos), notes, src.guid, "document")
        for case in qda.cases:
            if case.guid in st.cases and case.description.strip():
                lead, memos = parse_description(case.description)
                notes = [n.text for n in qda.notes if case.guid in n.target_guids]
                self._from_description((None, None, st.cases[case.guid], None, None),
                                       _with_lead(lead, memos), notes, case.guid, "case")

    def _from_description(self, key: _Key, memos: Sequence[MemoText], notes: Sequence[str],
                          owner: str, where: str) -> None:
        for i, memo in enumerate(memos):
            if memo.text.strip() and not any(same_text(memo.text, n) for n in notes):
                self._add(key, memo, derived_guid(owner, "description", str(i)), None, where)


def _with_lead(lead: str, memos: list[MemoText]) -> list[MemoText]:
    return ([MemoText("", lead)] if lead else []) + memos


# -- sets ----------------------------------------------------------------------------------------


def load_groups(st: LoadState, codes_only: bool) -> None:
    atlas = "atlas" in st.qda.origin.lower()
    for set_ in st.qda.sets:
        codes = [st.codes[g] for g in set_.code_guids if g in st.codes]
        docs = [] if codes_only else [st.docs[g] for g in set_.source_guids if g in st.docs]
        if set_.note_guids:
            st.report.skip("set", set_.name, "memo_group",
                           f"{len(set_.note_guids)} memos grouped; Duiding has no memo groups")
        if atlas and not set_.code_guids and docs and _attribute_set(st, set_.name, docs):
            continue
        if not codes and not docs:
            if not set_.note_guids:
                st.report.skip("set", set_.name, "empty", "no member Duiding keeps")
            continue
        if codes:
            _group(st, GroupKind.CODE, set_, codes, set_.guid)
        if docs:
            _group(st, GroupKind.DOCUMENT, set_, docs,
                   derived_guid(set_.guid, "documents") if codes else set_.guid)


def _group(st: LoadState, kind: GroupKind, set_: QdaSet, members: list[int], guid: str) -> None:
    s = st.s
    row = s.scalar(select(Group).where(Group.guid.in_([guid.lower(), guid.upper()])))
    if row is None or row.kind != kind:
        row = s.scalar(select(Group).where(Group.kind == kind, Group.name == set_.name))
    if row is None:
        taken = s.scalar(select(Group.id).where(Group.guid == guid.lower()))
        row = Group(guid=(derived_guid(guid, kind.value) if taken else guid).lower(), kind=kind,
                    name=set_.name or "(naamloos)", description=set_.description,
                    position=(s.scalar(select(Group.position).where(Group.kind == kind)
                                       .order_by(Group.position.desc()).limit(1)) or 0) + 1)
        s.add(row)
        s.flush()
        st.result.groups += 1
    model = CodeGroupMember if kind is GroupKind.CODE else DocumentGroupMember
    column = "code_id" if kind is GroupKind.CODE else "document_id"
    col = getattr(model, column)
    present = set(s.scalars(select(col).where(model.group_id == row.id)))
    new = sorted(set(members) - present)
    if new:
        s.execute(insert(model), [{"group_id": row.id, column: m} for m in new])


def _attribute_set(st: LoadState, name: str, docs: list[int]) -> bool:
    """ATLAS.ti writes document attributes as sets named ``attribute: value``."""
    attr_name, sep, value = name.partition(":")
    if not sep or not attr_name.strip() or not value.strip():
        return False
    s = st.s
    attr = s.scalar(select(Attribute).where(Attribute.scope == AttributeScope.DOCUMENT,
                                            Attribute.name == attr_name.strip()))
    if attr is None:
        attr = Attribute(name=attr_name.strip(), scope=AttributeScope.DOCUMENT)
        s.add(attr)
        s.flush()
        st.result.attributes += 1
    for doc_id in docs:
        s.merge(DocumentAttributeValue(document_id=doc_id, attribute_id=attr.id,
                                       value=value.strip()))
    return True
