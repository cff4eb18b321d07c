"""Storing a ``QdaProject`` in a Duiding project, inside the caller's one transaction.

Split from ``coding.interchange_db`` to keep modules small. Every step looks up what already exists
first (by GUID, then by name), so importing into a project that shares a codebook, coders or
documents reuses them instead of duplicating, and re-importing the same file adds nothing twice.
Anything that cannot be stored is added to the ``ImportReport``; an exception rolls everything back.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding.coders import coder_name
from coding.documents import count_words
from coding.interchange import (
    ImportReport,
    QdaProject,
    QdaSelection,
    VariableType,
    VariableValue,
    derived_guid,
)
from coding.interchange_db import _TYPE_HINT, LoadResult, _marker_of
from coding.speaker_roles import guess_role
from coding.types import TurnLike
from models.base import utcnow
from models.errors import ValidationError
from models.schema import (
    Attribute,
    AttributeScope,
    AttributeType,
    Case,
    CaseAttributeValue,
    Code,
    Coder,
    Document,
    DocumentAttributeValue,
    Memo,
    Segment,
    SegmentCode,
    Speaker,
    Turn,
    Valence,
)

if TYPE_CHECKING:
    from coding.project import Project


def _text_value(value: VariableValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _guid_key(guid: str) -> str:
    return guid.upper()


class Loader:
    def __init__(self, s: Session, project: Project, qda: QdaProject, report: ImportReport,
                 turns: Callable[[str], Sequence[TurnLike]] | None) -> None:
        self.s, self.project, self.qda, self.report, self.turns = s, project, qda, report, turns
        self.result = LoadResult()
        self.coders: dict[str, int] = {}
        self.codes: dict[str, int] = {}
        self.markers: dict[str, str] = {}
        self.docs: dict[str, int] = {}
        self.cases: dict[str, int] = {}
        self.segments: dict[str, int] = {}

    def run(self, codes_only: bool) -> LoadResult:
        self._codes()
        if not codes_only:
            self._coders()
            self._documents()
            self._attributes_and_cases()
            self._segments()
            self._memos()
            for st in self.qda.sets:
                self._set(st.name, st.source_guids)
        self.s.flush()
        return self.result

    # -- codebook --------------------------------------------------------------------------------

    def _codes(self) -> None:
        existing = {_guid_key(g): i for g, i in self.s.execute(select(Code.guid, Code.id))}
        for code in self.qda.codes:
            marker = _marker_of(code, self.qda)
            if marker is not None:
                self.markers[code.guid] = marker
                continue
            if code.guid in existing:
                self.codes[code.guid] = existing[code.guid]
                continue
            parent = self.codes.get(code.parent_guid) if code.parent_guid else None
            name = " ".join(code.name.replace("/", "-").split()) or "(naamloos)"
            if name != " ".join(code.name.split()):
                self.report.warnings.append(f"code {code.name!r} renamed to {name!r}")
            same = self.s.scalar(select(Code.id).where(
                Code.parent_id.is_(None) if parent is None else Code.parent_id == parent,
                func.lower(Code.name) == name.lower()))
            if same is not None:
                self.codes[code.guid] = same
                self.report.warnings.append(f"code {name!r} already exists; codings joined")
                continue
            position = (self.s.scalar(select(func.max(Code.position)).where(
                Code.parent_id.is_(None) if parent is None else Code.parent_id == parent)) or 0)
            row = Code(guid=code.guid.lower(), name=name, parent_id=parent,
                       colour=code.colour or "#9e9e9e", definition=code.description,
                       position=position + 1)
            self.s.add(row)
            self.s.flush()
            self.codes[code.guid] = row.id
            self.result.codes += 1

    # -- coders, documents -----------------------------------------------------------------------

    def _coders(self) -> None:
        for user in self.qda.users:
            self._coder(user.guid, user.name)

    def _coder(self, guid: str | None, name: str = "") -> int:
        if guid is None:
            guid = derived_guid("coder", self.project.coder)
            name = self.project.coder
        if guid in self.coders:
            return self.coders[guid]
        row = self.s.scalar(select(Coder).where(func.upper(Coder.guid) == guid))
        name = coder_name(name) or f"gebruiker {guid[:8].lower()}"
        if row is None:
            row = self.s.scalar(select(Coder).where(Coder.name == name))
        if row is None:
            row = Coder(guid=guid.lower(), name=name)
            self.s.add(row)
            self.s.flush()
            self.result.coders += 1
        self.coders[guid] = row.id
        return row.id

    def _documents(self) -> None:
        position = self.s.scalar(select(func.max(Document.position))) or 0
        for src in self.qda.sources:
            if "\r" in src.text or unicodedata.normalize("NFC", src.text) != src.text:
                raise ValidationError(f"{src.name}: text is not normalised (NFC, \\n line ends).")
            found = self.s.scalar(select(Document.id).where(func.upper(Document.guid) == src.guid))
            digest = hashlib.sha256(src.text.encode("utf-8")).hexdigest()
            if found is None:
                found = self.s.scalar(select(Document.id).where(Document.sha256 == digest))
            if found is not None:
                self.docs[src.guid] = found
                self.report.warnings.append(f"{src.name}: already in the project; not added again")
                continue
            name, n = src.name or "document", 1
            while self.s.scalar(select(Document.id).where(Document.name == name)) is not None:
                n += 1
                name = f"{src.name} ({n})"
            turns = list(self.turns(src.text)) if self.turns else []
            position += 1
            doc = Document(guid=src.guid.lower(), name=name, text=src.text, source_name=src.name,
                           format="qdpx", sha256=digest, position=position,
                           word_count=sum(count_words(src.text[t.start:t.end]) for t in turns)
                           if turns else count_words(src.text))
            self.s.add(doc)
            self.s.flush()
            speakers: dict[str, int] = {}
            for i, turn in enumerate(sorted(turns, key=lambda t: t.start), start=1):
                sid = None
                if turn.speaker is not None:
                    if turn.speaker not in speakers:
                        sp = Speaker(document_id=doc.id, label=turn.speaker,
                                     role=guess_role(turn.speaker))
                        self.s.add(sp)
                        self.s.flush()
                        speakers[turn.speaker] = sp.id
                    sid = speakers[turn.speaker]
                self.s.add(Turn(document_id=doc.id, ordinal=i, start=turn.start, end=turn.end,
                                speaker_id=sid, timestamp_ms=turn.timestamp_ms))
            self.docs[src.guid] = doc.id
            self.result.documents += 1

    # -- attributes and cases --------------------------------------------------------------------

    def _attribute(self, guid: str, scope: AttributeScope) -> Attribute | None:
        var = next((v for v in self.qda.variables if v.guid == guid), None)
        if var is None:
            return None
        kind, choices = AttributeType.TEXT, ""
        if var.description.startswith(_TYPE_HINT):
            head, _, choices = var.description.partition("\n")
            try:
                kind = AttributeType(head[len(_TYPE_HINT):].strip())
            except ValueError:
                kind = AttributeType.TEXT
        elif var.type in (VariableType.INTEGER, VariableType.FLOAT):
            kind = AttributeType.NUMBER
        elif var.type is VariableType.DATE:
            kind = AttributeType.DATE
        row = self.s.scalar(select(Attribute).where(Attribute.scope == scope,
                                                    Attribute.name == var.name))
        if row is None:
            position = self.s.scalar(select(func.max(Attribute.position))) or 0
            row = Attribute(guid=var.guid.lower(), name=var.name, type=kind, scope=scope,
                            choices=choices, position=position + 1)
            if self.s.scalar(select(Attribute.id).where(func.upper(Attribute.guid) == var.guid)):
                row.guid = derived_guid(var.guid, scope.value).lower()  # same name, both scopes
            self.s.add(row)
            self.s.flush()
            self.result.attributes += 1
        return row

    def _attributes_and_cases(self) -> None:
        for src in self.qda.sources:
            for guid, value in src.values.items():
                attr = self._attribute(guid, AttributeScope.DOCUMENT)
                if attr is not None and src.guid in self.docs:
                    self.s.merge(DocumentAttributeValue(document_id=self.docs[src.guid],
                                                        attribute_id=attr.id,
                                                        value=_text_value(value)))
        for case in self.qda.cases:
            name = case.name or f"casus {case.guid[:8].lower()}"
            row = self.s.scalar(select(Case).where(func.upper(Case.guid) == case.guid))
            row = row or self.s.scalar(select(Case).where(Case.name == name))
            if row is None:
                row = Case(guid=case.guid.lower(), name=name)
                self.s.add(row)
                self.s.flush()
                self.result.cases += 1
            self.cases[case.guid] = row.id
            for guid, value in case.values.items():
                attr = self._attribute(guid, AttributeScope.CASE)
                if attr is not None:
                    self.s.merge(CaseAttributeValue(case_id=row.id, attribute_id=attr.id,
                                                    value=_text_value(value)))
            for member in case.source_guids:
                doc = self.s.get(Document, self.docs[member]) if member in self.docs else None
                if doc is not None:
                    if doc.case_id not in (None, row.id):
                        self.report.warnings.append(f"{doc.name}: in more than one case; "
                                                    f"kept in the first")
                        continue
                    doc.case_id = row.id

    def _set(self, name: str, sources: list[str]) -> None:
        """ATLAS.ti writes document attributes as sets named ``attribute: value``."""
        attr_name, sep, value = name.partition(":")
        members = [self.docs[g] for g in sources if g in self.docs]
        if not sep or not members or not attr_name.strip() or not value.strip():
            self.report.skip("set", name, "not_supported", "groups are not kept")
            return
        attr = self.s.scalar(select(Attribute).where(Attribute.scope == AttributeScope.DOCUMENT,
                                                     Attribute.name == attr_name.strip()))
        if attr is None:
            attr = Attribute(name=attr_name.strip(), scope=AttributeScope.DOCUMENT)
            self.s.add(attr)
            self.s.flush()
            self.result.attributes += 1
        for doc_id in members:
            self.s.merge(DocumentAttributeValue(document_id=doc_id, attribute_id=attr.id,
                                                value=value.strip()))

    # -- segments and memos ----------------------------------------------------------------------

    def _segments(self) -> None:
        groups: dict[tuple[str, int, int, str | None], list[QdaSelection]] = {}
        lengths = {src.guid: len(src.text) for src in self.qda.sources}
        for sel in self.qda.selections:
            if sel.source_guid not in self.docs:
                continue
            if not 0 <= sel.start < sel.end <= lengths.get(sel.source_guid, 0):
                self.report.skip("selection", sel.name or sel.guid, "outside_text")
                continue
            creators = {c.creator_guid or sel.creator_guid for c in sel.codings} or {
                sel.creator_guid}
            for creator in creators:
                key = (sel.source_guid, sel.start, sel.end, creator)
                groups.setdefault(key, []).append(sel)
        existing = {g.upper() for g in self.s.scalars(select(Segment.guid))}
        for (src, start, end, creator), sels in groups.items():
            guids = {s.guid for s in sels}
            main = next((s for s in sels if s.guid not in existing and not any(
                s.guid == derived_guid(o, v) for o in guids
                for v in ("positief", "aandachtspunt", "neutraal"))), None)
            if main is None:
                if guids & existing:
                    continue  # imported before
                main = sels[0]
            codes: dict[int, Valence] = {}
            key_quote = False
            for sel in sels:
                mine = [c for c in sel.codings if (c.creator_guid or sel.creator_guid) == creator]
                valence = Valence.NEUTRAAL
                for coding in mine:
                    marker = self.markers.get(coding.code_guid)
                    if marker == "kernquote":
                        key_quote = True
                    elif marker in ("positief", "aandachtspunt", "neutraal"):
                        valence = Valence(marker)
                for coding in mine:
                    if coding.code_guid in self.codes:
                        codes[self.codes[coding.code_guid]] = valence
            memo = "\n\n".join(dict.fromkeys(s.description for s in sels if s.description))
            if not codes:
                self.report.skip("selection", main.name or f"{start}-{end}", "no_codes",
                                 "a fragment without codes (a comment) is not kept"
                                 + (f": {memo}" if memo else ""))
                continue
            when = next((c.created for s in sels for c in s.codings if c.created), None)
            seg = Segment(guid=main.guid.lower(), document_id=self.docs[src], start=start,
                          end=end, coder_id=self._coder(creator, self._user_name(creator)),
                          memo=memo, key_quote=key_quote, created=when or utcnow(),
                          modified=when or utcnow())
            self.s.add(seg)
            self.s.flush()
            self.s.add_all(SegmentCode(segment_id=seg.id, code_id=c, valence=v)
                           for c, v in codes.items())
            for sel in sels:
                self.segments[sel.guid] = seg.id
            self.result.segments += 1

    def _user_name(self, guid: str | None) -> str:
        return next((u.name for u in self.qda.users if u.guid == guid), "")

    def _memos(self) -> None:
        existing = {g.upper() for g in self.s.scalars(select(Memo.guid))}
        for note in self.qda.notes:
            if note.guid in existing:
                continue
            coder = self._coder(note.creator_guid, self._user_name(note.creator_guid)) \
                if note.creator_guid else None
            targets: list[tuple[str, int]] = []
            for target in note.target_guids:
                if target in self.codes:
                    targets.append(("code_id", self.codes[target]))
                elif target in self.docs:
                    targets.append(("document_id", self.docs[target]))
                elif target in self.cases:
                    targets.append(("case_id", self.cases[target]))
                elif target in self.segments:
                    seg = self.s.get(Segment, self.segments[target])
                    if seg is not None:
                        head = f"{note.name}: " if note.name else ""
                        seg.memo = "\n\n".join(p for p in (seg.memo, head + note.text) if p)
                        self.result.memos += 1
            if not targets and (note.on_project or not note.target_guids):
                targets.append(("", 0))
            for index, (column, target_id) in enumerate(targets):
                memo = Memo(guid=(note.guid if index == 0 else derived_guid(note.guid, str(index)))
                            .lower(), title=note.name, text=note.text, coder_id=coder,
                            created=note.created or utcnow(), modified=note.created or utcnow())
                if column:
                    setattr(memo, column, target_id)
                self.s.add(memo)
                self.result.memos += 1

