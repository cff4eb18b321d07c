"""Documents, their speaker turns and speakers.

A document's text is immutable once stored (pseudonymisation is the one exception and shifts
every coding with it). `add_transcript` stores one imported transcript in one transaction, so a
failing file leaves nothing behind.
"""

from __future__ import annotations

import builtins
import unicodedata
from collections import Counter

from sqlalchemy import func, select, update

from coding import rows
from coding.attributes import AttributeManager
from coding.speaker_roles import guess_role
from coding.types import (
    DocumentId,
    DocumentInfo,
    SpeakerInfo,
    SpeakerRole,
    TranscriptLike,
    TurnInfo,
)
from models.errors import NotFoundError, ValidationError
from models.schema import Case, Document, Speaker, Turn
from models.sessions import StoreBase as ProjectStore


class DuplicateDocumentError(ValidationError):
    code = "duplicate"


def count_words(text: str) -> int:
    return len(text.split())


class DocumentManager:
    def __init__(self, store: ProjectStore, attributes: AttributeManager) -> None:
        self._store = store
        self._attributes = attributes

    # -- reading -----------------------------------------------------------------------------

    def list(self) -> list[DocumentInfo]:
        with self._store.read() as s:
            attrs = self._attributes.document_values(s)
            turn_counts = dict(s.execute(
                select(Turn.document_id, func.count()).group_by(Turn.document_id)).all())
            speakers: dict[int, list[str]] = {}
            for doc_id, label in s.execute(
                    select(Speaker.document_id, Speaker.label).order_by(Speaker.id)):
                speakers.setdefault(doc_id, []).append(label)
            cases = dict(s.execute(select(Case.id, Case.name)).all())
            q = select(Document.id, Document.name, Document.format, Document.source_name,
                       Document.sha256, Document.word_count, Document.case_id, Document.guid,
                       func.length(Document.text)).order_by(Document.position, Document.id)
            return [
                DocumentInfo(
                    id=DocumentId(i), name=n, format=f, source_name=src, sha256=h, words=w,
                    turns=turn_counts.get(i, 0), speakers=tuple(speakers.get(i, [])),
                    case=cases.get(c) if c else None, attributes=attrs.get(i, {}),
                    length=length, guid=g,
                )
                for i, n, f, src, h, w, c, g, length in s.execute(q)
            ]

    def get(self, doc_id: DocumentId) -> DocumentInfo:
        for info in self.list():
            if info.id == doc_id:
                return info
        raise NotFoundError(f"document {doc_id} does not exist.")

    def by_name(self, name: str) -> DocumentInfo:
        docs = self.list()
        for wanted in (name, name.casefold()):
            for info in docs:
                if info.name == wanted or info.name.casefold() == wanted:
                    return info
        stems = [d for d in docs if d.name.rsplit(".", 1)[0].casefold() == name.casefold()]
        if len(stems) == 1:
            return stems[0]
        raise NotFoundError(f"no document named {name!r}; see 'duiding documents'.")

    def text(self, doc_id: DocumentId) -> str:
        with self._store.read() as s:
            text = s.scalar(select(Document.text).where(Document.id == doc_id))
        if text is None:
            raise NotFoundError(f"document {doc_id} does not exist.")
        return text

    def turn_span_at(self, doc_id: DocumentId, start: int, end: int) -> tuple[int, int]:
        """The speaker turn containing ``start``-``end`` (the span itself when it has no turn):
        what "expand to the turn" means when adjusting a suggestion."""
        for turn in self.turns(doc_id):
            if turn.start <= start and end <= turn.end:
                return turn.start, turn.end
        return start, end

    def turns(self, doc_id: DocumentId) -> builtins.list[TurnInfo]:
        with self._store.read() as s:
            q = (select(Turn.id, Turn.ordinal, Turn.start, Turn.end, Speaker.label, Speaker.role,
                        Turn.timestamp_ms)
                 .outerjoin(Speaker, Speaker.id == Turn.speaker_id)
                 .where(Turn.document_id == doc_id).order_by(Turn.start))
            return [TurnInfo(i, o, st, en, lab, role or SpeakerRole.RESPONDENT, ts)
                    for i, o, st, en, lab, role, ts in s.execute(q)]

    def speakers(self, doc_id: DocumentId) -> builtins.list[SpeakerInfo]:
        with self._store.read() as s:
            q = (select(Speaker.id, Speaker.label, Speaker.role, func.count(Turn.id))
                 .outerjoin(Turn, Turn.speaker_id == Speaker.id)
                 .where(Speaker.document_id == doc_id).group_by(Speaker.id).order_by(Speaker.id))
            return [SpeakerInfo(i, lab, role, n) for i, lab, role, n in s.execute(q)]

    def find_by_hash(self, sha256: str) -> DocumentInfo | None:
        with self._store.read() as s:
            doc_id = s.scalar(select(Document.id).where(Document.sha256 == sha256))
        return self.get(DocumentId(doc_id)) if doc_id is not None else None

    # -- primitives for commands ---------------------------------------------------------------

    def add_transcript(self, t: TranscriptLike, *, name: str | None = None) -> DocumentId:
        """Store one transcript (text, speakers, turns, attributes) in one transaction."""
        name = name or t.name
        text = t.text
        if text != unicodedata.normalize("NFC", text) or "\r" in text:
            raise ValidationError(f"{name}: text is not normalised (NFC, \\n line ends).")
        for turn in t.turns:
            if not 0 <= turn.start <= turn.end <= len(text):
                raise ValidationError(f"{name}: a speaker turn lies outside the text.")
        with self._store.write() as s:
            if s.scalar(select(Document.id).where(Document.sha256 == t.sha256)) is not None:
                raise DuplicateDocumentError(f"{name}: the same file was already imported.")
            if s.scalar(select(Document.id).where(Document.name == name)) is not None:
                raise DuplicateDocumentError(f"{name}: a document with this name already exists.")
            position = (s.scalar(select(func.max(Document.position))) or 0) + 1
            roles = self._project_roles(s)
            words = sum(count_words(text[tu.start:tu.end]) for tu in t.turns) if t.turns \
                else count_words(text)
            doc = Document(name=name, text=text, source_name=t.name, format=t.format,
                           sha256=t.sha256, word_count=words, position=position)
            s.add(doc)
            s.flush()
            speaker_ids: dict[str, int] = {}
            for label in dict.fromkeys(tu.speaker for tu in t.turns if tu.speaker is not None):
                sp = Speaker(document_id=doc.id, label=label,
                             role=roles.get(label.casefold(), guess_role(label)))
                s.add(sp)
                s.flush()
                speaker_ids[label] = sp.id
            s.add_all(Turn(document_id=doc.id, ordinal=i, start=tu.start, end=tu.end,
                           speaker_id=speaker_ids.get(tu.speaker) if tu.speaker else None,
                           timestamp_ms=tu.timestamp_ms)
                      for i, tu in enumerate(sorted(t.turns, key=lambda x: x.start), start=1))
            self._attributes.set_new_document_values_in(s, doc.id, t.attributes)
            return DocumentId(doc.id)

    @staticmethod
    def _project_roles(s: object) -> dict[str, SpeakerRole]:
        """The role most often given to each label elsewhere in the project ("I" is always...)."""
        from sqlalchemy.orm import Session

        assert isinstance(s, Session)
        votes: dict[str, Counter[SpeakerRole]] = {}
        for label, role in s.execute(select(Speaker.label, Speaker.role)):
            votes.setdefault(label.casefold(), Counter())[role] += 1
        return {label: c.most_common(1)[0][0] for label, c in votes.items()}

    def snapshot(self, doc_ids: builtins.list[DocumentId]) -> rows.Snapshot:
        with self._store.read() as s:
            t = rows.table
            seg_rows = rows.capture(s, "segments", t("segments").c.document_id.in_(doc_ids))
            return [
                ("documents", rows.capture(s, "documents", t("documents").c.id.in_(doc_ids))),
                ("speakers", rows.capture(s, "speakers", t("speakers").c.document_id.in_(doc_ids))),
                ("turns", rows.capture(s, "turns", t("turns").c.document_id.in_(doc_ids))),
                ("document_attribute_values", rows.capture(
                    s, "document_attribute_values",
                    t("document_attribute_values").c.document_id.in_(doc_ids))),
                ("segments", seg_rows),
                ("segment_codes", rows.capture(s, "segment_codes", t("segment_codes").c.segment_id
                                               .in_(rows.ids(seg_rows)))),
                ("memos", rows.capture(s, "memos", t("memos").c.document_id.in_(doc_ids))),
            ] + [(name, rows.capture(s, name, column.in_(doc_ids)))
                 for name, column in rows.other_document_links()]

    def delete(self, doc_ids: builtins.list[DocumentId]) -> rows.Snapshot:
        snap = self.snapshot(doc_ids)
        with self._store.write() as s:
            rows.remove(s, snap)
        return snap

    def restore(self, snap: rows.Snapshot) -> None:
        with self._store.write() as s:
            rows.restore(s, snap)

    def rename(self, doc_id: DocumentId, name: str) -> str:
        name = name.strip()
        if not name:
            raise ValidationError("A document needs a name.")
        with self._store.write() as s:
            doc = s.get(Document, doc_id)
            if doc is None:
                raise NotFoundError(f"document {doc_id} does not exist.")
            if s.scalar(select(Document.id).where(Document.name == name,
                                                  Document.id != doc_id)) is not None:
                raise ValidationError(f"a document named {name!r} already exists.")
            old, doc.name = doc.name, name
            return old

    def set_speaker(self, speaker_id: int, *, label: str | None = None,
                    role: SpeakerRole | None = None) -> tuple[str, SpeakerRole]:
        """Rename a speaker and/or set its role in one document; returns the old values."""
        with self._store.write() as s:
            sp = s.get(Speaker, speaker_id)
            if sp is None:
                raise NotFoundError(f"speaker {speaker_id} does not exist.")
            old = (sp.label, sp.role)
            if label is not None:
                label = label.strip()
                if not label:
                    raise ValidationError("A speaker needs a name.")
                clash = s.scalar(select(Speaker.id).where(Speaker.document_id == sp.document_id,
                                                          Speaker.label == label,
                                                          Speaker.id != sp.id))
                if clash is not None:
                    raise ValidationError(f"this document already has a speaker {label!r}.")
                sp.label = label
            if role is not None:
                sp.role = role
            return old

    def set_role_everywhere(self, label: str, role: SpeakerRole) -> dict[int, SpeakerRole]:
        """Give every speaker with this label, in every document, the role; returns old roles."""
        with self._store.write() as s:
            speakers = [sp for sp in s.scalars(select(Speaker))
                        if sp.label.casefold() == label.strip().casefold()]
            old = {sp.id: sp.role for sp in speakers}
            for sp in speakers:
                sp.role = role
            return old

    def restore_roles(self, old: dict[int, SpeakerRole]) -> None:
        with self._store.write() as s:
            for sid, role in old.items():
                s.execute(update(Speaker).where(Speaker.id == sid).values(role=role))
